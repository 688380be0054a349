#!/bin/sh
# make bench: start-up, layout and printing on the shipped content and on
# generated guides of 100, 1,000 and 10,000 articles, beside the cmark
# command-line tool on the same files.  Times are the median of several
# runs, in milliseconds; memory is the peak resident size.
BIN=${1:-./skinguide}
tmp=${BENCH_DIR:-$(mktemp -d)}
runs=${BENCH_RUNS:-5}
export LC_ALL=C.UTF-8

ms() { # ms CMD...: median wall time of $runs runs
	i=0
	while [ $i -lt "$runs" ]; do
		a=$(date +%s%N)
		"$@" >/dev/null 2>&1
		b=$(date +%s%N)
		echo $(((b - a) / 1000000))
		i=$((i + 1))
	done | sort -n | sed -n "$(((runs + 1) / 2))p"
}

rss() { # peak memory of one run, in MB, when GNU time is there
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1 | awk '{printf "%.1f", $1 / 1024}'
	else
		echo "-"
	fi
}

printf '%-12s %8s %10s %10s %10s %12s %10s\n' guide articles "list(ms)" "print(ms)" "open(ms)" "cmark-all(ms)" "list(MB)"
bench_dir() {
	name=$1 dir=$2
	count=$(ls "$dir"/[0-9]*.md | wc -l)
	first=$("$BIN" --content "$dir" --list | head -n 1 | cut -f1)
	list=$(ms "$BIN" --content "$dir" --list)
	print=$(ms "$BIN" --content "$dir" --print "$first" --width 76)
	# Opening one article in a big guide costs what it costs in a small one:
	# the difference between print and list is the article's own work.
	open=$((print - list))
	[ $open -lt 0 ] && open=0
	if command -v cmark >/dev/null 2>&1; then
		cm=$(ms sh -c "cat '$dir'/[0-9]*.md | cmark >/dev/null")
	else
		cm="-"
	fi
	mem=$(rss "$BIN" --content "$dir" --list)
	printf '%-12s %8s %10s %10s %10s %12s %10s\n' "$name" "$count" "$list" "$print" "$open" "$cm" "$mem"
}

bench_dir shipped content
for n in 100 1000 10000; do
	[ -d "$tmp/g$n" ] || sh bench/gen.sh $n "$tmp/g$n"
	bench_dir "generated" "$tmp/g$n"
done
[ -z "${BENCH_DIR:-}" ] && rm -rf "$tmp"
exit 0
