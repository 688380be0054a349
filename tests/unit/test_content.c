/* Unit tests for src/content.c: opening a guide directory, titles and
 * summaries, file names, link resolution and the lazy tree cache.
 * Fixtures live in tests/fixtures/unit/; directories that git cannot keep
 * (empty ones) or that are large are made under /tmp at test time. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tmpdir.h"

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "skinguide/buf.h"
#include "skinguide/content.h"
#include "skinguide/error.h"

#define GOOD "tests/fixtures/unit/good"
#define NO_TITLE "tests/fixtures/unit/no_title"
#define DUP "tests/fixtures/unit/dup"

/* ---- helpers ----------------------------------------------------------- */

static struct guide *open_good(void)
{
	struct sg_error err = {""};
	struct guide *g = guide_open(GOOD, &err);
	if (!g)
		fail_msg("guide_open(%s): %s", GOOD, err.msg);
	return g;
}

static char *make_temp_dir(void)
{
	return tmpdir_make("skinguide-unit");
}

static void write_file(const char *dir, const char *name, const char *text)
{
	assert_true(tmpdir_write(dir, name, text, strlen(text)));
}

/* Remove a flat directory made by make_temp_dir, and free its name. */
static void remove_temp_dir(char *dir)
{
	tmpdir_remove(dir);
	free(dir);
}

/* guide_open that must fail: returns the message. */
static void open_fails(const char *dir, struct sg_error *err)
{
	strcpy(err->msg, "");
	struct guide *g = guide_open(dir, err);
	bool failed = g == NULL;
	guide_free(g);
	assert_true(failed);
	assert_true(strlen(err->msg) > 0);
}

/* ---- opening a good guide ---------------------------------------------- */

static void test_open_orders_articles_numerically(void **state)
{
	(void)state;
	struct guide *g = open_good();
	assert_int_equal(guide_count(g), 3);
	assert_string_equal(guide_article(g, 0)->id, "alpha");
	assert_string_equal(guide_article(g, 1)->id, "beta");
	assert_string_equal(guide_article(g, 2)->id, "gamma");
	assert_int_equal(guide_article(g, 0)->number, 1);
	assert_int_equal(guide_article(g, 1)->number, 2);
	assert_int_equal(guide_article(g, 2)->number, 10);
	assert_null(guide_article(g, 3));
	guide_free(g);
}

static void test_open_records_paths_and_dir(void **state)
{
	(void)state;
	struct guide *g = open_good();
	assert_string_equal(guide_dir(g), GOOD);
	assert_string_equal(guide_article(g, 0)->path, GOOD "/01-alpha.md");
	assert_string_equal(guide_article(g, 2)->path, GOOD "/10-gamma.md");
	guide_free(g);
}

static void test_titles_plain_text(void **state)
{
	(void)state;
	struct guide *g = open_good();
	assert_string_equal(guide_article(g, 0)->title, "Alpha title");
	assert_string_equal(guide_article(g, 1)->title, "Beta"); /* setext */
	assert_string_equal(guide_article(g, 2)->title, "Gamma");
	guide_free(g);
}

static void test_title_lines(void **state)
{
	(void)state;
	struct guide *g = open_good();
	assert_int_equal(guide_article(g, 0)->title_line, 1);
	assert_int_equal(guide_article(g, 1)->title_line, 1);
	assert_int_equal(guide_article(g, 2)->title_line, 3);
	guide_free(g);
}

static void test_summary_joins_lines_and_drops_markup(void **state)
{
	(void)state;
	struct guide *g = open_good();
	assert_string_equal(guide_article(g, 0)->summary,
			    "First paragraph of alpha, continued on a second line with "
			    "code and a link. Tab here.");
	guide_free(g);
}

static void test_summary_is_first_paragraph_after_title(void **state)
{
	(void)state;
	struct guide *g = open_good();
	assert_string_equal(guide_article(g, 1)->summary, "Beta summary.");
	/* not the paragraph before the H1, and past an H2 */
	assert_string_equal(guide_article(g, 2)->summary, "Gamma summary with emphasis.");
	guide_free(g);
}

