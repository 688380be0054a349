/* fuzz_man: any bytes as an article, written as a man page (what
 * `--print ID --format man` writes), its title taken raw from the first
 * line of the input so that the escaping of titles is tried too.
 *
 * Promises: valid UTF-8 with no control byte but newlines, and no line
 * that roff would obey unless it is one of the requests the page is made
 * of; text such as ".so /etc/passwd" must never become a request. */
#include "fuzz.h"

#include "skinguide/content.h"
#include "skinguide/doc.h"
#include "skinguide/man.h"

static struct guide *guide;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	guide = fuzz_guide_open("fuzz_man");
	return 0;
}

/* The requests a page may hold: the header's and cmark's. */
static bool known_request(const char *s, size_t n)
{
	static const char *const requests[] = {
		".TH", ".SH", ".SS", ".PP", ".IP", ".RS", ".RE", ".nf", ".fi", ".PD",
		".P", ".BR", ".B", ".br", ".TP", ".ad", ".nh", NULL};
	for (size_t i = 0; requests[i]; i++) {
		size_t k = strlen(requests[i]);
		if (n >= k && memcmp(s, requests[i], k) == 0 && (n == k || s[k] == ' '))
			return true;
	}
	return false;
}

static void check_roff(const char *s, size_t n)
{
	fuzz_lines(s, n, 0);
	for (size_t i = 0; i < n;) {
		const char *nl = memchr(s + i, '\n', n - i);
		size_t len = nl ? (size_t)(nl - (s + i)) : n - i;
		if (len && (s[i] == '.' || s[i] == '\'') && !known_request(s + i, len))
			fuzz_fail("a line roff would obey", s + i, len);
		i += len + 1;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	const char *nl = memchr(s, '\n', size);
	size_t tlen = nl ? (size_t)(nl - s) : size;
	char *title = malloc(tlen + 1);
	if (!title)
		abort();
	memcpy(title, s, tlen);
	title[tlen] = '\0';
	cmark_node *doc = doc_parse(s, size);
	struct fuzz_out out;
	fuzz_out_open(&out);
	man_page(out.f, doc, guide, "fuzz", title, "2024-01-02", "9.8.7");
	fuzz_out_close(&out);
	check_roff(out.text, out.len);
	fuzz_out_free(&out);
	cmark_node_free(doc);
	free(title);
	return 0;
}
