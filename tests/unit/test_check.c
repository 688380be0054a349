/* Unit tests for src/check.c: one small content directory per problem in
 * tests/fixtures/check/, each otherwise clean, checked with check_dir into
 * a memory stream; and check_bytes on bytes that committed fixtures must
 * not hold (invalid UTF-8, ESC, CRLF), which are made under /tmp at test
 * time. */
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
#include "skinguide/check.h"
#include "skinguide/content.h"
#include "skinguide/text.h"

#define FIX "tests/fixtures/check/"

/* A clean article, as the fixtures write it, for directories made at
 * test time: 2 + 6 + 4 + 4 + 3 = 19 words in 5 sentences before Sources. */
#define SUN_TITLE "# Sun care"
#define SUN_SUMMARY "Sun cream keeps your skin safe."
#define SUN_HEADING "## Before you go out"
#define SUN_BODY "Put on sun cream. Wear a hat."
#define SUN_SOURCES "## Sources"
#define SUN_SOURCE "- NHS: sun safety.\n\n" SUN_REVIEWED
#define SUN_REVIEWED "Last reviewed: 2026-01-15"
/* The day every check in this file runs on. */
#define TODAY "2026-11-30"

/* ---- helpers ----------------------------------------------------------- */

/* What a test allocates is kept here and freed by teardown(), so that a
 * failing assertion (which jumps out of the test) leaks nothing and leaves
 * no directory behind. */
#define MAX_OWNED 128
static void *owned[MAX_OWNED];
static size_t nowned;
static char *temp_dir;

static void *own(void *p)
{
	assert_true(nowned < MAX_OWNED);
	owned[nowned++] = p;
	return p;
}

/* Run check_dir on `dir`; returns what it wrote (free it). */
static char *run_check(const char *dir, struct check_result *res)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	assert_non_null(f);
	res->errors = res->warnings = res->articles = 99; /* check_dir resets */
	check_dir_on(dir, TODAY, f, res);
	assert_int_equal(fclose(f), 0);
	assert_non_null(text);
	return own(text);
}

/* Run check_bytes on `n` bytes; returns what it wrote (free it). */
static char *run_bytes(const char *path, const char *s, size_t n, size_t *problems)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	assert_non_null(f);
	*problems = check_bytes(path, s, n, f);
	assert_int_equal(fclose(f), 0);
	assert_non_null(text);
	return own(text);
}

/* Does `out` have a line that starts with `prefix` and holds `phrase`? */
static bool has_line(const char *out, const char *prefix, const char *phrase)
{
	for (const char *p = out; *p;) {
		size_t len = strcspn(p, "\n");
		if (len >= strlen(prefix) && strncmp(p, prefix, strlen(prefix)) == 0) {
			char *line = xstrndup(p, len);
			bool found = strstr(line, phrase) != NULL;
			free(line);
			if (found)
				return true;
		}
		p += len + (p[len] == '\n');
	}
	return false;
}

static void assert_line(const char *out, const char *prefix, const char *phrase)
{
	if (!has_line(out, prefix, phrase))
		fail_msg("no line starting \"%s\" with \"%s\" in:\n%s", prefix, phrase, out);
}

static void assert_no_substring(const char *out, const char *needle)
{
	if (strstr(out, needle))
		fail_msg("\"%s\" should not be in:\n%s", needle, out);
}

/* Lines holding `needle`. */
static size_t count_lines_with(const char *out, const char *needle)
{
	size_t count = 0;
	for (const char *p = out; *p;) {
		size_t len = strcspn(p, "\n");
		char *line = xstrndup(p, len);
		if (strstr(line, needle))
			count++;
		free(line);
		p += len + (p[len] == '\n');
	}
	return count;
}

/* The counts, and one message line per error and per warning. */
static void assert_counts(const char *out, const struct check_result *res,
			  size_t errors, size_t warnings, size_t articles)
{
	if (res->errors != errors || res->warnings != warnings)
		fail_msg("%zu errors and %zu warnings, expected %zu and %zu, in:\n%s",
			 res->errors, res->warnings, errors, warnings, out);
	assert_int_equal(res->articles, articles);
	assert_int_equal(count_lines_with(out, ": error: "), errors);
	assert_int_equal(count_lines_with(out, ": warning: "), warnings);
}

/* One row of the reading table. */
struct row {
	size_t words, sentences;
	double per_sentence, grade, smog;
	bool below_one; /* the grade column says "below 1"; grade is then 0 */
};

/* Parse a table row; false when `line` is not one. */
static bool parse_row(const char *line, char *name, struct row *r)
{
	int at = 0;
	if (sscanf(line, "%63s %zu %zu %lf %n", name, &r->words, &r->sentences,
		   &r->per_sentence, &at) != 4 || at == 0)
		return false;
	const char *rest = line + at;
	r->below_one = strncmp(rest, "below 1 ", 8) == 0;
	if (r->below_one) {
		r->grade = 0;
		return sscanf(rest + 8, "%lf", &r->smog) == 1;
	}
	return sscanf(rest, "%lf %lf", &r->grade, &r->smog) == 2;
}

/* The table's header is there, after every message. */
static const char *table_start(const char *out)
{
	/* At the start when nothing was reported, else after a blank line. */
	const char *h = strncmp(out, "article ", 8) == 0 ? out : strstr(out, "\n\narticle ");
	if (!h)
		fail_msg("no table header in:\n%s", out);
	if (h != out)
		h += 2;
	size_t len = strcspn(h, "\n");
	char *line = own(xstrndup(h, len));
	assert_non_null(strstr(line, " words "));
	assert_non_null(strstr(line, " sentences "));
	assert_non_null(strstr(line, " words/sen "));
	assert_non_null(strstr(line, " grade "));
	assert_non_null(strstr(line, " SMOG"));
	/* No message comes after the table. */
	assert_null(strstr(h, ": error: "));
	assert_null(strstr(h, ": warning: "));
	return h + len + (h[len] == '\n');
}

/* Number of table rows for article `id`; the last one's figures go to
 * `row` when it is not NULL. */
static size_t table_rows(const char *out, const char *id, struct row *row)
{
	size_t count = 0;
	for (const char *p = table_start(out); *p;) {
		size_t len = strcspn(p, "\n");
		char *line = xstrndup(p, len);
		char name[64];
		struct row r;
		if (parse_row(line, name, &r) && strcmp(name, id) == 0) {
			count++;
			if (row)
				*row = r;
		}
		free(line);
		p += len + (p[len] == '\n');
	}
	return count;
}

static void assert_row(const char *out, const char *id)
{
	if (table_rows(out, id, NULL) != 1)
		fail_msg("no single table row for '%s' in:\n%s", id, out);
}

