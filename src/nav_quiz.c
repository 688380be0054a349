/* nav_quiz: the readiness quiz on screen.
 *
 * Each screen (the introduction, a question, the results) is a small
 * CommonMark document built here with libcmark's node API and laid out
 * like any topic, so it wraps, scrolls and resizes the same way; the
 * answers are its items.  The patient's answers live only in the visit,
 * and leaving the quiz wipes them and every step back into it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "skinguide/content.h"
#include "skinguide/doc.h"
#include "nav_private.h"

enum choice { CHOICE_START, CHOICE_RETRY, CHOICE_AGAIN, CHOICE_LEAVE };

/* ---- loading ------------------------------------------------------------ */

struct quiz *quiz_load(struct guide *g, bool *broken)
{
	struct buf path = BUF_INIT, src = BUF_INIT;
	struct sg_error err;
	struct quiz *q = NULL;
	buf_printf(&path, "%s/quiz.md", guide_dir(g));
	if (!guide_read_file(path.data, &src, &err))
		goto done; /* no quiz: nothing to offer */
	struct diags diags = DIAGS_INIT;
	q = quiz_parse(src.data, src.len, path.data, &diags);
	/* A quiz with an error is never shown: --check says what is wrong.
	 * Its links are checked when it is first opened (quiz_open): they
	 * would parse the articles they name before the first frame. */
	if (diags.errors || !quiz_count(q)) {
		quiz_free(q);
		q = NULL;
		*broken = true;
	}
	diags_free(&diags);
done:
	buf_free(&path);
	buf_free(&src);
	return q;
}

void quiz_visit_free(struct quiz_visit *q)
{
	view_free(&q->view);
	memset(q, 0, sizeof *q);
	q->view.focus = -1;
}

/* ---- building the screens ------------------------------------------------ */

static cmark_node *add(cmark_node *parent, cmark_node_type type)
{
	return view_add(parent, type);
}

static void add_text(cmark_node *parent, const char *s)
{
	view_add_text(parent, s, strlen(s));
}

static cmark_node *add_para(cmark_node *parent, const char *s)
{
	cmark_node *p = add(parent, CMARK_NODE_PARAGRAPH);
	add_text(p, s);
	return p;
}

/* Text of several paragraphs has '\n' between them. */
static void add_paras(cmark_node *parent, const char *s)
{
	while (*s) {
		size_t len = strcspn(s, "\n");
		char *one = xstrndup(s, len);
		if (*one)
			add_para(parent, one);
		free(one);
		s += len + (s[len] == '\n');
	}
}

static void add_heading(cmark_node *doc, int level, const char *s)
{
	cmark_node *h = add(doc, CMARK_NODE_HEADING);
	cmark_node_set_heading_level(h, level);
	add_text(h, s);
}

static void add_strong(cmark_node *parent, const char *s)
{
	add_text(add(parent, CMARK_NODE_STRONG), s);
}

/* The last place `label` is in `s`, or NULL. */
static const char *last_of(const char *s, const char *label)
{
	const char *last = NULL;
	for (const char *p = s; *label && (p = strstr(p, label)); p++)
		last = p;
	return last;
}

/* A paragraph of feedback whose words `label` become the link again, as
 * quiz.md wrote it ("Read [aftercare](aftercare.md)."), so that the
 * reader can follow it.  The last time the words come is the link: the
 * convention ends feedback with "More in [Section](id.md#section).", and
 * the same words may come earlier as advice ("Call your clinic the same
 * day. ... More in [Call your clinic the same day](...)"). */
static void add_linked_para(cmark_node *parent, const char *s, size_t len,
			    const struct quiz_link *l)
{
	char *line = xstrndup(s, len);
	const char *at = l ? last_of(line, l->label) : NULL;
	cmark_node *p = add(parent, CMARK_NODE_PARAGRAPH);
	if (!at) {
		add_text(p, line);
		free(line);
		return;
	}
	char *before = xstrndup(line, (size_t)(at - line));
	if (*before)
		add_text(p, before);
	cmark_node *a = add(p, CMARK_NODE_LINK);
	cmark_node_set_url(a, l->target);
	add_text(a, l->label);
	if (at[strlen(l->label)])
		add_text(p, at + strlen(l->label));
	free(before);
	free(line);
}

