/* layout: walk a cmark tree with cmark_iter (no recursion, so deep nesting
 * cannot exhaust the stack) and wrap each leaf block into lines. */
#include "skinguide/layout.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "skinguide/buf.h"
#include "skinguide/doc.h"
#include "skinguide/outline.h"
#include "skinguide/text.h"

/* Containers deeper than this are laid out without their decoration. */
#define MAX_DEPTH 32
/* Decoration stops nesting once it would leave less text room than this. */
#define MIN_INNER 8

struct stored_line {
	size_t text_off, len, width;
	size_t span_off, nspans;
	size_t block, block_pos;
	enum layout_kind kind;
};

struct stored_link {
	size_t target_off;
	size_t line, col;
	bool placed;
};


struct layout {
	size_t width;
	struct buf text;            /* all strings, NUL-separated */
	struct layout_span *spans;
	size_t nspans, spans_cap;
	struct stored_line *lines;
	size_t nlines, lines_cap;
	struct stored_link *links;
	size_t nlinks, links_cap;
	size_t *head_lines;         /* line of each heading's text */
	size_t nheads, heads_cap;
	/* Public views, filled once the layout is complete. */
	struct layout_line *view;
	struct layout_link *link_view;
};

enum container_kind { C_QUOTE, C_ITEM, C_INDENT };

struct container {
	enum container_kind kind;
	char marker[24];     /* list marker, e.g. "• " or "12. " */
	size_t width;        /* columns of the prefix */
	bool marker_used;    /* the item's first line is out */
	bool drawn;          /* false when nested too deep to decorate */
};

struct builder {
	struct layout *l;
	const struct layout_opts *opts;
	struct container stack[MAX_DEPTH];
	size_t depth;         /* may exceed MAX_DEPTH: extra levels are undrawn */
	/* the leaf block being collected */
	struct buf para;
	struct layout_span *pspans;
	size_t npspans, pspans_cap;
	int strong, emph, link;
	size_t block;         /* number of the next leaf block */
	size_t block_pos;     /* start of the block's last line, for decoration after it */
	bool started;         /* a block has been emitted */
	/* the line being built */
	size_t line_text, line_span, line_width;
	struct buf scratch;
};

static const char *glyph(const struct builder *b, const char *utf8, const char *ascii)
{
	return b->opts->ascii ? ascii : utf8;
}

/* ---- storage ---------------------------------------------------------- */

static size_t store_string(struct layout *l, const char *s, size_t n)
{
	size_t off = l->text.len;
	buf_append(&l->text, s, n);
	buf_putc(&l->text, '\0');
	return off;
}

/* ---- the line being built ---------------------------------------------- */

static void line_begin(struct builder *b)
{
	b->line_text = b->l->text.len;
	b->line_span = b->l->nspans;
	b->line_width = 0;
}

static void line_add(struct builder *b, const char *s, size_t n, unsigned style, int link)
{
	struct layout *l = b->l;
	if (n == 0)
		return;
	size_t start = l->text.len - b->line_text;
	buf_append(&l->text, s, n);
	b->line_width += text_width(s, n);
	if (l->nspans > b->line_span) {
		struct layout_span *last = &l->spans[l->nspans - 1];
		if (last->style == style && last->link == link) {
			last->len += n;
			return;
		}
	}
	ARRAY_GROW(l->spans, l->nspans, l->spans_cap);
	l->spans[l->nspans++] = (struct layout_span){start, n, style, link};
}

static void line_end(struct builder *b, enum layout_kind kind, size_t block, size_t pos)
{
	struct layout *l = b->l;
	size_t len = l->text.len - b->line_text;
	buf_putc(&l->text, '\0');
	ARRAY_GROW(l->lines, l->nlines, l->lines_cap);
	l->lines[l->nlines++] = (struct stored_line){
		b->line_text, len, b->line_width, b->line_span,
		l->nspans - b->line_span, block, pos, kind};
}

/* ---- containers -------------------------------------------------------- */

