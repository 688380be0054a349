/* ui: the curses front end.  It sets up the terminal, turns keys, taps
 * and the wheel into the navigator's actions through one key table, and
 * has ui_draw.c draw the result.  The rules live in nav.c. */
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "skinguide/text.h"
#include "ui_private.h"

/* Last, for setupterm(): its capability macros rename ordinary words, so
 * the one this file uses goes. */
#include <term.h>
#undef buttons

/* After an Esc, bytes already waiting mean an escape sequence; a lone Esc
 * (Back) waits ESCDELAY plus this, under 60 ms in all. */
#define ESC_DELAY_MS 25
#define SEQUENCE_FIRST_MS 10
/* How long the rest of a sequence may lag behind its start on a slow SSH
 * link, per byte. */
#define SEQUENCE_WAIT_MS 100
/* A paste that stops this long before its end marker has ended anyway. */
#define PASTE_WAIT_MS 500
/* Reads that fail at once, in a row, with no sign of a hangup: the
 * terminal has gone some other way. */
#define MAX_EMPTY_READS 100
/* A second press this soon at the same place is a finger that bounced or
 * tapped twice (see is_bounce). */
#define BOUNCE_MS 350

static long long now_ms(void);

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
	{'s', NAV_SEARCH, "s"}, {'/', NAV_FIND, "/"},
	{'n', NAV_NEXT_MATCH, "n"}, {'N', NAV_PREV_MATCH, "N"},
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
	const struct ui *ui = ctx;
	size_t start = out->len;
	if (a == NAV_DIGIT)
		buf_puts(out, "0 to 9");
	else if (a == NAV_TAP && ui->opts->mouse)
		buf_puts(out, "Mouse or touch");
	else if (a == NAV_START_OVER && ui->opts->kiosk)
		buf_puts(out, "Start over (home screen)");
	for (size_t i = 0; i < NBINDINGS; i++)
		if (bindings[i].action == a && bindings[i].name)
			buf_printf(out, "%s%s", out->len > start ? ", " : "", bindings[i].name);
}

const char *ui_hint_key(const struct ui *ui, enum nav_action a)
{
	/* While words are typed, letters type: only keys that type nothing
	 * are named. */
	bool typing = nav_wants_text(ui->nav);
	switch (a) {
	case NAV_OPEN: case NAV_ANSWER: return "Enter";
	case NAV_BACK: return typing ? "Esc" : ui->opts->ascii ? "<" : "←";
	case NAV_HELP: return typing ? "F1" : "?";
	case NAV_SEARCH: return typing ? NULL : "s";
	case NAV_NEXT_LINK: return "Tab";
	case NAV_HEADINGS: return "t";
	case NAV_TOPICS: return typing ? NULL : "m";
	case NAV_NEXT_MATCH: return typing ? NULL : "n";
	case NAV_QUIT: return typing ? NULL : "q";
	default: return NULL;
	}
}

/* ---- signals ----------------------------------------------------------- */

/* A signal that ends the guide only sets this; the input loop sees it (a
 * blocked read returns early, as no handler asks for restarts), restores
 * the terminal and returns 128 + the signal, as a shell reports it. */
static volatile sig_atomic_t caught_signal;

static void on_signal(int sig)
{
	caught_signal = sig;
}

/* Ctrl-Z, outside a kiosk: the input loop leaves the terminal as it found
 * it, stops, and on fg sets up again (see suspend).  Not left to curses,
 * which cannot know of bracketed paste, which the shell turns off. */
static volatile sig_atomic_t stop_asked;

static void on_stop(int sig)
{
	(void)sig;
	stop_asked = 1;
}

/* A dropped SSH link (SIGHUP), a service stopping (SIGTERM), kill -QUIT
 * and -USR1, a broken pipe and Ctrl-C all end the guide the same way.  A
 * kiosk ignores Ctrl-C and Ctrl-Z should they ever arrive as signals (raw
 * mode makes them plain bytes).  A signal ignored when the guide started
 * (nohup) stays ignored. */
static const int handled_signals[] = {SIGHUP, SIGTERM, SIGQUIT, SIGUSR1, SIGPIPE, SIGINT,
				     SIGTSTP};
#define NSIGNALS (sizeof handled_signals / sizeof *handled_signals)

