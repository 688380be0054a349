/* Unit tests for outline: blocks, headings and anchors, and the promise
 * that layout numbers blocks the same way. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "skinguide/buf.h"
#include "skinguide/content.h"
#include "skinguide/doc.h"
#include "skinguide/layout.h"
#include "skinguide/outline.h"

static struct outline *outline_of(const char *md)
{
	cmark_node *doc = doc_parse(md, strlen(md));
	struct outline *o = outline_new(doc);
	cmark_node_free(doc);
	return o;
}

static void test_anchors_are_unique(void **state)
{
	(void)state;
	struct outline *o = outline_of("## Days 2-3\n\nText.\n\n## Days 2-3\n\n# What is it?\n");
	assert_int_equal(outline_heading_count(o), 3);
	assert_string_equal(outline_heading(o, 0)->anchor, "days-2-3");
	assert_string_equal(outline_heading(o, 1)->anchor, "days-2-3-1");
	assert_string_equal(outline_heading(o, 2)->anchor, "what-is-it");
	assert_string_equal(outline_heading(o, 2)->text, "What is it?");
	assert_int_equal(outline_heading(o, 2)->level, 1);
	assert_int_equal(outline_heading(o, 1)->line, 5);
	assert_null(outline_heading(o, 3));
	outline_free(o);
}

static void test_find_anchor(void **state)
{
	(void)state;
	struct outline *o = outline_of("## Days 2-3\n\nText.\n\n## Days 2-3\n\n# What is it?\n");
	assert_int_equal(outline_find_anchor(o, "days-2-3"), 0);
	assert_int_equal(outline_find_anchor(o, "days-2-3-1"), 1);
	assert_int_equal(outline_find_anchor(o, "what-is-it"), 2);
	assert_int_equal(outline_find_anchor(o, "unknown"), -1);
	assert_int_equal(outline_find_anchor(o, ""), -1);
	outline_free(o);
	o = outline_of("No headings at all.\n");
	assert_int_equal(outline_find_anchor(o, "x"), -1);
	outline_free(o);
}

/* A heading literally named like a repeat's anchor takes the next one. */
static void test_repeat_next_to_a_lookalike(void **state)
{
	(void)state;
	struct outline *o = outline_of("## Notes\n\n## Notes-1\n\n## Notes\n");
	assert_string_equal(outline_heading(o, 0)->anchor, "notes");
	assert_string_equal(outline_heading(o, 1)->anchor, "notes-1");
	assert_string_equal(outline_heading(o, 2)->anchor, "notes-2");
	outline_free(o);
}

static void test_many_repeats(void **state)
{
	(void)state;
	struct buf md = BUF_INIT;
	for (int i = 0; i < 3000; i++)
		buf_puts(&md, "## Notes\n\nText.\n\n");
	struct outline *o = outline_of(md.data);
	assert_int_equal(outline_heading_count(o), 3000);
	assert_string_equal(outline_heading(o, 2999)->anchor, "notes-2999");
	for (long i = 0; i < 3000; i += 499) {
		char anchor[32];
		snprintf(anchor, sizeof anchor, i ? "notes-%ld" : "notes", i);
		assert_int_equal(outline_find_anchor(o, anchor), i);
	}
	outline_free(o);
	buf_free(&md);
}

static void test_blocks_and_sections(void **state)
{
	(void)state;
	struct outline *o = outline_of(
		"Before.\n\n# Title\n\nSummary *with* `code`.\n\n<!-- hidden -->\n\n"
		"- one\n- two\n\n```\nx = 1\n```\n\n---\n\n<div>shown</div>\n\n## Next\n\n> quoted\n");
	/* Before, Title, Summary, one, two, code, rule, div, Next, quoted. */
	assert_int_equal(outline_block_count(o), 10);
	assert_int_equal(outline_block(o, 0)->section, -1);
	assert_int_equal(outline_block(o, 1)->kind, OUTLINE_HEADING);
	assert_int_equal(outline_block(o, 1)->section, 0);
	assert_string_equal(outline_block(o, 2)->text, "Summary with code.");
	assert_int_equal(outline_block(o, 2)->section, 0);
	assert_string_equal(outline_block(o, 4)->text, "two");
	assert_int_equal(outline_block(o, 5)->kind, OUTLINE_CODE);
	assert_string_equal(outline_block(o, 5)->text, "x = 1");
	assert_int_equal(outline_block(o, 6)->kind, OUTLINE_RULE);
	assert_string_equal(outline_block(o, 6)->text, "");
	assert_int_equal(outline_block(o, 7)->kind, OUTLINE_HTML);
	assert_int_equal(outline_block(o, 9)->section, 1);
	assert_int_equal(outline_block(o, 9)->line, 22);
	assert_int_equal(outline_heading(o, 1)->block, 8);
	assert_null(outline_block(o, 10));
	outline_free(o);
}

static void test_text_is_clean(void **state)
{
	(void)state;
	struct outline *o = outline_of("# A\x1b[31m title &#27;\x07\n\nBad \xff byte.\n");
	for (size_t i = 0; i < outline_block_count(o); i++)
		for (const char *p = outline_block(o, i)->text; *p; p++)
			assert_false((unsigned char)*p < 0x20 || *p == 0x7f);
	assert_non_null(strstr(outline_block(o, 1)->text, "\xef\xbf\xbd"));
	outline_free(o);
}

/* Layout numbers blocks as the outline does, and its headings are the
 * outline's, for every shipped article at two widths. */
static void test_layout_agrees(void **state)
{
	(void)state;
	struct sg_error err;
	struct guide *g = guide_open("content", &err);
	assert_non_null(g);
	for (size_t i = 0; i < guide_count(g); i++) {
		cmark_node *doc = guide_document(g, i, &err);
		const struct outline *o = guide_outline(g, i, &err);
		assert_non_null(o);
		for (size_t w = 20; w <= 80; w += 60) {
			struct layout_opts opts = {.width = w};
			struct layout *l = layout_new(doc, &opts);
			assert_int_equal(layout_heading_count(l), outline_heading_count(o));
			for (size_t h = 0; h < outline_heading_count(o); h++) {
				size_t line = layout_heading_line(l, h);
				assert_int_equal(layout_line(l, line)->block,
						 outline_heading(o, h)->block);
			}
			for (size_t k = 0; k < layout_line_count(l); k++)
				assert_true(layout_line(l, k)->block < outline_block_count(o));
			layout_free(l);
		}
	}
	guide_free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_anchors_are_unique),
		cmocka_unit_test(test_find_anchor),
		cmocka_unit_test(test_repeat_next_to_a_lookalike),
		cmocka_unit_test(test_many_repeats),
		cmocka_unit_test(test_blocks_and_sections),
		cmocka_unit_test(test_text_is_clean),
		cmocka_unit_test(test_layout_agrees),
	};
	return cmocka_run_group_tests_name("outline", tests, NULL, NULL);
}
