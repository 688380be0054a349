/* ui: the terminal, the key table and the input loop.  Screens live in
 * ui_home.c, ui_article.c and ui_menus.c. */
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "skinguide/text.h"
#include "ui_private.h"

/* How long the rest of an escape sequence may lag behind its Esc on a
 * slow SSH link; a lone Esc (Back) waits this long, plus ESCDELAY. */
#define SEQUENCE_WAIT_MS 100

enum { PAIR_HEADING = 1, PAIR_LINK, PAIR_CALLOUT, PAIR_CODE, PAIR_MARKER };

/* ---- the key table: every key, its action and its help, in one place -- */

struct binding {
	int key;
	enum action action;
};

/* One row of the help screen and the keys behind it.  Rows without
 * bindings (digits, the mouse) are handled by the screens themselves. */
struct command {
	const char *keys;
	const char *what;
	struct binding bind[8];
};

static const struct command commands[] = {
	{"Up, Down, j, k", "move or scroll one line",
	 {{KEY_UP, ACT_UP}, {'k', ACT_UP}, {KEY_DOWN, ACT_DOWN}, {'j', ACT_DOWN}}},
	{"PgUp, PgDn, b, Space", "scroll one page",
	 {{KEY_PPAGE, ACT_PAGE_UP}, {'b', ACT_PAGE_UP}, {KEY_NPAGE, ACT_PAGE_DOWN},
	  {' ', ACT_PAGE_DOWN}}},
	{"Home, End, g, G", "go to the top or the end",
	 {{KEY_HOME, ACT_TOP}, {'g', ACT_TOP}, {KEY_END, ACT_BOTTOM}, {'G', ACT_BOTTOM}}},
	{"0 to 9", "type a topic's number to open it", {{0, ACT_NONE}}},
	{"Enter", "open the topic or the chosen link; with none chosen, as Right",
	 {{'\n', ACT_OPEN}, {'\r', ACT_OPEN}, {KEY_ENTER, ACT_OPEN}}},
	{"Tab, Shift-Tab", "choose the next or previous link",
	 {{'\t', ACT_NEXT_LINK}, {KEY_BTAB, ACT_PREV_LINK}}},
	{"Right, l", "open the topic; in a topic, choose the next link on the screen, or read on a page",
	 {{KEY_RIGHT, ACT_OPEN}, {'l', ACT_OPEN}}},
	{"Backspace, Left, h, Esc", "go back to where you were",
	 {{KEY_BACKSPACE, ACT_BACK}, {127, ACT_BACK}, {8, ACT_BACK}, {KEY_LEFT, ACT_BACK},
	  {'h', ACT_BACK}, {27, ACT_BACK}}},
	{"t", "list the headings of this topic", {{'t', ACT_TOC}}},
	{"Mouse or touch", "tap a topic, a link or a key on the bottom line; tap low on the text to read on, high to go back a page; the wheel scrolls",
	 {{0, ACT_NONE}}},
	{"?, F1", "show this help", {{'?', ACT_HELP}, {KEY_F(1), ACT_HELP}}},
	{"Ctrl-L", "redraw the screen", {{12, ACT_REDRAW}}},
	{"q", "quit the guide", {{'q', ACT_QUIT}}},
};

#define NCOMMANDS (sizeof commands / sizeof *commands)

enum action ui_action(int key)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		for (size_t k = 0; k < 8 && commands[i].bind[k].key; k++)
			if (commands[i].bind[k].key == key)
				return commands[i].bind[k].action;
	return ACT_NONE;
}

size_t ui_help_count(void)
{
	return NCOMMANDS;
}

const struct help_row *ui_help_row(size_t i)
{
	static struct help_row row;
	if (i >= NCOMMANDS)
		return NULL;
	row = (struct help_row){commands[i].keys, commands[i].what};
	return &row;
}

/* ---- drawing helpers ------------------------------------------------- */

static const struct screen *const screens[SCREEN_COUNT] = {
	[SCREEN_HOME] = &home_screen,
	[SCREEN_ARTICLE] = &article_screen,
	[SCREEN_TOC] = &toc_screen,
	[SCREEN_HELP] = &help_screen,
};