static void test_summary_reference_link_defined_far_below(void **state)
{
	(void)state;
	/* The definition is beyond the first read of the file's head. */
	char *dir = make_temp_dir();
	struct buf text = BUF_INIT;
	buf_puts(&text, "# Ref\n\nRead the [aftercare guide][care] first.\n\n");
	for (int i = 0; i < 300; i++)
		buf_puts(&text, "A filler line of the article.\n");
	buf_puts(&text, "\n[care]: 01-ref.md\n");
	write_file(dir, "01-ref.md", text.data);
	struct sg_error err;
	struct guide *g = guide_open(dir, &err);
	assert_non_null(g);
	assert_string_equal(guide_article(g, 0)->summary, "Read the aftercare guide first.");
	guide_free(g);
	buf_free(&text);
	remove_temp_dir(dir);
}

static void test_title_and_welcome_from_index(void **state)
{
	(void)state;
	struct guide *g = open_good();
	assert_string_equal(guide_title(g), "Tattoo Aftercare Guide");
	assert_string_equal(guide_welcome(g), "Welcome to the guide.\nPick a topic below.");
	guide_free(g);
}

static void test_find_by_id(void **state)
{
	(void)state;
	struct guide *g = open_good();
	assert_int_equal(guide_find(g, "alpha"), 0);
	assert_int_equal(guide_find(g, "beta"), 1);
	assert_int_equal(guide_find(g, "gamma"), 2);
	assert_int_equal(guide_find(g, "readme"), -1);
	assert_int_equal(guide_find(g, "bad name"), -1);
	assert_int_equal(guide_find(g, ""), -1);
	guide_free(g);
}

/* ---- guides that must not open ----------------------------------------- */

static void test_open_missing_dir_fails(void **state)
{
	(void)state;
	struct sg_error err;
	open_fails("tests/fixtures/unit/does-not-exist", &err);
	assert_non_null(strstr(err.msg, "tests/fixtures/unit/does-not-exist"));
}

static void test_open_empty_dir_fails(void **state)
{
	(void)state;
	char *dir = make_temp_dir();
	struct sg_error err;
	open_fails(dir, &err);
	assert_non_null(strstr(err.msg, dir));
	remove_temp_dir(dir);
}

static void test_open_without_title_names_file_and_line(void **state)
{
	(void)state;
	struct sg_error err;
	open_fails(NO_TITLE, &err);
	assert_non_null(strstr(err.msg, NO_TITLE "/01-sub.md"));
	assert_non_null(strstr(err.msg, ":3:"));
}

static void test_open_duplicate_ids_names_both_files(void **state)
{
	(void)state;
	struct sg_error err;
	open_fails(DUP, &err);
	assert_non_null(strstr(err.msg, DUP "/01-same.md"));
	assert_non_null(strstr(err.msg, DUP "/02-same.md"));
	assert_non_null(strstr(err.msg, "same"));
}

/* ---- file names -------------------------------------------------------- */

static void test_parse_filename_accepts(void **state)
{
	(void)state;
	unsigned number = 0;
	char id[64] = "";
	assert_true(guide_parse_filename("01-a.md", &number, id, sizeof id));
	assert_int_equal(number, 1);
	assert_string_equal(id, "a");
	assert_true(guide_parse_filename("123-foo-bar.md", &number, id, sizeof id));
	assert_int_equal(number, 123);
	assert_string_equal(id, "foo-bar");
	/* A digit may start the id, and '-' may end it. */
	assert_true(guide_parse_filename("123456-2nd-.md", &number, id, sizeof id));
	assert_int_equal(number, 123456);
	assert_string_equal(id, "2nd-");
}

static void test_parse_filename_rejects(void **state)
{
	(void)state;
	const char *const bad[] = {"a.md", "01a.md", "01-.md", "01-A.md", "01-a.txt",
				   "3-bad name.md", "README.md", "01-a.md.bak", "",
				   "04-First.md", "05-first_visit.md", "06--x.md",
				   "1234567-seven-digits.md"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		unsigned number = 77;
		char id[64] = "unchanged";
		assert_false(guide_parse_filename(bad[i], &number, id, sizeof id));
		assert_string_equal(id, "unchanged");
		assert_int_equal(number, 77);
	}
}

static void test_parse_filename_respects_id_size(void **state)
{
	(void)state;
	unsigned number = 0;
	char id[4] = "";
	assert_false(guide_parse_filename("01-abcd.md", &number, id, sizeof id));
	assert_true(guide_parse_filename("01-abc.md", &number, id, sizeof id));
	assert_string_equal(id, "abc");
}

