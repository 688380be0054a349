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

static void test_help_names_the_words(void **state)
{
	(void)state;
	char *out = session("h\n");
	const char *s = last_screen(out);
	assert_has(s, "Help: keys and taps");
	assert_has(s, "b, back");
	assert_has(s, "a number");
	assert_has(s, "q, quit");
	assert_lacks(s, "Backspace"); /* the full screen's keys */
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
	char *out = session("1\n1\nstart over\nb\n");
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
	assert_has(out, "MARKER-LATER");
	free(out);
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
	};
	return cmocka_run_group_tests_name("plain", tests, NULL, NULL);
}
