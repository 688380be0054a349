/* quiz: quiz.md read into questions and answers, checked, and scored. */
#include "skinguide/quiz.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "skinguide/buf.h"
#include "skinguide/content.h"
#include "skinguide/doc.h"
#include "skinguide/outline.h"
#include "skinguide/text.h"

/* A link anywhere in the file, kept for quiz_check_links(). */
struct link_ref {
	char *target;
	int line;
};

struct quiz {
	char *path, *title, *intro, *results_title, *results_text;
	struct quiz_question *questions;
	size_t count, cap;
	struct link_ref *links;
	size_t nlinks, links_cap;
	int title_line;
};

/* Where in the file the parser is. */
enum part { BEFORE_TITLE, INTRO, QUESTION, RESULTS };

struct parser {
	struct quiz *q;
	struct diags *diags;
	enum part part;
	bool open;  /* q->questions[count - 1] is being read */
	struct buf intro, results, note;
	/* The answers of the question being read. */
	struct quiz_answer *answers;
	size_t nanswers, answers_cap;
};

/* ---- diagnostics ------------------------------------------------------- */

__attribute__((format(printf, 5, 6)))
static void diag(struct diags *d, int line, bool error, enum quiz_problem problem,
		 const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diags_vadd(d, line, error, (int)problem, fmt, ap);
	va_end(ap);
}

/* ---- small helpers ----------------------------------------------------- */

static int line_of(cmark_node *n)
{
	/* Inlines carry no position: use the block that holds them. */
	while (n && cmark_node_get_start_line(n) == 0)
		n = cmark_node_parent(n);
	return n ? cmark_node_get_start_line(n) : 1;
}

static char *plain_text(cmark_node *n)
{
	struct buf t = BUF_INIT;
	doc_plain_text(n, &t);
	return buf_detach(&t);
}

/* Add a paragraph's text to `b`, one line per paragraph. */
static void add_paragraph(struct buf *b, cmark_node *n)
{
	if (b->len)
		buf_putc(b, '\n');
	doc_plain_text(n, b);
}

static cmark_node_type type_of(cmark_node *n)
{
	return cmark_node_get_type(n);
}

static bool is_comment(cmark_node *n)
{
	const char *lit = cmark_node_get_literal(n);
	return lit && strncmp(lit + strspn(lit, " "), "<!--", 4) == 0;
}

/* ---- answers ----------------------------------------------------------- */

enum mark { MARK_MISSING, MARK_BLANK, MARK_RIGHT, MARK_RAISE, MARK_UNKNOWN };

/* Read the mark at the start of an answer's text; *rest is where the
 * answer's own words start.  "[ x ]" and "[X]" count as "[x]", "[]" as
 * "[ ]": the intent is plain, so an editor is not made to fix it. */
static enum mark read_mark(const char *s, size_t *rest, char *shown, size_t shown_size)
{
	size_t open = strspn(s, " ");
	const char *close = s[open] == '[' ? strchr(s + open, ']') : NULL;
	/* "[Aftercare] is..." is words, not a mark. */
	if (!close || close - (s + open) > 4)
		return MARK_MISSING;
	size_t len = (size_t)(close - (s + open)) + 1;
	snprintf(shown, shown_size, "%.*s", (int)len, s + open);
	*rest = open + len + strspn(close + 1, " ");
	char inner[8] = "";
	for (const char *p = s + open + 1; p < close; p++)
		if (*p != ' ')
			strncat(inner, p, 1);
	if (inner[0] == '\0')
		return MARK_BLANK;
	if (strcmp(inner, "x") == 0 || strcmp(inner, "X") == 0)
		return MARK_RIGHT;
	if (strcmp(inner, "!") == 0)
		return MARK_RAISE;
	return MARK_UNKNOWN;
}

