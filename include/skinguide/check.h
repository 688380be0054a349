/* check: validate a content directory for its editors.
 *
 * Writes `file:line: error: ...` and `file:line: warning: ...` lines, then
 * a table of reading figures per article, to `out`.  Pure: it reads the
 * files and writes to the stream it is given, nothing else. */
#ifndef SKINGUIDE_CHECK_H
#define SKINGUIDE_CHECK_H

#include <stddef.h>
#include <stdio.h>

/* Reading limits (facts.md: aim for grade 6 to 7, sentences of 20 words). */
#define CHECK_GRADE_WARN 7.0
#define CHECK_GRADE_ERROR 8.0
#define CHECK_SENTENCE_WARN 20
#define CHECK_SENTENCE_ERROR 30
/* Below this many words a reading grade means nothing and is not judged. */
#define CHECK_GRADE_MIN_WORDS 50
/* About what the home screen shows of a summary at 80 columns. */
#define CHECK_SUMMARY_COLUMNS 70

struct check_result {
	size_t errors;
	size_t warnings;
	size_t articles;
};

/** Check every article in `dir`; the counts go to `res`.  Review dates
 *  are judged against today's local date. */
void check_dir(const char *dir, FILE *out, struct check_result *res);

/* A review date older than this many years is due again: a warning. */
#define CHECK_REVIEW_YEARS 3

/** check_dir() as if today were `today`, "YYYY-MM-DD" (borrowed, only
 *  read during the call), so that a test can fix the day. */
void check_dir_on(const char *dir, const char *today, FILE *out, struct check_result *res);

/** Check that `s` is valid UTF-8 without control characters (tab, CR
 *  before LF and newline are fine), reporting at most a few problems as
 *  `path:line:` errors.  Returns the number of problems found. */
size_t check_bytes(const char *path, const char *s, size_t n, FILE *out);

#endif