void ui_message(struct ui *ui, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char tmp[512];
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	buf_clear(&ui->message);
	text_sanitize(&ui->message, tmp, strlen(tmp), false);
}

/* Columns for text: the layout's comfortable maximum, or less. */
int ui_text_width(const struct ui *ui)
{
	int w = ui->cols - 2;
	return w > LAYOUT_MAX_WIDTH ? LAYOUT_MAX_WIDTH : w;
}

/* The text column is centred in a wide window. */
int ui_margin(const struct ui *ui)
{
	return (ui->cols - ui_text_width(ui)) / 2;
}

const char *ui_glyph(const struct ui *ui, const char *utf8, const char *ascii)
{
	return ui->opts->ascii ? ascii : utf8;
}

/* Text that does not fit ends in "…", so that nothing is cut silently. */
void ui_draw_text(struct ui *ui, int y, int x, const char *s, size_t len, int maxw,
		  int attr)
{
	if (maxw <= 0)
		return;
	struct buf plain = BUF_INIT;
	if (ui->opts->ascii) {
		/* UTF-8 would arrive as mojibake in this locale. */
		text_to_ascii(&plain, s, len);
		s = plain.data ? plain.data : "";
		len = plain.len;
	}
	size_t fit = text_fit(s, len, (size_t)maxw);
	bool cut = fit < len;
	const char *mark = ui_glyph(ui, "…", "...");
	size_t mark_width = text_width(mark, strlen(mark));
	if (cut && (size_t)maxw <= mark_width) {
		mark = "";
		mark_width = 0;
	}
	if (cut)
		fit = text_fit(s, len, (size_t)maxw - mark_width);
	attrset(attr);
	mvaddnstr(y, x, s, (int)fit);
	if (cut)
		addstr(mark);
	attrset(A_NORMAL);
	buf_free(&plain);
}

void ui_draw_more(struct ui *ui, int y, size_t above, size_t below, const char *what)
{
	if (!above && !below)
		return;
	const char *up = ui_glyph(ui, "↑", "^"), *down = ui_glyph(ui, "↓", "v");
	char text[128];
	int n = 0;
	if (above)
		n += snprintf(text, sizeof text, "%s %zu more %s%s above   ", up, above, what,
			      above == 1 ? "" : "s");
	if (below)
		snprintf(text + n, sizeof text - (size_t)n, "%s %zu more %s%s below", down, below,
			 what, below == 1 ? "" : "s");
	/* Too long for a narrow window: the short form still says it all. */
	if ((int)text_width(text, strlen(text)) > ui_text_width(ui)) {
		n = 0;
		if (above)
			n += snprintf(text, sizeof text, "%s %zu above  ", up, above);
		if (below)
			snprintf(text + n, sizeof text - (size_t)n, "%s %zu below", down, below);
	}
	ui_draw_text(ui, y, ui_margin(ui), text, strlen(text), ui_text_width(ui), A_DIM);
}

static int style_attr(const struct ui *ui, unsigned style)
{
	int a = A_NORMAL;
	if (style & (LAYOUT_STRONG | LAYOUT_H1 | LAYOUT_H2 | LAYOUT_H3 | LAYOUT_MARKER))
		a |= A_BOLD;
	if (style & LAYOUT_EMPH)
		a |= A_ITALIC;
	if (style & LAYOUT_LINK)
		a |= A_UNDERLINE;
	if (!ui->color) {
		if (style & LAYOUT_BORDER)
			a |= A_DIM;
		return a;
	}
	if (style & (LAYOUT_H1 | LAYOUT_H2 | LAYOUT_H3))
		a |= COLOR_PAIR(PAIR_HEADING);
	else if (style & LAYOUT_LINK)
		a |= COLOR_PAIR(PAIR_LINK);
	else if (style & LAYOUT_CODE)
		a |= COLOR_PAIR(PAIR_CODE);
	else if (style & (LAYOUT_CALLOUT | LAYOUT_BORDER))
		a |= COLOR_PAIR(PAIR_CALLOUT);
	else if (style & LAYOUT_MARKER)
		a |= COLOR_PAIR(PAIR_MARKER);
	return a;
}

