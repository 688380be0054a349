#!/usr/bin/env python3
"""make bench: one table of skinguide's costs beside less, lowdown and cmark,
on the shipped guide and on generated guides of 1,000, 10,000 and 50,000
articles.  Usage: table.py BINARY SEARCH_HARNESS BENCH_DIR.

Every program is started from this process and timed with the monotonic
clock; interactive ones run in bench/harness.py's 80x24 pseudo-terminal.
Times are medians of BENCH_RUNS runs (default 9).  The table is Markdown,
aligned so that it reads in a terminal too."""
import glob
import os
import shutil
import statistics
import subprocess
import sys
import time

import harness

SIZES = (0, 100, 1000, 10000, 50000)  # 0: the shipped content/
RUNS = int(os.environ.get("BENCH_RUNS", "9"))
PAGE_DOWN, BACKSPACE, ESC = b"\x1b[6~", b"\x7f", b"\x1b"

# skinguide: home, a topic, a line, a page, back home, and back with Esc.
SKINGUIDE_STEPS = [
    ("first", None, "text", b"Topic 1 of"),
    ("open", b"\r", "text", b"Topics m"),
    ("line", b"j", "quiet", None),
    ("page", PAGE_DOWN, "quiet", None),
    ("back", BACKSPACE, "text", b"Topic 1 of"),
    ("reopen", b"\r", "text", b"Topics m"),
    ("esc", ESC, "text", b"Topic 1 of"),
]
# less on the article the guide opens first and on a copy of it: its first
# screen, :n to the copy (opening the same article), a line, a page, and
# :p back to the first file.
LESS_STEPS = [
    ("first", None, "text", b"(file 1 of 2)"),
    ("open", b":n", "text", b"(file 2 of 2)"),
    ("line", b"j", "quiet", None),
    ("page", PAGE_DOWN, "quiet", None),
    ("back", b":p", "text", b"(file 1 of 2)"),
]


def say(msg):
    print("bench: " + msg, file=sys.stderr, flush=True)


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def run_ms(argv):
    """Wall time of one run with its output to a pipe, in ms."""
    t0 = time.monotonic()
    subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False)
    return (time.monotonic() - t0) * 1000


def gnu_time_mb(argv):
    """Peak resident memory of one run by GNU time, in MB, or None."""
    if not os.access("/usr/bin/time", os.X_OK):
        return None
    res = subprocess.run(["/usr/bin/time", "-f", "%M"] + argv, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True, check=False)
    try:
        return int(res.stderr.strip().splitlines()[-1]) / 1024
    except (IndexError, ValueError):
        return None


class Guide:
    """One guide to measure: its directory, the article it opens first, and
    a copy of that article for less's :n."""

    def __init__(self, n, bench_dir):
        self.n = n
        if n == 0:
            self.dir = "content"
        else:
            self.dir = os.path.join(bench_dir, "g%d" % n)
            if not os.path.exists(os.path.join(self.dir, ".complete")):
                say("writing a guide of %s articles into %s" % (format(n, ","), self.dir))
            subprocess.run(["sh", "bench/gen.sh", str(n), self.dir], check=True)
        self.count = len(glob.glob(os.path.join(self.dir, "[0-9]*.md")))
        self.article = sorted(glob.glob(os.path.join(self.dir, "[0-9]*.md")))[0]
        self.copy = os.path.join(bench_dir, "less-copy-%d.md" % n)
        shutil.copyfile(self.article, self.copy)

    def label(self):
        return "shipped (%d)" % self.count if self.n == 0 else format(self.n, ",")


def tui(binary, guide):
    """Sessions of skinguide and less, interleaved so that both see the
    same load: {("sg"|"less", step): median ms, ...}."""
    sg_argv = [binary, "--content", guide.dir]
    less_argv = ["less", guide.article, guide.copy]
    tools = [("sg", sg_argv, SKINGUIDE_STEPS)]
    if shutil.which("less"):
        tools.append(("less", less_argv, LESS_STEPS))
    got = {}
    for _ in range(RUNS):
        for tool, argv, steps in tools:
            times, peak = harness.session(argv, steps)
            for step, ms in times.items():
                if ms is None and dict((s[0], s[2]) for s in steps)[step] == "text":
                    say("%s: no answer to step '%s' within %d s" % (argv[0], step,
                                                                    harness.TIMEOUT))
                got.setdefault((tool, step), []).append(ms)
            got.setdefault((tool, "peak"), []).append(peak)
    out = {key: median(v) for key, v in got.items()}
    if shutil.which("strace"):
        for tool, argv, steps in tools:
            for step, wb in harness.writes(argv, steps).items():
                out[(tool, "writes", step)] = wb
    return out


