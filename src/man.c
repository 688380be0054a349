/* man: roff output through cmark_render_man on a cleaned tree. */
#include "skinguide/man.h"

#include <stdlib.h>
#include <string.h>

#include "skinguide/buf.h"
#include "skinguide/clinic.h"
#include "skinguide/doc.h"
#include "skinguide/text.h"

/* Source lines of text stay under mandoc's 80 bytes; an escape or a
 * UTF-8 character is several bytes for one column. */
#define MAN_SOURCE_WIDTH 72
/* The longest .TH title that, with "(7)" on both sides of "Patient
 * guide", fits an 80-column header with gaps (groff overprints). */
#define MAN_TITLE_MAX 28

/* cmark writes every '-' as "\-", a minus sign, right for what is typed
 * (names, addresses, code) but not inside a word of prose: those are
 * marked with a private-use character, which put_line() turns back. */
#define HYPHEN_MARK "\xee\x80\x80" /* U+E000 */

static bool is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* A hyphen inside a word of prose ("single-use") is a hyphen; one that
 * starts a word, or any in a name or a command, is typed: "\-". */
static bool plain_hyphen(const char *s, size_t i, size_t n, bool prose)
{
	return prose && i > 0 && i + 1 < n && is_alnum(s[i - 1]) && is_alnum(s[i + 1]);
}

static void escape(struct buf *out, const char *s, bool prose)
{
	struct buf clean = BUF_INIT;
	text_sanitize(&clean, s, strlen(s), false);
	for (size_t i = 0; i < clean.len; i++) {
		char c = clean.data[i];
		if (i == 0 && (c == '.' || c == '\''))
			buf_puts(out, "\\&");
		if (c == '\\')
			buf_puts(out, "\\e");
		else if (c == '"')
			buf_puts(out, "\\(dq");
		else if (c == '-' && !plain_hyphen(clean.data, i, clean.len, prose))
			buf_puts(out, "\\-");
		else
			buf_putc(out, c);
	}
	buf_free(&clean);
}

void man_escape(struct buf *out, const char *s)
{
	escape(out, s, false);
}

static void put_escaped(FILE *out, const char *s)
{
	struct buf b = BUF_INIT;
	man_escape(&b, s);
	fputs(b.data ? b.data : "", out);
	buf_free(&b);
}

/* Prose on one line of its own, as NAME's description must be. */
static void put_prose_line(FILE *out, const char *s)
{
	struct buf b = BUF_INIT;
	escape(&b, s, true);
	fprintf(out, "%s\n", buf_str(&b));
	buf_free(&b);
}

/* The page's header.  Prose pages are set ragged-right and without
 * hyphenation: justified text opens wide gaps in short lines. */
static void header(FILE *out, const char *name, const char *date, const char *version)
{
	fputs(".TH \"", out);
	put_escaped(out, name);
	fprintf(out, "\" 7 \"%s\" \"skinguide %s\" \"Patient guide\"\n.ad l\n.nh\n", date,
		version);
}

static void push_node(cmark_node ***arr, size_t *n, size_t *cap, cmark_node *node)
{
	ARRAY_GROW(*arr, *n, *cap);
	(*arr)[(*n)++] = node;
}

/* Replace a node by its children: the words of an in-page link stay, the
 * link goes (a man page cannot jump). */
static void unwrap(cmark_node *node)
{
	cmark_node *child;
	while ((child = cmark_node_first_child(node)) != NULL)
		cmark_node_insert_before(node, child);
	cmark_node_free(node);
}

/* Mark the hyphens inside words of the prose in `b`; a word with '/' or
 * '@' in it is an address, typed as it is. */
static void mark_hyphens(struct buf *b)
{
	struct buf marked = BUF_INIT;
	size_t end = 0;       /* end of the current word */
	bool address = false; /* the current word is an address */
	for (size_t i = 0; i < b->len; i++) {
		if (i == end || b->data[i] == ' ') { /* a word starts: look at it once */
			size_t word = b->data[i] == ' ' ? i + 1 : i;
			end = word + strcspn(b->data + word, " ");
			address = memchr(b->data + word, '/', end - word) ||
				  memchr(b->data + word, '@', end - word);
		}
		if (b->data[i] == '-' && !address && plain_hyphen(b->data, i, b->len, true))
			buf_puts(&marked, HYPHEN_MARK);
		else
			buf_putc(&marked, b->data[i]);
	}
	buf_clear(b);
	buf_append(b, buf_str(&marked), marked.len);
	buf_free(&marked);
}