/* Feedback paragraphs, the link put back in the last one that names it;
 * when none names it, a "Read more" line of its own. */
static void add_feedback(cmark_node *parent, const char *s, const struct quiz_link *l)
{
	const char *last = l ? last_of(s, l->label) : NULL;
	while (*s) {
		size_t len = strcspn(s, "\n");
		bool here = last && last >= s && last < s + len;
		if (len)
			add_linked_para(parent, s, len, here ? l : NULL);
		s += len + (s[len] == '\n');
	}
	if (l && !last) {
		cmark_node *p = add(parent, CMARK_NODE_PARAGRAPH);
		add_text(p, "Read more: ");
		cmark_node *a = add(p, CMARK_NODE_LINK);
		cmark_node_set_url(a, l->target);
		add_text(a, *l->label ? l->label : l->target);
	}
}

static cmark_node *add_list(cmark_node *doc, cmark_list_type type)
{
	cmark_node *list = add(doc, CMARK_NODE_LIST);
	cmark_node_set_list_type(list, type);
	cmark_node_set_list_tight(list, type == CMARK_ORDERED_LIST);
	if (type == CMARK_ORDERED_LIST)
		cmark_node_set_list_start(list, 1);
	return list;
}

static void intro_doc(const struct nav *n, cmark_node *doc)
{
	add_heading(doc, 1, quiz_title(n->quiz));
	add_paras(doc, quiz_intro(n->quiz));
}

/* The question and its answers; the answers' paragraphs become items. */
static void question_doc(const struct nav *n, cmark_node *doc, cmark_node **answers)
{
	const struct quiz_visit *q = &n->v->quiz;
	const struct quiz_question *qq = quiz_question(n->quiz, q->order[q->pos]);
	char progress[64];
	snprintf(progress, sizeof progress, "Question %zu of %zu", q->pos + 1, q->norder);
	cmark_node *p = add(doc, CMARK_NODE_PARAGRAPH);
	add_text(add(p, CMARK_NODE_EMPH), progress);
	add_heading(doc, 2, qq->text);
	add_paras(doc, qq->note);
	cmark_node *list = add_list(doc, CMARK_ORDERED_LIST);
	for (size_t i = 0; i < qq->nanswers; i++)
		answers[i] = add_para(add(list, CMARK_NODE_ITEM), qq->answers[i].text);
}

/* Whether the questions asked included one that checks understanding. */
static bool understanding_asked(const struct nav *n)
{
	const struct quiz_visit *q = &n->v->quiz;
	for (size_t i = 0; i < quiz_count(n->quiz) && i < QUIZ_MAX_QUESTIONS; i++)
		if (quiz_question(n->quiz, i)->kind == QUIZ_UNDERSTANDING && q->chosen[i] >= 0)
			return true;
	return false;
}

static void points_doc(const struct nav *n, cmark_node *doc)
{
	const struct quiz_results *r = &n->v->quiz.results;
	if (!r->npoints) {
		add_heading(doc, 2, "Nothing to raise first");
		add_para(doc, "Nothing you chose needs to be raised with the staff first. "
			 "Bring any questions you have to your visit.");
		return;
	}
	add_heading(doc, 2, "Tell the staff about:");
	cmark_node *list = add_list(doc, CMARK_BULLET_LIST);
	for (size_t i = 0; i < r->npoints; i++) {
		cmark_node *item = add(list, CMARK_NODE_ITEM);
		add_strong(add(item, CMARK_NODE_PARAGRAPH), r->points[i].q->text);
		/* The staff need the answer as much as the question ("I am not
		 * sure" asks for something else than "Yes"). */
		cmark_node *p = add(item, CMARK_NODE_PARAGRAPH);
		add_text(p, "You chose: ");
		add_text(p, r->points[i].a->text);
		add_feedback(item, r->points[i].a->feedback, r->points[i].a->link);
	}
}

