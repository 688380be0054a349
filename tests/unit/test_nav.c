/* Unit tests for the navigator: a patient's visit driven by actions, with
 * no terminal.  The fixture guide (tests/fixtures/guide) has three topics;
 * the first links to the second, to its own later section, to a web page
 * and to a section of the third. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "skinguide/nav.h"
#include "skinguide/outline.h"
#include "tmpdir.h"

#define FIXTURE "tests/fixtures/guide"

struct visit_fixture {
	struct guide *guide;
	struct nav *nav;
	char *dir; /* a generated guide, removed at the end */
};

static void names(enum nav_action a, struct buf *out, void *ctx)
{
	(void)ctx;
	if (a == NAV_BACK)
		buf_puts(out, "b");
	else if (a == NAV_QUIT)
		buf_puts(out, "q");
	else if (a == NAV_HELP)
		buf_puts(out, "?");
}

static struct nav *visit(struct visit_fixture *f, const char *dir, size_t rows,
			 size_t width, bool kiosk)
{
	struct sg_error err;
	f->guide = guide_open(dir, &err);
	assert_non_null(f->guide);
	struct nav_config cfg = {.kiosk = kiosk, .key_names = names};
	f->nav = nav_new(f->guide, &cfg);
	nav_resize(f->nav, rows, width);
	return f->nav;
}

static void done(struct visit_fixture *f)
{
	nav_free(f->nav);
	guide_free(f->guide);
	if (f->dir) {
		tmpdir_remove(f->dir);
		free(f->dir);
	}
}

/* A guide of `count` short topics, "Topic 1" to "Topic N". */
static struct nav *many_topics(struct visit_fixture *f, size_t count, size_t rows,
			       size_t width)
{
	f->dir = tmpdir_make("nav");
	for (size_t i = 1; i <= count; i++) {
		char name[32], text[96];
		snprintf(name, sizeof name, "%03zu-t%zu.md", i, i);
		int len = snprintf(text, sizeof text, "# Topic %zu\n\nSummary %zu.\n", i, i);
		assert_true(tmpdir_write(f->dir, name, text, (size_t)len));
	}
	const char *index = "# Many topics\n\nA welcome line.\n\nA second welcome line.\n";
	assert_true(tmpdir_write(f->dir, "index.md", index, strlen(index)));
	struct guide *keep = NULL;
	(void)keep;
	return visit(f, f->dir, rows, width, false);
}

static void act(struct nav *n, enum nav_action a)
{
	assert_int_equal(nav_act(n, a), NAV_DONE);
}

static void digit(struct nav *n, long d)
{
	struct nav_input in = {.action = NAV_DIGIT, .arg = d};
	nav_do(n, &in);
}

static void tap(struct nav *n, size_t row, size_t col)
{
	struct nav_input in = {.action = NAV_TAP, .row = row, .col = col};
	nav_do(n, &in);
}

/* The text of view row y, as a front end would draw it. */
static void row_string(const struct nav *n, size_t y, char *out, size_t size)
{
	struct nav_row r;
	nav_row(n, y, &r);
	if (r.kind == NAV_ROW_LINE)
		snprintf(out, size, "%.*s", r.line ? (int)r.line->len : 0,
			 r.line ? r.line->text : "");
	else
		snprintf(out, size, "%s%.*s", r.kind == NAV_ROW_ITEM ? r.label : "", (int)r.len,
			 r.text);
}

/* The view row showing `needle`, or -1. */
static long find_row(const struct nav *n, size_t rows, const char *needle)
{
	char text[256];
	for (size_t y = 0; y < rows; y++) {
		row_string(n, y, text, sizeof text);
		if (strstr(text, needle))
			return (long)y;
	}
	return -1;
}

static const char *link_target(const struct nav *n)
{
	long k = nav_reader_link(n);
	return k >= 0 ? layout_link(nav_reader_layout(n), (size_t)k)->target : "";
}

/* Tab until the chosen link leads to `target`. */
static void choose(struct nav *n, const char *target)
{
	for (int i = 0; i < 20; i++) {
		act(n, NAV_NEXT_LINK);
		if (strcmp(link_target(n), target) == 0)
			return;
	}
	fail_msg("no link to %s", target);
}

/* ---- opening, reading, following --------------------------------------- */

static void test_starts_home_with_the_title(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = visit(&f, FIXTURE, 23, 76, false);
	assert_int_equal(nav_screen(n), NAV_SCREEN_HOME);
	assert_int_equal(find_row(n, 23, "Test Guide"), 0);
	assert_true(find_row(n, 23, "Welcome to the test guide") > 0);
	assert_true(find_row(n, 23, "1. First topic") > 0);
	struct nav_status st;
	nav_status(n, &st);
	assert_string_equal(st.where, "Topic 1 of 3");
	assert_string_equal(st.brief, "1 of 3"); /* for a narrow bottom line */
	done(&f);
}

static void test_open_topic_and_back(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = visit(&f, FIXTURE, 23, 76, false);
	act(n, NAV_DOWN);
	act(n, NAV_OPEN);
	assert_int_equal(nav_screen(n), NAV_SCREEN_ARTICLE);
	assert_int_equal(nav_article(n), 1);
	assert_true(find_row(n, 23, "MARKER-SECOND") >= 0);
	act(n, NAV_BACK);
	assert_int_equal(nav_screen(n), NAV_SCREEN_HOME);
	assert_int_equal(nav_home_selected(n), 1);
	done(&f);
}

static void test_read_on_pages_then_offers_the_next_topic(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = visit(&f, FIXTURE, 23, 76, false);
	act(n, NAV_OPEN);
	size_t last = 0;
	int presses = 0;
	/* Enter again and again reads the whole topic, never taking a link
	 * that happens to be on the screen, then opens the next topic. */
	while (nav_article(n) == 0 && presses++ < 40) {
		act(n, NAV_OPEN);
		if (nav_article(n) == 0) {
			assert_true(nav_reader_top(n) >= last);
			last = nav_reader_top(n);
			assert_int_equal(nav_reader_link(n), -1);
		}
	}
	assert_int_equal(nav_article(n), 1);
	assert_true(find_row(n, 23, "MARKER-SECOND") >= 0);
	/* Back returns to the end of the first topic. */
	act(n, NAV_BACK);
	assert_int_equal(nav_article(n), 0);
	assert_true(find_row(n, 23, "MARKER-END") >= 0);
	done(&f);
}

static void test_end_of_last_topic_offers_the_topic_list(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = visit(&f, FIXTURE, 23, 76, false);
	digit(n, 3);
	assert_int_equal(nav_article(n), 2);
	assert_true(find_row(n, 23, "All topics") >= 0);
	assert_int_equal(find_row(n, 23, "Read next"), -1);
	act(n, NAV_READ_ON);
	act(n, NAV_OPEN);
	assert_int_equal(nav_screen(n), NAV_SCREEN_HOME);
	assert_int_equal(nav_home_selected(n), 2);
	act(n, NAV_BACK); /* the list was a step too */
	assert_int_equal(nav_article(n), 2);
	done(&f);
}

static void test_space_and_right_never_follow_a_link(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = visit(&f, FIXTURE, 23, 76, false);
	act(n, NAV_OPEN);
	choose(n, "second.md");
	act(n, NAV_READ_ON);
	assert_int_equal(nav_article(n), 0);
	act(n, NAV_FORWARD);
	assert_int_equal(nav_article(n), 0);
	done(&f);
}

