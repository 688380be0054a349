/* check: everything an editor needs to know before patients read it. */
#include "skinguide/check.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "skinguide/buf.h"
#include "skinguide/content.h"
#include "skinguide/doc.h"
#include "skinguide/outline.h"
#include "skinguide/quiz.h"
#include "skinguide/readability.h"
#include "skinguide/search.h"
#include "skinguide/text.h"

/* Byte problems reported per file before the rest is summed up. */
#define MAX_BYTE_PROBLEMS 5

struct diag {
	int line;
	size_t seq;   /* order of finding, for equal lines */
	char *text;   /* the whole "file:line: error: ..." line */
};

struct checker {
	FILE *out;
	struct guide *guide;
	struct check_result *res;
	const char *path;     /* the file being checked */
	int line;             /* line of the block being read, for sentences */
	struct readability stats;
	struct diag *diags;   /* this file's findings, printed in line order */
	size_t ndiags, diags_cap;
	size_t printed;       /* diagnostics printed so far */
};

__attribute__((format(printf, 4, 5)))
static void report(struct checker *c, int line, bool error, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	char msg[1024];
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (line < 1)
		line = 1;
	struct buf raw = BUF_INIT;
	buf_printf(&raw, "%s:%d: %s: %s", c->path, line, error ? "error" : "warning", msg);
	/* The path came from the command line or a directory listing: no
	 * escape code in it may reach the terminal. */
	text_sanitize(&b, raw.data, raw.len, false);
	buf_free(&raw);
	if (c->ndiags == c->diags_cap) {
		c->diags_cap = c->diags_cap ? c->diags_cap * 2 : 16;
		c->diags = xreallocarray(c->diags, c->diags_cap, sizeof *c->diags);
	}
	c->diags[c->ndiags] = (struct diag){line, c->ndiags, buf_detach(&b)};
	c->ndiags++;
	if (error)
		c->res->errors++;
	else
		c->res->warnings++;
}

static int compare_diags(const void *a, const void *b)
{
	const struct diag *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Print the file's findings in line order, as an editor reads them. */
static void flush_diags(struct checker *c)
{
	if (c->ndiags == 0)
		return;
	qsort(c->diags, c->ndiags, sizeof *c->diags, compare_diags);
	for (size_t i = 0; i < c->ndiags; i++) {
		fprintf(c->out, "%s\n", c->diags[i].text);
		free(c->diags[i].text);
	}
	c->printed += c->ndiags;
	c->ndiags = 0;
}

/* ---- bytes ------------------------------------------------------------- */

typedef void (*byte_fn)(void *ctx, int line, size_t col, const char *what);

/* Call `fn` for each invalid or control character, with its line and
 * column (in characters, from 1). */
static size_t scan_bytes(const char *s, size_t n, byte_fn fn, void *ctx, int *last_line)
{
	size_t problems = 0, col = 1;
	int line = 1;
	*last_line = 1;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = text_decode(s + i, n - i, &cp);
		const char *what = NULL;
		if (cp == TEXT_REPLACEMENT && !(len == 3 && memcmp(s + i, "\xef\xbf\xbd", 3) == 0))
			what = "invalid UTF-8; save the file as UTF-8";
		else if (cp == '\r' && i + 1 < n && s[i + 1] == '\n')
			what = NULL;
		else if (text_is_control(cp))
			what = "a control character; delete it";
		if (what && ++problems <= MAX_BYTE_PROBLEMS)
			fn(ctx, line, col, what);
		if (what)
			*last_line = line;
		col++;
		if (cp == '\n') {
			line++;
			col = 1;
		}
		i += len;
	}
	return problems;
}

struct print_ctx {
	FILE *out;
	const char *path;
};

static void print_byte_problem(void *ctx, int line, size_t col, const char *what)
{
	struct print_ctx *p = ctx;
	fprintf(p->out, "%s:%d: error: column %zu is %s\n", p->path, line, col, what);
}