def printing(binary, guide):
    """--print beside lowdown -tterm and cmark on the same file."""
    listing = subprocess.run([binary, "--content", guide.dir, "--list"], check=True,
                             stdout=subprocess.PIPE, text=True).stdout
    art_id = listing.split("\t", 1)[0]
    cmds = {
        "print": [binary, "--content", guide.dir, "--print", art_id, "--width", "80"],
        "man": [binary, "--content", guide.dir, "--print", art_id, "--format", "man"],
        "lowdown": ["lowdown", "-tterm", "--term-columns=80", guide.article],
        "cmark": ["cmark", guide.article],
    }
    cmds = {name: argv for name, argv in cmds.items() if shutil.which(argv[0])}
    got = {}
    for _ in range(RUNS):
        for name, argv in cmds.items():
            got.setdefault(name, []).append(run_ms(argv))
    out = {("pr", name): median(v) for name, v in got.items()}
    for name in ("print", "lowdown", "cmark"):
        if name in cmds:
            out[("pr", name + "-mb")] = gnu_time_mb(cmds[name])
    return out


def checking(binary, guide):
    """--check beside cmark converting the same files, up to 10,000
    articles (at 50,000 a run takes seconds); on the shipped guide also
    each program starting and doing nothing (--version), the part of the
    cost that does not grow with the guide."""
    if guide.n > 10000:
        return {}
    cmds = {"check": [binary, "--check", guide.dir]}
    if shutil.which("cmark"):
        cmds["cmark"] = ["cmark"] + sorted(glob.glob(os.path.join(guide.dir, "*.md")))
    if guide.n == 0:
        cmds["version"] = [binary, "--version"]
        if shutil.which("cmark"):
            cmds["cmark-version"] = ["cmark", "--version"]
    got = {}
    for _ in range(RUNS):
        for name, argv in cmds.items():
            got.setdefault(name, []).append(run_ms(argv))
    return {("ck", name): median(v) for name, v in got.items()}


def search(harness_bin, guide):
    """The search engine's figures from bench/search.c, beside grep -ril."""
    if not harness_bin or not os.access(harness_bin, os.X_OK):
        return {}
    res = subprocess.run([harness_bin, guide.dir], stdout=subprocess.PIPE, text=True,
                         check=False)
    fields = res.stdout.split()
    if res.returncode != 0 or len(fields) != 7:
        say("bench-search failed on " + guide.dir)
        return {}
    _, _, build, key_med, key_max, mb, thread = (float(f) for f in fields)
    grep = median([run_ms(["grep", "-ril", "sunscreen", guide.dir]) for _ in range(RUNS)])
    return {("se", "build"): build, ("se", "thread"): thread, ("se", "key"): key_med,
            ("se", "keymax"): key_max, ("se", "mb"): mb, ("se", "grep"): grep}


def fmt(v, unit="ms"):
    if v is None:
        return "-"
    if isinstance(v, tuple):
        return "%s / %s" % (format(v[0], ","), format(v[1], ","))
    if unit == "x":
        return "%.1fx" % v if v < 10 else "%.0fx" % v
    if unit == "MB" or 1 <= v < 100:
        return "%.1f" % v
    return "%.2f" % v if v < 1 else format(round(v), ",")


def growth(row, unit):
    """How a cost grows from 10,000 to 50,000 articles, five times the
    guide: flat (at most 1.5 times), sublinear, linear (up to 6.5 times,
    for noise) or superlinear.  A change under a millisecond, or of two
    writes and 200 bytes, is noise and counts as flat."""
    a, b = row.get(10000), row.get(50000)
    if a is None or b is None or unit == "x":
        return ""
    if isinstance(a, tuple):
        if abs(b[0] - a[0]) <= 2 and abs(b[1] - a[1]) <= 200:
            return "flat"
        a, b = a[1], b[1]
    times = b / a if a else float("inf")
    if times <= 1.5 or (unit == "ms" and b - a < 1):
        word = "flat"
    elif times <= 3.5:
        word = "sublinear"
    elif times <= 6.5:
        word = "linear"
    else:
        word = "superlinear"
    return "%.1fx, %s" % (times, word)


