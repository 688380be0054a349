/* text: the one place that knows about UTF-8 and Unicode widths. */
#include "skinguide/text.h"

#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

size_t text_decode_multibyte(const char *s, size_t n, uint32_t *cp)
{
	ucs4_t uc;
	int len = u8_mbtoucr(&uc, (const uint8_t *)s, n);
	if (len <= 0) {
		*cp = TEXT_REPLACEMENT;
		return 1;
	}
	*cp = uc;
	return (size_t)len;
}

/* Characters a terminal has no width for (unassigned, private use,
 * surrogates, line and paragraph separators) would shift everything after
 * them; they are shown as U+FFFD instead. */
static bool printable(uint32_t cp)
{
	return !uc_is_general_category(cp, UC_CATEGORY_Cn) &&
	       !uc_is_general_category(cp, UC_CATEGORY_Co) &&
	       !uc_is_general_category(cp, UC_CATEGORY_Cs) &&
	       !uc_is_general_category(cp, UC_CATEGORY_Zl) &&
	       !uc_is_general_category(cp, UC_CATEGORY_Zp);
}

/* Embeddings, overrides and isolates (U+202A-202E, U+2066-2069): on a
 * terminal that reorders right-to-left text, one left open turns the rest
 * of the line around, the status bar included, and it can make words show
 * in an order other than the one written ("Trojan source").  They are
 * invisible anyway; the marks (U+200E, U+200F, U+061C) are kept, since
 * they only settle where a neutral character goes. */
static bool bidi_override(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* U+200D joins emoji into one picture (a family, a job): some terminals
 * (tmux among them) draw the sequence as one cell two columns wide, others
 * each emoji in turn, two columns each, as ncurses and wcwidth() count
 * them.  Where they disagree the cursor drifts and the screen garbles;
 * without the joiner every terminal draws each picture in turn.  A joiner
 * before anything else (a letter in Indic or Arabic script) stays. */
static bool joins_emoji(const char *next, size_t n)
{
	uint32_t cp;
	return n > 0 && text_decode(next, n, &cp) > 0 &&
	       uc_is_property_extended_pictographic(cp);
}

void text_sanitize(struct buf *out, const char *s, size_t n, bool keep_layout)
{
	size_t i = 0;
	/* Also makes `out` a valid string when every character goes. */
	buf_grow(out, n);
	while (i < n) {
		/* Copy plain printable ASCII in one go: it is most of any text. */
		size_t run = text_ascii_run(s + i, n - i);
		if (run) {
			buf_append(out, s + i, run);
			i += run;
			continue;
		}
		uint32_t cp;
		size_t len = text_decode(s + i, n - i, &cp);
		if (cp == '\t' || cp == '\n')
			buf_putc(out, keep_layout ? (char)cp : ' ');
		else if (cp == 0xAD || bidi_override(cp) ||
			 (cp == 0x200D && joins_emoji(s + i + len, n - i - len)))
			; /* a soft hyphen (terminals disagree on its width), or see above */
		else if (!printable(cp) || cp == TEXT_REPLACEMENT)
			buf_puts(out, "\xef\xbf\xbd"); /* U+FFFD, also for invalid bytes */
		else if (!text_is_control(cp))
			buf_append(out, s + i, len); /* valid UTF-8: decoding said so */
		i += len;
	}
}

/* Blocks that glibc's wcwidth(), and so tmux and the terminals that ask
 * it, show two columns wide while libunistring 1.0 says one. */
static bool wide_in_terminals(uint32_t cp)
{
	return (cp >= 0x3248 && cp <= 0x324F) || /* circled numbers on squares */
	       (cp >= 0x4DC0 && cp <= 0x4DFF);   /* Yijing hexagram symbols */
}

int text_char_width(uint32_t cp)
{
	if (cp < 0x7f)
		return cp >= 0x20;
	int w = uc_width(cp, "UTF-8");
	if (w < 0)
		return 0;
	/* Where libunistring and the terminals differ, the terminals win: a
	 * width they do not share shifts every column after it.  Prepended
	 * concatenation marks (U+0600 ARABIC NUMBER SIGN...) and the soft
	 * hyphen take a column there; every nonspacing mark takes none. */
	if (w == 0 && uc_is_general_category(cp, UC_CATEGORY_Cf) &&
	    (cp == 0xAD || uc_graphemeclusterbreak_property(cp) == GBP_PREPEND))
		return 1;
	if (w == 1 && uc_is_general_category(cp, UC_CATEGORY_Mn))
		return 0;
	if (w == 1 && wide_in_terminals(cp))
		return 2;
	return w;
}

size_t text_width(const char *s, size_t n)
{
	size_t w = 0;
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) { /* ASCII without a decode: most text is */
			w += c >= 0x20 && c < 0x7f;
			i++;
			continue;
		}
		uint32_t cp;
		i += text_decode(s + i, n - i, &cp);
		w += (size_t)text_char_width(cp);
	}
	return w;
}

