/* Unit tests for src/text.c: decoding, sanitising, widths, clusters,
 * wrapping and slugs. */
#include <locale.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "skinguide/buf.h"
#include "skinguide/text.h"

static const size_t widths[] = {20, 40, 80, 200};
#define NWIDTHS (sizeof widths / sizeof widths[0])

#define E_ACUTE "e\xcc\x81"            /* e + U+0301 COMBINING ACUTE ACCENT */
#define ZHONG "\xe4\xb8\xad"           /* U+4E2D, wide */
#define WEN "\xe6\x96\x87"             /* U+6587, wide */
#define FULLSTOP "\xe3\x80\x82"        /* U+3002 IDEOGRAPHIC FULL STOP, wide */
#define GRIN "\xf0\x9f\x98\x80"        /* U+1F600, wide */
#define REPLACEMENT "\xef\xbf\xbd"     /* U+FFFD */
#define ZWNJ "\xe2\x80\x8c"           /* U+200C ZERO WIDTH NON-JOINER */
#define ACUTE "\xcc\x81"              /* U+0301 COMBINING ACUTE ACCENT */
#define JAMO_L "\xe1\x84\x80"         /* U+1100, wide; L jamo join in one cluster */
#define VISARGA "\xe0\xa4\x83"        /* U+0903, a spacing mark: joins its base */
#define THUMBS "\xf0\x9f\x91\x8d"     /* U+1F44D, wide */
#define SKIN "\xf0\x9f\x8f\xbb"       /* U+1F3FB skin tone, wide, joins the emoji */
#define NUMBER_SIGN "\xd8\x80"         /* U+0600 ARABIC NUMBER SIGN, prepended mark */

static const char *const english =
	"Keep the new tattoo covered for the first few hours and wash it gently "
	"with lukewarm water and fragrance free soap. Pat it dry with a clean "
	"paper towel instead of rubbing, then apply a thin layer of the ointment "
	"your artist recommended. Avoid swimming pools, hot tubs and direct "
	"sunlight for at least two weeks while the skin heals.";

/* ---- helpers ----------------------------------------------------------- */

static char *sanitize(const char *s, size_t n, bool keep_layout)
{
	struct buf b = BUF_INIT;
	text_sanitize(&b, s, n, keep_layout);
	return buf_detach(&b);
}

static bool is_continuation(unsigned char c)
{
	return c >= 0x80 && c < 0xc0;
}

/* Every line is in order, inside the text, within `width`, with a
 * truthful width field, and never starts inside a character. */
static void check_lines(const char *s, size_t n, const struct text_line *lines,
			size_t count, size_t width)
{
	size_t prev_end = 0;
	assert_true(count >= 1);
	for (size_t i = 0; i < count; i++) {
		const struct text_line *ln = &lines[i];
		assert_true(ln->start <= ln->end);
		assert_true(ln->end <= n);
		assert_true(ln->start >= prev_end);
		assert_int_equal(ln->width, text_width(s + ln->start, ln->end - ln->start));
		assert_true(ln->width <= width);
		if (ln->start < n)
			assert_false(is_continuation((unsigned char)s[ln->start]));
		prev_end = ln->end;
	}
}

/* The lines joined with single spaces. */
static char *join_lines(const char *s, const struct text_line *lines, size_t count,
			const char *sep)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < count; i++) {
		if (i)
			buf_puts(&b, sep);
		buf_append(&b, s + lines[i].start, lines[i].end - lines[i].start);
	}
	return buf_detach(&b);
}

/* `s` without its spaces and newlines. */
static char *strip_spaces(const char *s, size_t n)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\n')
			buf_putc(&b, s[i]);
	return buf_detach(&b);
}

/* Wrap, check the lines, and check no non-space byte is lost or moved. */
static size_t wrap_checked(const char *s, size_t width, struct text_line **lines)
{
	size_t n = strlen(s);
	size_t count = text_wrap(s, n, width, lines);
	check_lines(s, n, *lines, count, width);
	char *joined = join_lines(s, *lines, count, "");
	char *a = strip_spaces(s, n), *b = strip_spaces(joined, strlen(joined));
	assert_string_equal(a, b);
	free(a);
	free(b);
	free(joined);
	return count;
}

/* `count` copies of `piece` after `head`; caller frees. */
static char *repeat(const char *head, const char *piece, size_t count)
{
	struct buf b = BUF_INIT;
	buf_puts(&b, head);
	buf_repeat(&b, piece, count);
	return buf_detach(&b);
}

static size_t widest(const struct text_line *lines, size_t count)
{
	size_t max = 0;
	for (size_t i = 0; i < count; i++)
		max = lines[i].width > max ? lines[i].width : max;
	return max;
}

/* ---- text_decode ------------------------------------------------------- */

static void test_decode_ascii(void **state)
{
	(void)state;
	uint32_t cp = 0;
	assert_int_equal(text_decode("Az", 2, &cp), 1);
	assert_int_equal(cp, 'A');
}

static void test_decode_every_ascii_byte_is_itself(void **state)
{
	(void)state;
	for (int c = 0; c < 0x80; c++) {
		char s[2] = {(char)c, '\x80'};
		uint32_t cp = 0xFFFFFFFF;
		assert_int_equal(text_decode(s, 2, &cp), 1);
		assert_int_equal(cp, (uint32_t)c);
	}
}

