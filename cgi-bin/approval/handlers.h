/* approval: handlers of the approval program. */
#ifndef ROOMBOOK_APPROVAL_HANDLERS_H
#define ROOMBOOK_APPROVAL_HANDLERS_H

#include "booking.h"
#include "request.h"

/* GET /admin/approvals: pending requests, soonest start first.  200. */
int	approvals_list(struct req *r);
/* POST /admin/approvals/{id}/approve: 303 back to the queue; 404; 409
 * (already decided: by whom and when; or its start has passed). */
/* POST /admin/approvals/approve (booking=ID, repeated): approves each
 * ticked request as its own transition; 200 with what was done and what
 * was refused, 422 when none is ticked or an id is no number. */
int	approval_approve_ticked(struct req *r);
int	approval_approve(struct req *r);
/* POST /admin/approvals/{id}/deny (reason required): as approve, and 422
 * without a reason. */
int	approval_deny(struct req *r);
/* The queue again with the refused deny's errors at its request; status. */
int	approval_deny_form(struct req *r, int status);
/*
 * POST /admin/approvals/series/{id}/approve and .../deny (reason
 * required): every waiting date of the series at once; 303 back to the
 * queue, 404 when none waits, 422 (the queue again) without a reason.
 */
int	approval_series_approve(struct req *r);
int	approval_show(struct req *r);
int	approval_series_show(struct req *r);
int	approval_series_deny(struct req *r);
int	approval_series_deny_form(struct req *r, int status);
/* GET /api/confirms?status=BOOKED (?after, ?limit): the queue as JSON
 * (admin).  200, 422. */
int	api_confirms_list(struct req *r);
/* PATCH /api/confirms/{id} {"status": "CONFIRMED" | "DENIED", "reason"}:
 * as approve and deny; 400, 415, 422 for a bad body. */
int	api_confirm_decide(struct req *r);

/*
 * 0 when r's person decides some room's requests (an administrator, or
 * an approver); else the 403 to answer with.
 */
int	decider_only(struct req *r);

#endif