/* The mark and words of an answer, from its first paragraph. */
static void answer_text(struct parser *p, cmark_node *para, struct quiz_answer *a)
{
	char *all = plain_text(para);
	char shown[16];
	size_t rest = 0;
	switch (read_mark(all, &rest, shown, sizeof shown)) {
	case MARK_MISSING:
		diag(p->diags, a->line, true, QUIZ_P_NO_MARK, "an answer without a "
		     "mark; start it with '[ ]', or '[x]' for the right answer, or '[!]' "
		     "for a point to raise with the staff");
		rest = strspn(all, " ");
		break;
	case MARK_UNKNOWN:
		diag(p->diags, a->line, true, QUIZ_P_BAD_MARK, "the mark '%s' is not "
		     "known; use '[ ]', '[x]' (the right answer) or '[!]' (a point to raise)",
		     shown);
		break;
	case MARK_RIGHT:
		a->right = true;
		break;
	case MARK_RAISE:
		a->raises = true;
		break;
	case MARK_BLANK:
		break;
	}
	a->text = xstrdup(all + rest);
	free(all);
}

/* The feedback of an answer: each paragraph of its quotes, and the first
 * link in them. */
static void answer_feedback(cmark_node *quote, struct buf *fb, struct quiz_answer *a)
{
	cmark_iter *it = cmark_iter_new(quote);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (type_of(n) == CMARK_NODE_PARAGRAPH || type_of(n) == CMARK_NODE_HEADING)
			add_paragraph(fb, n);
		if (type_of(n) == CMARK_NODE_LINK && !a->link) {
			struct quiz_link *l = xmalloc(sizeof *l);
			struct buf target = BUF_INIT;
			const char *url = cmark_node_get_url(n);
			text_sanitize(&target, url, strlen(url), false);
			*l = (struct quiz_link){buf_detach(&target), plain_text(n), line_of(n)};
			a->link = l;
		}
	}
	cmark_iter_free(it);
}

static void answer_extra(struct parser *p, cmark_node *n, struct buf *fb,
			 struct quiz_answer *a)
{
	if (type_of(n) == CMARK_NODE_BLOCK_QUOTE)
		answer_feedback(n, fb, a);
	else if (type_of(n) == CMARK_NODE_LIST)
		diag(p->diags, line_of(n), true, QUIZ_P_MISPLACED, "a list inside an "
		     "answer; give each answer its own '- ' line at the same indent");
	else if (type_of(n) == CMARK_NODE_PARAGRAPH)
		diag(p->diags, line_of(n), true, QUIZ_P_MISPLACED, "more text under an "
		     "answer; to make it the answer's feedback, start its lines with '>'");
	else if (type_of(n) != CMARK_NODE_HTML_BLOCK || !is_comment(n))
		diag(p->diags, line_of(n), true, QUIZ_P_MISPLACED, "only the answer's "
		     "text and a quote ('> ...') under it belong in an answer");
}

static void add_answer(struct parser *p, cmark_node *item)
{
	struct quiz_answer a = {.line = line_of(item)};
	struct buf fb = BUF_INIT;
	cmark_node *first = cmark_node_first_child(item);
	cmark_node *rest = first;
	if (first && type_of(first) == CMARK_NODE_PARAGRAPH) {
		answer_text(p, first, &a);
		rest = cmark_node_next(first);
	}
	for (cmark_node *n = rest; n; n = cmark_node_next(n))
		answer_extra(p, n, &fb, &a);
	if (!a.text || !a.text[0])
		diag(p->diags, a.line, true, QUIZ_P_EMPTY_ANSWER, "an answer with no "
		     "text; write it after the mark, as '- [ ] No'");
	if (!a.text)
		a.text = xstrdup("");
	a.feedback = buf_detach(&fb);
	ARRAY_GROW(p->answers, p->nanswers, p->answers_cap);
	p->answers[p->nanswers++] = a;
}

/* ---- questions --------------------------------------------------------- */