static size_t drawn_width(const struct builder *b)
{
	size_t w = 0, n = b->depth < MAX_DEPTH ? b->depth : MAX_DEPTH;
	for (size_t i = 0; i < n; i++)
		if (b->stack[i].drawn)
			w += b->stack[i].width + (b->stack[i].kind == C_QUOTE ? 2 : 0);
	return w;
}

/* Columns left for text inside the open containers. */
static size_t inner_width(const struct builder *b)
{
	return b->l->width - drawn_width(b);
}

static bool inside_quote(const struct builder *b)
{
	size_t n = b->depth < MAX_DEPTH ? b->depth : MAX_DEPTH;
	for (size_t i = 0; i < n; i++)
		if (b->stack[i].drawn && b->stack[i].kind == C_QUOTE)
			return true;
	return false;
}

/* Whether a container taking `extra` columns can still be drawn. */
static bool fits(const struct builder *b, size_t extra)
{
	return b->depth < MAX_DEPTH && drawn_width(b) + extra + MIN_INNER <= b->l->width;
}

static void push(struct builder *b, enum container_kind kind, const char *marker)
{
	if (b->depth++ >= MAX_DEPTH)
		return;
	struct container *c = &b->stack[b->depth - 1];
	memset(c, 0, sizeof *c);
	c->kind = kind;
	if (kind == C_QUOTE) {
		strcpy(c->marker, glyph(b, "│ ", "| "));
		c->width = 2;
	} else if (kind == C_INDENT) {
		strcpy(c->marker, "  ");
		c->width = 2;
	} else {
		snprintf(c->marker, sizeof c->marker, "%s", marker);
		c->width = text_width(marker, strlen(marker));
	}
	c->drawn = drawn_width(b) + c->width + (kind == C_QUOTE ? 2 : 0) + MIN_INNER <=
		   b->l->width;
}

static void pop(struct builder *b)
{
	if (b->depth > 0)
		b->depth--;
}

/* Left edges of the open containers; list markers on an item's first line. */
static void put_prefix(struct builder *b, bool use_markers)
{
	size_t n = b->depth < MAX_DEPTH ? b->depth : MAX_DEPTH;
	for (size_t i = 0; i < n; i++) {
		struct container *c = &b->stack[i];
		if (!c->drawn)
			continue;
		if (c->kind == C_QUOTE) {
			line_add(b, c->marker, strlen(c->marker), LAYOUT_BORDER, -1);
		} else if (c->kind == C_ITEM && use_markers && !c->marker_used) {
			line_add(b, c->marker, strlen(c->marker), LAYOUT_MARKER, -1);
			c->marker_used = true;
		} else {
			buf_clear(&b->scratch);
			buf_repeat(&b->scratch, " ", c->width);
			line_add(b, b->scratch.data, b->scratch.len, 0, -1);
		}
	}
}

/* Pad to the right edge and close the open boxes, innermost first. */
static void put_suffix(struct builder *b, size_t prefix_width)
{
	if (!inside_quote(b))
		return;
	size_t used = b->line_width - prefix_width;
	size_t room = inner_width(b);
	buf_clear(&b->scratch);
	buf_repeat(&b->scratch, " ", room > used ? room - used : 0);
	line_add(b, b->scratch.data, b->scratch.len, 0, -1);
	size_t n = b->depth < MAX_DEPTH ? b->depth : MAX_DEPTH;
	for (size_t i = n; i-- > 0;)
		if (b->stack[i].drawn && b->stack[i].kind == C_QUOTE)
			line_add(b, glyph(b, " │", " |"), strlen(glyph(b, " │", " |")),
				 LAYOUT_BORDER, -1);
}

