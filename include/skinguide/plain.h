/* plain: the guide line by line, for screen readers, braille displays,
 * pipes and terminals that cannot be painted on.
 *
 * The same navigator as the full screen, with words for keys.  Each screen
 * is printed once as plain lines: numbered choices, an article as wrapped
 * text with its headings marked in words ("Heading: Aftercare") and its
 * links numbered in the text and listed after it, as `lynx -dump` prints
 * a page.  What the full screen shows by highlight is said in words too:
 * the words a search found ("[found: sunburn]"), the answer already given
 * to a quiz question ("2. Yes (your answer)").  A prompt then says what
 * can be typed ("Type a topic number, b to go back, h for help, q to
 * quit:"), and help lists every word plain mode takes; a topic's title,
 * and "s WORDS" to search at once, are taken too.  Nothing it writes
 * moves a cursor, draws a box, sets a colour or holds any other control
 * byte.
 *
 * It knows the navigator's screens only as rows: any list the navigator
 * offers (where Up and Down move a choice and Enter takes it) is printed
 * with numbered choices, so are the links Tab reaches (in a topic, in the
 * welcome, in the quiz's results) and the choices at the end of a topic
 * (Read next, All topics), and any action the status bar offers can be
 * typed by its name. */
#ifndef SKINGUIDE_PLAIN_H
#define SKINGUIDE_PLAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "skinguide/content.h"

struct plain_opts {
	bool ascii;    /* the locale shows ASCII only */
	bool kiosk;    /* q does not end the guide; the end of input still does */
	size_t width;  /* columns to wrap text at (held to the layout's limits) */
	unsigned idle; /* kiosk: seconds without a line before the guide starts
			* over, 0 for never; needs `in` to have a descriptor */
};

/** Run the guide on `g` (borrowed), reading one command a line from `in`
 *  and writing to `out`, until q (not in kiosk mode) or the end of
 *  input.  Returns 0, or 1 when `out` could not be written. */
int plain_run(struct guide *g, FILE *in, FILE *out, const struct plain_opts *opts);

/** plain_run() on standard input and output, with the process made ready
 *  for it: in kiosk mode Ctrl-C, Ctrl-\, Ctrl-Z and Ctrl-D do nothing and
 *  flow control is off on a terminal, which is put back at the end.
 *  Returns the exit status. */
int plain_main(struct guide *g, const struct plain_opts *opts);

#endif