static void test_decode_two_three_four_bytes(void **state)
{
	(void)state;
	uint32_t cp = 0;
	assert_int_equal(text_decode("\xc3\xa9x", 3, &cp), 2);
	assert_int_equal(cp, 0xE9);
	assert_int_equal(text_decode(ZHONG "x", 4, &cp), 3);
	assert_int_equal(cp, 0x4E2D);
	assert_int_equal(text_decode(GRIN "x", 5, &cp), 4);
	assert_int_equal(cp, 0x1F600);
}

static void test_decode_invalid_is_replacement_for_one_byte(void **state)
{
	(void)state;
	uint32_t cp = 0;
	assert_int_equal(text_decode("\xff" "a", 2, &cp), 1);
	assert_int_equal(cp, TEXT_REPLACEMENT);
	cp = 0;
	assert_int_equal(text_decode("\x80" "a", 2, &cp), 1); /* lone continuation */
	assert_int_equal(cp, TEXT_REPLACEMENT);
	cp = 0;
	assert_int_equal(text_decode("\xc0\xaf", 2, &cp), 1); /* overlong '/' */
	assert_int_equal(cp, TEXT_REPLACEMENT);
	cp = 0;
	assert_int_equal(text_decode("\xed\xa0\x80", 3, &cp), 1); /* surrogate */
	assert_int_equal(cp, TEXT_REPLACEMENT);
}

static void test_decode_truncated_is_replacement_for_one_byte(void **state)
{
	(void)state;
	uint32_t cp = 0;
	assert_int_equal(text_decode("\xe4\xb8", 2, &cp), 1);
	assert_int_equal(cp, TEXT_REPLACEMENT);
	cp = 0;
	assert_int_equal(text_decode(GRIN, 3, &cp), 1); /* n cuts the character */
	assert_int_equal(cp, TEXT_REPLACEMENT);
	cp = 0;
	assert_int_equal(text_decode("\xc3" "a", 2, &cp), 1); /* lead then ASCII */
	assert_int_equal(cp, TEXT_REPLACEMENT);
}

/* ---- text_is_control --------------------------------------------------- */

static void test_is_control_c0_except_tab_newline(void **state)
{
	(void)state;
	assert_true(text_is_control(0x00));
	assert_true(text_is_control(0x07));
	assert_true(text_is_control(0x0d));
	assert_true(text_is_control(0x1b));
	assert_true(text_is_control(0x1f));
	assert_false(text_is_control('\t'));
	assert_false(text_is_control('\n'));
	assert_false(text_is_control(' '));
	assert_false(text_is_control('~'));
}

static void test_is_control_del_and_c1(void **state)
{
	(void)state;
	assert_true(text_is_control(0x7f));
	assert_true(text_is_control(0x80));
	assert_true(text_is_control(0x85));
	assert_true(text_is_control(0x9b));
	assert_true(text_is_control(0x9f));
	assert_false(text_is_control(0xa0));
	assert_false(text_is_control(0xe9));
	assert_false(text_is_control(TEXT_REPLACEMENT));
}

/* ---- text_sanitize ----------------------------------------------------- */

static void test_sanitize_drops_esc_bel_del(void **state)
{
	(void)state;
	const char in[] = "a\x1b[31mb\x07" "c\x7f" "d\r";
	char *out = sanitize(in, sizeof in - 1, true);
	assert_string_equal(out, "a[31mbcd");
	free(out);
}

static void test_sanitize_drops_c1_given_as_utf8(void **state)
{
	(void)state;
	const char in[] = "x\xc2\x9b" "1m\xc2\x85y\xc2\x80z";
	char *out = sanitize(in, sizeof in - 1, false);
	assert_string_equal(out, "x1myz");
	free(out);
}

static void test_sanitize_drops_soft_hyphen_and_marks_widthless(void **state)
{
	(void)state;
	/* U+00AD has no agreed width; U+2028, U+FFFF, U+E000 (private use)
	 * have none at all: they would shift the rest of the line. */
	const char in[] = "a\xc2\xad" "b\xe2\x80\xa8" "c\xef\xbf\xbf" "d\xee\x80\x80" "e";
	char *out = sanitize(in, sizeof in - 1, false);
	assert_string_equal(out, "ab\xef\xbf\xbd" "c\xef\xbf\xbd" "d\xef\xbf\xbd" "e");
	free(out);
}

#define ZWJ "\xe2\x80\x8d"            /* U+200D ZERO WIDTH JOINER */
#define MAN "\xf0\x9f\x91\xa8"         /* U+1F468, wide */
#define WOMAN "\xf0\x9f\x91\xa9"       /* U+1F469, wide */
#define SA "\xe0\xa4\xb8"              /* U+0938 DEVANAGARI LETTER SA */

/* Terminals disagree on the width of emoji joined by U+200D, so the
 * joiner goes before an emoji; before a letter it shapes a script and
 * stays. */
static void test_sanitize_unjoins_emoji(void **state)
{
	(void)state;
	const char in[] = MAN ZWJ WOMAN ZWJ " a" ZWJ "b " SA ZWJ SA " " ZWJ;
	char *out = sanitize(in, sizeof in - 1, false);
	assert_string_equal(out, MAN WOMAN ZWJ " a" ZWJ "b " SA ZWJ SA " " ZWJ);
	assert_int_equal(text_width(out, strlen(out)), 4 + 2 + 2 + 2 + 1);
	free(out);
}

