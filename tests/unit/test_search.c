/* Unit tests for src/fold.c and src/search.c: words (splitting, folding,
 * stemming), the matcher with no index, the index on the shipped content
 * (the top result for patient queries), typos, every shipped synonyms
 * group, quoting of hostile queries, ranking rules, the index thread, and
 * the synonyms file's checks.  Nothing here is timed: make bench does it. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tmpdir.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unistr.h>

#include "skinguide/buf.h"
#include "skinguide/check.h"
#include "skinguide/content.h"
#include "skinguide/fold.h"
#include "skinguide/search.h"
#include "skinguide/text.h"

#define FIX "tests/fixtures/search/"

/* ---- what a test holds, freed by teardown() ---------------------------- */

static struct guide *guide;
static struct search *search;
static struct search_results *res;
static struct search_matcher *matcher;
static struct fold *fold;
static struct diags diags = DIAGS_INIT;
static struct buf text = BUF_INIT;
static char *temp_dir;

static int teardown(void **state)
{
	(void)state;
	search_results_free(res);
	res = NULL;
	search_matcher_free(matcher);
	matcher = NULL;
	search_free(search);
	search = NULL;
	guide_free(guide);
	guide = NULL;
	fold_free(fold);
	fold = NULL;
	diags_free(&diags);
	buf_free(&text);
	tmpdir_forget(&temp_dir);
	return 0;
}

static struct search *open_search(const char *dir, const struct search_opts *opts)
{
	struct sg_error err;
	search_free(search);
	guide_free(guide);
	guide = guide_open(dir, &err);
	if (!guide)
		fail_msg("%s", err.msg);
	search = search_new(guide, opts, &err);
	if (!search)
		fail_msg("%s", err.msg);
	return search;
}

/* Every hit is safe to draw: a snippet of valid UTF-8 with no control
 * character, no wider than asked, marks inside it and in order. */
static void check_hits(const struct search_results *r, size_t columns)
{
	for (size_t i = 0; i < r->count; i++) {
		const struct search_hit *h = &r->hits[i];
		assert_non_null(h->title);
		assert_non_null(h->snippet);
		assert_int_equal(strlen(h->snippet), h->snippet_len);
		assert_null(u8_check((const uint8_t *)h->snippet, h->snippet_len));
		for (size_t k = 0; k < h->snippet_len; k++)
			assert_false((unsigned char)h->snippet[k] < 0x20 || h->snippet[k] == 0x7f);
		assert_true(text_width(h->snippet, h->snippet_len) <= columns);
		assert_true((h->heading < 0) == (h->anchor == NULL));
		assert_true((h->heading < 0) == (h->section == NULL));
		assert_true(h->article < guide_count(guide));
		for (size_t m = 0; m < h->nmarks; m++) {
			assert_true(h->marks[m].start < h->marks[m].end);
			assert_true(h->marks[m].end <= h->snippet_len);
			if (m)
				assert_true(h->marks[m - 1].end <= h->marks[m].start);
		}
	}
}

static struct search_results *query_n(const char *q, size_t n)
{
	search_results_free(res);
	res = search_query(search, q, n);
	assert_non_null(res);
	assert_false(res->failed);
	check_hits(res, 70);
	return res;
}

static struct search_results *query(const char *q)
{
	return query_n(q, strlen(q));
}

static const char *hit_id(size_t i)
{
	assert_true(i < res->count);
	return guide_article(guide, res->hits[i].article)->id;
}

/* Does some hit come from the article `id`? */
static bool found(const char *id)
{
	for (size_t i = 0; i < res->count; i++)
		if (strcmp(hit_id(i), id) == 0)
			return true;
	return false;
}

static void dump(const char *q)
{
	for (size_t i = 0; i < res->count && i < 5; i++)
		print_message("  %s: %s#%s %s\n", q, hit_id(i),
			      res->hits[i].anchor ? res->hits[i].anchor : "",
			      res->hits[i].snippet);
}

/* ---- fold: what a word is ---------------------------------------------- */

struct words {
	char list[512];
	size_t n;
	size_t starts[32], ends[32];
};

static bool add_word(void *ctx, const struct fold_word *w)
{
	struct words *ws = ctx;
	size_t len = strlen(ws->list);
	snprintf(ws->list + len, sizeof ws->list - len, "%s%s/%s", ws->n ? " " : "",
		 w->folded, w->stem);
	if (ws->n < 32) {
		ws->starts[ws->n] = w->start;
		ws->ends[ws->n] = w->end;
	}
	ws->n++;
	return true;
}

static struct words split(const char *s, size_t n)
{
	struct words ws = {{0}, 0, {0}, {0}};
	fold_words(fold, s, n, add_word, &ws);
	return ws;
}

static void test_words_are_split_where_letters_stop(void **state)
{
	(void)state;
	fold = fold_new(NULL);
	struct words ws = split("Don't stop: a-b, 3.5 skin's", 27);
	assert_string_equal(ws.list, "dont/dont stop/stop a/a b/b 3/3 5/5 skins/skin");
	assert_int_equal(ws.starts[0], 0);
	assert_int_equal(ws.ends[0], 5); /* the apostrophe belongs to the word */
	assert_int_equal(ws.starts[6], 21);
	assert_int_equal(ws.ends[6], 27);
	/* An apostrophe that joins nothing is not part of a word. */
	ws = split("'quoted' words'", 15);
	assert_string_equal(ws.list, "quoted/quot words/word");
	assert_int_equal(ws.starts[0], 1);
	assert_int_equal(ws.ends[0], 7);
}

