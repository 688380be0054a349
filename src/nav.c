/* nav: the rules of moving through the guide, for every front end.
 *
 * A visit (struct visit) is everything one patient did; the navigator
 * (struct nav) adds what belongs to the terminal and the guide: the size
 * of the view, the home page's text laid out at that width, the help
 * lines, the quiz as read from quiz.md.  Starting over frees the visit and
 * makes a new one.  This file holds the visit, the action table, the home
 * screen, the headings list and help; nav_private.h lists the others. */
#include "skinguide/nav.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "skinguide/outline.h"
#include "nav_private.h"

/* A topic on the home screen takes two rows: its title and its summary. */
#define HOME_ITEM_ROWS 2
/* A kiosk says it will start over this long before it does. */
#define COUNTDOWN_MS 15000
/* A typed number waits this long for a second digit. */
#define DIGIT_WAIT_MS 1200
/* While the search index is built, results are refreshed this often. */
#define REFRESH_MS 250
/* Rows of a long message at most, as a share of the view. */
#define MESSAGE_SHARE 3
/* A menu's title and a blank row above its entries. */
#define MENU_HEAD 2

/* ---- the action table: words for buttons and help -------------------- */

struct action_info {
	const char *label; /* on a button */
};

static const struct action_info actions[NAV_ACTION_COUNT] = {
	[NAV_OPEN] = {"Open"},          [NAV_READ_ON] = {"Read on"},
	[NAV_FORWARD] = {"Open"},       [NAV_ANSWER] = {"Answer"},
	[NAV_BACK] = {"Back"},
	[NAV_NEXT_LINK] = {"Links"},    [NAV_PREV_LINK] = {"Links"},
	[NAV_HEADINGS] = {"Sections"},  [NAV_TOPICS] = {"Topics"},
	[NAV_HELP] = {"Help"},          [NAV_QUIT] = {"Quit"},
	[NAV_START_OVER] = {"Start over"}, [NAV_PAGE_UP] = {"Page up"},
	[NAV_PAGE_DOWN] = {"Page down"}, [NAV_QUIZ] = {"Quiz"},
	[NAV_SEARCH] = {"Search"},       [NAV_FIND] = {"Find"},
	[NAV_NEXT_MATCH] = {"Next found"},
};

const char *nav_action_label(enum nav_action a)
{
	return a < NAV_ACTION_COUNT && actions[a].label ? actions[a].label : "";
}

/* One row of the help screen: the keys of one or two actions, and what
 * they do in words. */
struct help_entry {
	enum nav_action first, second;
	const char *what;
};

/* Taps first: on a touch screen they are all a patient has (without a
 * mouse the front end names no key for them, and the row is left out). */
static const struct help_entry help_entries[] = {
	{NAV_TAP, NAV_NONE, "tap a topic, a link, an answer or a word on the bottom "
	 "line; tap low on the text to read on, high to go back a page; the wheel "
	 "scrolls"},
	{NAV_UP, NAV_DOWN, "choose the topic above or below (above the first topic: the "
	 "welcome's links); in a topic, choose the link above or below on the screen, "
	 "or scroll one line"},
	{NAV_OPEN, NAV_NONE, "open the chosen topic or link, or give the chosen quiz "
	 "answer; in a topic with no link chosen, read on"},
	{NAV_BACK, NAV_NONE, "go back to where you were"},
	{NAV_READ_ON, NAV_NONE, "read on; at the end of a topic, choose the next topic"},
	{NAV_TOPICS, NAV_NONE, "go to the list of topics; Back returns"},
	{NAV_SEARCH, NAV_NONE, "search the whole guide; results show as you type"},
	{NAV_FIND, NAV_NONE, "find words in this topic (on the list of topics: search)"},
	{NAV_NEXT_MATCH, NAV_PREV_MATCH, "go to the next or the previous place the words "
	 "were found"},
	{NAV_NEXT_LINK, NAV_PREV_LINK, "choose the next or previous link"},
	{NAV_HEADINGS, NAV_NONE, "list the sections of this topic and jump to one"},
	{NAV_QUIZ, NAV_NONE, "take the readiness quiz: a few questions to see what to "
	 "talk about with your clinic"},
	{NAV_HELP, NAV_NONE, "show this help"},
	{NAV_FORWARD, NAV_NONE, "open the chosen topic; in a topic, read on"},
	{NAV_LINE_DOWN, NAV_LINE_UP, "scroll one line"},
	{NAV_PAGE_UP, NAV_PAGE_DOWN, "scroll one page"},
	{NAV_TOP, NAV_BOTTOM, "go to the top or the end"},
	{NAV_DIGIT, NAV_NONE, "type a topic's number to open it"},
	{NAV_REDRAW, NAV_NONE, "draw the screen again"},
	{NAV_START_OVER, NAV_NONE, "forget this visit and start again"},
	{NAV_QUIT, NAV_NONE, "leave the guide"},
};

#define NHELP (sizeof help_entries / sizeof *help_entries)

/* ---- small shared helpers ----------------------------------------------- */

const char *nav_glyph(const struct nav *n, const char *utf8, const char *ascii)
{
	return n->cfg.ascii ? ascii : utf8;
}

void nav_say(struct nav *n, const char *fmt, ...)
{
	char raw[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, fmt, ap);
	va_end(ap);
	buf_clear(&n->v->message);
	text_sanitize(&n->v->message, raw, strlen(raw), false);
}

