/* Unit tests for src/readability.c: syllables of single words, word,
 * sentence and syllable counts of hand-counted text, sentence ends around
 * abbreviations and numbers, the per-sentence callback, and the
 * Flesch-Kincaid and SMOG formulas. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "skinguide/readability.h"

/* ---- helpers ----------------------------------------------------------- */

static size_t syl(const char *word)
{
	return readability_syllables(word, strlen(word));
}

/* Assert that `word` has `expected` syllables, naming the word on failure. */
static void assert_syllables(const char *word, size_t expected)
{
	size_t got = syl(word);
	if (got != expected)
		fail_msg("readability_syllables(\"%s\") = %zu, expected %zu", word, got,
			 expected);
}

#define MAX_SENTENCES 8

/* What the callback saw. */
struct seen {
	size_t count;
	struct rd_sentence s[MAX_SENTENCES];
};

static void record(void *ctx, const struct rd_sentence *s)
{
	struct seen *seen = ctx;
	assert_true(seen->count < MAX_SENTENCES);
	seen->s[seen->count++] = *s;
}

/* Count `text` from scratch, recording its sentences in `seen`. */
static struct readability count(const char *text, struct seen *seen)
{
	struct readability r = {0, 0, 0, 0};
	memset(seen, 0, sizeof *seen);
	readability_add(&r, text, strlen(text), record, seen);
	return r;
}

static void assert_counts(const struct readability *r, size_t words, size_t sentences,
			  size_t syllables, size_t polysyllables)
{
	assert_int_equal(r->words, words);
	assert_int_equal(r->sentences, sentences);
	assert_int_equal(r->syllables, syllables);
	assert_int_equal(r->polysyllables, polysyllables);
}

/* Sentence `i` of `seen` is exactly the bytes `expected` of `text`. */
static void assert_sentence(const struct seen *seen, size_t i, const char *text,
			    const char *expected, size_t words)
{
	assert_true(i < seen->count);
	const struct rd_sentence *s = &seen->s[i];
	const char *at = strstr(text, expected);
	assert_non_null(at);
	assert_ptr_equal(s->start, at);
	if (s->len != strlen(expected))
		fail_msg("sentence %zu is \"%.*s\", expected \"%s\"", i, (int)s->len,
			 s->start, expected);
	assert_int_equal(s->words, words);
}

/* ---- readability_syllables --------------------------------------------- */

static void test_syllables_of_one_syllable_words(void **state)
{
	(void)state;
	assert_syllables("cat", 1);
	assert_syllables("skin", 1);
	assert_syllables("make", 1);   /* silent final e */
	assert_syllables("makes", 1);  /* silent e before s */
	assert_syllables("the", 1);    /* a lone e is the only vowel: kept */
	assert_syllables("whole", 1);  /* -le after a vowel is silent */
	assert_syllables("day", 1);    /* y as a vowel, one group with a */
	assert_syllables("cause", 1);
	assert_syllables("washed", 1); /* -ed after h is silent */
	assert_syllables("Does", 1);
}

static void test_syllables_of_two_syllable_words(void **state)
{
	(void)state;
	assert_syllables("table", 2);  /* consonant + le is a syllable */
	assert_syllables("little", 2);
	assert_syllables("people", 2);
	assert_syllables("needed", 2); /* -ed after d is heard */
	assert_syllables("wanted", 2); /* -ed after t is heard */
	assert_syllables("doctor", 2);
	assert_syllables("tattoo", 2);
	assert_syllables("uses", 2);   /* -es after s is heard */
	assert_syllables("boxes", 2);  /* -es after x is heard */
	assert_syllables("redness", 2);
}

/* The source's own comment names "used" as a silent ending: -ed is heard
 * only after t or d, so "used", "based", "faced" and "changed" have one
 * syllable ("-es" is heard after s, c, g, z, x, but "-ed" is not). */
static void test_syllables_silent_ed_after_s_c_g(void **state)
{
	(void)state;
	assert_syllables("used", 1);
	assert_syllables("based", 1);
	assert_syllables("faced", 1);
	assert_syllables("changed", 1);
}