/* Each understanding question answered wrongly: what was chosen and what
 * quiz.md says to that, then the answer and why, never a red mark. */
static void misses_doc(const struct nav *n, cmark_node *doc)
{
	const struct quiz_results *r = &n->v->quiz.results;
	if (!r->nmisses) {
		if (understanding_asked(n))
			add_para(doc, "You answered every question about what you read "
				 "correctly. Well done.");
		return;
	}
	add_heading(doc, 2, "Worth another look");
	cmark_node *list = add_list(doc, CMARK_BULLET_LIST);
	for (size_t i = 0; i < r->nmisses; i++) {
		const struct quiz_miss *m = &r->misses[i];
		const struct quiz_answer *chosen = &m->q->answers[m->chosen];
		cmark_node *item = add(list, CMARK_NODE_ITEM);
		add_strong(add(item, CMARK_NODE_PARAGRAPH), m->q->text);
		cmark_node *p = add(item, CMARK_NODE_PARAGRAPH);
		add_text(p, "You chose: ");
		add_text(p, chosen->text);
		add_feedback(item, chosen->feedback, chosen->link);
		p = add(item, CMARK_NODE_PARAGRAPH);
		add_text(p, "The answer: ");
		add_text(p, m->right->text);
		add_feedback(item, m->right->feedback, m->right->link);
	}
}

static void results_doc(const struct nav *n, cmark_node *doc)
{
	const char *title = quiz_results_title(n->quiz);
	add_heading(doc, 1, *title ? title : "Your results");
	add_paras(doc, quiz_results_text(n->quiz));
	points_doc(n, doc);
	misses_doc(n, doc);
}

/* Lay out the screen of the quiz's phase at the view's width. */
static void build(struct nav *n)
{
	struct quiz_visit *q = &n->v->quiz;
	cmark_node *doc = cmark_node_new(CMARK_NODE_DOCUMENT);
	cmark_node *answers[QUIZ_MAX_ANSWERS];
	size_t nanswers = 0, nends = 0;
	if (!doc)
		sg_oom();
	if (q->phase == QUIZ_INTRO) {
		intro_doc(n, doc);
		q->choices[nends++] = CHOICE_START;
	} else if (q->phase == QUIZ_ASKING) {
		question_doc(n, doc, answers);
		nanswers = quiz_question(n->quiz, q->order[q->pos])->nanswers;
	} else {
		results_doc(n, doc);
		if (q->results.nmisses)
			q->choices[nends++] = CHOICE_RETRY;
		q->choices[nends++] = CHOICE_AGAIN;
	}
	q->choices[nends++] = CHOICE_LEAVE;
	view_show_doc(n, &q->view, doc, answers, nanswers, nends);
}

/* Show the phase's screen from its top, with answer `item` chosen. */
static void show(struct nav *n, long item)
{
	struct quiz_visit *q = &n->v->quiz;
	q->view.top = 0;
	build(n);
	view_scroll(n, &q->view, 0);
	long t = item >= 0 ? view_target_of_item(&q->view, item) : -1;
	if (t >= 0)
		view_show(n, &q->view, t);
}

/* ---- moving through the quiz -------------------------------------------- */

/* The introduction of a new quiz, every answer blank. */
static void start(struct nav *n)
{
	struct visit *v = n->v;
	quiz_forget(n);
	struct quiz_visit *q = &v->quiz;
	q->phase = QUIZ_INTRO;
	q->wipe_asked = -1;
	for (size_t i = 0; i < QUIZ_MAX_QUESTIONS; i++)
		q->chosen[i] = -1;
	q->norder = quiz_count(n->quiz) < QUIZ_MAX_QUESTIONS ? quiz_count(n->quiz)
							     : QUIZ_MAX_QUESTIONS;
	for (size_t i = 0; i < q->norder; i++)
		q->order[i] = i;
	v->screen = NAV_SCREEN_QUIZ;
	show(n, -1);
}

