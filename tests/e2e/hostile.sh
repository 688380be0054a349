#!/bin/sh
# Hostile content, one case a test: what a content file can hold to hurt
# a terminal, a man page or the machine.  For each: --check reports it as
# file:line, --print and --format man write no control byte (nor invalid
# UTF-8, nor a roff request of the content's own), --print no line wider
# than asked, and time and memory stay bounded.  The reader, in tmux at
# 80x24 and 40x12, opens and scrolls each to its end and back with the
# window resized on the way, and neither dies nor draws outside the window
# nor lets the content reach the terminal (see reader below).
#
# Usage: sh tests/e2e/hostile.sh BINARY [PLAIN_BINARY]
# BINARY (the sanitizer build) checks the output; PLAIN_BINARY (the
# optimised build, default BINARY) is timed and its peak memory measured.
BIN=$1
PLAIN=${2:-$1}
. tests/e2e/lib.sh
export LC_ALL=C.UTF-8
# Bounds for the largest cases (a 4 MB line takes about 0.1 s and 45 MB).
MAX_SECONDS=10
MAX_KB=300000

# ---- helpers ---------------------------------------------------------------

# no_controls FILE: valid UTF-8 without C0 (but tab and newline), DEL or C1.
no_controls() {
	iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1 || fail "$1: invalid UTF-8" || return 1
	if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$1"; then
		fail "$1: a C0 control or DEL: $(LC_ALL=C grep -n "$(printf '[\001-\010\013-\037\177]')" "$1" | head -n 2 | cat -v)"
		return 1
	fi
	if LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$1"; then
		fail "$1: a C1 control"
		return 1
	fi
	if [ "$(tr -d '\000' <"$1" | wc -c)" != "$(wc -c <"$1")" ]; then
		fail "$1: a NUL byte"
		return 1
	fi
}

# fits FILE WIDTH: no line wider than WIDTH columns (76 at most).
fits() {
	max=$2
	[ "$max" -gt 76 ] && max=76
	got=$(wc -L <"$1")
	[ "$got" -le "$max" ] || fail "$1: a line of $got columns at width $2"
}

# roff_safe FILE: every line roff would obey is one of the page's own requests.
roff_safe() {
	bad=$(grep -E "^['.]" "$1" | grep -vE '^\.(TH|SH|SS|PP|IP|RS|RE|nf|fi|PD|P|BR|B|br|TP|ad|nh)( |$)' || true)
	[ -z "$bad" ] || fail "$1: content became roff: $(echo "$bad" | head -n 3 | cat -v)"
}

# outputs DIR ID: --print at four widths and --format man, all safe.
outputs() {
	for w in 10 20 40 80; do
		"$BIN" --content "$1" --print "$2" --width $w >"$E2E_TMP/print" ||
			fail "--print $2 --width $w failed" || return 1
		no_controls "$E2E_TMP/print" || return 1
		fits "$E2E_TMP/print" $w || return 1
		[ -s "$E2E_TMP/print" ] || fail "--print $2 printed nothing" || return 1
	done
	"$BIN" --content "$1" --print "$2" --format man >"$E2E_TMP/man" ||
		fail "--format man failed" || return 1
	no_controls "$E2E_TMP/man" && roff_safe "$E2E_TMP/man"
}

# reports DIR FILE LINE: --check fails and names FILE:LINE as an error.
reports() {
	status=0
	"$BIN" --check "$1" >"$E2E_TMP/check" 2>&1 || status=$?
	[ $status = 1 ] || fail "--check gave $status, not 1" || return 1
	no_controls "$E2E_TMP/check" || return 1
	grep -qF "$1/$2:$3: error: " "$E2E_TMP/check" ||
		fail "--check does not name $2:$3: $(grep -F "$2" "$E2E_TMP/check" | head -n 3)"
}