/* Raw roff of our own, written as it is. */
static cmark_node *raw_node(cmark_node_type type, const char *roff)
{
	cmark_node *raw = cmark_node_new(type);
	if (!raw || !cmark_node_set_on_enter(raw, roff) || !cmark_node_set_on_exit(raw, ""))
		sg_oom();
	return raw;
}

/* cmark defuses a leading '.' or '\'' only on a code block's first line,
 * so a later line could be a roff request (".so /etc/passwd").  The block
 * becomes raw roff of our own, every line escaped. */
static void replace_code_block(cmark_node *code)
{
	struct buf roff = BUF_INIT;
	const char *lit = cmark_node_get_literal(code);
	buf_puts(&roff, ".IP\n.nf\n\\fB\n");
	for (const char *p = lit ? lit : ""; *p;) {
		size_t len = strcspn(p, "\n");
		char *line = xstrndup(p, len);
		man_escape(&roff, line);
		buf_putc(&roff, '\n');
		free(line);
		p += len + (p[len] == '\n');
	}
	buf_puts(&roff, "\\fP\n.fi");
	cmark_node_insert_before(code, raw_node(CMARK_NODE_CUSTOM_BLOCK, roff.data));
	cmark_node_free(code);
	buf_free(&roff);
}

/* cmark writes a hard line break as ".PD 0" glued to the text before it,
 * where roff prints it; a break of our own starts a line. */
static void replace_line_break(cmark_node *br)
{
	cmark_node_insert_before(br, raw_node(CMARK_NODE_CUSTOM_INLINE, "\n.br\n"));
	cmark_node_free(br);
}

/* cmark sets each list item as a paragraph of its own (.IP): in a tight
 * list, no space goes between items, nor before a list nested in one
 * (".PD 0" after an item's words, and again after its nested blocks, which
 * end with a ".PD" of their own); the usual space comes back after it. */
static void tighten_list(cmark_node *list)
{
	bool changed = false;
	for (cmark_node *item = cmark_node_first_child(list); item;
	     item = cmark_node_next(item)) {
		cmark_node *words = cmark_node_first_child(item);
		bool more = words && cmark_node_next(words);
		bool last = !cmark_node_next(item);
		if (!words || cmark_node_get_type(words) != CMARK_NODE_PARAGRAPH)
			continue;
		if (more || !last)
			cmark_node_append_child(words, raw_node(CMARK_NODE_CUSTOM_INLINE,
								"\n.PD 0"));
		if (more && !last)
			cmark_node_append_child(item, raw_node(CMARK_NODE_CUSTOM_BLOCK, ".PD 0"));
		changed = changed || more || !last;
	}
	if (changed)
		cmark_node_insert_after(list, raw_node(CMARK_NODE_CUSTOM_BLOCK, ".PD"));
}

/* cmark numbers an item of an ordered list by counting the items before
 * it, so a list of n items costs n*n/2 steps (50,000 items: 4 s).  Lists
 * of one item each, every one starting at its item's number, render the
 * same page: cmark writes nothing for a list itself. */
static void split_ordered_list(cmark_node *list)
{
	int number = cmark_node_get_list_start(list);
	cmark_node *item;
	while ((item = cmark_node_first_child(list)) != NULL && cmark_node_next(item)) {
		cmark_node *one = cmark_node_new(CMARK_NODE_LIST);
		if (!one)
			sg_oom();
		cmark_node_set_list_type(one, CMARK_ORDERED_LIST);
		cmark_node_set_list_delim(one, cmark_node_get_list_delim(list));
		cmark_node_set_list_tight(one, cmark_node_get_list_tight(list));
		cmark_node_set_list_start(one, number++);
		cmark_node_insert_before(list, one);
		cmark_node_append_child(one, item);
	}
	cmark_node_set_list_start(list, number);
}

