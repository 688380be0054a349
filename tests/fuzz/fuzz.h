/* fuzz: what every fuzz target shares.  Each target defines the two
 * libFuzzer entry points; built with -fsanitize=fuzzer they are driven
 * by libFuzzer (make fuzz), built with replay.c they read files given on
 * the command line (make check replays the seeds and the regressions).
 *
 * The checks below are the promises the outputs make: a broken one
 * aborts, which both drivers report as a crash with its input. */
#ifndef SKINGUIDE_FUZZ_H
#define SKINGUIDE_FUZZ_H

#include <dirent.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unistr.h>

#include "skinguide/content.h"
#include "skinguide/text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Never returns: the message says which promise broke. */
__attribute__((noreturn)) static inline void fuzz_fail(const char *what, const char *s,
							size_t n)
{
	fprintf(stderr, "fuzz: %s in %zu bytes: \"%.*s\"\n", what, n,
		(int)(n > 200 ? 200 : n), s ? s : "");
	abort();
}

/* Valid UTF-8 without a control character; `newlines` allows '\n' (and
 * tabs, for roff and reports), as in whole outputs. */
static inline void fuzz_clean(const char *s, size_t n, bool newlines)
{
	if (u8_check((const uint8_t *)s, n) != NULL)
		fuzz_fail("invalid UTF-8", s, n);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = text_decode(s + i, n - i, &cp);
		bool layout = newlines && (cp == '\n' || cp == '\t');
		if (!layout && (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)))
			fuzz_fail("a control character", s, n);
		i += k;
	}
}

/* Every line of a whole output: clean, and at most `width` columns
 * (0: no limit). */
static inline void fuzz_lines(const char *s, size_t n, size_t width)
{
	fuzz_clean(s, n, true);
	for (size_t i = 0; i < n;) {
		const char *nl = memchr(s + i, '\n', n - i);
		size_t len = nl ? (size_t)(nl - (s + i)) : n - i;
		if (width && text_width(s + i, len) > width)
			fuzz_fail("a line wider than asked", s + i, len);
		i += len + 1;
	}
}

/* An output stream in memory: open it, write, then look at the text. */
struct fuzz_out {
	FILE *f;
	char *text;
	size_t len;
};

static inline void fuzz_out_open(struct fuzz_out *o)
{
	o->text = NULL;
	o->len = 0;
	o->f = open_memstream(&o->text, &o->len);
	if (!o->f)
		abort();
}

/* Close the stream; the text stays until fuzz_out_free. */
static inline void fuzz_out_close(struct fuzz_out *o)
{
	if (fclose(o->f) != 0)
		abort();
	o->f = NULL;
}

static inline void fuzz_out_free(struct fuzz_out *o)
{
	free(o->text);
	o->text = NULL;
}

/* Write `n` bytes to `path`, replacing it; aborts when that fails. */
static inline void fuzz_write_file(const char *path, const uint8_t *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, n, f) != n || fclose(f) != 0)
		abort();
}

static inline char *fuzz_dir_path(void)
{
	static char path[] = "/tmp/skinguide-fuzz-XXXXXX";
	return path;
}

/* Remove the scratch directory and what is in it (no subdirectories). */
static inline void fuzz_dir_remove(void)
{
	const char *dir = fuzz_dir_path();
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		char path[512];
		if (e->d_name[0] == '.' && (!e->d_name[1] || !strcmp(e->d_name, "..")))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		unlink(path);
	}
	closedir(d);
	rmdir(dir);
}

/* A new scratch directory holding the small guide, removed at exit. */
static inline const char *fuzz_dir_make(void)
{
	/* Two articles linking to each other and to their sections. */
	static const char *const fuzz_guide_files[][2] = {
		{"01-care.md", "# Care\n\nLooking after your skin.\n\n## The first day\n\n"
			       "Rest. See [signs](signs.md#when-to-call).\n\n## Sources\n\n"
			       "A book.\n"},
		{"02-signs.md", "# Signs\n\nWhat to look for.\n\n## When to call\n\nCall "
				"if it hurts. See [care](01-care.md).\n\n## Sources\n\n"
				"A book.\n"},
	};
	char *dir = fuzz_dir_path();
	if (!mkdtemp(dir))
		abort();
	atexit(fuzz_dir_remove);
	for (size_t i = 0; i < sizeof fuzz_guide_files / sizeof *fuzz_guide_files; i++) {
		char path[512];
		snprintf(path, sizeof path, "%s/%s", dir, fuzz_guide_files[i][0]);
		fuzz_write_file(path, (const uint8_t *)fuzz_guide_files[i][1],
				strlen(fuzz_guide_files[i][1]));
	}
	return dir;
}

/* The small guide, opened; aborts (naming `target`) when it cannot be. */
static inline struct guide *fuzz_guide_open(const char *target)
{
	struct sg_error err;
	struct guide *g = guide_open(fuzz_dir_make(), &err);
	if (!g) {
		fprintf(stderr, "%s: %s\n", target, err.msg);
		abort();
	}
	return g;
}

/* dir/name, in storage that lasts until the next call. */
static inline const char *fuzz_path(const char *dir, const char *name)
{
	static char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	return path;
}

#endif
