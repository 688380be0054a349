/* Unit tests for src/man.c: man_escape on its own, and the roff that
 * man_article and man_index write for the fixture guides (tests/fixtures/
 * guide, roff, hostile and check/links), checked line by line. */
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
#include <unistd.h>

#include "skinguide/buf.h"
#include "skinguide/content.h"
#include "skinguide/error.h"
#include "skinguide/man.h"

#define DATE "2024-01-02"
#define VERSION "9.8.7"

/* ---- helpers ----------------------------------------------------------- */

/* What a test allocates is kept here and freed by teardown(), so that a
 * failing assertion leaks nothing and leaves no directory behind. */
#define MAX_OWNED 32
static void *owned[MAX_OWNED];
static size_t nowned;
static struct guide *open_guide_ptr;
static char *temp_dir;

static void *own(void *p)
{
	assert_true(nowned < MAX_OWNED);
	owned[nowned++] = p;
	return p;
}

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
	guide_free(open_guide_ptr);
	open_guide_ptr = NULL;
	remove_temp_dir();
	return 0;
}

/* man_escape of `s` (owned). */
static const char *esc(const char *s)
{
	struct buf b = BUF_INIT;
	man_escape(&b, s);
	return own(buf_detach(&b));
}

static struct guide *open_guide(const char *dir)
{
	struct sg_error err = {""};
	assert_null(open_guide_ptr);
	open_guide_ptr = guide_open(dir, &err);
	if (!open_guide_ptr)
		fail_msg("guide_open(%s): %s", dir, err.msg);
	return open_guide_ptr;
}

/* The page of article `id` of the guide in `dir` (owned). */
static const char *article_page(const char *dir, const char *id)
{
	struct guide *g = open_guide(dir);
	long i = guide_find(g, id);
	assert_true(i >= 0);
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	assert_non_null(f);
	struct sg_error err = {""};
	bool ok = man_article(f, g, (size_t)i, DATE, VERSION, &err);
	assert_int_equal(fclose(f), 0);
	own(text);
	if (!ok)
		fail_msg("man_article(%s): %s", id, err.msg);
	return text;
}

static const char *index_page(const char *dir)
{
	struct guide *g = open_guide(dir);
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	assert_non_null(f);
	man_index(f, g, DATE, VERSION);
	assert_int_equal(fclose(f), 0);
	return own(text);
}

static void assert_has(const char *out, const char *needle)
{
	if (!strstr(out, needle))
		fail_msg("\"%s\" not found in:\n%s", needle, out);
}

static void assert_lacks(const char *out, const char *needle)
{
	if (strstr(out, needle))
		fail_msg("\"%s\" should not be in:\n%s", needle, out);
}

/* The page's lines, split in place in an owned copy; NULL-terminated. */
static char **lines_of(const char *out)
{
	char *copy = own(xstrdup(out));
	size_t count = 1;
	for (const char *p = copy; *p; p++)
		count += *p == '\n';
	char **lines = own(xcalloc(count + 1, sizeof *lines));
	size_t n = 0;
	for (char *p = copy; *p;) {
		lines[n++] = p;
		char *nl = strchr(p, '\n');
		if (!nl)
			break;
		*nl = '\0';
		p = nl + 1;
	}
	lines[n] = NULL;
	return lines;
}

/* No byte below 0x20 but the newline, and no DEL. */
static void assert_no_control_bytes(const char *out)
{
	for (const char *p = out; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if ((c < 0x20 && c != '\n') || c == 0x7f)
			fail_msg("control byte 0x%02x at offset %zu in:\n%s", c,
				 (size_t)(p - out), out);
	}
}

/* Every line that roff would take as a request or macro ('.' or '\'' at
 * its start) is one the renderer means to write. */
static void assert_only_known_requests(const char *out)
{
	static const char *const known[] = {".TH", ".SH", ".SS", ".PP", ".IP", ".TP", ".RS",
					    ".RE", ".nf", ".fi", ".BR", ".B", ".br", ".PD",
					    ".ad", ".nh", NULL};
	char **lines = lines_of(out);
	for (size_t i = 0; lines[i]; i++) {
		const char *l = lines[i];
		if (l[0] == '\'')
			fail_msg("line %zu starts with an apostrophe: %s", i + 1, l);
		if (l[0] != '.')
			continue;
		size_t name = strcspn(l, " ");
		bool ok = false;
		for (size_t k = 0; known[k]; k++)
			if (strlen(known[k]) == name && strncmp(l, known[k], name) == 0)
				ok = true;
		if (!ok)
			fail_msg("line %zu is an unexpected request: %s", i + 1, l);
	}
}