/* ---- links ------------------------------------------------------------- */

static void check_article_link(const struct guide *g, const char *target, size_t want,
			       const char *fragment)
{
	size_t article = 99;
	const char *frag = "unset";
	assert_int_equal(guide_resolve(g, target, &article, &frag), GUIDE_LINK_ARTICLE);
	assert_int_equal(article, want);
	if (fragment)
		assert_string_equal(frag, fragment);
	else
		assert_null(frag);
}

static void test_resolve_article_links(void **state)
{
	(void)state;
	struct guide *g = open_good();
	check_article_link(g, "beta.md", 1, NULL);
	check_article_link(g, "02-beta.md", 1, NULL);
	check_article_link(g, "./beta.md", 1, NULL);
	check_article_link(g, "10-gamma.md", 2, NULL);
	check_article_link(g, "beta.md#x", 1, "x");
	guide_free(g);
}

static void test_resolve_anchor_and_external(void **state)
{
	(void)state;
	struct guide *g = open_good();
	size_t article = 99;
	const char *frag = NULL;
	assert_int_equal(guide_resolve(g, "#anchor", &article, &frag), GUIDE_LINK_ANCHOR);
	assert_string_equal(frag, "anchor");
	assert_int_equal(guide_resolve(g, "https://x.org", &article, &frag),
			 GUIDE_LINK_EXTERNAL);
	assert_int_equal(guide_resolve(g, "mailto:a@b", &article, &frag),
			 GUIDE_LINK_EXTERNAL);
	guide_free(g);
}

static void test_resolve_broken_links(void **state)
{
	(void)state;
	struct guide *g = open_good();
	const char *const broken[] = {"nope.md", "../beta.md", "beta", "sub/beta.md",
				      "README.md", ".md", ""};
	for (size_t i = 0; i < sizeof broken / sizeof broken[0]; i++) {
		size_t article = 99;
		const char *frag = NULL;
		assert_int_equal(guide_resolve(g, broken[i], &article, &frag),
				 GUIDE_LINK_BROKEN);
	}
	guide_free(g);
}

/* --print takes what a link takes, with or without ".md". */
static void test_lookup_accepts_ids_and_file_names(void **state)
{
	(void)state;
	struct guide *g = open_good();
	const char *const beta[] = {"beta", "beta.md", "02-beta", "02-beta.md", "./beta.md"};
	for (size_t i = 0; i < sizeof beta / sizeof beta[0]; i++)
		if (guide_lookup(g, beta[i]) != 1)
			fail_msg("'%s' does not name beta", beta[i]);
	assert_int_equal(guide_lookup(g, "10-gamma"), 2);
	const char *const none[] = {"", "nope", "nope.md", "beta.md#x", "beta#x", ".md",
				    "https://beta", "sub/beta", "02-", "Beta"};
	for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
		if (guide_lookup(g, none[i]) != -1)
			fail_msg("'%s' names an article", none[i]);
	guide_free(g);
}

/* ---- review dates ------------------------------------------------------ */

static void test_parse_date(void **state)
{
	(void)state;
	int y = 0, m = 0, d = 0;
	assert_true(guide_parse_date("2026-11-30", &y, &m, &d));
	assert_int_equal(y, 2026);
	assert_int_equal(m, 11);
	assert_int_equal(d, 30);
	assert_true(guide_parse_date("2000-02-29", &y, &m, &d));
	assert_true(guide_parse_date("2024-02-29", &y, &m, &d));
	const char *const bad[] = {"1900-02-29", "2026-02-29", "2026-04-31", "2026-13-01",
				   "2026-00-01", "2026-01-00", "2026-1-01", "2026-01-1",
				   "26-01-01", "2026/01/01", "2026-01-01x", "", "2026-01-0"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		y = m = d = 7;
		if (guide_parse_date(bad[i], &y, &m, &d))
			fail_msg("'%s' was taken for a date", bad[i]);
		assert_int_equal(y + m + d, 21);
	}
}

