/* search: SQLite FTS5 in memory, fed from the outlines, queried with
 * quoted words.
 *
 *   a  an FTS5 table with our tokenizer (fold.h), one contentless row per
 *      article (title, headings, body): it finds and ranks the articles;
 *   b  a plain table, one row per block (title, heading or body text),
 *      with its kind, its section, the row of its heading and its anchor;
 *      the rows of the few articles that rank are read by rowid and
 *      matched with the same tokenizer, which gives their sections,
 *      snippets and highlights;
 *   v  an fts5vocab table over `a`: the vocabulary that typos are
 *      corrected against.
 * Why not one FTS5 row per block, ranked as such: on ten thousand
 * articles bm25 over their quarter of a million blocks takes some 70 ms
 * a keystroke, and an FTS5 query per ranked article for its sections
 * rebuilds the whole doclist of a prefix ("s*") each time; bm25 over the
 * articles takes a few milliseconds.
 *
 * The database is guarded by one mutex: the index thread takes it for a
 * batch of articles it has already read and parsed on its own, a query
 * for its whole run.  Nothing else is shared but two atomic counters. */
#include "skinguide/search.h"

#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sqlite3.h>
#include <unistr.h>

#include "skinguide/buf.h"
#include "skinguide/content.h"
#include "skinguide/doc.h"
#include "skinguide/fold.h"
#include "skinguide/outline.h"
#include "skinguide/text.h"

#define DEFAULT_MAX_HITS 50
#define DEFAULT_PER_ARTICLE 3
#define DEFAULT_SNIPPET_COLUMNS 70
#define DEFAULT_THREAD_FROM 100
/* Articles read, parsed and inserted per turn of the lock. */
#define BATCH 16
/* Alternatives (words and synonyms) in one query, to keep its FTS5
 * expression small whatever is pasted. */
#define MAX_ALTS 64
/* Terms of the vocabulary read per turn of the lock. */
#define VOCAB_SLICE 2000
/* Bytes of a block looked at for its snippet. */
#define SNIPPET_SCAN 16384
#define ELLIPSIS "..."

enum row_kind { ROW_TITLE, ROW_HEADING, ROW_BODY };

/* ---- query words and terms --------------------------------------------- */

struct qtok {
	char folded[FOLD_MAX_WORD + 1];
	char stem[FOLD_MAX_WORD + 1];
	bool prefix; /* match as the start of a word */
};

/* One way to say a term: a word, or words in a row. */
struct alt {
	struct qtok *toks;
	size_t n;
	bool redundant; /* holds a shorter alternative of its term: left out of
			 * FTS5 (it finds nothing more, and bm25 would count
			 * the words twice), kept for highlighting */
};

/* A synonyms group: alternatives that mean the same. */
struct group {
	struct alt *alts;
	size_t n;
	int line;
};

struct synonyms {
	struct group *groups;
	size_t n, cap;
	char *language; /* from "Language:", or NULL */
	char **skip;    /* folded words from "Skip:" */
	size_t nskip;
	char **suggest; /* words from "Suggest:", as written */
	size_t nsuggest;
};

/* A word of the query as typed. */
struct qword {
	struct qtok tok;
	size_t start, end; /* bytes in the query */
	bool corrected;
};

/* One thing the query asks for: a word, or a span of words that is a
 * synonym, with every way of saying it. */
struct term {
	struct alt *alts;
	size_t nalts;
	bool group;        /* from a synonyms group */
	size_t word;       /* the first word of the span */
	size_t nwords;
};

struct query {
	struct qword *words;
	size_t nwords;
	bool prefix_last;
	struct term *terms;
	size_t nterms;
	size_t nalts;      /* in all terms */
	struct buf all, any; /* FTS5 expressions: every term, some term */
};

/* ---- the search -------------------------------------------------------- */

struct article_ref {
	char *path;
	char *title;
	sqlite3_int64 lo, hi; /* rows in b; hi < lo: none */
};

struct vocab_term {
	uint32_t *cps;
	size_t n;
	char *text;
	sqlite3_int64 docs;
};

/* The index's words that typos are corrected to. */
struct vocab {
	struct vocab_term *terms;
	size_t n, cap;
	size_t at; /* articles indexed when it was read; 0: not read */
};

struct search {
	struct search_opts opts;
	char *language;
	struct synonyms syn;
	struct fold *fold;           /* the caller's thread */
	struct article_ref *arts;
	size_t total;
	sqlite3 *db;
	sqlite3_stmt *ins_a, *ins_b, *rank, *browse, *exists, *rows, *row, *vocab_rows;
	struct text_words *scratch;  /* the caller's thread: words of a row */
	pthread_mutex_t lock;        /* db, arts[].lo/hi, the vocabulary */
	pthread_t thread;
	bool threaded;
	atomic_bool stop;
	atomic_bool broken;
	atomic_size_t indexed;
	size_t next;                 /* the indexing side's own */
	struct vocab vocab;
};

/* ======================================================================= */
/* Synonyms                                                                */
/* ======================================================================= */



/* A piece of an editor's text to quote in a message: short and clean. */
static void quote_text(struct buf *out, const char *s, size_t n)
{
	struct buf clean = BUF_INIT;
	text_sanitize(&clean, s, n, false);
	size_t keep = text_fit(clean.data, clean.len, 40);
	buf_append(out, clean.data, keep);
	if (keep < clean.len)
		buf_puts(out, ELLIPSIS);
	buf_free(&clean);
}

/* One item of the list as written, before its words are folded. */
struct raw_line {
	char *text;
	int line;
};

/* A setting: "Language: english", "Skip: how, what". */
struct setting {
	const char *name;
	char *value;
	int line;
};

struct raw_file {
	struct raw_line *lines;
	size_t n, cap;
	struct setting language, skip, suggest;
};

static void raw_free(struct raw_file *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->lines[i].text);
	free(r->lines);
	free(r->language.value);
	free(r->skip.value);
	free(r->suggest.value);
}

