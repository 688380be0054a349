#!/bin/sh
# A visit to every screen under valgrind's memcheck: no error, no
# definite leak.  Usage: sh tests/valgrind/run.sh SESSION_BINARY
# The fixture guide has links of every kind; the shipped content is what
# patients read; the hostile fixture holds controls and odd clusters.
bin=$1
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! command -v valgrind >/dev/null 2>&1; then
	echo "valgrind: not installed; run 'make deps'" >&2
	exit 1
fi
if valgrind --error-exitcode=3 --leak-check=full --errors-for-leak-kinds=definite \
	--show-leak-kinds=definite --track-origins=yes --log-file="$log" \
	"$bin" tests/fixtures/guide content tests/fixtures/hostile; then
	grep -E "ERROR SUMMARY|definitely lost" "$log" | sed 's/^==[0-9]*== /valgrind: /'
	exit 0
fi
echo "valgrind: the visit failed or memcheck found errors:" >&2
cat "$log" >&2
exit 1
