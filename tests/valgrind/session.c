/* session: a scripted visit to every screen, for valgrind's memcheck
 * (tests/valgrind/run.sh).  The navigator is driven as the curses front
 * end drives it: home, a topic, its links (to another topic, to a section
 * of its own, to the web), the sections list, help, Back, the topics
 * list, reading on into the next topic, taps and the wheel, resizes to
 * small and large windows, start over, quit, and a kiosk that refuses to
 * quit.  After every action every row, the status bar and the cursor are
 * read and their text written to /dev/null, so that memcheck sees each
 * byte a front end would draw.  The printers and the checker run too.
 *
 * Usage: session DIR...  (each a content directory; the first should
 * have links between topics).  Exits 1 when a step fails. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "skinguide/check.h"
#include "skinguide/content.h"
#include "skinguide/man.h"
#include "skinguide/nav.h"
#include "skinguide/print.h"

static FILE *sink;
static size_t rows = 23, width = 76;
static size_t actions_done;
static size_t screens_seen[NAV_SCREEN_COUNT];
static bool *articles_seen; /* of the guide being visited */

static void key_names(enum nav_action a, struct buf *out, void *ctx)
{
	(void)ctx;
	if (a == NAV_BACK)
		buf_puts(out, "Backspace, Esc");
	else if (a == NAV_HELP)
		buf_puts(out, "?");
}

/* Everything a front end would draw, written out. */
static void draw(const struct nav *n)
{
	for (size_t y = 0; y < rows; y++) {
		struct nav_row r;
		nav_row(n, y, &r);
		if (r.kind == NAV_ROW_LINE && r.line) {
			fwrite(r.line->text, 1, r.line->len, sink);
			for (size_t s = 0; s < r.line->nspans; s++)
				fprintf(sink, "%u", r.line->spans[s].style);
		} else if (r.kind != NAV_ROW_BLANK && r.kind != NAV_ROW_LINE) {
			fwrite(r.text, 1, r.len, sink);
			if (r.kind == NAV_ROW_ITEM)
				fputs(r.label, sink);
		}
		fprintf(sink, "%d%d\n", (int)r.kind, (int)r.chosen);
	}
	struct nav_status st;
	nav_status(n, &st);
	fprintf(sink, "%s %s", st.where, st.position ? st.position : "");
	for (size_t i = 0; i < st.nhints; i++)
		fputs(nav_action_label(st.hints[i]), sink);
	size_t row, col;
	nav_cursor(n, &row, &col);
	fprintf(sink, "%zu %zu %d %s\n", row, col, nav_timeout_ms(n), nav_message(n));
	fflush(sink);
	screens_seen[nav_screen(n)]++;
	if (nav_article(n) >= 0)
		articles_seen[nav_article(n)] = true;
}

static void act_in(struct nav *n, const struct nav_input *in)
{
	if (nav_do(n, in) != NAV_DONE && in->action != NAV_QUIT) {
		fprintf(stderr, "session: action %d ended the visit\n", (int)in->action);
		exit(1);
	}
	actions_done++;
	draw(n);
}

static void act(struct nav *n, enum nav_action a, size_t times)
{
	struct nav_input in = {.action = a};
	for (size_t i = 0; i < times; i++)
		act_in(n, &in);
}

static void tap(struct nav *n, enum nav_action a, size_t row, size_t col)
{
	struct nav_input in = {.action = a, .row = row, .col = col};
	act_in(n, &in);
}

static void resize(struct nav *n, size_t r, size_t w)
{
	rows = r;
	width = w;
	nav_resize(n, rows, width);
	draw(n);
}

/* Type the number `k` on the home screen, as a patient opens topic k. */
static void type_number(struct nav *n, size_t k)
{
	char digits[24];
	snprintf(digits, sizeof digits, "%zu", k);
	for (const char *d = digits; *d; d++) {
		struct nav_input in = {.action = NAV_DIGIT, .arg = *d - '0'};
		act_in(n, &in);
	}
	act(n, NAV_TIMEOUT, 1);
}

