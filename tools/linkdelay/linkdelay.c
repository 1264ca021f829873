/* linkdelay: a slow, lossy link for the cluster's tests, in the kernel's path. */
/*
 *	linkdelay QUEUE MS [LOSS%]
 *
 * Takes the packets that an iptables rule hands to NFQUEUE number QUEUE,
 * lets each one go MS milliseconds after it arrived, in the order they
 * came, and drops LOSS percent of them at random (0 to 100, two decimals).
 * It does for one host's traffic to another what netem does for a whole
 * interface, on kernels built without sch_netem.
 *
 * The packets stay in the kernel: only their ids cross, with no payload.
 * TERM or INT lets every packet still held go at once, then it exits; with
 * the rule's --queue-bypass, packets pass unheld once nobody reads the
 * queue.
 */
#include <arpa/inet.h>
#include <linux/netfilter.h>
#include <linux/netlink.h>
#include <sys/socket.h>

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libnetfilter_queue/libnetfilter_queue.h>

/* Packets held at once; more are dropped by the kernel, as a full link's. */
#define MAX_HELD	65536

struct held {
	uint32_t	id;
	long long	due_ms;
};

struct link {
	struct nfq_q_handle	*queue;
	long long		delay_ms;
	uint32_t		loss;		/* in 1/10000 */
	struct held		held[MAX_HELD];	/* a ring, oldest first */
	size_t			first, count;
	unsigned long long	passed, dropped;
};

static volatile sig_atomic_t stopping;

static void on_stop(int sig)
{
	(void)sig;
	stopping = 1;
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void die(const char *what)
{
	fprintf(stderr, "linkdelay: %s: %s\n", what, strerror(errno));
	exit(1);
}

static void verdict(struct link *l, uint32_t id, uint32_t v)
{
	if (nfq_set_verdict(l->queue, id, v, 0, NULL) < 0)
		die("verdict");
	if (v == NF_ACCEPT)
		l->passed++;
	else
		l->dropped++;
}

static int on_packet(struct nfq_q_handle *q, struct nfgenmsg *msg,
    struct nfq_data *nfa, void *data)
{
	struct link *l = data;
	struct nfqnl_msg_packet_hdr *ph = nfq_get_msg_packet_hdr(nfa);
	uint32_t id;

	(void)q;
	(void)msg;
	if (!ph)
		return 0;
	id = ntohl(ph->packet_id);
	if (l->loss && arc4random_uniform(10000) < l->loss) {
		verdict(l, id, NF_DROP);
		return 0;
	}
	if (l->count == MAX_HELD) {
		verdict(l, id, NF_DROP);
		return 0;
	}
	l->held[(l->first + l->count) % MAX_HELD] =
	    (struct held){ .id = id, .due_ms = now_ms() + l->delay_ms };
	l->count++;
	return 0;
}

/* Lets go every held packet that is due (all of them when stopping). */
static void release(struct link *l, int all)
{
	long long now = now_ms();

	while (l->count && (all || l->held[l->first].due_ms <= now)) {
		verdict(l, l->held[l->first].id, NF_ACCEPT);
		l->first = (l->first + 1) % MAX_HELD;
		l->count--;
	}
}

static int parse_number(const char *s, double max, double *out)
{
	char *end;

	errno = 0;
	*out = strtod(s, &end);
	return errno == 0 && end != s && *end == '\0' && *out >= 0 && *out <= max;
}

int main(int argc, char **argv)
{
	static struct link l;	/* the ring is large: not on the stack */
	struct nfq_handle *h;
	struct sigaction sa = { .sa_handler = on_stop };
	double queue_num, delay, loss = 0;
	char buf[4096] __attribute__((aligned));
	int fd, one = 1;

	if (argc < 3 || argc > 4 || !parse_number(argv[1], 65535, &queue_num) ||
	    !parse_number(argv[2], 60000, &delay) ||
	    (argc == 4 && !parse_number(argv[3], 100, &loss))) {
		fprintf(stderr, "usage: linkdelay QUEUE(0-65535) MS(0-60000) [LOSS%%(0-100)]\n");
		return 2;
	}
	l.delay_ms = (long long)delay;
	l.loss = (uint32_t)(loss * 100 + 0.5);

	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGTERM, &sa, NULL) < 0 || sigaction(SIGINT, &sa, NULL) < 0)
		die("sigaction");
	h = nfq_open();
	if (!h)
		die("nfq_open");
	l.queue = nfq_create_queue(h, (uint16_t)queue_num, on_packet, &l);
	if (!l.queue)
		die("queue (is another linkdelay reading it?)");
	if (nfq_set_mode(l.queue, NFQNL_COPY_META, 0) < 0)
		die("set_mode");
	if (nfq_set_queue_maxlen(l.queue, MAX_HELD) < 0)
		die("set_queue_maxlen");
	fd = nfq_fd(h);
	/* A lost notice would leave its packet held for ever: the kernel is
	 * told to block rather than drop notices, and the buffer is large. */
	if (setsockopt(fd, SOL_NETLINK, NETLINK_NO_ENOBUFS, &one, sizeof one) < 0)
		die("NETLINK_NO_ENOBUFS");
	if (nfnl_rcvbufsiz(nfq_nfnlh(h), 8 << 20) < 1 << 20)
		fprintf(stderr, "linkdelay: a small receive buffer: notices may wait\n");
	fprintf(stderr, "linkdelay: queue %d: %lld ms, %.2f%% lost\n",
	    (int)queue_num, l.delay_ms, loss);

	while (!stopping) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		long long wait = l.count ? l.held[l.first].due_ms - now_ms() : 1000;
		ssize_t n;

		if (poll(&p, 1, wait < 0 ? 0 : (int)wait) < 0) {
			if (errno == EINTR)
				continue;
			die("poll");
		}
		if (p.revents & POLLIN) {
			n = recv(fd, buf, sizeof buf, MSG_DONTWAIT);
			if (n < 0 && errno != EAGAIN && errno != EINTR)
				die("recv");
			if (n > 0 && nfq_handle_packet(h, buf, (int)n) < 0)
				die("handle_packet");
		}
		release(&l, 0);
	}
	release(&l, 1);
	nfq_destroy_queue(l.queue);
	nfq_close(h);
	fprintf(stderr, "linkdelay: queue %d: %llu packets passed, %llu dropped\n",
	    (int)queue_num, l.passed, l.dropped);
	return 0;
}
