/* Hostile content through the public modules, as an outside fuzzing run
 * sent it: titles, summaries, headings, link text and a folder name made
 * only of control characters (they once left buffers unterminated, so
 * raw heap bytes reached --list and --format man and ASan aborted in
 * print_list, man_index, clean_tree, check_link and is_sources), and
 * clusters and marks that once made lines wider than asked.
 *
 * One guide is built in a scratch directory whose own name is two ESC
 * characters.  Every output must be valid UTF-8 with no control byte,
 * and every laid-out line must fit its width; the program runs under
 * ASan, which catches any read past a buffer. */
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
#include <sys/stat.h>

#include "skinguide/buf.h"
#include "skinguide/check.h"
#include "skinguide/content.h"
#include "skinguide/doc.h"
#include "skinguide/error.h"
#include "skinguide/layout.h"
#include "skinguide/outline.h"
#include "skinguide/man.h"
#include "skinguide/print.h"
#include "skinguide/text.h"

#define CTRL8 "\x12\x12\x12\x12\x12\x12\x12\x12"
#define ESC2 "\x1b\x1b"

/* Only control characters wherever text can be: the guide's title and
 * welcome, an article's title, summary, headings, link text and link
 * targets, raw and as entities (cmark decodes &#27; into a real ESC). */
static const char index_md[] = "# " ESC2 "\x07\n\n\x05\x05\x05\n";

static const char controls_md[] =
	"# " CTRL8 "\n"
	"\n"
	"\x12\x12\x12\x05\n"
	"\n"
	"## " ESC2 "\n"
	"\n"
	"A [\x05\x05](#x) link, a [\x07](02-wide.md) link, one to [x](<" ESC2 ">),\n"
	"one to [&#27;&#x9b;](&#27;) and [\x7f](https://example.org).\n"
	"\n"
	"## &#27;&#x9b;&#127;\n"
	"\n"
	"Some words.\n"
	"\n"
	"### \x7f\x1b\n"
	"\n"
	"More words.\n"
	"\n"
	"## Sources\n"
	"\n"
	"- [" CTRL8 "](https://example.org/" "\x12" ")\n";

/* Text that once made lines of 14 to 122 columns at widths 10 and 20:
 * spaces before a zero-width joiner or a mark, clusters the rules cannot
 * split, and marks terminals give a column that libunistring did not. */
#define JAMO10 "\xe1\x84\x80\xe1\x84\x80\xe1\x84\x80\xe1\x84\x80\xe1\x84\x80" \
	       "\xe1\x84\x80\xe1\x84\x80\xe1\x84\x80\xe1\x84\x80\xe1\x84\x80"
#define VIS10 "\xe0\xa4\x83\xe0\xa4\x83\xe0\xa4\x83\xe0\xa4\x83\xe0\xa4\x83" \
	      "\xe0\xa4\x83\xe0\xa4\x83\xe0\xa4\x83\xe0\xa4\x83\xe0\xa4\x83"
#define SKIN10 "\xf0\x9f\x8f\xbb\xf0\x9f\x8f\xbb\xf0\x9f\x8f\xbb\xf0\x9f\x8f\xbb" \
	       "\xf0\x9f\x8f\xbb\xf0\x9f\x8f\xbb\xf0\x9f\x8f\xbb\xf0\x9f\x8f\xbb" \
	       "\xf0\x9f\x8f\xbb\xf0\x9f\x8f\xbb"
#define SPACES20 "                    "
#define PCM10 "\xd8\x80\xd8\x81\xd8\x82\xd8\x83\xd8\x84\xd8\x85\xdb\x9d\xdc\x8f" \
	      "\xe0\xa3\xa2\xf0\x91\x82\xbd"

static const char wide_md[] =
	"# Wide " JAMO10 "\n"
	"\n"
	"A summary " PCM10 PCM10 PCM10 " with marks.\n"
	"\n"
	"abcdefgh      \xe2\x80\x8c and x" SPACES20 SPACES20 SPACES20 SPACES20 SPACES20
	"\xcc\x81 end.\n"
	"\n"
	JAMO10 JAMO10 JAMO10 JAMO10 JAMO10 "\n"
	"\n"
	"a" VIS10 VIS10 VIS10 VIS10 VIS10 VIS10 "\n"
	"\n"
	"\xf0\x9f\x91\x8d" SKIN10 SKIN10 SKIN10 SKIN10 SKIN10 SKIN10 "\n"
	"\n"
	"- " PCM10 PCM10 PCM10 PCM10 " in a list\n"
	"\n"
	"> " JAMO10 JAMO10 JAMO10 " in a quote\n"
	"\n"
	"## Sources\n"
	"\n"
	"NHS.\n";

static char *base_dir;  /* the scratch directory */
static char *fixture_dir; /* base_dir/ESC ESC, the guide */
static struct guide *open_guide_ptr;
static char *output;

