#!/bin/sh
# Man pages: lint, render, install.  Usage: sh tests/man.sh BINARY
BIN=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { echo "man: $*" >&2; failed=$((failed + 1)); }
render() { LC_ALL=C.UTF-8 MANWIDTH=200 man -l "$1" 2>&1; }

# Every page, hand-written and generated, is clean under mandoc's lint
# down to its style messages.  Cross-references are looked up in a manual
# tree of this project's pages (so a reference to a page we do not make
# fails), with empty stand-ins for the pages of other programs.
mantree="$tmp/mantree"
mkdir -p "$mantree/man1" "$mantree/man5" "$mantree/man7"
cp man/skinguide.1 "$mantree/man1/"
cp man/skinguide-content.5 "$mantree/man5/"
cp build/man/*.7 "$mantree/man7/"
grep -h '^\.Xr' man/skinguide.1 man/skinguide-content.5 | awk '$2 !~ /^skinguide/ {print $2, $3}' |
	sort -u | while read -r name sec; do
		mkdir -p "$mantree/man$sec"
		printf '.TH %s %s\n.SH NAME\n%s \\- another program\n' "$name" "$sec" "$name" \
			>"$mantree/man$sec/$name.$sec"
	done
makewhatis "$mantree" || bad "makewhatis failed"
lint() { MANPATH="$mantree" mandoc -T lint -W style "$1" 2>&1; }
for page in man/skinguide.1 man/skinguide-content.5 build/man/*.7; do
	out=$(lint "$page")
	if [ -z "$out" ]; then ok; else bad "$page is not lint-clean:"; echo "$out" >&2; fi
	if render "$page" | grep -q .; then ok; else bad "$page renders nothing"; fi
done
# The lint would see a reference to a page that does not exist.
printf '.Dd November 30, 2026\n.Dt X 1\n.Os\n.Sh NAME\n.Nm x\n.Nd y\n.Sh SEE ALSO\n.Xr skinguide-nosuch 7\n' \
	>"$tmp/xr.1"
lint "$tmp/xr.1" | grep -q "referenced manual not found" && ok || bad "the lint misses bad references"

# At 80 columns each generated page's header and footer hold their parts
# apart, and prose is ragged right: no wide gap between two words.
for page in build/man/*.7; do
	LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$page" 2>/dev/null >"$tmp/80"
	head -n 1 "$tmp/80" | grep -qE '^[^ ]+\(7\)  +Patient guide  +[^ ]+\(7\)$' && ok ||
		bad "$page header at 80 columns: $(head -n 1 "$tmp/80")"
	tail -n 1 "$tmp/80" | grep -qE '^skinguide [^ ]+  +[0-9-]+  +[^ ]+\(7\)$' && ok ||
		bad "$page footer at 80 columns: $(tail -n 1 "$tmp/80")"
	gaps=$(sed '1d;$d' "$tmp/80" | grep -E '[a-z,]  +[a-z]' || true)
	[ -z "$gaps" ] && ok || bad "$page is justified: $gaps"
done

# No page hyphenates a word at a line's end (groff marks it with U+2010).
for page in man/skinguide.1 man/skinguide-content.5 build/man/*.7; do
	split=$(LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$page" 2>/dev/null | grep "‐$" || true)
	[ -z "$split" ] && ok || bad "$page hyphenates: $split"
done

# Hard line breaks start a line; tight lists have no blank line between
# items (tests/fixtures/man).
"$BIN" --content tests/fixtures/man --print format --format man >"$tmp/format.7"
[ -z "$(lint "$tmp/format.7")" ] && ok || bad "the format fixture lints: $(lint "$tmp/format.7")"
render "$tmp/format.7" >"$tmp/format.txt"
grep -q "PD" "$tmp/format.txt" && bad "a request shows in the text: $(grep PD "$tmp/format.txt")" || ok
for pair in "First line|second line" "second line|third line." "tight one|tight two" \
	"tight two|tight three" "step one|step two" "outer one|inner one" "inner two|outer two"; do
	a=${pair%%|*} b=${pair#*|}
	grep -A1 -F -- "$a" "$tmp/format.txt" | tail -n 1 | grep -qF -- "$b" && ok ||
		bad "'$b' is not on the line after '$a'"
done
grep -A1 -F "loose one" "$tmp/format.txt" | tail -n 1 | grep -q '^ *$' && ok ||
	bad "a loose list lost its blank lines"

# Each article's page shows its title and every heading.
for f in content/[0-9]*-*.md; do
	id=$(basename "$f" .md | sed 's/^[0-9]*-//')
	page=build/man/skinguide-$id.7
	render "$page" >"$tmp/page"
	grep '^##* ' "$f" | sed 's/^#* //' | while IFS= read -r heading; do
		grep -qF -- "$heading" "$tmp/page" || echo "$heading"
	done >"$tmp/missing"
	if [ -s "$tmp/missing" ]; then bad "$page lacks: $(cat "$tmp/missing")"; else ok; fi
done
render build/man/skinguide.7 | grep -q "skinguide-aftercare(7)" && ok ||
	bad "skinguide.7 does not list the articles"

# Text that means something to roff is shown as written, never obeyed.
"$BIN" --content tests/fixtures/roff --print roff --format man >"$tmp/roff.7"
[ -z "$(lint "$tmp/roff.7")" ] && ok || bad "roff fixture lints: $(lint "$tmp/roff.7")"
render "$tmp/roff.7" >"$tmp/roff.txt"
for want in '.SH summary starting with a dot \fB and a backslash' \
	"'br and a line starting with an apostrophe." \
	'Backslashes: \e \(bu \\ and "quotes" -- dashes.' '.so /etc/passwd' \
	'.SH heading with a dot' 'Roff .TH trap'; do
	grep -qF -- "$want" "$tmp/roff.txt" && ok || bad "roff text not literal: $want"
done
LC_ALL=C grep -q "$(printf '\033')" "$tmp/roff.7" && bad "an escape byte reached the page" || ok
# A request on a later line of a code block stays text too.
"$BIN" --content tests/fixtures/roff --print inject --format man >"$tmp/inject.7"
render "$tmp/inject.7" >"$tmp/inject.txt"
for want in '.so /etc/hostname' "'so /etc/hostname" '\fB back\slash'; do
	grep -qF -- "$want" "$tmp/inject.txt" && ok || bad "code line not literal: $want"
done

# An install into DESTDIR puts down exactly these files; uninstall takes
# them all away again.
dest="$tmp/dest"
make -s install DESTDIR="$dest" PREFIX=/usr >/dev/null 2>&1 || bad "make install failed"
(cd "$dest" && find . -type f | sort) >"$tmp/got"
{
	echo ./usr/bin/skinguide
	for f in content/*.md; do echo "./usr/share/skinguide/$f"; done
	echo ./usr/share/man/man1/skinguide.1
	echo ./usr/share/man/man5/skinguide-content.5
	echo ./usr/share/man/man7/skinguide.7
	for f in content/[0-9]*-*.md; do
		echo "./usr/share/man/man7/skinguide-$(basename "$f" .md | sed 's/^[0-9]*-//').7"
	done
} | sort >"$tmp/want"
diff -u "$tmp/want" "$tmp/got" >&2 && ok || bad "install put down other files (diff above)"
LC_ALL=C.UTF-8 MANPATH="$dest/usr/share/man" man skinguide-aftercare 2>/dev/null |
	grep -q "Aftercare" && ok || bad "man skinguide-aftercare does not work after install"
# Uninstall takes away what install put down and leaves a neighbour alone.
echo keep >"$dest/usr/share/man/man7/other-program.7"
make -s uninstall DESTDIR="$dest" PREFIX=/usr >/dev/null 2>&1
left=$(cd "$dest" && find . -type f)
[ "$left" = ./usr/share/man/man7/other-program.7 ] && ok || bad "uninstall left or took: $left"

# Installed under a PREFIX, the program finds its content by itself.
prefix="$tmp/prefix"
make -s install PREFIX="$prefix" >/dev/null 2>&1 || bad "make install PREFIX failed"
env -u SKINGUIDE_CONTENT "$prefix/bin/skinguide" --list | grep -q "^aftercare	" && ok ||
	bad "the installed guide does not find its content in $prefix/share/skinguide"
grep -qF "$prefix/share/skinguide/content" "$prefix/share/man/man1/skinguide.1" && ok ||
	bad "the installed skinguide(1) does not name $prefix/share/skinguide/content"
make -s uninstall PREFIX="$prefix" >/dev/null 2>&1
[ -z "$(find "$prefix" -type f)" ] && ok || bad "uninstall under PREFIX left files"
# Put the build back as it was for the default PREFIX.
make -s skinguide >/dev/null 2>&1

echo "man: $passed passed, $failed failed"
[ "$failed" = 0 ]