static void test_follow_link_and_back_to_the_same_place(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = visit(&f, FIXTURE, 23, 76, false);
	act(n, NAV_OPEN);
	act(n, NAV_LINE_DOWN);
	choose(n, "second.md");
	size_t top = nav_reader_top(n);
	long link = nav_reader_link(n);
	assert_string_equal(nav_message(n), "");
	assert_true(find_row(n, 23, "Link to: Second topic") >= 0);
	act(n, NAV_OPEN);
	assert_int_equal(nav_article(n), 1);
	act(n, NAV_BACK);
	assert_int_equal(nav_article(n), 0);
	assert_int_equal(nav_reader_top(n), top);
	assert_int_equal(nav_reader_link(n), link);
	done(&f);
}

static void test_link_to_a_heading_and_to_another_topics_section(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = visit(&f, FIXTURE, 23, 76, false);
	act(n, NAV_OPEN);
	choose(n, "#later-section");
	assert_true(find_row(n, 23, "Link to the section \"Later section\"") >= 0);
	act(n, NAV_OPEN);
	assert_int_equal(find_row(n, 23, "Later section"), 0);
	act(n, NAV_BACK);
	assert_int_equal(nav_reader_top(n), 0);
	choose(n, "03-third.md#part-two");
	assert_true(find_row(n, 23, "Link to: Third topic, section \"Part two\"") >= 0);
	act(n, NAV_OPEN);
	assert_int_equal(nav_article(n), 2);
	assert_true(find_row(n, 23, "MARKER-PART-TWO") >= 0);
	done(&f);
}

static void test_web_and_broken_links_say_so(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = visit(&f, FIXTURE, 23, 76, false);
	act(n, NAV_OPEN);
	choose(n, "https://example.org/page");
	act(n, NAV_OPEN);
	assert_int_equal(nav_article(n), 0);
	assert_non_null(strstr(nav_message(n), "does not open web pages"));
	done(&f);

	struct visit_fixture g = {0};
	g.dir = tmpdir_make("nav");
	const char *md = "# Broken\n\nSummary.\n\nSee [nothing](nowhere.md) and [here](#nowhere).\n";
	assert_true(tmpdir_write(g.dir, "01-broken.md", md, strlen(md)));
	n = visit(&g, g.dir, 23, 76, false);
	act(n, NAV_OPEN);
	choose(n, "nowhere.md");
	assert_true(find_row(n, 23, "Broken link: nowhere.md") >= 0);
	act(n, NAV_OPEN);
	assert_non_null(strstr(nav_message(n), "does not work"));
	assert_int_equal(nav_history_depth(n), 1); /* no step was taken */
	choose(n, "#nowhere");
	act(n, NAV_OPEN);
	assert_non_null(strstr(nav_message(n), "no section called '#nowhere'"));
	done(&g);
}

static void test_arrows_choose_links_on_the_screen(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = visit(&f, FIXTURE, 23, 76, false);
	act(n, NAV_OPEN);
	/* Down scrolls until a link shows, then chooses it. */
	int presses = 0;
	while (nav_reader_link(n) < 0 && presses++ < 30)
		act(n, NAV_DOWN);
	assert_string_equal(link_target(n), "second.md");
	act(n, NAV_DOWN);
	assert_string_equal(link_target(n), "#later-section");
	act(n, NAV_UP);
	assert_string_equal(link_target(n), "second.md");
	done(&f);
}

/* ---- headings, topics, help ------------------------------------------------ */

static void test_headings_list_jump_and_back(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = visit(&f, FIXTURE, 23, 76, false);
	act(n, NAV_OPEN);
	act(n, NAV_HEADINGS);
	assert_int_equal(nav_screen(n), NAV_SCREEN_HEADINGS);
	assert_int_equal(find_row(n, 23, "Go to a section"), 0);
	act(n, NAV_DOWN);
	act(n, NAV_DOWN);
	act(n, NAV_DOWN);
	act(n, NAV_OPEN);
	assert_int_equal(nav_screen(n), NAV_SCREEN_ARTICLE);
	assert_int_equal(find_row(n, 23, "Later section"), 0);
	/* The list opens on the section being read. */
	act(n, NAV_HEADINGS);
	size_t row, col;
	nav_cursor(n, &row, &col);
	char text[128];
	row_string(n, row, text, sizeof text);
	assert_string_equal(text, "Later section");
	act(n, NAV_BACK);
	assert_int_equal(find_row(n, 23, "Later section"), 0);
	act(n, NAV_BACK); /* the jump was a step */
	assert_int_equal(nav_reader_top(n), 0);
	done(&f);
}

static void test_topics_from_anywhere_is_one_step(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = visit(&f, FIXTURE, 23, 76, false);
	act(n, NAV_OPEN);
	choose(n, "second.md");
	act(n, NAV_OPEN);
	choose(n, "first.md");
	act(n, NAV_OPEN);
	act(n, NAV_PAGE_DOWN);
	size_t top = nav_reader_top(n);
	act(n, NAV_HELP);
	act(n, NAV_TOPICS);
	assert_int_equal(nav_screen(n), NAV_SCREEN_HOME);
	assert_int_equal(nav_home_selected(n), 0);
	act(n, NAV_BACK);
	assert_int_equal(nav_article(n), 0);
	assert_int_equal(nav_reader_top(n), top);
	done(&f);
}

static void test_help_names_keys_and_closes(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = visit(&f, FIXTURE, 23, 76, false);
	act(n, NAV_HELP);
	assert_int_equal(nav_screen(n), NAV_SCREEN_HELP);
	long back = find_row(n, 23, "go back to where you were");
	assert_true(back > 0);
	char text[128];
	row_string(n, (size_t)back, text, sizeof text);
	assert_int_equal(text[0], 'b');
	assert_true(find_row(n, 23, "leave the guide") > 0);
	/* Actions no key does are not listed. */
	assert_int_equal(find_row(n, 23, "scroll one page"), -1);
	act(n, NAV_BACK);
	assert_int_equal(nav_screen(n), NAV_SCREEN_HOME);
	done(&f);
}

/* ---- the home list ------------------------------------------------------------ */

/* Choosing a link adds "Open" at the left end of the buttons: the rest
 * stay where a finger last found them. */
static void test_buttons_stay_put_when_a_link_is_chosen(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = visit(&f, FIXTURE, 23, 76, false);
	act(n, NAV_OPEN);
	assert_int_equal(nav_screen(n), NAV_SCREEN_ARTICLE);
	struct nav_status before, after;
	nav_status(n, &before);
	act(n, NAV_NEXT_LINK);
	assert_true(nav_reader_link(n) >= 0);
	nav_status(n, &after);
	assert_int_equal(after.nhints, before.nhints + 1);
	assert_int_equal(after.hints[0], NAV_OPEN);
	assert_memory_equal(after.hints + 1, before.hints, before.nhints * sizeof *before.hints);
	done(&f);
}

/* Start over from a button asks once when there is a visit to forget. */
static void test_start_over_asks_before_forgetting(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = visit(&f, FIXTURE, 23, 76, true);
	assert_true(nav_start_over_now(n)); /* nothing to forget yet */
	act(n, NAV_OPEN);
	act(n, NAV_TOPICS);
	assert_false(nav_start_over_now(n));
	assert_non_null(strstr(nav_message(n), "Start over forgets what you read"));
	act(n, NAV_DOWN); /* anything else: it asks again */
	assert_false(nav_start_over_now(n));
	assert_true(nav_start_over_now(n));
	done(&f);
}

