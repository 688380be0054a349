/* skinguide: command line.  Parses options, opens the content and hands
 * over to the reader, the printer or (later) the checker. */
#include <errno.h>
#include <stdarg.h>
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "config.h"
#include "skinguide/check.h"
#include "skinguide/content.h"
#include "skinguide/man.h"
#include "skinguide/print.h"
#include "skinguide/search.h"
#include "skinguide/text.h"
#include "skinguide/ui.h"

enum { EXIT_RUNTIME = 1, EXIT_USAGE = 2 };

enum mode { MODE_UI, MODE_LIST, MODE_PRINT, MODE_CHECK, MODE_SEARCH };

struct cli {
	enum mode mode;
	const char *content;
	const char *print_id;
	long width; /* 0: from the terminal, else 80 */
	const char *format;
	const char *check_dir;
	const char *search;
};

static const char usage_text[] =
	"Usage: skinguide [--content DIR]            read the guide\n"
	"       skinguide --list [--format text|man] list the articles\n"
	"       skinguide --print ID [--width N] [--format text|man]\n"
	"                                            print one article\n"
	"       skinguide --search QUERY             ranked results, one per line\n"
	"       skinguide --check [DIR]              check the content for editors\n"
	"       skinguide --help | --version\n"
	"\n"
	"A calm, plain-language guide for patients, read in a terminal.\n"
	"It is general education, not medical advice: your clinic's own\n"
	"instructions come first.\n"
	"\n"
	"Options:\n"
	"  --content DIR   read articles from DIR (default: $SKINGUIDE_CONTENT,\n"
	"                  else " SKINGUIDE_CONTENT_DIR ")\n"
	"  --list          print each article's id, title and summary, tab-separated\n"
	"  --print ID      print article ID as plain text and exit\n"
	"  --width N       wrap --print text at N columns, at least 10 (default:\n"
	"                  $COLUMNS, else the terminal's width, else 80); lines are\n"
	"                  never wider than 76, a comfortable reading width\n"
	"  --format FMT    text (the default) or man: --print writes the article as\n"
	"                  a man page, --list the index page skinguide(7)\n"
	"  --search QUERY  print the sections that answer QUERY, best first: the\n"
	"                  article's id, the section's anchor and a snippet,\n"
	"                  tab-separated; exit 1 when nothing matches\n"
	"  --check [DIR]   check the articles in DIR (default: the content directory):\n"
	"                  titles, summaries, links, sections, reading level;\n"
	"                  exit 1 on any error\n"
	"  --help          show this help and exit\n"
	"  --version       show the version and exit\n"
	"\n"
	"Keys in the guide: arrows move and choose links, Enter opens or reads on,\n"
	"Space reads on, Tab picks a link, Backspace or Esc goes back, m lists the\n"
	"topics, t lists sections, ? shows every key, q quits.\n"
	"\n"
	"Exit status: 0 ok, 1 bad content or unknown article, 2 bad usage.\n"
	"Content: one Markdown file per article, named NN-id.md; see\n"
	"skinguide-content(5).\n";

/* Every message goes through here: it may quote a path, an id or an
 * option someone typed, and none of those may carry escape codes to the
 * terminal. */
__attribute__((format(printf, 1, 2)))
static void complain(const char *fmt, ...)
{
	char raw[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, fmt, ap);
	va_end(ap);
	struct buf clean = BUF_INIT;
	text_sanitize(&clean, raw, strlen(raw), true);
	fprintf(stderr, "skinguide: %s\n", clean.data ? clean.data : "");
	buf_free(&clean);
}

static int usage_error(const char *fmt, const char *arg)
{
	char msg[1024];
	snprintf(msg, sizeof msg, fmt, arg);
	complain("%s\nTry 'skinguide --help' for the options.", msg);
	return EXIT_USAGE;
}

static bool parse_width(const char *s, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < LAYOUT_MIN_WIDTH || v > 10000)
		return false;
	*out = v;
	return true;
}

