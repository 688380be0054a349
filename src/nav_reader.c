/* nav_reader: reading a topic.  Links lead to other topics and sections
 * as steps Back undoes; reading on never jumps past unseen text and
 * never takes a link nobody chose; the end of a topic offers the next
 * topic and the topic list. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "skinguide/outline.h"
#include "nav_private.h"

void reader_free(struct reader *r)
{
	view_free(&r->view);
	found_free(&r->found);
}

static struct layout *make_layout(struct nav *n, size_t article)
{
	struct sg_error err;
	cmark_node *doc = guide_document(n->guide, article, &err);
	if (!doc) {
		nav_say(n, "Sorry, this topic cannot be shown right now. Please tell the staff.");
		return NULL;
	}
	struct layout_opts opts = {.width = n->width, .ascii = n->cfg.ascii};
	return layout_new(doc, &opts);
}

const struct outline *reader_outline(const struct nav *n)
{
	struct sg_error err;
	return guide_outline(n->guide, n->v->reader.article, &err);
}

/* ---- places ------------------------------------------------------------- */

/* Where the reader is, as a place that survives resizes and edits. */
struct place reader_here(const struct nav *n)
{
	const struct reader *r = &n->v->reader;
	const struct view *v = &r->view;
	size_t lines = layout_line_count(v->layout);
	size_t top = v->top < lines || !lines ? v->top : lines - 1;
	struct place p = history_place(v->layout, r->article, top, view_link(v));
	p.screen = NAV_SCREEN_ARTICLE;
	p.top = v->top;
	return p;
}

/* Show `l` (ours from now on) as article `article` at place `p`. */
static void show_layout(struct nav *n, struct layout *l, size_t article, const struct place *p)
{
	struct reader *r = &n->v->reader;
	size_t nends = 0;
	if (article + 1 < guide_count(n->guide))
		r->ends[nends++] = END_NEXT;
	r->ends[nends++] = END_TOPICS;
	if (article != r->article)
		found_free(&r->found); /* found words belong to their topic */
	r->article = article;
	view_set_layout(&r->view, l, nends);
	found_relayout(n);
	size_t top;
	long link;
	history_find(l, p, &top, &link);
	if (p->width == layout_width(l))
		top = p->top; /* exact, even in the rows after the text */
	view_focus(n, &r->view, -1);
	view_scroll(n, &r->view, (long)top);
	long t = view_target_of_link(&r->view, link);
	if (t >= 0)
		view_show(n, &r->view, t);
	r->anchor = reader_here(n);
}

void reader_show_place(struct nav *n, const struct place *p)
{
	struct reader *r = &n->v->reader;
	bool same = r->view.layout && p->article == r->article &&
		    layout_width(r->view.layout) == n->width;
	struct layout *l = same ? r->view.layout : make_layout(n, p->article);
	if (!l) {
		history_push(&n->v->history, p); /* the file is gone; keep the step */
		return;
	}
	n->v->screen = NAV_SCREEN_ARTICLE;
	show_layout(n, l, p->article, p);
}

void reader_relayout(struct nav *n)
{
	struct reader *r = &n->v->reader;
	if (!r->view.layout)
		return;
	struct place want = r->anchor;
	want.link = view_link(&r->view);
	struct layout *l = make_layout(n, r->article);
	if (l)
		show_layout(n, l, r->article, &want);
	r->anchor = want; /* a resize is not the reader moving */
}

/* ---- opening and following ------------------------------------------------ */

static void go_to_heading(struct nav *n, const char *fragment)
{
	struct reader *r = &n->v->reader;
	const struct outline *o = reader_outline(n);
	long h = o ? outline_find_anchor(o, fragment) : -1;
	if (h < 0) {
		nav_say(n, "This topic has no section called '#%s'.", fragment);
		return;
	}
	view_focus(n, &r->view, -1);
	view_scroll(n, &r->view, (long)layout_heading_line(r->view.layout, (size_t)h));
}

