/* Unit tests for src/quiz.c: the shipped quiz and the fixture quizzes in
 * tests/fixtures/quiz/ (a tiny guide with a good quiz, and one file per
 * problem), scoring, hostile bytes made at test time, and the --check
 * lines that check_dir() prints for quiz.md. */
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
#include "skinguide/quiz.h"
#include "skinguide/text.h"

#define FIX "tests/fixtures/quiz/"
#define GUIDE FIX "guide"

/* ---- helpers ----------------------------------------------------------- */

/* What a test holds is kept here and freed by teardown(), so that a
 * failing assertion (which jumps out of the test) leaks nothing. */
static struct quiz *quiz;
static struct diags diags = DIAGS_INIT;
static struct guide *guide;
static struct buf text = BUF_INIT;
static char *temp_dir;

static int teardown(void **state)
{
	(void)state;
	quiz_free(quiz);
	quiz = NULL;
	diags_free(&diags);
	guide_free(guide);
	guide = NULL;
	buf_free(&text);
	tmpdir_forget(&temp_dir);
	return 0;
}

static struct quiz *parse(const char *s, size_t n)
{
	quiz = quiz_parse(s, n, "quiz.md", &diags);
	assert_non_null(quiz);
	return quiz;
}

static struct quiz *parse_file(const char *path)
{
	struct sg_error err;
	if (!guide_read_file(path, &text, &err))
		fail_msg("%s", err.msg);
	return parse(text.data ? text.data : "", text.len);
}

static struct guide *scan(const char *dir)
{
	struct sg_error err;
	guide = guide_scan(dir, &err);
	if (!guide)
		fail_msg("%s", err.msg);
	return guide;
}

static void dump_diags(void)
{
	for (size_t i = 0; i < diags.count; i++)
		print_message("  %d: %s: %s\n", diags.items[i].line,
			      diags.items[i].error ? "error" : "warning",
			      diags.items[i].message);
}

/* A diagnostic of this problem, severity and line is there. */
static void assert_diag(int line, bool error, enum quiz_problem problem)
{
	for (size_t i = 0; i < diags.count; i++)
		if (diags.items[i].line == line && diags.items[i].error == error &&
		    diags.items[i].kind == (int)problem)
			return;
	dump_diags();
	fail_msg("no %s of kind %d on line %d", error ? "error" : "warning", (int)problem, line);
}

static void assert_error(int line, enum quiz_problem problem)
{
	assert_diag(line, true, problem);
}

static void assert_warning(int line, enum quiz_problem problem)
{
	assert_diag(line, false, problem);
}

static void assert_counts(size_t errors, size_t warnings)
{
	if (diags.errors != errors || diags.warnings != warnings) {
		dump_diags();
		fail_msg("%zu errors and %zu warnings, expected %zu and %zu", diags.errors,
			 diags.warnings, errors, warnings);
	}
	assert_int_equal(diags.count, errors + warnings);
}

/* Valid UTF-8, no control character, and no newline unless `lines`. */
static void assert_clean(const char *s, bool lines)
{
	assert_non_null(s);
	size_t n = strlen(s);
	if (u8_check((const uint8_t *)s, n) != NULL)
		fail_msg("invalid UTF-8 in \"%s\"", s);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += text_decode(s + i, n - i, &cp);
		if (text_is_control(cp) || cp == '\t' || (cp == '\n' && !lines))
			fail_msg("character U+%04X in \"%s\"", (unsigned)cp, s);
	}
}

/* Every string the quiz and its diagnostics lend is clean. */
static void assert_all_clean(const struct quiz *q)
{
	assert_clean(quiz_title(q), false);
	assert_clean(quiz_intro(q), true);
	assert_clean(quiz_results_title(q), false);
	assert_clean(quiz_results_text(q), true);
	for (size_t i = 0; i < quiz_count(q); i++) {
		const struct quiz_question *qq = quiz_question(q, i);
		assert_clean(qq->text, false);
		assert_clean(qq->note, true);
		for (size_t j = 0; j < qq->nanswers; j++) {
			const struct quiz_answer *a = &qq->answers[j];
			assert_clean(a->text, false);
			assert_clean(a->feedback, true);
			if (a->link) {
				assert_clean(a->link->target, false);
				assert_clean(a->link->label, false);
			}
		}
	}
	for (size_t i = 0; i < diags.count; i++) {
		assert_clean(diags.items[i].message, false);
		assert_true(diags.items[i].line >= 1);
	}
}

