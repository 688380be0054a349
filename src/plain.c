/* plain: the line-by-line front end.  Words in, lines out; the rules of
 * moving through the guide stay in nav.c.
 *
 * Two views of one navigator: actions are applied in a view one row high,
 * so that a jump to a section lands on its exact line, and a list is
 * printed from a view tall enough to hold all of it.  A resize keeps the
 * reader's place and a list's choice, so switching costs nothing.
 *
 * A number stands for every choice the full screen offers: a list's items
 * (found with Down, as a person with only arrow keys finds them), the
 * links in a list's text (found with Tab: the quiz's results, the
 * welcome's links), and in a topic its links and the choices at its end
 * (Read next, All topics). */
#include "skinguide/plain.h"

#include <ctype.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <unistd.h>

#include <unicase.h>

#include "skinguide/outline.h"
#include "skinguide/text.h"
#include "plain_private.h"

/* ---- words: what can be typed ------------------------------------------ */

/* In the order the prompt offers them. */
const struct word plain_words[] = {
	{{"quiz", NULL, NULL}, NAV_QUIZ, PLAIN_ACTION, NULL,
	 "take the readiness quiz, one question at a time"},
	{{"s", "search", "/"}, NAV_SEARCH, PLAIN_ACTION, "for search",
	 "search the whole guide: type the words on the next line, or on the same "
	 "line after s, search or / (s WORDS, search WORDS, /WORDS)"},
	{{"n", "next", NULL}, NAV_READ_ON, PLAIN_NEXT_TOPIC, "for the next topic",
	 "read the next topic"},
	{{"m", "match", "next match"}, NAV_NEXT_MATCH, PLAIN_MATCH, "for the next place found",
	 "in a topic opened from a search (the words found are marked "
	 FOUND_OPEN "like this" FOUND_CLOSE "), print it from the next place they are"},
	{{"p", "previous", "previous match"}, NAV_PREV_MATCH, PLAIN_MATCH,
	 "for the place before", "the same, from the place before"},
	{{"b", "back", NULL}, NAV_BACK, PLAIN_ACTION, "to go back", "go back to where you were"},
	{{"t", "topics", NULL}, NAV_TOPICS, PLAIN_ACTION, "for the list of topics",
	 "list the topics"},
	{{"c", "sections", "contents"}, NAV_HEADINGS, PLAIN_ACTION, "for the sections",
	 "list the sections of the topic, to go to one by its number"},
	{{"top", NULL, NULL}, NAV_TOP, PLAIN_FROM_TOP, "to read from the top",
	 "print the topic from its top"},
	{{"r", "restart", "start over"}, NAV_START_OVER, PLAIN_ACTION, "to start over",
	 "forget this visit and start again"},
	{{"h", "help", "?"}, NAV_HELP, PLAIN_ACTION, "for help", "show this help"},
	{{"q", "quit", NULL}, NAV_QUIT, PLAIN_ACTION, "to quit", "leave the guide"},
};

const size_t plain_word_count = sizeof plain_words / sizeof *plain_words;

/* Actions a list or the reader offers that plain mode does by number or
 * not at all: they are never offered by name. */
static bool done_by_number(enum nav_action a)
{
	switch (a) {
	case NAV_OPEN: case NAV_FORWARD: case NAV_ANSWER: case NAV_READ_ON: case NAV_NEXT_LINK:
	case NAV_PREV_LINK: case NAV_UP: case NAV_DOWN: case NAV_LINE_UP:
	case NAV_LINE_DOWN: case NAV_PAGE_UP: case NAV_PAGE_DOWN: case NAV_BOTTOM:
	case NAV_TAP: case NAV_WHEEL_UP: case NAV_WHEEL_DOWN: case NAV_DIGIT:
	case NAV_TIMEOUT: case NAV_REDRAW: case NAV_NONE:
		return true;
	default:
		return false;
	}
}

