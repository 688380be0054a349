#!/bin/sh
# End-to-end tests: usage `sh tests/e2e/run.sh BINARY`.  Each test starts
# the guide in tmux on the fixture guide, acts as a person would and reads
# the screen.
BIN=$1
G=tests/fixtures/guide
. tests/e2e/lib.sh

# The fixture guide at 80x24, opened on its first topic, as most tests begin.
open_first_topic() {
	start 80 24 --content "$G"
	wait_for "1. First topic"
	keys Enter
	wait_for "Opening section"
}

test_home_at_80x24() {
	start 80 24 --content "$G"
	wait_for "Test Guide"
	wait_for "Welcome to the test guide"
	wait_for "1. First topic"
	wait_for "3. Third topic"
	wait_for "Topic 1 of 3"
	screen | grep -q "Open Enter" || fail "status line lacks the keys"
	quit_clean
}

test_open_article_with_enter() {
	start 80 24 --content "$G"
	wait_for "1. First topic"
	keys Down Enter
	wait_for "MARKER-SECOND"
	row 0 | grep -qF "Second topic" || fail "title is not on the first row"
	screen | tail -n 1 | grep -qF "Second topic" || fail "status lacks the title"
	quit_clean
}

test_number_key_opens_topic() {
	start 80 24 --content "$G"
	wait_for "1. First topic"
	keys 3
	wait_for "Part one"
	quit_clean
}

test_scroll_to_end_and_top() {
	open_first_topic
	keys G
	wait_for "MARKER-END"
	screen | tail -n 1 | grep -qF "End" || fail "status does not say End"
	keys g
	wait_for "Opening section"
	keys Space
	wait_gone "Opening section"
	keys b
	wait_for "Opening section"
	quit_clean
}

test_follow_link_and_come_back() {
	open_first_topic
	keys j
	wait_for "%  Sections t"
	before=$(row 0)
	keys Tab
	wait_for "Link to: Second topic"
	keys Enter
	wait_for "MARKER-SECOND"
	keys BSpace
	wait_for "Opening section"
	[ "$(row 0)" = "$before" ] || fail "back did not return to the same line"
	quit_clean
}

test_anchor_link_scrolls_to_heading() {
	open_first_topic
	keys Tab Tab
	wait_for 'Link to the section "Later section"'
	keys Enter
	wait_for "MARKER-LATER"
	row 0 | grep -qF "Later section" || fail "the heading is not at the top"
	keys Escape
	wait_for "Opening section"
	quit_clean
}

test_link_with_fragment_opens_section() {
	open_first_topic
	keys G
	wait_for "MARKER-END"
	# Shift-Tab takes the end's choices first, then the last link.
	keys BTab BTab BTab
	wait_for "Link to: Third topic"
	keys Enter
	wait_for "MARKER-PART-TWO"
	quit_clean
}

test_external_link_opens_nothing() {
	open_first_topic
	keys Tab Tab Tab
	wait_for "Web address: https://example.org/page"
	keys Enter
	wait_for "does not open web pages"
	wait_for "Opening section"
	quit_clean
}

test_headings_list_jumps() {
	open_first_topic
	keys t
	wait_for "Go to a section"
	keys Down Down Down Enter
	wait_for "MARKER-LATER"
	row 0 | grep -qF "Later section" || fail "not at the heading"
	quit_clean
}

test_help_and_back() {
	start 80 24 --content "$G"
	wait_for "1. First topic"
	keys '?'
	wait_for "Help: keys and taps"
	wait_for "go back to where you were"
	wait_for "more lines below"
	keys End
	wait_for "leave the guide"
	keys Escape
	wait_for "1. First topic"
	quit_clean
}

test_resize_keeps_paragraph() {
	open_first_topic
	keys t
	wait_for "Go to a section"
	keys Down Down Enter
	wait_for "Line one of many"
	resize 40 12
	wait_for "Middle section"
	[ "$(max_width)" -le 40 ] || fail "a line is wider than 40 columns"
	resize 30 10
	wait_for "make this window"
	wait_for "40 by 12"
	wait_for "Press q to leave"
	resize 120 40
	wait_for "Middle section"
	row 0 | grep -qF "Middle section" || fail "the paragraph moved after resize"
	# The text column stays at a comfortable width, centred.
	[ "$(screen | head -n 39 | LC_ALL=C.UTF-8 wc -L)" -le 98 ] || fail "lines too long"
	quit_clean
}