static const char *skip_spaces(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* A paragraph "Name: value" sets `set`; true when it is that setting. */
static bool read_setting(struct setting *set, const char *s, int line,
			 struct diags *d)
{
	size_t n = strlen(set->name);
	if (strncasecmp(s, set->name, n) != 0 || s[n] != ':')
		return false;
	s = skip_spaces(s + n + 1);
	if (set->value)
		diags_add(d, line, true, "a second '%s:' line; the one on line %d counts, so "
		     "delete this one", set->name, set->line);
	else if (!*s)
		diags_add(d, line, true, "nothing after '%s:'", set->name);
	else
		*set = (struct setting){set->name, xstrdup(s), line};
	return true;
}

/* Settings are paragraphs; any other paragraph is a note for editors. */
static void read_paragraph(struct raw_file *r, cmark_node *p, struct diags *d)
{
	struct buf t = BUF_INIT;
	doc_plain_text(p, &t);
	const char *s = skip_spaces(buf_str(&t));
	int line = cmark_node_get_start_line(p);
	if (!read_setting(&r->language, s, line, d) && !read_setting(&r->skip, s, line, d) &&
	    !read_setting(&r->suggest, s, line, d) && strstr(s, " = "))
		/* A note for editors holds no '=' between words: a group that
		 * lost its '- ' would be ignored without a word. */
		diags_add(d, line, false, "words joined by '=' outside the list are not a "
			  "group; start the line with '- ' to make it one");
	buf_free(&t);
}

static void add_raw(struct raw_file *r, char *text, int line)
{
	ARRAY_GROW(r->lines, r->n, r->cap);
	r->lines[r->n++] = (struct raw_line){text, line};
}

/* Each item of a list is one group, written on one line. */
static void read_list(struct raw_file *r, cmark_node *list, struct diags *d)
{
	for (cmark_node *item = cmark_node_first_child(list); item;
	     item = cmark_node_next(item)) {
		int line = cmark_node_get_start_line(item);
		cmark_node *p = cmark_node_first_child(item);
		if (!p || cmark_node_get_type(p) != CMARK_NODE_PARAGRAPH) {
			diags_add(d, line, true, "an empty line in the list; write the words that "
			     "mean the same, joined by '='");
			continue;
		}
		if (cmark_node_next(p))
			diags_add(d, cmark_node_get_start_line(cmark_node_next(p)), true,
			     "more than one line in a list item; put each group of words on a "
			     "line of its own, with no list inside it");
		/* A line without its '- ' carries on the item above: two groups
		 * would silently become one. */
		else if (cmark_node_get_end_line(p) > line)
			diags_add(d, line + 1, true, "this line carries on the group above, so "
			     "both become one group; start each group with '- '");
		struct buf t = BUF_INIT;
		doc_plain_text(p, &t);
		add_raw(r, buf_detach(&t), line);
	}
}

static void read_raw(const char *src, size_t n, struct raw_file *r, struct diags *d)
{
	r->language.name = "Language";
	r->skip.name = "Skip";
	r->suggest.name = "Suggest";
	cmark_node *doc = doc_parse(src, n);
	for (cmark_node *b = cmark_node_first_child(doc); b; b = cmark_node_next(b)) {
		switch (cmark_node_get_type(b)) {
		case CMARK_NODE_PARAGRAPH: read_paragraph(r, b, d); break;
		case CMARK_NODE_LIST: read_list(r, b, d); break;
		default: break; /* titles, notes, comments: for the editors */
		}
	}
	cmark_node_free(doc);
}

/* ---- the words of one synonym ---- */

struct collect {
	struct qtok *toks;
	size_t n, cap, max;
	size_t total; /* words seen, kept or not */
};

static bool collect_word(void *ctx, const struct fold_word *w)
{
	struct collect *c = ctx;
	c->total++;
	if (c->n == c->max)
		return true;
	ARRAY_GROW(c->toks, c->n, c->cap);
	struct qtok *t = &c->toks[c->n++];
	memset(t, 0, sizeof *t);
	memcpy(t->folded, w->folded, w->folded_len);
	memcpy(t->stem, w->stem, w->stem_len);
	return true;
}

static bool same_alt(const struct alt *x, const struct alt *y)
{
	if (x->n != y->n)
		return false;
	for (size_t i = 0; i < x->n; i++)
		if (strcmp(x->toks[i].stem, y->toks[i].stem) != 0)
			return false;
	return true;
}

/* The group already holding `a`, or -1. */
static long group_of(const struct synonyms *syn, const struct alt *a, size_t before)
{
	for (size_t g = 0; g < before && g < syn->n; g++)
		for (size_t i = 0; i < syn->groups[g].n; i++)
			if (same_alt(&syn->groups[g].alts[i], a))
				return (long)g;
	return -1;
}

/* Split one side of '=' into words; false (with a message) when it
 * cannot be a synonym. */
static bool side_words(struct fold *f, const char *s, size_t n, int line, struct alt *out,
		       struct diags *d)
{
	struct collect c = {NULL, 0, 0, SEARCH_MAX_PHRASE, 0};
	fold_words(f, s, n, collect_word, &c);
	struct buf q = BUF_INIT;
	quote_text(&q, s, n);
	bool ok = false;
	if (c.total == 0)
		diags_add(d, line, true, "'%s' has no letters or digits to search for",
		     buf_str(&q));
	else if (c.total > SEARCH_MAX_PHRASE)
		diags_add(d, line, true, "'%s' has %zu words; a synonym may have at most %d",
		     buf_str(&q), c.total, SEARCH_MAX_PHRASE);
	else
		ok = true;
	buf_free(&q);
	if (!ok) {
		free(c.toks);
		return false;
	}
	*out = (struct alt){c.toks, c.n, false};
	return true;
}

static void add_alt(struct group *g, struct alt a)
{
	g->alts = xreallocarray(g->alts, g->n + 1, sizeof *g->alts);
	g->alts[g->n++] = a;
}

static bool same_written(const struct alt *x, const struct alt *y)
{
	if (x->n != y->n)
		return false;
	for (size_t i = 0; i < x->n; i++)
		if (strcmp(x->toks[i].folded, y->toks[i].folded) != 0)
			return false;
	return true;
}

enum fit { FIT_NEW, FIT_TWICE, FIT_ELSEWHERE };

/* Whether `a` (written as `s`) may join the group being built at index
 * `gi`.  Words with one stem ("redness = red") may share a line: they
 * find the same, which is harmless. */
static enum fit alt_fits(const struct synonyms *syn, size_t gi, const struct group *g,
		       const struct alt *a, const char *s, size_t n, int line,
		       struct diags *d)
{
	struct buf q = BUF_INIT;
	quote_text(&q, s, n);
	enum fit fit = FIT_NEW;
	for (size_t i = 0; fit == FIT_NEW && i < g->n; i++)
		if (same_written(&g->alts[i], a)) {
			diags_add(d, line, false, "'%s' is twice on this line", buf_str(&q));
			fit = FIT_TWICE;
		}
	long other = fit == FIT_NEW ? group_of(syn, a, gi) : -1;
	if (other >= 0) {
		diags_add(d, line, true, "'%s' is also on line %d; put each word on one line "
		     "only, or join the two lines", buf_str(&q), syn->groups[other].line);
		fit = FIT_ELSEWHERE;
	}
	buf_free(&q);
	return fit;
}

static void free_group(struct group *g)
{
	for (size_t i = 0; i < g->n; i++)
		free(g->alts[i].toks);
	free(g->alts);
}

/* One line "a = b = c d" becomes one group of alternatives. */
static void build_group(struct synonyms *syn, struct fold *f, const struct raw_line *l,
			struct diags *d)
{
	const char *s = l->text;
	if (!strchr(s, '=')) {
		struct buf q = BUF_INIT;
		quote_text(&q, s, strlen(s));
		diags_add(d, l->line, true, "'%s' has no '='; write the words that mean the same "
		     "on one line, joined by '=', such as 'roller = dermaroller'", buf_str(&q));
		buf_free(&q);
		return;
	}
	struct group g = {NULL, 0, l->line};
	bool bad = false;
	for (const char *p = s;; p++) {
		size_t len = strcspn(p, "=");
		const char *side = skip_spaces(p);
		size_t slen = len - (size_t)(side - p);
		while (slen && (side[slen - 1] == ' ' || side[slen - 1] == '\t'))
			slen--;
		struct alt a;
		if (slen == 0) {
			diags_add(d, l->line, true, "nothing on one side of '='; delete the extra '='");
			bad = true;
		} else if (side_words(f, side, slen, l->line, &a, d)) {
			enum fit fit = alt_fits(syn, syn->n, &g, &a, side, slen, l->line, d);
			if (fit == FIT_NEW)
				add_alt(&g, a);
			else
				free(a.toks);
			bad = bad || fit == FIT_ELSEWHERE;
		} else {
			bad = true;
		}
		p += len;
		if (!*p)
			break;
	}
	if (g.n < 2 && !bad)
		diags_add(d, l->line, true, "only one word or phrase; a synonym line needs two or "
		     "more, joined by '='");
	if (g.n < 2) {
		free_group(&g);
		return;
	}
	ARRAY_GROW(syn->groups, syn->n, syn->cap);
	syn->groups[syn->n++] = g;
}

static void synonyms_free(struct synonyms *syn)
{
	for (size_t i = 0; i < syn->n; i++)
		free_group(&syn->groups[i]);
	free(syn->groups);
	for (size_t i = 0; i < syn->nskip; i++)
		free(syn->skip[i]);
	free(syn->skip);
	for (size_t i = 0; i < syn->nsuggest; i++)
		free(syn->suggest[i]);
	free(syn->suggest);
	free(syn->language);
	memset(syn, 0, sizeof *syn);
}

static void read_language(struct synonyms *syn, const struct setting *set,
			  struct diags *d)
{
	const char *v = set->value;
	if (!v)
		return;
	if (!fold_stemmer_available() && strcmp(v, "none") != 0)
		diags_add(d, set->line, false, "libstemmer cannot be loaded, so words are "
			  "not stemmed; install the Debian package libstemmer0d");
	if (fold_language_known(v) && !v[strcspn(v, " \t,")]) {
		syn->language = xstrdup(v);
		return;
	}
	struct buf names = BUF_INIT, q = BUF_INIT;
	for (const char **l = fold_stemmer_languages(); *l; l++)
		buf_printf(&names, "%s%s", names.len ? ", " : "", *l);
	quote_text(&q, v, strlen(v));
	diags_add(d, set->line, true, "no stemmer for the language '%s'; use one of: %s, or "
	     "none", buf_str(&q), buf_str(&names));
	buf_free(&q);
	buf_free(&names);
}

static bool add_skip(void *ctx, const struct fold_word *w)
{
	struct synonyms *syn = ctx;
	syn->skip = xreallocarray(syn->skip, syn->nskip + 1, sizeof *syn->skip);
	syn->skip[syn->nskip++] = xstrndup(w->folded, w->folded_len);
	return true;
}

static void read_skip(struct synonyms *syn, struct fold *f, const struct setting *set,
		      struct diags *d)
{
	if (!set->value)
		return;
	fold_words(f, set->value, strlen(set->value), add_skip, syn);
	if (!syn->nskip)
		diags_add(d, set->line, true, "no words after 'Skip:'; list words such as "
		     "'Skip: how, what, the'");
}

/* "Suggest: sunscreen, cold sore": words the full screen offers before
 * anything is typed, kept as written, comma-separated. */
static void read_suggest(struct synonyms *syn, const struct setting *set, struct diags *d)
{
	for (const char *s = set->value; s && *s;) {
		size_t len = strcspn(s, ",");
		const char *w = skip_spaces(s);
		size_t wlen = len - (size_t)(w - s);
		while (wlen && (w[wlen - 1] == ' ' || w[wlen - 1] == '\t'))
			wlen--;
		if (wlen) {
			syn->suggest = xreallocarray(syn->suggest, syn->nsuggest + 1,
						     sizeof *syn->suggest);
			syn->suggest[syn->nsuggest++] = xstrndup(w, wlen);
		}
		s += len + (s[len] == ',');
	}
	if (set->value && !syn->nsuggest)
		diags_add(d, set->line, true, "no words after 'Suggest:'; list words such as "
		     "'Suggest: sunscreen, cold sore'");
}

/* Read a synonyms file into `syn`, folding its words for `language`
 * (NULL: the file's own, else the default). */
static void synonyms_read(const char *src, size_t n, const char *language,
			  struct synonyms *syn, struct diags *d)
{
	struct raw_file r = {0};
	read_raw(src, n, &r, d);
	read_language(syn, &r.language, d);
	struct fold *f = fold_new(language ? language : syn->language);
	if (!f)
		f = fold_new(NULL);
	read_skip(syn, f, &r.skip, d);
	read_suggest(syn, &r.suggest, d);
	for (size_t i = 0; i < r.n; i++)
		build_group(syn, f, &r.lines[i], d);
	fold_free(f);
	raw_free(&r);
}

/* In line order, keeping the order found within a line (a stable
 * insertion sort: a file has few mistakes). */
static void sort_diags(struct diag *d, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		struct diag x = d[i];
		size_t j = i;
		for (; j > 0 && d[j - 1].line > x.line; j--)
			d[j] = d[j - 1];
		d[j] = x;
	}
}

