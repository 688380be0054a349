/* content: the guide's articles, loaded from a directory of NN-id.md files.
 *
 * Opening a guide reads only what the home screen needs (each article's
 * title and summary, found by parsing the head of the file); an article's
 * full tree is parsed when it is first asked for and a few trees are kept
 * in a small cache.  So start-up and memory follow what the reader does,
 * not the size of the guide. */
#ifndef SKINGUIDE_CONTENT_H
#define SKINGUIDE_CONTENT_H

#include <stdbool.h>
#include <stddef.h>

#include <cmark.h>

#include "skinguide/buf.h"
#include "skinguide/error.h"

struct article {
	char *id;       /* "aftercare" from "08-aftercare.md" */
	char *path;     /* directory + file name, for messages */
	char *title;    /* plain text of the first level-1 heading */
	char *summary;  /* plain text of the first paragraph after it; may be "" */
	int title_line; /* line of the title in the file */
	/* Bit-fields keep the struct at 40 bytes: a guide of 10,000 articles
	 * holds 10,000 of them from its first frame. */
	unsigned number : 20; /* 8 from "08-aftercare.md": orders the menu
			       * (six digits at most, GUIDE_ID_RULE) */
	bool head_read : 1;   /* title and summary are known */
	bool broken : 1;      /* its head turned out unreadable or untitled after
			       * the guide was opened: the title is its id, the
			       * summary says it cannot be shown */
};

/* guide_open_readable() reads every head at once up to this many
 * articles; a larger guide reads each when it is first asked for, so
 * that its first screen does not wait for the rest. */
#define GUIDE_EAGER_HEADS 500

struct guide;

/** Open the content directory `dir`.  Returns NULL and fills `err` when the
 *  directory is missing or unreadable, holds no NN-id.md article, two
 *  articles share an id, or an article has no level-1 heading.  Caller
 *  frees with guide_free(). */
struct guide *guide_open(const char *dir, struct sg_error *err);

/** Open `dir` as guide_open() does, but leave out every article that
 *  cannot be shown (no title, an id an earlier article already has, a
 *  file that cannot be read) rather than fail: one broken file must not
 *  keep a waiting room from the rest.  Past GUIDE_EAGER_HEADS articles,
 *  heads are read when guide_article() first asks for them, and one found
 *  broken then stays, marked `broken`.  guide_left_out() says why each was
 *  left out.  Fails, with `err` set, only when the directory cannot be
 *  read, index.md cannot be read, or no article is left.  Caller frees
 *  with guide_free(). */
struct guide *guide_open_readable(const char *dir, struct sg_error *err);

/** Articles guide_open_readable() left out, and why: "file:line: error:
 *  ..." as --check says it.  Borrowed until guide_free(); NULL past the
 *  end. */
size_t guide_left_out_count(const struct guide *g);
const char *guide_left_out(const struct guide *g, size_t i);
/** Why the article `name` (an id or a file name, as guide_lookup() takes
 *  them) was left out, or NULL when it was not.  Borrowed likewise. */
const char *guide_left_out_why(const struct guide *g, const char *name);

/** The id that `name` most likely meant ("warning-sign.md" or "warning-sign"
 *  for warning-signs): within two edits of the id `name` gives, as an id or
 *  as a link's file name, or NULL.  Borrowed from the guide. */
const char *guide_nearest_id(const struct guide *g, const char *name);

/** Why guide_open_readable() could not read index.md and showed a plain
 *  welcome instead ("file: cannot read: ..."), or NULL.  Borrowed until
 *  guide_free(). */
const char *guide_index_problem(const struct guide *g);

/** Add `text` (plain words, copied) as a boxed paragraph at the end of
 *  the home page's text, for notes such as "2 topics were left out".
 *  Call before any front end lays out the home page. */
void guide_add_notice(struct guide *g, const char *text);

/** Open `dir` reading file names only, as the checker does: articles get
 *  no title or summary (NULL), and two articles may share an id.  Fails
 *  only when the directory cannot be read or holds no article.  Caller
 *  frees with guide_free(). */
struct guide *guide_scan(const char *dir, struct sg_error *err);

/** Free the guide and every cached tree; NULL is fine. */
void guide_free(struct guide *g);

/** The directory the guide was opened from (borrowed). */
const char *guide_dir(const struct guide *g);

/** Title and welcome line for the home screen, from index.md when the
 *  directory has one, else neutral defaults (borrowed). */
const char *guide_title(const struct guide *g);
const char *guide_welcome(const struct guide *g);