# bounded ARGS...: the optimised build, in time and memory.
bounded() {
	/usr/bin/time -f '%e %M' -o "$E2E_TMP/time" timeout $((MAX_SECONDS * 2)) \
		"$PLAIN" "$@" >/dev/null 2>&1 || true
	# The last line: GNU time puts a line about the exit status first.
	last=$(tail -n 1 "$E2E_TMP/time")
	secs=${last% *} kb=${last#* }
	[ -n "$kb" ] || fail "no timing for $*" || return 1
	awk -v s="$secs" -v m=$MAX_SECONDS 'BEGIN { exit !(s <= m) }' ||
		fail "$* took $secs s (bound $MAX_SECONDS s)" || return 1
	[ "$kb" -le $MAX_KB ] || fail "$* took $kb KB (bound $MAX_KB KB)"
}

# pending WHAT: a promise this suite cannot keep from its own files yet;
# said on every run, not failed, until the fix lands where it belongs.
pending() { echo "    pending: $*"; }

# article DIR ID BODY...: DIR/01-ID.md, a well-formed article around BODY
# (printf formats, one per line), title on line 1, BODY from line 5.
article() {
	dir=$1 id=$2
	shift 2
	mkdir -p "$dir"
	{
		printf '# Hostile %s\n\nA summary.\n\n' "$id"
		for line in "$@"; do printf "$line\n"; done
		printf '\n## Sources\n\nA book.\n'
	} >"$dir/01-$id.md"
}

# ---- the reader, in tmux ---------------------------------------------------

# What content may do to a terminal is seen from outside the guide: the
# screen as tmux holds it, the pane's title (OSC 0 and 2 set it) and
# modes, and tmux's paste buffers (an OSC 52 clipboard write lands there
# once set-clipboard is on).  The sanitizer build runs, so that its
# reports reach stderr, which quit_clean wants empty.

# The sanitizer build's peak memory in the reader, ASan's shadow and
# quarantine included (a 40,000-line article takes about 120 MB).
TUI_MAX_KB=300000

# tui_grab: the screen into $scr, wrapped rows joined: a row the guide
# wrote past the right edge, which the terminal wrapped, comes out wider
# than the window.
tui_grab() { scr=$(tm capture-pane -p -J -t t); }

# tui_where: the reader's place in the status bar (All, Top, End or N%);
# empty anywhere else.
tui_where() {
	last=$(printf '%s\n' "$scr" | tail -n 1)
	pos=$(printf '%s\n' "$last" | grep -oE '(^| )(Top|End|[0-9]+%)( |$)' | tail -n 1 |
		tr -d ' ')
	# A topic that fits the window shows no position, only its buttons.
	if [ -z "$pos" ] && printf '%s\n' "$last" | grep -q ' Back ' &&
		! printf '%s\n' "$last" | grep -qE '^ Topic [0-9]+ of '; then
		pos=All
	fi
	printf '%s\n' "$pos"
}

# What content could change in the terminal besides the screen: the
# title, the alternate screen left, insert or origin mode, line wrapping,
# the keypad, the mouse, the bell rung.
TUI_MODES='title|alternate|insert|origin|wrap|keypad|mouse|bell'
tui_modes() {
	tm display -p -t t '#{pane_title}|#{alternate_on}|#{insert_flag}|#{origin_flag}|#{wrap_flag}|#{keypad_cursor_flag}|#{mouse_any_flag}|#{window_bell_flag}'
}

# Tests of $scr for tui_until.
tui_moved() { [ "$scr" != "$before" ]; }
tui_reading() { [ -n "$(tui_where)" ]; }
tui_at() {
	where=$(tui_where)
	for p in "$@"; do [ "$where" = "$p" ] && return 0; done
	return 1
}
# tui_says TEXT: the screen holds TEXT, maybe wrapped, maybe in a box.
tui_says() {
	printf '%s\n' "$scr" | sed 's/[│┌┐└┘─]//g' | tr -s ' \n' '  ' | grep -qF "$1"
}
tui_home() { printf '%s\n' "$scr" | tail -n 1 | grep -qE '^ (Topic )?[0-9]+ of [0-9]+'; }  # "1 of 1" on a narrow line
tui_help() { printf '%s\n' "$scr" | head -n 1 | grep -qF "Help: keys"; }
tui_sized() { [ "$(stty -F "$tty" size)" = "$size" ]; }
tui_not_help() { ! tui_help && [ -n "$scr" ]; }

# tui_until TEST [ARGS...]: grab the screen until TEST holds; fail if
# the guide ends or $TIMEOUT s pass first.
tui_until() {
	end=$(($(date +%s) + TIMEOUT))
	while :; do
		tui_grab
		"$@" && return 0
		crashed && return 1
		[ "$(date +%s)" -le "$end" ] || break
		sleep 0.05
	done
	echo "    timed out waiting until: $*" >&2
	printf '%s\n' "$scr" | sed 's/^/    | /' >&2
	return 1
}

# tui_repeats: the rows above the status bar repeat every few rows (a
# wall of one word, a list of one item), so that a scroll may leave the
# screen as it was.
tui_repeats() {
	printf '%s\n' "$scr" | sed '$d; s/ *$//' | awk '{ r[NR] = $0 }
		END {
			for (p = 1; p <= NR / 2; p++) {
				for (i = 1; i + p <= NR && r[i] == r[i + p]; i++)
					;
				if (i + p > NR)
					exit 0
			}
			exit 1
		}'
}

# tui_stuck KEY: KEY cannot move the view on the screen in $scr: all of
# it is shown, or it is at the end going down or at the top going up.
tui_stuck() {
	case "$1:$(tui_where)" in
	*:All | j:End | NPage:End | k:Top | PPage:Top) return 0 ;;
	esac
	return 1
}

