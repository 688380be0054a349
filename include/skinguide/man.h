/* man: articles as roff man pages (section 7), so that clinicians can
 * type `man skinguide-aftercare`.  libcmark's man renderer does the body;
 * this module cleans the tree first and writes the page's header. */
#ifndef SKINGUIDE_MAN_H
#define SKINGUIDE_MAN_H

#include <stdbool.h>
#include <stdio.h>

#include <cmark.h>

#include "skinguide/content.h"

/** Write article `i` as the page skinguide-ID(7).  Its date is the
 *  article's review date ("Last reviewed: YYYY-MM-DD") when it has a
 *  valid one, else `date`.  False with `err` set when it cannot be read. */
bool man_article(FILE *out, struct guide *g, size_t i, const char *date,
		 const char *version, struct sg_error *err);

/** Write the tree `doc` as the page skinguide-ID(7) of the article `id`
 *  titled `title` (both borrowed; the title is escaped).  `doc` is changed
 *  on the way (cleaned, headings raised): give it a tree of its own, which
 *  the caller still frees.  Links to articles of `g` become page names; a
 *  NULL `g` keeps only web addresses.  man_article() once the file is
 *  read, apart so that a fuzz target can run it without files. */
void man_page(FILE *out, cmark_node *doc, struct guide *g, const char *id,
	      const char *title, const char *date, const char *version);

/** Write skinguide(7): the guide's title, welcome and every article with
 *  its summary and page name. */
void man_index(FILE *out, const struct guide *g, const char *date, const char *version);

/** Append `s` to `out` as roff text safe on a line of its own or inside a
 *  quoted macro argument: no control characters, backslashes and quotes
 *  escaped, a leading '.' or '\'' defused. */
void man_escape(struct buf *out, const char *s);

#endif
