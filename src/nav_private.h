/* nav_private: what the navigator's files share.
 *
 *   nav.c         the visit, actions, home, the headings list, help, drawing
 *   nav_page.c    lists of entries below text, scrolled as one page
 *   nav_view.c    a laid-out document with things to choose (links, items)
 *   nav_reader.c  reading a topic: links, history, the end of a topic
 *   nav_quiz.c    the readiness quiz
 *   nav_search.c  searching the guide, and finding words in a topic
 *
 * None of them includes curses. */
#ifndef SKINGUIDE_NAV_PRIVATE_H
#define SKINGUIDE_NAV_PRIVATE_H

#include "skinguide/history.h"
#include "skinguide/nav.h"
#include "skinguide/quiz.h"
#include "skinguide/search.h"
#include "skinguide/text.h"

/* ---- pages: a list of entries below some rows of text ------------------- */

struct page {
	size_t selected;
	size_t top;      /* first page row shown */
};

struct page_shape {
	size_t head;     /* rows of text above the entries */
	size_t count;    /* entries */
	size_t entry;    /* rows per entry */
	size_t view;     /* rows for the page (the "more" row taken off) */
	bool more;       /* a row under the page says what is off screen */
};

struct page_shape page_shape(size_t view, size_t head, size_t count, size_t entry);
size_t page_max_top(const struct page_shape *s);
size_t page_entry_row(const struct page_shape *s, size_t i);
bool page_entry_visible(const struct page *p, const struct page_shape *s, size_t i);
void page_clamp(struct page *p, const struct page_shape *s);
void page_show_selected(struct page *p, const struct page_shape *s);
/* Up (dir -1) or Down (1): the next entry, or toward the chosen one
 * when it is off screen (a page at most: no text is skipped unseen). */
void page_step(struct page *p, const struct page_shape *s, int dir);
/* The moves every list shares.  True when `a` was one of them. */
bool page_move(struct page *p, const struct page_shape *s, enum nav_action a);
/* A tap on the "more" row turns the page: left third up, else down. */
void page_tap_more(struct page *p, const struct page_shape *s, size_t col, size_t width);
/* "↓ 3 more topics below" into row. */
void page_more_row(const struct nav *n, const struct page *p, const struct page_shape *s,
		   const char *what, size_t others, struct nav_row *row);

/* ---- views: a laid-out document with things to choose ------------------ */

/* Something Tab, the arrows or a tap can choose: a link, an item (a block
 * of the document that is an answer or a result), or a choice drawn after
 * the text. */
struct target {
	size_t line, col;
	long link;       /* the layout's link, or -1 */
	long item;       /* the view's item, or -1 */
	long end;        /* the choice after the text, or -1 */
};

struct view {
	struct layout *layout; /* owned; NULL when nothing is shown */
	size_t top;
	long focus;            /* index into targets, or -1 */
	struct target *targets;
	size_t ntargets;
	size_t *items;         /* item k is the document's block items[k] */
	size_t nitems;
	size_t nends;          /* choices after the text, below a blank row */
};

void view_free(struct view *v);
/* Take `l` (owned from now on) and rebuild the targets. */
void view_set_layout(struct view *v, struct layout *l, size_t nends);
size_t view_rows(const struct view *v);
size_t view_max_top(const struct nav *n, const struct view *v);
bool view_in_sight(const struct nav *n, const struct view *v, size_t line);
/* Scroll; a choice that leaves the screen is let go. */
void view_scroll(const struct nav *n, struct view *v, long top);
/* Choose target t (-1: none), keeping it above the message rows. */
void view_focus(struct nav *n, struct view *v, long t);
/* Choose target t, scrolling it to the middle of the screen if it is off. */
void view_show(struct nav *n, struct view *v, long t);
/* Tab and Shift-Tab: the next target, wrapping round. */
void view_cycle(struct nav *n, struct view *v, int dir);
/* The arrows: the next target on the screen, else a line. */
void view_step(struct nav *n, struct view *v, int dir);
/* Scrolling actions; true when `a` was one of them. */
bool view_scroll_action(struct nav *n, struct view *v, enum nav_action a);
/* The target at a tapped row and column, or -1. */
long view_target_at(const struct nav *n, const struct view *v, size_t row, size_t col);
/* The top a page turn in `dir` (1 or -1) leads to. */
long view_page(const struct nav *n, const struct view *v, int dir);
/* A tap on row `row` that chose nothing turns a page: on (low) or back
 * (high).  True when the view moved. */