static const struct word *word_of(enum nav_action a)
{
	for (size_t i = 0; i < plain_word_count; i++)
		if (plain_words[i].action == a)
			return &plain_words[i];
	return NULL;
}

/* ---- the prompt -------------------------------------------------------- */

static bool status_offers(const struct nav_status *st, enum nav_action a)
{
	for (size_t i = 0; i < st->nhints; i++)
		if (st->hints[i] == a)
			return true;
	return false;
}

static size_t found_count(const struct plain *p, size_t *current);

/* Whether the prompt offers word `w` on this screen. */
static bool offered(const struct plain *p, const struct word *w, const struct nav_status *st)
{
	enum nav_screen screen = nav_screen(p->nav);
	switch (w->action) {
	case NAV_QUIZ:
	case NAV_SEARCH: return status_offers(st, w->action);
	case NAV_NEXT_MATCH:
	case NAV_PREV_MATCH: return screen == NAV_SCREEN_ARTICLE && found_count(p, NULL) > 1;
	case NAV_READ_ON: return has_next_topic(p);
	case NAV_BACK: return screen != NAV_SCREEN_HOME || nav_history_depth(p->nav) > 0;
	case NAV_TOPICS: return screen != NAV_SCREEN_HOME;
	case NAV_HEADINGS: return status_offers(st, NAV_HEADINGS);
	case NAV_TOP: return screen == NAV_SCREEN_ARTICLE && p->start > 0;
	case NAV_START_OVER: return p->opts->kiosk;
	case NAV_QUIT: return !p->opts->kiosk;
	default: return true;
	}
}

/* The items of the list printed last: its choices less its links. */
static size_t list_items(const struct plain *p)
{
	size_t n = 0;
	for (size_t i = 0; i < p->nentries; i++)
		n += p->entries[i].link < 0;
	return n;
}

static const char *number_words(const struct plain *p)
{
	switch (nav_screen(p->nav)) {
	case NAV_SCREEN_HOME: return p->nentries > list_items(p) ? "a topic or link number"
							     : "a topic number";
	case NAV_SCREEN_ARTICLE: return p->nlinks ? "a link number" : "a number";
	case NAV_SCREEN_HEADINGS: return "a section number";
	default: return "a number";
	}
}

/* The name an action the word table does not know goes by: its button's
 * label in lower case ("search"). */
static void action_name(enum nav_action a, char *out, size_t size)
{
	snprintf(out, size, "%s", nav_action_label(a));
	for (char *c = out; *c; c++)
		*c = (char)tolower((unsigned char)*c);
}

static const struct word *word_named(const char *typed);

/* Its first letter does too, when no word of the table is that letter. */
static bool letter_free(const char *name)
{
	char letter[2] = {name[0], '\0'};
	return isalpha((unsigned char)name[0]) && !word_named(letter);
}

/* What to type on the search and find screens, where a line is words. */
static const char *words_prompt(const struct plain *p)
{
	if (nav_screen(p->nav) == NAV_SCREEN_FIND)
		return "Type the words to find in this topic, or an empty line to go back:";
	return p->nentries > 1 /* results, and "All topics" */
		? "Type other words to search for, a result's number to open it, or an "
		  "empty line to go back:"
		: "Type the words to search for, or an empty line to go back:";
}

/* "Type a topic number, s for search, ..., q to quit:" */
static void command_prompt(struct plain *p, struct buf *b)
{
	struct nav_status st;
	nav_status(p->nav, &st);
	buf_puts(b, "Type ");
	if (nav_screen(p->nav) == NAV_SCREEN_ARTICLE ? p->nlinks + p->nends > 0 : p->nentries > 0)
		buf_printf(b, "%s, ", number_words(p));
	for (size_t i = 0; i < st.nhints; i++) {
		char name[64];
		if (done_by_number(st.hints[i]) || word_of(st.hints[i]))
			continue;
		action_name(st.hints[i], name, sizeof name);
		if (*name && letter_free(name))
			buf_printf(b, "%c for %s, ", name[0], name);
		else if (*name)
			buf_printf(b, "%s, ", name);
	}
	for (size_t i = 0; i < plain_word_count; i++) {
		if (!offered(p, &plain_words[i], &st))
			continue;
		buf_puts(b, plain_words[i].names[0]);
		if (plain_words[i].phrase)
			buf_printf(b, " %s", plain_words[i].phrase);
		if (plain_words[i].action == NAV_READ_ON) {
			size_t next = (size_t)nav_article(p->nav) + 1;
			buf_printf(b, " (%s)", guide_article(p->guide, next)->title);
		}
		buf_puts(b, ", ");
	}
	b->len -= 2; /* the last ", " */
	buf_puts(b, ":");
}

