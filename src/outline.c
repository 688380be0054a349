/* outline: one walk over the tree collects blocks and headings; anchors
 * are made unique through a hash table, so a thousand "## Notes" cost a
 * thousand lookups, not a million comparisons. */
#include "skinguide/outline.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "skinguide/buf.h"
#include "skinguide/doc.h"
#include "skinguide/text.h"

struct stored_block {
	enum outline_kind kind;
	size_t text_off;
	long section;
	int line;
};

struct stored_heading {
	size_t text_off, anchor_off;
	int level;
	size_t block;
	int line;
};

struct outline {
	struct buf text; /* every string, NUL-separated */
	struct stored_block *blocks;
	size_t nblocks, blocks_cap;
	struct stored_heading *heads;
	size_t nheads, heads_cap;
	size_t *slots;   /* open addressing: heading index + 1, 0 when empty */
	size_t nslots;   /* a power of two, at least twice the headings */
	struct outline_block *block_view;
	struct outline_heading *head_view;
};

bool outline_counts(cmark_node *node)
{
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_PARAGRAPH:
	case CMARK_NODE_HEADING:
	case CMARK_NODE_CODE_BLOCK:
	case CMARK_NODE_THEMATIC_BREAK:
		return true;
	case CMARK_NODE_HTML_BLOCK: {
		const char *lit = cmark_node_get_literal(node);
		return !(lit && strncmp(lit, "<!--", 4) == 0);
	}
	default:
		return false;
	}
}

static size_t store(struct outline *o, const struct buf *b)
{
	size_t off = o->text.len;
	buf_append(&o->text, b->data ? b->data : "", b->len);
	buf_putc(&o->text, '\0');
	return off;
}

/* ---- anchors ----------------------------------------------------------- */

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static const char *anchor_of(const struct outline *o, size_t head)
{
	return o->text.data + o->heads[head].anchor_off;
}

/* The slot that holds `anchor`, or the empty slot where it would go. */
static size_t *slot_for(const struct outline *o, const char *anchor)
{
	size_t mask = o->nslots - 1, i = (size_t)hash(anchor) & mask;
	while (o->slots[i] && strcmp(anchor_of(o, o->slots[i] - 1), anchor) != 0)
		i = (i + 1) & mask;
	return &o->slots[i];
}

static void rehash(struct outline *o)
{
	free(o->slots);
	o->nslots = o->nslots ? o->nslots * 2 : 64;
	o->slots = xcalloc(o->nslots, sizeof *o->slots);
	for (size_t h = 0; h < o->nheads; h++)
		*slot_for(o, anchor_of(o, h)) = h + 1;
}

static bool anchor_taken(const struct outline *o, const char *anchor)
{
	return o->nslots && *slot_for(o, anchor) != 0;
}

/* GitHub's rule: the slug of the text, and "-1", "-2"... for repeats. */
static void unique_anchor(const struct outline *o, const struct buf *text, struct buf *slug)
{
	text_slug(slug, text->data ? text->data : "", text->len);
	size_t base = slug->len;
	for (unsigned n = 1; anchor_taken(o, slug->data ? slug->data : ""); n++) {
		slug->len = base;
		buf_printf(slug, "-%u", n);
	}
}

/* ---- the walk ---------------------------------------------------------- */

static enum outline_kind kind_of(cmark_node *node)
{
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_HEADING: return OUTLINE_HEADING;
	case CMARK_NODE_CODE_BLOCK: return OUTLINE_CODE;
	case CMARK_NODE_HTML_BLOCK: return OUTLINE_HTML;
	case CMARK_NODE_THEMATIC_BREAK: return OUTLINE_RULE;
	default: return OUTLINE_PARAGRAPH;
	}
}

static void block_text(cmark_node *node, enum outline_kind kind, struct buf *out)
{
	if (kind == OUTLINE_CODE || kind == OUTLINE_HTML) {
		const char *lit = cmark_node_get_literal(node);
		text_sanitize(out, lit ? lit : "", lit ? strlen(lit) : 0, false);
		while (out->len && out->data[out->len - 1] == ' ')
			out->data[--out->len] = '\0';
	} else if (kind != OUTLINE_RULE) {
		doc_plain_text(node, out);
	}
}

