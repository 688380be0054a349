/* quiz: the readiness quiz, read from content/quiz.md, and its scoring.
 *
 * The quiz file is plain CommonMark with a small convention (described in
 * skinguide-content(5), section QUIZ):
 *
 *     # Title                       the first level-1 heading
 *     Introduction paragraphs.
 *     ## A question?                each level-2 heading is a question
 *     A note paragraph (optional).
 *     - [ ] An answer               a list of answers, each with a mark:
 *     - [x] The right answer          [x] right (checks understanding)
 *       > Why, and [a link](aftercare.md#the-first-24-hours).
 *     - [!] An answer to raise        [!] a point to discuss with the staff
 *       > The advice to show.         a quote under an answer: its feedback
 *     # Results title               a second level-1 heading (optional)
 *     Paragraphs for the results screen.
 *
 * A question with any [!] answer is a readiness question; any other is an
 * understanding question, with exactly one [x].
 *
 * Pure: no terminal, and no files but the articles quiz_check_links()
 * reads through the guide.  A parsed quiz is immutable; it keeps no
 * patient's answers.  The caller (the navigator) holds the chosen answers
 * and gets the results written into its own memory by quiz_score(). */
#ifndef SKINGUIDE_QUIZ_H
#define SKINGUIDE_QUIZ_H

#include <stdbool.h>
#include <stddef.h>

#include <cmark.h>

#include "skinguide/error.h"

struct guide;

/* More questions than this is an error: the quiz should take minutes. */
#define QUIZ_MAX_QUESTIONS 20
/* More answers than this is an error: number keys 1 to 9 choose them. */
#define QUIZ_MAX_ANSWERS 9

enum quiz_kind {
	QUIZ_READINESS,    /* answers marked [!] raise a point with the staff */
	QUIZ_UNDERSTANDING /* one answer marked [x] is right */
};

/* A link from an answer's feedback to the article or section explaining
 * it.  Strings are sanitised, borrowed from the quiz. */
struct quiz_link {
	const char *target; /* as written: "aftercare.md#the-first-24-hours" */
	const char *label;  /* the link's text: "Aftercare" */
	int line;
};

/* Every string below is valid UTF-8 without control characters, borrowed
 * from the quiz: valid until quiz_free().  Missing text is "", never NULL.
 * Text of several paragraphs has one '\n' between paragraphs. */
struct quiz_answer {
	const char *text;     /* without its mark */
	bool right;           /* marked [x] */
	bool raises;          /* marked [!]: a point to discuss with the staff */
	const char *feedback; /* the quote under it: advice, or the explanation */
	const struct quiz_link *link; /* first link in the feedback, or NULL */
	int line;
};

struct quiz_question {
	enum quiz_kind kind;
	const char *text;     /* the heading */
	const char *note;     /* paragraphs between the heading and the answers */
	const struct quiz_answer *answers;
	size_t nanswers;
	long right;           /* the [x] answer of an understanding question, or -1 */
	int line;
};

/* What a finding is about (struct diag's kind), for a front end that
 * words it itself. */
enum quiz_problem {
	QUIZ_P_NO_TITLE,
	QUIZ_P_NO_INTRO,
	QUIZ_P_NO_QUESTIONS,
	QUIZ_P_TOO_MANY_QUESTIONS,
	QUIZ_P_DUPLICATE,
	QUIZ_P_EMPTY_QUESTION,
	QUIZ_P_NO_ANSWERS,
	QUIZ_P_ONE_ANSWER,
	QUIZ_P_TOO_MANY_ANSWERS,
	QUIZ_P_NO_MARK,          /* an answer that starts with no [ ], [x], [!] */
	QUIZ_P_BAD_MARK,         /* [?], [] and other marks */
	QUIZ_P_EMPTY_ANSWER,
	QUIZ_P_MIXED,            /* [x] and [!] in one question */
	QUIZ_P_NO_RIGHT,
	QUIZ_P_TWO_RIGHT,
	QUIZ_P_NO_ADVICE,        /* a [!] answer without a quote */
	QUIZ_P_NO_EXPLANATION,   /* a right answer without a quote */
	QUIZ_P_NO_LINK,          /* a right answer's quote without a link */
	QUIZ_P_ALL_RAISE,        /* every answer is [!] (a warning) */
	QUIZ_P_MISPLACED,        /* a block where the convention has no place */
	QUIZ_P_NO_RESULTS,       /* no results text (a warning) */
	QUIZ_P_BROKEN_LINK,      /* from quiz_check_links() */
	QUIZ_P_BROKEN_ANCHOR,
	QUIZ_P_EXTERNAL_LINK     /* a web address, never opened (a warning) */
};

