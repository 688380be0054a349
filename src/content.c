/* content: scan a directory of articles, read their heads, parse lazily. */
#include "skinguide/content.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "skinguide/buf.h"
#include "skinguide/clinic.h"
#include "skinguide/doc.h"
#include "skinguide/outline.h"

/* Larger files are refused rather than parsed: no article is this long. */
/* Larger or longer files are refused rather than parsed: a tree and its
 * layout take up to some 130 bytes a byte of text dense with emphasis and
 * links, so these bound what one article can cost.  Measured peaks of
 * --print: 1 MiB of one paragraph of emphasis and links, 128 MB (the
 * worst found); 50,000 lines of "- a", 36 MB; a 1 MB line, 10 MB.  The
 * longest shipped article is 8 KB. */
#define MAX_FILE_BYTES (1u << 20)
#define MAX_FILE_LINES 50000
#define HEAD_FIRST_READ 1024u
/* The home page of a guide without index.md. */
#define DEFAULT_INDEX "# Guide\n\nChoose a topic to read.\n"

struct left_out {
	const char *id;           /* in the block of names */
	char *why;                /* "file:line: error: ..." */
};

struct guide {
	char *dir;
	char *title;
	char *welcome;
	struct article *articles;
	size_t count;
	char *names;              /* every article's path and id, one block:
				   * 10,000 small strings cost twice as much
				   * one by one */
	uint32_t *ids;            /* article indexes by id: a hash table */
	size_t id_mask;           /* its size less one, a power of two */
	cmark_node *index_doc;    /* index.md, or a default welcome */
	cmark_node **docs;        /* parsed trees, NULL when not cached */
	struct outline **outlines;/* beside each cached tree, made when asked */
	size_t cache[GUIDE_CACHE_SIZE + 1]; /* most recently used first */
	size_t cached;
	size_t *doc_bytes;        /* the source size of each cached tree */
	size_t cached_bytes;      /* of them all */
	size_t parses;
	struct clinic *clinic;    /* clinic.md's details, or NULL */
	struct left_out *left_out;/* each broken article left out, and why */
	size_t nleft_out;
	char *index_problem;      /* why index.md could not be read, or NULL */
};

bool guide_parse_filename(const char *name, unsigned *number, char *id, size_t idsize)
{
	size_t len = strlen(name);
	size_t digits = strspn(name, "0123456789");
	if (digits == 0 || digits > 6 || name[digits] != '-' || len < digits + 5 ||
	    strcmp(name + len - 3, ".md") != 0)
		return false;
	size_t idlen = len - digits - 4;
	if (idlen + 1 > idsize)
		return false;
	/* GUIDE_ID_RULE: a leading '-' would read as an option to --print. */
	for (size_t i = 0; i < idlen; i++) {
		unsigned char c = (unsigned char)name[digits + 1 + i];
		if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && (c != '-' || i == 0))
			return false;
	}
	memcpy(id, name + digits + 1, idlen);
	id[idlen] = '\0';
	*number = (unsigned)strtoul(name, NULL, 10);
	return true;
}

static char *join_path(const char *dir, const char *name)
{
	struct buf b = BUF_INIT;
	buf_puts(&b, dir);
	if (b.len && b.data[b.len - 1] != '/')
		buf_putc(&b, '/');
	buf_puts(&b, name);
	return buf_detach(&b);
}

static size_t count_lines(const struct buf *b)
{
	size_t lines = 0;
	for (const char *p = b->data, *end = b->data + b->len;
	     p && (p = memchr(p, '\n', (size_t)(end - p))); p++)
		lines++;
	return lines;
}

/* Read up to `limit` bytes of `path` into `out`; *eof tells whether that
 * was all of it.  The buffer grows with what is read, never to the limit
 * up front.  Returns false with `err` set when it cannot be read, or when
 * a whole-file read (limit MAX_FILE_BYTES) finds more than that. */
