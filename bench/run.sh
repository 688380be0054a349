#!/bin/sh
# make bench: one table of skinguide's costs beside less, lowdown -tterm and
# cmark, on the shipped guide and on generated guides of 100, 1,000, 10,000 and
# 50,000 articles (bench/table.py, driving each program through the
# pseudo-terminal harness bench/harness.py).
# Usage: sh bench/run.sh [BINARY [SEARCH_HARNESS]]
# BENCH_DIR (default build/bench) keeps the generated guides between runs;
# BENCH_RUNS (default 9) is the number of runs each median is taken of;
# BENCH_SIZES (default "0 100 1000 10000 50000", 0 for the shipped guide).
BIN=${1:-./skinguide}
HARNESS=${2:-build/bench-search}
if ! command -v python3 >/dev/null 2>&1; then
	echo "make bench: skipped: the pseudo-terminal harness needs python3, which is not installed" >&2
	exit 0
fi
for tool in less lowdown cmark strace; do
	command -v "$tool" >/dev/null 2>&1 ||
		echo "make bench: $tool is not installed; its rows are left out" >&2
done
exec python3 -B bench/table.py "$BIN" "$HARNESS" "${BENCH_DIR:-build/bench}"
