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

static void scroll_to(struct ui *ui, long top)
{
	struct reader *r = &ui->reader;
	size_t max = max_top(ui);
	r->top = top < 0 ? 0 : (size_t)top > max ? max : (size_t)top;
	/* A chosen link that scrolls out of sight is let go: Enter must never
	 * open something the reader cannot see. */
	if (r->link >= 0) {
		size_t line = layout_link(r->layout, (size_t)r->link)->line;
		if (line < r->top || line >= r->top + view_rows(ui))
			r->link = -1;
	}
}

void reader_jump(struct ui *ui, size_t line)
{
	ui->reader.link = -1;
	scroll_to(ui, (long)line);
}

static void push_history(struct ui *ui);

void reader_goto(struct ui *ui, size_t line)
{
	push_history(ui);
	reader_jump(ui, line);
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

static struct place current_place(const struct ui *ui)
{
	const struct reader *r = &ui->reader;
	const struct layout_line *ln = layout_line(r->layout, r->top);
	return (struct place){r->article, ln ? ln->block : 0, ln ? ln->block_pos : 0,
			      r->link, r->top, layout_width(r->layout)};
}

static void push_history(struct ui *ui)
{
	struct reader *r = &ui->reader;
	if (!r->layout)
		return;
	if (r->nhistory == r->history_cap) {
		r->history_cap = r->history_cap ? r->history_cap * 2 : 16;
		r->history = xreallocarray(r->history, r->history_cap, sizeof *r->history);
	}
	r->history[r->nhistory++] = current_place(ui);
}

static void go_to_anchor(struct ui *ui, const char *fragment)
{
	long h = layout_find_anchor(ui->reader.layout, fragment);
	if (h < 0) {
		ui_message(ui, "This topic has no section called '#%s'.", fragment);
		return;
	}
	reader_jump(ui, layout_heading(ui->reader.layout, (size_t)h)->line);
}

void reader_open(struct ui *ui, size_t article, const char *fragment, bool remember)
{
	struct reader *r = &ui->reader;
	struct layout *l = make_layout(ui, article);
	if (!l)
		return;
	if (remember)
		push_history(ui);
	else
		r->nhistory = 0;
	/* The fragment may live in the layout about to be freed. */
	char *anchor = fragment && *fragment ? xstrdup(fragment) : NULL;
	layout_free(r->layout);
	r->layout = l;
	r->article = article;
	r->top = 0;
	r->link = -1;
	if (anchor)
		go_to_anchor(ui, anchor);
	free(anchor);
	ui->screen = SCREEN_ARTICLE;
}

static void show_link(struct ui *ui, long i);

void reader_relayout(struct ui *ui)
{
	struct reader *r = &ui->reader;
	if (!r->layout)
		return;
	struct place here = current_place(ui);
	struct layout *l = make_layout(ui, r->article);
	if (!l)
		return;
	layout_free(r->layout);
	r->layout = l;
	r->top = layout_find_block(l, here.block, here.pos);
	long link = r->link;
	scroll_to(ui, (long)r->top);
	/* The chosen link stays chosen, and in sight, in the new width. */
	if (link >= 0)
		show_link(ui, link);
}

void reader_free(struct reader *r)
{
	layout_free(r->layout);
	free(r->history);
	memset(r, 0, sizeof *r);
	r->link = -1;
	r->label_link = -1;
}

static void go_back(struct ui *ui)
{
	struct reader *r = &ui->reader;
	if (r->nhistory == 0) {
		ui->screen = SCREEN_HOME;
		return;
	}
	struct place p = r->history[--r->nhistory];
	if (p.article != r->article) {
		struct layout *l = make_layout(ui, p.article);
		if (!l)
			return;
		layout_free(r->layout);
		r->layout = l;
		r->article = p.article;
	}
	r->link = -1;
	scroll_to(ui, p.width == layout_width(r->layout) ? (long)p.top
		  : (long)layout_find_block(r->layout, p.block, p.pos));
	r->link = p.link;
	scroll_to(ui, (long)r->top);
}

/* ---- links ------------------------------------------------------------ */

/* Choose link i, scrolling it to the middle of the screen if it is off. */
static void show_link(struct ui *ui, long i)
{
	struct reader *r = &ui->reader;
	size_t line = layout_link(r->layout, (size_t)i)->line;
	if (line < r->top || line >= r->top + view_rows(ui))
		r->top = line > view_rows(ui) / 2 ? line - view_rows(ui) / 2 : 0;
	r->link = -1;
	scroll_to(ui, (long)r->top);
	r->link = i;
}

static void choose_link(struct ui *ui, int dir)
{
	struct reader *r = &ui->reader;
	long i = layout_link_next(r->layout, r->link, dir, r->top, r->top + view_rows(ui));
	if (i < 0) {
		ui_message(ui, "This topic has no links.");
		return;
	}
	show_link(ui, i);
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
		push_history(ui);
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

/* The heading that `fragment` names in article `a`, or NULL. */
static const char *section_title(struct ui *ui, size_t a, const char *fragment,
				 struct layout **own)
{
	const struct layout *l = ui->reader.layout;
	if (a != ui->reader.article) {
		*own = make_layout(ui, a);
		if (!*own)
			return NULL;
		l = *own;
	}
	long h = layout_find_anchor(l, fragment);
	return h < 0 ? NULL : layout_heading(l, (size_t)h)->text;
}

/* Say in words where the chosen link leads.  Kept until another link is
 * chosen: a section in another topic costs a layout to name. */
static void describe_link(struct ui *ui, const char *target)
{
	size_t a = ui->reader.article;
	const char *frag;
	struct layout *other = NULL;
	struct buf *out = &ui->link_label;
	buf_clear(out);
	enum guide_link kind = guide_resolve(ui->guide, target, &a, &frag);
	const char *section = (kind == GUIDE_LINK_ARTICLE || kind == GUIDE_LINK_ANCHOR) &&
		frag && *frag ? section_title(ui, a, frag, &other) : NULL;
	if (kind == GUIDE_LINK_ARTICLE)
		buf_printf(out, "Link to: %s", guide_article(ui->guide, a)->title);
	else if (kind == GUIDE_LINK_ANCHOR)
		buf_puts(out, section ? "Link to the section" : "Link to a section of this topic");
	else if (kind == GUIDE_LINK_EXTERNAL)
		buf_printf(out, "Web address: %s (not opened here)", target);
	else
		buf_printf(out, "Broken link: %s", target);
	if (section)
		buf_printf(out, "%s \"%s\"", kind == GUIDE_LINK_ARTICLE ? ", section" : "", section);
	layout_free(other);
}

static void draw_status(struct ui *ui)
{
	struct reader *r = &ui->reader;
	char right[96], pos[32];
	position_text(ui, pos, sizeof pos);
	const char *back = ui_glyph(ui, "← back", "< back");
	if (r->link >= 0) {
		const char *target = layout_link(r->layout, (size_t)r->link)->target;
		if (r->label_link != r->link || r->label_article != r->article) {
			describe_link(ui, target);
			r->label_link = r->link;
			r->label_article = r->article;
		}
		bool opens = !doc_url_is_external(target);
		snprintf(right, sizeof right, ui->cols >= 60 && opens ? "%s  Enter opens  ? help"
			 : "%s  ? help", pos);
		ui_draw_status(ui, ui->link_label.data, right);
		return;
	}
	snprintf(right, sizeof right, ui->cols >= 70
		 ? "%s  Tab links  Backspace back  ? help" : "%s  %s  ? help", pos, back);
	ui_draw_status(ui, guide_article(ui->guide, r->article)->title, right);
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
			r->link = k;
			follow_link(ui, k);
		}
	}
	return OUT_DONE;
}

/* The heading of the part being read: the last one at or above the top. */
static size_t current_section(const struct reader *r)
{
	size_t found = 0;
	for (size_t i = 0; i < layout_heading_count(r->layout); i++)
		if (layout_heading(r->layout, i)->line <= r->top)
			found = i;
	return found;
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
		/* Right and l choose links, so arrows and Enter alone can follow
		 * them; Enter with no link chosen chooses the first. */
		if (key == KEY_RIGHT || key == 'l' || r->link < 0)
			choose_link(ui, 1);
		else
			follow_link(ui, r->link);
		break;
	case ACT_BACK: go_back(ui); break;
	case ACT_TOC:
		if (layout_heading_count(r->layout) == 0) {
			ui_message(ui, "This topic has no headings.");
			break;
		}
		ui->toc = (struct menu){.selected = current_section(r)};
		ui_switch(ui, SCREEN_TOC);
		break;
	case ACT_QUIT: return OUT_QUIT;
	default: break;
	}
	return OUT_DONE;
}

const struct screen article_screen = {article_draw, article_key, reader_relayout};