static void test_to_ascii_keeps_the_words_readable(void **state)
{
	(void)state;
	const char in[] = "Caf\xc3\xa9 \xe2\x80\x94 \xe2\x80\x9cquotes\xe2\x80\x9d, na"
		"\xc3\xafve\xe2\x80\xa6 \xe2\x80\xa2 \xe4\xb8\xad e\xcc\x81";
	struct buf b = BUF_INIT;
	text_to_ascii(&b, in, sizeof in - 1);
	assert_string_equal(b.data, "Cafe -- \"quotes\", naive... - ? e");
	for (size_t i = 0; i < b.len; i++)
		assert_true((unsigned char)b.data[i] < 0x80);
	buf_free(&b);
}

/* Fuzzing found that text made only of controls left the buffer
 * allocated but unterminated: read as a string, it leaked heap bytes. */
static void test_sanitize_of_only_controls_is_an_empty_string(void **state)
{
	(void)state;
	const char *inputs[] = {"\x12\x12\x12\x12\x12\x12\x12\x12", "\x1b\x1b",
				"\xc2\x9b\xc2\x85\x7f\r", "\xc2\xad"};
	for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
		struct buf b = BUF_INIT;
		text_sanitize(&b, inputs[i], strlen(inputs[i]), false);
		assert_non_null(b.data);
		assert_int_equal(b.len, 0);
		assert_int_equal(b.data[0], '\0');
		buf_free(&b);
	}
}

static void test_appenders_leave_a_string_when_nothing_is_kept(void **state)
{
	(void)state;
	struct buf slug = BUF_INIT, ascii = BUF_INIT;
	text_slug(&slug, "?!", 2);
	text_to_ascii(&ascii, "", 0);
	assert_non_null(slug.data);
	assert_string_equal(slug.data, "");
	assert_non_null(ascii.data);
	assert_string_equal(ascii.data, "");
	buf_free(&slug);
	buf_free(&ascii);
}

static void test_sanitize_keeps_nbsp_and_unicode(void **state)
{
	(void)state;
	const char in[] = "\xc2\xa0" "caf\xc3\xa9 " ZHONG GRIN E_ACUTE;
	char *out = sanitize(in, sizeof in - 1, false);
	assert_string_equal(out, in);
	free(out);
}

static void test_sanitize_invalid_bytes_become_replacement(void **state)
{
	(void)state;
	const char in[] = "a\xff" "b\xe4\xb8";
	char *out = sanitize(in, sizeof in - 1, false);
	assert_string_equal(out, "a" REPLACEMENT "b" REPLACEMENT REPLACEMENT);
	free(out);
}

static void test_sanitize_keep_layout_keeps_tab_newline(void **state)
{
	(void)state;
	char *out = sanitize("a\tb\nc", 5, true);
	assert_string_equal(out, "a\tb\nc");
	free(out);
}

static void test_sanitize_no_layout_turns_tab_newline_into_space(void **state)
{
	(void)state;
	char *out = sanitize("a\tb\nc", 5, false);
	assert_string_equal(out, "a b c");
	free(out);
}

static void test_sanitize_appends_and_stops_at_n(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	buf_puts(&b, "pre:");
	text_sanitize(&b, "abcdef", 3, false);
	assert_string_equal(b.data, "pre:abc");
	assert_int_equal(b.len, 7);
	buf_free(&b);
}

/* ---- widths ------------------------------------------------------------ */

static void test_char_width_values(void **state)
{
	(void)state;
	assert_int_equal(text_char_width('a'), 1);
	assert_int_equal(text_char_width(0x301), 0);
	assert_int_equal(text_char_width(0x4E2D), 2);
	assert_int_equal(text_char_width(0x1F600), 2);
	assert_int_equal(text_char_width(0x1b), 0);
}

/* Where libunistring 1.0 and terminals disagree, text follows terminals. */
static void test_char_width_follows_terminals(void **state)
{
	(void)state;
	const uint32_t one[] = {0x0600, 0x0605, 0x06DD, 0x070F, 0x08E2, 0x110BD, 0xAD};
	for (size_t i = 0; i < sizeof one / sizeof one[0]; i++)
		assert_int_equal(text_char_width(one[i]), 1);
	assert_int_equal(text_char_width(0x0CBF), 0); /* a nonspacing mark */
	assert_int_equal(text_char_width(0x4DC0), 2); /* a hexagram */
	assert_int_equal(text_char_width(0x3248), 2);
	assert_int_equal(text_width(NUMBER_SIGN "12", 4), 3);
}

/* Deliberate differences from wcwidth(): characters that never reach a
 * terminal as themselves, for which wcwidth() has no width (-1). */
enum width_exception {
	WX_NONE,
	WX_CONTROL,  /* C0, DEL, C1: text_sanitize drops them; ours 0 */
	WX_LAYOUT,   /* tab, newline: layout makes them spaces and breaks */
	WX_REPLACED  /* unassigned, U+2028, U+2029: text_sanitize shows U+FFFD */
};

static enum width_exception width_exception(uint32_t cp, int term)
{
	if (term != -1)
		return WX_NONE;
	if (cp == '\t' || cp == '\n')
		return WX_LAYOUT;
	if (text_is_control(cp))
		return WX_CONTROL;
	uint8_t tmp[4];
	size_t n = 0;
	if (cp < 0x800) {
		tmp[n++] = (uint8_t)(0xC0 | cp >> 6);
	} else if (cp < 0x10000) {
		tmp[n++] = (uint8_t)(0xE0 | cp >> 12);
		tmp[n++] = (uint8_t)(0x80 | (cp >> 6 & 0x3F));
	} else {
		tmp[n++] = (uint8_t)(0xF0 | cp >> 18);
		tmp[n++] = (uint8_t)(0x80 | (cp >> 12 & 0x3F));
		tmp[n++] = (uint8_t)(0x80 | (cp >> 6 & 0x3F));
	}
	tmp[n++] = (uint8_t)(0x80 | (cp & 0x3F));
	struct buf b = BUF_INIT;
	text_sanitize(&b, (const char *)tmp, n, false);
	bool replaced = strcmp(b.data, REPLACEMENT) == 0;
	buf_free(&b);
	return replaced ? WX_REPLACED : WX_NONE;
}

