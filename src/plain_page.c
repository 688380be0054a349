/* plain_page: what plain mode prints of a screen: every line through one
 * place (no control byte, no line wider than asked), a topic as text with
 * its links numbered, any other screen as a list with numbered choices,
 * and plain mode's own help. */
#include "skinguide/plain.h"

#include <stdlib.h>
#include <string.h>

#include "skinguide/text.h"
#include "plain_private.h"

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

void put_line(struct plain *p, struct buf *to, const char *s, size_t len)
{
	put_wrapped(p, to, s, len, leading_spaces(s, len));
}

void put_str(struct plain *p, struct buf *to, const char *s)
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
/* The first line of the paragraph that holds the current found place,
 * or `otherwise`. */
static size_t place_paragraph(const struct plain *p, const struct layout *l, size_t otherwise)
{
	struct nav_mark m;
	size_t line;
	for (size_t i = 0; nav_found_place(p->nav, i, &line, &m); i++) {
		if (!m.current)
			continue;
		size_t block = layout_line(l, line)->block;
		while (line > 0 && layout_line(l, line - 1)->block == block)
			line--;
		return line;
	}
	return otherwise;
}

static size_t article_start(struct plain *p, const struct layout *l)
{
	long article = nav_article(p->nav);
	size_t depth = nav_history_depth(p->nav);
	if (!p->from_top && !p->from_place && article == p->start_article &&
	    depth == p->start_depth)
		return p->start;
	size_t top = p->from_top ? 0 : nav_reader_top(p->nav);
	long h = layout_heading_at(l, top);
	p->start = h >= 0 ? layout_heading_line(l, (size_t)h) : 0;
	/* Stepping between found places starts at the place itself: the
	 * section around it was read already. */
	if (p->from_place)
		p->start = place_paragraph(p, l, p->start);
	p->from_place = false;
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

bool has_next_topic(const struct plain *p)
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
	p->first_link = p->nlinks + 1;
	for (size_t k = 0; k < p->nlinks; k++) {
		const struct layout_link *link = layout_link(l, p->links[k]);
		if (link->line < start)
			continue;
		if (p->first_link > p->nlinks)
			p->first_link = k + 1;
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

void entries_clear(struct plain *p)
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

void render_article(struct plain *p, struct buf *to)
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

void view_small(struct plain *p)
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
void view_tall(struct plain *p)
{
	nav_resize(p->nav, p->tall, p->width);
	while (!has_room(p) && p->tall < MAX_TALL_ROWS) {
		p->tall *= 4;
		nav_resize(p->nav, p->tall, p->width);
	}
}

static struct entry *add_entry(struct plain *p, const struct entry *e)
{
	ARRAY_GROW(p->entries, p->nentries, p->entries_cap);
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
	else if (strncmp(after, "- ", 2) == 0)
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
	for (size_t i = 0; i < plain_word_count; i++) {
		if (!word_works(p, &plain_words[i]))
			continue;
		buf_clear(&names);
		join_names(&plain_words[i], &names);
		help_entry(p, to, names.data, plain_words[i].help);
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
	bool brief_home;      /* the topics without the welcome read before */
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
	lw->brief_home = nav_screen(p->nav) == NAV_SCREEN_HOME && p->welcome_read;
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
	if (lw->brief_home) /* the welcome, read once a visit */
		return true;
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
void render_list(struct plain *p, struct buf *to)
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
	if (lw.brief_home)
		put_str(p, to, "Topics (an empty line reads the welcome again):");
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
	p->welcome_read |= nav_screen(p->nav) == NAV_SCREEN_HOME;
}