static bool is_ordered_list(cmark_node *n)
{
	return cmark_node_get_type(n) == CMARK_NODE_LIST &&
	       cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
}

/* Make the tree safe and fit for a man page: control characters out of
 * every literal, code blocks escaped line by line, links to articles
 * turned into page names, line breaks and tight lists made to work,
 * ordered lists split. */
static void clean_tree(cmark_node *doc, struct guide *g)
{
	cmark_iter *it = cmark_iter_new(doc);
	if (!it)
		sg_oom();
	cmark_node **drop = NULL, **codes = NULL, **breaks = NULL, **lists = NULL;
	cmark_node **ordered = NULL;
	size_t ndrop = 0, cap = 0, ncodes = 0, codes_cap = 0;
	size_t nbreaks = 0, breaks_cap = 0, nlists = 0, lists_cap = 0;
	size_t nordered = 0, ordered_cap = 0;
	struct buf b = BUF_INIT;
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (cmark_node_get_type(n) == CMARK_NODE_LINEBREAK)
			push_node(&breaks, &nbreaks, &breaks_cap, n);
		if (cmark_node_get_type(n) == CMARK_NODE_LIST && cmark_node_get_list_tight(n))
			push_node(&lists, &nlists, &lists_cap, n);
		if (is_ordered_list(n))
			push_node(&ordered, &nordered, &ordered_cap, n);
		const char *lit = cmark_node_get_literal(n);
		if (lit) {
			buf_clear(&b);
			bool layout = cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK ||
				      cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK;
			text_sanitize(&b, lit, strlen(lit), layout);
			if (cmark_node_get_type(n) == CMARK_NODE_TEXT)
				mark_hyphens(&b);
			cmark_node_set_literal(n, b.data ? b.data : "");
		}
		if (cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK) {
			push_node(&codes, &ncodes, &codes_cap, n);
			continue;
		}
		if (cmark_node_get_type(n) != CMARK_NODE_LINK)
			continue;
		const char *url = cmark_node_get_url(n);
		size_t article;
		const char *frag;
		buf_clear(&b);
		switch (g ? guide_resolve(g, url, &article, &frag)
			  : doc_url_is_external(url) ? GUIDE_LINK_EXTERNAL : GUIDE_LINK_BROKEN) {
		case GUIDE_LINK_ARTICLE:
			buf_printf(&b, "skinguide-%s(7)", guide_article(g, article)->id);
			break;
		case GUIDE_LINK_EXTERNAL:
			text_sanitize(&b, url, strlen(url), false);
			break;
		default:
			push_node(&drop, &ndrop, &cap, n);
			continue;
		}
		cmark_node_set_url(n, b.data ? b.data : "");
	}
	cmark_iter_free(it);
	for (size_t i = 0; i < ndrop; i++)
		unwrap(drop[i]);
	for (size_t i = 0; i < ncodes; i++)
		replace_code_block(codes[i]);
	for (size_t i = 0; i < nbreaks; i++)
		replace_line_break(breaks[i]);
	for (size_t i = 0; i < nlists; i++)
		tighten_list(lists[i]);
	/* After tightening: the split lists keep their items' spacing. */
	for (size_t i = 0; i < nordered; i++)
		split_ordered_list(ordered[i]);
	free(drop);
	free(codes);
	free(breaks);
	free(lists);
	free(ordered);
	buf_free(&b);
}

/* The title becomes NAME, the summary DESCRIPTION, and every heading one
 * level up, so that "##" sections are .SH in the page. */
static void reshape(cmark_node *doc)
{
	cmark_node *title = NULL;
	for (cmark_node *n = cmark_node_first_child(doc); n; n = cmark_node_next(n))
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING &&
		    cmark_node_get_heading_level(n) == 1) {
			title = n;
			break;
		}
	if (title)
		cmark_node_free(title);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_HEADING) {
			int level = cmark_node_get_heading_level(n);
			cmark_node_set_heading_level(n, level > 1 ? level - 1 : 1);
		}
	}
	cmark_iter_free(it);
}

/* cmark's code font is groff's \f[C], which other formatters reject;
 * bold reads as code everywhere.  A hyphen marked in the prose goes out
 * as a hyphen. */