# tui_key KEY: press KEY and wait until the view has moved, unless it
# cannot or the move may not show.
tui_key() {
	before=$scr
	keys "$1"
	tui_stuck "$1" || tui_repeats || tui_until tui_moved
}

# tui_wide_rows COLS: say which rows of $scr are wider than COLS.
tui_wide_rows() {
	printf '%s\n' "$scr" | while IFS= read -r line; do
		[ "$(printf '%s\n' "$line" | wc -L)" -le "$1" ] || echo "    | $line" >&2
	done
	echo "    the screen as it is:" >&2
	tm capture-pane -p -t t | sed 's/^/    | /' >&2
}

# tui_sane COLS ROWS: the screen in $scr fits a COLS x ROWS window, no
# row wrapped and none scrolled away (the status bar is still the last
# row), the guide is running, and nothing the content carried reached the
# terminal: no control on screen, its title and modes as they were, no
# clipboard written.
tui_sane() {
	crashed && return 1
	wide=$(printf '%s\n' "$scr" | wc -L)
	[ "$wide" -le "$1" ] || fail "a row $wide columns wide in a $1-column window:" ||
		{ tui_wide_rows "$1"; return 1; }
	n=$(printf '%s\n' "$scr" | wc -l)
	[ "$n" = "$2" ] || fail "$n rows in a $2-row window: a row wrapped or the screen scrolled" ||
		return 1
	tm capture-pane -p -e -t t >"$E2E_TMP/styled"
	# Reverse video, alone or among other attributes.
	tail -n 1 "$E2E_TMP/styled" | grep -qE "$(printf '\033')\[([0-9;]*;)?7(;[0-9;]*)?m" ||
		fail "the last row is not the status bar: $(tail -n 1 "$E2E_TMP/styled" | cat -v)" ||
		return 1
	# tmux's own escapes for colours and attributes aside, no control.
	sed "s/$(printf '\033')\[[0-9;:]*m//g" "$E2E_TMP/styled" >"$E2E_TMP/plain"
	if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]\|\302[\200-\237]')" \
		"$E2E_TMP/plain"; then
		fail "a control on screen: $(LC_ALL=C grep -n \
			"$(printf '[\001-\010\013-\037\177]\|\302[\200-\237]')" "$E2E_TMP/plain" |
			head -n 2 | cat -v)"
		return 1
	fi
	modes=$(tui_modes)
	[ "$modes" = "$modes0" ] ||
		fail "the terminal changed: $TUI_MODES was $modes0, is $modes" || return 1
	[ -z "$(tm list-buffers)" ] || fail "the clipboard was written: $(tm list-buffers)"
}

