/* error: the one error convention.  A fallible function returns a status
 * (or NULL) and fills a struct sg_error whose message names the file (and
 * line) and says what to do. */
#ifndef SKINGUIDE_ERROR_H
#define SKINGUIDE_ERROR_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

struct sg_error {
	char msg[1024];
};

/** Set the message, printf-style.  `err` may be NULL (nothing is kept). */
void sg_error_set(struct sg_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Findings for editors, each at a line of a content file, from a module
 * that reads one (clinic.md, synonyms.md): --check prints them as
 * `file:line: error: message`.  Owned by the caller: start with
 * DIAGS_INIT, free with diags_free(). */
struct diag {
	int line;      /* in the file, from 1 */
	bool error;    /* else a warning */
	int kind;      /* what it is about, in the module's own numbering
			* (quiz.h: enum quiz_problem); 0 where it has none */
	char *message; /* for editors, without file or line; no controls */
};

struct diags {
	struct diag *items;
	size_t count, cap;
	size_t errors, warnings;
};

#define DIAGS_INIT {NULL, 0, 0, 0, 0}

/** Add a finding, printf-style; `d` may be NULL (nothing is kept), and a
 *  line before 1 is line 1.  Control characters quoted from a file are
 *  left out of the message. */
void diags_add(struct diags *d, int line, bool error, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/** The same with a `kind` and a va_list, for a module's own wrapper. */
void diags_vadd(struct diags *d, int line, bool error, int kind, const char *fmt,
		va_list ap) __attribute__((format(printf, 5, 0)));
/** Free the messages and the list; `d` is empty again and may be reused. */
void diags_free(struct diags *d);

#endif