/* Returns -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, struct cli *cli)
{
	enum { OPT_CONTENT = 256, OPT_LIST, OPT_PRINT, OPT_WIDTH, OPT_FORMAT,
	       OPT_CHECK, OPT_HELP, OPT_VERSION, OPT_SEARCH };
	static const struct option longopts[] = {
		{"content", required_argument, NULL, OPT_CONTENT},
		{"list", no_argument, NULL, OPT_LIST},
		{"print", required_argument, NULL, OPT_PRINT},
		{"width", required_argument, NULL, OPT_WIDTH},
		{"format", required_argument, NULL, OPT_FORMAT},
		{"check", no_argument, NULL, OPT_CHECK},
		{"search", required_argument, NULL, OPT_SEARCH},
		{"help", no_argument, NULL, OPT_HELP},
		{"version", no_argument, NULL, OPT_VERSION},
		{NULL, 0, NULL, 0},
	};
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_CONTENT: cli->content = optarg; break;
		case OPT_LIST:
		case OPT_PRINT:
		case OPT_CHECK:
			if (cli->mode != MODE_UI)
				return usage_error("%s: choose one of --list, --print, "
						   "--search and --check", c == OPT_LIST
						   ? "--list" : c == OPT_PRINT ? "--print"
						   : "--check");
			cli->mode = c == OPT_LIST ? MODE_LIST : c == OPT_PRINT ? MODE_PRINT
				  : MODE_CHECK;
			if (c == OPT_PRINT)
				cli->print_id = optarg;
			break;
		case OPT_SEARCH:
			if (cli->mode != MODE_UI)
				return usage_error("%s: choose one of --list, --print, --search "
						   "and --check", "--search");
			cli->mode = MODE_SEARCH;
			cli->search = optarg;
			if (!optarg[strspn(optarg, " \t\n\r\f\v")])
				return usage_error("%s needs words to look for", "--search");
			break;
		case OPT_FORMAT: cli->format = optarg; break;
		case OPT_WIDTH:
			if (!parse_width(optarg, &cli->width))
				return usage_error("--width needs a number of columns from 10 up, "
						   "not '%s'", optarg);
			break;
		case 'h':
		case OPT_HELP: fputs(usage_text, stdout); return 0;
		case OPT_VERSION: puts("skinguide " SKINGUIDE_VERSION); return 0;
		case ':':
			return usage_error("option '%s' needs a value", argv[optind - 1]);
		default:
			return usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}
	/* --check takes its directory as an optional operand. */
	if (cli->mode == MODE_CHECK && optind < argc)
		cli->check_dir = argv[optind++];
	if (optind < argc)
		return usage_error("unexpected argument '%s'", argv[optind]);
	if (cli->format && strcmp(cli->format, "text") != 0 && strcmp(cli->format, "man") != 0)
		return usage_error("unknown --format '%s'; use text or man", cli->format);
	if (cli->width && cli->mode != MODE_PRINT)
		return usage_error("%s goes with --print ID", "--width");
	if (cli->format && cli->mode != MODE_PRINT && cli->mode != MODE_LIST)
		return usage_error("%s goes with --print ID or --list", "--format");
	return -1;
}

static const char *content_dir(const struct cli *cli)
{
	if (cli->content)
		return cli->content;
	const char *env = getenv("SKINGUIDE_CONTENT");
	return env && *env ? env : SKINGUIDE_CONTENT_DIR;
}

/* --width, else $COLUMNS, else the terminal the user sits at (even when
 * the output goes into a pipe to less), else 80. */
static size_t print_width(const struct cli *cli)
{
	if (cli->width)
		return (size_t)cli->width;
	const char *env = getenv("COLUMNS");
	long cols;
	if (env && parse_width(env, &cols))
		return (size_t)cols;
	static const int fds[] = {STDOUT_FILENO, STDERR_FILENO, STDIN_FILENO};
	for (size_t i = 0; i < sizeof fds / sizeof *fds; i++) {
		struct winsize ws;
		if (isatty(fds[i]) && ioctl(fds[i], TIOCGWINSZ, &ws) == 0 && ws.ws_col)
			return ws.ws_col;
	}
	return 80;
}

static bool locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