/* The prompt after a blank line, wrapped like every other line; at a
 * terminal the answer is typed on its last line. */
static void prompt(struct plain *p)
{
	struct buf b = BUF_INIT, out = BUF_INIT;
	if (nav_wants_text(p->nav))
		buf_puts(&b, words_prompt(p));
	else
		command_prompt(p, &b);
	buf_putc(&out, '\n');
	p->blank = false;
	put_line(p, &out, b.data, b.len);
	if (isatty(fileno(p->in)) && out.len)
		out.data[--out.len] = ' ';
	fputs(buf_str(&out), p->out);
	fflush(p->out);
	buf_free(&out);
	buf_free(&b);
}

/* ---- showing a screen -------------------------------------------------- */

/* What the navigator shows, as plain mode prints it, into `screen`
 * (emptied first), with no blank lines at its end. */
static void render(struct plain *p, struct buf *screen)
{
	buf_clear(screen);
	p->blank = true;
	if (nav_screen(p->nav) == NAV_SCREEN_ARTICLE && nav_reader_layout(p->nav))
		render_article(p, screen);
	else
		render_list(p, screen);
	while (screen->len >= 2 && screen->data[screen->len - 1] == '\n' &&
	       screen->data[screen->len - 2] == '\n')
		screen->data[--screen->len] = '\0';
}

/* The screen, when it changed (or `again`), then any message, then the
 * prompt. */
static void show(struct plain *p, bool again)
{
	char *message = xstrdup(nav_message(p->nav)); /* finding choices clears it */
	if (again) /* an empty line, or a new visit: the home screen whole */
		p->welcome_read = false;
	bool whole_home = nav_screen(p->nav) == NAV_SCREEN_HOME && !p->welcome_read;
	struct buf screen = BUF_INIT;
	render(p, &screen);
	bool printed = again || p->reprint || screen.len != p->shown.len ||
		       memcmp(buf_str(&screen), buf_str(&p->shown), screen.len) != 0;
	struct buf extra = BUF_INIT;
	p->blank = false;
	if (*message && printed && p->message_first) { /* where, then what */
		put_str(p, &extra, message);
		fprintf(p->out, "\n%s", extra.data);
		buf_clear(&extra);
		*message = '\0';
	}
	p->message_first = false;
	if (printed) {
		fputs("\n", p->out);
		fputs(buf_str(&screen), p->out);
	}
	if (*message)
		put_str(p, &extra, message);
	if (p->said.len)
		put_line(p, &extra, p->said.data, p->said.len);
	/* A line that changed nothing still gets an answer: silence would
	 * leave a screen reader's user wondering whether it was taken. */
	if (!printed && !extra.len)
		put_str(p, &extra, "Nothing changed here. Type h for help.");
	if (extra.len)
		fprintf(p->out, "\n%s", extra.data);
	buf_free(&extra);
	buf_clear(&p->said);
	p->reprint = false;
	/* What a line that changes nothing would print now: the topics
	 * without the welcome just read. */
	if (whole_home)
		render(p, &screen);
	buf_free(&p->shown);
	p->shown = screen;
	free(message);
	prompt(p);
}

/* For the navigator's own words ("then c lists its sections"): the word
 * that does an action here. */
