/* growth: no cost may grow faster than the work.  Each case makes an input
 * at one size and at twice that size, runs one piece of the guide on
 * both (what --print, --format man, --check, the reader or the home
 * screen do, through the pure modules), and fails when the doubled input
 * costs more than GROWTH_LIMIT times the single one.  Two targets from
 * issue 12 are absolute: 1,000 "## Notes" and 1,600 anchor links in a
 * 90 KB article, each under 50 ms to print and to check.
 *
 * Cost is first CPU time, the least of several runs: load from other
 * programs only ever adds time, so the least is the steadiest figure.  But
 * time also grows when the data outgrows a cache, with the work the same:
 * a pair over the limit is judged again by the instructions it executes,
 * counted by callgrind, which are exact and the same on every machine.
 * GROWTH_CALLGRIND=1 judges every pair so (slowly).
 *
 * Usage: growth [CASE SIZE OP]: with arguments, one run of one case at one
 * size, for callgrind; with none, every case is tested. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "skinguide/buf.h"
#include "skinguide/check.h"
#include "skinguide/content.h"
#include "skinguide/doc.h"
#include "skinguide/layout.h"
#include "skinguide/man.h"
#include "skinguide/nav.h"
#include "skinguide/outline.h"
#include "skinguide/print.h"
#include "skinguide/quiz.h"
#include "../unit/tmpdir.h"

#define GROWTH_LIMIT 2.5
/* Runs of one measurement: at least this many, and this much CPU time. */
#define MIN_RUNS 3
#define MIN_SECONDS 0.04
/* Measurements of a pair before a ratio over the limit counts. */
#define ATTEMPTS 4
#define TARGET_SECONDS 0.050

/* ---- inputs ------------------------------------------------------------ */

static void article_head(struct buf *b)
{
	buf_puts(b, "# Generated\n\nA summary of the generated article.\n\n");
}

static void article_tail(struct buf *b)
{
	buf_puts(b, "\n\n## Sources\n\nA book.\n");
}

static void gen_notes(struct buf *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		buf_puts(b, "## Notes\n\nSome text under it.\n\n");
}

/* About 58 bytes a link: 1,600 of them make the 90 KB article. */
static void gen_anchors(struct buf *b, size_t n)
{
	buf_puts(b, "## The target\n\nText.\n\n");
	for (size_t i = 0; i < n; i++)
		buf_printf(b, "See [the target](#the-target) for more on it, %zu times.\n\n", i);
}

static void gen_long_line(struct buf *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		buf_puts(b, "word ");
	buf_putc(b, '\n');
}

static void gen_long_word(struct buf *b, size_t n)
{
	buf_repeat(b, "x", n * 5);
	buf_putc(b, '\n');
}

static void gen_long_paragraph(struct buf *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		buf_puts(b, "A short line of text in one long paragraph.\n");
}

static void gen_deep_list(struct buf *b, size_t n)
{
	buf_repeat(b, "- ", n);
	buf_puts(b, "deep\n");
}

static void gen_deep_quote(struct buf *b, size_t n)
{
	buf_repeat(b, "> ", n);
	buf_puts(b, "deep\n");
}

static void gen_quote_lines(struct buf *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		buf_puts(b, "> > > A line inside three boxes.\n");
}

static void gen_links(struct buf *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		buf_printf(b, "[link %zu](https://example.org/%zu) and ", i, i);
	buf_putc(b, '\n');
}

static void gen_headings(struct buf *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		buf_printf(b, "## Heading number %zu\n\nText.\n\n", i);
}

static void gen_ordered(struct buf *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		buf_printf(b, "%zu. An item\n", i + 1);
}

static void gen_sentences(struct buf *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		buf_puts(b, "The cat sat on the mat. ");
	buf_putc(b, '\n');
}

static void gen_spans(struct buf *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		buf_puts(b, "*a* **b** `c` ");
	buf_putc(b, '\n');
}

/* One grapheme cluster: a thumbs-up with n skin-tone modifiers. */
static void gen_cluster(struct buf *b, size_t n)
{
	buf_puts(b, "\xf0\x9f\x91\x8d");
	buf_repeat(b, "\xf0\x9f\x8f\xbb", n);
	buf_putc(b, '\n');
}

static void gen_quiz(struct buf *b, size_t n)
{
	buf_puts(b, "# Quiz\n\nIntro.\n\n");
	for (size_t i = 0; i < n; i++)
		buf_printf(b, "## Question %zu?\n\n- [ ] No\n- [!] Yes\n  > Tell the staff.\n\n", i);
	buf_puts(b, "# Results\n\nDone.\n");
}

