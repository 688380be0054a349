/* Unit tests for src/readability.c: syllables of single words, word,
 * sentence and syllable counts of hand-counted text, sentence ends around
 * abbreviations and numbers, the per-sentence callback, and the
 * Flesch-Kincaid and SMOG formulas. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
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