size_t text_grapheme(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	if ((unsigned char)s[0] < 0x80 && (n == 1 || (unsigned char)s[1] < 0x80))
		return 1;
	const uint8_t *end = (const uint8_t *)s + n;
	const uint8_t *next = u8_grapheme_next((const uint8_t *)s, end);
	if (!next || next <= (const uint8_t *)s)
		return 1;
	return (size_t)(next - (const uint8_t *)s);
}

/* Columns of the g-byte cluster at s, with no call for plain ASCII. */
static size_t cluster_width(const char *s, size_t g)
{
	unsigned char c = (unsigned char)s[0];
	if (g == 1 && c < 0x80)
		return c >= 0x20 && c < 0x7f;
	return text_width(s, g);
}

/* Bytes of the longest run of whole characters at the start of s[0, n)
 * that fits in `width` columns; the columns it takes go to *used. */
static size_t fit_chars(const char *s, size_t n, size_t width, size_t *used)
{
	size_t i = 0, col = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = text_decode(s + i, n - i, &cp);
		size_t w = (size_t)text_char_width(cp);
		if (col + w > width)
			break;
		col += w;
		i += k;
	}
	*used = col;
	return i;
}

size_t text_fit(const char *s, size_t n, size_t width)
{
	size_t i = 0, col = 0;
	while (i < n) {
		size_t g = text_grapheme(s + i, n - i);
		size_t w = cluster_width(s + i, g);
		if (col + w > width)
			break;
		col += w;
		i += g;
	}
	/* A first cluster wider than all the room is cut between its
	 * characters rather than shown as nothing. */
	if (i == 0 && n > 0) {
		size_t used;
		i = fit_chars(s, text_grapheme(s, n), width, &used);
	}
	return i;
}

/* Growable array of wrapped lines. */
struct lines {
	struct text_line *v;
	size_t len, cap;
};

static void push_line(struct lines *l, const char *s, size_t start, size_t end)
{
	while (end > start && s[end - 1] == ' ')
		end--;
	ARRAY_GROW(l->v, l->len, l->cap);
	l->v[l->len++] = (struct text_line){start, end, text_width(s + start, end - start)};
}

/* The state of greedy wrapping inside one newline-free segment. */
struct wrap {
	struct lines *l;
	const char *s;
	const char *brk;     /* UAX #14 break opportunities of the whole text */
	size_t width;
	size_t line;         /* where the current line starts */
	size_t col;          /* its columns so far, spaces at its end included */
	size_t last_break;   /* its last break opportunity, or `line` */
	size_t col_at_break; /* `col` there */
};

/* End the current line at `at`, where it had reached `col_at` columns. */
static void wrap_break(struct wrap *w, size_t at, size_t col_at)
{
	push_line(w->l, w->s, w->line, at);
	w->line = at;
	w->col -= col_at;
	w->last_break = at;
	w->col_at_break = 0;
}

/* Make room for a cluster `cw` columns wide at `i`: break back at the
 * last opportunity; if what is carried over still leaves no room, break
 * again right before the cluster. */
static void wrap_make_room(struct wrap *w, size_t i, size_t cw)
{
	while (w->col > 0 && w->col + cw > w->width) {
		if (w->last_break > w->line)
			wrap_break(w, w->last_break, w->col_at_break);
		else
			wrap_break(w, i, w->col);
	}
}

/* A cluster wider than a whole line (fifty conjoining jamo, an emoji with
 * sixty skin-tone modifiers) is cut between its characters: the last
 * resort, so that no line is ever wider than asked.  The one exception is
 * a single two-column character on a one-column line: it goes alone. */
static void wrap_split(struct wrap *w, size_t i, size_t end)
{
	while (i < end) {
		size_t used, room = w->col < w->width ? w->width - w->col : 0;
		size_t k = fit_chars(w->s + i, end - i, room, &used);
		if (k == 0 && w->col > 0) {
			wrap_break(w, i, w->col);
			continue;
		}
		if (k == 0) {
			uint32_t cp;
			k = text_decode(w->s + i, end - i, &cp);
			used = (size_t)text_char_width(cp);
		}
		w->col += used;
		i += k;
	}
}

static void wrap_segment(struct lines *l, const char *s, const char *brk,
			 size_t start, size_t end, size_t width)
{
	struct wrap w = {l, s, brk, width, start, 0, start, 0};
	for (size_t i = start; i < end;) {
		size_t g = text_grapheme(s + i, end - i);
		size_t cw = cluster_width(s + i, g);
		if (i > w.line && brk[i] == UC_BREAK_POSSIBLE) {
			w.last_break = i;
			w.col_at_break = w.col;
		}
		/* A lone space may hang past the edge: a break drops it.  A
		 * space carrying a mark is a cluster like any other. */
		if (g != 1 || s[i] != ' ')
			wrap_make_room(&w, i, cw);
		if (cw > width)
			wrap_split(&w, i, i + g);
		else
			w.col += cw;
		i += g;
	}
	push_line(l, s, w.line, end);
}

