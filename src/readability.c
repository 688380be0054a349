/* readability: plain counting, no dictionaries. */
#include "skinguide/readability.h"

#include <math.h>
#include <stdbool.h>
#include <string.h>

/* What each byte is, looked up once a byte: every byte of every article
 * that --check reads passes here.  Bytes of non-ASCII letters count as
 * letters ("café" is one word) but never as vowels. */
enum { LETTER = 1, DIGIT = 2, VOWEL = 4 };
#define IS_VOWEL(c) ((c) == 'a' || (c) == 'e' || (c) == 'i' || (c) == 'o' || (c) == 'u' || \
		     (c) == 'y' || (c) == 'A' || (c) == 'E' || (c) == 'I' || (c) == 'O' ||   \
		     (c) == 'U' || (c) == 'Y')
#define CLASS(c) ((((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z') || (c) >= 0x80 \
		   ? LETTER : 0) | ((c) >= '0' && (c) <= '9' ? DIGIT : 0) |              \
		  (IS_VOWEL(c) ? VOWEL : 0))
#define ROW(r) CLASS(r), CLASS(r + 1), CLASS(r + 2), CLASS(r + 3), CLASS(r + 4), \
	CLASS(r + 5), CLASS(r + 6), CLASS(r + 7), CLASS(r + 8), CLASS(r + 9),  \
	CLASS(r + 10), CLASS(r + 11), CLASS(r + 12), CLASS(r + 13), CLASS(r + 14), CLASS(r + 15)
static const unsigned char byte_class[256] = {
	ROW(0x00), ROW(0x10), ROW(0x20), ROW(0x30), ROW(0x40), ROW(0x50), ROW(0x60), ROW(0x70),
	ROW(0x80), ROW(0x90), ROW(0xA0), ROW(0xB0), ROW(0xC0), ROW(0xD0), ROW(0xE0), ROW(0xF0),
};

static bool is_letter(unsigned char c)
{
	return byte_class[c] & LETTER;
}

static bool is_word_char(unsigned char c)
{
	return byte_class[c] & (LETTER | DIGIT);
}

static bool is_vowel(char c)
{
	return byte_class[(unsigned char)c] & VOWEL;
}

