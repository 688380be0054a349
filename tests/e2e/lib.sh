# End-to-end harness: the real binary in a real terminal (tmux), driven
# as a person would.  Sourced by run.sh; every wait polls the screen with a
# deadline instead of sleeping a fixed time.

E2E_TMP=$(mktemp -d)
E2E_SOCK="skinguide-e2e-$$"
TIMEOUT=${E2E_TIMEOUT:-10}
passed=0
failed=0

tm() { tmux -L "$E2E_SOCK" -f /dev/null "$@"; }

# Every terminal gets a tmux server of its own: reusing a socket while the
# last server is still shutting down makes the next start fail at random.
kill_all() {
	if [ -f "$E2E_TMP/sockets" ]; then
		while read -r sock; do
			tmux -L "$sock" kill-server 2>/dev/null
			rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock"
		done <"$E2E_TMP/sockets"
		rm -f "$E2E_TMP/sockets"
	fi
	return 0
}

cleanup() {
	kill_all
	rm -rf "$E2E_TMP"
}
trap cleanup EXIT

# start COLS ROWS [ARGS...]: run the guide in a fresh terminal of that size.
start() {
	cols=$1 rows=$2
	shift 2
	tm kill-server 2>/dev/null || true
	E2E_SOCK="skinguide-e2e-$$-$(date +%s%N)"
	echo "$E2E_SOCK" >>"$E2E_TMP/sockets"
	rm -f "$E2E_TMP/status" "$E2E_TMP/stderr"
	# The command line is built for sh -c, each argument quoted.
	cmd="exec env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color"
	cmd="$cmd ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp"
	cmd="$cmd ${E2E_ENV:-}"
	for a in "$BIN" "$@"; do
		cmd="$cmd '$a'"
	done
	tm new-session -d -s t -x "$cols" -y "$rows" \
		"sh -c \"$cmd 2>$E2E_TMP/stderr\"; echo \$? >$E2E_TMP/status; sleep 600"
	tm set-option -g window-size manual 2>/dev/null || true
}

screen() { tm capture-pane -p -t t; }
# click COL ROW / wheel up|down COL ROW: mouse events as an xterm sends them
# (SGR encoding, 0-based screen positions); a touch screen sends the same.
click() {
	tm send-keys -t t -l "$(printf '\033[<0;%d;%dM\033[<0;%d;%dm' $(($1 + 1)) $(($2 + 1)) \
		$(($1 + 1)) $(($2 + 1)))"
}
wheel() {
	b=64
	[ "$1" = down ] && b=65
	tm send-keys -t t -l "$(printf '\033[<%d;%d;%dM' $b $(($2 + 1)) $(($3 + 1)))"
}
# wait_in_scrollback TEXT: until TEXT shows on the screen or above it.
wait_in_scrollback() {
	end=$(($(date +%s) + TIMEOUT))
	until tm capture-pane -p -S -1000 -t t | grep -qF -- "$1"; do
		[ "$(date +%s)" -le "$end" ] || { fail "never said: $1"; return 1; }
		sleep 0.05
	done
}
# after_a_bounce: a second tap at the same place sooner than this is taken
# for the finger bouncing (BOUNCE_MS in src/ui.c), as a person's second
# tap never is: wait that long.
after_a_bounce() { sleep 0.4; }
# cursor: where the hardware cursor is, as "x,y".
cursor() { tm display -p -t t '#{cursor_x},#{cursor_y}'; }

# screen_styled: the screen with its colours and attributes as escapes.
screen_styled() { tm capture-pane -p -e -t t; }
keys() { tm send-keys -t t "$@"; }
resize() { tm resize-window -t t -x "$1" -y "$2"; }

# crashed: true (and says why) when the guide has ended unasked.
crashed() {
	[ -s "$E2E_TMP/status" ] || return 1
	echo "    the guide ended with status $(cat "$E2E_TMP/status"):" >&2
	sed 's/^/    | /' "$E2E_TMP/stderr" | head -n 40 >&2
}

# wait_for TEXT: until the screen shows TEXT, or fail after $TIMEOUT s.
wait_for() {
	end=$(($(date +%s) + TIMEOUT))
	while [ "$(date +%s)" -le "$end" ]; do
		screen | grep -qF -- "$1" && return 0
		crashed && return 1
		sleep 0.05
	done
	echo "    timed out waiting for: $1" >&2
	screen | sed 's/^/    | /' >&2
	return 1
}

# wait_row N TEXT: until row N (0-based) is exactly TEXT.
wait_row() {
	end=$(($(date +%s) + TIMEOUT))
	while [ "$(date +%s)" -le "$end" ]; do
		[ "$(row "$1")" = "$2" ] && return 0
		crashed && return 1
		sleep 0.05
	done
	echo "    row $1 is '$(row "$1")', not '$2'" >&2
	return 1
}

# wait_gone TEXT: until TEXT has left the screen.
wait_gone() {
	end=$(($(date +%s) + TIMEOUT))
	while [ "$(date +%s)" -le "$end" ]; do
		screen | grep -qF -- "$1" || return 0
		crashed && return 1
		sleep 0.05
	done
	echo "    still on screen: $1" >&2
	return 1
}

# wait_exit: until the guide has ended; prints its exit status.
wait_exit() {
	end=$(($(date +%s) + TIMEOUT))
	while [ "$(date +%s)" -le "$end" ]; do
		if [ -s "$E2E_TMP/status" ]; then
			cat "$E2E_TMP/status"
			return 0
		fi
		sleep 0.05
	done
	echo "    the guide did not exit" >&2
	return 1
}

# quit_clean: q ends the guide with status 0 and nothing on stderr (a
# sanitizer report would be there).
quit_clean() {
	keys q
	status=$(wait_exit) || return 1
	[ "$status" = 0 ] || { echo "    exit status $status" >&2; return 1; }
	if [ -s "$E2E_TMP/stderr" ]; then
		echo "    stderr was not empty:" >&2
		sed 's/^/    | /' "$E2E_TMP/stderr" >&2
		return 1
	fi
}

# max_width: the widest line on the screen, in columns.
max_width() { screen | LC_ALL=C.UTF-8 wc -L; }

# row N: line N (0-based) of the screen.
row() { screen | sed -n "$(($1 + 1))p"; }

# make_topics DIR N: a guide of N small topics, "Topic 1" to "Topic N".
make_topics() {
	mkdir -p "$1"
	i=1
	while [ $i -le "$2" ]; do
		printf '# Topic %d\n\nSummary %d.\n' $i $i >"$1/$(printf %02d $i)-t$i.md"
		i=$((i + 1))
	done
}

fail() {
	echo "    $*" >&2
	return 1
}

run_test() {
	# The subshell's status is read afterwards, not tested in an `if`,
	# so that set -e stays in force inside the test.
	( set -e; "$1" )
	if [ $? = 0 ]; then
		passed=$((passed + 1))
		echo "ok   $1"
	else
		failed=$((failed + 1))
		echo "FAIL $1"
	fi
	kill_all
}