/* Back all the way home empties the history, not the visit: a tap where
 * Back was, on Start over, still asks first. */
static void test_start_over_asks_after_back_home(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = visit(&f, FIXTURE, 23, 76, true);
	act(n, NAV_OPEN);
	act(n, NAV_BACK);
	assert_int_equal(nav_screen(n), NAV_SCREEN_HOME);
	assert_int_equal(nav_history_depth(n), 0);
	assert_false(nav_start_over_now(n));
	assert_true(nav_start_over_now(n));
	done(&f);
}

/* For a finger (cfg.suggest): an empty search offers the words of
 * synonyms.md's Suggest line, and choosing one searches for it; without
 * it (plain mode) they are named as examples; with no such line, none. */
static void test_search_suggests_words_to_choose(void **state)
{
	(void)state;
	static const char article[] = "# Care\n\nSummary.\n\n## Cold sores\n\nA cold sore.\n";
	static const char synonyms[] = "# Words\n\nSuggest: cold sore, roller\n\n"
				       "- roller = dermaroller\n";
	struct visit_fixture f = {0};
	f.dir = tmpdir_make("nav");
	assert_true(tmpdir_write(f.dir, "01-care.md", article, sizeof article - 1));
	assert_true(tmpdir_write(f.dir, "synonyms.md", synonyms, sizeof synonyms - 1));
	struct sg_error err;
	f.guide = guide_open(f.dir, &err);
	assert_non_null(f.guide);
	struct nav_config cfg = {.suggest = true, .key_names = names};
	struct nav *n = f.nav = nav_new(f.guide, &cfg);
	nav_resize(n, 23, 76);
	act(n, NAV_SEARCH);
	assert_true(find_row(n, 23, "roller") > 0);
	long y = find_row(n, 23, "cold sore");
	assert_true(y > 0);
	tap(n, (size_t)y, 4);
	assert_int_equal(nav_screen(n), NAV_SCREEN_SEARCH);
	assert_true(find_row(n, 23, "Search: cold sore") >= 0);
	assert_true(find_row(n, 23, "Care: Cold sores") >= 0);
	/* Plain mode names them. */
	nav_free(f.nav);
	cfg.suggest = false;
	n = f.nav = nav_new(f.guide, &cfg);
	nav_resize(n, 23, 76);
	act(n, NAV_SEARCH);
	assert_true(find_row(n, 23, "Type a word, such as cold sore or roller.") >= 0);
	done(&f);
	/* The test guide has no synonyms.md: nothing is offered. */
	struct visit_fixture none = {0};
	struct nav_config touch = {.suggest = true, .key_names = names};
	none.guide = guide_open(FIXTURE, &err);
	assert_non_null(none.guide);
	n = none.nav = nav_new(none.guide, &touch);
	nav_resize(n, 23, 76);
	act(n, NAV_SEARCH);
	assert_true(find_row(n, 23, "Type a word. Results show as you type.") >= 0);
	assert_true(find_row(n, 23, "choose one") < 0);
	done(&none);
}

/* Whether view row 0 is a heading's underline: nothing but rule glyphs. */
static bool top_is_underline(struct nav *n)
{
	char text[256];
	row_string(n, 0, text, sizeof text);
	if (!*text)
		return false;
	for (const char *p = text; *p; p += 3)
		if (strncmp(p, "─", 3) != 0 && strncmp(p, "═", 3) != 0)
			return false;
	return true;
}

/* Whether the view shows the end of the text. */
static bool at_end(struct nav *n)
{
	struct nav_status st;
	nav_status(n, &st);
	return st.position && strcmp(st.position, "End") == 0;
}

/* A page turn never leaves a heading's underline on the top row with
 * the heading just above the screen, at any window height; but the last
 * page shows the last line, wherever it starts. */
static void test_page_turns_keep_headings_whole(void **state)
{
	(void)state;
	struct buf md = BUF_INIT;
	buf_puts(&md, "# A\n\nSummary.\n\n");
	for (int i = 0; i < 24; i++)
		buf_printf(&md, "## Part %d\n\n%.*s\n\n", i, 4 + (i * 7) % 23,
			   "One two three four five six seven eight nine ten eleven twelve");
	struct visit_fixture f = {0};
	f.dir = tmpdir_make("nav");
	assert_true(tmpdir_write(f.dir, "01-a.md", md.data, md.len));
	buf_free(&md);
	struct nav *n = visit(&f, f.dir, 23, 76, false);
	act(n, NAV_OPEN);
	assert_int_equal(nav_screen(n), NAV_SCREEN_ARTICLE);
	for (size_t rows = 4; rows <= 24; rows++) {
		nav_resize(n, rows, 76);
		act(n, NAV_TOP);
		for (int turn = 0; turn < 60; turn++) {
			act(n, NAV_PAGE_DOWN);
			if (top_is_underline(n) && !at_end(n))
				fail_msg("PgDn at %zu rows left an underline on top", rows);
		}
		for (int turn = 0; turn < 60; turn++) {
			act(n, NAV_PAGE_UP);
			if (top_is_underline(n))
				fail_msg("PgUp at %zu rows left an underline on top", rows);
		}
	}
	done(&f);
}

/* Found words get a button, for a finger, as n is for a key. */
static void test_found_words_have_a_next_button(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = visit(&f, FIXTURE, 23, 76, false);
	act(n, NAV_SEARCH);
	nav_set_text(n, "later", 5);
	act(n, NAV_OPEN);
	assert_int_equal(nav_screen(n), NAV_SCREEN_ARTICLE);
	struct nav_status st;
	nav_status(n, &st);
	bool next = false;
	for (size_t i = 0; i < st.nhints; i++)
		next |= st.hints[i] == NAV_NEXT_MATCH;
	assert_true(next);
	assert_string_equal(nav_action_label(NAV_NEXT_MATCH), "Next found");
	done(&f);
}

static void test_typed_numbers(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = many_topics(&f, 10, 23, 76);
	digit(n, 1);
	assert_int_equal(nav_timeout_ms(n) > 0, 1);
	struct nav_status st;
	nav_status(n, &st);
	assert_non_null(strstr(st.where, "Typed 1"));
	digit(n, 2); /* 12 names no topic: said, not topic 2 */
	assert_int_equal(nav_screen(n), NAV_SCREEN_HOME);
	assert_non_null(strstr(nav_message(n), "no topic 12"));
	assert_int_equal(nav_timeout_ms(n), -1);
	digit(n, 0);
	assert_non_null(strstr(nav_message(n), "no topic 0"));
	digit(n, 1);
	digit(n, 0);
	assert_int_equal(nav_article(n), 9);
	act(n, NAV_BACK);
	digit(n, 1);
	act(n, NAV_TIMEOUT);
	assert_int_equal(nav_article(n), 0);
	act(n, NAV_BACK);
	digit(n, 1);
	act(n, NAV_OPEN);
	assert_int_equal(nav_article(n), 0);
	act(n, NAV_BACK);
	digit(n, 1);
	act(n, NAV_BACK); /* ends the number, stays home */
	assert_int_equal(nav_screen(n), NAV_SCREEN_HOME);
	assert_int_equal(nav_timeout_ms(n), -1);
	done(&f);
}

static void test_typed_numbers_of_two_digits(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = many_topics(&f, 120, 23, 76);
	digit(n, 9);
	digit(n, 9);
	assert_int_equal(nav_article(n), 98);
	act(n, NAV_BACK);
	digit(n, 1);
	digit(n, 2);
	assert_int_equal(nav_screen(n), NAV_SCREEN_HOME); /* 120 may follow */
	digit(n, 0);
	assert_int_equal(nav_article(n), 119);
	done(&f);
}

