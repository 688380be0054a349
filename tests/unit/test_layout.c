/* Unit tests for src/layout.c: Markdown (through doc_parse) laid out into
 * wrapped, styled lines at widths 20, 40, 80 and 200 (clamped to 76). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "skinguide/buf.h"
#include "skinguide/doc.h"
#include "skinguide/layout.h"
#include "skinguide/text.h"

static const size_t widths[] = {20, 40, 80, 200};
#define NWIDTHS (sizeof widths / sizeof widths[0])

#define ZHONG "\xe4\xb8\xad"
#define WEN "\xe6\x96\x87"
#define GRIN "\xf0\x9f\x98\x80"
#define E_ACUTE "e\xcc\x81"
#define REPLACEMENT "\xef\xbf\xbd"

static const char *const long_para =
	"Keep the new tattoo covered for the first few hours and wash it gently "
	"with lukewarm water and fragrance free soap. Pat it dry with a clean "
	"paper towel instead of rubbing, then apply a thin layer of the ointment "
	"your artist recommended. Avoid swimming pools, hot tubs and direct "
	"sunlight for at least two weeks while the skin heals.";

/* ---- helpers ----------------------------------------------------------- */

static size_t clamped(size_t w)
{
	return w > LAYOUT_MAX_WIDTH ? LAYOUT_MAX_WIDTH : w < LAYOUT_MIN_WIDTH ? LAYOUT_MIN_WIDTH : w;
}

/* The invariants every layout keeps, whatever the input. */
static void check_layout(const struct layout *l)
{
	size_t lw = layout_width(l);
	assert_true(lw <= LAYOUT_MAX_WIDTH);
	assert_true(lw >= LAYOUT_MIN_WIDTH);
	size_t n = layout_line_count(l);
	assert_null(layout_line(l, n));
	for (size_t i = 0; i < n; i++) {
		const struct layout_line *ln = layout_line(l, i);
		assert_non_null(ln);
		assert_int_equal(strlen(ln->text), ln->len);
		assert_int_equal(ln->width, text_width(ln->text, ln->len));
		assert_true(ln->width <= lw);
		size_t pos = 0;
		for (size_t s = 0; s < ln->nspans; s++) {
			assert_int_equal(ln->spans[s].start, pos);
			assert_true(ln->spans[s].len > 0);
			pos += ln->spans[s].len;
		}
		assert_int_equal(pos, ln->len);
		for (size_t k = 0; k < ln->len; k++) {
			unsigned char c = (unsigned char)ln->text[k];
			assert_true(c >= 0x20 && c != 0x7f);
			if (c == 0xc2 && k + 1 < ln->len)
				assert_false((unsigned char)ln->text[k + 1] < 0xa0);
		}
		for (size_t k = 0; k < ln->len;) {
			uint32_t cp;
			size_t used = text_decode(ln->text + k, ln->len - k, &cp);
			assert_false(cp == TEXT_REPLACEMENT && used != 3); /* valid UTF-8 */
			k += used;
		}
	}
	for (size_t i = 0; i < layout_link_count(l); i++)
		for (const char *p = layout_link(l, i)->target; *p; p++)
			assert_true((unsigned char)*p >= 0x20 && *p != 0x7f);
}

static struct layout *lay_opts(const char *md, size_t n, size_t width, bool ascii,
			       bool show_urls)
{
	cmark_node *doc = doc_parse(md, n);
	struct layout_opts opts = {.width = width, .ascii = ascii, .show_urls = show_urls};
	struct layout *l = layout_new(doc, &opts);
	cmark_node_free(doc);
	assert_non_null(l);
	check_layout(l);
	assert_int_equal(layout_width(l), clamped(width));
	return l;
}

static struct layout *lay(const char *md, size_t width)
{
	return lay_opts(md, strlen(md), width, false, false);
}

static const char *line_text(const struct layout *l, size_t i)
{
	return layout_line(l, i)->text;
}