static bool read_file(const char *path, size_t limit, struct buf *out, bool *eof,
		      struct sg_error *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		sg_error_set(err, "%s: cannot read: %s; check that the file exists and "
			     "is readable", path, strerror(errno));
		return false;
	}
	bool ok = false;
	bool whole = limit >= MAX_FILE_BYTES;
	/* One byte past the limit tells a file of exactly the limit from a
	 * longer one. */
	size_t want = whole ? (size_t)MAX_FILE_BYTES + 1 : limit;
	struct stat st;
	size_t hint = fstat(fd, &st) == 0 && st.st_size > 0 ? (size_t)st.st_size + 1 : 4096;
	buf_clear(out);
	buf_grow(out, hint < want ? hint : want);
	*eof = false;
	while (out->len < want) {
		if (out->cap - out->len <= 1)
			buf_grow(out, out->len < want - out->len ? out->len : want - out->len);
		size_t room = out->cap - out->len - 1;
		ssize_t n = read(fd, out->data + out->len, room < want - out->len ? room
				 : want - out->len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			sg_error_set(err, errno == EISDIR
				     ? "%s: this is a folder, not an article; rename it so that "
				       "its name does not end in .md"
				     : "%s: cannot read: %s; check that it is a readable file",
				     path, strerror(errno));
			goto done;
		}
		if (n == 0) {
			*eof = true;
			break;
		}
		out->len += (size_t)n;
		out->data[out->len] = '\0';
	}
	if (whole && out->len > MAX_FILE_BYTES) {
		sg_error_set(err, "%s: file is larger than %u MiB; split it into "
			     "smaller articles", path, MAX_FILE_BYTES >> 20);
		goto done;
	}
	if (whole && count_lines(out) > MAX_FILE_LINES) {
		sg_error_set(err, "%s: file has more than %u lines; split it into "
			     "smaller articles", path, MAX_FILE_LINES);
		goto done;
	}
	ok = true;
done:
	close(fd);
	return ok;
}

struct head {
	char *title;
	char *summary;
	int title_line;
	int other_heading_line; /* first heading of another level, or 0 */
};

/* Find the title and summary among the top-level blocks of `doc`.  True
 * when they are final: a prefix of a file may end inside the summary. */
static bool find_head(cmark_node *doc, bool whole, struct head *h)
{
	cmark_node *title = NULL, *summary = NULL;
	h->other_heading_line = 0;
	for (cmark_node *n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
		cmark_node_type t = cmark_node_get_type(n);
		if (!title && t == CMARK_NODE_HEADING) {
			if (cmark_node_get_heading_level(n) == 1)
				title = n;
			else if (!h->other_heading_line)
				h->other_heading_line = cmark_node_get_start_line(n);
		} else if (title && t == CMARK_NODE_PARAGRAPH) {
			summary = n;
			break;
		}
	}
	bool final = whole || (summary && cmark_node_next(summary));
	if (!final)
		return false;
	struct buf t = BUF_INIT, b = BUF_INIT;
	if (title)
		doc_plain_text(title, &t);
	if (summary)
		doc_plain_text(summary, &b);
	/* "[words][ref]" may be a link whose definition comes further down:
	 * only the whole file can tell. */
	if (!whole && ((t.data && strchr(t.data, '[')) || (b.data && strchr(b.data, '[')))) {
		buf_free(&t);
		buf_free(&b);
		return false;
	}
	h->title = title ? buf_detach(&t) : NULL;
	h->title_line = title ? cmark_node_get_start_line(title) : 0;
	buf_free(&t);
	h->summary = buf_detach(&b);
	return true;
}

/* Parse growing prefixes of the file until its title and summary are
 * known: most articles need a single 1 KiB read (measured: 4 KiB reads
 * made a 10,000-article start twice as slow, 250 ms against 120 ms). */
static bool read_head(const char *path, struct head *h, struct sg_error *err)
{
	struct buf src = BUF_INIT;
	bool ok = false, eof = false;
	memset(h, 0, sizeof *h);
	for (size_t limit = HEAD_FIRST_READ;; limit *= 4) {
		if (limit > MAX_FILE_BYTES)
			limit = MAX_FILE_BYTES;
		if (!read_file(path, limit, &src, &eof, err))
			goto done;
		size_t len = src.len;
		if (!eof) /* parse whole lines only */
			while (len > 0 && src.data[len - 1] != '\n')
				len--;
		cmark_node *doc = doc_parse(src.data ? src.data : "", len);
		bool found = find_head(doc, eof, h);
		cmark_node_free(doc);
		if (found)
			break;
	}
	if (!h->title) {
		if (h->other_heading_line)
			sg_error_set(err, "%s:%d: error: the first heading is not a title; "
				     "start the article with a level-1 heading such as "
				     "'# Aftercare'", path, h->other_heading_line);
		else
			sg_error_set(err, "%s:1: error: no title; start the article with a "
				     "level-1 heading such as '# Aftercare'", path);
		goto done;
	}
	ok = true;
done:
	if (!ok) {
		free(h->title);
		free(h->summary);
	}
	buf_free(&src);
	return ok;
}