static void test_syllables_of_long_words(void **state)
{
	(void)state;
	assert_syllables("microneedling", 4); /* mi-cro-need-ling */
	assert_syllables("vitamin", 3);
	assert_syllables("administration", 5);
	assert_syllables("documentation", 5);
	assert_syllables("communication", 5);
	/* The heuristic counts three vowel groups in "every"; dictionaries
	 * mostly say two (EV-ree). */
	assert_syllables("every", 3);
	/* "area" is three syllables in a dictionary, but "ea" is one vowel
	 * group to the heuristic. */
	assert_syllables("area", 2);
}

static void test_syllables_number_is_one(void **state)
{
	(void)state;
	assert_syllables("2", 1);
	assert_syllables("15", 1);
	assert_syllables("2024", 1);
	assert_syllables("1st", 1);
}

static void test_syllables_hyphenated_word_adds_its_parts(void **state)
{
	(void)state;
	assert_syllables("make-up", 2);   /* make + up */
	assert_syllables("follow-up", 3); /* fol-low + up */
	assert_syllables("sun-safe", 2);
}

static void test_syllables_apostrophe_is_not_a_vowel(void **state)
{
	(void)state;
	assert_syllables("don't", 1);
	assert_syllables("it's", 1);
	assert_syllables("skin's", 1);
}

static void test_syllables_at_least_one(void **state)
{
	(void)state;
	assert_syllables("hmm", 1);
	assert_syllables("", 1);
	assert_syllables("-", 1);
}

static void test_syllables_reads_only_n_bytes(void **state)
{
	(void)state;
	assert_int_equal(readability_syllables("cats and dogs", 4), 1);
	assert_int_equal(readability_syllables("microneedling", 5), 2); /* "micro" */
	assert_int_equal(readability_syllables("make-up", 4), 1);       /* "make" */
}

/* Capitals do not change the count: the final 'E' is already matched
 * either way, so "TABLE" must keep its "-le" syllable and "MAKES" lose its
 * silent e, as their lower-case forms do. */
static void test_syllables_ignore_case(void **state)
{
	(void)state;
	assert_syllables("Table", 2);
	assert_syllables("MAKE", 1);
	assert_syllables("TABLE", 2);
	assert_syllables("MAKES", 1);
	assert_syllables("WANTED", 2);
}

/* ---- readability_add: hand-counted text -------------------------------- */

static void test_add_counts_two_short_sentences(void **state)
{
	(void)state;
	/* Wash the skin. | Pat it dry.
	 * words 3 + 3 = 6; sentences 2; every word one syllable: 6. */
	struct seen seen;
	struct readability r = count("Wash the skin. Pat it dry.", &seen);
	assert_counts(&r, 6, 2, 6, 0);
	assert_int_equal(seen.count, 2);
}

static void test_add_counts_mixed_syllables(void **state)
{
	(void)state;
	/* Ap-ply(2) a(1) lit-tle(2) sun-screen(2) ev-er-y(3) morn-ing(2).
	 * Is(1) the(1) skin(1) red(1)?
	 * words 6 + 4 = 10; sentences 2; syllables 12 + 4 = 16;
	 * polysyllables: "every" = 1. */
	struct seen seen;
	struct readability r =
		count("Apply a little sunscreen every morning. Is the skin red?", &seen);
	assert_counts(&r, 10, 2, 16, 1);
}

static void test_add_counts_numbers_and_hyphens(void **state)
{
	(void)state;
	/* Af-ter(2) day(1) 2(1), use(1) make-up(2) a-gain(2).
	 * words 6 ("make-up" is one word); sentences 1; syllables 9. */
	struct seen seen;
	struct readability r = count("After day 2, use make-up again.", &seen);
	assert_counts(&r, 6, 1, 9, 0);
}

static void test_add_counts_polysyllables(void **state)
{
	(void)state;
	/* Mi-cro-need-ling(4) can(1) cause(1) red-ness(2).
	 * words 4; sentences 1; syllables 8; polysyllables 1. */
	struct seen seen;
	struct readability r = count("Microneedling can cause redness.", &seen);
	assert_counts(&r, 4, 1, 8, 1);
}

static void test_add_counts_apostrophe_word_once(void **state)
{
	(void)state;
	/* Don't(1) scratch(1) it(1).  words 3; sentences 1; syllables 3. */
	struct seen seen;
	struct readability r = count("Don't scratch it.", &seen);
	assert_counts(&r, 3, 1, 3, 0);
}

