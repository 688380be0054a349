/* Unit tests for the plain front end: sessions typed into a memory
 * stream, output read back from one.  The fixture guide has three topics;
 * the first links to the second, to its own later section, to a web page
 * and to a section of the third.  Also the lenient opening it relies on:
 * broken articles left out, with the reasons kept. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "skinguide/plain.h"
#include "skinguide/text.h"
#include "tmpdir.h"

#define FIXTURE "tests/fixtures/guide"
#define HOSTILE "tests/fixtures/hostile"
/* Two readiness questions, then one that checks understanding (its right
 * answer is the second); answers 2, 1, 1 give results with two links. */
#define QUIZ "tests/fixtures/quiz/guide"

/* Everything a session typed as `input` on the guide in `dir` wrote;
 * caller frees. */
static char *session_in(struct guide *g, const char *input, const struct plain_opts *opts)
{
	FILE *in = fmemopen((void *)input, strlen(input), "r");
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);
	assert_non_null(in);
	assert_non_null(out);
	assert_int_equal(plain_run(g, in, out, opts), 0);
	fclose(in);
	fclose(out);
	return text;
}

static char *session_opts(const char *dir, const char *input, const struct plain_opts *opts)
{
	struct sg_error err;
	struct guide *g = guide_open_readable(dir, &err);
	if (!g)
		fail_msg("%s", err.msg);
	char *text = session_in(g, input, opts);
	guide_free(g);
	return text;
}

static char *session(const char *input)
{
	struct plain_opts opts = {.width = 80};
	return session_opts(FIXTURE, input, &opts);
}

/* The output after the last prompt but one: the screen the last command
 * showed (prompts end with ':' and a newline, as input is no terminal). */
static const char *last_screen(const char *text)
{
	const char *last = NULL, *before = NULL;
	for (const char *p = strstr(text, "\nType "); p; p = strstr(p + 1, "\nType ")) {
		before = last;
		last = p;
	}
	assert_non_null(before);
	return strchr(before + 1, '\n');
}

/* The screen the n-th line typed showed (0: the first screen), without
 * the prompts around it; caller frees. */
static char *screen_after(const char *text, size_t n)
{
	const char *from = text;
	for (size_t i = 0; i < n; i++) {
		const char *prompt = strstr(from, "\nType ");
		assert_non_null(prompt);
		const char *end = strstr(prompt, ":\n");
		assert_non_null(end);
		from = end + 2;
	}
	const char *next = strstr(from, "\nType ");
	assert_non_null(next);
	char *screen = malloc((size_t)(next - from) + 1);
	assert_non_null(screen);
	memcpy(screen, from, (size_t)(next - from));
	screen[next - from] = '\0';
	return screen;
}

static size_t count(const char *text, const char *what)
{
	size_t n = 0;
	for (const char *p = strstr(text, what); p; p = strstr(p + 1, what))
		n++;
	return n;
}

static void assert_has(const char *text, const char *what)
{
	if (!strstr(text, what))
		fail_msg("missing \"%s\" in:\n%s", what, text);
}

static void assert_lacks(const char *text, const char *what)
{
	if (strstr(text, what))
		fail_msg("unexpected \"%s\" in:\n%s", what, text);
}

/* No byte of the output may steer a terminal: no C0 control but newline,
 * no DEL, no C1 control (as UTF-8), no escape. */
static void assert_no_controls(const char *text)
{
	for (size_t i = 0; text[i]; i++) {
		unsigned char c = (unsigned char)text[i];
		if ((c < 0x20 && c != '\n') || c == 0x7f)
			fail_msg("control byte 0x%02x at %zu", c, i);
		if (c == 0xc2 && (unsigned char)text[i + 1] >= 0x80 &&
		    (unsigned char)text[i + 1] < 0xa0)
			fail_msg("C1 control at %zu", i);
	}
}

/* Box-drawing characters are U+2500 to U+257F: E2 94 xx and E2 95 xx. */
static void assert_no_boxes(const char *text)
{
	assert_null(strstr(text, "\xe2\x94"));
	assert_null(strstr(text, "\xe2\x95"));
}

/* ---- screens ------------------------------------------------------------ */

static void test_home_lists_numbered_topics_and_prompts(void **state)
{
	(void)state;
	char *out = session("");
	assert_has(out, "Heading: Test Guide");
	assert_has(out, "1. First topic\n   The first topic, used by the end-to-end tests.");
	assert_has(out, "3. Third topic");
	assert_has(out, "Type a topic number, s for search, h for help, q to quit:\n");
	assert_lacks(out, "b to go back"); /* nothing to go back to yet */
	assert_no_controls(out);
	assert_no_boxes(out);
	free(out);
}

