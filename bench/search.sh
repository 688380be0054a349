#!/bin/sh
# make bench, search part: on the shipped content and on generated guides
# of 1,000 and 10,000 articles (bench/gen.sh), the index build time (in
# the caller's thread, and in search_start()'s thread), the time of each
# keystroke typing "sunscreen" one letter at a time (median and worst),
# and peak memory with the index built, beside `grep -ril` over the same
# files.  Usage: sh bench/search.sh HARNESS BINARY
HARNESS=${1:-build/bench-search}
BIN=${2:-./skinguide}
tmp=${BENCH_DIR:-$(mktemp -d)}
runs=${BENCH_RUNS:-5}
export LC_ALL=C.UTF-8

now_ns() { date +%s%N; }

grep_ms() { # median wall time of `grep -ril sunscreen DIR`, in ms
	i=0
	while [ $i -lt "$runs" ]; do
		a=$(now_ns)
		grep -ril sunscreen "$1" >/dev/null
		b=$(now_ns)
		echo $((b - a))
		i=$((i + 1))
	done | sort -n | sed -n "$(((runs + 1) / 2))p" | awk '{printf "%.1f", $1 / 1e6}'
}

rss_mb() { # peak resident memory of `skinguide --search`, in MB
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f %M "$BIN" --content "$1" --search sunscreen 2>&1 >/dev/null |
			tail -n 1 | awk '{printf "%.1f", $1 / 1024}'
	else
		echo "-"
	fi
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "-" }'; }

echo
echo "search (ms; MB): build = whole index in one thread, thread = by search_start(),"
echo "key = one keystroke of \"sunscreen\" typed letter by letter, engine = the bench"
echo "harness's peak memory, cli = skinguide --search's"
printf '%-10s %8s %8s %8s %8s %8s %8s %8s %8s %8s %7s %7s\n' guide articles build \
	thread "key med" "key max" "grep" "build/g" "key/g" "new" engine cli
bench_search() {
	name=$1 dir=$2
	set -- $("$HARNESS" "$dir")
	[ $# -eq 7 ] || { echo "bench-search failed on $dir" >&2; return 1; }
	g=$(grep_ms "$dir")
	printf '%-10s %8s %8s %8s %8s %8s %8s %8s %8s %8s %7s %7s\n' "$name" "$1" "$3" "$7" \
		"$4" "$5" "$g" "$(ratio "$3" "$g")" "$(ratio "$4" "$g")" "$2" "$6" \
		"$(rss_mb "$dir")"
}

bench_search shipped content
for n in 1000 10000; do
	[ -d "$tmp/g$n" ] || sh bench/gen.sh $n "$tmp/g$n"
	bench_search generated "$tmp/g$n"
done
[ -z "${BENCH_DIR:-}" ] && rm -rf "$tmp"
exit 0
