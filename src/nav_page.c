/* nav_page: a list of entries below some rows of text (the home page's
 * welcome, a menu's title), scrolled as one page: the home screen, the
 * headings list and help all move this way. */
#include <stdio.h>
#include <string.h>

#include "nav_private.h"

static size_t page_rows(const struct page_shape *s)
{
	return s->head + s->count * s->entry;
}

struct page_shape page_shape(size_t view, size_t head, size_t count, size_t entry)
{
	struct page_shape s = {head, count, entry, view, false};
	if (page_rows(&s) > view && view > 1) {
		s.more = true;
		s.view = view - 1;
	}
	return s;
}

size_t page_max_top(const struct page_shape *s)
{
	size_t rows = page_rows(s);
	return rows > s->view ? rows - s->view : 0;
}

size_t page_entry_row(const struct page_shape *s, size_t i)
{
	return s->head + i * s->entry;
}

bool page_entry_visible(const struct page *p, const struct page_shape *s, size_t i)
{
	size_t r = page_entry_row(s, i);
	return r >= p->top && r + s->entry <= p->top + s->view;
}

void page_clamp(struct page *p, const struct page_shape *s)
{
	if (s->count && p->selected >= s->count)
		p->selected = s->count - 1;
	if (p->top > page_max_top(s))
		p->top = page_max_top(s);
}

void page_show_selected(struct page *p, const struct page_shape *s)
{
	if (!s->count)
		return;
	size_t r = page_entry_row(s, p->selected);
	if (r < p->top)
		p->top = r;
	else if (r + s->entry > p->top + s->view)
		p->top = r + s->entry > s->view ? r + s->entry - s->view : 0;
	page_clamp(p, s);
}

static void page_scroll(struct page *p, const struct page_shape *s, long by)
{
	long top = (long)p->top + by;
	p->top = top < 0 ? 0 : (size_t)top;
	page_clamp(p, s);
}

/* The first entry wholly on screen, after a page turn. */
static void page_select_shown(struct page *p, const struct page_shape *s)
{
	for (size_t i = 0; i < s->count; i++)
		if (page_entry_visible(p, s, i)) {
			p->selected = i;
			return;
		}
}

void page_step(struct page *p, const struct page_shape *s, int dir)
{
	if (!s->count || !page_entry_visible(p, s, p->selected)) {
		/* The choice is off screen: bring it closer, a page at most, so
		 * that no text between here and there goes unseen. */
		size_t row = s->count ? page_entry_row(s, p->selected) : 0;
		long most = s->view > 1 ? (long)s->view - 1 : 1, by = dir;
		if (s->count && dir > 0 && row + s->entry > p->top + s->view)
			by = (long)(row + s->entry - p->top - s->view);
		else if (s->count && dir < 0 && row < p->top)
			by = -(long)(p->top - row);
		page_scroll(p, s, by > most ? most : by < -most ? -most : by);
		return;
	}
	if (dir > 0 && p->selected + 1 < s->count)
		p->selected++;
	else if (dir < 0 && p->selected > 0)
		p->selected--;
	else
		page_scroll(p, s, dir); /* past the first entry: the text above */
	page_show_selected(p, s);
}

static void page_turn(struct page *p, const struct page_shape *s, int dir)
{
	size_t before = p->top;
	page_scroll(p, s, dir * (long)s->view);
	if (p->top == before && s->count)
		p->selected = dir > 0 ? s->count - 1 : 0;
	else
		page_select_shown(p, s);
	page_show_selected(p, s);
}

bool page_move(struct page *p, const struct page_shape *s, enum nav_action a)
{
	switch (a) {
	case NAV_UP: case NAV_LINE_UP: case NAV_WHEEL_UP: page_step(p, s, -1); return true;
	case NAV_DOWN: case NAV_LINE_DOWN: case NAV_WHEEL_DOWN: page_step(p, s, 1); return true;
	case NAV_PAGE_UP: page_turn(p, s, -1); return true;
	case NAV_PAGE_DOWN: case NAV_READ_ON: page_turn(p, s, 1); return true;
	case NAV_TOP:
		p->top = 0;
		p->selected = 0;
		return true;
	case NAV_BOTTOM:
		p->selected = s->count ? s->count - 1 : 0;
		p->top = page_max_top(s);
		return true;
	default:
		return false;
	}
}

/* Entries wholly above and below the screen. */
static void page_off_screen(const struct page *p, const struct page_shape *s, size_t *above,
			    size_t *below)
{
	*above = *below = 0;
	size_t rows = page_rows(s);
	if (!s->count) { /* text only: count its rows */
		*above = p->top;
		*below = rows > p->top + s->view ? rows - p->top - s->view : 0;
		return;
	}
	size_t first = p->top > s->head ? (p->top - s->head + s->entry - 1) / s->entry : 0;
	size_t end = p->top + s->view;
	size_t last = end > s->head ? (end - s->head) / s->entry : 0; /* entries before */
	*above = first < s->count ? first : s->count;
	*below = last < s->count ? s->count - last : 0;
}

void page_tap_more(struct page *p, const struct page_shape *s, size_t col, size_t width)
{
	page_turn(p, s, col < width / 3 && p->top > 0 ? -1 : 1);
}

void page_more_row(const struct nav *n, const struct page *p, const struct page_shape *s,
		   const char *what, size_t others, struct nav_row *row)
{
	size_t above, below;
	page_off_screen(p, s, &above, &below);
	/* The last `others` entries are not `what` (search and the quiz
	 * after the topics): counted, they would be called topics. */
	size_t other_below = below < others ? below : others;
	bool more_below = below > 0;
	below -= other_below;
	const char *up = nav_glyph(n, "↑", "^"), *down = nav_glyph(n, "↓", "v");
	char *b = row->buf;
	size_t size = sizeof row->buf;
	int k = 0;
	if (above)
		k = snprintf(b, size, "%s %zu more %s%s above   ", up, above, what,
			     above == 1 ? "" : "s");
	else if (p->top > 0)
		k = snprintf(b, size, "%s more above   ", up);
	if (below && k >= 0 && (size_t)k < size)
		snprintf(b + k, size - (size_t)k, "%s %zu more %s%s below", down, below, what,
			 below == 1 ? "" : "s");
	else if (more_below && k >= 0 && (size_t)k < size)
		snprintf(b + k, size - (size_t)k, "%s more below", down);
	if (text_width(b, strlen(b)) > n->width) { /* the short form says it all */
		k = 0;
		if (above || p->top > 0)
			k = snprintf(b, size, "%s %zu above  ", up, above);
		if (more_below)
			snprintf(b + k, size - (size_t)k, "%s %zu below", down, below + other_below);
	}
	row->kind = NAV_ROW_MORE;
	row->text = b;
	row->len = strlen(b);
}