static size_t count_kind(const struct quiz *q, enum quiz_kind kind)
{
	size_t n = 0;
	for (size_t i = 0; i < quiz_count(q); i++)
		n += quiz_question(q, i)->kind == kind;
	return n;
}

/* ---- the shipped quiz -------------------------------------------------- */

static void test_shipped_quiz_parses_cleanly(void **state)
{
	(void)state;
	struct quiz *q = parse_file("content/quiz.md");
	assert_counts(0, 0);
	assert_int_equal(quiz_count(q), 16);
	assert_int_equal(count_kind(q, QUIZ_READINESS), 12);
	assert_int_equal(count_kind(q, QUIZ_UNDERSTANDING), 4);
	assert_non_null(strstr(quiz_intro(q), "not a diagnosis"));
	assert_non_null(strstr(quiz_intro(q), "minutes"));
	assert_non_null(strstr(quiz_intro(q), "is saved"));
	assert_non_null(strstr(quiz_results_text(q), "not a diagnosis"));
	for (size_t i = 0; i < quiz_count(q); i++) {
		const struct quiz_question *qq = quiz_question(q, i);
		assert_true(qq->nanswers >= 2 && qq->nanswers <= QUIZ_MAX_ANSWERS);
		if (qq->kind == QUIZ_UNDERSTANDING) {
			assert_true(qq->right >= 0);
			assert_non_null(qq->answers[qq->right].link);
		}
		/* A readiness question is never a plain yes or no: every
		 * answer that raises a point says what to do, with a link. */
		for (size_t j = 0; j < qq->nanswers; j++)
			if (qq->answers[j].raises)
				assert_non_null(qq->answers[j].link);
	}
	assert_all_clean(q);
}

static void test_shipped_quiz_links_lead_somewhere(void **state)
{
	(void)state;
	struct quiz *q = parse_file("content/quiz.md");
	assert_int_equal(quiz_check_links(q, scan("content"), &diags), 0);
	assert_counts(0, 0);
}

/* ---- a good quiz, field by field --------------------------------------- */

static void test_good_quiz_fields(void **state)
{
	(void)state;
	struct quiz *q = parse_file(GUIDE "/quiz.md");
	assert_counts(0, 0);
	assert_string_equal(quiz_path(q), "quiz.md");
	assert_string_equal(quiz_title(q), "Ready?");
	assert_string_equal(quiz_intro(q), "A short quiz. It takes a minute.\n"
			    "Nothing is saved. It is not a diagnosis.");
	assert_string_equal(quiz_results_title(q), "Your results");
	assert_string_equal(quiz_results_text(q), "This is not a diagnosis.");
	assert_int_equal(quiz_count(q), 3);
	assert_null(quiz_question(q, 3));

	const struct quiz_question *q1 = quiz_question(q, 0);
	assert_int_equal(q1->kind, QUIZ_READINESS);
	assert_string_equal(q1->text, "Is your skin broken where you want treatment?");
	assert_string_equal(q1->note, "");
	assert_int_equal(q1->line, 9);
	assert_int_equal(q1->right, -1);
	assert_int_equal(q1->nanswers, 3);
	assert_string_equal(q1->answers[0].text, "No");
	assert_false(q1->answers[0].raises);
	assert_string_equal(q1->answers[0].feedback, "");
	assert_null(q1->answers[0].link);
	assert_string_equal(q1->answers[1].text, "Yes");
	assert_true(q1->answers[1].raises);
	assert_int_equal(q1->answers[1].line, 12);
	assert_string_equal(q1->answers[1].feedback, "Tell the staff. Read the first day.");
	assert_string_equal(q1->answers[1].link->target, "care.md#the-first-day");
	assert_string_equal(q1->answers[1].link->label, "the first day");
	assert_int_equal(q1->answers[1].link->line, 13);
	assert_null(q1->answers[2].link);
}