/* printf into a string that teardown() frees. */
__attribute__((format(printf, 1, 2)))
static char *fmt(const char *format, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;
	va_start(ap, format);
	int n = vsnprintf(NULL, 0, format, ap);
	va_end(ap);
	assert_true(n >= 0);
	buf_grow(&b, (size_t)n);
	va_start(ap, format);
	vsnprintf(b.data, (size_t)n + 1, format, ap);
	va_end(ap);
	b.len = (size_t)n;
	return own(buf_detach(&b));
}

/* A new directory under /tmp, removed by teardown(). */
static const char *make_temp_dir(void)
{
	assert_null(temp_dir);
	temp_dir = tmpdir_make("skinguide-check");
	return temp_dir;
}

static void write_bytes(const char *dir, const char *name, const char *s, size_t n)
{
	assert_true(tmpdir_write(dir, name, s, n));
}

/* Remove the directory made by make_temp_dir (its files and empty
 * directories); no assertions, as teardown() calls it. */
static void remove_temp_dir(void)
{
	tmpdir_forget(&temp_dir);
}

static int teardown(void **state)
{
	(void)state;
	for (size_t i = 0; i < nowned; i++)
		free(owned[i]);
	nowned = 0;
	remove_temp_dir();
	return 0;
}

/* ---- check_dir on the fixtures ----------------------------------------- */

static void test_clean_guide_has_no_errors_or_warnings(void **state)
{
	(void)state;
	struct check_result res;
	char *out = run_check(FIX "clean", &res);
	assert_counts(out, &res, 0, 0, 2);
	/* index.md is not an article and not a stray. */
	assert_no_substring(out, "index.md");
	assert_row(out, "sun");
	assert_row(out, "shade");
	/* sun: "Sun care" 2, "Sun cream keeps your skin safe." 6, "Before you
	 * go out" 4, "Put on sun cream." 4, "Wear a hat." 3, "Read about shade
	 * and hats too." 6: 25 words, 6 sentences; Sources is not counted. */
	struct row row;
	assert_int_equal(table_rows(out, "sun", &row), 1);
	assert_int_equal(row.words, 25);
	assert_int_equal(row.sentences, 6);
	assert_float_equal(row.per_sentence, 4.2, 0.051);
	assert_true(row.grade <= CHECK_GRADE_WARN);
}

static void test_no_title_is_error(void **state)
{
	(void)state;
	struct check_result res;
	char *out = run_check(FIX "no_title", &res);
	assert_counts(out, &res, 1, 0, 1);
	assert_line(out, FIX "no_title/01-note.md:3: error: ", "the first heading is not a title");
	assert_row(out, "note");
}

static void test_second_title_is_error(void **state)
{
	(void)state;
	struct check_result res;
	char *out = run_check(FIX "two_titles", &res);
	assert_counts(out, &res, 1, 0, 1);
	assert_line(out, FIX "two_titles/01-twice.md:9: error: ", "second level-1 heading");
	assert_row(out, "twice");
}

static void test_text_before_title_is_warning(void **state)
{
	(void)state;
	struct check_result res;
	char *out = run_check(FIX "before_title", &res);
	assert_counts(out, &res, 0, 1, 1);
	assert_line(out, FIX "before_title/01-late.md:3: warning: ", "text before the title");
	assert_row(out, "late");
}

static void test_list_after_title_is_no_summary(void **state)
{
	(void)state;
	struct check_result res;
	char *out = run_check(FIX "no_summary", &res);
	assert_counts(out, &res, 1, 0, 1);
	assert_line(out, FIX "no_summary/01-list.md:1: error: ", "no summary");
	assert_row(out, "list");
}

static void test_empty_sections_are_errors(void **state)
{
	(void)state;
	struct check_result res;
	char *out = run_check(FIX "empty_section", &res);
	assert_counts(out, &res, 3, 0, 2);
	/* "## Before you go out" straight before "## At the beach". */
	assert_line(out, FIX "empty_section/01-middle.md:5: error: ", "empty section");
	/* "## More" as the file's last line: no room for a review date. */
	assert_line(out, FIX "empty_section/02-end.md:13: error: ", "empty section");
	assert_line(out, FIX "empty_section/02-end.md:13: error: ", "no review date");
	assert_row(out, "middle");
	assert_row(out, "end");
}

static void test_missing_sources_is_error(void **state)
{
	(void)state;
	struct check_result res;
	char *out = run_check(FIX "no_sources", &res);
	assert_counts(out, &res, 1, 0, 1);
	assert_line(out, FIX "no_sources/01-bare.md:1: error: ", "no Sources section");
	assert_row(out, "bare");
}

static void test_bad_links_are_errors_good_ones_are_not(void **state)
{
	(void)state;
	struct check_result res;
	char *out = run_check(FIX "links", &res);
	assert_counts(out, &res, 4, 0, 2);
	assert_line(out, FIX "links/01-main.md:7: error: ", "'nope.md' leads to no article; "
		    "link to an article as 'id.md'");
	/* A near miss is named: two edits from "other". */
	assert_line(out, FIX "links/01-main.md:17: error: ", "'03-othr.md' leads to no "
		    "article; did you mean 'other.md'?");
	assert_line(out, FIX "links/01-main.md:9: error: ",
		    "'other.md#nope' names no heading of 'other'");
	assert_line(out, FIX "links/01-main.md:13: error: ",
		    "'#nope' names no heading of this article");
	/* other.md#real-heading (line 11) and #before-you-go-out (line 15)
	 * lead somewhere. */
	assert_no_substring(out, "real-heading");
	assert_no_substring(out, "before-you-go-out");
	assert_no_substring(out, "01-main.md:11:");
	assert_no_substring(out, "01-main.md:15:");
	assert_row(out, "main");
	assert_row(out, "other");
}

static void test_duplicate_id_is_error(void **state)
{
	(void)state;
	struct check_result res;
	char *out = run_check(FIX "dup", &res);
	assert_counts(out, &res, 1, 0, 2);
	/* Either file may carry the message; it names the other. */
	if (!has_line(out, FIX "dup/01-same.md:1: error: ",
		      "the id 'same' is also used by " FIX "dup/02-same.md") &&
	    !has_line(out, FIX "dup/02-same.md:1: error: ",
		      "the id 'same' is also used by " FIX "dup/01-same.md"))
		fail_msg("no duplicate id message in:\n%s", out);
	assert_int_equal(table_rows(out, "same", NULL), 2);
}

/* A misnamed article would vanish from the guide without a word: an
 * error, which says the one id rule. */
