# site.sh: what making a roombook site ready has in common, wherever it
# runs: tools/stack (a checkout, `make run`) and roombook-setup (the
# Debian package) both source this file.  They set, before calling:
#   ETC          the configuration directory (roombook.ini, secrets.ini,
#                secrets/, the generated nginx-*.conf)
#   INI          $ETC/roombook.ini
#   MARIADB      the command reaching MariaDB as its administrator (array)
#   SQL_TEMPLATES  the directory of accounts.sql.in
# and define say and die.  The gateway's files need more (write_gateway).

CONTEXTS="booking approval room status"

# The system accounts the site runs as (the README's "Users and files"):
# one per context, so that a flaw in one program cannot read another's
# database password (their grants differ: status may only read); one for
# the jobs; all in the group that may read the configuration.  The
# gateway's workers run as www-data, in the group that may talk to the
# pools, with the booking program (its health check asks the others).
SITE_GROUP=roombook
POOLS_GROUP=roombook-web
JOBS_USER=roombook
WEB_USER=www-data
pool_user() { echo "roombook-$1"; }

# The TCP port of a context's pool on an application host ([<context>]
# port; the programs' defaults are the same).
context_port() {
	local port i=0 c
	port=$(ini_get "$1" port)
	if [ -z "$port" ]; then
		for c in $CONTEXTS; do
			[ "$c" = "$1" ] && port=$((9101 + i))
			i=$((i + 1))
		done
	fi
	echo "$port"
}