static void add_heading(struct outline *o, cmark_node *node, const struct buf *text)
{
	struct buf slug = BUF_INIT;
	unique_anchor(o, text, &slug);
	if (o->nheads == o->heads_cap) {
		o->heads_cap = o->heads_cap ? o->heads_cap * 2 : 16;
		o->heads = xreallocarray(o->heads, o->heads_cap, sizeof *o->heads);
	}
	o->heads[o->nheads++] = (struct stored_heading){
		o->blocks[o->nblocks - 1].text_off, store(o, &slug),
		cmark_node_get_heading_level(node), o->nblocks - 1,
		cmark_node_get_start_line(node)};
	if (o->nheads * 2 > o->nslots)
		rehash(o);
	else
		*slot_for(o, slug.data ? slug.data : "") = o->nheads;
	buf_free(&slug);
}

static void add_block(struct outline *o, cmark_node *node, struct buf *scratch)
{
	enum outline_kind kind = kind_of(node);
	buf_clear(scratch);
	block_text(node, kind, scratch);
	if (o->nblocks == o->blocks_cap) {
		o->blocks_cap = o->blocks_cap ? o->blocks_cap * 2 : 64;
		o->blocks = xreallocarray(o->blocks, o->blocks_cap, sizeof *o->blocks);
	}
	long section = o->nheads ? (long)o->nheads - 1 : -1;
	if (kind == OUTLINE_HEADING)
		section = (long)o->nheads;
	o->blocks[o->nblocks++] = (struct stored_block){
		kind, store(o, scratch), section, cmark_node_get_start_line(node)};
	if (kind == OUTLINE_HEADING)
		add_heading(o, node, scratch);
}

/* Views with real pointers, once the string store has its final address. */
static void finish(struct outline *o)
{
	o->block_view = xcalloc(o->nblocks ? o->nblocks : 1, sizeof *o->block_view);
	for (size_t i = 0; i < o->nblocks; i++) {
		const struct stored_block *s = &o->blocks[i];
		o->block_view[i] = (struct outline_block){
			s->kind, o->text.data + s->text_off, s->section, s->line};
	}
	o->head_view = xcalloc(o->nheads ? o->nheads : 1, sizeof *o->head_view);
	for (size_t i = 0; i < o->nheads; i++) {
		const struct stored_heading *s = &o->heads[i];
		o->head_view[i] = (struct outline_heading){
			o->text.data + s->text_off, o->text.data + s->anchor_off, s->level,
			s->block, s->line};
	}
}

struct outline *outline_new(cmark_node *doc)
{
	struct outline *o = xcalloc(1, sizeof *o);
	struct buf scratch = BUF_INIT;
	buf_grow(&o->text, 1024);
	cmark_iter *it = cmark_iter_new(doc);
	if (!it)
		sg_oom();
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER && outline_counts(node))
			add_block(o, node, &scratch);
	}
	cmark_iter_free(it);
	buf_free(&scratch);
	finish(o);
	return o;
}

void outline_free(struct outline *o)
{
	if (!o)
		return;
	buf_free(&o->text);
	free(o->blocks);
	free(o->heads);
	free(o->slots);
	free(o->block_view);
	free(o->head_view);
	free(o);
}

size_t outline_block_count(const struct outline *o) { return o->nblocks; }
size_t outline_heading_count(const struct outline *o) { return o->nheads; }

const struct outline_block *outline_block(const struct outline *o, size_t i)
{
	return i < o->nblocks ? &o->block_view[i] : NULL;
}

const struct outline_heading *outline_heading(const struct outline *o, size_t i)
{
	return i < o->nheads ? &o->head_view[i] : NULL;
}

long outline_find_anchor(const struct outline *o, const char *anchor)
{
	if (!o->nslots)
		return -1;
	size_t s = *slot_for(o, anchor);
	return s ? (long)s - 1 : -1;
}