static void test_article_marks_headings_and_numbers_links(void **state)
{
	(void)state;
	char *out = session("1\n");
	const char *s = last_screen(out);
	assert_has(s, "Heading: First topic\n\nThe first topic");
	assert_has(s, "Heading: Opening section");
	assert_has(s, "[1]second topic");
	assert_has(s, "[2]later section");
	assert_has(s, "[3]example site");
	assert_has(s, "Box: Note: this is a call-out box");
	assert_has(s, "Links:\n[1] Second topic\n[2] The section \"Later section\" of this topic\n"
		   "[3] Web address: https://example.org/page");
	assert_has(s, "[4] Third topic, section \"Part two\"");
	assert_has(out, "Type a link number, s for search, n for the next topic (Second topic), b to\ngo back");
	assert_no_controls(out);
	assert_no_boxes(out);
	free(out);
}

static void test_follow_a_link_and_back(void **state)
{
	(void)state;
	char *out = session("1\n1\nb\n");
	assert_has(out, "MARKER-SECOND");
	/* Back returns to the section the link was in, and says where. */
	const char *s = last_screen(out);
	assert_has(s, "Topic: First topic\n\nHeading: Opening section");
	assert_lacks(s, "MARKER-SECOND");
	free(out);
}

static void test_a_link_to_a_section_prints_from_there(void **state)
{
	(void)state;
	char *out = session("1\n2\n");
	const char *s = last_screen(out);
	assert_has(s, "Topic: First topic\n\nHeading: Later section\n\nMARKER-LATER");
	assert_lacks(s, "Opening section");
	/* The numbers stay those of the whole topic. */
	assert_has(s, "[4]third topic");
	assert_has(s, "Links:\n[4] Third topic");
	free(out);
}

static void test_sections_list_jumps_to_a_section(void **state)
{
	(void)state;
	char *out = session("1\nc\n4\n");
	assert_has(out, "Go to a section\n\n1. First topic\n2.   Opening section");
	assert_has(out, "4.   Later section");
	assert_has(out, "Type a section number, b to go back");
	const char *s = last_screen(out);
	assert_has(s, "Heading: Later section");
	assert_lacks(s, "Middle section");
	free(out);
}

static void test_next_topic_and_the_topic_list(void **state)
{
	(void)state;
	char *out = session("1\nn\nt\n");
	assert_has(out, "MARKER-SECOND");
	assert_has(last_screen(out), "2. Second topic");
	free(out);
	out = session("3\n"); /* the last topic has no next one */
	assert_has(out, "Heading: Third topic");
	assert_lacks(out, "for the next topic");
	free(out);
}

/* Help says what can be typed in plain mode, and only that: no keys,
 * no taps, nothing that does nothing here. */
static void test_help_names_the_words(void **state)
{
	(void)state;
	char *out = session("h\n");
	const char *s = last_screen(out);
	assert_has(s, "Help: what to type");
	assert_has(s, "A number: choose what has that number");
	assert_has(s, "A topic's title: open that topic");
	assert_has(s, "s, search or /: search the whole guide");
	assert_has(s, "s WORDS, search WORDS, /WORDS");
	assert_has(s, "m, match or next match:");
	assert_has(s, "b or back: go back");
	assert_has(s, "top: print the topic from its top.");
	assert_has(s, "q or quit: leave the guide.");
	assert_has(s, "An empty line: print the screen again");
	assert_lacks(s, "keys and taps");
	assert_lacks(s, "tap");
	assert_lacks(s, "scroll");
	assert_lacks(s, "go to the top or the end");
	assert_lacks(s, "Backspace"); /* the full screen's keys */
	assert_lacks(s, "quiz"); /* this guide has none */
	free(out);
	struct plain_opts kiosk = {.width = 80, .kiosk = true};
	out = session_opts(QUIZ, "h\n", &kiosk);
	s = last_screen(out);
	assert_has(s, "quiz: take the readiness quiz");
	assert_lacks(s, "quit");
	free(out);
}

/* ---- quitting, the kiosk, starting over ---------------------------------- */

