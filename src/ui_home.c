/* ui_home: the list of topics.
 *
 * The home screen is one page that scrolls: the title, the welcome lines,
 * then two rows for each topic.  Nothing the clinic wrote there (an
 * emergency line, say) is ever cut off for want of room: it scrolls. */
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

struct page {
	struct text_line *welcome; /* the welcome, wrapped */
	size_t nwelcome;
	size_t first_item_row;     /* page row of topic 0 */
	size_t rows;               /* page rows in all */
	size_t view;               /* page rows on screen */
};

static void page_make(const struct ui *ui, struct page *p)
{
	const char *w = guide_welcome(ui->guide);
	p->nwelcome = text_wrap(w, strlen(w), (size_t)ui_text_width(ui), &p->welcome);
	if (p->nwelcome == 1 && p->welcome[0].end == 0)
		p->nwelcome = 0;
	p->first_item_row = 1 + p->nwelcome + 1;
	p->rows = p->first_item_row + guide_count(ui->guide) * ITEM_ROWS;
	size_t screen = (size_t)ui->rows - 1;
	/* When the page does not fit, one row says what is off screen. */
	p->view = p->rows > screen ? screen - 1 : screen;
}

static size_t item_row(const struct page *p, size_t i)
{
	return p->first_item_row + i * ITEM_ROWS;
}

/* Keep the chosen topic on screen; the first topic brings the welcome
 * back into view. */
static void keep_selected_visible(struct ui *ui, const struct page *p)
{
	struct home *h = &ui->home;
	size_t a = item_row(p, h->selected), max = p->rows > p->view ? p->rows - p->view : 0;
	if (h->selected == 0)
		h->top = a + ITEM_ROWS > p->view ? a + ITEM_ROWS - p->view : 0;
	else if (a < h->top)
		h->top = a;
	else if (a + ITEM_ROWS > h->top + p->view)
		h->top = a + ITEM_ROWS - p->view;
	if (h->top > max)
		h->top = max;
}

static void draw_item(struct ui *ui, size_t i, int y, int rows, int x, int width)
{
	const struct article *a = guide_article(ui->guide, i);
	bool selected = i == ui->home.selected;
	char number[32];
	int digits = snprintf(number, sizeof number, "%zu", guide_count(ui->guide));
	int nw = snprintf(number, sizeof number, "%*zu. ", digits, i + 1);
	if (selected && y >= 0) {
		attrset(A_REVERSE);
		mvhline(y, x, ' ', width);
		ui->cursor_y = y;
		ui->cursor_x = x;
	}
	int attr = selected ? A_REVERSE | A_BOLD : A_BOLD;
	if (y >= 0) {
		ui_draw_text(ui, y, x, number, (size_t)nw, width, attr);
		ui_draw_text(ui, y, x + nw, a->title, strlen(a->title), width - nw, attr);
	}
	if (y + 1 < rows)
		ui_draw_text(ui, y + 1, x + nw, a->summary, strlen(a->summary), width - nw,
			     A_DIM);
}

static void draw_page(struct ui *ui, const struct page *p)
{
	int x = ui_margin(ui), width = ui_text_width(ui), view = (int)p->view;
	long top = (long)ui->home.top;
	const char *w = guide_welcome(ui->guide);
	if (top == 0) {
		const char *title = guide_title(ui->guide);
		ui_draw_text(ui, 0, x, title, strlen(title), width, A_BOLD);
	}
	for (size_t i = 0; i < p->nwelcome; i++) {
		long y = 1 + (long)i - top;
		if (y >= 0 && y < view)
			ui_draw_text(ui, (int)y, x, w + p->welcome[i].start,
				     p->welcome[i].end - p->welcome[i].start, width, A_NORMAL);
	}
	size_t count = guide_count(ui->guide);
	for (size_t i = 0; i < count; i++) {
		long y = (long)item_row(p, i) - top;
		if (y + ITEM_ROWS <= 0)
			continue;
		if (y >= view)
			break;
		draw_item(ui, i, (int)y, view, x, width);
	}
}

/* Topics wholly above and below the screen. */
static void off_screen(const struct ui *ui, const struct page *p, size_t *above, size_t *below)
{
	size_t count = guide_count(ui->guide), top = ui->home.top;
	*above = *below = 0;
	for (size_t i = 0; i < count; i++) {
		if (item_row(p, i) + ITEM_ROWS <= top)
			(*above)++;
		else if (item_row(p, i) >= top + p->view)
			(*below)++;
	}
}

static void home_draw(struct ui *ui)
{
	struct page p;
	page_make(ui, &p);
	keep_selected_visible(ui, &p);
	draw_page(ui, &p);
	size_t above, below;
	off_screen(ui, &p, &above, &below);
	ui_draw_more(ui, (int)p.view, above, below, "topic");
	free(p.welcome);
	char where[64];
	snprintf(where, sizeof where, "Topic %zu of %zu", ui->home.selected + 1,
		 guide_count(ui->guide));
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

/* Topics a page holds, for PgUp and PgDn. */
static long page_items(const struct ui *ui)
{
	long n = (ui->rows - 2) / ITEM_ROWS;
	return n > 1 ? n : 1;
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
	struct page p;
	page_make(ui, &p);
	free(p.welcome);
	long sel = (long)ui->home.selected;
	if (ev->bstate & BUTTON4_PRESSED) {
		move_to(ui, sel - 1);
	} else if (ev->bstate & BUTTON5_PRESSED) {
		move_to(ui, sel + 1);
	} else if (ev->y == (int)p.view) {
		/* A tap on "↑ more above / ↓ more below" turns the page. */
		bool up = ev->x < ui_margin(ui) + ui_text_width(ui) / 3 && ui->home.top > 0;
		move_to(ui, sel + (up ? -page_items(ui) : page_items(ui)));
	} else if (ev->y < (int)p.view) {
		size_t row = ui->home.top + (size_t)ev->y;
		if (row >= p.first_item_row) {
			size_t i = (row - p.first_item_row) / ITEM_ROWS;
			if (i < guide_count(ui->guide)) {
				ui->home.selected = i;
				reader_open(ui, i, NULL, false);
			}
		}
	}
	return OUT_DONE;
}

static enum outcome home_key(struct ui *ui, int key, enum action act)
{
	long sel = (long)ui->home.selected, page = page_items(ui);
	if (key >= '0' && key <= '9') {
		type_digit(ui, key - '0');
		return OUT_DONE;
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