void reader_open(struct nav *n, size_t article, const char *fragment)
{
	struct visit *v = n->v;
	struct layout *l = make_layout(n, article);
	if (!l)
		return;
	nav_close_modals(v);
	nav_remember(n);
	/* The fragment may live in the layout about to be freed. */
	char *anchor = fragment && *fragment ? xstrdup(fragment) : NULL;
	v->screen = NAV_SCREEN_ARTICLE;
	struct place top = {.screen = NAV_SCREEN_ARTICLE, .article = article, .link = -1,
			    .width = layout_width(l)};
	show_layout(n, l, article, &top);
	if (anchor)
		go_to_heading(n, anchor);
	free(anchor);
	v->reader.anchor = reader_here(n);
}

void reader_jump(struct nav *n, size_t line)
{
	struct reader *r = &n->v->reader;
	nav_remember(n);
	view_focus(n, &r->view, -1);
	view_scroll(n, &r->view, (long)line);
	r->anchor = reader_here(n);
}

static void follow(struct nav *n, long t)
{
	struct reader *r = &n->v->reader;
	const struct target *tg = &r->view.targets[t];
	if (tg->end >= 0) {
		if (r->ends[tg->end] == END_NEXT)
			reader_open(n, r->article + 1, NULL);
		else
			nav_go_topics(n);
		return;
	}
	const char *target = layout_link(r->view.layout, (size_t)tg->link)->target;
	size_t article;
	const char *fragment;
	switch (guide_resolve(n->guide, target, &article, &fragment)) {
	case GUIDE_LINK_ARTICLE:
		reader_open(n, article, fragment);
		break;
	case GUIDE_LINK_ANCHOR:
		nav_remember(n);
		go_to_heading(n, fragment);
		break;
	case GUIDE_LINK_EXTERNAL:
		nav_say(n, "Web address: %s. The guide does not open web pages.", target);
		break;
	case GUIDE_LINK_BROKEN:
		nav_say(n, "Sorry, this link does not work: no topic is called %s.", target);
		break;
	}
}

/* Reading on never jumps past text nobody has seen, and never takes a
 * link: a page at a time, then the choices at the end. */
static void read_on(struct nav *n)
{
	struct view *v = &n->v->reader.view;
	if (v->top < view_max_top(n, v)) {
		view_scroll(n, v, view_page(n, v, 1));
		return;
	}
	long first_end = view_target_of_end(v, 0);
	if (first_end >= 0 && (v->focus < 0 || v->targets[v->focus].end < 0))
		view_show(n, v, first_end);
}

static void open_headings(struct nav *n)
{
	struct visit *v = n->v;
	if (layout_heading_count(v->reader.view.layout) == 0) {
		nav_say(n, "This topic has no sections.");
		return;
	}
	long at = layout_heading_at(v->reader.view.layout, v->reader.view.top);
	v->headings = (struct page){.selected = at < 0 ? 0 : (size_t)at};
	if (v->modals < MAX_MODALS)
		v->under[v->modals++] = v->screen;
	v->screen = NAV_SCREEN_HEADINGS;
}

static void tap(struct nav *n, size_t row, size_t col)
{
	struct view *v = &n->v->reader.view;
	long t = view_target_at(n, v, row, col);
	if (t >= 0) {
		view_focus(n, v, t);
		follow(n, t);
		return;
	}
	if (v->top + row < layout_line_count(v->layout))
		view_tap_turns_page(n, v, row);
}

void reader_do(struct nav *n, const struct nav_input *in)
{
	struct reader *r = &n->v->reader;
	if (view_scroll_action(n, &r->view, in->action)) {
		r->anchor = reader_here(n);
		return;
	}
	switch (in->action) {
	case NAV_OPEN:
		if (r->view.focus >= 0)
			follow(n, r->view.focus);
		else
			read_on(n);
		break;
	case NAV_READ_ON:
	case NAV_FORWARD: read_on(n); break;
	case NAV_HEADINGS: open_headings(n); break;
	case NAV_TAP: tap(n, in->row, in->col); break;
	case NAV_NEXT_MATCH: found_step(n, 1); break;
	case NAV_PREV_MATCH: found_step(n, -1); break;
	default: return;
	}
	if (n->v->screen == NAV_SCREEN_ARTICLE)
		r->anchor = reader_here(n);
}