/* Every code point against glibc's wcwidth() in C.UTF-8, which tmux and
 * most terminals follow: a width they do not share garbles the screen. */
static void test_char_width_matches_wcwidth_everywhere(void **state)
{
	(void)state;
	locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	if (!utf8)
		skip();
	locale_t old = uselocale(utf8);
	size_t wrong = 0, seen[4] = {0};
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue; /* surrogates are not characters */
		int term = wcwidth((wchar_t)cp), ours = text_char_width(cp);
		if (term == ours)
			continue;
		enum width_exception why = width_exception(cp, term);
		seen[why]++;
		if (why == WX_NONE && wrong++ < 20)
			print_error("U+%04X: wcwidth %d, text_char_width %d\n", (unsigned)cp,
				    term, ours);
	}
	uselocale(old);
	freelocale(utf8);
	assert_int_equal(wrong, 0);
	assert_int_equal(seen[WX_CONTROL], 29 + 1 + 32); /* C0 but NUL, tab, LF; DEL; C1 */
	assert_int_equal(seen[WX_LAYOUT], 2);
	assert_true(seen[WX_REPLACED] > 0);
}

static void test_text_width_ascii_controls_take_nothing(void **state)
{
	(void)state;
	assert_int_equal(text_width("a\x1b" "b\x7f" "c", 5), 3);
	assert_int_equal(text_width("a\xff" "b", 3), 3); /* invalid: U+FFFD, 1 column */
}

static void test_text_width_of_strings(void **state)
{
	(void)state;
	assert_int_equal(text_width("hello", 5), 5);
	assert_int_equal(text_width(E_ACUTE, 3), 1);
	assert_int_equal(text_width(ZHONG WEN, 6), 4);
	assert_int_equal(text_width(GRIN "!", 5), 3);
	assert_int_equal(text_width("", 0), 0);
}

/* ---- clusters and fitting ---------------------------------------------- */

static void test_grapheme_keeps_combining_mark(void **state)
{
	(void)state;
	assert_int_equal(text_grapheme(E_ACUTE "x", 4), 3);
	assert_int_equal(text_grapheme("ab", 2), 1);
	assert_int_equal(text_grapheme(ZHONG WEN, 6), 3);
	assert_int_equal(text_grapheme("a", 1), 1);
}

static void test_fit_never_splits_wide_char(void **state)
{
	(void)state;
	assert_int_equal(text_fit(ZHONG WEN, 6, 1), 0);
	assert_int_equal(text_fit(ZHONG WEN, 6, 3), 3);
	assert_int_equal(text_fit(ZHONG WEN, 6, 4), 6);
	assert_int_equal(text_fit("a" GRIN, 5, 2), 1);
}

/* A first cluster wider than all the room is cut, not lost: the reader
 * once showed such a line as a lone ellipsis. */
static void test_fit_cuts_a_cluster_wider_than_the_room(void **state)
{
	(void)state;
	char *jamo = repeat("", JAMO_L, 50);
	assert_int_equal(text_fit(jamo, strlen(jamo), 20), 10 * 3);
	assert_int_equal(text_fit(jamo, strlen(jamo), 21), 10 * 3);
	assert_int_equal(text_fit(jamo, strlen(jamo), 1), 0);
	char *after = repeat("ab", JAMO_L, 50);
	assert_int_equal(text_fit(after, strlen(after), 20), 2); /* not the first */
	free(jamo);
	free(after);
}

static void test_fit_never_splits_cluster(void **state)
{
	(void)state;
	const char s[] = "a" E_ACUTE "b";
	assert_int_equal(text_fit(s, sizeof s - 1, 1), 1);
	assert_int_equal(text_fit(s, sizeof s - 1, 2), 4);
	assert_int_equal(text_fit(s, sizeof s - 1, 3), 5);
	assert_int_equal(text_fit(s, sizeof s - 1, 0), 0);
}

/* ---- wrapping ---------------------------------------------------------- */

static void test_wrap_keeps_within_width_and_words(void **state)
{
	(void)state;
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct text_line *lines;
		size_t count = wrap_checked(english, widths[w], &lines);
		char *joined = join_lines(english, lines, count, " ");
		assert_string_equal(joined, english);
		if (widths[w] < strlen(english))
			assert_true(count > 1);
		free(joined);
		free(lines);
	}
}

static void test_wrap_lines_do_not_start_or_end_with_space(void **state)
{
	(void)state;
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct text_line *lines;
		size_t count = wrap_checked(english, widths[w], &lines);
		for (size_t i = 0; i < count; i++) {
			assert_true(lines[i].end > lines[i].start);
			assert_int_not_equal(english[lines[i].start], ' ');
			assert_int_not_equal(english[lines[i].end - 1], ' ');
		}
		free(lines);
	}
}