bool view_tap_turns_page(struct nav *n, struct view *v, size_t row);
long view_target_of_link(const struct view *v, long link);
long view_target_of_item(const struct view *v, long item);
long view_target_of_end(const struct view *v, long end);
/* Where the hardware cursor rests: on the choice, when it shows. */
void view_cursor(const struct nav *n, const struct view *v, size_t *row, size_t *col);
/* The layout's link chosen, or -1. */
long view_link(const struct view *v);
/* Row y: true when it is a line of the text (filled in), false for the
 * rows after it (the owner draws its choices there). */
bool view_row(const struct nav *n, const struct view *v, size_t y, struct nav_row *row);
/* "Top", "42%", "End" or "All". */
const char *view_position(const struct nav *n, const struct view *v, char *buf, size_t size);
/* Block number of `node` in `doc`, as layout and the outline count. */
size_t view_block_of(cmark_node *doc, cmark_node *node);
/* Screens built as small documents (the quiz, search results): a new
 * node of `type` appended to `parent`, and a text node of `len` bytes. */
cmark_node *view_add(cmark_node *parent, cmark_node_type type);
void view_add_text(cmark_node *parent, const char *s, size_t len);
/* Lay out `doc` (taken and freed) in `v`: items[i] (blocks of `doc`)
 * become the view's items, with `nends` choices after the text. */
void view_show_doc(struct nav *n, struct view *v, cmark_node *doc, cmark_node *const *items,
		   size_t nitems, size_t nends);

/* ---- the reader --------------------------------------------------------- */

enum end_choice { END_NEXT, END_TOPICS };

/* A place in the topic's lines where the searched words are. */
struct match {
	size_t line, start, end;
};

/* The searched words in the topic being read: highlighted, and n and N
 * go from one to the next. */
struct found {
	struct search_matcher *matcher; /* NULL: nothing is searched */
	struct match *matches;
	size_t count;
	long current;                   /* the match n and N are at, or -1 */
};

struct reader {
	size_t article;
	struct view view;
	enum end_choice ends[2];
	struct place anchor;   /* where the reader chose to be, for resizes */
	struct found found;
};

/* ---- search --------------------------------------------------------------- */

/* Bytes a search or find may hold: a pasted page is cut, not refused. */
#define SEARCH_QUERY_MAX 200

struct search_visit {
	struct buf query;
	struct search_results *results; /* for `query`, or NULL */
	struct view view;               /* the results, laid out */
};

/* ---- the quiz ----------------------------------------------------------- */

enum quiz_phase { QUIZ_OFF, QUIZ_INTRO, QUIZ_ASKING, QUIZ_RESULTS };

struct quiz_visit {
	enum quiz_phase phase;
	size_t order[QUIZ_MAX_QUESTIONS]; /* the questions to ask, in turn */
	size_t norder;
	size_t pos;                        /* into order */
	int chosen[QUIZ_MAX_QUESTIONS];    /* the patient's answers, or -1 */
	struct quiz_results results;
	long choices[4];                   /* what the choices after the text do */
	bool leave_asked;                  /* Topics said that leaving wipes the
					    * answers; a second Topics leaves (until
					    * another answer or question) */
	long wipe_asked;                   /* the choice (Take the quiz again, Leave
					    * the quiz) that said it wipes the answers:
					    * chosen again before the quiz is left
					    * (even for help), it does it; -1 for none */
	struct view view;
};

/* ---- the visit and the navigator ----------------------------------------- */

#define MAX_MODALS 4