/* cmark writes a heading as ".SH" and its text on the next line; the
 * page's own headings are ".SH NAME" on one line.  Neither is followed by
 * a paragraph break. */
static void assert_no_pp_after_heading(const char *out)
{
	char **lines = lines_of(out);
	for (size_t i = 0; lines[i]; i++) {
		const char *l = lines[i];
		if (strncmp(l, ".SH", 3) != 0 && strncmp(l, ".SS", 3) != 0)
			continue;
		size_t after = l[3] == '\0' ? i + 2 : i + 1; /* past the heading text */
		for (size_t k = i + 1; k <= after; k++)
			if (!lines[k])
				return;
		if (strcmp(lines[after], ".PP") == 0)
			fail_msg(".PP on line %zu right after the heading on line %zu:\n%s",
				 after + 1, i + 1, out);
	}
}

/* mandoc's style rule: no line of text longer than 80 bytes (a macro
 * line, which roff reads whole, may be). */
static void assert_text_lines_fit(const char *out)
{
	char **lines = lines_of(out);
	for (size_t i = 0; lines[i]; i++)
		if (lines[i][0] != '.' && strlen(lines[i]) > 80)
			fail_msg("line %zu is %zu bytes: %s", i + 1, strlen(lines[i]), lines[i]);
}

/* The checks every page must pass. */
static void assert_sane_page(const char *out)
{
	assert_text_lines_fit(out);
	assert_true(strncmp(out, ".TH ", 4) == 0);
	assert_true(strlen(out) > 0 && out[strlen(out) - 1] == '\n');
	assert_no_control_bytes(out);
	assert_no_pp_after_heading(out);
	assert_lacks(out, "\\f[C]");
	assert_lacks(out, "\\f[]");
	assert_only_known_requests(out);
}

/* ---- man_escape -------------------------------------------------------- */

static void test_escape_plain_text_unchanged(void **state)
{
	(void)state;
	assert_string_equal(esc("Wash the skin gently."), "Wash the skin gently.");
	assert_string_equal(esc(""), "");
}

static void test_escape_leading_dot_and_apostrophe(void **state)
{
	(void)state;
	assert_string_equal(esc(".SH NAME"), "\\&.SH NAME");
	assert_string_equal(esc("'br"), "\\&'br");
	/* Only at the start: elsewhere on a line they are plain text. */
	assert_string_equal(esc("a.b 'c'"), "a.b 'c'");
}

static void test_escape_backslash_quote_and_dash(void **state)
{
	(void)state;
	assert_string_equal(esc("a\\b"), "a\\eb");
	assert_string_equal(esc("\\fB"), "\\efB");
	assert_string_equal(esc("say \"hi\""), "say \\(dqhi\\(dq");
	assert_string_equal(esc("make-up"), "make\\-up");
	assert_string_equal(esc("--"), "\\-\\-");
	assert_string_equal(esc(".\\\"-"), "\\&.\\e\\(dq\\-");
}

static void test_escape_drops_control_bytes(void **state)
{
	(void)state;
	assert_string_equal(esc("a\x1b[31mb"), "a[31mb");
	assert_string_equal(esc("\x01\x02x\x7f"), "x");
	assert_string_equal(esc("c1\xc2\x9b" "x"), "c1x"); /* U+009B CSI */
	assert_string_equal(esc("bell\a"), "bell");
}

static void test_escape_dot_after_dropped_control_is_still_leading(void **state)
{
	(void)state;
	assert_string_equal(esc("\x1b.SH"), "\\&.SH");
	assert_string_equal(esc("\x07'br"), "\\&'br");
}

static void test_escape_keeps_text_on_one_line(void **state)
{
	(void)state;
	/* A newline would start a roff line: ".SH" there would be a request. */
	const char *out = esc("a\n.SH x\tb");
	assert_null(strchr(out, '\n'));
	assert_null(strchr(out, '\t'));
	assert_string_equal(out, "a .SH x b");
}