static void test_good_quiz_loose_list_note_and_paragraphs(void **state)
{
	(void)state;
	struct quiz *q = parse_file(GUIDE "/quiz.md");
	/* Blank lines between the answers make a loose list: the same. */
	const struct quiz_question *q2 = quiz_question(q, 1);
	assert_int_equal(q2->kind, QUIZ_READINESS);
	assert_string_equal(q2->note, "A blood thinner stops blood clots.");
	assert_int_equal(q2->nanswers, 2);
	assert_string_equal(q2->answers[1].text, "Yes");
	assert_string_equal(q2->answers[1].feedback, "Never stop it on your own.\nAsk the staff.");

	const struct quiz_question *q3 = quiz_question(q, 2);
	assert_int_equal(q3->kind, QUIZ_UNDERSTANDING);
	assert_int_equal(q3->right, 1);
	assert_true(q3->answers[1].right); /* written [X] */
	assert_false(q3->answers[0].right);
	assert_string_equal(q3->answers[0].feedback, "Not quite.");
	assert_string_equal(q3->answers[1].link->target, "signs.md#call-today-1");
}

static void test_good_quiz_links_resolve(void **state)
{
	(void)state;
	struct quiz *q = parse_file(GUIDE "/quiz.md");
	assert_int_equal(quiz_check_links(q, scan(GUIDE), &diags), 0);
	assert_counts(0, 0);
}

/* ---- each problem, on its line ----------------------------------------- */

static void test_no_questions(void **state)
{
	(void)state;
	struct quiz *q = parse_file(FIX "no_questions.md");
	assert_int_equal(quiz_count(q), 0);
	assert_error(1, QUIZ_P_NO_QUESTIONS);
	assert_counts(1, 0);
}

static void test_question_without_answers(void **state)
{
	(void)state;
	struct quiz *q = parse_file(FIX "no_answers.md");
	assert_int_equal(quiz_count(q), 2);
	assert_int_equal(quiz_question(q, 0)->nanswers, 0);
	assert_string_equal(quiz_question(q, 0)->note, "Only a note.");
	assert_error(5, QUIZ_P_NO_ANSWERS);
	assert_error(9, QUIZ_P_ONE_ANSWER);
	assert_counts(2, 0);
}

static void test_understanding_without_right_answer(void **state)
{
	(void)state;
	struct quiz *q = parse_file(FIX "no_right.md");
	assert_int_equal(quiz_question(q, 0)->kind, QUIZ_UNDERSTANDING);
	assert_int_equal(quiz_question(q, 0)->right, -1);
	assert_error(5, QUIZ_P_NO_RIGHT);
	assert_counts(1, 0);
}

static void test_understanding_with_two_right_answers(void **state)
{
	(void)state;
	struct quiz *q = parse_file(FIX "two_right.md");
	assert_int_equal(quiz_question(q, 0)->right, 0);
	assert_error(10, QUIZ_P_TWO_RIGHT);
	assert_counts(1, 0);
}

static void test_raised_point_without_advice(void **state)
{
	(void)state;
	parse_file(FIX "no_advice.md");
	assert_error(8, QUIZ_P_NO_ADVICE);
	assert_counts(1, 0);
}

static void test_duplicated_question(void **state)
{
	(void)state;
	/* Line 17 differs from line 5 only in case and punctuation. */
	parse_file(FIX "duplicate.md");
	assert_error(17, QUIZ_P_DUPLICATE);
	assert_counts(1, 0);
	assert_non_null(strstr(diags.items[0].message, "line 5"));
}

static void test_more_than_twenty_questions(void **state)
{
	(void)state;
	struct quiz *q = parse_file(FIX "too_many.md");
	assert_int_equal(quiz_count(q), 21);
	/* Question 21's heading: 3 lines of title, 6 per question before. */
	assert_error(4 + 20 * 6 + 1, QUIZ_P_TOO_MANY_QUESTIONS);
	assert_counts(1, 0);
}

static void test_right_answer_needs_explanation_and_link(void **state)
{
	(void)state;
	parse_file(FIX "no_explanation.md");
	assert_error(8, QUIZ_P_NO_EXPLANATION);
	assert_error(13, QUIZ_P_NO_LINK);
	assert_warning(16, QUIZ_P_ALL_RAISE);
	assert_warning(1, QUIZ_P_NO_RESULTS);
	assert_counts(2, 2);
}

