/* check: everything an editor needs to know before patients read it. */
#include "skinguide/check.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "skinguide/buf.h"
#include "skinguide/clinic.h"
#include "skinguide/content.h"
#include "skinguide/doc.h"
#include "skinguide/outline.h"
#include "skinguide/quiz.h"
#include "skinguide/readability.h"
#include "skinguide/search.h"
#include "skinguide/text.h"

/* Byte problems reported per file before the rest is summed up. */
#define MAX_BYTE_PROBLEMS 5

struct finding {
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
	struct finding *diags;   /* this file's findings, printed in line order */
	size_t ndiags, diags_cap;
	size_t printed;       /* diagnostics printed so far */
	const char *today;    /* "YYYY-MM-DD", for review dates */
	int today_ymd[3];
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
	ARRAY_GROW(c->diags, c->ndiags, c->diags_cap);
	c->diags[c->ndiags] = (struct finding){line, c->ndiags, buf_detach(&b)};
	c->ndiags++;
	if (error)
		c->res->errors++;
	else
		c->res->warnings++;
}

static int compare_diags(const void *a, const void *b)
{
	const struct finding *x = a, *y = b;
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

/* Embeddings, overrides and isolates: the guide drops them (an open one
 * can reverse the rest of a terminal line), so the text would not read
 * as written. */
static bool is_bidi_override(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* What to say of an escape character followed by `rest`: the terminal
 * code it starts, as far as it is printable ("[31m", "]0;title"), is to
 * be deleted with it. */
static const char *escape_problem(const char *rest, size_t n, char *out, size_t size)
{
	size_t len = 0;
	while (len < n && len < 12 && (unsigned char)rest[len] > 0x20 &&
	       (unsigned char)rest[len] < 0x7f) {
		len++;
		/* A CSI code ends at its final byte, a letter or one of @[\]^_`{|}~. */
		if (rest[0] == '[' && len > 1 && rest[len - 1] >= 0x40)
			break;
	}
	if (len == 0)
		return "an escape character (U+001B); delete it";
	snprintf(out, size, "an escape character (U+001B), the start of the terminal code "
		 "\"%.*s\" after it; delete both", (int)len, rest);
	return out;
}

/* Call `fn` for each invalid or control character, with its line and
 * column (in characters, from 1). */
static size_t scan_bytes(const char *s, size_t n, byte_fn fn, void *ctx, int *last_line)
{
	size_t problems = 0, col = 1;
	int line = 1;
	*last_line = 1;
	for (size_t i = 0; i < n;) {
		size_t run = text_ascii_run(s + i, n - i);
		if (run) { /* nothing to report, one column each */
			col += run;
			i += run;
			continue;
		}
		uint32_t cp;
		size_t len = text_decode(s + i, n - i, &cp);
		const char *what = NULL;
		char control[160];
		if (cp == TEXT_REPLACEMENT && !(len == 3 && memcmp(s + i, "\xef\xbf\xbd", 3) == 0))
			what = "invalid UTF-8; save the file as UTF-8";
		else if (cp == '\r' && i + 1 < n && s[i + 1] == '\n')
			what = NULL;
		else if (cp == 0x1B) /* deleted alone, it would leave "[31m" showing */
			what = escape_problem(s + i + 1, n - i - 1, control, sizeof control);
		else if (text_is_control(cp) &&
			 snprintf(control, sizeof control, "a control character (U+%04X); "
				  "delete it", (unsigned)cp) > 0)
			what = control;
		else if (is_bidi_override(cp))
			what = "a bidi override, which can turn a line around on a terminal; "
			       "delete it";
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

/* ---- controls written as entities --------------------------------------- */

static bool holds_control(const char *s)
{
	for (size_t i = 0, n = s ? strlen(s) : 0; i < n;) {
		i += text_ascii_run(s + i, n - i);
		if (i == n)
			break;
		uint32_t cp;
		i += text_decode(s + i, n - i, &cp);
		if ((text_is_control(cp) && cp != '\n' && cp != '\t') || is_bidi_override(cp))
			return true;
	}
	return false;
}

/* "&#27;" is five clean bytes that cmark decodes into an escape: what the
 * bytes' scan cannot see, the parsed text shows. */
static void check_entities(struct checker *c, cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	if (!it)
		sg_oom();
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		bool link = cmark_node_get_type(n) == CMARK_NODE_LINK ||
			    cmark_node_get_type(n) == CMARK_NODE_IMAGE;
		if (holds_control(cmark_node_get_literal(n)) ||
		    (link && holds_control(cmark_node_get_url(n))))
			report(c, line_of(n), true, "a control character or bidi override "
			       "written as an entity (such as &#27;); delete it");
	}
	cmark_iter_free(it);
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

/* The first block a reader sees: HTML comments are hidden, so a note
 * between editors may come before the title. */
static cmark_node *first_shown(cmark_node *doc)
{
	cmark_node *n = cmark_node_first_child(doc);
	while (n && cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK && !outline_counts(n))
		n = cmark_node_next(n);
	return n;
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
	if (title != first_shown(doc))
		report(c, line_of(title), false, "text before the title; the title should "
		       "come first");
	struct buf words = BUF_INIT;
	doc_plain_text(title, &words);
	if (!words.data || !words.data[strspn(words.data, " ")])
		report(c, line_of(title), true, "the title is empty; write the article's "
		       "title after the '# '");
	buf_free(&words);
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
	int level, next_level, above = 0;
	for (cmark_node *n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
		if (!is_heading(n, &level))
			continue;
		/* Screen readers list and jump by heading level: a skipped
		 * level looks like a missing section. */
		if (above && level > above + 1)
			report(c, line_of(n), false, "a level-%d heading right after a level-%d "
			       "one skips a level; use %.*s", level, above, above + 1, "######");
		else if (level > 3)
			report(c, line_of(n), false, "a level-%d heading; use at most three "
			       "levels (#, ##, ###)", level);
		above = level;
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

/* ---- tables ------------------------------------------------------------ */

/* Where each line of a file starts, so that a block's source lines can
 * be read without scanning the file again. */
struct lines {
	const char *src;
	size_t len;
	size_t *starts; /* starts[i] is the offset of line i + 1 */
	size_t count;
};

static void lines_index(struct lines *l, const char *src, size_t len)
{
	size_t cap = 64;
	*l = (struct lines){src, len, xcalloc(cap, sizeof *l->starts), 0};
	for (size_t i = 0;;) {
		if (l->count == cap) {
			cap *= 2;
			l->starts = xreallocarray(l->starts, cap, sizeof *l->starts);
		}
		l->starts[l->count++] = i;
		const char *nl = memchr(src + i, '\n', len - i);
		if (!nl)
			break;
		i = (size_t)(nl - src) + 1;
	}
}

/* Line `n` (from 1) without its line end; NULL past the end. */
static const char *lines_get(const struct lines *l, int n, size_t *len)
{
	if (n < 1 || (size_t)n > l->count)
		return NULL;
	size_t start = l->starts[n - 1];
	size_t end = (size_t)n < l->count ? l->starts[n] : l->len;
	while (end > start && (l->src[end - 1] == '\n' || l->src[end - 1] == '\r'))
		end--;
	*len = end - start;
	return l->src + start;
}

/* A GFM table's second row, "|---|:--:|", inside a quote or not. */
static bool is_table_rule(const char *s, size_t len)
{
	size_t i = 0, pipes = 0, dashes = 0;
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '>'))
		i++;
	for (; i < len; i++) {
		if (s[i] == '|')
			pipes++;
		else if (s[i] == '-')
			dashes++;
		else if (s[i] != ':' && s[i] != ' ' && s[i] != '\t')
			return false;
	}
	return pipes > 0 && dashes > 0;
}

/* CommonMark has no tables: one comes out as a paragraph of pipes. */
static void check_table(struct checker *c, cmark_node *para, const struct lines *src)
{
	int first = cmark_node_get_start_line(para), last = cmark_node_get_end_line(para);
	for (int n = first + 1; n <= last; n++) {
		size_t len, above_len;
		const char *line = lines_get(src, n, &len);
		const char *above = lines_get(src, n - 1, &above_len);
		if (line && above && is_table_rule(line, len) && memchr(above, '|', above_len)) {
			report(c, n - 1, false, "tables are not supported; use a list, one "
			       "item for each row");
			return;
		}
	}
}

static void check_tables(struct checker *c, cmark_node *doc, const struct buf *src)
{
	/* A table's first row has a '|': without one the file has none. */
	if (!memchr(buf_str(src), '|', src->len))
		return;
	struct lines lines;
	lines_index(&lines, buf_str(src), src->len);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH)
			check_table(c, n, &lines);
	}
	cmark_iter_free(it);
	free(lines.starts);
}

/* ---- links ------------------------------------------------------------- */

/* The file being checked, for its own "#anchor" links. */
struct own_doc {
	cmark_node *doc;
	struct outline *outline; /* made at the first such link: most have none */
};

/* `own` is the file being checked; another article's outline comes from
 * the guide's cache, so each is made once however many links. */
static bool article_has_anchor(struct checker *c, size_t article, const char *fragment,
			       struct own_doc *own)
{
	struct sg_error err;
	const struct outline *o;
	if (own) {
		if (!own->outline)
			own->outline = outline_new(own->doc);
		o = own->outline;
	} else {
		o = guide_outline(c->guide, article, &err);
	}
	return o && outline_find_anchor(o, fragment) >= 0;
}

/* A clinic: link needs a known key, and words that read well alone:
 * they are all a guide without clinic.md shows. */
static void check_clinic_link(struct checker *c, cmark_node *link, enum clinic_field f,
			      const char *shown)
{
	if (f == CLINIC_FIELDS)
		report(c, line_of(link), true, "the link '%s' names no clinic detail; use "
		       "clinic:name, clinic:phone, clinic:out-of-hours or clinic:emergency",
		       shown);
	else if (!cmark_node_first_child(link))
		report(c, line_of(link), true, "the link '%s' has no words; write what "
		       "the reader should do, such as [call your clinic](clinic:phone)", shown);
}

static void check_link(struct checker *c, cmark_node *link, struct own_doc *own)
{
	const char *url = cmark_node_get_url(link);
	size_t article;
	const char *fragment;
	struct buf clean = BUF_INIT;
	text_sanitize(&clean, url, strlen(url), false);
	const char *shown = clean.data ? clean.data : "";
	enum clinic_field field;
	if (clinic_is_link(url, &field)) {
		check_clinic_link(c, link, field, shown);
		buf_free(&clean);
		return;
	}
	const char *near;
	switch (guide_resolve(c->guide, url, &article, &fragment)) {
	case GUIDE_LINK_BROKEN:
		if ((near = guide_nearest_id(c->guide, url)))
			report(c, line_of(link), true, "the link '%s' leads to no article; did "
			       "you mean '%s.md'?", shown, near);
		else
			report(c, line_of(link), true, "the link '%s' leads to no article; link "
			       "to an article as 'id.md' (see --list)", shown);
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
	struct own_doc own = {doc, NULL};
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_LINK)
			check_link(c, n, &own);
	}
	cmark_iter_free(it);
	outline_free(own.outline);
}

/* ---- review date ------------------------------------------------------- */

/* A paragraph that starts like the review date, anywhere at the top. */
static cmark_node *find_review_label(cmark_node *doc)
{
	struct buf t = BUF_INIT;
	cmark_node *found = NULL;
	for (cmark_node *n = cmark_node_first_child(doc); n && !found; n = cmark_node_next(n)) {
		if (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH)
			continue;
		buf_clear(&t);
		doc_plain_text(n, &t);
		if (strncmp(buf_str(&t), GUIDE_REVIEWED, strlen(GUIDE_REVIEWED)) == 0)
			found = n;
	}
	buf_free(&t);
	return found;
}

/* Dates as {year, month, day}: <0, 0 or >0 as a is before, on or after b. */
static int date_cmp(const int a[3], const int b[3])
{
	for (int i = 0; i < 3; i++)
		if (a[i] != b[i])
			return a[i] < b[i] ? -1 : 1;
	return 0;
}

/* Facts change: an article says when someone last read it against them,
 * and one not read for three years is due again. */
static void check_review(struct checker *c, cmark_node *doc)
{
	struct buf date = BUF_INIT;
	cmark_node *n = guide_review(doc, &date);
	int ymd[3];
	if (!n) {
		cmark_node *elsewhere = find_review_label(doc);
		/* The end of the text: a list's own end may be a blank line. */
		cmark_node *last = cmark_node_last_child(doc);
		while (last && cmark_node_last_child(last) &&
		       cmark_node_get_start_line(cmark_node_last_child(last)) > 0)
			last = cmark_node_last_child(last);
		if (elsewhere)
			report(c, line_of(elsewhere), true, "the review date is not the last "
			       "paragraph; move it to the end of the article");
		else
			report(c, last ? cmark_node_get_end_line(last) : 1, true, "no review "
			       "date; end the article with a paragraph such as '"
			       GUIDE_REVIEWED " %s'", c->today);
	} else if (!guide_parse_date(buf_str(&date), &ymd[0], &ymd[1], &ymd[2])) {
		report(c, line_of(n), true, "'%s' is not a date; write the day of the review "
		       "as YYYY-MM-DD, such as '" GUIDE_REVIEWED " %s'", buf_str(&date),
		       c->today);
	} else if (date_cmp(ymd, c->today_ymd) > 0) {
		report(c, line_of(n), false, "the review date %s is after today (%s); write "
		       "the day the article was reviewed", buf_str(&date), c->today);
	} else if (date_cmp((int[3]){ymd[0] + CHECK_REVIEW_YEARS, ymd[1], ymd[2]},
			    c->today_ymd) < 0) {
		report(c, line_of(n), false, "last reviewed on %s, more than three years ago; "
		       "read it against the facts again, then update the date",
		       buf_str(&date));
	}
	buf_free(&date);
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
 * judge each sentence's length.  The review date is not prose. */
static void check_sentences(struct checker *c, cmark_node *doc)
{
	struct buf t = BUF_INIT;
	cmark_node *review = guide_review(doc, &t);
	for (cmark_node *top = cmark_node_first_child(doc); top && !is_sources(top);
	     top = cmark_node_next(top)) {
		if (top == review)
			continue;
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

/* Returns the problems found. */
static size_t check_file_bytes(struct checker *c, const struct buf *src)
{
	int last;
	size_t bad = scan_bytes(src->data ? src->data : "", src->len, report_byte_problem, c,
				&last);
	if (bad > MAX_BYTE_PROBLEMS)
		report(c, last, true, "%zu more bad characters up to this line; save the "
		       "file as plain UTF-8 text", bad - MAX_BYTE_PROBLEMS);
	return bad;
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
	size_t bad_bytes = check_file_bytes(c, &src);
	long first = guide_find(c->guide, a->id);
	if (first >= 0 && (size_t)first != i)
		report(c, 1, true, "the id '%s' is also used by %s; rename one of the files",
		       a->id, guide_article(c->guide, (size_t)first)->path);
	cmark_node *doc = doc_parse(src.data ? src.data : "", src.len);
	if (!bad_bytes) /* else the raw bytes were reported already */
		check_entities(c, doc);
	check_title(c, doc);
	check_sections(c, doc);
	check_tables(c, doc, &src);
	check_links(c, doc);
	check_review(c, doc);
	check_reading(c, doc);
	cmark_node_free(doc);
done:
	flush_diags(c);
	*stats = c->stats;
	buf_free(&src);
}

/* Markdown files the guide will not show: most likely misnamed articles,
 * which would silently vanish from the guide, so an error. */
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
		    strcmp(e->d_name, CLINIC_FILE) == 0 ||
		    strcmp(e->d_name, SEARCH_SYNONYMS_FILE) == 0 ||
		    guide_parse_filename(e->d_name, &number, id, sizeof id))
			continue;
		/* A file name may hold escape codes: show them as '?'. */
		struct buf path = BUF_INIT;
		buf_printf(&path, "%s%s", dir, dlen && dir[dlen - 1] == '/' ? "" : "/");
		for (size_t i = 0; i < len; i++)
			buf_putc(&path, (unsigned char)e->d_name[i] < 0x20 ||
				 e->d_name[i] == 0x7f ? '?' : e->d_name[i]);
		c->path = path.data;
		report(c, 1, true, "not shown: an article's name is " GUIDE_ID_RULE
		       ", such as 01-some-id.md; rename it, or move it out of the folder");
		flush_diags(c);
		buf_free(&path);
	}
	closedir(d);
}

/* An optional file of the content folder beside the articles (index.md,
 * quiz.md, clinic.md, synonyms.md): true when it is there and readable,
 * its bytes checked, with `path` and `src` filled in.  The caller ends
 * with done_extra(). */
static bool open_extra(struct checker *c, const char *dir, const char *name, struct buf *path,
		       struct buf *src)
{
	size_t dlen = strlen(dir);
	struct sg_error err;
	buf_printf(path, "%s%s%s", dir, dlen && dir[dlen - 1] == '/' ? "" : "/", name);
	c->path = path->data;
	if (access(path->data, F_OK) != 0)
		return false;
	if (!guide_read_file(path->data, src, &err)) {
		report(c, 1, true, "cannot be read; check that it is a readable file");
		return false;
	}
	check_file_bytes(c, src);
	return true;
}

static void done_extra(struct checker *c, struct buf *path, struct buf *src)
{
	flush_diags(c);
	buf_free(src);
	buf_free(path);
}

/* index.md is the first thing every patient reads: clean bytes, a title,
 * links that work and short sentences. */
static void check_index(struct checker *c, const char *dir)
{
	struct buf path = BUF_INIT, src = BUF_INIT;
	if (!open_extra(c, dir, "index.md", &path, &src))
		goto done;
	cmark_node *doc = doc_parse(src.data ? src.data : "", src.len);
	int level;
	cmark_node *first = cmark_node_first_child(doc);
	if (!is_heading(first, &level) || level != 1)
		report(c, 1, true, "no title; start index.md with a level-1 heading, the "
		       "guide's name, such as '# Your microneedling guide'");
	check_tables(c, doc, &src);
	check_links(c, doc);
	struct readability ignored = {0};
	c->stats = ignored;
	check_sentences(c, doc);
	cmark_node_free(doc);
done:
	done_extra(c, &path, &src);
}

/* Kept beside its only user so that this change stays in one place while
 * others edit the rest of the file; it may move up with the others. */

/* synonyms.md, when the directory has one: clean bytes and the search
 * module's own rules for its lines and settings. */
static void check_synonyms(struct checker *c, const char *dir)
{
	struct buf path = BUF_INIT, src = BUF_INIT;
	struct diags diags = DIAGS_INIT;
	if (open_extra(c, dir, SEARCH_SYNONYMS_FILE, &path, &src)) {
		search_synonyms_check(buf_str(&src), src.len, &diags);
		for (size_t i = 0; i < diags.count; i++)
			report(c, diags.items[i].line, diags.items[i].error, "%s",
			       diags.items[i].message);
	}
	done_extra(c, &path, &src);
	diags_free(&diags);
}

/* quiz.md, when the directory has one: the quiz module's own rules, links
 * that lead somewhere, and the articles' reading checks. */
static void check_quiz(struct checker *c, const char *dir)
{
	struct buf path = BUF_INIT, src = BUF_INIT;
	struct diags diags = DIAGS_INIT;
	struct quiz *q = NULL;
	if (!open_extra(c, dir, "quiz.md", &path, &src))
		goto done;
	/* One parse for the quiz and its reading figures. */
	cmark_node *doc = doc_parse(src.data ? src.data : "", src.len);
	q = quiz_from_doc(doc, path.data, &diags);
	quiz_check_links(q, c->guide, &diags);
	for (size_t i = 0; i < diags.count; i++)
		report(c, diags.items[i].line, diags.items[i].error, "%s",
		       diags.items[i].message);
	memset(&c->stats, 0, sizeof c->stats);
	check_reading(c, doc);
	cmark_node_free(doc);
done:
	done_extra(c, &path, &src);
	quiz_free(q);
	diags_free(&diags);
}

/* clinic.md, when the folder has one: the clinic module's own rules. */
static void check_clinic(struct checker *c, const char *dir)
{
	struct buf path = BUF_INIT, src = BUF_INIT;
	struct diags diags = DIAGS_INIT;
	if (open_extra(c, dir, CLINIC_FILE, &path, &src)) {
		clinic_free(clinic_parse(buf_str(&src), src.len, &diags));
		for (size_t i = 0; i < diags.count; i++)
			report(c, diags.items[i].line, diags.items[i].error, "%s",
			       diags.items[i].message);
	}
	done_extra(c, &path, &src);
	diags_free(&diags);
}

static void print_table(FILE *out, const struct guide *g, const struct readability *stats,
			bool after_diagnostics)
{
	if (after_diagnostics)
		fputc('\n', out);
	fprintf(out, "%-28s %6s %9s %10s %7s %6s\n", "article", "words", "sentences",
		"words/sen", "grade", "SMOG");
	for (size_t i = 0; i < guide_count(g); i++) {
		const struct readability *r = &stats[i];
		double wps = r->sentences ? (double)r->words / (double)r->sentences : 0;
		/* The formula goes below zero for very short words and
		 * sentences; no school year is "-2.3". */
		char grade[16];
		double gr = readability_grade(r);
		if (gr < 1.0)
			snprintf(grade, sizeof grade, "below 1");
		else
			snprintf(grade, sizeof grade, "%.1f", gr);
		fprintf(out, "%-28s %6zu %9zu %10.1f %7s %6.1f\n", guide_article(g, i)->id,
			r->words, r->sentences, wps, grade, readability_smog(r));
	}
}

void check_dir(const char *dir, FILE *out, struct check_result *res)
{
	char today[16] = "1970-01-01";
	time_t now = time(NULL);
	struct tm tm;
	if (localtime_r(&now, &tm))
		strftime(today, sizeof today, "%Y-%m-%d", &tm);
	check_dir_on(dir, today, out, res);
}

void check_dir_on(const char *dir, const char *today, FILE *out, struct check_result *res)
{
	struct sg_error err;
	memset(res, 0, sizeof *res);
	struct guide *g = guide_scan(dir, &err);
	if (!g) {
		/* The message quotes the folder's name, which may hold escape
		 * codes. */
		struct buf clean = BUF_INIT;
		text_sanitize(&clean, err.msg, strlen(err.msg), false);
		fprintf(out, "%s\n", buf_str(&clean));
		buf_free(&clean);
		res->errors++;
		return;
	}
	struct checker c = {.out = out, .guide = g, .res = res, .today = today};
	if (!guide_parse_date(today, &c.today_ymd[0], &c.today_ymd[1], &c.today_ymd[2]))
		c.today_ymd[0] = 1970, c.today_ymd[1] = c.today_ymd[2] = 1;
	struct readability *stats = xcalloc(guide_count(g), sizeof *stats);
	check_index(&c, dir);
	check_clinic(&c, dir);
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
