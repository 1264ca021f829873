/* roombook-pool: keeps one context's FastCGI workers running, forever. */
/*
 *	roombook-pool -n NAME {-w WORKERS | -c INI} [-s STATE] [-g GRACE]
 *	    -- PROGRAM [ARG...]
 *
 * With -c, the number of workers is the INI file's [NAME] workers, read
 * at the start and again at each reload, so a reload can resize the pool.
 *
 * The listening socket is fd 0 (spawn-fcgi puts it there) or the one
 * systemd passes (LISTEN_FDS); every worker accepts on it, so the socket
 * outlives any worker and nginx never finds it missing.
 *
 * A worker that dies is started again: at once if it had run a while,
 * else after a delay that doubles with each quick death up to a cap, and
 * the pool never gives up.  Every death is logged with its cause; the
 * STATE file says how the pool is doing, for the health check.
 *
 * TERM or INT: the workers get USR1, finish the request in hand and exit;
 * then the pool exits.  HUP: a new set of workers starts from the program
 * file as it is now; once every one of them says it is ready (a byte on
 * the pipe ROOMBOOK_READY_FD names, written as it begins to accept), the
 * old ones are retired the same way, so no request is refused.  If a new
 * one dies first, or is not ready in time, the old ones go on serving and
 * the log says why.
 */
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <ini.h>

#define MAX_WORKERS	64
/* A worker that dies sooner than this after its start is failing. */
#define QUICK_DEATH_MS	10000
#define FIRST_DELAY_MS	250
#define MAX_DELAY_MS	30000
/* New workers not all ready in this time are given up (valgrind is slow). */
#define TRIAL_MS	60000
#define DEFAULT_GRACE_S	10

struct slot {
	pid_t		pid;		/* 0: waiting to start */
	long long	started_ms;
	long long	start_at_ms;	/* when pid is 0 */
	int		delay_ms;	/* before the next start after a quick death */
	int		quick_deaths;	/* in a row */
};

struct pool {
	const char	*name;
	const char	*state_path;
	char		**argv;
	const char	*config_path;	/* -c: the workers' number is there */
	int		 nworkers;
	int		 ntrial;	/* the reload's new number */
	long long	 grace_ms;
	struct slot	 serving[MAX_WORKERS];
	/* A reload's new workers, on trial until all are ready. */
	struct slot	 trial[MAX_WORKERS];
	int		 on_trial;
	int		 ready;		/* of them, so far */
	int		 ready_pipe[2];	/* they write to [1], we read [0] */
	long long	 trial_until_ms;
	/* Workers asked to finish and exit: an old set, or all at a stop. */
	pid_t		 retiring[2 * MAX_WORKERS];
	int		 nretiring;
	long long	 retire_by_ms;
	int		 stopping;
	unsigned	 generation;	/* of the serving workers, from 1 */
	unsigned	 reloads;	/* asked for */
	const char	*last_reload;	/* "none", "trying", "ok" or "failed" */
	unsigned long	 restarts;
	char		 last_death[256];
	char		 last_state[1024];
};

static long long
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static const char *pool_name = "pool";

static void	say(const char *, ...) __attribute__((format(printf, 1, 2)));

/* One line on stderr in the programs' log format. */
static void
say(const char *fmt, ...)
{
	char		 stamp[32], msg[1024];
	struct tm	 tm;
	time_t		 now = time(NULL);
	va_list		 ap;

	if (gmtime_r(&now, &tm) == NULL ||
	    strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(stamp, sizeof stamp, "-");
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	fprintf(stderr, "%s %s-pool[%ld] %s\n", stamp, pool_name,
	    (long)getpid(), msg);
	fflush(stderr);
}

static void
usage(void)
{
	fprintf(stderr, "usage: roombook-pool -n NAME {-w WORKERS | -c INI} "
	    "[-s STATE] [-g GRACE_SECONDS] -- PROGRAM [ARG...]\n");
	exit(2);
}

/* s as a whole number in [lo, hi], else -1. */
static int
parse_number(const char *s, int lo, int hi)
{
	char	*end;
	long	 v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *s == '\0' || *end != '\0' || v < lo || v > hi)
		return -1;
	return (int)v;
}