static void test_folding_drops_case_and_accents(void **state)
{
	(void)state;
	fold = fold_new("none");
	const char *s = "Café CAFÉ cafe\xcc\x81 Straße ﬁne NAÏVE Ｗｉｄｅ";
	struct words ws = split(s, strlen(s));
	assert_string_equal(ws.list, "cafe/cafe cafe/cafe cafe/cafe strasse/strasse "
			    "fine/fine naive/naive wide/wide");
	/* The decomposed é (e and U+0301) is one word with its mark. */
	assert_int_equal(ws.ends[2] - ws.starts[2], 6);
}

static void test_folding_twice_changes_nothing(void **state)
{
	(void)state;
	fold = fold_new(NULL);
	const char *words[] = {"Café", "Straße", "ﬁne", "DERMAROLLER", "Größe", "İstanbul",
			       "ǅemal", "naïve"};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
		char f1[FOLD_MAX_WORD + 1], s1[FOLD_MAX_WORD + 1];
		char f2[FOLD_MAX_WORD + 1], s2[FOLD_MAX_WORD + 1];
		assert_true(fold_word(fold, words[i], strlen(words[i]), f1, s1));
		assert_true(fold_word(fold, f1, strlen(f1), f2, s2));
		assert_string_equal(f1, f2);
		assert_string_equal(s1, s2);
		struct words ws = split(f1, strlen(f1));
		assert_int_equal(ws.n, 1); /* still one word */
	}
}

static void test_stemming_joins_forms_of_a_word(void **state)
{
	(void)state;
	fold = fold_new("english");
	char f[FOLD_MAX_WORD + 1], a[FOLD_MAX_WORD + 1], b[FOLD_MAX_WORD + 1];
	const char *pairs[][2] = {{"scarring", "scars"}, {"Redness", "red"},
				  {"swelling", "swells"}, {"sessions", "session"},
				  {"thinners", "thinner"}};
	for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
		assert_true(fold_word(fold, pairs[i][0], strlen(pairs[i][0]), f, a));
		assert_true(fold_word(fold, pairs[i][1], strlen(pairs[i][1]), f, b));
		assert_string_equal(a, b);
	}
	assert_true(fold_word(fold, "scarring", 8, f, a));
	assert_string_equal(f, "scarring");
	assert_string_equal(a, "scar");
	/* The stem of "sunscreen" is itself, asked twice (the cache). */
	for (int k = 0; k < 2; k++) {
		assert_true(fold_word(fold, "sunscreen", 9, f, a));
		assert_string_equal(a, "sunscreen");
	}
}

static void test_languages(void **state)
{
	(void)state;
	/* libstemmer is loaded at run time by its Debian file name: a wrong
	 * name would leave search without stems. */
	assert_true(fold_stemmer_available());
	bool english = false;
	for (const char **l = fold_stemmer_languages(); *l; l++)
		english |= strcmp(*l, "english") == 0;
	assert_true(english);
	assert_true(fold_language_known("english"));
	assert_true(fold_language_known("en"));
	assert_true(fold_language_known("french"));
	assert_true(fold_language_known("none"));
	assert_true(fold_language_known(NULL));
	assert_false(fold_language_known("klingon"));
	assert_false(fold_language_known(""));
	assert_null(fold_new("klingon"));
	fold = fold_new("french");
	char f[FOLD_MAX_WORD + 1], a[FOLD_MAX_WORD + 1], b[FOLD_MAX_WORD + 1];
	assert_true(fold_word(fold, "cicatrices", 10, f, a));
	assert_true(fold_word(fold, "cicatrice", 9, f, b));
	assert_string_equal(a, b);
}

static void test_bad_bytes_separate_words(void **state)
{
	(void)state;
	fold = fold_new(NULL);
	const char s[] = "sun\xff\x01screen\0cream\x1b[31mred \xe2\x80";
	struct words ws = split(s, sizeof s - 1);
	assert_string_equal(ws.list, "sun/sun screen/screen cream/cream 31mred/31mred");
	assert_false(fold_word(fold, "!!! ... \xff", 9, (char[FOLD_MAX_WORD + 1]){0},
			       (char[FOLD_MAX_WORD + 1]){0}));
}

static void test_long_words_are_cut(void **state)
{
	(void)state;
	fold = fold_new(NULL);
	struct buf b = BUF_INIT;
	buf_repeat(&b, "é", 5000);
	char f[FOLD_MAX_WORD + 1], st[FOLD_MAX_WORD + 1];
	assert_true(fold_word(fold, b.data, b.len, f, st));
	assert_int_equal(strlen(f), FOLD_MAX_WORD);
	assert_int_equal(fold_length(f, strlen(f)), FOLD_MAX_WORD);
	assert_null(u8_check((const uint8_t *)f, strlen(f)));
	buf_clear(&b);
	buf_repeat(&b, "ab", 5000);
	struct words ws = split(b.data, b.len);
	assert_int_equal(ws.n, 1);
	assert_int_equal(ws.ends[0], 10000);
	buf_free(&b);
}

/* ---- the matcher: finding words with no index -------------------------- */

static size_t find(const char *q, const char *t, struct search_mark *marks, size_t max)
{
	search_matcher_free(matcher);
	matcher = search_matcher_new(search, q, strlen(q));
	return search_matcher_find(matcher, t, strlen(t), marks, max);
}

