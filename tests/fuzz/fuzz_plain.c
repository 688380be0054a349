/* fuzz_plain: any bytes as the lines typed into plain mode on the shipped
 * guide, at a width the first byte chooses (40 to 103 columns).
 *
 * Promises: it ends at the end of the input (or q) with status 0, and
 * everything it prints is valid UTF-8 with no control character and no
 * line wider than the width. */
#include "fuzz.h"

#include "skinguide/content.h"
#include "skinguide/plain.h"

#define CONTENT "content"

static struct guide *guide;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	struct sg_error err;
	guide = access(CONTENT "/index.md", R_OK) == 0 ? guide_open_readable(CONTENT, &err)
						       : fuzz_guide_open("fuzz_plain");
	if (!guide) {
		fprintf(stderr, "fuzz_plain: %s\n", err.msg);
		abort();
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	size_t width = 40 + data[0] % 64;
	/* The lines are the rest of the input; a NUL in one ends its text
	 * early, as it would from a terminal. */
	static char nothing[] = "\n"; /* fmemopen takes no empty buffer */
	FILE *in = size > 1 ? fmemopen((void *)(data + 1), size - 1, "r")
			    : fmemopen(nothing, 1, "r");
	if (!in)
		abort();
	struct fuzz_out out;
	fuzz_out_open(&out);
	struct plain_opts opts = {.width = width};
	if (plain_run(guide, in, out.f, &opts) != 0)
		fuzz_fail("plain mode gave up", (const char *)data, size);
	fclose(in);
	fuzz_out_close(&out);
	fuzz_lines(out.text, out.len, width);
	fuzz_out_free(&out);
	return 0;
}
