/* ui_article: reading one article, following links, history. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "skinguide/doc.h"
#include "ui_private.h"

/* Lines the mouse wheel scrolls at a time. */
#define WHEEL_LINES 3

static size_t view_rows(const struct ui *ui)
{
	return ui->rows > 1 ? (size_t)(ui->rows - 1) : 1;
}

static size_t max_top(const struct ui *ui)
{
	size_t n = layout_line_count(ui->reader.layout), v = view_rows(ui);
	return n > v ? n - v : 0;
}

static bool link_in_sight(const struct ui *ui, long link)
{
	const struct reader *r = &ui->reader;
	size_t line = layout_link(r->layout, (size_t)link)->line;
	return line >= r->top && line < r->top + view_rows(ui);
}

static void scroll_to(struct ui *ui, long top)
{
	struct reader *r = &ui->reader;
	size_t max = max_top(ui);
	r->top = top < 0 ? 0 : (size_t)top > max ? max : (size_t)top;
	/* A chosen link that scrolls out of sight is let go: Enter must never
	 * open something the reader cannot see. */
	if (r->link >= 0 && !link_in_sight(ui, r->link))
		r->link = -1;
}

static struct layout *make_layout(struct ui *ui, size_t article)
{
	struct sg_error err;
	cmark_node *doc = guide_document(ui->guide, article, &err);
	if (!doc) {
		ui_message(ui, "%s", err.msg);
		return NULL;
	}
	struct layout_opts opts = {.width = (size_t)ui_text_width(ui), .ascii = ui->opts->ascii};
	return layout_new(doc, &opts);
}

/* ---- the chosen link, and saying where it leads ------------------------- */

/* The heading that `fragment` names in article `a`, copied into `out`. */
static bool section_title(struct ui *ui, size_t a, const char *fragment, struct buf *out)
{
	struct layout *other = a == ui->reader.article ? NULL : make_layout(ui, a);
	const struct layout *l = other ? other : ui->reader.layout;
	long h = other || a == ui->reader.article ? layout_find_anchor(l, fragment) : -1;
	if (h >= 0)
		buf_puts(out, layout_heading(l, (size_t)h)->text);
	layout_free(other);
	return h >= 0;
}

/* Put into words where link `i` leads, once, when it is chosen: naming a
 * section of another topic costs a layout of that topic. */
static void describe_link(struct ui *ui, long i)
{
	struct reader *r = &ui->reader;
	const char *target = layout_link(r->layout, (size_t)i)->target;
	size_t a = r->article;
	const char *frag;
	struct buf section = BUF_INIT, *out = &r->link_label;
	buf_clear(out);
	enum guide_link kind = guide_resolve(ui->guide, target, &a, &frag);
	bool named = (kind == GUIDE_LINK_ARTICLE || kind == GUIDE_LINK_ANCHOR) && frag &&
		     *frag && section_title(ui, a, frag, &section);
	if (kind == GUIDE_LINK_ARTICLE)
		buf_printf(out, "Link to: %s", guide_article(ui->guide, a)->title);
	else if (kind == GUIDE_LINK_ANCHOR)
		buf_puts(out, named ? "Link to the section" : "Link to a section of this topic");
	else if (kind == GUIDE_LINK_EXTERNAL)
		buf_printf(out, "Web address: %s (not opened here)", target);
	else
		buf_printf(out, "Broken link: %s", target);
	if (named)
		buf_printf(out, "%s \"%s\"", kind == GUIDE_LINK_ARTICLE ? ", section" : "",
			   section.data);
	buf_free(&section);
}

static void set_link(struct ui *ui, long i)
{
	ui->reader.link = i;
	if (i >= 0)
		describe_link(ui, i);
}

/* Choose link i, scrolling it to the middle of the screen if it is off. */
static void show_link(struct ui *ui, long i)
{
	struct reader *r = &ui->reader;
	size_t line = layout_link(r->layout, (size_t)i)->line;
	if (line < r->top || line >= r->top + view_rows(ui))
		r->top = line > view_rows(ui) / 2 ? line - view_rows(ui) / 2 : 0;
	r->link = -1;
	scroll_to(ui, (long)r->top);
	set_link(ui, i);
}

static void choose_link(struct ui *ui, int dir)
{
	struct reader *r = &ui->reader;
	long i = layout_link_next(r->layout, r->link, dir, r->top, r->top + view_rows(ui));
	if (i < 0)
		ui_message(ui, "This topic has no links.");
	else
		show_link(ui, i);
}

/* The next link on screen, or the next page when there is none: reading
 * on never jumps past text nobody has seen. */