const char *const *search_suggestions(const struct search *s, size_t *n)
{
	*n = s ? s->syn.nsuggest : 0;
	return s ? (const char *const *)s->syn.suggest : NULL;
}

void search_synonyms_check(const char *src, size_t n, struct diags *d)
{
	struct synonyms syn = {0};
	size_t first = d->count;
	synonyms_read(src, n, NULL, &syn, d);
	if (syn.n == 0)
		diags_add(d, 1, false, "no synonyms; write each group as a list item such as "
		     "'- roller = dermaroller = derma roller'");
	synonyms_free(&syn);
	if (d->count > first)
		sort_diags(d->items + first, d->count - first);
}

/* ======================================================================= */
/* Queries                                                                 */
/* ======================================================================= */

struct word_list {
	struct qword *words;
	size_t n, cap;
	size_t last_end;
};

/* Words of the query, each once: a pasted page repeats itself, and each
 * word costs its share of every search. */
static bool take_word(void *ctx, const struct fold_word *w)
{
	struct word_list *l = ctx;
	if (l->n == SEARCH_MAX_WORDS)
		return false;
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->words[i].tok.folded, w->folded) == 0)
			return true;
	ARRAY_GROW(l->words, l->n, l->cap);
	struct qword *q = &l->words[l->n++];
	memset(q, 0, sizeof *q);
	memcpy(q->tok.folded, w->folded, w->folded_len);
	memcpy(q->tok.stem, w->stem, w->stem_len);
	q->start = w->start;
	q->end = w->end;
	return true;
}

static bool is_skipped(const struct synonyms *syn, const char *folded)
{
	for (size_t i = 0; i < syn->nskip; i++)
		if (strcmp(syn->skip[i], folded) == 0)
			return true;
	return false;
}

/* Drop the question words ("how", "what") unless nothing else is left. */
static void drop_skipped(struct word_list *l, const struct synonyms *syn)
{
	size_t kept = 0;
	for (size_t i = 0; i < l->n; i++)
		kept += !is_skipped(syn, l->words[i].tok.folded);
	if (kept == 0)
		return;
	kept = 0;
	for (size_t i = 0; i < l->n; i++)
		if (!is_skipped(syn, l->words[i].tok.folded))
			l->words[kept++] = l->words[i];
	l->n = kept;
}

/* The words of a query; the last is a prefix when it runs to the end. */
static void query_words(struct fold *f, const struct synonyms *syn, const char *s, size_t n,
			struct query *q)
{
	struct word_list l = {0};
	fold_words(f, s, n, take_word, &l);
	drop_skipped(&l, syn);
	q->words = l.words;
	q->nwords = l.n;
	q->prefix_last = l.n && l.words[l.n - 1].end == n;
}

static bool tok_equal(const struct qtok *q, const char *folded, const char *stem)
{
	return strcmp(stem, q->stem) == 0 || strcmp(folded, q->stem) == 0;
}

static bool starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Does a word of a text (folded, stem) match the query token? */
static bool tok_matches(const struct qtok *q, const char *folded, const char *stem)
{
	if (tok_equal(q, folded, stem))
		return true;
	return q->prefix && (starts_with(folded, q->folded) || starts_with(stem, q->folded));
}

/* Longest synonym that the words from `i` spell (by stems); 0 for none. */
static size_t synonym_at(const struct synonyms *syn, const struct query *q, size_t i,
			 const struct group **found)
{
	size_t best = 0;
	for (size_t g = 0; g < syn->n; g++)
		for (size_t a = 0; a < syn->groups[g].n; a++) {
			const struct alt *alt = &syn->groups[g].alts[a];
			if (alt->n <= best || alt->n > q->nwords - i)
				continue;
			size_t k = 0;
			while (k < alt->n && strcmp(alt->toks[k].stem, q->words[i + k].tok.stem) == 0)
				k++;
			if (k == alt->n) {
				best = alt->n;
				*found = &syn->groups[g];
			}
		}
	return best;
}

static bool add_term_alt(struct query *q, struct term *t, const struct qtok *toks, size_t n,
			 bool prefix_last)
{
	if (q->nalts == MAX_ALTS)
		return false;
	struct alt a = {xcalloc(n, sizeof *a.toks), n, false};
	memcpy(a.toks, toks, n * sizeof *toks);
	for (size_t i = 0; i < n; i++)
		a.toks[i].prefix = false;
	a.toks[n - 1].prefix = prefix_last;
	t->alts = xreallocarray(t->alts, t->nalts + 1, sizeof *t->alts);
	t->alts[t->nalts++] = a;
	q->nalts++;
	return true;
}

/* An alternative whose every match the prefix form `toks` also finds:
 * the same words with a last word whose stem is what was typed.  Kept
 * both, bm25 would count such a match twice. */
static struct alt *covered_alt(struct term *t, const struct qtok *toks, size_t k)
{
	for (size_t a = 0; a < t->nalts; a++) {
		struct alt *x = &t->alts[a];
		size_t j = 0;
		while (j + 1 < k && x->n == k && strcmp(x->toks[j].stem, toks[j].stem) == 0)
			j++;
		if (x->n == k && j + 1 == k && strcmp(x->toks[j].stem, toks[j].folded) == 0)
			return x;
	}
	return NULL;
}

/* The words [i, i+k) as typed, the last one as a prefix when it is the
 * query's last and still being typed. */
static void add_literal(struct query *q, struct term *t, size_t i, size_t k, bool exact)
{
	struct qtok toks[SEARCH_MAX_WORDS];
	for (size_t j = 0; j < k; j++)
		toks[j] = q->words[i + j].tok;
	bool prefix = !exact && q->prefix_last && i + k == q->nwords &&
		      !q->words[i + k - 1].corrected;
	struct alt *same = prefix ? covered_alt(t, toks, k) : NULL;
	if (same) {
		same->toks[k - 1] = toks[k - 1];
		same->toks[k - 1].prefix = true;
	} else if (exact || prefix) {
		add_term_alt(q, t, toks, k, prefix);
	}
}

static void make_terms(struct query *q, const struct synonyms *syn)
{
	q->terms = xcalloc(q->nwords ? q->nwords : 1, sizeof *q->terms);
	for (size_t i = 0; i < q->nwords && q->nalts < MAX_ALTS;) {
		const struct group *g = NULL;
		size_t k = synonym_at(syn, q, i, &g);
		struct term *t = &q->terms[q->nterms];
		*t = (struct term){NULL, 0, k > 0, i, k ? k : 1};
		if (k) {
			for (size_t a = 0; a < g->n; a++)
				add_term_alt(q, t, g->alts[a].toks, g->alts[a].n, false);
		} else {
			add_literal(q, t, i, 1, true);
		}
		add_literal(q, t, i, t->nwords, false);
		if (t->nalts == 0)
			break; /* no room for another phrase */
		q->nterms++;
		i += t->nwords;
	}
}

/* FTS5 syntax from folded words only, each one quoted: nothing the
 * patient typed can be an operator, a column filter or a broken quote. */
static void alt_expr(struct buf *out, const struct alt *a)
{
	for (size_t i = 0; i < a->n; i++)
		buf_printf(out, "%s\"%s\"%s", i ? " + " : "", a->toks[i].folded,
			   a->toks[i].prefix ? "*" : "");
}

static void term_expr(struct buf *out, const struct term *t)
{
	buf_putc(out, '(');
	bool first = true;
	for (size_t i = 0; i < t->nalts; i++) {
		if (t->alts[i].redundant)
			continue;
		buf_puts(out, first ? "" : " OR ");
		alt_expr(out, &t->alts[i]);
		first = false;
	}
	buf_putc(out, ')');
}

/* Does query token `q` find the word `t` of a synonym? */
static bool tok_covers(const struct qtok *q, const struct qtok *t)
{
	return tok_matches(q, t->folded, t->stem);
}