# tui_resize COLS ROWS BACK: resize the window; once the guide's terminal
# has the new size (tmux passes it on a moment later, and a key that came
# first would be drawn at the old size), open help and go back to the
# BACK screen (a test), so that what is read next was drawn at that size.
tui_resize() {
	resize "$1" "$2"
	tty=$(tm display -p -t t '#{pane_tty}') size="$2 $1"
	tui_until tui_sized || return 1
	keys '?'
	tui_until tui_help && tui_sane "$1" "$2" || return 1
	keys BSpace
	tui_until tui_not_help && tui_until "$3" && tui_sane "$1" "$2"
}

# tui_memory: the guide's peak memory within TUI_MAX_KB.
tui_memory() {
	pid=$(pgrep -P "$(tm display -p -t t '#{pane_pid}')" | head -n 1)
	[ -n "$pid" ] || fail "the guide's process is not found" || return 1
	kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status")
	[ -n "$kb" ] || fail "no peak memory for the guide's process" || return 1
	[ "$kb" -le $TUI_MAX_KB ] || fail "the reader took $kb KB (bound $TUI_MAX_KB KB)"
}

# reader DIR ID [refused]: the guide on DIR in tmux, at 80x24 then at
# 40x12.  The article ID is opened from home and scrolled a line at a
# time, then a page at a time, to its end; the window is resized; it is
# scrolled back to its top, and the window resized back; q ends the guide
# with status 0 and nothing on stderr.  ID -: home says a file was left
# out.  refused: opening ID says it cannot be shown, and home stays.
reader() {
	reader_at "$1" "$2" 80 24 40 12 "${3:-}" && reader_at "$1" "$2" 40 12 80 24 "${3:-}"
}

# reader_at DIR ID COLS ROWS COLS2 ROWS2 [refused]: reader at one size,
# resized to the other.
reader_at() {
	start "$3" "$4" --content "$1"
	tm set-option -s set-clipboard on
	tui_until tui_home || return 1
	modes0=$(tui_modes)
	tui_sane "$3" "$4" || return 1
	if [ "$2" = - ]; then
		tui_says "was left out" || fail "home does not say a file was left out" || return 1
		reader_home "$@" || return 1
	else
		n=$("$BIN" --content "$1" --list 2>/dev/null | cut -f 1 | grep -nxF "$2" |
			cut -d : -f 1)
		[ -n "$n" ] || fail "$2 is not on the list" || return 1
		keys "$n"
		if [ "${7:-}" = refused ]; then
			tui_until tui_says "cannot be shown" && tui_sane "$3" "$4" || return 1
			reader_home "$@" || return 1
		else
			reader_article "$@" || return 1
		fi
	fi
	tui_memory && quit_clean
}

# reader_home DIR ID COLS ROWS COLS2 ROWS2: keys that move on home, and
# the window resized and back.
reader_home() {
	keys Down NPage End Home
	tui_resize "$5" "$6" tui_home && tui_resize "$3" "$4" tui_home
}

# reader_article DIR ID COLS ROWS COLS2 ROWS2: the article just opened,
# scrolled down at one size and up at the other.
reader_article() {
	tui_until tui_reading && tui_sane "$3" "$4" || return 1
	reader_scroll "$3" "$4" j "$4" && reader_scroll "$3" "$4" NPage 4 || return 1
	keys End
	tui_until tui_at End All && tui_sane "$3" "$4" || return 1
	tui_resize "$5" "$6" tui_reading || return 1
	reader_scroll "$5" "$6" PPage 1 && reader_scroll "$5" "$6" k 2 || return 1
	keys Home
	tui_until tui_at Top All && tui_sane "$5" "$6" || return 1
	tui_resize "$3" "$4" tui_reading
}

# reader_scroll COLS ROWS KEY N: KEY up to N times, or until the view
# cannot move that way; every screen sane.
reader_scroll() {
	i=0
	while [ $i -lt "$4" ]; do
		tui_key "$3" && tui_sane "$1" "$2" || return 1
		! tui_stuck "$3" || return 0
		i=$((i + 1))
	done
}

# ---- bytes -----------------------------------------------------------------