static void test_review_paragraph(void **state)
{
	(void)state;
	static const char text[] = "# T\n\nS.\n\n## Sources\n\n- A.\n\n"
		"Last reviewed: *2026-11-30* \n\n<!-- note -->\n";
	cmark_node *doc = cmark_parse_document(text, sizeof text - 1, 0);
	struct buf date = BUF_INIT;
	cmark_node *n = guide_review(doc, &date);
	assert_non_null(n);
	assert_int_equal(cmark_node_get_start_line(n), 9);
	assert_string_equal(buf_str(&date), "2026-11-30");
	cmark_node_free(doc);
	static const char none[] = "# T\n\nLast reviewed: 2026-11-30\n\n- A list last.\n";
	doc = cmark_parse_document(none, sizeof none - 1, 0);
	assert_null(guide_review(doc, &date));
	assert_string_equal(buf_str(&date), "");
	cmark_node_free(doc);
	buf_free(&date);
}

/* ---- lazy parsing and the cache ---------------------------------------- */

static void test_open_parses_no_tree(void **state)
{
	(void)state;
	struct guide *g = open_good();
	assert_int_equal(guide_parse_count(g), 0);
	guide_free(g);
}

static void test_document_parsed_once_then_cached(void **state)
{
	(void)state;
	struct guide *g = open_good();
	struct sg_error err = {""};
	cmark_node *a = guide_document(g, 1, &err);
	assert_non_null(a);
	assert_int_equal(cmark_node_get_type(a), CMARK_NODE_DOCUMENT);
	assert_int_equal(guide_parse_count(g), 1);
	cmark_node *b = guide_document(g, 1, &err);
	assert_ptr_equal(a, b);
	assert_int_equal(guide_parse_count(g), 1);
	assert_null(guide_document(g, 3, &err));
	assert_int_equal(guide_parse_count(g), 1);
	guide_free(g);
}

static void test_document_is_whole_file(void **state)
{
	(void)state;
	struct guide *g = open_good();
	struct sg_error err = {""};
	cmark_node *doc = guide_document(g, 1, &err);
	assert_non_null(doc);
	size_t blocks = 0;
	for (cmark_node *n = cmark_node_first_child(doc); n; n = cmark_node_next(n))
		blocks++;
	assert_int_equal(blocks, 4); /* Beta, summary, ## More, body */
	guide_free(g);
}

/* A guide of `count` articles "NN-aN.md" in a new temporary directory. */
static char *make_many(size_t count)
{
	char *dir = make_temp_dir();
	for (size_t i = 1; i <= count; i++) {
		char name[32], text[64];
		snprintf(name, sizeof name, "%02zu-a%zu.md", i, i);
		snprintf(text, sizeof text, "# Article %zu\n\nSummary %zu.\n", i, i);
		write_file(dir, name, text);
	}
	return dir;
}

static void test_cache_keeps_cache_size_trees(void **state)
{
	(void)state;
	char *dir = make_many(GUIDE_CACHE_SIZE + 1);
	struct sg_error err = {""};
	struct guide *g = guide_open(dir, &err);
	assert_non_null(g);
	assert_string_equal(guide_title(g), "Guide"); /* no index.md */
	for (size_t i = 0; i < GUIDE_CACHE_SIZE; i++)
		assert_non_null(guide_document(g, i, &err));
	assert_int_equal(guide_parse_count(g), GUIDE_CACHE_SIZE);
	assert_non_null(guide_document(g, 0, &err));
	assert_int_equal(guide_parse_count(g), GUIDE_CACHE_SIZE);
	guide_free(g);
	remove_temp_dir(dir);
}

static void test_cache_evicts_least_recently_used(void **state)
{
	(void)state;
	char *dir = make_many(GUIDE_CACHE_SIZE + 1);
	struct sg_error err = {""};
	struct guide *g = guide_open(dir, &err);
	assert_non_null(g);
	for (size_t i = 0; i <= GUIDE_CACHE_SIZE; i++)
		assert_non_null(guide_document(g, i, &err));
	assert_int_equal(guide_parse_count(g), GUIDE_CACHE_SIZE + 1);
	assert_non_null(guide_document(g, 0, &err));
	assert_int_equal(guide_parse_count(g), GUIDE_CACHE_SIZE + 2);
	assert_non_null(guide_document(g, GUIDE_CACHE_SIZE, &err)); /* still cached */
	assert_int_equal(guide_parse_count(g), GUIDE_CACHE_SIZE + 2);
	guide_free(g);
	remove_temp_dir(dir);
}

