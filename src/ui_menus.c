/* ui_menus: the two modal screens, the heading list (t) and help (?). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "skinguide/text.h"
#include "ui_private.h"

/* Rows above the first entry: a title and a blank line. */
#define MENU_HEAD 2

/* Rows for entries; one row less when they do not all fit, for the line
 * that says how many more there are. */
static size_t menu_rows(const struct ui *ui, size_t count)
{
	int rows = ui->rows - 1 - MENU_HEAD;
	if (rows > 2 && (size_t)rows < count)
		rows--;
	return rows > 1 ? (size_t)rows : 1;
}

/* Move the choice, keeping it in sight and the list filling the screen
 * (also after the window grows). */
static void menu_move(struct menu *m, long to, size_t count, size_t rows)
{
	m->selected = to < 0 || count == 0 ? 0 : (size_t)to >= count ? count - 1 : (size_t)to;
	if (m->top + rows > count)
		m->top = count > rows ? count - rows : 0;
	if (m->selected < m->top)
		m->top = m->selected;
	else if (m->selected >= m->top + rows)
		m->top = m->selected - rows + 1;
}

/* Shared movement keys; true when the key was one of them. */
static bool menu_key(struct menu *m, enum action act, size_t count, size_t rows)
{
	long sel = (long)m->selected;
	switch (act) {
	case ACT_UP: menu_move(m, sel - 1, count, rows); return true;
	case ACT_DOWN: menu_move(m, sel + 1, count, rows); return true;
	case ACT_PAGE_UP: menu_move(m, sel - (long)rows, count, rows); return true;
	case ACT_PAGE_DOWN: menu_move(m, sel + (long)rows, count, rows); return true;
	case ACT_TOP: menu_move(m, 0, count, rows); return true;
	case ACT_BOTTOM: menu_move(m, (long)count - 1, count, rows); return true;
	default: return false;
	}
}

static enum action more_line_tap(const struct ui *ui, size_t rows);

/* ---- headings (t) ------------------------------------------------------ */

static void toc_draw(struct ui *ui)
{
	const struct layout *l = ui->reader.layout;
	int x = ui_margin(ui), width = ui_text_width(ui);
	size_t count = layout_heading_count(l), rows = menu_rows(ui, count);
	menu_move(&ui->toc, (long)ui->toc.selected, count, rows);
	const char *head = "Go to a section";
	ui_draw_text(ui, 0, x, head, strlen(head), width, A_BOLD);
	for (size_t i = ui->toc.top; i < count && i < ui->toc.top + rows; i++) {
		const struct layout_heading *h = layout_heading(l, i);
		int y = MENU_HEAD + (int)(i - ui->toc.top);
		int indent = h->level > 1 ? (h->level - 1) * 2 : 0;
		int attr = h->level <= 2 ? A_BOLD : A_NORMAL;
		if (i == ui->toc.selected) {
			attr |= A_REVERSE;
			attrset(A_REVERSE);
			mvhline(y, x, ' ', width);
			ui->cursor_y = y;
			ui->cursor_x = x + indent;
		}
		ui_draw_text(ui, y, x + indent, h->text, strlen(h->text), width - indent, attr);
	}
	size_t shown = count - ui->toc.top < rows ? count - ui->toc.top : rows;
	ui_draw_more(ui, MENU_HEAD + (int)rows, ui->toc.top, count - ui->toc.top - shown,
		     "section");
	static const struct hint hints[] = {{"Enter goes there", '\r'}, {"Esc back", 27}};
	ui_draw_status(ui, guide_article(ui->guide, ui->reader.article)->title, NULL, hints, 2);
}

static void toc_go(struct ui *ui, size_t i)
{
	const struct layout_heading *h = layout_heading(ui->reader.layout, i);
	ui_close(ui);
	if (h) /* the article may have been laid out anew since the list opened */
		reader_goto(ui, h->line);
}

static enum outcome toc_key(struct ui *ui, int key, enum action act)
{
	size_t count = layout_heading_count(ui->reader.layout);
	size_t rows = menu_rows(ui, count);
	if (key == KEY_MOUSE) {
		const MEVENT *ev = &ui->mouse;
		size_t i = ui->toc.top + (size_t)(ev->y - MENU_HEAD);
		if ((ev->bstate & BUTTON1_PRESSED) && ev->y >= MENU_HEAD &&
		    i < ui->toc.top + rows && i < count)
			toc_go(ui, i);
		else
			menu_key(&ui->toc, more_line_tap(ui, rows), count, rows);
		return OUT_DONE;
	}
	if (menu_key(&ui->toc, act, count, rows))
		return OUT_DONE;
	if (act == ACT_OPEN)
		toc_go(ui, ui->toc.selected);
	else if (act == ACT_BACK || act == ACT_TOC)
		ui_close(ui);
	else if (act == ACT_QUIT)
		return OUT_QUIT;
	return OUT_DONE;
}

