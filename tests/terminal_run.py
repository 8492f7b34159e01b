"""Running the warmnote command under a pseudo-terminal, for what it prints only to a terminal."""

from __future__ import annotations

import os
import pty
import sys


def warmnote_in_a_terminal(*args: str) -> str:
    """Everything ``warmnote ARGS`` writes to a terminal (stdout and stderr, in order)."""
    pid, fd = pty.fork()
    if pid == 0:  # the child
        os.execv(sys.executable, [sys.executable, "-m", "warmnote", *args])
    output = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    os.waitpid(pid, 0)
    return output.decode("utf-8", "replace")