test_invalid_utf8() {
	d="$E2E_TMP/utf8"
	article "$d" utf8 'Fine words.' '' 'Bad \377 byte, \303( half, \300\257 overlong.' '' \
		'A surrogate \355\240\200 and a cut \342\202'
	reports "$d" 01-utf8.md 7
	grep -qF "01-utf8.md:7: error: column 5 is invalid UTF-8" "$E2E_TMP/check" ||
		fail "no column: $(cat "$E2E_TMP/check")"
	reports "$d" 01-utf8.md 9
	outputs "$d" utf8
	reader "$d" utf8
}

test_nul_bytes() {
	d="$E2E_TMP/nul"
	article "$d" nul 'Before' '' 'A NUL \000 in the middle.' '' '## Heading \000 too' '' 'Text.'
	reports "$d" 01-nul.md 7
	reports "$d" 01-nul.md 9
	outputs "$d" nul
	reader "$d" nul
}

# Every C0 control but tab and newline, DEL, and every C1 control, raw.
test_every_control_raw() {
	d="$E2E_TMP/c0c1"
	lines=""
	i=1
	while [ $i -lt 32 ]; do
		[ $i = 9 ] || [ $i = 10 ] || lines="$lines$(printf 'C0 %d: [\\%03o].' $i $i)|"
		i=$((i + 1))
	done
	lines="${lines}DEL: [\\177].|"
	i=128
	while [ $i -lt 160 ]; do
		lines="$lines$(printf 'C1 %d: [\\302\\%03o].' $i $i)|"
		i=$((i + 1))
	done
	old_ifs=$IFS
	IFS='|'
	# shellcheck disable=SC2086
	set -- $lines
	IFS=$old_ifs
	article "$d" controls "$@"
	reports "$d" 01-controls.md 5
	grep -qF "01-controls.md:5: error: column 8 is a control character" "$E2E_TMP/check" ||
		fail "no column for line 5: $(head -n 3 "$E2E_TMP/check")"
	# The first few are listed, then the rest counted up to the last line.
	grep -qE "01-controls.md:[0-9]+: error: [0-9]+ more bad characters" "$E2E_TMP/check" ||
		fail "the rest are not counted: $(cat "$E2E_TMP/check")"
	outputs "$d" controls
	reader "$d" controls
}

# The same as entities: cmark turns &#27; into a real ESC.
test_every_control_as_entity() {
	d="$E2E_TMP/entities"
	body="Decimal:"
	i=1
	while [ $i -lt 160 ]; do
		[ $i -lt 32 ] || [ $i -ge 127 ] && body="$body &#$i;x"
		i=$((i + 1))
	done
	article "$d" entities "$body" '' 'Hex: &#x1b;x &#x9b;x &#X7F;x &#x85;x &#x0;x' '' \
		'## Heading &#27;[2J' '' '[link &#x9b;](&#27;x) and `code &#27;` stays code.'
	outputs "$d" entities
	"$BIN" --check "$d" >"$E2E_TMP/check" 2>&1 || true
	no_controls "$E2E_TMP/check"
	# The file's bytes are plain ASCII; only the parsed text holds controls.
	grep -qE "01-entities.md:5: error: .*control" "$E2E_TMP/check" ||
		fail "--check does not report controls written as entities: $(cat "$E2E_TMP/check")"
	reader "$d" entities
}

# ---- what terminals obey ---------------------------------------------------

# Clear the screen, set the window title, write the clipboard (OSC 52),
# a hyperlink (OSC 8), in text, headings, links, code and HTML.
SEQS='\033[2J\033[H|\033c|\033]0;pwned\007|\033]2;title\033\\|\033]52;c;cm0gLXJmIH4=\007|\033]8;;https://evil.example\033\\click\033]8;;\033\\|\302\233\061m'

test_terminal_sequences_raw() {
	d="$E2E_TMP/seqraw"
	old_ifs=$IFS
	IFS='|'
	# shellcheck disable=SC2086
	set -- $SEQS
	IFS=$old_ifs
	body1="Text $1 and $2 and $3." body2="## Heading $4" body3="[Link $5](https://x.example/$6)"
	article "$d" seqraw "$body1" '' "$body2" '' "$body3" '' '```' "code $3 $5" '```' '' \
		"<div>$6</div>" '' "\`inline $1\` and **$7**"
	reports "$d" 01-seqraw.md 5
	# Five are listed one by one; the rest are counted on the last line.
	grep -qE "01-seqraw.md:17: error: [0-9]+ more bad characters up to this line" \
		"$E2E_TMP/check" || fail "no count up to line 17: $(cat "$E2E_TMP/check")"
	outputs "$d" seqraw
	reader "$d" seqraw
}

