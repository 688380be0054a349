/* skinguide: command line.  Parses options, opens the content and hands
 * over to the reader, the printer or (later) the checker. */
#include <ctype.h>
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
#include "skinguide/plain.h"
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
	bool kiosk, plain;
	long idle;  /* --idle seconds, -1 when not given */
	int mouse;  /* --mouse: 1 on, 0 off, -1 the default for the session */
	const char *search;
};

/* A waiting-room patient who walks away: the guide starts over after
 * this many seconds without input. */
#define DEFAULT_IDLE 120
#define MAX_IDLE 86400

static const char usage_text[] =
	"Usage: skinguide [--content DIR] [--kiosk [--idle SECONDS]] [--plain]\n"
	"                 [--mouse on|off]           read the guide\n"
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
	"                  else " SKINGUIDE_CONTENT_DIR ",\n"
	"                  else ./content when that is not installed and\n"
	"                  ./content/index.md exists, as in the source tree)\n"
	"  --list          print each article's id, title and summary: in columns\n"
	"                  on a terminal, tab-separated into a pipe\n"
	"  --print ID      print article ID as plain text and exit; ID may also be\n"
	"                  a file name, as links give it (08-aftercare.md)\n"
	"  --width N       wrap --print text at N columns, at least 10 (default:\n"
	"                  $COLUMNS, else the terminal's width, else 80); lines are\n"
	"                  never wider than 76, a comfortable reading width\n"
	"  --format FMT    text (the default) or man: --print writes the article as\n"
	"                  a man page, --list the index page skinguide(7)\n"
	"  --kiosk         waiting-room mode: no key leaves or suspends the guide\n"
	"                  (only SIGTERM and SIGHUP end it); it starts over after\n"
	"                  --idle seconds without input (default 120, 0 never)\n"
	"  --plain         line by line, for screen readers and braille displays:\n"
	"                  numbered choices, no screen painting; also used when\n"
	"                  input or output is not a terminal, or TERM is dumb or\n"
	"                  unknown\n"
	"  --mouse on|off  clicks and taps (default: on, but off over SSH, where the\n"
	"                  terminal's own copy and paste matters more; on in kiosk)\n"
	"  --search QUERY  print the sections that answer QUERY, best first: the\n"
	"                  article's id, the section's anchor and a snippet,\n"
	"                  tab-separated into a pipe, id#anchor above the snippet\n"
	"                  on a terminal; exit 1 when nothing matches\n"
	"  --check [DIR]   check the articles in DIR (default: the content directory):\n"
	"                  titles, summaries, links, sections, reading level;\n"
	"                  exit 1 on any error\n"
	"  --help          show this help and exit\n"
	"  --version       show the version and exit\n"
	"\n"
	"Keys in the guide: arrows move and choose links, Enter opens, answers or\n"
	"reads on, Space reads on, Tab picks a link, Backspace or Esc goes back, m\n"
	"lists the topics, t lists sections, s searches (/ finds in a topic, n and N\n"
	"step through what was found), ? shows every key, q quits, Ctrl-Z stops\n"
	"until fg.  The readiness quiz is the last entry on the list of topics.\n"
	"\n"
	"Exit status: 0 ok, 1 bad content or unknown article, 2 bad usage, 128 + N\n"
	"when signal N ended the guide (130 for Ctrl-C).\n"
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

/* A second --list, --print, --search or --check: the same one twice is a slip of
 * its own, two different ones a choice to make. */
static int mode_twice(const struct cli *cli, enum mode second, const char *option)
{
	char msg[1024];
	if (second == MODE_PRINT && cli->mode == MODE_PRINT)
		snprintf(msg, sizeof msg, "--print given twice ('%s' and '%s'); print one "
			 "article at a time", cli->print_id, optarg);
	else if (second == cli->mode)
		snprintf(msg, sizeof msg, "%s given twice; give it once", option);
	else
		snprintf(msg, sizeof msg, "%s: choose one of --list, --print, --search and "
			 "--check", option);
	return usage_error("%s", msg);
}

/* --kiosk, --idle, --plain, --mouse (in that order from 0): how the
 * interactive guide runs.  False after a usage error was said. */
static bool parse_session_option(int which, const char *arg, struct cli *cli)
{
	char *end;
	switch (which) {
	case 0: cli->kiosk = true; return true;
	case 1:
		errno = 0;
		cli->idle = strtol(arg, &end, 10);
		if (errno || end == arg || *end || cli->idle < 0 || cli->idle > MAX_IDLE) {
			usage_error("--idle needs a number of seconds from 0 (never) to 86400, "
				    "not '%s'", arg);
			return false;
		}
		return true;
	case 2: cli->plain = true; return true;
	default:
		if (strcmp(arg, "on") != 0 && strcmp(arg, "off") != 0) {
			usage_error("--mouse takes on or off, not '%s'", arg);
			return false;
		}
		cli->mouse = strcmp(arg, "on") == 0;
		return true;
	}
}