static bool starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool ends_with(const char *s, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);
	return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* First line containing `needle`, or -1. */
static long find_line(const struct layout *l, const char *needle)
{
	for (size_t i = 0; i < layout_line_count(l); i++)
		if (strstr(line_text(l, i), needle))
			return (long)i;
	return -1;
}

/* Style of the span whose text is exactly `text`, or ~0u. */
static unsigned span_style(const struct layout *l, const char *text)
{
	for (size_t i = 0; i < layout_line_count(l); i++) {
		const struct layout_line *ln = layout_line(l, i);
		for (size_t s = 0; s < ln->nspans; s++)
			if (ln->spans[s].len == strlen(text) &&
			    memcmp(ln->text + ln->spans[s].start, text, ln->spans[s].len) == 0)
				return ln->spans[s].style;
	}
	return ~0u;
}

/* All TEXT lines, trimmed of leading spaces, joined with single spaces. */
static char *joined_text(const struct layout *l)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < layout_line_count(l); i++) {
		const struct layout_line *ln = layout_line(l, i);
		if (ln->kind != LAYOUT_LINE_TEXT)
			continue;
		const char *t = ln->text + strspn(ln->text, " ");
		if (b.len)
			buf_putc(&b, ' ');
		buf_puts(&b, t);
	}
	return buf_detach(&b);
}

/* All lines joined with their spaces removed. */
static char *joined_compact(const struct layout *l)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < layout_line_count(l); i++)
		for (const char *p = line_text(l, i); *p; p++)
			if (*p != ' ')
				buf_putc(&b, *p);
	return buf_detach(&b);
}

/* Bytes other than spaces in the text lines. */
static size_t count_non_space(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += s[i] != ' ';
	return c;
}

static size_t layout_non_space(const struct layout *l)
{
	size_t c = 0;
	for (size_t i = 0; i < layout_line_count(l); i++)
		c += count_non_space(line_text(l, i), layout_line(l, i)->len);
	return c;
}

/* ---- paragraphs -------------------------------------------------------- */

static void test_paragraph_wraps_keeping_words(void **state)
{
	(void)state;
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct layout *l = lay(long_para, widths[w]);
		assert_true(layout_line_count(l) >= (strlen(long_para) + 75) / 76);
		for (size_t i = 0; i < layout_line_count(l); i++)
			assert_int_equal(layout_line(l, i)->kind, LAYOUT_LINE_TEXT);
		char *j = joined_text(l);
		assert_string_equal(j, long_para);
		free(j);
		layout_free(l);
	}
}

static void test_width_is_clamped(void **state)
{
	(void)state;
	struct layout *l = lay("Short.", 200);
	assert_int_equal(layout_width(l), 76);
	layout_free(l);
	l = lay("Short.", 3);
	assert_int_equal(layout_width(l), LAYOUT_MIN_WIDTH);
	layout_free(l);
}

static void test_empty_document_has_no_lines(void **state)
{
	(void)state;
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct layout *l = lay("", widths[w]);
		assert_int_equal(layout_line_count(l), 0);
		assert_int_equal(layout_link_count(l), 0);
		assert_int_equal(layout_heading_count(l), 0);
		assert_null(layout_line(l, 0));
		layout_free(l);
	}
}

/* ---- headings ---------------------------------------------------------- */

static void test_h1_styled_and_underlined(void **state)
{
	(void)state;
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct layout *l = lay("# Aftercare\n\nBody text.", widths[w]);
		const struct layout_line *h = layout_line(l, 0), *u = layout_line(l, 1);
		assert_string_equal(h->text, "Aftercare");
		assert_int_equal(h->kind, LAYOUT_LINE_TEXT);
		assert_int_equal(h->nspans, 1);
		assert_true(h->spans[0].style & LAYOUT_H1);
		assert_int_equal(u->kind, LAYOUT_LINE_DECOR);
		assert_string_equal(u->text, "═════════");
		assert_true(u->spans[0].style & LAYOUT_BORDER);
		layout_free(l);
	}
}

