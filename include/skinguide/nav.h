/* nav: one patient's visit to the guide, with no terminal in it.
 *
 * The navigator owns everything a visit is: the stack of screens, the
 * home selection and a number being typed, the reader's article, place,
 * chosen link and history, the headings list, the help screen's place,
 * and the message for the patient.  Front ends turn input into actions
 * (nav_do), tell it the size of the view (nav_resize) and draw what it
 * holds (nav_row, nav_status, nav_cursor).  Key names and bindings stay in
 * the front ends; actions and their help text in words live here.
 *
 * Quitting and starting over each happen in one place, nav_do: a kiosk
 * refuses the first, and starting over frees the visit and makes a new
 * one, so nothing of the last patient survives. */
#ifndef SKINGUIDE_NAV_H
#define SKINGUIDE_NAV_H

#include <stdbool.h>
#include <stddef.h>

#include "skinguide/buf.h"
#include "skinguide/content.h"
#include "skinguide/layout.h"

enum nav_action {
	NAV_NONE,
	NAV_UP,         /* lists: the item above; a topic: the link above on
			 * the screen, else scroll up a line */
	NAV_DOWN,
	NAV_LINE_UP,    /* scroll one line (lists: move one item) */
	NAV_LINE_DOWN,
	NAV_PAGE_UP,
	NAV_PAGE_DOWN,
	NAV_TOP,
	NAV_BOTTOM,
	NAV_OPEN,       /* open the chosen item or link; a topic with no link
			 * chosen reads on */
	NAV_READ_ON,    /* a topic: read on a page, then offer the next topic;
			 * lists: a page down */
	NAV_FORWARD,    /* a topic: read on; lists: open the chosen item */
	NAV_ANSWER,     /* a quiz question: give the chosen answer (NAV_OPEN
			 * under the word a patient expects on its button) */
	NAV_BACK,
	NAV_NEXT_LINK,
	NAV_PREV_LINK,
	NAV_HEADINGS,   /* the list of the topic's sections */
	NAV_TOPICS,     /* the list of topics, as a step Back undoes */
	NAV_HELP,
	NAV_DIGIT,      /* arg: 0 to 9 */
	NAV_TIMEOUT,    /* nav_timeout_ms() passed with no input */
	NAV_TAP,        /* row, col: a click or touch in the view */
	NAV_WHEEL_UP,
	NAV_WHEEL_DOWN,
	NAV_REDRAW,     /* the front end's; the navigator ignores it */
	NAV_START_OVER, /* forget the visit: a new patient */
	NAV_QUIT,
	NAV_QUIZ,       /* the readiness quiz */
	NAV_SEARCH,     /* search the whole guide */
	NAV_FIND,       /* find words in this topic (elsewhere: search) */
	NAV_TYPE,       /* arg: a character typed into a search (a code point) */
	NAV_ERASE,      /* the last character typed goes */
	NAV_NEXT_MATCH, /* the next (previous) place the words were found */
	NAV_PREV_MATCH,
	NAV_ACTION_COUNT
};

struct nav_input {
	enum nav_action action;
	long arg;        /* NAV_DIGIT: the digit */
	size_t row, col; /* NAV_TAP: view row, and column from the text's left edge */
};

enum nav_result { NAV_DONE, NAV_QUIT_NOW };

enum nav_screen {
	NAV_SCREEN_HOME,
	NAV_SCREEN_ARTICLE,
	NAV_SCREEN_HEADINGS,
	NAV_SCREEN_HELP,
	NAV_SCREEN_QUIZ,
	NAV_SCREEN_SEARCH,
	NAV_SCREEN_FIND     /* the find prompt over a topic */
};
#define NAV_SCREEN_COUNT (NAV_SCREEN_FIND + 1)