void nav_row_text(struct nav_row *row, enum nav_row_kind kind, const char *text)
{
	row->kind = kind;
	row->text = text;
	row->len = strlen(text);
}

/* ---- the message -------------------------------------------------------- */

static const char *message_text(const struct nav *n)
{
	const struct visit *v = n->v;
	if (v->screen == NAV_SCREEN_FIND) /* the words being typed */
		return buf_str(&v->link_label);
	return v->message.len ? v->message.data : buf_str(&v->link_label);
}

/* The chosen link's target on this screen, and the article it is in. */
static const char *chosen_link(const struct nav *n, size_t *here)
{
	const struct visit *v = n->v;
	const struct view *w = v->screen == NAV_SCREEN_ARTICLE ? &v->reader.view
			      : v->screen == NAV_SCREEN_QUIZ ? &v->quiz.view : NULL;
	*here = v->reader.article;
	if (w && view_link(w) >= 0)
		return layout_link(w->layout, (size_t)view_link(w))->target;
	if (v->screen == NAV_SCREEN_HOME && v->home_link >= 0 && n->welcome)
		return layout_link(n->welcome, (size_t)v->home_link)->target;
	return NULL;
}

void nav_measure(struct nav *n)
{
	size_t here;
	const char *target = chosen_link(n, &here);
	buf_clear(&n->v->link_label);
	if (n->v->screen == NAV_SCREEN_FIND)
		find_prompt(n, &n->v->link_label);
	else if (target)
		nav_describe_link(n, target, here, &n->v->link_label);
	free(n->msg);
	n->msg = NULL;
	n->nmsg = 0;
	const char *m = message_text(n);
	if (*m && n->width)
		n->nmsg = text_wrap(m, strlen(m), n->width, &n->msg);
	size_t most = n->rows / MESSAGE_SHARE ? n->rows / MESSAGE_SHARE : 1;
	size_t rows = n->nmsg < most ? n->nmsg : most;
	n->view = n->rows > rows ? n->rows - rows : 1;
}

/* ---- screens and steps ---------------------------------------------------- */

void nav_close_modals(struct visit *v)
{
	if (v->modals)
		v->screen = v->under[0];
	v->modals = 0;
}

static void close_modal(struct visit *v)
{
	v->screen = v->modals ? v->under[--v->modals] : NAV_SCREEN_HOME;
}

static void open_modal(struct visit *v, enum nav_screen s)
{
	if (v->modals < MAX_MODALS)
		v->under[v->modals++] = v->screen;
	v->screen = s;
}

void nav_remember(struct nav *n)
{
	struct visit *v = n->v;
	v->visited = true;
	struct place p = {.screen = (int)v->screen, .link = -1};
	if (v->screen == NAV_SCREEN_ARTICLE && v->reader.view.layout) {
		p = reader_here(n);
	} else if (v->screen == NAV_SCREEN_HOME) {
		p.item = v->home.selected;
		p.item_top = v->home.top;
	}
	history_push(&v->history, &p);
}

void nav_back(struct nav *n)
{
	struct visit *v = n->v;
	struct place p;
	if (!history_pop(&v->history, &p)) {
		if (v->screen == NAV_SCREEN_HOME)
			nav_say(n, "This is the list of topics. Choose one to read.");
		v->screen = NAV_SCREEN_HOME;
		return;
	}
	if (p.screen == NAV_SCREEN_HOME)
		nav_show_home(n, p.item, p.item_top);
	else if (p.screen == NAV_SCREEN_QUIZ)
		quiz_show_place(n);
	else if (p.screen == NAV_SCREEN_SEARCH)
		search_show_place(n);
	else
		reader_show_place(n, &p);
}

/* ---- home ---------------------------------------------------------------- */

/* The home screen lists the topics, then search, then the quiz when
 * there is one. */
size_t nav_home_entries(const struct nav *n)
{
	return guide_count(n->guide) + 1 + (n->quiz ? 1 : 0);
}

static size_t welcome_rows(const struct nav *n)
{
	size_t w = n->welcome ? layout_line_count(n->welcome) : 0;
	return w ? w + 1 : 0; /* a blank row before the topics */
}

static struct page_shape home_shape(const struct nav *n)
{
	return page_shape(n->view, welcome_rows(n), nav_home_entries(n), HOME_ITEM_ROWS);
}

static void relayout_welcome(struct nav *n)
{
	layout_free(n->welcome);
	n->welcome = NULL;
	cmark_node *doc = guide_index(n->guide);
	if (!doc || !n->width)
		return;
	struct layout_opts opts = {.width = n->width, .ascii = n->cfg.ascii};
	n->welcome = layout_new(doc, &opts);
}

void nav_show_home(struct nav *n, size_t entry, size_t top)
{
	struct visit *v = n->v;
	v->screen = NAV_SCREEN_HOME;
	v->home.selected = entry;
	v->home.top = top;
	struct page_shape s = home_shape(n);
	page_clamp(&v->home, &s);
}