/* No break after the hyphens that start a word: "--check" or "-ish"
 * stays whole, so that an option can be read and copied as one word.
 * (Unicode 15.1's rule LB20a, newer than libunistring's tables.) */
static void keep_word_initial_hyphens(const char *s, size_t n, char *brk)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '-' || (i > 0 && s[i - 1] != ' ' && s[i - 1] != '\n'))
			continue;
		size_t j = i;
		while (j < n && s[j] == '-')
			j++;
		unsigned char c = j < n ? (unsigned char)s[j] : 0;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
			memset(brk + i + 1, UC_BREAK_PROHIBITED, j - i);
		i = j;
	}
}

size_t text_wrap(const char *s, size_t n, size_t width, struct text_line **out)
{
	struct lines l = {0};
	char *brk = xmalloc(n ? n : 1);
	if (width < 1)
		width = 1;
	if (n) {
		u8_possible_linebreaks((const uint8_t *)s, n, "UTF-8", brk);
		keep_word_initial_hyphens(s, n, brk);
	}
	size_t seg = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i == n || s[i] == '\n') {
			wrap_segment(&l, s, brk, seg, i, width);
			seg = i + 1;
		}
	}
	free(brk);
	*out = l.v;
	return l.len;
}

/* text_slug() of ASCII text, which most headings are: the same rule
 * without a case mapping or a decode; false, with nothing appended, when
 * `s` is not ASCII. */
static bool slug_ascii(struct buf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == ' ')
			buf_putc(out, '-');
		else if (c >= 'A' && c <= 'Z')
			buf_putc(out, (char)(c - 'A' + 'a'));
		else if (c == '-' || c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			buf_putc(out, c);
	}
	return true;
}

void text_slug(struct buf *out, const char *s, size_t n)
{
	buf_grow(out, n); /* a valid string even when nothing is kept */
	if (slug_ascii(out, s, n))
		return;
	size_t lower_len = 0;
	uint8_t *lower = u8_tolower((const uint8_t *)s, n, NULL, NULL, NULL, &lower_len);
	const char *src = lower ? (const char *)lower : s;
	size_t len = lower ? lower_len : n;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = text_decode(src + i, len - i, &cp);
		if (cp == ' ')
			buf_putc(out, '-');
		else if (cp == '-' || cp == '_' || uc_is_alnum(cp) ||
			 uc_is_general_category(cp, UC_CATEGORY_M))
			buf_append(out, src + i, k);
		i += k;
	}
	free(lower);
}

/* Plain stand-ins for the punctuation that patient text is full of. */
static const char *ascii_for(uint32_t cp)
{
	switch (cp) {
	case 0x00A0: case 0x2002: case 0x2003: case 0x2009: case 0x202F: return " ";
	case 0x2018: case 0x2019: case 0x201A: case 0x2032: return "'";
	case 0x201C: case 0x201D: case 0x201E: case 0x2033: return "\"";
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212: return "-";
	case 0x2014: case 0x2015: return "--";
	case 0x2026: return "...";
	case 0x2022: case 0x25E6: case 0x25AA: return "-"; /* see layout's item_marker */
	case 0x00D7: return "x";
	case 0x00B0: return " degrees";
	case 0x00BD: return "1/2";
	case 0x2264: return "<=";
	case 0x2265: return ">=";
	case 0x2192: return "->";
	case 0x2190: return "<-";
	case 0x00DF: return "ss";
	case 0x00E6: return "ae";
	case 0x00C6: return "AE";
	case 0x0153: return "oe";
	case 0x00F8: return "o";
	case 0x0152: return "OE";
	case 0x00A9: return "(C)";
	case 0x00AE: return "(R)";
	case 0x2044: return "/";
	case 0x00D8: return "O";
	case 0x200B: case 0x200C: case 0x200D: case 0xFE0F: return "";
	default: return NULL;
	}
}

void text_to_ascii(struct buf *out, const char *s, size_t n)
{
	size_t len = 0;
	buf_grow(out, n); /* a valid string even when nothing is kept */
	/* Decomposed, an accented letter is its base letter and a mark, and
	 * compatibility forms ("ﬁ", "™", "²") are their plain letters. */
	uint8_t *nfd = u8_normalize(UNINORM_NFKD, (const uint8_t *)s, n, NULL, &len);
	const char *t = nfd ? (const char *)nfd : s;
	if (!nfd)
		len = n;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += text_decode(t + i, len - i, &cp);
		const char *sub = ascii_for(cp);
		if (cp < 0x80)
			buf_putc(out, (char)cp);
		else if (sub)
			buf_puts(out, sub);
		else if (!uc_is_general_category(cp, UC_CATEGORY_M))
			buf_putc(out, '?');
	}
	free(nfd);
}