static void check_understanding(struct parser *p, struct quiz_question *qq)
{
	size_t rights = 0;
	for (size_t i = 0; i < qq->nanswers; i++) {
		if (!qq->answers[i].right)
			continue;
		if (++rights == 1)
			qq->right = (long)i;
		else if (rights == 2)
			diag(p->diags, qq->answers[i].line, true, QUIZ_P_TWO_RIGHT,
			     "a second right answer; an understanding question has one "
			     "'[x]' answer");
	}
	if (rights == 0) {
		diag(p->diags, qq->line, true, QUIZ_P_NO_RIGHT, "no answer is marked; "
		     "mark the right answer '[x]', or the answers to raise with the staff "
		     "'[!]'");
		return;
	}
	const struct quiz_answer *a = &qq->answers[qq->right];
	if (!a->feedback[0])
		diag(p->diags, a->line, true, QUIZ_P_NO_EXPLANATION, "the right answer "
		     "has no explanation; add a quote under it ('  > ...') that says why");
	else if (!a->link)
		diag(p->diags, a->line, true, QUIZ_P_NO_LINK, "the right answer's "
		     "explanation has no link; add one to the section that explains it");
}

static void check_readiness(struct parser *p, struct quiz_question *qq)
{
	size_t raises = 0;
	for (size_t i = 0; i < qq->nanswers; i++) {
		const struct quiz_answer *a = &qq->answers[i];
		if (!a->raises)
			continue;
		raises++;
		if (!a->feedback[0])
			diag(p->diags, a->line, true, QUIZ_P_NO_ADVICE, "an answer that "
			     "raises a point has no advice; add a quote under it ('  > ...') "
			     "saying what to do");
	}
	if (raises == qq->nanswers && raises > 1)
		diag(p->diags, qq->line, false, QUIZ_P_ALL_RAISE, "every answer is "
		     "marked '[!]'; mark the answers that need no talk with the staff '[ ]'");
}

static void check_question(struct parser *p, struct quiz_question *qq)
{
	bool right = false, raise = false;
	for (size_t i = 0; i < qq->nanswers; i++) {
		right |= qq->answers[i].right;
		raise |= qq->answers[i].raises;
	}
	qq->kind = raise ? QUIZ_READINESS : QUIZ_UNDERSTANDING;
	if (qq->nanswers == 0) {
		diag(p->diags, qq->line, true, QUIZ_P_NO_ANSWERS, "a question without "
		     "answers; list them under it, one per line, as '- [ ] An answer'");
		return;
	}
	if (qq->nanswers == 1)
		diag(p->diags, qq->line, true, QUIZ_P_ONE_ANSWER, "a question with one "
		     "answer; give at least two to choose from");
	if (qq->nanswers > QUIZ_MAX_ANSWERS)
		diag(p->diags, qq->answers[QUIZ_MAX_ANSWERS].line, true,
		     QUIZ_P_TOO_MANY_ANSWERS, "answer %d of a question; keep to %d, which "
		     "number keys can choose", QUIZ_MAX_ANSWERS + 1, QUIZ_MAX_ANSWERS);
	if (right && raise)
		diag(p->diags, qq->line, true, QUIZ_P_MIXED, "both '[x]' and '[!]' "
		     "answers; a question either checks understanding ('[x]', one right "
		     "answer) or readiness ('[!]', points to raise), not both");
	else if (raise)
		check_readiness(p, qq);
	else
		check_understanding(p, qq);
}

/* The question being read is complete: give it its answers and note. */
static void end_question(struct parser *p)
{
	if (!p->open)
		return;
	struct quiz_question *qq = &p->q->questions[p->q->count - 1];
	p->open = false;
	qq->answers = p->answers;
	qq->nanswers = p->nanswers;
	qq->note = buf_detach(&p->note);
	p->answers = NULL;
	p->nanswers = p->answers_cap = 0;
	check_question(p, qq);
}

static void start_question(struct parser *p, cmark_node *heading)
{
	struct quiz *q = p->q;
	end_question(p);
	if (p->part == RESULTS)
		diag(p->diags, line_of(heading), true, QUIZ_P_MISPLACED, "a question "
		     "after the results heading; the results text comes after the last "
		     "question");
	ARRAY_GROW(q->questions, q->count, q->cap);
	struct quiz_question *qq = &q->questions[q->count++];
	/* The note and answers are set by end_question(). */
	*qq = (struct quiz_question){.text = plain_text(heading), .right = -1,
				     .line = line_of(heading)};
	if (!qq->text[0])
		diag(p->diags, qq->line, true, QUIZ_P_EMPTY_QUESTION, "a question with no "
		     "text; write it after '## '");
	if (q->count == QUIZ_MAX_QUESTIONS + 1)
		diag(p->diags, qq->line, true, QUIZ_P_TOO_MANY_QUESTIONS, "question %d; "
		     "keep the quiz to %d questions, so that it takes a few minutes",
		     QUIZ_MAX_QUESTIONS + 1, QUIZ_MAX_QUESTIONS);
	p->part = QUESTION;
	p->open = true;
}