/* ---- what is measured -------------------------------------------------- */

enum op { OP_PRINT, OP_MAN, OP_CHECK, OP_OUTLINE, OP_READER, OP_HOME, OP_QUIZ };

static const char *const op_names[] = {"print", "man", "check", "outline", "reader",
				       "home", "quiz"};

/* An input, made once per size, and what the operations need of it. */
struct input {
	struct buf text;
	char *dir;          /* the article as 01-a.md, or n topics (OP_HOME) */
	struct guide *guide;
	FILE *null;
};

static void input_make(struct input *in, void (*gen)(struct buf *, size_t), size_t n,
		       enum op op)
{
	memset(in, 0, sizeof *in);
	in->null = fopen("/dev/null", "w");
	if (!in->null)
		abort();
	in->dir = tmpdir_make("growth");
	if (op == OP_HOME) {
		for (size_t i = 1; i <= n; i++) {
			char name[32];
			snprintf(name, sizeof name, "%06zu-t%zu.md", i, i);
			buf_clear(&in->text);
			buf_printf(&in->text, "# Topic %zu\n\nSummary of topic %zu.\n", i, i);
			if (!tmpdir_write(in->dir, name, in->text.data, in->text.len))
				abort();
		}
	} else {
		if (op != OP_QUIZ)
			article_head(&in->text);
		gen(&in->text, n);
		if (op != OP_QUIZ)
			article_tail(&in->text);
		if (!tmpdir_write(in->dir, "01-a.md", in->text.data, in->text.len))
			abort();
	}
	struct sg_error err;
	if (op == OP_MAN || op == OP_READER || op == OP_HOME) {
		in->guide = guide_open(in->dir, &err);
		if (!in->guide) {
			fprintf(stderr, "growth: %s\n", err.msg);
			abort();
		}
	}
}

static void input_free(struct input *in)
{
	guide_free(in->guide);
	tmpdir_forget(&in->dir);
	buf_free(&in->text);
	fclose(in->null);
}

static void draw(const struct nav *n, size_t rows)
{
	for (size_t y = 0; y < rows; y++) {
		struct nav_row r;
		nav_row(n, y, &r);
	}
	struct nav_status st;
	nav_status(n, &st);
}

static void act(struct nav *n, enum nav_action a, size_t times, size_t rows)
{
	for (size_t i = 0; i < times; i++) {
		nav_act(n, a);
		draw(n, rows);
	}
}

/* A patient reads the one article: to the end and back, through its
 * links, its sections, and a resize. */
static void run_reader(struct guide *g)
{
	struct nav_config cfg = {0};
	struct nav *n = nav_new(g, &cfg);
	nav_resize(n, 23, 76);
	act(n, NAV_OPEN, 1, 23);
	act(n, NAV_BOTTOM, 1, 23);
	act(n, NAV_TOP, 1, 23);
	act(n, NAV_NEXT_LINK, 20, 23);
	act(n, NAV_PAGE_DOWN, 10, 23);
	act(n, NAV_HEADINGS, 1, 23);
	act(n, NAV_BOTTOM, 1, 23);
	act(n, NAV_OPEN, 1, 23);
	nav_resize(n, 11, 40);
	act(n, NAV_PREV_LINK, 20, 11);
	act(n, NAV_BACK, 3, 11);
	nav_free(n);
}

/* The home screen of a big guide: paged, to the end, a typed number. */
static void run_home(struct guide *g)
{
	struct nav_config cfg = {0};
	struct nav *n = nav_new(g, &cfg);
	nav_resize(n, 23, 76);
	draw(n, 23);
	act(n, NAV_PAGE_DOWN, 10, 23);
	act(n, NAV_BOTTOM, 1, 23);
	act(n, NAV_TOP, 1, 23);
	act(n, NAV_DOWN, 20, 23);
	struct nav_input nine = {.action = NAV_DIGIT, .arg = 9};
	nav_do(n, &nine);
	act(n, NAV_TIMEOUT, 1, 23);
	act(n, NAV_BACK, 1, 23);
	nav_resize(n, 11, 40);
	act(n, NAV_PAGE_UP, 5, 11);
	nav_free(n);
}

