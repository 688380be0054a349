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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <unistd.h>

#include <unicase.h>

#include "skinguide/buf.h"
#include "skinguide/layout.h"
#include "skinguide/nav.h"
#include "skinguide/outline.h"
#include "skinguide/text.h"

/* The first tall view; it grows while a list still says "more below". */
#define TALL_ROWS 256
#define MAX_TALL_ROWS (1u << 22)
/* Of a line typed, this much is quoted back in a message. */
#define ECHO_MAX 40
/* Columns kept free on each line for what is added after the text was
 * wrapped: link numbers ("[12]") and the word "Heading: ". */
#define NUMBER_ROOM 9
/* Found words are marked in words, as links are numbered: no highlight
 * reaches a braille display or a screen reader. */
#define FOUND_OPEN "[found: "
#define FOUND_CLOSE "]"

/* ---- words: what can be typed, the action it is, how the prompt says it --- */

enum special { PLAIN_ACTION, PLAIN_NEXT_TOPIC, PLAIN_FROM_TOP, PLAIN_MATCH };

struct word {
	const char *names[3]; /* the first is the one the prompt shows */
	enum nav_action action;
	enum special special;
	const char *phrase;   /* "to go back", after the name in the prompt, or NULL */
	const char *help;     /* what it does, on plain mode's help */
};

