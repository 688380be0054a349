/* Unit tests for src/clinic.c: reading clinic.md (fields, problems and
 * their lines), clinic: links, and filling them in a tree; and the guide
 * that gives the details to every tree (tests/fixtures/clinic). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tmpdir.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "skinguide/buf.h"
#include "skinguide/clinic.h"
#include "skinguide/content.h"
#include "skinguide/doc.h"
#include "skinguide/print.h"

#define NBSP "\xc2\xa0"
#define EXAMPLE "examples/clinic.md"
#define FIXTURE "tests/fixtures/clinic"

static struct clinic *clinic;
static struct diags diags = DIAGS_INIT;
static struct guide *guide;
static char *text;

static int teardown(void **state)
{
	(void)state;
	clinic_free(clinic);
	clinic = NULL;
	diags_free(&diags);
	guide_free(guide);
	guide = NULL;
	free(text);
	text = NULL;
	return 0;
}

static struct clinic *parse(const char *src)
{
	clinic = clinic_parse(src, strlen(src), &diags);
	assert_non_null(clinic);
	return clinic;
}

/* The finding on `line`, which must say `phrase` and be an error. */
static void assert_error(int line, const char *phrase)
{
	for (size_t i = 0; i < diags.count; i++)
		if (diags.items[i].line == line && strstr(diags.items[i].message, phrase)) {
			assert_true(diags.items[i].error);
			return;
		}
	struct buf all = BUF_INIT;
	for (size_t i = 0; i < diags.count; i++)
		buf_printf(&all, "%d: %s\n", diags.items[i].line, diags.items[i].message);
	fail_msg("no error on line %d with '%s' in:\n%s", line, phrase, buf_str(&all));
}

/* `md` parsed, its clinic links filled from `c`, as one line of text. */
static const char *filled(const struct clinic *c, const char *md)
{
	cmark_node *doc = doc_parse(md, strlen(md));
	clinic_apply(c, doc);
	struct buf b = BUF_INIT;
	doc_plain_text(cmark_node_first_child(doc), &b);
	cmark_node_free(doc);
	free(text);
	text = buf_detach(&b);
	return text;
}

/* ---- clinic.md ------------------------------------------------------- */

static void test_example_file_gives_every_field(void **state)
{
	(void)state;
	struct buf src = BUF_INIT;
	assert_true(guide_read_file(EXAMPLE, &src, NULL));
	parse(buf_str(&src));
	buf_free(&src);
	assert_int_equal(diags.count, 0);
	assert_string_equal(clinic_get(clinic, CLINIC_NAME), "Riverside Skin Clinic");
	assert_string_equal(clinic_get(clinic, CLINIC_PHONE), "01632 960123");
	assert_string_equal(clinic_get(clinic, CLINIC_OUT_OF_HOURS), "01632 960456");
	assert_string_equal(clinic_get(clinic, CLINIC_EMERGENCY), "999");
}

/* Every field is optional; names are matched without regard to case. */
static void test_fields_are_optional_and_any_case(void **state)
{
	(void)state;
	parse("- daytime PHONE:   +44 (0)1632 960123  \n");
	assert_int_equal(diags.count, 0);
	assert_string_equal(clinic_get(clinic, CLINIC_PHONE), "+44 (0)1632 960123");
	assert_null(clinic_get(clinic, CLINIC_NAME));
	assert_null(clinic_get(clinic, CLINIC_OUT_OF_HOURS));
	assert_null(clinic_get(clinic, CLINIC_EMERGENCY));
	/* And NULL is no clinic at all. */
	assert_null(clinic_get(NULL, CLINIC_PHONE));
}