static void test_h2_styled_and_underlined(void **state)
{
	(void)state;
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct layout *l = lay("## Days 2-3\n\nBody.", widths[w]);
		assert_true(layout_line(l, 0)->spans[0].style & LAYOUT_H2);
		assert_int_equal(layout_line(l, 1)->kind, LAYOUT_LINE_DECOR);
		assert_string_equal(line_text(l, 1), "────────");
		layout_free(l);
	}
}

static void test_h3_styled_without_underline(void **state)
{
	(void)state;
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct layout *l = lay("### Small print\n\nBody.", widths[w]);
		assert_string_equal(line_text(l, 0), "Small print");
		assert_true(layout_line(l, 0)->spans[0].style & LAYOUT_H3);
		assert_int_equal(layout_line(l, 1)->kind, LAYOUT_LINE_BLANK);
		assert_string_equal(line_text(l, 2), "Body.");
		assert_int_equal(layout_line_count(l), 3);
		layout_free(l);
	}
}

static void test_heading_lines(void **state)
{
	(void)state;
	const char *md = "## Days 2-3\n\nText.\n\n## Days 2-3\n\n# What is it?\n";
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct layout *l = lay(md, widths[w]);
		assert_int_equal(layout_heading_count(l), 3);
		size_t first = layout_heading_line(l, 0), second = layout_heading_line(l, 1);
		assert_int_equal(first, 0);
		assert_true(second > first);
		assert_string_equal(line_text(l, second), "Days 2-3");
		assert_true(layout_heading_line(l, 3) == (size_t)-1);
		assert_int_equal(layout_heading_at(l, second), 1);
		assert_int_equal(layout_heading_at(l, second - 1), 0);
		layout_free(l);
	}
}

/* ---- inline styles ----------------------------------------------------- */

static void test_inline_style_bits(void **state)
{
	(void)state;
	const char *md = "Some **bold** and *emph* and `code` and ***both*** here.";
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct layout *l = lay(md, widths[w]);
		assert_int_equal(span_style(l, "bold"), LAYOUT_STRONG);
		assert_int_equal(span_style(l, "emph"), LAYOUT_EMPH);
		assert_int_equal(span_style(l, "code"), LAYOUT_CODE);
		assert_int_equal(span_style(l, "both"), LAYOUT_STRONG | LAYOUT_EMPH);
		assert_int_equal(span_style(l, "Some "), 0);
		layout_free(l);
	}
}

/* ---- lists ------------------------------------------------------------- */

static void test_bullet_list_hanging_indent(void **state)
{
	(void)state;
	struct buf md = BUF_INIT;
	buf_printf(&md, "- %s\n- short\n", long_para);
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct layout *l = lay(md.data, widths[w]);
		assert_true(starts_with(line_text(l, 0), "• Keep"));
		assert_true(layout_line(l, 0)->spans[0].style & LAYOUT_MARKER);
		size_t i = 1;
		for (; !starts_with(line_text(l, i), "• "); i++) {
			assert_true(starts_with(line_text(l, i), "  "));
			assert_int_not_equal(line_text(l, i)[2], ' ');
		}
		assert_true(i > 1);
		assert_string_equal(line_text(l, i), "• short");
		layout_free(l);
	}
	buf_free(&md);
}

static void test_nested_list_indented_further(void **state)
{
	(void)state;
	struct buf md = BUF_INIT;
	buf_printf(&md, "- outer\n  - %s\n- next\n", long_para);
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct layout *l = lay(md.data, widths[w]);
		assert_string_equal(line_text(l, 0), "• outer");
		assert_true(starts_with(line_text(l, 1), "  ◦ Keep"));
		size_t i = 2;
		for (; !starts_with(line_text(l, i), "• "); i++) {
			assert_true(starts_with(line_text(l, i), "    "));
			assert_int_not_equal(line_text(l, i)[4], ' ');
		}
		assert_true(i > 2);
		assert_string_equal(line_text(l, i), "• next");
		layout_free(l);
	}
	buf_free(&md);
}