/* ---- blocks ------------------------------------------------------------ */

static void on_title(struct parser *p, cmark_node *n)
{
	struct quiz *q = p->q;
	if (p->part == BEFORE_TITLE && q->count == 0) {
		q->title = plain_text(n);
		q->title_line = line_of(n);
		p->part = INTRO;
	} else if (!q->results_title) {
		end_question(p);
		q->results_title = plain_text(n);
		/* Questions after it are reported by start_question(). */
		p->part = RESULTS;
	} else {
		diag(p->diags, line_of(n), true, QUIZ_P_MISPLACED, "a third level-1 "
		     "heading; the quiz has a title and, after the questions, one results "
		     "heading");
	}
}

static void on_heading(struct parser *p, cmark_node *n)
{
	int level = cmark_node_get_heading_level(n);
	if (level == 1)
		on_title(p, n);
	else if (level == 2)
		start_question(p, n);
	else
		diag(p->diags, line_of(n), true, QUIZ_P_MISPLACED, "a level-%d heading; "
		     "each question is a level-2 heading ('## ...') and the quiz has no "
		     "other headings", level);
}

static void on_paragraph(struct parser *p, cmark_node *n)
{
	if (p->part == INTRO)
		add_paragraph(&p->intro, n);
	else if (p->part == RESULTS)
		add_paragraph(&p->results, n);
	else if (p->part == QUESTION && p->nanswers == 0)
		add_paragraph(&p->note, n);
	else if (p->part == QUESTION)
		diag(p->diags, line_of(n), true, QUIZ_P_MISPLACED, "text after the "
		     "answers; to make it an answer's feedback, indent it under the answer "
		     "and start its lines with '>'");
	else
		diag(p->diags, line_of(n), true, QUIZ_P_MISPLACED, "text before the "
		     "title; start quiz.md with its level-1 heading");
}

static void on_list(struct parser *p, cmark_node *n)
{
	if (p->part != QUESTION) {
		diag(p->diags, line_of(n), true, QUIZ_P_MISPLACED, "a list outside a "
		     "question; answers go under a '## ' question, and the introduction "
		     "and results hold only paragraphs");
		return;
	}
	for (cmark_node *item = cmark_node_first_child(n); item; item = cmark_node_next(item))
		add_answer(p, item);
}

static void on_block(struct parser *p, cmark_node *n)
{
	switch (type_of(n)) {
	case CMARK_NODE_HEADING:
		on_heading(p, n);
		break;
	case CMARK_NODE_PARAGRAPH:
		on_paragraph(p, n);
		break;
	case CMARK_NODE_LIST:
		on_list(p, n);
		break;
	case CMARK_NODE_BLOCK_QUOTE:
		diag(p->diags, line_of(n), true, QUIZ_P_MISPLACED, "a quote that is "
		     "not inside an answer; indent each of its lines to line up with the "
		     "answer's text, as '  > ...' under '- [ ] ...'");
		break;
	case CMARK_NODE_HTML_BLOCK:
		if (is_comment(n))
			break;
		/* fall through */
	default:
		diag(p->diags, line_of(n), true, QUIZ_P_MISPLACED, "this block is not "
		     "shown in the quiz; use paragraphs, '## ' questions and lists of "
		     "answers");
		break;
	}
}

/* ---- the whole file ---------------------------------------------------- */

static void collect_links(struct quiz *q, cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER || type_of(n) != CMARK_NODE_LINK)
			continue;
		ARRAY_GROW(q->links, q->nlinks, q->links_cap);
		struct buf target = BUF_INIT;
		const char *url = cmark_node_get_url(n);
		text_sanitize(&target, url, strlen(url), false);
		q->links[q->nlinks++] = (struct link_ref){buf_detach(&target), line_of(n)};
	}
	cmark_iter_free(it);
}