/* A line of decoration or space, framed by the open containers. */
static void emit_decor(struct builder *b, enum layout_kind kind, const char *fill_left,
		       const char *fill, const char *fill_right, size_t fill_width)
{
	line_begin(b);
	put_prefix(b, kind != LAYOUT_LINE_BLANK);
	size_t prefix_width = b->line_width;
	if (fill) {
		buf_clear(&b->scratch);
		buf_puts(&b->scratch, fill_left);
		buf_repeat(&b->scratch, fill, fill_width);
		buf_puts(&b->scratch, fill_right);
		line_add(b, b->scratch.data, b->scratch.len, LAYOUT_BORDER, -1);
	}
	put_suffix(b, prefix_width);
	line_end(b, kind, b->block, b->block_pos);
}

static void emit_blank(struct builder *b)
{
	emit_decor(b, LAYOUT_LINE_BLANK, "", NULL, "", 0);
}

/* ---- block spacing ----------------------------------------------------- */

static bool in_tight_list(cmark_node *node)
{
	cmark_node *item = cmark_node_get_type(node) == CMARK_NODE_ITEM
		? node : cmark_node_parent(node);
	if (!item || cmark_node_get_type(item) != CMARK_NODE_ITEM)
		return false;
	cmark_node *list = cmark_node_parent(item);
	return list && cmark_node_get_list_tight(list);
}

static cmark_node *previous_shown(cmark_node *node)
{
	cmark_node *p = cmark_node_previous(node);
	while (p && cmark_node_get_type(p) == CMARK_NODE_HTML_BLOCK && !outline_counts(p))
		p = cmark_node_previous(p);
	return p;
}

/* Blocks are separated by one blank line, except inside tight lists and
 * before the first block of a container (its parent was spaced already). */
static void space_before(struct builder *b, cmark_node *node)
{
	if (b->started && previous_shown(node) && !in_tight_list(node))
		emit_blank(b);
	b->started = true;
}

/* ---- collecting a leaf block ------------------------------------------- */

static unsigned inline_style(const struct builder *b, unsigned base)
{
	unsigned s = base;
	if (b->strong)
		s |= LAYOUT_STRONG;
	if (b->emph)
		s |= LAYOUT_EMPH;
	if (b->link >= 0)
		s |= LAYOUT_LINK;
	return s;
}

static void para_span(struct builder *b, size_t start, unsigned style)
{
	size_t len = b->para.len - start;
	if (len == 0)
		return;
	if (b->npspans) {
		struct layout_span *last = &b->pspans[b->npspans - 1];
		if (last->style == style && last->link == b->link &&
		    last->start + last->len == start) {
			last->len += len;
			return;
		}
	}
	ARRAY_GROW(b->pspans, b->npspans, b->pspans_cap);
	b->pspans[b->npspans++] = (struct layout_span){start, len, style, b->link};
}

/* Clean text into the paragraph; plain ASCII for a terminal that needs it. */
static void put_clean(struct builder *b, struct buf *to, const char *s, size_t n,
		      bool keep_layout)
{
	if (!b->opts->ascii) {
		text_sanitize(to, s, n, keep_layout);
		return;
	}
	struct buf clean = BUF_INIT;
	text_sanitize(&clean, s, n, keep_layout);
	text_to_ascii(to, clean.data ? clean.data : "", clean.len);
	buf_free(&clean);
}

static void para_text(struct builder *b, const char *s, size_t n, unsigned style)
{
	size_t start = b->para.len;
	put_clean(b, &b->para, s, n, false);
	para_span(b, start, inline_style(b, style));
}

static void para_raw(struct builder *b, const char *s, unsigned style)
{
	size_t start = b->para.len;
	buf_puts(&b->para, s);
	para_span(b, start, inline_style(b, style));
}

static void para_reset(struct builder *b)
{
	buf_clear(&b->para);
	b->npspans = 0;
}

/* Code keeps its line breaks; tabs become spaces to the next stop of 4. */
static void para_code(struct builder *b, const char *s, unsigned style)
{
	buf_clear(&b->scratch);
	put_clean(b, &b->scratch, s, strlen(s), true);
	size_t start = b->para.len, col = 0;
	for (size_t i = 0; i < b->scratch.len; i++) {
		char c = b->scratch.data[i];
		if (c == '\t') {
			do
				buf_putc(&b->para, ' ');
			while (++col % 4);
			continue;
		}
		buf_putc(&b->para, c);
		col = c == '\n' ? 0 : col + 1;
	}
	while (b->para.len > start && b->para.data[b->para.len - 1] == '\n')
		b->para.data[--b->para.len] = '\0';
	para_span(b, start, style);
}