/* Does `y` find words in a row inside `x` ("roller" in "derma roller")? */
static bool alt_within(const struct alt *y, const struct alt *x)
{
	for (size_t o = 0; y->n < x->n && o + y->n <= x->n; o++) {
		size_t j = 0;
		while (j < y->n && tok_covers(&y->toks[j], &x->toks[o + j]))
			j++;
		if (j == y->n)
			return true;
	}
	return false;
}

/* Mark the alternatives that FTS5 need not see. */
static void mark_redundant(struct query *q)
{
	for (size_t i = 0; i < q->nterms; i++) {
		struct term *t = &q->terms[i];
		for (size_t a = 0; a < t->nalts; a++)
			for (size_t b = 0; b < t->nalts && !t->alts[a].redundant; b++)
				t->alts[a].redundant = alt_within(&t->alts[b], &t->alts[a]);
	}
}

static void make_exprs(struct query *q)
{
	buf_clear(&q->all);
	buf_clear(&q->any);
	mark_redundant(q);
	for (size_t i = 0; i < q->nterms; i++) {
		buf_puts(&q->all, i ? " AND " : "");
		buf_puts(&q->any, i ? " OR " : "");
		term_expr(&q->all, &q->terms[i]);
		term_expr(&q->any, &q->terms[i]);
	}
}

static void clear_terms(struct query *q)
{
	for (size_t i = 0; i < q->nterms; i++) {
		for (size_t a = 0; a < q->terms[i].nalts; a++)
			free(q->terms[i].alts[a].toks);
		free(q->terms[i].alts);
	}
	free(q->terms);
	q->terms = NULL;
	q->nterms = q->nalts = 0;
}

/* (Re)make terms and expressions from the words. */
static void compile(struct query *q, const struct synonyms *syn)
{
	clear_terms(q);
	make_terms(q, syn);
	make_exprs(q);
}

static void query_free(struct query *q)
{
	clear_terms(q);
	free(q->words);
	buf_free(&q->all);
	buf_free(&q->any);
}

/* ======================================================================= */
/* Finding words in a text                                                 */
/* ======================================================================= */

struct text_word {
	size_t start, end;
	size_t folded, stem; /* offsets in the string store */
};

struct text_words {
	struct text_word *w;
	size_t n, cap;
	struct buf store;
};

static bool keep_text_word(void *ctx, const struct fold_word *fw)
{
	struct text_words *t = ctx;
	ARRAY_GROW(t->w, t->n, t->cap);
	struct text_word *w = &t->w[t->n++];
	w->start = fw->start;
	w->end = fw->end;
	w->folded = t->store.len;
	buf_append(&t->store, fw->folded, fw->folded_len + 1);
	w->stem = t->store.len;
	buf_append(&t->store, fw->stem, fw->stem_len + 1);
	return true;
}

/* How many words of the text from `i` the alternative matches (0: no). */
static size_t alt_matches(const struct alt *a, const struct text_words *t, size_t i)
{
	if (a->n > t->n - i)
		return 0;
	for (size_t k = 0; k < a->n; k++) {
		const struct text_word *w = &t->w[i + k];
		if (!tok_matches(&a->toks[k], t->store.data + w->folded, t->store.data + w->stem))
			return 0;
	}
	return a->n;
}

/* Words of the longest match at word `i` (0: none), and its term. */
static size_t longest_match(const struct query *q, const struct text_words *t, size_t i,
			    size_t *term)
{
	size_t best = 0;
	for (size_t j = 0; j < q->nterms; j++)
		for (size_t a = 0; a < q->terms[j].nalts; a++) {
			size_t k = alt_matches(&q->terms[j].alts[a], t, i);
			if (k > best) {
				best = k;
				*term = j;
			}
		}
	return best;
}

static void text_words_free(struct text_words *t)
{
	if (!t)
		return;
	free(t->w);
	buf_free(&t->store);
	free(t);
}

/* Find the query in `text`: at most `max` marks stored, the terms found
 * as bits in *terms (may be NULL), the number of matches returned.
 * `t` is scratch space, reused from call to call. */
static size_t find_marks(struct fold *f, const struct query *q, struct text_words *t,
			 const char *text, size_t len, struct search_mark *marks, size_t max,
			 uint64_t *terms)
{
	if (q->nterms == 0)
		return 0;
	t->n = 0;
	buf_clear(&t->store);
	fold_words(f, text, len, keep_text_word, t);
	size_t found = 0, term = 0;
	for (size_t i = 0; i < t->n;) {
		size_t k = longest_match(q, t, i, &term);
		if (!k) {
			i++;
			continue;
		}
		if (found < max)
			marks[found] = (struct search_mark){t->w[i].start, t->w[i + k - 1].end};
		if (terms)
			*terms |= (uint64_t)1 << term;
		found++;
		i += k;
	}
	return found;
}

struct search_matcher {
	struct fold *fold;
	struct query q;
	struct text_words *scratch;
};

struct search_matcher *search_matcher_new(const struct search *s, const char *query,
					  size_t len)
{
	struct search_matcher *m = xcalloc(1, sizeof *m);
	m->fold = fold_new(s->language);
	if (!m->fold)
		m->fold = fold_new(NULL);
	m->scratch = xcalloc(1, sizeof *m->scratch);
	query_words(m->fold, &s->syn, query ? query : "", query ? len : 0, &m->q);
	compile(&m->q, &s->syn);
	return m;
}

void search_matcher_free(struct search_matcher *m)
{
	if (!m)
		return;
	query_free(&m->q);
	fold_free(m->fold);
	text_words_free(m->scratch);
	free(m);
}

size_t search_matcher_words(const struct search_matcher *m)
{
	return m->q.nwords;
}

size_t search_matcher_find(struct search_matcher *m, const char *text, size_t len,
			   struct search_mark *marks, size_t max)
{
	return find_marks(m->fold, &m->q, m->scratch, text ? text : "", text ? len : 0, marks,
			  max, NULL);
}

/* ======================================================================= */
/* The FTS5 tokenizer and helpers                                          */
/* ======================================================================= */

struct tokenizer {
	struct fold *fold;
};

struct token_call {
	void *ctx;
	int flags;
	int (*emit)(void *, int, const char *, int, int, int);
	int rc;
};

static bool emit_word(void *ctx, const struct fold_word *w)
{
	struct token_call *c = ctx;
	int start = (int)w->start, end = (int)w->end;
	if (c->flags & FTS5_TOKENIZE_PREFIX) {
		c->rc = c->emit(c->ctx, 0, w->folded, (int)w->folded_len, start, end);
		return c->rc == SQLITE_OK;
	}
	c->rc = c->emit(c->ctx, 0, w->stem, (int)w->stem_len, start, end);
	/* A document also keeps each word unstemmed, at the same place, so
	 * that a prefix still being typed finds it ("swelli" in "swelling"). */
	if (c->rc == SQLITE_OK && !(c->flags & FTS5_TOKENIZE_QUERY) &&
	    strcmp(w->folded, w->stem) != 0)
		c->rc = c->emit(c->ctx, FTS5_TOKEN_COLOCATED, w->folded, (int)w->folded_len,
				start, end);
	return c->rc == SQLITE_OK;
}

static int tok_tokenize(Fts5Tokenizer *tk, void *ctx, int flags, const char *text, int n,
			int (*emit)(void *, int, const char *, int, int, int))
{
	struct tokenizer *t = (struct tokenizer *)tk;
	struct token_call c = {ctx, flags, emit, SQLITE_OK};
	if (text && n > 0)
		fold_words(t->fold, text, (size_t)n, emit_word, &c);
	return c.rc;
}

static int tok_create(void *ud, const char **argv, int argc, Fts5Tokenizer **out)
{
	(void)argv;
	(void)argc;
	const struct search *s = ud;
	struct tokenizer *t = xcalloc(1, sizeof *t);
	t->fold = fold_new(s->language);
	if (!t->fold) {
		free(t);
		return SQLITE_ERROR;
	}
	*out = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

static void tok_delete(Fts5Tokenizer *tk)
{
	struct tokenizer *t = (struct tokenizer *)tk;
	if (t)
		fold_free(t->fold);
	free(t);
}

/* The fts5_api of the connection, the documented way: a pointer bound to
 * "SELECT fts5(?1)".  No loadable extension is involved. */
static fts5_api *fts5_of(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	return api;
}

static bool register_fts5(struct search *s)
{
	fts5_api *api = fts5_of(s->db);
	fts5_tokenizer tk = {tok_create, tok_delete, tok_tokenize};
	return api && api->iVersion >= 2 &&
	       api->xCreateTokenizer(api, "skinguide", s, &tk, NULL) == SQLITE_OK;
}

/* ======================================================================= */
/* The database                                                            */
/* ======================================================================= */

static bool exec(struct search *s, const char *sql)
{
	return sqlite3_exec(s->db, sql, NULL, NULL, NULL) == SQLITE_OK;
}

static bool prepare(struct search *s, const char *sql, sqlite3_stmt **st)
{
	return sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) ==
	       SQLITE_OK;
}

