/* bench-search DIR [WORD]: the search engine on one guide, for make bench.
 *
 * Prints one line of figures:
 *   articles new_ms build_ms key_median_ms key_worst_ms rss_mb thread_ms
 * new_ms: search_new (what a front end pays before its first frame);
 * build_ms: building the whole index in this thread (the first query on
 * a small guide); key_*: WORD (default "sunscreen") typed one letter at
 * a time, each keystroke's time the median of several runs, then the
 * median and the worst keystroke; rss_mb: peak resident memory with the
 * index built (VmHWM: getrusage's ru_maxrss would also count the memory of
 * the process that started this one, which exec hands down); thread_ms: the same index built by search_start()'s
 * thread, polled until complete. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "skinguide/content.h"
#include "skinguide/search.h"

#define RUNS 7

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(double *v, size_t n)
{
	qsort(v, n, sizeof *v, compare_doubles);
	return v[n / 2];
}

/* One keystroke: the median time of RUNS queries for `len` bytes. */
static double keystroke(struct search *s, const char *word, size_t len)
{
	double t[RUNS];
	for (size_t r = 0; r < RUNS; r++) {
		double t0 = now_ms();
		search_results_free(search_query(s, word, len));
		t[r] = now_ms() - t0;
	}
	return median(t, RUNS);
}

/* This process's peak resident memory so far, in MB (0 if unknown). */
static double peak_mb(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kb = 0;
	if (!f)
		return 0;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "VmHWM: %ld", &kb) == 1)
			break;
	fclose(f);
	return (double)kb / 1024.0;
}

static double thread_build(struct guide *g)
{
	struct sg_error err;
	struct search_opts opts = {.thread_from = 1};
	double t0 = now_ms();
	struct search *s = search_new(g, &opts, &err);
	if (!s)
		return -1;
	search_start(s);
	struct timespec nap = {0, 1000000};
	while (!search_progress(s, NULL, NULL))
		nanosleep(&nap, NULL);
	double t = now_ms() - t0;
	search_free(s);
	return t;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs("usage: bench-search DIR [WORD]\n", stderr);
		return 2;
	}
	const char *word = argc > 2 ? argv[2] : "sunscreen";
	struct sg_error err;
	struct guide *g = guide_open(argv[1], &err);
	if (!g) {
		fprintf(stderr, "bench-search: %s\n", err.msg);
		return 1;
	}
	double t0 = now_ms();
	struct search *s = search_new(g, NULL, &err);
	double t_new = now_ms() - t0;
	if (!s) {
		fprintf(stderr, "bench-search: %s\n", err.msg);
		return 1;
	}
	t0 = now_ms();
	search_results_free(search_query(s, "", 0));
	double t_build = now_ms() - t0;
	size_t n = strlen(word);
	double *keys = calloc(n, sizeof *keys), worst = 0;
	for (size_t i = 1; i <= n; i++) {
		keys[i - 1] = keystroke(s, word, i);
		worst = keys[i - 1] > worst ? keys[i - 1] : worst;
	}
	double mb = peak_mb();
	search_free(s);
	double t_thread = thread_build(g);
	printf("%zu %.2f %.1f %.3f %.3f %.1f %.1f\n", guide_count(g), t_new, t_build,
	       median(keys, n), worst, mb, t_thread);
	free(keys);
	guide_free(g);
	return 0;
}