static void word_names(enum nav_action a, struct buf *out, void *ctx)
{
	(void)ctx;
	const struct word *w = word_of(a);
	if (w)
		buf_puts(out, w->names[0]);
}

/* ---- commands ---------------------------------------------------------- */

__attribute__((format(printf, 2, 3)))
static void say(struct plain *p, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char text[512];
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	buf_clear(&p->said);
	text_sanitize(&p->said, text, strlen(text), false);
}

static void choose_entry(struct plain *p, size_t k)
{
	const struct entry *e = &p->entries[k - 1];
	if (e->link >= 0) {
		/* Tab to it, then Enter.  Tab takes the same turns in a view
		 * of a row, where a jump to a section lands on its line. */
		view_small(p);
		nav_act(p->nav, NAV_TOP);
		for (size_t i = 0; i < e->tabs; i++)
			nav_act(p->nav, NAV_NEXT_LINK);
		nav_act(p->nav, NAV_OPEN);
		return;
	}
	view_tall(p);
	nav_act(p->nav, NAV_TOP);
	for (size_t i = 0; i < e->steps; i++)
		nav_act(p->nav, NAV_DOWN);
	view_small(p); /* a jump to a section lands on its line */
	nav_act(p->nav, NAV_OPEN);
}

/* Follow link number k: Tab to it, then Enter, as a keyboard user would. */
static void follow_link(struct plain *p, size_t k)
{
	long want = (long)p->links[k - 1];
	size_t tries = layout_link_count(nav_reader_layout(p->nav)) + 3;
	for (size_t i = 0; i < tries && nav_reader_link(p->nav) != want; i++)
		nav_act(p->nav, NAV_NEXT_LINK);
	if (nav_reader_link(p->nav) == want)
		nav_act(p->nav, NAV_OPEN);
}

/* Choice `e` at the end of a topic (Read next, All topics), as a
 * keyboard user takes it: to the bottom, where reading on chooses the
 * first, Tab on to choice `e`, Enter. */
static void choose_end(struct plain *p, size_t e)
{
	nav_act(p->nav, NAV_BOTTOM);
	nav_act(p->nav, NAV_READ_ON);
	for (size_t i = 0; i < e; i++)
		nav_act(p->nav, NAV_NEXT_LINK);
	nav_act(p->nav, NAV_OPEN);
}

/* How many places the searched words are in the topic being read, and
 * which of them is the one a step goes from. */
static size_t found_count(const struct plain *p, size_t *current)
{
	size_t n = 0, line;
	struct nav_mark m;
	for (; nav_found_place(p->nav, n, &line, &m); n++)
		if (m.current && current)
			*current = n;
	return n;
}

/* The section of the topic being read that line `line` is in, or NULL
 * when it is above the first section (borrowed from the guide). */
static const char *section_of(const struct plain *p, size_t line)
{
	struct sg_error err;
	const struct layout *l = nav_reader_layout(p->nav);
	long h = layout_heading_at(l, line);
	const struct outline *o = h > 0 ? guide_outline(p->guide, (size_t)nav_article(p->nav),
							 &err) : NULL;
	const struct outline_heading *oh = o ? outline_heading(o, (size_t)h) : NULL;
	return oh && oh->level > 1 ? oh->text : NULL;
}

/* The navigator's words on the place found name its keys (n and N):
 * plain mode says its own, in place of them; the `first` time, how the
 * words are marked and how to go from one place to the next. */
static void tell_found(struct plain *p, bool first)
{
	size_t current = 0, count = found_count(p, &current), line;
	struct nav_mark m;
	if (!count || !nav_found_place(p->nav, current, &line, &m))
		return;
	struct buf text = BUF_INIT;
	const char *section = section_of(p, line);
	buf_printf(&text, "Found %zu of %zu", current + 1, count);
	if (section)
		buf_printf(&text, ", in the section \"%s\"", section);
	buf_puts(&text, ".");
	if (first)
		buf_puts(&text, " The words are marked " FOUND_OPEN "like this" FOUND_CLOSE ".");
	if (first && count > 1)
		buf_puts(&text, " Type m for the next place, p for the one before.");
	nav_notice(p->nav, text.data);
	buf_free(&text);
}