/* Articles after a duplicate id are still found by their links. */
static void test_links_after_a_duplicate_id_lead_somewhere(void **state)
{
	(void)state;
	static const char same[] = SUN_TITLE "\n\n" SUN_SUMMARY "\n\n" SUN_HEADING "\n\n"
		SUN_BODY "\n\n" SUN_SOURCES "\n\n" SUN_SOURCE "\n";
	static const char linking[] = SUN_TITLE "\n\n" SUN_SUMMARY "\n\n" SUN_HEADING "\n\n"
		"Read [the last](zed.md).\n\n" SUN_SOURCES "\n\n" SUN_SOURCE "\n";
	const char *dir = make_temp_dir();
	write_bytes(dir, "01-same.md", same, sizeof same - 1);
	write_bytes(dir, "02-same.md", same, sizeof same - 1);
	write_bytes(dir, "03-linking.md", linking, sizeof linking - 1);
	write_bytes(dir, "04-zed.md", same, sizeof same - 1);
	struct check_result res;
	char *out = run_check(dir, &res);
	assert_counts(out, &res, 1, 0, 4);
	assert_no_substring(out, "leads to no article");
}

static void test_misnamed_file_is_error(void **state)
{
	(void)state;
	struct check_result res;
	char *out = run_check(FIX "stray", &res);
	assert_counts(out, &res, 1, 0, 1);
	assert_line(out, FIX "stray/intro.md:1: error: ", "not shown");
	assert_line(out, FIX "stray/intro.md:1: error: ", GUIDE_ID_RULE);
	/* index.md is the guide's own page; notes.txt is not Markdown. */
	assert_no_substring(out, "index.md");
	assert_no_substring(out, "notes.txt");
	assert_row(out, "sun");
	assert_int_equal(table_rows(out, "intro", NULL), 0);
}

/* A directory given with a trailing '/' names the stray file as the
 * articles are named (join_path), without a doubled slash. */
static void test_misnamed_file_path_with_trailing_slash(void **state)
{
	(void)state;
	struct check_result res;
	char *out = run_check(FIX "stray/", &res);
	assert_counts(out, &res, 1, 0, 1);
	assert_no_substring(out, "//");
	assert_line(out, FIX "stray/intro.md:1: error: ", "not shown");
}

static void test_level_four_heading_is_warning(void **state)
{
	(void)state;
	struct check_result res;
	char *out = run_check(FIX "deep_heading", &res);
	assert_counts(out, &res, 0, 1, 1);
	assert_line(out, FIX "deep_heading/01-deep.md:9: warning: ", "level-4 heading");
	assert_row(out, "deep");
}

/* "# " alone is no title: the menu would show an empty line. */
static void test_empty_title_is_error(void **state)
{
	(void)state;
	static const char article[] = "# \n\n" SUN_SUMMARY "\n\n" SUN_HEADING "\n\n"
		SUN_BODY "\n\n" SUN_SOURCES "\n\n" SUN_SOURCE "\n";
	const char *dir = make_temp_dir();
	write_bytes(dir, "01-sun.md", article, sizeof article - 1);
	struct check_result res;
	char *out = run_check(dir, &res);
	assert_line(out, fmt("%s/01-sun.md:1: error: ", dir), "the title is empty");
}

/* Screen readers jump by heading level: a skipped one is said, and how
 * to mend it. */
static void test_skipped_heading_level_is_warning(void **state)
{
	(void)state;
	static const char article[] = SUN_TITLE "\n\n" SUN_SUMMARY "\n\n### Too deep\n\n"
		SUN_BODY "\n\n" SUN_SOURCES "\n\n" SUN_SOURCE "\n";
	const char *dir = make_temp_dir();
	write_bytes(dir, "01-sun.md", article, sizeof article - 1);
	struct check_result res;
	char *out = run_check(dir, &res);
	assert_line(out, fmt("%s/01-sun.md:5: warning: ", dir), "a level-3 heading right "
		    "after a level-1 one skips a level; use ##");
	assert_int_equal(res.warnings, 1);
}

static void test_summary_over_70_columns_is_warning(void **state)
{
	(void)state;
	struct check_result res;
	char *out = run_check(FIX "long_summary", &res);
	/* 01-long.md has 71 characters, 02-edge.md exactly 70. */
	assert_counts(out, &res, 0, 1, 2);
	assert_line(out, FIX "long_summary/01-long.md:3: warning: ",
		    "the summary is 71 characters");
	assert_no_substring(out, "02-edge.md");
	assert_row(out, "long");
	assert_row(out, "edge");
}

static void test_long_sentences_warn_then_fail(void **state)
{
	(void)state;
	struct check_result res;
	char *out = run_check(FIX "sentences", &res);
	/* Sentences of 20 (fine), 21 and 30 (warnings) and 31 words (error). */
	assert_counts(out, &res, 1, 2, 4);
	assert_no_substring(out, "01-twenty.md");
	assert_line(out, FIX "sentences/02-twentyone.md:7: warning: ",
		    "a sentence of 21 words");
	assert_line(out, FIX "sentences/03-thirty.md:7: warning: ", "a sentence of 30 words");
	assert_line(out, FIX "sentences/04-thirtyone.md:7: error: ",
		    "a sentence of 31 words");
	/* The message quotes the start of the sentence. */
	assert_line(out, FIX "sentences/04-thirtyone.md:7: error: ", "\"Put a coat of sun");
	assert_row(out, "twenty");
	assert_row(out, "twentyone");
	assert_row(out, "thirty");
	assert_row(out, "thirtyone");
}

static void test_grade_above_8_is_error(void **state)
{
	(void)state;
	struct check_result res;
	char *out = run_check(FIX "grade_high", &res);
	assert_counts(out, &res, 1, 0, 1);
	assert_line(out, FIX "grade_high/01-hard.md:1: error: ", "reading grade");
	assert_line(out, FIX "grade_high/01-hard.md:1: error: ", "above 8");
	struct row row;
	assert_int_equal(table_rows(out, "hard", &row), 1);
	assert_true(row.grade > CHECK_GRADE_ERROR);
}

static void test_grade_between_7_and_8_is_warning(void **state)
{
	(void)state;
	struct check_result res;
	char *out = run_check(FIX "grade_warn", &res);
	assert_counts(out, &res, 0, 1, 1);
	assert_line(out, FIX "grade_warn/01-medium.md:1: warning: ", "reading grade 7.");
	struct row row;
	assert_int_equal(table_rows(out, "medium", &row), 1);
	assert_true(row.grade > CHECK_GRADE_WARN);
	assert_true(row.grade <= CHECK_GRADE_ERROR);
}

static void test_missing_directory_is_one_error(void **state)
{
	(void)state;
	struct check_result res;
	char *out = run_check(FIX "no-such-directory", &res);
	assert_int_equal(res.errors, 1);
	assert_int_equal(res.warnings, 0);
	assert_int_equal(res.articles, 0);
	assert_non_null(strstr(out, FIX "no-such-directory"));
	assert_line(out, FIX "no-such-directory: error: ", "cannot open the content folder");
}

