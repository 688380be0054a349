/* fuzz_search: any bytes as a query on the shipped guide's search.
 *
 * Promises: every hit names a real article and holds valid UTF-8 with no
 * control character; a snippet is one line no wider than asked; its marks
 * are in order, inside it and not empty; a corrected query is clean. */
#include "fuzz.h"

#include "skinguide/content.h"
#include "skinguide/search.h"

/* The shipped guide, where the fuzzers run (the source tree); the small
 * guide elsewhere. */
#define CONTENT "content"
#define SNIPPET_COLUMNS 40

static struct guide *guide;
static struct search *search;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	struct sg_error err;
	guide = access(CONTENT "/index.md", R_OK) == 0 ? guide_open(CONTENT, &err)
						       : fuzz_guide_open("fuzz_search");
	struct search_opts opts = {.snippet_columns = SNIPPET_COLUMNS};
	if (!guide || !(search = search_new(guide, &opts, &err))) {
		fprintf(stderr, "fuzz_search: %s\n", err.msg);
		abort();
	}
	return 0;
}

static void clean_line(const char *s)
{
	if (s) {
		fuzz_clean(s, strlen(s), false);
		if (strchr(s, '\n'))
			fuzz_fail("a line break in one line of text", s, strlen(s));
	}
}

static void check_hit(const struct search_hit *h)
{
	if (h->article >= guide_count(guide))
		fuzz_fail("a hit in no article", h->title, strlen(h->title));
	clean_line(h->title);
	clean_line(h->section);
	clean_line(h->anchor);
	clean_line(h->snippet);
	if (strlen(h->snippet) != h->snippet_len)
		fuzz_fail("a snippet of another length than it says", h->snippet,
			  strlen(h->snippet));
	if (text_width(h->snippet, h->snippet_len) > SNIPPET_COLUMNS)
		fuzz_fail("a snippet wider than asked", h->snippet, h->snippet_len);
	for (size_t k = 0; k < h->nmarks; k++) {
		const struct search_mark *m = &h->marks[k];
		if (m->start >= m->end || m->end > h->snippet_len ||
		    (k && m->start < h->marks[k - 1].end))
			fuzz_fail("a mark out of order or outside the snippet", h->snippet,
				  h->snippet_len);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct search_results *r = search_query(search, (const char *)data, size);
	if (!r)
		fuzz_fail("no results at all", (const char *)data, size);
	for (size_t i = 0; i < r->count; i++)
		check_hit(&r->hits[i]);
	clean_line(r->corrected);
	search_results_free(r);
	return 0;
}
