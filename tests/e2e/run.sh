#!/bin/sh
# End-to-end tests: usage `sh tests/e2e/run.sh BINARY`.  Each test starts
# the guide in tmux on the fixture guide, acts as a person would and reads
# the screen.
BIN=$1
G=tests/fixtures/guide
. tests/e2e/lib.sh
# The mouse is off by default over SSH: tests that click must not depend on
# how `make check` itself was reached.
unset SSH_CONNECTION SSH_CLIENT SSH_TTY

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
	wait_for "%  Links Tab"
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

# At 40 columns a long title gets fewer columns on the bottom line before
# Topics or Back would go (the shipped guide's titles are long enough).
test_small_window_keeps_topics_and_back() {
	start 40 12 --content content
	wait_for "1 of 12"
	keys 3
	wait_for "Common side effects"
	wait_for "…"
	screen | tail -n 1 | grep -q "Common side.*….*Topics.*Back" ||
		fail "40x12 reader line lacks Topics or Back: $(screen | tail -n 1)"
	quit_clean
}

# A kiosk at 40x12: Open (a finger taps the topic) gives way before Help,
# and Start over stays.
test_small_kiosk_keeps_help_and_start_over() {
	start 40 12 --kiosk --content content
	wait_for "of 12"
	screen | tail -n 1 | grep -q "Help.*Start over" ||
		fail "40x12 kiosk line lacks Help or Start over: $(screen | tail -n 1)"
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
	wait_for "Summary with a bell" # all of it fits: G stays
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
	wait_for "more topics above"
	screen | grep -q " below" && fail "more below at the end"
	# Typing 1 then 2 opens topic 12; 1 then Enter opens topic 1.
	keys g 1 2
	wait_for "Summary 12."
	keys BSpace
	wait_for "Topic 12 of 12"
	# A lone 1 opens topic 1 once no second digit follows.
	keys 1
	wait_for "Read next: Topic 2"
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
	wait_for "%  Links Tab"
	wheel up 10 5
	wait_for "Top  Links Tab"
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
	wait_for "%  Links Tab"
	# Keys the terminal description does not know, and pasted escape
	# codes, must not act as Esc (back) followed by letters and digits.
	tm send-keys -t t -l "$(printf '\033[99~\033]0;title\007\033[31m\033[1;5D')"
	tm send-keys -t t -l "$(printf '\033[1~')"
	wait_for "Top  Links Tab"
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
	after_a_bounce
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
	wait_for "%  Links Tab"
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

test_dumb_terminal_gets_the_plain_mode() {
	E2E_ENV="TERM=dumb" start 80 24 --content "$G"
	wait_for "Type a topic number, s for search, h for help, q to quit:"
	grep -qF "'dumb' cannot move the cursor" "$E2E_TMP/stderr" ||
		fail "no note: $(cat "$E2E_TMP/stderr")"
	keys 2 Enter
	wait_for "MARKER-SECOND"
	keys q Enter
	[ "$(wait_exit)" = 0 ] || fail "q did not end the plain mode with status 0"
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
	wait_for "Help: keys and taps"
	keys Escape
	wait_for "Go to a section"
	keys Escape
	wait_for "Search s"
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
	wait_for "Help: keys and taps"
	sleep 1.5 # longer than the digit wait: checks that nothing happens
	screen | grep -qF "Help: keys and taps" || fail "the typed number left help"
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
	wait_for "%  Links Tab"
	click 40 2
	wait_for "Top  Links Tab"
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

# The quiz fixture: two readiness questions, then one that checks
# understanding (its right answer is the second).
Q=tests/fixtures/quiz/guide

start_quiz() {
	start "${1:-80}" "${2:-24}" --content "$Q"
	wait_for "Ready?"
	keys G Enter
	wait_for "Nothing is saved"
	keys Enter
	wait_for "Question 1 of 3"
}

test_quiz_nothing_to_raise_then_points_to_raise() {
	start_quiz
	keys 1
	wait_for "Question 2 of 3"
	# A chosen answer's button says Answer, and a tap on it answers.
	screen | tail -n 1 | grep -q "Answer" && fail "an Answer button with no answer chosen"
	keys Down
	wait_for "Answer Enter"
	col=$(screen | tail -n 1 | grep -bo "Answer Enter" | cut -d: -f1)
	click $((col + 2)) 23
	wait_for "Question 3 of 3"
	keys 2
	wait_for "Nothing to raise first"
	screen | grep -qF "Tell the staff about" && fail "points shown with none to raise"
	# Take it again, raising a point and missing the last question.
	keys G
	wait_for "Take the quiz again"
	line=$(screen | grep -n "Take the quiz again" | cut -d: -f1)
	# A tap meant to read on can land here: the first says it wipes the
	# answers and the results stay; the second starts afresh.
	click 6 $((line - 1))
	wait_for "wipes these answers"
	screen | grep -qF "Nothing to raise first" || fail "the first tap left the results"
	line=$(screen | grep -m 1 -n "Take the quiz again" | cut -d: -f1)
	after_a_bounce
	click 6 $((line - 1))
	wait_for "Nothing is saved"
	keys Enter 2 1 1
	wait_for "Tell the staff about:"
	wait_for "Is your skin broken"
	wait_for "Worth another look"
	quit_clean
}

# A finger that bounces sends one tap as two presses: the second must
# not answer the next question, which the patient has not seen.
test_quiz_double_tap_answers_once() {
	start_quiz
	# Question 1's third answer is where question 2's first one will be.
	line=$(screen | grep -m 1 -n "3\. I am not sure" | cut -d: -f1)
	click 6 $((line - 1))
	sleep 0.08 # a bounce comes this soon after the tap
	click 6 $((line - 1))
	wait_for "Question 2 of 3"
	[ "$(screen | grep -m 1 -n "1\. No" | cut -d: -f1)" = "$line" ] ||
		fail "question 2's first answer is not under the tap: the test proves nothing"
	keys '?' # after it, the second press has been read
	wait_for "Help: keys and taps"
	keys Escape
	wait_for "Question 2 of 3"
	screen | grep -qF "Question 3 of 3" && fail "the bounce answered question 2"
	# Taps further apart both count.
	after_a_bounce
	click 6 $((line - 1))
	wait_for "Question 3 of 3"
	quit_clean
}

test_quiz_back_changes_an_answer_and_resize_keeps_it() {
	start_quiz
	keys 2
	wait_for "Question 2 of 3"
	keys BSpace
	wait_for "Question 1 of 3"
	keys Up Enter
	wait_for "Question 2 of 3"
	keys Down Down
	resize 40 12
	wait_for "Question 2 of 3"
	# At 40 columns the bottom line says "2 of 3" so that Help, Topics
	# and Back still fit as buttons.
	wait_for " 2 of 3 "
	screen | tail -n 1 | grep -q "Help.*Topics.*Back" ||
		fail "40x12 quiz line lacks Help, Topics or Back: $(screen | tail -n 1)"
	resize 80 24
	wait_for "A blood thinner stops blood clots."
	keys Enter 2
	wait_for "Tell the staff about:"
	screen | grep -qF "Is your skin broken" && fail "the changed answer still raised a point"
	screen | grep -qF "Do you take a blood thinner" || fail "the answer kept across a resize was lost"
	quit_clean
}

test_quiz_link_from_results_and_retry() {
	start_quiz
	keys 2 1 1
	wait_for "Worth another look"
	keys Tab
	wait_for "Link to:"
	keys Enter
	wait_for "The first day"
	keys BSpace
	wait_for "Worth another look"
	keys G
	wait_for "Try the missed questions again"
	line=$(screen | grep -n "Try the missed questions again" | cut -d: -f1)
	click 6 $((line - 1))
	wait_for "Question 1 of 1"
	keys 2
	wait_for "Tell the staff about:"
	screen | grep -qF "Worth another look" && fail "the retried question is still missed"
	# Leaving wipes the answers, said at the first m: Back never returns
	# to them.
	keys m
	wait_for "Leaving the quiz wipes your answers"
	keys m
	wait_for "Choose a topic to read"
	keys BSpace BSpace BSpace
	wait_for "This is the list of topics"
	screen | grep -qF "Tell the staff about" && fail "Back brought the results back"
	quit_clean
}

# --print takes an article as links name it; one mode given twice is
# said to be twice; --check of a missing folder tags its error.
test_editor_command_line() {
	for name in second second.md 02-second 02-second.md; do
		"$BIN" --content "$G" --print "$name" --width 60 | head -n 1 |
			grep -qF "Second topic" || fail "--print $name"
	done
	status=0
	"$BIN" --content "$G" --print first --print second >/dev/null 2>"$E2E_TMP/err" ||
		status=$?
	[ $status = 2 ] || fail "--print twice gave $status"
	grep -qF -- "--print given twice ('first' and 'second')" "$E2E_TMP/err" ||
		fail "--print twice: $(cat "$E2E_TMP/err")"
	status=0
	"$BIN" --check /nonexistent >"$E2E_TMP/out" || status=$?
	[ $status = 1 ] || fail "--check /nonexistent gave $status"
	grep -q "^/nonexistent: error: " "$E2E_TMP/out" || fail "no error: tag: $(cat "$E2E_TMP/out")"
}

# Built but not installed, the program finds ./content of the tree it
# runs in; with neither, the message names --content and SKINGUIDE_CONTENT.
test_source_tree_content_without_install() {
	installed=$(sed -n 's/^#define SKINGUIDE_CONTENT_DIR "\(.*\)"$/\1/p' build/config.h)
	[ -n "$installed" ] || fail "no SKINGUIDE_CONTENT_DIR in build/config.h"
	if [ -e "$installed" ]; then
		echo "    skipped: $installed is installed here" >&2
		return 0
	fi
	bin=$PWD/$BIN
	tree="$E2E_TMP/tree"
	mkdir -p "$tree/content"
	cp "$G"/*.md "$tree/content/"
	(cd "$tree" && env -u SKINGUIDE_CONTENT "$bin" --list) | grep -q "^first" ||
		fail "./content was not found"
	# The fixture has findings of its own; what matters is where it looked.
	(cd "$tree" && env -u SKINGUIDE_CONTENT "$bin" --check >"$E2E_TMP/out") || true
	grep -q "in 3 articles of content$" "$E2E_TMP/out" ||
		fail "--check did not check ./content: $(tail -n 1 "$E2E_TMP/out")"
	rm "$tree/content/index.md"
	status=0
	(cd "$tree" && env -u SKINGUIDE_CONTENT "$bin" --list) >/dev/null 2>"$E2E_TMP/err" ||
		status=$?
	[ $status = 1 ] || fail "without index.md, --list gave $status"
	grep -qF -- "--content DIR" "$E2E_TMP/err" || fail "no --content in: $(cat "$E2E_TMP/err")"
	grep -qF "SKINGUIDE_CONTENT" "$E2E_TMP/err" || fail "no SKINGUIDE_CONTENT"
}

# --list on a terminal: ids in a column, the summary wrapped under the
# title to fit the window; a pipe still gets tabs.
test_list_on_a_terminal_is_aligned() {
	E2E_ENV="COLUMNS=" start 44 20 --content "$G" --list
	[ "$(wait_exit)" = 0 ] || fail "--list failed: $(cat "$E2E_TMP/stderr")"
	wait_for "third"
	row 0 | grep -qx "first   First topic" || fail "row 0 is '$(row 0)'"
	row 1 | grep -q "^        The first topic, used by the" || fail "row 1 is '$(row 1)'"
	[ "$(max_width)" -le 44 ] || fail "wider than the terminal"
	"$BIN" --content "$G" --list | grep -q "^first	First topic	" || fail "no tabs in a pipe"
}

# With clinic.md, the home screen and an article show the clinic's name
# and numbers where the text links to them; the article ends with its
# review date.
test_reader_shows_clinic_details() {
	start 80 24 --content tests/fixtures/clinic
	wait_for "Clinic guide"
	wait_for "emergency number (999)"
	keys Enter
	wait_for "Call Riverside Skin Clinic if you are worried."
	wait_for "960123)"
	screen | grep -q "clinic:" && fail "a clinic: target on the screen"
	keys G
	wait_for "Last reviewed: 2026-01-15"
	quit_clean
}

# ---- kiosk, SSH, terminals and the plain mode ----------------------------

# guide_pid: the guide's process (the pane's shell runs it as its child).
guide_pid() { pgrep -P "$(tm display -p -t t '#{pane_pid}')" | head -n 1; }

# cpu_ticks PID: the CPU time the process has used, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# restored: the terminal is as a shell wants it: the normal screen, no
# mouse reporting, echo and line editing on.
restored() {
	[ "$(tm display -p -t t '#{alternate_on}')" = 0 ] || fail "still on the alternate screen"
	[ "$(tm display -p -t t '#{mouse_any_flag}')" = 0 ] || fail "mouse reporting still on"
	settings=$(stty -F "$(tm display -p -t t '#{pane_tty}')" -a)
	echo "$settings" | grep -q ' echo ' || fail "echo is still off"
	echo "$settings" | grep -q ' icanon ' || fail "line editing is still off"
}

# history_cleared: until the terminal's scrollback is empty, or fail.
history_cleared() {
	end=$(($(date +%s) + TIMEOUT))
	while [ "$(tm display -p -t t '#{history_size}')" != 0 ]; do
		[ "$(date +%s)" -le "$end" ] || fail "$1 left the scrollback"
		sleep 0.05
	done
}

# no_stderr: nothing on stderr (a sanitizer's report would be there).
no_stderr() {
	if [ -s "$E2E_TMP/stderr" ]; then
		fail "stderr: $(cat "$E2E_TMP/stderr")"
	fi
}

# start_script COLS ROWS: run $E2E_TMP/script.sh in a fresh terminal; the
# script writes its own status file.
start_script() {
	tm kill-server 2>/dev/null || true
	E2E_SOCK="skinguide-e2e-$$-$(date +%s%N)"
	echo "$E2E_SOCK" >>"$E2E_TMP/sockets"
	rm -f "$E2E_TMP/status" "$E2E_TMP/stderr"
	tm new-session -d -s t -x "$1" -y "$2" "sh '$E2E_TMP/script.sh'; sleep 600"
}

# kiosk_alive AFTER: the guide has not ended, and still answers keys
# (m lists the topics): nothing AFTER did left, suspended or froze it.
kiosk_alive() {
	if crashed; then fail "the kiosk ended after $1"; fi
	keys m
	wait_for "1. First topic" || fail "no answer after $1"
	screen | tail -n 1 | grep -q " of 3 .*Start over" || fail "no status bar after $1"
}

test_kiosk_keys_never_leave() {
	start 80 24 --kiosk --content "$G"
	wait_for "Start over"
	screen | grep -q "Quit" && fail "a kiosk offers Quit"
	for key in q Q C-c C-z 'C-\' C-d C-s C-q Escape F1 F2 F5 F10 F12 M-q M-x M-Escape \
		Home End PPage NPage BTab; do
		keys Enter
		wait_for "Opening section"
		keys "$key"
		kiosk_alive "$key"
	done
	# Escape storms and sequences nobody knows.
	tm send-keys -t t -l "$(printf '\033\033\033[99~\033[1;5X\033]0;title\007\033P1$q\033\\')"
	kiosk_alive "an escape storm"
	# Taps and the wheel anywhere, the status bar included.
	for x in 0 10 40 60 70 79; do
		for y in 0 5 12 22 23; do
			click $x $y
		done
		wheel down $x 5
		wheel up $x 5
	done
	kiosk_alive "taps"
	keys '?'
	wait_for "Help: keys and taps"
	screen | grep -q "leave the guide" && fail "help offers a way out"
	# Only a signal ends it.
	kill -s TERM "$(guide_pid)"
	[ "$(wait_exit)" = 143 ] || fail "SIGTERM did not end the kiosk"
	restored
	no_stderr
}

test_kiosk_paste_is_text_not_keys() {
	start 80 24 --kiosk --content "$G"
	wait_for "Topic 1 of 3"
	# 100 KB of digits, letters, control bytes and key sequences: read as
	# keys, a 3 would open topic 3 and a G jump down the list.
	awk 'BEGIN { srand(7); s = "3Gjqm?t0123456789abc \t"; for (i = 0; i < 100000; i++)
		printf "%s", substr(s, int(rand() * length(s)) + 1, 1);
		printf "\003\032\033[A\033[B\n" }' >"$E2E_TMP/paste"
	[ "$(wc -c <"$E2E_TMP/paste")" -ge 100000 ] || fail "the paste is short"
	tm load-buffer "$E2E_TMP/paste"
	# -p brackets the paste only when the guide asked for bracketed paste.
	tm paste-buffer -p -t t
	keys j
	wait_for "Topic 2 of 3"
	screen | grep -qF "Part one" && fail "the paste opened a topic"
	kiosk_alive "a paste"
}

test_kiosk_idle_starts_over() {
	start 80 24 --kiosk --idle 4 --content "$G"
	wait_for "1. First topic"
	keys Enter
	wait_for "Opening section"
	keys Tab Enter
	wait_for "MARKER-SECOND"
	keys t
	wait_for "Go to a section"
	wait_for "Going back to the start in 2 seconds. Touch the screen or press a key to"
	wait_for "keep reading."
	# A key keeps the visit, and does nothing else: the sections list
	# stays until the next key closes it.
	keys Escape
	wait_gone "Going back to the start"
	screen | grep -qF "Go to a section" || fail "the key that kept the visit also acted"
	keys Escape
	wait_for "MARKER-SECOND"
	wait_for "Going back to the start in 1 second."
	wait_for "Topic 1 of 3"
	wait_gone "Going back to the start"
	# Nothing of the visit is left: Back has nowhere to go.
	keys Escape
	wait_for "This is the list of topics. Choose one to read."
	kiosk_alive "starting over"
}

# A half-taken quiz and a search are forgotten too.
test_kiosk_idle_forgets_the_quiz_and_the_search() {
	start 80 24 --kiosk --idle 3 --content "$Q"
	wait_for "Ready?"
	keys s
	wait_for "Type a word"
	keys -l "call"
	wait_for "Search: call"
	wait_for "Topic 1 of 2"
	keys s
	wait_for "Type a word"
	screen | grep -qF "Search: call" && fail "the search words survived the reset"
	keys Escape
	wait_for "Topic 1 of 2"
	keys G Enter Enter 2
	wait_for "Question 2 of 3"
	wait_for "Topic 1 of 2"
	keys G Enter
	wait_for "Nothing is saved"
	keys Enter
	wait_for "Question 1 of 3"
	# Question 1 has no answer chosen: Enter asks for one.
	keys Enter
	wait_for "Choose an answer"
	if crashed; then fail "the kiosk ended"; fi
}

test_kiosk_start_over_button() {
	start 80 24 --kiosk --content "$G"
	wait_for "Start over"
	keys Down Enter
	wait_for "MARKER-SECOND"
	keys m
	wait_for "Topic 2 of 3"
	x=$(screen | tail -n 1 | grep -bo "Start over" | cut -d: -f1)
	# A visit to forget: the first tap says what it forgets, the second
	# starts over.
	click $((x + 3)) 23
	wait_for "Start over forgets what you read and answered here."
	screen | grep -q "Topic 2 of 3" || fail "the first tap started over"
	after_a_bounce
	click $((x + 3)) 23
	wait_for "Topic 1 of 3"
	keys Escape
	wait_for "This is the list of topics. Choose one to read."
}

test_kiosk_clears_the_scrollback() {
	# The Linux console has no alternate screen: what the guide drew, and
	# anything written over it, scrolls into the terminal's history; so
	# does what was on the screen before the kiosk started.
	cat >"$E2E_TMP/script.sh" <<SCRIPT
seq 1 150
env LC_ALL=C.UTF-8 TERM=linux '$PWD/$BIN' --kiosk --idle 2 --content '$PWD/$G' 2>'$E2E_TMP/stderr'
echo \$? >'$E2E_TMP/status'
SCRIPT
	start_script 80 24
	wait_for "1. First topic"
	history_cleared "the start"
	tty=$(tm display -p -t t '#{pane_tty}')
	seq 1 60 >"$tty"
	[ "$(tm display -p -t t '#{history_size}')" -gt 0 ] || fail "no history to clear"
	keys Enter
	wait_for "Opening section"
	wait_for "Topic 1 of 3"
	history_cleared "starting over"
	seq 1 60 >"$tty"
	kill -s HUP "$(pgrep -f -- "--kiosk --idle 2 --content $PWD/$G")"
	[ "$(wait_exit)" = 129 ] || fail "SIGHUP did not end the kiosk"
	history_cleared "the end"
	screen | grep -q "Topic\|[0-9]" && fail "the last screen is still shown"
	no_stderr
}

test_signals_end_at_once_and_restore_the_terminal() {
	for pair in HUP:129 TERM:143 QUIT:131 USR1:138 PIPE:141; do
		open_first_topic
		pid=$(guide_pid)
		kill -s "${pair%:*}" "$pid"
		status=$(wait_exit)
		[ "$status" = "${pair#*:}" ] || fail "SIG${pair%:*} gave status $status"
		restored
		if kill -0 "$pid" 2>/dev/null; then fail "the guide outlived SIG${pair%:*}"; fi
		no_stderr
	done
}

# Ctrl-Z in a shell, then fg: the shell has the terminal as it wants it
# while the guide is stopped; after fg the guide's modes are back even
# though the shell turned bracketed paste off and a program hid the
# cursor: a paste is text (here ignored), not keys, and the cursor shows.
test_ctrl_z_and_fg_set_the_terminal_up_again() {
	cat >"$E2E_TMP/script.sh" <<SCRIPT
PS1='$ ' exec bash --norc --noprofile -i
SCRIPT
	start_script 80 24
	wait_for '$'
	# Run by bash itself: under another shell, bash would report that
	# shell stopped (and print on the guide's screen) before the guide
	# had given the terminal back.
	keys "LC_ALL=C.UTF-8 TERM=xterm-256color '$PWD/$BIN' --content '$PWD/$G' 2>'$E2E_TMP/stderr'" Enter
	wait_for "1. First topic"
	keys C-z
	wait_for "Stopped"
	[ "$(tm display -p -t t '#{alternate_on}')" = 0 ] || fail "stopped on the alternate screen"
	[ "$(tm display -p -t t '#{mouse_any_flag}')" = 0 ] || fail "stopped with mouse reporting on"
	# Run on in the background first: the guide stops again when it
	# reaches for the terminal, and sets its modes only once it has it.
	keys "bg" Enter
	pid=$(pgrep -f -- "skinguide --content $PWD/$G")
	end=$(($(date +%s) + TIMEOUT))
	sleep 0.1 # until bg's SIGCONT has woken it: nothing shows that
	until ps -o stat= -p "$pid" | grep -q T; do
		[ "$(date +%s)" -le "$end" ] || { fail "after bg the guide did not stop for the terminal"; break; }
		sleep 0.05
	done
	keys "tput civis; fg" Enter
	wait_for "1. First topic"
	end=$(($(date +%s) + TIMEOUT))
	until [ "$(tm display -p -t t '#{cursor_flag} #{mouse_any_flag}')" = "1 1" ]; do
		[ "$(date +%s)" -le "$end" ] || { fail "after fg: cursor and mouse $(tm display -p -t t '#{cursor_flag} #{mouse_any_flag}'), not 1 1"; break; }
		sleep 0.05
	done
	tm set-buffer "sunscreen"
	tm paste-buffer -p -t t
	keys Down
	wait_for "Topic 2 of 3" || fail "the paste after fg was taken for keys: $(screen | tail -n 1)"
	keys q
	keys 'echo "status=$?"' Enter  # fg's status is the guide's
	wait_for "status=0" || fail "the guide failed after fg"
	restored_screen_and_mouse=$(tm display -p -t t '#{alternate_on} #{mouse_any_flag}')
	[ "$restored_screen_and_mouse" = "0 0" ] || fail "after q: alternate screen, mouse $restored_screen_and_mouse"
	no_stderr
}

# A hangup between the set-up and the first frame (the guide is held just
# after it switched bracketed paste on) still switches it off again.
test_signal_before_the_first_frame_restores_paste() {
	real=$PWD/skinguide
	if [ ! -x "$real" ] ||
		! strace -o /dev/null -e inject=write:delay_exit=1:when=1 true 2>/dev/null; then
		echo "    skipped: needs ./skinguide and strace with write delays (inject)"
		return 0
	fi
	cat >"$E2E_TMP/script.sh" <<SCRIPT
env LC_ALL=C.UTF-8 TERM=xterm-256color strace -qq -s 64 -o '$E2E_TMP/trace' -e trace=write -e inject=write:delay_exit=3000000:when=2 '$real' --content '$PWD/$G' 2>'$E2E_TMP/stderr'
echo \$? >'$E2E_TMP/status'
SCRIPT
	start_script 80 24
	end=$(($(date +%s) + TIMEOUT))
	until grep -q '2004h' "$E2E_TMP/trace" 2>/dev/null; do
		[ "$(date +%s)" -le "$end" ] || { fail "no paste switch in the trace"; return; }
		sleep 0.05
	done
	kill -s HUP "$(pgrep -f -- "^$real --content")"
	[ "$(wait_exit)" = 129 ] || fail "SIGHUP did not end the guide with 129"
	# The write after the one that switched paste on switches it off: the
	# hangup came before the first frame.
	grep -v '^---' "$E2E_TMP/trace" | grep -A1 '2004h' | tail -n 1 | grep -q '2004l' ||
		fail "bracketed paste not switched off at once: $(cat "$E2E_TMP/trace")"
}

test_ctrl_c_ends_with_130() {
	open_first_topic
	keys C-c
	[ "$(wait_exit)" = 130 ] || fail "Ctrl-C did not give status 130"
	restored
	no_stderr
}

test_end_of_input_ends_the_guide() {
	# The terminal goes away while SIGHUP is ignored (as under nohup): the
	# guide must see the end of its input and stop, not spin.
	d="$E2E_TMP/eof-guide"
	cp -r "$G" "$d"
	cat >"$E2E_TMP/script.sh" <<SCRIPT
trap '' HUP
env LC_ALL=C.UTF-8 TERM=xterm-256color ASAN_OPTIONS=detect_leaks=0 '$PWD/$BIN' --content '$d' 2>'$E2E_TMP/stderr'
echo \$? >'$E2E_TMP/status'
SCRIPT
	start_script 80 24
	wait_for "1. First topic"
	pid=$(pgrep -f -- "--content $d")
	tm kill-server
	status=$(wait_exit)
	[ "$status" = 0 ] || fail "the guide ended with status $status, not 0: $(cat "$E2E_TMP/stderr")"
	if kill -0 "$pid" 2>/dev/null; then fail "the guide is still running"; fi
}

test_no_busy_loop_while_idle() {
	for mode in --content --kiosk; do
		if [ $mode = --kiosk ]; then start 80 24 --kiosk --content "$G"
		else start 80 24 --content "$G"; fi
		wait_for "1. First topic"
		keys Enter
		wait_for "Opening section"
		pid=$(guide_pid)
		before=$(cpu_ticks "$pid")
		sleep 2 # the idle time measured
		used=$(($(cpu_ticks "$pid") - before))
		[ "$used" -le 5 ] || fail "$used ticks of CPU in 2 idle seconds ($mode)"
	done
}

test_works_on_common_terminal_types() {
	for term in xterm-256color xterm screen tmux-256color linux vt100 vt220; do
		E2E_ENV="TERM=$term" start 80 24 --content "$G"
		wait_for "1. First topic" || fail "nothing drawn with TERM=$term"
		keys Down Enter
		wait_for "MARKER-SECOND" || fail "keys failed with TERM=$term"
		keys BSpace
		wait_for "Topic 2 of 3"
		quit_clean || fail "q failed with TERM=$term"
	done
}

test_unknown_terminal_gets_the_plain_mode() {
	E2E_ENV="TERM=xterm-kitty" start 80 24 --content "$G"
	wait_for "Type a topic number"
	[ "$(wc -l <"$E2E_TMP/stderr")" = 1 ] || fail "the note is not one line"
	grep -qF "'xterm-kitty' is not known" "$E2E_TMP/stderr" || fail "no note"
	# Plain: nothing but text, no colour or bold.
	screen_styled | grep -q "$(printf '\033')" && fail "escape sequences on a plain screen"
	keys 1 Enter
	wait_for "[3] Web address: https://example.org/page"
	keys 1 Enter
	wait_for "MARKER-SECOND"
	keys b Enter
	wait_gone "MARKER-SECOND"
	wait_for "[4] Third topic"
	keys q Enter
	[ "$(wait_exit)" = 0 ] || fail "q did not end with status 0"
}

test_missing_utf8_locale_falls_back_to_c_utf8() {
	if locale -a 2>/dev/null | grep -qix 'en_US.utf-\?8'; then
		echo "    (en_US.UTF-8 is installed here: nothing to fall back from)"
		return 0
	fi
	LC_ALL=en_US.UTF-8 "$BIN" --content "$G" --print first --width 60 >"$E2E_TMP/out"
	grep -q "═" "$E2E_TMP/out" || fail "--print turned to ASCII"
	E2E_ENV="LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8" start 80 24 --content "$G"
	wait_for "1. First topic"
	keys 3
	wait_for "Café, naïve"
	quit_clean
}

test_links_stand_out_without_colour() {
	esc=$(printf '\033')
	underline="$esc\\[([0-9]+;)*4(;[0-9]+)*m"
	for env in "TERM=linux" "TERM=linux NO_COLOR=1" "TERM=vt100" "NO_COLOR=1"; do
		E2E_ENV="$env" start 80 24 --content "$G"
		wait_for "1. First topic"
		keys Enter
		wait_for "Opening section"
		line=$(screen_styled | grep "second topic")
		echo "$line" | grep -Eq "${underline}second topic" || fail "no underline ($env): $line"
		echo "$line" | grep -q "$esc\\[3[0-7]msecond" && fail "a coloured link ($env)"
		quit_clean
	done
}

test_mouse_default_follows_the_session() {
	for case in "-:1:--content" "SSH_CONNECTION=x:0:--content" \
		"SSH_CONNECTION=x:1:--kiosk" "SSH_CONNECTION=x:1:--mouse=on" "-:0:--mouse=off"; do
		env=${case%%:*}
		want=$(echo "$case" | cut -d: -f2)
		opt=${case##*:}
		[ "$env" = - ] && env=
		if [ "$opt" = --content ]; then E2E_ENV="$env" start 80 24 --content "$G"
		else E2E_ENV="$env" start 80 24 "$opt" --content "$G"; fi
		wait_for "1. First topic"
		[ "$(tm display -p -t t '#{mouse_any_flag}')" = "$want" ] ||
			fail "mouse reporting is not $want with '$env' $opt"
	done
	status=0
	"$BIN" --mouse=maybe 2>/dev/null || status=$?
	[ $status = 2 ] || fail "--mouse=maybe gave $status"
}

test_broken_articles_are_left_out() {
	d="$E2E_TMP/broken"
	mkdir -p "$d"
	cp "$G"/*.md "$d/"
	printf 'No title here.\n' >"$d/04-untitled.md"
	printf '# Another first\n\nThe id of the first topic again.\n' >"$d/05-first.md"
	mkdir "$d/06-folder.md"
	start 80 30 --content "$d"
	wait_for "3. Third topic"
	wait_for "3 topics were left out because they cannot be read. Run skinguide"
	wait_for "to see why."
	# The folder is named: --check alone checks the default one.
	screen | tr -d '\n │' | grep -qF -- "--check$(printf '%s' "$d" | tr -d ' ')tosee" ||
		fail "the note does not name the folder: $(screen | grep -A2 'left out')"
	screen | grep -q "4\\. \|Another first" && fail "a broken topic is listed"
	quit_clean
	start 80 30 --kiosk --content "$d"
	wait_for "3. Third topic"
	screen | grep -q "left out" && fail "a kiosk tells patients about broken files"
	# Every mode starts; --check stays strict.
	"$BIN" --content "$d" --list >"$E2E_TMP/out" 2>"$E2E_TMP/err"
	[ "$(wc -l <"$E2E_TMP/out")" = 3 ] || fail "--list: $(cat "$E2E_TMP/out")"
	grep -q "3 topics were left out" "$E2E_TMP/err" || fail "--list says nothing on stderr"
	printf 'q\n' | "$BIN" --plain --content "$d" | grep -q "3 topics were left out" ||
		fail "the plain mode does not say so"
	status=0
	"$BIN" --check "$d" >"$E2E_TMP/out" || status=$?
	[ $status = 1 ] || fail "--check gave $status"
	grep -q "04-untitled.md:1: error" "$E2E_TMP/out" || fail "--check missed the untitled file"
}

test_plain_mode_through_a_pipe() {
	printf '1\n1\nb\nc\n4\nh\nq\n' | "$BIN" --plain --content "$G" >"$E2E_TMP/out" 2>"$E2E_TMP/err"
	[ ! -s "$E2E_TMP/err" ] || fail "stderr: $(cat "$E2E_TMP/err")"
	for want in "Heading: First topic" "[1]second topic" "Links:" "[1] Second topic" \
		"MARKER-SECOND" "Topic: First topic" "Go to a section" "4.   Later section" \
		"Help: what to type" "Type a topic number, s for search, h for help, q to quit:"; do
		grep -qF -- "$want" "$E2E_TMP/out" || fail "no '$want' in the output"
	done
	if LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" "$E2E_TMP/out"; then
		fail "control bytes in the plain mode"
	fi
	grep -q "[┌─═│]" "$E2E_TMP/out" && fail "box drawing in the plain mode"
	# Input or output that is not a terminal gets the plain mode unasked.
	printf '2\nq\n' | "$BIN" --content "$G" | grep -q "MARKER-SECOND" || fail "a pipe in"
	# A kiosk's plain mode ignores q; the end of input still ends it.
	printf 'q\nquit\n2\n' | "$BIN" --plain --kiosk --content "$G" >"$E2E_TMP/out"
	grep -q "MARKER-SECOND" "$E2E_TMP/out" || fail "q ended the kiosk's plain mode"
	grep -q "to quit" "$E2E_TMP/out" && fail "a kiosk offers quitting"
	status=0
	"$BIN" --plain --list >/dev/null 2>&1 || status=$?
	[ $status = 2 ] || fail "--plain --list gave $status"
}

test_plain_mode_with_output_into_a_file() {
	cat >"$E2E_TMP/script.sh" <<SCRIPT
env LC_ALL=C.UTF-8 TERM=xterm-256color '$PWD/$BIN' --content '$PWD/$G' >'$E2E_TMP/out' 2>'$E2E_TMP/stderr'
echo \$? >'$E2E_TMP/status'
SCRIPT
	start_script 80 24
	keys 2 Enter q Enter
	[ "$(wait_exit)" = 0 ] || fail "status was not 0"
	grep -q "MARKER-SECOND" "$E2E_TMP/out" || fail "the topic was not written"
	no_stderr
}

test_plain_kiosk_on_a_terminal_ignores_control_keys() {
	E2E_ENV="TERM=dumb" start 80 24 --kiosk --content "$G"
	wait_for "Type a topic number"
	keys q Enter C-c C-z 'C-\' C-d C-s
	keys 2 Enter
	wait_for "MARKER-SECOND"
	if crashed; then fail "a control key ended the kiosk"; fi
	kill -s TERM "$(guide_pid)"
	[ "$(wait_exit)" = 143 ] || fail "SIGTERM did not end it"
}

test_plain_kiosk_starts_over_when_left_alone() {
	E2E_ENV="TERM=dumb" start 80 24 --kiosk --idle 4 --content "$G"
	wait_for "Type a topic number"
	keys 2 Enter
	wait_for "MARKER-SECOND"
	wait_for "Going back to the start in 2 seconds. Press Enter to keep reading."
	# The line that answers the countdown keeps the visit, nothing more.
	keys 1 Enter
	wait_for "Going on where you were."
	screen | grep -q "Heading: First topic" && fail "the line that kept the visit acted"
	wait_for "Starting again for the next person."
	wait_for "3. Third topic"
	keys b Enter
	wait_for "This is the list of topics. Choose one to read."
}

# plain_screen N FILE: what a plain session in FILE printed after its Nth
# line of input (0: the first screen), without the prompts.
plain_screen() {
	awk -v n="$1" '
		/^Type / { prompt = 1 }
		prompt { if (/:$/) { prompt = 0; k++ } next }
		k == n' "$2"
}

# The quiz's results in plain mode: every link is a number that opens its
# topic at the section it names, and back returns to the results.
test_plain_quiz_results_links_by_number() {
	# Answers 2, 1, 1 raise a point and miss the last question: a link each.
	printf 'quiz\n1\n2\n1\n1\n2\nb\n1\nb\n3\n' |
		"$BIN" --plain --content "$Q" >"$E2E_TMP/out" 2>"$E2E_TMP/err"
	[ ! -s "$E2E_TMP/err" ] || fail "stderr: $(cat "$E2E_TMP/err")"
	plain_screen 5 "$E2E_TMP/out" >"$E2E_TMP/results"
	for want in "Tell the staff. Read [1]the first day." "Call today. See [2]call today." \
		"[1] Care, section \"The first day\"" "[2] Signs, section \"Call today\"" \
		"3. Try the missed questions again" "5. Leave the quiz"; do
		grep -qF -- "$want" "$E2E_TMP/results" || fail "results: no '$want'"
	done
	grep -q "[→←]" "$E2E_TMP/results" && fail "arrows read aloud before the choices"
	# signs.md#call-today-1: the second of two sections called Call today.
	plain_screen 6 "$E2E_TMP/out" >"$E2E_TMP/signs"
	[ "$(grep -v '^$' "$E2E_TMP/signs" | head -n 3)" = "$(printf 'Topic: Signs\nHeading: Call today\nThis heading has the same text, so its anchor ends in -1.')" ] ||
		fail "link 2 did not open Signs at its second Call today: $(cat "$E2E_TMP/signs")"
	grep -qF "Call if it gets worse" "$E2E_TMP/signs" && fail "link 2 printed the first Call today"
	plain_screen 7 "$E2E_TMP/out" | cmp -s - "$E2E_TMP/results" || fail "back did not print the results"
	plain_screen 8 "$E2E_TMP/out" | grep -v '^$' | head -n 2 | tr '\n' '|' |
		grep -qxF "Topic: Care|Heading: The first day|" || fail "link 1 did not open Care at The first day"
	plain_screen 9 "$E2E_TMP/out" | cmp -s - "$E2E_TMP/results" || fail "back (2) did not print the results"
	plain_screen 10 "$E2E_TMP/out" | grep -qF "Question 1 of 1" || fail "3 did not retry the missed question"
}

# The same at a terminal, typed as a person types.
test_plain_quiz_link_on_a_terminal() {
	E2E_ENV="TERM=dumb" start 80 24 --content "$Q"
	wait_for "Type a topic number, quiz"
	keys quiz Enter
	wait_for "Start the quiz"
	keys 1 Enter
	wait_for "Question 1 of 3"
	keys 2 Enter
	wait_for "Question 2 of 3"
	keys 1 Enter
	wait_for "Question 3 of 3"
	keys 1 Enter
	wait_for "[2] Signs, section"
	keys 2 Enter
	wait_for "This heading has the same text"
	keys b Enter
	# The results again: a second copy of them in the terminal's lines.
	end=$(($(date +%s) + TIMEOUT))
	until [ "$(tm capture-pane -p -S - -t t | grep -c "See \[2\]call today")" = 2 ]; do
		[ "$(date +%s)" -le "$end" ] || fail "back did not show the results again"
		sleep 0.05
	done
	keys q Enter
	[ "$(wait_exit)" = 0 ] || fail "q did not end the plain mode with status 0"
	# Only the note about the dumb terminal: no sanitizer report.
	if grep -vF "cannot move the cursor" "$E2E_TMP/stderr"; then fail "stderr above"; fi
}

# A search result in plain mode: the words marked in words, the place
# said, and m and p (not n and N, which read the next topic here) print
# the topic from the next and the previous place.
test_plain_search_marks_and_steps_through_the_places() {
	printf 's\nlater\n1\n' | "$BIN" --plain --content "$G" >"$E2E_TMP/out" 2>"$E2E_TMP/err"
	[ ! -s "$E2E_TMP/err" ] || fail "stderr: $(cat "$E2E_TMP/err")"
	for want in "Heading: [found: Later] section" "MARKER-[found: LATER]: the anchor" \
		'Found 2 of 7, in the section "Later section".' "Type m for the next place"; do
		grep -qF -- "$want" "$E2E_TMP/out" || fail "no '$want' in the result"
	done
	grep -qF "n goes to the next" "$E2E_TMP/out" && fail "n and N promised in plain mode"
	printf 's\nlater\n1\np\n' | "$BIN" --plain --content "$G" >"$E2E_TMP/out"
	sed -n '/^Found 2 of 7/,$p' "$E2E_TMP/out" >"$E2E_TMP/after"
	for want in "Topic: First topic" "[2][found: later]" \
		'Found 1 of 7, in the section "Opening section".'; do
		grep -qF -- "$want" "$E2E_TMP/after" || fail "p: no '$want'"
	done
	if LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" "$E2E_TMP/out"; then
		fail "control bytes in the plain mode"
	fi
}

# The same at a terminal: /WORDS searches at once, m goes on.
test_plain_search_at_once_on_a_terminal() {
	E2E_ENV="TERM=dumb" start 80 24 --content "$G"
	wait_for "Type a topic number"
	keys /later Enter
	wait_for "1. First topic: Later section"
	keys 1 Enter
	# Said before the text it is about, so it may have scrolled up.
	wait_in_scrollback "Found 2 of 7"
	keys m Enter
	wait_in_scrollback "Found 3 of 7"
	keys q Enter
	[ "$(wait_exit)" = 0 ] || fail "q did not end the plain mode with status 0"
}

# Words typed whole: a search, a topic's title or id; others still sorry.
test_plain_typed_words() {
	for line in "s later" "search later" "/later" "SEARCH Later"; do
		printf '%s\n' "$line" | "$BIN" --plain --content "$G" >"$E2E_TMP/out"
		grep -qF "1. First topic: Later section" "$E2E_TMP/out" || fail "'$line' did not search"
		grep -qF "not a choice" "$E2E_TMP/out" && fail "'$line' was refused"
	done
	printf 'Third Topic\nb\nsecond\n' | "$BIN" --plain --content "$G" >"$E2E_TMP/out"
	grep -qF "Heading: Third topic" "$E2E_TMP/out" || fail "a title did not open its topic"
	grep -qF "MARKER-SECOND" "$E2E_TMP/out" || fail "an id did not open its topic"
	printf 'nonsense\n' | "$BIN" --plain --content "$G" | grep -qF \
		'Sorry, "nonsense" is not a choice here. To search for it, type s nonsense.' ||
		fail "no sorry"
}

# Help and the search screen describe plain mode, not the full screen.
test_plain_help_and_search_say_what_to_type() {
	printf 'h\n' | "$BIN" --plain --content "$Q" >"$E2E_TMP/out"
	for want in "Help: what to type" "A number: choose" "s, search or /:" "quiz: take" \
		"top: print the topic from its top." "An empty line:"; do
		grep -qF -- "$want" "$E2E_TMP/out" || fail "help: no '$want'"
	done
	for bad in "keys and taps" "tap " "go to the top or the end" "scroll"; do
		grep -qF -- "$bad" "$E2E_TMP/out" && fail "help: '$bad'"
	done
	printf 's\n' | "$BIN" --plain --content "$G" >"$E2E_TMP/out"
	grep -qF "as you type" "$E2E_TMP/out" && fail "the search screen promises results as you type"
	grep -qF "Enter a word or a few words on one line." "$E2E_TMP/out" || fail "no search hint"
}

# A quiz question in plain mode: its number before it, and back to it
# says the answer given in words.
test_plain_quiz_back_says_the_answer() {
	printf 'quiz\n1\n2\nb\n' | "$BIN" --plain --content "$Q" >"$E2E_TMP/out"
	plain_screen 2 "$E2E_TMP/out" | grep -qxF "Question 1 of 3: Is your skin broken where you want treatment?" ||
		fail "the question is not said with its number"
	plain_screen 2 "$E2E_TMP/out" | grep -qF "your answer" && fail "an answer before any was given"
	plain_screen 4 "$E2E_TMP/out" | grep -qxF "2. Yes (your answer)" || fail "the answer given is not said"
	if plain_screen 4 "$E2E_TMP/out" | grep -qF "Heading:"; then
		fail "the question is read as a heading"
	fi
}

# Long lists keep their text in one column; the home screen lists the
# welcome's links after the topics, whose numbers come first.
test_plain_lists_read_in_order() {
	d="$E2E_TMP/long"
	mkdir -p "$d"
	{
		printf '# Long\n\nMany parts.\n\n'
		for i in 1 2 3 4 5 6 7 8 9 10 11; do printf '## Part %s\n\nText.\n\n' "$i"; done
	} >"$d/01-long.md"
	printf '# Welcome\n\nSee [part 2](long.md#part-2).\n' >"$d/index.md"
	printf '1\nc\n' | "$BIN" --plain --content "$d" >"$E2E_TMP/out"
	grep -qxF " 2.   Part 1" "$E2E_TMP/out" || fail "section 2 is not aligned with 10"
	grep -qxF "10.   Part 9" "$E2E_TMP/out" || fail "no section 10"
	plain_screen 0 "$E2E_TMP/out" | grep -v '^$' | tail -n 2 | tr '\n' '|' |
		grep -qxF 'Links:|[3] Long, section "Part 2"|' || fail "the welcome's link is not listed last"
}

test_session_options_are_checked() {
	for args in "--idle 5" "--kiosk --idle x" "--kiosk --idle 90000" "--kiosk --list" \
		"--plain --print first" "--mouse=on --check" "--mouse maybe"; do
		status=0
		# shellcheck disable=SC2086
		"$BIN" --content "$G" $args </dev/null >/dev/null 2>"$E2E_TMP/err" || status=$?
		[ $status = 2 ] || fail "$args gave $status"
		grep -q "^skinguide: --" "$E2E_TMP/err" || fail "$args: $(cat "$E2E_TMP/err")"
	done
	"$BIN" --help | grep -qF -- "--kiosk" || fail "--help lacks --kiosk"
	"$BIN" --help | grep -qF -- "--plain" || fail "--help lacks --plain"
}

test_writes_no_file_and_starts_no_program() {
	real=$PWD/skinguide
	if [ ! -x "$real" ]; then
		echo "    skipped: ./skinguide is not built"
		return 0
	fi
	if ! strace -f -o /dev/null true 2>/dev/null; then
		echo "    skipped: strace cannot trace processes here (no ptrace)"
		return 0
	fi
	trace="strace -f -qq -e trace=%file,%process,%desc -o"
	editors="EDITOR=/bin/vi VISUAL=/bin/vi PAGER=/bin/less BROWSER=/bin/w3m SHELL=/bin/sh"
	# The full screen: open, follow a link, back, help, quit.
	cat >"$E2E_TMP/script.sh" <<SCRIPT
env LC_ALL=C.UTF-8 TERM=xterm-256color $editors $trace '$E2E_TMP/trace.ui' '$real' --content '$PWD/$G' 2>'$E2E_TMP/stderr'
echo \$? >'$E2E_TMP/status'
SCRIPT
	start_script 80 24
	wait_for "1. First topic"
	keys Enter Tab Enter
	wait_for "MARKER-SECOND"
	keys BSpace '?'
	wait_for "Help: keys and taps"
	keys q
	[ "$(wait_exit)" = 0 ] || fail "the traced guide failed"
	# The kiosk, starting over once, ended by SIGTERM.
	cat >"$E2E_TMP/script.sh" <<SCRIPT
env LC_ALL=C.UTF-8 TERM=xterm-256color $editors $trace '$E2E_TMP/trace.kiosk' '$real' --kiosk --idle 2 --content '$PWD/$G' 2>'$E2E_TMP/stderr'
echo \$? >'$E2E_TMP/status'
SCRIPT
	start_script 80 24
	wait_for "1. First topic"
	keys Enter
	wait_for "Opening section"
	wait_for "Topic 1 of 3"
	kill -s TERM "$(pgrep -f -- "^$real --kiosk")"
	wait_exit >/dev/null
	# The plain mode and the printers.
	printf '1\n1\nb\nh\nq\n' | env $editors $trace "$E2E_TMP/trace.plain" "$real" --plain --content "$G" >/dev/null
	env $editors $trace "$E2E_TMP/trace.list" "$real" --content "$G" --list >/dev/null
	env $editors $trace "$E2E_TMP/trace.print" "$real" --content "$G" --print first --format man >/dev/null
	changes='^[0-9]+ +(creat|(unlink|rename|mkdir|link|symlink|chmod|chown|mknod)(at)?|renameat2|rmdir|truncate|lchown|fchmod|fchown)\('
	for t in ui kiosk plain list print; do
		f="$E2E_TMP/trace.$t"
		[ -s "$f" ] || fail "no trace for $t"
		grep -q "01-first.md" "$f" || fail "$t: the trace did not see the content read"
		if grep -E 'O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND' "$f" || grep -E "$changes" "$f"; then
			fail "$t: a file opened for writing or changed (above)"
		fi
		[ "$(grep -c 'execve' "$f")" = 1 ] || fail "$t: a program was started: $(grep execve "$f")"
		if grep -E '(^|[^a-z_])(fork|vfork|clone3?)\(' "$f"; then
			fail "$t: a process was made (above)"
		fi
	done
}

# Over SSH every write can be a packet: everything the guide sends before
# it first waits for a key (set-up, the first frame, keys and mouse on) is
# at most five writes (six in a kiosk, which wipes the scrollback after
# the frame), and the frame itself is one.  ncurses alone would send a
# write a row.
test_first_frame_is_few_writes() {
	real=$PWD/skinguide
	if [ ! -x "$real" ]; then
		echo "    skipped: ./skinguide is not built"
		return 0
	fi
	if ! strace -f -o /dev/null true 2>/dev/null; then
		echo "    skipped: strace cannot trace processes here (no ptrace)"
		return 0
	fi
	for mode in "" --kiosk; do
		cat >"$E2E_TMP/script.sh" <<SCRIPT
env LC_ALL=C.UTF-8 TERM=xterm-256color strace -qq -e trace=read,write,writev -s 4096 -o '$E2E_TMP/trace' '$real' $mode --content '$PWD/$G' 2>'$E2E_TMP/stderr'
echo \$? >'$E2E_TMP/status'
SCRIPT
		start_script 80 24
		wait_for "1. First topic"
		if [ -n "$mode" ]; then
			kill -s TERM "$(pgrep -f -- "^$real --kiosk")"
			wait_exit >/dev/null
		else
			keys q
			[ "$(wait_exit)" = 0 ] || fail "the traced guide failed"
		fi
		first=$(sed -n '/^read(0,/q;p' "$E2E_TMP/trace" | grep -E '^writev?\(1,')
		n=$(printf '%s\n' "$first" | grep -c .)
		[ "$n" -le $((${mode:+1} + 5)) ] || fail "${mode:-full screen}: $n writes before the first key:
$first"
		printf '%s\n' "$first" | grep 'First topic' | grep -q 'Topic 1 of 3' ||
			fail "${mode:-full screen}: the first frame is not one write:
$first"
	done
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

# On a terminal the results are for a person: id#anchor, the snippet
# wrapped under it, no line wider than the window and no tabs.
test_search_on_a_terminal_is_wrapped() {
	cat >"$E2E_TMP/script.sh" <<SCRIPT
env LC_ALL=C.UTF-8 '$PWD/$BIN' --content '$PWD/content' --search 'cold sore' 2>'$E2E_TMP/stderr'
echo \$? >'$E2E_TMP/status'
SCRIPT
	start_script 50 40
	[ "$(wait_exit)" = 0 ] || fail "--search on a terminal failed"
	screen | grep -q "^risks#cold-sore-flare$" || fail "no id#anchor line: $(screen | head -n 3)"
	screen | grep -q "^  Cold sores are caused" || fail "the snippet is not indented under it"
	[ "$(max_width)" -le 50 ] || fail "a line is wider than 50 columns"
	screen | grep -q "$(printf '\t')" && fail "tabs on a terminal"
	return 0
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

# Without libstemmer at run time search still finds the words typed, and
# --check says why other forms of them are not found.
test_search_without_libstemmer() {
	SKINGUIDE_LIBSTEMMER=libnot-there.so "$BIN" --content content --search "scars" \
		>"$E2E_TMP/out" 2>"$E2E_TMP/err" || fail "no result without libstemmer"
	[ -s "$E2E_TMP/err" ] && fail "stderr: $(cat "$E2E_TMP/err")"
	SKINGUIDE_LIBSTEMMER=libnot-there.so "$BIN" --check content >"$E2E_TMP/out" 2>&1 ||
		fail "--check failed without libstemmer"
	grep -q "synonyms.md:[0-9]*: warning: libstemmer cannot be loaded" "$E2E_TMP/out" ||
		fail "--check does not say libstemmer is missing"
	E2E_ENV="SKINGUIDE_LIBSTEMMER=libnot-there.so" start 80 24 --content content
	wait_for "Topic 1 of"
	keys s
	wait_for "Search:"
	tm send-keys -t t -l "scars"
	wait_for "acne scars"
	keys Escape
	wait_for "Topic 1 of"
	quit_clean
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

test_search_as_you_type_open_and_back() {
	start 80 24 --content content
	wait_for "Topic 1 of"
	keys s
	wait_for "Type a word"
	keys -l "sunscren"
	wait_for "Showing results for"
	wait_for "Aftercare: The first 24 hours"
	keys Enter
	wait_for "Found 1 of"
	wait_for "The first 24 hours"
	# The found word is marked (reversed) on the screen.
	screen_styled | grep -q "$(printf '\033')\\[[0-9;]*7[;m]sunscreen" || fail "no mark"
	keys n
	wait_for "Found 2 of"
	keys N
	wait_for "Found 1 of"
	keys BSpace
	wait_for "Search: sunscren"
	wait_for "Aftercare: The first 24 hours"
	keys Escape # q would be typed into the search
	wait_for "Topic 1 of"
	quit_clean
}

test_search_resize_and_nothing_found() {
	start 80 24 --content content
	wait_for "Topic 1 of"
	keys /
	wait_for "Type a word"
	keys -l "cold sore"
	wait_for "Less common risks"
	keys Down
	wait_for "Open Enter"
	first=$(cursor)
	keys Down
	end=$(($(date +%s) + TIMEOUT))
	while [ "$(cursor)" = "$first" ] && [ "$(date +%s)" -le "$end" ]; do sleep 0.05; done
	before=$(cursor)
	resize 40 12
	wait_for "Search: cold"
	resize 80 24
	# Until the guide has drawn at the new width (the words fit one row).
	wait_for "Search: cold sore"
	end=$(($(date +%s) + TIMEOUT))
	while [ "$(max_width)" -le 40 ] && [ "$(date +%s)" -le "$end" ]; do sleep 0.05; done
	wait_for "results, best first."
	[ "$(cursor)" = "$before" ] || fail "the chosen result moved: $(cursor), not $before"
	keys Escape
	wait_for "Topic 1 of"
	keys s
	wait_for "Search: cold sore"
	keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
	wait_for "Type a word"
	keys -l "qqqzzz"
	wait_for "Nothing matches these words"
	wait_for "All topics"
	# q is typed, not quit, while words are typed.
	keys q
	wait_for "Search: qqqzzzq"
	keys Escape
	quit_clean
}

test_a_paste_goes_into_the_search_only() {
	start 80 24 --content content
	wait_for "Topic 1 of"
	# A bracketed paste on the topic list is dropped, never keys...
	tm set-buffer "3q"
	tm paste-buffer -p -t t
	keys s
	wait_for "Type a word"
	# ...and in the search it is the words.
	tm set-buffer "cold sore"
	tm paste-buffer -p -t t
	wait_for "Search: cold sore"
	wait_for "Less common risks"
	keys Escape
	wait_for "Topic 1 of"
	quit_clean
}

test_find_in_a_topic() {
	open_first_topic
	keys /
	wait_for "Find in this topic:"
	keys -l "padding"
	wait_for "Find in this topic: padding"
	keys Enter
	wait_for "Found 1 of 11"
	keys n
	wait_for "Found 2 of 11"
	quit_clean
}

for t in ${E2E_ONLY:-$(grep -o "^test_[a-z0-9_]*" "$0")}; do
	run_test "$t"
done
echo "e2e: $passed passed, $failed failed"
[ "$failed" = 0 ]