/* m and p: print the topic from the paragraph of the next (previous)
 * place the words are, as n and N go there on the full screen. */
static void step_found(struct plain *p, enum nav_action a)
{
	if (nav_screen(p->nav) != NAV_SCREEN_ARTICLE || !found_count(p, NULL)) {
		say(p, "No words are marked here. Type s to search the guide.");
		return;
	}
	nav_act(p->nav, a);
	p->from_place = true; /* from the paragraph the place is in */
	p->reprint = true;
	p->message_first = true; /* a listener hears where before the text */
	tell_found(p, false);
}

static void choose(struct plain *p, unsigned long k)
{
	bool search = nav_screen(p->nav) == NAV_SCREEN_SEARCH;
	bool article = nav_screen(p->nav) == NAV_SCREEN_ARTICLE;
	size_t count = article ? p->nlinks + p->nends : p->nentries;
	/* In a topic printed from a section, the links above it were not
	 * shown: their numbers are not choices. */
	size_t lowest = article ? p->first_link : 1;
	if (count == 0)
		say(p, "There is nothing to choose by number here.");
	else if (k < lowest || k > count)
		say(p, "There is no number %lu here. Type a number from %zu to %zu.", k,
		    lowest, count);
	else if (article && k <= p->nlinks)
		follow_link(p, k);
	else if (article)
		choose_end(p, k - p->nlinks - 1);
	else
		choose_entry(p, k);
	if (search && nav_screen(p->nav) == NAV_SCREEN_ARTICLE) {
		p->message_first = true; /* where the words are, then the text */
		tell_found(p, true);
	}
}

/* The next topic, as the choice at the end of a topic gives it. */
static void next_topic(struct plain *p)
{
	if (!has_next_topic(p))
		say(p, "There is no next topic here.");
	else
		choose_end(p, 0);
}

/* An action the status bar offers that the word table does not know,
 * typed by its name. */
static enum nav_action offered_by_name(const struct plain *p, const char *typed)
{
	struct nav_status st;
	nav_status(p->nav, &st);
	for (size_t i = 0; i < st.nhints; i++) {
		char name[64];
		action_name(st.hints[i], name, sizeof name);
		if (!*name || done_by_number(st.hints[i]) || word_of(st.hints[i]))
			continue;
		if (strcmp(name, typed) == 0 ||
		    (letter_free(name) && typed[0] == name[0] && !typed[1]))
			return st.hints[i];
	}
	return NAV_NONE;
}

static const struct word *word_named(const char *typed)
{
	for (size_t i = 0; i < plain_word_count; i++)
		for (size_t j = 0; j < 3 && plain_words[i].names[j]; j++)
			if (strcmp(plain_words[i].names[j], typed) == 0)
				return &plain_words[i];
	return NULL;
}

/* A line typed, in lower case with single spaces and no blanks around;
 * control keys that came along (a Ctrl-C echoed into the line) dropped. */
static void normalise(const char *s, struct buf *out)
{
	bool space = false;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c < 0x20 && !isspace(c)) || c == 0x7f)
			continue;
		if (isspace(c)) {
			space = out->len > 0;
			continue;
		}
		if (space)
			buf_putc(out, ' ');
		space = false;
		buf_putc(out, (char)tolower(c));
	}
	buf_str(out);
}

static bool is_number(const char *s, unsigned long *k)
{
	if (!*s || strspn(s, "0123456789") != strlen(s) || strlen(s) > 9)
		return false;
	*k = strtoul(s, NULL, 10);
	return true;
}

/* The words of a line that asks for a search at once: "s WORDS",
 * "search WORDS" or "/WORDS", as typed (capitals kept), in `*len` bytes.
 * NULL when the line is not one of those. */
