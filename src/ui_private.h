/* ui_private: what the ui files share.  Only ui*.c include curses. */
#ifndef SKINGUIDE_UI_PRIVATE_H
#define SKINGUIDE_UI_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>

#include <curses.h>

#include "skinguide/buf.h"
#include "skinguide/content.h"
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

/* A place in an article that survives a relayout. */
struct place {
	size_t article;
	size_t block;
	size_t pos;
	long link;
	size_t top;   /* exact line, valid while the width is unchanged */
	size_t width;
};

struct reader {
	size_t article;
	struct layout *layout;
	size_t top;          /* first line shown */
	long link;           /* selected link, or -1 */
	long label_link;     /* the link ui->link_label describes, or -1 */
	size_t label_article;
	struct place *history;
	size_t nhistory, history_cap;
};

struct home {
	size_t selected;
	size_t top;          /* first item shown */
	unsigned typed;      /* number typed so far, 0 for none */
};

struct menu {
	size_t selected;
	size_t top;
};

/* A key hint on the status line ("? help"): tapping it presses the key. */
struct button {
	int x0, x1;
	int key;
};

#define UI_MAX_BUTTONS 8

struct ui {
	struct guide *guide;
	const struct ui_opts *opts;
	int rows, cols;
	bool color;
	enum screen_id screen;
	enum screen_id below;   /* the screen a modal one returns to */
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
	struct buf link_label;  /* what the chosen link leads to, for the status */
};

/* Screens are small interfaces: draw the screen, react to one key. */
struct screen {
	void (*draw)(struct ui *ui);
	enum outcome (*key)(struct ui *ui, int key, enum action act);
	void (*resize)(struct ui *ui);
};

extern const struct screen home_screen, article_screen, toc_screen, help_screen;

/* ui.c */
struct binding_help {
	const char *keys;
	const char *what;
};
enum action ui_action(int key);
size_t ui_help_count(void);
const struct binding_help *ui_help_entry(size_t i);
void ui_message(struct ui *ui, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int ui_text_width(const struct ui *ui);
int ui_margin(const struct ui *ui);
void ui_draw_text(struct ui *ui, int y, int x, const char *s, size_t len, int maxw,
		  int attr);
void ui_draw_line(struct ui *ui, int y, int x, const struct layout_line *ln, long link);
void ui_draw_status(struct ui *ui, const char *left, const char *right);
void ui_switch(struct ui *ui, enum screen_id to);
void ui_set_delay(struct ui *ui, int ms);
/* Up and down arrows, in ASCII when the locale needs it. */
const char *ui_glyph(const struct ui *ui, const char *utf8, const char *ascii);
/* "↑ 2 more above   ↓ 5 more below" on row y; returns whether drawn. */
bool ui_draw_more(struct ui *ui, int y, size_t above, size_t below, const char *what);

/* ui_home.c: no second digit came; open the topic typed so far. */
void home_number_done(struct ui *ui);

/* ui_article.c */
void reader_open(struct ui *ui, size_t article, const char *fragment, bool remember);
void reader_relayout(struct ui *ui);
void reader_free(struct reader *r);
void reader_jump(struct ui *ui, size_t line);
/* Jump to a line as a new step in the history (Back returns). */
void reader_goto(struct ui *ui, size_t line);

#endif