# Value of key in [section] of the INI file.
ini_value() {	# file section key
	awk -F '=' -v s="[$2]" -v k="$3" '
		/^[ \t]*\[/ { cur = $0; gsub(/[ \t]/, "", cur) }
		cur == s { key = $1; gsub(/[ \t]/, "", key)
			if (key == k) { v = substr($0, index($0, "=") + 1)
				gsub(/^[ \t]+|[ \t]+$/, "", v); print v; exit } }' "$1"
}

ini_get() { ini_value "$INI" "$@"; }

# Sets key in [section] of the INI file (the section added if missing),
# keeping everything else as it is.
ini_set() {	# file section key value
	awk -v s="[$2]" -v k="$3" -v v="$4" '
		function put() { print k " = " v; done = 1 }
		function flush() { for (; blank > 0; blank--) print "" }
		/^[ \t]*$/ { blank++; next }
		/^[ \t]*\[/ { if (cur == s && !done) put()
			flush(); cur = $0; gsub(/[ \t]/, "", cur); print; next }
		{ flush() }
		cur == s && !done { key = $0; sub(/=.*/, "", key); gsub(/[ \t]/, "", key)
			if (key == k) { put(); next } }
		{ print }
		END { if (!done) { if (cur != s) print "\n" s; put() } flush() }' "$1" >"$1.tmp"
	cat "$1.tmp" >"$1"
	rm -f "$1.tmp"
}

random_hex() { head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n'; }

secret_of() { ini_value "$ETC/secrets.ini" "$@"; }	# section key

secret() { secret_of "$1" db_password; }

# The accounts, created once.
ensure_accounts() {
	local u c
	getent group "$SITE_GROUP" >/dev/null || groupadd --system "$SITE_GROUP"
	getent group "$POOLS_GROUP" >/dev/null || groupadd --system "$POOLS_GROUP"
	for u in "$JOBS_USER" $(for c in $CONTEXTS; do pool_user "$c"; done); do
		id -u "$u" >/dev/null 2>&1 ||
		    useradd --system --gid "$SITE_GROUP" --no-create-home \
		    --home-dir /nonexistent --shell /usr/sbin/nologin "$u"
	done
	for u in "$WEB_USER" "$(pool_user booking)"; do
		id -nG "$u" | tr ' ' '\n' | grep -qx "$POOLS_GROUP" ||
		    usermod -a -G "$POOLS_GROUP" "$u"
	done
	id -u mysql >/dev/null 2>&1 ||
	    die "the system account mysql is missing (is mariadb-server installed?)"
}

# The whole secrets file, root's alone: a database password per context
# and the site's key, made once; the key is added to older files.
write_secrets() {
	local c
	if [ ! -f "$ETC/secrets.ini" ]; then
		(
			umask 077
			{
				echo "; database passwords, one per context account"
				for c in $CONTEXTS; do
					printf '[%s]\ndb_password = %s\n' "$c" "$(random_hex 24)"
				done
			} >"$ETC/secrets.ini.tmp"
			mv "$ETC/secrets.ini.tmp" "$ETC/secrets.ini"
		)
	fi
	# The jobs' password, for application hosts that reach MariaDB over
	# TCP (one host's jobs use the socket and need none).
	if [ -n "$(ini_get cluster accounts_from)" ] &&
	    ! grep -q '^\[admin\]' "$ETC/secrets.ini"; then
		printf '[admin]\ndb_password = %s\n' "$(random_hex 24)" >>"$ETC/secrets.ini"
	fi
	if ! grep -q '^secret_key' "$ETC/secrets.ini"; then
		printf '[site]\n; keys the tokens the site derives; the same on every host\nsecret_key = %s\n' \
		    "$(random_hex 32)" >>"$ETC/secrets.ini"
	fi
}

# The one secret section each reader needs, from the whole secrets file:
# a context's database password and the site's key, or the jobs' mail
# password.  Handed over by path (ROOMBOOK_SECRETS).
write_secrets_split() {
	local c key smtp jobs
	mkdir -p "$ETC/secrets"
	key=$(secret_of site secret_key)
	smtp=$(secret_of mail smtp_password)
	jobs=$(secret_of admin db_password)
	(
		umask 077
		for c in $CONTEXTS; do
			printf '; written from secrets.ini; do not edit\n[site]\nsecret_key = %s\n[%s]\ndb_password = %s\n' \
			    "$key" "$c" "$(secret "$c")" >"$ETC/secrets/$c.ini.tmp"
			mv "$ETC/secrets/$c.ini.tmp" "$ETC/secrets/$c.ini"
		done
		{
			echo "; written from secrets.ini; do not edit"
			[ -z "$smtp" ] || printf '[mail]\nsmtp_password = %s\n' "$smtp"
			# The jobs' password, where they reach MariaDB over TCP.
			[ -z "$jobs" ] || printf '[admin]\ndb_password = %s\n' "$jobs"
		} >"$ETC/secrets/jobs.ini.tmp"
		mv "$ETC/secrets/jobs.ini.tmp" "$ETC/secrets/jobs.ini"
	)
}

# Who may read the configuration: the site's accounts the settings, each
# secret its one reader, the whole secrets file root alone.
secure_config() {
	local c
	chown root:"$SITE_GROUP" "$ETC" "$INI" "$ETC/secrets"
	chmod 0750 "$ETC" "$ETC/secrets"
	chmod 0640 "$INI"
	chown root:root "$ETC/secrets.ini"
	chmod 0600 "$ETC/secrets.ini"
	for c in $CONTEXTS; do
		chown "$(pool_user "$c")" "$ETC/secrets/$c.ini"
	done
	chown "$JOBS_USER" "$ETC/secrets/jobs.ini"
}

# The directories the jobs' account writes: the mail files and the
# backups (these its alone).
make_job_directories() {
	local dir
	for dir in "$(ini_get mail dir)" "$(ini_get backup dir)"; do
		[ -n "$dir" ] || continue
		mkdir -p "$dir"
		chown "$JOBS_USER:$SITE_GROUP" "$dir"
	done
	dir=$(ini_get backup dir)
	[ -z "$dir" ] || chmod 0700 "$dir"
}

# Time zone tables, so SQL can turn UTC into the site's local days (usage).
db_time_zones() {
	local n
	n=$("${MARIADB[@]}" -N -e "SELECT COUNT(*) FROM mysql.time_zone_name" \
	    2>/dev/null || echo 0)
	[ "${n:-0}" -gt 0 ] && return 0
	mariadb-tzinfo-to-sql /usr/share/zoneinfo 2>/dev/null |
	    "${MARIADB[@]}" mysql ||
	    die "loading the time zone tables into MariaDB failed"
}

# The programs' database accounts, with the passwords of secrets.ini.
db_accounts() {
	local script=$ETC/accounts.sed c from
	# The passwords go through a 0600 file, never a command line (ps).
	(
		umask 077
		{
			echo "s|@DB@|$(ini_get database name)|g"
			# Application hosts reach MariaDB over TCP from their
			# addresses, the jobs with a password; one host, by
			# the socket, the jobs as their system account.
			from=$(ini_get cluster accounts_from)
			if [ -n "$from" ]; then
				echo "s|@FROM@|$from|g"
				echo "s|@JOBS@|rb_jobs|g"
				echo "s|@JOBS_AUTH@|BY '$(secret_of admin db_password)'|g"
			else
				echo "s|@FROM@|localhost|g"
				echo "s|@JOBS@|$JOBS_USER|g"
				echo "s|@JOBS_AUTH@|VIA unix_socket|g"
			fi
			for c in $CONTEXTS; do
				echo "s|@PW_$(echo "$c" | tr a-z A-Z)@|$(secret "$c")|g"
			done
		} >"$script"
	)
	sed -f "$script" "$SQL_TEMPLATES/accounts.sql.in" | "${MARIADB[@]}" ||
	    { rm -f "$script"; die "creating the database accounts failed"; }
	rm -f "$script"
}

# The gateway's files in $ETC: nginx-http.conf (the http level) and
# nginx-site.conf (the server block) from their templates, and the parts
# of both that follow roombook.ini.  The caller sets:
#   NGINX_TEMPLATES  http.conf.in, site.conf.in, security-headers.conf
#   STATIC_DIR       static/
#   ERRORS_DIR       the built error pages, a directory per language
#   NGINX_LOGS       the gateway's access and error logs
#   NGINX_CACHE      the photos nginx keeps
#   LISTEN, SERVER_NAME  nginx's listen and server_name
write_gateway() {
	local header param check allow a c rate burst
	header=$(ini_get auth login_header)
	param=HTTP_$(printf '%s' "${header:-X-Remote-User}" | tr 'a-z-' 'A-Z_')
	check=$(ini_get gateway sso_check)
	if [ -n "$check" ]; then
		cat <<EOT >"$ETC/nginx-sso.conf"
auth_request /_sso;
auth_request_set \$sso_user \$upstream_http_x_user;
fastcgi_param $param \$sso_user;
location = /_sso {
	internal;
	proxy_pass $check;
	proxy_pass_request_body off;
	proxy_set_header Content-Length "";
	proxy_set_header X-Original-URI \$request_uri;
}
EOT
	else
		echo "fastcgi_param $param \"\";" >"$ETC/nginx-sso.conf"
	fi
	for c in $CONTEXTS; do
		write_context_include "$c"
	done
	write_upstreams
	{
		echo "# written from roombook.ini; do not edit."
		echo "geo \$rb_shared_address {"
		echo "	default 0;"
		for a in $(ini_get gateway shared_addresses); do
			echo "	$a 1;"
		done
		echo "}"
	} >"$ETC/nginx-clients.conf"
	write_languages
	allow=$(ini_get gateway health_allow)
	{
		echo "auth_request off;"
		echo "add_header X-Request-Id \$rb_rid always;"
		for a in ${allow:-127.0.0.1 ::1}; do
			echo "allow $a;"
		done
		echo "deny all;"
	} >"$ETC/nginx-health.conf"
	rate=$(ini_get gateway login_rate)
	burst=$(ini_get gateway login_burst)
	fill_in "$NGINX_TEMPLATES/http.conf.in" "$ETC/nginx-http.conf" \
	    -e "s|@LOGIN_RATE@|${rate:-30r/m}|g" \
	    -e "s|@API_RATE@|$(ini_get gateway api_rate | grep . || echo 20r/s)|g"
	fill_in "$NGINX_TEMPLATES/site.conf.in" "$ETC/nginx-site.conf" \
	    -e "s|@LISTEN@|$LISTEN|g" -e "s|@SERVER_NAME@|$SERVER_NAME|g" \
	    -e "s|@LOGS@|$NGINX_LOGS|g" \
	    -e "s|@LOGIN_BURST@|${burst:-10}|g" \
	    -e "s|@PER_CLIENT@|$(ini_get gateway requests_per_client | grep . || echo 16)|g" \
	    -e "s|@UPLOAD_MAX@|$(( $(ini_get rooms photo_max_bytes | grep . || echo 2097152) + 1048576 ))|g"
}

fill_in() {	# template output [sed expressions]: fill in the @NAMES@
	local in=$1 out=$2
	shift 2
	sed -e "s|@CONF@|$ETC|g" -e "s|@NGINX@|$NGINX_TEMPLATES|g" \
	    -e "s|@STATIC@|$STATIC_DIR|g" -e "s|@ERRORS@|$ERRORS_DIR|g" \
	    -e "s|@CACHE@|$NGINX_CACHE|g" "$@" "$in" >"$out.tmp"
	mv "$out.tmp" "$out"
}

# The gateway's own pages (errors, a context down) in the reader's
# language, as nginx can tell it: the login page's choice (a cookie, which
# a person's setting also writes), else the browser's first language,
# else the site's.  One pair of lines per language of the error pages.
write_languages() {
	local lang site
	site=$(ini_get site language)
	{
		echo "# written from the error pages and roombook.ini; do not edit."
		echo "map \"\$cookie_rb_lang:\$http_accept_language\" \$rb_lang {"
		echo "	default ${site:-en};"
		for lang in $(cd "$ERRORS_DIR" && ls -d */ | tr -d /); do
			echo "	\"~*^$lang:\" $lang;"
			echo "	\"~*^:\\s*$lang(-|;|,|\\s|\$)\" $lang;"
		done
		echo "}"
	} >"$ETC/nginx-languages.conf"
}

# The pools, each bounded to the requests it may have in hand: its
# workers times [gateway] requests_per_worker.  The zone shares the
# count between nginx's workers.  With several application hosts, a
# location per host for its own /healthz (nginx-hosts.conf).
write_upstreams() {
	local c workers per hosts h bound
	per=$(ini_get gateway requests_per_worker)
	hosts=$(ini_get cluster app_hosts)
	{
		echo "# written from roombook.ini; do not edit."
		for c in $CONTEXTS; do
			workers=$(ini_get "$c" workers)
			bound=$(( ${workers:-2} * ${per:-16} ))
			printf 'upstream rb_%s {\n\tzone rb_upstreams 64k;\n' "$c"
			if [ -z "$hosts" ]; then
				printf '\tserver unix:%s max_conns=%d max_fails=3 fail_timeout=10s;\n' \
				    "$(ini_get "$c" socket)" "$bound"
			fi
			# Each application host's pool; one that fails is left
			# alone for a few seconds, its requests going to the
			# others (passive health checks).
			for h in $hosts; do
				case $h in *:*) h="[$h]" ;; esac
				printf '\tserver %s:%d max_conns=%d max_fails=1 fail_timeout=5s;\n' \
				    "$h" "$(context_port "$c")" "$bound"
			done
			printf '}\n'
		done
	} >"$ETC/nginx-upstreams.conf"
	# Each host's own health, asked of its booking pool alone.
	{
		echo "# written from roombook.ini; do not edit."
		for h in $hosts; do
			printf 'location = /healthz/host/%s {\n' "$h"
			printf '\tinclude %s/nginx-health.conf;\n' "$ETC"
			printf '\tfastcgi_connect_timeout 2s;\n\tfastcgi_read_timeout 5s;\n'
			case $h in *:*) h="[$h]" ;; esac
			printf '\tfastcgi_pass %s:%d;\n' "$h" "$(context_port booking)"
			printf '\terror_page 502 503 504 = @host_down;\n}\n'
		done
	} >"$ETC/nginx-hosts.conf"
}

# How long a context may take to answer: closing a room cancels all its
# bookings in one request; the rest answer in milliseconds, so 20 s means
# a worker is stuck.  Its pool gives a stopping worker as long.
context_timeout() {
	case $1 in
	room)	echo 60 ;;
	*)	echo 20 ;;
	esac
}