static void test_add_heading_without_stop_is_one_sentence(void **state)
{
	(void)state;
	/* Car-ing(2) for(1) new(1) tat-toos(2): words 4, syllables 6. */
	const char *text = "Caring for new tattoos";
	struct seen seen;
	struct readability r = count(text, &seen);
	assert_counts(&r, 4, 1, 6, 0);
	assert_int_equal(seen.count, 1);
	assert_ptr_equal(seen.s[0].start, text);
	assert_int_equal(seen.s[0].len, strlen(text));
	assert_int_equal(seen.s[0].words, 4);
}

static void test_add_accumulates_over_calls(void **state)
{
	(void)state;
	struct readability r = {0, 0, 0, 0};
	const char *a = "Caring for new tattoos";
	const char *b = "Microneedling can cause redness.";
	readability_add(&r, a, strlen(a), NULL, NULL);
	readability_add(&r, b, strlen(b), NULL, NULL);
	assert_counts(&r, 8, 2, 14, 1);
}

static void test_add_reads_only_n_bytes(void **state)
{
	(void)state;
	/* The first 8 bytes: "Wash it." */
	struct readability r = {0, 0, 0, 0};
	readability_add(&r, "Wash it. Pat it dry.", 8, NULL, NULL);
	assert_counts(&r, 2, 1, 2, 0);
}

static void test_add_empty_text_counts_nothing(void **state)
{
	(void)state;
	struct seen seen;
	struct readability r = count("", &seen);
	assert_counts(&r, 0, 0, 0, 0);
	assert_int_equal(seen.count, 0);
	r = count("  ... !? -- \n", &seen);
	assert_counts(&r, 0, 0, 0, 0);
	assert_int_equal(seen.count, 0);
}

/* ---- readability_add: where sentences end ------------------------------ */

static void test_add_question_and_exclamation_end_sentences(void **state)
{
	(void)state;
	const char *text = "Does it hurt? Stop! Then rest.";
	struct seen seen;
	struct readability r = count(text, &seen);
	assert_int_equal(r.sentences, 3);
	assert_sentence(&seen, 0, text, "Does it hurt?", 3);
	assert_sentence(&seen, 1, text, "Stop!", 1);
	assert_sentence(&seen, 2, text, "Then rest.", 2);
}

static void test_add_eg_does_not_end_sentence(void **state)
{
	(void)state;
	const char *text = "Use a mild soap, e.g. this one.";
	struct seen seen;
	struct readability r = count(text, &seen);
	assert_int_equal(r.sentences, 1);
	assert_int_equal(seen.count, 1);
	assert_int_equal(seen.s[0].len, strlen(text));
}

static void test_add_number_then_stop_ends_sentence(void **state)
{
	(void)state;
	const char *text = "Wash it after day 2. Also rest.";
	struct seen seen;
	struct readability r = count(text, &seen);
	assert_int_equal(r.sentences, 2);
	assert_sentence(&seen, 0, text, "Wash it after day 2.", 5);
	assert_sentence(&seen, 1, text, "Also rest.", 2);
}

static void test_add_capital_letter_then_stop_ends_sentence(void **state)
{
	(void)state;
	/* "C." looks like an initial, but a capital follows: a new sentence. */
	const char *text = "Take vitamin C. Then rest.";
	struct seen seen;
	struct readability r = count(text, &seen);
	assert_int_equal(r.sentences, 2);
	assert_sentence(&seen, 0, text, "Take vitamin C.", 3);
	assert_sentence(&seen, 1, text, "Then rest.", 2);
}

static void test_add_title_abbreviation_does_not_end_sentence(void **state)
{
	(void)state;
	const char *text = "Ask Dr. Smith about it.";
	struct seen seen;
	struct readability r = count(text, &seen);
	assert_int_equal(r.sentences, 1);
	assert_sentence(&seen, 0, text, text, 5);
}

static void test_add_decimal_number_does_not_split(void **state)
{
	(void)state;
	const char *text = "Use a 1.5 mm needle. Then rest.";
	struct seen seen;
	struct readability r = count(text, &seen);
	assert_int_equal(r.sentences, 2);
	assert_int_equal(seen.count, 2);
	assert_ptr_equal(seen.s[0].start, text);
	assert_int_equal(seen.s[0].len, strlen("Use a 1.5 mm needle."));
	assert_sentence(&seen, 1, text, "Then rest.", 2);
}

