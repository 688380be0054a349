/* fuzz_text: the text module on any bytes: sanitising, then wrapping,
 * fitting, slugs and plain ASCII on the clean text, at widths 1 to 3 and
 * one the last byte chooses.
 *
 * Promises: text_sanitize gives valid UTF-8 without controls; wrapped
 * lines are in order, inside the text, of the width they say and never
 * wider than asked (but for one two-column character alone on a line of
 * one); text_fit never overflows; ASCII output is ASCII. */
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

/* Characters of `s` that take a column or more. */
static size_t visible_chars(const char *s, size_t n)
{
	size_t count = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += text_decode(s + i, n - i, &cp);
		count += text_char_width(cp) > 0;
	}
	return count;
}

static void check_wrap(const char *s, size_t n, size_t width)
{
	struct text_line *lines;
	size_t count = text_wrap(s, n, width, &lines);
	size_t limit = width ? width : 1; /* text_wrap's rule */
	if (count < 1)
		fuzz_fail("no line", s, n);
	size_t at = 0;
	for (size_t i = 0; i < count; i++) {
		const struct text_line *ln = &lines[i];
		size_t len = ln->end - ln->start;
		if (ln->start < at || ln->end < ln->start || ln->end > n)
			fuzz_fail("lines out of order", s, n);
		if (memchr(s + ln->start, '\n', len))
			fuzz_fail("a newline inside a line", s + ln->start, len);
		if (text_width(s + ln->start, len) != ln->width)
			fuzz_fail("a line of another width than it says", s + ln->start, len);
		/* The one exception: a two-column character alone on a line
		 * of one column (zero-width ones beside it take no room). */
		bool lone_wide = limit == 1 && ln->width == 2 &&
				 visible_chars(s + ln->start, len) == 1;
		if (ln->width > limit && !lone_wide)
			fuzz_fail("a line wider than asked", s + ln->start, len);
		at = ln->end;
	}
	free(lines);
	size_t fit = text_fit(s, n, width);
	if (fit > n || text_width(s, fit) > width)
		fuzz_fail("text_fit overflows", s, n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *raw = (const char *)data;
	bool keep = size && (data[size - 1] & 0x80);
	struct buf clean = BUF_INIT, out = BUF_INIT;
	text_sanitize(&clean, raw, size, keep);
	fuzz_clean(clean.data, clean.len, keep);
	if (!keep && memchr(clean.data, '\n', clean.len))
		fuzz_fail("a newline kept", clean.data, clean.len);
	for (size_t w = 1; w <= 3; w++)
		check_wrap(clean.data, clean.len, w);
	check_wrap(clean.data, clean.len, size ? data[size - 1] % 100 : 0);
	if (clean.len && text_grapheme(clean.data, clean.len) > clean.len)
		fuzz_fail("a cluster past the end", clean.data, clean.len);
	text_slug(&out, clean.data, clean.len);
	fuzz_clean(out.data, out.len, false);
	if (memchr(out.data, ' ', out.len))
		fuzz_fail("a space in a slug", out.data, out.len);
	buf_clear(&out);
	text_to_ascii(&out, clean.data, clean.len);
	for (size_t i = 0; i < out.len; i++)
		if ((unsigned char)out.data[i] >= 0x7f ||
		    ((unsigned char)out.data[i] < 0x20 && out.data[i] != '\n' &&
		     out.data[i] != '\t'))
			fuzz_fail("a byte that is not plain ASCII", out.data, out.len);
	buf_free(&clean);
	buf_free(&out);
	return 0;
}