static void test_escape_invalid_utf8_becomes_replacement(void **state)
{
	(void)state;
	assert_string_equal(esc("a\xff" "b"), "a\xef\xbf\xbd" "b");
	assert_string_equal(esc("Caf\xc3\xa9"), "Caf\xc3\xa9");
}

static void test_escape_appends(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	buf_puts(&b, "X ");
	man_escape(&b, "-y");
	own(b.data);
	assert_string_equal(b.data, "X \\-y");
	assert_int_equal(b.len, strlen("X \\-y"));
}

/* ---- man_article: the fixture guide ------------------------------------ */

static void test_article_header_and_name(void **state)
{
	(void)state;
	const char *out = article_page("tests/fixtures/guide", "first");
	assert_sane_page(out);
	assert_true(strncmp(out, ".TH \"SKINGUIDE\\-FIRST\" 7 \"" DATE "\" \"skinguide "
			    VERSION "\"", strlen(".TH \"SKINGUIDE\\-FIRST\" 7 \"" DATE
						 "\" \"skinguide " VERSION "\"")) == 0);
	assert_has(out, "\n.SH NAME\nskinguide\\-first \\- First topic\n");
	/* The summary heads DESCRIPTION, with no .PP in between. */
	assert_has(out, "\n.SH DESCRIPTION\nThe first topic, used by the end-to-end "
		   "tests.\n");
	/* The title is NAME, not a section of its own. */
	assert_lacks(out, "\n.SH\nFirst topic\n");
	/* "##" sections are .SH. */
	assert_has(out, "\n.SH\nOpening section\n");
	assert_has(out, "\n.SH\nLater section\n");
	assert_true(strlen(out) > strlen(".SH SEE ALSO\n"));
	assert_has(out, "\n.SH SEE ALSO\n.BR skinguide (7),\n.BR skinguide (1)\n");
}

/* A reviewed article's page carries its review date, and shows the date
 * as its last words. */
static void test_article_date_is_its_review_date(void **state)
{
	(void)state;
	const char *out = article_page("tests/fixtures/check/clean", "sun");
	assert_sane_page(out);
	assert_has(out, ".TH \"SKINGUIDE\\-SUN\" 7 \"2026-01-15\" \"skinguide " VERSION "\"");
	assert_has(out, "\nLast reviewed: 2026-01-15\n.SH SEE ALSO\n");
}

/* A date that is no date leaves the build's. */
static void test_article_bad_review_date_keeps_the_given_date(void **state)
{
	(void)state;
	static const char text[] = "# Sun\n\nA summary.\n\n## Part\n\nWords.\n\n"
		"Last reviewed: 2026-02-30\n";
	temp_dir = tmpdir_make("skinguide-man");
	assert_true(tmpdir_write(temp_dir, "01-sun.md", text, sizeof text - 1));
	const char *out = article_page(temp_dir, "sun");
	assert_has(out, ".TH \"SKINGUIDE\\-SUN\" 7 \"" DATE "\"");
	assert_has(out, "Last reviewed: 2026-02-30");
}

/* clinic: links give the clinic's details in the page too. */
static void test_article_clinic_links_filled_in(void **state)
{
	(void)state;
	const char *out = article_page("tests/fixtures/clinic", "call");
	assert_sane_page(out);
	assert_has(out, "Call Riverside Skin Clinic if you are worried.");
	assert_has(out, "call your clinic (01632\xc2\xa0" "960123)");
	assert_has(out, "(999)");
	assert_lacks(out, "clinic:");
}

static void test_article_links_to_articles_become_page_names(void **state)
{
	(void)state;
	const char *out = article_page("tests/fixtures/guide", "first");
	/* [second topic](second.md) */
	assert_has(out, "second topic (skinguide\\-second(7))");
	/* [third topic, part two](03-third.md#part-two) */
	assert_has(out, "third topic, part two (skinguide\\-third(7))");
	assert_lacks(out, "second.md");
	assert_lacks(out, "03-third.md");
	/* External links keep their address. */
	assert_has(out, "example site (https://example.org/page)");
}

static void test_article_in_page_link_keeps_only_its_words(void **state)
{
	(void)state;
	const char *out = article_page("tests/fixtures/guide", "first");
	/* [later section](#later-section) */
	assert_has(out, "\nlater section of this one, or see the\n");
	assert_lacks(out, "(#later-section)");
	assert_lacks(out, "#later");
}