static const char *search_words(const char *line, size_t *len)
{
	const char *s = line + strspn(line, " \t");
	if (*s == '/')
		s++;
	else if ((*s == 's' || *s == 'S') && (s[1] == ' ' || s[1] == '\t'))
		s++;
	else if (strncasecmp(s, "search", 6) == 0 && (s[6] == ' ' || s[6] == '\t'))
		s += 6;
	else
		return NULL;
	s += strspn(s, " \t");
	size_t n = strcspn(s, "\r\n");
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	*len = n;
	return n ? s : NULL;
}

/* Put `len` bytes of `words` on the search or find screen.  From 100
 * topics the index is built in the background, and the full screen's
 * results fill in while the patient reads them; a line printed once
 * cannot, so it waits for the index, as long as that takes (about a
 * second at 10,000 topics). */
static void set_words(struct plain *p, const char *words_, size_t len)
{
	nav_set_text(p->nav, words_, len);
	for (int ms; nav_screen(p->nav) == NAV_SCREEN_SEARCH &&
	     (ms = nav_timeout_ms(p->nav)) >= 0;) {
		poll(NULL, 0, ms);
		nav_act(p->nav, NAV_TIMEOUT);
	}
}

/* Search for `len` bytes of `words`, as s and then the words would. */
static void search_now(struct plain *p, const char *words_, size_t len)
{
	if (nav_screen(p->nav) != NAV_SCREEN_SEARCH)
		nav_act(p->nav, NAV_SEARCH);
	if (nav_screen(p->nav) == NAV_SCREEN_SEARCH)
		set_words(p, words_, len);
}

/* `len` bytes of `s` less a full stop, question mark or blanks at the end:
 * "What is it" names the topic "What is it?". */
static size_t without_end(const char *s, size_t len)
{
	while (len && strchr(" .?!", s[len - 1]))
		len--;
	return len;
}

/* The topic a line names (`typed`, normalised): its id, or its title in
 * any case.  -1 for none. */
static long topic_named(const struct plain *p, const char *typed)
{
	long a = guide_lookup(p->guide, typed);
	size_t len = without_end(typed, strlen(typed));
	struct buf title = BUF_INIT;
	for (size_t i = 0; a < 0 && len && i < guide_count(p->guide); i++) {
		buf_clear(&title);
		normalise(guide_article(p->guide, i)->title, &title);
		int order = 1;
		if (u8_casecmp((const uint8_t *)title.data, without_end(title.data, title.len),
			       (const uint8_t *)typed, len, NULL, NULL, &order) == 0 && order == 0)
			a = (long)i;
	}
	buf_free(&title);
	return a;
}

/* Open topic `i` as its number on the list of topics opens it: the list
 * is a step Back undoes, as t is. */
static void open_topic(struct plain *p, size_t i)
{
	char number[32];
	snprintf(number, sizeof number, "%zu", i + 1);
	nav_act(p->nav, NAV_TOPICS);
	for (const char *d = number; *d && nav_screen(p->nav) == NAV_SCREEN_HOME; d++)
		nav_do(p->nav, &(struct nav_input){.action = NAV_DIGIT, .arg = *d - '0'});
	if (nav_screen(p->nav) == NAV_SCREEN_HOME) /* a number that could go on */
		nav_act(p->nav, NAV_OPEN);
}

/* A line while words are typed (search, find): the words; on the
 * results, a number opens one; an empty line goes back. */
static bool text_command(struct plain *p, const char *line)
{
	size_t len = strlen(line), n;
	while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		len--;
	unsigned long k;
	char *t = xstrndup(line, len);
	const char *again = search_words(t, &n);
	if (!t[strspn(t, " \t")])
		nav_act(p->nav, NAV_BACK);
	else if (nav_screen(p->nav) == NAV_SCREEN_SEARCH && is_number(t, &k) && p->nentries)
		choose(p, k);
	else if (again && nav_screen(p->nav) == NAV_SCREEN_SEARCH) /* "s sunburn" here too */
		set_words(p, again, n);
	else
		set_words(p, t, len);
	p->reprint = true; /* the same words again: their results again */
	if (nav_screen(p->nav) == NAV_SCREEN_FIND) /* found: back to reading */
		nav_act(p->nav, NAV_OPEN);
	free(t);
	return true;
}

