/* error: the one error convention.  A fallible function returns a status
 * (or NULL) and fills a struct sg_error whose message names the file (and
 * line) and says what to do. */
#ifndef SKINGUIDE_ERROR_H
#define SKINGUIDE_ERROR_H

struct sg_error {
	char msg[1024];
};

/** Set the message, printf-style.  `err` may be NULL (nothing is kept). */
void sg_error_set(struct sg_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