test_terminal_sequences_as_entities() {
	d="$E2E_TMP/seqent"
	article "$d" seqent 'Clear &#27;[2J&#27;[H, reset &#27;c, title &#27;]0;pwned&#7;.' '' \
		'## Clipboard &#27;]52;c;cm0gLXJmIH4=&#7;' '' \
		'[OSC 8 &#27;]8;;https://evil.example&#27;\\click&#27;]8;;&#27;\\](&#x1b;]8;;x)' '' \
		'CSI &#x9b;31m red &#155;0m and &#x1B;[31m.'
	outputs "$d" seqent
	grep -q "pwned" "$E2E_TMP/print" || fail "the words around the codes are lost"
	reader "$d" seqent
}

# ---- text that moves or hides other text ----------------------------------

test_bidi_overrides() {
	d="$E2E_TMP/bidi"
	# RLO, LRO, RLE, PDF, RLI, LRI, FSI, PDI, raw and as entities.
	article "$d" bidi 'Dose: 1\342\200\256 0 mg\342\200\254 daily.' '' \
		'Isolates \342\201\247a\342\201\246b\342\201\250c\342\201\251 end.' '' \
		'Entities &#x202E;reversed&#x202C; and &#8295;x&#8297;.'
	outputs "$d" bidi
	for seq in '\342\200[\252-\256]' '\342\201[\246-\251]'; do
		if LC_ALL=C grep -q "$(printf "$seq")" "$E2E_TMP/print" "$E2E_TMP/man"; then
			fail "a bidi override reached the output"
		fi
	done
	"$BIN" --check "$d" >"$E2E_TMP/check" 2>&1 || true
	grep -qF "01-bidi.md:5: " "$E2E_TMP/check" ||
		fail "--check does not warn of bidi overrides: $(cat "$E2E_TMP/check")"
	reader "$d" bidi
}

test_zero_width_combining_and_emoji() {
	zwj=$(printf '\360\237\221\250\342\200\215\360\237\221\251\342\200\215\360\237\221\247\342\200\215\360\237\221\246')
	family=""
	i=0
	while [ $i -lt 50 ]; do family="$family$zwj$(printf '\342\200\215')"; i=$((i + 1)); done
	marks=$(head -c 200 /dev/zero | tr '\0' 'x' | sed 's/x/\xcc\x81/g')
	zero="Zero width: a\342\200\213b\342\200\214c\342\200\215d\357\273\277e\342\201\240f."
	comb="Combining: e${marks} and ${marks} alone."
	tail="Spaces then a joiner: abcdefgh      \342\200\214 and tags \363\240\201\201\363\240\201\202."
	d="$E2E_TMP/zw"
	article "$d" zw "$zero" '' "$comb" '' "Family: $family end." '' "$tail"
	outputs "$d" zw
	# The reader: the joiners between emoji are dropped (text_sanitize),
	# so tmux and ncurses agree on the width of every picture.
	reader "$d" zw
}

# ---- size ------------------------------------------------------------------

test_four_megabyte_line() {
	d="$E2E_TMP/big"
	mkdir -p "$d"
	{
		printf '# Big\n\nA summary.\n\n'
		head -c 2000000 /dev/zero | tr '\0' 'x'
		yes 'word' | head -n 400000 | tr '\n' ' '
		printf '\n\n## Sources\n\nA book.\n'
	} >"$d/01-big.md"
	[ "$(wc -c <"$d/01-big.md")" -gt 4000000 ] || fail "the line is too short"
	# Too big to show safely: refused, in bounded time and memory, and said.
	bounded --check "$d"
	bounded --content "$d" --print big --width 40
	reports "$d" 01-big.md 1
	grep -qF "larger than 1 MiB" "$E2E_TMP/check" || fail "$(cat "$E2E_TMP/check")"
	# Beside a good article, the reader leaves it out and says so.
	good_article "$d"
	reader "$d" -
	# A line of a megabyte less a little is shown, wrapped, by every output.
	{
		printf '# Wide\n\nA summary.\n\n'
		head -c 1000000 /dev/zero | tr '\0' 'x'
		printf '\n\n## Sources\n\nA book.\n'
	} >"$d/01-big.md"
	bounded --content "$d" --print big --width 40
	bounded --content "$d" --print big --format man
	outputs "$d" big
	reader "$d" big
}