static int add_link(struct builder *b, const char *url)
{
	struct layout *l = b->l;
	buf_clear(&b->scratch);
	text_sanitize(&b->scratch, url, strlen(url), false);
	ARRAY_GROW(l->links, l->nlinks, l->links_cap);
	l->links[l->nlinks] = (struct stored_link){
		store_string(l, b->scratch.data ? b->scratch.data : "", b->scratch.len), 0, 0, false};
	return (int)l->nlinks++;
}

static bool is_break_tag(const char *lit)
{
	return strcmp(lit, "<br>") == 0 || strcmp(lit, "<br/>") == 0 ||
	       strcmp(lit, "<br />") == 0;
}

/* One inline event inside a paragraph or heading. */
static void on_inline(struct builder *b, cmark_node *node, cmark_event_type ev)
{
	bool enter = ev == CMARK_EVENT_ENTER;
	const char *lit = cmark_node_get_literal(node);
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_TEXT:
		para_text(b, lit, strlen(lit), 0);
		break;
	case CMARK_NODE_CODE:
		para_text(b, lit, strlen(lit), LAYOUT_CODE);
		break;
	case CMARK_NODE_SOFTBREAK:
		para_raw(b, " ", 0);
		break;
	case CMARK_NODE_LINEBREAK:
		para_raw(b, "\n", 0);
		break;
	case CMARK_NODE_HTML_INLINE:
		if (is_break_tag(lit))
			para_raw(b, "\n", 0);
		else if (strncmp(lit, "<!--", 4) != 0)
			para_text(b, lit, strlen(lit), LAYOUT_HTML);
		break;
	case CMARK_NODE_STRONG:
		b->strong += enter ? 1 : -1;
		break;
	case CMARK_NODE_EMPH:
		b->emph += enter ? 1 : -1;
		break;
	case CMARK_NODE_LINK:
		if (enter) {
			b->link = add_link(b, cmark_node_get_url(node));
		} else {
			const char *url = cmark_node_get_url(node);
			b->link = -1;
			if (b->opts->show_urls && doc_url_is_external(url)) {
				para_raw(b, " <", 0);
				para_text(b, url, strlen(url), 0);
				para_raw(b, ">", 0);
			}
		}
		break;
	case CMARK_NODE_IMAGE:
		para_raw(b, enter ? "[image: " : "]", 0);
		break;
	default:
		break;
	}
}

/* ---- wrapping a collected block into lines ----------------------------- */

static void place_links(struct builder *b, size_t line, size_t first_span)
{
	struct layout *l = b->l;
	size_t col = 0;
	const char *text = l->text.data + b->line_text;
	for (size_t s = first_span; s < l->nspans; s++) {
		struct layout_span *sp = &l->spans[s];
		int k = sp->link;
		if (k >= 0 && !l->links[k].placed) {
			l->links[k].placed = true;
			l->links[k].line = line;
			l->links[k].col = col;
		}
		col += text_width(text + sp->start, sp->len);
	}
}