/* No SA_RESTART: a blocked read returns when the signal comes. */
static void set_handler(int sig, void (*handler)(int))
{
	struct sigaction sa = {.sa_handler = handler};
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static void catch_signals(bool kiosk, struct sigaction *saved)
{
	caught_signal = 0;
	stop_asked = 0;
	for (size_t i = 0; i < NSIGNALS; i++) {
		int sig = handled_signals[i];
		sigaction(sig, NULL, &saved[i]);
		if (saved[i].sa_handler == SIG_IGN)
			continue;
		if (sig == SIGTSTP)
			set_handler(sig, kiosk ? SIG_IGN : on_stop);
		else if (sig == SIGINT && kiosk)
			set_handler(sig, SIG_IGN);
		else
			set_handler(sig, on_signal);
	}
}

static void restore_signals(const struct sigaction *saved)
{
	for (size_t i = 0; i < NSIGNALS; i++)
		sigaction(handled_signals[i], &saved[i], NULL);
}

/* ---- terminal set-up ------------------------------------------------- */

/* Function keys and the mouse, after the first frame (see setup_terminal). */
static void start_input(const struct ui *ui)
{
	keypad(stdscr, TRUE);
	if (ui->opts->mouse) {
		mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
		mouseinterval(0);
	}
}

static bool has_string(const char *cap)
{
	const char *s = tigetstr(cap);
	return s && s != (const char *)-1;
}

static int put_byte(int c)
{
	return putchar(c);
}

/* Write a terminfo string to the terminal, outside curses' screen
 * updates: into stdout's buffer, which the caller flushes (several
 * strings, one write). */
static void put_cap(const char *cap)
{
	if (has_string(cap))
		tputs(tigetstr(cap), 1, put_byte);
}

/* Bracketed paste: the terminal marks a paste's start and end, so pasted
 * text is never taken for keys.  xterm's entries name the switch (BE, BD);
 * a terminal that reports an xterm mouse understands it too.  Whether it
 * was switched on is kept here, not read from curses: a signal can end the
 * guide between the set-up's endwin and the first frame. */
static bool paste_on;

static void paste_mode(bool on)
{
	if (has_string(on ? "BE" : "BD"))
		put_cap(on ? "BE" : "BD");
	else if (has_string("BE") || has_string("kmous")) /* BE without BD too */
		fputs(on ? "\033[?2004h" : "\033[?2004l", stdout);
	paste_on = on;
}

/* Where the terminal can (E3), forget the lines scrolled off the top, so
 * that nothing of the last visit can be scrolled back to. */
static void clear_scrollback(void)
{
	put_cap("E3");
	fflush(stdout);
}

static void restore_terminal(void)
{
	if (paste_on) {
		paste_mode(false);
		fflush(stdout);
	}
	if (!isendwin())
		endwin(); /* mouse reporting off, normal screen back, echo on */
}

/* Bracketed paste on, and the cursor shown (another program may have hid
 * it), in one write of their own. */
static void set_modes(void)
{
	paste_mode(true);
	put_cap("cnorm");
	fflush(stdout);
}

static bool can_address_cursor(void)
{
	return has_string("cup");
}

bool ui_terminal_usable(struct sg_error *why)
{
	const char *term = getenv("TERM");
	int status = 0;
	if (!term || !*term) {
		sg_error_set(why, "TERM is not set, so the guide shows its plain mode; for "
			     "the full screen, set TERM to your terminal (for example "
			     "TERM=xterm-256color)");
		return false;
	}
	if (setupterm(NULL, STDOUT_FILENO, &status) != OK) {
		sg_error_set(why, "the terminal type '%s' is not known on this computer, so "
			     "the guide shows its plain mode; for the full screen, set TERM "
			     "to a known type such as xterm-256color", term);
		return false;
	}
	bool ok = can_address_cursor();
	del_curterm(cur_term);
	if (!ok)
		sg_error_set(why, "the terminal type '%s' cannot move the cursor, so the "
			     "guide shows its plain mode", term);
	return ok;
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
		sg_error_set(err, "the full-screen guide needs a terminal; use --plain");
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
			     "guide cannot draw on it; use --plain",
			     getenv("TERM") ? getenv("TERM") : "(unset)");
		return false;
	}
	define_common_keys();
	/* A kiosk takes every key as a key: no Ctrl-C, Ctrl-Z or Ctrl-\
	 * signal, no Ctrl-S freezing the screen (raw mode turns flow control
	 * off). */
	if (ui->opts->kiosk)
		raw();
	else
		cbreak();
	noecho();
	nonl();
	set_escdelay(ESC_DELAY_MS);
	ui_setup_colors(ui);
	/* ncurses flushes at every cursor move until the terminal has been
	 * left and resumed once; after that a frame is one write, which over
	 * SSH is one packet rather than a packet a row.  Nothing before this
	 * flushes, so set-up and leaving are one write; the first frame
	 * resumes.  Keys and the mouse are switched on after it (each is a
	 * write of its own, whenever it is done). */
	endwin();
	set_modes();
	/* The kiosk's first wipe waits for the first frame: on a terminal
	 * with no alternate screen its clearing pushes the screen above. */
	ui->wipe = ui->opts->kiosk;
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