/* Whether every link of the quiz leads somewhere, found out once. */
static bool links_sound(struct nav *n)
{
	if (!n->quiz_links) {
		struct diags diags = DIAGS_INIT;
		n->quiz_links = quiz_check_links(n->quiz, n->guide, &diags) ? -1 : 1;
		diags_free(&diags);
	}
	return n->quiz_links > 0;
}

void quiz_open(struct nav *n)
{
	struct visit *v = n->v;
	nav_close_modals(v);
	if (v->screen == NAV_SCREEN_QUIZ)
		return;
	if (!links_sound(n)) {
		nav_say(n, "Sorry, the quiz cannot be shown right now. Please tell the staff.");
		return;
	}
	nav_remember(n);
	start(n);
}

bool quiz_forget(struct nav *n)
{
	struct visit *v = n->v;
	bool answered = nav_quiz_answered(n) > 0;
	quiz_visit_free(&v->quiz);
	/* No step back may lead into the quiz once it is left. */
	size_t kept = 0;
	for (size_t i = 0; i < v->history.len; i++)
		if (v->history.places[i].screen != NAV_SCREEN_QUIZ)
			v->history.places[kept++] = v->history.places[i];
	v->history.len = kept;
	return answered;
}

void quiz_say_wiped(struct nav *n)
{
	nav_say(n, "You left the quiz, and your answers were wiped.");
}

static void leave(struct nav *n)
{
	bool wiped = quiz_forget(n);
	nav_back(n); /* to where the quiz was opened from */
	if (n->v->screen == NAV_SCREEN_QUIZ)
		n->v->screen = NAV_SCREEN_HOME;
	if (wiped)
		quiz_say_wiped(n);
}

static void ask(struct nav *n, size_t pos)
{
	struct quiz_visit *q = &n->v->quiz;
	q->leave_asked = false; /* another screen: Topics asks again */
	q->wipe_asked = -1;
	q->phase = QUIZ_ASKING;
	q->pos = pos;
	show(n, q->chosen[q->order[pos]]);
}

static void finish(struct nav *n)
{
	struct quiz_visit *q = &n->v->quiz;
	quiz_score(n->quiz, q->chosen, quiz_count(n->quiz), &q->results);
	q->wipe_asked = -1;
	q->phase = QUIZ_RESULTS;
	show(n, -1);
}

static void answer(struct nav *n, size_t a)
{
	struct quiz_visit *q = &n->v->quiz;
	q->chosen[q->order[q->pos]] = (int)a;
	q->leave_asked = false; /* a new answer to lose: Topics asks again */
	if (q->pos + 1 < q->norder)
		ask(n, q->pos + 1);
	else
		finish(n);
}

/* Ask again only the understanding questions answered wrongly. */
static void retry(struct nav *n)
{
	struct quiz_visit *q = &n->v->quiz;
	q->norder = 0;
	for (size_t i = 0; i < q->results.nmisses; i++) {
		size_t k = q->results.misses[i].question;
		q->order[q->norder++] = k;
		q->chosen[k] = -1;
	}
	ask(n, 0);
}

/* True when `choice` may go ahead: one that wipes the answers says so
 * (a tap meant to read on the results can land on it), and does it when
 * chosen again.  The choice stays in sight above the words. */
static bool wipe_confirmed(struct nav *n, long choice, long target)
{
	struct quiz_visit *q = &n->v->quiz;
	if ((choice != CHOICE_AGAIN && choice != CHOICE_LEAVE) || !nav_quiz_answered(n) ||
	    q->wipe_asked == choice)
		return true;
	q->wipe_asked = choice;
	nav_say(n, choice == CHOICE_AGAIN
		? "Taking the quiz again wipes these answers. Choose Take the quiz again "
		  "once more to start afresh."
		: "Leaving the quiz wipes your answers. Choose Leave the quiz once more to "
		  "leave.");
	nav_measure(n); /* the words take rows at the bottom */
	if (target >= 0)
		view_show(n, &q->view, target);
	return false;
}