/* ---- summaries beyond the first read ----------------------------------- */

/* A paragraph of about `bytes` bytes: words, one line each `per_line`. */
static void long_paragraph(struct buf *b, size_t bytes, size_t per_line)
{
	for (size_t i = 0; b->len < bytes; i++) {
		buf_printf(b, "word%zu", i);
		buf_putc(b, per_line && i % per_line == per_line - 1 ? '\n' : ' ');
	}
	while (b->len && (b->data[b->len - 1] == ' ' || b->data[b->len - 1] == '\n'))
		b->data[--b->len] = '\0';
}

static void check_long_summary(size_t per_line, size_t tail_bytes)
{
	struct buf para = BUF_INIT, file = BUF_INIT, want = BUF_INIT, tail = BUF_INIT;
	long_paragraph(&para, 6 * 1024, per_line);
	long_paragraph(&tail, tail_bytes, 10);
	buf_printf(&file, "# Big\n\n%s\n\n%s\n", para.data, tail.data);
	for (size_t i = 0; i < para.len; i++)
		buf_putc(&want, para.data[i] == '\n' ? ' ' : para.data[i]);
	char *dir = make_temp_dir();
	write_file(dir, "01-big.md", file.data);
	struct sg_error err = {""};
	struct guide *g = guide_open(dir, &err);
	bool opened = g != NULL;
	size_t got_len = g ? strlen(guide_article(g, 0)->summary) : 0;
	bool same = g && strcmp(guide_article(g, 0)->summary, want.data) == 0;
	size_t want_len = want.len;
	guide_free(g);
	remove_temp_dir(dir);
	buf_free(&para);
	buf_free(&file);
	buf_free(&tail);
	buf_free(&want);
	assert_true(opened);
	assert_int_equal(got_len, want_len);
	assert_true(same);
}

static void test_long_summary_on_many_lines_read_whole(void **state)
{
	(void)state;
	check_long_summary(8, 200);
}

static void test_long_summary_on_one_line_read_whole(void **state)
{
	(void)state;
	check_long_summary(0, 200);
}

static void test_long_summary_in_big_file_read_whole(void **state)
{
	(void)state;
	check_long_summary(8, 40 * 1024);
}

/* ---- index.md ---------------------------------------------------------- */

static void test_index_title_is_its_heading_after_a_paragraph(void **state)
{
	(void)state;
	char *dir = make_temp_dir();
	write_file(dir, "index.md", "Hello first.\n\n# Guide name\n\nMore.\n");
	write_file(dir, "01-a.md", "# A\n\nSummary.\n");
	struct sg_error err = {""};
	struct guide *g = guide_open(dir, &err);
	char title[256] = "(guide_open failed)";
	if (g)
		snprintf(title, sizeof title, "%s", guide_title(g));
	guide_free(g);
	remove_temp_dir(dir);
	assert_string_equal(title, "Guide name");
}

/* Menu order: by number, then id where numbers tie ("1" and "01" are one
 * number); every article lands in its place however the folder lists them. */
static void test_menu_order_ties_and_many(void **state)
{
	(void)state;
	char *dir = make_temp_dir();
	const char *names[] = {"05-e.md", "01-b.md", "01-a.md", "4-d.md", "02-c.md", "1-aa.md"};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		write_file(dir, names[i], "# T\n\nS.\n");
	struct buf name = BUF_INIT;
	for (unsigned i = 0; i < 200; i++) { /* numbers 10 to 209, scattered */
		buf_clear(&name);
		buf_printf(&name, "%u-n%u.md", 10 + (i * 7919) % 200, i);
		write_file(dir, name.data, "# T\n\nS.\n");
	}
	buf_free(&name);
	struct sg_error err = {""};
	struct guide *g = guide_open(dir, &err);
	char order[64] = "";
	bool sorted = g && guide_count(g) == 206;
	for (size_t i = 0; g && i < 6; i++)
		snprintf(order + strlen(order), sizeof order - strlen(order), "%s ",
			 guide_article(g, i)->id);
	for (size_t i = 6; sorted && i < 206; i++)
		sorted = guide_article(g, i)->number == 10 + (i - 6) &&
			 guide_find(g, guide_article(g, i)->id) == (long)i;
	guide_free(g);
	remove_temp_dir(dir);
	assert_string_equal(order, "a aa b c d e ");
	assert_true(sorted);
}