static void test_add_newline_after_stop_ends_sentence(void **state)
{
	(void)state;
	const char *text = "Rest.\nThen wash.";
	struct seen seen;
	struct readability r = count(text, &seen);
	assert_int_equal(r.sentences, 2);
	assert_sentence(&seen, 0, text, "Rest.", 1);
	assert_sentence(&seen, 1, text, "Then wash.", 2);
}

static void test_add_stop_inside_word_does_not_end_sentence(void **state)
{
	(void)state;
	struct seen seen;
	struct readability r = count("See nhs.uk for more", &seen);
	assert_int_equal(r.sentences, 1);
}

/* A closing quote after the stop still ends the sentence, and (as the
 * source says) belongs to it. */
static void test_add_closing_quote_belongs_to_sentence(void **state)
{
	(void)state;
	const char *text = "He said \"stop.\" Then rest.";
	struct seen seen;
	struct readability r = count(text, &seen);
	assert_int_equal(r.sentences, 2);
	assert_sentence(&seen, 1, text, "Then rest.", 2);
	assert_sentence(&seen, 0, text, "He said \"stop.\"", 3);
}

static void test_add_callback_gets_start_length_and_words(void **state)
{
	(void)state;
	const char *text = "  Wash the skin. Pat it dry.  Apply a little cream";
	struct seen seen;
	struct readability r = count(text, &seen);
	assert_int_equal(r.sentences, 3);
	assert_int_equal(seen.count, 3);
	/* The first sentence starts at its first word, not at the spaces. */
	assert_ptr_equal(seen.s[0].start, text + 2);
	assert_sentence(&seen, 0, text, "Wash the skin.", 3);
	assert_sentence(&seen, 1, text, "Pat it dry.", 3);
	/* The last one runs to the end of the text. */
	assert_sentence(&seen, 2, text, "Apply a little cream", 4);
	assert_ptr_equal(seen.s[2].start + seen.s[2].len, text + strlen(text));
	size_t sum = 0;
	for (size_t i = 0; i < seen.count; i++)
		sum += seen.s[i].words;
	assert_int_equal(sum, r.words);
}

/* ---- formulas ---------------------------------------------------------- */

static void test_grade_matches_formula(void **state)
{
	(void)state;
	/* 0.39 * 100/5 + 11.8 * 150/100 - 15.59 = 7.8 + 17.7 - 15.59 = 9.91 */
	struct readability r = {100, 5, 150, 10};
	assert_float_equal(readability_grade(&r), 9.91, 1e-9);
	/* 0.39 * 6/2 + 11.8 * 6/6 - 15.59 = 1.17 + 11.8 - 15.59 = -2.62 */
	struct readability s = {6, 2, 6, 0};
	assert_float_equal(readability_grade(&s), -2.62, 1e-9);
}

static void test_smog_matches_formula(void **state)
{
	(void)state;
	/* 1.0430 * sqrt(10 * 30 / 5) + 3.1291 = 1.0430 * 7.745967 + 3.1291
	 * = 11.208143 */
	struct readability r = {100, 5, 150, 10};
	assert_float_equal(readability_smog(&r), 11.208143, 1e-5);
	/* No polysyllables: only the constant. */
	struct readability s = {6, 2, 6, 0};
	assert_float_equal(readability_smog(&s), 3.1291, 1e-9);
}

static void test_grade_of_counted_text(void **state)
{
	(void)state;
	/* From test_add_counts_mixed_syllables: 10 words, 2 sentences, 16
	 * syllables, 1 polysyllable.
	 * grade = 0.39 * 5 + 11.8 * 1.6 - 15.59 = 1.95 + 18.88 - 15.59 = 5.24
	 * SMOG = 1.0430 * sqrt(15) + 3.1291 = 4.039521 + 3.1291 = 7.168621 */
	struct seen seen;
	struct readability r =
		count("Apply a little sunscreen every morning. Is the skin red?", &seen);
	assert_float_equal(readability_grade(&r), 5.24, 1e-9);
	assert_float_equal(readability_smog(&r), 7.168621, 1e-5);
}

static void test_grade_and_smog_are_zero_for_empty_text(void **state)
{
	(void)state;
	struct readability zero = {0, 0, 0, 0};
	assert_float_equal(readability_grade(&zero), 0.0, 0.0);
	assert_float_equal(readability_smog(&zero), 0.0, 0.0);
	struct seen seen;
	struct readability r = count(" ... ", &seen);
	assert_float_equal(readability_grade(&r), 0.0, 0.0);
	assert_float_equal(readability_smog(&r), 0.0, 0.0);
}