size_t check_bytes(const char *path, const char *s, size_t n, FILE *out)
{
	struct print_ctx p = {out, path};
	int last;
	size_t problems = scan_bytes(s, n, print_byte_problem, &p, &last);
	if (problems > MAX_BYTE_PROBLEMS)
		fprintf(out, "%s: error: %zu more problems of the same kind\n", path,
			problems - MAX_BYTE_PROBLEMS);
	return problems;
}

static void report_byte_problem(void *ctx, int line, size_t col, const char *what)
{
	report(ctx, line, true, "column %zu is %s", col, what);
}

/* ---- structure --------------------------------------------------------- */

static int line_of(cmark_node *n)
{
	/* Inlines carry no position: use the block that holds them. */
	while (n && cmark_node_get_start_line(n) == 0)
		n = cmark_node_parent(n);
	return n ? cmark_node_get_start_line(n) : 1;
}

static bool is_heading(cmark_node *n, int *level)
{
	if (!n || cmark_node_get_type(n) != CMARK_NODE_HEADING)
		return false;
	*level = cmark_node_get_heading_level(n);
	return true;
}

static bool is_sources(cmark_node *n)
{
	int level;
	if (!is_heading(n, &level))
		return false;
	struct buf t = BUF_INIT;
	doc_plain_text(n, &t);
	bool yes = t.data && strcasecmp(t.data, "Sources") == 0;
	buf_free(&t);
	return yes;
}

static void check_title(struct checker *c, cmark_node *doc)
{
	cmark_node *title = NULL;
	int level;
	for (cmark_node *n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
		if (!is_heading(n, &level) || level != 1)
			continue;
		if (title)
			report(c, line_of(n), true, "a second level-1 heading; an article has "
			       "one title, so make this '##'");
		else
			title = n;
	}
	if (!title) {
		/* The same words as the guide itself uses for this file. */
		cmark_node *first = cmark_node_first_child(doc);
		while (first && cmark_node_get_type(first) != CMARK_NODE_HEADING)
			first = cmark_node_next(first);
		if (first)
			report(c, line_of(first), true, "the first heading is not a title; "
			       "start the article with a level-1 heading such as '# Aftercare'");
		else
			report(c, 1, true, "no title; start the article with a level-1 "
			       "heading such as '# Aftercare'");
		return;
	}
	if (title != cmark_node_first_child(doc))
		report(c, line_of(title), false, "text before the title; the title should "
		       "come first");
	cmark_node *summary = cmark_node_next(title);
	if (!summary || cmark_node_get_type(summary) != CMARK_NODE_PARAGRAPH) {
		report(c, line_of(title), true, "no summary; put a one-sentence paragraph "
		       "right after the title");
		return;
	}
	struct buf t = BUF_INIT;
	doc_plain_text(summary, &t);
	size_t w = text_width(t.data ? t.data : "", t.len);
	if (w > CHECK_SUMMARY_COLUMNS)
		report(c, line_of(summary), false, "the summary is %zu characters; the home "
		       "screen shows about %d, so shorten it", w, CHECK_SUMMARY_COLUMNS);
	buf_free(&t);
}

static void check_sections(struct checker *c, cmark_node *doc)
{
	bool sources = false;
	int level, next_level;
	for (cmark_node *n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
		if (!is_heading(n, &level))
			continue;
		if (level > 3)
			report(c, line_of(n), false, "a level-%d heading; use at most three "
			       "levels (#, ##, ###)", level);
		cmark_node *next = cmark_node_next(n);
		if (level > 1 && (!next || (is_heading(next, &next_level) && next_level <= level)))
			report(c, line_of(n), true, "an empty section; add text under the "
			       "heading or remove it");
		if (is_sources(n))
			sources = true;
	}
	if (!sources)
		report(c, 1, true, "no Sources section; end the article with '## Sources' "
		       "listing where its facts come from");
}

/* ---- links ------------------------------------------------------------- */

/* `own` is the outline of the file being checked; another article's comes
 * from the guide's cache, so each is made once however many links. */
static bool article_has_anchor(struct checker *c, size_t article, const char *fragment,
			       const struct outline *own)
{
	struct sg_error err;
	const struct outline *o = own ? own : guide_outline(c->guide, article, &err);
	return o && outline_find_anchor(o, fragment) >= 0;
}