static void test_marks(void **state)
{
	(void)state;
	struct quiz *q = parse_file(FIX "marks.md");
	assert_error(5, QUIZ_P_MIXED); /* "[ x ]" is a right answer */
	assert_error(7, QUIZ_P_NO_MARK);
	assert_error(8, QUIZ_P_BAD_MARK);
	assert_error(10, QUIZ_P_EMPTY_ANSWER);
	assert_counts(4, 0);
	/* "[]" and "[x]" without a space are read as meant. */
	const struct quiz_question *q2 = quiz_question(q, 1);
	assert_int_equal(q2->kind, QUIZ_UNDERSTANDING);
	assert_string_equal(q2->answers[0].text, "Never");
	assert_false(q2->answers[0].right);
	assert_string_equal(q2->answers[1].text, "If it gets worse");
	assert_int_equal(q2->right, 1);
}

static void test_blocks_out_of_place(void **state)
{
	(void)state;
	struct quiz *q = parse_file(FIX "misplaced.md");
	assert_error(1, QUIZ_P_MISPLACED);  /* text before the title */
	assert_error(7, QUIZ_P_MISPLACED);  /* a list in the intro */
	assert_error(12, QUIZ_P_NO_ADVICE); /* its quote is not under it */
	assert_error(13, QUIZ_P_MISPLACED); /* the unindented quote */
	assert_error(17, QUIZ_P_MISPLACED); /* text after the answers */
	assert_error(19, QUIZ_P_MISPLACED); /* ### */
	assert_error(27, QUIZ_P_MISPLACED); /* a paragraph in an answer */
	assert_error(28, QUIZ_P_MISPLACED); /* a list in an answer */
	assert_warning(3, QUIZ_P_NO_RESULTS);
	assert_counts(8, 1);
	/* The list broken by the quote still gives the question all three. */
	assert_int_equal(quiz_question(q, 0)->nanswers, 3);
	assert_string_equal(quiz_intro(q), "A short quiz.");
}

static void test_no_title_and_no_intro(void **state)
{
	(void)state;
	static const char no_title[] = "## Q?\n\n- [ ] a\n- [!] b\n  > c\n\n# R\n\nd\n";
	parse(no_title, strlen(no_title));
	assert_error(1, QUIZ_P_NO_TITLE);
	assert_counts(1, 0);
	quiz_free(quiz);
	diags_free(&diags);
	static const char no_intro[] = "# T\n\n## Q?\n\n- [ ] a\n- [!] b\n  > c\n\n# R\n\nd\n";
	struct quiz *q = parse(no_intro, strlen(no_intro));
	assert_error(1, QUIZ_P_NO_INTRO);
	assert_counts(1, 0);
	assert_string_equal(quiz_results_title(q), "R");
}

static void test_links_checked_against_the_guide(void **state)
{
	(void)state;
	struct quiz *q = parse_file(FIX "links.md");
	assert_counts(0, 0);
	assert_int_equal(quiz_check_links(q, scan(GUIDE), &diags), 3);
	assert_error(11, QUIZ_P_BROKEN_LINK);   /* missing.md */
	assert_error(17, QUIZ_P_BROKEN_ANCHOR); /* care.md#no-such-part */
	assert_error(19, QUIZ_P_BROKEN_LINK);   /* #the-first-day alone */
	assert_warning(21, QUIZ_P_EXTERNAL_LINK);
	assert_counts(3, 1);
}

/* ---- scoring ----------------------------------------------------------- */

/* In the good quiz: question 0 (No, [!] Yes, [!] not sure), question 1
 * (No, [!] Yes), question 2 (Never, [x] If it gets worse, Next year). */

static void test_score_nothing_to_raise(void **state)
{
	(void)state;
	struct quiz *q = parse_file(GUIDE "/quiz.md");
	const int chosen[] = {0, 0, 1};
	struct quiz_results r;
	memset(&r, 0xAB, sizeof r); /* quiz_score overwrites everything */
	quiz_score(q, chosen, 3, &r);
	assert_int_equal(r.npoints, 0);
	assert_int_equal(r.nmisses, 0);
	assert_int_equal(r.unanswered, 0);
}