static void test_small_window_keeps_the_title_reachable(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = many_topics(&f, 12, 11, 38);
	assert_int_equal(find_row(n, 11, "Many topics"), 0);
	act(n, NAV_DOWN);
	act(n, NAV_DOWN);
	assert_int_equal(find_row(n, 11, "Many topics"), -1);
	act(n, NAV_TOP);
	assert_int_equal(find_row(n, 11, "Many topics"), 0);
	/* Up past the first topic scrolls back to the title too. */
	act(n, NAV_DOWN);
	act(n, NAV_DOWN);
	for (int i = 0; i < 10; i++)
		act(n, NAV_UP);
	assert_int_equal(find_row(n, 11, "Many topics"), 0);
	done(&f);
}

static void test_page_down_moves_a_page_and_end_marks_above(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = many_topics(&f, 120, 23, 76);
	size_t before = nav_home_top(n);
	act(n, NAV_PAGE_DOWN);
	size_t moved = nav_home_top(n) - before;
	assert_true(moved >= 20); /* a whole page of 23 rows, less the "more" row */
	assert_true(nav_home_selected(n) >= 8);
	assert_true(find_row(n, 23, "above") >= 0);
	act(n, NAV_BOTTOM); /* the last entry: search */
	assert_int_equal(nav_home_selected(n), 120);
	assert_true(find_row(n, 23, "Search the guide") >= 0);
	assert_true(find_row(n, 23, "more topics above") >= 0);
	assert_int_equal(find_row(n, 23, "below"), -1);
	act(n, NAV_PAGE_UP);
	assert_true(nav_home_selected(n) < 119);
	done(&f);
}

static void test_tap_opens_a_topic(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = visit(&f, FIXTURE, 23, 76, false);
	long y = find_row(n, 23, "3. Third topic");
	assert_true(y > 0);
	tap(n, (size_t)y, 5);
	assert_int_equal(nav_article(n), 2);
	/* A tap on a link follows it; low on text reads on. */
	act(n, NAV_BACK);
	act(n, NAV_TOP);
	act(n, NAV_OPEN);
	tap(n, 20, 40);
	assert_true(nav_reader_top(n) > 0);
	done(&f);
}

/* ---- resizes, messages, the visit ---------------------------------------------- */

static void test_resize_keeps_the_paragraph(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = visit(&f, FIXTURE, 23, 76, false);
	act(n, NAV_OPEN);
	act(n, NAV_HEADINGS);
	act(n, NAV_DOWN);
	act(n, NAV_DOWN);
	act(n, NAV_OPEN);
	assert_int_equal(find_row(n, 23, "Middle section"), 0);
	nav_resize(n, 11, 38);
	assert_int_equal(find_row(n, 11, "Middle section"), 0);
	nav_resize(n, 39, 76);
	assert_int_equal(find_row(n, 39, "Middle section"), 0);
	done(&f);
}

static void test_a_long_description_wraps(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	f.dir = tmpdir_make("nav");
	const char *md = "# Long\n\nSummary.\n\nSee [this](https://example.org/a/very/long/"
			 "address/that/goes/on/and/on/past/the/edge/of/a/narrow/window).\n";
	assert_true(tmpdir_write(f.dir, "01-long.md", md, strlen(md)));
	struct nav *n = visit(&f, f.dir, 11, 38, false);
	act(n, NAV_OPEN);
	act(n, NAV_NEXT_LINK);
	struct nav_row r;
	size_t rows = 0;
	char joined[512] = "";
	for (size_t y = 0; y < 11; y++) {
		nav_row(n, y, &r);
		if (r.kind == NAV_ROW_MESSAGE) {
			rows++;
			strncat(joined, r.text, r.len);
		}
	}
	assert_true(rows >= 2);
	assert_non_null(strstr(joined, "narrow/window"));
	done(&f);
}

static void test_start_over_forgets_the_visit(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = visit(&f, FIXTURE, 23, 76, false);
	act(n, NAV_OPEN);
	choose(n, "second.md");
	act(n, NAV_OPEN);
	assert_int_equal(nav_history_depth(n), 2);
	act(n, NAV_START_OVER);
	assert_int_equal(nav_screen(n), NAV_SCREEN_HOME);
	assert_int_equal(nav_history_depth(n), 0);
	assert_int_equal(nav_article(n), -1);
	assert_int_equal(nav_home_selected(n), 0);
	act(n, NAV_BACK);
	assert_int_equal(nav_screen(n), NAV_SCREEN_HOME);
	assert_int_equal(find_row(n, 23, "Test Guide"), 0);
	done(&f);
}

static void test_kiosk_countdown(void **state)
{
	(void)state;
	assert_int_equal(nav_countdown_ms(120), 15000);
	assert_int_equal(nav_countdown_ms(30), 15000);
	assert_int_equal(nav_countdown_ms(20), 10000); /* half a short idle */
	assert_int_equal(nav_countdown_ms(0), 0);
}

static void test_kiosk_idle_timer(void **state)
{
	(void)state;
	struct nav_idle s = nav_idle(120, 0);
	assert_false(s.start_over);
	assert_int_equal(s.seconds, 0);
	assert_int_equal(s.wait_ms, 105000); /* until the countdown begins */
	s = nav_idle(120, 105000);
	assert_int_equal(s.seconds, 15);
	assert_int_equal(s.wait_ms, 1000);
	s = nav_idle(120, 105500);
	assert_int_equal(s.seconds, 15);
	assert_int_equal(s.wait_ms, 500);
	s = nav_idle(120, 119999);
	assert_int_equal(s.seconds, 1);
	assert_int_equal(s.wait_ms, 1);
	s = nav_idle(120, 120000);
	assert_true(s.start_over);
	assert_int_equal(s.seconds, 0);
	assert_true(nav_idle(20, 130000).start_over);
	assert_int_equal(nav_idle(20, 10000).seconds, 10); /* half a short idle */
}

static void test_quit_and_kiosk(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = visit(&f, FIXTURE, 23, 76, false);
	assert_int_equal(nav_act(n, NAV_QUIT), NAV_QUIT_NOW);
	done(&f);
	struct visit_fixture k = {0};
	n = visit(&k, FIXTURE, 23, 76, true);
	assert_int_equal(nav_act(n, NAV_QUIT), NAV_DONE);
	struct nav_status st;
	nav_status(n, &st);
	for (size_t i = 0; i < st.nhints; i++)
		assert_int_not_equal(st.hints[i], NAV_QUIT);
	act(n, NAV_HELP);
	assert_int_equal(find_row(n, 23, "leave the guide"), -1);
	done(&k);
}

/* ---- the quiz (tests/fixtures/quiz/guide: two readiness questions, then
 * one that checks understanding, whose right answer is the second) ------ */

#define QUIZ_GUIDE "tests/fixtures/quiz/guide"

static struct nav *open_quiz(struct visit_fixture *f)
{
	struct nav *n = visit(f, QUIZ_GUIDE, 23, 76, false);
	act(n, NAV_BOTTOM);
	assert_true(find_row(n, 23, "Ready?") >= 0);
	act(n, NAV_OPEN);
	assert_int_equal(nav_screen(n), NAV_SCREEN_QUIZ);
	assert_true(find_row(n, 23, "Nothing is saved") >= 0);
	act(n, NAV_OPEN); /* start */
	assert_int_equal(nav_quiz_question(n), 0);
	return n;
}

