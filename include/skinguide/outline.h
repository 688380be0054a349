/* outline: what a document is made of, at no particular width.
 *
 * Its leaf blocks in reading order, numbered as layout numbers them, with
 * the plain text of each; its headings with their unique "#anchor" slugs.
 * Built once per parsed document (the guide caches it beside the tree),
 * and shared by layout, the checker, the navigator and search, so that
 * none of them lays out a whole article just to find a heading. */
#ifndef SKINGUIDE_OUTLINE_H
#define SKINGUIDE_OUTLINE_H

#include <stdbool.h>
#include <stddef.h>

#include <cmark.h>

enum outline_kind {
	OUTLINE_PARAGRAPH,
	OUTLINE_HEADING,
	OUTLINE_CODE,  /* a code block */
	OUTLINE_HTML,  /* an HTML block that is shown (as text) */
	OUTLINE_RULE   /* a thematic break: no text */
};

struct outline_block {
	enum outline_kind kind;
	const char *text; /* plain text on one line, sanitised; "" for a rule */
	long section;     /* the heading this block is under (a heading is
			   * its own section), or -1 before the first heading */
	int line;         /* line of the block in the source, from 1 */
};

struct outline_heading {
	const char *text;   /* plain text, sanitised */
	const char *anchor; /* slug for "#anchor" links, unique in the document */
	int level;
	size_t block;       /* the heading's own block */
	int line;
};

struct outline;

/** The outline of `doc` (borrowed, only read during the call).  Caller
 *  frees with outline_free(). */
struct outline *outline_new(cmark_node *doc);
/** Free the outline; NULL is fine. */
void outline_free(struct outline *o);

/** Whether `node` is a leaf block that the outline and layout number: a
 *  paragraph, heading, code block, thematic break, or an HTML block other
 *  than a comment.  The one rule both modules follow. */
bool outline_counts(cmark_node *node);

/** Blocks and headings; NULL past the end.  Borrowed, like every string in
 *  them: valid until outline_free(). */
size_t outline_block_count(const struct outline *o);
const struct outline_block *outline_block(const struct outline *o, size_t i);
size_t outline_heading_count(const struct outline *o);
const struct outline_heading *outline_heading(const struct outline *o, size_t i);

/** Index of the heading whose anchor is `anchor`, or -1.  Constant time. */
long outline_find_anchor(const struct outline *o, const char *anchor);

#endif