static void test_article_broken_and_anchor_links_lose_their_targets(void **state)
{
	(void)state;
	const char *out = article_page("tests/fixtures/check/links", "main");
	assert_sane_page(out);
	assert_has(out, "Read this too.");      /* [this](nope.md) */
	assert_has(out, "Read this part too."); /* [this part](#nope) */
	assert_has(out, "Read our part too.");  /* [our part](#before-you-go-out) */
	assert_lacks(out, "nope");
	assert_lacks(out, "before\\-you\\-go\\-out");
	/* [that](other.md#nope), [the real one](other.md#real-heading) */
	assert_has(out, "Read that (skinguide\\-other(7)) too.");
	assert_has(out, "Read the real one (skinguide\\-other(7)) too.");
}

static void test_article_subsections_are_ss(void **state)
{
	(void)state;
	const char *out = article_page("tests/fixtures/check/clean", "shade");
	assert_sane_page(out);
	assert_has(out, "\n.SH\nHats\nA hat keeps the sun off your face.\n");
	assert_has(out, "\n.SS\nA wide brim\nPick a hat with a wide brim.");
}

/* ---- man_article: layout of the page (tests/fixtures/man) -------------- */

#define FORMAT "tests/fixtures/man"

/* Ragged right, no hyphenation: prose without wide gaps. */
static void test_article_is_ragged_right(void **state)
{
	(void)state;
	const char *out = article_page(FORMAT, "format");
	assert_sane_page(out);
	assert_has(out, "\"Patient guide\"\n.ad l\n.nh\n.SH NAME\n");
}

/* A hard break (backslash or two spaces) starts a line, never prints
 * ".PD 0" in the text. */
static void test_article_hard_breaks(void **state)
{
	(void)state;
	const char *out = article_page(FORMAT, "format");
	assert_has(out, "\nFirst line\n.br\nsecond line\n.br\nthird line.\n");
	assert_lacks(out, "line.PD");
	assert_lacks(out, "\n.P\n");
}

/* Tight lists have no space between items, nested ones included; loose
 * lists keep it, and the space comes back after a tight list. */
static void test_article_tight_and_loose_lists(void **state)
{
	(void)state;
	const char *out = article_page(FORMAT, "format");
	assert_has(out, "\ntight one\n.PD 0\n.IP \\[bu] 2\ntight two\n.PD 0\n"
		   ".IP \\[bu] 2\ntight three\n.PD\n.IP \"1.\" 4\nstep one\n.PD 0\n");
	assert_has(out, "\nstep two\n.PD\n.IP \\[bu] 2\nloose one\n.IP \\[bu] 2\n"
		   "loose two\n.IP \\[bu] 2\nouter one\n.PD 0\n.RS\n");
	assert_has(out, "\ninner two\n.PD\n.PD 0\n.RE\n.IP \\[bu] 2\nouter two\n.PD\n"
		   ".SH\n");
}

/* A hyphen inside a word of prose is a hyphen; one that starts a word,
 * or is in code, a page name or an address, is typed: "\-". */
static void test_article_hyphens(void **state)
{
	(void)state;
	const char *out = article_page(FORMAT, "format");
	assert_has(out, "\nA single-use summary with a \\-flag and end-to-end words.\n");
	assert_has(out, "\\fBskinguide \\-\\-check content\\fP");
	assert_has(out, "https://example.org/a\\-long\\-path/x\\-y today.");
	assert_has(out, "\nLast reviewed: 2026-01-15\n");
	assert_has(out, "\nskinguide\\-format \\- Format\n");
}

/* Text is set in lines that fit, and a word that lands at the start of
 * a line is never read as a request, wherever the line is cut. */