static void test_matcher_folds_stems_and_completes(void **state)
{
	(void)state;
	open_search(FIX "guide", NULL);
	struct search_mark m[8];
	const char *t = "Le Café du coin";
	assert_int_equal(find("cafe", t, m, 8), 1);
	assert_int_equal(m[0].start, 3);
	assert_int_equal(m[0].end, 8);
	/* Stems: the complete word "scarring" finds "scars". */
	assert_int_equal(find("scarring ", "Old scars fade, the scar too.", m, 8), 2);
	/* The last word is a prefix while being typed, not after a space. */
	assert_int_equal(find("sunscr", "Wear sunscreen daily.", m, 8), 1);
	assert_int_equal(m[0].start, 5);
	assert_int_equal(m[0].end, 14);
	assert_int_equal(find("sunscr ", "Wear sunscreen daily.", m, 8), 0);
	assert_int_equal(find("sunscreen wear", "Wear sunscreen daily.", m, 8), 2);
	assert_int_equal(m[0].start, 0);
	assert_int_equal(search_matcher_words(matcher), 2);
}

static void test_matcher_counts_beyond_max(void **state)
{
	(void)state;
	open_search(FIX "guide", NULL);
	struct search_mark m[2];
	assert_int_equal(find("plain", "plain, plain; PLAIN and plains", m, 2), 4);
	assert_int_equal(m[1].start, 7);
	assert_int_equal(find("plain", "nothing", NULL, 0), 0);
	assert_int_equal(find("", "plain", m, 2), 0);
	assert_int_equal(search_matcher_words(matcher), 0);
}

static void test_matcher_marks_a_synonym_phrase_whole(void **state)
{
	(void)state;
	open_search(FIX "guide", NULL);
	struct search_mark m[4];
	const char *t = "A derma roller, a dermaroller or a roller.";
	assert_int_equal(find("roller ", t, m, 4), 3);
	assert_int_equal(m[0].start, 2);
	assert_int_equal(m[0].end, 14); /* "derma roller", one mark */
	assert_int_equal(find("herpes", "A cold sore flares.", m, 4), 1);
	assert_int_equal(m[0].start, 2);
	assert_int_equal(m[0].end, 11);
	/* Question words from "Skip:" are not looked for... */
	assert_int_equal(find("what the roller", "The roller, what else.", m, 4), 1);
	assert_int_equal(search_matcher_words(matcher), 1);
	/* ...unless there is nothing else. */
	assert_int_equal(find("what", "what else", m, 4), 1);
}

/* ---- the index on the test guide --------------------------------------- */

static void test_index_folds_accents(void **state)
{
	(void)state;
	open_search(FIX "guide", NULL);
	query("cafe");
	assert_int_equal(res->count, 2);
	assert_string_equal(hit_id(0), "cafe");
	assert_string_equal(res->hits[0].title, "Le Café");
	assert_int_equal(res->hits[0].heading, -1); /* the title says it */
	assert_string_equal(res->hits[1].anchor, "straße-and-naïve-words");
	assert_string_equal(res->hits[1].section, "Straße and naïve words");
	assert_int_equal(res->hits[1].nmarks, 1);
	const struct search_mark *m = &res->hits[1].marks[0];
	assert_memory_equal(res->hits[1].snippet + m->start, "Café", m->end - m->start);
	query("STRASSE");
	assert_string_equal(hit_id(0), "cafe");
	query("ecole naive fine");
	assert_string_equal(hit_id(0), "cafe");
	assert_true(res->hits[0].all_words);
	assert_int_equal(res->partial, false);
	assert_int_equal(res->indexed, 3);
	assert_int_equal(res->total, 3);
}

static void test_index_stems(void **state)
{
	(void)state;
	open_search(FIX "guide", NULL);
	query("scarring");
	assert_int_equal(res->count, 1);
	assert_string_equal(res->hits[0].anchor, "scars");
	assert_string_equal(res->hits[0].snippet, "Old scars fade slowly. Dermarollers are sold online.");
	assert_int_equal(res->hits[0].nmarks, 1);
	assert_int_equal(res->hits[0].marks[0].start, 4);
	assert_int_equal(res->hits[0].marks[0].end, 9);
}

static void test_prefix_only_while_typing(void **state)
{
	(void)state;
	open_search(FIX "guide", NULL);
	query("sunscr");
	assert_int_equal(res->count, 1);
	assert_string_equal(hit_id(0), "home");
	query("sunscr ");
	assert_int_equal(res->count, 0);
	query("swell");
	assert_int_equal(res->count, 0);
	query("plai");
	assert_string_equal(hit_id(0), "quiet");
	/* One letter: every article with such a word, in guide order. */
	query("s");
	assert_true(res->count >= 3);
	assert_string_equal(hit_id(0), "cafe");
}

static void test_sections_and_the_top(void **state)
{
	(void)state;
	open_search(FIX "guide", NULL);
	/* A match in the summary is the top of the article. */
	query("accents");
	assert_int_equal(res->count, 1);
	assert_int_equal(res->hits[0].heading, -1);
	assert_null(res->hits[0].anchor);
	assert_string_equal(res->hits[0].snippet, "A small article with accents in it.");
	/* A match in the title alone: the top, with the summary as snippet. */
	query("quiet");
	assert_int_equal(res->count, 1);
	assert_int_equal(res->hits[0].heading, -1);
	assert_string_equal(res->hits[0].snippet, "Nothing here but plain words.");
	assert_int_equal(res->hits[0].nmarks, 0);
	/* One hit per section, the best section first. */
	query("plain");
	assert_int_equal(res->count, 2);
	assert_string_equal(res->hits[0].anchor, "plain-words");
	assert_int_equal(res->hits[1].heading, -1);
}

static void test_sources_are_not_searched(void **state)
{
	(void)state;
	open_search(FIX "guide", NULL);
	query("zyxwvut");
	assert_int_equal(res->count, 0);
	open_search("content", NULL);
	query("Alster");
	assert_int_equal(res->count, 0);
	query("Soltani-Arabshahi");
	assert_int_equal(res->count, 0);
}

/* ---- typos ------------------------------------------------------------- */

