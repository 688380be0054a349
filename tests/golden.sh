#!/bin/sh
# Golden files: every shipped article printed at 40 and 80 columns must
# match tests/golden/ID.WIDTH.txt.  `sh tests/golden.sh BIN --update`
# (make golden-update) rewrites them after a deliberate change: read the
# diff before committing it.
BIN=$1
update=${2:-}
dir=tests/golden
export LC_ALL=C.UTF-8
passed=0 failed=0
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
for id in $("$BIN" --content content --list | cut -f1); do
	for w in 40 80; do
		want="$dir/$id.$w.txt"
		"$BIN" --content content --print "$id" --width $w >"$tmp" || exit 1
		if [ "$update" = --update ]; then
			cp "$tmp" "$want"
		elif diff -u "$want" "$tmp"; then
			passed=$((passed + 1))
		else
			echo "golden: $id at $w columns differs from $want (above);" \
				"run 'make golden-update' if the change is meant" >&2
			failed=$((failed + 1))
		fi
	done
done
# Files for articles that no longer exist would hide nothing, but mislead.
for f in "$dir"/*.txt; do
	id=$(basename "$f" | sed 's/\.[0-9]*\.txt$//')
	"$BIN" --content content --list | cut -f1 | grep -qx "$id" ||
		{ echo "golden: $f has no article; delete it" >&2; failed=$((failed + 1)); }
done
[ "$update" = --update ] && { echo "golden: files rewritten"; exit 0; }
echo "golden: $passed passed, $failed failed"
[ "$failed" = 0 ]