static void test_ordered_list_numbers_align(void **state)
{
	(void)state;
	struct buf md = BUF_INIT;
	for (int k = 1; k <= 9; k++)
		buf_printf(&md, "%d. item %d\n", k, k);
	buf_printf(&md, "10. %s\n", long_para);
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct layout *l = lay(md.data, widths[w]);
		assert_string_equal(line_text(l, 0), "1.  item 1");
		assert_string_equal(line_text(l, 8), "9.  item 9");
		assert_true(starts_with(line_text(l, 9), "10. Keep"));
		assert_int_equal(span_style(l, "9.  "), LAYOUT_MARKER);
		for (size_t i = 10; i < layout_line_count(l); i++) {
			assert_true(starts_with(line_text(l, i), "    "));
			assert_int_not_equal(line_text(l, i)[4], ' ');
		}
		assert_true(layout_line_count(l) > 10);
		layout_free(l);
	}
	buf_free(&md);
}

/* ---- block quotes ------------------------------------------------------ */

static void check_box_line(const struct layout *l, size_t i, const char *left,
			   const char *right)
{
	const struct layout_line *ln = layout_line(l, i);
	assert_true(starts_with(ln->text, left));
	assert_true(ends_with(ln->text, ln->len, right));
	assert_int_equal(ln->width, layout_width(l));
}

static void test_quote_is_a_box(void **state)
{
	(void)state;
	struct buf md = BUF_INIT;
	buf_printf(&md, "> %s\n", long_para);
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct layout *l = lay(md.data, widths[w]);
		size_t n = layout_line_count(l);
		assert_true(n >= 4);
		check_box_line(l, 0, "┌", "┐");
		assert_int_equal(layout_line(l, 0)->kind, LAYOUT_LINE_DECOR);
		for (size_t i = 1; i + 1 < n; i++)
			check_box_line(l, i, "│ ", " │");
		check_box_line(l, n - 1, "└", "┘");
		assert_int_equal(layout_line(l, n - 1)->kind, LAYOUT_LINE_DECOR);
		layout_free(l);
	}
	buf_free(&md);
}

static void test_quote_text_is_callout(void **state)
{
	(void)state;
	struct buf md = BUF_INIT;
	buf_printf(&md, "> %s\n>\n> Second **bold** part.\n", long_para);
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct layout *l = lay(md.data, widths[w]);
		size_t words = 0;
		for (size_t i = 0; i < layout_line_count(l); i++) {
			const struct layout_line *ln = layout_line(l, i);
			if (ln->kind != LAYOUT_LINE_DECOR)
				check_box_line(l, i, "│ ", " │");
			for (size_t s = 0; s < ln->nspans; s++) {
				const struct layout_span *sp = &ln->spans[s];
				if (sp->style & LAYOUT_BORDER ||
				    count_non_space(ln->text + sp->start, sp->len) == 0)
					continue;
				assert_true(sp->style & LAYOUT_CALLOUT);
				words++;
			}
		}
		assert_true(words > 0);
		assert_int_equal(span_style(l, "bold"), LAYOUT_STRONG | LAYOUT_CALLOUT);
		layout_free(l);
	}
	buf_free(&md);
}

/* ---- breaks and rules -------------------------------------------------- */

static void test_thematic_break_is_decor(void **state)
{
	(void)state;
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct layout *l = lay("Above.\n\n---\n\nBelow.", widths[w]);
		assert_int_equal(layout_line_count(l), 5);
		const struct layout_line *r = layout_line(l, 2);
		assert_int_equal(r->kind, LAYOUT_LINE_DECOR);
		assert_int_equal(r->width, layout_width(l));
		assert_true(starts_with(r->text, "───"));
		assert_string_equal(line_text(l, 4), "Below.");
		layout_free(l);
	}
}