static void test_typos_are_corrected(void **state)
{
	(void)state;
	open_search("content", NULL);
	const char *typos[] = {"sunscren", "sunscreeen", "snuscreen", "sunxcreen", "Sunscren"};
	for (size_t i = 0; i < sizeof typos / sizeof *typos; i++) {
		query(typos[i]);
		assert_non_null(res->corrected);
		assert_string_equal(res->corrected, "sunscreen");
		assert_string_equal(hit_id(0), "aftercare");
	}
	query("how long does redness last aftr");
	assert_null(res->corrected); /* "aftr" has four letters */
	query("sunscren every day");
	assert_string_equal(res->corrected, "sunscreen every day");
	assert_true(res->hits[0].all_words);
	assert_true(res->hits[0].nmarks >= 1);
	query("sunscreen");
	assert_null(res->corrected);
	/* Two typos are not one. */
	query("sunscrin dayz keloidd");
	assert_non_null(res->corrected);
	assert_string_equal(res->corrected, "sunscrin dayz keloid");
	query("snscrin");
	assert_null(res->corrected);
	assert_int_equal(res->count, 0);
}

/* ---- synonyms: every shipped group ------------------------------------- */

struct group_words {
	char *alts[16];
	size_t n;
};

/* Trim spaces at both ends of s[0, n), in place; returns the start. */
static char *trim(char *s, size_t n)
{
	while (n && s[n - 1] == ' ')
		n--;
	s[n] = '\0';
	while (*s == ' ')
		s++;
	return s;
}

/* The shipped groups, read the simple way: list items split at '='. */
static size_t shipped_groups(struct group_words *g, size_t max)
{
	struct sg_error err;
	if (!guide_read_file("content/" SEARCH_SYNONYMS_FILE, &text, &err))
		fail_msg("%s", err.msg);
	size_t n = 0;
	for (char *line = text.data; line && *line && n < max;) {
		char *next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (strncmp(line, "- ", 2) == 0) {
			g[n].n = 0;
			for (char *p = line + 2; p && g[n].n < 16;) {
				char *eq = strchr(p, '=');
				g[n].alts[g[n].n++] = trim(p, eq ? (size_t)(eq - p) : strlen(p));
				p = eq ? eq + 1 : NULL;
			}
			n++;
		}
		line = next;
	}
	return n;
}

/* A guide with one article per synonym, each using only that word. */
static void write_synonym_guide(const struct group_words *g, size_t ng)
{
	temp_dir = tmpdir_make("sg-syn");
	struct buf b = BUF_INIT, name = BUF_INIT;
	size_t k = 0;
	for (size_t i = 0; i < ng; i++)
		for (size_t a = 0; a < g[i].n; a++, k++) {
			buf_clear(&b);
			buf_clear(&name);
			buf_printf(&b, "# Topic %zu\n\nThe opening lines.\n\n## Part\n\nThis "
				   "text says %s once.\n", k, g[i].alts[a]);
			buf_printf(&name, "%02zu-t%zu.md", k + 1, k);
			assert_true(tmpdir_write(temp_dir, name.data, b.data, b.len));
		}
	struct sg_error err;
	buf_clear(&b);
	if (!guide_read_file("content/" SEARCH_SYNONYMS_FILE, &b, &err))
		fail_msg("%s", err.msg);
	assert_true(tmpdir_write(temp_dir, SEARCH_SYNONYMS_FILE, b.data, b.len));
	buf_free(&b);
	buf_free(&name);
}

static void test_every_shipped_synonym_finds_the_others(void **state)
{
	(void)state;
	static struct group_words g[64];
	size_t ng = shipped_groups(g, 64);
	assert_true(ng >= 7);
	write_synonym_guide(g, ng);
	open_search(temp_dir, NULL);
	size_t k = 0;
	for (size_t i = 0; i < ng; i++) {
		size_t first = k;
		for (size_t a = 0; a < g[i].n; a++, k++) {
			query(g[i].alts[a]);
			/* Every article of the group, by the id of its file. */
			for (size_t b = 0; b < g[i].n; b++) {
				char id[32];
				snprintf(id, sizeof id, "t%zu", first + b);
				if (!found(id)) {
					dump(g[i].alts[a]);
					fail_msg("'%s' does not find '%s'", g[i].alts[a], g[i].alts[b]);
				}
			}
		}
	}
	/* The required groups are all there. */
	const char *required[] = {"roller", "dermaroller", "derma roller", "pen", "Derma Pen",
				  "Dermapen", "cold sore", "herpes", "blood thinner",
				  "anticoagulant", "warfarin", "Accutane", "Roaccutane",
				  "isotretinoin", "make-up", "makeup", "redness", "red"};
	for (size_t r = 0; r < sizeof required / sizeof *required; r++) {
		bool there = false;
		for (size_t i = 0; i < ng && !there; i++)
			for (size_t a = 0; a < g[i].n && !there; a++)
				there = strcmp(g[i].alts[a], required[r]) == 0;
		if (!there)
			fail_msg("'%s' is not in content/synonyms.md", required[r]);
	}
}

static void test_multi_word_synonyms(void **state)
{
	(void)state;
	open_search(FIX "guide", NULL);
	query("herpes");
	assert_int_equal(res->count, 1);
	assert_string_equal(res->hits[0].anchor, "cold-sores");
	assert_int_equal(res->hits[0].nmarks, 1);
	query("dermaroller");
	assert_true(found("home"));
	assert_true(found("cafe"));
	query("derma roller");
	assert_true(found("cafe")); /* "Dermarollers" */
	/* Typed word by word, the phrase is found as it grows. */
	query("derma rol");
	assert_string_equal(hit_id(0), "home");
	query("cold so");
	assert_string_equal(hit_id(0), "home");
}

