/* plain's private header: what its two files share.  plain.c reads
 * what is typed and acts on it (the words, the commands, the loop);
 * plain_page.c prints what the navigator shows (lines, topics, lists,
 * help). */
#ifndef SKINGUIDE_PLAIN_PRIVATE_H
#define SKINGUIDE_PLAIN_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "skinguide/buf.h"
#include "skinguide/layout.h"
#include "skinguide/nav.h"
#include "skinguide/plain.h"

/* The first tall view; it grows while a list still says "more below". */
#define TALL_ROWS 256
#define MAX_TALL_ROWS (1u << 22)
/* Of a line typed, this much is quoted back in a message. */
#define ECHO_MAX 40
/* Columns kept free on each line for what is added after the text was
 * wrapped: link numbers ("[12]") and the word "Heading: ". */
#define NUMBER_ROOM 9
/* Found words are marked in words, as links are numbered: no highlight
 * reaches a braille display or a screen reader. */
#define FOUND_OPEN "[found: "
#define FOUND_CLOSE "]"

/* ---- words: what can be typed, the action it is, how the prompt says it --- */

enum special { PLAIN_ACTION, PLAIN_NEXT_TOPIC, PLAIN_FROM_TOP, PLAIN_MATCH };

struct word {
	const char *names[3]; /* the first is the one the prompt shows */
	enum nav_action action;
	enum special special;
	const char *phrase;   /* "to go back", after the name in the prompt, or NULL */
	const char *help;     /* what it does, on plain mode's help */
};

/* In the order the prompt offers them (plain.c). */
extern const struct word plain_words[];
extern const size_t plain_word_count;

/* ---- state ------------------------------------------------------------- */

/* A numbered choice on a list: an item that Down reaches (a topic, an
 * answer, a result), or a link in the list's text, which Tab reaches. */
struct entry {
	size_t steps;  /* an item: the Down presses from the top that choose it */
	size_t row;    /* an item: its row in the tall view */
	long link;     /* a link: its number in the screen's layout; -1 for an item */
	size_t tabs;   /* a link: the Tab presses from the top that choose it */
	char *about;   /* a link: where it leads, in words (owned) */
};

struct plain {
	struct guide *guide;
	struct nav *nav;
	FILE *in, *out;
	const struct plain_opts *opts;
	size_t cols;            /* columns of output */
	size_t width;           /* columns of the navigator's text */
	size_t tall;
	struct entry *entries;  /* the list printed last */
	size_t nentries, entries_cap;
	size_t *links;          /* the article printed last: layout link of number k + 1 */
	size_t nlinks;
	size_t nends;           /* its choices after the links: Read next, All topics */
	size_t first_link;      /* the lowest number it printed (links above
				 * where it started printing have none shown) */
	struct buf shown;       /* the last screen printed */
	struct buf said;        /* plain mode's own message for the next screen */
	bool blank;             /* the last line written was blank */
	/* The article's first line printed, and what it was worked out for. */
	size_t start;
	long start_article;
	size_t start_depth;
	bool from_top;
	bool from_place;        /* print from the paragraph of the found place (m, p) */
	bool message_first;     /* say the message before the screen ("Found 2 of 9"
				 * before the text it is about) */
	bool welcome_read;      /* the home screen's welcome was printed this visit:
				 * later lists of topics leave it out */
	bool reprint;           /* print the screen even when it did not change */
	bool touched;           /* a line was typed since the visit began */
	bool has_quiz;          /* the guide offers its quiz */
	size_t item_col;        /* the column of the last item's text printed */
};

/* ---- plain_page.c: printing --------------------------------------------- */

/* A line (`len` bytes) or a string into `to`, wrapped at p->cols, with
 * no control byte, in ASCII when the locale wants it, never two blank
 * lines in a row. */
void put_line(struct plain *p, struct buf *to, const char *s, size_t len);
void put_str(struct plain *p, struct buf *to, const char *s);

/* The topic being read, from its place, its links numbered and listed
 * after it, then the choices at its end. */
void render_article(struct plain *p, struct buf *to);
/* Any other screen as a list of numbered choices (p->entries). */
void render_list(struct plain *p, struct buf *to);

/* The navigator one row high (where actions are taken, so that a jump
 * lands on its line) or tall enough to hold a whole list. */
void view_small(struct plain *p);
void view_tall(struct plain *p);

/* Forget the numbered choices of the list printed last. */
void entries_clear(struct plain *p);

/* Whether a topic is being read and another follows it. */
bool has_next_topic(const struct plain *p);

#endif
