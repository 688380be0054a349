/* clinic: the clinic's own details, from clinic.md in the content folder,
 * and the links that name them in articles.
 *
 * clinic.md is optional, and so is each of its fields:
 *
 *     # Our clinic
 *
 *     - Name: Riverside Skin Clinic
 *     - Daytime phone: 01632 960123
 *     - Out of hours: 01632 960456
 *     - Emergency number: 999
 *
 * An article names a detail with a link whose target is "clinic:" and the
 * field's key, such as [call your clinic](clinic:phone).  clinic_apply()
 * turns every such link into plain text: the words, then the number in
 * brackets ("call your clinic (01632 960123)"); for clinic:name the name
 * in place of the words.  Without the file or the field the words stay
 * alone, so the shipped guide reads well with no clinic at all.  Pure: no
 * file is read here. */
#ifndef SKINGUIDE_CLINIC_H
#define SKINGUIDE_CLINIC_H

#include <stdbool.h>
#include <stddef.h>

#include <cmark.h>

#include "skinguide/error.h"

enum clinic_field {
	CLINIC_NAME,         /* "Name", clinic:name */
	CLINIC_PHONE,        /* "Daytime phone", clinic:phone */
	CLINIC_OUT_OF_HOURS, /* "Out of hours", clinic:out-of-hours */
	CLINIC_EMERGENCY,    /* "Emergency number", clinic:emergency */
	CLINIC_FIELDS
};

/* The file's name in the content folder. */
#define CLINIC_FILE "clinic.md"
/* What every clinic link starts with. */
#define CLINIC_SCHEME "clinic:"

struct clinic;

/** Read clinic.md's text (`n` bytes, need not be terminated).  A field
 *  with a problem is left out and, when `diags` is not NULL, reported
 *  there with its line.  Never NULL; caller frees with clinic_free(). */
struct clinic *clinic_parse(const char *src, size_t n, struct diags *diags);

/** Free the details; NULL is fine. */
void clinic_free(struct clinic *c);

/** Field `f`'s value as written (sanitised, trimmed, valid UTF-8), or
 *  NULL when the file does not give it or `c` is NULL.  Borrowed until
 *  clinic_free(). */
const char *clinic_get(const struct clinic *c, enum clinic_field f);

/** The field's name in clinic.md ("Daytime phone") and its key in a link
 *  ("phone"); static strings. */
const char *clinic_label(enum clinic_field f);
const char *clinic_key(enum clinic_field f);

/** Whether the link target `url` is a clinic link ("clinic:..."); if so
 *  *field is the field it names, or CLINIC_FIELDS for an unknown key. */
bool clinic_is_link(const char *url, enum clinic_field *field);

/** Replace every clinic link in `doc` by plain text as described above;
 *  `c` may be NULL (no clinic.md: the words alone).  Spaces inside an
 *  inserted number are no-break spaces, so that it is never wrapped
 *  across lines. */
void clinic_apply(const struct clinic *c, cmark_node *doc);

#endif
