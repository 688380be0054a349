/* fuzz_article: any bytes as an article, through the document outline,
 * layout at a width the input chooses (ASCII or not), --print's text and
 * the history's places across widths.
 *
 * The input is the whole article; its last byte chooses the width (the
 * byte modulo 90, so under the minimum and over the maximum too) and the
 * one before it ASCII (bit 0) and --print's URLs (bit 1).  So the shipped
 * articles are seeds as they are. */
#include "fuzz.h"

#include "skinguide/doc.h"
#include "skinguide/history.h"
#include "skinguide/layout.h"
#include "skinguide/outline.h"
#include "skinguide/print.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static void check_outline(const struct outline *o)
{
	for (size_t i = 0; i < outline_block_count(o); i++) {
		const struct outline_block *b = outline_block(o, i);
		fuzz_clean(b->text, strlen(b->text), false);
	}
	for (size_t i = 0; i < outline_heading_count(o); i++) {
		const struct outline_heading *h = outline_heading(o, i);
		fuzz_clean(h->text, strlen(h->text), false);
		fuzz_clean(h->anchor, strlen(h->anchor), false);
		if (outline_find_anchor(o, h->anchor) != (long)i)
			fuzz_fail("an anchor that is not unique", h->anchor, strlen(h->anchor));
		if (outline_block(o, h->block)->kind != OUTLINE_HEADING)
			fuzz_fail("a heading's block is no heading", h->text, strlen(h->text));
	}
}

/* A line: clean text of the width it says, no wider than the layout,
 * covered by its spans in order. */
static void check_line(const struct layout *l, const struct layout_line *ln)
{
	fuzz_clean(ln->text, ln->len, false);
	if (ln->text[ln->len] != '\0' || strlen(ln->text) != ln->len)
		fuzz_fail("a line whose length is wrong", ln->text, ln->len);
	if (text_width(ln->text, ln->len) != ln->width || ln->width > layout_width(l))
		fuzz_fail("a line wider than the layout", ln->text, ln->len);
	size_t at = 0;
	for (size_t s = 0; s < ln->nspans; s++) {
		const struct layout_span *sp = &ln->spans[s];
		if (sp->start != at || sp->len == 0 || sp->link < -1 ||
		    sp->link >= (long)layout_link_count(l))
			fuzz_fail("spans that do not cover the line", ln->text, ln->len);
		at += sp->len;
	}
	if (at != ln->len)
		fuzz_fail("spans shorter than the line", ln->text, ln->len);
}

static void check_layout(const struct layout *l, const struct outline *o)
{
	size_t n = layout_line_count(l), w = layout_width(l);
	if (w < LAYOUT_MIN_WIDTH || w > LAYOUT_MAX_WIDTH)
		fuzz_fail("a width out of range", NULL, 0);
	for (size_t i = 0; i < n; i++) {
		const struct layout_line *ln = layout_line(l, i);
		check_line(l, ln);
		if (ln->block > outline_block_count(o))
			fuzz_fail("a line of no block", ln->text, ln->len);
		const struct layout_line *prev = i ? layout_line(l, i - 1) : NULL;
		/* layout_find_block searches on this order. */
		if (prev && (prev->block > ln->block ||
			     (prev->block == ln->block && prev->block_pos > ln->block_pos)))
			fuzz_fail("lines out of block order", ln->text, ln->len);
		/* The place of a line leads back to a line of that place. */
		const struct layout_line *found =
			layout_line(l, layout_find_block(l, ln->block, ln->block_pos));
		if (!found || found->block != ln->block || found->block_pos != ln->block_pos)
			fuzz_fail("layout_find_block misses the line's place", ln->text, ln->len);
	}
	if (layout_heading_count(l) != outline_heading_count(o))
		fuzz_fail("layout and outline count headings differently", NULL, 0);
	for (size_t h = 0; h < layout_heading_count(l); h++)
		if (layout_heading_line(l, h) >= n ||
		    (h && layout_heading_line(l, h) < layout_heading_line(l, h - 1)))
			fuzz_fail("a heading's line is wrong", NULL, 0);
	for (size_t k = 0; k < layout_link_count(l); k++) {
		const struct layout_link *lk = layout_link(l, k);
		fuzz_clean(lk->target, strlen(lk->target), false);
		if (lk->line != (size_t)-1 && (lk->line >= n || lk->col > w))
			fuzz_fail("a link placed off the text", lk->target, strlen(lk->target));
	}
}

/* Every place of `from` is found again in `to`, a layout of another width. */
static void check_history(const struct layout *from, const struct layout *to)
{
	size_t n = layout_line_count(from), m = layout_line_count(to);
	for (size_t i = 0; i < n; i += 1 + n / 64) {
		struct place p = history_place(from, 0, i, layout_link_count(from) ? 0 : -1);
		size_t top;
		long link;
		history_find(to, &p, &top, &link);
		if ((m && top >= m) || link >= (long)layout_link_count(to))
			fuzz_fail("history_find out of range", NULL, 0);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t width = size ? data[size - 1] % 90 : 0;
	unsigned flags = size > 1 ? data[size - 2] : 0;
	cmark_node *doc = doc_parse(s, size);
	struct outline *o = outline_new(doc);
	check_outline(o);
	struct layout_opts opts = {width, flags & 1, (flags & 2) != 0};
	struct layout *l = layout_new(doc, &opts);
	check_layout(l, o);
	struct fuzz_out out;
	fuzz_out_open(&out);
	print_layout(out.f, l);
	fuzz_out_close(&out);
	fuzz_lines(out.text, out.len, layout_width(l));
	fuzz_out_free(&out);
	/* Another width, as a resize makes. */
	struct layout_opts other = opts;
	other.width = layout_width(l) == LAYOUT_MAX_WIDTH ? 23 : LAYOUT_MAX_WIDTH;
	struct layout *l2 = layout_new(doc, &other);
	check_history(l, l2);
	check_history(l2, l);
	layout_free(l2);
	layout_free(l);
	outline_free(o);
	cmark_node_free(doc);
	return 0;
}
