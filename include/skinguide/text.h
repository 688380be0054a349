/* text: UTF-8 decoding, sanitising, display width, line breaking and
 * heading slugs.  Every other module measures and cleans text here, so
 * Unicode rules live in one place (they come from libunistring). */
#ifndef SKINGUIDE_TEXT_H
#define SKINGUIDE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "skinguide/buf.h"

#define TEXT_REPLACEMENT 0xFFFDu

/** text_decode for a first byte of 0x80 or more; call text_decode. */
size_t text_decode_multibyte(const char *s, size_t n, uint32_t *cp);

/** Decode one character from `s` (`n` > 0 bytes available) into *cp and
 *  return the bytes it used (at least 1).  Invalid or truncated UTF-8
 *  yields U+FFFD for one byte, so a caller always makes progress.
 *  Inline for ASCII: checkers call it for every byte of every file. */
static inline size_t text_decode(const char *s, size_t n, uint32_t *cp)
{
	if ((unsigned char)s[0] < 0x80) {
		*cp = (unsigned char)s[0];
		return 1;
	}
	return text_decode_multibyte(s, n, cp);
}

/** Bytes of the run of printable ASCII (0x20 to 0x7e) that starts `s`:
 *  characters that need no decode, have width 1 and are never controls.
 *  Scanners skip such a run in one step, then decode what follows. */
static inline size_t text_ascii_run(const char *s, size_t n)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	size_t i = 0;
	/* Eight bytes a step while none is below 0x20 (the first test) or
	 * 0x7f and above (the second): word tricks whose result is non-zero
	 * when some byte is, which is all that is asked of them here. */
	for (; i + 8 <= n; i += 8) {
		uint64_t x;
		memcpy(&x, s + i, 8);
		if (((x - ones * 0x20) & ~x & highs) | (((x + ones) | x) & highs))
			break;
	}
	while (i < n && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7f)
		i++;
	return i;
}

/** True for the characters that must never reach a terminal: C0 controls
 *  other than tab and newline, DEL and the C1 controls. */
static inline bool text_is_control(uint32_t cp)
{
	if (cp == '\t' || cp == '\n')
		return false;
	return cp < 0x20 || (cp >= 0x7f && cp < 0xa0);
}

/** Append `s` to `out` as valid UTF-8: invalid bytes become U+FFFD and
 *  control characters are dropped.  Tabs and newlines are kept when
 *  `keep_layout` is true and become spaces otherwise.  `out` is a valid
 *  string afterwards even when every character was dropped.  (Every
 *  text_* function that appends to a buf leaves it so.) */
void text_sanitize(struct buf *out, const char *s, size_t n, bool keep_layout);

/** Columns one character takes on a terminal: 0 for combining marks and
 *  other zero-width characters, 2 for wide (East Asian, emoji) ones.
 *  libunistring's widths, corrected where terminals (glibc's wcwidth(),
 *  which tmux and most terminals follow) disagree: prepended
 *  concatenation marks such as U+0600 and the soft hyphen take 1, every
 *  nonspacing mark 0, U+3248-324F and U+4DC0-4DFF 2.  Controls give 0
 *  (wcwidth says -1): text_sanitize removes them before anything is
 *  measured, and shows unassigned code points and U+2028/9 as U+FFFD. */
int text_char_width(uint32_t cp);

/** Columns taken by the valid UTF-8 text `s`. */
size_t text_width(const char *s, size_t n);

/** Bytes in the grapheme cluster (a base character with its combining
 *  marks) that starts at `s`; at least 1 when n > 0. */
size_t text_grapheme(const char *s, size_t n);

/** Bytes of the longest prefix of `s` that fits in `width` columns
 *  without splitting a grapheme cluster; when the first cluster alone is
 *  wider than `width`, as many of its characters as fit (so text is cut,
 *  never lost whole, as text_wrap does). */
size_t text_fit(const char *s, size_t n, size_t width);

/** One wrapped line: bytes [start, end) of the source, `width` columns. */
struct text_line {
	size_t start;
	size_t end;
	size_t width;
};

/** Wrap the valid UTF-8 text `s` into lines of at most `width` columns
 *  (a width of 0 counts as 1).  Lines break where Unicode allows
 *  (UAX #14), a newline forces a break, a word wider than the line is
 *  broken between grapheme clusters, a cluster wider than the line
 *  between its characters, and spaces at a break are dropped.  The one
 *  line ever wider than `width` holds a single two-column character on a
 *  one-column line.  Returns the number of lines (at least 1) and stores
 *  a new array in *lines, which the caller frees with free(). */
size_t text_wrap(const char *s, size_t n, size_t width, struct text_line **lines);

/** Append `s` (valid UTF-8) in plain ASCII, for a terminal whose locale
 *  cannot show UTF-8: accents dropped ("é" becomes "e"), typographic
 *  punctuation made plain (curly quotes, dashes, "…", bullets, no-break
 *  spaces), any other character '?'. */
void text_to_ascii(struct buf *out, const char *s, size_t n);

/** Append the anchor slug of a heading to `out`, as GitHub makes them:
 *  lower case, punctuation dropped, each space turned into '-'. */
void text_slug(struct buf *out, const char *s, size_t n);

#endif
