/* nav_search: searching the guide, and finding words in a topic.
 *
 * The search screen is a small document built with libcmark's node API
 * (the words typed, what was found, a list of sections), laid out like a
 * topic; each result is an item.  Results change with every key.  Opening
 * one opens its topic at its section with the words highlighted, and n and
 * N step through them.  `/` in a topic finds words in that topic only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "skinguide/content.h"
#include "nav_private.h"

/* Results shown at most on the screen. */
#define SHOWN_HITS 30

void search_visit_free(struct search_visit *s)
{
	buf_free(&s->query);
	search_results_free(s->results);
	view_free(&s->view);
	memset(s, 0, sizeof *s);
	s->view.focus = -1;
}

void found_free(struct found *f)
{
	search_matcher_free(f->matcher);
	free(f->matches);
	memset(f, 0, sizeof *f);
	f->current = -1;
}

/* ---- typed text ----------------------------------------------------------- */

/* Add the character `cp` to `b`: control characters and what would pass
 * SEARCH_QUERY_MAX are left out. */
static bool type_into(struct buf *b, long cp)
{
	uint8_t out[6];
	if (cp < 0x20 || cp > 0x10FFFF || text_is_control((uint32_t)cp))
		return false;
	int n = u8_uctomb(out, (ucs4_t)cp, sizeof out);
	if (n <= 0 || b->len + (size_t)n > SEARCH_QUERY_MAX)
		return false;
	buf_append(b, (const char *)out, (size_t)n);
	return true;
}

/* Take the last character off `b`; false when it was empty. */
static bool erase_from(struct buf *b)
{
	if (!b->len)
		return false;
	do
		b->len--;
	while (b->len && ((unsigned char)b->data[b->len] & 0xC0) == 0x80);
	b->data[b->len] = '\0';
	return true;
}

/* ---- the engine ------------------------------------------------------------ */

static bool engine(struct nav *n)
{
	if (n->search)
		return true;
	struct sg_error err;
	n->search = search_new(n->guide, NULL, &err);
	if (!n->search) {
		nav_say(n, "Sorry, search is not available right now. Please tell the staff.");
		return false;
	}
	/* A large guide is indexed in the background. */
	n->indexing = search_start(n->search);
	return true;
}

static void run(struct nav *n)
{
	struct search_visit *s = &n->v->search;
	search_results_free(s->results);
	s->results = s->query.len && n->search
		? search_query(n->search, s->query.data, s->query.len) : NULL;
}

/* ---- the screen as a document -------------------------------------------- */

static cmark_node *add(cmark_node *parent, cmark_node_type type)
{
	return view_add(parent, type);
}

static void add_text(cmark_node *parent, const char *s, size_t len)
{
	view_add_text(parent, s, len);
}

static void add_str(cmark_node *parent, const char *s)
{
	add_text(parent, s, strlen(s));
}

/* The snippet, its matched words in bold. */
static void add_snippet(cmark_node *p, const struct search_hit *h)
{
	size_t at = 0;
	for (size_t i = 0; i < h->nmarks; i++) {
		const struct search_mark *m = &h->marks[i];
		if (m->start < at || m->end > h->snippet_len)
			continue;
		if (m->start > at)
			add_text(p, h->snippet + at, m->start - at);
		add_text(add(p, CMARK_NODE_STRONG), h->snippet + m->start, m->end - m->start);
		at = m->end;
	}
	if (at < h->snippet_len)
		add_text(p, h->snippet + at, h->snippet_len - at);
}


static void status_text(const struct nav *n, char *out, size_t size)
{
	const struct search_visit *s = &n->v->search;
	const struct search_results *r = s->results;
	size_t shown = r && r->count < SHOWN_HITS ? r->count : SHOWN_HITS;
	size_t indexed = 0, total = 0;
	int k = 0;
	if (n->indexing && !search_progress(n->search, &indexed, &total))
		k = snprintf(out, size, "Indexing %zu of %zu topics%s. ", indexed, total,
			     s->query.len ? ": results so far" : "");
	if (k < 0 || (size_t)k >= size)
		return;
	out += k;
	size -= (size_t)k;
	size_t nwords;
	const char *const *words = search_suggestions(n->search, &nwords);
	if (!s->query.len && n->cfg.suggest && nwords)
		snprintf(out, size, "Type a word, or choose one of these. Results show as "
			 "you type.");
	else if (!s->query.len && nwords > 1)
		snprintf(out, size, "Type a word, such as %s or %s. Results show as you type.",
			 words[0], words[1]);
	else if (!s->query.len)
		snprintf(out, size, "Type a word. Results show as you type.");
	else if (!r || !r->count)
		snprintf(out, size, "Nothing matches these words. Try another word, or "
			 "choose from the list of topics.");
	else if (r->corrected)
		snprintf(out, size, "Showing results for \"%s\".", r->corrected);
	else
		snprintf(out, size, "%zu result%s, best first.", shown, shown == 1 ? "" : "s");
}