def ratio(a, b):
    return a / b if a is not None and b else None


# (label, unit, how to get the value from one guide's figures); a unit
# ending in "=" marks a program that reads one article at every size, whose
# growth is not the guide's.
ROWS = [
    ("first frame ms: skinguide (home)", "ms", lambda f: f.get(("sg", "first"))),
    ("first frame ms: less (same article)", "ms=", lambda f: f.get(("less", "first"))),
    ("first frame: skinguide / less", "x",
     lambda f: ratio(f.get(("sg", "first")), f.get(("less", "first")))),
    ("open ms: skinguide (topic from home)", "ms", lambda f: f.get(("sg", "open"))),
    ("open ms: less (:n, same article)", "ms=", lambda f: f.get(("less", "open"))),
    ("open: skinguide / less", "x",
     lambda f: ratio(f.get(("sg", "open")), f.get(("less", "open")))),
    ("back ms: skinguide (Backspace)", "ms", lambda f: f.get(("sg", "back"))),
    ("back ms: skinguide (Esc)", "ms", lambda f: f.get(("sg", "esc"))),
    ("back ms: less (:p)", "ms=", lambda f: f.get(("less", "back"))),
    ("back: skinguide (Backspace) / less", "x",
     lambda f: ratio(f.get(("sg", "back")), f.get(("less", "back")))),
    ("one line ms: skinguide (j)", "ms", lambda f: f.get(("sg", "line"))),
    ("one line ms: less (j)", "ms=", lambda f: f.get(("less", "line"))),
    ("one line: skinguide / less", "x",
     lambda f: ratio(f.get(("sg", "line")), f.get(("less", "line")))),
    ("page ms: skinguide (PgDn)", "ms", lambda f: f.get(("sg", "page"))),
    ("page ms: less (PgDn)", "ms=", lambda f: f.get(("less", "page"))),
    ("page: skinguide / less", "x",
     lambda f: ratio(f.get(("sg", "page")), f.get(("less", "page")))),
    ("peak MB, session: skinguide", "MB", lambda f: f.get(("sg", "peak"))),
    ("peak MB, session: less", "MB=", lambda f: f.get(("less", "peak"))),
    ("peak memory: skinguide / less", "x",
     lambda f: ratio(f.get(("sg", "peak")), f.get(("less", "peak")))),
]
for _step, _name in (("first", "first frame"), ("open", "open"), ("line", "one line"),
                     ("page", "page"), ("back", "back")):
    ROWS += [
        ("writes / bytes, %s: skinguide" % _name, "wb",
         lambda f, s=_step: f.get(("sg", "writes", s))),
        ("writes / bytes, %s: less" % _name, "wb=",
         lambda f, s=_step: f.get(("less", "writes", s))),
    ]
ROWS += [
    ("--print ms: skinguide --print ID", "ms", lambda f: f.get(("pr", "print"))),
    ("--print ms: skinguide --format man", "ms", lambda f: f.get(("pr", "man"))),
    ("--print ms: lowdown -tterm FILE", "ms=", lambda f: f.get(("pr", "lowdown"))),
    ("--print ms: cmark FILE", "ms=", lambda f: f.get(("pr", "cmark"))),
    ("--print: skinguide / lowdown", "x",
     lambda f: ratio(f.get(("pr", "print")), f.get(("pr", "lowdown")))),
    ("--print: skinguide / cmark", "x",
     lambda f: ratio(f.get(("pr", "print")), f.get(("pr", "cmark")))),
    ("--print peak MB: skinguide", "MB", lambda f: f.get(("pr", "print-mb"))),
    ("--print peak MB: lowdown", "MB=", lambda f: f.get(("pr", "lowdown-mb"))),
    ("--print peak MB: cmark", "MB=", lambda f: f.get(("pr", "cmark-mb"))),
    ("--check ms: skinguide --check DIR", "ms", lambda f: f.get(("ck", "check"))),
    ("--check ms: cmark DIR/*.md", "ms", lambda f: f.get(("ck", "cmark"))),
    ("--check: skinguide / cmark", "x",
     lambda f: ratio(f.get(("ck", "check")), f.get(("ck", "cmark")))),
    ("start, no work ms: skinguide --version", "ms", lambda f: f.get(("ck", "version"))),
    ("start, no work ms: cmark --version", "ms", lambda f: f.get(("ck", "cmark-version"))),
    ("search ms: index build, one thread", "ms", lambda f: f.get(("se", "build"))),
    ("search ms: index build, search_start()", "ms", lambda f: f.get(("se", "thread"))),
    ("search ms: keystroke, median", "ms", lambda f: f.get(("se", "key"))),
    ("search ms: keystroke, worst", "ms", lambda f: f.get(("se", "keymax"))),
    ("search ms: grep -ril sunscreen DIR", "ms", lambda f: f.get(("se", "grep"))),
    ("search: keystroke / grep", "x",
     lambda f: ratio(f.get(("se", "key")), f.get(("se", "grep")))),
    ("search peak MB: engine, index built", "MB", lambda f: f.get(("se", "mb"))),
]


