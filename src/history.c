/* history: a stack of places and the rules for finding them again. */
#include "skinguide/history.h"

#include <stdlib.h>
#include <string.h>

#include "skinguide/buf.h"

struct place history_place(const struct layout *l, size_t article, size_t top, long link)
{
	const struct layout_line *ln = layout_line(l, top);
	return (struct place){.article = article, .block = ln ? ln->block : 0,
			      .pos = ln ? ln->block_pos : 0, .top = top,
			      .width = layout_width(l), .link = link};
}

void history_find(const struct layout *l, const struct place *p, size_t *top, long *link)
{
	size_t n = layout_line_count(l);
	if (p->width == layout_width(l) && p->top < n)
		*top = p->top;
	else
		*top = layout_find_block(l, p->block, p->pos);
	/* The file may have changed since: a link it no longer has, or one
	 * that shows no text, is not chosen. */
	*link = -1;
	if (p->link >= 0 && (size_t)p->link < layout_link_count(l) &&
	    layout_link(l, (size_t)p->link)->line != (size_t)-1)
		*link = p->link;
}

void history_push(struct history *h, const struct place *p)
{
	if (h->len == HISTORY_MAX) {
		memmove(h->places, h->places + 1, (h->len - 1) * sizeof *h->places);
		h->len--;
	}
	ARRAY_GROW(h->places, h->len, h->cap);
	h->places[h->len++] = *p;
}

bool history_pop(struct history *h, struct place *p)
{
	if (h->len == 0)
		return false;
	*p = h->places[--h->len];
	return true;
}

void history_clear(struct history *h)
{
	h->len = 0;
}

void history_free(struct history *h)
{
	free(h->places);
	*h = (struct history){0};
}
