/* fold: word splitting with libunistring's character classes, folding
 * with u8_casefold (NFKD), stemming with libstemmer.  English text is
 * nearly all ASCII, so ASCII words take a short path; a small cache of
 * stems makes the index build pay for each distinct word about once.
 *
 * libstemmer is loaded at the first fold that stems, not linked: loading
 * it relocates some 10,800 pointers in its tables, 0.65 MB of memory and
 * a tenth of a millisecond that every start paid, though most visits
 * never search. */
#include "skinguide/fold.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "skinguide/buf.h"
#include "skinguide/text.h"

/* Cached words and stems are short; longer ones are stemmed each time. */
#define CACHE_SIZE 1024
#define CACHE_WORD 24

struct cache_entry {
	uint8_t word_len; /* 0: empty */
	uint8_t stem_len;
	char word[CACHE_WORD];
	char stem[CACHE_WORD];
};

struct fold {
	struct sb_stemmer *stemmer; /* NULL: fold only */
	char folded[FOLD_MAX_WORD + 1];
	char stem[FOLD_MAX_WORD + 1];
	struct cache_entry cache[CACHE_SIZE];
};

/* ---- libstemmer, loaded when first needed ------------------------------- */

/* Debian's libstemmer0d, the name other systems give it, then the
 * development link. */
static const char *const stemmer_files[] = {"libstemmer.so.0d", "libstemmer.so.0",
					    "libstemmer.so"};

static struct {
	const char **(*list)(void);
	struct sb_stemmer *(*make)(const char *algorithm, const char *charenc);
	void (*destroy)(struct sb_stemmer *stemmer);
	const sb_symbol *(*stem)(struct sb_stemmer *stemmer, const sb_symbol *word,
				 int size);
	int (*length)(struct sb_stemmer *stemmer);
} sb;
static bool sb_loaded;
static pthread_once_t sb_once = PTHREAD_ONCE_INIT;

static void load_stemmer(void)
{
	/* A system that names the library otherwise can say so; the tests
	 * use it to see the guide without one. */
	const char *own = getenv("SKINGUIDE_LIBSTEMMER");
	void *lib = own && *own ? dlopen(own, RTLD_NOW | RTLD_LOCAL) : NULL;
	for (size_t i = 0; !lib && !(own && *own) &&
	     i < sizeof stemmer_files / sizeof *stemmer_files; i++)
		lib = dlopen(stemmer_files[i], RTLD_NOW | RTLD_LOCAL);
	if (!lib)
		return;
	/* POSIX lets a void * from dlsym become a function pointer. */
	*(void **)&sb.list = dlsym(lib, "sb_stemmer_list");
	*(void **)&sb.make = dlsym(lib, "sb_stemmer_new");
	*(void **)&sb.destroy = dlsym(lib, "sb_stemmer_delete");
	*(void **)&sb.stem = dlsym(lib, "sb_stemmer_stem");
	*(void **)&sb.length = dlsym(lib, "sb_stemmer_length");
	sb_loaded = sb.list && sb.make && sb.destroy && sb.stem && sb.length;
	/* Kept loaded for the life of the process: stemmers may outlive any
	 * one fold. */
}

bool fold_stemmer_available(void)
{
	pthread_once(&sb_once, load_stemmer);
	return sb_loaded;
}

const char **fold_stemmer_languages(void)
{
	static const char *none[] = {NULL};
	return fold_stemmer_available() ? sb.list() : none;
}

static bool no_stemming(const char *language)
{
	return strcmp(language, "none") == 0;
}

static struct sb_stemmer *new_stemmer(const char *language)
{
	return fold_stemmer_available() ? sb.make(language, "UTF_8") : NULL;
}

bool fold_language_known(const char *language)
{
	/* Without libstemmer every language folds without stems. */
	if (!language || no_stemming(language) || !fold_stemmer_available())
		return true;
	struct sb_stemmer *st = new_stemmer(language);
	if (st)
		sb.destroy(st);
	return st != NULL;
}

struct fold *fold_new(const char *language)
{
	if (!language)
		language = FOLD_DEFAULT_LANGUAGE;
	struct sb_stemmer *st = NULL;
	/* Without libstemmer at run time words are still found, only not
	 * by their stems ("scars" no longer finds "scarring"). */
	if (!no_stemming(language) && fold_stemmer_available() &&
	    !(st = new_stemmer(language)))
		return NULL;
	struct fold *f = xcalloc(1, sizeof *f);
	f->stemmer = st;
	return f;
}

void fold_free(struct fold *f)
{
	if (!f)
		return;
	if (f->stemmer)
		sb.destroy(f->stemmer);
	free(f);
}

/* ---- characters -------------------------------------------------------- */

static bool is_word_char(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		       (cp >= '0' && cp <= '9');
	return uc_is_general_category(cp, UC_CATEGORY_L) ||
	       uc_is_general_category(cp, UC_CATEGORY_N) ||
	       uc_is_general_category(cp, UC_CATEGORY_M);
}

