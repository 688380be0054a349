# skinguide: build, test, install.  `make run` and `make check` are all a
# fresh Debian machine needs: both first run `make deps`.

VERSION    = 0.1.0
# The date man pages carry: the last commit's, so a rebuild gives the same pages.
DATE      := $(shell git log -1 --format=%cs 2>/dev/null || date +%Y-%m-%d)
PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
DATADIR   ?= $(PREFIX)/share/skinguide
MANPREFIX ?= $(PREFIX)/share/man
DESTDIR   ?=

PKG_CONFIG ?= pkg-config
CFLAGS     ?= -O2 -g
SAN_FLAGS  ?= -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
              -fno-sanitize-recover=all
# clang's sanitizers see what gcc's miss (and the other way round): the
# unit tests run under both.  libFuzzer comes with clang too.
CLANG     ?= clang
CLANG_SAN_FLAGS ?= -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
              -fno-sanitize-recover=all
FUZZ_SECONDS ?= 60

WARN      = -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wvla
PKGS      = ncursesw libcmark sqlite3
# Recursive (=) so that pkg-config is asked only when a recipe needs it,
# after `make deps` has had its chance to install the libraries.
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS))
# libstemmer is loaded at run time (src/fold.c): dlopen is in -ldl before
# glibc 2.34, and in libc itself after.
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(PKGS)) -lunistring -lm -lpthread -ldl
TEST_CFLAGS = $(shell $(PKG_CONFIG) --cflags cmocka)
TEST_LIBS   = $(shell $(PKG_CONFIG) --libs cmocka)
ALL_CFLAGS = $(WARN) -D_POSIX_C_SOURCE=200809L -Iinclude -Ibuild $(PKG_CFLAGS) \
             -MMD -MP $(CPPFLAGS) $(CFLAGS)

# Modules with no terminal in them: unit-tested, and shared by every output.
CORE    = buf error text doc outline clinic content layout history \
          nav nav_page nav_view nav_reader nav_quiz nav_search \
          print readability check man quiz plain plain_page fold search
UI      = ui ui_draw
OBJ     = $(CORE:%=build/obj/%.o) $(UI:%=build/obj/%.o) build/obj/main.o
SAN_OBJ = $(OBJ:build/obj/%=build/san/%)
SAN_CORE = $(CORE:%=build/san/%.o)
UNIT    = buf text hostile outline clinic content layout history nav readability \
          check man quiz print plain search harden
# Article ids from the file names: 08-aftercare.md is aftercare.
ARTICLE_IDS = $(shell ls content | sed -n 's/^[0-9]\{1,6\}-\([a-z0-9][a-z0-9-]*\)\.md$$/\1/p')
MAN_PAGES = build/man/skinguide.7 $(ARTICLE_IDS:%=build/man/skinguide-%.7)
UNIT_BIN = $(UNIT:%=build/san/test_%)
CORE_OBJ = $(CORE:%=build/obj/%.o)
CSAN_CORE = $(CORE:%=build/csan/%.o)
CSAN_UNIT_BIN = $(UNIT:%=build/csan/test_%)
# Fuzz targets (tests/fuzz/fuzz_NAME.c), their seeds (the shipped content,
# quiz.md included, and every fixture) and the corpus kept in git.
FUZZ_TARGETS = article man check quiz guide text search plain
FUZZ_SEEDS = content tests/fixtures tests/fuzz/seeds
FUZZ_CORE = $(CORE:%=build/fuzz/%.o)
FUZZ_BIN = $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)
REPLAY_BIN = $(FUZZ_TARGETS:%=build/san/replay_%)

.PHONY: all run check deps unit unit-clang e2e golden golden-update check-pure \
        install uninstall clean bench man check-content check-man check-examples \
        fuzz fuzz-replay growth valgrind FORCE

all: skinguide man

# Each article becomes skinguide-ID(7), written by the program itself.
man: $(MAN_PAGES)

