/* fuzz_guide: the input as the third article of a small guide (and as its
 * index.md when the last byte is odd), opened as the reader opens it:
 * the list (--list, in UTF-8 and in ASCII), the index page
 * (--list --format man), and a visit through the navigator in a view the
 * input sizes, driven by actions the input's last bytes choose.
 *
 * Promises: every output and every row the navigator hands a front end
 * is valid UTF-8 with no control character; the reader's lines fit the
 * view; the cursor stays in the view. */
#include "fuzz.h"

#include "skinguide/content.h"
#include "skinguide/man.h"
#include "skinguide/nav.h"
#include "skinguide/print.h"

/* Actions a visit takes at most: enough to reach every screen. */
#define MAX_ACTIONS 48

static const char *dir;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	dir = fuzz_dir_make();
	return 0;
}

static void check_lists(const struct guide *g)
{
	for (int ascii = 0; ascii <= 1; ascii++) {
		struct fuzz_out out;
		fuzz_out_open(&out);
		print_list(out.f, g, ascii);
		fuzz_out_close(&out);
		fuzz_lines(out.text, out.len, 0);
		for (size_t i = 0; ascii && i < out.len; i++)
			if ((unsigned char)out.text[i] >= 0x80)
				fuzz_fail("UTF-8 in an ASCII list", out.text, out.len);
		fuzz_out_free(&out);
	}
	struct fuzz_out out;
	fuzz_out_open(&out);
	man_index(out.f, g, "2024-01-02", "9.8.7");
	fuzz_out_close(&out);
	fuzz_lines(out.text, out.len, 0);
	fuzz_out_free(&out);
}

static void clean(const char *s, size_t n)
{
	if (!s)
		fuzz_fail("a NULL string", NULL, 0);
	fuzz_clean(s, n, false);
}

/* Every row of the view, the status bar and the cursor. */
static void check_view(const struct nav *n, size_t rows, size_t width)
{
	for (size_t y = 0; y < rows; y++) {
		struct nav_row r;
		nav_row(n, y, &r);
		if (r.kind == NAV_ROW_LINE && r.line) {
			clean(r.line->text, r.line->len);
			if (r.line->width > width)
				fuzz_fail("a reader's line wider than the view", r.line->text,
					  r.line->len);
		}
		if (r.kind == NAV_ROW_ITEM)
			clean(r.label, strlen(r.label));
		if (r.kind != NAV_ROW_LINE && r.kind != NAV_ROW_BLANK)
			clean(r.text, r.len);
	}
	struct nav_status st;
	nav_status(n, &st);
	clean(st.where, strlen(st.where));
	if (st.position)
		clean(st.position, strlen(st.position));
	clean(nav_message(n), strlen(nav_message(n)));
	size_t row, col;
	nav_cursor(n, &row, &col);
	if (row >= rows)
		fuzz_fail("the cursor below the view", NULL, 0);
}

static void visit(struct guide *g, const uint8_t *data, size_t size)
{
	struct nav_config cfg = {0};
	struct nav *n = nav_new(g, &cfg);
	size_t rows = 1 + (size ? data[size - 1] : 0) % 60;
	size_t asked = size > 1 ? data[size - 2] % 100 : 80;
	size_t width = asked < LAYOUT_MIN_WIDTH ? LAYOUT_MIN_WIDTH
		     : asked > LAYOUT_MAX_WIDTH ? LAYOUT_MAX_WIDTH : asked;
	nav_resize(n, rows, asked);
	check_view(n, rows, width);
	size_t count = size < MAX_ACTIONS ? size : MAX_ACTIONS;
	for (size_t i = 0; i < count; i++) {
		uint8_t b = data[size - 1 - i];
		struct nav_input in = {(enum nav_action)(b % NAV_ACTION_COUNT), b % 10,
				       b % rows, (size_t)(b * 7) % width};
		if (in.action == NAV_QUIT)
			in.action = NAV_START_OVER;
		nav_do(n, &in);
		check_view(n, rows, width);
	}
	nav_resize(n, rows + 5, 40);
	check_view(n, rows + 5, 40);
	nav_free(n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_write_file(fuzz_path(dir, "03-fuzz.md"), data, size);
	if (size && (data[size - 1] & 1))
		fuzz_write_file(fuzz_path(dir, "index.md"), data, size);
	else
		unlink(fuzz_path(dir, "index.md"));
	struct sg_error err;
	struct guide *g = guide_open(dir, &err);
	if (!g) {
		clean(err.msg, strlen(err.msg));
		return 0;
	}
	check_lists(g);
	visit(g, data, size);
	guide_free(g);
	return 0;
}