static void next_link_or_page(struct ui *ui)
{
	struct reader *r = &ui->reader;
	long i = layout_link_next(r->layout, r->link, 1, r->top, r->top + view_rows(ui));
	if (i >= 0 && link_in_sight(ui, i) && (r->link < 0 || i > r->link))
		show_link(ui, i);
	else if (r->top < max_top(ui))
		scroll_to(ui, (long)(r->top + view_rows(ui) - 1));
	else
		ui_message(ui, "This is the end of the topic. Backspace goes back.");
}

/* ---- places and history -------------------------------------------------- */

static struct place here(const struct ui *ui);

/* Show `l` (ours from now on) as article `article` at place `p`. */
static void show_place(struct ui *ui, struct layout *l, size_t article, const struct place *p)
{
	struct reader *r = &ui->reader;
	if (l != r->layout) {
		layout_free(r->layout);
		r->layout = l;
	}
	r->article = article;
	size_t top;
	long link;
	history_find(l, p, &top, &link);
	r->link = -1;
	scroll_to(ui, (long)top);
	if (link >= 0)
		show_link(ui, link);
	r->anchor = here(ui);
}

static struct place here(const struct ui *ui)
{
	const struct reader *r = &ui->reader;
	return history_place(r->layout, r->article, r->top, r->link);
}

static void remember(struct ui *ui)
{
	if (ui->reader.layout) {
		struct place p = here(ui);
		history_push(&ui->reader.history, &p);
	}
}

static void go_to_anchor(struct ui *ui, const char *fragment)
{
	long h = layout_find_anchor(ui->reader.layout, fragment);
	if (h < 0) {
		ui_message(ui, "This topic has no section called '#%s'.", fragment);
		return;
	}
	ui->reader.link = -1;
	scroll_to(ui, (long)layout_heading(ui->reader.layout, (size_t)h)->line);
}

void reader_goto(struct ui *ui, size_t line)
{
	remember(ui);
	ui->reader.link = -1;
	scroll_to(ui, (long)line);
	ui->reader.anchor = here(ui);
}

void reader_open(struct ui *ui, size_t article, const char *fragment, bool keep_history)
{
	struct reader *r = &ui->reader;
	struct layout *l = make_layout(ui, article);
	if (!l)
		return;
	if (keep_history)
		remember(ui);
	else
		history_clear(&r->history);
	/* The fragment may live in the layout about to be freed. */
	char *anchor = fragment && *fragment ? xstrdup(fragment) : NULL;
	struct place top = {.article = article, .link = -1};
	show_place(ui, l, article, &top);
	if (anchor)
		go_to_anchor(ui, anchor);
	free(anchor);
	ui_show(ui, SCREEN_ARTICLE);
}

static void reader_relayout(struct ui *ui)
{
	struct reader *r = &ui->reader;
	if (!r->layout)
		return;
	struct place want = r->anchor;
	want.link = r->link;
	struct layout *l = make_layout(ui, r->article);
	if (l)
		show_place(ui, l, r->article, &want);
	r->anchor = want; /* a resize is not the reader moving */
}

void reader_free(struct reader *r)
{
	layout_free(r->layout);
	history_free(&r->history);
	buf_free(&r->link_label);
	memset(r, 0, sizeof *r);
	r->link = -1;
}

static void go_back(struct ui *ui)
{
	struct reader *r = &ui->reader;
	struct place p;
	if (!history_pop(&r->history, &p)) {
		ui_show(ui, SCREEN_HOME);
		return;
	}
	struct layout *l = p.article == r->article ? r->layout : make_layout(ui, p.article);
	if (!l) {
		history_push(&r->history, &p); /* the file is gone; keep the step */
		return;
	}
	show_place(ui, l, p.article, &p);
}

static void follow_link(struct ui *ui, long i)
{
	struct reader *r = &ui->reader;
	const char *target = layout_link(r->layout, (size_t)i)->target;
	size_t article;
	const char *fragment;
	switch (guide_resolve(ui->guide, target, &article, &fragment)) {
	case GUIDE_LINK_ARTICLE:
		reader_open(ui, article, fragment, true);
		break;
	case GUIDE_LINK_ANCHOR:
		remember(ui);
		go_to_anchor(ui, fragment);
		break;
	case GUIDE_LINK_EXTERNAL:
		ui_message(ui, "Web address: %s. The guide does not open web pages.", target);
		break;
	case GUIDE_LINK_BROKEN:
		ui_message(ui, "This link is broken: no topic is called %s.", target);
		break;
	}
}

/* ---- drawing and keys --------------------------------------------------- */

static void position_text(const struct ui *ui, char *out, size_t size)
{
	size_t n = layout_line_count(ui->reader.layout), v = view_rows(ui), top = ui->reader.top;
	if (n <= v)
		snprintf(out, size, "All");
	else if (top == 0)
		snprintf(out, size, "Top");
	else if (top >= max_top(ui))
		snprintf(out, size, "End");
	else
		snprintf(out, size, "%zu%%", (top + v) * 100 / n);
}