static int
number(const char *s, int lo, int hi)
{
	int	v = parse_number(s, lo, hi);

	if (v == -1)
		usage();
	return v;
}

struct workers_lookup {
	const char	*section;
	const char	*value;		/* "workers" as written, if found */
	char		 buf[32];
};

static int
on_ini_line(void *user, const char *section, const char *key,
    const char *value)
{
	struct workers_lookup	*w = user;

	if (strcmp(section, w->section) == 0 && strcmp(key, "workers") == 0) {
		snprintf(w->buf, sizeof w->buf, "%s", value);
		w->value = w->buf;
	}
	return 1;
}

/* The number of workers the configuration asks for, or -1 (logged). */
static int
configured_workers(const struct pool *p)
{
	struct workers_lookup	 w = { .section = p->name };
	int			 rc, n;

	if ((rc = ini_parse(p->config_path, on_ini_line, &w)) != 0) {
		if (rc == -1)
			say("%s: %s", p->config_path, strerror(errno));
		else
			say("%s: line %d is not valid", p->config_path, rc);
		return -1;
	}
	if (w.value == NULL) {
		say("%s: [%s] workers is missing", p->config_path, p->name);
		return -1;
	}
	if ((n = parse_number(w.value, 1, MAX_WORKERS)) == -1)
		say("%s: [%s] workers must be a number from 1 to %d, not "
		    "\"%s\"", p->config_path, p->name, MAX_WORKERS, w.value);
	return n;
}

/*
 * systemd's socket activation passes the socket as fd 3; the workers
 * expect it as fd 0, as spawn-fcgi leaves it.
 */
static int
adopt_listening_socket(void)
{
	const char	*fds = getenv("LISTEN_FDS"), *pid = getenv("LISTEN_PID");
	int		 for_pid = -1;
	int		 type;
	socklen_t	 len = sizeof type;

	if (pid != NULL)
		for_pid = parse_number(pid, 1, INT_MAX);
	if (fds != NULL && for_pid == (int)getpid()) {
		if (strcmp(fds, "1") != 0) {
			say("expected one socket from systemd, got %s", fds);
			return -1;
		}
		if (dup2(3, 0) == -1 || close(3) == -1) {
			say("dup2: %s", strerror(errno));
			return -1;
		}
		unsetenv("LISTEN_FDS");
		unsetenv("LISTEN_PID");
		unsetenv("LISTEN_FDNAMES");
	}
	if (getsockopt(0, SOL_SOCKET, SO_TYPE, &type, &len) == -1) {
		say("fd 0 is not the listening socket (start me with spawn-fcgi "
		    "or a systemd socket unit)");
		return -1;
	}
	return 0;
}

/* ready_fd >= 0: the worker is told to write a byte there once ready. */
static pid_t
start_worker(struct pool *p, struct slot *s, int ready_fd)
{
	sigset_t	none;
	pid_t		pid;
	char		fd[16];

	if ((pid = fork()) == -1) {
		say("fork: %s; trying again later", strerror(errno));
		s->pid = 0;
		s->start_at_ms = now_ms() + FIRST_DELAY_MS;
		return -1;
	}
	if (pid == 0) {
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		/* Should the pool be killed, its workers finish and go too. */
		if (prctl(PR_SET_PDEATHSIG, SIGUSR1) == -1 ||
		    getppid() == 1)
			_exit(1);
		if (ready_fd >= 0) {
			snprintf(fd, sizeof fd, "%d", ready_fd);
			if (fcntl(ready_fd, F_SETFD, 0) == -1 ||
			    setenv("ROOMBOOK_READY_FD", fd, 1) == -1)
				_exit(1);
		}
		execv(p->argv[0], p->argv);
		fprintf(stderr, "%s-pool: cannot run %s: %s\n", p->name,
		    p->argv[0], strerror(errno));
		_exit(127);
	}
	s->pid = pid;
	s->started_ms = now_ms();
	return pid;
}

static void
retire(struct pool *p, pid_t pid)
{
	if (pid <= 0)
		return;
	if (kill(pid, SIGUSR1) == -1 && errno != ESRCH)
		say("kill %ld: %s", (long)pid, strerror(errno));
	if (p->nretiring < (int)(sizeof p->retiring / sizeof p->retiring[0]))
		p->retiring[p->nretiring++] = pid;
	p->retire_by_ms = now_ms() + p->grace_ms;
}

