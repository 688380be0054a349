/* ui: the interactive reader.  The only part of skinguide that knows the
 * terminal; everything it shows comes from content and layout. */
#ifndef SKINGUIDE_UI_H
#define SKINGUIDE_UI_H

#include <stdbool.h>

#include "skinguide/content.h"
#include "skinguide/error.h"

struct ui_opts {
	bool ascii; /* the locale cannot show box-drawing characters */
	bool kiosk; /* nothing the patient does ends the guide */
};

/** Run the reader on `g` until the user quits.  Returns 0, or 1 with
 *  `err` set when the terminal cannot be used. */
int ui_run(struct guide *g, const struct ui_opts *opts, struct sg_error *err);

#endif