/* The words typed, what was found, and one item a result. */
static void build(struct nav *n)
{
	struct search_visit *s = &n->v->search;
	const struct search_results *r = s->results;
	cmark_node *doc = cmark_node_new(CMARK_NODE_DOCUMENT), *items[SHOWN_HITS];
	if (!doc)
		sg_oom();
	cmark_node *p = add(doc, CMARK_NODE_PARAGRAPH);
	add_str(add(p, CMARK_NODE_STRONG), "Search: ");
	add_str(p, buf_str(&s->query));
	char status[256];
	status_text(n, status, sizeof status);
	add_str(add(doc, CMARK_NODE_PARAGRAPH), status);
	size_t count = r ? (r->count < SHOWN_HITS ? r->count : SHOWN_HITS) : 0;
	size_t nwords;
	const char *const *words = search_suggestions(n->search, &nwords);
	/* Words to search for without a keyboard (synonyms.md's Suggest
	 * line): a finger chooses one, and the results show as if typed. */
	if (!s->query.len && n->cfg.suggest && nwords) {
		count = nwords < SHOWN_HITS ? nwords : SHOWN_HITS;
		cmark_node *list = add(doc, CMARK_NODE_LIST);
		cmark_node_set_list_tight(list, 1);
		for (size_t i = 0; i < count; i++) {
			items[i] = add(add(list, CMARK_NODE_ITEM), CMARK_NODE_PARAGRAPH);
			add_str(add(items[i], CMARK_NODE_STRONG), words[i]);
		}
		view_show_doc(n, &s->view, doc, items, count, 1);
		return;
	}
	cmark_node *list = count ? add(doc, CMARK_NODE_LIST) : NULL;
	for (size_t i = 0; i < count; i++) {
		const struct search_hit *h = &r->hits[i];
		items[i] = add(add(list, CMARK_NODE_ITEM), CMARK_NODE_PARAGRAPH);
		add_str(add(items[i], CMARK_NODE_STRONG), h->title);
		if (h->section) {
			add_str(items[i], ": ");
			add_str(items[i], h->section);
		}
		add(items[i], CMARK_NODE_LINEBREAK);
		add_snippet(items[i], h);
	}
	view_show_doc(n, &s->view, doc, items, count, 1); /* and "All topics" */
}

/* Search again for the words as they are now, from the top. */
static void refresh(struct nav *n)
{
	run(n);
	n->v->search.view.top = 0;
	build(n);
	view_scroll(n, &n->v->search.view, 0);
}

/* ---- moving ---------------------------------------------------------------- */

void search_open(struct nav *n)
{
	struct visit *v = n->v;
	nav_close_modals(v);
	if (v->screen == NAV_SCREEN_SEARCH || !engine(n))
		return;
	nav_remember(n);
	v->screen = NAV_SCREEN_SEARCH;
	refresh(n);
}

/* Lay the results out again (at a new width, or with more of the index
 * built), keeping the first row shown and the choice. */
static void rebuild(struct nav *n)
{
	struct view *w = &n->v->search.view;
	size_t top = w->top;
	long item = -1, end = -1;
	if (w->focus >= 0) {
		item = w->targets[w->focus].item;
		end = w->targets[w->focus].end;
	}
	build(n);
	view_scroll(n, w, (long)top);
	long t = item >= 0 ? view_target_of_item(w, item) : end >= 0 ? view_target_of_end(w, end)
							     : -1;
	if (t >= 0)
		view_show(n, w, t);
}

/* Back to the results from a topic opened from them. */
void search_show_place(struct nav *n)
{
	n->v->screen = NAV_SCREEN_SEARCH;
	rebuild(n);
}

/* A resize: whatever screen is showing, the results stay ready. */
void search_relayout(struct nav *n)
{
	if (n->v->search.view.layout)
		rebuild(n);
}

/* The topic of result `i`, at its section, the words highlighted. */
static void open_hit(struct nav *n, size_t i)
{
	struct visit *v = n->v;
	const struct search_hit *h = &v->search.results->hits[i];
	reader_open(n, h->article, h->anchor);
	if (v->screen != NAV_SCREEN_ARTICLE)
		return;
	struct found *f = &v->reader.found;
	/* The words searched: what was typed, or its correction. */
	const char *words = v->search.results->corrected ? v->search.results->corrected
							  : buf_str(&v->search.query);
	found_free(f);
	f->matcher = search_matcher_new(n->search, words, strlen(words));
	found_relayout(n);
	found_step(n, 0);
}