static void choose(struct nav *n, long choice, long target)
{
	if (!wipe_confirmed(n, choice, target))
		return;
	switch (choice) {
	case CHOICE_START: ask(n, 0); break;
	case CHOICE_RETRY: retry(n); break;
	case CHOICE_AGAIN: start(n); break;
	case CHOICE_LEAVE: leave(n); break;
	}
}

static void back(struct nav *n)
{
	struct quiz_visit *q = &n->v->quiz;
	if (q->phase == QUIZ_RESULTS) {
		ask(n, q->norder - 1);
	} else if (q->phase == QUIZ_ASKING && q->pos > 0) {
		ask(n, q->pos - 1);
	} else if (q->phase == QUIZ_ASKING) {
		q->phase = QUIZ_INTRO;
		show(n, -1);
	} else {
		leave(n);
	}
}

/* Act on the chosen target: an answer, a link, or a choice. */
static void activate(struct nav *n, long t)
{
	struct quiz_visit *q = &n->v->quiz;
	const struct target *tg = &q->view.targets[t];
	if (tg->item >= 0) {
		answer(n, (size_t)tg->item);
	} else if (tg->end >= 0) {
		choose(n, q->choices[tg->end], t);
	} else {
		/* A link from the results to the section that explains it. */
		const char *target = layout_link(q->view.layout, (size_t)tg->link)->target;
		size_t article;
		const char *fragment;
		if (guide_resolve(n->guide, target, &article, &fragment) == GUIDE_LINK_ARTICLE)
			reader_open(n, article, fragment);
	}
}

void quiz_do(struct nav *n, const struct nav_input *in)
{
	struct quiz_visit *q = &n->v->quiz;
	if (view_scroll_action(n, &q->view, in->action))
		return;
	switch (in->action) {
	case NAV_OPEN:
	case NAV_FORWARD:
	case NAV_ANSWER:
	case NAV_READ_ON:
		if (q->view.focus >= 0)
			activate(n, q->view.focus);
		else if (q->phase == QUIZ_ASKING)
			nav_say(n, "Choose an answer: tap it or type its number.");
		else if (q->phase == QUIZ_INTRO)
			ask(n, 0);
		else
			view_scroll(n, &q->view, view_page(n, &q->view, 1));
		break;
	case NAV_DIGIT:
		if (q->phase == QUIZ_ASKING && in->arg >= 1 &&
		    (size_t)in->arg <= q->view.nitems)
			answer(n, (size_t)in->arg - 1);
		else if (q->phase == QUIZ_ASKING)
			nav_say(n, "Choose an answer from 1 to %zu.", q->view.nitems);
		break;
	case NAV_TAP: {
		long t = view_target_at(n, &q->view, in->row, in->col);
		if (t >= 0) {
			view_focus(n, &q->view, t);
			activate(n, t);
		} else {
			view_tap_turns_page(n, &q->view, in->row);
		}
		break;
	}
	case NAV_BACK: back(n); break;
	case NAV_HEADINGS: nav_say(n, "The quiz has no sections."); break;
	default: break;
	}
}

/* Back to the quiz from a topic opened from its results. */
void quiz_show_place(struct nav *n)
{
	struct visit *v = n->v;
	if (v->quiz.phase == QUIZ_OFF) {
		v->screen = NAV_SCREEN_HOME;
		return;
	}
	v->screen = NAV_SCREEN_QUIZ;
	if (v->quiz.view.layout) { /* laid out again at today's width, the choice kept */
		quiz_relayout(n);
		return;
	}
	size_t top = v->quiz.view.top;
	build(n);
	view_scroll(n, &v->quiz.view, (long)top);
}