static void test_quiz_with_points_to_raise_and_a_miss(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = open_quiz(&f);
	act(n, NAV_OPEN); /* nothing chosen yet: said, not guessed */
	assert_non_null(strstr(nav_message(n), "Choose an answer"));
	assert_int_equal(nav_quiz_question(n), 0);
	digit(n, 2);
	assert_int_equal(nav_quiz_question(n), 1);
	assert_true(find_row(n, 23, "Question 2 of 3") >= 0);
	digit(n, 1);
	digit(n, 1); /* "Never": not right */
	assert_int_equal(nav_quiz_question(n), -1);
	assert_true(find_row(n, 23, "Tell the staff about:") >= 0);
	assert_true(find_row(n, 23, "Is your skin broken") >= 0);
	assert_true(find_row(n, 23, "You chose: Yes") >= 0); /* the staff need it */
	assert_true(find_row(n, 23, "Worth another look") >= 0);
	act(n, NAV_PAGE_DOWN);
	assert_true(find_row(n, 23, "The answer: If it gets worse") >= 0);
	done(&f);
}

/* "Take the quiz again" on the results says once that it wipes the
 * answers, in sight above its words, and does it when chosen again at
 * once; anything done between asks again. */
static void test_quiz_again_asks_first(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = open_quiz(&f);
	digit(n, 1);
	digit(n, 1);
	digit(n, 2);
	assert_int_equal(nav_quiz_question(n), -1);
	nav_resize(n, 11, 38);
	act(n, NAV_BOTTOM);
	long y = find_row(n, 11, "Take the quiz again");
	assert_true(y >= 0);
	tap(n, (size_t)y, 4);
	assert_non_null(strstr(nav_message(n), "wipes these answers"));
	assert_true(find_row(n, 11, "Take the quiz again") >= 0); /* still in sight */
	act(n, NAV_HELP);
	act(n, NAV_BACK);
	y = find_row(n, 11, "Take the quiz again");
	assert_true(y >= 0);
	tap(n, (size_t)y, 4);
	assert_int_equal(nav_quiz_answered(n), 3); /* asked again, not wiped */
	assert_non_null(strstr(nav_message(n), "wipes these answers"));
	y = find_row(n, 11, "Take the quiz again");
	tap(n, (size_t)y, 4);
	assert_int_equal(nav_quiz_answered(n), 0);
	assert_true(find_row(n, 11, "Nothing is saved") >= 0);
	done(&f);
}

/* A chosen answer's button says "Answer", not "Open"; it answers. */
static void test_quiz_answer_button(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = open_quiz(&f);
	struct nav_status st;
	nav_status(n, &st);
	assert_string_equal(st.where, "Question 1 of 3");
	assert_string_equal(st.brief, "1 of 3");
	for (size_t i = 0; i < st.nhints; i++)
		assert_int_not_equal(st.hints[i], NAV_ANSWER); /* nothing chosen yet */
	act(n, NAV_DOWN);
	nav_status(n, &st);
	assert_true(st.nhints > 0);
	assert_int_equal(st.hints[0], NAV_ANSWER);
	assert_string_equal(nav_action_label(st.hints[0]), "Answer");
	act(n, NAV_ANSWER);
	assert_int_equal(nav_quiz_question(n), 1);
	assert_int_equal(nav_quiz_answered(n), 1);
	done(&f);
}

static void test_quiz_with_nothing_to_raise(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = open_quiz(&f);
	digit(n, 1);
	digit(n, 1);
	digit(n, 2);
	assert_true(find_row(n, 23, "Nothing to raise first") >= 0);
	assert_int_equal(find_row(n, 23, "Tell the staff about:"), -1);
	assert_int_equal(find_row(n, 23, "Worth another look"), -1);
	assert_int_equal(find_row(n, 23, "Try the missed"), -1);
	done(&f);
}

static void test_quiz_back_changes_an_answer(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = open_quiz(&f);
	digit(n, 2);
	act(n, NAV_BACK);
	assert_int_equal(nav_quiz_question(n), 0);
	/* The earlier answer is the one chosen on screen. */
	size_t row, col;
	nav_cursor(n, &row, &col);
	char text[128];
	row_string(n, row, text, sizeof text);
	assert_non_null(strstr(text, "Yes"));
	act(n, NAV_UP);
	act(n, NAV_OPEN); /* now "No" */
	digit(n, 1);
	digit(n, 2);
	assert_true(find_row(n, 23, "Nothing to raise first") >= 0);
	done(&f);
}

static void test_quiz_retry_the_missed_ones(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = open_quiz(&f);
	digit(n, 1);
	digit(n, 1);
	digit(n, 3);
	long y = find_row(n, 23, "Try the missed questions again");
	if (y < 0) { /* below the fold: read on to the end */
		act(n, NAV_BOTTOM);
		y = find_row(n, 23, "Try the missed questions again");
	}
	assert_true(y >= 0);
	tap(n, (size_t)y, 4);
	assert_int_equal(nav_quiz_question(n), 2);
	assert_true(find_row(n, 23, "Question 1 of 1") >= 0);
	digit(n, 2);
	assert_int_equal(find_row(n, 23, "Worth another look"), -1);
	done(&f);
}

/* A tap on the blank row above the answers chooses none; a tap on no
 * answer, low in a short window, reads on as in a topic. */
static void test_quiz_taps_off_the_answers(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = open_quiz(&f);
	long y = find_row(n, 23, "No");
	assert_true(y > 0);
	char above[128];
	row_string(n, (size_t)y - 1, above, sizeof above);
	assert_string_equal(above, "");
	tap(n, (size_t)y - 1, 4);
	assert_int_equal(nav_quiz_question(n), 0); /* no answer was taken */
	assert_int_equal(nav_quiz_answered(n), 0);
	/* In a window of 6 rows the answers are below: a low tap shows them. */
	nav_resize(n, 6, 38);
	char first[128], after[128];
	row_string(n, 0, first, sizeof first);
	long blank = -1;
	for (size_t r = 0; r < 6; r++) {
		char t[128];
		row_string(n, r, t, sizeof t);
		if (!*t && r >= 3)
			blank = (long)r;
	}
	assert_true(blank >= 3); /* the blank row low in the window, above "1." */
	tap(n, (size_t)blank, 4);
	row_string(n, 0, after, sizeof after);
	assert_int_equal(nav_quiz_answered(n), 0);
	assert_string_not_equal(first, after); /* it read on */
	done(&f);
}

static void test_quiz_link_from_results_and_back(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = open_quiz(&f);
	digit(n, 2);
	digit(n, 1);
	digit(n, 2);
	act(n, NAV_NEXT_LINK);
	/* The chosen link stays chosen when the window changes. */
	char before[256];
	snprintf(before, sizeof before, "%s", nav_link_label(n) ? nav_link_label(n) : "");
	assert_non_null(strstr(before, "Link to"));
	nav_resize(n, 11, 38);
	assert_non_null(nav_link_label(n));
	assert_string_equal(nav_link_label(n), before);
	nav_resize(n, 23, 76);
	act(n, NAV_OPEN);
	assert_int_equal(nav_screen(n), NAV_SCREEN_ARTICLE);
	act(n, NAV_BACK);
	assert_int_equal(nav_screen(n), NAV_SCREEN_QUIZ);
	assert_true(find_row(n, 23, "Tell the staff about:") >= 0);
	assert_int_equal(nav_quiz_answered(n), 3);
	/* Back where the link was chosen, as from a topic: Tab goes on
	 * from there, not from the top. */
	assert_non_null(nav_link_label(n));
	assert_string_equal(nav_link_label(n), before);
	done(&f);
}