static void put_line(FILE *out, const char *p, size_t len)
{
	size_t mark = strlen(HYPHEN_MARK);
	for (size_t i = 0; i < len;) {
		if (len - i >= 5 && strncmp(p + i, "\\f[C]", 5) == 0) {
			fputs("\\fB", out);
			i += 5;
		} else if (len - i >= 4 && strncmp(p + i, "\\f[]", 4) == 0) {
			fputs("\\fP", out);
			i += 4;
		} else if (len - i >= mark && strncmp(p + i, HYPHEN_MARK, mark) == 0) {
			fputc('-', out);
			i += mark;
		} else {
			fputc(p[i++], out);
		}
	}
	fputc('\n', out);
}

/* Bytes of the roff escape sequence that starts at `s` ("\\e", "\\(dq",
 * "\\[bu]", "\\fB", "\\f[C]"). */
static size_t escape_len(const char *s, size_t n)
{
	if (n < 2)
		return n;
	char c = s[1];
	if (c == '(')
		return n < 4 ? n : 4;
	if (c == '[' || ((c == 'f' || c == '*') && n > 2 && s[2] == '[')) {
		const char *end = memchr(s, ']', n);
		return end ? (size_t)(end - s) + 1 : n;
	}
	if (c == 'f' || c == '*')
		return n < 3 ? n : 3;
	return 2;
}

/* Bytes of the UTF-8 character at `p`. */
static size_t char_len(const char *p, size_t n)
{
	size_t k = 1;
	while (k < n && ((unsigned char)p[k] & 0xC0) == 0x80)
		k++;
	return k;
}

/* Where a long word may be cut, at most `limit` bytes in: never inside
 * an escape sequence or a UTF-8 character.  0 when nowhere. */
static size_t word_cut(const char *p, size_t len, size_t limit)
{
	size_t i = 0;
	while (i < len) {
		size_t step = p[i] == '\\' ? escape_len(p + i, len - i) : char_len(p + i, len - i);
		if (i + step > limit)
			break;
		i += step;
	}
	return i;
}

/* One text line of roff as source lines of at most MAN_SOURCE_WIDTH
 * bytes (mandoc's style rule is 80).  In `fill` mode a line breaks at a
 * space, which a newline is to roff; a word too long for a line, and any
 * line set as typed, is cut with "\\c", which joins two lines with no
 * space.  A piece that would start with '.' or '\'' is defused: cut
 * elsewhere, it would be a request. */
static void put_text_line(FILE *out, const char *p, size_t len, bool fill)
{
	struct buf piece = BUF_INIT;
	while (len > 0) {
		size_t cut = len, next = len;
		bool join = false;
		if (len > MAN_SOURCE_WIDTH) {
			cut = fill ? MAN_SOURCE_WIDTH : 0;
			while (cut > 0 && p[cut] != ' ')
				cut--;
			if (cut > 0) {
				next = cut + strspn(p + cut, " ");
			} else {
				cut = word_cut(p, len, MAN_SOURCE_WIDTH - 2);
				cut = cut ? cut : len;
				next = cut;
				join = cut < len;
			}
		}
		buf_clear(&piece);
		if (*p == '.' || *p == '\'')
			buf_puts(&piece, "\\&");
		buf_append(&piece, p, cut);
		if (join)
			buf_puts(&piece, "\\c");
		put_line(out, piece.data, piece.len);
		p += next;
		len -= next;
	}
	buf_free(&piece);
}

/* Copy cmark's roff, leaving out the .PP that it puts straight after a
 * section heading (a paragraph break there does nothing, and lints). */
static void put_body(FILE *out, const char *body)
{
	int since_heading = 1; /* lines since .SH/.SS; DESCRIPTION comes first */
	bool fill = true;
	for (const char *p = body; *p;) {
		size_t len = strcspn(p, "\n");
		bool heading = (len == 3 && (strncmp(p, ".SH", 3) == 0 || strncmp(p, ".SS", 3) == 0));
		bool skip = len == 3 && strncmp(p, ".PP", 3) == 0 &&
			    (since_heading == 1 || since_heading == 2);
		if (len == 3 && (strncmp(p, ".nf", 3) == 0 || strncmp(p, ".fi", 3) == 0))
			fill = p[1] == 'f'; /* a code block is set as typed */
		if (!skip && *p == '.')
			put_line(out, p, len);
		else if (!skip)
			put_text_line(out, p, len, fill);
		since_heading = heading ? 0 : since_heading + 1;
		p += len + (p[len] == '\n');
	}
}