static void check_link(struct checker *c, cmark_node *link, const struct outline *own)
{
	const char *url = cmark_node_get_url(link);
	size_t article;
	const char *fragment;
	struct buf clean = BUF_INIT;
	text_sanitize(&clean, url, strlen(url), false);
	const char *shown = clean.data ? clean.data : "";
	switch (guide_resolve(c->guide, url, &article, &fragment)) {
	case GUIDE_LINK_BROKEN:
		report(c, line_of(link), true, "the link '%s' leads to no article; link to "
		       "an article as 'id.md' (see --list)", shown);
		break;
	case GUIDE_LINK_ANCHOR:
		if (!article_has_anchor(c, 0, fragment, own))
			report(c, line_of(link), true, "the link '%s' names no heading of this "
			       "article", shown);
		break;
	case GUIDE_LINK_ARTICLE:
		if (fragment && *fragment && !article_has_anchor(c, article, fragment, NULL))
			report(c, line_of(link), true, "the link '%s' names no heading of "
			       "'%s'", shown, guide_article(c->guide, article)->id);
		break;
	case GUIDE_LINK_EXTERNAL:
		break;
	}
	buf_free(&clean);
}

static void check_links(struct checker *c, cmark_node *doc)
{
	struct outline *own = outline_new(doc);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_LINK)
			check_link(c, n, own);
	}
	cmark_iter_free(it);
	outline_free(own);
}

/* ---- reading level ----------------------------------------------------- */

static void on_sentence(void *ctx, const struct rd_sentence *s)
{
	struct checker *c = ctx;
	if (s->words <= CHECK_SENTENCE_WARN)
		return;
	bool error = s->words > CHECK_SENTENCE_ERROR;
	size_t show = text_fit(s->start, s->len, 40);
	report(c, c->line, error, "a sentence of %zu words (%s %d): \"%.*s%s\"", s->words,
	       error ? "the limit is" : "aim for", error ? CHECK_SENTENCE_ERROR
	       : CHECK_SENTENCE_WARN, (int)show, s->start, show < s->len ? "..." : "");
}

/* Count the text of every paragraph and heading before Sources, and
 * judge each sentence's length. */
static void check_sentences(struct checker *c, cmark_node *doc)
{
	struct buf t = BUF_INIT;
	for (cmark_node *top = cmark_node_first_child(doc); top && !is_sources(top);
	     top = cmark_node_next(top)) {
		cmark_iter *it = cmark_iter_new(top);
		cmark_event_type ev;
		while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
			cmark_node *n = cmark_iter_get_node(it);
			cmark_node_type type = cmark_node_get_type(n);
			if (ev != CMARK_EVENT_ENTER ||
			    (type != CMARK_NODE_PARAGRAPH && type != CMARK_NODE_HEADING))
				continue;
			buf_clear(&t);
			doc_plain_text(n, &t);
			c->line = line_of(n);
			readability_add(&c->stats, t.data ? t.data : "", t.len, on_sentence, c);
		}
		cmark_iter_free(it);
	}
	buf_free(&t);
}

static void check_reading(struct checker *c, cmark_node *doc)
{
	check_sentences(c, doc);
	double grade = readability_grade(&c->stats);
	/* A grade from a few words says nothing: "Summary." alone scores 14. */
	if (c->stats.words < CHECK_GRADE_MIN_WORDS)
		return;
	if (grade > CHECK_GRADE_ERROR)
		report(c, 1, true, "reading grade %.1f is above %.0f; use shorter sentences "
		       "and shorter words", grade, CHECK_GRADE_ERROR);
	else if (grade > CHECK_GRADE_WARN)
		report(c, 1, false, "reading grade %.1f; aim for %.0f or below", grade,
		       CHECK_GRADE_WARN);
}

/* ---- the directory ----------------------------------------------------- */

static void check_file_bytes(struct checker *c, const struct buf *src)
{
	int last;
	size_t bad = scan_bytes(src->data ? src->data : "", src->len, report_byte_problem, c,
				&last);
	if (bad > MAX_BYTE_PROBLEMS)
		report(c, last, true, "%zu more bad characters up to this line; save the "
		       "file as plain UTF-8 text", bad - MAX_BYTE_PROBLEMS);
}