static void
describe_exit(char *buf, size_t n, int status)
{
	if (WIFEXITED(status))
		snprintf(buf, n, "exited with status %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(buf, n, "was killed by signal %d (%s)",
		    WTERMSIG(status), strsignal(WTERMSIG(status)));
	else
		snprintf(buf, n, "stopped (status %#x)", status);
}

/* A serving worker died: start it again, sooner or later. */
static void
serving_died(struct pool *p, int i, int status)
{
	struct slot	*s = &p->serving[i];
	long long	 now = now_ms(), lived = now - s->started_ms;
	char		 how[96];

	describe_exit(how, sizeof how, status);
	s->pid = 0;
	if (p->stopping)
		return;
	p->restarts++;
	if (lived >= QUICK_DEATH_MS) {
		s->quick_deaths = 0;
		s->delay_ms = 0;
	} else {
		s->quick_deaths++;
		s->delay_ms = s->delay_ms == 0 ? FIRST_DELAY_MS :
		    s->delay_ms >= MAX_DELAY_MS / 2 ? MAX_DELAY_MS :
		    2 * s->delay_ms;
	}
	s->start_at_ms = now + s->delay_ms;
	snprintf(p->last_death, sizeof p->last_death, "worker %d %s after "
	    "%.1f s", i + 1, how, (double)lived / 1000);
	if (s->quick_deaths == 0)
		say("worker %d %s after %.1f s; starting it again", i + 1,
		    how, (double)lived / 1000);
	else
		say("worker %d %s %.1f s after its start (%d quick deaths in "
		    "a row); starting it again in %.2f s", i + 1, how,
		    (double)lived / 1000, s->quick_deaths,
		    (double)s->delay_ms / 1000);
}

/* The trial's workers that are left are retired, its pipe closed. */
static void
end_of_trial(struct pool *p)
{
	for (int j = 0; j < p->ntrial; j++) {
		retire(p, p->trial[j].pid);
		p->trial[j].pid = 0;
	}
	p->on_trial = 0;
	close(p->ready_pipe[0]);
	close(p->ready_pipe[1]);
}

static void
trial_failed(struct pool *p, int i, int status)
{
	char	how[96];

	describe_exit(how, sizeof how, status);
	p->trial[i].pid = 0;
	say("reload failed: new worker %d %s %.1f s after its start; the "
	    "running workers go on serving", i + 1, how,
	    (double)(now_ms() - p->trial[i].started_ms) / 1000);
	end_of_trial(p);
	p->last_reload = "failed";
}

static void
reap(struct pool *p)
{
	pid_t	pid;
	int	status;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		int	found = 0;

		for (int i = 0; i < MAX_WORKERS && !found; i++) {
			if (i < p->nworkers && p->serving[i].pid == pid) {
				serving_died(p, i, status);
				found = 1;
			} else if (p->on_trial && i < p->ntrial &&
			    p->trial[i].pid == pid) {
				trial_failed(p, i, status);
				found = 1;
			}
		}
		for (int i = 0; i < p->nretiring && !found; i++)
			if (p->retiring[i] == pid) {
				p->retiring[i] = p->retiring[--p->nretiring];
				found = 1;
			}
	}
}

static void
begin_reload(struct pool *p)
{
	if (p->stopping)
		return;
	if (p->on_trial) {
		say("reload asked while one is under way; ignored");
		return;
	}
	p->reloads++;
	p->last_reload = "trying";
	p->ntrial = p->nworkers;
	if (p->config_path != NULL &&
	    (p->ntrial = configured_workers(p)) == -1) {
		say("reload failed: the running workers go on serving");
		p->last_reload = "failed";
		return;
	}
	say("reload: starting %d new workers from %s", p->ntrial,
	    p->argv[0]);
	if (pipe2(p->ready_pipe, O_CLOEXEC | O_NONBLOCK) == -1) {
		say("reload failed: pipe: %s", strerror(errno));
		p->last_reload = "failed";
		return;
	}
	memset(p->trial, 0, sizeof p->trial);
	p->on_trial = 1;
	p->ready = 0;
	p->trial_until_ms = now_ms() + TRIAL_MS;
	for (int i = 0; i < p->ntrial; i++)
		if (start_worker(p, &p->trial[i], p->ready_pipe[1]) == -1) {
			say("reload failed: cannot start new workers");
			end_of_trial(p);
			p->last_reload = "failed";
			return;
		}
}

