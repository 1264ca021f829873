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
 * "contexts": {name: {"status", "db"} or {"status": "down", "error"}},
 * "host": this host's [cluster] pool_address, when it has one}.  "down" means the database is unreachable; 200 only when all is ok.
 */
int	health_gateway(struct req *r);

/*
 * GET /healthz/host/<address>: health_gateway of one application host of
 * a cluster ([cluster] app_hosts), to which the gateway sends it, with
 * "host": its address; 404 on any other host.
 */
int	health_host(struct req *r);

#endif