static void test_article_wrapped_text_stays_text(void **state)
{
	(void)state;
	struct buf md = BUF_INIT;
	buf_puts(&md, "# Wrap\n\nSummary.\n\n## Part\n\n");
	for (int k = 50; k < 90; k++) {
		buf_repeat(&md, "x", (size_t)k);
		buf_puts(&md, " .so /etc/passwd and 'br more \\fB\n\n");
	}
	buf_repeat(&md, "https://example.org/", 8);
	buf_puts(&md, "\n\n    ");
	buf_repeat(&md, "code-", 30);
	buf_puts(&md, "\n");
	temp_dir = tmpdir_make("skinguide-man");
	assert_true(tmpdir_write(temp_dir, "01-wrap.md", md.data, md.len));
	buf_free(&md);
	const char *out = article_page(temp_dir, "wrap");
	assert_sane_page(out);
	assert_lacks(out, "\n.so");
	assert_lacks(out, "\n'br");
	assert_has(out, "\n\\&.so /etc/passwd");
	assert_has(out, "\n\\&'br more");
	/* Long words are cut with \c, which joins them again. */
	assert_has(out, "\\c\n");
}

/* An id too long for the header gives the page a title of the id alone;
 * its name is whole. */
static void test_article_long_id_title(void **state)
{
	(void)state;
	const char *out = article_page(FORMAT, "a-rather-long-article-id");
	assert_sane_page(out);
	assert_has(out, ".TH \"A\\-RATHER\\-LONG\\-ARTICLE\\-ID\" 7 ");
	assert_has(out, "\n.SH NAME\nskinguide\\-a\\-rather\\-long\\-article\\-id "
		   "\\- Long name\n");
	teardown(NULL);
	out = article_page(FORMAT, "format");
	assert_has(out, ".TH \"SKINGUIDE\\-FORMAT\" 7 ");
}

/* The index: page names typed, prose with plain hyphens. */
static void test_index_hyphens(void **state)
{
	(void)state;
	const char *out = index_page(FORMAT);
	assert_sane_page(out);
	assert_has(out, "\n.BR skinguide\\-a\\-rather\\-long\\-article\\-id (7)\n");
	assert_has(out, "\nA single-use summary with a \\-flag and end-to-end words.\n");
}

/* ---- man_article: hostile text ----------------------------------------- */

static void test_article_roff_traps_are_defused(void **state)
{
	(void)state;
	const char *out = article_page("tests/fixtures/roff", "roff");
	assert_sane_page(out);
	assert_has(out, "\n.SH NAME\nskinguide\\-roff \\- Roff .TH trap\n");
	assert_has(out, "\n\\&.SH summary starting with a dot \\efB and a backslash\n");
	assert_has(out, "\n\\&.PP\n");
	assert_has(out, "\n\\&'br and a line starting with an apostrophe.\n");
	assert_has(out, "\n\\&.so /etc/passwd\n");
	assert_has(out, "\n.SH\n\\&.SH heading with a dot\n");
	assert_has(out, "Backslashes: \\ee \\e(bu \\e\\e and");
	/* The ESC is gone, the rest of the text stays. */
	assert_has(out, "\nText with [31m escape.\n");
	/* Code is bold, not groff's \f[C]. */
	assert_has(out, "\n.nf\n\\fB\n");
}

static void test_article_hostile_bytes_are_dropped(void **state)
{
	(void)state;
	const char *out = article_page("tests/fixtures/hostile", "hostile");
	assert_sane_page(out);
	assert_has(out, "\n.SH NAME\nskinguide\\-hostile \\- Hostile [31mred[0m\n");
	assert_lacks(out, "<script>");
	assert_lacks(out, "\xc2\x9b");
}

static void test_article_unreadable_file_fails_cleanly(void **state)
{
	(void)state;
	char tmpl[] = "/tmp/skinguide-man-XXXXXX";
	assert_non_null(mkdtemp(tmpl));
	temp_dir = xstrdup(tmpl);
	struct buf path = BUF_INIT;
	buf_printf(&path, "%s/01-gone.md", temp_dir);
	own(path.data);
	FILE *f = fopen(path.data, "w");
	assert_non_null(f);
	fputs("# Gone\n\nSoon gone.\n", f);
	assert_int_equal(fclose(f), 0);
	struct guide *g = open_guide(temp_dir);
	assert_int_equal(unlink(path.data), 0);

	char *text = NULL;
	size_t len = 0;
	f = open_memstream(&text, &len);
	assert_non_null(f);
	struct sg_error err = {""};
	bool ok = man_article(f, g, 0, DATE, VERSION, &err);
	assert_int_equal(fclose(f), 0);
	own(text);
	assert_false(ok);
	assert_true(strlen(err.msg) > 0);
	assert_non_null(strstr(err.msg, "01-gone.md"));
	assert_int_equal(len, 0);
}

