/* app: a context program's start-up and its FastCGI accept-dispatch loop. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <fastcgi.h>
#include <fcgiapp.h>
#include <malloc.h>
#include <poll.h>
#include <signal.h>

#include "api.h"
#include "app.h"
#include "booking.h"
#include "clock.h"
#include "db.h"
#include "fragment.h"
#include "i18n.h"
#include "log.h"
#include "page.h"
#include "render.h"
#include "password.h"
#include "replica.h"
#include "response.h"
#include "session.h"
#include "testing.h"

static int
fcgi_write(void *ctx, const char *data, size_t len)
{
	return FCGX_PutStr(data, (int)len, ctx) == (int)len ? 0 : -1;
}

/*
 * The largest body r may send: a form's, or for an upload (a form with a
 * file, an image) the largest photo and a form's worth more.
 */
static long long
body_limit(const struct req *r)
{
	const char *type = req_env(r, "CONTENT_TYPE");

	if (type != NULL && (strncasecmp(type, "multipart/form-data", 19) ==
	    0 || strncasecmp(type, "image/", 6) == 0))
		return (long long)r->app->cfg->photo_max_bytes +
		    REQ_UPLOAD_SLACK;
	return REQ_MAX_BODY;
}

/* Reads the declared body; returns 0 or an HTTP status with r->error. */
static int
read_body(struct req *r, FCGX_Stream *in)
{
	long long	 len = req_content_length(r);
	char		*body;

	if (len < 0) {
		r->error = N_("malformed Content-Length");
		return 400;
	}
	if (len > body_limit(r)) {
		r->error = N_("the request body is too large");
		return 413;
	}
	if (len == 0)
		return 0;
	if ((body = malloc((size_t)len + 1)) == NULL) {
		r->error = "out of memory";
		return 500;
	}
	if (FCGX_GetStr(body, (int)len, in) != (int)len) {
		free(body);
		r->error = N_("the request body ended early");
		return 400;
	}
	body[len] = '\0';
	return req_set_body(r, body, (size_t)len);
}

int
db_failed(struct req *r)
{
	/* Logged by serve(); error pages never show a 5xx's detail. */
	r->error = db_last_message(r->app->db);
	return db_last_error(r->app->db) == DB_DOWN ? 503 : 500;
}

/* Sends an anonymous visitor of a protected page to the login form. */
static int
login_required(struct req *r)
{
	const char	*uri = req_env(r, "REQUEST_URI");
	char		*next, *location;
	size_t		 n;
	int		 rc;

	if (api_path(r->path)) {
		r->error = N_("send an API token: Authorization: Bearer "
		    "<token>");
		return resp_header(r, "WWW-Authenticate", "Bearer") == 0 ?
		    401 : 500;
	}
	if ((next = url_encode(uri != NULL ? uri : "/")) == NULL)
		return 500;
	n = strlen(next) + sizeof "/login?next=";
	if ((location = malloc(n)) == NULL) {
		free(next);
		return 500;
	}
	snprintf(location, n, "/login?next=%s", next);
	rc = resp_redirect(r, 303, location);
	free(location);
	free(next);
	return rc;
}

/*
 * 1 unless the browser says the request comes from a page of another
 * origin: its Origin header, when sent, must name this host and port as
 * the browser sent them in Host (the gateway passes that header on as
 * RB_REQUEST_HOST; Debian's HTTP_HOST drops the port).  The scheme is
 * not compared: a TLS proxy in front may change it.
 */
static int
same_origin(const struct req *r)
{
	const char	*origin = req_env(r, "HTTP_ORIGIN");
	const char	*host = req_env(r, "RB_REQUEST_HOST");
	const char	*authority;

	if (origin == NULL)
		return 1;
	if (host == NULL || (authority = strstr(origin, "://")) == NULL)
		return 0;
	return strcasecmp(authority + 3, host) == 0;
}

/*
 * The route's guard, before any handler runs: who may call it, and for
 * anything but GET and HEAD a form token that proves the form is ours,
 * sent from a page of ours.
 */