static bool make_schema(struct search *s)
{
	char rank[128];
	snprintf(rank, sizeof rank, "INSERT INTO a(a, rank) VALUES('rank', "
		 "'bm25(%.2f, %.2f, %.2f)')", SEARCH_WEIGHT_TITLE, SEARCH_WEIGHT_HEADING,
		 SEARCH_WEIGHT_BODY);
	return exec(s, "PRAGMA temp_store = MEMORY") &&
	       exec(s, "CREATE VIRTUAL TABLE a USING fts5(title, headings, body, "
		    "content='', tokenize='skinguide', prefix='1 2')") &&
	       exec(s, "CREATE TABLE b(id INTEGER PRIMARY KEY, kind INTEGER, sec INTEGER, "
		    "hrow INTEGER, anchor TEXT, text TEXT)") &&
	       exec(s, "CREATE VIRTUAL TABLE v USING fts5vocab(a, 'row')") &&
	       exec(s, rank) &&
	       prepare(s, "INSERT INTO a(rowid, title, headings, body) VALUES(?1, ?2, ?3, ?4)",
		       &s->ins_a) &&
	       prepare(s, "INSERT INTO b(kind, sec, hrow, anchor, text) "
		       "VALUES(?1, ?2, ?3, ?4, ?5)", &s->ins_b) &&
	       prepare(s, "SELECT rowid FROM a WHERE a MATCH ?1 ORDER BY rank, rowid "
		       "LIMIT ?2", &s->rank) &&
	       prepare(s, "SELECT rowid FROM a WHERE a MATCH ?1 ORDER BY rowid LIMIT ?2",
		       &s->browse) &&
	       prepare(s, "SELECT rowid FROM a WHERE a MATCH ?1 LIMIT 1", &s->exists) &&
	       prepare(s, "SELECT id, kind, sec, hrow, text FROM b WHERE id BETWEEN ?1 AND ?2",
		       &s->rows) &&
	       prepare(s, "SELECT text, anchor, kind, sec FROM b WHERE id = ?1", &s->row) &&
	       prepare(s, "SELECT term, doc FROM v WHERE term > ?1 LIMIT ?2",
		       &s->vocab_rows);
}

static bool open_db(struct search *s, struct sg_error *err)
{
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY |
		    SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(":memory:", &s->db, flags, NULL) != SQLITE_OK) {
		sg_error_set(err, "search: SQLite cannot open a database in memory");
		return false;
	}
	/* One connection running a few statements: the lookaside cache of
	 * small allocations would cost more memory than it saves time. */
	sqlite3_db_config(s->db, SQLITE_DBCONFIG_LOOKASIDE, NULL, 0, 0);
	if (!register_fts5(s) || !make_schema(s)) {
		sg_error_set(err, "search: SQLite has no usable FTS5 (%s); build SQLite with "
			     "FTS5", sqlite3_errmsg(s->db));
		return false;
	}
	return true;
}

static void finalize_all(struct search *s)
{
	sqlite3_stmt *all[] = {s->ins_a, s->ins_b, s->rank, s->browse, s->exists, s->rows,
			       s->row, s->vocab_rows};
	for (size_t i = 0; i < sizeof all / sizeof *all; i++)
		sqlite3_finalize(all[i]);
}

/* ======================================================================= */
/* The vocabulary                                                          */
/* ======================================================================= */

static uint32_t *to_cps(const char *s, size_t *n)
{
	uint32_t *cps = u8_to_u32((const uint8_t *)s, strlen(s), NULL, n);
	if (!cps)
		sg_oom();
	return cps;
}

static bool has_digit(const char *s)
{
	return strpbrk(s, "0123456789") != NULL;
}

static void vocab_free(struct vocab *v)
{
	for (size_t i = 0; i < v->n; i++) {
		free(v->terms[i].cps);
		free(v->terms[i].text);
	}
	free(v->terms);
	memset(v, 0, sizeof *v);
}

static void vocab_add(struct vocab *v, const char *t, sqlite3_int64 docs)
{
	if (has_digit(t) || fold_length(t, strlen(t)) < SEARCH_MIN_TYPO - 1)
		return;
	ARRAY_GROW(v->terms, v->n, v->cap);
	struct vocab_term *x = &v->terms[v->n++];
	x->text = xstrdup(t);
	x->cps = to_cps(t, &x->n);
	x->docs = docs;
}

/* Read the next VOCAB_SLICE terms after `last` (updated) into `v`; false
 * when there are no more.  With the lock held: each slice is short, so
 * the index thread can let a query in between. */
static bool vocab_slice(struct search *s, struct vocab *v, struct buf *last)
{
	sqlite3_stmt *st = s->vocab_rows;
	size_t got = 0;
	sqlite3_bind_text(st, 1, buf_str(last), -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, VOCAB_SLICE);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		buf_clear(last);
		buf_puts(last, t ? t : "");
		vocab_add(v, buf_str(last), sqlite3_column_int64(st, 1));
		got++;
	}
	sqlite3_reset(st);
	return got == VOCAB_SLICE;
}

/* Read the whole vocabulary into `v`, with the lock held. */
static void vocab_read(struct search *s, struct vocab *v)
{
	struct buf last = BUF_INIT;
	buf_puts(&last, "");
	while (vocab_slice(s, v, &last))
		;
	buf_free(&last);
}

/* The index thread reads the vocabulary when it is done, slice by slice,
 * so that the first typo on a large guide finds it ready. */
static void vocab_preload(struct search *s)
{
	struct vocab v = {0};
	struct buf last = BUF_INIT;
	buf_puts(&last, "");
	bool more = true;
	while (more && !atomic_load(&s->stop)) {
		pthread_mutex_lock(&s->lock);
		more = vocab_slice(s, &v, &last);
		pthread_mutex_unlock(&s->lock);
	}
	pthread_mutex_lock(&s->lock);
	if (!more && s->vocab.at != s->total) {
		vocab_free(&s->vocab);
		s->vocab = v;
		s->vocab.at = s->total;
		memset(&v, 0, sizeof v);
	}
	pthread_mutex_unlock(&s->lock);
	vocab_free(&v);
	buf_free(&last);
}

/* With the lock held: read the vocabulary again when more articles were
 * indexed since; while a large guide is being indexed, only after each
 * tenth of it, since reading it is a pass over the whole index. */
static void vocab_update(struct search *s)
{
	size_t now = atomic_load(&s->indexed), at = s->vocab.at;
	if (at == now || (at && now < s->total && now - at < s->total / 10))
		return;
	vocab_free(&s->vocab);
	vocab_read(s, &s->vocab);
	s->vocab.at = now;
}

/* ======================================================================= */
/* Building the index                                                      */
/* ======================================================================= */

/* Read and parse an article on the indexing side: the guide's tree cache
 * is not for threads.  NULL when it cannot be read: it is left out. */
static struct outline *parse_article(const char *path)
{
	struct buf src = BUF_INIT;
	struct sg_error err;
	struct outline *o = NULL;
	if (guide_read_file(path, &src, &err)) {
		cmark_node *doc = doc_parse(buf_str(&src), src.len);
		o = outline_new(doc);
		cmark_node_free(doc);
	}
	buf_free(&src);
	return o;
}

/* The section a hit names: -1 above the first heading under the title. */
static long hit_heading(const struct outline *o, long section)
{
	if (section < 0)
		return -1;
	const struct outline_heading *h = outline_heading(o, (size_t)section);
	return h && h->level > 1 ? section : -1;
}