void nav_go_topics(struct nav *n)
{
	struct visit *v = n->v;
	nav_close_modals(v);
	if (v->screen == NAV_SCREEN_HOME)
		return;
	enum nav_screen from = v->screen;
	nav_remember(n);
	bool wiped = quiz_forget(n); /* leaving the quiz wipes its answers */
	/* Nor may Back lead from this list to this list: where the quiz
	 * was opened from, when that was the list. */
	while (from == NAV_SCREEN_QUIZ && v->history.len &&
	       v->history.places[v->history.len - 1].screen == NAV_SCREEN_HOME)
		v->history.len--;
	v->screen = NAV_SCREEN_HOME;
	/* Where you were, for your bearings. */
	size_t topics = guide_count(n->guide);
	v->home.selected = from == NAV_SCREEN_QUIZ ? topics + 1
			 : from == NAV_SCREEN_SEARCH ? topics : v->reader.article;
	struct page_shape s = home_shape(n);
	page_show_selected(&v->home, &s);
	if (wiped)
		quiz_say_wiped(n);
}

static void open_entry(struct nav *n, size_t i)
{
	size_t topics = guide_count(n->guide);
	if (i < topics)
		reader_open(n, i, NULL);
	else if (i == topics)
		search_open(n);
	else if (n->quiz)
		quiz_open(n);
}

static void open_typed(struct nav *n)
{
	struct visit *v = n->v;
	size_t i = v->typed - 1;
	v->typed = 0;
	reader_open(n, i, NULL);
}

/* Digits pick a topic by number; a second digit follows when the first
 * could start a longer number.  A number no topic has is said so. */
static void type_digit(struct nav *n, unsigned digit)
{
	struct visit *v = n->v;
	size_t count = guide_count(n->guide);
	unsigned long typed = (unsigned long)v->typed * 10 + digit;
	v->typed = 0;
	if (typed == 0 || typed > count) {
		nav_say(n, "There is no topic %lu. Choose 1 to %zu.", typed, count);
		return;
	}
	v->home.selected = typed - 1;
	struct page_shape s = home_shape(n);
	page_show_selected(&v->home, &s);
	if (typed * 10 > count) {
		reader_open(n, typed - 1, NULL);
		return;
	}
	v->typed = (unsigned)typed;
}

static void tap_home(struct nav *n, size_t row, size_t col)
{
	struct visit *v = n->v;
	struct page_shape s = home_shape(n);
	if (s.more && row == s.view) {
		page_tap_more(&v->home, &s, col, n->width);
		return;
	}
	if (row >= s.view)
		return;
	size_t p = v->home.top + row, w = welcome_rows(n);
	if (p + 1 < w) {
		long k = layout_link_at(n->welcome, p, col);
		size_t article;
		const char *frag;
		if (k >= 0 && guide_resolve(n->guide, layout_link(n->welcome, (size_t)k)->target,
					    &article, &frag) == GUIDE_LINK_ARTICLE)
			reader_open(n, article, frag);
		return;
	}
	if (p < w)
		return;
	size_t i = (p - w) / HOME_ITEM_ROWS;
	if (i < s.count) {
		v->home.selected = i;
		open_entry(n, i);
	}
}

/* Tab on home chooses the links of the welcome (the warning signs, say). */
static void home_cycle(struct nav *n, int dir)
{
	struct visit *v = n->v;
	long count = n->welcome ? (long)layout_link_count(n->welcome) : 0;
	for (long k = 1; k <= count; k++) {
		long i = v->home_link < 0 ? (dir > 0 ? k - 1 : count - k)
					  : ((v->home_link + dir * k) % count + count) % count;
		size_t line = layout_link(n->welcome, (size_t)i)->line;
		if (line == (size_t)-1)
			continue;
		v->home_link = i;
		nav_measure(n);
		struct page_shape s = home_shape(n);
		if (line < v->home.top)
			v->home.top = line;
		else if (line >= v->home.top + s.view)
			v->home.top = line - s.view + 1;
		return;
	}
	nav_say(n, "There are no links here. Choose a topic from the list.");
}

static void home_follow(struct nav *n)
{
	struct visit *v = n->v;
	const char *target = layout_link(n->welcome, (size_t)v->home_link)->target;
	size_t article;
	const char *frag;
	v->home_link = -1;
	switch (guide_resolve(n->guide, target, &article, &frag)) {
	case GUIDE_LINK_ARTICLE: reader_open(n, article, frag); break;
	case GUIDE_LINK_EXTERNAL:
		nav_say(n, "Web address: %s. The guide does not open web pages.", target);
		break;
	default:
		nav_say(n, "Sorry, this link does not work: no topic is called %s.", target);
		break;
	}
}

void nav_first_key(const struct nav *n, enum nav_action a, struct buf *out)
{
	if (n->cfg.key_names)
		n->cfg.key_names(a, out, n->cfg.ctx);
	const char *comma = strstr(buf_str(out), ", ");
	if (comma)
		out->len = (size_t)(comma - out->data);
}

static void say_sections_need_a_topic(struct nav *n)
{
	struct buf key = BUF_INIT;
	nav_first_key(n, NAV_HEADINGS, &key);
	if (key.len)
		nav_say(n, "Open a topic first, then %s lists its sections.", buf_str(&key));
	else
		nav_say(n, "Open a topic first: then its sections can be listed.");
	buf_free(&key);
}