/* Not inlined: callgrind counts from its entry (--toggle-collect=run_op). */
__attribute__((noinline)) static void run_op(enum op op, struct input *in)
{
	cmark_node *doc;
	struct layout_opts opts = {.width = 60, .show_urls = true};
	struct check_result res;
	struct sg_error err;
	switch (op) {
	case OP_PRINT: {
		doc = doc_parse(in->text.data, in->text.len);
		struct layout *l = layout_new(doc, &opts);
		print_layout(in->null, l);
		layout_free(l);
		cmark_node_free(doc);
		break;
	}
	case OP_MAN:
		if (!man_article(in->null, in->guide, 0, "2024-01-02", "0", &err))
			abort();
		break;
	case OP_CHECK:
		check_dir(in->dir, in->null, &res);
		break;
	case OP_OUTLINE:
		doc = doc_parse(in->text.data, in->text.len);
		outline_free(outline_new(doc));
		cmark_node_free(doc);
		break;
	case OP_READER:
		run_reader(in->guide);
		break;
	case OP_HOME:
		run_home(in->guide);
		break;
	case OP_QUIZ:
		quiz_free(quiz_parse(in->text.data, in->text.len, "quiz.md", NULL));
		break;
	}
}

/* ---- measuring --------------------------------------------------------- */

static double cpu_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The least CPU time of one run of `op` on `in`. */
static double measure(enum op op, struct input *in)
{
	double best = 1e9, total = 0;
	for (int runs = 0; runs < MIN_RUNS || total < MIN_SECONDS; runs++) {
		double start = cpu_seconds();
		run_op(op, in);
		double t = cpu_seconds() - start;
		total += t;
		if (t < best)
			best = t;
	}
	return best;
}

/* Instructions that run_op() executes for one case, size and operation,
 * counted by callgrind on this very program; 0 when that cannot be done. */
static double instructions(const char *name, size_t n, enum op op)
{
	char self[4096], out[] = "/tmp/growth-callgrind-XXXXXX", cmd[8192], line[256];
	ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
	int fd = mkstemp(out);
	if (len <= 0 || fd < 0)
		return 0;
	close(fd);
	self[len] = '\0';
	snprintf(cmd, sizeof cmd, "valgrind --tool=callgrind --toggle-collect=run_op "
		 "--callgrind-out-file=%s '%s' %s %zu %s >/dev/null 2>&1", out, self, name, n,
		 op_names[op]);
	double ir = 0;
	FILE *f = system(cmd) == 0 ? fopen(out, "r") : NULL;
	while (f && fgets(line, sizeof line, f))
		if (strncmp(line, "summary:", 8) == 0 || strncmp(line, "totals:", 7) == 0)
			ir = strtod(strchr(line, ':') + 1, NULL);
	if (f)
		fclose(f);
	unlink(out);
	return ir;
}

struct growth_case {
	const char *name;
	void (*gen)(struct buf *, size_t);
	size_t size;    /* the single size; the test doubles it */
	enum op ops[4]; /* what is measured on it */
	size_t nops;
};

static const struct growth_case cases[] = {
	{"notes", gen_notes, 1000, {OP_PRINT, OP_CHECK, OP_OUTLINE, OP_MAN}, 4},
	{"anchor-links", gen_anchors, 800, {OP_PRINT, OP_CHECK, OP_READER}, 3},
	{"long-line", gen_long_line, 15000, {OP_PRINT, OP_CHECK, OP_MAN}, 3},
	{"long-word", gen_long_word, 15000, {OP_PRINT, OP_CHECK, OP_MAN}, 3},
	{"long-paragraph", gen_long_paragraph, 3000, {OP_PRINT, OP_CHECK, OP_MAN}, 3},
	{"deep-list", gen_deep_list, 10000, {OP_PRINT, OP_CHECK, OP_MAN, OP_READER}, 4},
	{"deep-quote", gen_deep_quote, 10000, {OP_PRINT, OP_CHECK, OP_MAN, OP_READER}, 4},
	{"quote-lines", gen_quote_lines, 2000, {OP_PRINT, OP_MAN}, 2},
	{"links", gen_links, 2000, {OP_PRINT, OP_CHECK, OP_MAN, OP_READER}, 4},
	{"headings", gen_headings, 1500, {OP_PRINT, OP_CHECK, OP_READER}, 3},
	{"ordered-items", gen_ordered, 3000, {OP_PRINT, OP_MAN}, 2},
	{"sentences", gen_sentences, 8000, {OP_CHECK}, 1},
	{"spans", gen_spans, 3000, {OP_PRINT, OP_MAN}, 2},
	{"one-cluster", gen_cluster, 10000, {OP_PRINT, OP_CHECK}, 2},
	{"quiz-questions", gen_quiz, 1000, {OP_QUIZ}, 1},
	{"home-topics", NULL, 2000, {OP_HOME}, 1},
};

