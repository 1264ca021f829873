# roombook: build, run and test.  A newcomer needs only `make run` and `make test`.

BUILD		?= build
SANITIZE	?=
CC		:= gcc
CXX		:= g++

PKGS		:= libmariadb libctemplate jansson inih liburiparser libsodium zlib \
		   libical gdlib libqrencode
PKG_CFLAGS	:= $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS	:= $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lfcgi
CURL_LIBS	:= $(shell pkg-config --libs libcurl 2>/dev/null)
VERSION		:= $(shell cat VERSION)+$(shell git rev-parse --short HEAD 2>/dev/null || echo dev)
# Where roomctl and the programs look for roombook.ini without -c or
# ROOMBOOK_CONFIG: the checkout's instance, or the package's /etc.
DEFAULT_CONFIG	?= var/etc/roombook.ini

WARNINGS	:= -Wall -Wextra -Wshadow -Wwrite-strings -Wformat=2 \
		   -Wpointer-arith -Wundef -Werror
CWARNINGS	:= $(WARNINGS) -Wstrict-prototypes -Wmissing-prototypes
CPPFLAGS	:= -D_GNU_SOURCE -Ilib $(PKG_CFLAGS) -MMD -MP \
		   -DROOMBOOK_DEFAULT_CONFIG='"$(DEFAULT_CONFIG)"'
ifeq ($(SANITIZE),1)
OPT		:= -O1 -g -fno-omit-frame-pointer \
		   -fsanitize=address,undefined -fno-sanitize-recover=undefined
LDOPT		:= -fsanitize=address,undefined
else
OPT		:= -O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=2 -fPIE
LDOPT		:= -pie -Wl,-z,relro,-z,now
endif
CFLAGS		:= -std=c11 $(OPT) $(CWARNINGS)
CXXFLAGS	:= -std=c++17 $(OPT) $(WARNINGS)
LDFLAGS		:= $(LDOPT)

