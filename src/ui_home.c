/* ui_home: the list of topics. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "skinguide/text.h"
#include "ui_private.h"

/* Each topic takes two rows: its title and its one-line summary. */
#define ITEM_ROWS 2
/* A typed number waits this long for a second digit. */
#define DIGIT_WAIT_MS 1200

static size_t welcome_lines(const struct ui *ui, struct text_line **lines)
{
	const char *w = guide_welcome(ui->guide);
	size_t n = text_wrap(w, strlen(w), (size_t)ui_text_width(ui), lines);
	size_t max = ui->rows < 20 ? 2 : 4;
	if (n == 1 && (*lines)[0].end == 0)
		n = 0;
	return n < max ? n : max;
}

/* First row of the topic list, below the title and the welcome. */
static int list_row(const struct ui *ui)
{
	struct text_line *lines;
	size_t n = welcome_lines(ui, &lines);
	free(lines);
	return 1 + (int)n + 1;
}

static size_t visible_items(const struct ui *ui)
{
	int rows = ui->rows - 1 - list_row(ui);
	/* When not every topic fits, one row tells how many more there are. */
	if ((size_t)rows < guide_count(ui->guide) * ITEM_ROWS)
		rows--;
	return rows > ITEM_ROWS ? (size_t)(rows / ITEM_ROWS) : 1;
}

/* "↑ 2 more above   ↓ 5 more below": a patient must see that the list
 * goes on. */
static void draw_more(struct ui *ui, int x, int width, size_t shown)
{
	size_t count = guide_count(ui->guide), top = ui->home.top;
	if (shown >= count)
		return;
	size_t below = count - top - shown < count ? count - top - shown : 0;
	char text[96];
	int n = 0;
	const char *up = ui->opts->ascii ? "^" : "↑", *down = ui->opts->ascii ? "v" : "↓";
	if (top)
		n += snprintf(text + n, sizeof text - (size_t)n, "%s %zu more above   ", up, top);
	if (below)
		snprintf(text + n, sizeof text - (size_t)n, "%s %zu more below", down, below);
	ui_draw_text(ui, ui->rows - 2, x, text, strlen(text), width, A_DIM);
}

static void keep_selected_visible(struct ui *ui)
{
	struct home *h = &ui->home;
	size_t n = visible_items(ui);
	if (h->selected < h->top)
		h->top = h->selected;
	else if (h->selected >= h->top + n)
		h->top = h->selected - n + 1;
}

static void draw_header(struct ui *ui, int x, int width)
{
	const char *title = guide_title(ui->guide);
	ui_draw_text(ui, 0, x, title, strlen(title), width, A_BOLD);
	struct text_line *lines;
	size_t n = welcome_lines(ui, &lines);
	const char *w = guide_welcome(ui->guide);
	for (size_t i = 0; i < n; i++)
		ui_draw_text(ui, 1 + (int)i, x, w + lines[i].start,
			     lines[i].end - lines[i].start, width, A_NORMAL);
	free(lines);
}

static void draw_item(struct ui *ui, size_t i, int y, int x, int width)
{
	const struct article *a = guide_article(ui->guide, i);
	bool selected = i == ui->home.selected;
	char number[32];
	int digits = snprintf(number, sizeof number, "%zu", guide_count(ui->guide));
	int nw = snprintf(number, sizeof number, "%*zu. ", digits, i + 1);
	if (selected) {
		attrset(A_REVERSE);
		mvhline(y, x, ' ', width);
		ui->cursor_y = y;
		ui->cursor_x = x;
	}
	int attr = selected ? A_REVERSE | A_BOLD : A_BOLD;
	ui_draw_text(ui, y, x, number, (size_t)nw, width, attr);
	ui_draw_text(ui, y, x + nw, a->title, strlen(a->title), width - nw, attr);
	size_t len = strlen(a->summary);
	int room = width - nw;
	if (text_width(a->summary, len) > (size_t)room && room > 1) {
		size_t fit = text_fit(a->summary, len, (size_t)room - 1);
		ui_draw_text(ui, y + 1, x + nw, a->summary, fit, room, A_DIM);
		ui_draw_text(ui, y + 1, x + nw + (int)text_width(a->summary, fit),
			     ui->opts->ascii ? ">" : "…", ui->opts->ascii ? 1 : 3, 1, A_DIM);
	} else {
		ui_draw_text(ui, y + 1, x + nw, a->summary, len, room, A_DIM);
	}
}

