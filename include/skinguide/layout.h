/* layout: a cmark document turned into wrapped, styled lines for one width.
 *
 * The interactive reader copies these lines to the screen, --print writes
 * them as text, and a resize is layout_new() again at the new width.  The
 * text of every line is valid UTF-8 with no control characters: content
 * can never send a raw byte to a terminal through a layout. */
#ifndef SKINGUIDE_LAYOUT_H
#define SKINGUIDE_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include <cmark.h>

/* Lines are never wider than this, however wide the window: long lines
 * are hard to read. */
#define LAYOUT_MAX_WIDTH 76
#define LAYOUT_MIN_WIDTH 10

/* Style bits of a span; a span may carry several. */
enum {
	LAYOUT_STRONG = 1 << 0,
	LAYOUT_EMPH = 1 << 1,
	LAYOUT_CODE = 1 << 2,
	LAYOUT_LINK = 1 << 3,
	LAYOUT_H1 = 1 << 4,
	LAYOUT_H2 = 1 << 5,
	LAYOUT_H3 = 1 << 6,     /* level 3 and deeper */
	LAYOUT_CALLOUT = 1 << 7, /* inside a block quote */
	LAYOUT_BORDER = 1 << 8,  /* box edges, rules, heading underlines */
	LAYOUT_MARKER = 1 << 9,  /* list bullets and numbers */
	LAYOUT_HTML = 1 << 10    /* raw HTML, shown as plain text */
};

/** A run of one style inside a line: bytes [start, start + len). */
struct layout_span {
	size_t start;
	size_t len;
	unsigned style;
	int link; /* index into the layout's links, or -1 */
};

enum layout_kind {
	LAYOUT_LINE_TEXT,  /* words from the article */
	LAYOUT_LINE_BLANK, /* space between blocks (may hold box edges) */
	LAYOUT_LINE_DECOR  /* a border, rule or underline only */
};

struct layout_line {
	const char *text; /* NUL-terminated, valid UTF-8 */
	size_t len;       /* bytes */
	size_t width;     /* columns */
	const struct layout_span *spans; /* cover the line, in order */
	size_t nspans;
	size_t block;     /* the source block: its number in the outline */
	size_t block_pos; /* byte offset of the line in that block's text */
	enum layout_kind kind;
};

struct layout_link {
	const char *target; /* as written in the article (sanitised) */
	size_t line;        /* first line showing the link */
	size_t col;         /* its column on that line */
};

struct layout_opts {
	size_t width;   /* columns; clamped to [LAYOUT_MIN_WIDTH, LAYOUT_MAX_WIDTH] */
	bool ascii;     /* draw borders and bullets with ASCII only */
	bool show_urls; /* follow external links with " <url>" (for print) */
};

struct layout;

/** Lay out `doc` (borrowed, only read during the call).  Caller frees
 *  with layout_free(). */
struct layout *layout_new(cmark_node *doc, const struct layout_opts *opts);
void layout_free(struct layout *l);

/** The width the lines were made for, after clamping. */
size_t layout_width(const struct layout *l);

size_t layout_line_count(const struct layout *l);
/** Line `i` (borrowed, valid until layout_free). */
const struct layout_line *layout_line(const struct layout *l, size_t i);

/** Link `i`, or NULL past the end.  Borrowed, like every string in it:
 *  valid until layout_free(). */
size_t layout_link_count(const struct layout *l);
const struct layout_link *layout_link(const struct layout *l, size_t i);

/** Headings: heading `i` is heading `i` of the document's outline (which
 *  has its text and anchor), and line numbers of blocks are the outline's
 *  block numbers.  The line of heading `i`'s text, or (size_t)-1 past the
 *  end. */
size_t layout_heading_count(const struct layout *l);
size_t layout_heading_line(const struct layout *l, size_t i);

/** Index of the last heading on or above line `line` (the section being
 *  read), or -1 when the first heading is below it. */
long layout_heading_at(const struct layout *l, size_t line);

/** The line where (block, pos) now is: the last line starting at or before
 *  that place.  Keeps the reader on the same paragraph across a resize. */
size_t layout_find_block(const struct layout *l, size_t block, size_t pos);

/** The link shown at column `col` of line `line`, or -1. */
long layout_link_at(const struct layout *l, size_t line, size_t col);

#endif