/* ---- the counting loop against a plain one ----------------------------- */

/* readability_syllables() counts each part of a word in one pass with a
 * bit test for vowels.  This is the plain form it replaced: lower-case a
 * copy of each part, find vowels with strchr(), then take off the silent
 * endings.  The two must agree on every word, ASCII or not. */
static bool plain_is_vowel(char c)
{
	return strchr("aeiouyAEIOUY", c) != NULL && c != '\0';
}

static size_t plain_part(const char *word, size_t n)
{
	char w[64];
	if (n && word[0] >= '0' && word[0] <= '9')
		return 1;
	if (n > sizeof w)
		n = sizeof w;
	for (size_t i = 0; i < n; i++)
		w[i] = (char)(word[i] >= 'A' && word[i] <= 'Z' ? word[i] - 'A' + 'a' : word[i]);
	size_t count = 0;
	bool prev = false;
	for (size_t i = 0; i < n; i++) {
		bool v = plain_is_vowel(w[i]);
		if (v && !prev)
			count++;
		prev = v;
	}
	if (count <= 1)
		return 1;
	char last = w[n - 1], before = n > 1 ? w[n - 2] : 0, third = n > 2 ? w[n - 3] : 0;
	if (n > 2 && last == 'e' && !plain_is_vowel(before) &&
	    !(before == 'l' && !plain_is_vowel(third)))
		count--;
	else if (n > 3 && before == 'e' && last == 'd' && !plain_is_vowel(third) &&
		 !strchr("td", third))
		count--;
	else if (n > 3 && before == 'e' && last == 's' && !plain_is_vowel(third) &&
		 !strchr("scgzxh", third))
		count--;
	return count;
}

static size_t plain_syllables(const char *w, size_t n)
{
	size_t total = 0, start = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i == n || w[i] == '-') {
			if (i > start)
				total += plain_part(w + start, i - start);
			start = i + 1;
		}
	}
	return total ? total : 1;
}

static void assert_agrees(const char *w, size_t n)
{
	size_t fast = readability_syllables(w, n), plain = plain_syllables(w, n);
	if (fast != plain)
		fail_msg("readability_syllables(\"%.*s\") = %zu, the plain count %zu", (int)n, w,
			 fast, plain);
}

/* Every run of bytes between spaces in `s`, as a word. */
static size_t agree_on_words(const char *s, size_t n)
{
	size_t words = 0;
	for (size_t i = 0; i < n;) {
		size_t len = strcspn(s + i, " \n");
		if (i + len > n)
			len = n - i;
		if (len) {
			assert_agrees(s + i, len);
			words++;
		}
		i += len + 1;
	}
	return words;
}

static void test_syllables_agree_with_plain_count_on_made_words(void **state)
{
	(void)state;
	/* Endings, case, hyphens, digits, apostrophes, UTF-8 letters (whose
	 * bytes are letters but never vowels), stray bytes, and parts longer
	 * than the 64 bytes that count. */
	static const char words[] =
		"make table used needed makes uses boxes MAKE TABLE USED NEEDED MAKES "
		"USES BOXES Able bled sled hated faded races edges dazes taxes aches "
		"rhythm y yes eye queue beautiful area idea io aeiouy AEIOUY aEiOuY "
		"make-up self-esteem -a a- -- --- a--b re-used x-ray 3-day 24-hour "
		"don't it's you'll skin's 2nd 1.5 100 7am "
		"caf\xc3\xa9 na\xc3\xafve r\xc3\xb4le CAF\xc3\x89 \xc3\xa9t\xc3\xa9 "
		"\xe4\xb8\xad\xe6\x96\x87 \xf0\x9f\x98\x80 \xff" "e \xfe" "ed e\xc3\xa9s "
		"tle tles ted tes sed ses ced ces ged ges zed zes xed xes hed hes led les "
		"Ted TES Sed SES ZED Hes le LE ed ES";
	agree_on_words(words, sizeof words - 1);
	char long_word[200];
	for (size_t len = 60; len < sizeof long_word; len++) {
		for (size_t i = 0; i < len; i++)
			long_word[i] = "banana-made"[i % 11];
		assert_agrees(long_word, len);
		for (size_t i = 0; i < len; i++)
			long_word[i] = "cat"[i % 3];
		memcpy(long_word + len - 3, "ate", 3);
		assert_agrees(long_word, len);
	}
}

