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
              -fno-sanitize-recover=undefined

WARN      = -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wvla
PKGS      = ncursesw libcmark sqlite3
# Recursive (=) so that pkg-config is asked only when a recipe needs it,
# after `make deps` has had its chance to install the libraries.
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS))
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(PKGS)) -lstemmer -lunistring -lm -lpthread
TEST_CFLAGS = $(shell $(PKG_CONFIG) --cflags cmocka)
TEST_LIBS   = $(shell $(PKG_CONFIG) --libs cmocka)
ALL_CFLAGS = $(WARN) -D_POSIX_C_SOURCE=200809L -Iinclude -Ibuild $(PKG_CFLAGS) \
             -MMD -MP $(CPPFLAGS) $(CFLAGS)

# Modules with no terminal in them: unit-tested, and shared by every output.
CORE    = buf error text doc outline clinic content layout history \
          nav nav_page nav_view nav_reader nav_quiz nav_search \
          print readability check man quiz plain fold search
UI      = ui ui_draw
OBJ     = $(CORE:%=build/obj/%.o) $(UI:%=build/obj/%.o) build/obj/main.o
SAN_OBJ = $(OBJ:build/obj/%=build/san/%)
SAN_CORE = $(CORE:%=build/san/%.o)
UNIT    = buf text hostile outline clinic content layout history nav readability \
          check man quiz print plain search
# Article ids from the file names: 08-aftercare.md is aftercare.
ARTICLE_IDS = $(shell ls content | sed -n 's/^[0-9]\{1,6\}-\([a-z0-9][a-z0-9-]*\)\.md$$/\1/p')
MAN_PAGES = build/man/skinguide.7 $(ARTICLE_IDS:%=build/man/skinguide-%.7)
UNIT_BIN = $(UNIT:%=build/san/test_%)

.PHONY: all run check deps unit e2e golden golden-update check-pure install \
        uninstall clean bench man check-content check-man check-examples FORCE

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

# Everything a change must pass: unit tests and end-to-end tests, both
# under AddressSanitizer and UBSan, golden files, and the purity rule.
check: deps
	@$(MAKE) --no-print-directory check-pure unit golden check-content check-man \
		check-examples e2e

check-pure:
	@sh tests/check-pure.sh

# Every test program runs, even after one fails; the target fails after.
unit: $(UNIT_BIN)
	@failed=""; for t in $(UNIT_BIN); do \
		ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=tests/lsan.supp \
			./$$t || failed="$$failed $$t"; done; \
	if [ -n "$$failed" ]; then echo "unit: failed:$$failed" >&2; exit 1; fi

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

e2e: build/san/skinguide skinguide
	@sh tests/e2e/run.sh build/san/skinguide

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

-include $(OBJ:.o=.d) $(SAN_OBJ:.o=.d)