static const struct guide *sort_guide; /* qsort takes no context */

/* Keys of (number << 32 | index): the number decides without a look at
 * the articles, the id only breaks a tie. */
static int compare_menu(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	if (x >> 32 != y >> 32)
		return x >> 32 < y >> 32 ? -1 : 1;
	return strcmp(sort_guide->articles[(uint32_t)x].id,
		      sort_guide->articles[(uint32_t)y].id);
}

/* The keys in order of their numbers (bits 32 to 55), keeping the order
 * of equal ones: a byte at a time, least first (a radix sort), skipping a
 * byte all numbers share.  At 10,000 articles qsort's calls of
 * compare_menu were an eighth of the start. */
static void sort_by_number(uint64_t *keys, size_t n)
{
	uint64_t *tmp = xreallocarray(NULL, n, sizeof *tmp);
	for (int shift = 32; shift < 56; shift += 8) {
		size_t count[257] = {0};
		for (size_t i = 0; i < n; i++)
			count[(keys[i] >> shift & 0xff) + 1]++;
		if (count[(keys[0] >> shift & 0xff) + 1] == n)
			continue; /* the same byte in every number */
		for (int d = 0; d < 256; d++)
			count[d + 1] += count[d];
		for (size_t i = 0; i < n; i++)
			tmp[count[keys[i] >> shift & 0xff]++] = keys[i];
		memcpy(keys, tmp, n * sizeof *keys);
	}
	free(tmp);
}

/* Put the articles in menu order: by number, then id.  Sorting small keys
 * and moving each article once, in place, is a third of the cost of
 * sorting the articles themselves and needs no second array. */
static void sort_menu(struct guide *g)
{
	const uint64_t moved = (uint64_t)1 << 63; /* numbers are 20 bits */
	if (g->count == 0)
		return;
	uint64_t *keys = xreallocarray(NULL, g->count, sizeof *keys);
	for (size_t i = 0; i < g->count; i++)
		keys[i] = (uint64_t)g->articles[i].number << 32 | i;
	sort_by_number(keys, g->count);
	sort_guide = g; /* articles of one number: by id */
	for (size_t i = 0, j; i < g->count; i = j) {
		for (j = i + 1; j < g->count && keys[j] >> 32 == keys[i] >> 32; j++)
			;
		if (j - i > 1)
			qsort(keys + i, j - i, sizeof *keys, compare_menu);
	}
	/* Place i takes the article from place (uint32_t)keys[i]: follow
	 * each cycle of that permutation once. */
	for (size_t i = 0; i < g->count; i++) {
		if (keys[i] & moved)
			continue;
		struct article first = g->articles[i];
		size_t j = i;
		for (;;) {
			size_t from = (uint32_t)keys[j];
			keys[j] |= moved;
			if (from == i) {
				g->articles[j] = first;
				break;
			}
			g->articles[j] = g->articles[from];
			j = from;
		}
	}
	free(keys);
}

/* Add `dir/name` and `id` to the block of names; return the path's offset. */
static size_t add_names(struct buf *names, const char *dir, const char *name,
			const char *id)
{
	size_t at = names->len;
	buf_puts(names, dir);
	if (names->len > at && names->data[names->len - 1] != '/')
		buf_putc(names, '/');
	buf_puts(names, name);
	buf_putc(names, '\0');
	buf_puts(names, id);
	buf_putc(names, '\0');
	return at;
}