static void test_q_ends_but_not_in_a_kiosk(void **state)
{
	(void)state;
	char *out = session("q\n1\n");
	assert_lacks(out, "Heading: First topic");
	free(out);
	struct plain_opts kiosk = {.width = 80, .kiosk = true};
	out = session_opts(FIXTURE, "q\nquit\n1\nh\n", &kiosk);
	assert_has(out, "Heading: First topic");
	assert_lacks(out, "to quit");
	assert_lacks(out, "leave the guide");
	assert_has(out, "r to start over");
	free(out);
}

static void test_start_over_forgets_the_visit(void **state)
{
	(void)state;
	/* With a visit to forget, it asks once, as the full screen does. */
	char *out = session("1\n1\nstart over\nstart over\nb\n");
	assert_has(out, "Start over forgets what you read and answered here.");
	const char *s = last_screen(out);
	assert_has(s, "This is the list of topics. Choose one to read.");
	assert_lacks(s, "MARKER");
	free(out);
}

/* ---- what is typed --------------------------------------------------------- */

static void test_wrong_numbers_and_words_are_said_safely(void **state)
{
	(void)state;
	char *out = session("9\nxyz\033[2J\x9b\n0\n");
	assert_has(out, "There is no number 9 here. Type a number from 1 to 4.");
	assert_has(out, "Sorry, \"xyz[2j");
	assert_has(out, "There is no number 0 here.");
	assert_no_controls(out);
	/* A screen that did not change is not printed again. */
	assert_int_equal(count(out, "1. First topic"), 1);
	free(out);
}

static void test_words_in_any_case_and_an_empty_line(void **state)
{
	(void)state;
	char *out = session("  1 \nBACK\n\n");
	assert_has(out, "Heading: Opening section");
	/* The empty line shows home again: twice after the first time. */
	assert_int_equal(count(out, "1. First topic"), 3);
	free(out);
}

/* ---- text ---------------------------------------------------------------------- */

static void test_hostile_content_prints_no_control_bytes(void **state)
{
	(void)state;
	struct plain_opts opts = {.width = 40};
	char *out = session_opts(HOSTILE, "1\nc\nh\n", &opts);
	assert_has(out, "Heading:");
	assert_no_controls(out);
	free(out);
}

static void test_ascii_locale_gets_ascii(void **state)
{
	(void)state;
	struct plain_opts opts = {.width = 60, .ascii = true};
	char *out = session_opts(FIXTURE, "3\n1\n", &opts);
	for (size_t i = 0; out[i]; i++)
		assert_true((unsigned char)out[i] < 0x80);
	assert_has(out, "Cafe");
	free(out);
}

static void test_lines_fit_the_width(void **state)
{
	(void)state;
	struct plain_opts opts = {.width = 50};
	char *out = session_opts(FIXTURE, "1\nc\nh\n", &opts);
	assert_has(out, "3. Third topic\n   The third topic, with wide characters:");
	for (const char *line = out; *line;) {
		size_t len = strcspn(line, "\n");
		if (text_width(line, len) > 50)
			fail_msg("too wide: %.*s", (int)len, line);
		line += len + (line[len] == '\n');
	}
	free(out);
}

/* From 100 topics the index is built in the background: a line waits
 * for it rather than answering "nothing matches" while it is built. */
static void test_search_waits_for_a_background_index(void **state)
{
	(void)state;
	char *dir = tmpdir_make("plain");
	struct buf name = BUF_INIT, text = BUF_INIT;
	for (int i = 1; i <= 150; i++) {
		buf_clear(&name);
		buf_clear(&text);
		buf_printf(&name, "%03d-topic-%d.md", i, i);
		buf_printf(&text, "# Topic %d\n\nA summary.\n\n## Part\n\nWords %s.\n", i,
			   i == 150 ? "about redness" : "about nothing");
		assert_true(tmpdir_write(dir, name.data, text.data, text.len));
	}
	buf_free(&name);
	buf_free(&text);
	struct plain_opts opts = {.width = 80};
	char *out = session_opts(dir, "s redness\ns\nredness\n", &opts);
	tmpdir_remove(dir);
	free(dir);
	assert_has(out, "1 result");
	assert_has(out, "Topic 150");
	assert_null(strstr(out, "Nothing matches"));
	free(out);
}

/* Found words in a box: its lines are joined again without the padding
 * that met its right edge. */