/* ---- hostile queries ---------------------------------------------------- */

static void test_fts5_syntax_is_only_words(void **state)
{
	(void)state;
	open_search("content", NULL);
	const char *hostile[] = {
		"\"", "\"\"", "\"sunscreen", "sunscreen\"", "*", "sun*", "^sunscreen", "^",
		"title:sunscreen", "body:", "{title body}:sun", "-title:sun", ":", "(", ")",
		"(sunscreen", "sunscreen)", "()", "+", "sun + screen", "NEAR", "NEAR(sun cream)",
		"NEAR(sun cream, 2)", "AND", "OR", "NOT", "sunscreen AND", "OR sunscreen",
		"NOT sunscreen", "sunscreen NOT day", "a-b", "don't", "can't won't", "'", "''",
		"\\", "\\\"", ";", "--", "/*", "*/", "%", "_", "%sun_", "''; DROP TABLE a; --",
		"rank MATCH 'bm25(1)'", "a MATCH b", "\"a\" + \"b\"*", "&&", "||", "!=", "<>",
		"{", "}", "[", "]", "@", "#", "$1", "?", "?1", ":a", "x'00'", "0x00", "1e999",
		"NaN", "NULL", "col:\"x\" AND NOT \"", "**", "^^^", "sunscreen*", "*sunscreen",
	};
	for (size_t i = 0; i < sizeof hostile / sizeof *hostile; i++)
		query(hostile[i]);
	/* Operators are words like any other. */
	query("sunscreen OR make");
	assert_int_equal(res->words, 3);
	query("title:sunscreen");
	assert_int_equal(res->words, 2);
	query("NEAR(sunscreen day)");
	assert_int_equal(res->words, 3);
	query("sunscreen*");
	assert_int_equal(res->words, 1);
	assert_string_equal(hit_id(0), "aftercare");
	query("\"sunscreen\"");
	assert_string_equal(hit_id(0), "aftercare");
	query("!!! ... ???");
	assert_int_equal(res->words, 0);
	assert_int_equal(res->count, 0);
	query("");
	assert_int_equal(res->words, 0);
	search_results_free(res);
	res = search_query(search, NULL, 0);
	assert_int_equal(res->count, 0);
}

static void test_bad_bytes_in_queries(void **state)
{
	(void)state;
	open_search("content", NULL);
	const char bad[] = "sun\xff\xfe\0screen\x1b[2J\x07\x9b\xc3";
	query_n(bad, sizeof bad - 1);
	assert_int_equal(res->words, 3);
	query("\xed\xa0\x80\xf4\x90\x80\x80\xc0\xaf");
	assert_int_equal(res->count, 0);
	/* 10,000 characters pasted: random bytes, one word, many words. */
	static char paste[10001];
	srand(8);
	for (int round = 0; round < 5; round++) {
		for (size_t i = 0; i < 10000; i++)
			paste[i] = (char)(rand() % 256);
		query_n(paste, 10000);
	}
	memset(paste, 'a', 10000);
	query_n(paste, 10000);
	assert_int_equal(res->words, 1);
	for (size_t i = 0; i < 10000; i++)
		paste[i] = "sunscreen "[i % 10];
	query_n(paste, 10000);
	assert_int_equal(res->words, 1); /* each word once */
	assert_string_equal(hit_id(0), "aftercare");
	/* Different words: the first SEARCH_MAX_WORDS of them. */
	for (size_t i = 0; i < 10000; i += 4)
		snprintf(paste + i, 5, "%c%c%c ", 'a' + (int)(i / 4 % 26),
			 'a' + (int)(i / 104 % 26), 'a' + (int)(i / 2704 % 26));
	query_n(paste, 10000);
	assert_int_equal(res->words, SEARCH_MAX_WORDS);
	for (size_t i = 0; i < 10000; i++)
		paste[i] = "\"*^:()+-"[i % 8];
	query_n(paste, 10000);
	assert_int_equal(res->words, 0);
}

/* ---- ranking ------------------------------------------------------------ */

static void test_every_word_before_some(void **state)
{
	(void)state;
	open_search(FIX "rank", NULL);
	/* "body" says alpha three times, "heading" says alpha and beta. */
	query("alpha beta");
	assert_string_equal(hit_id(0), "heading");
	assert_true(res->hits[0].all_words);
	assert_string_equal(hit_id(1), "body");
	assert_false(res->hits[1].all_words);
	query("alpha");
	assert_string_equal(hit_id(0), "body");
	/* A word no topic has leaves only "some" topics. */
	query("alpha qqqqq");
	assert_true(res->count >= 2);
	assert_false(res->hits[0].all_words);
}

static void test_title_above_heading_above_body(void **state)
{
	(void)state;
	open_search(FIX "rank", NULL);
	query("zebra");
	assert_int_equal(res->count, 3);
	assert_string_equal(hit_id(0), "title");
	assert_string_equal(hit_id(1), "heading");
	assert_string_equal(hit_id(2), "body");
	assert_string_equal(res->hits[1].anchor, "the-zebra-part");
}

static void test_ties_in_article_order(void **state)
{
	(void)state;
	open_search(FIX "rank", NULL);
	query("gamma");
	assert_int_equal(res->count, 2);
	assert_int_equal(res->hits[0].article, 3);
	assert_int_equal(res->hits[1].article, 4);
}

static void test_limits(void **state)
{
	(void)state;
	struct search_opts opts = {.max_hits = 2, .per_article = 1, .snippet_columns = 20};
	open_search("content", &opts);
	search_results_free(res);
	res = search_query(search, "sun", 3);
	assert_false(res->failed);
	check_hits(res, 20);
	assert_int_equal(res->count, 2);
	assert_true(res->hits[0].article != res->hits[1].article);
	for (size_t i = 0; i < res->count; i++)
		assert_true(strstr(res->hits[i].snippet, "...") != NULL);
}