build/man/skinguide.7: skinguide $(wildcard content/*.md)
	@mkdir -p $(@D)
	./skinguide --content content --list --format man > $@.tmp && mv $@.tmp $@

build/man/skinguide-%.7: skinguide content/*-%.md
	@mkdir -p $(@D)
	./skinguide --content content --print $* --format man > $@.tmp && mv $@.tmp $@

skinguide: $(OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJ) $(PKG_LIBS)

build/obj/%.o: src/%.c | build/config.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

build/san/%.o: src/%.c | build/config.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) -c -o $@ $<

build/san/skinguide: $(SAN_OBJ)
	$(CC) $(SAN_FLAGS) -o $@ $(SAN_OBJ) $(PKG_LIBS)

build/san/test_%: tests/unit/test_%.c $(SAN_CORE)
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) $(TEST_CFLAGS) -o $@ $< $(SAN_CORE) \
		$(PKG_LIBS) $(TEST_LIBS)

build/csan/%.o: src/%.c | build/config.h
	@mkdir -p $(@D)
	$(CLANG) $(ALL_CFLAGS) $(CLANG_SAN_FLAGS) -c -o $@ $<

build/csan/test_%: tests/unit/test_%.c $(CSAN_CORE)
	$(CLANG) $(ALL_CFLAGS) $(CLANG_SAN_FLAGS) $(TEST_CFLAGS) -o $@ $< $(CSAN_CORE) \
		$(PKG_LIBS) $(TEST_LIBS)

# Objects only pattern rules name are kept, not deleted as intermediates.
.SECONDARY: $(CSAN_CORE) $(FUZZ_CORE)

# The model for libFuzzer: coverage-instrumented, with ASan and UBSan.
build/fuzz/%.o: src/%.c | build/config.h
	@mkdir -p $(@D)
	$(CLANG) $(ALL_CFLAGS) $(CLANG_SAN_FLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_CORE)
	$(CLANG) $(ALL_CFLAGS) $(CLANG_SAN_FLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_CORE) \
		$(PKG_LIBS)

# The same targets without libFuzzer: replay.c's main feeds them files.
build/san/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(SAN_CORE)
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) -o $@ $< tests/fuzz/replay.c $(SAN_CORE) $(PKG_LIBS)

# Cost growth: built as users get it (-O2, no sanitizer), so that times mean something.
build/growth: tests/perf/growth.c $(CORE_OBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(CORE_OBJ) $(PKG_LIBS)

# The visit for valgrind: plain objects, since valgrind and ASan do not mix.
build/session: tests/valgrind/session.c $(CORE_OBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(CORE_OBJ) $(PKG_LIBS)

# The compiled-in content directory follows PREFIX: a changed value
# rewrites the header, and only then is main.c rebuilt.
build/config.h: FORCE
	@mkdir -p build
	@printf '#define SKINGUIDE_VERSION "%s"\n#define SKINGUIDE_CONTENT_DIR "%s"\n#define SKINGUIDE_DATE "%s"\n' \
		'$(VERSION)' '$(DATADIR)/content' '$(DATE)' > $@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi
build/obj/main.o build/san/main.o: build/config.h

deps:
	@sh scripts/deps.sh

run: deps
	@$(MAKE) --no-print-directory skinguide
	./skinguide --content content

# Everything a change must pass: unit tests under gcc's and clang's
# AddressSanitizer and UBSan, the fuzz corpus replayed, cost growth, a
# visit under valgrind, end-to-end tests, golden files, the purity rule.
check: deps
	@$(MAKE) --no-print-directory check-pure unit unit-clang fuzz-replay growth \
		valgrind golden check-content check-man check-examples e2e

check-pure:
	@sh tests/check-pure.sh

# Every test program runs, even after one fails; the target fails after.
RUN_TESTS = failed=""; for t in $(1); do \
		ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=tests/lsan.supp \
			./$$t || failed="$$failed $$t"; done; \
	if [ -n "$$failed" ]; then echo "unit: failed:$$failed" >&2; exit 1; fi

unit: $(UNIT_BIN)
	@$(call RUN_TESTS,$(UNIT_BIN))

unit-clang: $(CSAN_UNIT_BIN)
	@$(call RUN_TESTS,$(CSAN_UNIT_BIN))

# libFuzzer on each target for FUZZ_SECONDS from the seeds; what it finds
# goes to build/fuzz/corpus, a crash to build/fuzz/crash-TARGET-*.  Keep a
# crash's input in tests/fuzz/corpus/TARGET once it is fixed.
fuzz: $(FUZZ_BIN)
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p build/fuzz/corpus/$$t tests/fuzz/corpus/$$t; \
		echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
		build/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 -max_len=16384 \
			-print_final_stats=1 -artifact_prefix=build/fuzz/crash-$$t- \
			build/fuzz/corpus/$$t tests/fuzz/corpus/$$t $(FUZZ_SEEDS) \
			2>build/fuzz/$$t.log || { tail -n 60 build/fuzz/$$t.log; exit 1; }; \
		grep -E '^stat::(number_of_executed_units|peak_rss_mb)' build/fuzz/$$t.log; \
	done

# Every seed and every kept input through every target, without libFuzzer
# (a target with no input kept yet has no directory in git).
fuzz-replay: $(REPLAY_BIN)
	@for t in $(FUZZ_TARGETS); do \
		kept=tests/fuzz/corpus/$$t; [ -d $$kept ] || kept=; \
		ASAN_OPTIONS=detect_leaks=1 ./build/san/replay_$$t $$kept $(FUZZ_SEEDS) || exit 1; \
	done

growth: build/growth
	@./build/growth

valgrind: build/session
	@sh tests/valgrind/run.sh build/session

check-content: build/san/skinguide
	build/san/skinguide --check content

check-man: build/san/skinguide man
	@sh tests/man.sh build/san/skinguide

golden: build/san/skinguide
	@sh tests/golden.sh build/san/skinguide

golden-update: skinguide
	@sh tests/golden.sh ./skinguide --update

# The kiosk and SSH examples, with systemd-analyze and sshd when installed.
check-examples: skinguide
	@sh tests/e2e/examples.sh

# The reader in tmux; then each hostile case through --check, --print,
# man and the reader (in tmux at two sizes), the optimised build timed and
# its memory measured.
e2e: build/san/skinguide skinguide
	@sh tests/e2e/run.sh build/san/skinguide
	@sh tests/e2e/hostile.sh build/san/skinguide ./skinguide

# One table beside less, lowdown and cmark (bench/run.sh); the generated
# guides stay in BENCH_DIR (default build/bench) for the next run.
bench: skinguide build/bench-search
	@sh bench/run.sh ./skinguide build/bench-search

# The search engine alone, timed from C: keystrokes are too quick for a
# process each.
build/bench-search: bench/search.c $(CORE:%=build/obj/%.o)
	$(CC) $(ALL_CFLAGS) -o $@ bench/search.c $(CORE:%=build/obj/%.o) $(PKG_LIBS)

install: skinguide man
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/content \
		$(DESTDIR)$(MANPREFIX)/man1 $(DESTDIR)$(MANPREFIX)/man5 $(DESTDIR)$(MANPREFIX)/man7
	install -m 755 skinguide $(DESTDIR)$(BINDIR)/skinguide
	install -m 644 content/*.md $(DESTDIR)$(DATADIR)/content/
	sed 's|/usr/local/share/skinguide|$(DATADIR)|g; s|/usr/local/bin|$(BINDIR)|g' \
		man/skinguide.1 > $(DESTDIR)$(MANPREFIX)/man1/skinguide.1
	sed 's|/usr/local/share/skinguide|$(DATADIR)|g' \
		man/skinguide-content.5 > $(DESTDIR)$(MANPREFIX)/man5/skinguide-content.5
	chmod 644 $(DESTDIR)$(MANPREFIX)/man1/skinguide.1 \
		$(DESTDIR)$(MANPREFIX)/man5/skinguide-content.5
	install -m 644 $(MAN_PAGES) $(DESTDIR)$(MANPREFIX)/man7/

# Removes what install put down, and nothing else.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/skinguide
	rm -f $(patsubst content/%,$(DESTDIR)$(DATADIR)/content/%,$(wildcard content/*.md))
	-rmdir $(DESTDIR)$(DATADIR)/content $(DESTDIR)$(DATADIR) 2>/dev/null
	rm -f $(DESTDIR)$(MANPREFIX)/man1/skinguide.1 $(DESTDIR)$(MANPREFIX)/man5/skinguide-content.5
	rm -f $(patsubst build/man/%,$(DESTDIR)$(MANPREFIX)/man7/%,$(MAN_PAGES))

clean:
	rm -rf build skinguide

# Every object, test and tool records the headers it read.
-include $(wildcard build/*.d build/*/*.d)