static void home_draw(struct ui *ui)
{
	int x = ui_margin(ui), width = ui_text_width(ui);
	draw_header(ui, x, width);
	keep_selected_visible(ui);
	size_t count = guide_count(ui->guide), n = visible_items(ui);
	int y = list_row(ui);
	for (size_t i = ui->home.top; i < count && i < ui->home.top + n; i++, y += ITEM_ROWS)
		draw_item(ui, i, y, x, width);
	draw_more(ui, x, width, n);
	char where[64];
	snprintf(where, sizeof where, "Topic %zu of %zu", ui->home.selected + 1, count);
	ui_draw_status(ui, where, ui->cols >= 60
		       ? "Arrows choose  Enter opens  ? help  q quit"
		       : "Enter opens  ? help");
}

static void move_to(struct ui *ui, long to)
{
	long count = (long)guide_count(ui->guide);
	ui->home.selected = (size_t)(to < 0 ? 0 : to >= count ? count - 1 : to);
}

/* Digits pick a topic by number; a second digit follows if the first
 * could start a longer number. */
static void type_digit(struct ui *ui, int digit)
{
	struct home *h = &ui->home;
	size_t count = guide_count(ui->guide);
	unsigned typed = h->typed * 10 + (unsigned)digit;
	if (typed == 0 || typed > count)
		typed = (unsigned)digit;
	if (typed == 0 || typed > count) {
		h->typed = 0;
		ui_message(ui, "There is no topic %d; choose 1 to %zu.", digit, count);
		return;
	}
	h->selected = typed - 1;
	if ((size_t)typed * 10 > count) {
		h->typed = 0;
		timeout(-1);
		reader_open(ui, h->selected, NULL, false);
		return;
	}
	h->typed = typed;
	timeout(DIGIT_WAIT_MS);
}

void home_number_done(struct ui *ui)
{
	ui->home.typed = 0;
	timeout(-1);
	reader_open(ui, ui->home.selected, NULL, false);
}

static enum outcome home_mouse(struct ui *ui)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return OUT_DONE;
	if (ev.bstate & BUTTON4_PRESSED)
		move_to(ui, (long)ui->home.selected - 1);
	else if (ev.bstate & BUTTON5_PRESSED)
		move_to(ui, (long)ui->home.selected + 1);
	else if (ev.y >= list_row(ui) && ev.y < ui->rows - 1) {
		size_t i = ui->home.top + (size_t)(ev.y - list_row(ui)) / ITEM_ROWS;
		if (i < guide_count(ui->guide) && i < ui->home.top + visible_items(ui)) {
			ui->home.selected = i;
			reader_open(ui, i, NULL, false);
		}
	}
	return OUT_DONE;
}

static enum outcome home_key(struct ui *ui, int key, enum action act)
{
	long sel = (long)ui->home.selected, page = (long)visible_items(ui);
	if (key >= '0' && key <= '9') {
		type_digit(ui, key - '0');
		return OUT_DONE;
	}
	if (ui->home.typed) {
		ui->home.typed = 0;
		timeout(-1);
	}
	if (key == KEY_MOUSE)
		return home_mouse(ui);
	switch (act) {
	case ACT_UP: move_to(ui, sel - 1); break;
	case ACT_DOWN: move_to(ui, sel + 1); break;
	case ACT_PAGE_UP: move_to(ui, sel - page); break;
	case ACT_PAGE_DOWN: move_to(ui, sel + page); break;
	case ACT_TOP: move_to(ui, 0); break;
	case ACT_BOTTOM: move_to(ui, (long)guide_count(ui->guide) - 1); break;
	case ACT_OPEN: reader_open(ui, ui->home.selected, NULL, false); break;
	case ACT_QUIT: return OUT_QUIT;
	default: break;
	}
	return OUT_DONE;
}

const struct screen home_screen = {home_draw, home_key, NULL};