static void test_score_points_to_raise_in_order(void **state)
{
	(void)state;
	struct quiz *q = parse_file(GUIDE "/quiz.md");
	const int chosen[] = {2, 1, 1};
	struct quiz_results r;
	quiz_score(q, chosen, 3, &r);
	assert_int_equal(r.npoints, 2);
	assert_int_equal(r.nmisses, 0);
	assert_int_equal(r.points[0].question, 0);
	assert_int_equal(r.points[0].answer, 2);
	assert_string_equal(r.points[0].q->text, "Is your skin broken where you want treatment?");
	assert_string_equal(r.points[0].a->text, "I am not sure");
	assert_string_equal(r.points[0].a->feedback, "Ask the staff.");
	assert_int_equal(r.points[1].question, 1);
	assert_string_equal(r.points[1].a->feedback, "Never stop it on your own.\nAsk the staff.");
}

static void test_score_wrong_understanding_answer(void **state)
{
	(void)state;
	struct quiz *q = parse_file(GUIDE "/quiz.md");
	const int chosen[] = {0, 0, 2};
	struct quiz_results r;
	quiz_score(q, chosen, 3, &r);
	assert_int_equal(r.npoints, 0);
	assert_int_equal(r.nmisses, 1);
	assert_int_equal(r.misses[0].question, 2);
	assert_int_equal(r.misses[0].chosen, 2);
	assert_string_equal(r.misses[0].right->text, "If it gets worse");
	assert_string_equal(r.misses[0].right->feedback, "Call today. See call today.");
	assert_string_equal(r.misses[0].right->link->target, "signs.md#call-today-1");
}

static void test_score_unanswered_and_out_of_range(void **state)
{
	(void)state;
	struct quiz *q = parse_file(GUIDE "/quiz.md");
	const int chosen[] = {-1, 7};
	struct quiz_results r;
	quiz_score(q, chosen, 2, &r); /* question 2 is past nchosen */
	assert_int_equal(r.unanswered, 3);
	assert_int_equal(r.npoints + r.nmisses, 0);
	quiz_score(q, NULL, 0, &r);
	assert_int_equal(r.unanswered, 3);
	const int yes_and_wrong[] = {1, 1, 0};
	quiz_score(q, yes_and_wrong, 3, &r);
	assert_int_equal(r.npoints, 2);
	assert_int_equal(r.nmisses, 1);
}

static void test_score_shipped_quiz(void **state)
{
	(void)state;
	struct quiz *q = parse_file("content/quiz.md");
	int chosen[QUIZ_MAX_QUESTIONS];
	/* Every first answer: "No" to readiness, and for understanding the
	 * first answer, which the shipped quiz never makes the right one. */
	for (size_t i = 0; i < quiz_count(q); i++)
		chosen[i] = 0;
	struct quiz_results r;
	quiz_score(q, chosen, quiz_count(q), &r);
	assert_int_equal(r.npoints, 0);
	assert_int_equal(r.nmisses, 4);
	for (size_t i = 0; i < r.nmisses; i++) {
		assert_int_equal(r.misses[i].q->kind, QUIZ_UNDERSTANDING);
		assert_true(r.misses[i].right->feedback[0] != '\0');
		assert_non_null(r.misses[i].right->link);
	}
	/* The right answers: nothing is missed. */
	for (size_t i = 0; i < quiz_count(q); i++)
		if (quiz_question(q, i)->kind == QUIZ_UNDERSTANDING)
			chosen[i] = (int)quiz_question(q, i)->right;
	quiz_score(q, chosen, quiz_count(q), &r);
	assert_int_equal(r.nmisses, 0);
}

/* ---- hostile input ----------------------------------------------------- */

static void test_empty_input(void **state)
{
	(void)state;
	struct quiz *q = parse("", 0);
	assert_int_equal(quiz_count(q), 0);
	assert_string_equal(quiz_title(q), "");
	assert_error(1, QUIZ_P_NO_TITLE);
	assert_error(1, QUIZ_P_NO_QUESTIONS);
	assert_all_clean(q);
	struct quiz_results r;
	quiz_score(q, NULL, 0, &r);
	assert_int_equal(r.unanswered, 0);
	quiz_free(quiz);
	quiz = quiz_parse(NULL, 5, NULL, NULL); /* no diagnostics wanted */
	assert_int_equal(quiz_count(quiz), 0);
	assert_string_equal(quiz_path(quiz), "");
}

