/* fuzz_quiz: any bytes as quiz.md, parsed, checked against a small guide
 * and scored with answers the input chooses.
 *
 * Promises: every string the quiz lends is valid UTF-8 with no control
 * character (paragraphs apart by '\n'); diagnostics have a line and a
 * clean message; scores point at real questions and answers, and every
 * scored question counts once. */
#include "fuzz.h"

#include "skinguide/content.h"
#include "skinguide/quiz.h"

static struct guide *guide;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	guide = fuzz_guide_open("fuzz_quiz");
	return 0;
}

static void clean(const char *s, bool paragraphs)
{
	if (!s)
		fuzz_fail("a NULL string", NULL, 0);
	fuzz_clean(s, strlen(s), paragraphs);
	if (strchr(s, '\t') || (!paragraphs && strchr(s, '\n')))
		fuzz_fail("a tab, or a line break in one line of text", s, strlen(s));
}

static void check_question(const struct quiz_question *qq)
{
	clean(qq->text, false);
	clean(qq->note, true);
	if (qq->right < -1 || qq->right >= (long)qq->nanswers)
		fuzz_fail("a right answer out of range", qq->text, strlen(qq->text));
	for (size_t a = 0; a < qq->nanswers; a++) {
		const struct quiz_answer *an = &qq->answers[a];
		clean(an->text, false);
		clean(an->feedback, true);
		if (an->link) {
			clean(an->link->target, false);
			clean(an->link->label, false);
		}
	}
}

static void check_diags(const struct diags *d)
{
	size_t errors = 0;
	for (size_t i = 0; i < d->count; i++) {
		if (d->items[i].line < 1)
			fuzz_fail("a diagnostic without a line", d->items[i].message,
				  strlen(d->items[i].message));
		clean(d->items[i].message, false);
		errors += d->items[i].error;
	}
	if (errors != d->errors || d->count != d->errors + d->warnings)
		fuzz_fail("diagnostic counts that disagree", NULL, 0);
}

static void check_score(const struct quiz *q, const uint8_t *data, size_t size)
{
	int chosen[QUIZ_MAX_QUESTIONS + 2];
	size_t nchosen = size % (QUIZ_MAX_QUESTIONS + 3);
	for (size_t i = 0; i < nchosen; i++)
		chosen[i] = size ? (int)(data[(i * 7) % size] % 12) - 2 : -1;
	struct quiz_results r;
	quiz_score(q, chosen, nchosen, &r);
	size_t scored = quiz_count(q) < QUIZ_MAX_QUESTIONS ? quiz_count(q) : QUIZ_MAX_QUESTIONS;
	if (r.npoints + r.nmisses + r.unanswered > scored)
		fuzz_fail("more results than questions", NULL, 0);
	for (size_t i = 0; i < r.npoints; i++)
		if (r.points[i].question >= scored || !r.points[i].a->raises ||
		    r.points[i].q != quiz_question(q, r.points[i].question))
			fuzz_fail("a point that is no [!] answer", NULL, 0);
	for (size_t i = 0; i < r.nmisses; i++)
		if (r.misses[i].question >= scored || r.misses[i].right->right == false ||
		    (long)r.misses[i].chosen == r.misses[i].q->right)
			fuzz_fail("a miss that is right", NULL, 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags diags = DIAGS_INIT;
	struct quiz *q = quiz_parse((const char *)data, size, "quiz.md", &diags);
	clean(quiz_title(q), false);
	clean(quiz_intro(q), true);
	clean(quiz_results_title(q), false);
	clean(quiz_results_text(q), true);
	for (size_t i = 0; i < quiz_count(q); i++)
		check_question(quiz_question(q, i));
	if (quiz_question(q, quiz_count(q)) != NULL)
		fuzz_fail("a question past the end", NULL, 0);
	quiz_check_links(q, guide, &diags);
	check_diags(&diags);
	check_score(q, data, size);
	quiz_free(q);
	diags_free(&diags);
	return 0;
}