/* Counts the bytes of readiness the new workers wrote. */
static void
take_readiness(struct pool *p)
{
	char	buf[MAX_WORKERS];
	ssize_t	n;

	while (p->on_trial &&
	    (n = read(p->ready_pipe[0], buf, sizeof buf)) > 0)
		p->ready += (int)n;
}

/* The new workers are ready: they serve, the old ones finish and go. */
static void
end_trial(struct pool *p)
{
	for (int i = 0; i < p->nworkers; i++) {
		retire(p, p->serving[i].pid);
		p->serving[i].pid = 0;
	}
	for (int i = 0; i < p->ntrial; i++) {
		p->serving[i] = p->trial[i];
		p->trial[i].pid = 0;
	}
	p->nworkers = p->ntrial;
	end_of_trial(p);
	p->generation++;
	p->last_reload = "ok";
	say("reload: %d new workers serve; the old ones finish their "
	    "requests and exit", p->nworkers);
}

static void
begin_stop(struct pool *p)
{
	if (p->stopping)
		return;
	p->stopping = 1;
	say("stopping: workers finish their requests and exit");
	for (int i = 0; i < p->nworkers; i++) {
		retire(p, p->serving[i].pid);
		p->serving[i].pid = 0;
	}
	if (p->on_trial)
		end_of_trial(p);
}

/* Retiring workers past their grace are killed: a request stuck for good. */
static void
enforce_grace(struct pool *p, long long now)
{
	if (p->nretiring == 0 || now < p->retire_by_ms)
		return;
	for (int i = 0; i < p->nretiring; i++) {
		say("worker pid %ld did not finish in %lld s; killing it",
		    (long)p->retiring[i], p->grace_ms / 1000);
		kill(p->retiring[i], SIGKILL);
	}
	p->retire_by_ms = now + p->grace_ms;
}

static void
start_due(struct pool *p, long long now)
{
	if (p->stopping)
		return;
	for (int i = 0; i < p->nworkers; i++)
		if (p->serving[i].pid == 0 && p->serving[i].start_at_ms <= now)
			start_worker(p, &p->serving[i], -1);
}

/* The pool's state for the health check, replaced whole (rename). */
static void
write_state(struct pool *p, long long now)
{
	char		 buf[1024], tmp[PATH_MAX];
	const char	*state;
	int		 alive = 0, waiting = 0, quick = 0, fd, n;
	long long	 next = -1;

	if (p->state_path == NULL)
		return;
	for (int i = 0; i < p->nworkers; i++) {
		const struct slot *s = &p->serving[i];

		if (s->pid != 0)
			alive++;
		else {
			waiting++;
			if (next == -1 || s->start_at_ms - now < next)
				next = s->start_at_ms - now;
		}
		if (s->quick_deaths > quick)
			quick = s->quick_deaths;
	}
	state = p->stopping ? "stopping" : waiting > 0 ? "failing" :
	    p->on_trial ? "reloading" : "ok";
	n = snprintf(buf, sizeof buf, "state=%s\nworkers=%d\nalive=%d\n"
	    "restarts=%lu\nquick_deaths=%d\nnext_start_ms=%lld\n"
	    "generation=%u\nreloads=%u\nreload=%s\nlast_death=%s\n", state,
	    p->nworkers, alive, p->restarts, quick, next < 0 ? -1 : next,
	    p->generation, p->reloads, p->last_reload, p->last_death);
	if (strcmp(buf, p->last_state) == 0)
		return;
	snprintf(p->last_state, sizeof p->last_state, "%s", buf);
	if (snprintf(tmp, sizeof tmp, "%s.tmp", p->state_path) >=
	    (int)sizeof tmp)
		return;
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644))
	    == -1) {
		say("%s: %s", tmp, strerror(errno));
		return;
	}
	if (write(fd, buf, (size_t)n) != n || close(fd) == -1) {
		say("%s: %s", tmp, strerror(errno));
		unlink(tmp);
		return;
	}
	if (rename(tmp, p->state_path) == -1)
		say("%s: %s", p->state_path, strerror(errno));
}