static void test_found_words_in_a_box_leave_no_gap(void **state)
{
	(void)state;
	char *dir = tmpdir_make("plain");
	const char *a = "# A\n\nSum.\n\n## Part\n\n> Call your clinic if you feel unwell "
			"or feverish today, or if anything at all worries you.\n";
	assert_true(tmpdir_write(dir, "01-a.md", a, strlen(a)));
	struct plain_opts opts = {.width = 40};
	char *out = session_opts(dir, "s feverish\n1\n", &opts);
	tmpdir_remove(dir);
	free(dir);
	assert_non_null(strstr(out, "[found: feverish]"));
	/* Every line of the box, less its indent, has single spaces only. */
	const char *box = strstr(out, "Box: "), *end = box ? strstr(box, "\n\n") : NULL;
	assert_non_null(end);
	for (const char *line = box; line < end; line = strchr(line, '\n') + 1) {
		line += strspn(line, " ");
		const char *eol = strchr(line, '\n');
		const char *gap = strstr(line, "  ");
		assert_true(!gap || gap > eol);
	}
	free(out);
}

/* Every line typed gets an answer, in plain mode's own words: its word
 * for the sections, and a line that changed nothing says so. */
static void test_every_line_gets_an_answer(void **state)
{
	(void)state;
	char *out = session("c\ntop\n");
	assert_has(out, "Open a topic first, then c lists its sections.");
	assert_has(out, "Nothing changed here. Type h for help.");
	free(out);
	struct plain_opts opts = {.width = 80};
	out = session_opts("content", "quiz\n1\n1\nt\nt\n", &opts);
	assert_has(out, "Leaving the quiz wipes your answers. Choose Topics again to leave,");
	assert_has(out, "You left the quiz, and your answers were wiped.");
	free(out);
}

/* A topic printed from a section shows no numbers for the links above
 * it, and takes none. */
static void test_only_numbers_shown_are_choices(void **state)
{
	(void)state;
	char *out = session("1\nc\n5\n1\n");
	assert_has(out, "[5] Read next: Second topic");
	assert_has(out, "There is no number 1 here. Type a number from 5 to 6.");
	assert_lacks(out, "MARKER-SECOND");
	free(out);
}

/* The welcome is read once a visit: later lists of topics leave it out,
 * and an empty line reads it again. */
static void test_welcome_read_once(void **state)
{
	(void)state;
	char *out = session("1\nt\n\n");
	assert_int_equal(count(out, "Welcome to the test guide."), 2);
	assert_int_equal(count(out, "Topics (an empty line reads the welcome again):"), 1);
	assert_int_equal(count(out, "1. First topic"), 3);
	free(out);
}

/* ---- a guide with broken articles -------------------------------------------- */

static char *broken_guide(void)
{
	char *dir = tmpdir_make("plain");
	static const struct { const char *name, *text; } files[] = {
		{"01-good.md", "# Good topic\n\nA summary.\n"},
		{"02-untitled.md", "Just a paragraph, no title.\n"},
		{"03-good.md", "# Same id\n\nA later file with the id of the first.\n"},
		{"04-fine.md", "# Fine topic\n\nAnother summary.\n"},
	};
	for (size_t i = 0; i < sizeof files / sizeof *files; i++)
		assert_true(tmpdir_write(dir, files[i].name, files[i].text, strlen(files[i].text)));
	return dir;
}

static void test_broken_articles_are_left_out(void **state)
{
	(void)state;
	char *dir = broken_guide();
	struct sg_error err;
	assert_null(guide_open(dir, &err)); /* the strict way fails */
	struct guide *g = guide_open_readable(dir, &err);
	assert_non_null(g);
	assert_int_equal(guide_count(g), 2);
	assert_string_equal(guide_article(g, 0)->title, "Good topic");
	assert_string_equal(guide_article(g, 1)->title, "Fine topic");
	assert_int_equal(guide_find(g, "fine"), 1);
	assert_int_equal(guide_find(g, "untitled"), -1);
	assert_int_equal(guide_left_out_count(g), 2);
	const char *dup = strstr(guide_left_out(g, 0), "03-good.md:1: error: the id 'good'")
		? guide_left_out(g, 0) : guide_left_out(g, 1);
	assert_non_null(strstr(dup, "03-good.md:1: error: the id 'good' is also used by"));
	const char *untitled = dup == guide_left_out(g, 0) ? guide_left_out(g, 1)
		: guide_left_out(g, 0);
	assert_non_null(strstr(untitled, "02-untitled.md:1: error: no title"));
	assert_null(guide_left_out(g, 2));
	guide_add_notice(g, "2 topics were left out. Run skinguide --check to see why.");
	struct plain_opts opts = {.width = 80};
	char *out = session_in(g, "2\n", &opts);
	assert_has(out, "Box: 2 topics were left out. Run skinguide --check to see why.");
	assert_has(out, "2. Fine topic");
	assert_has(last_screen(out), "Heading: Fine topic");
	free(out);
	guide_free(g);
	tmpdir_remove(dir);
	free(dir);
}