test_hundred_thousand_lines() {
	d="$E2E_TMP/lines"
	mkdir -p "$d"
	{
		printf '# Lines\n\nA summary.\n\n'
		yes 'x' | head -n 100000 | sed 's/x/- a/'
		printf '\n## Sources\n\nA book.\n'
	} >"$d/01-lines.md"
	[ "$(wc -l <"$d/01-lines.md")" -gt 100000 ] || fail "too few lines"
	# Past 50,000 lines an article is refused, quickly, and said.
	bounded --check "$d"
	bounded --content "$d" --print lines --width 40
	reports "$d" 01-lines.md 1
	grep -qF "more than 50000 lines" "$E2E_TMP/check" || fail "$(cat "$E2E_TMP/check")"
	good_article "$d"
	# Listed from its head, it is refused when opened, and said.
	reader "$d" lines refused
	# Just under it, every output shows it, and a control on the last line
	# is reported at that line.
	{
		printf '# Lines\n\nA summary.\n\n'
		yes 'A line of the one long paragraph.' | head -n 20000
		printf '\n'
		yes 'x' | head -n 20000 | sed 's/x/- an item/'
		printf '\n## Sources\n\nA book.\n'
	} >"$d/01-lines.md"
	printf '\001\n' >>"$d/01-lines.md"
	bounded --content "$d" --print lines --width 40
	bounded --content "$d" --print lines --format man
	reports "$d" 01-lines.md 40010
	outputs "$d" lines
	reader "$d" lines
}

test_nesting_ten_thousand_deep() {
	d="$E2E_TMP/deep"
	mkdir -p "$d"
	{
		printf '# Deep\n\nA summary.\n\n'
		printf '%*s' 10000 '' | sed 's/ /> /g'; printf 'quotes\n\n'
		printf '%*s' 10000 '' | sed 's/ /- /g'; printf 'bullets\n\n'
		printf '%*s' 10000 '' | sed 's/ /1. /g'; printf 'numbers\n\n'
		printf '%*s' 5000 '' | sed 's/ /> - /g'; printf 'both\n'
		printf '\n## Sources\n\nA book.\n'
	} >"$d/01-deep.md"
	bounded --check "$d"
	bounded --content "$d" --print deep --width 40
	bounded --content "$d" --print deep --format man
	outputs "$d" deep
	for w in quotes bullets numbers both; do
		grep -q "$w" "$E2E_TMP/print" || fail "'$w' is lost at depth 10,000"
	done
	reader "$d" deep
}

# ---- files that are not articles ------------------------------------------

# A good article beside the bad one: the guide refuses to open, and says
# which file and line, for --list and --print alike.
refused() {
	# --list and --print go on without it, and say so: one broken file
	# must not keep the rest from patients (--check alone is strict).
	for args in "--list" "--print good"; do
		status=0
		# shellcheck disable=SC2086
		"$BIN" --content "$1" $args >"$E2E_TMP/out" 2>"$E2E_TMP/err" || status=$?
		[ $status = 0 ] || fail "$args gave $status, not 0" || return 1
		no_controls "$E2E_TMP/err" || return 1
		grep -qF "left out" "$E2E_TMP/err" ||
			fail "$args does not say $2 was left out: $(cat "$E2E_TMP/err")" || return 1
		grep -qF -- "--check" "$E2E_TMP/err" || fail "$args does not name --check"
		! grep -qF "$2" "$E2E_TMP/out" || fail "$args still shows $2"
	done
}

good_article() {
	mkdir -p "$1"
	printf '# Good\n\nA summary.\n\n## Sources\n\nA book.\n' >"$1/01-good.md"
}

