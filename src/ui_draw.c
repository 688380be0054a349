/* ui_draw: the navigator's rows and status bar on a curses screen.  No
 * rule of the guide lives here: what a row holds was decided by nav.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "skinguide/text.h"
#include "ui_private.h"

enum { PAIR_HEADING = 1, PAIR_LINK, PAIR_CALLOUT, PAIR_CODE, PAIR_MARKER };

/* Columns for text: the layout's comfortable maximum, or less. */
int ui_text_width(const struct ui *ui)
{
	int w = ui->cols - 2;
	return w > LAYOUT_MAX_WIDTH ? LAYOUT_MAX_WIDTH : w;
}

/* The text column is centred in a wide window. */
int ui_margin(const struct ui *ui)
{
	return (ui->cols - ui_text_width(ui)) / 2;
}

bool ui_too_small(const struct ui *ui)
{
	return ui->cols < UI_MIN_COLS || ui->rows < UI_MIN_ROWS;
}

/* Links are underlined.  A terminal that cannot underline makes them
 * bold; one that cannot underline coloured text (the Linux console's ncv)
 * leaves them uncoloured, bold and underlined, rather than dark blue on
 * black. */
static void setup_links(struct ui *ui)
{
	const char *smul = tigetstr("smul");
	bool underline = smul && smul != (const char *)-1;
	int ncv = tigetnum("ncv");
	bool underline_in_colour = ncv < 0 || !(ncv & 2);
	ui->link_attr = !underline ? A_BOLD : underline_in_colour || !ui->color
		? A_UNDERLINE : A_UNDERLINE | A_BOLD;
	ui->link_color = ui->color && underline && underline_in_colour;
}

void ui_setup_colors(struct ui *ui)
{
	const char *no_color = getenv("NO_COLOR");
	ui->color = has_colors() && !(no_color && *no_color);
	setup_links(ui);
	if (!ui->color)
		return;
	start_color();
	use_default_colors();
	init_pair(PAIR_HEADING, COLOR_CYAN, -1);
	init_pair(PAIR_LINK, COLOR_BLUE, -1);
	init_pair(PAIR_CALLOUT, COLOR_YELLOW, -1);
	init_pair(PAIR_CODE, COLOR_MAGENTA, -1);
	init_pair(PAIR_MARKER, COLOR_CYAN, -1);
}

/* Text that does not fit ends in "…", so that nothing is cut silently.
 * Returns the column after it. */
static int draw_text(const struct ui *ui, int y, int x, const char *s, size_t len, int maxw,
		     int attr)
{
	if (maxw <= 0)
		return x;
	struct buf plain = BUF_INIT;
	if (ui->opts->ascii) {
		/* UTF-8 would arrive as mojibake in this locale. */
		text_to_ascii(&plain, s, len);
		s = plain.data;
		len = plain.len;
	}
	size_t fit = text_fit(s, len, (size_t)maxw);
	bool cut = fit < len;
	const char *mark = ui->opts->ascii ? "..." : "…";
	size_t mark_width = text_width(mark, strlen(mark));
	if (cut && (size_t)maxw <= mark_width) {
		mark = "";
		mark_width = 0;
	}
	if (cut)
		fit = text_fit(s, len, (size_t)maxw - mark_width);
	attrset(attr);
	mvaddnstr(y, x, s, (int)fit);
	if (cut)
		addstr(mark);
	attrset(A_NORMAL);
	buf_free(&plain);
	/* Go on from where the terminal's cursor is, not from where our width
	 * tables think it is: a disagreement cannot make text overlap. */
	return getcurx(stdscr);
}

static int style_attr(const struct ui *ui, unsigned style)
{
	int a = A_NORMAL;
	if (style & (LAYOUT_STRONG | LAYOUT_H1 | LAYOUT_H2 | LAYOUT_H3 | LAYOUT_MARKER))
		a |= A_BOLD;
	if (style & LAYOUT_EMPH)
		a |= A_ITALIC;
	if (style & LAYOUT_LINK)
		a |= ui->link_attr;
	if (!ui->color)
		return a;
	if (style & (LAYOUT_H1 | LAYOUT_H2 | LAYOUT_H3))
		a |= COLOR_PAIR(PAIR_HEADING);
	else if (style & LAYOUT_LINK && ui->link_color)
		a |= COLOR_PAIR(PAIR_LINK);
	else if (style & LAYOUT_CODE)
		a |= COLOR_PAIR(PAIR_CODE);
	else if (style & (LAYOUT_CALLOUT | LAYOUT_BORDER))
		a |= COLOR_PAIR(PAIR_CALLOUT);
	else if (style & LAYOUT_MARKER)
		a |= COLOR_PAIR(PAIR_MARKER);
	return a;
}