/* Collect the NN-id.md names in `dir`, sorted into menu order. */
static bool scan_dir(struct guide *g, struct sg_error *err)
{
	DIR *d = opendir(g->dir);
	if (!d) {
		sg_error_set(err, "%s: error: cannot open the content folder: %s; name "
			     "the folder that holds the NN-id.md articles", g->dir,
			     strerror(errno));
		return false;
	}
	struct buf names = BUF_INIT;
	size_t cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		char id[NAME_MAX + 1];
		unsigned number;
		if (!guide_parse_filename(e->d_name, &number, id, sizeof id))
			continue;
		ARRAY_GROW(g->articles, g->count, cap);
		/* The offset stands in for the pointer until the block stops
		 * moving. */
		size_t at = add_names(&names, g->dir, e->d_name, id);
		g->articles[g->count++] = (struct article){
			.path = (char *)(uintptr_t)at, .number = number};
	}
	closedir(d);
	g->names = buf_detach(&names);
	for (size_t i = 0; i < g->count; i++) {
		struct article *a = &g->articles[i];
		a->path = g->names + (uintptr_t)a->path;
		a->id = a->path + strlen(a->path) + 1;
	}
	if (g->count == 0) {
		sg_error_set(err, "%s: error: no articles found; add Markdown files "
			     "named like 01-welcome.md (" GUIDE_ID_RULE ")", g->dir);
		return false;
	}
	sort_menu(g);
	return true;
}

#define NO_ARTICLE UINT32_MAX

static size_t hash_id(const char *id)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (const unsigned char *p = (const unsigned char *)id; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h;
}

/* The slot that holds `id`, or the empty one where it would go. */
static uint32_t *id_slot(const struct guide *g, const char *id)
{
	for (size_t h = hash_id(id) & g->id_mask;; h = (h + 1) & g->id_mask) {
		uint32_t i = g->ids[h];
		if (i == NO_ARTICLE || strcmp(g->articles[i].id, id) == 0)
			return &g->ids[h];
	}
}

static void leave_out(struct guide *g, size_t i, const char *why);

/* Index the articles by id, in menu order, so that an id already there
 * belongs to an earlier article.  Such a later one is left out when
 * `leave_dupes` (the first stays), else it is an error in `err`. */
static bool index_ids(struct guide *g, bool leave_dupes, struct sg_error *err)
{
	size_t slots = 16;
	while (slots < g->count + g->count / 2) /* at most two thirds full */
		slots *= 2;
	free(g->ids);
	g->ids = xreallocarray(NULL, slots, sizeof *g->ids);
	memset(g->ids, 0xff, slots * sizeof *g->ids); /* all NO_ARTICLE */
	g->id_mask = slots - 1;
	bool unique = true;
	for (size_t i = 0; i < g->count; i++) {
		const struct article *b = &g->articles[i];
		if (!b->id)
			continue;
		uint32_t *slot = id_slot(g, b->id);
		if (*slot == NO_ARTICLE) {
			*slot = (uint32_t)i;
			continue;
		}
		/* The rest are still indexed: a link to them is no mistake. */
		struct sg_error why;
		sg_error_set(leave_dupes ? &why : unique ? err : NULL, "%s:1: error: the id "
			     "'%s' is also used by %s; rename one of the files", b->path, b->id,
			     g->articles[*slot].path);
		if (leave_dupes)
			leave_out(g, i, why.msg);
		unique = false;
	}
	return unique || leave_dupes;
}

static void default_index(struct guide *g)
{
	g->title = xstrdup("Guide");
	g->welcome = xstrdup("Choose a topic to read.");
	g->index_doc = doc_parse(DEFAULT_INDEX, strlen(DEFAULT_INDEX));
}

/* index.md is optional: its H1 names the guide and its paragraphs, one
 * per line, welcome the reader on the home screen. */
static bool read_index(struct guide *g, struct sg_error *err)
{
	char *path = join_path(g->dir, "index.md");
	struct buf src = BUF_INIT, text = BUF_INIT;
	bool ok = true, eof;
	if (access(path, F_OK) != 0) {
		default_index(g);
		goto done;
	}
	if (!(ok = read_file(path, 64 * 1024, &src, &eof, err)))
		goto done;
	cmark_node *doc = doc_parse(src.data ? src.data : "", src.len);
	clinic_apply(g->clinic, doc);
	g->index_doc = doc;
	for (cmark_node *n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
		if (!g->title && cmark_node_get_type(n) == CMARK_NODE_HEADING) {
			struct buf title = BUF_INIT;
			doc_plain_text(n, &title);
			g->title = buf_detach(&title);
		} else if (cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH) {
			if (text.len)
				buf_putc(&text, '\n');
			doc_plain_text(n, &text);
		}
	}
	if (!g->title)
		g->title = xstrdup("Guide");
	g->welcome = buf_detach(&text);
done:
	buf_free(&src);
	free(path);
	return ok;
}