/* A folder's name may hold escape codes: the message shows them as '?'. */
static void test_missing_directory_name_is_sanitised(void **state)
{
	(void)state;
	struct check_result res;
	char *out = run_check("/nonexistent/\x1b]0;owned\x07x", &res);
	assert_int_equal(res.errors, 1);
	assert_no_substring(out, "\x1b");
	assert_no_substring(out, "\x07");
	assert_line(out, "/nonexistent/", ": error: cannot open the content folder");
}

static void test_directory_without_articles_is_one_error(void **state)
{
	(void)state;
	const char *dir = make_temp_dir();
	write_bytes(dir, "notes.txt", "x\n", 2);
	struct check_result res;
	char *out = run_check(dir, &res);
	assert_int_equal(res.errors, 1);
	assert_int_equal(res.warnings, 0);
	assert_int_equal(res.articles, 0);
	assert_non_null(strstr(out, dir));
	assert_non_null(strstr(out, "no articles"));
}

/* An article that cannot be read is an error, reported in the same
 * "path:line: error:" form as every other problem. */
static void test_unreadable_article_is_error_line(void **state)
{
	(void)state;
	static const char sun[] = SUN_TITLE "\n\n" SUN_SUMMARY "\n\n" SUN_HEADING "\n\n"
		SUN_BODY "\n\n" SUN_SOURCES "\n\n" SUN_SOURCE "\n";
	const char *dir = make_temp_dir();
	write_bytes(dir, "01-sun.md", sun, sizeof sun - 1);
	const char *folder = fmt("%s/02-folder.md", dir);
	assert_int_equal(mkdir(folder, 0700), 0);
	struct check_result res;
	char *out = run_check(dir, &res);
	assert_int_equal(res.errors, 1);
	assert_int_equal(res.warnings, 0);
	assert_int_equal(res.articles, 2);
	assert_non_null(strstr(out, folder));
	assert_line(out, fmt("%s:1: error: ", folder), "is a folder, not an article");
	assert_row(out, "sun");
}

/* ---- bytes: check_dir on files made at test time ------------------------ */

/* Column (from 1) of `at` in its line: the text before it is ASCII. */
static size_t column_of(const char *text, const char *at)
{
	const char *line = at;
	while (line > text && line[-1] != '\n')
		line--;
	return (size_t)(at - line) + 1;
}

static void test_check_dir_reports_bad_bytes(void **state)
{
	(void)state;
	/* ESC on line 7, an invalid byte (0xff) on line 9. */
	static const char text[] = SUN_TITLE "\n\n" SUN_SUMMARY "\n\n" SUN_HEADING "\n\n"
		"Put on sun cream.\x1b[1m Wear a hat.\n\nWear a hat \xff too.\n\n"
		SUN_SOURCES "\n\n" SUN_SOURCE "\n";
	size_t esc = column_of(text, strchr(text, '\x1b'));
	size_t bad = column_of(text, strchr(text, '\xff'));
	const char *dir = make_temp_dir();
	write_bytes(dir, "01-bytes.md", text, sizeof text - 1);
	struct check_result res;
	char *out = run_check(dir, &res);
	assert_counts(out, &res, 2, 0, 1);
	const char *path = fmt("%s/01-bytes.md", dir);
	assert_line(out, fmt("%s:7: error: ", path),
		    fmt("column %zu is an escape character", esc));
	assert_line(out, fmt("%s:9: error: ", path), fmt("column %zu is invalid UTF-8", bad));
	assert_row(out, "bytes");
}

static void test_check_dir_accepts_crlf(void **state)
{
	(void)state;
	static const char text[] = SUN_TITLE "\r\n\r\n" SUN_SUMMARY "\r\n\r\n" SUN_HEADING
		"\r\n\r\n" SUN_BODY "\r\n\r\n" SUN_SOURCES "\r\n\r\n" SUN_SOURCE "\r\n";
	const char *dir = make_temp_dir();
	write_bytes(dir, "01-crlf.md", text, sizeof text - 1);
	struct check_result res;
	char *out = run_check(dir, &res);
	assert_counts(out, &res, 0, 0, 1);
	struct row row;
	assert_int_equal(table_rows(out, "crlf", &row), 1);
	assert_int_equal(row.words, 19);
	assert_int_equal(row.sentences, 5);
}

/* ---- check_bytes ------------------------------------------------------- */

static void test_bytes_clean_text_has_no_problems(void **state)
{
	(void)state;
	/* Tab, CRLF, wide and accented characters and a real U+FFFD are fine. */
	static const char s[] = "a\tb\r\nCaf\xc3\xa9 \xe4\xb8\xad \xf0\x9f\x98\x80 \xef\xbf\xbd\n";
	size_t problems;
	char *out = run_bytes("x.md", s, sizeof s - 1, &problems);
	assert_int_equal(problems, 0);
	assert_string_equal(out, "");
}

static void test_bytes_invalid_utf8(void **state)
{
	(void)state;
	static const char s[] = "ab\nc\xff" "d\n";
	size_t problems;
	char *out = run_bytes("x.md", s, sizeof s - 1, &problems);
	assert_int_equal(problems, 1);
	assert_string_equal(out, "x.md:2: error: column 2 is invalid UTF-8; save the file "
			    "as UTF-8\n");
}

static void test_bytes_escape_is_control(void **state)
{
	(void)state;
	static const char s[] = "ab\ncd\n\x1b[31mred\n";
	size_t problems;
	char *out = run_bytes("x.md", s, sizeof s - 1, &problems);
	assert_int_equal(problems, 1);
	/* Named, and the code after it with it: ESC alone deleted would
	 * leave "[31m" in the text. */
	assert_string_equal(out, "x.md:3: error: column 1 is an escape character (U+001B), the "
			    "start of the terminal code \"[31m\" after it; delete both\n");
	static const char bare[] = "end\x1b\n";
	out = run_bytes("x.md", bare, sizeof bare - 1, &problems);
	assert_string_equal(out, "x.md:1: error: column 4 is an escape character (U+001B); "
			    "delete it\n");
	static const char bell[] = "ab\x07\n";
	out = run_bytes("x.md", bell, sizeof bell - 1, &problems);
	assert_string_equal(out, "x.md:1: error: column 3 is a control character (U+0007); "
			    "delete it\n");
}

