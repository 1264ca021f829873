# fuzz.mk: the libFuzzer harnesses (tests/fuzz/fuzz_*.c), built with clang
# into build/fuzz/ beside the gcc builds; included by the Makefile.
#   make fuzz [FUZZ_SECONDS=300]   builds, then runs each harness that long
#   make fuzz-merge                keeps the last run's new inputs in the corpus

FUZZ_BUILD	:= build/fuzz
FUZZ_CC		:= clang
FUZZ_CXX	:= clang++
FUZZ_SECONDS	?= 300
FUZZ_SAN	:= -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_OPT	:= -O1 -g -fno-omit-frame-pointer $(FUZZ_SAN)

FUZZ_NAMES	:= $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BINS	:= $(addprefix $(FUZZ_BUILD)/bin/fuzz_,$(FUZZ_NAMES))
# health.c only reports the build's version; it is no parser.
FUZZ_LIB_OBJS	:= $(patsubst %.c,$(FUZZ_BUILD)/obj/%.o,\
		   $(filter-out lib/health.c,$(wildcard lib/*.c))) \
		   $(FUZZ_BUILD)/obj/lib/render.o
FUZZ_LIB	:= $(FUZZ_BUILD)/libroombook.a

.PHONY: fuzz fuzz-build fuzz-merge

# The library, instrumented for coverage.
$(FUZZ_BUILD)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CPPFLAGS) -std=c11 $(FUZZ_OPT) -fsanitize=fuzzer-no-link \
	    $(CWARNINGS) -c -o $@ $<

$(FUZZ_BUILD)/obj/%.o: %.cc
	@mkdir -p $(@D)
	$(FUZZ_CXX) $(CPPFLAGS) -std=c++17 $(FUZZ_OPT) \
	    -fsanitize=fuzzer-no-link $(WARNINGS) -c -o $@ $<

$(FUZZ_BUILD)/obj/tests/fuzz/%.o: tests/fuzz/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CPPFLAGS) -std=c11 $(FUZZ_OPT) -fsanitize=fuzzer \
	    $(CWARNINGS) -c -o $@ $<

$(FUZZ_LIB): $(FUZZ_LIB_OBJS)
	@mkdir -p $(@D)
	rm -f $@ && ar rcs $@ $^

# C++ links: render.cc (ctemplate) comes with whatever uses a page.
$(FUZZ_BUILD)/bin/fuzz_%: $(FUZZ_BUILD)/obj/tests/fuzz/fuzz_%.o $(FUZZ_LIB)
	@mkdir -p $(@D)
	$(FUZZ_CXX) -fsanitize=fuzzer $(FUZZ_SAN) -o $@ \
	    $(filter %.o,$^) $(FUZZ_LIB) $(PKG_LIBS)

fuzz-build: $(FUZZ_BINS)

fuzz:
	tools/install-deps test
	$(MAKE) fuzz-build
	FUZZ_SECONDS=$(FUZZ_SECONDS) tests/fuzz/run

fuzz-merge: fuzz-build
	tests/fuzz/run --merge
