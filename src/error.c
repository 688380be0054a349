#include "skinguide/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "skinguide/buf.h"
#include "skinguide/text.h"

void sg_error_set(struct sg_error *err, const char *fmt, ...)
{
	if (!err)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
}

void diags_vadd(struct diags *d, int line, bool error, int kind, const char *fmt, va_list ap)
{
	if (!d)
		return;
	char msg[1024];
	vsnprintf(msg, sizeof msg, fmt, ap);
	/* Messages quote the file, which may hold any bytes. */
	struct buf clean = BUF_INIT;
	text_sanitize(&clean, msg, strlen(msg), false);
	ARRAY_GROW(d->items, d->count, d->cap);
	d->items[d->count++] = (struct diag){line < 1 ? 1 : line, error, kind,
					     buf_detach(&clean)};
	if (error)
		d->errors++;
	else
		d->warnings++;
}

void diags_add(struct diags *d, int line, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diags_vadd(d, line, error, 0, fmt, ap);
	va_end(ap);
}

void diags_free(struct diags *d)
{
	for (size_t i = 0; i < d->count; i++)
		free(d->items[i].message);
	free(d->items);
	*d = (struct diags)DIAGS_INIT;
}