static int
guard(struct req *r)
{
	if (r->route->auth == AUTH_DISPLAY && r->display == NULL) {
		r->error = N_("this screen is not paired with a room, or no "
		    "longer; an administrator pairs it from the room's page");
		return 401;
	}
	if (r->route->auth != AUTH_ANY && r->user == NULL)
		return login_required(r);
	if (r->route->auth == AUTH_ADMIN && !r->user->admin) {
		r->error = N_("this page is for administrators");
		return 403;
	}
	/* A bearer token is sent on purpose, never by a browser on its own. */
	if (r->method != M_GET && r->method != M_HEAD && !r->bearer &&
	    (!session_csrf_ok(r) || !same_origin(r))) {
		r->error = N_("the form has expired or did not come from this "
		    "site; go back, reload the page and try again");
		return 403;
	}
	return 0;
}

/*
 * The reader's language: a person's own choice (their setting, else the
 * login page's switch), else their browser's, else the site's.  Scripts
 * get error messages in the language their Accept-Language asks for.
 */
static void
choose_language(struct req *r)
{
	const char	*header = req_env(r, "HTTP_ACCEPT_LANGUAGE");
	const char	*chosen = NULL;
	int		 script = r->path != NULL && api_path(r->path);

	if (script)
		chosen = i18n_accept(header);
	if (chosen == NULL && r->user != NULL)
		chosen = i18n_known(r->user->language);
	if (chosen == NULL)
		chosen = i18n_known(params_get(&r->cookies, LANGUAGE_COOKIE));
	if (chosen == NULL && !script)
		chosen = i18n_accept(header);
	if (chosen != NULL)
		r->lang = chosen;
}

/* SQL's clock to the programs' (a test's shift), on every connection. */
static int
set_clock(struct app *app)
{
	time_t	at = clock_shifted() ? clock_now() : 0;

	return db_set_now(app->primary, at) == -1 ||
	    (app->replica != NULL && db_set_now(app->replica, at) == -1) ? -1 : 0;
}

/* Everything between accepting a request and its handler's answer. */
static int
dispatch(struct app *app, struct req *r, FCGX_Request *fr)
{
	unsigned	allowed = 0;
	char		allow[80];
	int		rc;

	rc = req_parse(r, fr->envp);
	choose_language(r);
	if (rc != 0 || (rc = read_body(r, fr->in)) != 0)
		return rc;
	if ((rc = testing_answer(&app->testing, r)) != 0)
		return rc;
	replica_choose(app, r);
	if (clock_reload() && set_clock(app) == -1)
		return db_failed(r);
	rc = session_load(r);
	choose_language(r);
	/* A person's own zone for their times, the site's for the rest. */
	if (r->user != NULL)
		clock_use_zone(r->user->time_zone);
	if (rc != 0)
		return rc;
	switch (route_find(app->routes, app->nroutes, r->method, r->path, r,
	    &allowed)) {
	case ROUTE_FOUND:
		break;
	case ROUTE_NOT_FOUND:
		return 404;
	case ROUTE_METHOD_NOT_ALLOWED:
		if (resp_header(r, "Allow",
		    route_allow_list(allowed, allow, sizeof allow)) == -1)
			return 500;
		r->error = N_("this address does not accept that method");
		return 405;
	}
	if ((rc = guard(r)) != 0)
		return rc;
	return r->route->handler(r);
}