static bool row_kind(const struct outline *o, const struct outline_block *b,
		     enum row_kind *kind)
{
	if (b->kind == OUTLINE_HEADING) {
		const struct outline_heading *h = outline_heading(o, (size_t)b->section);
		*kind = h && h->level == 1 ? ROW_TITLE : ROW_HEADING;
		return true;
	}
	*kind = ROW_BODY;
	return b->text[0] != '\0';
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

static bool step_done(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE;
}

static bool insert_block(struct search *s, const struct outline *o,
			 const struct outline_block *b, enum row_kind kind,
			 sqlite3_int64 *hrow)
{
	sqlite3_stmt *st = s->ins_b;
	long sec = hit_heading(o, b->section);
	sqlite3_bind_int(st, 1, (int)kind);
	sqlite3_bind_int64(st, 2, sec);
	sqlite3_bind_int64(st, 3, sec >= 0 && kind == ROW_BODY ? *hrow : 0);
	bind_text(st, 4, kind == ROW_HEADING ? outline_heading(o, (size_t)b->section)->anchor
		  : "");
	bind_text(st, 5, b->text);
	if (!step_done(st))
		return false;
	if (kind == ROW_HEADING)
		*hrow = sqlite3_last_insert_rowid(s->db);
	return true;
}

/* The Sources section lists where facts come from: it answers no
 * patient's question, so search leaves it (and what it holds) out. */
static bool in_sources(const struct outline *o, const struct outline_block *b,
		       int *sources_level)
{
	if (b->kind != OUTLINE_HEADING)
		return *sources_level > 0;
	const struct outline_heading *h = outline_heading(o, (size_t)b->section);
	if (*sources_level && h->level <= *sources_level)
		*sources_level = 0;
	if (!*sources_level && h->level > 1 && strcasecmp(h->text, "Sources") == 0)
		*sources_level = h->level;
	return *sources_level > 0;
}

static bool insert_article(struct search *s, size_t i, const struct outline *o)
{
	struct buf heads = BUF_INIT, body = BUF_INIT;
	sqlite3_int64 hrow = 0, lo = 0, hi = -1;
	int sources = 0;
	bool ok = true;
	for (size_t k = 0; ok && k < outline_block_count(o); k++) {
		const struct outline_block *b = outline_block(o, k);
		enum row_kind kind;
		if (in_sources(o, b, &sources) || !row_kind(o, b, &kind))
			continue;
		ok = insert_block(s, o, b, kind, &hrow);
		hi = sqlite3_last_insert_rowid(s->db);
		lo = lo ? lo : hi;
		if (kind != ROW_TITLE)
			buf_printf(kind == ROW_HEADING ? &heads : &body, "%s\n", b->text);
	}
	sqlite3_bind_int64(s->ins_a, 1, (sqlite3_int64)i + 1);
	bind_text(s->ins_a, 2, s->arts[i].title);
	bind_text(s->ins_a, 3, buf_str(&heads));
	bind_text(s->ins_a, 4, buf_str(&body));
	ok = ok && step_done(s->ins_a);
	if (ok && lo) {
		s->arts[i].lo = lo;
		s->arts[i].hi = hi;
	}
	buf_free(&heads);
	buf_free(&body);
	return ok;
}

/* Index up to `count` more articles: read and parse them without the
 * lock, insert them in one transaction with it.  False when none was
 * left. */
static bool index_batch(struct search *s, size_t count)
{
	size_t from = s->next, to = from + count < s->total ? from + count : s->total;
	if (from >= to || atomic_load(&s->broken))
		return false;
	struct outline **o = xcalloc(to - from, sizeof *o);
	for (size_t i = from; i < to; i++)
		o[i - from] = parse_article(s->arts[i].path);
	pthread_mutex_lock(&s->lock);
	bool ok = exec(s, "BEGIN");
	for (size_t i = from; ok && i < to; i++)
		if (o[i - from])
			ok = insert_article(s, i, o[i - from]);
	ok = exec(s, ok ? "COMMIT" : "ROLLBACK") && ok;
	pthread_mutex_unlock(&s->lock);
	for (size_t i = from; i < to; i++)
		outline_free(o[i - from]);
	free(o);
	s->next = to;
	atomic_store(&s->indexed, to);
	if (!ok)
		atomic_store(&s->broken, true);
	return ok;
}

static void *index_thread(void *arg)
{
	struct search *s = arg;
	while (!atomic_load(&s->stop) && index_batch(s, BATCH))
		;
	if (!atomic_load(&s->broken) && atomic_load(&s->indexed) == s->total)
		vocab_preload(s);
	return NULL;
}

bool search_start(struct search *s)
{
	if (s->threaded)
		return atomic_load(&s->indexed) < s->total;
	if (s->next >= s->total || s->total < s->opts.thread_from)
		return false;
	/* Signals (resize, hang-up) stay with the front end's thread. */
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	s->threaded = pthread_create(&s->thread, NULL, index_thread, s) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return s->threaded;
}

bool search_progress(struct search *s, size_t *indexed, size_t *total)
{
	size_t n = atomic_load(&s->indexed);
	if (indexed)
		*indexed = n;
	if (total)
		*total = s->total;
	return n >= s->total;
}

/* The first query on a small guide builds the index here. */
static void build_rest(struct search *s)
{
	if (s->threaded)
		return;
	while (index_batch(s, BATCH))
		;
}

/* ======================================================================= */
/* Opening and closing                                                     */
/* ======================================================================= */

static void default_opts(struct search_opts *o)
{
	if (!o->max_hits)
		o->max_hits = DEFAULT_MAX_HITS;
	if (!o->per_article)
		o->per_article = DEFAULT_PER_ARTICLE;
	if (!o->snippet_columns)
		o->snippet_columns = DEFAULT_SNIPPET_COLUMNS;
	if (o->snippet_columns < 2 * sizeof ELLIPSIS)
		o->snippet_columns = 2 * sizeof ELLIPSIS;
	if (!o->thread_from)
		o->thread_from = DEFAULT_THREAD_FROM;
}

static void load_synonyms(struct search *s, const char *dir)
{
	struct buf path = BUF_INIT, src = BUF_INIT;
	struct sg_error err;
	size_t dlen = strlen(dir);
	buf_printf(&path, "%s%s%s", dir, dlen && dir[dlen - 1] == '/' ? "" : "/",
		   SEARCH_SYNONYMS_FILE);
	/* A file with mistakes still gives its good lines: --check reports
	 * the rest to the editors. */
	if (guide_read_file(path.data, &src, &err))
		synonyms_read(buf_str(&src), src.len, s->opts.language, &s->syn, NULL);
	buf_free(&path);
	buf_free(&src);
}

static void copy_articles(struct search *s, const struct guide *g)
{
	s->total = guide_count(g);
	s->arts = xcalloc(s->total ? s->total : 1, sizeof *s->arts);
	for (size_t i = 0; i < s->total; i++) {
		const struct article *a = guide_article(g, i);
		s->arts[i] = (struct article_ref){xstrdup(a->path),
						  xstrdup(a->title ? a->title : ""), 1, 0};
	}
}

struct search *search_new(const struct guide *g, const struct search_opts *opts,
			  struct sg_error *err)
{
	struct search *s = xcalloc(1, sizeof *s);
	if (opts)
		s->opts = *opts;
	default_opts(&s->opts);
	pthread_mutex_init(&s->lock, NULL);
	load_synonyms(s, guide_dir(g));
	const char *lang = s->opts.language ? s->opts.language
			 : s->syn.language ? s->syn.language : FOLD_DEFAULT_LANGUAGE;
	s->language = xstrdup(lang);
	s->opts.language = s->language;
	if (!(s->fold = fold_new(s->language))) {
		sg_error_set(err, "search: no stemmer for the language '%s'", s->language);
		goto fail;
	}
	copy_articles(s, g);
	s->scratch = xcalloc(1, sizeof *s->scratch);
	if (!open_db(s, err))
		goto fail;
	return s;
fail:
	search_free(s);
	return NULL;
}


void search_free(struct search *s)
{
	if (!s)
		return;
	if (s->threaded) {
		atomic_store(&s->stop, true);
		pthread_join(s->thread, NULL);
	}
	finalize_all(s);
	sqlite3_close(s->db);
	for (size_t i = 0; i < s->total; i++) {
		free(s->arts[i].path);
		free(s->arts[i].title);
	}
	free(s->arts);
	vocab_free(&s->vocab);
	text_words_free(s->scratch);
	synonyms_free(&s->syn);
	fold_free(s->fold);
	free(s->language);
	pthread_mutex_destroy(&s->lock);
	free(s);
}

const char *search_language(const struct search *s)
{
	return s->language;
}

/* ======================================================================= */
/* Typos                                                                   */
/* ======================================================================= */




static bool same_cps(const uint32_t *a, const uint32_t *b, size_t n)
{
	return n == 0 || memcmp(a, b, n * sizeof *a) == 0;
}

/* Exactly one letter added, dropped, changed, or two neighbours swapped. */
static bool one_edit(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	if (na < nb)
		return one_edit(b, nb, a, na);
	if (na - nb > 1)
		return false;
	size_t i = 0;
	while (i < nb && a[i] == b[i])
		i++;
	if (na == nb + 1)
		return same_cps(a + i + 1, b + i, nb - i);
	if (i == na)
		return false; /* the same word */
	if (same_cps(a + i + 1, b + i + 1, na - i - 1))
		return true;
	return i + 1 < na && a[i] == b[i + 1] && a[i + 1] == b[i] &&
	       same_cps(a + i + 2, b + i + 2, na - i - 2);
}

/* The commonest word of the vocabulary one edit away, or NULL. */
static const char *correct_word(struct search *s, const char *word)
{
	size_t n;
	uint32_t *w = to_cps(word, &n);
	const struct vocab_term *best = NULL;
	for (size_t i = 0; i < s->vocab.n; i++) {
		const struct vocab_term *v = &s->vocab.terms[i];
		if (one_edit(w, n, v->cps, v->n) && (!best || v->docs > best->docs))
			best = v;
	}
	free(w);
	return best ? best->text : NULL;
}

static bool bind_expr(sqlite3_stmt *st, const struct buf *expr)
{
	return sqlite3_bind_text(st, 1, buf_str(expr), (int)expr->len, SQLITE_STATIC) ==
	       SQLITE_OK;
}

/* Does the index hold anything for the term? */
static bool term_found(struct search *s, const struct term *t)
{
	struct buf e = BUF_INIT;
	term_expr(&e, t);
	bind_expr(s->exists, &e);
	bool found = sqlite3_step(s->exists) == SQLITE_ROW;
	sqlite3_reset(s->exists);
	buf_free(&e);
	return found;
}

static bool may_correct(const struct query *q, const struct term *t)
{
	const struct qtok *w = &q->words[t->word].tok;
	return !t->group && !has_digit(w->folded) &&
	       fold_length(w->folded, strlen(w->folded)) >= SEARCH_MIN_TYPO;
}

/* Correct every word that finds nothing; true when one was. */
static bool correct(struct search *s, struct query *q)
{
	bool any = false;
	for (size_t i = 0; i < q->nterms; i++) {
		const struct term *t = &q->terms[i];
		if (!may_correct(q, t) || term_found(s, t))
			continue;
		vocab_update(s);
		const char *fix = correct_word(s, q->words[t->word].tok.folded);
		if (!fix)
			continue;
		struct qword *w = &q->words[t->word];
		fold_word(s->fold, fix, strlen(fix), w->tok.folded, w->tok.stem);
		w->corrected = any = true;
	}
	if (any)
		compile(q, &s->syn);
	return any;
}

/* The query as searched: the patient's words, corrected ones replaced. */
static char *corrected_text(const struct query *q, const char *typed)
{
	struct buf raw = BUF_INIT, out = BUF_INIT;
	size_t at = q->words[0].start;
	for (size_t i = 0; i < q->nwords; i++) {
		const struct qword *w = &q->words[i];
		buf_append(&raw, typed + at, w->start - at);
		if (w->corrected)
			buf_puts(&raw, w->tok.folded);
		else
			buf_append(&raw, typed + w->start, w->end - w->start);
		at = w->end;
	}
	text_sanitize(&out, buf_str(&raw), raw.len, false);
	buf_free(&raw);
	return buf_detach(&out);
}

/* ======================================================================= */
/* Running a query                                                         */
/* ======================================================================= */

struct results {
	struct search_results pub; /* first: the caller's pointer is to it */
	struct search_hit *hits;
	bool *named;               /* hits[i]'s heading names every word */
	size_t cap;
	char *corrected;
};

struct ranked {
	size_t article;
	bool all;
};

/* Articles matching `expr`, best first, appended to `out` (skipping
 * those already there). */
static size_t rank_articles(struct search *s, sqlite3_stmt *st, const struct buf *expr,
			    size_t limit, bool all, struct ranked *out, size_t n, bool *failed)
{
	size_t had = n;
	int rc = SQLITE_DONE;
	bind_expr(st, expr);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)(limit + had));
	while (n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		size_t a = (size_t)sqlite3_column_int64(st, 0) - 1;
		bool seen = false;
		for (size_t i = 0; i < had && !seen; i++)
			seen = out[i].article == a;
		if (!seen && a < s->total)
			out[n++] = (struct ranked){a, all};
	}
	if (n < limit && rc != SQLITE_DONE)
		*failed = true;
	sqlite3_reset(st);
	return n;
}