static void home_do(struct nav *n, const struct nav_input *in)
{
	struct visit *v = n->v;
	struct page_shape s = home_shape(n);
	if (in->action == NAV_NEXT_LINK || in->action == NAV_PREV_LINK) {
		home_cycle(n, in->action == NAV_NEXT_LINK ? 1 : -1);
		return;
	}
	if (v->home_link >= 0 && (in->action == NAV_OPEN || in->action == NAV_FORWARD)) {
		home_follow(n);
		return;
	}
	/* The welcome's links sit above topic 1, so arrows reach them too:
	 * Up from the first topic, once nothing is left above, chooses the
	 * last of them, and Down from a link comes back to topic 1. */
	if (in->action == NAV_UP && v->home_link < 0 && v->home.selected == 0 &&
	    v->home.top == 0 && n->welcome && layout_link_count(n->welcome)) {
		home_cycle(n, -1);
		return;
	}
	if (in->action == NAV_UP && v->home_link > 0) {
		home_cycle(n, -1);
		return;
	}
	if (in->action == NAV_UP && v->home_link == 0)
		return; /* the first: nothing above it to choose */
	if (in->action == NAV_DOWN && v->home_link >= 0) {
		v->home_link = -1;
		return;
	}
	v->home_link = -1;
	if (v->typed) {
		if (in->action == NAV_DIGIT) {
			type_digit(n, (unsigned)in->arg);
			return;
		}
		if (in->action == NAV_TIMEOUT || in->action == NAV_OPEN ||
		    in->action == NAV_FORWARD) {
			open_typed(n);
			return;
		}
		v->typed = 0; /* any other key ends the number */
		if (in->action == NAV_BACK)
			return;
	}
	if (page_move(&v->home, &s, in->action))
		return;
	switch (in->action) {
	case NAV_DIGIT: type_digit(n, (unsigned)in->arg); break;
	case NAV_OPEN:
	case NAV_FORWARD:
		/* Never open what the patient cannot see: show it first.  (A
		 * view of a row, as the plain mode keeps, has printed it all.) */
		if (s.count && n->rows > 2 &&
		    !page_entry_visible(&v->home, &s, v->home.selected))
			page_step(&v->home, &s, 1);
		else if (s.count)
			open_entry(n, v->home.selected);
		break;
	case NAV_TAP: tap_home(n, in->row, in->col); break;
	case NAV_HEADINGS: say_sections_need_a_topic(n); break;
	default: break;
	}
}

static void home_row(const struct nav *n, size_t y, struct nav_row *row)
{
	const struct visit *v = n->v;
	struct page_shape s = home_shape(n);
	if (s.more && y == s.view) {
		page_more_row(n, &v->home, &s, "topic", s.count - guide_count(n->guide), row);
		return;
	}
	if (y >= s.view)
		return;
	size_t p = v->home.top + y, w = welcome_rows(n);
	if (p + 1 < w) {
		row->kind = NAV_ROW_LINE;
		row->line = layout_line(n->welcome, p);
		row->link = v->home_link;
		return;
	}
	if (p < w || (p - w) / HOME_ITEM_ROWS >= s.count)
		return;
	size_t i = (p - w) / HOME_ITEM_ROWS, topics = guide_count(n->guide);
	bool first_row = (p - w) % HOME_ITEM_ROWS == 0;
	int digits = snprintf(NULL, 0, "%zu", topics);
	int nw = snprintf(row->buf, sizeof row->buf, "%*zu. ", digits, i + 1);
	row->chosen = i == v->home.selected;
	row->text_col = (size_t)nw;
	if (i >= topics) { /* search, then the quiz */
		bool search = i == topics;
		row->buf[0] = '\0';
		row->label = row->buf;
		row->strong = true;
		nav_row_text(row, first_row ? NAV_ROW_ITEM : NAV_ROW_NOTE,
			     search ? (first_row ? "Search the guide"
				       : "Type a word to find it in every topic.")
			     : first_row ? quiz_title(n->quiz)
			     : "A few questions on what to talk about with your clinic.");
		return;
	}
	const struct article *a = guide_article(n->guide, i);
	if (first_row) {
		row->label = row->buf;
		row->strong = true;
		nav_row_text(row, NAV_ROW_ITEM, a->title);
	} else {
		nav_row_text(row, NAV_ROW_NOTE, a->summary);
	}
}

static void home_status(const struct nav *n, struct nav_status *st)
{
	const struct visit *v = n->v;
	size_t topics = guide_count(n->guide);
	if (v->typed)
		snprintf(st->buf, sizeof st->buf, "Typed %u%s", v->typed, nav_glyph(n, "…", "..."));
	else if (v->home.selected == topics)
		snprintf(st->buf, sizeof st->buf, "Search");
	else if (v->home.selected > topics)
		snprintf(st->buf, sizeof st->buf, "The readiness quiz");
	else {
		snprintf(st->buf, sizeof st->buf, "Topic %zu of %zu", v->home.selected + 1, topics);
		snprintf(st->briefbuf, sizeof st->briefbuf, "%zu of %zu", v->home.selected + 1,
			 topics);
		st->brief = st->briefbuf;
	}
	st->where = st->buf;
	/* Hints give way least needed first.  At a kiosk a finger taps the
	 * topic itself, so Open goes first and Help stays longest but for
	 * starting over, which matters most in a waiting room. */
	if (n->cfg.kiosk) {
		st->hints[st->nhints++] = NAV_OPEN;
	} else {
		st->hints[st->nhints++] = NAV_QUIT;
		st->hints[st->nhints++] = NAV_HELP;
	}
	if (n->quiz)
		st->hints[st->nhints++] = NAV_QUIZ;
	st->hints[st->nhints++] = NAV_SEARCH;
	if (n->cfg.kiosk) {
		st->hints[st->nhints++] = NAV_HELP;
		st->hints[st->nhints++] = NAV_START_OVER;
	} else {
		st->hints[st->nhints++] = NAV_OPEN;
	}
}