/* In the order the prompt offers them. */
static const struct word words[] = {
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

#define NWORDS (sizeof words / sizeof *words)

/* Actions a list or the reader offers that plain mode does by number or
 * not at all: they are never offered by name. */
static bool done_by_number(enum nav_action a)
{
	switch (a) {
	case NAV_OPEN: case NAV_FORWARD: case NAV_READ_ON: case NAV_NEXT_LINK:
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
	for (size_t i = 0; i < NWORDS; i++)
		if (words[i].action == a)
			return &words[i];
	return NULL;
}

/* ---- state ------------------------------------------------------------- */

/* A numbered choice on a list: an item that Down reaches (a topic, an
 * answer, a result), or a link in the list's text, which Tab reaches. */
struct entry {
	size_t steps;  /* an item: the Down presses from the top that choose it */
	size_t row;    /* an item: its row in the tall view */
	long link;     /* a link: its number in the screen's layout; -1 for an item */
	size_t tabs;   /* a link: the Tab presses from the top that choose it */
	char *about;   /* a link: where it leads, in words (owned) */
};

struct plain {
	struct guide *guide;
	struct nav *nav;
	FILE *in, *out;
	const struct plain_opts *opts;
	size_t cols;            /* columns of output */
	size_t width;           /* columns of the navigator's text */
	size_t tall;
	struct entry *entries;  /* the list printed last */
	size_t nentries, entries_cap;
	size_t *links;          /* the article printed last: layout link of number k + 1 */
	size_t nlinks;
	size_t nends;           /* its choices after the links: Read next, All topics */
	struct buf shown;       /* the last screen printed */
	struct buf said;        /* plain mode's own message for the next screen */
	bool blank;             /* the last line written was blank */
	/* The article's first line printed, and what it was worked out for. */
	size_t start;
	long start_article;
	size_t start_depth;
	bool from_top;
	bool reprint;           /* print the screen even when it did not change */
	bool touched;           /* a line was typed since the visit began */
	bool has_quiz;          /* the guide offers its quiz */
	size_t item_col;        /* the column of the last item's text printed */
};

/* ---- output ------------------------------------------------------------ */

/* Append `s` wrapped at `cols`, the lines after the first going on at
 * column `hang` (where its text starts), when there is room for that. */
static void wrap_into(struct buf *to, const char *s, size_t len, size_t cols, size_t hang)
{
	size_t lead = hang + LAYOUT_MIN_WIDTH < cols ? text_fit(s, len, hang) : 0;
	size_t indent = lead ? hang : 0;
	struct text_line *parts;
	size_t n = text_wrap(s + lead, len - lead, cols - indent, &parts);
	for (size_t i = 0; i < n; i++) {
		if (i == 0)
			buf_append(to, s, lead);
		else
			buf_repeat(to, " ", indent);
		buf_append(to, s + lead + parts[i].start, parts[i].end - parts[i].start);
		buf_putc(to, '\n');
	}
	free(parts);
}

/* Every line goes out through here: no control byte, in ASCII when the
 * locale wants it, no trailing blanks, never two blank lines in a row, and
 * no wider than the columns. */
static void put_wrapped(struct plain *p, struct buf *to, const char *s, size_t len,
			size_t hang)
{
	struct buf clean = BUF_INIT, plain = BUF_INIT;
	text_sanitize(&clean, s, len, false);
	struct buf *line = &clean;
	if (p->opts->ascii) {
		text_to_ascii(&plain, clean.data, clean.len);
		line = &plain;
	}
	while (line->len && line->data[line->len - 1] == ' ')
		line->len--;
	if (line->len || !p->blank)
		wrap_into(to, line->data, line->len, p->cols, hang);
	p->blank = line->len == 0;
	buf_free(&clean);
	buf_free(&plain);
}

static size_t leading_spaces(const char *s, size_t len)
{
	size_t n = 0;
	while (n < len && s[n] == ' ')
		n++;
	return n;
}

static void put_line(struct plain *p, struct buf *to, const char *s, size_t len)
{
	put_wrapped(p, to, s, len, leading_spaces(s, len));
}

static void put_str(struct plain *p, struct buf *to, const char *s)
{
	put_line(p, to, s, strlen(s));
}

/* ---- the article: lines of the layout, links numbered ------------------ */

static bool is_heading(unsigned style)
{
	return style & (LAYOUT_H1 | LAYOUT_H2 | LAYOUT_H3);
}

/* One line of a layout in plain words: borders and rules dropped, a
 * heading's first line says "Heading:", a call-out's first line "Box:",
 * each link's number stands before its text (the first time it is
 * printed) and found words are marked "[found: words]".  `nb` is NULL to
 * number none; `m` carries the block being marked across lines, and what
 * to say on the line about to be printed. */
struct marks {
	size_t heading_block; /* block + 1 of the heading being printed, 0 for none */
	bool in_box;
	const struct nav_mark *found; /* this line's found words, in order */
	size_t nfound;
	const char *after;    /* words to add at the end of this line, or NULL */
};

/* Bytes [from, to) of a line's text, the found words in it marked.
 * `open` carries a mark from one span to the next. */
static void append_found(struct buf *out, const char *text, size_t from, size_t to,
			 const struct marks *m, bool *open)
{
	for (size_t at = from; at < to;) {
		size_t next = to;
		for (size_t k = 0; k < m->nfound; k++) {
			const struct nav_mark *f = &m->found[k];
			if (!*open && f->start == at) {
				buf_puts(out, FOUND_OPEN);
				*open = true;
			}
			if (f->start > at && f->start < next)
				next = f->start;
			if (f->end > at && f->end < next)
				next = f->end;
		}
		buf_append(out, text + at, next - at);
		at = next;
		for (size_t k = 0; k < m->nfound && *open; k++)
			if (m->found[k].end == at) {
				buf_puts(out, FOUND_CLOSE);
				*open = false;
			}
	}
}

struct numbering {
	size_t *numbers; /* of each layout link, 0 for none */
	bool *seen;      /* its number was printed */
	size_t count;    /* layout links covered */
};

static void numbering_new(struct numbering *nb, size_t count)
{
	nb->numbers = xcalloc(count + 1, sizeof *nb->numbers);
	nb->seen = xcalloc(count + 1, sizeof *nb->seen);
	nb->count = count;
}

static void numbering_free(struct numbering *nb)
{
	free(nb->numbers);
	free(nb->seen);
}

static bool line_words(struct buf *line, const struct layout_line *ln, struct numbering *nb,
		       struct marks *m)
{
	struct buf text = BUF_INIT;
	bool heading = false, box = false, edge = false, open = false;
	for (size_t s = 0; s < ln->nspans; s++) {
		const struct layout_span *sp = &ln->spans[s];
		box |= (sp->style & LAYOUT_CALLOUT) != 0;
		edge |= (sp->style & LAYOUT_BORDER) != 0;
		if (sp->style & LAYOUT_BORDER)
			continue;
		heading |= is_heading(sp->style);
		size_t k = (size_t)sp->link;
		if (nb && sp->link >= 0 && k < nb->count && nb->numbers[k] && !nb->seen[k]) {
			buf_printf(&text, "[%zu]", nb->numbers[k]);
			nb->seen[k] = true;
		}
		append_found(&text, ln->text, sp->start, sp->start + sp->len, m, &open);
	}
	if (open)
		buf_puts(&text, FOUND_CLOSE);
	const char *t = buf_str(&text);
	/* A blank line between a box's paragraphs still has its edges. */
	bool was_in_box = m->in_box;
	m->in_box = box ? m->in_box || *t : edge && ln->kind == LAYOUT_LINE_BLANK && m->in_box;
	if (ln->kind == LAYOUT_LINE_DECOR && !*t) {
		buf_free(&text);
		return false;
	}
	if (heading && m->heading_block != ln->block + 1)
		buf_puts(line, "Heading: ");
	else if (box && *t && !was_in_box)
		buf_puts(line, "Box: ");
	else if (box && *t)
		buf_puts(line, "     ");
	buf_puts(line, t);
	if (m->after)
		buf_puts(line, m->after);
	m->heading_block = heading ? ln->block + 1 : 0;
	buf_free(&text);
	return true;
}

static void article_line(struct plain *p, struct buf *to, const struct layout_line *ln,
			 struct numbering *nb, struct marks *m)
{
	struct buf line = BUF_INIT;
	if (line_words(&line, ln, nb, m))
		put_line(p, to, line.data, line.len);
	buf_free(&line);
}

/* Where a link leads, in words, for the list after the text. */
static void describe_link(struct plain *p, const char *target, struct buf *out)
{
	size_t a = 0;
	const char *frag = NULL;
	enum guide_link kind = guide_resolve(p->guide, target, &a, &frag);
	const char *section = kind == GUIDE_LINK_ARTICLE || kind == GUIDE_LINK_ANCHOR
		? guide_section_title(p->guide, kind == GUIDE_LINK_ARTICLE ? a : (size_t)nav_article(p->nav),
				frag) : NULL;
	switch (kind) {
	case GUIDE_LINK_ARTICLE:
		buf_puts(out, guide_article(p->guide, a)->title);
		if (section)
			buf_printf(out, ", section \"%s\"", section);
		break;
	case GUIDE_LINK_ANCHOR:
		if (section)
			buf_printf(out, "The section \"%s\" of this topic", section);
		else
			buf_puts(out, "A section of this topic");
		break;
	case GUIDE_LINK_EXTERNAL:
		buf_printf(out, "Web address: %s (the guide does not open web pages)", target);
		break;
	case GUIDE_LINK_BROKEN:
		buf_printf(out, "A link that does not work: %s", target);
		break;
	}
}

/* The line to print the article from: its top when it was just opened
 * (or asked for from the top), else the start of the section the reader's
 * place is in, worked out again only when the place changed. */
static size_t article_start(struct plain *p, const struct layout *l)
{
	long article = nav_article(p->nav);
	size_t depth = nav_history_depth(p->nav);
	if (!p->from_top && article == p->start_article && depth == p->start_depth)
		return p->start;
	size_t top = p->from_top ? 0 : nav_reader_top(p->nav);
	long h = layout_heading_at(l, top);
	p->start = h >= 0 ? layout_heading_line(l, (size_t)h) : 0;
	p->start_article = article;
	p->start_depth = depth;
	p->from_top = false;
	return p->start;
}

static void number_links(struct plain *p, const struct layout *l, struct numbering *nb)
{
	p->nlinks = 0;
	for (size_t i = 0; i < layout_link_count(l); i++)
		if (layout_link(l, i)->line != (size_t)-1) {
			p->links[p->nlinks++] = i;
			nb->numbers[i] = p->nlinks;
		}
}

static bool has_next_topic(const struct plain *p)
{
	long a = nav_article(p->nav);
	return nav_screen(p->nav) == NAV_SCREEN_ARTICLE && a >= 0 &&
	       (size_t)a + 1 < guide_count(p->guide);
}

/* A line of the list of links after a text, the list's title before the
 * first. */
static void link_line(struct plain *p, struct buf *to, bool *any, const char *line, size_t len)
{
	if (!*any) {
		put_str(p, to, "");
		put_str(p, to, "Links:");
	}
	*any = true;
	put_line(p, to, line, len);
}

/* The links from `start` on, then the choices the full screen offers
 * after a topic's text (Read next, All topics), numbered after the
 * links: Tab reaches them after the links there too. */
static void print_links(struct plain *p, struct buf *to, const struct layout *l, size_t start)
{
	bool any = false;
	struct buf line = BUF_INIT;
	for (size_t k = 0; k < p->nlinks; k++) {
		const struct layout_link *link = layout_link(l, p->links[k]);
		if (link->line < start)
			continue;
		buf_clear(&line);
		buf_printf(&line, "[%zu] ", k + 1);
		describe_link(p, link->target, &line);
		link_line(p, to, &any, line.data, line.len);
	}
	size_t number = p->nlinks;
	if (has_next_topic(p)) {
		buf_clear(&line);
		buf_printf(&line, "[%zu] Read next: %s", ++number,
			   guide_article(p->guide, (size_t)nav_article(p->nav) + 1)->title);
		link_line(p, to, &any, line.data, line.len);
	}
	buf_clear(&line);
	buf_printf(&line, "[%zu] All topics", ++number);
	link_line(p, to, &any, line.data, line.len);
	p->nends = number - p->nlinks;
	buf_free(&line);
}

static void entries_clear(struct plain *p)
{
	for (size_t i = 0; i < p->nentries; i++)
		free(p->entries[i].about);
	p->nentries = 0;
}

/* The places the searched words are in the topic being read, in the
 * order of its lines, and the first not printed yet. */
struct found_list {
	size_t *lines;
	struct nav_mark *marks;
	size_t count, next;
};

static void found_list_new(const struct plain *p, struct found_list *f)
{
	size_t cap = 0, line;
	struct nav_mark m;
	*f = (struct found_list){0};
	for (; nav_found_place(p->nav, f->count, &line, &m); f->count++) {
		if (f->count == cap) {
			cap = cap ? cap * 2 : 16;
			f->lines = xreallocarray(f->lines, cap, sizeof *f->lines);
			f->marks = xreallocarray(f->marks, cap, sizeof *f->marks);
		}
		f->lines[f->count] = line;
		f->marks[f->count] = m;
	}
}

static void found_list_free(struct found_list *f)
{
	free(f->lines);
	free(f->marks);
}

/* The found words on line `line` into `m`. */
static void found_on(struct found_list *f, size_t line, struct marks *m)
{
	while (f->next < f->count && f->lines[f->next] < line)
		f->next++;
	m->found = f->count ? f->marks + f->next : NULL;
	for (m->nfound = 0; f->next + m->nfound < f->count && f->lines[f->next + m->nfound] == line;)
		m->nfound++;
}

/* Line `i`, which has found words, and the rest of its paragraph, wrapped
 * again as one: their marks make the lines longer than they were laid
 * out, and a word or two would be left on a line of their own.  Returns
 * the last line it took. */
/* Add one wrapped line of a block to `all`, where the block is joined
 * again into one line: a space between lines, the indent of a line after
 * the first and the padding at a line's end (a box's right edge) left
 * out.  The first line keeps its indent. */
static void join_line(struct buf *all, const char *s, size_t len, bool first)
{
	while (len && s[len - 1] == ' ')
		len--;
	size_t lead = first ? 0 : leading_spaces(s, len);
	if (!first)
		buf_putc(all, ' ');
	buf_append(all, s + lead, len - lead);
}

static size_t marked_paragraph(struct plain *p, struct buf *to, const struct layout *l,
			       size_t i, struct numbering *nb, struct marks *m,
			       struct found_list *f)
{
	struct buf all = BUF_INIT, one = BUF_INIT;
	size_t block = layout_line(l, i)->block, j = i, hang = 0;
	for (; j < layout_line_count(l); j++) {
		const struct layout_line *ln = layout_line(l, j);
		if (j > i && (ln->block != block || ln->kind != LAYOUT_LINE_TEXT))
			break;
		found_on(f, j, m);
		buf_clear(&one);
		if (!line_words(&one, ln, nb, m))
			continue;
		if (j == i + 1)
			hang = leading_spaces(one.data, one.len);
		join_line(&all, buf_str(&one), one.len, j == i);
	}
	if (j == i + 1) /* one line: its continuation starts where its text does */
		hang = leading_spaces(all.data, all.len);
	put_wrapped(p, to, buf_str(&all), all.len, hang);
	buf_free(&one);
	buf_free(&all);
	return j - 1;
}

/* The lines from `start` on, the found words marked on theirs. */
static void article_lines(struct plain *p, struct buf *to, const struct layout *l,
			  size_t start, struct numbering *nb)
{
	struct found_list f;
	found_list_new(p, &f);
	struct marks m = {0};
	for (size_t i = start; i < layout_line_count(l); i++) {
		found_on(&f, i, &m);
		if (m.nfound)
			i = marked_paragraph(p, to, l, i, nb, &m, &f);
		else
			article_line(p, to, layout_line(l, i), nb, &m);
	}
	found_list_free(&f);
}

static void render_article(struct plain *p, struct buf *to)
{
	const struct layout *l = nav_reader_layout(p->nav);
	size_t a = (size_t)nav_article(p->nav), count = layout_link_count(l);
	size_t start = article_start(p, l);
	struct numbering nb;
	numbering_new(&nb, count);
	free(p->links);
	p->links = xcalloc(count + 1, sizeof *p->links);
	number_links(p, l, &nb);
	entries_clear(p);
	if (start > 0) {
		struct buf head = BUF_INIT;
		buf_printf(&head, "Topic: %s", guide_article(p->guide, a)->title);
		put_line(p, to, head.data, head.len);
		put_str(p, to, "");
		buf_free(&head);
	}
	article_lines(p, to, l, start, &nb);
	print_links(p, to, l, start);
	numbering_free(&nb);
}

/* ---- lists: any other screen, from its rows ---------------------------- */

static void view_small(struct plain *p)
{
	nav_resize(p->nav, 1, p->width);
}

/* Whether the tall view holds the whole list with a third of it to
 * spare: nothing but blank rows (or the navigator's message) from the row
 * above its last third on.  The words about a chosen link take rows at
 * the bottom while the choices are found; with room for them the list
 * never scrolls, so rows and choices stay where they were found. */
static bool has_room(const struct plain *p)
{
	struct nav_row row;
	for (size_t y = p->tall - p->tall / 3 - 1; y < p->tall; y++) {
		nav_row(p->nav, y, &row);
		if (row.kind != NAV_ROW_BLANK && row.kind != NAV_ROW_MESSAGE)
			return false;
	}
	return true;
}

/* A view that holds the whole list: no row says there is more, and
 * nothing is hidden below the bottom of a long quiz's results. */
static void view_tall(struct plain *p)
{
	nav_resize(p->nav, p->tall, p->width);
	while (!has_room(p) && p->tall < MAX_TALL_ROWS) {
		p->tall *= 4;
		nav_resize(p->nav, p->tall, p->width);
	}
}

static struct entry *add_entry(struct plain *p, const struct entry *e)
{
	if (p->nentries == p->entries_cap) {
		p->entries_cap = p->entries_cap ? p->entries_cap * 2 : 16;
		p->entries = xreallocarray(p->entries, p->entries_cap, sizeof *p->entries);
	}
	p->entries[p->nentries] = *e;
	return &p->entries[p->nentries++];
}

/* The link chosen, when row `r` shows it, else -1. */
static long link_chosen_on(const struct plain *p, size_t r)
{
	struct nav_row row;
	nav_row(p->nav, r, &row);
	if (row.kind != NAV_ROW_LINE || !row.line || row.link < 0)
		return -1;
	for (size_t s = 0; s < row.line->nspans; s++)
		if (row.line->spans[s].link == row.link)
			return row.link;
	return -1;
}

/* The list's choices, found as a person with only arrow keys finds them:
 * from the top, Down after Down, every item the choice lands on, until it
 * stops moving.  A link Down lands on (in the quiz's results) is numbered
 * in its turn; find_links() learns how to reach it. */
static void find_entries(struct plain *p)
{
	enum nav_screen screen = nav_screen(p->nav);
	size_t prev_row = (size_t)-1, prev_col = 0;
	entries_clear(p);
	nav_act(p->nav, NAV_TOP);
	for (size_t steps = 0; steps <= p->tall && nav_screen(p->nav) == screen; steps++) {
		size_t r, c;
		struct nav_row row;
		nav_cursor(p->nav, &r, &c);
		if (r == prev_row && c == prev_col)
			break;
		prev_row = r;
		prev_col = c;
		nav_row(p->nav, r, &row);
		long link = row.chosen ? -1 : link_chosen_on(p, r);
		if (row.chosen || link >= 0)
			add_entry(p, &(struct entry){.steps = steps, .row = r, .link = link});
		nav_act(p->nav, NAV_DOWN);
	}
}

/* Links in the list's text: how many spans of links the rows show. */
static size_t link_spans(const struct plain *p)
{
	size_t n = 0;
	struct nav_row row;
	for (size_t y = 0; y < p->tall; y++) {
		nav_row(p->nav, y, &row);
		const struct layout_line *ln = row.kind == NAV_ROW_LINE ? row.line : NULL;
		for (size_t s = 0; ln && s < ln->nspans; s++)
			n += ln->spans[s].link >= 0;
	}
	return n;
}

/* Where the chosen link leads, in the navigator's words (the line the
 * full screen shows under the text), less its "Link to: ": the list is
 * called Links already.  Caller frees. */
static char *chosen_link_about(const struct plain *p)
{
	static const char lead[] = "Link to: ";
	const char *s = nav_link_label(p->nav);
	if (!s)
		s = "";
	if (strncmp(s, lead, strlen(lead)) == 0)
		s += strlen(lead);
	return xstrdup(s);
}

static struct entry *link_entry(struct plain *p, long link)
{
	for (size_t i = 0; i < p->nentries; i++)
		if (p->entries[i].link == link)
			return &p->entries[i];
	return NULL;
}

/* Drop the links Tab never reached: no number for what cannot be chosen. */
static void drop_unreached(struct plain *p)
{
	size_t kept = 0;
	for (size_t i = 0; i < p->nentries; i++) {
		if (p->entries[i].link >= 0 && !p->entries[i].tabs)
			free(p->entries[i].about);
		else
			p->entries[kept++] = p->entries[i];
	}
	p->nentries = kept;
}

/* The links of the list's text, found as a keyboard user finds them: Tab
 * after Tab from the top until the choice comes round again.  Links Down
 * did not reach (the welcome's, above the topics) are numbered after the
 * list's items, so that a topic keeps its number. */
static void find_links(struct plain *p)
{
	enum nav_screen screen = nav_screen(p->nav);
	size_t spans = link_spans(p);
	if (!spans)
		return;
	size_t first_row = 0, first_col = 0, most = spans + p->nentries + 2;
	nav_act(p->nav, NAV_TOP);
	for (size_t tabs = 1; tabs <= most && nav_screen(p->nav) == screen; tabs++) {
		size_t r, c;
		nav_act(p->nav, NAV_NEXT_LINK);
		nav_cursor(p->nav, &r, &c);
		if (tabs > 1 && r == first_row && c == first_col)
			break; /* round again */
		if (tabs == 1) {
			first_row = r;
			first_col = c;
		}
		long link = link_chosen_on(p, r);
		if (link < 0)
			continue;
		struct entry *e = link_entry(p, link);
		if (!e)
			e = add_entry(p, &(struct entry){.row = r, .link = link});
		if (!e->tabs) {
			e->tabs = tabs;
			e->about = chosen_link_about(p);
		}
	}
	nav_act(p->nav, NAV_TOP); /* no link left chosen */
	drop_unreached(p);
}

/* The number of the item on row `row`, or 0. */
static size_t entry_at(const struct plain *p, size_t row)
{
	for (size_t i = 0; i < p->nentries; i++)
		if (p->entries[i].link < 0 && p->entries[i].row == row)
			return i + 1;
	return 0;
}

static void pad_to(struct buf *line, size_t col)
{
	size_t w = text_width(buf_str(line), line->len);
	for (; w < col; w++)
		buf_putc(line, ' ');
}

/* Whether `label` (`len` bytes) is only an arrow, as on "→ Start the
 * quiz": a screen reader says "right arrow", and the number before it
 * says it is a choice already. */
static bool only_arrow(const char *label, size_t len)
{
	static const char *const arrows[] = {"→", "←", ">", "<"};
	for (size_t i = 0; i < sizeof arrows / sizeof *arrows; i++)
		if (len == strlen(arrows[i]) && strncmp(label, arrows[i], len) == 0)
			return true;
	return false;
}

/* Columns the numbers of the list printed last take: 2 for "12". */
static int number_width(const struct plain *p)
{
	return snprintf(NULL, 0, "%zu", p->nentries);
}

/* An item row: a choice gets its number, right-aligned so that the text
 * after every number starts in the same column, in place of a label that
 * already is that number (the home screen's "3. ", aligned for the topics
 * only).  Returns the column its text starts at. */
static size_t item_line(const struct plain *p, struct buf *line, const struct nav_row *r,
			size_t number)
{
	char own[32] = "";
	snprintf(own, sizeof own, "%zu.", number);
	const char *label = r->label;
	while (*label == ' ')
		label++;
	size_t label_len = strlen(label);
	while (label_len && label[label_len - 1] == ' ')
		label_len--;
	bool own_label = label_len == strlen(own) && strncmp(label, own, label_len) == 0;
	if (number)
		buf_printf(line, "%*s ", number_width(p) + 1, own);
	const char *shown = number && (own_label || only_arrow(label, label_len)) ? ""
			  : r->label;
	size_t left = line->len;
	pad_to(line, left + r->indent);
	buf_puts(line, shown);
	/* Text is aligned after a label; after our own number alone it
	 * follows at once. */
	if (r->text_col && (*shown || !number))
		pad_to(line, left + r->indent + r->text_col);
	size_t col = text_width(buf_str(line), line->len);
	buf_append(line, r->text, r->len);
	return col;
}

/* A line of a list's text that is a choice (a quiz answer, a search
 * result) starts with its number: in place of its bullet, or before it,
 * unless it already is that number ("1. No"). */
static void numbered_line(struct plain *p, struct buf *to, const struct nav_row *r,
			  size_t number, struct numbering *nb, struct marks *m)
{
	size_t start = to->len;
	article_line(p, to, r->line, nb, m);
	if (!number || to->len == start)
		return;
	char own[32];
	int n = snprintf(own, sizeof own, "%zu. ", number);
	const char *line = to->data + start;
	size_t lead = strspn(line, " ");
	if (strncmp(line + lead, own, (size_t)n) == 0)
		return;
	struct buf rest = BUF_INIT;
	const char *after = line + lead;
	if (strncmp(after, "• ", strlen("• ")) == 0)
		after += strlen("• ");
	else if (strncmp(after, "* ", 2) == 0)
		after += 2;
	buf_puts(&rest, after);
	to->len = start;
	to->data[start] = '\0';
	buf_puts(to, own);
	buf_append(to, rest.data, rest.len);
	buf_free(&rest);
}

static void list_row(struct plain *p, struct buf *to, size_t y, struct numbering *nb,
		     struct marks *m)
{
	struct nav_row r;
	nav_row(p->nav, y, &r);
	struct buf line = BUF_INIT;
	size_t hang = 0;
	switch (r.kind) {
	case NAV_ROW_LINE:
		if (r.line)
			numbered_line(p, to, &r, entry_at(p, y), nb, m);
		break;
	case NAV_ROW_ITEM:
		hang = p->item_col = item_line(p, &line, &r, entry_at(p, y));
		break;
	case NAV_ROW_NOTE: /* under its item's text */
		pad_to(&line, p->item_col ? p->item_col : r.indent + r.text_col);
		hang = line.len;
		buf_append(&line, r.text, r.len);
		break;
	case NAV_ROW_TITLE:
		buf_append(&line, r.text, r.len);
		break;
	case NAV_ROW_BLANK:
		put_str(p, to, "");
		break;
	case NAV_ROW_MORE:
	case NAV_ROW_MESSAGE: /* the message is printed after the screen */
		break;
	}
	if (line.len)
		put_wrapped(p, to, line.data, line.len, hang);
	buf_free(&line);
}

/* The numbers of the links among the choices, by their layout link. */
static void number_list_links(const struct plain *p, struct numbering *nb)
{
	size_t count = 0;
	for (size_t i = 0; i < p->nentries; i++)
		if (p->entries[i].link >= 0 && (size_t)p->entries[i].link + 1 > count)
			count = (size_t)p->entries[i].link + 1;
	numbering_new(nb, count);
	for (size_t i = 0; i < p->nentries; i++)
		if (p->entries[i].link >= 0)
			nb->numbers[p->entries[i].link] = i + 1;
}

/* Where the list's links lead, as a topic's are listed after its text. */
static void print_list_links(struct plain *p, struct buf *to)
{
	bool any = false;
	struct buf line = BUF_INIT;
	for (size_t i = 0; i < p->nentries; i++) {
		if (p->entries[i].link < 0)
			continue;
		buf_clear(&line);
		buf_printf(&line, "[%zu] %s", i + 1, p->entries[i].about);
		link_line(p, to, &any, line.data, line.len);
	}
	buf_free(&line);
}

/* ---- plain mode's help ----------------------------------------------- */

/* Whether word `w` does something in this guide and mode. */
static bool word_works(const struct plain *p, const struct word *w)
{
	if (w->action == NAV_QUIZ)
		return p->has_quiz;
	return w->action != NAV_QUIT || !p->opts->kiosk;
}

/* One entry: "b or back: go back to where you were." */
static void help_entry(struct plain *p, struct buf *to, const char *names, const char *what)
{
	struct buf line = BUF_INIT;
	buf_printf(&line, "%s: %s.", names, what);
	put_wrapped(p, to, line.data, line.len, 2);
	buf_free(&line);
}

/* "c, sections or contents". */
static void join_names(const struct word *w, struct buf *out)
{
	size_t n = 0;
	while (n < 3 && w->names[n])
		n++;
	for (size_t i = 0; i < n; i++)
		buf_printf(out, "%s%s", i == 0 ? "" : i + 1 == n ? " or " : ", ", w->names[i]);
}

/* What can be typed, from the word table: the navigator's help names
 * keys and taps, which a line of text does not have. */
static void render_help(struct plain *p, struct buf *to)
{
	entries_clear(p);
	put_str(p, to, "Help: what to type");
	put_str(p, to, "");
	/* No line but the prompt starts with "Type ": scripts look for it. */
	put_str(p, to, "On a line of its own, type one of these, then press Enter. Capitals "
		"do not matter.");
	put_str(p, to, "");
	help_entry(p, to, "A number", "choose what has that number on the screen: a topic, a "
		   "link, a section, a search result, an answer or another choice");
	help_entry(p, to, "A topic's title", "open that topic (type it as the list of topics "
		   "shows it)");
	struct buf names = BUF_INIT;
	for (size_t i = 0; i < NWORDS; i++) {
		if (!word_works(p, &words[i]))
			continue;
		buf_clear(&names);
		join_names(&words[i], &names);
		help_entry(p, to, names.data, words[i].help);
	}
	buf_free(&names);
	help_entry(p, to, "An empty line", "print the screen again; in a search, go back");
}

/* ---- what a list shows otherwise than in words -------------------------- */

#define SEARCH_HINT "Enter a word or a few words on one line. The results come " \
	"numbered, best first."

struct list_words {
	const char *progress; /* "Question 2 of 16": said before the question in
			       * place of "Heading", its own row left out */
	char where[64];
	size_t answer_row;    /* the last row of the answer given, where
			       * "(your answer)" goes; (size_t)-1 for none */
	bool search_hint;     /* a search with no words yet: plain mode says
			       * what to do in place of the hint below its title */
	size_t title_block;   /* the search's title (its first line) */
	bool links_last;      /* the links are numbered after every item (the
			       * welcome's): listed after them too */
};

/* The last row of the answer already given to the question on screen. */
static size_t answer_row(const struct plain *p)
{
	long chosen = nav_quiz_chosen(p->nav);
	size_t k = 0;
	for (size_t i = 0; chosen >= 0 && i < p->nentries; i++) {
		if (p->entries[i].link >= 0 || k++ != (size_t)chosen)
			continue;
		size_t y = p->entries[i].row;
		struct nav_row r, next;
		nav_row(p->nav, y, &r);
		if (r.kind != NAV_ROW_LINE || !r.line) /* answers are lines of a page */
			return (size_t)-1;
		for (; y + 1 < p->tall; y++) {
			nav_row(p->nav, y + 1, &next);
			if (next.kind != NAV_ROW_LINE || !next.line || next.line->block != r.line->block)
				break;
		}
		return y;
	}
	return (size_t)-1;
}

/* Whether the search screen has no words yet: its title line, the first,
 * is all label ("Search:"), no words after it. */
static bool search_without_words(const struct plain *p, size_t *title_block)
{
	if (nav_screen(p->nav) != NAV_SCREEN_SEARCH)
		return false;
	struct nav_row r;
	for (size_t y = 0; y < p->tall; y++) {
		nav_row(p->nav, y, &r);
		if (r.kind != NAV_ROW_LINE || !r.line)
			continue;
		*title_block = r.line->block;
		for (size_t s = 0; s < r.line->nspans; s++)
			if (r.line->spans[s].len && !(r.line->spans[s].style & LAYOUT_STRONG))
				return false;
		return true;
	}
	return false;
}

static bool links_after_items(const struct plain *p)
{
	bool link = false, item = false;
	for (size_t i = 0; i < p->nentries; i++) {
		if (p->entries[i].link >= 0)
			link = true;
		else if (link)
			return false;
		else
			item = true;
	}
	return link && item;
}

static void list_words(const struct plain *p, struct list_words *lw)
{
	*lw = (struct list_words){.answer_row = (size_t)-1};
	if (nav_quiz_question(p->nav) >= 0) {
		struct nav_status st;
		nav_status(p->nav, &st);
		snprintf(lw->where, sizeof lw->where, "%s", st.where);
		lw->progress = lw->where;
		lw->answer_row = answer_row(p);
	}
	lw->search_hint = search_without_words(p, &lw->title_block);
	lw->links_last = links_after_items(p);
}

/* The question's heading from row `y` on, its lines joined, after its
 * number ("Question 2 of 16: Is your skin ..."): a screen reader reads
 * the question on with its number, not after "Heading".  Returns the
 * last row it took. */
static size_t question_heading(struct plain *p, struct buf *to, size_t y, const char *progress)
{
	struct buf line = BUF_INIT;
	struct nav_row r;
	nav_row(p->nav, y, &r);
	size_t block = r.line->block;
	buf_printf(&line, "%s:", progress);
	for (; y < p->tall; y++) {
		nav_row(p->nav, y, &r);
		if (r.kind != NAV_ROW_LINE || !r.line || r.line->block != block ||
		    r.line->kind != LAYOUT_LINE_TEXT)
			break;
		join_line(&line, r.line->text, r.line->len, false);
	}
	put_line(p, to, line.data, line.len);
	buf_free(&line);
	return y - 1;
}

static bool heading_row(const struct nav_row *r)
{
	return r->kind == NAV_ROW_LINE && r->line && r->line->nspans &&
	       is_heading(r->line->spans[r->line->nspans - 1].style);
}

/* Whether row `r` is left out: what plain mode says in its own words. */
static bool said_otherwise(const struct list_words *lw, const struct nav_row *r)
{
	if (r->kind != NAV_ROW_LINE || !r->line)
		return false;
	if (lw->search_hint)
		return r->line->block != lw->title_block && r->line->kind == LAYOUT_LINE_TEXT;
	size_t lead = leading_spaces(r->line->text, r->line->len);
	return lw->progress && r->line->len - lead == strlen(lw->progress) &&
	       memcmp(r->line->text + lead, lw->progress, r->line->len - lead) == 0;
}

static size_t last_text_row(const struct plain *p)
{
	size_t last = p->tall;
	struct nav_row row;
	for (size_t y = 0; y < p->tall; y++) {
		nav_row(p->nav, y, &row);
		if (row.kind == NAV_ROW_LINE)
			last = y;
	}
	return last;
}

/* The rows of the tall view; the list of links goes after the last line
 * of text, before the choices below it, unless they are numbered after
 * the choices. */
static void render_list(struct plain *p, struct buf *to)
{
	if (nav_screen(p->nav) == NAV_SCREEN_HELP) {
		render_help(p, to);
		return;
	}
	view_tall(p);
	find_entries(p);
	find_links(p);
	struct numbering nb;
	number_list_links(p, &nb);
	struct list_words lw;
	list_words(p, &lw);
	size_t links_after = lw.links_last ? p->tall - 1 : last_text_row(p);
	struct marks m = {0};
	bool hinted = false, linked = false;
	p->item_col = 0;
	for (size_t y = 0; y < p->tall; y++) {
		struct nav_row row;
		nav_row(p->nav, y, &row);
		if (said_otherwise(&lw, &row)) {
			if (lw.search_hint && !hinted)
				put_str(p, to, SEARCH_HINT);
			hinted = true;
		} else if (lw.progress && heading_row(&row)) {
			y = question_heading(p, to, y, lw.progress);
		} else {
			m.after = y == lw.answer_row ? " (your answer)" : NULL;
			list_row(p, to, y, &nb, &m);
		}
		if (y >= links_after && !linked)
			print_list_links(p, to);
		linked |= y >= links_after;
	}
	numbering_free(&nb);
	view_small(p);
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
	for (size_t i = 0; i < NWORDS; i++) {
		if (!offered(p, &words[i], &st))
			continue;
		buf_puts(b, words[i].names[0]);
		if (words[i].phrase)
			buf_printf(b, " %s", words[i].phrase);
		if (words[i].action == NAV_READ_ON) {
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

/* The screen, when it changed (or `again`), then any message, then the
 * prompt. */
static void show(struct plain *p, bool again)
{
	char *message = xstrdup(nav_message(p->nav)); /* finding choices clears it */
	struct buf screen = BUF_INIT;
	p->blank = true;
	if (nav_screen(p->nav) == NAV_SCREEN_ARTICLE && nav_reader_layout(p->nav))
		render_article(p, &screen);
	else
		render_list(p, &screen);
	while (screen.len >= 2 && screen.data[screen.len - 1] == '\n' &&
	       screen.data[screen.len - 2] == '\n')
		screen.data[--screen.len] = '\0';
	if (again || p->reprint || screen.len != p->shown.len ||
	    memcmp(buf_str(&screen), buf_str(&p->shown), screen.len) != 0) {
		fputs("\n", p->out);
		fputs(buf_str(&screen), p->out);
	}
	struct buf extra = BUF_INIT;
	p->blank = false;
	if (*message)
		put_str(p, &extra, message);
	if (p->said.len)
		put_line(p, &extra, p->said.data, p->said.len);
	if (extra.len)
		fprintf(p->out, "\n%s", extra.data);
	buf_free(&extra);
	buf_clear(&p->said);
	p->reprint = false;
	buf_free(&p->shown);
	p->shown = screen;
	free(message);
	prompt(p);
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

/* m and p: print the topic from the section of the next (previous) place
 * the words are, as n and N go there on the full screen. */
static void step_found(struct plain *p, enum nav_action a)
{
	if (nav_screen(p->nav) != NAV_SCREEN_ARTICLE || !found_count(p, NULL)) {
		say(p, "No words are marked here. Type s to search the guide.");
		return;
	}
	nav_act(p->nav, a);
	p->start_article = -1; /* from the section the place is in */
	p->reprint = true;
	tell_found(p, false);
}

static void choose(struct plain *p, unsigned long k)
{
	bool search = nav_screen(p->nav) == NAV_SCREEN_SEARCH;
	bool article = nav_screen(p->nav) == NAV_SCREEN_ARTICLE;
	size_t count = article ? p->nlinks + p->nends : p->nentries;
	if (count == 0)
		say(p, "There is nothing to choose by number here.");
	else if (k == 0 || k > count)
		say(p, "There is no number %lu here. Type a number from 1 to %zu.", k, count);
	else if (article && k <= p->nlinks)
		follow_link(p, k);
	else if (article)
		choose_end(p, k - p->nlinks - 1);
	else
		choose_entry(p, k);
	if (search && nav_screen(p->nav) == NAV_SCREEN_ARTICLE)
		tell_found(p, true);
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
	for (size_t i = 0; i < NWORDS; i++)
		for (size_t j = 0; j < 3 && words[i].names[j]; j++)
			if (strcmp(words[i].names[j], typed) == 0)
				return &words[i];
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
			return true;
		}
		break;
	case PLAIN_ACTION:
		break;
	}
	return nav_act(p->nav, w->action) != NAV_QUIT_NOW;
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
		say(p, "Sorry, \"%.*s\" is not a choice here. Type h for help.", ECHO_MAX, t);
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
static void wait_in_kiosk(struct plain *p)
{
	int fd = fileno(p->in);
	if (!p->opts->kiosk || !p->opts->idle || fd < 0 || !p->touched)
		return;
	long window = countdown_ms(p), idle = (long)p->opts->idle * 1000;
	if (input_within(fd, idle - window))
		return;
	long seconds = (window + 999) / 1000;
	fprintf(p->out, "\nGoing back to the start in %ld second%s. Press Enter to keep "
		"reading.\n", seconds, seconds == 1 ? "" : "s");
	fflush(p->out);
	if (input_within(fd, window))
		return;
	nav_act(p->nav, NAV_START_OVER);
	p->touched = false;
	fputs("\nStarting again for the next person.\n", p->out);
	show(p, true);
}

static bool read_line(struct plain *p, char **line, size_t *cap)
{
	wait_in_kiosk(p);
	ssize_t n = getline(line, cap, p->in);
	if (n < 0)
		return false;
	p->touched = true;
	return true;
}

int plain_run(struct guide *g, FILE *in, FILE *out, const struct plain_opts *opts)
{
	struct plain p = {.guide = g, .in = in, .out = out, .opts = opts, .tall = TALL_ROWS,
			  .start_article = -1};
	p.cols = opts->width > LAYOUT_MAX_WIDTH ? LAYOUT_MAX_WIDTH
	       : opts->width < LAYOUT_MIN_WIDTH ? LAYOUT_MIN_WIDTH : opts->width;
	p.width = p.cols > LAYOUT_MIN_WIDTH + NUMBER_ROOM ? p.cols - NUMBER_ROOM : p.cols;
	/* No key names: plain mode's help is its own (render_help). */
	struct nav_config cfg = {.ascii = opts->ascii, .kiosk = opts->kiosk};
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