/** Number of articles, and article `i` in menu order (borrowed). */
size_t guide_count(const struct guide *g);
const struct article *guide_article(const struct guide *g, size_t i);

/** Index of the article with this id, or -1. */
long guide_find(const struct guide *g, const char *id);

/** Index of the article a person names on the command line, or -1: its
 *  id ("aftercare") or any form a link accepts, with or without ".md"
 *  ("aftercare.md", "08-aftercare", "08-aftercare.md"); no "#fragment". */
long guide_lookup(const struct guide *g, const char *name);

/** The parsed tree of article `i`.  Borrowed: valid until the guide is
 *  asked for another article's tree (a few stay cached, up to
 *  GUIDE_CACHE_SIZE trees and GUIDE_CACHE_BYTES of their sources), or
 *  freed.  NULL with `err` filled when the file can no longer be read. */
#define GUIDE_CACHE_SIZE 8
#define GUIDE_CACHE_BYTES (2u << 20)
cmark_node *guide_document(struct guide *g, size_t i, struct sg_error *err);

/** The outline of article `i`'s tree, made on first use and kept beside
 *  the tree: borrowed, valid as long as guide_document() says the tree
 *  is.  NULL with `err` filled when the file can no longer be read. */
struct outline;
const struct outline *guide_outline(struct guide *g, size_t i, struct sg_error *err);

/** The words of the heading of article `i` whose anchor is `anchor`, or
 *  NULL (no such heading, or the file cannot be read).  Borrowed like
 *  guide_outline(): for describing a link, not for keeping. */
const char *guide_section_title(struct guide *g, size_t i, const char *anchor);

/** The home page's text: index.md's tree, or a neutral default when the
 *  directory has none (never NULL for an opened guide; NULL for a
 *  scanned one).  Borrowed until guide_free(). */
cmark_node *guide_index(const struct guide *g);

/** The clinic's own details from clinic.md (see clinic.h), or NULL when
 *  the folder has none (or it cannot be read).  Read clinic_get(g's
 *  clinic, CLINIC_PHONE) and the like; NULL is fine there.  Borrowed
 *  until guide_free(); a scanned guide has none.  Every tree the guide
 *  gives (articles, the home page) has its clinic: links filled in. */
struct clinic;
const struct clinic *guide_clinic(const struct guide *g);

/** Articles whose head (title, summary) has been read (for tests). */
size_t guide_heads_read(const struct guide *g);

/** Number of trees parsed so far (for tests and benchmarks). */
size_t guide_parse_count(const struct guide *g);

enum guide_link {
	GUIDE_LINK_ARTICLE,  /* another article, maybe with a #fragment */
	GUIDE_LINK_ANCHOR,   /* "#fragment": a heading in the same article */
	GUIDE_LINK_EXTERNAL, /* a URL with a scheme: shown, never opened */
	GUIDE_LINK_BROKEN    /* a relative link no article answers to */
};

/** Work out where the link target `target` leads.  For an article link
 *  *article is its index; *fragment points into `target` after '#', or is
 *  NULL. */
enum guide_link guide_resolve(const struct guide *g, const char *target,
			      size_t *article, const char **fragment);

/** Read all of the file `path` into `out` (emptied first).  False with
 *  `err` set when it cannot be read or is unreasonably large. */
bool guide_read_file(const char *path, struct buf *out, struct sg_error *err);

/* The one rule for an article's file name, in the words every message
 * and skinguide-content(5) use. */
#define GUIDE_ID_RULE "a number of 1 to 6 digits, '-', then an id of lower-case " \
	"letters a-z, digits and '-' that starts with a letter or digit, then .md"

/* The review-date convention: an article's last paragraph says when it
 * was last read against the facts, "Last reviewed: 2026-11-30". */
#define GUIDE_REVIEWED "Last reviewed:"

/** The review paragraph of `doc`: its last top-level block, when that is
 *  a paragraph whose text starts with GUIDE_REVIEWED; else NULL.  The
 *  text after the label, trimmed, goes to `date` (emptied first).  The
 *  node is borrowed from `doc`. */
cmark_node *guide_review(cmark_node *doc, struct buf *date);

/** True when `s` is a calendar date written YYYY-MM-DD (2026-02-30 is
 *  not); its parts go to *year, *month and *day. */
bool guide_parse_date(const char *s, int *year, int *month, int *day);

/** Split a file name "NN-id.md" into its number and id (id copied into
 *  `id`, at most `idsize` bytes).  False when the name does not follow
 *  GUIDE_ID_RULE. */
bool guide_parse_filename(const char *name, unsigned *number, char *id, size_t idsize);

#endif
