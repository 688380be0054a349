/* print: the non-interactive outputs, built from the same modules as the
 * reader.  Nothing printed here can carry a control byte from content. */
#ifndef SKINGUIDE_PRINT_H
#define SKINGUIDE_PRINT_H

#include <stdbool.h>
#include <stdio.h>

#include "skinguide/content.h"
#include "skinguide/layout.h"

/** Write every line of `l` as plain text, one per line. */
void print_layout(FILE *out, const struct layout *l);

/** Write article `i` of `g` laid out at `width` columns.  Returns false
 *  with `err` set when the article cannot be read. */
bool print_article(FILE *out, struct guide *g, size_t i, size_t width, bool ascii,
		   struct sg_error *err);

/** Write one line per article: id, tab, title, tab, summary; in plain
 *  ASCII when `ascii` (a locale that cannot show UTF-8). */
void print_list(FILE *out, const struct guide *g, bool ascii);

#endif