/* ---- patient queries on the shipped content ----------------------------- */

struct expect {
	const char *query, *id, *anchor;
};

/* What a patient would hope to read first, checked against the articles. */
static const struct expect patient[] = {
	{"sunscreen", "aftercare", "the-first-24-hours"},
	{"cold sore", "risks", "cold-sore-flare"},
	{"how long red", "side-effects", "redness-swelling-and-soreness-how-long-they-last"},
	{"roller", "clinic-or-home", "at-home-rollers"},
	{"blood thinner", "who-should-wait", "blood-thinners-or-a-bleeding-problem"},
	{"pregnant", "who-should-wait", "pregnancy-or-breastfeeding"},
	{"make-up", "preparing", "the-day-itself"},
	{"Accutane", "who-should-wait", "isotretinoin-the-acne-pill"},
	{"keloid", "who-should-wait", "keloids-or-raised-scars"},
	{"fever", "warning-signs", "signs-of-infection"},
	{"itching", "questions", "word-list"},
	{"bumps", "risks", "acne-flares-and-tiny-white-bumps"},
	{"numbing", "clinic-or-home", "numbing-creams-at-home"},
	{"how many sessions", "what-is-microneedling", "how-many-sessions"},
	{"home pen", "what-is-microneedling", "the-tools"},
	{"swelling", "side-effects", "redness-swelling-and-soreness-how-long-they-last"},
	{"vampire facial", "risks", "the-vampire-facial-cases"},
	{"herpes", "risks", "cold-sore-flare"},
	{"warfarin", "who-should-wait", "blood-thinners-or-a-bleeding-problem"},
	{"scarring", "risks", "scarring"},
	{"breastfeeding", "who-should-wait", "pregnancy-or-breastfeeding"},
	{"diabetes", "who-should-wait", "a-weak-immune-system-or-diabetes"},
	{"emergency", "warning-signs", "get-emergency-help-now"},
	{"pain relief", "preparing", "pain-relief-after-treatment"},
	{"tingling", "warning-signs", "signs-of-a-cold-sore"},
	{"shared roller", "clinic-or-home", "if-you-shared-a-roller"},
	{"can I swim", "aftercare", "the-first-24-hours"},
	{"allergy", "risks", "allergic-reactions"},
	{"dark patches", "risks", "darker-or-lighter-patches"},
	{"sunscren", "aftercare", "the-first-24-hours"},
};

