/* print: plain-text output of layouts and the article list. */
#include "skinguide/print.h"

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