struct quiz;

/** Parse `n` bytes of quiz.md.  `path` names the file (copied; shown by
 *  quiz_path()).  Every problem found is appended to `diags` (may be
 *  NULL); a quiz with an error must not be shown to a
 *  patient.  The diagnostics come in no set order: sort them by line to
 *  show them.  Never NULL, whatever the bytes: a broken file gives a quiz
 *  with what could be read.  Caller frees with quiz_free(). */
struct quiz *quiz_parse(const char *src, size_t n, const char *path,
			struct diags *diags);

/** The same from quiz.md already parsed as `doc` (borrowed, unchanged),
 *  for a caller that reads the tree for more (--check's reading level). */
struct quiz *quiz_from_doc(cmark_node *doc, const char *path, struct diags *diags);

/** Free the quiz and every string it lent; NULL is fine. */
void quiz_free(struct quiz *q);

/** Check every link in the quiz against the guide `g` (borrowed; its tree
 *  cache is used): a missing article or heading is an error, a web
 *  address a warning.  Appends to `diags`; returns the errors added. */
size_t quiz_check_links(const struct quiz *q, struct guide *g, struct diags *diags);

/** The path given to quiz_parse() (as given: sanitise it to print it),
 *  the title, the introduction and the results screen's title and text
 *  (borrowed; "" when absent). */
const char *quiz_path(const struct quiz *q);
const char *quiz_title(const struct quiz *q);
const char *quiz_intro(const struct quiz *q);
const char *quiz_results_title(const struct quiz *q);
const char *quiz_results_text(const struct quiz *q);

/** Number of questions, and question `i` (borrowed; NULL past the end). */
size_t quiz_count(const struct quiz *q);
const struct quiz_question *quiz_question(const struct quiz *q, size_t i);

/* A point to raise with the staff: a [!] answer the patient chose. */
struct quiz_point {
	size_t question;
	size_t answer;
	const struct quiz_question *q; /* borrowed from the quiz */
	const struct quiz_answer *a;   /* a->feedback is the advice */
};

/* An understanding question answered wrongly. */
struct quiz_miss {
	size_t question;
	size_t chosen;                 /* the answer the patient chose */
	const struct quiz_question *q; /* borrowed from the quiz */
	const struct quiz_answer *right; /* its text, explanation and link */
};

/* The results, written into the caller's memory; the pointers in them
 * are borrowed from the quiz.  Zero it (or let quiz_score overwrite it)
 * to forget a visit. */
struct quiz_results {
	struct quiz_point points[QUIZ_MAX_QUESTIONS]; /* in question order */
	size_t npoints;
	struct quiz_miss misses[QUIZ_MAX_QUESTIONS];  /* in question order */
	size_t nmisses;
	size_t unanswered; /* questions with no choice (of those scored) */
};

/** Score the answers in `chosen` (borrowed): chosen[i] is the index of the
 *  answer picked for question i, or -1.  Questions past `nchosen`, and an
 *  index out of range, count as unanswered.  Only the first
 *  QUIZ_MAX_QUESTIONS questions are scored (a longer quiz has an error).
 *  Overwrites all of *out; keeps nothing. */
void quiz_score(const struct quiz *q, const int *chosen, size_t nchosen,
		struct quiz_results *out);

#endif