static char lower(char c)
{
	return (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
}

/* The longest part of a word whose letters count: the end of a very
 * long "word" hardly matters. */
#define PART_MAX 64

/* Syllables of one part of a word that has `groups` vowel groups in its
 * first PART_MAX bytes.  The endings are lower-cased, so "TABLE" and
 * "table" agree. */
static size_t part_syllables(const char *w, size_t n, size_t groups)
{
	if (w[0] >= '0' && w[0] <= '9')
		return 1; /* a number is read as one word */
	if (groups <= 1)
		return 1;
	if (n > PART_MAX)
		n = PART_MAX;
	/* Two vowel groups take three bytes at least. */
	char last = lower(w[n - 1]), before = lower(w[n - 2]), third = lower(w[n - 3]);
	/* Silent endings: "make" (not "table"), "used" (not "needed"),
	 * "makes" (not "uses", "boxes").  strchr() runs once a word at most
	 * here (and takes a NUL as one of the set, as it always has). */
	if (last == 'e' && !is_vowel(before) && !(before == 'l' && !is_vowel(third)))
		groups--;
	else if (n > 3 && before == 'e' && last == 'd' && !is_vowel(third) &&
		 !strchr("td", third))
		groups--;
	else if (n > 3 && before == 'e' && last == 's' && !is_vowel(third) &&
		 !strchr("scgzxh", third))
		groups--;
	return groups;
}

size_t readability_syllables(const char *w, size_t n)
{
	/* "make-up" is "make" and "up".  One pass finds the parts and
	 * counts their vowel groups. */
	size_t total = 0, start = 0, groups = 0;
	bool prev = false;
	for (size_t i = 0; i <= n; i++) {
		if (i == n || w[i] == '-') {
			if (i > start)
				total += part_syllables(w + start, i - start, groups);
			start = i + 1;
			groups = 0;
			prev = false;
		} else if (i - start < PART_MAX) {
			bool v = is_vowel(w[i]);
			groups += v && !prev;
			prev = v;
		}
	}
	return total ? total : 1;
}

/* Words that end in '.' without ending a sentence: titles always, and
 * initials or dotted forms ("e.g.", "U.S.") when a lower-case word
 * follows. */
static bool is_abbreviation(const char *text, size_t n, size_t dot)
{
	static const char *const titles[] = {"Dr", "Mr", "Mrs", "Ms", "St", "vs", NULL};
	size_t start = dot;
	while (start > 0 && (is_word_char((unsigned char)text[start - 1]) ||
			     text[start - 1] == '.'))
		start--;
	size_t len = dot - start;
	for (int i = 0; titles[i]; i++)
		if (strlen(titles[i]) == len && strncmp(text + start, titles[i], len) == 0)
			return true;
	bool short_form = (len == 1 && is_letter((unsigned char)text[start])) ||
			  memchr(text + start, '.', len) != NULL ||
			  (len == 3 && strncmp(text + start, "etc", 3) == 0);
	size_t next = dot + 1;
	while (next < n && (text[next] == ' ' || text[next] == '\n'))
		next++;
	return short_form && next < n && text[next] >= 'a' && text[next] <= 'z';
}

/* Where the sentence ending at t[i] ends (closing quotes and brackets
 * belong to it), or 0 when t[i] ends no sentence. */
static size_t sentence_end(const char *t, size_t n, size_t i)
{
	if (t[i] != '.' && t[i] != '!' && t[i] != '?')
		return 0;
	size_t j = i + 1;
	while (j < n && t[j] && strchr("\"')]", t[j]))
		j++;
	if (j < n && t[j] != ' ' && t[j] != '\n')
		return 0;
	if (t[i] == '.' && is_abbreviation(t, n, i))
		return 0;
	return j;
}

struct counter {
	struct readability *r;
	rd_sentence_fn fn;
	void *ctx;
	const char *start;
	size_t words;
};

static void close_sentence(struct counter *c, const char *end)
{
	if (c->words == 0)
		return;
	c->r->sentences++;
	if (c->fn) {
		struct rd_sentence s = {c->start, (size_t)(end - c->start), c->words};
		c->fn(c->ctx, &s);
	}
	c->words = 0;
}

void readability_add(struct readability *r, const char *t, size_t n,
		     rd_sentence_fn on_sentence, void *ctx)
{
	struct counter c = {r, on_sentence, ctx, t, 0};
	size_t i = 0;
	while (i < n) {
		if (is_word_char((unsigned char)t[i])) {
			size_t start = i;
			while (i < n && (is_word_char((unsigned char)t[i]) ||
					 ((t[i] == '\'' || t[i] == '-') && i + 1 < n &&
					  is_word_char((unsigned char)t[i + 1]))))
				i++;
			if (c.words == 0)
				c.start = t + start;
			size_t syl = readability_syllables(t + start, i - start);
			r->words++;
			r->syllables += syl;
			if (syl >= 3)
				r->polysyllables++;
			c.words++;
			continue;
		}
		size_t end = sentence_end(t, n, i);
		if (end) {
			close_sentence(&c, t + end);
			i = end;
			continue;
		}
		i++;
	}
	close_sentence(&c, t + n);
}

double readability_grade(const struct readability *r)
{
	if (!r->words || !r->sentences)
		return 0;
	return 0.39 * (double)r->words / (double)r->sentences +
	       11.8 * (double)r->syllables / (double)r->words - 15.59;
}

double readability_smog(const struct readability *r)
{
	if (!r->sentences)
		return 0;
	return 1.0430 * sqrt((double)r->polysyllables * 30.0 / (double)r->sentences) + 3.1291;
}