struct visit {
	enum nav_screen screen;
	enum nav_screen under[MAX_MODALS];
	size_t modals;
	struct page home;
	unsigned typed;        /* a topic number being typed, 0 for none */
	long home_link;        /* a link of the welcome chosen by Tab, or -1 */
	struct reader reader;
	struct page headings;
	struct page help;
	struct quiz_visit quiz;
	struct search_visit search;
	struct buf find;       /* the words being found in the topic */
	struct history history;
	struct buf message;
	struct buf link_label; /* where the chosen link leads, in words */
	bool start_over_asked; /* a Start over button said what it forgets */
	bool visited;          /* something was opened: there is a visit to forget,
				* even once Back has emptied the history */
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
	struct quiz *quiz;       /* quiz.md, when it is there and sound */
	int quiz_links;          /* its links: 0 not checked yet, 1 sound, -1 not */
	struct search *search;   /* the index, made at the first search */
	bool indexing;           /* a thread builds it: say how far it is */
	struct visit *v;
};

/* nav.c */
const char *nav_glyph(const struct nav *n, const char *utf8, const char *ascii);
void nav_say(struct nav *n, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append the key the front end gives action `a` ("t"), nothing when it
 * names none. */
void nav_first_key(const struct nav *n, enum nav_action a, struct buf *out);
/* Wrap the message, and give the rest of the rows to the view. */
void nav_measure(struct nav *n);
void nav_row_text(struct nav_row *row, enum nav_row_kind kind, const char *text);
/* Push where the patient is, as a step Back undoes. */
void nav_remember(struct nav *n);
void nav_close_modals(struct visit *v);
void nav_show_home(struct nav *n, size_t entry, size_t top);
/* Back: the last step taken, or the topic list. */
void nav_back(struct nav *n);
/* Go to the topic list as a step Back undoes. */
void nav_go_topics(struct nav *n);
size_t nav_home_entries(const struct nav *n);

/* nav_reader.c */
void reader_free(struct reader *r);
void reader_open(struct nav *n, size_t article, const char *fragment);
void reader_show_place(struct nav *n, const struct place *p);
struct place reader_here(const struct nav *n);
void reader_relayout(struct nav *n);
void reader_do(struct nav *n, const struct nav_input *in);
void reader_row(const struct nav *n, size_t y, struct nav_row *row);
void reader_status(const struct nav *n, struct nav_status *st);
const struct outline *reader_outline(const struct nav *n);
/* Scroll to line `line` as a step Back undoes. */
void reader_jump(struct nav *n, size_t line);
/* Where `target` leads from article `here`, in words, into `out`. */
void nav_describe_link(struct nav *n, const char *target, size_t here, struct buf *out);

/* nav_quiz.c */
/* quiz.md of the guide, or NULL: none, or *broken when it has errors. */
struct quiz *quiz_load(struct guide *g, bool *broken);
void quiz_visit_free(struct quiz_visit *q);
void quiz_open(struct nav *n);
void quiz_show_place(struct nav *n);
void quiz_relayout(struct nav *n);
void quiz_do(struct nav *n, const struct nav_input *in);
void quiz_row(const struct nav *n, size_t y, struct nav_row *row);
void quiz_status(const struct nav *n, struct nav_status *st);
/* Forget the answers, and every step back into the quiz; true when some
 * question had an answer. */
bool quiz_forget(struct nav *n);
/* Say so to the patient, who may not have known that leaving wipes. */
void quiz_say_wiped(struct nav *n);
void quiz_cursor(const struct nav *n, size_t *row, size_t *col);

/* nav_search.c */
void search_visit_free(struct search_visit *s);
void found_free(struct found *f);
void search_open(struct nav *n);
void search_show_place(struct nav *n);
void search_relayout(struct nav *n);
void search_do(struct nav *n, const struct nav_input *in);
void search_row(const struct nav *n, size_t y, struct nav_row *row);
void search_status(const struct nav *n, struct nav_status *st);
void search_cursor(const struct nav *n, size_t *row, size_t *col);
bool search_refreshing(const struct nav *n);
void find_open(struct nav *n);
void find_do(struct nav *n, const struct nav_input *in);
const char *find_prompt(const struct nav *n, struct buf *out);
/* Find the words again in the reader's new layout. */
void found_relayout(struct nav *n);
void found_step(struct nav *n, int dir);
void found_marks(const struct found *f, size_t line, struct nav_row *row);

#endif