static void test_nothing_readable_is_an_error(void **state)
{
	(void)state;
	char *dir = tmpdir_make("plain");
	const char *text = "No title here.\n";
	assert_true(tmpdir_write(dir, "01-only.md", text, strlen(text)));
	struct sg_error err;
	assert_null(guide_open_readable(dir, &err));
	assert_non_null(strstr(err.msg, "01-only.md:1: error: no title"));
	tmpdir_remove(dir);
	free(dir);
}

static void test_search_through_a_pipe(void **state)
{
	(void)state;
	char *out = session("s\nlater\n1\nq\n");
	assert_has(out, "Type the words to search for");
	assert_has(out, "1. First topic: Later section");
	assert_has(out, "the anchor link lands here");
	free(out);
}

/* ---- every choice by number: the end of a topic, the quiz, the welcome ---- */

static void test_the_end_of_a_topic_by_number(void **state)
{
	(void)state;
	char *out = session("1\n");
	assert_has(last_screen(out), "[4] Third topic, section \"Part two\"\n"
		   "[5] Read next: Second topic\n[6] All topics\n");
	free(out);
	out = session("1\n5\n");
	assert_has(last_screen(out), "MARKER-SECOND");
	free(out);
	out = session("1\n6\nb\n");
	char *topics = screen_after(out, 2);
	assert_has(topics, "1. First topic");
	assert_lacks(topics, "Links:");
	free(topics);
	assert_has(last_screen(out), "MARKER-END"); /* back at the end of the topic */
	free(out);
	/* The last topic has no next one; a topic with no links still has
	 * its way to the list. */
	out = session("3\n1\n");
	char *third = screen_after(out, 1);
	assert_has(third, "Links:\n[1] All topics\n");
	assert_lacks(third, "Read next");
	free(third);
	assert_has(out, "Type a number, s for search, b to go back");
	assert_has(last_screen(out), "1. First topic");
	free(out);
}

static void test_quiz_results_number_their_links(void **state)
{
	(void)state;
	struct plain_opts opts = {.width = 80};
	char *out = session_opts(QUIZ, "quiz\n1\n2\n1\n1\n2\nb\n1\nb\n", &opts);
	char *results = screen_after(out, 5);
	assert_has(results, "Tell the staff. Read [1]the first day.");
	assert_has(results, "Call today. See [2]call today.");
	assert_has(results, "Links:\n[1] Care, section \"The first day\"\n"
		   "[2] Signs, section \"Call today\"\n\n"
		   "3. Try the missed questions again\n4. Take the quiz again\n"
		   "5. Leave the quiz\n");
	/* A link opens its topic at the section it names: the second of two
	 * sections with the same title here. */
	char *signs = screen_after(out, 6);
	assert_has(signs, "Topic: Signs\n\nHeading: Call today\n\nThis heading has the same text");
	assert_lacks(signs, "Call if it gets worse");
	/* Back is the results, as they were. */
	char *again = screen_after(out, 7);
	assert_string_equal(again, results);
	char *care = screen_after(out, 8);
	assert_has(care, "Topic: Care\n\nHeading: The first day");
	assert_lacks(care, "How to care for your skin");
	assert_has(last_screen(out), "See [2]call today.");
	free(results);
	free(signs);
	free(again);
	free(care);
	free(out);
}

static void test_quiz_retry_and_leave_by_number(void **state)
{
	(void)state;
	struct plain_opts opts = {.width = 80};
	char *out = session_opts(QUIZ, "4\n1\n2\n1\n1\n3\n2\n3\n3\n", &opts);
	char *retry = screen_after(out, 6);
	assert_has(retry, "Question 1 of 1");
	assert_has(retry, "When should you call?");
	free(retry);
	/* All right now: nothing missed, the link of the point raised kept. */
	char *results = screen_after(out, 7);
	assert_lacks(results, "Worth another look");
	assert_has(results, "Read [1]the first day.");
	assert_has(results, "[1] Care, section \"The first day\"\n\n2. Take the quiz again\n"
		   "3. Leave the quiz");
	free(results);
	/* Leaving wipes the answers: the first 3 says so, the second leaves. */
	char *asked = screen_after(out, 8);
	assert_has(asked, "Leaving the quiz wipes your answers.");
	assert_lacks(asked, "Ready?");
	free(asked);
	assert_has(last_screen(out), "4. Ready?");
	free(out);
}