static void test_hard_break_starts_new_line(void **state)
{
	(void)state;
	const char *const docs[] = {"first  \nsecond", "first\\\nsecond"};
	for (size_t d = 0; d < 2; d++)
		for (size_t w = 0; w < NWIDTHS; w++) {
			struct layout *l = lay(docs[d], widths[w]);
			assert_int_equal(layout_line_count(l), 2);
			assert_string_equal(line_text(l, 0), "first");
			assert_string_equal(line_text(l, 1), "second");
			layout_free(l);
		}
}

static void test_soft_break_is_space(void **state)
{
	(void)state;
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct layout *l = lay("first\nsecond", widths[w]);
		assert_int_equal(layout_line_count(l), 1);
		assert_string_equal(line_text(l, 0), "first second");
		layout_free(l);
	}
}

/* ---- HTML and images --------------------------------------------------- */

static void test_html_block_shown_as_text(void **state)
{
	(void)state;
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct layout *l = lay("Before.\n\n<div>x</div>\n\nAfter.", widths[w]);
		long i = find_line(l, "<div>x</div>");
		assert_true(i >= 0);
		assert_int_equal(span_style(l, "<div>x</div>"), LAYOUT_HTML);
		layout_free(l);
	}
}

static void test_html_comment_hidden(void **state)
{
	(void)state;
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct layout *l = lay("Before.\n\n<!-- note -->\n\nAfter.", widths[w]);
		assert_int_equal(find_line(l, "note"), -1);
		assert_int_equal(find_line(l, "<!--"), -1);
		assert_int_equal(layout_line_count(l), 3);
		assert_string_equal(line_text(l, 2), "After.");
		layout_free(l);
	}
}

static void test_image_shows_alt_text(void **state)
{
	(void)state;
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct layout *l = lay("![a cat](cat.png)", widths[w]);
		assert_int_equal(layout_line_count(l), 1);
		assert_string_equal(line_text(l, 0), "[image: a cat]");
		assert_int_equal(find_line(l, "cat.png"), -1);
		layout_free(l);
	}
}

/* ---- links ------------------------------------------------------------- */

static void test_link_span_and_target(void **state)
{
	(void)state;
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct layout *l = lay("Read the notes on [Aftercare](aftercare.md) today.",
				       widths[w]);
		assert_int_equal(layout_link_count(l), 1);
		const struct layout_link *k = layout_link(l, 0);
		assert_string_equal(k->target, "aftercare.md");
		assert_null(layout_link(l, 1));
		const struct layout_line *ln = layout_line(l, k->line);
		assert_non_null(ln);
		assert_true(starts_with(ln->text + k->col, "Aftercare")); /* ASCII: col == byte */
		unsigned st = span_style(l, "Aftercare");
		assert_int_equal(st, LAYOUT_LINK);
		for (size_t s = 0; s < ln->nspans; s++)
			if (ln->spans[s].start == k->col)
				assert_int_equal(ln->spans[s].link, 0);
		layout_free(l);
	}
}

static void test_link_at_finds_link_columns(void **state)
{
	(void)state;
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct layout *l = lay("Read the notes on [Aftercare](aftercare.md) today.",
				       widths[w]);
		const struct layout_link *k = layout_link(l, 0);
		assert_int_equal(layout_link_at(l, k->line, k->col), 0);
		assert_int_equal(layout_link_at(l, k->line, k->col + 8), 0);
		assert_int_equal(layout_link_at(l, k->line, k->col + 9), -1);
		if (k->col > 0)
			assert_int_equal(layout_link_at(l, k->line, k->col - 1), -1);
		assert_int_equal(layout_link_at(l, k->line, 500), -1);
		assert_int_equal(layout_link_at(l, layout_line_count(l), 0), -1);
		if (k->line > 0)
			assert_int_equal(layout_link_at(l, 0, 0), -1);
		layout_free(l);
	}
}