static int make_fixture(void **state)
{
	(void)state;
	base_dir = tmpdir_make("skinguide-hostile");
	struct buf dir = BUF_INIT;
	buf_printf(&dir, "%s/%s", base_dir, ESC2);
	fixture_dir = buf_detach(&dir);
	if (mkdir(fixture_dir, 0700) != 0 ||
	    !tmpdir_write(fixture_dir, "index.md", index_md, sizeof index_md - 1) ||
	    !tmpdir_write(fixture_dir, "01-controls.md", controls_md, sizeof controls_md - 1) ||
	    !tmpdir_write(fixture_dir, "02-wide.md", wide_md, sizeof wide_md - 1))
		return -1;
	return 0;
}

static int remove_fixture(void **state)
{
	(void)state;
	if (fixture_dir)
		tmpdir_remove(fixture_dir);
	free(fixture_dir);
	fixture_dir = NULL;
	tmpdir_forget(&base_dir);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	guide_free(open_guide_ptr);
	open_guide_ptr = NULL;
	free(output);
	output = NULL;
	return 0;
}

/* ---- helpers ----------------------------------------------------------- */

static struct guide *open_guide(void)
{
	struct sg_error err;
	open_guide_ptr = guide_open(fixture_dir, &err);
	if (!open_guide_ptr)
		fail_msg("guide_open: %s", err.msg);
	return open_guide_ptr;
}

/* A memory stream the test writes to; finish() closes it into `output`. */
static size_t output_len;

static FILE *start(void)
{
	free(output);
	output = NULL;
	FILE *f = open_memstream(&output, &output_len);
	assert_non_null(f);
	return f;
}

static void finish(FILE *f)
{
	assert_int_equal(fclose(f), 0);
	assert_non_null(output);
}

/* `n` bytes of `s` are valid UTF-8 with no control character but tab and
 * newline: nothing from content can drive the terminal. */
static void assert_clean(const char *what, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = text_decode(s + i, n - i, &cp);
		bool invalid = cp == TEXT_REPLACEMENT && k == 1;
		if (invalid || cp == 0 || text_is_control(cp))
			fail_msg("%s: byte %zu of %zu is 0x%02x", what, i, n, (unsigned char)s[i]);
		i += k;
	}
}

static void assert_clean_str(const char *what, const char *s)
{
	assert_non_null(s);
	assert_clean(what, s, strlen(s));
}

/* Every line of the output at most `width` columns. */
static void assert_lines_fit(const char *s, size_t n, size_t width)
{
	for (size_t i = 0; i < n;) {
		size_t len = strcspn(s + i, "\n");
		size_t w = text_width(s + i, len);
		if (w > width)
			fail_msg("a line of %zu columns at width %zu: %.*s", w, width, (int)len,
				 s + i);
		i += len + 1;
	}
}

/* ---- guide, list and man pages ----------------------------------------- */

static void test_titles_of_controls_are_empty_strings(void **state)
{
	(void)state;
	struct guide *g = open_guide();
	assert_int_equal(guide_count(g), 2);
	const struct article *a = guide_article(g, 0);
	assert_string_equal(a->id, "controls");
	assert_string_equal(a->title, "");
	assert_string_equal(a->summary, "");
	assert_clean_str("guide title", guide_title(g));
	assert_clean_str("welcome", guide_welcome(g));
	for (size_t i = 0; i < guide_count(g); i++) {
		assert_clean_str("title", guide_article(g, i)->title);
		assert_clean_str("summary", guide_article(g, i)->summary);
	}
}

static void test_list_emits_no_control_byte(void **state)
{
	(void)state;
	struct guide *g = open_guide();
	for (int ascii = 0; ascii <= 1; ascii++) {
		FILE *f = start();
		print_list(f, g, ascii);
		finish(f);
		assert_clean("--list", output, output_len);
		assert_non_null(strstr(output, "controls\t\t\n"));
		assert_non_null(strstr(output, "\nwide\tWide "));
	}
}

static void test_man_index_emits_no_control_byte(void **state)
{
	(void)state;
	struct guide *g = open_guide();
	FILE *f = start();
	man_index(f, g, "2024-01-02", "1.0");
	finish(f);
	assert_clean("man index", output, output_len);
	assert_non_null(strstr(output, "skinguide\\-controls"));
}

static void test_man_articles_emit_no_control_byte(void **state)
{
	(void)state;
	struct guide *g = open_guide();
	for (size_t i = 0; i < guide_count(g); i++) {
		struct sg_error err;
		FILE *f = start();
		bool ok = man_article(f, g, i, "2024-01-02", "1.0", &err);
		finish(f);
		assert_true(ok);
		assert_clean("man page", output, output_len);
		assert_non_null(strstr(output, ".TH \"SKINGUIDE\\-"));
	}
}

/* ---- check ------------------------------------------------------------- */