test_empty_file() {
	d="$E2E_TMP/empty"
	good_article "$d"
	: >"$d/02-empty.md"
	reports "$d" 02-empty.md 1
	grep -qF "02-empty.md:1: error: no title" "$E2E_TMP/check" || fail "$(cat "$E2E_TMP/check")"
	refused "$d" 02-empty.md
	reader "$d" -
}

test_directory_named_like_an_article() {
	d="$E2E_TMP/dir"
	good_article "$d"
	mkdir -p "$d/02-folder.md"
	reports "$d" 02-folder.md 1
	grep -qF "02-folder.md:1: error: this is a folder" "$E2E_TMP/check" ||
		fail "$(cat "$E2E_TMP/check")"
	refused "$d" 02-folder.md any
	reader "$d" -
}

test_symlink_loop() {
	d="$E2E_TMP/loop"
	good_article "$d"
	ln -s 02-loop.md "$d/02-loop.md"
	reports "$d" 02-loop.md 1
	grep -qF "02-loop.md:1: error: cannot read" "$E2E_TMP/check" || fail "$(cat "$E2E_TMP/check")"
	refused "$d" 02-loop.md any
	reader "$d" -
}

test_unreadable_file() {
	d="$E2E_TMP/locked"
	good_article "$d"
	printf '# Locked\n\nA summary.\n' >"$d/02-locked.md"
	chmod 000 "$d/02-locked.md"
	if cat "$d/02-locked.md" >/dev/null 2>&1; then
		# Root reads it: the guide runs without the capabilities that let it.
		nocap="setpriv --bounding-set=-dac_override,-dac_read_search"
		if ! $nocap true 2>/dev/null || $nocap cat "$d/02-locked.md" >/dev/null 2>&1; then
			echo "    (skipped: this user can read a file of mode 000, as root can)"
			return 0
		fi
		case $BIN in /*) ;; *) BIN="$PWD/$BIN" ;; esac
		printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$nocap" "$BIN" >"$E2E_TMP/nocap"
		chmod +x "$E2E_TMP/nocap"
		BIN="$E2E_TMP/nocap"
	fi
	reports "$d" 02-locked.md 1
	grep -qF "02-locked.md:1: error: cannot read" "$E2E_TMP/check" || fail "$(cat "$E2E_TMP/check")"
	refused "$d" 02-locked.md any
	reader "$d" -
}

# ---- the reader's checks themselves -----------------------------------------

# A stand-in for the guide that shows a home screen and, on a key, does one
# thing content must never make it do: each must fail tui_sane.
tui_harmed() { ! tui_sane 40 12 2>/dev/null; }

test_reader_checks_catch_harm() {
	cat >"$E2E_TMP/fake" <<-'EOF'
		#!/bin/sh
		printf '\033[?1049h\033[2JGuide\033[%d;1H\033[7m Topic 1 of 1 \033[0m' \
			"$(stty size | cut -d ' ' -f 1)"
		stty raw -echo
		case $(dd bs=1 count=1 2>/dev/null) in
		t) printf '\033[2;1H\033]0;pwned\007' ;;
		c) printf '\033[2;1H\033]52;c;cm0gLXJmIH4=\007' ;;
		w) printf '\033[2;1H%0100d' 0 ;;
		s) printf '\033[99;1H\n\n' ;;
		b) printf '\033[2;1H\007' ;;
		i) printf '\033[4h' ;;
		l) printf '\033[?1049l' ;;
		e) printf '\033[2J' ;;
		esac
		dd bs=1 count=1 >/dev/null 2>&1
	EOF
	chmod +x "$E2E_TMP/fake"
	BIN="$E2E_TMP/fake"
	for harm in t c w s b i l e; do
		start 40 12
		tm set-option -s set-clipboard on
		tui_until tui_home || return 1
		modes0=$(tui_modes)
		tui_sane 40 12 || fail "the stand-in is not sane before '$harm'" || return 1
		keys "$harm"
		tui_until tui_harmed || fail "harm '$harm' went unseen" || return 1
	done
}

for t in ${E2E_ONLY:-$(grep -o "^test_[a-z0-9_]*" "$0")}; do
	run_test "$t"
done
echo "hostile: $passed passed, $failed failed"
[ "$failed" = 0 ]
