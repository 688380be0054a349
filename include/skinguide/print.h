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

/** The same list for a person at a terminal `width` columns wide: ids in
 *  an aligned column, then title and summary side by side when every
 *  line fits, else the summary wrapped under the title (never cut); on a
 *  very narrow terminal each id has a line of its own.  No line is wider
 *  than `width` (at least 22) unless one word is. */
void print_list_columns(FILE *out, const struct guide *g, size_t width, bool ascii);

/** Write `text` (clean, one line) wrapped at `width` columns, every line
 *  indented by `indent` columns; no line wider than `width` unless one
 *  word is.  For --search on a terminal. */
void print_indented(FILE *out, const char *text, size_t indent, size_t width);

#endif