/* ---- man_index --------------------------------------------------------- */

static void test_index_lists_every_article(void **state)
{
	(void)state;
	const char *out = index_page("tests/fixtures/guide");
	assert_sane_page(out);
	assert_true(strncmp(out, ".TH \"SKINGUIDE\" 7 \"" DATE "\"", 20) == 0);
	assert_has(out, "\n.SH NAME\nskinguide \\- Test Guide\n");
	assert_has(out, "\n.SH DESCRIPTION\nWelcome to the test guide. Pick a topic.\n");
	assert_has(out, "\n.TP\n.BR skinguide\\-first (7)\n.B First topic\n.br\n"
		   "The first topic, used by the end-to-end tests.\n");
	assert_has(out, "\n.TP\n.BR skinguide\\-second (7)\n.B Second topic\n.br\n"
		   "The second topic, reached by a link.\n");
	assert_has(out, "\n.TP\n.BR skinguide\\-third (7)\n.B Third topic\n.br\n");
	/* In menu order. */
	const char *first = strstr(out, ".BR skinguide\\-first (7)");
	const char *second = strstr(out, ".BR skinguide\\-second (7)");
	const char *third = strstr(out, ".BR skinguide\\-third (7)");
	assert_true(first && second && third && first < second && second < third);
	assert_has(out, "\n.SH SEE ALSO\n");
}

static void test_index_escapes_titles_and_summaries(void **state)
{
	(void)state;
	const char *out = index_page("tests/fixtures/roff");
	assert_sane_page(out);
	assert_has(out, "\n.BR skinguide\\-roff (7)\n.B Roff .TH trap\n.br\n"
		   "\\&.SH summary starting with a dot \\efB and a backslash\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_escape_plain_text_unchanged, teardown),
		cmocka_unit_test_teardown(test_escape_leading_dot_and_apostrophe, teardown),
		cmocka_unit_test_teardown(test_escape_backslash_quote_and_dash, teardown),
		cmocka_unit_test_teardown(test_escape_drops_control_bytes, teardown),
		cmocka_unit_test_teardown(test_escape_dot_after_dropped_control_is_still_leading,
					  teardown),
		cmocka_unit_test_teardown(test_escape_keeps_text_on_one_line, teardown),
		cmocka_unit_test_teardown(test_escape_invalid_utf8_becomes_replacement, teardown),
		cmocka_unit_test_teardown(test_escape_appends, teardown),
		cmocka_unit_test_teardown(test_article_header_and_name, teardown),
		cmocka_unit_test_teardown(test_article_date_is_its_review_date, teardown),
		cmocka_unit_test_teardown(test_article_is_ragged_right, teardown),
		cmocka_unit_test_teardown(test_article_hard_breaks, teardown),
		cmocka_unit_test_teardown(test_article_tight_and_loose_lists, teardown),
		cmocka_unit_test_teardown(test_article_hyphens, teardown),
		cmocka_unit_test_teardown(test_article_wrapped_text_stays_text, teardown),
		cmocka_unit_test_teardown(test_article_long_id_title, teardown),
		cmocka_unit_test_teardown(test_index_hyphens, teardown),
		cmocka_unit_test_teardown(test_article_clinic_links_filled_in, teardown),
		cmocka_unit_test_teardown(test_article_bad_review_date_keeps_the_given_date,
					  teardown),
		cmocka_unit_test_teardown(test_article_links_to_articles_become_page_names,
					  teardown),
		cmocka_unit_test_teardown(test_article_in_page_link_keeps_only_its_words, teardown),
		cmocka_unit_test_teardown(test_article_broken_and_anchor_links_lose_their_targets,
					  teardown),
		cmocka_unit_test_teardown(test_article_subsections_are_ss, teardown),
		cmocka_unit_test_teardown(test_article_roff_traps_are_defused, teardown),
		cmocka_unit_test_teardown(test_article_hostile_bytes_are_dropped, teardown),
		cmocka_unit_test_teardown(test_article_unreadable_file_fails_cleanly, teardown),
		cmocka_unit_test_teardown(test_index_lists_every_article, teardown),
		cmocka_unit_test_teardown(test_index_escapes_titles_and_summaries, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