# make test builds on every core.
JOBS		:= $(shell nproc 2>/dev/null || echo 1)
PROGRAMS	:= booking approval room status
LIB_OBJS	:= $(patsubst %.c,$(BUILD)/obj/%.o,$(wildcard lib/*.c)) \
		   $(BUILD)/obj/lib/render.o
LIB		:= $(BUILD)/libroombook.a
CTL_OBJS	:= $(patsubst %.c,$(BUILD)/obj/%.o,$(wildcard tools/ctl/*.c))
UNIT_TESTS	:= $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/test_*.c))
DB_TESTS	:= $(patsubst tests/db/%.c,$(BUILD)/tests/db/%,$(wildcard tests/db/test_*.c))
BINS		:= $(addprefix $(BUILD)/bin/,$(PROGRAMS) roomctl roombook-pool)
# The templates and catalogs of every language (po/<lang>.po), built from
# templates/ and po/ by tools/i18n; the same for every build of the code.
I18N		:= build/i18n

.PHONY: all programs asan deps run stop stop-context start-context test valgrind unit bench bench-data cluster cluster-down cluster-bench clean install deb FORCE
.DEFAULT_GOAL := programs

# What runs: the four programs, roomctl, and the pages and catalogs in each
# language.  Needs no test package, so `make run` works on a machine that
# has only what runs.
programs: $(BINS) $(I18N)/built

# What the test suites need besides: the C unit and database tests.
all: programs $(UNIT_TESTS) $(DB_TESTS)

$(I18N)/built: tools/i18n $(wildcard templates/*.tpl po/*.po static/errors/*)
	tools/i18n build $(I18N)
	@touch $@

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/obj/%.o: %.cc
	@mkdir -p $(@D)
	$(CXX) $(CPPFLAGS) $(CXXFLAGS) -c -o $@ $<

# The version reaches only the file that reports it; the header is rewritten
# only when the version changes, so a new commit rebuilds just that file.
$(BUILD)/version.h: FORCE
	@mkdir -p $(@D)
	@echo '#define ROOMBOOK_VERSION "$(VERSION)"' >$@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@
$(BUILD)/obj/lib/health.o: $(BUILD)/version.h
$(BUILD)/obj/lib/health.o: CPPFLAGS += -include $(BUILD)/version.h
FORCE:

$(LIB): $(LIB_OBJS)
	@mkdir -p $(@D)
	rm -f $@ && ar rcs $@ $^

# One program per context: cgi-bin/<context>/*.c plus the shared library.
define program
$(BUILD)/bin/$(1): $(patsubst %.c,$(BUILD)/obj/%.o,$(wildcard cgi-bin/$(1)/*.c)) $(LIB)
	@mkdir -p $$(@D)
	$(CXX) $(LDFLAGS) -o $$@ $$^ $(PKG_LIBS)
$(patsubst %.c,$(BUILD)/obj/%.o,$(wildcard cgi-bin/$(1)/*.c)): CPPFLAGS += -Icgi-bin/$(1)
endef
$(foreach p,$(PROGRAMS),$(eval $(call program,$(p))))

# Only roomctl sends mail (lib/smtp): only it links libcurl.
$(BUILD)/bin/roomctl: $(CTL_OBJS) $(LIB)
	@mkdir -p $(@D)
	$(CXX) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) $(CURL_LIBS)

# The supervisor of a context's workers: plain C, nothing shared but the
# INI reader (it may take its number of workers from roombook.ini).
$(BUILD)/bin/roombook-pool: $(BUILD)/obj/tools/pool/pool.o
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(shell pkg-config --libs inih 2>/dev/null)

# The cluster tests' slow link (libnetfilter-queue): not in `all`, whose
# packages make run installs; make cluster and make test build it.
$(BUILD)/bin/linkdelay: $(BUILD)/obj/tools/linkdelay/linkdelay.o
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(shell pkg-config --libs libnetfilter_queue 2>/dev/null)

$(BUILD)/tests/db/%: $(BUILD)/obj/tests/db/%.o $(LIB)
	@mkdir -p $(@D)
	$(CXX) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) -lcmocka

$(BUILD)/tests/%: $(BUILD)/obj/tests/unit/%.o $(LIB)
	@mkdir -p $(@D)
	$(CXX) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) -lcmocka

# The sanitizer build lives beside the optimised one.
asan:
	$(MAKE) BUILD=build/asan SANITIZE=1 all

# Installs the Debian packages that are missing (apt-get update first).
deps:
	tools/install-deps

run: deps
	$(MAKE) programs
	tools/stack up

stop:
	tools/stack down

# One context's pool, e.g. make stop-context CONTEXT=room (the rest run on).
stop-context:
	tools/stack stop-pool $(CONTEXT)

start-context:
	tools/stack start-pool $(CONTEXT)

unit: all
	tests/run-unit $(BUILD)/tests

test:
	tools/install-deps test
	$(MAKE) -j$(JOBS) all $(BUILD)/bin/linkdelay
	$(MAKE) -j$(JOBS) asan
	$(MAKE) -j$(JOBS) fuzz-build
	tests/run

# The integration suite once more, every worker under valgrind memcheck
# (port 18095, var/valgrind); any error or definite leak fails it.
valgrind:
	tools/install-deps test
	$(MAKE) all
	tests/valgrind

# Benchmarks on a stack of their own (port 18090, var/bench); SIZES, QUICK=1.
bench:
	tools/install-deps test
	$(MAKE) all
	bench/run

# Only the data: a bench stack left running with SIZE (10k, 100k, 1m) bookings.
bench-data:
	tools/install-deps test
	$(MAKE) all
	bench/run --data-only $(or $(SIZE),10k)

# The scale-out shape on this machine, in network namespaces: a gateway,
# two application hosts, a MariaDB primary and its replica (tools/cluster).
cluster: deps
	tools/install-deps cluster
	$(MAKE) programs $(BUILD)/bin/linkdelay
	tools/cluster up

cluster-down:
	tools/cluster down

# Figures per application host and per replica, from wrk on the cluster.
cluster-bench: deps
	tools/install-deps cluster
	$(MAKE) programs $(BUILD)/bin/linkdelay
	bench/cluster

# The installed layout (the Debian package's): programs in /usr/lib/roombook,
# pages, catalogs, static files, migrations and templates of the
# configuration in /usr/share/roombook, roomctl and roombook-setup in
# /usr/sbin, systemd units, tmpfiles, logrotate and the nginx site.
# Built with DEFAULT_CONFIG=/etc/roombook/roombook.ini (make deb does).
LIBDIR		:= /usr/lib/roombook
SHAREDIR	:= /usr/share/roombook
UNITDIR		:= /lib/systemd/system

install: programs
	install -d $(DESTDIR)$(LIBDIR) $(DESTDIR)/usr/sbin $(DESTDIR)$(UNITDIR) \
	    $(DESTDIR)$(SHAREDIR)/nginx $(DESTDIR)$(SHAREDIR)/conf \
	    $(DESTDIR)/usr/lib/tmpfiles.d $(DESTDIR)/etc/logrotate.d \
	    $(DESTDIR)/etc/nginx/sites-available $(DESTDIR)/usr/share/man/man8
	install -m 0755 $(addprefix $(BUILD)/bin/,$(PROGRAMS) roomctl roombook-pool) \
	    $(DESTDIR)$(LIBDIR)/
	install -m 0644 tools/site.sh $(DESTDIR)$(LIBDIR)/
	ln -sf ../lib/roombook/roomctl $(DESTDIR)/usr/sbin/roomctl
	install -m 0755 tools/roombook-setup $(DESTDIR)/usr/sbin/
	cp -R $(I18N)/templates $(I18N)/locale $(I18N)/errors static sql $(DESTDIR)$(SHAREDIR)/
	install -m 0644 nginx/http.conf.in nginx/site.conf.in nginx/security-headers.conf \
	    $(DESTDIR)$(SHAREDIR)/nginx/
	install -m 0644 $(addprefix tools/conf/,roombook.ini.in mail.ini.in backup.ini.in \
	    accounts.sql.in) $(DESTDIR)$(SHAREDIR)/conf/
	cp -R systemd/roombook* $(DESTDIR)$(UNITDIR)/
	install -m 0644 systemd/tmpfiles.conf $(DESTDIR)/usr/lib/tmpfiles.d/roombook.conf
	install -m 0644 systemd/logrotate $(DESTDIR)/etc/logrotate.d/roombook
	install -m 0644 nginx/debian-site.conf $(DESTDIR)/etc/nginx/sites-available/roombook
	install -m 0644 docs/roomctl.8 docs/roombook-setup.8 $(DESTDIR)/usr/share/man/man8/

# The Debian package, built by debhelper into build/deb/ (its own build
# directory: the programs there look for /etc/roombook/roombook.ini).
deb:
	tools/install-deps package
	dpkg-checkbuilddeps
	rm -rf build/deb
	debian/rules clean
	debian/rules binary
	@ls build/deb/roombook_*.deb

clean:
	rm -rf build

include tests/fuzz/fuzz.mk

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