static void activate(struct nav *n, long t)
{
	struct search_visit *s = &n->v->search;
	const struct target *tg = &s->view.targets[t];
	size_t nwords;
	const char *const *words = search_suggestions(n->search, &nwords);
	if (tg->item >= 0 && !s->query.len && n->cfg.suggest && (size_t)tg->item < nwords) {
		buf_puts(&s->query, words[tg->item]); /* a word suggested */
		refresh(n);
	} else if (tg->item >= 0) {
		open_hit(n, (size_t)tg->item);
	} else if (tg->end >= 0) {
		nav_go_topics(n);
	}
}

void search_do(struct nav *n, const struct nav_input *in)
{
	struct search_visit *s = &n->v->search;
	switch (in->action) {
	case NAV_TYPE:
		if (type_into(&s->query, in->arg))
			refresh(n);
		return;
	case NAV_ERASE:
		if (erase_from(&s->query))
			refresh(n);
		return;
	case NAV_TIMEOUT: /* more of the index is built */
		run(n);
		rebuild(n);
		return;
	case NAV_OPEN:
	case NAV_FORWARD:
		if (s->view.focus >= 0)
			activate(n, s->view.focus);
		else if (s->results && s->results->count)
			open_hit(n, 0); /* Enter after typing: the best result */
		return;
	case NAV_TAP: {
		long t = view_target_at(n, &s->view, in->row, in->col);
		if (t >= 0)
			activate(n, t);
		else
			view_tap_turns_page(n, &s->view, in->row);
		return;
	}
	case NAV_BACK:
		nav_back(n);
		return;
	default:
		view_scroll_action(n, &s->view, in->action);
	}
}

/* ---- drawing ------------------------------------------------------------------ */

void search_row(const struct nav *n, size_t y, struct nav_row *row)
{
	const struct view *v = &n->v->search.view;
	if (view_row(n, v, y, row))
		return;
	size_t line = v->top + y, lines = v->layout ? layout_line_count(v->layout) : 0;
	if (line != lines + 1)
		return;
	row->chosen = v->focus >= 0 && v->targets[v->focus].end == 0;
	row->strong = true;
	row->plain_label = true;
	snprintf(row->buf, sizeof row->buf, "%s ", nav_glyph(n, "←", "<"));
	row->label = row->buf;
	nav_row_text(row, NAV_ROW_ITEM, "All topics");
	row->text_col = text_width(row->buf, strlen(row->buf));
}

void search_status(const struct nav *n, struct nav_status *st)
{
	st->where = "Search";
	if (n->v->search.view.focus >= 0) /* first: see reader_status() */
		st->hints[st->nhints++] = NAV_OPEN;
	st->hints[st->nhints++] = NAV_HELP;
	st->hints[st->nhints++] = NAV_TOPICS;
	st->hints[st->nhints++] = NAV_BACK;
}

/* The cursor rests after the words typed, or on the chosen result. */
void search_cursor(const struct nav *n, size_t *row, size_t *col)
{
	const struct view *v = &n->v->search.view;
	if (v->focus >= 0) {
		view_cursor(n, v, row, col);
		return;
	}
	size_t last = 0;
	for (size_t i = 0; v->layout && i < layout_line_count(v->layout); i++)
		if (layout_line(v->layout, i)->block == 0)
			last = i;
	if (v->layout && last >= v->top && last - v->top < n->view) {
		*row = last - v->top;
		*col = layout_line(v->layout, last)->width;
	}
}

/* While the index is built, the screen says how far it is. */
bool search_refreshing(const struct nav *n)
{
	size_t indexed, total;
	return n->v->screen == NAV_SCREEN_SEARCH && n->indexing &&
	       !search_progress(n->search, &indexed, &total);
}

/* ---- finding words in a topic ------------------------------------------------- */

/* Where the words are in the reader's lines, as they are laid out now. */
void found_relayout(struct nav *n)
{
	struct reader *r = &n->v->reader;
	struct found *f = &r->found;
	free(f->matches);
	f->matches = NULL;
	f->count = 0;
	f->current = -1;
	if (!f->matcher || !r->view.layout)
		return;
	size_t cap = 0;
	struct search_mark marks[NAV_MAX_MARKS];
	for (size_t i = 0; i < layout_line_count(r->view.layout); i++) {
		const struct layout_line *ln = layout_line(r->view.layout, i);
		size_t k = search_matcher_find(f->matcher, ln->text, ln->len, marks, NAV_MAX_MARKS);
		for (size_t j = 0; j < k && j < NAV_MAX_MARKS; j++) {
			ARRAY_GROW(f->matches, f->count, cap);
			f->matches[f->count++] = (struct match){i, marks[j].start, marks[j].end};
		}
	}
}

