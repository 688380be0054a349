/* nav_view: a laid-out document in the view, and what can be chosen in
 * it: its links, its items (the answers of a quiz question, say) and the
 * choices drawn after its text.  The reader and the quiz move the same
 * way because they share this. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "skinguide/outline.h"
#include "nav_private.h"

/* Lines the mouse wheel scrolls at a time. */
#define WHEEL_LINES 3

void view_free(struct view *v)
{
	layout_free(v->layout);
	free(v->targets);
	free(v->items);
	memset(v, 0, sizeof *v);
	v->focus = -1;
}

static int by_line(const void *a, const void *b)
{
	const struct target *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

/* Links that show, items at their first line, then the choices. */
static void make_targets(struct view *v)
{
	const struct layout *l = v->layout;
	size_t links = layout_link_count(l), lines = layout_line_count(l), n = 0;
	free(v->targets);
	v->targets = xcalloc(links + v->nitems + v->nends + 1, sizeof *v->targets);
	for (size_t i = 0; i < links; i++) {
		const struct layout_link *k = layout_link(l, i);
		if (k->line != (size_t)-1)
			v->targets[n++] = (struct target){k->line, k->col, (long)i, -1, -1};
	}
	for (size_t i = 0; i < v->nitems; i++) {
		size_t line = layout_find_block(l, v->items[i], 0);
		v->targets[n++] = (struct target){line, 0, -1, (long)i, -1};
	}
	qsort(v->targets, n, sizeof *v->targets, by_line);
	for (size_t e = 0; e < v->nends; e++)
		v->targets[n++] = (struct target){lines + 1 + e, 0, -1, -1, (long)e};
	v->ntargets = n;
}

void view_set_layout(struct view *v, struct layout *l, size_t nends)
{
	if (l != v->layout)
		layout_free(v->layout);
	v->layout = l;
	v->nends = nends;
	v->focus = -1;
	make_targets(v);
}

size_t view_rows(const struct view *v)
{
	size_t lines = v->layout ? layout_line_count(v->layout) : 0;
	return lines + (v->nends ? 1 + v->nends : 0);
}

size_t view_max_top(const struct nav *n, const struct view *v)
{
	size_t rows = view_rows(v);
	return rows > n->view ? rows - n->view : 0;
}

bool view_in_sight(const struct nav *n, const struct view *v, size_t line)
{
	return line >= v->top && line < v->top + n->view;
}

void view_scroll(const struct nav *n, struct view *v, long top)
{
	size_t max = view_max_top(n, v);
	v->top = top < 0 ? 0 : (size_t)top > max ? max : (size_t)top;
	/* A choice that scrolls out of sight is let go: Enter must never open
	 * something the reader cannot see. */
	if (v->focus >= 0 && !view_in_sight(n, v, v->targets[v->focus].line))
		v->focus = -1;
}

void view_focus(struct nav *n, struct view *v, long t)
{
	v->focus = t;
	nav_measure(n); /* a chosen link's description takes rows */
	if (t >= 0 && v->targets[t].line >= v->top + n->view)
		v->top = v->targets[t].line - n->view + 1;
}

void view_show(struct nav *n, struct view *v, long t)
{
	size_t line = v->targets[t].line;
	if (!view_in_sight(n, v, line))
		view_scroll(n, v, (long)line - (long)n->view / 2);
	view_focus(n, v, t);
}

void view_cycle(struct nav *n, struct view *v, int dir)
{
	long count = (long)v->ntargets, t = v->focus;
	if (!count)
		return;
	if (t < 0) { /* the first at or below the top of the screen */
		for (long k = 0; k < count; k++) {
			long i = dir > 0 ? k : count - 1 - k;
			size_t line = v->targets[i].line;
			if (dir > 0 ? line >= v->top : line < v->top + n->view) {
				view_show(n, v, i);
				return;
			}
		}
		t = dir > 0 ? -1 : count;
	}
	view_show(n, v, ((t + dir) % count + count) % count);
}

void view_step(struct nav *n, struct view *v, int dir)
{
	long count = (long)v->ntargets;
	long from = v->focus >= 0 ? v->focus + dir : dir > 0 ? 0 : count - 1;
	for (long i = from; i >= 0 && i < count; i += dir) {
		size_t line = v->targets[i].line;
		if (view_in_sight(n, v, line)) {
			view_focus(n, v, i);
			return;
		}
		if (dir > 0 ? line >= v->top + n->view : line < v->top)
			break;
	}
	view_scroll(n, v, (long)v->top + dir);
}

/* The top a page turn in `dir` leads to: a page less one line, as a
 * reader keeps the last line in sight; but never on a heading's
 * underline with the heading itself just above the screen. */
long view_page(const struct nav *n, const struct view *v, int dir)
{
	long page = n->view > 1 ? (long)n->view - 1 : 1;
	long top = (long)v->top + dir * page, most = (long)view_max_top(n, v);
	top = top > most ? most : top; /* the last page, as view_scroll shows it */
	size_t lines = v->layout ? layout_line_count(v->layout) : 0;
	if (top > 0 && (size_t)top < lines) {
		const struct layout_line *ln = layout_line(v->layout, (size_t)top);
		const struct layout_line *above = layout_line(v->layout, (size_t)top - 1);
		if (ln->kind == LAYOUT_LINE_DECOR && above->kind == LAYOUT_LINE_TEXT &&
		    above->block == ln->block && (dir < 0 || top - 1 > (long)v->top))
			top--;
	}
	return top;
}

bool view_scroll_action(struct nav *n, struct view *v, enum nav_action a)
{
	long top = (long)v->top;
	switch (a) {
	case NAV_LINE_UP: view_scroll(n, v, top - 1); return true;
	case NAV_LINE_DOWN: view_scroll(n, v, top + 1); return true;
	case NAV_WHEEL_UP: view_scroll(n, v, top - WHEEL_LINES); return true;
	case NAV_WHEEL_DOWN: view_scroll(n, v, top + WHEEL_LINES); return true;
	case NAV_PAGE_UP: view_scroll(n, v, view_page(n, v, -1)); return true;
	case NAV_PAGE_DOWN: view_scroll(n, v, view_page(n, v, 1)); return true;
	case NAV_TOP: /* the start, with nothing chosen */
		view_focus(n, v, -1);
		view_scroll(n, v, 0);
		return true;
	case NAV_BOTTOM: view_scroll(n, v, (long)view_max_top(n, v)); return true;
	case NAV_NEXT_LINK: view_cycle(n, v, 1); return true;
	case NAV_PREV_LINK: view_cycle(n, v, -1); return true;
	case NAV_UP: view_step(n, v, -1); return true;
	case NAV_DOWN: view_step(n, v, 1); return true;
	default: return false;
	}
}

static long find_target(const struct view *v, long link, long item, long end)
{
	for (size_t i = 0; i < v->ntargets; i++) {
		const struct target *t = &v->targets[i];
		if ((link >= 0 && t->link == link) || (item >= 0 && t->item == item) ||
		    (end >= 0 && t->end == end))
			return (long)i;
	}
	return -1;
}

long view_target_of_link(const struct view *v, long link) { return find_target(v, link, -1, -1); }
long view_target_of_item(const struct view *v, long item) { return find_target(v, -1, item, -1); }
long view_target_of_end(const struct view *v, long end) { return find_target(v, -1, -1, end); }

static long item_of_block(const struct view *v, size_t block)
{
	for (size_t i = 0; i < v->nitems; i++)
		if (v->items[i] == block)
			return (long)i;
	return -1;
}

long view_target_at(const struct nav *n, const struct view *v, size_t row, size_t col)
{
	if (row >= n->view || !v->layout)
		return -1;
	size_t line = v->top + row, lines = layout_line_count(v->layout);
	if (line < lines) {
		long k = layout_link_at(v->layout, line, col);
		if (k >= 0)
			return view_target_of_link(v, k);
		/* Only an item's words choose it: the blank row above the
		 * first answer chose it too, unseen, at a tap meant to read on. */
		const struct layout_line *ln = layout_line(v->layout, line);
		long item = ln->kind == LAYOUT_LINE_TEXT ? item_of_block(v, ln->block) : -1;
		return item >= 0 ? view_target_of_item(v, item) : -1;
	}
	if (line > lines && line - lines - 1 < v->nends)
		return view_target_of_end(v, (long)(line - lines - 1));
	return -1;
}

bool view_tap_turns_page(struct nav *n, struct view *v, size_t row)
{
	if (row >= n->view || !v->layout)
		return false;
	/* Like a page of a book: low on the text reads on, high goes back. */
	size_t top = v->top;
	view_scroll(n, v, view_page(n, v, row >= n->view / 2 ? 1 : -1));
	return v->top != top;
}

void view_cursor(const struct nav *n, const struct view *v, size_t *row, size_t *col)
{
	*row = *col = 0;
	if (v->focus < 0)
		return;
	const struct target *t = &v->targets[v->focus];
	/* A link wrapped over the top edge was chosen by its lower half (a
	 * tap): the cursor stays on the screen. */
	if (t->line >= v->top && t->line - v->top < n->view) {
		*row = t->line - v->top;
		*col = t->col;
	}
}

long view_link(const struct view *v)
{
	return v->focus >= 0 ? v->targets[v->focus].link : -1;
}

bool view_row(const struct nav *n, const struct view *v, size_t y, struct nav_row *row)
{
	(void)n;
	size_t line = v->top + y;
	if (!v->layout || line >= layout_line_count(v->layout))
		return false;
	row->kind = NAV_ROW_LINE;
	row->line = layout_line(v->layout, line);
	row->link = view_link(v);
	if (v->focus >= 0 && v->targets[v->focus].item >= 0)
		row->chosen = v->items[v->targets[v->focus].item] == row->line->block;
	return true;
}

const char *view_position(const struct nav *n, const struct view *v, char *buf, size_t size)
{
	size_t rows = view_rows(v);
	/* Nothing to scroll, nothing to say: a bare "All", as less and vi
	 * put it, meant nothing to patients. */
	if (rows <= n->view)
		return NULL;
	if (v->top == 0)
		return "Top";
	if (v->top >= view_max_top(n, v))
		return "End";
	snprintf(buf, size, "%zu%%", (v->top + n->view) * 100 / rows);
	return buf;
}

size_t view_block_of(cmark_node *doc, cmark_node *node)
{
	size_t block = 0;
	cmark_iter *it = cmark_iter_new(doc);
	if (!it)
		sg_oom();
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *cur = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER || !outline_counts(cur))
			continue;
		if (cur == node)
			break;
		block++;
	}
	cmark_iter_free(it);
	return block;
}

/* ---- screens built as documents ------------------------------------------- */

cmark_node *view_add(cmark_node *parent, cmark_node_type type)
{
	cmark_node *node = cmark_node_new(type);
	if (!node)
		sg_oom();
	cmark_node_append_child(parent, node);
	return node;
}

void view_add_text(cmark_node *parent, const char *s, size_t len)
{
	char *copy = xstrndup(s, len);
	cmark_node_set_literal(view_add(parent, CMARK_NODE_TEXT), copy);
	free(copy);
}

void view_show_doc(struct nav *n, struct view *v, cmark_node *doc, cmark_node *const *items,
		   size_t nitems, size_t nends)
{
	struct layout_opts opts = {.width = n->width, .ascii = n->cfg.ascii};
	struct layout *l = layout_new(doc, &opts);
	free(v->items);
	v->items = xcalloc(nitems + 1, sizeof *v->items);
	v->nitems = nitems;
	for (size_t i = 0; i < nitems; i++)
		v->items[i] = view_block_of(doc, items[i]);
	cmark_node_free(doc);
	view_set_layout(v, l, nends);
}