static void test_check_reports_cleanly(void **state)
{
	(void)state;
	struct check_result res;
	FILE *f = start();
	check_dir(fixture_dir, f, &res);
	finish(f);
	assert_clean("--check", output, output_len);
	assert_int_equal(res.articles, 2);
	assert_true(res.errors > 0);
	/* The folder's name is shown without its ESCs, the line numbers kept. */
	char want[512];
	snprintf(want, sizeof want, "%s//01-controls.md:1: error: column 3 is a control "
		 "character", base_dir);
	assert_non_null(strstr(output, want));
	assert_non_null(strstr(output, "leads to no article"));
}

/* ---- layout and print -------------------------------------------------- */

static void assert_layout_clean(const struct layout *l)
{
	size_t width = layout_width(l);
	for (size_t i = 0; i < layout_line_count(l); i++) {
		const struct layout_line *ln = layout_line(l, i);
		assert_clean("layout line", ln->text, ln->len);
		assert_int_equal(strlen(ln->text), ln->len);
		if (ln->width > width || text_width(ln->text, ln->len) != ln->width)
			fail_msg("line %zu: %zu columns at width %zu: %s", i, ln->width, width,
				 ln->text);
	}
	for (size_t i = 0; i < layout_link_count(l); i++)
		assert_clean_str("link target", layout_link(l, i)->target);
}

static void test_layout_is_clean_and_fits_every_width(void **state)
{
	(void)state;
	struct guide *g = open_guide();
	for (size_t i = 0; i < guide_count(g); i++) {
		struct sg_error err;
		cmark_node *doc = guide_document(g, i, &err);
		assert_non_null(doc);
		const struct outline *o = guide_outline(g, i, &err);
		for (size_t h = 0; h < outline_heading_count(o); h++) {
			assert_clean_str("heading", outline_heading(o, h)->text);
			assert_clean_str("anchor", outline_heading(o, h)->anchor);
		}
		for (size_t w = LAYOUT_MIN_WIDTH; w <= LAYOUT_MAX_WIDTH; w += 3) {
			for (int ascii = 0; ascii <= 1; ascii++) {
				struct layout_opts opts = {.width = w, .ascii = ascii,
							   .show_urls = true};
				struct layout *l = layout_new(doc, &opts);
				assert_layout_clean(l);
				layout_free(l);
			}
		}
	}
}

static void test_print_fits_every_width(void **state)
{
	(void)state;
	struct guide *g = open_guide();
	const size_t widths[] = {10, 20, 40, 76};
	for (size_t i = 0; i < guide_count(g); i++) {
		for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++) {
			struct sg_error err;
			FILE *f = start();
			bool ok = print_article(f, g, i, widths[w], false, &err);
			finish(f);
			assert_true(ok);
			assert_clean("--print", output, output_len);
			assert_lines_fit(output, output_len, widths[w]);
		}
	}
}

/* ---- the plain text every module reads --------------------------------- */

static void test_plain_text_of_controls_is_an_empty_string(void **state)
{
	(void)state;
	const char *sources[] = {"# " CTRL8 "\n", "## " ESC2 "\n", "# &#27;&#x9b;\n",
				 "[\x05\x05](x)\n"};
	for (size_t i = 0; i < sizeof sources / sizeof sources[0]; i++) {
		cmark_node *doc = doc_parse(sources[i], strlen(sources[i]));
		struct buf t = BUF_INIT;
		doc_plain_text(cmark_node_first_child(doc), &t);
		assert_non_null(t.data);
		assert_int_equal(t.len, 0);
		assert_string_equal(t.data, "");
		buf_free(&t);
		cmark_node_free(doc);
	}
}

/* What --check says of a folder named only with controls. */
static void test_sanitized_folder_name_is_an_empty_string(void **state)
{
	(void)state;
	struct buf shown = BUF_INIT;
	text_sanitize(&shown, ESC2, 2, false);
	assert_non_null(shown.data);
	assert_string_equal(shown.data, "");
	buf_free(&shown);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_titles_of_controls_are_empty_strings, teardown),
		cmocka_unit_test_teardown(test_list_emits_no_control_byte, teardown),
		cmocka_unit_test_teardown(test_man_index_emits_no_control_byte, teardown),
		cmocka_unit_test_teardown(test_man_articles_emit_no_control_byte, teardown),
		cmocka_unit_test_teardown(test_check_reports_cleanly, teardown),
		cmocka_unit_test_teardown(test_layout_is_clean_and_fits_every_width, teardown),
		cmocka_unit_test_teardown(test_print_fits_every_width, teardown),
		cmocka_unit_test(test_plain_text_of_controls_is_an_empty_string),
		cmocka_unit_test(test_sanitized_folder_name_is_an_empty_string),
	};
	return cmocka_run_group_tests(tests, make_fixture, remove_fixture);
}