/* A name a letter or two off an id suggests it, in every form a link or
 * --print gives; a name far from every id suggests nothing. */
static void test_nearest_id(void **state)
{
	(void)state;
	char *dir = make_temp_dir();
	write_file(dir, "10-aftercare.md", "# A\n\nS.\n");
	write_file(dir, "11-warning-signs.md", "# W\n\nS.\n");
	struct sg_error err = {""};
	struct guide *g = guide_open(dir, &err);
	assert_non_null(g);
	const char *near[] = {"aftercar", "10-aftercar.md", "afterCare", "sub/aftercre.md#x"};
	for (size_t i = 0; i < sizeof near / sizeof *near; i++) {
		const char *got = guide_nearest_id(g, near[i]);
		if (!got || strcmp(got, "aftercare") != 0)
			fail_msg("guide_nearest_id(\"%s\") = %s", near[i], got ? got : "NULL");
	}
	assert_string_equal(guide_nearest_id(g, "warning-sign.md"), "warning-signs");
	assert_null(guide_nearest_id(g, "zzz"));
	assert_null(guide_nearest_id(g, "care"));
	assert_null(guide_nearest_id(g, ""));
	guide_free(g);
	remove_temp_dir(dir);
}

/* Numbers up to six digits sort by every byte of their value (the sort
 * takes a byte at a time), with ties on a large number still by id. */
static void test_menu_order_wide_numbers(void **state)
{
	(void)state;
	char *dir = make_temp_dir();
	const char *names[] = {"999999-z.md", "65536-y.md", "256-x.md", "255-w.md", "1-v.md",
			       "70000-u.md", "300-t.md", "65536-b.md", "065536-a.md", "511-s.md"};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		write_file(dir, names[i], "# T\n\nS.\n");
	struct sg_error err = {""};
	struct guide *g = guide_open(dir, &err);
	char order[64] = "";
	for (size_t i = 0; g && i < guide_count(g); i++)
		snprintf(order + strlen(order), sizeof order - strlen(order), "%s ",
			 guide_article(g, i)->id);
	guide_free(g);
	remove_temp_dir(dir);
	assert_string_equal(order, "v w x t s a b y u z ");
}

/* --print of a left-out article says why, found by its exact id in any
 * form a link takes, never by a name it merely ends with. */
static void test_left_out_reason_by_exact_id(void **state)
{
	(void)state;
	char *dir = make_temp_dir();
	write_file(dir, "01-skin-care.md", "No title.\n");
	write_file(dir, "02-ok.md", "# Ok\n\nFine.\n");
	struct sg_error err = {""};
	struct guide *g = guide_open_readable(dir, &err);
	const char *forms[] = {"skin-care", "skin-care.md", "01-skin-care", "01-skin-care.md"};
	bool all = g != NULL;
	for (size_t i = 0; g && i < sizeof forms / sizeof *forms; i++) {
		const char *why = guide_left_out_why(g, forms[i]);
		all = all && why && strstr(why, "01-skin-care.md:1: error: no title");
	}
	bool none = g && !guide_left_out_why(g, "care") && !guide_left_out_why(g, "ok");
	guide_free(g);
	remove_temp_dir(dir);
	assert_true(all);
	assert_true(none);
}

/* An index.md that cannot be read (here a folder of that name) stops
 * --check, but the topics stay readable behind a plain welcome. */
static void test_unreadable_index_gives_a_plain_welcome(void **state)
{
	(void)state;
	char *dir = make_temp_dir();
	write_file(dir, "01-a.md", "# A\n\nSummary.\n");
	struct buf sub = BUF_INIT;
	buf_printf(&sub, "%s/index.md", dir);
	assert_int_equal(mkdir(sub.data, 0700), 0);
	buf_free(&sub);
	struct sg_error err = {""};
	struct guide *strict = guide_open(dir, &err);
	struct guide *g = guide_open_readable(dir, &err);
	char title[64] = "", problem[512] = "", first[64] = "";
	if (g) {
		snprintf(title, sizeof title, "%s", guide_title(g));
		snprintf(problem, sizeof problem, "%s", guide_index_problem(g) ?
			 guide_index_problem(g) : "(none)");
		snprintf(first, sizeof first, "%s", guide_article(g, 0)->title);
	}
	guide_free(strict);
	guide_free(g);
	remove_temp_dir(dir);
	assert_null(strict);
	assert_string_equal(title, "Guide");
	assert_string_equal(first, "A");
	assert_non_null(strstr(problem, "index.md: this is a folder"));
}