void ui_draw_line(struct ui *ui, int y, int x, const struct layout_line *ln, long link)
{
	int room = ui->cols - x;
	for (size_t s = 0; s < ln->nspans && room > 0; s++) {
		const struct layout_span *sp = &ln->spans[s];
		int attr = style_attr(ui, sp->style);
		if (link >= 0 && sp->link == link)
			attr = (attr & ~A_UNDERLINE) | A_REVERSE;
		ui_draw_text(ui, y, x, ln->text + sp->start, sp->len, room, attr);
		/* Go on from where the terminal's cursor is, not from where our
		 * width tables think it is: a disagreement then cannot make one
		 * span overwrite another. */
		int now = getcurx(stdscr);
		room -= now - x;
		x = now;
	}
}

static int hints_width(const struct hint *hints, size_t n)
{
	int w = 0;
	for (size_t i = 0; i < n; i++)
		w += (int)text_width(hints[i].label, strlen(hints[i].label)) + 2;
	return w;
}

void ui_draw_status(struct ui *ui, const char *left, const char *position,
		    const struct hint *hints, size_t nhints)
{
	int y = ui->rows - 1;
	attrset(A_REVERSE);
	mvhline(y, 0, ' ', ui->cols);
	ui->nbuttons = 0;
	if (ui->message.len) {
		ui_draw_text(ui, y, 1, ui->message.data, ui->message.len, ui->cols - 2, A_REVERSE);
		attrset(A_NORMAL);
		return;
	}
	int need = (int)text_width(left, strlen(left));
	int keep = need < 16 ? need : 16; /* where you are matters most */
	int pw = position ? (int)text_width(position, strlen(position)) : 0;
	while (nhints && keep + pw + hints_width(hints, nhints) + 4 > ui->cols) {
		hints++; /* the first hints are the least needed */
		nhints--;
	}
	if (keep + pw + 4 > ui->cols)
		pw = 0;
	int right = pw + hints_width(hints, nhints);
	int x = ui->cols - 1 - right;
	ui_draw_text(ui, y, 1, left, strlen(left), x - 3, A_REVERSE);
	if (pw)
		ui_draw_text(ui, y, x, position, strlen(position), pw, A_REVERSE);
	x += pw + 2;
	for (size_t i = 0; i < nhints && ui->nbuttons < UI_MAX_BUTTONS; i++) {
		int w = (int)text_width(hints[i].label, strlen(hints[i].label));
		ui_draw_text(ui, y, x, hints[i].label, strlen(hints[i].label), w, A_REVERSE);
		ui->buttons[ui->nbuttons++] = (struct button){x, x + w, hints[i].key};
		x += w + 2;
	}
	attrset(A_NORMAL);
}

void ui_set_delay(struct ui *ui, int ms)
{
	ui->delay_ms = ms;
	timeout(ms);
}

void ui_show(struct ui *ui, enum screen_id to)
{
	if (to == SCREEN_TOC || to == SCREEN_HELP) {
		if (ui->modals < UI_MAX_MODALS)
			ui->under[ui->modals++] = ui->screen;
		if (to == SCREEN_HELP)
			ui->help = (struct menu){0};
	} else {
		ui->modals = 0;
	}
	ui->screen = to;
}

void ui_close(struct ui *ui)
{
	ui->screen = ui->modals ? ui->under[--ui->modals] : SCREEN_HOME;
}

/* ---- terminal set-up ------------------------------------------------- */

static void restore_terminal(void)
{
	if (!isendwin())
		endwin();
}

