/* outline: one walk over the tree collects blocks and headings; anchors
 * are made unique through hash tables (the anchors, and for each repeated
 * slug the next suffix to try), so a thousand "## Notes" cost a few
 * thousand lookups, not half a million. */
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

/* A slug that more than one heading has: the suffix its next repeat tries. */
struct repeat {
	size_t slug_off;
	unsigned next;
};

/* Open addressing: each slot holds an index + 1 into an array, 0 when empty. */
struct table {
	size_t *slots;
	size_t nslots;   /* a power of two, at least twice the entries */
};

struct outline {
	struct buf text; /* every string, NUL-separated */
	struct stored_block *blocks;
	size_t nblocks, blocks_cap;
	struct stored_heading *heads;
	size_t nheads, heads_cap;
	struct table anchors;  /* indexes into heads, by anchor */
	struct repeat *repeats;
	size_t nrepeats, repeats_cap;
	struct table by_slug;  /* indexes into repeats, by slug */
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

static const char *slug_of(const struct outline *o, size_t repeat)
{
	return o->text.data + o->repeats[repeat].slug_off;
}

typedef const char *(*key_fn)(const struct outline *o, size_t i);

/* The slot of `t` that holds `key`, or the empty slot where it would go. */
static size_t *slot_for(const struct outline *o, const struct table *t, key_fn key,
			const char *s)
{
	size_t mask = t->nslots - 1, i = (size_t)hash(s) & mask;
	while (t->slots[i] && strcmp(key(o, t->slots[i] - 1), s) != 0)
		i = (i + 1) & mask;
	return &t->slots[i];
}

/* Record entry `count - 1`, whose key is `s`; the table grows first when
 * it would be more than half full. */
static void table_add(const struct outline *o, struct table *t, key_fn key, size_t count,
		      const char *s)
{
	if (count * 2 <= t->nslots) {
		*slot_for(o, t, key, s) = count;
		return;
	}
	free(t->slots);
	t->nslots = t->nslots ? t->nslots * 2 : 64;
	while (count * 2 > t->nslots)
		t->nslots *= 2;
	t->slots = xcalloc(t->nslots, sizeof *t->slots);
	for (size_t i = 0; i < count; i++)
		*slot_for(o, t, key, key(o, i)) = i + 1;
}

static bool anchor_taken(const struct outline *o, const char *anchor)
{
	return o->anchors.nslots && *slot_for(o, &o->anchors, anchor_of, anchor) != 0;
}

/* The repeat record of `slug`, made on its first repeat. */
static struct repeat *repeat_of(struct outline *o, const char *slug, size_t len)
{
	if (o->by_slug.nslots) {
		size_t s = *slot_for(o, &o->by_slug, slug_of, slug);
		if (s)
			return &o->repeats[s - 1];
	}
	ARRAY_GROW(o->repeats, o->nrepeats, o->repeats_cap);
	size_t off = o->text.len;
	buf_append(&o->text, slug, len);
	buf_putc(&o->text, '\0');
	o->repeats[o->nrepeats++] = (struct repeat){off, 1};
	table_add(o, &o->by_slug, slug_of, o->nrepeats, slug_of(o, o->nrepeats - 1));
	return &o->repeats[o->nrepeats - 1];
}

/* GitHub's rule: the slug of the text, and "-1", "-2"... for repeats:
 * the smallest suffix whose anchor is free.  Anchors are never taken
 * back, so every suffix below a slug's `next` is still taken, and the
 * search resumes there. */
static void unique_anchor(struct outline *o, const struct buf *text, struct buf *slug)
{
	text_slug(slug, text->data ? text->data : "", text->len);
	if (!anchor_taken(o, slug->data))
		return;
	size_t base = slug->len;
	struct repeat *r = repeat_of(o, slug->data, base);
	do {
		slug->len = base;
		buf_printf(slug, "-%u", r->next++);
	} while (anchor_taken(o, slug->data));
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
	ARRAY_GROW(o->heads, o->nheads, o->heads_cap);
	o->heads[o->nheads++] = (struct stored_heading){
		o->blocks[o->nblocks - 1].text_off, store(o, &slug),
		cmark_node_get_heading_level(node), o->nblocks - 1,
		cmark_node_get_start_line(node)};
	table_add(o, &o->anchors, anchor_of, o->nheads, anchor_of(o, o->nheads - 1));
	buf_free(&slug);
}

static void add_block(struct outline *o, cmark_node *node, struct buf *scratch)
{
	enum outline_kind kind = kind_of(node);
	buf_clear(scratch);
	block_text(node, kind, scratch);
	ARRAY_GROW(o->blocks, o->nblocks, o->blocks_cap);
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
	free(o->anchors.slots);
	free(o->repeats);
	free(o->by_slug.slots);
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
	if (!o->anchors.nslots)
		return -1;
	size_t s = *slot_for(o, &o->anchors, anchor_of, anchor);
	return s ? (long)s - 1 : -1;
}
