"""The real app in a real terminal, driven as a person would: tmux ``send-keys`` to type and
``capture-pane`` to read the screen. Each test has its own tmux server, killed at the end."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

WIDTH, HEIGHT = 120, 40
DRAFT_TIMEOUT = 180.0
"""Model load plus up to a few drafts on a 2-core laptop, with room to spare."""

pytestmark = pytest.mark.tmux


class Terminal:
    """One tmux server (its own socket file) running one command in a 120x40 window."""

    def __init__(self, socket: Path) -> None:
        self.socket = socket

    def tmux(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            ["tmux", "-u", "-S", str(self.socket), "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            check=check,
            encoding="utf-8",
        )
        return done.stdout

    def start(self, env: dict[str, str]) -> None:
        command = " ".join(
            [
                "env",
                "-i",
                *(shlex.quote(f"{key}={value}") for key, value in env.items()),
                shlex.quote(sys.executable),
                "-m",
                "warmnote",
            ]
        )
        self.tmux("new-session", "-d", "-s", "app", "-x", str(WIDTH), "-y", str(HEIGHT), command)
        self.tmux("set-option", "-g", "set-clipboard", "on")
        self.tmux("set-option", "-g", "remain-on-exit", "on")

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", "app", "-l", text)
        time.sleep(0.15)

    def press(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", "app", key)
            time.sleep(0.15)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "app")

    def wait_for(self, found: Callable[[str], bool], timeout: float, what: str) -> str:
        deadline = time.monotonic() + timeout
        while True:
            text = self.screen()
            if found(text):
                return text
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}; the screen:\n{text}")
            time.sleep(0.5)

    def pane_dead(self) -> bool:
        return self.tmux("display-message", "-p", "-t", "app", "#{pane_dead}").strip() == "1"

    def kill(self) -> None:
        """Kill the server (SIGHUP to the app) and wait until it is gone, socket and all."""
        self.tmux("kill-server", check=False)
        deadline = time.monotonic() + 10
        while (
            subprocess.run(
                ["tmux", "-S", str(self.socket), "has-session"], capture_output=True, check=False
            ).returncode
            == 0
        ):
            assert time.monotonic() < deadline, "tmux server would not die"
            time.sleep(0.1)
        self.socket.unlink(missing_ok=True)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    if shutil.which("tmux") is None:
        pytest.fail("tmux is not installed; `make test` installs it (apt-get install tmux)")
    term = Terminal(tmp_path / "tmux.sock")
    try:
        yield term
    finally:
        term.kill()


def app_env(home: Path, model: Path | None) -> dict[str, str]:
    """A clean environment: only what the app needs, so the user's settings cannot leak in."""
    env = {
        "WARMNOTE_HOME": str(home),
        "HOME": os.environ.get("HOME", str(home)),
        "PATH": os.environ.get("PATH", ""),
        "LANG": "C.UTF-8",
        "TERM": "tmux-256color",
    }
    if model is not None:
        env["WARMNOTE_MODEL"] = str(model)
    return env


def type_context(term: Terminal) -> None:
    """The example context, field by field, the way a person tabs through the form."""
    term.wait_for(lambda s: "Your name" in s, 20, "the Compose form")
    term.type("Priya Raman")
    term.press("Tab", "Tab", "Tab")
    term.type("Tomás Herrera")
    term.press("Tab")
    term.type("Staff engineer, streaming platforms")
    term.press("Tab")
    term.type("Corvid Systems")
    term.press(*["Tab"] * 6)  # location, about, posts, skills, schools -> familiarity
    term.press("Enter", "Down", "Enter")  # "Met once"
    term.press("Tab")
    term.type("talked after his talk on backpressure in Kafka consumers")
    term.press("Tab")
    term.type("PyData Lisbon")
    term.press("Tab")
    term.type("last week")
    term.press("Tab", "Tab")  # mutual contacts -> shared interests
    term.type("stream processing")
    term.press("Tab")
    term.type("keep learning from how his team handles backpressure")


def test_a_person_drafts_a_passing_note_and_copies_it(
    terminal: Terminal, real_model_path: Path, tmp_path: Path
) -> None:
    terminal.start(app_env(tmp_path / "home", real_model_path))
    type_context(terminal)
    screen = terminal.screen()
    assert "Met once" in screen
    assert "Tomás Herrera" in screen

    terminal.press("C-g")
    deadline = time.monotonic() + DRAFT_TIMEOUT
    while True:
        screen = terminal.wait_for(
            lambda s: "Passes after" in s or "No attempt passed" in s or "failed" in s,
            max(1.0, deadline - time.monotonic()),
            "a finished draft",
        )
        assert "failed" not in screen, screen
        if "Passes after" in screen:
            break
        terminal.press("C-r")  # every attempt failed: draft again with a new seed
        terminal.wait_for(lambda s: "Drafting" in s, 20, "the new draft to start")
    assert "✓ Passes every check" in screen
    assert "model ready" in screen

    terminal.press("C-o")
    screen = terminal.wait_for(lambda s: "Copied the note" in s, 10, "the copy notification")
    note = terminal.tmux("show-buffer")
    assert "Tomás" in note
    assert note.split()[0] in screen
    assert len(note) <= 300

    terminal.press("C-q")
    deadline = time.monotonic() + 20
    while not terminal.pane_dead():
        assert time.monotonic() < deadline, "the app did not quit"
        time.sleep(0.2)


def test_closing_the_terminal_loses_nothing_that_was_typed(
    terminal: Terminal, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    env = app_env(home, None)  # no model installed in this home; typing needs none
    terminal.start(env)
    terminal.wait_for(lambda s: "model not available" in s, 20, "the missing-model status")
    assert "warmnote model install" in terminal.screen()
    terminal.type("Priya Raman")
    terminal.press("Tab", "Tab", "Tab")
    terminal.type("Tomás Herrera")
    time.sleep(1.5)  # typing pauses: the form is autosaved
    terminal.kill()  # the terminal goes away: SIGHUP

    terminal.start(env)
    screen = terminal.wait_for(lambda s: "Restore unsaved work?" in s, 20, "the restore offer")
    assert "a note to Tomás Herrera" in screen
    terminal.press("y")
    screen = terminal.wait_for(lambda s: "Tomás Herrera" in s and "Them" in s, 10, "the form")
    assert "Priya Raman" in screen
