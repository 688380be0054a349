/* tmpdir: scratch directories for the unit tests that need files.
 * Header-only and static inline: each test program takes what it uses. */
#ifndef SKINGUIDE_TEST_TMPDIR_H
#define SKINGUIDE_TEST_TMPDIR_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "skinguide/buf.h"

/** A new empty directory under /tmp; caller frees the name. */
static inline char *tmpdir_make(const char *prefix)
{
	struct buf tmpl = BUF_INIT;
	buf_printf(&tmpl, "/tmp/%s-XXXXXX", prefix);
	if (!mkdtemp(tmpl.data))
		abort();
	return buf_detach(&tmpl);
}

/** Write `n` bytes to dir/name; false when that fails. */
static inline int tmpdir_write(const char *dir, const char *name, const char *s, size_t n)
{
	struct buf path = BUF_INIT;
	buf_printf(&path, "%s/%s", dir, name);
	FILE *f = fopen(path.data, "wb");
	buf_free(&path);
	if (!f)
		return 0;
	size_t written = fwrite(s, 1, n, f);
	return fclose(f) == 0 && written == n;
}

/** Remove `dir`, its files and its empty subdirectories. */
static inline void tmpdir_remove(const char *dir)
{
	DIR *d = opendir(dir);
	if (d) {
		struct dirent *e;
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			struct buf path = BUF_INIT;
			buf_printf(&path, "%s/%s", dir, e->d_name);
			if (unlink(path.data) != 0)
				rmdir(path.data);
			buf_free(&path);
		}
		closedir(d);
	}
	rmdir(dir);
}

/** Remove *dir as tmpdir_remove does, free the name and set *dir to NULL;
 *  a NULL *dir is fine (for teardowns). */
static inline void tmpdir_forget(char **dir)
{
	if (!*dir)
		return;
	tmpdir_remove(*dir);
	free(*dir);
	*dir = NULL;
}

#endif
