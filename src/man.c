/* man: roff output through cmark_render_man on a cleaned tree. */
#include "skinguide/man.h"

#include <stdlib.h>
#include <string.h>

#include "skinguide/buf.h"
#include "skinguide/doc.h"
#include "skinguide/text.h"

void man_escape(struct buf *out, const char *s)
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
		else if (c == '-')
			buf_puts(out, "\\-");
		else
			buf_putc(out, c);
	}
	buf_free(&clean);
}

static void put_escaped(FILE *out, const char *s)
{
	struct buf b = BUF_INIT;
	man_escape(&b, s);
	fputs(b.data ? b.data : "", out);
	buf_free(&b);
}

static void header(FILE *out, const char *name, const char *date, const char *version)
{
	fputs(".TH \"", out);
	put_escaped(out, name);
	fprintf(out, "\" 7 \"%s\" \"skinguide %s\" \"Patient guide\"\n", date, version);
}

static void push_node(cmark_node ***arr, size_t *n, size_t *cap, cmark_node *node)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		*arr = xreallocarray(*arr, *cap, sizeof **arr);
	}
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
	cmark_node *raw = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
	if (!raw)
		sg_oom();
	cmark_node_set_on_enter(raw, roff.data);
	cmark_node_set_on_exit(raw, "");
	cmark_node_insert_before(code, raw);
	cmark_node_free(code);
	buf_free(&roff);
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
 * turned into page names, ordered lists split. */
static void clean_tree(cmark_node *doc, struct guide *g)
{
	cmark_iter *it = cmark_iter_new(doc);
	if (!it)
		sg_oom();
	cmark_node **drop = NULL, **codes = NULL, **lists = NULL;
	size_t ndrop = 0, cap = 0, ncodes = 0, codes_cap = 0, nlists = 0, lists_cap = 0;
	struct buf b = BUF_INIT;
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		const char *lit = cmark_node_get_literal(n);
		if (lit) {
			buf_clear(&b);
			bool layout = cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK ||
				      cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK;
			text_sanitize(&b, lit, strlen(lit), layout);
			cmark_node_set_literal(n, b.data ? b.data : "");
		}
		if (cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK) {
			push_node(&codes, &ncodes, &codes_cap, n);
			continue;
		}
		if (is_ordered_list(n))
			push_node(&lists, &nlists, &lists_cap, n);
		if (cmark_node_get_type(n) != CMARK_NODE_LINK)
			continue;
		const char *url = cmark_node_get_url(n);
		size_t article;
		const char *frag;
		buf_clear(&b);
		switch (guide_resolve(g, url, &article, &frag)) {
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
	for (size_t i = 0; i < nlists; i++)
		split_ordered_list(lists[i]);
	free(drop);
	free(codes);
	free(lists);
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
 * bold reads as code everywhere. */
static void put_line(FILE *out, const char *p, size_t len)
{
	for (size_t i = 0; i < len;) {
		if (len - i >= 5 && strncmp(p + i, "\\f[C]", 5) == 0) {
			fputs("\\fB", out);
			i += 5;
		} else if (len - i >= 4 && strncmp(p + i, "\\f[]", 4) == 0) {
			fputs("\\fP", out);
			i += 4;
		} else {
			fputc(p[i++], out);
		}
	}
	fputc('\n', out);
}

/* Copy cmark's roff, leaving out the .PP that it puts straight after a
 * section heading (a paragraph break there does nothing, and lints). */
static void put_body(FILE *out, const char *body)
{
	int since_heading = 1; /* lines since .SH/.SS; DESCRIPTION comes first */
	for (const char *p = body; *p;) {
		size_t len = strcspn(p, "\n");
		bool heading = (len == 3 && (strncmp(p, ".SH", 3) == 0 || strncmp(p, ".SS", 3) == 0));
		bool skip = len == 3 && strncmp(p, ".PP", 3) == 0 &&
			    (since_heading == 1 || since_heading == 2);
		if (!skip)
			put_line(out, p, len);
		since_heading = heading ? 0 : since_heading + 1;
		p += len + (p[len] == '\n');
	}
}

/* Write `doc` as the page skinguide-ID(7) of the article `id` (an
 * article id: a-z, 0-9, '-' and '_') titled `title` (any text: it is
 * escaped), both borrowed.  `doc` is changed on the way (cleaned, headings
 * raised): give it a tree of its own, which the caller still frees.
 * Links to articles of `g` (borrowed) become page names.  man_article's
 * work once the file is read, kept apart so that the fuzz target can run
 * it without files.  Declared here rather than in man.h, which is not
 * this change's to edit; its callers outside declare it themselves. */
void man_page(FILE *out, cmark_node *doc, struct guide *g, const char *id,
	      const char *title, const char *date, const char *version);

void man_page(FILE *out, cmark_node *doc, struct guide *g, const char *id,
	      const char *title, const char *date, const char *version)
{
	clean_tree(doc, g);
	reshape(doc);
	char name[300];
	snprintf(name, sizeof name, "SKINGUIDE-%s", id);
	for (char *p = name; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	header(out, name, date, version);
	fprintf(out, ".SH NAME\nskinguide\\-%s \\- ", id);
	put_escaped(out, title);
	fputs("\n", out);
	char *body = cmark_render_man(doc, DOC_OPTIONS, 0);
	if (!body)
		sg_oom();
	/* cmark gives the summary as the first paragraph: head it. */
	fputs(".SH DESCRIPTION\n", out);
	put_body(out, body);
	free(body);
	fputs(".SH SEE ALSO\n.BR skinguide (7),\n.BR skinguide (1)\n", out);
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

void man_index(FILE *out, const struct guide *g, const char *date, const char *version)
{
	header(out, "SKINGUIDE", date, version);
	fputs(".SH NAME\nskinguide \\- ", out);
	put_escaped(out, guide_title(g));
	fputs("\n.SH DESCRIPTION\n", out);
	const char *w = guide_welcome(g);
	for (const char *p = w; *p;) {
		size_t len = strcspn(p, "\n");
		char *line = xstrndup(p, len);
		put_escaped(out, line);
		fputs("\n.PP\n", out);
		free(line);
		p += len + (p[len] == '\n');
	}
	fputs("Each topic is a page of its own:\n", out);
	for (size_t i = 0; i < guide_count(g); i++) {
		const struct article *a = guide_article(g, i);
		fprintf(out, ".TP\n.BR skinguide\\-%s (7)\n", a->id);
		fputs(".B ", out);
		put_escaped(out, a->title);
		fputs("\n.br\n", out);
		put_escaped(out, a->summary);
		fputc('\n', out);
	}
	fputs(".SH SEE ALSO\n.BR skinguide (1),\n.BR skinguide\\-content (5)\n", out);
}
