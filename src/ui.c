/* ui: the curses front end.  It sets up the terminal, turns keys, taps
 * and the wheel into the navigator's actions through one key table, and
 * has ui_draw.c draw the result.  The rules live in nav.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "skinguide/text.h"
#include "ui_private.h"

/* After an Esc, bytes already waiting mean an escape sequence; a lone Esc
 * (Back) waits ESCDELAY plus this, under 60 ms in all. */
#define ESC_DELAY_MS 25
#define SEQUENCE_FIRST_MS 10
/* How long the rest of a sequence may lag behind its start on a slow SSH
 * link, per byte. */
#define SEQUENCE_WAIT_MS 100

/* ---- the key table: every key, its action and its name, in one place ---- */

struct binding {
	int key;
	enum nav_action action;
	const char *name; /* for help; NULL for a duplicate (CR beside LF) */
};

static const struct binding bindings[] = {
	{KEY_UP, NAV_UP, "Up"}, {KEY_DOWN, NAV_DOWN, "Down"},
	{'j', NAV_LINE_DOWN, "j"}, {'k', NAV_LINE_UP, "k"},
	{KEY_PPAGE, NAV_PAGE_UP, "PgUp"}, {'b', NAV_PAGE_UP, "b"},
	{KEY_NPAGE, NAV_PAGE_DOWN, "PgDn"},
	{KEY_HOME, NAV_TOP, "Home"}, {'g', NAV_TOP, "g"},
	{KEY_END, NAV_BOTTOM, "End"}, {'G', NAV_BOTTOM, "G"},
	{'\n', NAV_OPEN, "Enter"}, {'\r', NAV_OPEN, NULL}, {KEY_ENTER, NAV_OPEN, NULL},
	{' ', NAV_READ_ON, "Space"},
	{KEY_RIGHT, NAV_FORWARD, "Right"}, {'l', NAV_FORWARD, "l"},
	{KEY_BACKSPACE, NAV_BACK, "Backspace"}, {127, NAV_BACK, NULL}, {8, NAV_BACK, NULL},
	{KEY_LEFT, NAV_BACK, "Left"}, {'h', NAV_BACK, "h"}, {27, NAV_BACK, "Esc"},
	{'\t', NAV_NEXT_LINK, "Tab"}, {KEY_BTAB, NAV_PREV_LINK, "Shift-Tab"},
	{'t', NAV_HEADINGS, "t"}, {'m', NAV_TOPICS, "m"},
	{'?', NAV_HELP, "?"}, {KEY_F(1), NAV_HELP, "F1"},
	{12, NAV_REDRAW, "Ctrl-L"}, {'q', NAV_QUIT, "q"},
};

#define NBINDINGS (sizeof bindings / sizeof *bindings)

static enum nav_action action_of(int key)
{
	for (size_t i = 0; i < NBINDINGS; i++)
		if (bindings[i].key == key)
			return bindings[i].action;
	return NAV_NONE;
}

/* For the help screen: "PgUp, b" for NAV_PAGE_UP. */
static void key_names(enum nav_action a, struct buf *out, void *ctx)
{
	(void)ctx;
	size_t start = out->len;
	if (a == NAV_DIGIT)
		buf_puts(out, "0 to 9");
	else if (a == NAV_TAP)
		buf_puts(out, "Mouse or touch");
	for (size_t i = 0; i < NBINDINGS; i++)
		if (bindings[i].action == a && bindings[i].name)
			buf_printf(out, "%s%s", out->len > start ? ", " : "", bindings[i].name);
}

const char *ui_hint_key(const struct ui *ui, enum nav_action a)
{
	switch (a) {
	case NAV_OPEN: return "Enter";
	case NAV_BACK: return ui->opts->ascii ? "<" : "←";
	case NAV_NEXT_LINK: return "Tab";
	case NAV_HEADINGS: return "t";
	case NAV_TOPICS: return "m";
	case NAV_HELP: return "?";
	case NAV_QUIT: return "q";
	default: return NULL;
	}
}

/* ---- terminal set-up ------------------------------------------------- */