# How nginx reaches one context: its pool, how long it may take, and the
# page shown when it cannot answer (down, slow, or full).
write_context_include() {
	local c=$1 burst
	burst=$(ini_get gateway api_burst)
	cat <<EOT >"$ETC/nginx-context-$c.conf"
# $c: written from roombook.ini; do not edit.
limit_req zone=rb_api burst=${burst:-100} nodelay;
fastcgi_pass rb_$c;
fastcgi_connect_timeout 2s;
fastcgi_read_timeout $(context_timeout "$c")s;
fastcgi_send_timeout 10s;
# Retried on another server only when nothing was sent; nginx never
# retries a POST (not idempotent) unless told to, and it is not.
fastcgi_next_upstream error timeout;
fastcgi_next_upstream_tries 2;
error_page 400 /static/errors/\$rb_lang/400.\$rb_fallback_type;
error_page 413 /static/errors/\$rb_lang/413.\$rb_fallback_type;
error_page 429 /static/errors/\$rb_lang/429.\$rb_fallback_type;
error_page 502 503 504 =503 /static/errors/\$rb_lang/$c-down.\$rb_fallback_type;
# The program sends its own security headers; an add_header here keeps
# the gateway's (nginx/security-headers.conf) from doubling them.
add_header X-Request-Id \$rb_rid always;
EOT
}
