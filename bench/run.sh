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

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# until TEXT: poll a tmux screen every 5 ms (10 s at most).
until_shows() {
	end=$(($(now_ms) + 10000))
	while [ "$(now_ms)" -lt "$end" ]; do
		tmux -L skinguide-bench capture-pane -p -t b | grep -qF -- "$1" && return 0
		sleep 0.005
	done
	return 1
}

# What a reader feels, in a real terminal: the first frame of the home
# screen, then opening the first topic, then going back home.
tui() { # tui DIR: prints "first open back" in ms
	tmux -L skinguide-bench kill-server 2>/dev/null
	sleep 0.2
	t0=$(now_ms)
	tmux -L skinguide-bench -f /dev/null new-session -d -s b -x 80 -y 24 \
		"env LC_ALL=C.UTF-8 '$BIN' --content '$1'"
	until_shows "Topic 1 of"; t1=$(now_ms)
	tmux -L skinguide-bench send-keys -t b Enter
	until_shows "Links Tab"; t2=$(now_ms)
	tmux -L skinguide-bench send-keys -t b BSpace
	until_shows "Topic 1 of"; t3=$(now_ms)
	tmux -L skinguide-bench kill-server 2>/dev/null
	echo "$((t1 - t0)) $((t2 - t1)) $((t3 - t2))"
}

printf '%-10s %8s %9s %9s %13s %10s %10s %9s %9s\n' guide articles "list ms" "print ms" "cmark-all ms" "list MB" "frame1 ms" "open ms" "back ms"
bench_dir() {
	name=$1 dir=$2
	count=$(ls "$dir"/[0-9]*.md | wc -l)
	first=$("$BIN" --content "$dir" --list | head -n 1 | cut -f1)
	list=$(ms "$BIN" --content "$dir" --list)
	print=$(ms "$BIN" --content "$dir" --print "$first" --width 76)
	if command -v cmark >/dev/null 2>&1; then
		cm=$(ms sh -c "cat '$dir'/[0-9]*.md | cmark >/dev/null")
	else
		cm="-"
	fi
	mem=$(rss "$BIN" --content "$dir" --list)
	if command -v tmux >/dev/null 2>&1; then
		set -- $(tui "$dir")
	else
		set -- - - -
	fi
	printf '%-10s %8s %9s %9s %13s %10s %10s %9s %9s\n' "$name" "$count" "$list" "$print" \
		"$cm" "$mem" "$1" "$2" "$3"
}

bench_dir shipped content
for n in 100 1000 10000; do
	[ -d "$tmp/g$n" ] || sh bench/gen.sh $n "$tmp/g$n"
	bench_dir "generated" "$tmp/g$n"
done
# The first frame measured in a pseudo-terminal, without tmux's polling:
# heads are read as the home screen shows them, so it should not grow
# with the guide (targets: under 40 ms at 10,000, 150 ms at 50,000).
if command -v python3 >/dev/null 2>&1; then
	[ -d "$tmp/g50000" ] || sh bench/gen.sh 50000 "$tmp/g50000"
	printf '\nfirst frame, pseudo-terminal (median of 5):'
	for d in content "$tmp/g1000" "$tmp/g10000" "$tmp/g50000"; do
		printf ' %s %s ms;' "$(basename "$d")" "$(python3 bench/frame.py "$BIN" "$d")"
	done
	echo
fi
# Writes and bytes per action: over SSH each write can be a packet.
if command -v python3 >/dev/null 2>&1 && command -v strace >/dev/null 2>&1; then
	printf '\nterminal output per action (shipped guide, 80x24): %s\n' \
		"$(python3 bench/writes.py "$BIN" content)"
fi
# Esc must wait to tell a lone Esc (Back) from an escape sequence; the
# target is under 60 ms (Backspace, which needs no wait, for comparison).
if command -v python3 >/dev/null 2>&1; then
	printf '\nkey latency (median of 20, pseudo-terminal): %s\n' \
		"$(python3 bench/keylat.py "$BIN" tests/fixtures/guide)"
fi
[ -z "${BENCH_DIR:-}" ] && rm -rf "$tmp"
exit 0