/* ---- the headings list -------------------------------------------------- */

static size_t headings_count(const struct nav *n)
{
	const struct layout *l = n->v->reader.view.layout;
	return l ? layout_heading_count(l) : 0;
}

static struct page_shape headings_shape(const struct nav *n)
{
	return page_shape(n->view, MENU_HEAD, headings_count(n), 1);
}

static void headings_go(struct nav *n, size_t i)
{
	struct visit *v = n->v;
	size_t line = layout_heading_line(v->reader.view.layout, i);
	close_modal(v);
	if (line != (size_t)-1)
		reader_jump(n, line);
}

static void headings_do(struct nav *n, const struct nav_input *in)
{
	struct visit *v = n->v;
	struct page_shape s = headings_shape(n);
	if (in->action == NAV_TAP) {
		if (s.more && in->row == s.view) {
			page_tap_more(&v->headings, &s, in->col, n->width);
		} else if (in->row < s.view) {
			size_t p = v->headings.top + in->row;
			if (p >= MENU_HEAD && p - MENU_HEAD < s.count)
				headings_go(n, p - MENU_HEAD);
		}
		return;
	}
	if (page_move(&v->headings, &s, in->action))
		return;
	if (in->action == NAV_OPEN || in->action == NAV_FORWARD)
		headings_go(n, v->headings.selected);
	else if (in->action == NAV_BACK || in->action == NAV_HEADINGS)
		close_modal(v);
}

/* A menu's rows: its title, a blank row, its entries, and the "more" row.
 * The entry's number, or -1 when the row is filled in (or left blank). */
static long menu_row(const struct nav *n, const struct page *p, const struct page_shape *s,
		     size_t y, const char *title, const char *what, struct nav_row *row)
{
	if (s->more && y == s->view) {
		page_more_row(n, p, s, what, 0, row);
		return -1;
	}
	size_t r = p->top + y;
	if (y >= s->view || r == 1)
		return -1;
	if (r == 0) {
		nav_row_text(row, NAV_ROW_TITLE, title);
		return -1;
	}
	return (long)(r - MENU_HEAD);
}

static void headings_row(const struct nav *n, size_t y, struct nav_row *row)
{
	const struct visit *v = n->v;
	struct page_shape s = headings_shape(n);
	long i = menu_row(n, &v->headings, &s, y, "Go to a section", "section", row);
	const struct outline *o = i >= 0 ? reader_outline(n) : NULL;
	const struct outline_heading *h = o ? outline_heading(o, (size_t)i) : NULL;
	if (!h || (size_t)i >= s.count)
		return;
	row->indent = h->level > 1 ? (size_t)(h->level - 1) * 2 : 0;
	row->strong = h->level <= 2;
	row->chosen = (size_t)i == v->headings.selected;
	nav_row_text(row, NAV_ROW_ITEM, h->text);
}

/* ---- help --------------------------------------------------------------- */

static struct page_shape help_shape(const struct nav *n)
{
	return page_shape(n->view, MENU_HEAD + n->nhelp, 0, 1);
}

static void help_do(struct nav *n, const struct nav_input *in)
{
	struct visit *v = n->v;
	struct page_shape s = help_shape(n);
	switch (in->action) {
	case NAV_TAP:
		if (s.more && in->row == s.view)
			page_tap_more(&v->help, &s, in->col, n->width);
		return;
	case NAV_NONE: case NAV_DIGIT: case NAV_TIMEOUT:
		return;
	default:
		if (!page_move(&v->help, &s, in->action))
			close_modal(v); /* any other key closes help */
	}
}

static void help_row(const struct nav *n, size_t y, struct nav_row *row)
{
	const struct visit *v = n->v;
	struct page_shape s = help_shape(n);
	long i = menu_row(n, &v->help, &s, y, "Help: keys and taps", "line", row);
	if (i < 0 || (size_t)i >= n->nhelp)
		return;
	const struct help_line *h = &n->help[i];
	row->kind = NAV_ROW_ITEM;
	row->label = h->keys ? h->keys : "";
	row->text = h->text ? h->text : "";
	row->len = h->text ? h->len : 0;
	row->text_col = h->col;
}

/* ---- the help lines ------------------------------------------------------ */

static void free_help(struct nav *n)
{
	for (size_t i = 0; i < n->nhelp; i++)
		free((char *)n->help[i].keys);
	free(n->help);
	n->help = NULL;
	n->nhelp = 0;
}

static bool help_shown(const struct nav *n, const struct help_entry *e)
{
	return !(n->cfg.kiosk && e->first == NAV_QUIT);
}

static char *entry_keys(const struct nav *n, const struct help_entry *e)
{
	struct buf keys = BUF_INIT, more = BUF_INIT;
	if (n->cfg.key_names) {
		n->cfg.key_names(e->first, &keys, n->cfg.ctx);
		if (e->second != NAV_NONE)
			n->cfg.key_names(e->second, &more, n->cfg.ctx);
	}
	if (keys.len && more.len)
		buf_puts(&keys, ", ");
	buf_append(&keys, more.data ? more.data : "", more.len);
	buf_free(&more);
	return buf_detach(&keys);
}

/* The help entries as rows: explanations beside the keys in a wide
 * window, under them in a narrow one. */
#define HELP_KEYS_WIDTH 26
#define HELP_INDENT 4

