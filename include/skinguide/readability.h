/* readability: words, sentences and syllables of English text, and the
 * reading-grade formulas built on them (Flesch-Kincaid, SMOG).
 *
 * The counts are the usual heuristics: a word is a run of letters or
 * digits (inner apostrophes and hyphens kept), a sentence ends at '.',
 * '!' or '?' before a space (not after an abbreviation such as "e.g."),
 * or where the text ends; syllables are vowel groups with the common
 * silent endings taken off. */
#ifndef SKINGUIDE_READABILITY_H
#define SKINGUIDE_READABILITY_H

#include <stddef.h>

struct readability {
	size_t words;
	size_t sentences;
	size_t syllables;
	size_t polysyllables; /* words of three or more syllables */
};

/** One sentence as found by readability_add(): bytes [start, start+len)
 *  of the text given, and its word count. */
struct rd_sentence {
	const char *start;
	size_t len;
	size_t words;
};

typedef void (*rd_sentence_fn)(void *ctx, const struct rd_sentence *s);

/** Count the words, sentences and syllables of `text` into `r`.  Text that
 *  ends without a full stop still makes a sentence (a heading, a list
 *  item).  `on_sentence`, if not NULL, is called for each sentence. */
void readability_add(struct readability *r, const char *text, size_t n,
		     rd_sentence_fn on_sentence, void *ctx);

/** Syllables in one word (at least 1). */
size_t readability_syllables(const char *word, size_t n);

/** Flesch-Kincaid grade: 0.39 words/sentence + 11.8 syllables/word - 15.59;
 *  0 for empty text. */
double readability_grade(const struct readability *r);

/** SMOG: 1.0430 sqrt(polysyllables * 30 / sentences) + 3.1291; 0 when empty. */
double readability_smog(const struct readability *r);

#endif