static void test_wrap_breaks_long_word_into_fitting_pieces(void **state)
{
	(void)state;
	char word[301];
	for (size_t i = 0; i < 300; i++)
		word[i] = (char)('a' + i % 26);
	word[300] = '\0';
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct text_line *lines;
		size_t count = wrap_checked(word, widths[w], &lines);
		assert_int_equal(count, (300 + widths[w] - 1) / widths[w]);
		assert_int_equal(lines[0].width, widths[w]);
		char *joined = join_lines(word, lines, count, "");
		assert_string_equal(joined, word);
		free(joined);
		free(lines);
	}
}

static void test_wrap_cjk_without_spaces(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	for (int i = 0; i < 60; i++)
		buf_puts(&b, i % 7 == 6 ? FULLSTOP : i % 2 ? WEN : ZHONG);
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct text_line *lines;
		size_t count = wrap_checked(b.data, widths[w], &lines);
		assert_true(count >= (120 + widths[w] - 1) / widths[w]);
		if (widths[w] >= 120)
			assert_int_equal(count, 1);
		char *joined = join_lines(b.data, lines, count, "");
		assert_string_equal(joined, b.data);
		free(joined);
		free(lines);
	}
	buf_free(&b);
}

static void test_wrap_keeps_combining_mark_with_base(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	for (int i = 0; i < 250; i++)
		buf_puts(&b, E_ACUTE);
	const size_t ws[] = {1, 20, 40, 80, 200};
	for (size_t w = 0; w < sizeof ws / sizeof ws[0]; w++) {
		struct text_line *lines;
		size_t count = wrap_checked(b.data, ws[w], &lines);
		for (size_t i = 0; i < count; i++) {
			assert_int_equal(b.data[lines[i].start], 'e');
			assert_int_equal((lines[i].end - lines[i].start) % 3, 0);
		}
		assert_int_equal(count, (250 + ws[w] - 1) / ws[w]);
		free(lines);
	}
	buf_free(&b);
}

static void test_wrap_mixed_wide_text(void **state)
{
	(void)state;
	const char *s = "Day 1 " ZHONG WEN ZHONG WEN " " GRIN " ok caf" E_ACUTE
			" " ZHONG WEN ZHONG WEN ZHONG WEN ZHONG WEN ZHONG WEN FULLSTOP
			" wash " GRIN GRIN GRIN " twice a day, then pat dry.";
	const size_t ws[] = {2, 3, 5, 7, 20, 40, 80, 200};
	for (size_t w = 0; w < sizeof ws / sizeof ws[0]; w++) {
		struct text_line *lines;
		wrap_checked(s, ws[w], &lines);
		free(lines);
	}
}

static void test_wrap_newline_forces_break(void **state)
{
	(void)state;
	const char *s = "ab\ncd\n\nef";
	for (size_t w = 0; w < NWIDTHS; w++) {
		struct text_line *lines;
		size_t count = wrap_checked(s, widths[w], &lines);
		assert_int_equal(count, 4);
		char *joined = join_lines(s, lines, count, "|");
		assert_string_equal(joined, "ab|cd||ef");
		free(joined);
		free(lines);
	}
}

static void test_wrap_width_one(void **state)
{
	(void)state;
	const char *s = "abc de";
	struct text_line *lines;
	size_t count = wrap_checked(s, 1, &lines);
	char *joined = join_lines(s, lines, count, "|");
	assert_string_equal(joined, "a|b|c|d|e");
	free(joined);
	free(lines);
}

static void test_wrap_drops_spaces_at_break(void **state)
{
	(void)state;
	const char *s = "aaa   bbb";
	struct text_line *lines;
	size_t count = wrap_checked(s, 4, &lines);
	char *joined = join_lines(s, lines, count, "|");
	assert_string_equal(joined, "aaa|bbb");
	assert_int_equal(lines[0].width, 3);
	free(joined);
	free(lines);
}

/* An option stays one word to read and to copy; a hyphen inside a word
 * still lets the line break after it. */
static void test_wrap_keeps_word_initial_hyphens(void **state)
{
	(void)state;
	const char *s = "Run skinguide --check to see why, or read the follow-up.";
	struct text_line *lines;
	size_t count = wrap_checked(s, 16, &lines);
	char *joined = join_lines(s, lines, count, "|");
	assert_string_equal(joined, "Run skinguide|--check to see|why, or read the|follow-up.");
	free(joined);
	free(lines);
	/* After a line break too, and not after a hyphen inside a word. */
	count = wrap_checked("x\nab --check", 7, &lines);
	joined = join_lines("x\nab --check", lines, count, "|");
	assert_string_equal(joined, "x|ab|--check");
	free(joined);
	free(lines);
	count = wrap_checked("aaaaaaaa follow-up", 16, &lines);
	joined = join_lines("aaaaaaaa follow-up", lines, count, "|");
	assert_string_equal(joined, "aaaaaaaa follow-|up");
	free(joined);
	free(lines);
}

static void test_wrap_empty_text_is_one_empty_line(void **state)
{
	(void)state;
	struct text_line *lines = NULL;
	assert_int_equal(text_wrap("", 0, 20, &lines), 1);
	assert_non_null(lines);
	assert_int_equal(lines[0].start, 0);
	assert_int_equal(lines[0].end, 0);
	assert_int_equal(lines[0].width, 0);
	free(lines);
}

/* "a" may end a line before a wide ideograph, but the ideographic full
 * stop may not start one: moving "中" down must not leave "中。" (4
 * columns) on a 3-column line.  Same shape at width 20. */