struct nav_config {
	bool ascii; /* the terminal shows ASCII only: glyphs and text made plain */
	bool kiosk; /* no action quits */
	bool suggest; /* an empty search offers words to choose (a finger at a
		       * touch screen has no keyboard); plain mode types them */
	/* Append the names of the keys that do `a` ("Up" or "Backspace, Esc")
	 * to `out`, for the help screen; nothing when no key does it. */
	void (*key_names)(enum nav_action a, struct buf *out, void *ctx);
	void *ctx;
};

struct nav;

/** A visit to `g` (borrowed: it must outlive the navigator), starting on
 *  the home screen.  `cfg` is copied.  Call nav_resize() before drawing.
 *  Caller frees with nav_free(). */
struct nav *nav_new(struct guide *g, const struct nav_config *cfg);
/** Free the navigator and everything of the visit; NULL is fine. */
void nav_free(struct nav *n);

/** The view is `rows` rows (the status bar not included) of `width`
 *  columns of text.  Keeps the reader on the same paragraph. */
void nav_resize(struct nav *n, size_t rows, size_t width);

/** Apply one action.  NAV_QUIT_NOW when the front end should end. */
enum nav_result nav_do(struct nav *n, const struct nav_input *in);

/** Shorthand for an action without arguments. */
enum nav_result nav_act(struct nav *n, enum nav_action a);

enum nav_screen nav_screen(const struct nav *n);

/* ---- what to draw ------------------------------------------------------ */

enum nav_row_kind {
	NAV_ROW_BLANK,
	NAV_ROW_LINE,    /* `line`, with spans of link `link` shown as chosen,
			  * or the whole line when `chosen` */
	NAV_ROW_TITLE,   /* a screen's heading: `text` in bold */
	NAV_ROW_ITEM,    /* `label` then `text` from column `text_col` */
	NAV_ROW_NOTE,    /* an item's second row: `text` from column `text_col` */
	NAV_ROW_MORE,    /* "↓ 3 more topics below": `text` */
	NAV_ROW_MESSAGE  /* words for the patient: `text` */
};

/* Bytes [start, end) of a line where searched words were found. */
struct nav_mark {
	size_t start, end;
	bool current; /* the match n and N are at */
};

#define NAV_MAX_MARKS 16

struct nav_row {
	enum nav_row_kind kind;
	const struct layout_line *line;
	long link;
	struct nav_mark marks[NAV_MAX_MARKS]; /* LINE: found words, in order */
	size_t nmarks;
	const char *label;  /* ITEM: drawn from column `indent`, may be "" */
	const char *text;
	size_t len;         /* bytes of `text` */
	size_t indent;
	size_t text_col;    /* ITEM, NOTE: column of `text` */
	bool chosen;        /* ITEM, NOTE, LINE: the selection */
	bool strong;        /* ITEM: the text is bold; the label is when !plain_label */
	bool plain_label;
	char buf[160];      /* storage for generated labels and text */
};

/** Row `y` of the view (0 at the top), into `row`.  Pointers in it are
 *  borrowed until the next nav_do(), nav_resize() or nav_free(). */
void nav_row(const struct nav *n, size_t y, struct nav_row *row);

/* Hints the status bar shows; at most NAV_MAX_HINTS, least needed first. */
#define NAV_MAX_HINTS 8

struct nav_status {
	const char *where;    /* the topic's title, or "Topic 3 of 10" */
	const char *brief;    /* `where` for a narrow line ("3 of 10"), or NULL */
	const char *position; /* "Top", "42%", "End", or NULL when all fits */
	enum nav_action hints[NAV_MAX_HINTS];
	size_t nhints;
	char buf[128];
	char briefbuf[32];
	char posbuf[16];
};

/** The status bar (on a kiosk's home screen, with a "Start over"
 *  button).  Borrowed like nav_row(). */
void nav_status(const struct nav *n, struct nav_status *st);

/** The word an action goes by on a button: "Back", "Help", "Topics". */
const char *nav_action_label(enum nav_action a);

/** Where the hardware cursor rests: view row and column from the text's
 *  left edge (on the chosen item or link, for screen magnifiers). */
void nav_cursor(const struct nav *n, size_t *row, size_t *col);