static void test_bytes_lone_cr_del_c1_and_nul_are_control(void **state)
{
	(void)state;
	/* CR not before LF (column 2), DEL (column 4), U+0085 (column 6), NUL
	 * (column 8), all on line 1: columns count characters, not bytes. */
	static const char s[] = "a\rb\x7f" "c\xc2\x85" "d\0e\n";
	size_t problems;
	char *out = run_bytes("x.md", s, sizeof s - 1, &problems);
	assert_int_equal(problems, 4);
	assert_line(out, "x.md:1: error: ", "column 2 is a control character");
	assert_line(out, "x.md:1: error: ", "column 4 is a control character");
	assert_line(out, "x.md:1: error: ", "column 6 is a control character");
	assert_line(out, "x.md:1: error: ", "column 8 is a control character");
	assert_int_equal(count_lines_with(out, ": error: "), 4);
}

static void test_bytes_crlf_is_fine_and_counts_lines(void **state)
{
	(void)state;
	static const char s[] = "a\r\nb\r\nc\xff\r\n";
	size_t problems;
	char *out = run_bytes("x.md", s, sizeof s - 1, &problems);
	assert_int_equal(problems, 1);
	assert_string_equal(out, "x.md:3: error: column 2 is invalid UTF-8; save the file "
			    "as UTF-8\n");
}

static void test_bytes_many_problems_are_summed_up(void **state)
{
	(void)state;
	static const char s[] = "\xff\xff\xff\xff\xff\xff\xff\n";
	size_t problems;
	char *out = run_bytes("x.md", s, sizeof s - 1, &problems);
	assert_int_equal(problems, 7);
	assert_int_equal(count_lines_with(out, "x.md:1: error: column "), 5);
	assert_line(out, "x.md:1: error: ", "column 5 is invalid UTF-8");
	assert_no_substring(out, "column 6 ");
	assert_line(out, "x.md: error: ", "2 more problems");
}

/* check_bytes steps over printable ASCII in runs.  A scan that decodes
 * every character, as it did before, must find the same problems at the
 * same lines and columns: here written as "line:column" lines. */
static size_t decoding_scan(const char *s, size_t n, struct buf *out)
{
	size_t problems = 0, col = 1;
	int line = 1;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = text_decode(s + i, n - i, &cp);
		bool real_fffd = len == 3 && memcmp(s + i, "\xef\xbf\xbd", 3) == 0;
		bool bad = (cp == TEXT_REPLACEMENT && !real_fffd) ||
			   (cp == '\r' ? !(i + 1 < n && s[i + 1] == '\n') : text_is_control(cp)) ||
			   (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
		if (bad && ++problems <= 5)
			buf_printf(out, "%d:%zu\n", line, col);
		col++;
		if (cp == '\n') {
			line++;
			col = 1;
		}
		i += len;
	}
	return problems;
}

/* The "line:column" of each problem check_bytes printed. */
static void printed_places(const char *printed, struct buf *out)
{
	for (const char *p = printed; *p;) {
		int line;
		size_t col;
		if (sscanf(p, "x.md:%d: error: column %zu ", &line, &col) == 2)
			buf_printf(out, "%d:%zu\n", line, col);
		p += strcspn(p, "\n");
		p += *p == '\n';
	}
}

static void assert_scans_agree(const char *s, size_t n)
{
	struct buf want = BUF_INIT, got = BUF_INIT;
	size_t expected = decoding_scan(s, n, &want);
	/* Hundreds of runs: not run_bytes(), whose text stays to the end. */
	char *printed = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&printed, &len);
	assert_non_null(f);
	size_t problems = check_bytes("x.md", s, n, f);
	assert_int_equal(fclose(f), 0);
	printed_places(printed, &got);
	free(printed);
	bool same = problems == expected && strcmp(buf_str(&got), buf_str(&want)) == 0;
	const char *why = same ? NULL : fmt("%zu problems at %s; decoding: %zu at %s", problems,
					    buf_str(&got), expected, buf_str(&want));
	buf_free(&want);
	buf_free(&got);
	if (why)
		fail_msg("%s", why);
}

static void test_bytes_ascii_runs_agree_with_decoding(void **state)
{
	(void)state;
	/* Every ASCII byte after a run, before one and alone, behind two
	 * characters of two and three bytes, so that columns count
	 * characters. */
	for (int b = 0; b < 0x80; b++) {
		char s[] = "\xc3\xa9\xe2\x82\xac" "ab?c\n?\n" "d?";
		for (char *q = s; (q = memchr(q, '?', (size_t)(s + sizeof s - 1 - q))) != NULL; q++)
			*q = (char)b;
		assert_scans_agree(s, sizeof s - 1);
	}
	/* Made-up files from pieces: text, tab, CR, LF, CRLF, ESC, DEL,
	 * NUL, UTF-8 of two to four bytes, U+0085, a bidi override, a real
	 * U+FFFD, and invalid or cut-off UTF-8. */
	static const char *const pieces[] = {
		"a", "Zz ", "\t", "\n", "\r", "\r\n", "\x1b", "\x7f", "\xc3\xa9", "\xe2\x82\xac",
		"\xf0\x9f\x98\x80", "\xc2\x85", "\xe2\x80\xae", "\xef\xbf\xbd", "\xff", "\xc3", "\xe2\x82", "\x80",
	};
	const size_t npieces = sizeof pieces / sizeof pieces[0];
	uint32_t seed = 12345;
	for (int round = 0; round < 500; round++) {
		char s[256];
		size_t n = 0;
		seed = seed * 1103515245u + 12345u;
		for (size_t k = (seed >> 16) % 40; k > 0; k--) {
			seed = seed * 1103515245u + 12345u;
			const char *piece = pieces[(seed >> 16) % npieces];
			memcpy(s + n, piece, strlen(piece));
			n += strlen(piece);
		}
		if (round % 7 == 0 && n > 0)
			s[n / 2] = '\0';
		assert_scans_agree(s, n);
	}
}

/* Controls and bidi overrides written as entities are found in text
 * that skips ASCII runs: after plain words, after UTF-8 letters, first,
 * in a link's address; a tab (allowed) and code (where an entity stays
 * five plain bytes) give nothing. */
static void test_entities_found_after_ascii_and_utf8_text(void **state)
{
	(void)state;
	static const char text[] = SUN_TITLE "\n\n" SUN_SUMMARY "\n\n" SUN_HEADING "\n\n"
		SUN_BODY "\n\n"                                     /* 1-8 */
		"Put it on &#27; then go.\n\n"                       /* 9 */
		"Caf\xc3\xa9 \xe4\xb8\xad then &#x9b; here.\n\n"        /* 11 */
		"&#8238;Go out later.\n\n"                           /* 13 */
		"Caf\xc3\xa9 and a tab &#9; here.\n\n"                 /* 15 */
		"Read [this](https://example.org/&#27;x) now.\n\n"   /* 17 */
		"Type `&#27;` as it is.\n\n"                         /* 19 */
		SUN_SOURCES "\n\n" SUN_SOURCE "\n";
	const char *dir = make_temp_dir();
	write_bytes(dir, "01-ent.md", text, sizeof text - 1);
	struct check_result res;
	char *out = run_check(dir, &res);
	const char *path = fmt("%s/01-ent.md", dir);
	const char *what = "written as an entity";
	assert_line(out, fmt("%s:9: error: ", path), what);
	assert_line(out, fmt("%s:11: error: ", path), what);
	assert_line(out, fmt("%s:13: error: ", path), what);
	assert_line(out, fmt("%s:17: error: ", path), what);
	assert_int_equal(count_lines_with(out, what), 4);
}