static int run_print(struct guide *g, const struct cli *cli)
{
	long i = guide_find(g, cli->print_id);
	if (i < 0) {
		complain("no article with the id '%s' in %s; 'skinguide --list' shows "
			 "the ids", cli->print_id, guide_dir(g));
		return EXIT_RUNTIME;
	}
	struct sg_error err;
	bool ok = cli->format && strcmp(cli->format, "man") == 0
		? man_article(stdout, g, (size_t)i, SKINGUIDE_DATE, SKINGUIDE_VERSION, &err)
		: print_article(stdout, g, (size_t)i, print_width(cli), !locale_is_utf8(), &err);
	if (!ok) {
		complain("%s", err.msg);
		return EXIT_RUNTIME;
	}
	return 0;
}

/* --search: one line per hit, "id<TAB>anchor<TAB>snippet", best first.
 * Every field is plain text: snippets come sanitised from the index. */
static int run_search(struct guide *g, const struct cli *cli)
{
	struct sg_error err;
	struct search *s = search_new(g, NULL, &err);
	if (!s) {
		complain("%s", err.msg);
		return EXIT_RUNTIME;
	}
	struct search_results *r = search_query(s, cli->search, strlen(cli->search));
	if (r->corrected)
		complain("showing results for '%s'", r->corrected);
	struct buf line = BUF_INIT, plain = BUF_INIT;
	bool ascii = !locale_is_utf8();
	for (size_t i = 0; i < r->count; i++) {
		const struct search_hit *h = &r->hits[i];
		buf_clear(&line);
		buf_printf(&line, "%s\t%s\t%s\n", guide_article(g, h->article)->id,
			   h->anchor ? h->anchor : "", h->snippet);
		buf_clear(&plain);
		if (ascii)
			text_to_ascii(&plain, line.data, line.len);
		fputs(ascii ? plain.data : line.data, stdout);
	}
	if (!r->count)
		complain("nothing found for '%s'; try other words", cli->search);
	int status = r->count ? 0 : EXIT_RUNTIME;
	buf_free(&line);
	buf_free(&plain);
	search_results_free(r);
	search_free(s);
	return status;
}

/* Output that could not be written (a full disk, a closed pipe) is a
 * failure, whatever else went well. */
static int finish_output(int status)
{
	if ((fflush(stdout) != 0 || ferror(stdout)) && status == 0) {
		complain("cannot write the output: %s", strerror(errno));
		status = EXIT_RUNTIME;
	}
	return status;
}

static int run_check(const struct cli *cli)
{
	const char *dir = cli->check_dir ? cli->check_dir : content_dir(cli);
	struct check_result res;
	check_dir(dir, stdout, &res);
	struct buf shown = BUF_INIT;
	text_sanitize(&shown, dir, strlen(dir), false);
	printf("\ncheck: %zu error%s, %zu warning%s in %zu article%s of %s\n", res.errors,
	       res.errors == 1 ? "" : "s", res.warnings, res.warnings == 1 ? "" : "s",
	       res.articles, res.articles == 1 ? "" : "s", shown.data ? shown.data : "");
	buf_free(&shown);
	return res.errors ? EXIT_RUNTIME : 0;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	struct cli cli = {0};
	int status = parse_args(argc, argv, &cli);
	if (status >= 0)
		return status;
	if (cli.mode == MODE_CHECK)
		return finish_output(run_check(&cli));
	struct sg_error err;
	struct guide *g = guide_open(content_dir(&cli), &err);
	if (!g) {
		complain("%s", err.msg);
		return EXIT_RUNTIME;
	}
	switch (cli.mode) {
	case MODE_LIST:
		if (cli.format && strcmp(cli.format, "man") == 0)
			man_index(stdout, g, SKINGUIDE_DATE, SKINGUIDE_VERSION);
		else
			print_list(stdout, g, !locale_is_utf8());
		status = 0;
		break;
	case MODE_CHECK:
		break;
	case MODE_PRINT:
		status = run_print(g, &cli);
		break;
	case MODE_SEARCH:
		status = run_search(g, &cli);
		break;
	case MODE_UI: {
		struct ui_opts opts = {.ascii = !locale_is_utf8()};
		status = ui_run(g, &opts, &err);
		if (status)
			complain("%s", err.msg);
		break;
	}
	}
	guide_free(g);
	return finish_output(status);
}
