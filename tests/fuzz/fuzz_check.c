/* fuzz_check: --check on a content directory where the input is an
 * article beside two good ones, and, when the last byte says so, index.md
 * (bit 0) and quiz.md (bit 1) as well.
 *
 * Promises: the report is valid UTF-8 with no control byte; every error
 * and warning names its file and line as "dir/file:N: error: " (or
 * warning); the counts agree with the lines. */
#include "fuzz.h"

#include "skinguide/check.h"

static const char *dir;
static size_t dir_len;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	dir = fuzz_dir_make();
	dir_len = strlen(dir);
	return 0;
}

static void put_or_remove(const char *name, bool put, const uint8_t *data, size_t size)
{
	const char *path = fuzz_path(dir, name);
	if (put)
		fuzz_write_file(path, data, size);
	else
		unlink(path);
}

/* The first `needle` in s[0, n), or NULL. */
static const char *find(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(s + i, needle, k) == 0)
			return s + i;
	return NULL;
}

/* "dir/NAME:LINE: KIND: ", with the line at least 1; false for other
 * lines (the table, blank lines). */
static bool is_diagnostic(const char *s, size_t n, bool *error)
{
	const char *e = find(s, n, ": error: "), *w = find(s, n, ": warning: ");
	if (!e && !w)
		return false;
	const char *kind = e && (!w || e < w) ? e : w;
	*error = kind == e;
	if (n < dir_len + 1 || memcmp(s, dir, dir_len) != 0 || s[dir_len] != '/')
		fuzz_fail("a diagnostic without its file", s, n);
	const char *colon = kind;
	const char *digits = colon;
	while (digits > s && digits[-1] >= '0' && digits[-1] <= '9')
		digits--;
	if (digits == colon || digits[-1] != ':' || (digits[0] == '0'))
		fuzz_fail("a diagnostic without its line", s, n);
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned flags = size ? data[size - 1] : 0;
	put_or_remove("03-fuzz.md", true, data, size);
	put_or_remove("index.md", flags & 1, data, size);
	put_or_remove("quiz.md", flags & 2, data, size);
	struct fuzz_out out;
	struct check_result res;
	fuzz_out_open(&out);
	check_dir(dir, out.f, &res);
	fuzz_out_close(&out);
	fuzz_lines(out.text, out.len, 0);
	size_t errors = 0, warnings = 0;
	for (size_t i = 0; i < out.len;) {
		const char *s = out.text + i;
		const char *nl = memchr(s, '\n', out.len - i);
		size_t len = nl ? (size_t)(nl - s) : out.len - i;
		bool error;
		if (is_diagnostic(s, len, &error))
			*(error ? &errors : &warnings) += 1;
		i += len + 1;
	}
	if (errors != res.errors || warnings != res.warnings || res.articles != 3)
		fuzz_fail("counts that disagree with the report", out.text, out.len);
	fuzz_out_free(&out);
	return 0;
}