/* Wrap the collected text into lines inside the open containers. */
static void flush_block(struct builder *b, unsigned extra_style)
{
	size_t width = inner_width(b);
	struct text_line *wrapped;
	size_t n = text_wrap(b->para.data ? b->para.data : "", b->para.len, width, &wrapped);
	size_t sp = 0;
	for (size_t i = 0; i < n; i++) {
		size_t start = wrapped[i].start, end = wrapped[i].end;
		line_begin(b);
		put_prefix(b, true);
		size_t prefix_width = b->line_width;
		size_t first_span = b->l->nspans;
		while (sp < b->npspans && b->pspans[sp].start + b->pspans[sp].len <= start)
			sp++;
		for (size_t k = sp; k < b->npspans && b->pspans[k].start < end; k++) {
			const struct layout_span *s = &b->pspans[k];
			size_t from = s->start > start ? s->start : start;
			size_t to = s->start + s->len < end ? s->start + s->len : end;
			if (to > from)
				line_add(b, b->para.data + from, to - from, s->style | extra_style,
					 s->link);
		}
		put_suffix(b, prefix_width);
		place_links(b, b->l->nlines, first_span);
		line_end(b, LAYOUT_LINE_TEXT, b->block, start);
		b->block_pos = start;
	}
	free(wrapped);
	para_reset(b);
}

static unsigned heading_style(int level)
{
	return level == 1 ? LAYOUT_H1 : level == 2 ? LAYOUT_H2 : LAYOUT_H3;
}

static void add_heading(struct builder *b, size_t line)
{
	struct layout *l = b->l;
	ARRAY_GROW(l->head_lines, l->nheads, l->heads_cap);
	l->head_lines[l->nheads++] = line;
}

/* ---- walking the tree -------------------------------------------------- */

struct list_state {
	bool ordered;
	int next;        /* number of the next item */
	char delim;      /* '.' or ')' */
	size_t width;    /* columns of the widest marker, space included */
};

struct walk {
	struct builder b;
	struct list_state lists[MAX_DEPTH];
	size_t nlists;   /* may exceed MAX_DEPTH */
};

static size_t digits(long n)
{
	size_t d = 1;
	while (n >= 10 || n <= -10) {
		n /= 10;
		d++;
	}
	return d;
}

static void enter_list(struct walk *w, cmark_node *node)
{
	if (w->nlists++ >= MAX_DEPTH)
		return;
	struct list_state *ls = &w->lists[w->nlists - 1];
	ls->ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
	ls->next = cmark_node_get_list_start(node);
	ls->delim = cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? ')' : '.';
	long items = 0;
	for (cmark_node *c = cmark_node_first_child(node); c; c = cmark_node_next(c))
		items++;
	ls->width = digits(ls->next + (items ? items - 1 : 0)) + 2;
}

static void item_marker(struct walk *w, char *out, size_t size)
{
	static const char *const bullets[] = {"• ", "◦ ", "▪ "};
	/* A screen reader says "star" for '*' and "plus" for '+' at its
	 * usual punctuation level, and nothing for '-': the indent shows
	 * the depth. */
	static const char *const ascii[] = {"- ", "- ", "- "};
	if (w->nlists == 0 || w->nlists > MAX_DEPTH) {
		snprintf(out, size, "%s", w->b.opts->ascii ? "- " : "• ");
		return;
	}
	struct list_state *ls = &w->lists[w->nlists - 1];
	if (!ls->ordered) {
		size_t level = (w->nlists - 1) % 3;
		snprintf(out, size, "%s", w->b.opts->ascii ? ascii[level] : bullets[level]);
		return;
	}
	char num[24];
	snprintf(num, sizeof num, "%d%c", ls->next++, ls->delim);
	snprintf(out, size, "%-*s", (int)ls->width, num);
}

static void leaf_done(struct builder *b)
{
	b->block++;
	b->block_pos = 0;
}

static void heading_done(struct builder *b, cmark_node *node)
{
	int level = cmark_node_get_heading_level(node);
	size_t first_line = b->l->nlines;
	struct buf plain = BUF_INIT;
	doc_plain_text(node, &plain);
	flush_block(b, heading_style(level) | (inside_quote(b) ? LAYOUT_CALLOUT : 0));
	add_heading(b, first_line);
	if (level <= 2) {
		struct buf shown = BUF_INIT;
		put_clean(b, &shown, plain.data ? plain.data : "", plain.len, false);
		size_t width = text_width(shown.data ? shown.data : "", shown.len);
		buf_free(&shown);
		size_t room = inner_width(b);
		const char *rule = level == 1 ? glyph(b, "═", "=") : glyph(b, "─", "-");
		emit_decor(b, LAYOUT_LINE_DECOR, "", rule, "", width < room ? width : room);
	}
	buf_free(&plain);
	leaf_done(b);
}

