/* ui_private: what the two curses files share.  Only src/ui*.c include
 * curses; they translate keys into the navigator's actions (ui.c) and
 * draw what the navigator holds (ui_draw.c). */
#ifndef SKINGUIDE_UI_PRIVATE_H
#define SKINGUIDE_UI_PRIVATE_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "skinguide/nav.h"
#include "skinguide/ui.h"

/* Smallest window the guide draws in; below it asks to be enlarged. */
#define UI_MIN_COLS 40
#define UI_MIN_ROWS 12
#define UI_MAX_BUTTONS NAV_MAX_HINTS

/* A hint on the status bar is a button: a tap on it does its action. */
struct button {
	int x0, x1;
	enum nav_action action;
};

struct ui {
	struct nav *nav;
	const struct ui_opts *opts;
	int rows, cols;
	bool color;
	struct button buttons[UI_MAX_BUTTONS];
	size_t nbuttons;
	long long last_input; /* monotonic milliseconds */
	bool touched;         /* input since the visit began: something to forget */
	int countdown;        /* seconds the kiosk's countdown shows, 0 for none */
	bool modes_due;       /* back from Ctrl-Z: set_modes() once drawn */
	struct press { long long ms; int x, y; } last_press; /* the last tap taken */
	bool wipe;            /* clear the scrollback once the screen is drawn */
	int link_attr;        /* how links stand out without colour */
	bool link_color;      /* links are coloured too */
};

/* ui_draw.c */
int ui_text_width(const struct ui *ui);
int ui_margin(const struct ui *ui);
bool ui_too_small(const struct ui *ui);
void ui_setup_colors(struct ui *ui);
/* Draw the whole screen from the navigator, and place the cursor. */
void ui_draw(struct ui *ui);

/* ui.c: the key shown on a button for `a` ("?" for help), or NULL. */
const char *ui_hint_key(const struct ui *ui, enum nav_action a);

#endif