/* ---- describing the chosen link ---------------------------------------- */

void nav_describe_link(struct nav *n, const char *target, size_t here, struct buf *out)
{
	size_t a = here;
	const char *frag;
	buf_clear(out);
	enum guide_link kind = guide_resolve(n->guide, target, &a, &frag);
	const char *section = kind == GUIDE_LINK_ARTICLE || kind == GUIDE_LINK_ANCHOR
		? guide_section_title(n->guide, a, frag) : NULL;
	if (kind == GUIDE_LINK_ARTICLE && section)
		buf_printf(out, "Link to: %s, section \"%s\"", guide_article(n->guide, a)->title,
			   section);
	else if (kind == GUIDE_LINK_ARTICLE)
		buf_printf(out, "Link to: %s", guide_article(n->guide, a)->title);
	else if (kind == GUIDE_LINK_ANCHOR && section)
		buf_printf(out, "Link to the section \"%s\"", section);
	else if (kind == GUIDE_LINK_ANCHOR)
		buf_puts(out, "Link to a section of this topic");
	else if (kind == GUIDE_LINK_EXTERNAL)
		buf_printf(out, "Web address: %s (not opened here)", target);
	else
		buf_printf(out, "Broken link: %s", target);
}

/* ---- drawing ---------------------------------------------------------------- */

void reader_row(const struct nav *n, size_t y, struct nav_row *row)
{
	const struct reader *r = &n->v->reader;
	const struct view *v = &r->view;
	if (view_row(n, v, y, row)) {
		found_marks(&r->found, v->top + y, row);
		return;
	}
	size_t line = v->top + y, lines = layout_line_count(v->layout);
	if (line == lines || line - lines - 1 >= v->nends)
		return;
	size_t e = line - lines - 1;
	row->chosen = v->focus >= 0 && v->targets[v->focus].end == (long)e;
	row->strong = true;
	row->plain_label = true;
	row->label = row->buf;
	if (r->ends[e] == END_NEXT) {
		snprintf(row->buf, sizeof row->buf, "%s Read next: ", nav_glyph(n, "→", ">"));
		nav_row_text(row, NAV_ROW_ITEM, guide_article(n->guide, r->article + 1)->title);
	} else {
		snprintf(row->buf, sizeof row->buf, "%s ", nav_glyph(n, "←", "<"));
		nav_row_text(row, NAV_ROW_ITEM, "All topics");
	}
	row->text_col = text_width(row->buf, strlen(row->buf));
}

void reader_status(const struct nav *n, struct nav_status *st)
{
	const struct reader *r = &n->v->reader;
	st->where = guide_article(n->guide, r->article)->title;
	st->position = view_position(n, &r->view, st->posbuf, sizeof st->posbuf);
	/* Buttons come and go only at the left end, so that a finger that
	 * taps twice in one place finds the same button: "Open" (for the
	 * chosen link, which a tap opens anyway) first, then the ones a
	 * narrow bar gives up first. */
	if (r->view.focus >= 0)
		st->hints[st->nhints++] = NAV_OPEN;
	/* Tab for links is a keyboard's hint (a finger taps the link): it
	 * gives way before the buttons a finger needs. */
	if (layout_link_count(r->view.layout))
		st->hints[st->nhints++] = NAV_NEXT_LINK;
	st->hints[st->nhints++] = NAV_SEARCH;
	if (r->found.count > 1) /* a button for a finger, as n is for a key */
		st->hints[st->nhints++] = NAV_NEXT_MATCH;
	st->hints[st->nhints++] = NAV_HELP;
	if (layout_heading_count(r->view.layout))
		st->hints[st->nhints++] = NAV_HEADINGS;
	st->hints[st->nhints++] = NAV_TOPICS;
	st->hints[st->nhints++] = NAV_BACK;
}
