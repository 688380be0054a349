/* clinic: clinic.md's details, checked, and the clinic: links filled in. */
#include "skinguide/clinic.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "skinguide/buf.h"
#include "skinguide/doc.h"
#include "skinguide/outline.h"

/* A number with more digits than this is a slip (E.164 allows 15). */
#define MAX_PHONE_DIGITS 20
#define NO_BREAK_SPACE "\xc2\xa0"

struct clinic {
	char *value[CLINIC_FIELDS];
	int line[CLINIC_FIELDS]; /* where each was given, for "given twice" */
};

static const struct {
	const char *label;
	const char *key;
	bool phone;
} fields[CLINIC_FIELDS] = {
	[CLINIC_NAME] = {"Name", "name", false},
	[CLINIC_PHONE] = {"Daytime phone", "phone", true},
	[CLINIC_OUT_OF_HOURS] = {"Out of hours", "out-of-hours", true},
	[CLINIC_EMERGENCY] = {"Emergency number", "emergency", true},
};

const char *clinic_label(enum clinic_field f)
{
	return f < CLINIC_FIELDS ? fields[f].label : "";
}

const char *clinic_key(enum clinic_field f)
{
	return f < CLINIC_FIELDS ? fields[f].key : "";
}

const char *clinic_get(const struct clinic *c, enum clinic_field f)
{
	return c && f < CLINIC_FIELDS ? c->value[f] : NULL;
}

void clinic_free(struct clinic *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < CLINIC_FIELDS; i++)
		free(c->value[i]);
	free(c);
}



/* ---- reading clinic.md ------------------------------------------------- */

/* Digits, spaces and the marks people write in numbers; '+' only first. */
static bool is_phone(const char *s)
{
	size_t digits = 0;
	for (const char *p = s; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (*p == '+' ? p != s : !strchr(" ()-./", *p))
			return false;
	}
	return digits >= 2 && digits <= MAX_PHONE_DIGITS;
}

static enum clinic_field find_field(const char *label)
{
	for (size_t i = 0; i < CLINIC_FIELDS; i++)
		if (strcasecmp(label, fields[i].label) == 0)
			return (enum clinic_field)i;
	return CLINIC_FIELDS;
}

/* `s` without spaces at either end, as a new string. */
static char *trimmed(const char *s, size_t len)
{
	while (len > 0 && *s == ' ') {
		s++;
		len--;
	}
	while (len > 0 && s[len - 1] == ' ')
		len--;
	return xstrndup(s, len);
}

/* One "Field: value" line; the value is kept when nothing is wrong. */
static void read_line(struct clinic *c, const char *text, int line, struct diags *d)
{
	const char *colon = strchr(text, ':');
	if (!colon) {
		diags_add(d, line, true, "not a 'Field: value' line; write it like "
		     "'- Daytime phone: 01632 960123'");
		return;
	}
	char *label = trimmed(text, (size_t)(colon - text));
	char *value = trimmed(colon + 1, strlen(colon + 1));
	enum clinic_field f = find_field(label);
	if (f == CLINIC_FIELDS)
		diags_add(d, line, true, "unknown field '%s'; the fields are Name, Daytime phone, "
		     "Out of hours and Emergency number", label);
	else if (c->line[f])
		diags_add(d, line, true, "'%s' is given twice (first on line %d); keep one",
		     fields[f].label, c->line[f]);
	else if (!*value)
		diags_add(d, line, true, "'%s' has no value; fill it in or delete the line",
		     fields[f].label);
	else if (fields[f].phone && !is_phone(value))
		diags_add(d, line, true, "'%s' is not a phone number; write only digits, spaces "
		     "and + ( ) - . / such as '01632 960123'", value);
	if (f != CLINIC_FIELDS && !c->line[f]) {
		c->line[f] = line;
		if (*value && (!fields[f].phone || is_phone(value))) {
			c->value[f] = value;
			value = NULL;
		}
	}
	free(label);
	free(value);
}