static void test_problems_are_errors_on_their_lines(void **state)
{
	(void)state;
	parse("# Our clinic\n"                       /* 1 */
	      "\n"
	      "- Name: Riverside\n"                 /* 3 */
	      "- Fax: 01632 960000\n"               /* 4 */
	      "- Daytime phone: call us\n"          /* 5 */
	      "- Daytime phone: 01632 960123\n"     /* 6 */
	      "- Out of hours:\n"                   /* 7 */
	      "- Emergency number 999\n"            /* 8 */
	      "- Emergency number: 1\n"             /* 9 */
	      "\n"
	      "Some words.\n");                     /* 11 */
	assert_error(4, "unknown field 'Fax'");
	assert_error(5, "'call us' is not a phone number");
	assert_error(6, "'Daytime phone' is given twice (first on line 5)");
	assert_error(7, "'Out of hours' has no value");
	assert_error(8, "not a 'Field: value' line");
	assert_error(9, "'1' is not a phone number");
	assert_error(11, "only a '#' title and one list");
	assert_int_equal(diags.errors, 7);
	assert_int_equal(diags.warnings, 0);
	/* What is wrong is left out; the rest is kept. */
	assert_string_equal(clinic_get(clinic, CLINIC_NAME), "Riverside");
	assert_null(clinic_get(clinic, CLINIC_PHONE));
	assert_null(clinic_get(clinic, CLINIC_OUT_OF_HOURS));
	assert_null(clinic_get(clinic, CLINIC_EMERGENCY));
}

/* Escape codes never reach a value: a number with one is no number, and
 * a name loses it. */
static void test_control_characters_never_reach_a_value(void **state)
{
	(void)state;
	parse("- Name: Bad\x1b[2J Clinic\x07\n- Daytime phone: 01632\x1b[31m 960123\n"
	      "- Out of hours: 0163\xff 960456\n");
	assert_error(2, "is not a phone number");
	assert_error(3, "is not a phone number");
	const char *name = clinic_get(clinic, CLINIC_NAME);
	assert_non_null(name);
	assert_null(strchr(name, '\x1b'));
	assert_null(strchr(name, '\x07'));
	assert_null(clinic_get(clinic, CLINIC_PHONE));
	assert_null(clinic_get(clinic, CLINIC_OUT_OF_HOURS));
}

static void test_second_list_and_empty_file(void **state)
{
	(void)state;
	parse("<!-- note -->\n- Name: A\n\n---\n\n- Name: B\n");
	assert_error(4, "only a '#' title");
	assert_error(6, "only a '#' title");
	assert_string_equal(clinic_get(clinic, CLINIC_NAME), "A");
	teardown(NULL);
	parse("<!-- nothing yet -->\n");
	assert_int_equal(diags.errors, 0);
	assert_int_equal(diags.warnings, 1);
	assert_int_equal(diags.items[0].line, 1);
	assert_non_null(strstr(diags.items[0].message, "no details"));
}

/* ---- links ------------------------------------------------------------- */

static void test_links_name_fields(void **state)
{
	(void)state;
	enum clinic_field f = CLINIC_NAME;
	assert_true(clinic_is_link("clinic:phone", &f));
	assert_int_equal(f, CLINIC_PHONE);
	assert_true(clinic_is_link("clinic:out-of-hours", &f));
	assert_int_equal(f, CLINIC_OUT_OF_HOURS);
	assert_true(clinic_is_link("clinic:emergency", &f));
	assert_int_equal(f, CLINIC_EMERGENCY);
	assert_true(clinic_is_link("clinic:name", &f));
	assert_int_equal(f, CLINIC_NAME);
	assert_true(clinic_is_link("clinic:fax", &f));
	assert_int_equal(f, CLINIC_FIELDS);
	assert_true(clinic_is_link("clinic:", &f));
	assert_int_equal(f, CLINIC_FIELDS);
	assert_false(clinic_is_link("aftercare.md", &f));
	assert_false(clinic_is_link("https://clinic.example", &f));
	for (int i = 0; i < CLINIC_FIELDS; i++) {
		struct buf url = BUF_INIT;
		buf_printf(&url, CLINIC_SCHEME "%s", clinic_key((enum clinic_field)i));
		assert_true(clinic_is_link(url.data, &f));
		assert_int_equal(f, i);
		buf_free(&url);
	}
}

/* The words, then the number; the name for the words; a number never
 * split across lines. */