/* One section of a ranked article, as its rows are read. */
struct section {
	long sec;
	sqlite3_int64 hrow;      /* its heading's row, 0 for the top */
	sqlite3_int64 head_row;  /* a matching title or heading row, else 0 */
	uint64_t head_terms;     /* terms found in that row */
	sqlite3_int64 first_row;
	uint64_t terms;          /* terms found anywhere in it */
	size_t count;            /* matches in it */
	uint64_t body_terms;     /* of its best body row */
	size_t body_count;
	char *body;              /* that row's text, or NULL */
	sqlite3_int64 body_row;  /* and its row */
};

static struct section *section_for(struct section **secs, size_t *n, long sec)
{
	for (size_t i = 0; i < *n; i++)
		if ((*secs)[i].sec == sec)
			return &(*secs)[i];
	*secs = xreallocarray(*secs, *n + 1, sizeof **secs);
	struct section *x = &(*secs)[(*n)++];
	memset(x, 0, sizeof *x);
	x->sec = sec;
	return x;
}

/* A row of b that matched, as the rows statement gives it. */
struct row {
	sqlite3_int64 id, hrow;
	int kind;
	const char *text;
	uint64_t terms;
	size_t count;
};

static void add_row(struct section *x, const struct row *r)
{
	x->first_row = x->first_row ? x->first_row : r->id;
	x->terms |= r->terms;
	x->count += r->count;
	if (r->kind == ROW_HEADING)
		x->hrow = r->id;
	else if (r->kind == ROW_BODY && r->hrow)
		x->hrow = r->hrow;
	if (r->kind != ROW_BODY) {
		x->head_row = x->head_row ? x->head_row : r->id;
		x->head_terms |= r->terms;
		return;
	}
	int better = __builtin_popcountll(r->terms) - __builtin_popcountll(x->body_terms);
	if (x->body && (better < 0 || (better == 0 && r->count <= x->body_count)))
		return;
	free(x->body);
	x->body = xstrdup(r->text);
	x->body_row = r->id;
	x->body_terms = r->terms;
	x->body_count = r->count;
}

/* Sections: most terms, then most terms in the heading, then most
 * matches, then the order of the article. */
static int compare_sections(const void *pa, const void *pb)
{
	const struct section *a = pa, *b = pb;
	int ta = __builtin_popcountll(a->terms), tb = __builtin_popcountll(b->terms);
	if (ta != tb)
		return tb - ta;
	ta = __builtin_popcountll(a->head_terms);
	tb = __builtin_popcountll(b->head_terms);
	if (ta != tb)
		return tb - ta;
	if (a->count != b->count)
		return a->count < b->count ? 1 : -1;
	return (a->first_row > b->first_row) - (a->first_row < b->first_row);
}

/* A block's text cut to what search reads of it, at a character start:
 * a megabyte paragraph costs no more than a long one. */
static size_t scan_length(const char *text)
{
	size_t len = strlen(text);
	if (len <= SNIPPET_SCAN)
		return len;
	size_t n = SNIPPET_SCAN;
	while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
		n--;
	return n;
}

/* Match the current row of the rows statement; add it to its section. */
static void match_row(struct search *s, const struct query *q, struct section **secs,
		      size_t *n)
{
	sqlite3_stmt *st = s->rows;
	const char *text = (const char *)sqlite3_column_text(st, 4);
	struct row r = {sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 3),
			sqlite3_column_int(st, 1), text ? text : "", 0, 0};
	r.count = find_marks(s->fold, q, s->scratch, r.text, scan_length(r.text), NULL, 0,
			     &r.terms);
	if (r.count)
		add_row(section_for(secs, n, (long)sqlite3_column_int64(st, 2)), &r);
}

/* The sections of `article` that hold some of the query, best first. */
static size_t read_sections(struct search *s, const struct query *q, size_t article,
			    struct section **secs, bool *failed)
{
	size_t n = 0;
	const struct article_ref *a = &s->arts[article];
	if (a->hi < a->lo)
		return 0;
	sqlite3_bind_int64(s->rows, 1, a->lo);
	sqlite3_bind_int64(s->rows, 2, a->hi);
	int rc;
	while ((rc = sqlite3_step(s->rows)) == SQLITE_ROW)
		match_row(s, q, secs, &n);
	if (rc != SQLITE_DONE)
		*failed = true;
	sqlite3_reset(s->rows);
	qsort(*secs, n, sizeof **secs, compare_sections);
	return n;
}

/* Column `col` of row `id` of b (0 text, 1 anchor), copied; NULL when
 * there is no such row. */
static char *row_text(struct search *s, sqlite3_int64 id, int col, int *kind, long *sec)
{
	char *text = NULL;
	sqlite3_bind_int64(s->row, 1, id);
	if (sqlite3_step(s->row) == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(s->row, col);
		text = xstrdup(t ? (const char *)t : "");
		if (kind)
			*kind = sqlite3_column_int(s->row, 2);
		if (sec)
			*sec = (long)sqlite3_column_int64(s->row, 3);
	}
	sqlite3_reset(s->row);
	return text;
}

/* ---- snippets ---- */

/* Start of the character before `i`. */
static size_t char_before(const char *s, size_t i)
{
	while (i > 0 && ((unsigned char)s[--i] & 0xC0) == 0x80)
		;
	return i;
}

/* Where a snippet starts so that the first match shows with about
 * `lead` columns before it, at the start of a word when one is near. */
static size_t snippet_start(const char *s, size_t first, size_t lead)
{
	size_t p = first, cols = 0;
	while (p > 0) {
		size_t q = char_before(s, p);
		uint32_t cp;
		text_decode(s + q, p - q, &cp);
		cols += (size_t)text_char_width(cp);
		if (cols > lead && text_char_width(cp) > 0)
			break;
		p = q;
	}
	if (p == 0)
		return 0;
	const char *space = memchr(s + p, ' ', first - p);
	return space ? (size_t)(space - s) + 1 : p;
}

/* Where it ends: within `cols` columns, after a whole word if one ends
 * after the first match. */