bool guide_read_file(const char *path, struct buf *out, struct sg_error *err)
{
	bool eof;
	return read_file(path, MAX_FILE_BYTES, out, &eof, err);
}

/* clinic.md, when the folder has one.  A file that cannot be read gives
 * no details: the articles' words stay generic, and --check says why. */
static struct clinic *load_clinic(const char *dir)
{
	char *path = join_path(dir, CLINIC_FILE);
	struct buf src = BUF_INIT;
	struct clinic *c = NULL;
	if (access(path, F_OK) == 0 && guide_read_file(path, &src, NULL))
		c = clinic_parse(buf_str(&src), src.len, NULL);
	buf_free(&src);
	free(path);
	return c;
}

struct guide *guide_scan(const char *dir, struct sg_error *err)
{
	struct guide *g = xcalloc(1, sizeof *g);
	g->dir = xstrdup(dir);
	if (!scan_dir(g, err)) {
		guide_free(g);
		return NULL;
	}
	index_ids(g, false, NULL);
	for (size_t i = 0; i < g->count; i++)
		g->articles[i].head_read = true; /* names only: no title is read */
	g->title = xstrdup("");
	g->welcome = xstrdup("");
	g->docs = xcalloc(g->count, sizeof *g->docs);
	g->outlines = xcalloc(g->count, sizeof *g->outlines);
	g->doc_bytes = xcalloc(g->count, sizeof *g->doc_bytes);
	return g;
}

/* ---- leaving broken articles out ------------------------------------------ */

/* Article `i` cannot be shown: keep why, and mark it (no id) for
 * compact() to drop. */
static void leave_out(struct guide *g, size_t i, const char *why)
{
	struct article *a = &g->articles[i];
	g->left_out = xreallocarray(g->left_out, g->nleft_out + 1, sizeof *g->left_out);
	g->left_out[g->nleft_out++] = (struct left_out){a->id, xstrdup(why)};
	free(a->title);
	free(a->summary);
	*a = (struct article){0};
}

/* Drop the articles left out, and index the rest again. */
static void compact(struct guide *g)
{
	size_t kept = 0;
	for (size_t i = 0; i < g->count; i++)
		if (g->articles[i].id)
			g->articles[kept++] = g->articles[i];
	g->count = kept;
	index_ids(g, false, NULL); /* no id is left twice */
}

/* Drop the articles left out, and index the rest again.  False when
 * none is left. */
static bool keep_readable(struct guide *g, struct sg_error *err)
{
	compact(g);
	if (g->count == 0) {
		sg_error_set(err, "%s", g->left_out[0].why);
		return false;
	}
	return true;
}

/* Fill in article `i`'s title and summary from the head of its file.
 * False with `err` set when it has no title or cannot be read. */
static bool load_head(struct article *a, struct sg_error *err)
{
	struct head h;
	a->head_read = true;
	if (!read_head(a->path, &h, err))
		return false;
	a->title = h.title;
	a->summary = h.summary;
	a->title_line = h.title_line;
	return true;
}

/* A head that turned out broken after the guide was opened: the topic
 * stays on the list (its place may already be on screen), named by its
 * id, and says it cannot be shown. */
static void mark_broken(struct article *a)
{
	a->broken = true;
	a->title = xstrdup(a->id);
	a->summary = xstrdup("This topic cannot be shown right now. Please tell the staff.");
}

static bool read_heads(struct guide *g, bool lenient, struct sg_error *err)
{
	for (size_t i = 0; i < g->count; i++) {
		struct sg_error why;
		if (!load_head(&g->articles[i], lenient ? &why : err)) {
			if (!lenient)
				return false;
			leave_out(g, i, why.msg);
		}
	}
	return !g->nleft_out || keep_readable(g, err);
}

