/* man: articles as roff man pages (section 7), so that clinicians can
 * type `man skinguide-aftercare`.  libcmark's man renderer does the body;
 * this module cleans the tree first and writes the page's header. */
#ifndef SKINGUIDE_MAN_H
#define SKINGUIDE_MAN_H

#include <stdbool.h>
#include <stdio.h>

#include "skinguide/content.h"

/** Write article `i` as the page skinguide-ID(7).  Its date is the
 *  article's review date ("Last reviewed: YYYY-MM-DD") when it has a
 *  valid one, else `date`.  False with `err` set when it cannot be read. */
bool man_article(FILE *out, struct guide *g, size_t i, const char *date,
		 const char *version, struct sg_error *err);

/** Write skinguide(7): the guide's title, welcome and every article with
 *  its summary and page name. */
void man_index(FILE *out, const struct guide *g, const char *date, const char *version);

/** Append `s` to `out` as roff text safe on a line of its own or inside a
 *  quoted macro argument: no control characters, backslashes and quotes
 *  escaped, a leading '.' or '\'' defused. */
void man_escape(struct buf *out, const char *s);

#endif
