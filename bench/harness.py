"""The pseudo-terminal harness of make bench: one program driven through a
scripted session in an 80x24 pseudo-terminal, the way a reader's
terminal would drive it, so that skinguide and less are timed alike.

A session is a command and a list of steps.  Each step is a key (None
for the start) and how to know it is done:
  ("text", NEEDLE)  the time is when NEEDLE first shows in the output
                    written after the key (for screens with a fixed line,
                    such as a status line or less's file prompt);
  ("quiet", None)   the time is when the last byte of the answer arrived,
                    once the output has been silent for QUIET seconds
                    (a scroll, whose new text is not known beforehand).
Times come from the monotonic clock, from just before the fork (the first
step) or just before the key is written, in milliseconds."""
import fcntl
import os
import pty
import re
import select
import signal
import struct
import tempfile
import termios
import time

ROWS, COLS = 24, 80
QUIET = 0.12  # seconds of silence that end an answer
TIMEOUT = 20.0  # seconds to wait for any one step


def _child_env():
    env = dict(os.environ)
    for var in ("LESS", "LESSOPEN", "LESSCLOSE", "SSH_CONNECTION", "NO_COLOR",
                "SKINGUIDE_CONTENT"):
        env.pop(var, None)
    env.update(TERM="xterm-256color", LC_ALL="C.UTF-8", LINES=str(ROWS),
               COLUMNS=str(COLS), LESSHISTFILE="-")
    return env


def _spawn(argv):
    """Forks argv on a new pseudo-terminal of ROWS x COLS: (pid, master fd)."""
    pid, fd = pty.fork()
    if pid == 0:
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
            os.execvpe(argv[0], argv, _child_env())
        finally:
            os._exit(127)
    return pid, fd


class _Reader:
    """The master side of the pseudo-terminal, read as it comes."""

    def __init__(self, fd):
        self.fd, self.eof = fd, False

    def read(self, timeout):
        """Bytes written within timeout seconds (b"" if none), and when."""
        if self.eof:
            return b"", time.monotonic()
        r, _, _ = select.select([self.fd], [], [], max(timeout, 0))
        if not r:
            return b"", time.monotonic()
        try:
            data = os.read(self.fd, 65536)
        except OSError:  # EIO: the program has gone
            data = b""
        if not data:
            self.eof = True
        return data, time.monotonic()

    def until_text(self, needle, t0):
        """ms from t0 until needle shows, or None after TIMEOUT."""
        seen = b""
        while time.monotonic() - t0 < TIMEOUT and not self.eof:
            data, at = self.read(0.5)
            seen += data
            if needle in seen:
                return (at - t0) * 1000
        return None

    def until_quiet(self, t0):
        """ms from t0 to the last byte of the answer, or None if none came."""
        last = None
        while time.monotonic() - t0 < TIMEOUT and not self.eof:
            data, at = self.read(QUIET if last else 1.0)
            if data:
                last = at
            elif last or time.monotonic() - t0 > 1.0:
                break
        return (last - t0) * 1000 if last else None

    def settle(self):
        """Reads until the output has been silent for QUIET seconds, so
        that the next step sees only its own answer."""
        end = time.monotonic() + TIMEOUT
        while time.monotonic() < end and not self.eof:
            data, _ = self.read(QUIET)
            if not data:
                return


def _peak_mb(pid):
    """The process's peak resident memory (VmHWM) in MB, or None."""
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _finish(pid, fd, quit_key):
    os.write(fd, quit_key)
    end = time.monotonic() + 5
    while time.monotonic() < end:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.01)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    os.close(fd)


def _step(reader, fd, key, how, needle, t0):
    if key is not None:
        t0 = time.monotonic()
        os.write(fd, key)
    took = reader.until_text(needle, t0) if how == "text" else reader.until_quiet(t0)
    reader.settle()
    return took


def session(argv, steps, quit_key=b"q"):
    """Runs argv through steps [(name, key, how, needle)]: returns
    ({name: ms or None}, peak MB read just before quitting)."""
    t0 = time.monotonic()
    pid, fd = _spawn(argv)
    reader, times = _Reader(fd), {}
    for name, key, how, needle in steps:
        times[name] = _step(reader, fd, key, how, needle, t0)
    peak = _peak_mb(pid)
    _finish(pid, fd, quit_key)
    return times, peak


# "PID SECONDS.MICROS write(1, ...) = N": a call that another thread's
# call interrupted is printed in two halves and is not counted (it does not
# happen with one thread writing to the terminal).
_WRITE = re.compile(r"^(?:\d+\s+)?(\d+\.\d+) writev?\(1, .*\) = (\d+)$")


def writes(argv, steps, quit_key=b"q"):
    """The same session under strace: {name: (write calls, bytes)} sent to
    the terminal (fd 1) while each step was answered."""
    fd_trace, trace = tempfile.mkstemp(prefix="skinguide-bench-")
    os.close(fd_trace)
    try:
        marks = []
        start = time.time()
        pid, fd = _spawn(["strace", "-f", "-qq", "-ttt", "-e", "trace=write,writev",
                          "-o", trace] + argv)
        reader = _Reader(fd)
        t0 = time.monotonic()
        for name, key, how, needle in steps:
            marks.append((start if key is None else time.time(), name))
            _step(reader, fd, key, how, needle, t0)
        marks.append((time.time(), None))
        _finish(pid, fd, quit_key)
        return _count(trace, marks)
    finally:
        os.unlink(trace)


def _count(trace, marks):
    counts = {name: [0, 0] for _, name in marks if name}
    with open(trace) as f:
        for line in f:
            m = _WRITE.match(line.strip())
            if not m:
                continue
            at, n = float(m.group(1)), int(m.group(2))
            for (start, name), (end, _) in zip(marks, marks[1:]):
                if start <= at < end:
                    counts[name][0] += 1
                    counts[name][1] += n
    return {name: tuple(c) for name, c in counts.items()}