struct slug_ref {
	char *slug;
	size_t index;
};

static int compare_slugs(const void *a, const void *b)
{
	const struct slug_ref *x = a, *y = b;
	int c = strcmp(x->slug, y->slug);
	return c ? c : (x->index > y->index) - (x->index < y->index);
}

/* The same question twice, told apart by neither case nor punctuation.
 * Sorting keeps this fast for a file of many thousand questions. */
static void check_duplicates(struct parser *p)
{
	struct quiz *q = p->q;
	struct slug_ref *refs = xcalloc(q->count ? q->count : 1, sizeof *refs);
	for (size_t i = 0; i < q->count; i++) {
		struct buf s = BUF_INIT;
		text_slug(&s, q->questions[i].text, strlen(q->questions[i].text));
		refs[i] = (struct slug_ref){buf_detach(&s), i};
	}
	qsort(refs, q->count, sizeof *refs, compare_slugs);
	size_t first = 0;
	for (size_t i = 1; i < q->count; i++) {
		if (strcmp(refs[i].slug, refs[first].slug) != 0 || !refs[i].slug[0]) {
			first = i;
			continue;
		}
		diag(p->diags, q->questions[refs[i].index].line, true, QUIZ_P_DUPLICATE,
		     "the same question as on line %d; ask each question once",
		     q->questions[refs[first].index].line);
	}
	for (size_t i = 0; i < q->count; i++)
		free(refs[i].slug);
	free(refs);
}

static void check_whole(struct parser *p)
{
	struct quiz *q = p->q;
	if (!q->title)
		diag(p->diags, 1, true, QUIZ_P_NO_TITLE, "no title; start quiz.md with "
		     "a level-1 heading such as '# Are you ready?'");
	else if (!q->intro[0])
		diag(p->diags, q->title_line, true, QUIZ_P_NO_INTRO, "no introduction; "
		     "after the title, say how long the quiz takes, that nothing is kept, "
		     "and that it is not a diagnosis");
	if (q->count == 0)
		diag(p->diags, 1, true, QUIZ_P_NO_QUESTIONS, "no questions; add one as "
		     "'## A question?' with a list of answers under it");
	if (!q->results_title || !q->results_text[0])
		diag(p->diags, q->title_line, false, QUIZ_P_NO_RESULTS, "no results "
		     "text; end the quiz with a level-1 heading such as '# Your results' "
		     "and a paragraph saying that this is not a diagnosis");
	check_duplicates(p);
}

struct quiz *quiz_parse(const char *src, size_t n, const char *path,
			struct diags *diags)
{
	cmark_node *doc = doc_parse(src ? src : "", src ? n : 0);
	struct quiz *q = quiz_from_doc(doc, path, diags);
	cmark_node_free(doc);
	return q;
}

struct quiz *quiz_from_doc(cmark_node *doc, const char *path, struct diags *diags)
{
	struct quiz *q = xcalloc(1, sizeof *q);
	q->path = xstrdup(path ? path : "");
	q->title_line = 1;
	struct parser p = {.q = q, .diags = diags, .part = BEFORE_TITLE};
	for (cmark_node *b = cmark_node_first_child(doc); b; b = cmark_node_next(b))
		on_block(&p, b);
	end_question(&p);
	collect_links(q, doc);
	q->intro = buf_detach(&p.intro);
	q->results_text = buf_detach(&p.results);
	check_whole(&p);
	if (!q->title)
		q->title = xstrdup("");
	if (!q->results_title)
		q->results_title = xstrdup("");
	buf_free(&p.note);
	return q;
}

static void free_answer(const struct quiz_answer *a)
{
	free((char *)a->text);
	free((char *)a->feedback);
	if (a->link) {
		free((char *)a->link->target);
		free((char *)a->link->label);
		free((struct quiz_link *)a->link);
	}
}

