/* Unit tests for history: places survive resizes and edited files. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "skinguide/doc.h"
#include "skinguide/history.h"

static const char article[] =
	"# Title\n\nA summary.\n\n## First\n\n"
	"A long paragraph that wraps over several lines when the width is small, "
	"so that a place in its middle has an offset of its own.\n\n"
	"See [one](one.md) and [two](two.md).\n\n## Second\n\nThe end.\n";

static struct layout *lay(const char *md, size_t width)
{
	cmark_node *doc = doc_parse(md, strlen(md));
	struct layout_opts opts = {.width = width};
	struct layout *l = layout_new(doc, &opts);
	cmark_node_free(doc);
	return l;
}

static void test_same_width_returns_the_exact_line(void **state)
{
	(void)state;
	struct layout *l = lay(article, 30);
	struct place p = history_place(l, 3, 7, 1);
	size_t top;
	long link;
	history_find(l, &p, &top, &link);
	assert_int_equal(top, 7);
	assert_int_equal(link, 1);
	assert_int_equal(p.article, 3);
	layout_free(l);
}

static void test_other_width_returns_the_same_paragraph(void **state)
{
	(void)state;
	struct layout *narrow = lay(article, 20), *wide = lay(article, 76);
	/* A line in the middle of the long paragraph. */
	size_t mid = 0;
	for (size_t i = 1; i < layout_line_count(narrow); i++)
		if (layout_line(narrow, i)->block_pos > 0) {
			mid = i;
			break;
		}
	assert_true(mid > 0);
	struct place p = history_place(narrow, 0, mid, -1);
	size_t top;
	long link;
	history_find(wide, &p, &top, &link);
	const struct layout_line *ln = layout_line(wide, top);
	assert_int_equal(ln->block, layout_line(narrow, mid)->block);
	assert_true(ln->block_pos <= layout_line(narrow, mid)->block_pos);
	assert_int_equal(link, -1);
	layout_free(narrow);
	layout_free(wide);
}

static void test_a_link_the_file_lost_is_not_chosen(void **state)
{
	(void)state;
	struct layout *before = lay(article, 40);
	struct layout *after = lay("# Title\n\nNo links any more.\n", 40);
	struct place p = history_place(before, 0, 12, 1);
	size_t top;
	long link;
	history_find(after, &p, &top, &link);
	assert_int_equal(link, -1);
	assert_true(top < layout_line_count(after));
	layout_free(before);
	layout_free(after);
}

static void test_stack_pops_in_reverse(void **state)
{
	(void)state;
	struct history h = {0};
	struct place p;
	assert_false(history_pop(&h, &p));
	for (size_t i = 0; i < 40; i++) {
		struct place q = {.article = i, .link = -1};
		history_push(&h, &q);
	}
	assert_true(history_pop(&h, &p));
	assert_int_equal(p.article, 39);
	history_clear(&h);
	assert_false(history_pop(&h, &p));
	history_free(&h);
	assert_null(h.places);
}

static void test_heading_at_names_the_section_being_read(void **state)
{
	(void)state;
	struct layout *l = lay(article, 40);
	size_t second = layout_heading_line(l, 2);
	assert_int_equal(layout_heading_at(l, 0), 0);
	assert_int_equal(layout_heading_at(l, second), 2);
	assert_int_equal(layout_heading_at(l, second - 1), 1);
	assert_int_equal(layout_heading_at(l, 10000), 2);
	layout_free(l);
	l = lay("Text before any heading.\n\n## Later\n\nMore.\n", 40);
	assert_int_equal(layout_heading_at(l, 0), -1);
	layout_free(l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_width_returns_the_exact_line),
		cmocka_unit_test(test_other_width_returns_the_same_paragraph),
		cmocka_unit_test(test_a_link_the_file_lost_is_not_chosen),
		cmocka_unit_test(test_stack_pops_in_reverse),
		cmocka_unit_test(test_heading_at_names_the_section_being_read),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