/* A large guide reads heads as they are asked for; one found broken then
 * stays on the list, named by its id. */
static void test_large_guide_reads_heads_on_demand(void **state)
{
	(void)state;
	char *dir = tmpdir_make("lazy");
	for (int i = 1; i <= GUIDE_EAGER_HEADS + 10; i++) {
		char name[32], text[64];
		snprintf(name, sizeof name, "%04d-t%d.md", i, i);
		int len = i == 3 ? snprintf(text, sizeof text, "No title here.\n")
				 : snprintf(text, sizeof text, "# Topic %d\n\nSummary.\n", i);
		assert_true(tmpdir_write(dir, name, text, (size_t)len));
	}
	struct sg_error err;
	struct guide *g = guide_open_readable(dir, &err);
	assert_non_null(g);
	assert_int_equal(guide_count(g), GUIDE_EAGER_HEADS + 10);
	assert_int_equal(guide_heads_read(g), 0);
	assert_string_equal(guide_article(g, 0)->title, "Topic 1");
	const struct article *broken = guide_article(g, 2);
	assert_true(broken->broken);
	assert_string_equal(broken->title, "t3");
	assert_int_equal(guide_heads_read(g), 2);
	guide_free(g);
	/* The strict open still refuses it. */
	assert_null(guide_open(dir, &err));
	assert_non_null(strstr(err.msg, "0003-t3.md"));
	tmpdir_remove(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_large_guide_reads_heads_on_demand),
		cmocka_unit_test(test_open_orders_articles_numerically),
		cmocka_unit_test(test_open_records_paths_and_dir),
		cmocka_unit_test(test_titles_plain_text),
		cmocka_unit_test(test_title_lines),
		cmocka_unit_test(test_summary_joins_lines_and_drops_markup),
		cmocka_unit_test(test_summary_is_first_paragraph_after_title),
		cmocka_unit_test(test_title_and_welcome_from_index),
		cmocka_unit_test(test_summary_reference_link_defined_far_below),
		cmocka_unit_test(test_find_by_id),
		cmocka_unit_test(test_open_missing_dir_fails),
		cmocka_unit_test(test_open_empty_dir_fails),
		cmocka_unit_test(test_open_without_title_names_file_and_line),
		cmocka_unit_test(test_open_duplicate_ids_names_both_files),
		cmocka_unit_test(test_parse_filename_accepts),
		cmocka_unit_test(test_parse_filename_rejects),
		cmocka_unit_test(test_parse_filename_respects_id_size),
		cmocka_unit_test(test_resolve_article_links),
		cmocka_unit_test(test_resolve_anchor_and_external),
		cmocka_unit_test(test_resolve_broken_links),
		cmocka_unit_test(test_lookup_accepts_ids_and_file_names),
		cmocka_unit_test(test_parse_date),
		cmocka_unit_test(test_review_paragraph),
		cmocka_unit_test(test_open_parses_no_tree),
		cmocka_unit_test(test_document_parsed_once_then_cached),
		cmocka_unit_test(test_document_is_whole_file),
		cmocka_unit_test(test_cache_keeps_cache_size_trees),
		cmocka_unit_test(test_cache_evicts_least_recently_used),
		cmocka_unit_test(test_long_summary_on_many_lines_read_whole),
		cmocka_unit_test(test_long_summary_on_one_line_read_whole),
		cmocka_unit_test(test_long_summary_in_big_file_read_whole),
		cmocka_unit_test(test_index_title_is_its_heading_after_a_paragraph),
		cmocka_unit_test(test_unreadable_index_gives_a_plain_welcome),
		cmocka_unit_test(test_left_out_reason_by_exact_id),
		cmocka_unit_test(test_menu_order_ties_and_many),
		cmocka_unit_test(test_menu_order_wide_numbers),
		cmocka_unit_test(test_nearest_id),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