#define NCASES (sizeof cases / sizeof *cases)

/* Both sizes measured again and again, keeping the least of each, until
 * the ratio is under the limit or the attempts run out. */
static bool test_growth(const struct growth_case *c, enum op op)
{
	struct input one, two;
	input_make(&one, c->gen, c->size, op);
	input_make(&two, c->gen, c->size * 2, op);
	double t1 = 1e9, t2 = 1e9, ratio = 0;
	for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
		double a = measure(op, &one), b = measure(op, &two);
		t1 = a < t1 ? a : t1;
		t2 = b < t2 ? b : t2;
		ratio = t2 / (t1 > 1e-6 ? t1 : 1e-6);
		if (ratio <= GROWTH_LIMIT)
			break;
	}
	char judged[96] = "";
	if (ratio > GROWTH_LIMIT || getenv("GROWTH_CALLGRIND")) {
		double i1 = instructions(c->name, c->size, op);
		double i2 = instructions(c->name, c->size * 2, op);
		if (i1 > 0 && i2 > 0) {
			ratio = i2 / i1;
			snprintf(judged, sizeof judged, "  callgrind: %.0f Ir, 2n: %.0f Ir", i1, i2);
		}
	}
	bool ok = ratio <= GROWTH_LIMIT;
	printf("%-4s %-15s %-7s n=%-6zu %8.2f ms  2n: %8.2f ms  x%.2f%s\n", ok ? "ok" : "FAIL",
	       c->name, op_names[op], c->size, t1 * 1e3, t2 * 1e3, ratio, judged);
	input_free(&one);
	input_free(&two);
	return ok;
}

/* Issue 12's targets: --print and --check of each article under 50 ms. */
static bool test_target(const char *what, void (*gen)(struct buf *, size_t), size_t n,
			enum op op)
{
	struct input in;
	input_make(&in, gen, n, op);
	double t = measure(op, &in);
	for (int attempt = 1; attempt < ATTEMPTS && t > TARGET_SECONDS; attempt++) {
		double again = measure(op, &in);
		t = again < t ? again : t;
	}
	bool ok = t <= TARGET_SECONDS;
	printf("%-4s %-15s %-7s %zu KB in %.2f ms (target %.0f ms)\n", ok ? "ok" : "FAIL", what,
	       op_names[op], in.text.len / 1024, t * 1e3, TARGET_SECONDS * 1e3);
	input_free(&in);
	return ok;
}

static int run_one(const char *name, size_t size, const char *op_name)
{
	for (size_t i = 0; i < NCASES; i++) {
		for (size_t k = 0; k < cases[i].nops; k++) {
			enum op op = cases[i].ops[k];
			if (strcmp(cases[i].name, name) != 0 || strcmp(op_names[op], op_name) != 0)
				continue;
			struct input in;
			input_make(&in, cases[i].gen, size, op);
			run_op(op, &in);
			input_free(&in);
			return 0;
		}
	}
	fprintf(stderr, "growth: no case %s with %s\n", name, op_name);
	return 2;
}

int main(int argc, char **argv)
{
	if (argc == 4)
		return run_one(argv[1], strtoul(argv[2], NULL, 10), argv[3]);
	if (argc != 1) {
		fprintf(stderr, "usage: growth [CASE SIZE OP]\n");
		return 2;
	}
	size_t failed = 0, passed = 0;
	for (size_t i = 0; i < NCASES; i++)
		for (size_t k = 0; k < cases[i].nops; k++)
			test_growth(&cases[i], cases[i].ops[k]) ? passed++ : failed++;
	test_target("1000-notes", gen_notes, 1000, OP_PRINT) ? passed++ : failed++;
	test_target("1000-notes", gen_notes, 1000, OP_CHECK) ? passed++ : failed++;
	test_target("1600-anchors", gen_anchors, 1600, OP_PRINT) ? passed++ : failed++;
	test_target("1600-anchors", gen_anchors, 1600, OP_CHECK) ? passed++ : failed++;
	printf("growth: %zu passed, %zu failed\n", passed, failed);
	return failed ? 1 : 0;
}
