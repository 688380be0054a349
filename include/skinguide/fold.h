/* fold: words as search sees them.
 *
 * One rule for the index, the query and the reader's "find in this
 * topic", so that they always agree on what a word is:
 *
 *   - a word is a run of letters, digits and combining marks (Unicode
 *     general categories L, N and M); an apostrophe between two such
 *     characters joins them ("don't", "skin's");
 *   - it is folded: case folded and decomposed (libunistring's
 *     u8_casefold with NFKD), then stripped of combining marks and
 *     apostrophes, so "Café", "CAFE" and "cafe" are all "cafe";
 *   - and stemmed with a Snowball stemmer (libstemmer) for the guide's
 *     language, so "scarring" and "scars" are both "scar".
 *
 * Folding a folded word gives the same word, and a folded word is one
 * word again: the query can hand folded words to the index's tokenizer.
 *
 * A fold keeps a small cache of stems, so one object must not be used by
 * two threads at once; make one per thread. */
#ifndef SKINGUIDE_FOLD_H
#define SKINGUIDE_FOLD_H

#include <stdbool.h>
#include <stddef.h>

/* A folded word is cut to at most this many bytes (at a character
 * boundary): a pasted 10,000-letter "word" is one long word, not a
 * problem. */
#define FOLD_MAX_WORD 64

/* The language used when the content names none. */
#define FOLD_DEFAULT_LANGUAGE "english"

struct fold_word {
	size_t start, end;  /* bytes [start, end) of the word in the text */
	const char *folded; /* folded, NUL-terminated; borrowed until the next word */
	size_t folded_len;
	const char *stem;   /* stem of `folded` (the same when not stemming) */
	size_t stem_len;
};

struct fold;

/** A fold for `language`: a Snowball algorithm name or code as
 *  libstemmer knows them ("english", "en", "french"...), or "none" to
 *  fold without stemming; NULL means FOLD_DEFAULT_LANGUAGE.  NULL when
 *  libstemmer has no such language; without libstemmer at run time, a
 *  fold that does not stem.  Caller frees with fold_free(). */
struct fold *fold_new(const char *language);
/** Free the fold; NULL is fine. */
void fold_free(struct fold *f);

/** True when fold_new() accepts `language`. */
bool fold_language_known(const char *language);

/** True when libstemmer could be loaded: it is loaded on first use, from
 *  $SKINGUIDE_LIBSTEMMER when set, else libstemmer.so.0d.  Without it
 *  every language is known and folds without stemming. */
bool fold_stemmer_available(void);

/** libstemmer's language names, NULL-terminated; empty without it.  The
 *  list belongs to libstemmer. */
const char **fold_stemmer_languages(void);

/** Call `fn` for each word of the `n` bytes at `s` (any bytes: invalid
 *  UTF-8 and control characters separate words), in order, until it
 *  returns false.  The word given to `fn` is borrowed for that call. */
void fold_words(struct fold *f, const char *s, size_t n,
		bool (*fn)(void *ctx, const struct fold_word *w), void *ctx);

/** Fold and stem the first word of `s` into `folded` and `stem` (each of
 *  FOLD_MAX_WORD + 1 bytes, NUL-terminated).  False when `s` holds no
 *  word (both are then ""). */
bool fold_word(struct fold *f, const char *s, size_t n, char *folded, char *stem);

/** Characters (code points) in the folded word `s`. */
size_t fold_length(const char *s, size_t n);

#endif