/* A guide in `dir`: two topics, a welcome with a link, and a quiz of
 * `questions` readiness questions whose advice is long and links to the
 * first topic's second section. */
static void write_guide(const char *dir, size_t questions)
{
	static const char *const files[][2] = {
		{"01-first.md", "# First\n\nThe first.\n\n## Part one\n\nOne.\n\n"
				"## Part two\n\nMARKER-TWO\n"},
		{"02-second.md", "# Second\n\nThe second.\n"},
		{"index.md", "# Welcome\n\nHello. See [part two](first.md#part-two) first.\n"},
	};
	for (size_t i = 0; i < sizeof files / sizeof *files; i++)
		assert_true(tmpdir_write(dir, files[i][0], files[i][1], strlen(files[i][1])));
	struct buf quiz = BUF_INIT;
	buf_puts(&quiz, "# Ready?\n\nA quiz.\n\n");
	for (size_t i = 0; i < questions; i++)
		buf_printf(&quiz, "## Q %zu?\n\n- [ ] No\n- [!] Yes\n  > Tell the staff. "
			   "This advice is long so that the results take many rows at a "
			   "narrow width, many more than a screen. "
			   "Read [part two](first.md#part-two).\n\n", i + 1);
	assert_true(tmpdir_write(dir, "quiz.md", quiz.data, quiz.len));
	buf_free(&quiz);
}

static void test_welcome_links_are_numbered_after_the_topics(void **state)
{
	(void)state;
	char *dir = tmpdir_make("plain");
	write_guide(dir, 1);
	struct plain_opts opts = {.width = 80};
	char *out = session_opts(dir, "5\nb\n", &opts);
	char *home = screen_after(out, 0);
	/* Listed after the topics, in the order of the numbers. */
	assert_has(home, "Hello. See [5]part two first.\n\n1. First\n");
	assert_has(home, "4. Ready?\n   A few questions on what to talk about with your clinic.\n\n"
		   "Links:\n[5] First, section \"Part two\"\n");
	assert_has(out, "Type a topic or link number, quiz, s for search");
	char *first = screen_after(out, 1);
	assert_has(first, "Topic: First\n\nHeading: Part two\n\nMARKER-TWO");
	free(first);
	assert_has(last_screen(out), "1. First\n");
	free(home);
	free(out);
	tmpdir_remove(dir);
	free(dir);
}

/* Results far longer than the first view plain mode prints lists from
 * are printed whole, numbered to the end. */
static void test_long_quiz_results_are_printed_whole(void **state)
{
	(void)state;
	char *dir = tmpdir_make("plain");
	enum { QUESTIONS = 20 };
	write_guide(dir, QUESTIONS);
	struct buf in = BUF_INIT;
	buf_puts(&in, "quiz\n1\n");
	for (size_t i = 0; i < QUESTIONS; i++)
		buf_puts(&in, "2\n");
	buf_puts(&in, "20\n");
	struct plain_opts opts = {.width = 20};
	char *out = session_opts(dir, in.data, &opts);
	char *results = screen_after(out, QUESTIONS + 2);
	assert_has(results, "Heading: Your\nresults\n");
	assert_has(results, "• Q 1?\n");
	assert_has(results, "• Q 20?\n");
	assert_has(results, "Read [1]part\n");
	assert_has(results, "Read [20]part\n");
	assert_has(results, "[20] First,");
	assert_has(results, "21. Take the quiz");
	assert_has(results, "22. Leave the quiz");
	assert_true(count(results, "\n") > 400);
	assert_has(last_screen(out), "MARKER-TWO");
	free(results);
	free(out);
	buf_free(&in);
	tmpdir_remove(dir);
	free(dir);
}

/* ---- what the full screen shows by highlight, said in words ----------------- */

/* A result opens where the words are, marked; m and p print the topic
 * from the next and the previous place, and nothing names n and N, which
 * read the next topic here. */