static void test_invalid_utf8_and_control_bytes(void **state)
{
	(void)state;
	static const char src[] =
		"# Ti\xfftle\x1b[31m\n\nIntro \x07 \xc2\x9b" "c\t.\n\n"
		"## Q\xe2\x80?\x01 &#27;[2J &#x9b;\n\nNo\x00te\n\n"
		"- [!] Y\xc3 es\r\n  > Ad\x1bvice [l\x1b](a\x1b.md \"t\x1b\")\n"
		"- [ ] N\x7fo &#0;\n\n# R\xed\xa0\x80\n\nd\x1b]0;x\x07\n";
	struct quiz *q = parse(src, sizeof src - 1);
	assert_int_equal(quiz_count(q), 1);
	assert_int_equal(quiz_question(q, 0)->nanswers, 2);
	assert_true(quiz_question(q, 0)->answers[0].raises);
	assert_non_null(quiz_question(q, 0)->answers[0].link);
	assert_all_clean(q);
	assert_non_null(strstr(quiz_title(q), "\xef\xbf\xbd")); /* U+FFFD */
	assert_int_equal(quiz_check_links(q, scan(GUIDE), &diags), 1);
	assert_all_clean(q);
}

static void test_ten_thousand_questions(void **state)
{
	(void)state;
	struct buf src = BUF_INIT;
	buf_puts(&src, "# Many\n\nA long quiz.\n");
	for (int i = 0; i < 10000; i++)
		buf_printf(&src, "\n## Question %d?\n\n- [ ] No\n- [!] Yes\n  > Say so.\n",
			   i % 5000);
	clock_t start = clock();
	struct quiz *q = parse(src.data, src.len);
	double secs = (double)(clock() - start) / CLOCKS_PER_SEC;
	buf_free(&src);
	assert_int_equal(quiz_count(q), 10000);
	/* One "too many", and the second half repeats the first. */
	assert_error(4 + 20 * 6 + 1, QUIZ_P_TOO_MANY_QUESTIONS);
	assert_int_equal(diags.errors, 1 + 5000);
	assert_true(secs < 10.0); /* duplicates are found by sorting */
	int chosen[10000];
	for (size_t i = 0; i < 10000; i++)
		chosen[i] = 1;
	struct quiz_results r;
	quiz_score(q, chosen, 10000, &r);
	assert_int_equal(r.npoints, QUIZ_MAX_QUESTIONS);
	assert_all_clean(q);
}

static void test_deep_nesting_and_long_lines(void **state)
{
	(void)state;
	struct buf src = BUF_INIT;
	buf_puts(&src, "# T\n\nI.\n\n## Q?\n\n- [ ] a\n- [!] b\n  ");
	for (int i = 0; i < 5000; i++)
		buf_puts(&src, "> - ");
	buf_puts(&src, "deep\n- [x] ");
	for (int i = 0; i < 100000; i++)
		buf_puts(&src, "[long](");
	buf_putc(&src, '\n');
	struct quiz *q = parse(src.data, src.len);
	buf_free(&src);
	assert_int_equal(quiz_count(q), 1);
	assert_true(diags.errors >= 1); /* [x] beside [!] */
	assert_all_clean(q);
}

/* ---- --check ----------------------------------------------------------- */

static char *run_check(const char *dir, struct check_result *res)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	assert_non_null(f);
	check_dir_on(dir, "2026-11-30", f, res); /* a fixed day for review dates */
	assert_int_equal(fclose(f), 0);
	buf_puts(&text, out); /* freed by teardown */
	free(out);
	return text.data;
}

static void test_check_passes_a_good_quiz(void **state)
{
	(void)state;
	struct check_result res;
	const char *out = run_check(GUIDE, &res);
	assert_int_equal(res.errors, 0);
	assert_int_equal(res.warnings, 0);
	assert_null(strstr(out, "quiz.md"));
}

/* An article the guide can link to, and `quiz` as quiz.md. */
static const char *guide_with_quiz(const char *quiz_md)
{
	static const char article[] = "# Care\n\nHow to care for your skin.\n\n"
		"## The first day\n\nKeep it clean.\n\n## Sources\n\n- A sheet.\n\n"
		"Last reviewed: 2026-01-15\n";
	temp_dir = tmpdir_make("skinguide-quiz");
	assert_true(tmpdir_write(temp_dir, "01-care.md", article, strlen(article)));
	assert_true(tmpdir_write(temp_dir, "quiz.md", quiz_md, strlen(quiz_md)));
	return temp_dir;
}