void quiz_free(struct quiz *q)
{
	if (!q)
		return;
	for (size_t i = 0; i < q->count; i++) {
		const struct quiz_question *qq = &q->questions[i];
		for (size_t j = 0; j < qq->nanswers; j++)
			free_answer(&qq->answers[j]);
		free((struct quiz_answer *)qq->answers);
		free((char *)qq->text);
		free((char *)qq->note);
	}
	for (size_t i = 0; i < q->nlinks; i++)
		free(q->links[i].target);
	free(q->links);
	free(q->questions);
	free(q->path);
	free(q->title);
	free(q->intro);
	free(q->results_title);
	free(q->results_text);
	free(q);
}

/* ---- links ------------------------------------------------------------- */

/* The reader's own rule, from the article's outline, so the two cannot
 * differ. */
static bool article_has_anchor(struct guide *g, size_t article, const char *anchor)
{
	struct sg_error err;
	const struct outline *o = guide_outline(g, article, &err);
	return o && outline_find_anchor(o, anchor) >= 0;
}

static bool check_link(struct guide *g, const struct link_ref *l, struct diags *d)
{
	size_t article;
	const char *fragment;
	switch (guide_resolve(g, l->target, &article, &fragment)) {
	case GUIDE_LINK_BROKEN:
		diag(d, l->line, true, QUIZ_P_BROKEN_LINK, "the link '%s' leads to no "
		     "article; link to an article as 'id.md' (see --list)", l->target);
		return false;
	case GUIDE_LINK_ANCHOR:
		diag(d, l->line, true, QUIZ_P_BROKEN_LINK, "the link '%s' names no "
		     "article; in the quiz, name the article too, such as 'aftercare.md%s'",
		     l->target, l->target);
		return false;
	case GUIDE_LINK_ARTICLE:
		if (!fragment || !*fragment || article_has_anchor(g, article, fragment))
			return true;
		diag(d, l->line, true, QUIZ_P_BROKEN_ANCHOR, "the link '%s' names no "
		     "heading of '%s'", l->target, guide_article(g, article)->id);
		return false;
	case GUIDE_LINK_EXTERNAL:
		diag(d, l->line, false, QUIZ_P_EXTERNAL_LINK, "the link '%s' is a web "
		     "address, which the guide never opens; link to an article instead",
		     l->target);
		return true;
	}
	return true;
}

size_t quiz_check_links(const struct quiz *q, struct guide *g, struct diags *diags)
{
	size_t errors = 0;
	for (size_t i = 0; i < q->nlinks; i++)
		errors += !check_link(g, &q->links[i], diags);
	return errors;
}

/* ---- accessors --------------------------------------------------------- */

const char *quiz_path(const struct quiz *q) { return q->path; }
const char *quiz_title(const struct quiz *q) { return q->title; }
const char *quiz_intro(const struct quiz *q) { return q->intro; }
const char *quiz_results_title(const struct quiz *q) { return q->results_title; }
const char *quiz_results_text(const struct quiz *q) { return q->results_text; }
size_t quiz_count(const struct quiz *q) { return q->count; }

const struct quiz_question *quiz_question(const struct quiz *q, size_t i)
{
	return i < q->count ? &q->questions[i] : NULL;
}

/* ---- scoring ----------------------------------------------------------- */

void quiz_score(const struct quiz *q, const int *chosen, size_t nchosen,
		struct quiz_results *out)
{
	memset(out, 0, sizeof *out);
	size_t n = q->count < QUIZ_MAX_QUESTIONS ? q->count : QUIZ_MAX_QUESTIONS;
	for (size_t i = 0; i < n; i++) {
		const struct quiz_question *qq = &q->questions[i];
		int c = chosen && i < nchosen ? chosen[i] : -1;
		if (c < 0 || (size_t)c >= qq->nanswers) {
			out->unanswered++;
			continue;
		}
		const struct quiz_answer *a = &qq->answers[c];
		if (a->raises)
			out->points[out->npoints++] = (struct quiz_point){i, (size_t)c, qq, a};
		else if (qq->kind == QUIZ_UNDERSTANDING && qq->right >= 0 && c != qq->right)
			out->misses[out->nmisses++] = (struct quiz_miss){
				i, (size_t)c, qq, &qq->answers[qq->right]};
	}
}