static struct guide *open_guide(const char *dir, bool lenient, struct sg_error *err)
{
	struct guide *g = xcalloc(1, sizeof *g);
	g->dir = xstrdup(dir);
	if (!scan_dir(g, err))
		goto fail;
	if (!index_ids(g, lenient, err))
		goto fail;
	if (g->nleft_out)
		compact(g);
	g->clinic = load_clinic(g->dir);
	struct sg_error why;
	if (!read_index(g, lenient ? &why : err)) {
		if (!lenient)
			goto fail;
		/* The topics can still be read: a plain welcome stands in. */
		g->index_problem = xstrdup(why.msg);
		default_index(g);
	}
	/* A large guide reads each head when it is first shown, so that
	 * start-up does not grow with the guide. */
	if ((!lenient || g->count <= GUIDE_EAGER_HEADS) && !read_heads(g, lenient, err))
		goto fail;
	g->docs = xcalloc(g->count, sizeof *g->docs);
	g->outlines = xcalloc(g->count, sizeof *g->outlines);
	g->doc_bytes = xcalloc(g->count, sizeof *g->doc_bytes);
	return g;
fail:
	guide_free(g);
	return NULL;
}

struct guide *guide_open(const char *dir, struct sg_error *err)
{
	return open_guide(dir, false, err);
}

struct guide *guide_open_readable(const char *dir, struct sg_error *err)
{
	return open_guide(dir, true, err);
}

size_t guide_left_out_count(const struct guide *g) { return g->nleft_out; }

const char *guide_left_out_why(const struct guide *g, const char *name)
{
	/* The forms --print and links take: "aftercare", "aftercare.md",
	 * "08-aftercare", "08-aftercare.md". */
	char id[NAME_MAX + 1];
	unsigned number;
	struct buf file = BUF_INIT;
	buf_puts(&file, name);
	if (file.len < 3 || strcmp(file.data + file.len - 3, ".md") != 0)
		buf_puts(&file, ".md");
	if (!guide_parse_filename(file.data, &number, id, sizeof id))
		snprintf(id, sizeof id, "%.*s", (int)(file.len - 3), file.data);
	buf_free(&file);
	for (size_t i = 0; i < g->nleft_out; i++)
		if (strcmp(g->left_out[i].id, id) == 0)
			return g->left_out[i].why;
	return NULL;
}

const char *guide_left_out(const struct guide *g, size_t i)
{
	return i < g->nleft_out ? g->left_out[i].why : NULL;
}

const char *guide_index_problem(const struct guide *g) { return g->index_problem; }

/* Edits (insert, delete, change a byte) from a to b, or more than `most`. */
static size_t edits(const char *a, const char *b, size_t most)
{
	size_t la = strlen(a), lb = strlen(b);
	if ((la > lb ? la - lb : lb - la) > most || lb >= 64)
		return most + 1;
	size_t row[64];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0], best = row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t change = diag + (a[i - 1] != b[j - 1]);
			size_t d = up + 1 < row[j - 1] + 1 ? up + 1 : row[j - 1] + 1;
			row[j] = change < d ? change : d;
			diag = up;
			best = row[j] < best ? row[j] : best;
		}
		if (best > most)
			return most + 1;
	}
	return row[lb];
}

const char *guide_nearest_id(const struct guide *g, const char *url) /* or an id */
{
	char name[64];
	size_t len = strcspn(url, "#");
	const char *slash = memchr(url, '/', len) ? strrchr(url, '/') : NULL;
	if (slash && (size_t)(slash - url) < len) {
		len -= (size_t)(slash + 1 - url);
		url = slash + 1;
	}
	if (len > 3 && memcmp(url + len - 3, ".md", 3) == 0)
		len -= 3;
	size_t digits = strspn(url, "0123456789");
	if (digits < len && url[digits] == '-') {
		url += digits + 1;
		len -= digits + 1;
	}
	if (len == 0 || len >= sizeof name)
		return NULL;
	memcpy(name, url, len);
	name[len] = '\0';
	const char *best = NULL;
	size_t fewest = 3;
	for (size_t i = 0; i < guide_count(g); i++) {
		const char *id = guide_article(g, i)->id;
		size_t e = edits(name, id, fewest - 1);
		if (e < fewest) {
			fewest = e;
			best = id;
		}
	}
	return best;
}