static void make_help(struct nav *n)
{
	free_help(n);
	bool stacked = n->width < 60;
	size_t col = stacked ? HELP_INDENT : HELP_KEYS_WIDTH, cap = 0;
	for (size_t i = 0; i < NHELP; i++) {
		const struct help_entry *e = &help_entries[i];
		char *keys = entry_keys(n, e);
		if (!help_shown(n, e) || !*keys) {
			free(keys);
			continue;
		}
		struct text_line *wrapped;
		size_t room = n->width > col ? n->width - col : 1;
		size_t k = text_wrap(e->what, strlen(e->what), room, &wrapped);
		size_t need = n->nhelp + k + 1;
		if (need > cap) {
			cap = need * 2;
			n->help = xreallocarray(n->help, cap, sizeof *n->help);
		}
		if (stacked)
			n->help[n->nhelp++] = (struct help_line){keys, NULL, 0, 0};
		for (size_t j = 0; j < k; j++)
			n->help[n->nhelp++] = (struct help_line){
				!stacked && j == 0 ? keys : NULL, e->what + wrapped[j].start,
				wrapped[j].end - wrapped[j].start, col};
		free(wrapped);
	}
}


/* ---- the visit ------------------------------------------------------------ */

static struct visit *visit_new(void)
{
	struct visit *v = xcalloc(1, sizeof *v);
	v->screen = NAV_SCREEN_HOME;
	v->home_link = -1;
	v->reader.view.focus = -1;
	v->quiz.view.focus = -1;
	v->search.view.focus = -1;
	v->reader.found.current = -1;
	return v;
}

static void visit_free(struct visit *v)
{
	if (!v)
		return;
	reader_free(&v->reader);
	buf_free(&v->link_label);
	quiz_visit_free(&v->quiz);
	search_visit_free(&v->search);
	buf_free(&v->find);
	history_free(&v->history);
	buf_free(&v->message);
	free(v);
}

struct nav *nav_new(struct guide *g, const struct nav_config *cfg)
{
	struct nav *n = xcalloc(1, sizeof *n);
	n->guide = g;
	n->cfg = *cfg;
	bool broken = false;
	n->quiz = quiz_load(g, &broken);
	/* Staff should hear of it; a waiting room should not. */
	if (broken && !cfg->kiosk) {
		struct buf say = BUF_INIT;
		buf_printf(&say, "The quiz is not shown because quiz.md has a mistake. Run "
			   "skinguide --check %s to see it.", guide_dir(g));
		guide_add_notice(g, say.data);
		buf_free(&say);
	}
	n->v = visit_new();
	return n;
}

void nav_free(struct nav *n)
{
	if (!n)
		return;
	visit_free(n->v);
	layout_free(n->welcome);
	free_help(n);
	free(n->msg);
	quiz_free(n->quiz);
	search_free(n->search);
	free(n);
}

/* A new patient: the visit is freed, not tidied, so nothing survives. */
static void start_over(struct nav *n)
{
	visit_free(n->v);
	n->v = visit_new();
	nav_measure(n);
}

void nav_resize(struct nav *n, size_t rows, size_t width)
{
	struct visit *v = n->v;
	struct page_shape before = home_shape(n);
	/* The guide's title stays in view until the patient moves on. */
	bool follow_choice = n->rows && v->home.top > 0 &&
			     page_entry_visible(&v->home, &before, v->home.selected);
	n->rows = rows ? rows : 1;
	n->width = width < LAYOUT_MIN_WIDTH ? LAYOUT_MIN_WIDTH
		 : width > LAYOUT_MAX_WIDTH ? LAYOUT_MAX_WIDTH : width;
	relayout_welcome(n);
	make_help(n);
	nav_measure(n);
	reader_relayout(n);
	quiz_relayout(n);
	search_relayout(n);
	struct page_shape s = home_shape(n);
	if (follow_choice) {
		v->home.top = 0; /* as much of the page above as fits */
		page_show_selected(&v->home, &s);
	} else {
		page_clamp(&v->home, &s);
	}
	s = help_shape(n);
	page_clamp(&v->help, &s);
	s = headings_shape(n);
	page_clamp(&v->headings, &s);
	nav_measure(n);
}

/* Actions every screen shares; false when the screen should have it. */
static bool common_do(struct nav *n, const struct nav_input *in)
{
	struct visit *v = n->v;
	switch (in->action) {
	case NAV_HELP:
		if (v->screen == NAV_SCREEN_HELP)
			return false;
		v->typed = 0;
		open_modal(v, NAV_SCREEN_HELP);
		v->help = (struct page){0};
		return true;
	case NAV_TOPICS:
		v->typed = 0;
		/* One tap must not wipe what a patient took minutes to answer:
		 * the first says so, the second leaves. */
		if (v->screen == NAV_SCREEN_QUIZ && !v->modals && nav_quiz_answered(n) &&
		    !v->quiz.leave_asked) {
			v->quiz.leave_asked = true;
			nav_say(n, "Leaving the quiz wipes your answers. Choose Topics again "
				"to leave, or %s.", v->quiz.phase == QUIZ_RESULTS
				? "stay to read your results" : "go on answering");
			return true;
		}
		nav_go_topics(n);
		return true;
	case NAV_QUIZ:
		v->typed = 0;
		if (!n->quiz)
			nav_say(n, "This guide has no quiz.");
		else if (v->screen != NAV_SCREEN_QUIZ || v->modals)
			quiz_open(n);
		return true;
	case NAV_SEARCH:
		v->typed = 0;
		if (v->screen != NAV_SCREEN_SEARCH)
			search_open(n);
		return true;
	case NAV_FIND:
		v->typed = 0;
		if (v->screen == NAV_SCREEN_ARTICLE)
			find_open(n);
		else if (v->screen != NAV_SCREEN_SEARCH && v->screen != NAV_SCREEN_FIND)
			search_open(n);
		return true;
	case NAV_BACK:
		if (v->screen != NAV_SCREEN_HOME && v->screen != NAV_SCREEN_ARTICLE)
			return false;
		if (v->screen == NAV_SCREEN_HOME && v->typed) {
			v->typed = 0; /* Back ends a number being typed */
			return true;
		}
		nav_back(n);
		return true;
	default:
		return false;
	}
}

