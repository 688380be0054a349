# skinguide: build, test, install.  `make run` and `make check` are all a
# fresh Debian machine needs: both first run `make deps`.

VERSION    = 0.1.0
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
PKGS      = ncursesw libcmark
# Recursive (=) so that pkg-config is asked only when a recipe needs it,
# after `make deps` has had its chance to install the libraries.
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS))
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(PKGS)) -lunistring
TEST_CFLAGS = $(shell $(PKG_CONFIG) --cflags cmocka)
TEST_LIBS   = $(shell $(PKG_CONFIG) --libs cmocka)
ALL_CFLAGS = $(WARN) -D_POSIX_C_SOURCE=200809L -Iinclude -Ibuild $(PKG_CFLAGS) \
             -MMD -MP $(CPPFLAGS) $(CFLAGS)

# Modules with no terminal in them: unit-tested, and shared by every output.
CORE    = buf error text doc content layout print
UI      = ui ui_home ui_article ui_menus
OBJ     = $(CORE:%=build/obj/%.o) $(UI:%=build/obj/%.o) build/obj/main.o
SAN_OBJ = $(OBJ:build/obj/%=build/san/%)
SAN_CORE = $(CORE:%=build/san/%.o)
UNIT    = text content layout
UNIT_BIN = $(UNIT:%=build/san/test_%)

.PHONY: all run check deps unit e2e golden golden-update check-pure install \
        uninstall clean bench FORCE

all: skinguide

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
	@printf '#define SKINGUIDE_VERSION "%s"\n#define SKINGUIDE_CONTENT_DIR "%s"\n' \
		'$(VERSION)' '$(DATADIR)/content' > $@.tmp
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
	@$(MAKE) --no-print-directory check-pure unit golden e2e

check-pure:
	@sh tests/check-pure.sh

unit: $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do \
		ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=tests/lsan.supp ./$$t; done

golden: build/san/skinguide
	@sh tests/golden.sh build/san/skinguide

golden-update: skinguide
	@sh tests/golden.sh ./skinguide --update

e2e: build/san/skinguide skinguide
	@sh tests/e2e/run.sh build/san/skinguide

bench: skinguide
	@sh bench/run.sh ./skinguide

install: skinguide
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/content
	install -m 755 skinguide $(DESTDIR)$(BINDIR)/skinguide
	install -m 644 content/*.md $(DESTDIR)$(DATADIR)/content/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/skinguide
	for f in content/*.md; do rm -f "$(DESTDIR)$(DATADIR)/$$f"; done
	-rmdir $(DESTDIR)$(DATADIR)/content $(DESTDIR)$(DATADIR)

clean:
	rm -rf build skinguide

-include $(OBJ:.o=.d) $(SAN_OBJ:.o=.d)