static void test_leaving_the_quiz_wipes_it(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = open_quiz(&f);
	digit(n, 2);
	digit(n, 2);
	assert_int_equal(nav_quiz_answered(n), 2);
	/* The first Topics says what leaving does, and stays; after
	 * another answer it asks again. */
	act(n, NAV_TOPICS);
	assert_int_equal(nav_screen(n), NAV_SCREEN_QUIZ);
	assert_non_null(strstr(nav_message(n), "Leaving the quiz wipes your answers"));
	act(n, NAV_BACK); /* to the second question again */
	act(n, NAV_TOPICS);
	assert_int_equal(nav_screen(n), NAV_SCREEN_QUIZ);
	/* Asked on the last question, then an answer shows the results:
	 * there is a new answer to lose, so it asks again. */
	digit(n, 1);
	act(n, NAV_TOPICS);
	assert_int_equal(nav_screen(n), NAV_SCREEN_QUIZ);
	digit(n, 1);
	assert_int_equal(nav_quiz_question(n), -1);
	act(n, NAV_TOPICS);
	assert_int_equal(nav_screen(n), NAV_SCREEN_QUIZ);
	act(n, NAV_TOPICS);
	assert_int_equal(nav_screen(n), NAV_SCREEN_HOME);
	assert_int_equal(nav_quiz_answered(n), 0);
	assert_non_null(strstr(nav_message(n), "your answers were wiped")); /* said */
	assert_int_equal(nav_history_depth(n), 0); /* Back would lead here again */
	/* No step back leads into the quiz again. */
	for (int i = 0; i < 5; i++) {
		act(n, NAV_BACK);
		assert_int_not_equal(nav_screen(n), NAV_SCREEN_QUIZ);
	}
	/* A new quiz starts blank. */
	act(n, NAV_QUIZ);
	act(n, NAV_OPEN);
	assert_int_equal(nav_quiz_question(n), 0);
	assert_int_equal(nav_quiz_answered(n), 0);
	act(n, NAV_START_OVER);
	assert_int_equal(nav_screen(n), NAV_SCREEN_HOME);
	assert_int_equal(nav_quiz_answered(n), 0);
	done(&f);
}

static void test_quiz_resize_keeps_the_question_and_choice(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = open_quiz(&f);
	digit(n, 1);
	act(n, NAV_DOWN);
	act(n, NAV_DOWN);
	nav_resize(n, 11, 38);
	assert_int_equal(nav_quiz_question(n), 1);
	size_t row, col;
	nav_cursor(n, &row, &col);
	char text[128];
	row_string(n, row, text, sizeof text);
	assert_non_null(strstr(text, "Yes"));
	nav_resize(n, 30, 76);
	nav_cursor(n, &row, &col);
	row_string(n, row, text, sizeof text);
	assert_non_null(strstr(text, "Yes"));
	done(&f);
}

/* A guide of one article, 01-a.md, and quiz.md, in a new folder. */
static struct nav *visit_quiz_files(struct visit_fixture *f, const char *article,
				    const char *quiz)
{
	f->dir = tmpdir_make("nav");
	assert_true(tmpdir_write(f->dir, "01-a.md", article, strlen(article)));
	assert_true(tmpdir_write(f->dir, "quiz.md", quiz, strlen(quiz)));
	return visit(f, f->dir, 23, 76, false);
}

/* Feedback may give the link's words as advice before the link itself
 * ("More in [...]" at its end): the link is put back on the last of them. */
static void test_quiz_result_link_on_its_own_words(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	const char *a = "# A\n\nSummary.\n\n## Rest first\n\nRest.\n";
	const char *quiz = "# Quiz\n\nShort.\n\n## Ready?\n\n- [ ] No\n"
			   "  > Rest first. Then read on. More in [Rest first](a.md#rest-first).\n"
			   "- [x] Yes\n  > Good. More in [A](a.md).\n\n# Results\n\nDone.\n";
	struct nav *n = visit_quiz_files(&f, a, quiz);
	act(n, NAV_QUIZ);
	assert_int_equal(nav_screen(n), NAV_SCREEN_QUIZ);
	act(n, NAV_OPEN); /* start */
	digit(n, 1);      /* "No": worth another look, with its feedback */
	assert_int_equal(nav_quiz_question(n), -1);
	act(n, NAV_NEXT_LINK);
	size_t row, col;
	nav_cursor(n, &row, &col);
	char text[256];
	row_string(n, row, text, sizeof text);
	const char *link = strstr(text, "More in Rest first");
	assert_non_null(link);
	/* The link's span starts on the words after "More in ". */
	struct nav_row r;
	nav_row(n, row, &r);
	assert_int_equal(r.kind, NAV_ROW_LINE);
	long at = -1;
	for (size_t i = 0; i < r.line->nspans; i++)
		if (r.line->spans[i].link >= 0)
			at = (long)r.line->spans[i].start;
	assert_int_equal(at, (long)(link - text) + (long)strlen("More in "));
	act(n, NAV_OPEN);
	assert_int_equal(nav_screen(n), NAV_SCREEN_ARTICLE);
	done(&f);
}

/* Links are checked when the quiz is first opened, not at start-up: one
 * that leads nowhere keeps the quiz closed, said in patients' words. */
static void test_quiz_with_a_broken_link_stays_closed(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	const char *a = "# A\n\nSummary.\n";
	const char *quiz = "# Quiz\n\nShort.\n\n## Ready?\n\n- [ ] No\n"
			   "- [x] Yes\n  > Good. See [this](nowhere.md).\n\n# Results\n\nDone.\n";
	struct nav *n = visit_quiz_files(&f, a, quiz);
	assert_int_equal(guide_parse_count(f.guide), 0); /* nothing parsed yet */
	act(n, NAV_QUIZ);
	assert_int_equal(nav_screen(n), NAV_SCREEN_HOME);
	assert_non_null(strstr(nav_message(n), "quiz cannot be shown"));
	done(&f);
}

static void test_guide_without_quiz_offers_none(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = visit(&f, FIXTURE, 23, 76, false);
	act(n, NAV_QUIZ);
	assert_int_equal(nav_screen(n), NAV_SCREEN_HOME);
	assert_non_null(strstr(nav_message(n), "no quiz"));
	done(&f);
}

static void test_home_tab_chooses_welcome_links(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	f.dir = tmpdir_make("nav");
	const char *index = "# Home\n\n> Worried? Read [warning signs](02-b.md#call).\n";
	const char *a = "# A\n\nSummary.\n", *b = "# B\n\nSummary.\n\n## Call\n\nText.\n";
	assert_true(tmpdir_write(f.dir, "index.md", index, strlen(index)));
	assert_true(tmpdir_write(f.dir, "01-a.md", a, strlen(a)));
	assert_true(tmpdir_write(f.dir, "02-b.md", b, strlen(b)));
	struct nav *n = visit(&f, f.dir, 23, 76, false);
	act(n, NAV_NEXT_LINK);
	assert_true(find_row(n, 23, "Link to: B, section \"Call\"") >= 0);
	/* Arrows reach it too: Down back to topic 1, Up from it to the link. */
	act(n, NAV_DOWN);
	assert_null(nav_link_label(n));
	assert_int_equal(nav_home_selected(n), 0);
	act(n, NAV_UP);
	assert_non_null(nav_link_label(n));
	act(n, NAV_OPEN);
	assert_int_equal(nav_article(n), 1);
	assert_true(find_row(n, 23, "Call") > 0);
	done(&f);
}

