/* ui: the interactive reader.  The only part of skinguide that knows the
 * terminal; everything it shows comes from content and layout. */
#ifndef SKINGUIDE_UI_H
#define SKINGUIDE_UI_H

#include <stdbool.h>

#include "skinguide/content.h"
#include "skinguide/error.h"

struct ui_opts {
	bool ascii;    /* the locale cannot show box-drawing characters */
	bool kiosk;    /* nothing the patient does ends the guide */
	bool mouse;    /* report clicks and taps (the terminal's own text
			* selection then needs Shift in most terminals) */
	unsigned idle; /* kiosk: seconds without input before the guide
			* starts over; 0 for never */
};

/** True when the terminal named by TERM is known and can move its
 *  cursor, so the full-screen guide can draw on it; else false, with a
 *  one-line note for the user in `why`.  Writes nothing to the terminal. */
bool ui_terminal_usable(struct sg_error *why);

/** Run the reader on `g` until the user quits, the terminal goes away
 *  (end of input) or a signal ends it; the terminal is restored in every
 *  case.  Returns 0, 128 + the signal that ended it (SIGHUP, SIGTERM,
 *  SIGQUIT, SIGUSR1, SIGPIPE, or SIGINT outside kiosk mode), or 1 with
 *  `err` set when the terminal cannot be used. */
int ui_run(struct guide *g, const struct ui_opts *opts, struct sg_error *err);

#endif