static void check_article(struct checker *c, size_t i, struct readability *stats)
{
	const struct article *a = guide_article(c->guide, i);
	struct buf src = BUF_INIT;
	struct sg_error err;
	c->path = a->path;
	memset(&c->stats, 0, sizeof c->stats);
	if (!guide_read_file(a->path, &src, &err)) {
		/* The message starts with the path; say it once, as file:line. */
		size_t plen = strlen(a->path);
		const char *why = strncmp(err.msg, a->path, plen) == 0 && err.msg[plen] == ':'
			? err.msg + plen + 2 : err.msg;
		report(c, 1, true, "%s", why);
		goto done;
	}
	check_file_bytes(c, &src);
	long first = guide_find(c->guide, a->id);
	if (first >= 0 && (size_t)first != i)
		report(c, 1, true, "the id '%s' is also used by %s; rename one of the files",
		       a->id, guide_article(c->guide, (size_t)first)->path);
	cmark_node *doc = doc_parse(src.data ? src.data : "", src.len);
	check_title(c, doc);
	check_sections(c, doc);
	check_links(c, doc);
	check_reading(c, doc);
	cmark_node_free(doc);
done:
	flush_diags(c);
	*stats = c->stats;
	buf_free(&src);
}

/* Markdown files the guide will not show, most likely misnamed. */
static void check_strays(struct checker *c, const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	size_t dlen = strlen(dir);
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		char id[256];
		unsigned number;
		if (len < 4 || strcmp(e->d_name + len - 3, ".md") != 0 ||
		    strcmp(e->d_name, "index.md") == 0 || strcmp(e->d_name, "quiz.md") == 0 ||
		    guide_parse_filename(e->d_name, &number, id, sizeof id))
			continue;
		/* A file name may hold escape codes: show them as '?'. */
		struct buf path = BUF_INIT;
		buf_printf(&path, "%s%s", dir, dlen && dir[dlen - 1] == '/' ? "" : "/");
		for (size_t i = 0; i < len; i++)
			buf_putc(&path, (unsigned char)e->d_name[i] < 0x20 ||
				 e->d_name[i] == 0x7f ? '?' : e->d_name[i]);
		c->path = path.data;
		report(c, 1, false, "not shown: an article's name must look like "
		       "01-some-id.md (a number, '-', then a-z, 0-9, '-' or '_')");
		flush_diags(c);
		buf_free(&path);
	}
	closedir(d);
}

/* index.md is the first thing every patient reads: clean bytes, a title,
 * links that work and short sentences. */
static void check_index(struct checker *c, const char *dir)
{
	struct buf path = BUF_INIT, src = BUF_INIT;
	size_t dlen = strlen(dir);
	buf_printf(&path, "%s%sindex.md", dir, dlen && dir[dlen - 1] == '/' ? "" : "/");
	struct sg_error err;
	c->path = path.data;
	if (access(path.data, F_OK) != 0)
		goto done;
	if (!guide_read_file(path.data, &src, &err)) {
		report(c, 1, true, "cannot be read; check that it is a readable file");
		goto done;
	}
	check_file_bytes(c, &src);
	cmark_node *doc = doc_parse(src.data ? src.data : "", src.len);
	int level;
	cmark_node *first = cmark_node_first_child(doc);
	if (!is_heading(first, &level) || level != 1)
		report(c, 1, true, "no title; start index.md with a level-1 heading, the "
		       "guide's name, such as '# Your microneedling guide'");
	check_links(c, doc);
	struct readability ignored = {0};
	c->stats = ignored;
	check_sentences(c, doc);
	cmark_node_free(doc);
done:
	flush_diags(c);
	buf_free(&src);
	buf_free(&path);
}

/* Kept beside its only user so that this change stays in one place while
 * others edit the rest of the file; it may move up with the others. */

/* synonyms.md, when the directory has one: clean bytes and the search
 * module's own rules for its lines and settings. */