void quiz_relayout(struct nav *n)
{
	struct quiz_visit *q = &n->v->quiz;
	if (q->phase == QUIZ_OFF || !q->view.layout)
		return;
	long item = -1, end = -1, link = -1;
	if (q->view.focus >= 0) {
		item = q->view.targets[q->view.focus].item;
		end = q->view.targets[q->view.focus].end;
		link = q->view.targets[q->view.focus].link;
	}
	size_t top = q->view.top;
	build(n);
	view_scroll(n, &q->view, (long)top);
	/* A resize keeps the choice, a link in the results as much as an
	 * answer: the same document numbers its links the same way. */
	long t = item >= 0 ? view_target_of_item(&q->view, item)
	       : end >= 0 ? view_target_of_end(&q->view, end)
	       : link >= 0 ? view_target_of_link(&q->view, link) : -1;
	if (t >= 0)
		view_show(n, &q->view, t);
}

/* ---- drawing ---------------------------------------------------------------- */

static const char *choice_text(enum choice c)
{
	switch (c) {
	case CHOICE_START: return "Start the quiz";
	case CHOICE_RETRY: return "Try the missed questions again";
	case CHOICE_AGAIN: return "Take the quiz again";
	default: return "Leave the quiz";
	}
}

void quiz_row(const struct nav *n, size_t y, struct nav_row *row)
{
	const struct quiz_visit *q = &n->v->quiz;
	const struct view *v = &q->view;
	if (view_row(n, v, y, row))
		return;
	size_t line = v->top + y, lines = v->layout ? layout_line_count(v->layout) : 0;
	if (line == lines || line - lines - 1 >= v->nends)
		return;
	size_t e = line - lines - 1;
	enum choice c = (enum choice)q->choices[e];
	row->chosen = v->focus >= 0 && v->targets[v->focus].end == (long)e;
	row->strong = true;
	row->plain_label = true;
	row->label = row->buf;
	snprintf(row->buf, sizeof row->buf, "%s ", c == CHOICE_LEAVE
		 ? nav_glyph(n, "←", "<") : nav_glyph(n, "→", ">"));
	nav_row_text(row, NAV_ROW_ITEM, choice_text(c));
	row->text_col = text_width(row->buf, strlen(row->buf));
}

void quiz_status(const struct nav *n, struct nav_status *st)
{
	const struct quiz_visit *q = &n->v->quiz;
	if (q->phase == QUIZ_ASKING) {
		snprintf(st->buf, sizeof st->buf, "Question %zu of %zu", q->pos + 1, q->norder);
		snprintf(st->briefbuf, sizeof st->briefbuf, "%zu of %zu", q->pos + 1, q->norder);
		st->brief = st->briefbuf;
	} else
		snprintf(st->buf, sizeof st->buf, "%s",
			 q->phase == QUIZ_RESULTS ? "Your results" : "Quiz");
	st->where = st->buf;
	/* Where the screen is: answers can be below the fold on a small one. */
	st->position = view_position(n, &q->view, st->posbuf, sizeof st->posbuf);
	if (q->view.focus >= 0) /* first: see reader_status() */
		st->hints[st->nhints++] = q->phase == QUIZ_ASKING ? NAV_ANSWER : NAV_OPEN;
	st->hints[st->nhints++] = NAV_HELP;
	st->hints[st->nhints++] = NAV_TOPICS;
	st->hints[st->nhints++] = NAV_BACK;
}

void quiz_cursor(const struct nav *n, size_t *row, size_t *col)
{
	view_cursor(n, &n->v->quiz.view, row, col);
}

/* ---- for the plain front end ------------------------------------------------------ */

long nav_quiz_chosen(const struct nav *n)
{
	const struct quiz_visit *q = &n->v->quiz;
	return nav_quiz_question(n) >= 0 ? q->chosen[q->order[q->pos]] : -1;
}