static void literal_block(struct builder *b, cmark_node *node, unsigned style)
{
	space_before(b, node);
	push(b, C_INDENT, NULL);
	para_code(b, cmark_node_get_literal(node), style);
	flush_block(b, inside_quote(b) ? LAYOUT_CALLOUT : 0);
	pop(b);
	leaf_done(b);
}

static void enter_quote(struct builder *b, cmark_node *node)
{
	space_before(b, node);
	bool drawn = fits(b, 4);
	if (drawn) {
		size_t room = inner_width(b);
		emit_decor(b, LAYOUT_LINE_DECOR, glyph(b, "┌", "+"), glyph(b, "─", "-"),
			   glyph(b, "┐", "+"), room - 2);
	}
	push(b, C_QUOTE, NULL);
}

static void exit_quote(struct builder *b)
{
	bool drawn = b->depth <= MAX_DEPTH && b->stack[b->depth - 1].drawn;
	pop(b);
	if (drawn) {
		size_t room = inner_width(b);
		emit_decor(b, LAYOUT_LINE_DECOR, glyph(b, "└", "+"), glyph(b, "─", "-"),
			   glyph(b, "┘", "+"), room - 2);
	}
}

static void exit_item(struct builder *b)
{
	/* An empty item still shows its marker. */
	if (b->depth <= MAX_DEPTH && b->stack[b->depth - 1].drawn &&
	    !b->stack[b->depth - 1].marker_used) {
		line_begin(b);
		put_prefix(b, true);
		line_end(b, LAYOUT_LINE_TEXT, b->block, 0);
	}
	pop(b);
}

static void block_enter(struct walk *w, cmark_node *node)
{
	struct builder *b = &w->b;
	char marker[24];
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_BLOCK_QUOTE:
		enter_quote(b, node);
		break;
	case CMARK_NODE_LIST:
		space_before(b, node);
		enter_list(w, node);
		break;
	case CMARK_NODE_ITEM:
		space_before(b, node);
		item_marker(w, marker, sizeof marker);
		push(b, C_ITEM, marker);
		break;
	case CMARK_NODE_PARAGRAPH:
	case CMARK_NODE_HEADING:
		space_before(b, node);
		para_reset(b);
		break;
	case CMARK_NODE_CODE_BLOCK:
		literal_block(b, node, LAYOUT_CODE);
		break;
	case CMARK_NODE_HTML_BLOCK:
		if (outline_counts(node))
			literal_block(b, node, LAYOUT_HTML);
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		space_before(b, node);
		emit_decor(b, LAYOUT_LINE_DECOR, "", glyph(b, "─", "-"), "", inner_width(b));
		leaf_done(b);
		break;
	default:
		on_inline(b, node, CMARK_EVENT_ENTER);
		break;
	}
}

static void block_exit(struct walk *w, cmark_node *node)
{
	struct builder *b = &w->b;
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_BLOCK_QUOTE:
		exit_quote(b);
		break;
	case CMARK_NODE_LIST:
		if (w->nlists)
			w->nlists--;
		break;
	case CMARK_NODE_ITEM:
		exit_item(b);
		break;
	case CMARK_NODE_PARAGRAPH:
		flush_block(b, inside_quote(b) ? LAYOUT_CALLOUT : 0);
		leaf_done(b);
		break;
	case CMARK_NODE_HEADING:
		heading_done(b, node);
		break;
	default:
		on_inline(b, node, CMARK_EVENT_EXIT);
		break;
	}
}

