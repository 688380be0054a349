/* search: the topics and sections that answer a patient's words.
 *
 * An SQLite FTS5 index in memory (never a file), built from each
 * article's outline: one row per block (the title, each heading, each
 * block's text) that knows its article and its section, and one row per
 * article for ranking.  Words go through fold.h (case and accents
 * folded, stemmed for the guide's language) in a tokenizer registered
 * with FTS5, so the index, the query and search_matcher_find() agree.
 * The Sources section of an article is not searched.
 *
 * A query: each word the patient typed, once, folded and quoted before
 * it reaches FTS5, so no input is ever query syntax; question words
 * listed after "Skip:" in the synonyms file are dropped (unless nothing
 * else is left); the last word is also matched as a prefix while it is
 * being typed (when the query does not end in a space or punctuation);
 * words in a synonyms group (content/synonyms.md, see
 * skinguide-content(5)) match each other, multi-word ones included; a
 * word of SEARCH_MIN_TYPO letters or more that matches nothing is
 * corrected against the index's vocabulary (one letter added, dropped,
 * changed, or two swapped), and the results say so.
 *
 * Ranking: articles holding every word first, then articles holding
 * some; within each group by bm25 over title, headings and body (weights
 * SEARCH_WEIGHT_*), ties in article order.  A lone first letter lists
 * the articles with a word that starts with it in guide order.  Each
 * article gives up to `per_article` hits, one per section: most words,
 * then most words in its heading, then most matches, then first.
 *
 * A search holds no patient's words: each query lives in the results or
 * matcher the caller frees, so a front end that frees those forgets the
 * visit (the index, made of the content only, may be kept).
 *
 * The index is built when it is first needed: on the first query for a
 * small guide (a few milliseconds for the shipped one); for a large
 * guide, search_start() builds it in a thread of its own that reads the
 * files itself (never the guide's tree cache) and never touches the
 * terminal, while queries search what is indexed so far and say so.
 *
 * Threads: call every function of one search from one thread (the
 * front end's); the index thread is internal.  A matcher may be used
 * from any one thread. */
#ifndef SKINGUIDE_SEARCH_H
#define SKINGUIDE_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "skinguide/error.h"

struct guide;

/* The content file of synonyms and settings, in the content directory. */
#define SEARCH_SYNONYMS_FILE "synonyms.md"
/* Words of a query that are searched; later ones are ignored. */
#define SEARCH_MAX_WORDS 12
/* Letters a word needs before one typo in it is forgiven. */
#define SEARCH_MIN_TYPO 5
/* Words in one synonym. */
#define SEARCH_MAX_PHRASE 4
/* bm25 weights of the title, the headings and the body. */
#define SEARCH_WEIGHT_TITLE 10.0
#define SEARCH_WEIGHT_HEADING 8.0
#define SEARCH_WEIGHT_BODY 1.0

struct search_opts {
	const char *language;   /* stemmer language; NULL: the content's (the
				 * "Language:" line of synonyms.md), else english */
	size_t max_hits;        /* hits at most; 0: 50 */
	size_t per_article;     /* hits (sections) per article at most; 0: 3 */
	size_t snippet_columns; /* a snippet's width at most; 0: 70 */
	size_t thread_from;     /* search_start() uses a thread for guides of at
				 * least this many articles; 0: 100 */
};

/* Bytes [start, end) of a matched word or phrase. */
struct search_mark {
	size_t start, end;
};

/* One section of one article that matched.  Every string is valid UTF-8
 * without control characters, owned by the results. */
struct search_hit {
	size_t article;       /* index in the guide */
	long heading;         /* the outline heading of the section, or -1 for
			       * the top of the article (above its first
			       * heading below the title) */
	const char *anchor;   /* that heading's anchor, or NULL */
	const char *title;    /* the article's title */
	const char *section;  /* the heading's text, or NULL */
	const char *snippet;  /* one line, at most snippet_columns wide, "..."
			       * where it was cut */
	size_t snippet_len;
	const struct search_mark *marks; /* in the snippet, in order */
	size_t nmarks;
	bool all_words;       /* the article holds every word of the query */
};

struct search_results {
	const struct search_hit *hits; /* best first */
	size_t count;
	size_t words;          /* words searched; 0 when the query held none */
	const char *corrected; /* the query searched instead of the one typed,
				* for "Showing results for ...", or NULL */
	bool partial;          /* the index was still being built */
	size_t indexed, total; /* articles indexed then, of all */
	bool failed;           /* the engine failed (for tests and logs; a
				* patient sees "no results") */
};

struct search;

/** A search over `g` (borrowed during the call only: what the index
 *  needs is copied).  Reads the synonyms file; builds no index yet.
 *  `opts` may be NULL.  NULL with `err` filled only when SQLite cannot
 *  give an in-memory FTS5 database or the language has no stemmer.
 *  Caller frees with search_free(). */
struct search *search_new(const struct guide *g, const struct search_opts *opts,
			  struct sg_error *err);
/** Stop the index thread, if any, and free everything; NULL is fine. */
void search_free(struct search *s);

/** Start building the index in a background thread when the guide has at
 *  least `thread_from` articles and the index is not built yet.  True
 *  when a thread is building it; false for a small guide (the first
 *  query builds it) or when no thread could be started. */
bool search_start(struct search *s);

/** Articles indexed so far and in all; true when the index is complete. */
bool search_progress(struct search *s, size_t *indexed, size_t *total);

/** Search for the `len` bytes of `query` (any bytes).  Builds what is
 *  left of the index first, unless a thread is building it.  Never NULL;
 *  caller frees with search_results_free(). */
struct search_results *search_query(struct search *s, const char *query, size_t len);
/** Free results and everything in them; NULL is fine. */
void search_results_free(struct search_results *r);

/** The stemmer language in use ("english"); borrowed until search_free. */
const char *search_language(const struct search *s);

/* ---- finding the words in a text, with no index ------------------------ */

struct search_matcher;

/** A matcher for `query` with the synonyms and language of `s`
 *  (borrowed during the call only).  Needs no index.  Caller frees with
 *  search_matcher_free(). */
struct search_matcher *search_matcher_new(const struct search *s, const char *query,
					  size_t len);
/** Free the matcher; NULL is fine. */
void search_matcher_free(struct search_matcher *m);

/** Words searched by the matcher (0: the query held none). */
size_t search_matcher_words(const struct search_matcher *m);

/** Find the query's words (each one, folded, stemmed, with its synonyms;
 *  the last as a prefix as in search_query) in the `len` bytes of
 *  `text`.  Stores at most `max` marks in `marks`, in order, and returns
 *  how many there are in all. */
size_t search_matcher_find(struct search_matcher *m, const char *text, size_t len,
			   struct search_mark *marks, size_t max);

/* ---- the synonyms file, for --check ------------------------------------ */

/** Check the `n` bytes of a synonyms file, appending every problem to
 *  `d` in line order. */
void search_synonyms_check(const char *src, size_t n, struct diags *d);

/** The words synonyms.md's "Suggest:" line names, as written, for a
 *  search screen to offer before anything is typed; `*n` of them (0 and
 *  NULL when there is none, or `s` is NULL).  Borrowed from `s`. */
const char *const *search_suggestions(const struct search *s, size_t *n);

#endif