/* Every topic opened in turn by its number, read to its end and left. */
static void every_topic(struct nav *n, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		type_number(n, i + 1);
		act(n, NAV_PAGE_DOWN, 2);
		act(n, NAV_BOTTOM, 1);
		act(n, NAV_HEADINGS, 1);
		act(n, NAV_BOTTOM, 1);
		act(n, NAV_OPEN, 1);
		act(n, NAV_BACK, 2);
	}
}

static void type(struct nav *n, const char *s)
{
	for (; *s; s++) {
		struct nav_input in = {.action = NAV_TYPE, .arg = (unsigned char)*s};
		act_in(n, &in);
	}
}

/* A search, a result opened and its words stepped through, Back to the
 * results, a typo, nothing found; then words found in a topic. */
static void search_and_find(struct nav *n)
{
	act(n, NAV_SEARCH, 1);
	type(n, "the");
	act(n, NAV_DOWN, 2);
	act(n, NAV_OPEN, 1);
	act(n, NAV_NEXT_MATCH, 3);
	act(n, NAV_PREV_MATCH, 1);
	act(n, NAV_BACK, 1);
	act(n, NAV_ERASE, 3);
	type(n, "qqqzzz sunscren \x1b\"*:");
	resize(n, 11, 38);
	resize(n, 23, 76);
	act(n, NAV_BACK, 1);
	type_number(n, 1);
	act(n, NAV_FIND, 1);
	type(n, "a");
	act(n, NAV_OPEN, 1);
	act(n, NAV_NEXT_MATCH, 2);
	act(n, NAV_FIND, 1);
	type(n, "zz");
	act(n, NAV_BACK, 2);
}

/* The quiz, when the guide has one: every answer the first, then Back,
 * a different one, the results, a link from them and Back, a retry. */
static void quiz(struct nav *n)
{
	act(n, NAV_QUIZ, 1);
	act(n, NAV_OPEN, 1);
	for (int i = 0; i < 25; i++) {
		struct nav_input in = {.action = NAV_DIGIT, .arg = 1 + i % 2};
		act_in(n, &in);
		if (i == 3)
			act(n, NAV_BACK, 1);
	}
	act(n, NAV_NEXT_LINK, 1);
	act(n, NAV_OPEN, 1);
	act(n, NAV_BACK, 1);
	act(n, NAV_BOTTOM, 1);
	act(n, NAV_UP, 2);
	act(n, NAV_OPEN, 1);
	resize(n, 11, 38);
	resize(n, 23, 76);
	act(n, NAV_TOPICS, 1);
}