test_small_window_shows_topics() {
	start 40 12 --content "$G"
	wait_for "1. First topic"
	[ "$(max_width)" -le 40 ] || fail "a line is wider than 40 columns"
	keys Enter
	wait_for "Opening section"
	keys Tab
	wait_for "Link to:"
	quit_clean
}

test_hostile_content_is_safe() {
	d="$E2E_TMP/hostile"
	mkdir -p "$d"
	cp tests/fixtures/hostile/*.md "$d/"
	# A megabyte line, deep nesting and a long word, made here rather
	# than kept in the repository.
	{
		echo "# Huge"; echo; echo "Summary."; echo
		head -c 1000000 /dev/zero | tr '\0' 'x'; echo; echo
		head -c 3000 /dev/zero | tr '\0' '>'; echo " deep"; echo
		i=0; pad=""
		while [ $i -lt 200 ]; do echo "$pad- level $i"; pad="$pad  "; i=$((i + 1)); done
	} >"$d/02-huge.md"
	start 80 24 --content "$d"
	wait_for "1. Hostile"
	keys Enter
	wait_for "Summary with a bell"
	keys G
	wait_for "All"
	keys BSpace 2
	wait_for "Huge"
	keys G
	wait_for "level 199"
	quit_clean
}

test_print_has_no_control_bytes() {
	for w in 20 40 80 200; do
		"$BIN" --content tests/fixtures/hostile --print hostile --width $w >"$E2E_TMP/out"
		if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$E2E_TMP/out"; then
			fail "control bytes in --print at width $w"
		fi
		if LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$E2E_TMP/out"; then
			fail "C1 controls in --print at width $w"
		fi
	done
}

test_print_every_article_fits() {
	for dir in content "$G"; do
		for id in $("$BIN" --content "$dir" --list | cut -f1); do
			for w in 20 40 80 200; do
				"$BIN" --content "$dir" --print "$id" --width $w >"$E2E_TMP/out"
				max=$w
				[ $max -gt 76 ] && max=76
				got=$(LC_ALL=C.UTF-8 wc -L <"$E2E_TMP/out")
				[ "$got" -le $max ] || fail "$dir/$id at $w is $got wide"
				[ -s "$E2E_TMP/out" ] || fail "$dir/$id printed nothing"
			done
		done
	done
}

test_bad_content_dir_fails() {
	status=0
	"$BIN" --content /nonexistent/dir --list >/dev/null 2>"$E2E_TMP/err" || status=$?
	[ $status = 1 ] || fail "exit status $status, not 1"
	grep -qF "/nonexistent/dir" "$E2E_TMP/err" || fail "the error does not name the path"
	status=0
	"$BIN" --content tests/fixtures/notitle --list >/dev/null 2>"$E2E_TMP/err" || status=$?
	[ $status = 1 ] || fail "exit status $status for a file with no title"
	grep -qF "01-untitled.md:3:" "$E2E_TMP/err" || fail "no file:line in: $(cat "$E2E_TMP/err")"
	# The reader gives the same error before touching the terminal.
	start 80 24 --content /nonexistent/dir
	[ "$(wait_exit)" = 1 ] || fail "the reader did not exit 1"
	grep -qF "/nonexistent/dir" "$E2E_TMP/stderr" || fail "no message from the reader"
}

test_command_line() {
	"$BIN" --help | grep -qF -- "--print ID" || fail "--help lacks --print"
	"$BIN" --help | grep -qF "not medical advice" || fail "--help lacks the notice"
	"$BIN" --version | grep -q "^skinguide [0-9]" || fail "bad --version"
	status=0; "$BIN" --bogus 2>/dev/null || status=$?
	[ $status = 2 ] || fail "unknown option gave $status"
	status=0; "$BIN" --width 50 2>/dev/null || status=$?
	[ $status = 2 ] || fail "--width alone gave $status"
	status=0; "$BIN" --content "$G" --print nosuch 2>"$E2E_TMP/err" || status=$?
	[ $status = 1 ] || fail "unknown id gave $status"
	grep -qF -- "--list" "$E2E_TMP/err" || fail "unknown id error does not say what to do"
	"$BIN" --content "$G" --list | head -n 1 | grep -q "^first	First topic	The first topic" ||
		fail "--list format"
	SKINGUIDE_CONTENT="$G" "$BIN" --list | grep -q "^second" || fail "SKINGUIDE_CONTENT ignored"
}

test_long_list_says_there_is_more() {
	d="$E2E_TMP/many"
	make_topics "$d" 12
	start 80 24 --content "$d"
	wait_for "1. Topic 1"
	wait_for "more topics below"
	keys G
	wait_for "12. Topic 12"
	wait_for "more topic above"
	screen | grep -q " below" && fail "more below at the end"
	# Typing 1 then 2 opens topic 12; 1 then Enter opens topic 1.
	keys g 1 2
	wait_for "Summary 12."
	keys BSpace
	wait_for "Topic 12 of 12"
	# A lone 1 opens topic 1 once no second digit follows.
	keys 1
	wait_for "All  Sections t"
	row 0 | grep -qx "  Topic 1" || fail "topic 1 did not open: $(row 0)"
	quit_clean
}

test_mouse_and_touch() {
	start 80 24 --content "$G"
	wait_for "1. First topic"
	# Row 9 is the third topic's title.
	click 10 9
	wait_for "Part one"
	keys BSpace
	wait_for "1. First topic"
	click 10 5
	wait_for "Opening section"
	wheel down 10 5
	wait_for "%  Sections t"
	wheel up 10 5
	wait_for "Top  Sections t"
	# Tap the words of the link to the second topic.
	line=$(screen | grep -n "You can read the second topic" | cut -d: -f1)
	click 20 $((line - 1))
	wait_for "MARKER-SECOND"
	quit_clean
}

test_cursor_follows_the_choice() {
	start 80 24 --content "$G"
	wait_for "1. First topic"
	[ "$(cursor)" = "2,5" ] || fail "cursor at $(cursor), not on the first topic"
	keys Down
	wait_for "Topic 2 of 3"
	[ "$(cursor)" = "2,7" ] || fail "cursor at $(cursor), not on the second topic"
	keys Up Enter
	wait_for "Opening section"
	keys Tab
	wait_for "Link to: Second topic"
	line=$(screen | grep -n "You can read the second topic" | cut -d: -f1)
	[ "$(cursor)" = "19,$((line - 1))" ] || fail "cursor at $(cursor), not on the link"
	quit_clean
}

test_unknown_escape_sequences_are_dropped() {
	open_first_topic
	keys Space
	wait_for "%  Sections t"
	# Keys the terminal description does not know, and pasted escape
	# codes, must not act as Esc (back) followed by letters and digits.
	tm send-keys -t t -l "$(printf '\033[99~\033]0;title\007\033[31m\033[1;5D')"
	tm send-keys -t t -l "$(printf '\033[1~')"
	wait_for "Top  Sections t"
	screen | tail -n 1 | grep -qF "First topic" || fail "left the article"
	quit_clean
}

test_status_hints_are_buttons() {
	open_first_topic
	col=$(screen | tail -n 1 | awk '{ print index($0, "Help ?") }')
	click $((col - 1)) 23
	wait_for "Help: keys and taps"
	col=$(screen | tail -n 1 | awk '{ print index($0, "Back ←") }')
	click $((col - 1)) 23
	wait_for "Opening section"
	col=$(screen | tail -n 1 | awk '{ print index($0, "Back ←") }')
	click $((col - 1)) 23
	wait_for "1. First topic"
	quit_clean
}

test_arrows_and_enter_follow_links() {
	open_first_topic
	# Down chooses the next link on the screen, Up the one before;
	# Enter follows only a chosen link, and otherwise reads on.
	keys Down
	wait_for "Link to: Second topic"
	keys Down
	wait_for 'Link to the section "Later section"'
	keys Up
	wait_for "Link to: Second topic"
	keys Left
	wait_for "1. First topic"
	keys Enter
	wait_for "Opening section"
	keys Enter
	wait_for "%  Sections t"
	screen | grep -qF "MARKER-SECOND" && fail "Enter took a link nobody chose"
	keys g Down Enter
	wait_for "MARKER-SECOND"
	quit_clean
}

test_enter_again_and_again_reads_to_the_next_topic() {
	open_first_topic
	i=0
	while [ $i -lt 30 ] && ! screen | grep -qF "MARKER-SECOND"; do
		keys Enter
		i=$((i + 1))
		sleep 0.05 # one key at a time, as a person presses them
	done
	wait_for "MARKER-SECOND"
	keys BSpace
	wait_for "MARKER-END"
	wait_for "Read next: Second topic"
	wait_for "All topics"
	quit_clean
}

test_topics_from_anywhere_and_back() {
	open_first_topic
	keys Tab Enter
	wait_for "MARKER-SECOND"
	col=$(screen | tail -n 1 | awk '{ print index($0, "Topics m") }')
	click $((col - 1)) 23
	wait_for "Topic 2 of 3"
	keys BSpace
	wait_for "MARKER-SECOND"
	keys m
	wait_for "Topic 2 of 3"
	quit_clean
}

test_welcome_is_whole_and_the_title_reachable() {
	d="$E2E_TMP/welcome"
	mkdir -p "$d"
	cp "$G"/0*.md "$d/"
	printf '# Welcome guide\n\nFirst welcome line.\n\nSecond welcome line, a longer one that wraps at forty.\n\n> **Emergency:** MARKER-BOXED.\n\nMARKER-WELCOME-END.\n' >"$d/index.md"
	start 80 24 --content "$d"
	wait_for "MARKER-WELCOME-END."
	wait_for "│ Emergency: MARKER-BOXED."
	resize 40 12
	wait_for "Welcome guide"
	wait_for "more topics below"
	keys G
	wait_for "3. Third topic"
	screen | grep -qF "Welcome guide" && fail "the title did not scroll away"
	keys g
	wait_row 0 " Welcome guide"
	resize 60 40
	wait_for "MARKER-WELCOME-END."
	quit_clean
}

test_headings_list_starts_where_you_read() {
	open_first_topic
	keys t
	wait_for "Go to a section"
	keys Down Down Down Enter
	wait_for "MARKER-LATER"
	keys t
	wait_for "Go to a section"
	# The list opens on the section being read.
	screen | grep -q "Later section" || fail "no Later section"
	[ "$(cursor)" = "4,5" ] || fail "the choice is not on Later section: $(cursor)"
	keys Escape
	wait_for "MARKER-LATER"
	# Back after a jump returns to where the jump started.
	keys BSpace
	wait_for "Opening section"
	row 0 | grep -qF "First topic" || fail "back did not return to the top"
	quit_clean
}

test_dumb_terminal_is_refused() {
	E2E_ENV="TERM=dumb" start 80 24 --content "$G"
	[ "$(wait_exit)" = 1 ] || fail "a dumb terminal did not give status 1"
	grep -qF -- "--print" "$E2E_TMP/stderr" || fail "no advice: $(cat "$E2E_TMP/stderr")"
}

test_print_into_a_pipe_fits_the_terminal() {
	tm kill-server 2>/dev/null || true
	E2E_SOCK="skinguide-e2e-$$-pipe"
	echo "$E2E_SOCK" >>"$E2E_TMP/sockets"
	rm -f "$E2E_TMP/status" "$E2E_TMP/piped"
	tm new-session -d -s t -x 50 -y 20 \
		"env -u COLUMNS LC_ALL=C.UTF-8 '$BIN' --content '$G' --print first | cat >'$E2E_TMP/piped'; echo done >'$E2E_TMP/status'; sleep 600"
	wait_exit >/dev/null
	[ -s "$E2E_TMP/piped" ] || fail "nothing printed"
	[ "$(LC_ALL=C.UTF-8 wc -L <"$E2E_TMP/piped")" -le 50 ] || fail "wider than the terminal"
}

test_conflicting_modes_are_usage_errors() {
	for args in "--list --print first" "--check --list" "--print first --check"; do
		status=0
		# shellcheck disable=SC2086
		"$BIN" --content "$G" $args >/dev/null 2>"$E2E_TMP/err" || status=$?
		[ $status = 2 ] || fail "$args gave $status"
		grep -q "choose one of" "$E2E_TMP/err" || fail "$args: $(cat "$E2E_TMP/err")"
	done
}

test_help_over_headings_returns_there() {
	open_first_topic
	keys t
	wait_for "Go to a section"
	keys '?'
	wait_for "show this help"
	keys Escape
	wait_for "Go to a section"
	keys Escape
	wait_for "Sections t"
	quit_clean
}

test_sequence_split_by_a_slow_link_is_dropped() {
	start 80 24 --content "$G"
	wait_for "1. First topic"
	# The tail of a key's sequence lags 50 ms behind its start, as on a
	# slow SSH link; "3~" must not open topic 3.
	tm send-keys -t t -l "$(printf '\033[')"
	sleep 0.05 # the lag being tested
	tm send-keys -t t -l "3~"
	keys j
	wait_for "Topic 2 of 3"
	screen | grep -qF "Part one" && fail "the sequence opened topic 3"
	quit_clean
}

test_esc_then_a_quick_key_counts_both() {
	open_first_topic
	# Esc (back home) then q at once: a fast typist, not an Alt key.
	tm send-keys -t t -l "$(printf '\033q')"
	[ "$(wait_exit)" = 0 ] || fail "Esc then q did not quit"
}

test_typed_number_ends_on_another_key() {
	d="$E2E_TMP/many2"
	make_topics "$d" 12
	start 80 24 --content "$d"
	wait_for "1. Topic 1"
	# 1 waits for a second digit; ? opens help and ends the number, so
	# help must stay up past the wait.
	keys 1 '?'
	wait_for "show this help"
	sleep 1.5 # longer than the digit wait: checks that nothing happens
	screen | grep -qF "show this help" || fail "the typed number left help"
	quit_clean
}

test_typed_numbers_show_and_wrong_ones_are_said() {
	d="$E2E_TMP/many3"
	make_topics "$d" 10
	start 80 24 --content "$d"
	wait_for "1. Topic 1"
	keys 1
	wait_for "Typed 1"
	keys 2
	wait_for "There is no topic 12. Choose 1 to 10."
	screen | grep -qF "2. Topic 2" || fail "12 left the topic list"
	keys 9 9
	wait_for "Summary 9."
	quit_clean
}

test_touch_pages_and_tall_resize() {
	open_first_topic
	# A tap low on plain text reads on; high goes back.
	click 40 20
	wait_for "%  Sections t"
	click 40 2
	wait_for "Top  Sections t"
	keys t
	wait_for "Go to a section"
	keys Down Down Down Enter
	wait_for "MARKER-LATER"
	before=$(row 0)
	# A tall window near the end must scroll up; shrinking back returns
	# the reader to the same line.
	resize 80 60
	wait_for "MARKER-END"
	resize 80 24
	wait_row 0 "$before"
	quit_clean
}

test_check_reports_and_fails() {
	"$BIN" --check content >"$E2E_TMP/out" || fail "--check content failed: $(tail -n 5 "$E2E_TMP/out")"
	grep -q "^check: 0 errors" "$E2E_TMP/out" || fail "no summary line"
	status=0
	"$BIN" --check tests/fixtures/notitle >"$E2E_TMP/out" || status=$?
	[ $status = 1 ] || fail "--check on bad content gave $status"
	grep -qF "tests/fixtures/notitle/01-untitled.md:3: error: the first heading is not a title" "$E2E_TMP/out" ||
		fail "no file:line error: $(cat "$E2E_TMP/out")"
	status=0
	"$BIN" --check /nonexistent >"$E2E_TMP/out" || status=$?
	[ $status = 1 ] || fail "--check on a missing directory gave $status"
}

test_colour_and_no_color() {
	open_first_topic
	# Headings are drawn in colour (cyan, SGR 36) when NO_COLOR is unset...
	screen_styled | grep -q "$(printf '\033')\\[[0-9;]*36[;m]" || fail "no colour"
	quit_clean
	E2E_ENV="NO_COLOR=1" start 80 24 --content "$G"
	wait_for "1. First topic"
	keys Enter
	wait_for "Opening section"
	# ...and never with it: bold and underline still mark them.
	if screen_styled | grep -q "$(printf '\033')\\[[0-9;]*3[0-7][;m]"; then
		fail "colour despite NO_COLOR"
	fi
	screen_styled | grep -q "$(printf '\033')\\[[0-9;]*1[;m]" || fail "no bold in monochrome"
	quit_clean
}

test_ascii_in_a_c_locale() {
	LC_ALL=C "$BIN" --content "$G" --print first --width 60 >"$E2E_TMP/out"
	grep -q '^+---' "$E2E_TMP/out" || fail "no ASCII box"
	grep -q '^| ' "$E2E_TMP/out" || fail "no ASCII box side"
	# The reader in a C locale: accents dropped, never UTF-8 bytes.
	E2E_ENV="LANG=C LC_ALL=C" start 80 24 --content "$G"
	wait_for "1. First topic"
	keys 3
	wait_for "Cafe, naive"
	if screen | LC_ALL=C grep -q "$(printf '[\200-\377]')"; then
		fail "UTF-8 bytes on a C-locale screen"
	fi
	quit_clean
}

test_search_prints_ranked_lines() {
	"$BIN" --content content --search sunscreen >"$E2E_TMP/out" || fail "--search sunscreen failed"
	head -n 1 "$E2E_TMP/out" | grep -q "^aftercare	the-first-24-hours	.*sunscreen" ||
		fail "top line: $(head -n 1 "$E2E_TMP/out")"
	awk -F '\t' 'NF != 3 { bad = 1 } END { exit bad }' "$E2E_TMP/out" ||
		fail "not three tab-separated fields: $(cat "$E2E_TMP/out")"
	# The top of an article has an empty anchor.
	"$BIN" --content content --search "tiny needle wounds heal collagen" >"$E2E_TMP/out"
	grep -q "^what-is-microneedling		Tiny needle wounds make your skin heal" "$E2E_TMP/out" ||
		fail "no line for the top of the article: $(cat "$E2E_TMP/out")"
}

test_search_exit_status() {
	status=0
	"$BIN" --content content --search "qqqzzzxxx" >"$E2E_TMP/out" 2>"$E2E_TMP/err" || status=$?
	[ $status = 1 ] || fail "nothing found gave $status"
	[ ! -s "$E2E_TMP/out" ] || fail "output for nothing found: $(cat "$E2E_TMP/out")"
	grep -q "nothing found" "$E2E_TMP/err" || fail "no message: $(cat "$E2E_TMP/err")"
	for q in "" "   "; do
		status=0
		"$BIN" --content content --search "$q" >/dev/null 2>"$E2E_TMP/err" || status=$?
		[ $status = 2 ] || fail "empty query '$q' gave $status"
		grep -q "needs words" "$E2E_TMP/err" || fail "'$q': $(cat "$E2E_TMP/err")"
	done
	status=0
	"$BIN" --content content --search sunscreen --list >/dev/null 2>"$E2E_TMP/err" || status=$?
	[ $status = 2 ] || fail "--search with --list gave $status"
}

test_search_says_what_it_corrected() {
	"$BIN" --content content --search sunscren >"$E2E_TMP/out" 2>"$E2E_TMP/err" ||
		fail "a typo found nothing"
	grep -q "showing results for 'sunscreen'" "$E2E_TMP/err" || fail "$(cat "$E2E_TMP/err")"
	head -n 1 "$E2E_TMP/out" | grep -q "^aftercare	" || fail "$(head -n 1 "$E2E_TMP/out")"
}

test_search_hostile_queries_and_content() {
	for q in '"' 'NEAR(a b)' 'title:sun*' '^AND OR NOT' "$(printf 'sun\033[2J\001\377screen')" \
		"$(head -c 3000 /dev/urandom | tr -d '\000')"; do
		status=0
		"$BIN" --content content --search "$q" >"$E2E_TMP/out" 2>"$E2E_TMP/err" || status=$?
		[ $status -le 1 ] || fail "query gave $status"
		if grep -qi "fts5\|sqlite\|syntax" "$E2E_TMP/err"; then
			fail "engine error shown: $(cat "$E2E_TMP/err")"
		fi
		if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$E2E_TMP/out" "$E2E_TMP/err"; then
			fail "control bytes in --search output"
		fi
	done
	for q in summary entities code alert bold link; do
		"$BIN" --content tests/fixtures/hostile --search "$q" >"$E2E_TMP/out" || fail "no hit for $q"
		if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$E2E_TMP/out"; then
			fail "control bytes from hostile content for $q"
		fi
		if LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$E2E_TMP/out"; then
			fail "C1 controls from hostile content for $q"
		fi
	done
}

test_search_in_a_c_locale_is_ascii() {
	LC_ALL=C "$BIN" --content "$G" --search cafe >"$E2E_TMP/out" || fail "no hit for cafe"
	if LC_ALL=C grep -q "$(printf '[\200-\377]')" "$E2E_TMP/out"; then
		fail "UTF-8 bytes in a C locale: $(cat "$E2E_TMP/out")"
	fi
}

for t in ${E2E_ONLY:-$(grep -o "^test_[a-z0-9_]*" "$0")}; do
	run_test "$t"
done
echo "e2e: $passed passed, $failed failed"
[ "$failed" = 0 ]
