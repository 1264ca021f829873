/*
 * Fuzzes config_load on INI text written to a file of its own (mode
 * 0600, so it may also name itself as the secrets file).  "@DIR@" in the
 * input is the directory of that file, which also holds a valid secrets
 * file, secrets.ini.
 */
#include "fuzz.h"

#include <sys/stat.h>

#include <ctype.h>
#include <fcntl.h>
#include <unistd.h>

#include "config.h"

static char	dir[256], ini[300], secrets[300];

static const char secrets_text[] =
    "[admin]\ndb_password = admin-pw\n[booking]\ndb_password = b-pw\n";

static void
write_file(const char *path, const char *text, size_t len)
{
	int	fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) == -1 ||
	    write(fd, text, len) != (ssize_t)len || close(fd) == -1) {
		perror(path);
		abort();
	}
}

static void
cleanup(void)
{
	unlink(ini);
	unlink(secrets);
	rmdir(dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char	*tmp = getenv("TMPDIR");

	(void)argc;
	(void)argv;
	snprintf(dir, sizeof dir, "%s/fuzz-config-XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL) {
		perror(dir);
		abort();
	}
	snprintf(ini, sizeof ini, "%s/roombook.ini", dir);
	snprintf(secrets, sizeof secrets, "%s/secrets.ini", dir);
	write_file(secrets, secrets_text, sizeof secrets_text - 1);
	atexit(cleanup);
	return 0;
}

/* data with every "@DIR@" replaced by dir; malloc'd, *len set. */
static char *
expand(const uint8_t *data, size_t size, size_t *len)
{
	size_t	 dlen = strlen(dir), o = 0;
	char	*s = fuzz_alloc(size * (dlen > 5 ? dlen / 5 + 1 : 1) + 1);

	for (size_t i = 0; i < size; i++) {
		if (size - i >= 5 && memcmp(data + i, "@DIR@", 5) == 0) {
			memcpy(s + o, dir, dlen);
			o += dlen;
			i += 4;
		} else
			s[o++] = (char)data[i];
	}
	s[o] = '\0';
	*len = o;
	return s;
}

static int
in_range(int v, int lo, int hi)
{
	return v >= lo && v <= hi;
}

static void
check_loaded(const struct config *c)
{
	const struct rules *k = &c->rules;

	FUZZ_CHECK(c->site_name[0] != '\0' && c->timezone[0] != '\0' &&
	    c->templates_dir[0] != '\0' && c->sql_dir[0] != '\0' &&
	    c->db_socket[0] != '\0' && c->db_name[0] != '\0');
	FUZZ_CHECK(c->timezone[0] != '/' && strstr(c->timezone, "..") == NULL);
	for (int i = 0; i < CTX__COUNT; i++)
		FUZZ_CHECK(c->ctx[i].socket[0] != '\0' &&
		    c->ctx[i].db_user[0] != '\0' &&
		    in_range(c->ctx[i].workers, 1, 256));
	FUZZ_CHECK(in_range(c->session_idle_seconds, 1, 30 * 86400) &&
	    in_range(c->session_max_seconds, 1, 90 * 86400));
	FUZZ_CHECK(in_range(k->slot_minutes, 1, 240) &&
	    in_range(k->max_minutes, 1, 1440) &&
	    in_range(k->horizon_days, 1, 3650) &&
	    in_range(k->checkin_opens, 0, 240) &&
	    in_range(k->checkin_grace, 1, 240));
	FUZZ_CHECK(0 <= k->open_from && k->open_from < k->open_until &&
	    k->open_until <= 24 * 60 && k->open_from % k->slot_minutes == 0 &&
	    k->open_until % k->slot_minutes == 0);
	FUZZ_CHECK(in_range(k->open_days, 1, 0x7f));
	FUZZ_CHECK(in_range(c->https, 0, 1) && in_range(c->slow_path, 0, 1));
	/* X-Remote-User is read as HTTP_X_REMOTE_USER. */
	if (c->login_header[0] == '\0')
		FUZZ_CHECK(c->login_param[0] == '\0');
	else {
		FUZZ_CHECK(strncmp(c->login_param, "HTTP_", 5) == 0 &&
		    strlen(c->login_param) == 5 + strlen(c->login_header));
		for (size_t i = 0; c->login_header[i] != '\0'; i++)
			FUZZ_CHECK(c->login_param[5 + i] ==
			    (c->login_header[i] == '-' ? '_' :
			    toupper((unsigned char)c->login_header[i])));
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct config	 cfg;
	char			 err[512];
	size_t			 len;
	char			*text;

	/*
	 * The secrets file may be any file only its owner can read: one in
	 * /dev, /proc or /sys could block or never end.
	 */
	if (memmem(data, size, "dev/", 4) != NULL ||
	    memmem(data, size, "proc/", 5) != NULL ||
	    memmem(data, size, "sys/", 4) != NULL)
		return 0;
	text = expand(data, size, &len);
	write_file(ini, text, len);
	free(text);
	err[0] = '\0';
	if (config_load(ini, &cfg, err, sizeof err) == 0)
		check_loaded(&cfg);
	else	/* every message names the file it is about */
		FUZZ_CHECK(err[0] != '\0' && (strncmp(err, ini,
		    strlen(ini)) == 0 || (cfg.secrets_file[0] != '\0' &&
		    strncmp(err, cfg.secrets_file,
		    strlen(cfg.secrets_file)) == 0)));
	return 0;
}