static void draw_status(struct ui *ui)
{
	struct reader *r = &ui->reader;
	char pos[32];
	position_text(ui, pos, sizeof pos);
	const struct hint back = {ui_glyph(ui, "← back", "< back"), KEY_BACKSPACE};
	const struct hint help = {"? help", '?'};
	if (r->link >= 0) {
		const char *target = layout_link(r->layout, (size_t)r->link)->target;
		size_t a;
		const char *frag;
		enum guide_link kind = guide_resolve(ui->guide, target, &a, &frag);
		bool opens = kind == GUIDE_LINK_ARTICLE || kind == GUIDE_LINK_ANCHOR;
		const struct hint hints[] = {{"Enter opens", '\r'}, back, help};
		ui_draw_status(ui, r->link_label.data, pos, opens ? hints : hints + 1,
			       opens ? 3 : 2);
		return;
	}
	const struct hint hints[] = {{"t sections", 't'}, {"Tab links", '\t'}, back, help};
	ui_draw_status(ui, guide_article(ui->guide, r->article)->title, pos, hints, 4);
}

static void article_draw(struct ui *ui)
{
	struct reader *r = &ui->reader;
	int x = ui_margin(ui);
	size_t n = layout_line_count(r->layout), v = view_rows(ui);
	for (size_t i = 0; i < v && r->top + i < n; i++)
		ui_draw_line(ui, (int)i, x, layout_line(r->layout, r->top + i), r->link);
	ui->cursor_y = 0;
	ui->cursor_x = x;
	if (r->link >= 0) {
		const struct layout_link *k = layout_link(r->layout, (size_t)r->link);
		ui->cursor_y = (int)(k->line - r->top);
		ui->cursor_x = x + (int)k->col;
	}
	draw_status(ui);
}

static enum outcome article_mouse(struct ui *ui)
{
	struct reader *r = &ui->reader;
	const MEVENT *ev = &ui->mouse;
	if (ev->bstate & BUTTON4_PRESSED) {
		scroll_to(ui, (long)r->top - WHEEL_LINES);
	} else if (ev->bstate & BUTTON5_PRESSED) {
		scroll_to(ui, (long)r->top + WHEEL_LINES);
	} else if (ev->y < (int)view_rows(ui) && ev->x >= ui_margin(ui)) {
		long k = layout_link_at(r->layout, r->top + (size_t)ev->y,
					(size_t)(ev->x - ui_margin(ui)));
		if (k >= 0) {
			set_link(ui, k);
			follow_link(ui, k);
			return OUT_DONE;
		}
		/* Like a page of a book: a tap low on the text reads on, a
		 * tap high goes back a page. */
		long page = (long)view_rows(ui) - 1;
		scroll_to(ui, (long)r->top + ((size_t)ev->y >= view_rows(ui) / 2 ? page : -page));
	}
	r->anchor = here(ui);
	return OUT_DONE;
}

static void open_headings(struct ui *ui)
{
	struct reader *r = &ui->reader;
	if (layout_heading_count(r->layout) == 0) {
		ui_message(ui, "This topic has no headings.");
		return;
	}
	long at = layout_heading_at(r->layout, r->top);
	ui->toc = (struct menu){.selected = at < 0 ? 0 : (size_t)at};
	ui_show(ui, SCREEN_TOC);
}

static enum outcome article_key(struct ui *ui, int key, enum action act)
{
	struct reader *r = &ui->reader;
	long top = (long)r->top, page = (long)view_rows(ui) - 1;
	if (key == KEY_MOUSE)
		return article_mouse(ui);
	switch (act) {
	case ACT_UP: scroll_to(ui, top - 1); break;
	case ACT_DOWN: scroll_to(ui, top + 1); break;
	case ACT_PAGE_UP: scroll_to(ui, top - page); break;
	case ACT_PAGE_DOWN: scroll_to(ui, top + page); break;
	case ACT_TOP: scroll_to(ui, 0); break;
	case ACT_BOTTOM: scroll_to(ui, (long)max_top(ui)); break;
	case ACT_NEXT_LINK: choose_link(ui, 1); break;
	case ACT_PREV_LINK: choose_link(ui, -1); break;
	case ACT_OPEN:
		/* With arrows and Enter alone: Right (or Enter with no link
		 * chosen) takes the next link on screen, else reads on a page. */
		if (r->link >= 0 && key != KEY_RIGHT && key != 'l')
			follow_link(ui, r->link);
		else
			next_link_or_page(ui);
		break;
	case ACT_BACK: go_back(ui); break;
	case ACT_TOC: open_headings(ui); break;
	case ACT_QUIT: return OUT_QUIT;
	default: break;
	}
	if (ui->screen == SCREEN_ARTICLE)
		r->anchor = here(ui);
	return OUT_DONE;
}

const struct screen article_screen = {article_draw, article_key, reader_relayout};