static void check_synonyms(struct checker *c, const char *dir)
{
	struct buf path = BUF_INIT, src = BUF_INIT;
	struct search_diags diags = SEARCH_DIAGS_INIT;
	size_t dlen = strlen(dir);
	buf_printf(&path, "%s%s%s", dir, dlen && dir[dlen - 1] == '/' ? "" : "/",
		   SEARCH_SYNONYMS_FILE);
	struct sg_error err;
	c->path = path.data;
	if (access(path.data, F_OK) != 0)
		goto done;
	if (!guide_read_file(path.data, &src, &err)) {
		report(c, 1, true, "cannot be read; check that it is a readable file");
		goto done;
	}
	check_file_bytes(c, &src);
	search_synonyms_check(src.data ? src.data : "", src.len, &diags);
	for (size_t i = 0; i < diags.count; i++)
		report(c, diags.items[i].line, diags.items[i].error, "%s",
		       diags.items[i].message);
done:
	flush_diags(c);
	search_diags_free(&diags);
	buf_free(&src);
	buf_free(&path);
}

/* quiz.md, when the directory has one: the quiz module's own rules, links
 * that lead somewhere, and the articles' reading checks. */
static void check_quiz(struct checker *c, const char *dir)
{
	struct buf path = BUF_INIT, src = BUF_INIT;
	struct quiz_diags diags = QUIZ_DIAGS_INIT;
	struct quiz *q = NULL;
	size_t dlen = strlen(dir);
	buf_printf(&path, "%s%squiz.md", dir, dlen && dir[dlen - 1] == '/' ? "" : "/");
	struct sg_error err;
	c->path = path.data;
	if (access(path.data, F_OK) != 0)
		goto done;
	if (!guide_read_file(path.data, &src, &err)) {
		report(c, 1, true, "cannot be read; check that it is a readable file");
		goto done;
	}
	check_file_bytes(c, &src);
	q = quiz_parse(src.data ? src.data : "", src.len, path.data, &diags);
	quiz_check_links(q, c->guide, &diags);
	for (size_t i = 0; i < diags.count; i++)
		report(c, diags.items[i].line, diags.items[i].severity == QUIZ_ERROR, "%s",
		       diags.items[i].message);
	cmark_node *doc = doc_parse(src.data ? src.data : "", src.len);
	memset(&c->stats, 0, sizeof c->stats);
	check_reading(c, doc);
	cmark_node_free(doc);
done:
	flush_diags(c);
	quiz_free(q);
	quiz_diags_free(&diags);
	buf_free(&src);
	buf_free(&path);
}

static void print_table(FILE *out, const struct guide *g, const struct readability *stats,
			bool after_diagnostics)
{
	if (after_diagnostics)
		fputc('\n', out);
	fprintf(out, "%-28s %6s %9s %10s %6s %6s\n", "article", "words", "sentences",
		"words/sen", "grade", "SMOG");
	for (size_t i = 0; i < guide_count(g); i++) {
		const struct readability *r = &stats[i];
		double wps = r->sentences ? (double)r->words / (double)r->sentences : 0;
		fprintf(out, "%-28s %6zu %9zu %10.1f %6.1f %6.1f\n", guide_article(g, i)->id,
			r->words, r->sentences, wps, readability_grade(r), readability_smog(r));
	}
}

void check_dir(const char *dir, FILE *out, struct check_result *res)
{
	struct sg_error err;
	memset(res, 0, sizeof *res);
	struct guide *g = guide_scan(dir, &err);
	if (!g) {
		fprintf(out, "%s\n", err.msg);
		res->errors++;
		return;
	}
	struct checker c = {.out = out, .guide = g, .res = res};
	struct readability *stats = xcalloc(guide_count(g), sizeof *stats);
	check_index(&c, dir);
	check_synonyms(&c, dir);
	check_quiz(&c, dir);
	for (size_t i = 0; i < guide_count(g); i++)
		check_article(&c, i, &stats[i]);
	check_strays(&c, dir);
	res->articles = guide_count(g);
	print_table(out, g, stats, c.printed > 0);
	free(stats);
	free(c.diags);
	guide_free(g);
}