static int check_session_options(const struct cli *cli)
{
	const char *opt = cli->kiosk ? "--kiosk" : cli->plain ? "--plain"
			: cli->mouse >= 0 ? "--mouse" : cli->idle >= 0 ? "--idle" : NULL;
	if (opt && cli->mode != MODE_UI)
		return usage_error("%s goes with the interactive guide, not with --list, "
				   "--print, --search or --check", opt);
	if (cli->idle >= 0 && !cli->kiosk)
		return usage_error("%s goes with --kiosk", "--idle");
	return -1;
}

/* Returns -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, struct cli *cli)
{
	enum { OPT_CONTENT = 256, OPT_LIST, OPT_PRINT, OPT_WIDTH, OPT_FORMAT,
	       OPT_CHECK, OPT_HELP, OPT_VERSION, OPT_KIOSK, OPT_IDLE, OPT_PLAIN, OPT_MOUSE,
	       OPT_SEARCH };
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
		{"kiosk", no_argument, NULL, OPT_KIOSK},
		{"idle", required_argument, NULL, OPT_IDLE},
		{"plain", no_argument, NULL, OPT_PLAIN},
		{"mouse", required_argument, NULL, OPT_MOUSE},
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
				return mode_twice(cli, c == OPT_LIST ? MODE_LIST : c == OPT_PRINT
						  ? MODE_PRINT : MODE_CHECK, c == OPT_LIST ? "--list"
						  : c == OPT_PRINT ? "--print" : "--check");
			cli->mode = c == OPT_LIST ? MODE_LIST : c == OPT_PRINT ? MODE_PRINT
				  : MODE_CHECK;
			if (c == OPT_PRINT)
				cli->print_id = optarg;
			break;
		case OPT_SEARCH:
			if (cli->mode != MODE_UI)
				return mode_twice(cli, MODE_SEARCH, "--search");
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
		case OPT_KIOSK:
		case OPT_IDLE:
		case OPT_PLAIN:
		case OPT_MOUSE:
			if (!parse_session_option(c - OPT_KIOSK, optarg, cli))
				return EXIT_USAGE;
			break;
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
	return check_session_options(cli);
}

/* The folder a build uses from its source tree, before `make install`. */
#define SOURCE_TREE_CONTENT "content"

/* Whether the content folder was named (--content, SKINGUIDE_CONTENT)
 * rather than taken by default. */
static bool content_named(const struct cli *cli)
{
	const char *env = getenv("SKINGUIDE_CONTENT");
	return cli->content || (env && *env);
}

/* --content, else $SKINGUIDE_CONTENT, else the installed folder; when
 * nothing is installed, ./content of a source tree (it has index.md), so
 * that ./skinguide works right after make. */
static const char *content_dir(const struct cli *cli)
{
	if (cli->content)
		return cli->content;
	const char *env = getenv("SKINGUIDE_CONTENT");
	if (env && *env)
		return env;
	if (access(SKINGUIDE_CONTENT_DIR, F_OK) != 0 &&
	    access(SOURCE_TREE_CONTENT "/index.md", F_OK) == 0)
		return SOURCE_TREE_CONTENT;
	return SKINGUIDE_CONTENT_DIR;
}

/* After a failure to open the default folder: how to name another. */
static void hint_content(const struct cli *cli, const char *dir)
{
	if (content_named(cli) || access(dir, F_OK) == 0)
		return;
	complain("give the content folder with --content DIR or SKINGUIDE_CONTENT=DIR; "
		 "'make install' puts the guide's articles in %s", SKINGUIDE_CONTENT_DIR);
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

static bool names_utf8(const char *locale)
{
	char low[64];
	size_t i = 0;
	for (; locale[i] && i + 1 < sizeof low; i++)
		low[i] = (char)tolower((unsigned char)locale[i]);
	low[i] = '\0';
	return strstr(low, "utf-8") || strstr(low, "utf8");
}

/* The locale the environment names.  One that names UTF-8 but is not
 * installed on this computer (LC_ALL=en_US.UTF-8 over SSH to a host with
 * only C.UTF-8) gets C.UTF-8, not the C locale's plain ASCII. */
static void setup_locale(void)
{
	if (setlocale(LC_ALL, ""))
		return;
	static const char *const vars[] = {"LC_ALL", "LC_CTYPE", "LANG"};
	for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v) {
			if (names_utf8(v))
				setlocale(LC_ALL, "C.UTF-8");
			return;
		}
	}
}

static bool locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