static void test_link_position_after_wrap(void **state)
{
	(void)state;
	struct layout *l = lay("Read the notes on [Aftercare](aftercare.md) today.", 20);
	assert_int_equal(layout_link(l, 0)->line, 1);
	assert_int_equal(layout_link(l, 0)->col, 0);
	layout_free(l);
	l = lay("Read the notes on [Aftercare](aftercare.md) today.", 40);
	assert_int_equal(layout_link(l, 0)->line, 0);
	assert_int_equal(layout_link(l, 0)->col, 18);
	layout_free(l);
}

static void test_show_urls_follows_external_links(void **state)
{
	(void)state;
	const char *md = "See [FDA](https://fda.gov) and [Aftercare](aftercare.md).";
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct layout *l = lay_opts(md, strlen(md), widths[w], false, true);
		char *j = joined_compact(l); /* UAX #14 may break a URL after "//" */
		assert_string_equal(j, "SeeFDA<https://fda.gov>andAftercare.");
		assert_int_equal(layout_link_count(l), 2);
		free(j);
		layout_free(l);
	}
}

static void test_urls_hidden_without_show_urls(void **state)
{
	(void)state;
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct layout *l = lay("See [FDA](https://fda.gov).", widths[w]);
		char *j = joined_text(l);
		assert_string_equal(j, "See FDA.");
		assert_string_equal(layout_link(l, 0)->target, "https://fda.gov");
		free(j);
		layout_free(l);
	}
}

/* ---- finding places across a relayout ---------------------------------- */

static void test_find_block_after_relayout(void **state)
{
	(void)state;
	struct buf md = BUF_INIT;
	buf_printf(&md, "# Title\n\nIntro.\n\n%s\n\nLast.\n", long_para);
	for (size_t a = 0; a < NWIDTHS; a++)
		for (size_t b = 0; b < NWIDTHS; b++) {
			struct layout *la = lay(md.data, widths[a]);
			struct layout *lb = lay(md.data, widths[b]);
			long first = find_line(la, "Keep the new");
			long last = find_line(la, "heals.");
			assert_true(first >= 0 && last >= first);
			const struct layout_line *mid = layout_line(la, (size_t)(first + last) / 2);
			size_t r = layout_find_block(lb, mid->block, mid->block_pos);
			const struct layout_line *got = layout_line(lb, r);
			assert_int_equal(got->block, mid->block);
			assert_int_equal(got->kind, LAYOUT_LINE_TEXT);
			assert_true(got->block_pos <= mid->block_pos);
			const struct layout_line *next = layout_line(lb, r + 1);
			assert_true(next->block != mid->block || next->block_pos > mid->block_pos);
			layout_free(la);
			layout_free(lb);
		}
	buf_free(&md);
}

static void test_find_block_on_wrapped_heading_lands_on_words(void **state)
{
	(void)state;
	const char *md = "# A heading that is long enough to wrap over two lines even "
			 "when the window is as wide as a layout may be\n\nBody.";
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct layout *l = lay(md, widths[w]);
		size_t under = 0;
		while (layout_line(l, under)->kind != LAYOUT_LINE_DECOR)
			under++;
		assert_true(under >= 2);
		const struct layout_line *last = layout_line(l, under - 1);
		assert_int_equal(layout_find_block(l, last->block, last->block_pos), under - 1);
		assert_int_equal(layout_find_block(l, last->block, 0), 0);
		layout_free(l);
	}
}

/* ---- hostile content --------------------------------------------------- */

static void test_escapes_never_reach_lines(void **state)
{
	(void)state;
	const char md[] = "Red &#27;[31m text &#155;2J and raw \x1b[0m \x07 bell "
			  "`\x1b]0;t\x07` [x](&#27;) \xc2\x9b.\n\n<b>\x1b[1m</b>\n";
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct layout *l = lay_opts(md, sizeof md - 1, widths[w], false, true);
		char *j = joined_text(l);
		assert_non_null(strstr(j, "Red [31m text 2J and raw [0m"));
		free(j);
		layout_free(l);
	}
}