/** Milliseconds after which the front end sends NAV_TIMEOUT if nothing
 *  else happened (a typed number waiting for its second digit, search
 *  results to refresh while the index is built), or -1. */
int nav_timeout_ms(const struct nav *n);

/** True while the screen takes typed text (search, find): the front end
 *  sends printable characters as NAV_TYPE and Backspace as NAV_ERASE,
 *  and only keys that type nothing as other actions. */
bool nav_wants_text(const struct nav *n);

/** A kiosk left alone for `idle_seconds` starts over; for the last
 *  milliseconds this returns (15 seconds, or the last half of a shorter
 *  idle) it says so first.  The one rule both front ends count by. */
long nav_countdown_ms(long idle_seconds);

/* Where a kiosk left alone for `quiet_ms` stands, by that rule. */
struct nav_idle {
	bool start_over;   /* the time is up: forget the visit */
	int seconds;       /* the countdown to show now, 0 before it begins */
	long long wait_ms; /* until start_over or seconds changes */
};

/** The kiosk's idle timer as a pure function of the time since the last
 *  input, so a front end only keeps the clock.  `idle_seconds` > 0. */
struct nav_idle nav_idle(long idle_seconds, long long quiet_ms);

/** Put `len` bytes of `text` (any bytes: controls are left out, long
 *  text is cut) in place of the words of the search or find on screen,
 *  as if typed, for a front end that reads whole lines. */
void nav_set_text(struct nav *n, const char *text, size_t len);

/* ---- what the visit holds, for tests and the plain front end ------------ */

/** The article being read, or -1 on screens that have none. */
long nav_article(const struct nav *n);
/** The reader's first line shown, and its chosen link (-1 for none). */
size_t nav_reader_top(const struct nav *n);
long nav_reader_link(const struct nav *n);
/** The reader's layout (borrowed), or NULL. */
const struct layout *nav_reader_layout(const struct nav *n);
/** The home screen's chosen topic and first page row shown. */
size_t nav_home_selected(const struct nav *n);
size_t nav_home_top(const struct nav *n);
/** The message for the patient, "" for none (borrowed). */
const char *nav_message(const struct nav *n);
/** Where the chosen link leads, as the screen says it under the text
 *  ("Link to: Aftercare, section ..."), or NULL when no link is chosen
 *  (borrowed until the next action). */
const char *nav_link_label(const struct nav *n);
/** Steps Back can undo. */
size_t nav_history_depth(const struct nav *n);
/** The quiz question on screen (its number in quiz.md, from 0), or -1;
 *  and how many questions hold an answer in this visit. */
long nav_quiz_question(const struct nav *n);
size_t nav_quiz_answered(const struct nav *n);

/* ---- for the front ends: kiosk and plain mode --------------------------- */

/** Whether a Start over the patient chose (a key, a button) should happen
 *  now: true when the visit holds nothing to forget or the patient chose
 *  it twice in a row; else false, having said what it forgets.  The
 *  kiosk's idle timer starts over without asking. */
bool nav_start_over_now(struct nav *n);

/** Show `text` (copied) as the message for the patient, as the navigator
 *  shows its own: the next action clears it.  For what only the front end
 *  knows, such as the kiosk's countdown before it starts over. */
void nav_notice(struct nav *n, const char *text);

/* ---- for the plain front end: what the full screen shows by highlight --- */

/** Place `i` (from 0, in the order NAV_NEXT_MATCH goes) where the words
 *  searched or found are in the topic being read: its line of
 *  nav_reader_layout() and its bytes in `*mark`, whose `current` is set
 *  on the place n and N are at.  False when there is no place `i`. */
bool nav_found_place(const struct nav *n, size_t i, size_t *line, struct nav_mark *mark);

/** The answer already given to the quiz question on screen (its number
 *  among the question's answers, from 0), or -1: none yet, or no
 *  question on screen. */
long nav_quiz_chosen(const struct nav *n);

#endif