enum nav_result nav_do(struct nav *n, const struct nav_input *in)
{
	struct visit *v = n->v;
	if (in->action == NAV_REDRAW || in->action == NAV_NONE)
		return NAV_DONE;
	if (in->action == NAV_QUIT)
		return n->cfg.kiosk ? NAV_DONE : NAV_QUIT_NOW;
	if (in->action == NAV_START_OVER) {
		start_over(n);
		return NAV_DONE;
	}
	v->start_over_asked = false;
	buf_clear(&v->message);
	nav_measure(n);
	if (!common_do(n, in)) {
		switch (v->screen) {
		case NAV_SCREEN_HOME: home_do(n, in); break;
		case NAV_SCREEN_ARTICLE: reader_do(n, in); break;
		case NAV_SCREEN_HEADINGS: headings_do(n, in); break;
		case NAV_SCREEN_HELP: help_do(n, in); break;
		case NAV_SCREEN_QUIZ: quiz_do(n, in); break;
		case NAV_SCREEN_SEARCH: search_do(n, in); break;
		case NAV_SCREEN_FIND: find_do(n, in); break;
		}
	}
	/* A quiz choice's warning holds while the results are read; gone to
	 * read elsewhere (a link, help), the patient is asked again. */
	if (v->screen != NAV_SCREEN_QUIZ || v->modals)
		v->quiz.wipe_asked = -1;
	nav_measure(n);
	return NAV_DONE;
}

enum nav_result nav_act(struct nav *n, enum nav_action a)
{
	struct nav_input in = {.action = a};
	return nav_do(n, &in);
}

/* ---- drawing ---------------------------------------------------------------- */

void nav_row(const struct nav *n, size_t y, struct nav_row *row)
{
	memset(row, 0, sizeof *row);
	row->link = -1;
	row->label = "";
	row->text = "";
	if (y >= n->view) {
		size_t i = y - n->view;
		const char *m = message_text(n);
		if (i < n->nmsg && y < n->rows) {
			row->kind = NAV_ROW_MESSAGE;
			row->text = m + n->msg[i].start;
			row->len = n->msg[i].end - n->msg[i].start;
		}
		return;
	}
	switch (n->v->screen) {
	case NAV_SCREEN_HOME: home_row(n, y, row); break;
	case NAV_SCREEN_ARTICLE: reader_row(n, y, row); break;
	case NAV_SCREEN_HEADINGS: headings_row(n, y, row); break;
	case NAV_SCREEN_HELP: help_row(n, y, row); break;
	case NAV_SCREEN_QUIZ: quiz_row(n, y, row); break;
	case NAV_SCREEN_SEARCH: search_row(n, y, row); break;
	case NAV_SCREEN_FIND: reader_row(n, y, row); break;
	}
}

void nav_status(const struct nav *n, struct nav_status *st)
{
	const struct visit *v = n->v;
	memset(st, 0, sizeof *st);
	switch (v->screen) {
	case NAV_SCREEN_HOME:
		home_status(n, st);
		break;
	case NAV_SCREEN_ARTICLE:
		reader_status(n, st);
		break;
	case NAV_SCREEN_HEADINGS:
		st->where = guide_article(n->guide, v->reader.article)->title;
		st->hints[st->nhints++] = NAV_OPEN;
		st->hints[st->nhints++] = NAV_BACK;
		break;
	case NAV_SCREEN_HELP:
		st->where = "Help";
		st->hints[st->nhints++] = NAV_TOPICS;
		st->hints[st->nhints++] = NAV_BACK;
		break;
	case NAV_SCREEN_QUIZ:
		quiz_status(n, st);
		break;
	case NAV_SCREEN_SEARCH:
		search_status(n, st);
		break;
	case NAV_SCREEN_FIND:
		st->where = "Find: type, then Enter";
		st->hints[st->nhints++] = NAV_OPEN;
		st->hints[st->nhints++] = NAV_BACK;
		break;
	}
}

