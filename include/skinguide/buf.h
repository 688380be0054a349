/* buf: a growable byte buffer, always NUL-terminated.
 *
 * The invariant, which every caller may rely on: after any buf_* call
 * other than buf_free(), `data` is non-NULL and `data[len]` is '\0', so
 * `data` is a valid C string even when nothing was appended (an empty
 * buffer is "", never unterminated memory).  Only a buffer no call has
 * touched yet (BUF_INIT or all zeros) or one just freed has NULL data;
 * buf_str() reads any buffer as a string.
 *
 * Every module that builds text uses it.  Allocation failure is not an
 * error a caller can handle here: buf calls sg_oom(), which restores the
 * terminal (when the UI has registered a hook) and aborts. */
#ifndef SKINGUIDE_BUF_H
#define SKINGUIDE_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *data;   /* owned; NULL only before the first call and after buf_free */
	size_t len;   /* bytes used, not counting the terminating NUL */
	size_t cap;
};

#define BUF_INIT {NULL, 0, 0}

/** Make room for at least `extra` more bytes (plus the NUL); the
 *  contents stay a NUL-terminated string of `len` bytes. */
void buf_grow(struct buf *b, size_t extra);
/** Append `n` bytes from `s`. */
void buf_append(struct buf *b, const char *s, size_t n);
/** Append a NUL-terminated string. */
void buf_puts(struct buf *b, const char *s);
/** Append one byte. */
void buf_putc(struct buf *b, char c);
/** Append `count` copies of the string `s`. */
void buf_repeat(struct buf *b, const char *s, size_t count);
/** Append printf-style formatted text. */
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/** Forget the contents but keep the memory. */
void buf_clear(struct buf *b);
/** Give the data to the caller (who frees it with free()); b is emptied.
 *  Never returns NULL: an empty buffer yields "". */
char *buf_detach(struct buf *b);
/** Free the data; b is emptied (data NULL) and may be reused. */
void buf_free(struct buf *b);
/** The contents as a C string, "" for an untouched or freed buffer.
 *  Borrowed: valid until the next call that changes b. */
const char *buf_str(const struct buf *b);

/** Allocation helpers that never return NULL (they call sg_oom). */
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/** realloc for an array of `count` elements of `size` bytes, overflow-checked. */
void *xreallocarray(void *p, size_t count, size_t size);

/* Room for one more element in the growing array `arr` that holds `n` of
 * `cap`: doubled when full, 16 at first.  Each argument is evaluated
 * more than once. */
#define ARRAY_GROW(arr, n, cap)                                            \
	do {                                                               \
		if ((n) == (cap)) {                                        \
			(cap) = (cap) ? (cap) * 2 : 16;                    \
			(arr) = xreallocarray((arr), (cap), sizeof *(arr));\
		}                                                          \
	} while (0)
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/** Called when memory runs out: runs the registered hook (the UI's
 *  endwin), prints a message and aborts. */
_Noreturn void sg_oom(void);
/** Register a function sg_oom() calls first (NULL to clear). */
void sg_oom_hook(void (*hook)(void));

#endif