/* ---- search and find ------------------------------------------------------- */

static void type_text(struct nav *n, const char *s)
{
	for (; *s; s++) {
		struct nav_input in = {.action = NAV_TYPE, .arg = (unsigned char)*s};
		nav_do(n, &in);
	}
}

static void test_search_as_you_type_and_open_at_the_section(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = visit(&f, FIXTURE, 23, 76, false);
	act(n, NAV_SEARCH);
	assert_int_equal(nav_screen(n), NAV_SCREEN_SEARCH);
	assert_true(nav_wants_text(n));
	assert_true(find_row(n, 23, "Type a word") >= 0);
	type_text(n, "lat");
	assert_true(find_row(n, 23, "Search: lat") >= 0);
	assert_true(find_row(n, 23, "First topic: Later section") >= 0);
	act(n, NAV_DOWN);
	act(n, NAV_OPEN);
	assert_int_equal(nav_article(n), 0);
	assert_false(nav_wants_text(n));
	/* The first match in sight; one above the section came first. */
	assert_non_null(strstr(nav_message(n), "Found 2 of 7"));
	/* The found words are marked on their line. */
	long y = find_row(n, 23, "MARKER-LATER");
	assert_true(y >= 0);
	struct nav_row r;
	nav_row(n, (size_t)y, &r);
	assert_true(r.nmarks >= 1);
	act(n, NAV_NEXT_MATCH);
	assert_non_null(strstr(nav_message(n), "Found 3 of"));
	act(n, NAV_PREV_MATCH);
	act(n, NAV_PREV_MATCH);
	assert_non_null(strstr(nav_message(n), "Found 1 of"));
	act(n, NAV_PREV_MATCH); /* round to the last */
	assert_non_null(strstr(nav_message(n), "Found 7 of"));
	/* Back returns to the results, with the same words. */
	act(n, NAV_BACK);
	assert_int_equal(nav_screen(n), NAV_SCREEN_SEARCH);
	assert_true(find_row(n, 23, "Search: lat") >= 0);
	done(&f);
}

static void test_search_with_nothing_found_and_erasing(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = visit(&f, FIXTURE, 23, 76, false);
	act(n, NAV_SEARCH);
	type_text(n, "qqqzzz");
	assert_true(find_row(n, 23, "Nothing matches") >= 0);
	assert_true(find_row(n, 23, "All topics") >= 0);
	for (int i = 0; i < 6; i++)
		act(n, NAV_ERASE);
	assert_true(find_row(n, 23, "Type a word") >= 0);
	act(n, NAV_ERASE); /* nothing left: it stays, for a held Backspace */
	assert_int_equal(nav_screen(n), NAV_SCREEN_SEARCH);
	act(n, NAV_BACK);
	assert_int_equal(nav_screen(n), NAV_SCREEN_HOME);
	done(&f);
}

static void test_search_takes_hostile_text(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = visit(&f, FIXTURE, 23, 76, false);
	act(n, NAV_SEARCH);
	const long odd[] = {0x1b, 0x07, 0x9b, 0x202e, '"', '*', '^', ':', 0x110000, -5, 'x'};
	for (size_t i = 0; i < sizeof odd / sizeof *odd; i++) {
		struct nav_input in = {.action = NAV_TYPE, .arg = odd[i]};
		nav_do(n, &in);
	}
	for (int i = 0; i < 10000; i++) {
		struct nav_input in = {.action = NAV_TYPE, .arg = 'a' + i % 26};
		nav_do(n, &in);
	}
	char text[512];
	for (size_t y = 0; y < 23; y++) {
		row_string(n, y, text, sizeof text);
		for (const char *p = text; *p; p++)
			assert_false((unsigned char)*p < 0x20);
	}
	done(&f);
}

static void test_search_resize_keeps_the_words_and_choice(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = visit(&f, FIXTURE, 23, 76, false);
	act(n, NAV_SEARCH);
	type_text(n, "topic");
	act(n, NAV_DOWN);
	act(n, NAV_DOWN);
	size_t row, col;
	nav_cursor(n, &row, &col);
	char before[256], after[256];
	row_string(n, row, before, sizeof before);
	nav_resize(n, 11, 38);
	nav_resize(n, 23, 76);
	nav_cursor(n, &row, &col);
	row_string(n, row, after, sizeof after);
	assert_string_equal(before, after);
	assert_true(find_row(n, 23, "Search: topic") >= 0);
	done(&f);
}

/* A search made earlier leaves every later resize alone. */
static void test_resize_after_a_search_stays_put(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = visit(&f, FIXTURE, 23, 76, false);
	act(n, NAV_SEARCH);
	type_text(n, "topic");
	act(n, NAV_BACK);
	digit(n, 1);
	act(n, NAV_PAGE_DOWN);
	size_t top = nav_reader_top(n);
	nav_resize(n, 30, 70);
	nav_resize(n, 23, 76);
	assert_int_equal(nav_screen(n), NAV_SCREEN_ARTICLE);
	assert_int_equal(nav_reader_top(n), top);
	done(&f);
}

static void test_find_in_a_topic(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = visit(&f, FIXTURE, 23, 76, false);
	act(n, NAV_OPEN);
	act(n, NAV_FIND);
	assert_int_equal(nav_screen(n), NAV_SCREEN_FIND);
	assert_true(nav_wants_text(n));
	type_text(n, "padding");
	assert_true(find_row(n, 23, "Find in this topic: padding") >= 0);
	act(n, NAV_OPEN);
	assert_int_equal(nav_screen(n), NAV_SCREEN_ARTICLE);
	assert_non_null(strstr(nav_message(n), "of 11"));
	assert_true(find_row(n, 23, "Padding paragraph") >= 0);
	act(n, NAV_FIND);
	type_text(n, "x");
	act(n, NAV_BACK); /* gives up: nothing stays marked */
	act(n, NAV_NEXT_MATCH);
	assert_non_null(strstr(nav_message(n), "Press / to find"));
	done(&f);
}

/* Tab (the navigator's; it replaced layout's) wraps round, skips a link
 * with no words, and with nothing chosen starts from the screen. */
static void test_tab_skips_empty_links_and_wraps(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	f.dir = tmpdir_make("nav");
	struct buf md = BUF_INIT;
	buf_puts(&md, "# Links\n\nSummary.\n\n[a](a.md)\n\n[](empty.md)\n\n");
	for (int i = 0; i < 30; i++)
		buf_puts(&md, "Filler paragraph.\n\n");
	buf_puts(&md, "[b](b.md)\n\n");
	for (int i = 0; i < 30; i++)
		buf_puts(&md, "Filler paragraph.\n\n");
	buf_puts(&md, "[c](c.md)\n");
	assert_true(tmpdir_write(f.dir, "01-links.md", md.data, md.len));
	buf_free(&md);
	struct nav *n = visit(&f, f.dir, 11, 38, false);
	act(n, NAV_OPEN);
	act(n, NAV_NEXT_LINK);
	assert_string_equal(link_target(n), "a.md");
	act(n, NAV_NEXT_LINK); /* the link with no words is skipped */
	assert_string_equal(link_target(n), "b.md");
	act(n, NAV_NEXT_LINK);
	assert_string_equal(link_target(n), "c.md");
	act(n, NAV_NEXT_LINK); /* past the links: "All topics" at the end */
	assert_int_equal(nav_reader_link(n), -1);
	act(n, NAV_NEXT_LINK); /* round to the first */
	assert_string_equal(link_target(n), "a.md");
	act(n, NAV_PREV_LINK); /* and back round to the last choice */
	assert_int_equal(nav_reader_link(n), -1);
	/* Nothing chosen, the screen in the middle: Tab takes the first link
	 * at or below its top, Shift-Tab the last above its bottom. */
	act(n, NAV_TOP);
	for (int i = 0; i < 40; i++)
		act(n, NAV_LINE_DOWN);
	act(n, NAV_NEXT_LINK);
	assert_string_equal(link_target(n), "b.md");
	for (int i = 0; i < 10; i++)
		act(n, NAV_LINE_DOWN); /* b scrolls away and is let go */
	assert_int_equal(nav_reader_link(n), -1);
	act(n, NAV_PREV_LINK);
	assert_string_equal(link_target(n), "b.md");
	done(&f);
}