static int
children(const struct pool *p)
{
	int	n = p->nretiring;

	for (int i = 0; i < p->nworkers; i++)
		n += p->serving[i].pid != 0;
	for (int i = 0; p->on_trial && i < p->ntrial; i++)
		n += p->trial[i].pid != 0;
	return n;
}

/* How long to sleep: until the next start, trial's end or grace's end. */
static long long
next_wakeup(const struct pool *p, long long now)
{
	long long	at = now + 1000;

	for (int i = 0; i < p->nworkers; i++)
		if (!p->stopping && p->serving[i].pid == 0 &&
		    p->serving[i].start_at_ms < at)
			at = p->serving[i].start_at_ms;
	if (p->on_trial && p->trial_until_ms < at)
		at = p->trial_until_ms;
	if (p->nretiring > 0 && p->retire_by_ms < at)
		at = p->retire_by_ms;
	return at > now ? at - now : 0;
}

int
main(int argc, char *argv[])
{
	static struct pool	 p;
	sigset_t		 set;
	int			 c, sfd;

	p.grace_ms = DEFAULT_GRACE_S * 1000;
	p.generation = 1;
	p.last_reload = "none";
	while ((c = getopt(argc, argv, "n:w:c:s:g:")) != -1) {
		switch (c) {
		case 'n':
			p.name = pool_name = optarg;
			break;
		case 'w':
			p.nworkers = number(optarg, 1, MAX_WORKERS);
			break;
		case 'c':
			p.config_path = optarg;
			break;
		case 's':
			p.state_path = optarg;
			break;
		case 'g':
			p.grace_ms = 1000LL * number(optarg, 1, 3600);
			break;
		default:
			usage();
		}
	}
	if (p.name == NULL || (p.nworkers == 0) == (p.config_path == NULL) ||
	    optind >= argc)
		usage();
	if (p.config_path != NULL && (p.nworkers = configured_workers(&p)) == -1)
		return 1;
	p.argv = argv + optind;
	if (adopt_listening_socket() == -1)
		return 1;
	/* Signals arrive as reads from a descriptor, in the one loop. */
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	if (sigprocmask(SIG_BLOCK, &set, NULL) == -1 ||
	    (sfd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK)) == -1) {
		say("signals: %s", strerror(errno));
		return 1;
	}
	say("starting %d workers of %s", p.nworkers, p.argv[0]);
	for (;;) {
		struct signalfd_siginfo	 si;
		struct pollfd		 fds[2];
		long long		 now;

		reap(&p);
		take_readiness(&p);
		now = now_ms();
		if (p.stopping && children(&p) == 0)
			break;
		start_due(&p, now);
		if (p.on_trial && p.ready >= p.ntrial)
			end_trial(&p);
		else if (p.on_trial && now >= p.trial_until_ms) {
			say("reload failed: the new workers were not ready in "
			    "%d s; the running workers go on serving",
			    TRIAL_MS / 1000);
			end_of_trial(&p);
			p.last_reload = "failed";
		}
		enforce_grace(&p, now);
		write_state(&p, now);
		fds[0] = (struct pollfd){ .fd = sfd, .events = POLLIN };
		fds[1] = (struct pollfd){ .fd = p.on_trial ? p.ready_pipe[0] :
		    -1, .events = POLLIN };
		if (poll(fds, 2, (int)next_wakeup(&p, now_ms())) == -1 &&
		    errno != EINTR) {
			say("poll: %s", strerror(errno));
			return 1;
		}
		while (read(sfd, &si, sizeof si) == (ssize_t)sizeof si) {
			if (si.ssi_signo == SIGTERM || si.ssi_signo == SIGINT)
				begin_stop(&p);
			else if (si.ssi_signo == SIGHUP)
				begin_reload(&p);
		}
	}
	write_state(&p, now_ms());
	say("stopped");
	return 0;
}
