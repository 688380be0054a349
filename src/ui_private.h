/* ui_private: what the ui files share.  Only ui*.c include curses. */
#ifndef SKINGUIDE_UI_PRIVATE_H
#define SKINGUIDE_UI_PRIVATE_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "skinguide/buf.h"
#include "skinguide/content.h"
#include "skinguide/history.h"
#include "skinguide/layout.h"
#include "skinguide/ui.h"

/* Smallest window the guide draws in; below it asks to be enlarged. */
#define UI_MIN_COLS 40
#define UI_MIN_ROWS 12

enum action {
	ACT_NONE,
	ACT_UP,
	ACT_DOWN,
	ACT_PAGE_UP,
	ACT_PAGE_DOWN,
	ACT_TOP,
	ACT_BOTTOM,
	ACT_OPEN,
	ACT_BACK,
	ACT_NEXT_LINK,
	ACT_PREV_LINK,
	ACT_TOC,
	ACT_HELP,
	ACT_REDRAW,
	ACT_QUIT
};

/* What a key handler tells the loop. */
enum outcome { OUT_DONE, OUT_QUIT };

enum screen_id { SCREEN_HOME, SCREEN_ARTICLE, SCREEN_TOC, SCREEN_HELP, SCREEN_COUNT };

struct reader {
	size_t article;
	struct layout *layout;
	size_t top;            /* first line shown */
	struct place anchor;   /* where the reader chose to be: a resize that
				* had to scroll (a taller window near the end)
				* comes back here when the window shrinks */
	long link;             /* chosen link, or -1 */
	struct buf link_label; /* where the chosen link leads, in words */
	struct history history;
};

struct home {
	size_t selected;
	size_t top;            /* first topic shown */
	unsigned typed;        /* number typed so far, 0 for none */
};

struct menu {
	size_t selected;
	size_t top;
};

/* A key hint on the status line ("? help"): a tap on it presses the key. */
struct hint {
	const char *label;
	int key;
};

struct button {
	int x0, x1;
	int key;
};

#define UI_MAX_BUTTONS 8
#define UI_MAX_MODALS 4

struct ui {
	struct guide *guide;
	const struct ui_opts *opts;
	int rows, cols;
	bool color;
	enum screen_id screen;
	enum screen_id under[UI_MAX_MODALS]; /* what each open modal screen covers */
	size_t modals;
	struct home home;
	struct reader reader;
	struct menu toc;
	struct menu help;
	struct buf message;     /* shown on the status line until the next key */
	int cursor_y, cursor_x; /* where the hardware cursor rests */
	int delay_ms;           /* getch timeout: -1 waits for a key */
	MEVENT mouse;           /* the event behind the KEY_MOUSE being handled */
	struct button buttons[UI_MAX_BUTTONS];
	size_t nbuttons;
};

/* Screens are small interfaces: draw the screen, react to one key, and
 * fit a new window size. */
struct screen {
	void (*draw)(struct ui *ui);
	enum outcome (*key)(struct ui *ui, int key, enum action act);
	void (*resize)(struct ui *ui);
};

extern const struct screen home_screen, article_screen, toc_screen, help_screen;

/* ui.c */
struct help_row {
	const char *keys;
	const char *what;
};
enum action ui_action(int key);
size_t ui_help_count(void);
const struct help_row *ui_help_row(size_t i);
void ui_message(struct ui *ui, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int ui_text_width(const struct ui *ui);
int ui_margin(const struct ui *ui);
const char *ui_glyph(const struct ui *ui, const char *utf8, const char *ascii);
void ui_draw_text(struct ui *ui, int y, int x, const char *s, size_t len, int maxw,
		  int attr);
void ui_draw_line(struct ui *ui, int y, int x, const struct layout_line *ln, long link);
/* The bottom line: where you are, then key hints that double as buttons;
 * hints that do not fit give way, the first ones first. */
void ui_draw_status(struct ui *ui, const char *left, const char *position,
		    const struct hint *hints, size_t nhints);
/* "↑ 2 more above   ↓ 5 more below" on row y. */
void ui_draw_more(struct ui *ui, int y, size_t above, size_t below, const char *what);
/* Show a screen: home or article replace everything, help and the
 * heading list open over the current screen, ui_close goes back. */
void ui_show(struct ui *ui, enum screen_id to);
void ui_close(struct ui *ui);
void ui_set_delay(struct ui *ui, int ms);

/* ui_home.c: no second digit came; open the topic typed so far. */
void home_number_done(struct ui *ui);

/* ui_article.c */
void reader_open(struct ui *ui, size_t article, const char *fragment, bool remember);
void reader_free(struct reader *r);
/* Jump to a line as a new step in the history (Back returns). */
void reader_goto(struct ui *ui, size_t line);

#endif
