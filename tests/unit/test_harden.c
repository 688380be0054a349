/* Regressions from hardening (issue 12): what the fuzzers, the hostile
 * suite and the cost measurements found, each pinned to the behaviour
 * that fixed it.  Inputs the fuzz targets found stay in
 * tests/fuzz/corpus/, replayed by `make fuzz-replay`; these are the cases
 * that need a precise answer. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "skinguide/buf.h"
#include "skinguide/content.h"
#include "skinguide/doc.h"
#include "skinguide/layout.h"
#include "skinguide/man.h"
#include "skinguide/outline.h"
#include "skinguide/print.h"
#include "skinguide/text.h"


static char *sanitized(const char *s)
{
	struct buf b = BUF_INIT;
	text_sanitize(&b, s, strlen(s), false);
	return buf_detach(&b);
}

/* ---- bidi overrides ------------------------------------------------------ */

/* RLO, LRO, RLE, LRE, PDF and the isolates could turn the rest of a line
 * around on a terminal that does bidi; the marks only place neutrals. */
static void test_bidi_overrides_are_dropped(void **state)
{
	(void)state;
	static const char *const overrides[] = {
		"\xe2\x80\xaa", "\xe2\x80\xab", "\xe2\x80\xac", "\xe2\x80\xad", "\xe2\x80\xae",
		"\xe2\x81\xa6", "\xe2\x81\xa7", "\xe2\x81\xa8", "\xe2\x81\xa9"};
	for (size_t i = 0; i < sizeof overrides / sizeof *overrides; i++) {
		char in[32];
		snprintf(in, sizeof in, "1%s0 mg", overrides[i]);
		char *out = sanitized(in);
		assert_string_equal(out, "10 mg");
		free(out);
	}
	char *marks = sanitized("a\xe2\x80\x8e" "b\xe2\x80\x8f" "c\xd8\x9c" "d");
	assert_string_equal(marks, "a\xe2\x80\x8e" "b\xe2\x80\x8f" "c\xd8\x9c" "d");
	free(marks);
}

static void test_bidi_override_as_entity_leaves_no_trace(void **state)
{
	(void)state;
	const char *md = "# T\n\nDose &#x202E;01&#x202C; and &#8295;x&#8297; mg.\n";
	cmark_node *doc = doc_parse(md, strlen(md));
	struct layout_opts opts = {.width = 40};
	struct layout *l = layout_new(doc, &opts);
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	print_layout(f, l);
	fclose(f);
	assert_non_null(strstr(text, "Dose 01 and x mg."));
	assert_null(strstr(text, "\xe2\x80\xae"));
	assert_null(strstr(text, "\xe2\x81\xa7"));
	free(text);
	layout_free(l);
	cmark_node_free(doc);
}

/* ---- anchors: repeats resume where they left off ------------------------ */

static struct outline *outline_of(const char *md)
{
	cmark_node *doc = doc_parse(md, strlen(md));
	struct outline *o = outline_new(doc);
	cmark_node_free(doc);
	return o;
}

/* The suffix is still the smallest free one, with lookalikes taken first. */
static void test_repeats_take_the_smallest_free_suffix(void **state)
{
	(void)state;
	struct outline *o = outline_of("## Notes\n\n## Notes 2\n\n## Notes\n\n## Notes\n\n"
				       "## Notes-4\n\n## Notes\n\n## Notes\n");
	static const char *const want[] = {"notes", "notes-2", "notes-1", "notes-3",
					   "notes-4", "notes-5", "notes-6"};
	assert_int_equal(outline_heading_count(o), 7);
	for (size_t i = 0; i < 7; i++) {
		assert_string_equal(outline_heading(o, i)->anchor, want[i]);
		assert_int_equal(outline_find_anchor(o, want[i]), (long)i);
	}
	outline_free(o);
}

/* A repeat of a repeat's anchor ("Notes 1" after two "Notes") is a slug
 * of its own with its own suffixes. */
static void test_repeat_of_a_suffixed_anchor(void **state)
{
	(void)state;
	struct outline *o = outline_of("## Notes\n\n## Notes\n\n## Notes 1\n\n## Notes 1\n\n"
				       "## Notes\n");
	assert_string_equal(outline_heading(o, 0)->anchor, "notes");
	assert_string_equal(outline_heading(o, 1)->anchor, "notes-1");
	assert_string_equal(outline_heading(o, 2)->anchor, "notes-1-1");
	assert_string_equal(outline_heading(o, 3)->anchor, "notes-1-2");
	assert_string_equal(outline_heading(o, 4)->anchor, "notes-2");
	outline_free(o);
}

/* ---- man: ordered lists split, numbers kept ----------------------------- */

static char *man_of(const char *md)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	cmark_node *doc = doc_parse(md, strlen(md));
	man_page(f, doc, NULL, "t", "T", "2024-01-02", "0");
	cmark_node_free(doc);
	fclose(f);
	return text;
}

static void test_man_numbers_survive_the_split(void **state)
{
	(void)state;
	char *page = man_of("# T\n\nSummary.\n\n3) three\n4) four\n\n   1. inner\n   2. inner\n\n"
			    "5) five\n\n> 7. seven\n> 8. eight\n");
	const char *want[] = {".IP \"3.\" 4\nthree", ".IP \"4.\" 4\nfour", ".IP \"1.\" 4\ninner",
			      ".IP \"2.\" 4\ninner", ".IP \"5.\" 4\nfive", ".IP \"7.\" 4\nseven",
			      ".IP \"8.\" 4\neight"};
	const char *at = page;
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		const char *found = strstr(at, want[i]);
		assert_non_null(found);
		at = found + 1; /* and in this order */
	}
	free(page);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bidi_overrides_are_dropped),
		cmocka_unit_test(test_bidi_override_as_entity_leaves_no_trace),
		cmocka_unit_test(test_repeats_take_the_smallest_free_suffix),
		cmocka_unit_test(test_repeat_of_a_suffixed_anchor),
		cmocka_unit_test(test_man_numbers_survive_the_split),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
