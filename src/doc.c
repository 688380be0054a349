/* doc: libcmark glue. */
#include "skinguide/doc.h"

#include <string.h>

#include "skinguide/text.h"

cmark_node *doc_parse(const char *s, size_t n)
{
	cmark_node *doc = cmark_parse_document(s, n, DOC_OPTIONS);
	if (!doc)
		sg_oom();
	return doc;
}

void doc_plain_text(cmark_node *node, struct buf *out)
{
	cmark_iter *it = cmark_iter_new(node);
	if (!it)
		sg_oom();
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *cur = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(cur)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE: {
			const char *lit = cmark_node_get_literal(cur);
			text_sanitize(out, lit, strlen(lit), false);
			break;
		}
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			buf_putc(out, ' ');
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

bool doc_url_is_external(const char *url)
{
	size_t n = strspn(url, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");
	return (n > 0 && url[n] == ':') || strncmp(url, "//", 2) == 0;
}