/* The page's title: its name in capitals, or only the id's when the name
 * is too long for the header. */
static void page_title(char *title, size_t size, const char *id)
{
	if (strlen("SKINGUIDE-") + strlen(id) <= MAN_TITLE_MAX)
		snprintf(title, size, "SKINGUIDE-%s", id);
	else
		snprintf(title, size, "%.*s", MAN_TITLE_MAX, id);
	for (char *p = title; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
}

void man_page(FILE *out, cmark_node *doc, struct guide *g, const char *id,
	      const char *title_text, const char *date, const char *version)
{
	clinic_apply(g ? guide_clinic(g) : NULL, doc);
	/* The page is as new as the article's last review, when it says. */
	struct buf reviewed = BUF_INIT;
	int y, m, d;
	if (guide_review(doc, &reviewed) && guide_parse_date(buf_str(&reviewed), &y, &m, &d))
		date = buf_str(&reviewed);
	clean_tree(doc, g);
	reshape(doc);
	char title[MAN_TITLE_MAX + 1];
	page_title(title, sizeof title, id);
	header(out, title, date, version);
	fputs(".SH NAME\nskinguide\\-", out);
	put_escaped(out, id);
	fputs(" \\- ", out);
	put_prose_line(out, title_text);
	char *body = cmark_render_man(doc, DOC_OPTIONS, 0);
	if (!body)
		sg_oom();
	/* cmark gives the summary as the first paragraph: head it. */
	fputs(".SH DESCRIPTION\n", out);
	put_body(out, body);
	free(body);
	fputs(".SH SEE ALSO\n.BR skinguide (7),\n.BR skinguide (1)\n", out);
	buf_free(&reviewed);
}

bool man_article(FILE *out, struct guide *g, size_t i, const char *date,
		 const char *version, struct sg_error *err)
{
	struct buf src = BUF_INIT;
	const struct article *a = guide_article(g, i);
	if (!guide_read_file(a->path, &src, err)) {
		buf_free(&src);
		return false;
	}
	/* A tree of its own: the cached one must not be reshaped. */
	cmark_node *doc = doc_parse(src.data ? src.data : "", src.len);
	buf_free(&src);
	man_page(out, doc, g, a->id, a->title, date, version);
	cmark_node_free(doc);
	return true;
}

/* Prose of our own (titles, summaries, welcome lines) as text lines. */
static void put_prose(FILE *out, const char *s)
{
	struct buf b = BUF_INIT;
	escape(&b, s, true);
	put_text_line(out, buf_str(&b), b.len, true);
	buf_free(&b);
}

void man_index(FILE *out, const struct guide *g, const char *date, const char *version)
{
	header(out, "SKINGUIDE", date, version);
	fputs(".SH NAME\nskinguide \\- ", out);
	put_prose_line(out, guide_title(g));
	fputs(".SH DESCRIPTION\n", out);
	const char *w = guide_welcome(g);
	for (const char *p = w; *p;) {
		size_t len = strcspn(p, "\n");
		char *line = xstrndup(p, len);
		put_prose(out, line);
		fputs(".PP\n", out);
		free(line);
		p += len + (p[len] == '\n');
	}
	fputs("Each topic is a page of its own:\n", out);
	for (size_t i = 0; i < guide_count(g); i++) {
		const struct article *a = guide_article(g, i);
		fputs(".TP\n.BR skinguide\\-", out);
		put_escaped(out, a->id);
		fputs(" (7)\n.B ", out);
		put_prose_line(out, a->title);
		fputs(".br\n", out);
		put_prose(out, a->summary);
	}
	fputs(".SH SEE ALSO\n.BR skinguide (1),\n.BR skinguide\\-content (5)\n", out);
}