static void setup_colors(struct ui *ui)
{
	const char *no_color = getenv("NO_COLOR");
	ui->color = has_colors() && !(no_color && *no_color);
	if (!ui->color)
		return;
	start_color();
	use_default_colors();
	init_pair(PAIR_HEADING, COLOR_CYAN, -1);
	init_pair(PAIR_LINK, COLOR_BLUE, -1);
	init_pair(PAIR_CALLOUT, COLOR_YELLOW, -1);
	init_pair(PAIR_CODE, COLOR_MAGENTA, -1);
	init_pair(PAIR_MARKER, COLOR_CYAN, -1);
}

static bool can_address_cursor(void)
{
	const char *cup = tigetstr("cup");
	return cup && cup != (const char *)-1;
}

/* Keys many terminals send whatever their terminfo entry says (PuTTY,
 * tmux, a vt100 entry with a modern keyboard): known, they cannot be
 * misread as Esc followed by letters. */
static void define_common_keys(void)
{
	static const struct { const char *seq; int key; } keys[] = {
		{"\033[1~", KEY_HOME}, {"\033[7~", KEY_HOME}, {"\033[H", KEY_HOME},
		{"\033OH", KEY_HOME}, {"\033[4~", KEY_END}, {"\033[8~", KEY_END},
		{"\033[F", KEY_END}, {"\033OF", KEY_END}, {"\033[5~", KEY_PPAGE},
		{"\033[6~", KEY_NPAGE}, {"\033[Z", KEY_BTAB}, {"\033[A", KEY_UP},
		{"\033[B", KEY_DOWN}, {"\033[C", KEY_RIGHT}, {"\033[D", KEY_LEFT},
		{"\033OA", KEY_UP}, {"\033OB", KEY_DOWN}, {"\033OC", KEY_RIGHT},
		{"\033OD", KEY_LEFT},
	};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		if (key_defined(keys[i].seq) <= 0)
			define_key(keys[i].seq, keys[i].key);
}

static bool setup_terminal(struct ui *ui, struct sg_error *err)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		sg_error_set(err, "the guide needs a terminal; to read without one, "
			     "use 'skinguide --list' and 'skinguide --print ID'");
		return false;
	}
	if (!newterm(NULL, stdout, stdin)) {
		sg_error_set(err, "cannot use the terminal type '%s'; set TERM to "
			     "your terminal (for example TERM=xterm) and try again",
			     getenv("TERM") ? getenv("TERM") : "(unset)");
		return false;
	}
	sg_oom_hook(restore_terminal);
	if (!can_address_cursor()) {
		endwin();
		sg_error_set(err, "the terminal type '%s' cannot move the cursor, so the "
			     "guide cannot draw on it; set TERM to your terminal (for "
			     "example TERM=xterm), or read with 'skinguide --print ID'",
			     getenv("TERM") ? getenv("TERM") : "(unset)");
		return false;
	}
	define_common_keys();
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	setup_colors(ui);
	getmaxyx(stdscr, ui->rows, ui->cols);
	return true;
}

static bool too_small(const struct ui *ui)
{
	return ui->cols < UI_MIN_COLS || ui->rows < UI_MIN_ROWS;
}

static void draw_too_small(struct ui *ui)
{
	static const char *const lines[] = {"Please make this", "window larger.",
					    "(40 x 12 or more)"};
	for (int i = 0; i < 3 && i < ui->rows; i++) {
		int w = (int)strlen(lines[i]);
		int x = ui->cols > w ? (ui->cols - w) / 2 : 0;
		ui_draw_text(ui, ui->rows / 2 - 1 + i, x, lines[i], strlen(lines[i]),
			     ui->cols, A_BOLD);
	}
	ui->cursor_y = ui->cursor_x = 0;
}

static void draw(struct ui *ui)
{
	erase();
	ui->cursor_y = ui->cursor_x = 0;
	if (too_small(ui))
		draw_too_small(ui);
	else
		screens[ui->screen]->draw(ui);
	move(ui->cursor_y, ui->cursor_x);
	refresh();
}

static void on_resize(struct ui *ui)
{
	getmaxyx(stdscr, ui->rows, ui->cols);
	if (too_small(ui))
		return;
	for (int i = 0; i < SCREEN_COUNT; i++)
		if (screens[i]->resize)
			screens[i]->resize(ui);
}