static void test_found_words_are_marked_and_stepped_through(void **state)
{
	(void)state;
	char *out = session("s\nlater\n1\n");
	const char *s = last_screen(out);
	assert_lacks(out, "n goes to the next");
	assert_has(s, "Topic: First topic\n\nHeading: [found: Later] section\n\n"
		   "MARKER-[found: LATER]: the anchor link lands here.");
	assert_has(s, "Found 2 of 7, in the section \"Later section\". The words are "
		   "marked [found:\nlike this]. Type m for the next place, p for the one before."
		   "\n\nTopic: First topic"); /* where first, then the text */
	assert_lacks(s, "Opening section");
	/* A paragraph the marks make longer is wrapped again, not ragged. */
	assert_has(s, "More text after the [found: later] section. More text after the "
		   "[found:\nlater] section. More text");
	assert_has(out, "m for\nthe next place found, p for the place before");
	assert_no_controls(out);
	free(out);
	/* p: the place before, in the section above, printed from its
	 * paragraph: the place is the first thing read. */
	out = session("s\nlater\n1\np\n");
	s = last_screen(out);
	assert_has(s, "Topic: First topic\n\nYou can read the [1]second topic next, or "
		   "jump to the [2][found: later]\nsection of this one");
	assert_lacks(s, "Heading: Opening section");
	/* Where first, then the text: a listener need not hear it all to
	 * learn which place this is. */
	assert_has(s, "Found 1 of 7, in the section \"Opening section\".\n\nTopic: First topic");
	free(out);
	/* m, twice: from the paragraph of each place in turn. */
	out = session("s\nlater\n1\nm\nm\n");
	s = last_screen(out);
	assert_has(s, "Topic: First topic\n\nMore text after the [found: later] section.");
	assert_has(s, "Found 4 of 7");
	assert_int_equal(count(out, "Heading: Last section"), 3);
	free(out);
	/* Nothing found, nothing to step through. */
	out = session("1\nm\n");
	assert_has(out, "No words are marked here. Type s to search the guide.");
	assert_lacks(out, "for the next place found");
	free(out);
}

/* Back to a question says which answer was given, in words. */
static void test_quiz_back_says_the_answer_given(void **state)
{
	(void)state;
	struct plain_opts opts = {.width = 80};
	char *out = session_opts(QUIZ, "quiz\n1\n2\nb\n", &opts);
	char *intro = screen_after(out, 1);
	assert_has(intro, "1. Start the quiz\n2. Leave the quiz\n");
	assert_lacks(intro, "→");
	assert_lacks(intro, "←");
	free(intro);
	char *first = screen_after(out, 2);
	assert_has(first, "Question 1 of 3: Is your skin broken where you want treatment?\n\n"
		   "1. No\n2. Yes\n3. I am not sure\n");
	assert_lacks(first, "Heading:");
	assert_lacks(first, "your answer");
	free(first);
	char *back = screen_after(out, 4);
	assert_has(back, "Question 1 of 3: Is your skin broken");
	assert_has(back, "1. No\n2. Yes (your answer)\n3. I am not sure\n");
	assert_int_equal(count(back, "your answer"), 1);
	free(back);
	free(out);
}

/* Words typed whole: a search at once, a topic by its title or id. */
static void test_search_words_and_topic_names(void **state)
{
	(void)state;
	static const char *const searches[] = {"s later\n", "search later\n", "/later\n",
					       "  / Later \n", "1\nSEARCH later\n"};
	for (size_t i = 0; i < sizeof searches / sizeof *searches; i++) {
		char *out = session(searches[i]);
		const char *s = last_screen(out);
		assert_has(s, "Search: ");
		assert_has(s, "1. First topic: Later section");
		assert_lacks(out, "not a choice");
		free(out);
	}
	/* On the search screen, "s WORDS" searches for WORDS. */
	char *out = session("s\ns later\n");
	assert_has(last_screen(out), "Search: later\n");
	free(out);
	/* A title in any case, with or without its last full stop; an id. */
	out = session("third topic\nb\nSECOND\nfirst\n");
	char *third = screen_after(out, 1);
	assert_has(third, "Heading: Third topic");
	free(third);
	assert_has(out, "MARKER-SECOND");
	assert_has(last_screen(out), "Heading: First topic");
	assert_lacks(out, "not a choice");
	free(out);
	out = session("aftercare\n");
	assert_has(out, "Sorry, \"aftercare\" is not a choice here. To search for it, type "
		   "s aftercare.\nType h for help.");
	free(out);
	out = session_opts("content", "quiz\n1\nyes\n", &(struct plain_opts){.width = 80});
	assert_has(out, "Sorry, \"yes\" is not a choice here. Type the number of your "
		   "answer, such as");
	free(out);
}