static void test_findings_come_in_line_order(void **state)
{
	(void)state;
	/* A broken link on line 9 is found after the empty section on line
	 * 11 (sections are checked first), but is printed before it. */
	static const char text[] = "# Sun\n\nSummary of the sun.\n\n## Part\n\n"
		"Some words.\n\nSee [this](nope.md).\n\n## Empty\n\n## Sources\n\n"
		"- A source.\n\n" SUN_REVIEWED "\n";
	const char *dir = make_temp_dir();
	write_bytes(dir, "01-order.md", text, sizeof text - 1);
	struct check_result res;
	char *out = run_check(dir, &res);
	assert_counts(out, &res, 2, 0, 1);
	const char *link = strstr(out, ":9: error: ");
	const char *empty = strstr(out, ":11: error: ");
	assert_non_null(link);
	assert_non_null(empty);
	assert_true(link < empty);
}

static void test_short_article_grade_is_not_judged(void **state)
{
	(void)state;
	/* Few long words score a high grade that means nothing. */
	static const char text[] = "# Administration\n\nDocumentation.\n\n## Consultation\n\n"
		"Organisational communication.\n\n## Sources\n\n- A source.\n\n" SUN_REVIEWED "\n";
	const char *dir = make_temp_dir();
	write_bytes(dir, "01-short.md", text, sizeof text - 1);
	struct check_result res;
	char *out = run_check(dir, &res);
	assert_counts(out, &res, 0, 0, 1);
	assert_no_substring(out, "reading grade");
}

static void test_index_is_checked_too(void **state)
{
	(void)state;
	static const char index_md[] = "Welcome \x07 to [the guide](nope.md).\n";
	static const char article[] = SUN_TITLE "\n\n" SUN_SUMMARY "\n\n" SUN_HEADING "\n\n"
		SUN_BODY "\n\n" SUN_SOURCES "\n\n" SUN_SOURCE "\n";
	const char *dir = make_temp_dir();
	write_bytes(dir, "index.md", index_md, sizeof index_md - 1);
	write_bytes(dir, "01-sun.md", article, sizeof article - 1);
	struct check_result res;
	char *out = run_check(dir, &res);
	assert_counts(out, &res, 3, 0, 1);
	const char *path = fmt("%s/index.md:1: error: ", dir);
	assert_line(out, path, "control character");
	assert_line(out, path, "no title");
	assert_line(out, path, "leads to no article");
}

static void test_stray_names_are_shown_safely_after_articles(void **state)
{
	(void)state;
	static const char article[] = SUN_TITLE "\n\n" SUN_SUMMARY "\n\n" SUN_HEADING "\n\n"
		SUN_BODY "\n\n" SUN_SOURCES "\n\n" SUN_SOURCE "\n";
	const char *dir = make_temp_dir();
	write_bytes(dir, "01-sun.md", article, sizeof article - 1);
	write_bytes(dir, "0\x1b[2J-x.md", "# X\n", 4);
	struct check_result res;
	char *out = run_check(dir, &res);
	assert_counts(out, &res, 1, 0, 1);
	assert_no_substring(out, "\x1b");
	assert_line(out, fmt("%s/0?[2J-x.md:1: error: ", dir), "not shown");
}

/* Capitals, '_' and a leading '-' break the id rule; each is an error. */
static void test_ids_outside_the_rule_are_errors(void **state)
{
	(void)state;
	static const char article[] = SUN_TITLE "\n\n" SUN_SUMMARY "\n\n" SUN_HEADING "\n\n"
		SUN_BODY "\n\n" SUN_SOURCES "\n\n" SUN_SOURCE "\n";
	const char *dir = make_temp_dir();
	write_bytes(dir, "01-sun.md", article, sizeof article - 1);
	write_bytes(dir, "04-First.md", article, sizeof article - 1);
	write_bytes(dir, "05-first_visit.md", article, sizeof article - 1);
	write_bytes(dir, "06--x.md", article, sizeof article - 1);
	struct check_result res;
	char *out = run_check(dir, &res);
	assert_counts(out, &res, 3, 0, 1);
	assert_line(out, fmt("%s/04-First.md:1: error: ", dir), "not shown");
	assert_line(out, fmt("%s/05-first_visit.md:1: error: ", dir), "not shown");
	assert_line(out, fmt("%s/06--x.md:1: error: ", dir), "not shown");
	assert_row(out, "sun");
}

/* A note between editors before the title is hidden from readers, so it
 * is not "text before the title"; a paragraph there still is. */
static void test_comment_before_title_is_fine(void **state)
{
	(void)state;
	static const char commented[] = "<!-- Reviewed by the nurse lead. -->\n\n"
		"<!--\nTwo lines\nof notes.\n-->\n" SUN_TITLE "\n\n" SUN_SUMMARY "\n\n"
		SUN_HEADING "\n\n" SUN_BODY "\n\n" SUN_SOURCES "\n\n" SUN_SOURCE "\n";
	static const char text_first[] = "<!-- note -->\n\nHello.\n\n" SUN_TITLE "\n\n"
		SUN_SUMMARY "\n\n" SUN_HEADING "\n\n" SUN_BODY "\n\n" SUN_SOURCES "\n\n"
		SUN_SOURCE "\n";
	const char *dir = make_temp_dir();
	write_bytes(dir, "01-commented.md", commented, sizeof commented - 1);
	write_bytes(dir, "02-text-first.md", text_first, sizeof text_first - 1);
	struct check_result res;
	char *out = run_check(dir, &res);
	assert_counts(out, &res, 0, 1, 2);
	assert_no_substring(out, "01-commented.md");
	assert_line(out, fmt("%s/02-text-first.md:5: warning: ", dir), "text before the title");
}

/* A GFM table is a paragraph of pipes in CommonMark: warned at its first
 * row, in a quote or a list too; pipes without a rule row, and a table
 * in a code block, are fine. */
