/* doc: the glue to libcmark that every module shares: one set of parser
 * options and the plain text of a node. */
#ifndef SKINGUIDE_DOC_H
#define SKINGUIDE_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include <cmark.h>

#include "skinguide/buf.h"

/** Parser options: invalid UTF-8 becomes U+FFFD, raw HTML is kept in the
 *  tree (layout shows it as text, never as markup). */
#define DOC_OPTIONS (CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_UNSAFE)

/** Parse `n` bytes of CommonMark.  Caller frees with cmark_node_free(). */
cmark_node *doc_parse(const char *s, size_t n);

/** Append the plain, sanitised text of `node`'s inline content to `out`
 *  on one line: breaks become spaces, markup and HTML are dropped,
 *  images give their alt text. */
void doc_plain_text(cmark_node *node, struct buf *out);

/** True when `url` starts with a scheme ("https:", "mailto:") or "//":
 *  an address outside the guide, never opened. */
bool doc_url_is_external(const char *url);

#endif