/* The search screen says what is true line by line. */
static void test_search_screen_says_what_to_do(void **state)
{
	(void)state;
	char *out = session("s\n");
	const char *s = last_screen(out);
	assert_has(s, "Search:\n\nEnter a word or a few words on one line. The results come "
		   "numbered, best\nfirst.\n\n1. All topics");
	assert_lacks(s, "as you type");
	free(out);
	out = session("s\nzzzzqqq\n");
	assert_has(last_screen(out), "Nothing matches these words.");
	free(out);
}

/* Numbers of every width leave the text after them in one column. */
static void test_numbers_align_in_long_lists(void **state)
{
	(void)state;
	char *dir = tmpdir_make("plain");
	struct buf text = BUF_INIT;
	buf_puts(&text, "# Long\n\nMany sections.\n\n");
	for (int i = 1; i <= 11; i++)
		buf_printf(&text, "## Part %d\n\nText %d.\n\n", i, i);
	assert_true(tmpdir_write(dir, "01-long.md", text.data, text.len));
	/* Nine topics and search: ten choices on the home screen. */
	for (int i = 2; i <= 9; i++) {
		char name[32], topic[64];
		snprintf(name, sizeof name, "0%d-t%d.md", i, i);
		int len = snprintf(topic, sizeof topic, "# Topic %d\n\nSummary %d.\n", i, i);
		assert_true(tmpdir_write(dir, name, topic, (size_t)len));
	}
	struct plain_opts opts = {.width = 80};
	char *out = session_opts(dir, "1\nc\n", &opts);
	char *home = screen_after(out, 0);
	assert_has(home, " 1. Long\n    Many sections.\n 2. Topic 2\n");
	assert_has(home, " 9. Topic 9\n    Summary 9.\n10. Search the guide\n    Type a word");
	free(home);
	const char *s = last_screen(out);
	assert_has(s, " 1. Long\n 2.   Part 1\n");
	assert_has(s, " 9.   Part 8\n10.   Part 9\n11.   Part 10\n12.   Part 11\n");
	free(out);
	buf_free(&text);
	tmpdir_remove(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_home_lists_numbered_topics_and_prompts),
		cmocka_unit_test(test_article_marks_headings_and_numbers_links),
		cmocka_unit_test(test_follow_a_link_and_back),
		cmocka_unit_test(test_a_link_to_a_section_prints_from_there),
		cmocka_unit_test(test_sections_list_jumps_to_a_section),
		cmocka_unit_test(test_next_topic_and_the_topic_list),
		cmocka_unit_test(test_help_names_the_words),
		cmocka_unit_test(test_q_ends_but_not_in_a_kiosk),
		cmocka_unit_test(test_start_over_forgets_the_visit),
		cmocka_unit_test(test_wrong_numbers_and_words_are_said_safely),
		cmocka_unit_test(test_words_in_any_case_and_an_empty_line),
		cmocka_unit_test(test_hostile_content_prints_no_control_bytes),
		cmocka_unit_test(test_ascii_locale_gets_ascii),
		cmocka_unit_test(test_lines_fit_the_width),
		cmocka_unit_test(test_broken_articles_are_left_out),
		cmocka_unit_test(test_nothing_readable_is_an_error),
		cmocka_unit_test(test_search_through_a_pipe),
		cmocka_unit_test(test_the_end_of_a_topic_by_number),
		cmocka_unit_test(test_quiz_results_number_their_links),
		cmocka_unit_test(test_quiz_retry_and_leave_by_number),
		cmocka_unit_test(test_welcome_links_are_numbered_after_the_topics),
		cmocka_unit_test(test_long_quiz_results_are_printed_whole),
		cmocka_unit_test(test_found_words_are_marked_and_stepped_through),
		cmocka_unit_test(test_quiz_back_says_the_answer_given),
		cmocka_unit_test(test_search_words_and_topic_names),
		cmocka_unit_test(test_search_screen_says_what_to_do),
		cmocka_unit_test(test_numbers_align_in_long_lists),
		cmocka_unit_test(test_search_waits_for_a_background_index),
		cmocka_unit_test(test_found_words_in_a_box_leave_no_gap),
		cmocka_unit_test(test_every_line_gets_an_answer),
		cmocka_unit_test(test_welcome_read_once),
		cmocka_unit_test(test_only_numbers_shown_are_choices),
	};
	return cmocka_run_group_tests_name("plain", tests, NULL, NULL);
}