static void test_wrap_break_back_stays_within_width(void **state)
{
	(void)state;
	const char *small = "a" ZHONG FULLSTOP;
	const char *wide = "a" ZHONG FULLSTOP FULLSTOP FULLSTOP FULLSTOP FULLSTOP
			   FULLSTOP FULLSTOP FULLSTOP "!" FULLSTOP;
	struct text_line *l1, *l2;
	size_t n1 = text_wrap(small, strlen(small), 3, &l1);
	size_t n2 = text_wrap(wide, strlen(wide), 20, &l2);
	size_t max1 = 0, max2 = 0;
	for (size_t i = 0; i < n1; i++)
		max1 = l1[i].width > max1 ? l1[i].width : max1;
	for (size_t i = 0; i < n2; i++)
		max2 = l2[i].width > max2 ? l2[i].width : max2;
	free(l1);
	free(l2);
	assert_true(max1 <= 3);
	assert_true(max2 <= 20);
}

/* Spaces hang past the edge, but a space a zero-width character joins
 * (one cluster) is text: it once stretched the line. */
static void test_wrap_spaces_then_zero_width_stay_within_width(void **state)
{
	(void)state;
	struct text_line *lines;
	size_t count = wrap_checked("abcdefgh      " ZWNJ, 10, &lines);
	assert_true(widest(lines, count) <= 10);
	assert_int_equal(lines[0].end, 8);
	free(lines);
	char *spaces = repeat("", " ", 100);
	char *marked = repeat(spaces, ACUTE, 1);
	count = wrap_checked(marked, 20, &lines);
	assert_true(widest(lines, count) <= 20);
	assert_int_equal(lines[count - 1].width, 1);
	free(lines);
	free(spaces);
	free(marked);
}

/* Clusters that cannot be split by the rules are cut between their
 * characters, the last resort: each once made one line of 61-122
 * columns at width 20. */
static void test_wrap_cuts_clusters_wider_than_the_line(void **state)
{
	(void)state;
	char *cases[] = {repeat("", JAMO_L, 50), repeat("a", VISARGA, 60),
			 repeat(THUMBS, SKIN, 60)};
	const size_t want_lines[] = {5, 4, 7}; /* 100, 61 and 122 columns */
	for (size_t c = 0; c < 3; c++) {
		struct text_line *lines;
		size_t count = wrap_checked(cases[c], 20, &lines);
		assert_int_equal(count, want_lines[c]);
		assert_int_equal(lines[0].width, 20);
		char *joined = join_lines(cases[c], lines, count, "");
		assert_string_equal(joined, cases[c]);
		free(joined);
		free(lines);
		for (size_t w = 2; w <= 30; w++) { /* 1: a lone jamo is 2 wide */
			wrap_checked(cases[c], w, &lines);
			free(lines);
		}
		free(cases[c]);
	}
}

/* A cluster that fits on a line of its own moves there whole. */
static void test_wrap_moves_a_fitting_cluster_whole(void **state)
{
	(void)state;
	char *s = repeat("abcdefghijklmnop ", JAMO_L, 5); /* 16, a space, 10 */
	struct text_line *lines;
	size_t count = wrap_checked(s, 20, &lines);
	assert_int_equal(count, 2);
	assert_int_equal(lines[1].width, 10);
	free(lines);
	free(s);
}

/* The one documented exception: a two-column character on a one-column
 * line goes alone, with the marks that join it. */
static void test_wrap_wide_char_on_one_column_line(void **state)
{
	(void)state;
	const char *s = ZHONG ACUTE "a" ZHONG;
	struct text_line *lines;
	size_t count = text_wrap(s, strlen(s), 1, &lines);
	assert_int_equal(count, 3);
	assert_int_equal(lines[0].end, 5);
	assert_int_equal(lines[0].width, 2);
	assert_int_equal(lines[1].width, 1);
	assert_int_equal(lines[2].width, 2);
	free(lines);
}

static void test_wrap_counts_prepended_marks(void **state)
{
	(void)state;
	char *s = repeat("", NUMBER_SIGN "1 ", 20);
	struct text_line *lines;
	size_t count = wrap_checked(s, 10, &lines);
	/* Three "؀1" of 2 columns and two spaces; at 1 column, five fitted. */
	assert_int_equal(lines[0].width, 8);
	assert_int_equal(count, 7);
	free(lines);
	free(s);
}

/* ---- property: random and hostile text at every width ------------------ */

static const char *const pieces[] = {
	"a", "word", "longerword", " ", "   ", "\n", "-", ".", E_ACUTE, ACUTE, ZHONG,
	WEN, FULLSTOP, GRIN, ZWNJ, "\xe2\x80\x8d" /* ZWJ */, JAMO_L,
	"\xe1\x85\xa1" /* V jamo */, "\xe1\x86\xa8" /* T jamo */, VISARGA, THUMBS, SKIN,
	NUMBER_SIGN, "\xdb\x9d" /* U+06DD */, "\xdc\x8f" /* U+070F */,
	"\xf0\x91\x82\xbd" /* U+110BD */, "\xf0\x9f\x87\xa6" /* regional A */,
	"\xef\xb8\x8f" /* VS16 */, "\xe2\x81\xa0" /* word joiner */, "\xc2\xa0",
	"\xe2\x80\x94", REPLACEMENT, "\xe2\x80\x8b" /* ZWSP */, "\xea\xb0\x80",
	"\xe0\xa4\x95" /* Devanagari KA */, "\xe0\xb8\x81" /* Thai */,
	"\xd8\xb9" /* Arabic */, "\xe2\x80\xae" /* RLO */, "\xe3\x89\x88",
	"\xe4\xb7\x80" /* hexagram */,
};
#define NPIECES (sizeof pieces / sizeof pieces[0])

