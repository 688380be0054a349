/* Unit tests for src/print.c: the article list as tab-separated lines
 * (for pipes) and as aligned columns that fit a terminal's width. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tmpdir.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "skinguide/buf.h"
#include "skinguide/content.h"
#include "skinguide/print.h"
#include "skinguide/text.h"

/* Ids "first", "second", "third"; the third title and summary hold wide
 * characters (two columns each). */
#define GUIDE "tests/fixtures/guide"

static struct guide *guide;
static char *out;

static int setup(void **state)
{
	(void)state;
	struct sg_error err = {""};
	guide = guide_open(GUIDE, &err);
	if (!guide)
		fail_msg("guide_open: %s", err.msg);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	guide_free(guide);
	guide = NULL;
	free(out);
	out = NULL;
	return 0;
}

static const char *columns(size_t width, bool ascii)
{
	size_t len = 0;
	free(out);
	out = NULL;
	FILE *f = open_memstream(&out, &len);
	assert_non_null(f);
	print_list_columns(f, guide, width, ascii);
	assert_int_equal(fclose(f), 0);
	return out;
}

/* Line `n` (from 0) of `s`, in an owned buffer. */
static const char *line(const char *s, size_t n, struct buf *b)
{
	for (; n > 0 && *s; n--)
		s += strcspn(s, "\n") + 1;
	buf_clear(b);
	buf_append(b, s, strcspn(s, "\n"));
	return buf_str(b);
}

static size_t widest(const char *s)
{
	size_t max = 0;
	while (*s) {
		size_t len = strcspn(s, "\n");
		size_t w = text_width(s, len);
		max = w > max ? w : max;
		s += len + (s[len] == '\n');
	}
	return max;
}

/* Every word of `text` is in `s`, in order: wrapping cut nothing. */
static void assert_words_in_order(const char *s, const char *text)
{
	const char *at = s;
	for (const char *p = text; *p;) {
		size_t len = strcspn(p, " ");
		char *word = xstrndup(p, len);
		const char *found = strstr(at, word);
		if (!found)
			fail_msg("'%s' missing or out of order in:\n%s", word, s);
		at = found + len;
		free(word);
		p += len + (p[len] == ' ');
	}
}

static void test_pipe_format_is_tabs(void **state)
{
	(void)state;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	print_list(f, guide, false);
	assert_int_equal(fclose(f), 0);
	struct buf b = BUF_INIT;
	assert_string_equal(line(out, 0, &b), "first\tFirst topic\tThe first topic, used by "
			    "the end-to-end tests.");
	buf_free(&b);
}

/* Wide enough for everything: one line per article, three aligned
 * columns, no tab. */
static void test_wide_terminal_one_line_each(void **state)
{
	(void)state;
	const char *s = columns(160, false);
	struct buf b = BUF_INIT;
	assert_null(strchr(s, '\t'));
	assert_string_equal(line(s, 0, &b), "first   First topic   The first topic, used by the "
			    "end-to-end tests.");
	assert_string_equal(line(s, 1, &b), "second  Second topic  The second topic, reached "
			    "by a link.");
	/* "Third topic" and its summary start in the same columns. */
	assert_non_null(strstr(line(s, 2, &b), "third   Third topic   The third topic"));
	assert_string_equal(line(s, 3, &b), "");
	buf_free(&b);
}

/* Too narrow for one line: the summary wraps under the title, aligned,
 * every word kept, no line wider than the terminal. */
static void test_narrow_terminal_wraps_under_the_title(void **state)
{
	(void)state;
	const char *s = columns(40, false);
	struct buf b = BUF_INIT;
	assert_string_equal(line(s, 0, &b), "first   First topic");
	assert_string_equal(line(s, 1, &b), "        The first topic, used by the");
	assert_string_equal(line(s, 2, &b), "        end-to-end tests.");
	assert_string_equal(line(s, 3, &b), "second  Second topic");
	assert_true(widest(s) <= 40);
	assert_words_in_order(s, guide_article(guide, 2)->summary);
	buf_free(&b);
}

/* Wide characters are measured as the terminal shows them. */
static void test_wide_characters_fit(void **state)
{
	(void)state;
	for (size_t w = 22; w <= 70; w++) {
		const char *s = columns(w, false);
		if (widest(s) > w)
			fail_msg("wider than %zu:\n%s", w, s);
		assert_words_in_order(s, guide_article(guide, 2)->title);
	}
}

/* Ids too long for a column beside 20 columns of text get lines of their
 * own; the text is indented under them. */
static void test_very_narrow_terminal_puts_ids_alone(void **state)
{
	(void)state;
	const char *s = columns(25, false);
	struct buf b = BUF_INIT;
	assert_string_equal(line(s, 0, &b), "first");
	assert_string_equal(line(s, 1, &b), "  First topic");
	assert_string_equal(line(s, 2, &b), "  The first topic, used");
	assert_true(widest(s) <= 25);
	buf_free(&b);
}

/* An article without a summary leaves no blanks at the end of its line. */
static void test_no_trailing_blanks(void **state)
{
	(void)state;
	guide_free(guide);
	char *dir = tmpdir_make("skinguide-print");
	assert_true(tmpdir_write(dir, "01-list.md", "# List\n", 7));
	struct sg_error err = {""};
	guide = guide_open(dir, &err);
	tmpdir_remove(dir);
	free(dir);
	assert_non_null(guide);
	assert_string_equal(guide_article(guide, 0)->summary, "");
	const char *s = columns(160, false);
	assert_string_equal(s, "list  List\n");
	s = columns(30, false);
	assert_string_equal(s, "list  List\n");
}

static void test_ascii_columns(void **state)
{
	(void)state;
	const char *s = columns(160, true);
	for (const char *p = s; *p; p++)
		assert_true((unsigned char)*p < 0x80);
	struct buf b = BUF_INIT;
	assert_non_null(strstr(line(s, 2, &b), "third   Third topic   The third topic"));
	buf_free(&b);
}

/* The review date is the article's last line in --print, as the reader
 * shows it. */
static void test_print_ends_with_the_review_date(void **state)
{
	(void)state;
	struct sg_error err = {""};
	struct guide *g = guide_open("tests/fixtures/check/clean", &err);
	assert_non_null(g);
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	assert_true(print_article(f, g, 0, 60, false, &err));
	assert_int_equal(fclose(f), 0);
	guide_free(g);
	assert_true(len > 27);
	assert_string_equal(out + len - 27, "\nLast reviewed: 2026-01-15\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_pipe_format_is_tabs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_wide_terminal_one_line_each, setup, teardown),
		cmocka_unit_test_setup_teardown(test_narrow_terminal_wraps_under_the_title, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_wide_characters_fit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_very_narrow_terminal_puts_ids_alone, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_ascii_columns, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_trailing_blanks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_print_ends_with_the_review_date, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