static bool is_apostrophe(uint32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

/* What a folded word keeps: letters and digits, never marks. */
static bool is_kept(uint32_t cp)
{
	if (is_apostrophe(cp))
		return false;
	return uc_is_general_category(cp, UC_CATEGORY_L) ||
	       uc_is_general_category(cp, UC_CATEGORY_N);
}

/* End of the word that starts at `i` (a word character). */
static size_t word_end(const char *s, size_t n, size_t i)
{
	uint32_t cp, next;
	size_t end = i;
	while (i < n) {
		size_t len = text_decode(s + i, n - i, &cp);
		if (is_word_char(cp)) {
			i += len;
			end = i;
			continue;
		}
		if (is_apostrophe(cp) && i + len < n &&
		    (text_decode(s + i + len, n - i - len, &next), is_word_char(next))) {
			i += len;
			continue;
		}
		break;
	}
	return end;
}

/* ---- folding ----------------------------------------------------------- */

static bool all_ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

static size_t fold_ascii(const char *s, size_t n, char *out)
{
	size_t len = 0;
	for (size_t i = 0; i < n && len < FOLD_MAX_WORD; i++) {
		char c = s[i];
		if (c == '\'')
			continue;
		out[len++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
	}
	out[len] = '\0';
	return len;
}

/* `s` is valid UTF-8 here: a word is made of decoded characters only. */
static size_t fold_unicode(const char *s, size_t n, char *out)
{
	size_t rlen;
	uint8_t *r = u8_casefold((const uint8_t *)s, n, NULL, UNINORM_NFKD, NULL, &rlen);
	if (!r)
		sg_oom();
	size_t len = 0;
	for (size_t i = 0; i < rlen;) {
		ucs4_t cp;
		int clen = u8_mbtouc(&cp, r + i, rlen - i);
		if (clen <= 0)
			break;
		if (is_kept(cp)) {
			if (len + (size_t)clen > FOLD_MAX_WORD)
				break;
			memcpy(out + len, r + i, (size_t)clen);
			len += (size_t)clen;
		}
		i += (size_t)clen;
	}
	free(r);
	out[len] = '\0';
	return len;
}

/* ---- stemming ---------------------------------------------------------- */

static uint32_t hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static size_t stem(struct fold *f, const char *w, size_t n, char *out)
{
	if (!f->stemmer || n == 0) {
		memcpy(out, w, n + 1);
		return n;
	}
	struct cache_entry *e = &f->cache[hash(w, n) % CACHE_SIZE];
	if (e->word_len == n && memcmp(e->word, w, n) == 0) {
		memcpy(out, e->stem, e->stem_len);
		out[e->stem_len] = '\0';
		return e->stem_len;
	}
	const sb_symbol *st = sb.stem(f->stemmer, (const sb_symbol *)w, (int)n);
	if (!st)
		sg_oom();
	size_t len = (size_t)sb.length(f->stemmer);
	if (len > FOLD_MAX_WORD)
		len = FOLD_MAX_WORD;
	memcpy(out, st, len);
	out[len] = '\0';
	if (n < CACHE_WORD && len < CACHE_WORD) {
		memcpy(e->word, w, n);
		memcpy(e->stem, st, len);
		e->word_len = (uint8_t)n;
		e->stem_len = (uint8_t)len;
	}
	return len;
}

/* ---- words ------------------------------------------------------------- */

/* Fold and stem s[start, end) into f's buffers; false when nothing of it
 * is kept (a run of combining marks alone). */
static bool make_word(struct fold *f, const char *s, size_t start, size_t end,
		      struct fold_word *w)
{
	const char *p = s + start;
	size_t n = end - start;
	size_t len = all_ascii(p, n) ? fold_ascii(p, n, f->folded)
				     : fold_unicode(p, n, f->folded);
	if (len == 0)
		return false;
	*w = (struct fold_word){start, end, f->folded, len, f->stem,
				stem(f, f->folded, len, f->stem)};
	return true;
}

void fold_words(struct fold *f, const char *s, size_t n,
		bool (*fn)(void *ctx, const struct fold_word *w), void *ctx)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = text_decode(s + i, n - i, &cp);
		if (!is_word_char(cp)) {
			i += len;
			continue;
		}
		size_t end = word_end(s, n, i);
		struct fold_word w;
		if (make_word(f, s, i, end, &w) && !fn(ctx, &w))
			return;
		i = end;
	}
}

struct first_word {
	char *folded, *stem;
	bool found;
};

static bool take_first(void *ctx, const struct fold_word *w)
{
	struct first_word *fw = ctx;
	memcpy(fw->folded, w->folded, w->folded_len + 1);
	memcpy(fw->stem, w->stem, w->stem_len + 1);
	fw->found = true;
	return false;
}

bool fold_word(struct fold *f, const char *s, size_t n, char *folded, char *stem_out)
{
	struct first_word fw = {folded, stem_out, false};
	folded[0] = stem_out[0] = '\0';
	fold_words(f, s, n, take_first, &fw);
	return fw.found;
}

size_t fold_length(const char *s, size_t n)
{
	return u8_mbsnlen((const uint8_t *)s, n);
}