void nav_cursor(const struct nav *n, size_t *row, size_t *col)
{
	const struct visit *v = n->v;
	*row = *col = 0;
	if (v->screen == NAV_SCREEN_HOME && v->home_link >= 0) {
		const struct layout_link *k = layout_link(n->welcome, (size_t)v->home_link);
		if (k->line >= v->home.top && k->line - v->home.top < n->view) {
			*row = k->line - v->home.top;
			*col = k->col;
		}
	} else if (v->screen == NAV_SCREEN_HOME) {
		struct page_shape s = home_shape(n);
		if (s.count && page_entry_visible(&v->home, &s, v->home.selected))
			*row = page_entry_row(&s, v->home.selected) - v->home.top;
	} else if (v->screen == NAV_SCREEN_ARTICLE) {
		view_cursor(n, &v->reader.view, row, col);
	} else if (v->screen == NAV_SCREEN_QUIZ) {
		quiz_cursor(n, row, col);
	} else if (v->screen == NAV_SCREEN_SEARCH) {
		search_cursor(n, row, col);
	} else if (v->screen == NAV_SCREEN_FIND && n->nmsg) {
		const struct text_line *last = &n->msg[n->nmsg - 1];
		*row = n->view + n->nmsg - 1 < n->rows ? n->view + n->nmsg - 1 : n->rows - 1;
		*col = last->width;
	} else if (v->screen == NAV_SCREEN_HEADINGS) {
		struct page_shape s = headings_shape(n);
		size_t r = page_entry_row(&s, v->headings.selected);
		if (page_entry_visible(&v->headings, &s, v->headings.selected)) {
			const struct outline *o = reader_outline(n);
			const struct outline_heading *h = o ? outline_heading(o, v->headings.selected)
							    : NULL;
			*row = r - v->headings.top;
			*col = h && h->level > 1 ? (size_t)(h->level - 1) * 2 : 0;
		}
	}
}

long nav_countdown_ms(long idle_seconds)
{
	long idle = idle_seconds * 1000;
	return idle >= 2 * COUNTDOWN_MS ? COUNTDOWN_MS : idle / 2;
}

struct nav_idle nav_idle(long idle_seconds, long long quiet_ms)
{
	long long left = (long long)idle_seconds * 1000 - quiet_ms;
	if (left <= 0)
		return (struct nav_idle){.start_over = true};
	long long window = nav_countdown_ms(idle_seconds);
	if (left > window)
		return (struct nav_idle){.wait_ms = left - window};
	int seconds = (int)((left + 999) / 1000);
	/* The next change is when the seconds shown go down by one. */
	return (struct nav_idle){.seconds = seconds,
				 .wait_ms = left - (long long)(seconds - 1) * 1000};
}

int nav_timeout_ms(const struct nav *n)
{
	if (n->v->typed)
		return DIGIT_WAIT_MS;
	return search_refreshing(n) ? REFRESH_MS : -1;
}

bool nav_wants_text(const struct nav *n)
{
	return n->v->screen == NAV_SCREEN_SEARCH || n->v->screen == NAV_SCREEN_FIND;
}

/* ---- accessors -------------------------------------------------------------------- */

enum nav_screen nav_screen(const struct nav *n) { return n->v->screen; }
size_t nav_reader_top(const struct nav *n) { return n->v->reader.view.top; }
size_t nav_home_selected(const struct nav *n) { return n->v->home.selected; }
size_t nav_home_top(const struct nav *n) { return n->v->home.top; }
const char *nav_message(const struct nav *n) { return n->v->message.data ? n->v->message.data : ""; }
size_t nav_history_depth(const struct nav *n) { return n->v->history.len; }

const char *nav_link_label(const struct nav *n)
{
	size_t here;
	return n->v->screen != NAV_SCREEN_FIND && chosen_link(n, &here)
		? buf_str(&n->v->link_label) : NULL;
}

long nav_article(const struct nav *n)
{
	const struct visit *v = n->v;
	return v->reader.view.layout && v->screen != NAV_SCREEN_HOME &&
	       v->screen != NAV_SCREEN_QUIZ ? (long)v->reader.article : -1;
}

long nav_reader_link(const struct nav *n)
{
	return view_link(&n->v->reader.view);
}

const struct layout *nav_reader_layout(const struct nav *n)
{
	return n->v->reader.view.layout;
}

long nav_quiz_question(const struct nav *n)
{
	const struct quiz_visit *q = &n->v->quiz;
	return n->v->screen == NAV_SCREEN_QUIZ && q->phase == QUIZ_ASKING
	       ? (long)q->order[q->pos] : -1;
}

size_t nav_quiz_answered(const struct nav *n)
{
	size_t count = 0;
	for (size_t i = 0; i < QUIZ_MAX_QUESTIONS; i++)
		count += n->v->quiz.phase != QUIZ_OFF && n->v->quiz.chosen[i] >= 0;
	return count;
}

/* ---- for the front ends: kiosk and plain mode ----------------------------------- */

bool nav_start_over_now(struct nav *n)
{
	struct visit *v = n->v;
	/* A tap meant for the button that was there a moment ago must not
	 * wipe a visit: the first says what it forgets, the second does it. */
	if (v->start_over_asked || (!v->visited && !v->history.len && !nav_quiz_answered(n)))
		return true;
	v->start_over_asked = true;
	nav_say(n, "Start over forgets what you read and answered here. Choose Start "
		"over again to start over.");
	nav_measure(n);
	return false;
}

void nav_notice(struct nav *n, const char *text)
{
	nav_say(n, "%s", text);
	nav_measure(n);
}

/* ---- for the plain front end: what the full screen shows by highlight ------------ */

bool nav_found_place(const struct nav *n, size_t i, size_t *line, struct nav_mark *mark)
{
	const struct found *f = &n->v->reader.found;
	if (!n->v->reader.view.layout || i >= f->count)
		return false;
	*line = f->matches[i].line;
	*mark = (struct nav_mark){f->matches[i].start, f->matches[i].end, (long)i == f->current};
	return true;
}
