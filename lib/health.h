/* health: the JSON health checks of one context and of the whole gateway. */
#ifndef ROOMBOOK_HEALTH_H
#define ROOMBOOK_HEALTH_H

#include "request.h"

/*
 * GET /healthz/<context>: {"context", "status": "ok"|"degraded",
 * "db": "ok"|"down", "version"}.  200 when the database answers, else 503.
 */
int	health_context(struct req *r);

/*
 * GET /healthz: this context plus every other pool, asked directly on its
 * socket.  {"status": "ok"|"degraded"|"down", "db", "version",
 * "contexts": {name: {"status", "db"} or {"status": "down", "error"}}}.
 * "down" means the database is unreachable; 200 only when all is ok.
 */
int	health_gateway(struct req *r);

#endif