void guide_add_notice(struct guide *g, const char *text)
{
	if (!g->index_doc)
		return;
	cmark_node *quote = cmark_node_new(CMARK_NODE_BLOCK_QUOTE);
	cmark_node *para = cmark_node_new(CMARK_NODE_PARAGRAPH);
	cmark_node *words = cmark_node_new(CMARK_NODE_TEXT);
	cmark_node_set_literal(words, text);
	cmark_node_append_child(para, words);
	cmark_node_append_child(quote, para);
	cmark_node_append_child(g->index_doc, quote);
}

void guide_free(struct guide *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->count; i++) {
		free(g->articles[i].title);
		free(g->articles[i].summary);
		if (g->docs && g->docs[i])
			cmark_node_free(g->docs[i]);
		if (g->outlines)
			outline_free(g->outlines[i]);
	}
	if (g->index_doc)
		cmark_node_free(g->index_doc);
	clinic_free(g->clinic);
	for (size_t i = 0; i < g->nleft_out; i++)
		free(g->left_out[i].why);
	free(g->left_out);
	free(g->index_problem);
	free(g->articles);
	free(g->names);
	free(g->ids);
	free(g->docs);
	free(g->outlines);
	free(g->doc_bytes);
	free(g->dir);
	free(g->title);
	free(g->welcome);
	free(g);
}

const char *guide_dir(const struct guide *g) { return g->dir; }
const char *guide_title(const struct guide *g) { return g->title; }
const char *guide_welcome(const struct guide *g) { return g->welcome; }
size_t guide_count(const struct guide *g) { return g->count; }
size_t guide_parse_count(const struct guide *g) { return g->parses; }

size_t guide_heads_read(const struct guide *g)
{
	size_t n = 0;
	for (size_t i = 0; i < g->count; i++)
		n += g->articles[i].head_read;
	return n;
}

const struct article *guide_article(const struct guide *g, size_t i)
{
	if (i >= g->count)
		return NULL;
	/* Reading a head on demand changes no answer the guide has given:
	 * the article is the same, only known better. */
	struct article *a = &((struct guide *)g)->articles[i];
	if (!a->head_read && a->id) {
		struct sg_error err;
		if (!load_head(a, &err))
			mark_broken(a);
	}
	return a;
}

long guide_find(const struct guide *g, const char *id)
{
	if (!g->ids)
		return -1;
	uint32_t i = *id_slot(g, id);
	return i == NO_ARTICLE ? -1 : (long)i;
}

/* Move `i` to the front of the cache, evicting the oldest tree if full. */
static void evict_oldest(struct guide *g)
{
	size_t old = g->cache[--g->cached];
	cmark_node_free(g->docs[old]);
	g->docs[old] = NULL;
	outline_free(g->outlines[old]);
	g->outlines[old] = NULL;
	g->cached_bytes -= g->doc_bytes[old];
	g->doc_bytes[old] = 0;
}

/* Move `i` to the front of the cache.  The cache holds a few trees and
 * counts their bytes: a tree costs up to some 170 bytes of memory a byte
 * of source, so a few long articles must not stay in memory together. */
static void cache_touch(struct guide *g, size_t i)
{
	size_t pos = 0;
	while (pos < g->cached && g->cache[pos] != i)
		pos++;
	if (pos == g->cached)
		pos = g->cached++;
	memmove(g->cache + 1, g->cache, pos * sizeof *g->cache);
	g->cache[0] = i;
	while (g->cached > GUIDE_CACHE_SIZE ||
	       (g->cached > 1 && g->cached_bytes > GUIDE_CACHE_BYTES))
		evict_oldest(g);
}

cmark_node *guide_document(struct guide *g, size_t i, struct sg_error *err)
{
	if (i >= g->count)
		return NULL;
	if (!g->docs[i]) {
		struct buf src = BUF_INIT;
		bool eof;
		if (!read_file(g->articles[i].path, MAX_FILE_BYTES, &src, &eof, err)) {
			buf_free(&src);
			return NULL;
		}
		g->docs[i] = doc_parse(src.data ? src.data : "", src.len);
		clinic_apply(g->clinic, g->docs[i]);
		g->parses++;
		g->doc_bytes[i] = src.len;
		g->cached_bytes += src.len;
		buf_free(&src);
	}
	cache_touch(g, i);
	return g->docs[i];
}