static void test_patient_queries_top_result(void **state)
{
	(void)state;
	open_search("content", NULL);
	size_t failures = 0;
	for (size_t i = 0; i < sizeof patient / sizeof *patient; i++) {
		const struct expect *e = &patient[i];
		query(e->query);
		bool ok = res->count > 0 && strcmp(hit_id(0), e->id) == 0 &&
			  (!e->anchor || (res->hits[0].anchor &&
					  strcmp(res->hits[0].anchor, e->anchor) == 0));
		if (!ok) {
			print_message("'%s': wanted %s#%s\n", e->query, e->id,
				      e->anchor ? e->anchor : "");
			dump(e->query);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

static void test_results_typed_letter_by_letter(void **state)
{
	(void)state;
	open_search("content", NULL);
	const char *word = "sunscreen";
	for (size_t n = 1; n <= strlen(word); n++) {
		query_n(word, n);
		assert_true(res->count > 0);
	}
	assert_string_equal(hit_id(0), "aftercare");
	assert_true(res->hits[0].nmarks > 0);
}

/* ---- the index thread ---------------------------------------------------- */

static void write_big_guide(size_t n)
{
	temp_dir = tmpdir_make("sg-big");
	struct buf b = BUF_INIT, name = BUF_INIT;
	for (size_t i = 1; i <= n; i++) {
		buf_clear(&b);
		buf_clear(&name);
		buf_printf(&b, "# Topic number %zu\n\nSummary %zu.\n\n## Part\n\nSome words about "
			   "sunscreen%s.\n", i, i, i == n ? " and the last marker" : "");
		buf_printf(&name, "%04zu-t%zu.md", i, i);
		assert_true(tmpdir_write(temp_dir, name.data, b.data, b.len));
	}
	buf_free(&b);
	buf_free(&name);
}

static void wait_until_indexed(void)
{
	struct timespec nap = {0, 2000000};
	for (int i = 0; i < 5000 && !search_progress(search, NULL, NULL); i++)
		nanosleep(&nap, NULL);
	assert_true(search_progress(search, NULL, NULL));
}

static void test_index_in_a_thread(void **state)
{
	(void)state;
	write_big_guide(300);
	struct search_opts opts = {.thread_from = 100};
	open_search(temp_dir, &opts);
	size_t done, total;
	assert_false(search_progress(search, &done, &total));
	assert_int_equal(done, 0);
	assert_int_equal(total, 300);
	assert_true(search_start(search));
	/* A query while it runs searches what is there, and says so. */
	query("sunscreen");
	assert_true(res->partial == (res->indexed < res->total));
	assert_int_equal(res->total, 300);
	size_t before = res->indexed;
	wait_until_indexed();
	assert_true(search_progress(search, &done, &total));
	assert_int_equal(done, 300);
	assert_true(done >= before);
	query("marker");
	assert_false(res->partial);
	assert_int_equal(res->indexed, 300);
	assert_int_equal(res->count, 1);
	assert_string_equal(hit_id(0), "t300");
	query("sunscren"); /* the vocabulary, read by the thread or now */
	assert_string_equal(res->corrected, "sunscreen");
	assert_int_equal(res->count, 50);
	assert_false(search_start(search)); /* nothing left to do */
}

static void test_small_guide_needs_no_thread(void **state)
{
	(void)state;
	open_search("content", NULL);
	assert_false(search_start(search));
	size_t done, total;
	assert_false(search_progress(search, &done, &total));
	query("keloid");
	assert_true(search_progress(search, &done, &total));
	assert_int_equal(done, total);
	assert_false(res->partial);
}

static void test_free_while_indexing(void **state)
{
	(void)state;
	write_big_guide(400);
	struct search_opts opts = {.thread_from = 1};
	open_search(temp_dir, &opts);
	assert_true(search_start(search));
	search_free(search); /* stops and joins the thread */
	search = NULL;
}

/* ---- language and the synonyms file -------------------------------------- */

static void write_guide_with(const char *synonyms)
{
	temp_dir = tmpdir_make("sg-lang");
	const char *art = "# Cicatrices\n\nLes cicatrices et la crème.\n\n## Partie\n\nUne "
			  "cicatrice reste.\n";
	assert_true(tmpdir_write(temp_dir, "01-a.md", art, strlen(art)));
	assert_true(tmpdir_write(temp_dir, SEARCH_SYNONYMS_FILE, synonyms, strlen(synonyms)));
}

/* A list item of one word says little alone: the snippet starts with
 * the section's first paragraph, and the found word is still marked. */
static void test_short_row_snippet_has_its_lead_in(void **state)
{
	(void)state;
	temp_dir = tmpdir_make("sg-lead");
	const char *art = "# Waiting\n\nWhen to wait.\n\n## Calm skin\n\nMost clinics ask you "
			  "to wait if the area has:\n\n- acne\n- sunburn\n";
	assert_true(tmpdir_write(temp_dir, "01-a.md", art, strlen(art)));
	open_search(temp_dir, NULL);
	query("sunburn");
	assert_int_equal(res->count, 1);
	const struct search_hit *h = &res->hits[0];
	assert_string_equal(h->snippet, "Most clinics ask you to wait if the area has: ... sunburn");
	assert_int_equal(h->nmarks, 1);
	assert_memory_equal(h->snippet + h->marks[0].start, "sunburn", 7);
}

static void test_language_from_the_content(void **state)
{
	(void)state;
	write_guide_with("# Mots\n\nLanguage: french\n\n- creme = pommade\n");
	open_search(temp_dir, NULL);
	assert_string_equal(search_language(search), "french");
	/* French stems: "cicatrice" finds "Cicatrices" in the title too. */
	query("cicatrice ");
	assert_int_equal(res->count, 2);
	assert_int_equal(res->hits[0].heading, -1);
	assert_string_equal(res->hits[1].anchor, "partie");
	query("pommade");
	assert_int_equal(res->count, 1);
	assert_int_equal(res->hits[0].heading, -1);
	/* The caller may choose: with no stemming, only the same word. */
	struct search_opts opts = {.language = "none"};
	open_search(temp_dir, &opts);
	assert_string_equal(search_language(search), "none");
	query("cicatrice ");
	assert_int_equal(res->count, 1);
	assert_string_equal(res->hits[0].anchor, "partie");
	struct sg_error err;
	opts.language = "klingon";
	assert_null(search_new(guide, &opts, &err));
	assert_non_null(strstr(err.msg, "klingon"));
}

static void test_unknown_content_language_falls_back(void **state)
{
	(void)state;
	write_guide_with("Language: klingon\n\n- creme = pommade\n");
	open_search(temp_dir, NULL);
	assert_string_equal(search_language(search), "english");
	query("pommade");
	assert_int_equal(res->count, 1);
}

static void test_shipped_synonyms_are_clean(void **state)
{
	(void)state;
	struct sg_error err;
	if (!guide_read_file("content/" SEARCH_SYNONYMS_FILE, &text, &err))
		fail_msg("%s", err.msg);
	search_synonyms_check(text.data, text.len, &diags);
	for (size_t i = 0; i < diags.count; i++)
		print_message("%d: %s\n", diags.items[i].line, diags.items[i].message);
	assert_int_equal(diags.count, 0);
	open_search("content", NULL);
	assert_string_equal(search_language(search), "english");
}

static const struct {
	int line;
	bool error;
	const char *message;
} bad_lines[] = {
	{3, true, "no stemmer for the language 'klingon'; use one of: "},
	{5, true, "a second 'Language:' line; the one on line 3 counts, so delete this one"},
	{7, true, "nothing after 'Skip:'"},
	{10, true, "'roller' has no '='; write the words that mean the same on one line, "
	 "joined by '=', such as 'roller = dermaroller'"},
	{11, true, "nothing on one side of '='; delete the extra '='"},
	{12, true, "'one two three four five' has 5 words; a synonym may have at most 4"},
	{13, true, "'!!!' has no letters or digits to search for"},
	{15, true, "'herpes' is also on line 14; put each word on one line only, or join the "
	 "two lines"},
	{16, false, "'red' is twice on this line"},
	{17, true, "'alone' has no '='"},
	{18, true, "more than one line in a list item; put each group of words on a line of "
	 "its own, with no list inside it"},
	{20, true, "this line carries on the group above, so both become one group; start "
	 "each group with '- '"},
	{22, false, "words joined by '=' outside the list are not a group; start the line "
	 "with '- ' to make it one"},
};

static void test_synonym_file_mistakes(void **state)
{
	(void)state;
	struct sg_error err;
	if (!guide_read_file(FIX "bad/" SEARCH_SYNONYMS_FILE, &text, &err))
		fail_msg("%s", err.msg);
	search_synonyms_check(text.data, text.len, &diags);
	if (diags.count != sizeof bad_lines / sizeof *bad_lines)
		for (size_t i = 0; i < diags.count; i++)
			print_message("%d: %s\n", diags.items[i].line, diags.items[i].message);
	assert_int_equal(diags.count, sizeof bad_lines / sizeof *bad_lines);
	for (size_t i = 0; i < diags.count; i++) {
		assert_int_equal(diags.items[i].line, bad_lines[i].line);
		assert_int_equal(diags.items[i].error, bad_lines[i].error);
		assert_non_null(strstr(diags.items[i].message, bad_lines[i].message));
	}
	/* "redness = red" is fine: one stem, two ways to write it. */
	diags_free(&diags);
	search_synonyms_check("- redness = red\n", 16, &diags);
	assert_int_equal(diags.count, 0);
	search_synonyms_check("# Nothing\n", 10, &diags);
	assert_int_equal(diags.count, 1);
	assert_false(diags.items[0].error);
	/* A Suggest line with no words in it. */
	diags_free(&diags);
	static const char empty[] = "Suggest: , ,\n\n- redness = red\n";
	search_synonyms_check(empty, sizeof empty - 1, &diags);
	assert_int_equal(diags.count, 1);
	assert_true(diags.items[0].error);
	assert_non_null(strstr(diags.items[0].message, "no words after 'Suggest:'"));
}

static void test_check_reports_synonyms_with_lines(void **state)
{
	(void)state;
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	struct check_result r;
	check_dir(FIX "bad", f, &r);
	fclose(f);
	buf_puts(&text, out);
	free(out);
	assert_true(r.errors >= 10);
	assert_non_null(strstr(text.data, FIX "bad/synonyms.md:3: error: no stemmer for the "
			       "language 'klingon'"));
	assert_non_null(strstr(text.data, FIX "bad/synonyms.md:16: warning: 'red' is twice "
			       "on this line"));
	assert_non_null(strstr(text.data, FIX "bad/synonyms.md:18: error: more than one "
			       "line"));
}

static void test_synonyms_with_bad_bytes(void **state)
{
	(void)state;
	const char s[] = "Language: \x1b[31menglish\n\n- a\xff = b\x01\n- \xc3 = \x00 = x\n";
	search_synonyms_check(s, sizeof s - 1, &diags);
	assert_true(diags.count >= 1);
	for (size_t i = 0; i < diags.count; i++) {
		const char *m = diags.items[i].message;
		assert_null(u8_check((const uint8_t *)m, strlen(m)));
		for (const char *p = m; *p; p++)
			assert_false((unsigned char)*p < 0x20);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_words_are_split_where_letters_stop, teardown),
		cmocka_unit_test_teardown(test_folding_drops_case_and_accents, teardown),
		cmocka_unit_test_teardown(test_folding_twice_changes_nothing, teardown),
		cmocka_unit_test_teardown(test_stemming_joins_forms_of_a_word, teardown),
		cmocka_unit_test_teardown(test_languages, teardown),
		cmocka_unit_test_teardown(test_bad_bytes_separate_words, teardown),
		cmocka_unit_test_teardown(test_long_words_are_cut, teardown),
		cmocka_unit_test_teardown(test_matcher_folds_stems_and_completes, teardown),
		cmocka_unit_test_teardown(test_matcher_counts_beyond_max, teardown),
		cmocka_unit_test_teardown(test_matcher_marks_a_synonym_phrase_whole, teardown),
		cmocka_unit_test_teardown(test_index_folds_accents, teardown),
		cmocka_unit_test_teardown(test_index_stems, teardown),
		cmocka_unit_test_teardown(test_prefix_only_while_typing, teardown),
		cmocka_unit_test_teardown(test_sections_and_the_top, teardown),
		cmocka_unit_test_teardown(test_sources_are_not_searched, teardown),
		cmocka_unit_test_teardown(test_typos_are_corrected, teardown),
		cmocka_unit_test_teardown(test_every_shipped_synonym_finds_the_others, teardown),
		cmocka_unit_test_teardown(test_multi_word_synonyms, teardown),
		cmocka_unit_test_teardown(test_fts5_syntax_is_only_words, teardown),
		cmocka_unit_test_teardown(test_bad_bytes_in_queries, teardown),
		cmocka_unit_test_teardown(test_every_word_before_some, teardown),
		cmocka_unit_test_teardown(test_title_above_heading_above_body, teardown),
		cmocka_unit_test_teardown(test_ties_in_article_order, teardown),
		cmocka_unit_test_teardown(test_limits, teardown),
		cmocka_unit_test_teardown(test_patient_queries_top_result, teardown),
		cmocka_unit_test_teardown(test_results_typed_letter_by_letter, teardown),
		cmocka_unit_test_teardown(test_index_in_a_thread, teardown),
		cmocka_unit_test_teardown(test_small_guide_needs_no_thread, teardown),
		cmocka_unit_test_teardown(test_free_while_indexing, teardown),
		cmocka_unit_test_teardown(test_language_from_the_content, teardown),
		cmocka_unit_test_teardown(test_unknown_content_language_falls_back, teardown),
		cmocka_unit_test_teardown(test_shipped_synonyms_are_clean, teardown),
		cmocka_unit_test_teardown(test_synonym_file_mistakes, teardown),
		cmocka_unit_test_teardown(test_short_row_snippet_has_its_lead_in, teardown),
		cmocka_unit_test_teardown(test_check_reports_synonyms_with_lines, teardown),
		cmocka_unit_test_teardown(test_synonyms_with_bad_bytes, teardown),
	};
	return cmocka_run_group_tests_name("search", tests, NULL, NULL);
}