static uint32_t rng = 12345;

static uint32_t next_random(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

/* Text of up to 60 pieces; runs of one piece make long clusters. */
static char *random_text(void)
{
	struct buf b = BUF_INIT;
	size_t n = next_random() % 60;
	for (size_t i = 0; i < n; i++) {
		const char *p = pieces[next_random() % NPIECES];
		buf_repeat(&b, p, next_random() % 4 ? 1 : next_random() % 30 + 1);
	}
	return buf_detach(&b);
}

/* True when the line holds one two-column character and zero-width
 * ones: allowed on a one-column line only. */
static bool lone_wide_char(const char *s, const struct text_line *ln)
{
	size_t wide = 0;
	for (size_t i = ln->start; i < ln->end;) {
		uint32_t cp;
		i += text_decode(s + i, ln->end - i, &cp);
		int w = text_char_width(cp);
		if (w == 1)
			return false;
		wide += w == 2;
	}
	return wide == 1;
}

static void test_wrap_property_random_and_hostile(void **state)
{
	(void)state;
	for (int round = 0; round < 1500; round++) {
		char *s = random_text();
		size_t n = strlen(s);
		for (size_t width = 1; width <= 30; width++) {
			struct text_line *lines;
			size_t count = text_wrap(s, n, width, &lines);
			size_t prev_end = 0;
			for (size_t i = 0; i < count; i++) {
				const struct text_line *ln = &lines[i];
				assert_true(ln->start >= prev_end && ln->end <= n);
				assert_int_equal(ln->width, text_width(s + ln->start,
								       ln->end - ln->start));
				if (ln->width > width && !(width == 1 && lone_wide_char(s, ln))) {
					print_error("round %d width %zu line %zu: %zu columns:",
						    round, width, i, ln->width);
					for (size_t k = ln->start; k < ln->end; k++)
						print_error(" %02x", (unsigned char)s[k]);
					print_error("\n");
					fail();
				}
				prev_end = ln->end;
			}
			char *joined = join_lines(s, lines, count, "");
			char *a = strip_spaces(s, n), *b = strip_spaces(joined, strlen(joined));
			assert_string_equal(a, b);
			free(a);
			free(b);
			free(joined);
			free(lines);
		}
		free(s);
	}
}

/* ---- slugs ------------------------------------------------------------- */

static char *slug(const char *s)
{
	struct buf b = BUF_INIT;
	text_slug(&b, s, strlen(s));
	return buf_detach(&b);
}

static void check_slug(const char *in, const char *want)
{
	char *got = slug(in);
	assert_string_equal(got, want);
	free(got);
}

static void test_slug_lowercases_and_dashes_spaces(void **state)
{
	(void)state;
	check_slug("The first 24 hours", "the-first-24-hours");
	check_slug("Days 2-3", "days-2-3");
}

static void test_slug_drops_punctuation(void **state)
{
	(void)state;
	check_slug("What is it?", "what-is-it");
	check_slug("Sun & heat", "sun--heat");
}

static void test_slug_keeps_non_ascii_letters(void **state)
{
	(void)state;
	check_slug("\xc3\x89tape", "\xc3\xa9tape");
}

/* text_slug() makes the slug of ASCII text without libunistring.  The
 * slow path works character by character, and an ASCII character's case
 * and class need no context, so a non-ASCII letter after `s` sends the
 * same text through it: slug(s) then "\xc3\xa9" must be slug(s + "\xc3\xa9"). */
static void assert_slug_paths_agree(const char *s, size_t n)
{
	struct buf fast = BUF_INIT, slow = BUF_INIT;
	char *with_e = xmalloc(n + 2);
	memcpy(with_e, s, n);
	memcpy(with_e + n, "\xc3\xa9", 2);
	text_slug(&fast, s, n);
	buf_puts(&fast, "\xc3\xa9");
	text_slug(&slow, with_e, n + 2);
	assert_int_equal(fast.len, slow.len);
	assert_memory_equal(fast.data, slow.data, fast.len);
	free(with_e);
	buf_free(&fast);
	buf_free(&slow);
}

static void test_slug_ascii_fast_path_agrees_with_unicode_path(void **state)
{
	(void)state;
	for (int b = 0; b < 0x80; b++) {
		char s[4] = {'A', (char)b, 'z', '\0'};
		assert_slug_paths_agree(s, 3);
		assert_slug_paths_agree(s + 1, 1);
	}
	static const char *const headings[] = {
		"The first 24 hours", "What is it?", "Sun & heat", "Days 2-3", "snake_case  two",
		"  Leading, trailing  ", "ALL CAPS: WHY?", "Tabs\tand\nnewlines", "", "---",
	};
	for (size_t i = 0; i < sizeof headings / sizeof headings[0]; i++)
		assert_slug_paths_agree(headings[i], strlen(headings[i]));
	check_slug("ALL CAPS: WHY?", "all-caps-why");
}

/* text_ascii_run() lets scanners skip what a decode would find to be
 * printable ASCII: one column, no control.  Byte by byte, and where a
 * run stops, it must say what text_decode() and the width say. */
static void test_ascii_run_agrees_with_decode(void **state)
{
	(void)state;
	for (int b = 0; b < 0x100; b++) {
		char s[2] = {(char)b, 'x'};
		uint32_t cp;
		size_t len = text_decode(s, 1, &cp);
		bool plain = len == 1 && cp < 0x80 && !text_is_control(cp) &&
			     text_char_width(cp) == 1;
		assert_int_equal(text_ascii_run(s, 1), plain ? 1 : 0);
		assert_int_equal(text_ascii_run(s, 2), plain ? 2 : 0);
	}
	static const char mixed[] = "ab c" ZHONG "d\te\n" GRIN "f";
	assert_int_equal(text_ascii_run(mixed, sizeof mixed - 1), 4);
	assert_int_equal(text_ascii_run(mixed + 7, sizeof mixed - 8), 1);
	assert_int_equal(text_ascii_run(mixed, 2), 2); /* stops at n */
	assert_int_equal(text_ascii_run(mixed, 0), 0);
}

/* It takes eight bytes a step: every byte value at every place of a long
 * run, and every length, must stop it exactly where a byte-by-byte scan
 * stops. */
static void test_ascii_run_stops_at_every_byte_in_a_word(void **state)
{
	(void)state;
	char s[40];
	for (int b = 0; b < 0x100; b++) {
		for (size_t at = 0; at < 24; at++) {
			memset(s, 'a' + (int)(at % 26), sizeof s);
			s[at] = (char)b;
			bool plain = b >= 0x20 && b < 0x7f;
			for (size_t n = 0; n <= sizeof s; n += 1) {
				size_t want = plain || at >= n ? n : at;
				assert_int_equal(text_ascii_run(s, n), want);
				assert_int_equal(text_ascii_run(s + 1, n ? n - 1 : 0),
						 plain || at == 0 || at >= n ? (n ? n - 1 : 0) : at - 1);
			}
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_ascii),
		cmocka_unit_test(test_ascii_run_stops_at_every_byte_in_a_word),
		cmocka_unit_test(test_decode_every_ascii_byte_is_itself),
		cmocka_unit_test(test_decode_two_three_four_bytes),
		cmocka_unit_test(test_decode_invalid_is_replacement_for_one_byte),
		cmocka_unit_test(test_decode_truncated_is_replacement_for_one_byte),
		cmocka_unit_test(test_is_control_c0_except_tab_newline),
		cmocka_unit_test(test_is_control_del_and_c1),
		cmocka_unit_test(test_sanitize_drops_esc_bel_del),
		cmocka_unit_test(test_sanitize_drops_c1_given_as_utf8),
		cmocka_unit_test(test_sanitize_of_only_controls_is_an_empty_string),
		cmocka_unit_test(test_appenders_leave_a_string_when_nothing_is_kept),
		cmocka_unit_test(test_sanitize_keeps_nbsp_and_unicode),
		cmocka_unit_test(test_to_ascii_keeps_the_words_readable),
		cmocka_unit_test(test_sanitize_drops_soft_hyphen_and_marks_widthless),
		cmocka_unit_test(test_sanitize_unjoins_emoji),
		cmocka_unit_test(test_sanitize_invalid_bytes_become_replacement),
		cmocka_unit_test(test_sanitize_keep_layout_keeps_tab_newline),
		cmocka_unit_test(test_sanitize_no_layout_turns_tab_newline_into_space),
		cmocka_unit_test(test_sanitize_appends_and_stops_at_n),
		cmocka_unit_test(test_char_width_values),
		cmocka_unit_test(test_char_width_follows_terminals),
		cmocka_unit_test(test_char_width_matches_wcwidth_everywhere),
		cmocka_unit_test(test_text_width_of_strings),
		cmocka_unit_test(test_text_width_ascii_controls_take_nothing),
		cmocka_unit_test(test_grapheme_keeps_combining_mark),
		cmocka_unit_test(test_fit_never_splits_wide_char),
		cmocka_unit_test(test_fit_never_splits_cluster),
		cmocka_unit_test(test_fit_cuts_a_cluster_wider_than_the_room),
		cmocka_unit_test(test_wrap_keeps_within_width_and_words),
		cmocka_unit_test(test_wrap_lines_do_not_start_or_end_with_space),
		cmocka_unit_test(test_wrap_breaks_long_word_into_fitting_pieces),
		cmocka_unit_test(test_wrap_cjk_without_spaces),
		cmocka_unit_test(test_wrap_keeps_combining_mark_with_base),
		cmocka_unit_test(test_wrap_mixed_wide_text),
		cmocka_unit_test(test_wrap_newline_forces_break),
		cmocka_unit_test(test_wrap_width_one),
		cmocka_unit_test(test_wrap_drops_spaces_at_break),
		cmocka_unit_test(test_wrap_keeps_word_initial_hyphens),
		cmocka_unit_test(test_wrap_empty_text_is_one_empty_line),
		cmocka_unit_test(test_wrap_break_back_stays_within_width),
		cmocka_unit_test(test_wrap_spaces_then_zero_width_stay_within_width),
		cmocka_unit_test(test_wrap_cuts_clusters_wider_than_the_line),
		cmocka_unit_test(test_wrap_moves_a_fitting_cluster_whole),
		cmocka_unit_test(test_wrap_wide_char_on_one_column_line),
		cmocka_unit_test(test_wrap_counts_prepended_marks),
		cmocka_unit_test(test_wrap_property_random_and_hostile),
		cmocka_unit_test(test_slug_lowercases_and_dashes_spaces),
		cmocka_unit_test(test_slug_drops_punctuation),
		cmocka_unit_test(test_slug_keeps_non_ascii_letters),
		cmocka_unit_test(test_slug_ascii_fast_path_agrees_with_unicode_path),
		cmocka_unit_test(test_ascii_run_agrees_with_decode),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