static double
elapsed_ms(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) * 1e3 +
	    (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

/*
 * A form the handler refused goes back to the person with the message at
 * its field.  1 if the form was sent.
 */
static int
form_again(struct req *r, int status)
{
	if (!r->refused || status >= 500 || r->route == NULL ||
	    r->route->form == NULL)
		return 0;
	return r->route->form(r, status) == status && r->status != 0;
}

/* The path as logged: a calendar feed's holds its key, which is not. */
static const char *
logged_path(const struct req *r)
{
	const char *path = r->path != NULL ? r->path :
	    req_env(r, "REQUEST_URI");

	if (path != NULL && strncmp(path, "/calendar/", 10) == 0)
		return "/calendar/[token]";
	return path;
}

static void
serve(struct app *app, FCGX_Request *fr)
{
	struct req	 r;
	struct timespec	 t0;
	char		 path[256];
	int		 status;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	memset(&r, 0, sizeof r);
	r.app = app;
	r.lang = i18n_known(app->cfg->language);
	r.write = fcgi_write;
	r.write_ctx = fr->out;
	status = dispatch(app, &r, fr);
	if (r.status == 0) {
		if (status >= 500)
			log_error(r.rid, "%d: %s", status, log_quote(path,
			    sizeof path, r.error != NULL ? r.error :
			    "handler failed"));
		/* r.error may be a marked message not yet translated. */
		if (r.error != NULL)
			r.error = T(&r, r.error);
		if (api_path(r.path))
			api_error(&r, status, status < 500 ? r.error : NULL,
			    status < 500 ? r.error_field : NULL);
		else if (!form_again(&r, status))
			page_error(&r, status, r.error);
	}
	/* The next request starts in the site's zone. */
	clock_use_zone(NULL);
	log_info(r.rid, "%s %s %d %.1fms",
	    r.method_name != NULL ? r.method_name : "-",
	    log_quote(path, sizeof path, logged_path(&r)), r.status,
	    elapsed_ms(&t0));
	req_free(&r);
}

static const char *
config_path(int argc, char *argv[])
{
	const char	*env = getenv("ROOMBOOK_CONFIG");
	int		 ch;

	while ((ch = getopt(argc, argv, "c:")) != -1)
		switch (ch) {
		case 'c':
			return optarg;
		default:
			return NULL;
		}
	return env != NULL ? env : ROOMBOOK_DEFAULT_CONFIG;
}

/*
 * A big page leaves free holes in the heap that glibc keeps.  Hand them
 * back when no request is waiting on the shared listening socket: an idle
 * worker shrinks, a busy one spends nothing on it.
 */
static void
give_back_memory_if_idle(void)
{
	struct pollfd	pending = { .fd = FCGI_LISTENSOCK_FILENO,
			    .events = POLLIN };

	if (poll(&pending, 1, 0) == 0)
		malloc_trim(0);
}

/* Set by SIGUSR1: the pool asks this worker to finish and exit. */
static volatile sig_atomic_t stop_asked;

static void
on_stop_asked(int sig)
{
	(void)sig;
	stop_asked = 1;
}

/*
 * SIGUSR1 is blocked except while the worker waits for a connection, so
 * the pool's request to stop never interrupts a request in hand: an idle
 * worker stops at once, a busy one after its answer.  The listening
 * socket is non-blocking because idle workers all wake for a connection
 * and only one gets it; the others go back to waiting.
 */
static int
stop_on_usr1(sigset_t *while_waiting)
{
	struct sigaction	sa;
	sigset_t		usr1;
	int			fl;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop_asked;
	sigemptyset(&sa.sa_mask);
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	if (sigaction(SIGUSR1, &sa, NULL) == -1 ||
	    sigprocmask(SIG_BLOCK, &usr1, while_waiting) == -1)
		return -1;
	sigdelset(while_waiting, SIGUSR1);
	if ((fl = fcntl(FCGI_LISTENSOCK_FILENO, F_GETFL)) == -1 ||
	    fcntl(FCGI_LISTENSOCK_FILENO, F_SETFL, fl | O_NONBLOCK) == -1)
		return -1;
	return 0;
}

/*
 * A worker started by a reload tells its pool it is ready to accept, so
 * the pool may retire the old workers (tools/pool).
 */
static void
say_ready(void)
{
	const char	*fd = getenv("ROOMBOOK_READY_FD");
	char		*end;
	long		 n;

	if (fd == NULL)
		return;
	n = strtol(fd, &end, 10);
	if (*fd == '\0' || *end != '\0' || n < 3 || n > 1024) {
		log_error(NULL, "ROOMBOOK_READY_FD is not a descriptor: %s", fd);
		return;
	}
	if (write((int)n, "r", 1) != 1)
		log_error(NULL, "telling the pool I am ready: %s",
		    strerror(errno));
	close((int)n);
	unsetenv("ROOMBOOK_READY_FD");
}

/* 0 when a connection waits, -1 when asked to stop (or poll failed). */
static int
wait_for_connection(const sigset_t *while_waiting)
{
	struct pollfd	listening = { .fd = FCGI_LISTENSOCK_FILENO,
			    .events = POLLIN };

	while (!stop_asked) {
		int rc = ppoll(&listening, 1, NULL, while_waiting);

		if (rc == 1)
			return 0;
		if (rc == -1 && errno != EINTR) {
			log_error(NULL, "poll on the listening socket: %s",
			    strerror(errno));
			return -1;
		}
	}
	return -1;
}

int
app_main(const struct program *prog, int argc, char *argv[])
{
	static struct config	 cfg;	/* read-only once loaded */
	const struct context_config *cc = &cfg.ctx[prog->context];
	struct app		 app = { .context = prog->context, .cfg = &cfg,
				    .routes = prog->routes,
				    .nroutes = prog->nroutes,
				    .read_only = prog->read_only };
	struct db_params	 dbp;
	FCGX_Request		 fr;
	sigset_t		 while_waiting;
	const char		*path;
	char			 err[512];

	log_init(context_name(prog->context));
	/*
	 * Pages up to a few hundred KiB come from the heap, which a busy
	 * worker reuses: a fresh mapping per page costs a page fault per
	 * 4 KiB (measured: a fifth of the day grid's time).  An idle worker
	 * gives the heap back (give_back_memory_if_idle).
	 */
	if (mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024) == 0 ||
	    mallopt(M_TRIM_THRESHOLD, 8 * 1024 * 1024) == 0)
		log_error(NULL, "mallopt failed; memory stays as glibc sees fit");
	if ((path = config_path(argc, argv)) == NULL) {
		fprintf(stderr, "usage: %s [-c roombook.ini]\n", argv[0]);
		return 2;
	}
	if (config_load(path, &cfg, err, sizeof err) == -1) {
		log_error(NULL, "%s", err);
		return 1;
	}
	/* Without it every token the site derives could be made by anyone. */
	if (!cfg.site_key_set) {
		log_error(NULL, "%s: name a secrets file ([database] secrets) "
		    "that holds [site] secret_key", path);
		return 1;
	}
	/* Local times on pages are the site's, whatever the host's zone. */
	if (clock_set_site_zone(cfg.timezone) == -1) {
		log_error(NULL, "setenv TZ failed");
		return 1;
	}
	if (cfg.clock_file[0] != '\0') {
		log_info(NULL, "the clock follows %s (tests only)",
		    cfg.clock_file);
		clock_use_file(cfg.clock_file);
	}
	booking_configure(&cfg.rules);
	if (password_init() == -1) {
		log_error(NULL, "libsodium failed to start");
		return 1;
	}
	if (i18n_load(cfg.locale_dir, err, sizeof err) == -1) {
		log_error(NULL, "%s", err);
		return 1;
	}
	if (i18n_known(cfg.language) == NULL) {
		log_error(NULL, "%s: site.language '%s' has no catalog in %s",
		    path, cfg.language, cfg.locale_dir[0] != '\0' ?
		    cfg.locale_dir : "([paths] locale is not set)");
		return 1;
	}
	if (render_init(cfg.templates_dir) == -1) {
		log_error(NULL, "templates directory %s not found",
		    cfg.templates_dir);
		return 1;
	}
	if (testing_init(&app.testing, &cfg) == -1)
		return 1;
	dbp = (struct db_params){ .socket = cfg.db_socket,
	    .host = cfg.db_host, .port = (unsigned)cfg.db_port,
	    .user = cc->db_user, .password = cc->db_password,
	    .name = cfg.db_name };
	if ((app.db = app.primary = db_new(&dbp)) == NULL ||
	    replica_open(&app) == -1) {
		log_error(NULL, "out of memory");
		db_free(app.primary);
		testing_free(&app.testing);
		return 1;
	}
	/* A worker starts even with the database down; pages answer 503. */
	if (db_ping(app.db) == -1)
		log_error(NULL, "database not reachable yet: %s",
		    db_last_message(app.db));
	if (stop_on_usr1(&while_waiting) == -1 || FCGX_Init() != 0 ||
	    FCGX_InitRequest(&fr, 0, 0) != 0) {
		log_error(NULL, "FastCGI initialisation failed");
		db_free(app.primary);
		db_free(app.replica);
		testing_free(&app.testing);
		return 1;
	}
	say_ready();
	while (wait_for_connection(&while_waiting) == 0) {
		int rc = FCGX_Accept_r(&fr);

		if (rc == -EAGAIN || rc == -EWOULDBLOCK)
			continue;	/* another worker took it */
		if (rc < 0)
			break;
		serve(&app, &fr);
		FCGX_Finish_r(&fr);
		give_back_memory_if_idle();
	}
	FCGX_Free(&fr, 1);
	fragment_clear();
	db_free(app.primary);
	db_free(app.replica);
	testing_free(&app.testing);
	return 0;
}