const struct outline *guide_outline(struct guide *g, size_t i, struct sg_error *err)
{
	cmark_node *doc = guide_document(g, i, err);
	if (!doc)
		return NULL;
	if (!g->outlines[i])
		g->outlines[i] = outline_new(doc);
	return g->outlines[i];
}

const char *guide_section_title(struct guide *g, size_t i, const char *anchor)
{
	struct sg_error err;
	const struct outline *o = anchor && *anchor ? guide_outline(g, i, &err) : NULL;
	long h = o ? outline_find_anchor(o, anchor) : -1;
	return h >= 0 ? outline_heading(o, (size_t)h)->text : NULL;
}

cmark_node *guide_index(const struct guide *g)
{
	return g->index_doc;
}

enum guide_link guide_resolve(const struct guide *g, const char *target,
			      size_t *article, const char **fragment)
{
	const char *hash = strchr(target, '#');
	*fragment = hash ? hash + 1 : NULL;
	if (target[0] == '#')
		return GUIDE_LINK_ANCHOR;
	if (doc_url_is_external(target))
		return GUIDE_LINK_EXTERNAL;
	size_t len = hash ? (size_t)(hash - target) : strlen(target);
	const char *name = target;
	if (len >= 2 && strncmp(name, "./", 2) == 0) {
		name += 2;
		len -= 2;
	}
	char file[NAME_MAX + 1], id[NAME_MAX + 1];
	unsigned number;
	if (len < 4 || len > NAME_MAX || memchr(name, '/', len))
		return GUIDE_LINK_BROKEN;
	memcpy(file, name, len);
	file[len] = '\0';
	if (strcmp(file + len - 3, ".md") != 0)
		return GUIDE_LINK_BROKEN;
	long found = -1;
	if (guide_parse_filename(file, &number, id, sizeof id))
		found = guide_find(g, id);
	if (found < 0) {
		file[len - 3] = '\0';
		found = guide_find(g, file);
	}
	if (found < 0)
		return GUIDE_LINK_BROKEN;
	*article = (size_t)found;
	return GUIDE_LINK_ARTICLE;
}

long guide_lookup(const struct guide *g, const char *name)
{
	long found = guide_find(g, name);
	size_t len = strlen(name);
	if (found >= 0 || len == 0 || strchr(name, '#'))
		return found;
	/* The forms a link accepts, with ".md" added when it was left off. */
	struct buf file = BUF_INIT;
	buf_puts(&file, name);
	if (len < 3 || strcmp(name + len - 3, ".md") != 0)
		buf_puts(&file, ".md");
	size_t article;
	const char *fragment;
	if (guide_resolve(g, file.data, &article, &fragment) == GUIDE_LINK_ARTICLE)
		found = (long)article;
	buf_free(&file);
	return found;
}

cmark_node *guide_review(cmark_node *doc, struct buf *date)
{
	buf_clear(date);
	cmark_node *last = cmark_node_last_child(doc);
	/* Editors' notes may follow it: they are hidden. */
	while (last && cmark_node_get_type(last) == CMARK_NODE_HTML_BLOCK &&
	       !outline_counts(last))
		last = cmark_node_previous(last);
	if (!last || cmark_node_get_type(last) != CMARK_NODE_PARAGRAPH)
		return NULL;
	struct buf text = BUF_INIT;
	doc_plain_text(last, &text);
	const char *t = buf_str(&text);
	size_t label = strlen(GUIDE_REVIEWED);
	bool found = strncmp(t, GUIDE_REVIEWED, label) == 0;
	if (found) {
		t += label + strspn(t + label, " ");
		size_t len = strlen(t);
		while (len > 0 && t[len - 1] == ' ')
			len--;
		buf_append(date, t, len);
	}
	buf_free(&text);
	return found ? last : NULL;
}

bool guide_parse_date(const char *s, int *year, int *month, int *day)
{
	static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !(s[i] >= '0' && s[i] <= '9'))
			return false;
	if (s[10] != '\0')
		return false;
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (m < 1 || m > 12 || d < 1 || d > days[m - 1] || (m == 2 && d == 29 && !leap))
		return false;
	*year = y;
	*month = m;
	*day = d;
	return true;
}

const struct clinic *guide_clinic(const struct guide *g)
{
	return g->clinic;
}