/* ---- help (?) ---------------------------------------------------------- */

/* Column of the explanations beside the keys, in a wide window; a narrow
 * one puts them under the keys, indented. */
#define HELP_KEYS_WIDTH 26
#define HELP_INDENT 4

struct help_line {
	const char *keys; /* on the first line of an entry, else NULL */
	const char *text; /* part of the explanation, or NULL */
	size_t len;
	int x;            /* column of the text, from the margin */
};

/* The help entries as screen lines, explanations wrapped to fit.  Caller
 * frees *out. */
static size_t help_lines(const struct ui *ui, struct help_line **out)
{
	int width = ui_text_width(ui);
	bool stacked = width < 60;
	int x = stacked ? HELP_INDENT : HELP_KEYS_WIDTH;
	size_t n = 0, cap = 0;
	*out = NULL;
	for (size_t i = 0; i < ui_help_count(); i++) {
		const struct help_row *e = ui_help_row(i);
		struct text_line *wrapped;
		size_t k = text_wrap(e->what, strlen(e->what), (size_t)(width - x), &wrapped);
		size_t need = k + (stacked ? 1 : 0);
		if (n + need > cap) {
			cap = (n + need) * 2;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		if (stacked)
			(*out)[n++] = (struct help_line){e->keys, NULL, 0, 0};
		for (size_t j = 0; j < k; j++)
			(*out)[n++] = (struct help_line){!stacked && j == 0 ? e->keys : NULL,
				e->what + wrapped[j].start, wrapped[j].end - wrapped[j].start, x};
		free(wrapped);
	}
	return n;
}

static void help_draw(struct ui *ui)
{
	int x = ui_margin(ui), width = ui_text_width(ui);
	struct help_line *lines;
	size_t count = help_lines(ui, &lines), rows = menu_rows(ui, count);
	size_t max_top = count > rows ? count - rows : 0;
	if (ui->help.top > max_top)
		ui->help.top = max_top;
	const char *head = "Keys";
	ui_draw_text(ui, 0, x, head, strlen(head), width, A_BOLD);
	for (size_t i = ui->help.top; i < count && i < ui->help.top + rows; i++) {
		int y = MENU_HEAD + (int)(i - ui->help.top);
		const struct help_line *l = &lines[i];
		if (l->keys)
			ui_draw_text(ui, y, x, l->keys, strlen(l->keys), width, A_BOLD);
		if (l->text)
			ui_draw_text(ui, y, x + l->x, l->text, l->len, width - l->x, A_NORMAL);
	}
	free(lines);
	size_t shown = count - ui->help.top < rows ? count - ui->help.top : rows;
	ui_draw_more(ui, MENU_HEAD + (int)rows, ui->help.top, count - ui->help.top - shown,
		     "line");
	static const struct hint hints[] = {{"q quit", 'q'}, {"Esc back", 27}};
	ui_draw_status(ui, "Help", NULL, hints, 2);
}

/* A tap on the "more above / below" line turns the page. */
static enum action more_line_tap(const struct ui *ui, size_t rows)
{
	const MEVENT *ev = &ui->mouse;
	if (ev->bstate & BUTTON4_PRESSED)
		return ACT_UP;
	if (ev->bstate & BUTTON5_PRESSED)
		return ACT_DOWN;
	if ((ev->bstate & BUTTON1_PRESSED) && ev->y == MENU_HEAD + (int)rows)
		return ev->x < ui_margin(ui) + ui_text_width(ui) / 3 ? ACT_PAGE_UP
								   : ACT_PAGE_DOWN;
	return ACT_NONE;
}

static enum outcome help_key(struct ui *ui, int key, enum action act)
{
	struct help_line *lines;
	size_t count = help_lines(ui, &lines), rows = menu_rows(ui, count);
	free(lines);
	if (key == KEY_MOUSE)
		act = more_line_tap(ui, rows);
	long top = (long)ui->help.top, max_top = count > rows ? (long)(count - rows) : 0;
	switch (act) {
	case ACT_UP: top--; break;
	case ACT_DOWN: top++; break;
	case ACT_PAGE_UP: top -= (long)rows; break;
	case ACT_PAGE_DOWN: top += (long)rows; break;
	case ACT_TOP: top = 0; break;
	case ACT_BOTTOM: top = max_top; break;
	case ACT_NONE: return OUT_DONE;
	case ACT_QUIT: return OUT_QUIT;
	default:
		/* Any other key (Esc, Enter, ?) closes help. */
		ui_close(ui);
		return OUT_DONE;
	}
	ui->help.top = (size_t)(top < 0 ? 0 : top > max_top ? max_top : top);
	return OUT_DONE;
}

const struct screen toc_screen = {toc_draw, toc_key, NULL};
const struct screen help_screen = {help_draw, help_key, NULL};