/* Past a topic's last link, Tab goes on to the choices at its end. */
static void test_tab_reaches_the_end_choices(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = visit(&f, FIXTURE, 23, 76, false);
	digit(n, 2);
	act(n, NAV_NEXT_LINK);
	assert_string_equal(link_target(n), "first.md");
	act(n, NAV_NEXT_LINK);
	assert_int_equal(nav_reader_link(n), -1);
	done(&f);
}

/* ---- what plain mode reads instead of a highlight ---------------------------- */

/* The answer given to a question, when Back returns to it. */
static void test_quiz_chosen_is_the_answer_given(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = open_quiz(&f);
	assert_int_equal(nav_quiz_chosen(n), -1); /* not answered yet */
	digit(n, 2);
	assert_int_equal(nav_quiz_chosen(n), -1); /* the next question */
	act(n, NAV_BACK);
	assert_int_equal(nav_quiz_question(n), 0);
	assert_int_equal(nav_quiz_chosen(n), 1); /* "Yes", the second */
	act(n, NAV_TOPICS); /* leaving, said and then done, wipes it */
	act(n, NAV_TOPICS);
	assert_int_equal(nav_quiz_chosen(n), -1);
	done(&f);
}

/* The places where searched words are, in order, one of them current. */
static void test_found_places_follow_the_steps(void **state)
{
	(void)state;
	struct visit_fixture f = {0};
	struct nav *n = visit(&f, FIXTURE, 23, 76, false);
	size_t line;
	struct nav_mark m;
	assert_false(nav_found_place(n, 0, &line, &m)); /* no topic yet */
	act(n, NAV_SEARCH);
	type_text(n, "lat");
	act(n, NAV_DOWN);
	act(n, NAV_OPEN); /* "Found 2 of 7" */
	size_t count = 0, current = 99, prev_line = 0;
	while (nav_found_place(n, count, &line, &m)) {
		const struct layout_line *ln = layout_line(nav_reader_layout(n), line);
		assert_true(line >= prev_line);
		assert_true(m.start < m.end && m.end <= ln->len);
		/* "lat", "Later" or, in a heading drawn in capitals, "LATER" */
		assert_non_null(strchr("Ll", ln->text[m.start]));
		assert_non_null(strchr("Aa", ln->text[m.start + 1]));
		assert_non_null(strchr("Tt", ln->text[m.start + 2]));
		if (m.current)
			current = count;
		prev_line = line;
		count++;
	}
	assert_int_equal(count, 7);
	assert_int_equal(current, 1);
	act(n, NAV_NEXT_MATCH);
	assert_true(nav_found_place(n, 2, &line, &m));
	assert_true(m.current);
	assert_true(nav_found_place(n, 1, &line, &m));
	assert_false(m.current);
	done(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_starts_home_with_the_title),
		cmocka_unit_test(test_open_topic_and_back),
		cmocka_unit_test(test_read_on_pages_then_offers_the_next_topic),
		cmocka_unit_test(test_end_of_last_topic_offers_the_topic_list),
		cmocka_unit_test(test_space_and_right_never_follow_a_link),
		cmocka_unit_test(test_follow_link_and_back_to_the_same_place),
		cmocka_unit_test(test_link_to_a_heading_and_to_another_topics_section),
		cmocka_unit_test(test_web_and_broken_links_say_so),
		cmocka_unit_test(test_arrows_choose_links_on_the_screen),
		cmocka_unit_test(test_headings_list_jump_and_back),
		cmocka_unit_test(test_topics_from_anywhere_is_one_step),
		cmocka_unit_test(test_help_names_keys_and_closes),
		cmocka_unit_test(test_buttons_stay_put_when_a_link_is_chosen),
		cmocka_unit_test(test_start_over_asks_before_forgetting),
		cmocka_unit_test(test_start_over_asks_after_back_home),
		cmocka_unit_test(test_search_suggests_words_to_choose),
		cmocka_unit_test(test_page_turns_keep_headings_whole),
		cmocka_unit_test(test_found_words_have_a_next_button),
		cmocka_unit_test(test_typed_numbers),
		cmocka_unit_test(test_typed_numbers_of_two_digits),
		cmocka_unit_test(test_small_window_keeps_the_title_reachable),
		cmocka_unit_test(test_page_down_moves_a_page_and_end_marks_above),
		cmocka_unit_test(test_tap_opens_a_topic),
		cmocka_unit_test(test_resize_keeps_the_paragraph),
		cmocka_unit_test(test_a_long_description_wraps),
		cmocka_unit_test(test_start_over_forgets_the_visit),
		cmocka_unit_test(test_quit_and_kiosk),
		cmocka_unit_test(test_kiosk_countdown),
		cmocka_unit_test(test_kiosk_idle_timer),
		cmocka_unit_test(test_quiz_with_points_to_raise_and_a_miss),
		cmocka_unit_test(test_quiz_answer_button),
		cmocka_unit_test(test_quiz_again_asks_first),
		cmocka_unit_test(test_quiz_with_nothing_to_raise),
		cmocka_unit_test(test_quiz_back_changes_an_answer),
		cmocka_unit_test(test_quiz_retry_the_missed_ones),
		cmocka_unit_test(test_quiz_taps_off_the_answers),
		cmocka_unit_test(test_quiz_link_from_results_and_back),
		cmocka_unit_test(test_leaving_the_quiz_wipes_it),
		cmocka_unit_test(test_quiz_resize_keeps_the_question_and_choice),
		cmocka_unit_test(test_quiz_result_link_on_its_own_words),
		cmocka_unit_test(test_guide_without_quiz_offers_none),
		cmocka_unit_test(test_quiz_with_a_broken_link_stays_closed),
		cmocka_unit_test(test_home_tab_chooses_welcome_links),
		cmocka_unit_test(test_search_as_you_type_and_open_at_the_section),
		cmocka_unit_test(test_search_with_nothing_found_and_erasing),
		cmocka_unit_test(test_search_takes_hostile_text),
		cmocka_unit_test(test_search_resize_keeps_the_words_and_choice),
		cmocka_unit_test(test_find_in_a_topic),
		cmocka_unit_test(test_resize_after_a_search_stays_put),
		cmocka_unit_test(test_tab_skips_empty_links_and_wraps),
		cmocka_unit_test(test_tab_reaches_the_end_choices),
		cmocka_unit_test(test_quiz_chosen_is_the_answer_given),
		cmocka_unit_test(test_found_places_follow_the_steps),
	};
	return cmocka_run_group_tests_name("nav", tests, NULL, NULL);
}
