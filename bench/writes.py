#!/usr/bin/env python3
"""Writes and bytes sent to the terminal per action, as strace sees them:
the first frame, opening a topic, a line down, a page down, and back.
Over SSH each write can be a packet.  Usage: writes.py BINARY CONTENT."""
import os, pty, re, select, sys, tempfile, time

def drain(fd, seconds):
    end = time.time() + seconds
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                os.read(fd, 65536)
            except OSError:
                return

def main():
    binary, content = sys.argv[1], sys.argv[2]
    trace = tempfile.mktemp()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(TERM="xterm-256color", LC_ALL="C.UTF-8", LINES="24", COLUMNS="80")
        os.execvp("strace", ["strace", "-qq", "-tt", "-e", "trace=write", "-o", trace,
                             binary, "--content", content])
    drain(fd, 1.0)
    marks = [("first frame", time.time())]
    for name, key in (("open", b"\r"), ("line", b"j"), ("page", b"\x1b[6~"),
                      ("back", b"\x7f")):
        os.write(fd, key)
        drain(fd, 0.5)
        marks.append((name, time.time()))
    os.write(fd, b"q")
    os.waitpid(pid, 0)
    counts = {name: [0, 0] for name, _ in marks}
    for line in open(trace):
        m = re.match(r"(\d+):(\d+):([\d.]+) write\(1, .*\) = (\d+)", line)
        if not m:
            continue
        h, mi, s, n = m.groups()
        t = time.mktime(time.localtime()[:3] + (int(h), int(mi), 0) + time.localtime()[6:]) + float(s)
        name = next((nm for nm, at in marks if t <= at), marks[-1][0])
        counts[name][0] += 1
        counts[name][1] += int(n)
    os.unlink(trace)
    print("; ".join("%s %d writes %d bytes" % (k, v[0], v[1]) for k, v in counts.items()))

main()