static int run_print(struct guide *g, const struct cli *cli)
{
	long i = guide_lookup(g, cli->print_id);
	const char *why = i < 0 ? guide_left_out_why(g, cli->print_id) : NULL;
	if (why) {
		complain("%s", why);
		return EXIT_RUNTIME;
	}
	if (i < 0) {
		const char *near = guide_nearest_id(g, cli->print_id);
		if (near)
			complain("no article with the id '%s' in %s; did you mean '%s'?",
				 cli->print_id, guide_dir(g), near);
		else
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
	bool ascii = !locale_is_utf8(), tty = isatty(STDOUT_FILENO);
	for (size_t i = 0; i < r->count; i++) {
		const struct search_hit *h = &r->hits[i];
		const char *id = guide_article(g, h->article)->id;
		buf_clear(&line);
		buf_clear(&plain);
		if (!tty) { /* a line a result, tab-separated, for scripts */
			buf_printf(&line, "%s\t%s\t%s\n", id, h->anchor ? h->anchor : "",
				   h->snippet);
			if (ascii)
				text_to_ascii(&plain, line.data, line.len);
			fputs(ascii ? plain.data : line.data, stdout);
			continue;
		}
		/* For a person: where, as --print and a link name it, then the
		 * snippet wrapped under it. */
		printf("%s%s%s%s\n", i ? "\n" : "", id, h->anchor ? "#" : "",
		       h->anchor ? h->anchor : "");
		if (ascii)
			text_to_ascii(&plain, h->snippet, strlen(h->snippet));
		print_indented(stdout, ascii ? plain.data : h->snippet, 2, print_width(cli));
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

/* Mouse reporting takes the terminal's own text selection away, which
 * over SSH is how people copy and paste: off there unless asked for; on
 * for a kiosk's touch screen and on a local terminal. */
static bool mouse_wanted(const struct cli *cli)
{
	if (cli->mouse >= 0)
		return cli->mouse == 1;
	const char *ssh = getenv("SSH_CONNECTION");
	return cli->kiosk || !(ssh && *ssh);
}

/* The full screen when there is a terminal that can take it, else the
 * plain mode, with a note when the terminal type was the reason. */
static int run_interactive(struct guide *g, const struct cli *cli)
{
	bool ascii = !locale_is_utf8();
	unsigned idle = cli->idle >= 0 ? (unsigned)cli->idle : DEFAULT_IDLE;
	struct sg_error err;
	bool tty = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	if (!cli->plain && tty && ui_terminal_usable(&err)) {
		struct ui_opts opts = {.ascii = ascii, .kiosk = cli->kiosk,
				       .mouse = mouse_wanted(cli), .idle = idle};
		int status = ui_run(g, &opts, &err);
		if (status == 1)
			complain("%s", err.msg);
		return status;
	}
	if (!cli->plain && tty)
		complain("%s", err.msg);
	struct plain_opts opts = {.ascii = ascii, .kiosk = cli->kiosk,
				  .width = print_width(cli), .idle = idle};
	return plain_main(g, &opts);
}

/* Articles that could not be read were left out.  The home screen says
 * so to staff (not in a waiting room); other modes say it on stderr. */
static void note_left_out(struct guide *g, const struct cli *cli)
{
	size_t n = guide_left_out_count(g);
	const char *index = guide_index_problem(g);
	if ((n == 0 && !index) || cli->kiosk)
		return;
	struct buf text = BUF_INIT;
	/* "--check" in plain hyphens, so that staff can copy it: lines never
	 * break after the hyphens that start a word.  The folder is named:
	 * --check alone would check the default one. */
	if (n)
		buf_printf(&text, "%zu topic%s left out because %s cannot be read. Run "
			   "skinguide --check %s to see why.", n, n == 1 ? " was" : "s were",
			   n == 1 ? "it" : "they", guide_dir(g));
	else
		buf_printf(&text, "The welcome page (index.md) cannot be read. Run "
			   "skinguide --check %s to see why.", guide_dir(g));
	if (cli->mode == MODE_UI)
		guide_add_notice(g, text.data);
	else
		complain("note: %s", text.data);
	buf_free(&text);
}

static int run_check(const struct cli *cli)
{
	const char *dir = cli->check_dir ? cli->check_dir : content_dir(cli);
	struct check_result res;
	check_dir(dir, stdout, &res);
	if (!cli->check_dir)
		hint_content(cli, dir);
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
	setup_locale();
	struct cli cli = {.idle = -1, .mouse = -1};
	int status = parse_args(argc, argv, &cli);
	if (status >= 0)
		return status;
	if (cli.mode == MODE_CHECK)
		return finish_output(run_check(&cli));
	struct sg_error err;
	struct guide *g = guide_open_readable(content_dir(&cli), &err);
	if (!g) {
		complain("%s", err.msg);
		hint_content(&cli, content_dir(&cli));
		return EXIT_RUNTIME;
	}
	note_left_out(g, &cli);
	switch (cli.mode) {
	case MODE_LIST:
		if (cli.format && strcmp(cli.format, "man") == 0)
			man_index(stdout, g, SKINGUIDE_DATE, SKINGUIDE_VERSION);
		else if (isatty(STDOUT_FILENO))
			print_list_columns(stdout, g, print_width(&cli), !locale_is_utf8());
		else /* tabs, for cut, sort and scripts */
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
	case MODE_UI:
		status = run_interactive(g, &cli);
		break;
	}
	guide_free(g);
	return finish_output(status);
}