/* Found words: reversed; the one n and N are at, bold and underlined too. */
static int mark_attr(const struct nav_row *r, size_t at, size_t *end)
{
	for (size_t i = 0; i < r->nmarks; i++) {
		const struct nav_mark *m = &r->marks[i];
		if (at < m->start) {
			*end = m->start < *end ? m->start : *end;
			return 0;
		}
		if (at < m->end) {
			*end = m->end < *end ? m->end : *end;
			return A_REVERSE | (m->current ? A_BOLD | A_UNDERLINE : 0);
		}
	}
	return 0;
}

static void draw_line(const struct ui *ui, int y, int x, int width, const struct nav_row *r)
{
	const struct layout_line *ln = r->line;
	int right = ui->cols;
	if (r->chosen) { /* a whole answer chosen: a bar across the text */
		attrset(A_REVERSE);
		mvhline(y, x, ' ', width);
		attrset(A_NORMAL);
	}
	for (size_t s = 0; ln && s < ln->nspans && x < right; s++) {
		const struct layout_span *sp = &ln->spans[s];
		int attr = style_attr(ui, sp->style);
		if ((r->link >= 0 && sp->link == r->link) || r->chosen)
			attr = (attr & ~A_UNDERLINE) | A_REVERSE;
		/* A span in pieces where found words start and end. */
		for (size_t at = sp->start, end; at < sp->start + sp->len && x < right; at = end) {
			end = sp->start + sp->len;
			int mark = mark_attr(r, at, &end);
			x = draw_text(ui, y, x, ln->text + at, end - at, right - x, attr | mark);
		}
	}
}

static void draw_item(const struct ui *ui, int y, int x, int width, const struct nav_row *r)
{
	int chosen = r->chosen ? A_REVERSE : 0;
	if (r->chosen) {
		attrset(A_REVERSE);
		mvhline(y, x, ' ', width);
		attrset(A_NORMAL);
	}
	int at = x + (int)r->indent, end = x + width;
	if (r->kind == NAV_ROW_ITEM && *r->label)
		at = draw_text(ui, y, at, r->label, strlen(r->label), end - at,
			       (r->plain_label ? 0 : A_BOLD) | chosen);
	if (r->text_col && x + (int)r->indent + (int)r->text_col > at)
		at = x + (int)r->indent + (int)r->text_col;
	int attr = (r->kind == NAV_ROW_ITEM && r->strong ? A_BOLD : 0) | chosen;
	draw_text(ui, y, at, r->text, r->len, end - at, attr);
}

static void draw_row(const struct ui *ui, int y, const struct nav_row *r)
{
	int x = ui_margin(ui), width = ui_text_width(ui);
	switch (r->kind) {
	case NAV_ROW_LINE: draw_line(ui, y, x, width, r); break;
	case NAV_ROW_TITLE: draw_text(ui, y, x, r->text, r->len, width, A_BOLD); break;
	case NAV_ROW_ITEM:
	case NAV_ROW_NOTE: draw_item(ui, y, x, width, r); break;
	case NAV_ROW_MORE: draw_text(ui, y, x, r->text, r->len, width, A_NORMAL); break;
	case NAV_ROW_MESSAGE: draw_text(ui, y, x, r->text, r->len, width, A_BOLD); break;
	case NAV_ROW_BLANK: break;
	}
}

/* A button's words: the action, then the key that does it ("Help ?"). */
static void hint_label(const struct ui *ui, enum nav_action a, char *out, size_t size)
{
	const char *key = ui_hint_key(ui, a);
	snprintf(out, size, "%s%s%s", nav_action_label(a), key ? " " : "", key ? key : "");
}

static int hints_width(const struct ui *ui, const enum nav_action *hints, size_t n)
{
	int w = 0;
	char label[64];
	for (size_t i = 0; i < n; i++) {
		hint_label(ui, hints[i], label, sizeof label);
		w += (int)text_width(label, strlen(label)) + 2;
	}
	return w;
}