static void test_invalid_utf8_becomes_replacement(void **state)
{
	(void)state;
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct layout *l = lay("bad \xff byte", widths[w]);
		assert_string_equal(line_text(l, 0), "bad " REPLACEMENT " byte");
		layout_free(l);
	}
}

static void test_wide_characters_stay_within_width(void **state)
{
	(void)state;
	struct buf md = BUF_INIT;
	for (int i = 0; i < 80; i++)
		buf_puts(&md, i % 2 ? WEN : ZHONG);
	buf_puts(&md, "\n\n");
	for (int i = 0; i < 30; i++)
		buf_puts(&md, GRIN " caf" E_ACUTE " ");
	buf_puts(&md, "\n\n> ");
	for (int i = 0; i < 40; i++)
		buf_puts(&md, ZHONG GRIN E_ACUTE);
	size_t in = count_non_space(md.data, md.len) - 4 /* newlines */ - 1 /* '>' */;
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct layout *l = lay(md.data, widths[w]);
		assert_true(find_line(l, ZHONG WEN) >= 0);
		if (widths[w] == 20)
			assert_true(layout_line_count(l) > 16);
		assert_true(layout_non_space(l) >= in);
		layout_free(l);
	}
	buf_free(&md);
}

/* "a" may end a line before "中", and nothing may break before "。" or
 * "!": an unbreakable run one column short of the width, followed by a
 * wide "。", must not be moved down whole onto a line too narrow for it.
 * (Checked by hand, not with lay(), so a failure leaks nothing.) */
static void test_wide_punctuation_never_overflows(void **state)
{
	(void)state;
	for (size_t w = 0; w < NWIDTHS; w++) {
		size_t width = clamped(widths[w]);
		struct buf md = BUF_INIT;
		buf_puts(&md, "a" ZHONG);
		buf_repeat(&md, "\xe3\x80\x82", (width - 4) / 2);
		buf_puts(&md, "!\xe3\x80\x82");
		cmark_node *doc = doc_parse(md.data, md.len);
		struct layout_opts opts = {.width = widths[w]};
		struct layout *l = layout_new(doc, &opts);
		size_t widest = 0;
		for (size_t i = 0; i < layout_line_count(l); i++)
			if (layout_line(l, i)->width > widest)
				widest = layout_line(l, i)->width;
		layout_free(l);
		cmark_node_free(doc);
		buf_free(&md);
		assert_true(widest <= width);
	}
}

static void test_long_word_broken_without_loss(void **state)
{
	(void)state;
	struct buf md = BUF_INIT;
	buf_puts(&md, "Before ");
	for (int i = 0; i < 500; i++)
		buf_putc(&md, (char)('a' + i % 26));
	buf_puts(&md, " after.");
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct layout *l = lay(md.data, widths[w]);
		assert_int_equal(layout_non_space(l), count_non_space(md.data, md.len));
		assert_true(layout_line_count(l) >= 500 / clamped(widths[w]));
		assert_int_equal(layout_line(l, 1)->width, clamped(widths[w]));
		layout_free(l);
	}
	buf_free(&md);
}

static void test_deep_quote_nesting(void **state)
{
	(void)state;
	struct buf md = BUF_INIT;
	buf_repeat(&md, ">", 5000);
	buf_puts(&md, " deep words");
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct layout *l = lay(md.data, widths[w]);
		assert_true(find_line(l, "deep") >= 0);
		assert_true(find_line(l, "words") >= 0);
		layout_free(l);
	}
	buf_free(&md);
}