static void restore_terminal(void)
{
	if (!isendwin())
		endwin();
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
	set_escdelay(ESC_DELAY_MS);
	mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	ui_setup_colors(ui);
	getmaxyx(stdscr, ui->rows, ui->cols);
	return true;
}

static void fit_view(struct ui *ui)
{
	getmaxyx(stdscr, ui->rows, ui->cols);
	if (!ui_too_small(ui))
		nav_resize(ui->nav, (size_t)(ui->rows - 1), (size_t)ui_text_width(ui));
}

/* ---- input ----------------------------------------------------------- */

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

/* The next key, waiting at most `wait_ms` (-1: for ever).  A lone Esc is
 * Esc (Back); Esc with more bytes right behind it is a sequence nobody
 * asked for, dropped whole (0) rather than read as Esc, '[', '1', '~'. */
static int read_key(int wait_ms)
{
	timeout(wait_ms);
	int key = getch();
	if (key != 27)
		return key;
	timeout(SEQUENCE_FIRST_MS);
	int next = getch();
	bool sequence = next != ERR && strchr("[O]P_^", next);
	if (sequence)
		skip_sequence(next);
	else if (next != ERR)
		ungetch(next); /* Esc, then a key typed quickly: both count */
	return sequence ? 0 : 27;
}

static enum nav_action button_at(const struct ui *ui, int x)
{
	for (size_t i = 0; i < ui->nbuttons; i++)
		if (x >= ui->buttons[i].x0 && x < ui->buttons[i].x1)
			return ui->buttons[i].action;
	return NAV_NONE;
}

/* A click, a touch or the wheel, as an action. */
static struct nav_input mouse_input(const struct ui *ui)
{
	struct nav_input in = {.action = NAV_NONE};
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return in;
	if (ev.bstate & BUTTON4_PRESSED) {
		in.action = NAV_WHEEL_UP;
	} else if (ev.bstate & BUTTON5_PRESSED) {
		in.action = NAV_WHEEL_DOWN;
	} else if (ev.bstate & BUTTON1_PRESSED) {
		if (ev.y == ui->rows - 1) {
			in.action = button_at(ui, ev.x);
		} else {
			int margin = ui_margin(ui);
			in.action = NAV_TAP;
			in.row = (size_t)ev.y;
			in.col = ev.x > margin ? (size_t)(ev.x - margin) : 0;
		}
	}
	return in;
}

static struct nav_input input_of(const struct ui *ui, int key)
{
	if (key == KEY_MOUSE)
		return mouse_input(ui);
	if (key >= '0' && key <= '9')
		return (struct nav_input){.action = NAV_DIGIT, .arg = key - '0'};
	return (struct nav_input){.action = action_of(key)};
}

/* Returns false when the guide should end. */
static bool handle_key(struct ui *ui, int key)
{
	if (key == KEY_RESIZE) {
		fit_view(ui);
		return true;
	}
	struct nav_input in = input_of(ui, key);
	if (in.action == NAV_REDRAW)
		clearok(curscr, TRUE);
	/* Below the smallest size only leaving and redrawing work. */
	if (ui_too_small(ui) && in.action != NAV_QUIT)
		return true;
	return nav_do(ui->nav, &in) != NAV_QUIT_NOW;
}

int ui_run(struct guide *g, const struct ui_opts *opts, struct sg_error *err)
{
	struct ui ui = {.opts = opts};
	if (!setup_terminal(&ui, err))
		return 1;
	struct nav_config cfg = {.ascii = opts->ascii, .kiosk = opts->kiosk,
				 .key_names = key_names};
	ui.nav = nav_new(g, &cfg);
	fit_view(&ui);
	curs_set(1);
	for (;;) {
		ui_draw(&ui);
		int wait = nav_timeout_ms(ui.nav);
		int key = read_key(wait);
		if (key == 0)
			continue;
		if (key == ERR) {
			/* A typed number times out; otherwise ERR means the
			 * terminal has gone (a dropped SSH link). */
			if (wait < 0)
				break;
			nav_act(ui.nav, NAV_TIMEOUT);
			continue;
		}
		if (!handle_key(&ui, key))
			break;
	}
	endwin();
	sg_oom_hook(NULL);
	nav_free(ui.nav);
	return 0;
}
