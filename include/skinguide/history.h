/* history: where the reader has been, so that Back returns to the same
 * place, even after a resize or a change of the article's file. */
#ifndef SKINGUIDE_HISTORY_H
#define SKINGUIDE_HISTORY_H

#include <stdbool.h>
#include <stddef.h>

#include "skinguide/layout.h"

/* Steps kept; older ones are forgotten, so a long visit stays small. */
#define HISTORY_MAX 200

/* A place to come back to: a list's choice, or a place in an article. */
struct place {
	int screen;     /* the screen, in the navigator's numbering */
	size_t item;    /* a list's chosen item and first row shown */
	size_t item_top;
	size_t article;
	size_t block;   /* the top line's paragraph and offset: good at any width */
	size_t pos;
	size_t top;     /* the exact top line: good while the width is the same */
	size_t width;
	long link;      /* the chosen link, or -1 */
};

/* A stack of places; {0} is an empty history. */
struct history {
	struct place *places;
	size_t len, cap;
};

/** The place of line `top` (and link `link`) in article `article`, laid
 *  out as `l` (borrowed). */
struct place history_place(const struct layout *l, size_t article, size_t top, long link);

/** Where `p` is in the layout `l`, which may be of another width or of
 *  an edited file: *top is a line of `l`, and *link a link of `l` that
 *  shows, or -1. */
void history_find(const struct layout *l, const struct place *p, size_t *top, long *link);

/** Push `p`; past HISTORY_MAX places the oldest is forgotten. */
void history_push(struct history *h, const struct place *p);
/** Take the last place off into *p; false when there is none. */
bool history_pop(struct history *h, struct place *p);
void history_clear(struct history *h);
/** Free the memory; the history is empty again. */
void history_free(struct history *h);

#endif