/* Build the public views once every array has its final address. */
static void finish(struct layout *l)
{
	while (l->nlines && l->lines[l->nlines - 1].kind == LAYOUT_LINE_BLANK)
		l->nlines--;
	l->view = xcalloc(l->nlines, sizeof *l->view);
	for (size_t i = 0; i < l->nlines; i++) {
		const struct stored_line *s = &l->lines[i];
		l->view[i] = (struct layout_line){
			l->text.data + s->text_off, s->len, s->width,
			l->spans ? l->spans + s->span_off : NULL,
			s->nspans, s->block, s->block_pos, s->kind};
	}
	l->link_view = xcalloc(l->nlinks, sizeof *l->link_view);
	for (size_t i = 0; i < l->nlinks; i++) {
		const struct stored_link *s = &l->links[i];
		l->link_view[i] = (struct layout_link){
			l->text.data + s->target_off, s->placed ? s->line : (size_t)-1, s->col};
	}
}

struct layout *layout_new(cmark_node *doc, const struct layout_opts *opts)
{
	struct layout *l = xcalloc(1, sizeof *l);
	size_t width = opts->width;
	l->width = width < LAYOUT_MIN_WIDTH ? LAYOUT_MIN_WIDTH
		 : width > LAYOUT_MAX_WIDTH ? LAYOUT_MAX_WIDTH : width;
	buf_grow(&l->text, 4096);
	struct walk w = {0};
	w.b.l = l;
	w.b.opts = opts;
	w.b.link = -1;
	cmark_iter *it = cmark_iter_new(doc);
	if (!it)
		sg_oom();
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER)
			block_enter(&w, node);
		else
			block_exit(&w, node);
	}
	cmark_iter_free(it);
	buf_free(&w.b.para);
	buf_free(&w.b.scratch);
	free(w.b.pspans);
	finish(l);
	return l;
}

void layout_free(struct layout *l)
{
	if (!l)
		return;
	buf_free(&l->text);
	free(l->spans);
	free(l->lines);
	free(l->links);
	free(l->head_lines);
	free(l->view);
	free(l->link_view);
	free(l);
}

size_t layout_width(const struct layout *l) { return l->width; }
size_t layout_line_count(const struct layout *l) { return l->nlines; }
size_t layout_link_count(const struct layout *l) { return l->nlinks; }
size_t layout_heading_count(const struct layout *l) { return l->nheads; }

const struct layout_line *layout_line(const struct layout *l, size_t i)
{
	return i < l->nlines ? &l->view[i] : NULL;
}

const struct layout_link *layout_link(const struct layout *l, size_t i)
{
	return i < l->nlinks ? &l->link_view[i] : NULL;
}

size_t layout_heading_line(const struct layout *l, size_t i)
{
	return i < l->nheads ? l->head_lines[i] : (size_t)-1;
}

size_t layout_find_block(const struct layout *l, size_t block, size_t pos)
{
	size_t lo = 0, hi = l->nlines;
	/* First line strictly after (block, pos); lines are sorted by both. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct layout_line *m = &l->view[mid];
		if (m->block < block || (m->block == block && m->block_pos <= pos))
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t i = lo ? lo - 1 : 0;
	/* A heading's underline shares its place: land on the words. */
	while (i > 0 && l->view[i].kind != LAYOUT_LINE_TEXT &&
	       l->view[i - 1].block == l->view[i].block &&
	       l->view[i - 1].block_pos == l->view[i].block_pos)
		i--;
	return i;
}

long layout_link_at(const struct layout *l, size_t line, size_t col)
{
	if (line >= l->nlines)
		return -1;
	const struct layout_line *ln = &l->view[line];
	size_t x = 0;
	for (size_t s = 0; s < ln->nspans; s++) {
		const struct layout_span *sp = &ln->spans[s];
		size_t w = text_width(ln->text + sp->start, sp->len);
		if (col >= x && col < x + w)
			return sp->link;
		x += w;
	}
	return -1;
}

long layout_heading_at(const struct layout *l, size_t line)
{
	size_t lo = 0, hi = l->nheads;
	while (lo < hi) { /* first heading below `line` */
		size_t mid = lo + (hi - lo) / 2;
		if (l->head_lines[mid] <= line)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (long)lo - 1;
}
