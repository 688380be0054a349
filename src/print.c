/* print: plain-text output of layouts and the article list. */
#include "skinguide/print.h"

#include <stdlib.h>
#include <string.h>

#include "skinguide/text.h"

void print_layout(FILE *out, const struct layout *l)
{
	for (size_t i = 0; i < layout_line_count(l); i++) {
		const struct layout_line *ln = layout_line(l, i);
		size_t len = ln->len;
		/* Boxes pad with spaces: trailing blanks help nobody in a file. */
		while (len > 0 && ln->text[len - 1] == ' ')
			len--;
		fwrite(ln->text, 1, len, out);
		fputc('\n', out);
	}
}

bool print_article(FILE *out, struct guide *g, size_t i, size_t width, bool ascii,
		   struct sg_error *err)
{
	cmark_node *doc = guide_document(g, i, err);
	if (!doc)
		return false;
	struct layout_opts opts = {.width = width, .ascii = ascii, .show_urls = true};
	struct layout *l = layout_new(doc, &opts);
	print_layout(out, l);
	layout_free(l);
	return true;
}

void print_list(FILE *out, const struct guide *g, bool ascii)
{
	struct buf line = BUF_INIT, plain = BUF_INIT;
	for (size_t i = 0; i < guide_count(g); i++) {
		const struct article *a = guide_article(g, i);
		buf_clear(&line);
		buf_printf(&line, "%s\t%s\t%s\n", a->id, a->title, a->summary);
		if (ascii) {
			buf_clear(&plain);
			text_to_ascii(&plain, line.data, line.len);
		}
		fputs(ascii ? plain.data : line.data, out);
	}
	buf_free(&line);
	buf_free(&plain);
}

/* Narrower than this, a column of text beside the ids reads badly: the
 * ids go on lines of their own. */
#define LIST_MIN_TEXT 20
#define LIST_GAP 2

/* `s` as the terminal will show it: ASCII in a locale without UTF-8. */
static void shown(struct buf *out, const char *s, bool ascii)
{
	buf_clear(out);
	if (ascii)
		text_to_ascii(out, s, strlen(s));
	else
		buf_puts(out, s);
}

/* Write `s` wrapped at `width`, every line but the first indented by
 * `indent` columns (the first follows what is already on the line). */
static void put_wrapped(FILE *out, const char *s, size_t indent, size_t width)
{
	struct text_line *lines;
	size_t n = text_wrap(s, strlen(s), width, &lines);
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			fprintf(out, "%*s", (int)indent, "");
		fwrite(s + lines[i].start, 1, lines[i].end - lines[i].start, out);
		fputc('\n', out);
	}
	free(lines);
}

void print_indented(FILE *out, const char *text, size_t indent, size_t width)
{
	fprintf(out, "%*s", (int)indent, "");
	put_wrapped(out, text, indent, width > indent + 10 ? width - indent : 10);
}

struct list_widths {
	size_t id, title, summary; /* the widest of each */
};

static struct list_widths list_measure(const struct guide *g, bool ascii)
{
	struct list_widths w = {0, 0, 0};
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < guide_count(g); i++) {
		const struct article *a = guide_article(g, i);
		size_t id = strlen(a->id); /* ids are ASCII */
		shown(&b, a->title, ascii);
		size_t title = text_width(b.data, b.len);
		shown(&b, a->summary, ascii);
		size_t summary = text_width(b.data, b.len);
		w.id = id > w.id ? id : w.id;
		w.title = title > w.title ? title : w.title;
		w.summary = summary > w.summary ? summary : w.summary;
	}
	buf_free(&b);
	return w;
}

/* One article: its id in the first column; title and summary side by
 * side when the width allows, else the summary wrapped under the title. */
static void list_entry(FILE *out, const struct article *a, const struct list_widths *w,
		       size_t width, bool ascii, struct buf *b)
{
	bool own_line = w->id + LIST_GAP + LIST_MIN_TEXT > width;
	size_t indent = own_line ? LIST_GAP : w->id + LIST_GAP;
	size_t text = width - indent;
	bool one_line = w->id + w->title + w->summary + 2 * LIST_GAP <= width;
	if (own_line)
		fprintf(out, "%s\n%*s", a->id, (int)indent, "");
	else
		fprintf(out, "%-*s", (int)indent, a->id);
	shown(b, a->title, ascii);
	if (one_line) {
		size_t pad = w->title + LIST_GAP - text_width(b->data, b->len);
		fputs(b->data, out);
		shown(b, a->summary, ascii);
		if (b->len) /* no blanks at the end of a line */
			fprintf(out, "%*s%s", (int)pad, "", b->data);
		fputc('\n', out);
		return;
	}
	put_wrapped(out, b->data, indent, text);
	shown(b, a->summary, ascii);
	if (b->len == 0)
		return;
	fprintf(out, "%*s", (int)indent, "");
	put_wrapped(out, b->data, indent, text);
}

void print_list_columns(FILE *out, const struct guide *g, size_t width, bool ascii)
{
	struct list_widths w = list_measure(g, ascii);
	struct buf b = BUF_INIT;
	if (width < LIST_MIN_TEXT + LIST_GAP)
		width = LIST_MIN_TEXT + LIST_GAP;
	for (size_t i = 0; i < guide_count(g); i++)
		list_entry(out, guide_article(g, i), &w, width, ascii, &b);
	buf_free(&b);
}