/* A bracketed paste is text, never keys: read up to its end marker.
 * While words are typed (search) it is kept as text for them; anywhere
 * else it is dropped.  A paste cut short ends after a pause. */
static bool paste_wanted;  /* set before each read: a screen takes text */
static struct buf pasted;  /* the text of the last paste, when wanted */

static void skip_paste(void)
{
	static const int end[] = {27, '[', '2', '0', '1', '~'};
	size_t matched = 0;
	int c;
	timeout(PASTE_WAIT_MS);
	while (!caught_signal && (c = getch()) != ERR) {
		if (c == end[matched])
			matched++;
		else
			matched = c == end[0];
		if (matched == sizeof end / sizeof *end)
			break;
		/* Bytes of the end marker are held back until it is whole, and
		 * what the words can take is capped by the navigator. */
		if (paste_wanted && !matched && c >= 0 && c <= 0xFF && pasted.len < 4096)
			buf_putc(&pasted, (char)c);
	}
}

/* Send the pasted text to the navigator as typed characters; a line
 * break becomes a space. */
static void type_paste(struct ui *ui)
{
	for (size_t i = 0; i < pasted.len;) {
		uint32_t cp;
		i += text_decode(pasted.data + i, pasted.len - i, &cp);
		if (cp == TEXT_REPLACEMENT)
			continue; /* bytes that are no character */
		struct nav_input in = {.action = NAV_TYPE, .arg = cp == '\n' || cp == '\r'
				       ? ' ' : (long)cp};
		nav_do(ui->nav, &in);
	}
	buf_free(&pasted);
}

/* Skip the rest of an escape sequence the terminal description does not
 * know (or that was pasted): a CSI or SS3 ends at its final byte, a
 * string (OSC, DCS) at BEL or ESC \.  The start of a bracketed paste
 * (CSI 200 ~) skips the paste too. */