static void test_tables_are_warned(void **state)
{
	(void)state;
	static const char text[] = SUN_TITLE "\n\n" SUN_SUMMARY "\n\n" SUN_HEADING "\n\n"
		SUN_BODY "\n\n"                                   /* 1-8 */
		"| Day | What to do |\n|-----|:----------:|\n| 1 | Rest |\n\n"  /* 9-12 */
		"> Call us\n> | a | b |\n> | --- | --- |\n\n"       /* 13-16 */
		"- Item\n\n  a | b\n  --|--\n\n"                    /* 17-21 */
		"Cats | dogs are fine here.\n\n"                     /* 22-23 */
		"    | x |\n    |---|\n\n"                           /* 24-26 */
		SUN_SOURCES "\n\n" SUN_SOURCE "\n";
	const char *dir = make_temp_dir();
	write_bytes(dir, "01-table.md", text, sizeof text - 1);
	struct check_result res;
	char *out = run_check(dir, &res);
	assert_counts(out, &res, 0, 3, 1);
	const char *path = fmt("%s/01-table.md", dir);
	assert_line(out, fmt("%s:9: warning: ", path), "tables are not supported; use a list");
	assert_line(out, fmt("%s:14: warning: ", path), "tables are not supported");
	assert_line(out, fmt("%s:19: warning: ", path), "tables are not supported");
}

/* Very short words and sentences give a negative Flesch-Kincaid grade,
 * which the table shows as "below 1", never as "-2.3". */
static void test_grade_below_one_is_said_so(void **state)
{
	(void)state;
	struct check_result res;
	char *out = run_check(FIX "clean", &res);
	struct row row;
	assert_int_equal(table_rows(out, "sun", &row), 1);
	assert_true(row.below_one);
	assert_no_substring(out, " -");
	out = run_check(FIX "grade_warn", &res);
	assert_int_equal(table_rows(out, "medium", &row), 1);
	assert_false(row.below_one);
	assert_true(row.grade > 7.0);
}

/* ---- the clinic's details --------------------------------------------- */

/* clinic.md is checked by its own rules (it is no stray), and clinic:
 * links need a known field and words of their own. */
static void test_clinic_file_and_links(void **state)
{
	(void)state;
	struct check_result res;
	char *out = run_check(FIX "clinic", &res);
	assert_counts(out, &res, 8, 0, 1);
	const char *file = FIX "clinic/clinic.md:";
	assert_line(out, fmt("%s4: error: ", file), "unknown field 'Fax'");
	assert_line(out, fmt("%s5: error: ", file), "'01632 96O123' is not a phone number");
	assert_line(out, fmt("%s6: error: ", file), "given twice");
	assert_line(out, fmt("%s7: error: ", file), "has no value");
	assert_line(out, fmt("%s8: error: ", file), "not a 'Field: value' line");
	assert_line(out, fmt("%s10: error: ", file), "only a '#' title");
	assert_no_substring(out, "not shown");
	assert_line(out, FIX "clinic/01-links.md:8: error: ",
		    "'clinic:fax' names no clinic detail");
	assert_line(out, FIX "clinic/01-links.md:9: error: ", "'clinic:emergency' has no words");
	/* [Call your clinic](clinic:phone) on line 7 is fine. */
	assert_no_substring(out, "01-links.md:7:");
	assert_row(out, "links");
}

/* The good fixture, and examples/clinic.md beside an article, are clean. */
static void test_clinic_example_is_clean(void **state)
{
	(void)state;
	struct check_result res;
	char *out = run_check("tests/fixtures/clinic", &res);
	assert_counts(out, &res, 0, 0, 1);
	struct buf src = BUF_INIT;
	assert_true(guide_read_file("examples/clinic.md", &src, NULL));
	static const char article[] = SUN_TITLE "\n\n" SUN_SUMMARY "\n\n" SUN_HEADING "\n\n"
		SUN_BODY "\n\n" SUN_SOURCES "\n\n" SUN_SOURCE "\n";
	const char *dir = make_temp_dir();
	write_bytes(dir, "01-sun.md", article, sizeof article - 1);
	write_bytes(dir, "clinic.md", src.data, src.len);
	buf_free(&src);
	out = run_check(dir, &res);
	assert_counts(out, &res, 0, 0, 1);
}

/* Bytes in clinic.md are checked as in any file. */
static void test_clinic_file_bytes(void **state)
{
	(void)state;
	static const char article[] = SUN_TITLE "\n\n" SUN_SUMMARY "\n\n" SUN_HEADING "\n\n"
		SUN_BODY "\n\n" SUN_SOURCES "\n\n" SUN_SOURCE "\n";
	static const char clinic[] = "- Name: A\x1b[2J clinic\n- Daytime phone: 01632 960123\n";
	const char *dir = make_temp_dir();
	write_bytes(dir, "01-sun.md", article, sizeof article - 1);
	write_bytes(dir, "clinic.md", clinic, sizeof clinic - 1);
	struct check_result res;
	char *out = run_check(dir, &res);
	assert_counts(out, &res, 1, 0, 1);
	assert_line(out, fmt("%s/clinic.md:1: error: ", dir), "column 10 is an escape character");
	assert_no_substring(out, "\x1b");
}

/* ---- review dates ------------------------------------------------------ */

/* The sun article (13 lines before its end) with `ending` in place of its
 * review date; checked on TODAY. */
static char *check_ending(const char *ending, struct check_result *res)
{
	const char *dir = make_temp_dir();
	const char *text = fmt(SUN_TITLE "\n\n" SUN_SUMMARY "\n\n" SUN_HEADING "\n\n"
			       SUN_BODY "\n\n" SUN_SOURCES "\n\n- NHS: sun safety.\n\n%s",
			       ending);
	write_bytes(dir, "01-sun.md", text, strlen(text));
	char *out = run_check(dir, res);
	remove_temp_dir();
	return out;
}

/* A line of the sun article's findings: "<dir>/01-sun.md:" + `what`, with
 * `phrase` in it. */
static void assert_sun_line(const char *out, const char *what, const char *phrase)
{
	const char *needle = fmt("/01-sun.md:%s", what);
	for (const char *p = out; *p;) {
		size_t len = strcspn(p, "\n");
		char *line = xstrndup(p, len);
		const char *at = strstr(line, needle);
		bool found = at && at[-1] != '\n' && strstr(at, phrase);
		free(line);
		if (found)
			return;
		p += len + (p[len] == '\n');
	}
	fail_msg("no line with \"%s\" and \"%s\" in:\n%s", needle, phrase, out);
}

static void test_review_date_missing_is_error(void **state)
{
	(void)state;
	struct check_result res;
	char *out = check_ending("", &res);
	assert_counts(out, &res, 1, 0, 1);
	/* At the last line, with today's date as the example to copy. */
	assert_sun_line(out, "11: error: ", "no review date");
	assert_sun_line(out, "11: error: ", "'Last reviewed: " TODAY "'");
}

