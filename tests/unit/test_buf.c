/* Unit tests for src/buf.c: the invariant buf.h promises (after any call
 * but buf_free, data is a NUL-terminated string of len bytes), growth,
 * formatting and detaching.  An outside fuzzing run found buffers that
 * were allocated but never terminated: read as strings, they leaked heap
 * bytes to the terminal.  ASan fills new memory with non-zero bytes, so
 * every check of data[len] here fails on such a buffer. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "skinguide/buf.h"

/* data is a string of exactly len bytes. */
static void assert_terminated(const struct buf *b)
{
	assert_non_null(b->data);
	assert_true(b->len < b->cap);
	assert_int_equal(b->data[b->len], '\0');
	assert_int_equal(strlen(b->data), b->len);
}

static void test_grow_on_a_new_buffer_gives_an_empty_string(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	buf_grow(&b, 100);
	assert_terminated(&b);
	assert_int_equal(b.len, 0);
	assert_true(b.cap >= 101);
	buf_free(&b);
}

static void test_grow_by_zero_gives_an_empty_string(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	buf_grow(&b, 0);
	assert_terminated(&b);
	buf_free(&b);
}

static void test_grow_keeps_the_contents_terminated(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	buf_puts(&b, "abc");
	buf_grow(&b, 10000); /* moves the data */
	assert_terminated(&b);
	assert_string_equal(b.data, "abc");
	buf_free(&b);
}

static void test_empty_appends_give_an_empty_string(void **state)
{
	(void)state;
	struct buf a = BUF_INIT, p = BUF_INIT, r = BUF_INIT, f = BUF_INIT;
	buf_append(&a, "ignored", 0);
	buf_puts(&p, "");
	buf_repeat(&r, "-", 0);
	buf_printf(&f, "%s", "");
	assert_terminated(&a);
	assert_terminated(&p);
	assert_terminated(&r);
	assert_terminated(&f);
	buf_free(&a);
	buf_free(&p);
	buf_free(&r);
	buf_free(&f);
}

static void test_clear_gives_an_empty_string_new_or_used(void **state)
{
	(void)state;
	struct buf fresh = BUF_INIT, used = BUF_INIT;
	buf_clear(&fresh);
	assert_terminated(&fresh);
	buf_puts(&used, "some text");
	buf_clear(&used);
	assert_terminated(&used);
	assert_string_equal(used.data, "");
	buf_free(&fresh);
	buf_free(&used);
}

static void test_str_reads_any_buffer(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	assert_string_equal(buf_str(&b), "");
	buf_puts(&b, "x");
	assert_string_equal(buf_str(&b), "x");
	buf_free(&b);
	assert_null(b.data);
	assert_string_equal(buf_str(&b), "");
}

static void test_append_putc_repeat_printf(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	buf_append(&b, "ab", 1);
	buf_putc(&b, '-');
	buf_repeat(&b, "xy", 3);
	buf_printf(&b, "[%d|%s]", 42, "z");
	assert_string_equal(b.data, "a-xyxyxy[42|z]");
	assert_terminated(&b);
	buf_free(&b);
}

static void test_printf_grows_past_the_first_block(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	char word[300];
	memset(word, 'w', sizeof word - 1);
	word[sizeof word - 1] = '\0';
	buf_printf(&b, "%s/%s", word, word);
	assert_int_equal(b.len, 2 * (sizeof word - 1) + 1);
	assert_terminated(&b);
	buf_free(&b);
}

static void test_detach_gives_a_string_and_empties(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	char *empty = buf_detach(&b);
	assert_string_equal(empty, "");
	buf_puts(&b, "kept");
	char *kept = buf_detach(&b);
	assert_string_equal(kept, "kept");
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);
	buf_puts(&b, "again"); /* a detached buffer is reusable */
	assert_string_equal(b.data, "again");
	free(empty);
	free(kept);
	buf_free(&b);
}

static void test_free_accepts_an_untouched_buffer(void **state)
{
	(void)state;
	struct buf b = BUF_INIT;
	buf_free(&b);
	buf_free(&b);
	assert_null(b.data);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grow_on_a_new_buffer_gives_an_empty_string),
		cmocka_unit_test(test_grow_by_zero_gives_an_empty_string),
		cmocka_unit_test(test_grow_keeps_the_contents_terminated),
		cmocka_unit_test(test_empty_appends_give_an_empty_string),
		cmocka_unit_test(test_clear_gives_an_empty_string_new_or_used),
		cmocka_unit_test(test_str_reads_any_buffer),
		cmocka_unit_test(test_append_putc_repeat_printf),
		cmocka_unit_test(test_printf_grows_past_the_first_block),
		cmocka_unit_test(test_detach_gives_a_string_and_empties),
		cmocka_unit_test(test_free_accepts_an_untouched_buffer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