static void test_check_reports_quiz_lines(void **state)
{
	(void)state;
	static const char md[] =
		"# Ready?\n\nA short quiz.\n\n"                                 /* 1-4 */
		"## Is your skin broken?\n\n"                                   /* 5-6 */
		"- [ ] No\n- [!] Yes\n"                                         /* 7-8 */
		"- [!] Maybe\n  > See [the day](care.md#the-last-day).\n\n"     /* 9-11 */
		"## When should you call if your redness gets worse after the "
		"first two days and you also have a fever and chills?\n\n"     /* 12-13 */
		"- [ ] Never\n- [x] At once\n  > Call. See [care](care.md).\n\n"
		"# Your results\n\nThis is not a diagnosis.\n";
	struct check_result res;
	const char *dir = guide_with_quiz(md);
	const char *out = run_check(dir, &res);
	struct buf want = BUF_INIT;
	buf_printf(&want, "%s/quiz.md:8: error: an answer that raises a point", dir);
	assert_non_null(strstr(out, want.data));
	buf_clear(&want);
	buf_printf(&want, "%s/quiz.md:10: error: the link 'care.md#the-last-day' names "
		   "no heading of 'care'", dir);
	assert_non_null(strstr(out, want.data));
	buf_clear(&want);
	/* The articles' sentence check, on the quiz's words. */
	buf_printf(&want, "%s/quiz.md:12: warning: a sentence of 22 words", dir);
	assert_non_null(strstr(out, want.data));
	buf_free(&want);
	/* In line order. */
	assert_true(strstr(out, "quiz.md:8:") < strstr(out, "quiz.md:10:"));
	assert_int_equal(res.errors, 2);
	assert_int_equal(res.warnings, 1);
}

static void test_check_without_quiz_says_nothing_of_it(void **state)
{
	(void)state;
	struct check_result res;
	const char *out = run_check("tests/fixtures/check/clean", &res);
	assert_null(strstr(out, "quiz.md"));
	assert_int_equal(res.errors, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_shipped_quiz_parses_cleanly, teardown),
		cmocka_unit_test_teardown(test_shipped_quiz_links_lead_somewhere, teardown),
		cmocka_unit_test_teardown(test_good_quiz_fields, teardown),
		cmocka_unit_test_teardown(test_good_quiz_loose_list_note_and_paragraphs, teardown),
		cmocka_unit_test_teardown(test_good_quiz_links_resolve, teardown),
		cmocka_unit_test_teardown(test_no_questions, teardown),
		cmocka_unit_test_teardown(test_question_without_answers, teardown),
		cmocka_unit_test_teardown(test_understanding_without_right_answer, teardown),
		cmocka_unit_test_teardown(test_understanding_with_two_right_answers, teardown),
		cmocka_unit_test_teardown(test_raised_point_without_advice, teardown),
		cmocka_unit_test_teardown(test_duplicated_question, teardown),
		cmocka_unit_test_teardown(test_more_than_twenty_questions, teardown),
		cmocka_unit_test_teardown(test_right_answer_needs_explanation_and_link, teardown),
		cmocka_unit_test_teardown(test_marks, teardown),
		cmocka_unit_test_teardown(test_blocks_out_of_place, teardown),
		cmocka_unit_test_teardown(test_no_title_and_no_intro, teardown),
		cmocka_unit_test_teardown(test_links_checked_against_the_guide, teardown),
		cmocka_unit_test_teardown(test_score_nothing_to_raise, teardown),
		cmocka_unit_test_teardown(test_score_points_to_raise_in_order, teardown),
		cmocka_unit_test_teardown(test_score_wrong_understanding_answer, teardown),
		cmocka_unit_test_teardown(test_score_unanswered_and_out_of_range, teardown),
		cmocka_unit_test_teardown(test_score_shipped_quiz, teardown),
		cmocka_unit_test_teardown(test_empty_input, teardown),
		cmocka_unit_test_teardown(test_invalid_utf8_and_control_bytes, teardown),
		cmocka_unit_test_teardown(test_ten_thousand_questions, teardown),
		cmocka_unit_test_teardown(test_deep_nesting_and_long_lines, teardown),
		cmocka_unit_test_teardown(test_check_passes_a_good_quiz, teardown),
		cmocka_unit_test_teardown(test_check_reports_quiz_lines, teardown),
		cmocka_unit_test_teardown(test_check_without_quiz_says_nothing_of_it, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
