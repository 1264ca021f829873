# lib.sh: what the benchmarks share (bench/run, bench/cluster).  The
# caller sets BASE (the gateway) and WORK (a directory for cookie jars).

# Logs in through the form as $1 (password demo): COOKIE, the header
# value of the session, and CSRF, a form token of the session.
login() {
	local jar=$WORK/$1.jar token
	rm -f "$jar"
	token=$(curl -s -c "$jar" -b "$jar" "$BASE/login" |
	    sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p')
	curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf=$token" \
	    -d "login=$1" -d password=demo "$BASE/login"
	COOKIE="rb_session=$(awk '$6 == "rb_session" { print $7 }' "$jar")"
	CSRF=$(curl -s -H "Cookie: $COOKIE" "$BASE/account" |
	    sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
}