/* A word of the table.  False when the guide should end. */
static bool do_word(struct plain *p, const struct word *w)
{
	switch (w->special) {
	case PLAIN_NEXT_TOPIC:
		next_topic(p);
		return true;
	case PLAIN_MATCH:
		step_found(p, w->action);
		return true;
	case PLAIN_FROM_TOP:
		if (nav_screen(p->nav) == NAV_SCREEN_ARTICLE) {
			p->from_top = true;
			nav_notice(p->nav, ""); /* a message about a found place is old now */
			return true;
		}
		break;
	case PLAIN_ACTION:
		break;
	}
	if (w->action == NAV_START_OVER) {
		if (!nav_start_over_now(p->nav))
			return true; /* it said what starting over forgets */
		p->welcome_read = false;
	}
	return nav_act(p->nav, w->action) != NAV_QUIT_NOW;
}

/* A line that is no choice: say what would have worked. */
static void not_a_choice(struct plain *p, const char *t)
{
	bool words = strspn(t, "0123456789") < strlen(t);
	if (nav_quiz_question(p->nav) >= 0)
		say(p, "Sorry, \"%.*s\" is not a choice here. Type the number of your "
		    "answer, such as 1.", ECHO_MAX, t);
	else if (words)
		say(p, "Sorry, \"%.*s\" is not a choice here. To search for it, type s "
		    "%.*s. Type h for help.", ECHO_MAX, t, ECHO_MAX, t);
	else
		say(p, "Sorry, \"%.*s\" is not a choice here. Type h for help.", ECHO_MAX, t);
}

/* Do what the line says.  False when the guide should end. */
static bool command(struct plain *p, const char *line)
{
	/* Words are searched for, but a lone letter that is a command (q,
	 * b, h, t) stays one: nobody searches for a single letter. */
	if (nav_wants_text(p->nav)) {
		struct buf one = BUF_INIT;
		normalise(line, &one);
		bool letter = one.len == 1 && word_named(buf_str(&one));
		buf_free(&one);
		if (!letter)
			return text_command(p, line);
	}
	struct buf typed = BUF_INIT;
	normalise(line, &typed);
	const char *t = buf_str(&typed), *search;
	const struct word *w = word_named(t);
	enum nav_action other = w ? NAV_NONE : offered_by_name(p, t);
	unsigned long k;
	size_t n;
	long topic;
	bool go_on = true;
	if (!*t)
		; /* an empty line shows the screen again */
	else if (is_number(t, &k))
		choose(p, k);
	else if (w)
		go_on = do_word(p, w);
	else if ((search = search_words(line, &n)) != NULL)
		search_now(p, search, n);
	else if (other != NAV_NONE)
		nav_act(p->nav, other);
	else if ((topic = topic_named(p, t)) >= 0)
		open_topic(p, (size_t)topic);
	else
		not_a_choice(p, t);
	buf_free(&typed);
	return go_on;
}

/* ---- input, and the kiosk's idle timer --------------------------------- */

static long countdown_ms(const struct plain *p)
{
	return nav_countdown_ms(p->opts->idle);
}

/* Wait up to `ms` for input.  True when some came (or the wait failed:
 * then the read says what happened). */
static bool input_within(int fd, long ms)
{
	struct pollfd pf = {.fd = fd, .events = POLLIN};
	return poll(&pf, 1, ms > 0 ? (int)ms : 0) != 0;
}

/* A kiosk left alone: warn once, then start over and show the start. */
/* True when the countdown was shown and a line came in time: that line
 * only keeps the visit. */
