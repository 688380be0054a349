/* nav: the rules of moving through the guide, for every front end.
 *
 * A visit (struct visit) is everything one patient did; the navigator
 * (struct nav) adds what belongs to the terminal and the guide: the size
 * of the view, the home page's text laid out at that width, the help
 * lines.  Starting over frees the visit and makes a new one. */
#include "skinguide/nav.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "skinguide/history.h"
#include "skinguide/outline.h"
#include "skinguide/text.h"

/* A topic on the home screen takes two rows: its title and its summary. */
#define HOME_ITEM_ROWS 2
/* A typed number waits this long for a second digit. */
#define DIGIT_WAIT_MS 1200
/* Lines the mouse wheel scrolls at a time. */
#define WHEEL_LINES 3
#define MAX_MODALS 4
/* Rows of a long message at most, as a share of the view. */
#define MESSAGE_SHARE 3

/* ---- the action table: words for buttons and help -------------------- */

struct action_info {
	const char *label; /* on a button */
};

static const struct action_info actions[NAV_ACTION_COUNT] = {
	[NAV_OPEN] = {"Open"},          [NAV_READ_ON] = {"Read on"},
	[NAV_FORWARD] = {"Open"},       [NAV_BACK] = {"Back"},
	[NAV_NEXT_LINK] = {"Links"},    [NAV_PREV_LINK] = {"Links"},
	[NAV_HEADINGS] = {"Sections"},  [NAV_TOPICS] = {"Topics"},
	[NAV_HELP] = {"Help"},          [NAV_QUIT] = {"Quit"},
	[NAV_START_OVER] = {"Start over"}, [NAV_PAGE_UP] = {"Page up"},
	[NAV_PAGE_DOWN] = {"Page down"},
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

static const struct help_entry help_entries[] = {
	{NAV_UP, NAV_DOWN, "choose the topic above or below; in a topic, choose the link "
	 "above or below on the screen, or scroll one line"},
	{NAV_LINE_DOWN, NAV_LINE_UP, "scroll one line"},
	{NAV_PAGE_UP, NAV_PAGE_DOWN, "scroll one page"},
	{NAV_TOP, NAV_BOTTOM, "go to the top or the end"},
	{NAV_DIGIT, NAV_NONE, "type a topic's number to open it"},
	{NAV_OPEN, NAV_NONE, "open the chosen topic or link; in a topic with no link "
	 "chosen, read on"},
	{NAV_READ_ON, NAV_NONE, "read on; at the end of a topic, choose the next topic"},
	{NAV_FORWARD, NAV_NONE, "open the chosen topic; in a topic, read on"},
	{NAV_NEXT_LINK, NAV_PREV_LINK, "choose the next or previous link"},
	{NAV_BACK, NAV_NONE, "go back to where you were"},
	{NAV_TOPICS, NAV_NONE, "go to the list of topics; Back returns"},
	{NAV_HEADINGS, NAV_NONE, "list the sections of this topic and jump to one"},
	{NAV_TAP, NAV_NONE, "tap a topic, a link or a word on the bottom line; tap low on "
	 "the text to read on, high to go back a page; the wheel scrolls"},
	{NAV_HELP, NAV_NONE, "show this help"},
	{NAV_REDRAW, NAV_NONE, "draw the screen again"},
	{NAV_START_OVER, NAV_NONE, "forget this visit and start again"},
	{NAV_QUIT, NAV_NONE, "leave the guide"},
};

#define NHELP (sizeof help_entries / sizeof *help_entries)

/* ---- state ------------------------------------------------------------- */

/* A list of entries below some rows of text, scrolled as one page. */
struct page {
	size_t selected;
	size_t top;      /* first page row shown */
};

/* Something Tab, the arrows or a tap can choose in a topic: a link, or
 * one of the choices offered at its end. */
struct target {
	size_t line, col;
	long link;       /* the layout's link, or -1 */
	int end;         /* the end choice, or -1 */
};

enum end_choice { END_NEXT, END_TOPICS };

struct reader {
	size_t article;
	struct layout *layout; /* NULL until a topic is opened */
	size_t top;
	long focus;            /* index into targets, or -1 */
	struct target *targets;
	size_t ntargets;
	enum end_choice ends[2];
	size_t nends;
	struct place anchor;   /* where the reader chose to be, for resizes */
	struct buf link_label; /* where the chosen link leads, in words */
};

struct visit {
	enum nav_screen screen;
	enum nav_screen under[MAX_MODALS];
	size_t modals;
	struct page home;
	unsigned typed;        /* a topic number being typed, 0 for none */
	struct reader reader;
	struct page headings;
	struct page help;
	struct history history;
	struct buf message;
};

struct help_line {
	const char *keys; /* owned; on an entry's first line, else NULL */
	const char *text; /* part of an explanation (borrowed), or NULL */
	size_t len;
	size_t col;
};

struct nav {
	struct guide *guide;
	struct nav_config cfg;
	size_t rows, width;
	struct layout *welcome;  /* the home page's text at this width */
	struct help_line *help;  /* help at this width */
	size_t nhelp;
	struct text_line *msg;   /* the message, wrapped */
	size_t nmsg;
	size_t view;             /* rows above the message */
	struct visit *v;
};

static const char *glyph(const struct nav *n, const char *utf8, const char *ascii)
{
	return n->cfg.ascii ? ascii : utf8;
}

__attribute__((format(printf, 2, 3)))
static void say(struct nav *n, const char *fmt, ...)
{
	char raw[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, fmt, ap);
	va_end(ap);
	buf_clear(&n->v->message);
	text_sanitize(&n->v->message, raw, strlen(raw), false);
}

/* ---- pages: home, headings, help --------------------------------------- */

struct page_shape {
	size_t head;      /* rows of text above the entries */
	size_t count;     /* entries */
	size_t entry;     /* rows per entry */
	size_t view;      /* rows for the page (the "more" row taken off) */
	bool more;        /* a row under the page says what is off screen */
};

static size_t page_rows(const struct page_shape *s)
{
	return s->head + s->count * s->entry;
}

static struct page_shape shape(size_t view, size_t head, size_t count, size_t entry)
{
	struct page_shape s = {head, count, entry, view, false};
	if (page_rows(&s) > view && view > 1) {
		s.more = true;
		s.view = view - 1;
	}
	return s;
}

static size_t page_max_top(const struct page_shape *s)
{
	size_t rows = page_rows(s);
	return rows > s->view ? rows - s->view : 0;
}

static size_t entry_row(const struct page_shape *s, size_t i)
{
	return s->head + i * s->entry;
}

static bool entry_visible(const struct page *p, const struct page_shape *s, size_t i)
{
	size_t r = entry_row(s, i);
	return r >= p->top && r + s->entry <= p->top + s->view;
}

static void page_clamp(struct page *p, const struct page_shape *s)
{
	if (s->count && p->selected >= s->count)
		p->selected = s->count - 1;
	if (p->top > page_max_top(s))
		p->top = page_max_top(s);
}

static void page_show_selected(struct page *p, const struct page_shape *s)
{
	if (!s->count)
		return;
	size_t r = entry_row(s, p->selected);
	if (r < p->top)
		p->top = r;
	else if (r + s->entry > p->top + s->view)
		p->top = r + s->entry > s->view ? r + s->entry - s->view : 0;
	page_clamp(p, s);
}

static void page_scroll(struct page *p, const struct page_shape *s, long by)
{
	long top = (long)p->top + by;
	p->top = top < 0 ? 0 : (size_t)top;
	page_clamp(p, s);
}

/* The first entry wholly on screen, after a page turn. */
static void page_select_shown(struct page *p, const struct page_shape *s)
{
	for (size_t i = 0; i < s->count; i++)
		if (entry_visible(p, s, i)) {
			p->selected = i;
			return;
		}
}

static void page_step(struct page *p, const struct page_shape *s, int dir)
{
	if (!s->count || !entry_visible(p, s, p->selected)) {
		if (s->count && entry_row(s, p->selected) + s->entry > p->top + s->view && dir > 0)
			page_show_selected(p, s);
		else if (s->count && entry_row(s, p->selected) < p->top && dir < 0)
			page_show_selected(p, s);
		else
			page_scroll(p, s, dir);
		return;
	}
	if (dir > 0 && p->selected + 1 < s->count)
		p->selected++;
	else if (dir < 0 && p->selected > 0)
		p->selected--;
	else
		page_scroll(p, s, dir); /* past the first entry: the text above */
	page_show_selected(p, s);
}

static void page_turn(struct page *p, const struct page_shape *s, int dir)
{
	size_t before = p->top;
	page_scroll(p, s, dir * (long)s->view);
	if (p->top == before && s->count)
		p->selected = dir > 0 ? s->count - 1 : 0;
	else
		page_select_shown(p, s);
	page_show_selected(p, s);
}

/* The moves every list shares.  True when `a` was one of them. */
static bool page_move(struct page *p, const struct page_shape *s, enum nav_action a)
{
	switch (a) {
	case NAV_UP: case NAV_LINE_UP: case NAV_WHEEL_UP: page_step(p, s, -1); return true;
	case NAV_DOWN: case NAV_LINE_DOWN: case NAV_WHEEL_DOWN: page_step(p, s, 1); return true;
	case NAV_PAGE_UP: page_turn(p, s, -1); return true;
	case NAV_PAGE_DOWN: case NAV_READ_ON: page_turn(p, s, 1); return true;
	case NAV_TOP:
		p->top = 0;
		p->selected = 0;
		return true;
	case NAV_BOTTOM:
		p->selected = s->count ? s->count - 1 : 0;
		p->top = page_max_top(s);
		return true;
	default:
		return false;
	}
}

/* Entries wholly above and below the screen. */
static void page_off_screen(const struct page *p, const struct page_shape *s, size_t *above,
			    size_t *below)
{
	*above = *below = 0;
	size_t rows = page_rows(s);
	if (!s->count) { /* text only: count its rows */
		*above = p->top;
		*below = rows > p->top + s->view ? rows - p->top - s->view : 0;
		return;
	}
	size_t first = p->top > s->head ? (p->top - s->head + s->entry - 1) / s->entry : 0;
	size_t end = p->top + s->view;
	size_t last = end > s->head ? (end - s->head) / s->entry : 0; /* entries before */
	*above = first < s->count ? first : s->count;
	*below = last < s->count ? s->count - last : 0;
}

/* A tap on the "more" row turns the page: left third up, else down. */
static void page_tap_more(struct nav *n, struct page *p, const struct page_shape *s,
			  size_t col)
{
	page_turn(p, s, col < n->width / 3 && p->top > 0 ? -1 : 1);
}

static void more_text(const struct nav *n, const struct page *p, const struct page_shape *s,
		      const char *what, struct nav_row *row)
{
	size_t above, below;
	page_off_screen(p, s, &above, &below);
	const char *up = glyph(n, "↑", "^"), *down = glyph(n, "↓", "v");
	char *b = row->buf;
	size_t size = sizeof row->buf;
	int k = 0;
	if (above)
		k = snprintf(b, size, "%s %zu more %s%s above   ", up, above, what,
			     above == 1 ? "" : "s");
	else if (p->top > 0)
		k = snprintf(b, size, "%s more above   ", up);
	if (below && k >= 0 && (size_t)k < size)
		snprintf(b + k, size - (size_t)k, "%s %zu more %s%s below", down, below, what,
			 below == 1 ? "" : "s");
	if (text_width(b, strlen(b)) > n->width) { /* the short form says it all */
		k = 0;
		if (above || p->top > 0)
			k = snprintf(b, size, "%s %zu above  ", up, above);
		if (below)
			snprintf(b + k, size - (size_t)k, "%s %zu below", down, below);
	}
	row->kind = NAV_ROW_MORE;
	row->text = b;
	row->len = strlen(b);
}

/* ---- the message -------------------------------------------------------- */

static const char *message_text(const struct nav *n)
{
	const struct visit *v = n->v;
	if (v->message.len)
		return v->message.data;
	if (v->screen == NAV_SCREEN_ARTICLE && v->reader.focus >= 0 && v->reader.link_label.len)
		return v->reader.link_label.data;
	return "";
}

/* Wrap the message, and give the rest of the rows to the view. */
static void measure(struct nav *n)
{
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

/* ---- home ---------------------------------------------------------------- */

static size_t welcome_rows(const struct nav *n)
{
	size_t w = n->welcome ? layout_line_count(n->welcome) : 0;
	return w ? w + 1 : 0; /* a blank row before the topics */
}

static struct page_shape home_shape(const struct nav *n)
{
	return shape(n->view, welcome_rows(n), guide_count(n->guide), HOME_ITEM_ROWS);
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

/* ---- the reader: places ---------------------------------------------------- */

static size_t reader_rows(const struct reader *r)
{
	size_t lines = layout_line_count(r->layout);
	return lines + (r->nends ? 1 + r->nends : 0);
}

static size_t reader_max_top(const struct nav *n)
{
	size_t rows = reader_rows(&n->v->reader);
	return rows > n->view ? rows - n->view : 0;
}

static bool line_in_sight(const struct nav *n, size_t line)
{
	const struct reader *r = &n->v->reader;
	return line >= r->top && line < r->top + n->view;
}

static void scroll_to(struct nav *n, long top)
{
	struct reader *r = &n->v->reader;
	size_t max = reader_max_top(n);
	r->top = top < 0 ? 0 : (size_t)top > max ? max : (size_t)top;
	/* A choice that scrolls out of sight is let go: Enter must never open
	 * something the reader cannot see. */
	if (r->focus >= 0 && !line_in_sight(n, r->targets[r->focus].line))
		r->focus = -1;
}

static long layout_link_of(const struct reader *r)
{
	return r->focus >= 0 ? r->targets[r->focus].link : -1;
}

/* Where the reader is, as a place that survives resizes and edits. */
static struct place here(const struct nav *n)
{
	const struct reader *r = &n->v->reader;
	size_t lines = layout_line_count(r->layout);
	size_t top = r->top < lines || !lines ? r->top : lines - 1;
	struct place p = history_place(r->layout, r->article, top, layout_link_of(r));
	p.screen = NAV_SCREEN_ARTICLE;
	p.top = r->top;
	return p;
}

static void make_targets(struct nav *n)
{
	struct reader *r = &n->v->reader;
	const struct layout *l = r->layout;
	size_t links = layout_link_count(l), lines = layout_line_count(l);
	free(r->targets);
	r->nends = 0;
	if (r->article + 1 < guide_count(n->guide))
		r->ends[r->nends++] = END_NEXT;
	r->ends[r->nends++] = END_TOPICS;
	r->targets = xcalloc(links + r->nends, sizeof *r->targets);
	r->ntargets = 0;
	for (size_t i = 0; i < links; i++) {
		const struct layout_link *k = layout_link(l, i);
		if (k->line != (size_t)-1)
			r->targets[r->ntargets++] = (struct target){k->line, k->col, (long)i, -1};
	}
	for (size_t e = 0; e < r->nends; e++)
		r->targets[r->ntargets++] = (struct target){lines + 1 + e, 0, -1, (int)e};
}

static long target_of_link(const struct reader *r, long link)
{
	for (size_t i = 0; i < r->ntargets; i++)
		if (r->targets[i].link == link && link >= 0)
			return (long)i;
	return -1;
}

static struct layout *make_layout(struct nav *n, size_t article)
{
	struct sg_error err;
	cmark_node *doc = guide_document(n->guide, article, &err);
	if (!doc) {
		say(n, "Sorry, this topic cannot be shown right now. Please tell the staff.");
		return NULL;
	}
	struct layout_opts opts = {.width = n->width, .ascii = n->cfg.ascii};
	return layout_new(doc, &opts);
}

/* ---- the reader: describing a link -------------------------------------------- */

static const char *section_title(struct nav *n, size_t article, const char *fragment)
{
	struct sg_error err;
	const struct outline *o = guide_outline(n->guide, article, &err);
	long h = o && fragment && *fragment ? outline_find_anchor(o, fragment) : -1;
	return h >= 0 ? outline_heading(o, (size_t)h)->text : NULL;
}

static void describe_link(struct nav *n)
{
	struct reader *r = &n->v->reader;
	struct buf *out = &r->link_label;
	buf_clear(out);
	long k = layout_link_of(r);
	if (k < 0)
		return;
	const char *target = layout_link(r->layout, (size_t)k)->target;
	size_t a = r->article;
	const char *frag;
	enum guide_link kind = guide_resolve(n->guide, target, &a, &frag);
	const char *section = kind == GUIDE_LINK_ARTICLE || kind == GUIDE_LINK_ANCHOR
		? section_title(n, a, frag) : NULL;
	if (kind == GUIDE_LINK_ARTICLE && section)
		buf_printf(out, "Link to: %s, section \"%s\"", guide_article(n->guide, a)->title,
			   section);
	else if (kind == GUIDE_LINK_ARTICLE)
		buf_printf(out, "Link to: %s", guide_article(n->guide, a)->title);
	else if (kind == GUIDE_LINK_ANCHOR && section)
		buf_printf(out, "Link to the section \"%s\"", section);
	else if (kind == GUIDE_LINK_ANCHOR)
		buf_puts(out, "Link to a section of this topic");
	else if (kind == GUIDE_LINK_EXTERNAL)
		buf_printf(out, "Web address: %s (not opened here)", target);
	else
		buf_printf(out, "Broken link: %s", target);
}

static void set_focus(struct nav *n, long t)
{
	n->v->reader.focus = t;
	describe_link(n);
	measure(n);
	/* The description takes rows at the bottom: keep the choice above it. */
	struct reader *r = &n->v->reader;
	if (t >= 0 && r->targets[t].line >= r->top + n->view)
		r->top = r->targets[t].line - n->view + 1;
}

/* Choose target `t`, scrolling it to the middle of the screen if it is off. */
static void show_target(struct nav *n, long t)
{
	struct reader *r = &n->v->reader;
	size_t line = r->targets[t].line;
	if (!line_in_sight(n, line))
		scroll_to(n, (long)line - (long)n->view / 2);
	set_focus(n, t);
}

/* ---- the reader: showing places ---------------------------------------------- */

/* Show `l` (ours from now on) as article `article` at place `p`. */
static void show_place(struct nav *n, struct layout *l, size_t article, const struct place *p)
{
	struct reader *r = &n->v->reader;
	if (l != r->layout) {
		layout_free(r->layout);
		r->layout = l;
	}
	r->article = article;
	make_targets(n);
	size_t top;
	long link;
	history_find(l, p, &top, &link);
	if (p->width == layout_width(l))
		top = p->top; /* exact, even in the rows after the text */
	r->focus = -1;
	set_focus(n, -1);
	scroll_to(n, (long)top);
	long t = target_of_link(r, link);
	if (t >= 0)
		show_target(n, t);
	r->anchor = here(n);
}

static void remember(struct nav *n)
{
	struct visit *v = n->v;
	struct place p = {.screen = NAV_SCREEN_HOME, .link = -1};
	if (v->screen == NAV_SCREEN_ARTICLE && v->reader.layout) {
		p = here(n);
	} else {
		p.item = v->home.selected;
		p.item_top = v->home.top;
	}
	history_push(&v->history, &p);
}

static void go_to_heading(struct nav *n, const char *fragment)
{
	struct reader *r = &n->v->reader;
	struct sg_error err;
	const struct outline *o = guide_outline(n->guide, r->article, &err);
	long h = o ? outline_find_anchor(o, fragment) : -1;
	if (h < 0) {
		say(n, "This topic has no section called '#%s'.", fragment);
		return;
	}
	r->focus = -1;
	set_focus(n, -1);
	scroll_to(n, (long)layout_heading_line(r->layout, (size_t)h));
}

static void close_modals(struct visit *v)
{
	if (v->modals)
		v->screen = v->under[0];
	v->modals = 0;
}

/* Open article `i` at its top or at `fragment`; a step Back undoes. */
static void open_article(struct nav *n, size_t i, const char *fragment)
{
	struct visit *v = n->v;
	struct layout *l = make_layout(n, i);
	if (!l)
		return;
	close_modals(v);
	remember(n);
	/* The fragment may live in the layout about to be freed. */
	char *anchor = fragment && *fragment ? xstrdup(fragment) : NULL;
	v->screen = NAV_SCREEN_ARTICLE;
	struct place top = {.screen = NAV_SCREEN_ARTICLE, .article = i, .link = -1,
			    .width = layout_width(l)};
	show_place(n, l, i, &top);
	if (anchor)
		go_to_heading(n, anchor);
	free(anchor);
	v->reader.anchor = here(n);
}

static void show_home_place(struct nav *n, const struct place *p)
{
	struct visit *v = n->v;
	v->screen = NAV_SCREEN_HOME;
	v->home.selected = p->item;
	v->home.top = p->item_top;
	struct page_shape s = home_shape(n);
	page_clamp(&v->home, &s);
}

static void go_back(struct nav *n)
{
	struct visit *v = n->v;
	struct reader *r = &v->reader;
	struct place p;
	if (!history_pop(&v->history, &p)) {
		if (v->screen == NAV_SCREEN_HOME)
			say(n, "This is the list of topics. Choose one to read.");
		v->screen = NAV_SCREEN_HOME;
		return;
	}
	if (p.screen == NAV_SCREEN_HOME) {
		show_home_place(n, &p);
		return;
	}
	bool same = r->layout && p.article == r->article;
	struct layout *l = same ? r->layout : make_layout(n, p.article);
	if (!l) {
		history_push(&v->history, &p); /* the file is gone; keep the step */
		return;
	}
	v->screen = NAV_SCREEN_ARTICLE;
	show_place(n, l, p.article, &p);
}

static void go_topics(struct nav *n)
{
	struct visit *v = n->v;
	close_modals(v);
	if (v->screen == NAV_SCREEN_HOME)
		return;
	remember(n);
	v->screen = NAV_SCREEN_HOME;
	v->home.selected = v->reader.article; /* where you were, for your bearings */
	struct page_shape s = home_shape(n);
	page_show_selected(&v->home, &s);
}

/* ---- the reader: actions ------------------------------------------------------- */

static void follow(struct nav *n, long t)
{
	struct reader *r = &n->v->reader;
	const struct target *tg = &r->targets[t];
	if (tg->end >= 0) {
		if (r->ends[tg->end] == END_NEXT)
			open_article(n, r->article + 1, NULL);
		else
			go_topics(n);
		return;
	}
	const char *target = layout_link(r->layout, (size_t)tg->link)->target;
	size_t article;
	const char *fragment;
	switch (guide_resolve(n->guide, target, &article, &fragment)) {
	case GUIDE_LINK_ARTICLE:
		open_article(n, article, fragment);
		break;
	case GUIDE_LINK_ANCHOR:
		remember(n);
		go_to_heading(n, fragment);
		break;
	case GUIDE_LINK_EXTERNAL:
		say(n, "Web address: %s. The guide does not open web pages.", target);
		break;
	case GUIDE_LINK_BROKEN:
		say(n, "Sorry, this link does not work: no topic is called %s.", target);
		break;
	}
}

/* Reading on never jumps past text nobody has seen, and never takes a
 * link: a page at a time, then the choices at the end. */
static void read_on(struct nav *n)
{
	struct reader *r = &n->v->reader;
	if (r->top < reader_max_top(n)) {
		scroll_to(n, (long)(r->top + (n->view > 1 ? n->view - 1 : 1)));
		return;
	}
	long first_end = (long)(r->ntargets - r->nends);
	if (r->focus < first_end)
		show_target(n, first_end);
}

/* Tab and Shift-Tab: the next or previous target, wrapping round; with
 * none chosen, the first at or below the top of the screen. */
static void cycle(struct nav *n, int dir)
{
	struct reader *r = &n->v->reader;
	long count = (long)r->ntargets, t = r->focus;
	if (t < 0) {
		for (long k = 0; k < count; k++) {
			long i = dir > 0 ? k : count - 1 - k;
			size_t line = r->targets[i].line;
			if (dir > 0 ? line >= r->top : line < r->top + n->view) {
				show_target(n, i);
				return;
			}
		}
		t = dir > 0 ? -1 : count;
	}
	show_target(n, ((t + dir) % count + count) % count);
}

/* The arrows: the next target on the screen, else a line. */
static void step(struct nav *n, int dir)
{
	struct reader *r = &n->v->reader;
	long count = (long)r->ntargets;
	long from = r->focus >= 0 ? r->focus + dir : dir > 0 ? 0 : count - 1;
	for (long i = from; i >= 0 && i < count; i += dir) {
		size_t line = r->targets[i].line;
		if (line_in_sight(n, line)) {
			if (r->focus >= 0 || (dir > 0 ? line >= r->top : true)) {
				set_focus(n, i);
				return;
			}
		}
		if (dir > 0 ? line >= r->top + n->view : line < r->top)
			break;
	}
	scroll_to(n, (long)r->top + dir);
}

static void open_headings(struct nav *n)
{
	struct visit *v = n->v;
	struct reader *r = &v->reader;
	if (layout_heading_count(r->layout) == 0) {
		say(n, "This topic has no sections.");
		return;
	}
	long at = layout_heading_at(r->layout, r->top);
	v->headings = (struct page){.selected = at < 0 ? 0 : (size_t)at};
	if (v->modals < MAX_MODALS)
		v->under[v->modals++] = v->screen;
	v->screen = NAV_SCREEN_HEADINGS;
}

static void tap_article(struct nav *n, size_t row, size_t col)
{
	struct reader *r = &n->v->reader;
	size_t line = r->top + row, lines = layout_line_count(r->layout);
	if (row >= n->view)
		return;
	if (line < lines) {
		long k = layout_link_at(r->layout, line, col);
		long t = k >= 0 ? target_of_link(r, k) : -1;
		if (t >= 0) {
			set_focus(n, t);
			follow(n, t);
			return;
		}
		/* Like a page of a book: low on the text reads on, high goes back. */
		long page = (long)n->view - 1;
		scroll_to(n, (long)r->top + (row >= n->view / 2 ? page : -page));
	} else if (line > lines && line - lines - 1 < r->nends) {
		long t = (long)(r->ntargets - r->nends + (line - lines - 1));
		set_focus(n, t);
		follow(n, t);
	}
}

static void article_do(struct nav *n, const struct nav_input *in)
{
	struct reader *r = &n->v->reader;
	long top = (long)r->top, page = n->view > 1 ? (long)n->view - 1 : 1;
	switch (in->action) {
	case NAV_UP: step(n, -1); break;
	case NAV_DOWN: step(n, 1); break;
	case NAV_LINE_UP: scroll_to(n, top - 1); break;
	case NAV_LINE_DOWN: scroll_to(n, top + 1); break;
	case NAV_WHEEL_UP: scroll_to(n, top - WHEEL_LINES); break;
	case NAV_WHEEL_DOWN: scroll_to(n, top + WHEEL_LINES); break;
	case NAV_PAGE_UP: scroll_to(n, top - page); break;
	case NAV_PAGE_DOWN: scroll_to(n, top + page); break;
	case NAV_TOP: scroll_to(n, 0); break;
	case NAV_BOTTOM: scroll_to(n, (long)reader_max_top(n)); break;
	case NAV_NEXT_LINK: cycle(n, 1); break;
	case NAV_PREV_LINK: cycle(n, -1); break;
	case NAV_OPEN:
		if (r->focus >= 0)
			follow(n, r->focus);
		else
			read_on(n);
		break;
	case NAV_READ_ON:
	case NAV_FORWARD: read_on(n); break;
	case NAV_BACK: go_back(n); break;
	case NAV_HEADINGS: open_headings(n); break;
	case NAV_TAP: tap_article(n, in->row, in->col); break;
	default: break;
	}
	if (n->v->screen == NAV_SCREEN_ARTICLE && in->action != NAV_BACK)
		r->anchor = here(n);
}

/* ---- home: actions ---------------------------------------------------------- */

static void open_typed(struct nav *n)
{
	struct visit *v = n->v;
	size_t i = v->typed - 1;
	v->typed = 0;
	open_article(n, i, NULL);
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
		say(n, "There is no topic %lu. Choose 1 to %zu.", typed, count);
		return;
	}
	v->home.selected = typed - 1;
	struct page_shape s = home_shape(n);
	page_show_selected(&v->home, &s);
	if (typed * 10 > count) {
		open_article(n, typed - 1, NULL);
		return;
	}
	v->typed = (unsigned)typed;
}

static void tap_home(struct nav *n, size_t row, size_t col)
{
	struct visit *v = n->v;
	struct page_shape s = home_shape(n);
	if (s.more && row == s.view) {
		page_tap_more(n, &v->home, &s, col);
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
			open_article(n, article, frag);
		return;
	}
	if (p < w)
		return;
	size_t i = (p - w) / HOME_ITEM_ROWS;
	if (i < s.count) {
		v->home.selected = i;
		open_article(n, i, NULL);
	}
}

static void home_do(struct nav *n, const struct nav_input *in)
{
	struct visit *v = n->v;
	struct page_shape s = home_shape(n);
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
		if (s.count)
			open_article(n, v->home.selected, NULL);
		break;
	case NAV_BACK: go_back(n); break;
	case NAV_TAP: tap_home(n, in->row, in->col); break;
	case NAV_HEADINGS: say(n, "Open a topic first, then t lists its sections."); break;
	default: break;
	}
}

/* ---- headings and help: actions ------------------------------------------------ */

static const struct outline *reader_outline(const struct nav *n)
{
	struct sg_error err;
	return guide_outline(n->guide, n->v->reader.article, &err);
}

/* The list of sections holds the headings the layout has; the outline
 * has their words. */
static size_t headings_count(const struct nav *n)
{
	return n->v->reader.layout ? layout_heading_count(n->v->reader.layout) : 0;
}

#define MENU_HEAD 2 /* a title and a blank row */

static struct page_shape headings_shape(const struct nav *n)
{
	return shape(n->view, MENU_HEAD, headings_count(n), 1);
}

static void close_modal(struct visit *v)
{
	v->screen = v->modals ? v->under[--v->modals] : NAV_SCREEN_HOME;
}

static void headings_go(struct nav *n, size_t i)
{
	struct visit *v = n->v;
	size_t line = layout_heading_line(v->reader.layout, i);
	close_modal(v);
	if (line == (size_t)-1)
		return;
	remember(n);
	v->reader.focus = -1;
	set_focus(n, -1);
	scroll_to(n, (long)line);
	v->reader.anchor = here(n);
}

static void headings_do(struct nav *n, const struct nav_input *in)
{
	struct visit *v = n->v;
	struct page_shape s = headings_shape(n);
	if (in->action == NAV_TAP) {
		if (s.more && in->row == s.view) {
			page_tap_more(n, &v->headings, &s, in->col);
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

static struct page_shape help_shape(const struct nav *n)
{
	return shape(n->view, MENU_HEAD + n->nhelp, 0, 1);
}

static void help_do(struct nav *n, const struct nav_input *in)
{
	struct visit *v = n->v;
	struct page_shape s = help_shape(n);
	switch (in->action) {
	case NAV_TAP:
		if (s.more && in->row == s.view)
			page_tap_more(n, &v->help, &s, in->col);
		return;
	case NAV_NONE: case NAV_DIGIT: case NAV_TIMEOUT:
		return;
	default:
		if (!page_move(&v->help, &s, in->action))
			close_modal(v); /* any other key closes help */
	}
}

static void open_help(struct visit *v)
{
	if (v->modals < MAX_MODALS)
		v->under[v->modals++] = v->screen;
	v->screen = NAV_SCREEN_HELP;
	v->help = (struct page){0};
}

/* ---- the help lines -------------------------------------------------------------- */

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

/* ---- the visit ------------------------------------------------------------------- */

static struct visit *visit_new(void)
{
	struct visit *v = xcalloc(1, sizeof *v);
	v->screen = NAV_SCREEN_HOME;
	v->reader.focus = -1;
	return v;
}

static void visit_free(struct visit *v)
{
	if (!v)
		return;
	layout_free(v->reader.layout);
	free(v->reader.targets);
	buf_free(&v->reader.link_label);
	history_free(&v->history);
	buf_free(&v->message);
	free(v);
}

struct nav *nav_new(struct guide *g, const struct nav_config *cfg)
{
	struct nav *n = xcalloc(1, sizeof *n);
	n->guide = g;
	n->cfg = *cfg;
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
	free(n);
}

/* A new patient: the visit is freed, not tidied, so nothing survives. */
static void start_over(struct nav *n)
{
	visit_free(n->v);
	n->v = visit_new();
	measure(n);
}

void nav_resize(struct nav *n, size_t rows, size_t width)
{
	struct visit *v = n->v;
	struct page_shape before = home_shape(n);
	/* The guide's title stays in view until the patient moves on. */
	bool follow_choice = n->rows && v->home.top > 0 &&
			     entry_visible(&v->home, &before, v->home.selected);
	n->rows = rows ? rows : 1;
	n->width = width < LAYOUT_MIN_WIDTH ? LAYOUT_MIN_WIDTH
		 : width > LAYOUT_MAX_WIDTH ? LAYOUT_MAX_WIDTH : width;
	relayout_welcome(n);
	make_help(n);
	measure(n);
	struct reader *r = &v->reader;
	if (r->layout) {
		struct place want = r->anchor;
		want.link = layout_link_of(r);
		struct layout *l = make_layout(n, r->article);
		if (l)
			show_place(n, l, r->article, &want);
		r->anchor = want; /* a resize is not the reader moving */
	}
	struct page_shape s = home_shape(n);
	if (follow_choice) {
		v->home.top = 0; /* as much of the page above as fits */
		page_show_selected(&v->home, &s);
	} else
		page_clamp(&v->home, &s);
	s = help_shape(n);
	page_clamp(&v->help, &s);
	s = headings_shape(n);
	page_clamp(&v->headings, &s);
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
	buf_clear(&v->message);
	measure(n);
	if (in->action == NAV_HELP && v->screen != NAV_SCREEN_HELP) {
		v->typed = 0;
		open_help(v);
	} else if (in->action == NAV_TOPICS) {
		v->typed = 0;
		go_topics(n);
	} else {
		switch (v->screen) {
		case NAV_SCREEN_HOME: home_do(n, in); break;
		case NAV_SCREEN_ARTICLE: article_do(n, in); break;
		case NAV_SCREEN_HEADINGS: headings_do(n, in); break;
		case NAV_SCREEN_HELP: help_do(n, in); break;
		}
	}
	measure(n);
	return NAV_DONE;
}

enum nav_result nav_act(struct nav *n, enum nav_action a)
{
	struct nav_input in = {.action = a};
	return nav_do(n, &in);
}

/* ---- drawing: rows ---------------------------------------------------------------- */

static void row_text(struct nav_row *row, enum nav_row_kind kind, const char *text)
{
	row->kind = kind;
	row->text = text;
	row->len = strlen(text);
}

static void home_row(const struct nav *n, size_t y, struct nav_row *row)
{
	const struct visit *v = n->v;
	struct page_shape s = home_shape(n);
	if (s.more && y == s.view) {
		more_text(n, &v->home, &s, "topic", row);
		return;
	}
	if (y >= s.view)
		return;
	size_t p = v->home.top + y, w = welcome_rows(n);
	if (p + 1 < w) {
		row->kind = NAV_ROW_LINE;
		row->line = layout_line(n->welcome, p);
		return;
	}
	if (p < w || (p - w) / HOME_ITEM_ROWS >= s.count)
		return;
	size_t i = (p - w) / HOME_ITEM_ROWS;
	const struct article *a = guide_article(n->guide, i);
	int digits = snprintf(NULL, 0, "%zu", s.count);
	int nw = snprintf(row->buf, sizeof row->buf, "%*zu. ", digits, i + 1);
	row->chosen = i == v->home.selected;
	row->text_col = (size_t)nw;
	if ((p - w) % HOME_ITEM_ROWS == 0) {
		row->label = row->buf;
		row->strong = true;
		row_text(row, NAV_ROW_ITEM, a->title);
	} else {
		row_text(row, NAV_ROW_NOTE, a->summary);
	}
}

static void article_row(const struct nav *n, size_t y, struct nav_row *row)
{
	const struct reader *r = &n->v->reader;
	size_t line = r->top + y, lines = layout_line_count(r->layout);
	if (line < lines) {
		row->kind = NAV_ROW_LINE;
		row->line = layout_line(r->layout, line);
		row->link = layout_link_of(r);
		return;
	}
	if (line == lines || line - lines - 1 >= r->nends)
		return;
	size_t e = line - lines - 1;
	long t = (long)(r->ntargets - r->nends + e);
	row->chosen = r->focus == t;
	row->strong = true;
	row->plain_label = true;
	row->label = row->buf;
	if (r->ends[e] == END_NEXT) {
		snprintf(row->buf, sizeof row->buf, "%s Read next: ", glyph(n, "→", ">"));
		row_text(row, NAV_ROW_ITEM, guide_article(n->guide, r->article + 1)->title);
	} else {
		snprintf(row->buf, sizeof row->buf, "%s ", glyph(n, "←", "<"));
		row_text(row, NAV_ROW_ITEM, "All topics");
	}
	row->text_col = text_width(row->buf, strlen(row->buf));
}

static void headings_row(const struct nav *n, size_t y, struct nav_row *row)
{
	const struct visit *v = n->v;
	struct page_shape s = headings_shape(n);
	if (s.more && y == s.view) {
		more_text(n, &v->headings, &s, "section", row);
		return;
	}
	size_t p = v->headings.top + y;
	if (y >= s.view)
		return;
	if (p == 0) {
		row_text(row, NAV_ROW_TITLE, "Go to a section");
		return;
	}
	const struct outline *o = reader_outline(n);
	const struct outline_heading *h = o && p >= MENU_HEAD
		? outline_heading(o, p - MENU_HEAD) : NULL;
	if (!h || p - MENU_HEAD >= s.count)
		return;
	row->indent = h->level > 1 ? (size_t)(h->level - 1) * 2 : 0;
	row->label = "";
	row->strong = h->level <= 2;
	row->chosen = p - MENU_HEAD == v->headings.selected;
	row_text(row, NAV_ROW_ITEM, h->text);
}

static void help_row(const struct nav *n, size_t y, struct nav_row *row)
{
	const struct visit *v = n->v;
	struct page_shape s = help_shape(n);
	if (s.more && y == s.view) {
		more_text(n, &v->help, &s, "line", row);
		return;
	}
	size_t p = v->help.top + y;
	if (y >= s.view)
		return;
	if (p == 0) {
		row_text(row, NAV_ROW_TITLE, "Help: keys and taps");
		return;
	}
	if (p < MENU_HEAD || p - MENU_HEAD >= n->nhelp)
		return;
	const struct help_line *h = &n->help[p - MENU_HEAD];
	row->kind = NAV_ROW_ITEM;
	row->label = h->keys ? h->keys : "";
	row->text = h->text ? h->text : "";
	row->len = h->text ? h->len : 0;
	row->text_col = h->col;
}

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
	case NAV_SCREEN_ARTICLE: article_row(n, y, row); break;
	case NAV_SCREEN_HEADINGS: headings_row(n, y, row); break;
	case NAV_SCREEN_HELP: help_row(n, y, row); break;
	}
}

/* ---- drawing: the status bar and the cursor ----------------------------------------- */

static void add_hint(struct nav_status *st, enum nav_action a)
{
	if (st->nhints < NAV_MAX_HINTS)
		st->hints[st->nhints++] = a;
}

static const char *reader_position(const struct nav *n)
{
	const struct reader *r = &n->v->reader;
	static char pct[8];
	size_t rows = reader_rows(r);
	if (rows <= n->view)
		return "All";
	if (r->top == 0)
		return "Top";
	if (r->top >= reader_max_top(n))
		return "End";
	snprintf(pct, sizeof pct, "%zu%%", (r->top + n->view) * 100 / rows);
	return pct;
}

static void article_status(const struct nav *n, struct nav_status *st)
{
	const struct reader *r = &n->v->reader;
	st->where = guide_article(n->guide, r->article)->title;
	snprintf(st->buf, sizeof st->buf, "%s", reader_position(n));
	st->position = st->buf;
	if (layout_heading_count(r->layout))
		add_hint(st, NAV_HEADINGS);
	if (layout_link_count(r->layout))
		add_hint(st, NAV_NEXT_LINK);
	add_hint(st, NAV_HELP);
	add_hint(st, NAV_TOPICS);
	if (r->focus >= 0)
		add_hint(st, NAV_OPEN);
	add_hint(st, NAV_BACK);
}

void nav_status(const struct nav *n, struct nav_status *st)
{
	const struct visit *v = n->v;
	memset(st, 0, sizeof *st);
	switch (v->screen) {
	case NAV_SCREEN_HOME:
		if (v->typed)
			snprintf(st->buf, sizeof st->buf, "Typed %u%s", v->typed,
				 glyph(n, "…", "..."));
		else
			snprintf(st->buf, sizeof st->buf, "Topic %zu of %zu", v->home.selected + 1,
				 guide_count(n->guide));
		st->where = st->buf;
		if (!n->cfg.kiosk)
			add_hint(st, NAV_QUIT);
		add_hint(st, NAV_HELP);
		add_hint(st, NAV_OPEN);
		break;
	case NAV_SCREEN_ARTICLE:
		article_status(n, st);
		break;
	case NAV_SCREEN_HEADINGS:
		st->where = guide_article(n->guide, v->reader.article)->title;
		add_hint(st, NAV_OPEN);
		add_hint(st, NAV_BACK);
		break;
	case NAV_SCREEN_HELP:
		st->where = "Help";
		add_hint(st, NAV_TOPICS);
		add_hint(st, NAV_BACK);
		break;
	}
}

void nav_cursor(const struct nav *n, size_t *row, size_t *col)
{
	const struct visit *v = n->v;
	*row = *col = 0;
	if (v->screen == NAV_SCREEN_HOME) {
		struct page_shape s = home_shape(n);
		if (s.count && entry_visible(&v->home, &s, v->home.selected))
			*row = entry_row(&s, v->home.selected) - v->home.top;
	} else if (v->screen == NAV_SCREEN_ARTICLE && v->reader.focus >= 0) {
		const struct target *t = &v->reader.targets[v->reader.focus];
		*row = t->line - v->reader.top;
		*col = t->col;
	} else if (v->screen == NAV_SCREEN_HEADINGS) {
		struct page_shape s = headings_shape(n);
		size_t r = entry_row(&s, v->headings.selected);
		if (entry_visible(&v->headings, &s, v->headings.selected)) {
			const struct outline *o = reader_outline(n);
			const struct outline_heading *h = o ? outline_heading(o, v->headings.selected)
							    : NULL;
			*row = r - v->headings.top;
			*col = h && h->level > 1 ? (size_t)(h->level - 1) * 2 : 0;
		}
	}
}

int nav_timeout_ms(const struct nav *n)
{
	return n->v->typed ? DIGIT_WAIT_MS : -1;
}

/* ---- accessors -------------------------------------------------------------------- */

enum nav_screen nav_screen(const struct nav *n) { return n->v->screen; }
size_t nav_reader_top(const struct nav *n) { return n->v->reader.top; }
size_t nav_home_selected(const struct nav *n) { return n->v->home.selected; }
size_t nav_home_top(const struct nav *n) { return n->v->home.top; }
const char *nav_message(const struct nav *n) { return n->v->message.data ? n->v->message.data : ""; }
size_t nav_history_depth(const struct nav *n) { return n->v->history.len; }

long nav_article(const struct nav *n)
{
	return n->v->reader.layout && n->v->screen != NAV_SCREEN_HOME ? (long)n->v->reader.article
								      : -1;
}

long nav_reader_link(const struct nav *n)
{
	return layout_link_of(&n->v->reader);
}

const struct layout *nav_reader_layout(const struct nav *n)
{
	return n->v->reader.layout;
}

/* ---- for the front ends: kiosk and plain mode ----------------------------------- */

void nav_say(struct nav *n, const char *text)
{
	say(n, "%s", text);
	measure(n);
}

void nav_status_kiosk(const struct nav *n, struct nav_status *st)
{
	if (!n->cfg.kiosk || n->v->screen != NAV_SCREEN_HOME)
		return;
	/* Hints are least needed first and give way in that order on a short
	 * bar; in a waiting room starting over matters most, so it goes last. */
	if (st->nhints == NAV_MAX_HINTS)
		memmove(st->hints, st->hints + 1, --st->nhints * sizeof *st->hints);
	st->hints[st->nhints++] = NAV_START_OVER;
}
