/* approval: the administrators' queue of booking requests. */
#include "app.h"
#include "handlers.h"
#include "health.h"

static const struct route routes[] = {
	{ M_GET,  "/admin/approvals",			AUTH_USER,  approvals_list,
	    NULL },
	{ M_GET,  "/admin/approvals/{id}",		AUTH_USER,  approval_show,
	    NULL },
	{ M_GET,  "/admin/approvals/series/{id}",	AUTH_USER,
	    approval_series_show, NULL },
	{ M_POST, "/admin/approvals/approve",		AUTH_USER, 
	    approval_approve_ticked, NULL },
	{ M_POST, "/admin/approvals/{id}/approve",	AUTH_USER,  approval_approve,
	    NULL },
	{ M_POST, "/admin/approvals/{id}/deny",	AUTH_USER,  approval_deny,
	    approval_deny_form },
	{ M_POST, "/admin/approvals/series/{id}/approve", AUTH_USER, 
	    approval_series_approve, NULL },
	{ M_POST, "/admin/approvals/series/{id}/deny", AUTH_USER, 
	    approval_series_deny, approval_series_deny_form },
	{ M_GET,  "/api/confirms",			AUTH_USER,  api_confirms_list,
	    NULL },
	{ M_PATCH, "/api/confirms/{id}",		AUTH_USER,  api_confirm_decide,
	    NULL },
	{ M_GET,  "/healthz/approval",			AUTH_ANY,   health_context,
	    NULL },
};

static const struct program program = {
	CTX_APPROVAL, routes, NELEM(routes), 0 /* read_only */
};

int
main(int argc, char *argv[])
{
	return app_main(&program, argc, argv);
}