/* Go to the next match (dir 1), the one before (-1), or the first at or
 * below the top of the screen (0), and say which of how many it is. */
void found_step(struct nav *n, int dir)
{
	struct reader *r = &n->v->reader;
	struct found *f = &r->found;
	if (!f->count) {
		nav_say(n, f->matcher ? "The words are not in this topic."
				      : "Press / to find words in this topic.");
		return;
	}
	long cur = f->current;
	if (dir == 0 || cur < 0) {
		cur = 0;
		while ((size_t)cur < f->count && f->matches[cur].line < r->view.top)
			cur++;
		if ((size_t)cur == f->count)
			cur = 0;
		if (dir < 0)
			cur = cur ? cur - 1 : (long)f->count - 1;
	} else {
		cur = ((cur + dir) % (long)f->count + (long)f->count) % (long)f->count;
	}
	f->current = cur;
	size_t line = f->matches[cur].line;
	if (!view_in_sight(n, &r->view, line))
		view_scroll(n, &r->view, (long)line - (long)n->view / 3);
	/* In the front end's own keys: n and N here, m and p in plain mode. */
	struct buf next = BUF_INIT, prev = BUF_INIT;
	nav_first_key(n, NAV_NEXT_MATCH, &next);
	nav_first_key(n, NAV_PREV_MATCH, &prev);
	if (next.len && prev.len)
		nav_say(n, "Found %ld of %zu. %s goes to the next, %s to the one before.",
			cur + 1, f->count, next.data, prev.data);
	else
		nav_say(n, "Found %ld of %zu.", cur + 1, f->count);
	buf_free(&next);
	buf_free(&prev);
}

void found_marks(const struct found *f, size_t line, struct nav_row *row)
{
	for (size_t i = 0; i < f->count && row->nmarks < NAV_MAX_MARKS; i++)
		if (f->matches[i].line == line)
			row->marks[row->nmarks++] = (struct nav_mark){
				f->matches[i].start, f->matches[i].end, (long)i == f->current};
}

void find_open(struct nav *n)
{
	struct visit *v = n->v;
	if (!engine(n))
		return;
	buf_clear(&v->find);
	if (v->modals < MAX_MODALS)
		v->under[v->modals++] = v->screen;
	v->screen = NAV_SCREEN_FIND;
}

/* Find the words typed so far, from where the reader is. */
static void find_now(struct nav *n)
{
	struct visit *v = n->v;
	struct found *f = &v->reader.found;
	found_free(f);
	if (!v->find.len)
		return;
	f->matcher = search_matcher_new(n->search, v->find.data, v->find.len);
	found_relayout(n);
	if (f->count)
		found_step(n, 0);
}

void find_do(struct nav *n, const struct nav_input *in)
{
	struct visit *v = n->v;
	switch (in->action) {
	case NAV_TYPE:
		if (type_into(&v->find, in->arg))
			find_now(n);
		break;
	case NAV_ERASE:
		if (erase_from(&v->find))
			find_now(n);
		break;
	case NAV_OPEN:
	case NAV_FORWARD:
		v->screen = v->modals ? v->under[--v->modals] : NAV_SCREEN_ARTICLE;
		if (v->find.len)
			found_step(n, 0);
		break;
	case NAV_BACK: /* give up: nothing stays highlighted */
		found_free(&v->reader.found);
		v->screen = v->modals ? v->under[--v->modals] : NAV_SCREEN_ARTICLE;
		break;
	default:
		view_scroll_action(n, &v->reader.view, in->action);
	}
}

void nav_set_text(struct nav *n, const char *text, size_t len)
{
	struct visit *v = n->v;
	bool find = v->screen == NAV_SCREEN_FIND;
	if (!find && v->screen != NAV_SCREEN_SEARCH)
		return;
	struct buf *words = find ? &v->find : &v->search.query;
	buf_clear(words);
	for (size_t i = 0; i < len;) {
		ucs4_t cp;
		int k = u8_mbtoucr(&cp, (const uint8_t *)text + i, len - i);
		if (k <= 0) { /* an invalid byte: skipped */
			i++;
			continue;
		}
		type_into(words, (long)cp);
		i += (size_t)k;
	}
	buf_clear(&v->message);
	if (find)
		find_now(n);
	else
		refresh(n);
	nav_measure(n);
}

const char *find_prompt(const struct nav *n, struct buf *out)
{
	const struct found *f = &n->v->reader.found;
	buf_clear(out);
	(void)f;
	buf_printf(out, "Find in this topic: %s", buf_str(&n->v->find));
	return out->data;
}
