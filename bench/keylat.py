#!/usr/bin/env python3
"""Key latency in a pseudo-terminal: how long after a key the screen
changes, for Backspace and Esc (which must wait to tell a lone Esc from an
escape sequence).  Usage: keylat.py BINARY CONTENT_DIR.  Prints the median
of 20 presses of each, in milliseconds."""
import os, pty, select, statistics, sys, time

def read_until(fd, needle, timeout=5.0):
    end, seen = time.monotonic() + timeout, b""
    while time.monotonic() < end:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
            if needle in seen:
                return True
    return False

def main():
    binary, content = sys.argv[1], sys.argv[2]
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(TERM="xterm-256color", LC_ALL="C.UTF-8", LINES="24", COLUMNS="80")
        os.execv(binary, [binary, "--content", content])
    read_until(fd, b"Topic 1 of")
    results = {}
    for name, key in (("Backspace", b"\x7f"), ("Esc", b"\x1b")):
        times = []
        for _ in range(20):
            os.write(fd, b"\r")
            read_until(fd, b"Back")
            time.sleep(0.05)
            t0 = time.monotonic()
            os.write(fd, key)
            read_until(fd, b"Topic 1 of")
            times.append((time.monotonic() - t0) * 1000)
            time.sleep(0.05)
        results[name] = statistics.median(times)
    os.write(fd, b"q")
    os.waitpid(pid, 0)
    print(" ".join("%s %.1f ms" % (k, v) for k, v in results.items()))

main()