static void visit(struct guide *g, bool kiosk)
{
	struct nav_config cfg = {.kiosk = kiosk, .key_names = key_names};
	struct nav *n = nav_new(g, &cfg);
	resize(n, 23, 76);
	/* Home: move, page, a typed number that times out, one that opens. */
	act(n, NAV_DOWN, 2);
	act(n, NAV_UP, 1);
	act(n, NAV_PAGE_DOWN, 1);
	act(n, NAV_BOTTOM, 1);
	act(n, NAV_TOP, 1);
	type_number(n, 1);
	/* A topic: scroll, links to another topic, to a section, to the web. */
	act(n, NAV_LINE_DOWN, 3);
	act(n, NAV_LINE_UP, 1);
	act(n, NAV_TOP, 1);
	for (int k = 1; k <= 4; k++) {
		act(n, NAV_TOP, 1);
		act(n, NAV_NEXT_LINK, (size_t)k);
		act(n, NAV_OPEN, 1);
		act(n, NAV_BACK, 1);
	}
	act(n, NAV_PREV_LINK, 2);
	/* The sections list, help over it, and back. */
	act(n, NAV_HEADINGS, 1);
	act(n, NAV_DOWN, 3);
	act(n, NAV_HELP, 1);
	act(n, NAV_PAGE_DOWN, 1);
	act(n, NAV_BOTTOM, 1);
	act(n, NAV_BACK, 1);
	act(n, NAV_OPEN, 1);
	act(n, NAV_BACK, 1);
	act(n, NAV_TOPICS, 1);
	act(n, NAV_FORWARD, 1);
	/* Reading on past the end offers the next topic, then opens it. */
	act(n, NAV_READ_ON, 40);
	/* Taps and the wheel, on a topic and at home. */
	tap(n, NAV_TAP, 20, 10);
	tap(n, NAV_TAP, 2, 10);
	tap(n, NAV_WHEEL_DOWN, 5, 5);
	tap(n, NAV_WHEEL_UP, 5, 5);
	act(n, NAV_BACK, 3);
	tap(n, NAV_TAP, 5, 5);
	act(n, NAV_BACK, 1);
	/* A small window and a large one, in the middle of a topic. */
	act(n, NAV_OPEN, 1);
	act(n, NAV_PAGE_DOWN, 1);
	resize(n, 11, 38);
	act(n, NAV_NEXT_LINK, 2);
	resize(n, 60, 200);
	act(n, NAV_HEADINGS, 1);
	resize(n, 11, 40);
	act(n, NAV_BACK, 1);
	resize(n, 23, 76);
	every_topic(n, guide_count(g));
	search_and_find(n);
	quiz(n);
	act(n, NAV_START_OVER, 1);
	act(n, NAV_HELP, 1);
	act(n, NAV_BACK, 1);
	struct nav_input quit = {.action = NAV_QUIT};
	enum nav_result res = nav_do(n, &quit);
	if ((res == NAV_QUIT_NOW) == kiosk) {
		fprintf(stderr, "session: quit %s in a %s\n", kiosk ? "obeyed" : "refused",
			kiosk ? "kiosk" : "visit");
		exit(1);
	}
	nav_free(n);
}

/* The other outputs of the guide, on the same content. */
static void outputs(struct guide *g, const char *dir)
{
	struct sg_error err;
	print_list(sink, g, false);
	print_list(sink, g, true);
	man_index(sink, g, "2024-01-02", "0");
	for (size_t i = 0; i < guide_count(g); i++) {
		if (!print_article(sink, g, i, 40, false, &err) ||
		    !print_article(sink, g, i, 80, true, &err) ||
		    !man_article(sink, g, i, "2024-01-02", "0", &err)) {
			fprintf(stderr, "session: %s\n", err.msg);
			exit(1);
		}
	}
	struct check_result res;
	check_dir(dir, sink, &res);
}

int main(int argc, char **argv)
{
	sink = fopen("/dev/null", "w");
	if (!sink || argc < 2) {
		fprintf(stderr, "usage: session DIR...\n");
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		struct sg_error err;
		struct guide *g = guide_open(argv[i], &err);
		if (!g) {
			fprintf(stderr, "session: %s\n", err.msg);
			return 1;
		}
		articles_seen = calloc(guide_count(g), sizeof *articles_seen);
		visit(g, false);
		visit(g, true);
		outputs(g, argv[i]);
		for (size_t k = 0; k < guide_count(g); k++) {
			if (!articles_seen[k]) {
				fprintf(stderr, "session: %s: topic %zu never opened\n", argv[i], k + 1);
				guide_free(g);
				return 1;
			}
		}
		free(articles_seen);
		guide_free(g);
	}
	fclose(sink);
	for (int s = 0; s < NAV_SCREEN_COUNT; s++) {
		if (!screens_seen[s]) {
			fprintf(stderr, "session: screen %d never shown\n", s);
			return 1;
		}
	}
	printf("session: %zu actions on %d guides, every screen shown\n", actions_done,
	       argc - 1);
	return 0;
}