static void read_list(struct clinic *c, cmark_node *list, struct diags *d)
{
	struct buf text = BUF_INIT;
	for (cmark_node *item = cmark_node_first_child(list); item;
	     item = cmark_node_next(item)) {
		cmark_node *para = cmark_node_first_child(item);
		int line = cmark_node_get_start_line(item);
		if (!para || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH ||
		    cmark_node_next(para)) {
			diags_add(d, line, true, "one 'Field: value' on each line of the list, "
			     "nothing else");
			continue;
		}
		buf_clear(&text);
		doc_plain_text(para, &text);
		read_line(c, buf_str(&text), line, d);
	}
	buf_free(&text);
}

struct clinic *clinic_parse(const char *src, size_t n, struct diags *d)
{
	struct clinic *c = xcalloc(1, sizeof *c);
	cmark_node *doc = doc_parse(src, n);
	bool list = false, shown = false;
	for (cmark_node *b = cmark_node_first_child(doc); b; b = cmark_node_next(b)) {
		cmark_node_type t = cmark_node_get_type(b);
		if (t == CMARK_NODE_HTML_BLOCK && !outline_counts(b))
			continue; /* an editor's note */
		/* A title first, for editors: never shown. */
		bool title = t == CMARK_NODE_HEADING && cmark_node_get_heading_level(b) == 1 &&
			     !shown;
		if (t == CMARK_NODE_LIST && !list) {
			read_list(c, b, d);
			list = true;
		} else if (!title) {
			diags_add(d, cmark_node_get_start_line(b), true, "only a '#' title and one "
			     "list of 'Field: value' lines belong in clinic.md; remove this");
		}
		shown = true;
	}
	if (!list)
		diags_add(d, 1, false, "no details; add a list with lines such as "
		     "'- Daytime phone: 01632 960123', or delete the file");
	cmark_node_free(doc);
	return c;
}

/* ---- clinic: links ----------------------------------------------------- */

bool clinic_is_link(const char *url, enum clinic_field *field)
{
	size_t len = strlen(CLINIC_SCHEME);
	if (strncasecmp(url, CLINIC_SCHEME, len) != 0)
		return false;
	*field = CLINIC_FIELDS;
	for (size_t i = 0; i < CLINIC_FIELDS; i++)
		if (strcmp(url + len, fields[i].key) == 0)
			*field = (enum clinic_field)i;
	return true;
}

static cmark_node *text_node(const char *s)
{
	cmark_node *t = cmark_node_new(CMARK_NODE_TEXT);
	if (!t || !cmark_node_set_literal(t, s))
		sg_oom();
	return t;
}

/* Put the link's children in its place, and drop it. */
static void unwrap(cmark_node *link)
{
	cmark_node *child;
	while ((child = cmark_node_first_child(link)) != NULL)
		cmark_node_insert_before(link, child);
	cmark_node_free(link);
}

/* The words, then the number in brackets; the name instead of the words. */
static void fill_link(const struct clinic *c, cmark_node *link, enum clinic_field f)
{
	const char *value = clinic_get(c, f);
	if (!value) {
		unwrap(link);
		return;
	}
	struct buf b = BUF_INIT;
	if (f == CLINIC_NAME) {
		cmark_node *child;
		while ((child = cmark_node_first_child(link)) != NULL)
			cmark_node_free(child);
		buf_puts(&b, value);
	} else {
		bool words = cmark_node_first_child(link) != NULL;
		buf_puts(&b, words ? " (" : "");
		for (const char *p = value; *p; p++)
			buf_puts(&b, *p == ' ' ? NO_BREAK_SPACE : (char[2]){*p, '\0'});
		buf_puts(&b, words ? ")" : "");
	}
	cmark_node_append_child(link, text_node(b.data));
	buf_free(&b);
	unwrap(link);
}

void clinic_apply(const struct clinic *c, cmark_node *doc)
{
	cmark_node **links = NULL;
	size_t count = 0, cap = 0;
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	enum clinic_field f;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_LINK ||
		    !clinic_is_link(cmark_node_get_url(n), &f))
			continue;
		ARRAY_GROW(links, count, cap);
		links[count++] = n;
	}
	cmark_iter_free(it);
	/* Changed after the walk: the iterator must not see a freed node. */
	for (size_t i = 0; i < count; i++) {
		clinic_is_link(cmark_node_get_url(links[i]), &f);
		fill_link(c, links[i], f);
	}
	free(links);
}