static void test_apply_fills_in_the_details(void **state)
{
	(void)state;
	parse("- Name: Riverside\n- Daytime phone: 01632 960123\n- Emergency number: 999\n");
	assert_string_equal(filled(clinic, "Please [call your clinic](clinic:phone) today."),
			    "Please call your clinic (01632" NBSP "960123) today.");
	assert_string_equal(filled(clinic, "Ask [your clinic](clinic:name)."), "Ask Riverside.");
	assert_string_equal(filled(clinic, "Dial **[your emergency number](clinic:emergency)**."),
			    "Dial your emergency number (999).");
	/* No words: the number alone. */
	assert_string_equal(filled(clinic, "Dial [](clinic:emergency)."), "Dial 999.");
	/* A field the file does not give, or no such field: the words. */
	assert_string_equal(filled(clinic, "At night, [call](clinic:out-of-hours) us."),
			    "At night, call us.");
	assert_string_equal(filled(clinic, "[Fax us](clinic:fax) now."), "Fax us now.");
}

/* Without clinic.md, every link is its words: the shipped guide's text. */
static void test_apply_without_a_clinic_keeps_the_words(void **state)
{
	(void)state;
	assert_string_equal(filled(NULL, "Please [call *your* clinic](clinic:phone), or "
				   "[your clinic](clinic:name), or [read](aftercare.md)."),
			    "Please call your clinic, or your clinic, or read.");
	cmark_node *doc = doc_parse("[a](clinic:phone) [b](x.md)", 27);
	clinic_apply(NULL, doc);
	size_t links = 0;
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
		if (ev == CMARK_EVENT_ENTER &&
		    cmark_node_get_type(cmark_iter_get_node(it)) == CMARK_NODE_LINK)
			links++;
	cmark_iter_free(it);
	cmark_node_free(doc);
	assert_int_equal(links, 1); /* the article link stays a link */
}

/* ---- the guide --------------------------------------------------------- */

static void test_guide_gives_the_details_to_every_tree(void **state)
{
	(void)state;
	struct sg_error err = {""};
	guide = guide_open(FIXTURE, &err);
	if (!guide)
		fail_msg("%s", err.msg);
	assert_string_equal(clinic_get(guide_clinic(guide), CLINIC_EMERGENCY), "999");
	/* The home page's welcome line. */
	assert_non_null(strstr(guide_welcome(guide), "your local emergency number (999)"));
	/* The article, as the reader and --print show it. */
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	assert_true(print_article(f, guide, 0, 76, false, &err));
	assert_int_equal(fclose(f), 0);
	assert_non_null(strstr(text, "Call Riverside Skin Clinic if you are worried."));
	assert_non_null(strstr(text, "call your clinic (01632" NBSP "960123)"));
	assert_non_null(strstr(text, "line (+44" NBSP "(0)1632" NBSP "960456)."));
	assert_null(strstr(text, "clinic:"));
}

/* No clinic.md: no details, and the words alone. */
static void test_guide_without_clinic_file(void **state)
{
	(void)state;
	char *dir = tmpdir_make("skinguide-clinic");
	static const char article[] = "# Call\n\nWho to call.\n\n## Now\n\n"
		"[Call your clinic](clinic:phone).\n";
	assert_true(tmpdir_write(dir, "01-call.md", article, sizeof article - 1));
	struct sg_error err = {""};
	guide = guide_open(dir, &err);
	assert_non_null(guide);
	assert_null(guide_clinic(guide));
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	assert_true(print_article(f, guide, 0, 76, false, &err));
	assert_int_equal(fclose(f), 0);
	assert_non_null(strstr(text, "\nCall your clinic.\n"));
	assert_null(strstr(text, "clinic:"));
	tmpdir_remove(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_example_file_gives_every_field, teardown),
		cmocka_unit_test_teardown(test_fields_are_optional_and_any_case, teardown),
		cmocka_unit_test_teardown(test_problems_are_errors_on_their_lines, teardown),
		cmocka_unit_test_teardown(test_control_characters_never_reach_a_value, teardown),
		cmocka_unit_test_teardown(test_second_list_and_empty_file, teardown),
		cmocka_unit_test_teardown(test_links_name_fields, teardown),
		cmocka_unit_test_teardown(test_apply_fills_in_the_details, teardown),
		cmocka_unit_test_teardown(test_apply_without_a_clinic_keeps_the_words, teardown),
		cmocka_unit_test_teardown(test_guide_gives_the_details_to_every_tree, teardown),
		cmocka_unit_test_teardown(test_guide_without_clinic_file, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