static size_t snippet_end(const char *s, size_t len, size_t start, size_t cols,
			  size_t keep)
{
	size_t take = text_fit(s + start, len - start, cols);
	size_t end = start + take;
	if (end >= len)
		return len;
	for (size_t i = end; i > keep && i > start; i--)
		if (s[i] == ' ')
			return i;
	return end;
}

static void make_snippet(struct search_hit *hit, const char *text, struct search_mark *m,
			 size_t nm, size_t columns)
{
	size_t len = strlen(text);
	struct buf out = BUF_INIT;
	size_t first = nm ? m[0].start : 0, start = 0, end = len;
	if (text_width(text, len) > columns) {
		if (text_width(text, first) > columns / 3)
			start = snippet_start(text, first, columns / 4);
		size_t room = columns - (start ? 3 : 0) - 3;
		end = snippet_end(text, len, start, room, nm ? m[0].end : start);
	}
	while (end > start && text[end - 1] == ' ')
		end--;
	size_t shift = start ? strlen(ELLIPSIS) : 0;
	buf_puts(&out, start ? ELLIPSIS : "");
	buf_append(&out, text + start, end - start);
	buf_puts(&out, end < len ? ELLIPSIS : "");
	struct search_mark *marks = xcalloc(nm ? nm : 1, sizeof *marks);
	size_t k = 0;
	for (size_t i = 0; i < nm; i++)
		if (m[i].start >= start && m[i].start < end)
			marks[k++] = (struct search_mark){m[i].start - start + shift,
				(m[i].end < end ? m[i].end : end) - start + shift};
	hit->snippet_len = out.len;
	hit->snippet = buf_detach(&out);
	hit->marks = marks;
	hit->nmarks = k;
}

/* The best body row, after the section's first paragraph when the row
 * alone says little: a list item "sunburn" reads as "Most clinics ask
 * you to wait if the area has: ... sunburn". */
static char *with_lead_in(struct search *s, const struct section *x)
{
	size_t len = strlen(x->body);
	if (!x->hrow || x->body_row <= x->hrow + 1 ||
	    text_width(x->body, len) * 2 >= s->opts.snippet_columns)
		return xstrdup(x->body);
	int kind = -1;
	long sec = -2;
	char *lead = row_text(s, x->hrow + 1, 0, &kind, &sec);
	if (!lead || kind != ROW_BODY || sec != x->sec) {
		free(lead);
		return xstrdup(x->body);
	}
	struct buf b = BUF_INIT;
	buf_printf(&b, "%s " ELLIPSIS " %s", lead, x->body);
	free(lead);
	return buf_detach(&b);
}

/* The snippet comes from the best body row, else the text right after
 * the heading that matched. */
static char *snippet_source(struct search *s, const struct section *x)
{
	if (x->body)
		return with_lead_in(s, x);
	sqlite3_int64 after = x->hrow ? x->hrow : x->head_row;
	int kind = -1;
	long sec = -2;
	char *t = after ? row_text(s, after + 1, 0, &kind, &sec) : NULL;
	if (t && (kind != ROW_BODY || sec != x->sec)) {
		free(t);
		t = NULL;
	}
	return t ? t : xstrdup("");
}

static void fill_hit(struct search *s, const struct query *q, size_t article,
		     const struct section *x, struct search_hit *hit)
{
	hit->article = article;
	hit->heading = x->sec;
	hit->title = xstrdup(s->arts[article].title);
	if (x->sec >= 0 && x->hrow) {
		hit->section = row_text(s, x->hrow, 0, NULL, NULL);
		hit->anchor = row_text(s, x->hrow, 1, NULL, NULL);
	}
	char *src = snippet_source(s, x);
	size_t len = scan_length(src);
	src[len] = '\0';
	struct search_mark marks[64];
	size_t nm = find_marks(s->fold, q, s->scratch, src, len, marks, 64, NULL);
	make_snippet(hit, src, marks, nm < 64 ? nm : 64, s->opts.snippet_columns);
	free(src);
}

static struct search_hit *new_hit(struct results *r)
{
	if (r->pub.count == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->hits = xreallocarray(r->hits, r->cap, sizeof *r->hits);
		r->named = xreallocarray(r->named, r->cap, sizeof *r->named);
	}
	struct search_hit *h = &r->hits[r->pub.count++];
	memset(h, 0, sizeof *h);
	r->pub.hits = r->hits;
	return h;
}

static void add_hits(struct search *s, const struct query *q, const struct ranked *a,
		     struct results *r)
{
	struct section *secs = NULL;
	size_t n = read_sections(s, q, a->article, &secs, &r->pub.failed);
	if (n == 0 && s->arts[a->article].hi >= s->arts[a->article].lo) {
		/* FTS5 found what the rows do not show (words across two
		 * blocks): the hit is the article's top. */
		secs = xcalloc(1, sizeof *secs);
		*secs = (struct section){.sec = -1, .head_row = s->arts[a->article].lo};
		n = 1;
	}
	for (size_t i = 0; i < n; i++) {
		if (i < s->opts.per_article && r->pub.count < s->opts.max_hits) {
			struct search_hit *h = new_hit(r);
			fill_hit(s, q, a->article, &secs[i], h);
			h->all_words = a->all;
			r->named[r->pub.count - 1] =
				(size_t)__builtin_popcountll(secs[i].head_terms) == q->nterms;
		}
		free(secs[i].body);
	}
	free(secs);
}

/* A first letter on its own: it starts a word in nearly every article,
 * and bm25 over all of them would say little at great cost. */
static bool first_letter(const struct query *q)
{
	const struct qtok *t = &q->words[0].tok;
	return q->nwords == 1 && q->prefix_last && fold_length(t->folded, strlen(t->folded)) == 1;
}

/* Articles with every term, then (for more than one term) with some;
 * for a first letter, in the guide's order. */
static size_t rank_all(struct search *s, const struct query *q, struct ranked *out,
		       bool *failed)
{
	size_t limit = s->opts.max_hits;
	sqlite3_stmt *st = first_letter(q) ? s->browse : s->rank;
	size_t n = rank_articles(s, st, &q->all, limit, true, out, 0, failed);
	if (n < limit && q->nterms > 1)
		n = rank_articles(s, st, &q->any, limit, false, out, n, failed);
	return n;
}

static bool any_all(const struct ranked *r, size_t n)
{
	return n > 0 && r[0].all;
}

/* Articles whose best section (or title) is named by every word ("blood
 * thinner": the section "Blood thinners or a bleeding problem") come before
 * those that only mention the words, keeping bm25's order otherwise. */
static void named_first(struct results *r)
{
	size_t n = r->pub.count, k = 0;
	if (n < 2)
		return;
	struct search_hit *out = xcalloc(n ? n : 1, sizeof *out);
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < n;) {
			size_t end = i + 1; /* an article's hits are together */
			while (end < n && r->hits[end].article == r->hits[i].article)
				end++;
			bool first = r->hits[i].all_words && r->named[i];
			if (first == (pass == 0))
				for (size_t j = i; j < end; j++)
					out[k++] = r->hits[j];
			i = end;
		}
	memcpy(r->hits, out, n * sizeof *out);
	free(out);
}

static void run_query(struct search *s, struct query *q, const char *typed, struct results *r)
{
	struct ranked *ranked = xcalloc(s->opts.max_hits, sizeof *ranked);
	size_t n = rank_all(s, q, ranked, &r->pub.failed);
	if (!any_all(ranked, n) && correct(s, q)) {
		r->corrected = corrected_text(q, typed);
		r->pub.corrected = r->corrected;
		n = rank_all(s, q, ranked, &r->pub.failed);
	}
	for (size_t i = 0; i < n && r->pub.count < s->opts.max_hits; i++)
		add_hits(s, q, &ranked[i], r);
	named_first(r);
	free(ranked);
}

struct search_results *search_query(struct search *s, const char *query, size_t len)
{
	struct results *r = xcalloc(1, sizeof *r);
	struct query q = {0};
	build_rest(s);
	query_words(s->fold, &s->syn, query ? query : "", query ? len : 0, &q);
	compile(&q, &s->syn);
	r->pub.words = q.nwords;
	pthread_mutex_lock(&s->lock);
	r->pub.indexed = atomic_load(&s->indexed);
	r->pub.total = s->total;
	r->pub.partial = r->pub.indexed < s->total;
	r->pub.failed = atomic_load(&s->broken);
	if (q.nterms)
		run_query(s, &q, query, r);
	pthread_mutex_unlock(&s->lock);
	query_free(&q);
	return &r->pub;
}

void search_results_free(struct search_results *pub)
{
	if (!pub)
		return;
	struct results *r = (struct results *)pub;
	for (size_t i = 0; i < r->pub.count; i++) {
		struct search_hit *h = &r->hits[i];
		free((char *)h->title);
		free((char *)h->section);
		free((char *)h->anchor);
		free((char *)h->snippet);
		free((struct search_mark *)h->marks);
	}
	free(r->hits);
	free(r->named);
	free(r->corrected);
	free(r);
}