static void test_syllables_agree_with_plain_count_on_every_byte(void **state)
{
	(void)state;
	/* Every byte (NUL too) first, inside and last in a word of each
	 * ending the rules look at. */
	static const char *const frames[] = {"%cake", "ma%ce", "mak%c", "ta%cle", "us%cd",
					     "nee%ced", "box%cs", "%c-up", "up-%c", "%c"};
	for (size_t f = 0; f < sizeof frames / sizeof frames[0]; f++) {
		for (int b = 0; b < 256; b++) {
			char w[16];
			int len = snprintf(w, sizeof w, frames[f], b ? b : 'x');
			if (!b) /* snprintf cannot write NUL: put it in by hand */
				w[strchr(frames[f], '%') - frames[f]] = '\0';
			assert_agrees(w, (size_t)len);
		}
	}
}

static void test_syllables_agree_with_plain_count_on_the_guide(void **state)
{
	(void)state;
	/* The shipped articles, words as the checker sees them and as raw
	 * Markdown: thousands of real words. */
	DIR *d = opendir("content");
	assert_non_null(d);
	size_t words = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len < 4 || strcmp(e->d_name + len - 3, ".md") != 0)
			continue;
		char path[512];
		snprintf(path, sizeof path, "content/%s", e->d_name);
		FILE *f = fopen(path, "rb");
		assert_non_null(f);
		static char text[1 << 20];
		size_t n = fread(text, 1, sizeof text, f);
		fclose(f);
		words += agree_on_words(text, n);
	}
	closedir(d);
	assert_true(words > 1000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_syllables_of_one_syllable_words),
		cmocka_unit_test(test_syllables_of_two_syllable_words),
		cmocka_unit_test(test_syllables_silent_ed_after_s_c_g),
		cmocka_unit_test(test_syllables_of_long_words),
		cmocka_unit_test(test_syllables_number_is_one),
		cmocka_unit_test(test_syllables_hyphenated_word_adds_its_parts),
		cmocka_unit_test(test_syllables_apostrophe_is_not_a_vowel),
		cmocka_unit_test(test_syllables_at_least_one),
		cmocka_unit_test(test_syllables_reads_only_n_bytes),
		cmocka_unit_test(test_syllables_ignore_case),
		cmocka_unit_test(test_syllables_agree_with_plain_count_on_made_words),
		cmocka_unit_test(test_syllables_agree_with_plain_count_on_every_byte),
		cmocka_unit_test(test_syllables_agree_with_plain_count_on_the_guide),
		cmocka_unit_test(test_add_counts_two_short_sentences),
		cmocka_unit_test(test_add_counts_mixed_syllables),
		cmocka_unit_test(test_add_counts_numbers_and_hyphens),
		cmocka_unit_test(test_add_counts_polysyllables),
		cmocka_unit_test(test_add_counts_apostrophe_word_once),
		cmocka_unit_test(test_add_heading_without_stop_is_one_sentence),
		cmocka_unit_test(test_add_accumulates_over_calls),
		cmocka_unit_test(test_add_reads_only_n_bytes),
		cmocka_unit_test(test_add_empty_text_counts_nothing),
		cmocka_unit_test(test_add_question_and_exclamation_end_sentences),
		cmocka_unit_test(test_add_eg_does_not_end_sentence),
		cmocka_unit_test(test_add_number_then_stop_ends_sentence),
		cmocka_unit_test(test_add_capital_letter_then_stop_ends_sentence),
		cmocka_unit_test(test_add_title_abbreviation_does_not_end_sentence),
		cmocka_unit_test(test_add_decimal_number_does_not_split),
		cmocka_unit_test(test_add_newline_after_stop_ends_sentence),
		cmocka_unit_test(test_add_stop_inside_word_does_not_end_sentence),
		cmocka_unit_test(test_add_closing_quote_belongs_to_sentence),
		cmocka_unit_test(test_add_callback_gets_start_length_and_words),
		cmocka_unit_test(test_grade_matches_formula),
		cmocka_unit_test(test_smog_matches_formula),
		cmocka_unit_test(test_grade_of_counted_text),
		cmocka_unit_test(test_grade_and_smog_are_zero_for_empty_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