/* Skip the rest of an escape sequence the terminal description does not
 * know (or that was pasted): a CSI or SS3 ends at its final byte, a
 * string (OSC, DCS) at BEL or ESC \. */
static void skip_sequence(int first)
{
	int c;
	/* Over a slow link the rest of a sequence can lag behind its start:
	 * wait a little for each byte rather than stopping at the first gap. */
	timeout(SEQUENCE_WAIT_MS);
	if (first == '[' || first == 'O') {
		while ((c = getch()) != ERR && !(c >= 0x40 && c <= 0x7e))
			;
	} else {
		int prev = 0;
		while ((c = getch()) != ERR && c != 7 && !(prev == 27 && c == '\\'))
			prev = c;
	}
}

/* The next key.  A lone Esc is Esc (back); Esc with more bytes right
 * behind it is a sequence nobody asked for, and is dropped whole rather
 * than read as Esc, '[', '1', '~' (back, then topic 1). */
static int read_key(struct ui *ui)
{
	int key = getch();
	if (key != 27)
		return key;
	timeout(SEQUENCE_WAIT_MS);
	int next = getch();
	bool sequence = next != ERR && strchr("[O]P_^", next);
	if (sequence)
		skip_sequence(next);
	else if (next != ERR)
		ungetch(next); /* Esc, then a key typed quickly: both count */
	timeout(ui->delay_ms);
	return sequence ? 0 : 27;
}

static int button_at(const struct ui *ui, int x)
{
	for (size_t i = 0; i < ui->nbuttons; i++)
		if (x >= ui->buttons[i].x0 && x < ui->buttons[i].x1)
			return ui->buttons[i].key;
	return 0;
}

static enum outcome handle_key(struct ui *ui, int key)
{
	if (key == KEY_MOUSE) {
		if (getmouse(&ui->mouse) != OK)
			return OUT_DONE;
		/* A tap on a key hint of the status line presses that key. */
		if (ui->mouse.y == ui->rows - 1 && (ui->mouse.bstate & BUTTON1_PRESSED)) {
			int k = button_at(ui, ui->mouse.x);
			return k ? handle_key(ui, k) : OUT_DONE;
		}
	}
	if (key == KEY_RESIZE) {
		on_resize(ui);
		return OUT_DONE;
	}
	/* A number being typed on the home screen ends with any other key. */
	if (ui->home.typed && !(ui->screen == SCREEN_HOME && key >= '0' && key <= '9')) {
		ui->home.typed = 0;
		ui_set_delay(ui, -1);
	}
	enum action act = ui_action(key);
	buf_clear(&ui->message);
	if (act == ACT_REDRAW) {
		clearok(curscr, TRUE);
		return OUT_DONE;
	}
	if (too_small(ui))
		return act == ACT_QUIT ? OUT_QUIT : OUT_DONE;
	if (act == ACT_HELP && ui->screen != SCREEN_HELP) {
		ui_show(ui, SCREEN_HELP);
		return OUT_DONE;
	}
	return screens[ui->screen]->key(ui, key, act);
}

int ui_run(struct guide *g, const struct ui_opts *opts, struct sg_error *err)
{
	struct ui ui = {.guide = g, .opts = opts, .screen = SCREEN_HOME, .delay_ms = -1};
	ui.reader.link = -1;
	if (!setup_terminal(&ui, err))
		return 1;
	curs_set(1);
	for (;;) {
		draw(&ui);
		int key = read_key(&ui);
		if (key == 0)
			continue;
		if (key == ERR) {
			/* A number typed on the home screen times out; otherwise
			 * ERR means the terminal has gone (a dropped SSH link). */
			if (!ui.home.typed)
				break;
			if (ui.screen == SCREEN_HOME)
				home_number_done(&ui);
			continue;
		}
		if (handle_key(&ui, key) == OUT_QUIT)
			break;
	}
	endwin();
	sg_oom_hook(NULL);
	reader_free(&ui.reader);
	buf_free(&ui.message);
	return 0;
}
