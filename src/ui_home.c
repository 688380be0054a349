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
/* The welcome gives way before fewer than this many topics would show. */
#define MIN_ITEMS 2

/* The welcome wrapped to the text column; *all is how many lines it needs,
 * the return value how many fit above MIN_ITEMS topics. */
static size_t welcome_lines(const struct ui *ui, struct text_line **lines, size_t *all)
{
	const char *w = guide_welcome(ui->guide);
	size_t n = text_wrap(w, strlen(w), (size_t)ui_text_width(ui), lines);
	if (n == 1 && (*lines)[0].end == 0)
		n = 0;
	*all = n;
	int room = ui->rows - 3 - MIN_ITEMS * ITEM_ROWS - 1;
	size_t max = room > 1 ? (size_t)room : 1;
	return n < max ? n : max;
}

/* First row of the topic list, below the title and the welcome. */
static int list_row(const struct ui *ui)
{
	struct text_line *lines;
	size_t all, n = welcome_lines(ui, &lines, &all);
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

/* Keep the choice on screen, and the screen full after a resize. */
static void keep_selected_visible(struct ui *ui)
{
	struct home *h = &ui->home;
	size_t n = visible_items(ui), count = guide_count(ui->guide);
	if (h->top + n > count)
		h->top = count > n ? count - n : 0;
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
	size_t all, n = welcome_lines(ui, &lines, &all);
	const char *w = guide_welcome(ui->guide);
	for (size_t i = 0; i < n; i++) {
		size_t len = lines[i].end - lines[i].start;
		/* A welcome cut short says so with "…" rather than stopping dead:
		 * a full line is shortened (ui_draw_text adds the mark), a
		 * shorter one gets it after its last word. */
		bool cut = i + 1 == n && n < all;
		bool full = (int)lines[i].width >= width;
		ui_draw_text(ui, 1 + (int)i, x, w + lines[i].start, len,
			     cut && full ? width - 1 : width, A_NORMAL);
		if (cut && !full)
			addstr(ui_glyph(ui, "…", ">"));
	}
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
	ui_draw_text(ui, y + 1, x + nw, a->summary, strlen(a->summary), width - nw, A_DIM);
}

static void home_draw(struct ui *ui)
{
	int x = ui_margin(ui), width = ui_text_width(ui);
	draw_header(ui, x, width);
	keep_selected_visible(ui);
	size_t count = guide_count(ui->guide), n = visible_items(ui), top = ui->home.top;
	int y = list_row(ui);
	for (size_t i = top; i < count && i < top + n; i++, y += ITEM_ROWS)
		draw_item(ui, i, y, x, width);
	size_t below = count > top + n ? count - top - n : 0;
	ui_draw_more(ui, ui->rows - 2, top, below, "topics");
	char where[64];
	snprintf(where, sizeof where, "Topic %zu of %zu", ui->home.selected + 1, count);
	static const struct hint hints[] = {
		{"Arrows choose", 0}, {"Enter opens", '\r'}, {"? help", '?'}, {"q quit", 'q'},
	};
	ui_draw_status(ui, where, NULL, hints, sizeof hints / sizeof *hints);
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
		ui_set_delay(ui, -1);
		reader_open(ui, h->selected, NULL, false);
		return;
	}
	h->typed = typed;
	ui_set_delay(ui, DIGIT_WAIT_MS);
}

void home_number_done(struct ui *ui)
{
	ui->home.typed = 0;
	ui_set_delay(ui, -1);
	reader_open(ui, ui->home.selected, NULL, false);
}

static enum outcome home_mouse(struct ui *ui)
{
	const MEVENT *ev = &ui->mouse;
	long page = (long)visible_items(ui);
	size_t first = ui->home.top;
	if (ev->bstate & BUTTON4_PRESSED) {
		move_to(ui, (long)ui->home.selected - 1);
	} else if (ev->bstate & BUTTON5_PRESSED) {
		move_to(ui, (long)ui->home.selected + 1);
	} else if (ev->y == ui->rows - 2 && page < (long)guide_count(ui->guide)) {
		/* A tap on "↑ more above / ↓ more below" turns the page. */
		bool up = first > 0 && (first + (size_t)page >= guide_count(ui->guide) ||
					ev->x < ui_margin(ui) + ui_text_width(ui) / 3);
		move_to(ui, up ? (long)first - 1 : (long)(first + (size_t)page));
	} else if (ev->y >= list_row(ui) && ev->y < ui->rows - 1) {
		size_t i = first + (size_t)(ev->y - list_row(ui)) / ITEM_ROWS;
		if (i < guide_count(ui->guide) && i < first + (size_t)page) {
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
		ui_set_delay(ui, -1);
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