/* Columns the bottom line keeps for where you are, at most `most`. */
static int where_width(const char *where, int most)
{
	int need = (int)text_width(where, strlen(where));
	return need < most ? need : most;
}

/* How many of the hints fit beside `keep` columns of where you are and
 * the position word; those that do not give way, the first ones first. */
static size_t hints_kept(const struct ui *ui, const struct nav_status *st, int keep, int pw)
{
	size_t n = st->nhints;
	while (n && keep + pw + hints_width(ui, st->hints + st->nhints - n, n) + 4 > ui->cols)
		n--;
	return n;
}

/* Where you are matters most, and gets 16 columns; but on a narrow line
 * a button matters more: "3 of 10" for "Question 3 of 10", or a title
 * cut shorter (it heads the page above anyway), when that keeps one. */
static const char *status_where(const struct ui *ui, const struct nav_status *st, int pw,
				int *keep, size_t *nhints)
{
	const char *where = st->where;
	*keep = where_width(where, 16);
	*nhints = hints_kept(ui, st, *keep, pw);
	const char *other = st->brief ? st->brief : st->where;
	int k = where_width(other, st->brief ? 16 : 12);
	size_t n = hints_kept(ui, st, k, pw);
	if (n > *nhints) {
		where = other;
		*keep = k;
		*nhints = n;
	}
	return where;
}

/* The bottom line: where you are, then hints that double as buttons. */
static void draw_status(struct ui *ui)
{
	struct nav_status st;
	nav_status(ui->nav, &st);
	int y = ui->rows - 1;
	attrset(A_REVERSE);
	mvhline(y, 0, ' ', ui->cols);
	int pw = st.position ? (int)text_width(st.position, strlen(st.position)) : 0;
	int keep;
	size_t nhints;
	const char *where = status_where(ui, &st, pw, &keep, &nhints);
	const enum nav_action *hints = st.hints + st.nhints - nhints;
	if (keep + pw + 4 > ui->cols)
		pw = 0;
	int x = ui->cols - 1 - pw - hints_width(ui, hints, nhints);
	draw_text(ui, y, 1, where, strlen(where), x - 3, A_REVERSE);
	if (pw)
		draw_text(ui, y, x, st.position, strlen(st.position), pw, A_REVERSE);
	x += pw + 2;
	ui->nbuttons = 0;
	for (size_t i = 0; i < nhints; i++) {
		char label[64];
		hint_label(ui, hints[i], label, sizeof label);
		int w = (int)text_width(label, strlen(label));
		draw_text(ui, y, x, label, strlen(label), w, A_REVERSE);
		ui->buttons[ui->nbuttons++] = (struct button){x, x + w, hints[i]};
		x += w + 2;
	}
	attrset(A_NORMAL);
}

static void draw_too_small(const struct ui *ui)
{
	const char *say = ui->opts->kiosk
		? "Please make this window larger: 40 by 12 or more."
		: "Please make this window larger: 40 by 12 or more. Press q to leave.";
	int width = ui->cols > 2 ? ui->cols - 2 : ui->cols;
	struct text_line *lines;
	size_t n = text_wrap(say, strlen(say), width > 0 ? (size_t)width : 1, &lines);
	int top = ui->rows > (int)n ? (ui->rows - (int)n) / 2 : 0;
	for (size_t i = 0; i < n && top + (int)i < ui->rows; i++) {
		int w = (int)(lines[i].width);
		int x = ui->cols > w ? (ui->cols - w) / 2 : 0;
		draw_text(ui, top + (int)i, x, say + lines[i].start, lines[i].end - lines[i].start,
			  ui->cols - x, A_BOLD);
	}
	free(lines);
	move(0, 0);
}

void ui_draw(struct ui *ui)
{
	erase();
	if (ui_too_small(ui)) {
		draw_too_small(ui);
		refresh();
		return;
	}
	for (int y = 0; y < ui->rows - 1; y++) {
		struct nav_row r;
		nav_row(ui->nav, (size_t)y, &r);
		draw_row(ui, y, &r);
	}
	draw_status(ui);
	size_t row, col;
	nav_cursor(ui->nav, &row, &col);
	move((int)row, ui_margin(ui) + (int)col);
	refresh();
}
