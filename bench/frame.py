#!/usr/bin/env python3
"""Time to the first frame in a pseudo-terminal: from starting the guide
to the home screen's status line.  Usage: frame.py BINARY CONTENT_DIR.
Prints the median of 5 starts, in milliseconds."""
import os, pty, select, statistics, sys, time

def first_frame(binary, content):
    t0 = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(TERM="xterm-256color", LC_ALL="C.UTF-8", LINES="24", COLUMNS="80")
        os.execv(binary, [binary, "--content", content])
    seen, took = b"", None
    while time.monotonic() - t0 < 10:
        r, _, _ = select.select([fd], [], [], 0.01)
        if r:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
            if b"Topic 1 of" in seen:
                took = (time.monotonic() - t0) * 1000
                break
    os.write(fd, b"q")
    os.waitpid(pid, 0)
    return took

times = [first_frame(sys.argv[1], sys.argv[2]) for _ in range(5)]
print("%.0f" % statistics.median(t for t in times if t is not None))