static bool wait_in_kiosk(struct plain *p)
{
	int fd = fileno(p->in);
	if (!p->opts->kiosk || !p->opts->idle || fd < 0 || !p->touched)
		return false;
	long window = countdown_ms(p), idle = (long)p->opts->idle * 1000;
	if (input_within(fd, idle - window))
		return false;
	long seconds = (window + 999) / 1000;
	fprintf(p->out, "\nGoing back to the start in %ld second%s. Press Enter to keep "
		"reading.\n", seconds, seconds == 1 ? "" : "s");
	fflush(p->out);
	if (input_within(fd, window))
		return true;
	nav_act(p->nav, NAV_START_OVER);
	p->touched = false;
	fputs("\nStarting again for the next person.\n", p->out);
	show(p, true);
	return false;
}

static bool read_line(struct plain *p, char **line, size_t *cap)
{
	for (;;) {
		bool woken = wait_in_kiosk(p);
		if (getline(line, cap, p->in) < 0)
			return false;
		p->touched = true;
		if (!woken)
			return true;
		/* The line that answered the countdown keeps the visit and
		 * does nothing else, as a touch on the full screen. */
		fputs("\nGoing on where you were.\n", p->out);
		prompt(p);
	}
}

int plain_run(struct guide *g, FILE *in, FILE *out, const struct plain_opts *opts)
{
	struct plain p = {.guide = g, .in = in, .out = out, .opts = opts, .tall = TALL_ROWS,
			  .start_article = -1};
	p.cols = opts->width > LAYOUT_MAX_WIDTH ? LAYOUT_MAX_WIDTH
	       : opts->width < LAYOUT_MIN_WIDTH ? LAYOUT_MIN_WIDTH : opts->width;
	p.width = p.cols > LAYOUT_MIN_WIDTH + NUMBER_ROOM ? p.cols - NUMBER_ROOM : p.cols;
	/* Its own words name the keys in the navigator's messages; its help
	 * is its own (render_help). */
	struct nav_config cfg = {.ascii = opts->ascii, .kiosk = opts->kiosk,
				 .key_names = word_names};
	p.nav = nav_new(g, &cfg);
	struct nav_status st;
	nav_status(p.nav, &st);
	p.has_quiz = status_offers(&st, NAV_QUIZ);
	view_small(&p);
	show(&p, true);
	char *line = NULL;
	size_t cap = 0;
	while (!ferror(out) && read_line(&p, &line, &cap)) {
		bool again = strspn(line, " \t\r\n") == strlen(line);
		if (!command(&p, line))
			break;
		show(&p, again);
	}
	if (isatty(fileno(in)))
		fputc('\n', out); /* the shell's prompt on a line of its own */
	int status = fflush(out) == 0 && !ferror(out) ? 0 : 1;
	free(line);
	nav_free(p.nav);
	entries_clear(&p);
	free(p.entries);
	free(p.links);
	buf_free(&p.shown);
	buf_free(&p.said);
	return status;
}

/* ---- the process ------------------------------------------------------- */

/* A kiosk's terminal: the keys that would signal or end input do nothing,
 * and Ctrl-S cannot freeze the output. */
static bool kiosk_terminal(struct termios *saved)
{
	if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, saved) != 0)
		return false;
	struct termios t = *saved;
	t.c_iflag &= (tcflag_t)~(IXON | IXOFF);
	t.c_cc[VINTR] = t.c_cc[VQUIT] = t.c_cc[VSUSP] = t.c_cc[VEOF] = _POSIX_VDISABLE;
	return tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0;
}

int plain_main(struct guide *g, const struct plain_opts *opts)
{
	struct termios saved;
	bool restore = false;
	if (opts->kiosk) {
		signal(SIGINT, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
		signal(SIGTSTP, SIG_IGN);
		restore = kiosk_terminal(&saved);
		/* The idle timer polls the descriptor: nothing may wait in a buffer. */
		setvbuf(stdin, NULL, _IONBF, 0);
	}
	int status = plain_run(g, stdin, stdout, opts);
	if (restore)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved);
	return status;
}