static void skip_sequence(int first)
{
	char seq[8];
	size_t len = 0;
	int c;
	/* Over a slow link the rest of a sequence can lag behind its start:
	 * wait a little for each byte rather than stopping at the first gap. */
	timeout(SEQUENCE_WAIT_MS);
	if (first == '[' || first == 'O') {
		while ((c = getch()) != ERR) {
			if (len + 1 < sizeof seq)
				seq[len++] = (char)c;
			if (c >= 0x40 && c <= 0x7e)
				break;
		}
		seq[len] = '\0';
		if (first == '[' && strcmp(seq, "200~") == 0)
			skip_paste();
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
	/* A signal that came while the screen was drawn has interrupted no
	 * read: it is seen now, not after the next key. */
	if (caught_signal || stop_asked)
		return ERR;
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
/* A touch screen often sends one tap as two presses, and a patient may tap
 * twice: the second would act on the screen the first brought up, such as
 * answering the next quiz question unseen.  A press within a cell of the
 * last one taken, and within BOUNCE_MS of it, is dropped. */
static bool is_bounce(struct ui *ui, const MEVENT *ev)
{
	long long now = now_ms();
	bool near = abs(ev->x - ui->last_press.x) <= 1 && abs(ev->y - ui->last_press.y) <= 1;
	if (near && now - ui->last_press.ms < BOUNCE_MS)
		return true;
	ui->last_press = (struct press){now, ev->x, ev->y};
	return false;
}

static struct nav_input mouse_input(struct ui *ui)
{
	struct nav_input in = {.action = NAV_NONE};
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return in;
	if (ev.bstate & BUTTON4_PRESSED) {
		in.action = NAV_WHEEL_UP;
	} else if (ev.bstate & BUTTON5_PRESSED) {
		in.action = NAV_WHEEL_DOWN;
	} else if ((ev.bstate & BUTTON1_PRESSED) && !is_bounce(ui, &ev)) {
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

/* The rest of a UTF-8 character whose first byte is `lead`, as a code
 * point (text_decode's rules); -1 when the bytes do not make one. */
static long utf8_char(int lead)
{
	char bytes[4] = {(char)lead};
	size_t n = 1, want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
	timeout(SEQUENCE_WAIT_MS);
	while (n < want) {
		int c = getch();
		if (c == ERR || (c & 0xC0) != 0x80)
			return -1;
		bytes[n++] = (char)c;
	}
	uint32_t cp;
	return text_decode(bytes, n, &cp) == n && cp != TEXT_REPLACEMENT ? (long)cp : -1;
}

/* Keys while words are typed (search, find): characters type, Backspace
 * erases, and keys that type nothing keep their actions. */
static struct nav_input text_input(int key)
{
	if (key == KEY_BACKSPACE || key == 127 || key == 8)
		return (struct nav_input){.action = NAV_ERASE};
	if (key >= 0x20 && key < 0x7F)
		return (struct nav_input){.action = NAV_TYPE, .arg = key};
	if (key >= 0x80 && key <= 0xFF) {
		long cp = utf8_char(key);
		return (struct nav_input){.action = cp < 0 ? NAV_NONE : NAV_TYPE, .arg = cp};
	}
	return (struct nav_input){.action = action_of(key)};
}

static struct nav_input input_of(struct ui *ui, int key)
{
	if (key == KEY_MOUSE)
		return mouse_input(ui);
	if (nav_wants_text(ui->nav))
		return text_input(key);
	if (key >= '0' && key <= '9')
		return (struct nav_input){.action = NAV_DIGIT, .arg = key - '0'};
	return (struct nav_input){.action = action_of(key)};
}

/* ---- the kiosk's idle timer ------------------------------------------- */

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* A new patient: the navigator forgets the visit, the screen is drawn
 * afresh and the terminal forgets its scrollback (after the clearing:
 * some terminals, tmux among them, scroll a cleared screen into it). */
static void start_over(struct ui *ui)
{
	nav_act(ui->nav, NAV_START_OVER);
	ui->touched = false;
	ui->countdown = 0;
	clearok(curscr, TRUE);
	ui->wipe = true;
}

/* Someone is there: the idle timer starts again and any countdown goes. */
static void touch(struct ui *ui)
{
	ui->last_input = now_ms();
	ui->touched = true;
	if (ui->countdown) {
		nav_notice(ui->nav, "");
		ui->countdown = 0;
	}
}

static bool kiosk_counts(const struct ui *ui)
{
	return ui->opts->kiosk && ui->opts->idle && ui->touched;
}

/* Milliseconds until the kiosk has something to do: show or change the
 * countdown, or start over.  -1 when nothing is pending. */
static long long kiosk_wait(const struct ui *ui, long long now)
{
	return kiosk_counts(ui) ? nav_idle(ui->opts->idle, now - ui->last_input).wait_ms : -1;
}

static int next_wait(const struct ui *ui, long long now)
{
	long long wait = -1;
	int digit = nav_timeout_ms(ui->nav);
	if (digit >= 0)
		wait = ui->last_input + digit > now ? ui->last_input + digit - now : 0;
	long long kiosk = kiosk_wait(ui, now);
	if (kiosk >= 0 && (wait < 0 || kiosk < wait))
		wait = kiosk;
	return wait > INT_MAX ? INT_MAX : (int)wait;
}

/* Time has passed with no input: a typed number is complete, and the
 * kiosk counts down or starts over. */
static void tick(struct ui *ui, long long now)
{
	int digit = nav_timeout_ms(ui->nav);
	if (digit >= 0 && now >= ui->last_input + digit) {
		nav_act(ui->nav, NAV_TIMEOUT);
		ui->countdown = 0; /* the action took any message away */
	}
	if (!kiosk_counts(ui))
		return;
	struct nav_idle idle = nav_idle(ui->opts->idle, now - ui->last_input);
	if (idle.start_over) {
		start_over(ui);
		return;
	}
	int shown = idle.seconds;
	if (!shown || shown == ui->countdown)
		return;
	char say[160];
	snprintf(say, sizeof say, "Going back to the start in %d second%s. %s to keep reading.",
		 shown, shown == 1 ? "" : "s",
		 ui->opts->mouse ? "Touch the screen or press a key" : "Press a key");
	nav_notice(ui->nav, say);
	ui->countdown = shown;
}

/* ---- the input loop ---------------------------------------------------- */

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
	if (in.action == NAV_START_OVER) {
		if (nav_start_over_now(ui->nav))
			start_over(ui);
		return true;
	}
	return nav_do(ui->nav, &in) != NAV_QUIT_NOW;
}

/* A read that failed before its time: the terminal has hung up when the
 * descriptor says so. */
static bool terminal_gone(void)
{
	struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
	return poll(&p, 1, 0) > 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL));
}

/* Ctrl-Z: the terminal as the shell had it, stopped until fg, then the
 * whole screen redrawn and the guide's modes set again.  The modes wait
 * for that frame: after bg the guide runs on in the background until
 * the frame's terminal set-up stops it (SIGTTOU), and what it sent before
 * then would be undone by the shell when it runs fg.  A second Ctrl-Z
 * while the terminal is given back counts as the same one. */
static void suspend(struct ui *ui)
{
	restore_terminal();
	set_handler(SIGTSTP, SIG_DFL);
	raise(SIGTSTP);
	set_handler(SIGTSTP, on_stop);
	stop_asked = 0;
	clearok(curscr, TRUE);
	ui->modes_due = true;
}

static void run(struct ui *ui)
{
	int empty = 0;
	bool first = true;
	while (!caught_signal) {
		ui_draw(ui);
		if (ui->modes_due)
			set_modes();
		ui->modes_due = false;
		if (ui->wipe)
			clear_scrollback();
		ui->wipe = false;
		if (first)
			start_input(ui);
		first = false;
		long long start = now_ms();
		int wait = next_wait(ui, start);
		paste_wanted = nav_wants_text(ui->nav);
		int key = read_key(wait);
		if (caught_signal)
			return;
		if (stop_asked && key == ERR) { /* a key read first is handled first */
			suspend(ui);
			continue;
		}
		if (pasted.len) {
			type_paste(ui);
			touch(ui);
			continue;
		}
		if (key == ERR) {
			long long now = now_ms();
			/* Before its time (milliseconds are rounded down): a hangup? */
			if (wait < 0 || now - start + 2 < wait) {
				if (terminal_gone() || ++empty > MAX_EMPTY_READS)
					return;
			} else {
				empty = 0;
			}
			tick(ui, now);
			continue;
		}
		empty = 0;
		/* The countdown asks for a touch to keep reading: that touch
		 * only keeps reading, it does not turn a page or press a
		 * button that happens to be under the finger. */
		bool waking = ui->countdown != 0 && key != KEY_RESIZE;
		if (key != KEY_RESIZE) /* a window resized is nobody there */
			touch(ui);
		if (key != 0 && !waking && !handle_key(ui, key))
			return;
	}
}

int ui_run(struct guide *g, const struct ui_opts *opts, struct sg_error *err)
{
	struct ui ui = {.opts = opts};
	struct sigaction saved[NSIGNALS];
	catch_signals(opts->kiosk, saved);
	if (!setup_terminal(&ui, err)) {
		restore_signals(saved);
		return 1;
	}
	struct nav_config cfg = {.ascii = opts->ascii, .kiosk = opts->kiosk, .suggest = true,
				 .key_names = key_names, .ctx = &ui};
	ui.nav = nav_new(g, &cfg);
	fit_view(&ui);
	ui.last_input = now_ms();
	run(&ui);
	restore_terminal();
	if (opts->kiosk) {
		/* Nothing of the visit stays on the screen or above it. */
		put_cap("clear");
		clear_scrollback();
	}
	/* What went to the terminal is not output for the caller to check: a
	 * terminal that has gone makes writes fail, and that is how it ended. */
	fflush(stdout);
	clearerr(stdout);
	sg_oom_hook(NULL);
	nav_free(ui.nav);
	restore_signals(saved);
	return caught_signal ? 128 + caught_signal : 0;
}