def targets(guides, figures):
    """Issue 12's targets, said against the figures above."""
    def ok(good):
        return "met" if good else "NOT met"
    parts = []
    for g in guides:
        r = ratio(figures[g.n].get(("sg", "first")), figures[g.n].get(("less", "first")))
        if r is not None:
            parts.append("%s %.1fx %s" % (g.label(), r, ok(r <= 1.5)))
    print("targets: first frame within 1.5x of less: " + "; ".join(parts))
    if 0 in figures and figures[0].get(("sg", "peak")) is not None:
        mb = figures[0][("sg", "peak")]
        print("targets: peak memory under 6 MB on the shipped guide: %.1f MB %s" % (mb, ok(mb < 6)))
    parts = []
    for g in guides:
        r = ratio(figures[g.n].get(("ck", "check")), figures[g.n].get(("ck", "cmark")))
        if r is not None:
            parts.append("%s %.2fx %s" % (g.label(), r, ok(r <= 1.0)))
    if parts:
        print("targets: --check no slower than cmark on the same files: " + "; ".join(parts))
    fast = [label for label, unit, get in ROWS
            if growth({g.n: get(figures[g.n]) for g in guides},
                      unit.rstrip("=")).endswith("superlinear")]
    if 10000 in figures and 50000 in figures:
        print("targets: every cost linear from 10,000 to 50,000: " +
              ("met" if not fast else "NOT met: " + "; ".join(fast)))


def table(guides, figures):
    head = ["measure"] + [g.label() for g in guides] + ["10,000 to 50,000"]
    rows = []
    for label, unit, get in ROWS:
        values = {g.n: get(figures[g.n]) for g in guides}
        if all(v is None for v in values.values()):
            continue
        same = unit.endswith("=")
        unit = unit.rstrip("=")
        rows.append([label] + [fmt(values[g.n], unit) for g in guides] +
                    ["(one file)" if same else growth(values, unit)])
    widths = [max(len(r[i]) for r in [head] + rows) for i in range(len(head))]

    def line(cells):
        return "| " + " | ".join(c.ljust(w) if i == 0 else c.rjust(w)
                                 for i, (c, w) in enumerate(zip(cells, widths))) + " |"
    print(line(head))
    print("|" + "|".join("-" * (w + 1) + (":" if i else "-")
                         for i, w in enumerate(widths)) + "|")
    for r in rows:
        print(line(r))


def main():
    sys.stdout.reconfigure(line_buffering=True)
    if len(sys.argv) != 4:
        sys.exit("usage: table.py BINARY SEARCH_HARNESS BENCH_DIR")
    binary, search_bin, bench_dir = sys.argv[1:]
    binary = os.path.abspath(binary)
    os.makedirs(bench_dir, exist_ok=True)
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "").split()] or SIZES
    guides, figures = [], {}
    for n in sizes:
        guide = Guide(n, bench_dir)
        say("measuring %s" % guide.label())
        figures[n] = {}
        figures[n].update(tui(binary, guide))
        figures[n].update(printing(binary, guide))
        figures[n].update(checking(binary, guide))
        figures[n].update(search(search_bin, guide))
        guides.append(guide)
    print("make bench: medians of %d runs; interactive times in an 80x24 "
          "pseudo-terminal, from the fork or the key to the text on the "
          "terminal" % RUNS)
    print()
    table(guides, figures)
    print()
    targets(guides, figures)


if __name__ == "__main__":
    main()