static void test_deep_list_nesting(void **state)
{
	(void)state;
	struct buf md = BUF_INIT;
	for (int i = 0; i < 2000; i++) {
		buf_repeat(&md, "  ", (size_t)i);
		buf_printf(&md, "- L%d\n", i);
	}
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct layout *l = lay(md.data, widths[w]);
		assert_string_equal(line_text(l, 0), "• L0");
		assert_true(find_line(l, "L1999") >= 0);
		assert_int_equal(layout_line_count(l), 2000);
		layout_free(l);
	}
	buf_free(&md);
}

/* ---- ASCII mode -------------------------------------------------------- */

static void test_ascii_decoration(void **state)
{
	(void)state;
	const char *md = "# Title\n\n## Sub\n\n> quoted text here\n\n- one\n  - two\n"
			 "    - three\n\n---\n\n1. first\n";
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct layout *l = lay_opts(md, strlen(md), widths[w], true, false);
		for (size_t i = 0; i < layout_line_count(l); i++)
			for (const char *p = line_text(l, i); *p; p++)
				assert_true((unsigned char)*p < 0x80);
		assert_true(starts_with(line_text(l, 1), "====="));
		assert_true(starts_with(line_text(l, 4), "---"));
		long top = find_line(l, "+--");
		assert_true(top >= 0);
		assert_true(starts_with(line_text(l, (size_t)top + 1), "| quoted"));
		assert_true(ends_with(line_text(l, (size_t)top + 1),
				      layout_line(l, (size_t)top + 1)->len, " |"));
		/* '-' at every depth: a screen reader reads '*' as "star". */
		assert_true(find_line(l, "- one") >= 0);
		assert_true(find_line(l, "  - two") >= 0);
		assert_true(find_line(l, "    - three") >= 0);
		assert_true(find_line(l, "*") < 0 && find_line(l, "+ ") < 0);
		layout_free(l);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_paragraph_wraps_keeping_words),
		cmocka_unit_test(test_width_is_clamped),
		cmocka_unit_test(test_empty_document_has_no_lines),
		cmocka_unit_test(test_h1_styled_and_underlined),
		cmocka_unit_test(test_h2_styled_and_underlined),
		cmocka_unit_test(test_h3_styled_without_underline),
		cmocka_unit_test(test_heading_lines),
		cmocka_unit_test(test_inline_style_bits),
		cmocka_unit_test(test_bullet_list_hanging_indent),
		cmocka_unit_test(test_nested_list_indented_further),
		cmocka_unit_test(test_ordered_list_numbers_align),
		cmocka_unit_test(test_quote_is_a_box),
		cmocka_unit_test(test_quote_text_is_callout),
		cmocka_unit_test(test_thematic_break_is_decor),
		cmocka_unit_test(test_hard_break_starts_new_line),
		cmocka_unit_test(test_soft_break_is_space),
		cmocka_unit_test(test_html_block_shown_as_text),
		cmocka_unit_test(test_html_comment_hidden),
		cmocka_unit_test(test_image_shows_alt_text),
		cmocka_unit_test(test_link_span_and_target),
		cmocka_unit_test(test_link_at_finds_link_columns),
		cmocka_unit_test(test_link_position_after_wrap),
		cmocka_unit_test(test_show_urls_follows_external_links),
		cmocka_unit_test(test_urls_hidden_without_show_urls),
		cmocka_unit_test(test_find_block_after_relayout),
		cmocka_unit_test(test_find_block_on_wrapped_heading_lands_on_words),
		cmocka_unit_test(test_escapes_never_reach_lines),
		cmocka_unit_test(test_invalid_utf8_becomes_replacement),
		cmocka_unit_test(test_wide_characters_stay_within_width),
		cmocka_unit_test(test_wide_punctuation_never_overflows),
		cmocka_unit_test(test_long_word_broken_without_loss),
		cmocka_unit_test(test_deep_quote_nesting),
		cmocka_unit_test(test_deep_list_nesting),
		cmocka_unit_test(test_ascii_decoration),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