static void test_review_date_must_be_a_real_date(void **state)
{
	(void)state;
	const char *const bad[] = {"2026-02-29", "2026-13-01", "2026-00-10", "2026-11-31",
				   "30/11/2026", "2026-1-5", "2026-11-30 or so", "soon", ""};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct check_result res;
		char *out = check_ending(fmt("Last reviewed: %s\n", bad[i]), &res);
		assert_counts(out, &res, 1, 0, 1);
		assert_sun_line(out, "13: error: ", "is not a date");
		assert_sun_line(out, "13: error: ", "YYYY-MM-DD");
	}
	/* 2024 is a leap year; markup and spaces around the date are fine. */
	const char *const good[] = {"2024-02-29", "**2026-01-15**", " 2026-01-15  "};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		struct check_result res;
		char *out = check_ending(fmt("Last reviewed: %s\n", good[i]), &res);
		assert_counts(out, &res, 0, 0, 1);
	}
}

/* Three years to the day is still fine; a day more is a warning, and a
 * day after today is a slip. */
static void test_review_date_older_than_three_years_warns(void **state)
{
	(void)state;
	struct check_result res;
	char *out = check_ending("Last reviewed: 2023-11-30\n", &res);
	assert_counts(out, &res, 0, 0, 1);
	out = check_ending("Last reviewed: 2023-11-29\n", &res);
	assert_counts(out, &res, 0, 1, 1);
	assert_sun_line(out, "13: warning: ", "last reviewed on 2023-11-29, more "
		    "than three years ago");
	out = check_ending("Last reviewed: " TODAY "\n", &res);
	assert_counts(out, &res, 0, 0, 1);
	out = check_ending("Last reviewed: 2026-12-01\n", &res);
	assert_counts(out, &res, 0, 1, 1);
	assert_sun_line(out, "13: warning: ", "is after today");
}

/* The date belongs at the end; an editor's note may follow it. */
static void test_review_date_is_the_last_paragraph(void **state)
{
	(void)state;
	struct check_result res;
	char *out = check_ending("Last reviewed: 2026-01-15\n\n<!-- next: spring -->\n", &res);
	assert_counts(out, &res, 0, 0, 1);
	out = check_ending("Last reviewed: 2026-01-15\n\nA last word.\n", &res);
	assert_counts(out, &res, 1, 0, 1);
	assert_sun_line(out, "13: error: ", "not the last paragraph");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_clean_guide_has_no_errors_or_warnings, teardown),
		cmocka_unit_test_teardown(test_no_title_is_error, teardown),
		cmocka_unit_test_teardown(test_second_title_is_error, teardown),
		cmocka_unit_test_teardown(test_text_before_title_is_warning, teardown),
		cmocka_unit_test_teardown(test_list_after_title_is_no_summary, teardown),
		cmocka_unit_test_teardown(test_empty_sections_are_errors, teardown),
		cmocka_unit_test_teardown(test_missing_sources_is_error, teardown),
		cmocka_unit_test_teardown(test_bad_links_are_errors_good_ones_are_not, teardown),
		cmocka_unit_test_teardown(test_duplicate_id_is_error, teardown),
		cmocka_unit_test_teardown(test_links_after_a_duplicate_id_lead_somewhere, teardown),
		cmocka_unit_test_teardown(test_misnamed_file_is_error, teardown),
		cmocka_unit_test_teardown(test_ids_outside_the_rule_are_errors, teardown),
		cmocka_unit_test_teardown(test_misnamed_file_path_with_trailing_slash, teardown),
		cmocka_unit_test_teardown(test_level_four_heading_is_warning, teardown),
		cmocka_unit_test_teardown(test_skipped_heading_level_is_warning, teardown),
		cmocka_unit_test_teardown(test_empty_title_is_error, teardown),
		cmocka_unit_test_teardown(test_summary_over_70_columns_is_warning, teardown),
		cmocka_unit_test_teardown(test_long_sentences_warn_then_fail, teardown),
		cmocka_unit_test_teardown(test_grade_above_8_is_error, teardown),
		cmocka_unit_test_teardown(test_grade_between_7_and_8_is_warning, teardown),
		cmocka_unit_test_teardown(test_missing_directory_is_one_error, teardown),
		cmocka_unit_test_teardown(test_missing_directory_name_is_sanitised, teardown),
		cmocka_unit_test_teardown(test_directory_without_articles_is_one_error, teardown),
		cmocka_unit_test_teardown(test_unreadable_article_is_error_line, teardown),
		cmocka_unit_test_teardown(test_check_dir_reports_bad_bytes, teardown),
		cmocka_unit_test_teardown(test_findings_come_in_line_order, teardown),
		cmocka_unit_test_teardown(test_index_is_checked_too, teardown),
		cmocka_unit_test_teardown(test_stray_names_are_shown_safely_after_articles, teardown),
		cmocka_unit_test_teardown(test_short_article_grade_is_not_judged, teardown),
		cmocka_unit_test_teardown(test_check_dir_accepts_crlf, teardown),
		cmocka_unit_test_teardown(test_comment_before_title_is_fine, teardown),
		cmocka_unit_test_teardown(test_tables_are_warned, teardown),
		cmocka_unit_test_teardown(test_grade_below_one_is_said_so, teardown),
		cmocka_unit_test_teardown(test_clinic_file_and_links, teardown),
		cmocka_unit_test_teardown(test_clinic_example_is_clean, teardown),
		cmocka_unit_test_teardown(test_clinic_file_bytes, teardown),
		cmocka_unit_test_teardown(test_review_date_missing_is_error, teardown),
		cmocka_unit_test_teardown(test_review_date_must_be_a_real_date, teardown),
		cmocka_unit_test_teardown(test_review_date_older_than_three_years_warns,
					  teardown),
		cmocka_unit_test_teardown(test_review_date_is_the_last_paragraph, teardown),
		cmocka_unit_test_teardown(test_bytes_clean_text_has_no_problems, teardown),
		cmocka_unit_test_teardown(test_bytes_invalid_utf8, teardown),
		cmocka_unit_test_teardown(test_bytes_escape_is_control, teardown),
		cmocka_unit_test_teardown(test_bytes_lone_cr_del_c1_and_nul_are_control, teardown),
		cmocka_unit_test_teardown(test_bytes_crlf_is_fine_and_counts_lines, teardown),
		cmocka_unit_test_teardown(test_bytes_many_problems_are_summed_up, teardown),
		cmocka_unit_test_teardown(test_bytes_ascii_runs_agree_with_decoding, teardown),
		cmocka_unit_test_teardown(test_entities_found_after_ascii_and_utf8_text, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
