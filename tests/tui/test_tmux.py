"""The real app in a real terminal, driven as a person would: tmux ``send-keys`` to type and
``capture-pane`` to read the screen. Each test has its own tmux server, killed at the end."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from warmnote.context import Familiarity
from warmnote.tui.form import FAMILIARITY_LABELS, FIELDS, SENDER_KEYS
from warmnote.tui.widgets.verdict_list import PASSED

WIDTH, HEIGHT = 120, 40
DRAFT_TIMEOUT = 180.0
"""Model load plus up to a few drafts on a 2-core laptop, with room to spare."""
FORM_TIMEOUT = 60.0
"""For a burst of typing to show up in the autosaved form, on a machine busy drafting."""
POLL = 0.25
"""Seconds between two looks at the screen."""


@dataclass(frozen=True)
class Text:
    """Literal text, typed."""

    text: str


@dataclass(frozen=True)
class Press:
    """Named keys (tmux names: Tab, Enter, Down, C-g, F2)."""

    names: tuple[str, ...]

    def __init__(self, *names: str) -> None:
        object.__setattr__(self, "names", names)


Keys = Text | Press

pytestmark = pytest.mark.tmux


class Terminal:
    """One tmux server (its own socket file) running one command in a 120x40 window.

    Keys are sent without pauses, as a fast typist or a paste would send them: the app must
    keep every one in order, so the tests only ever wait for what the screen (or the autosave
    file) shows.
    """

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

    def press(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "app", *keys)

    def burst(self, keys: Sequence[Keys]) -> None:
        """Everything in one tmux command: the app receives it as one burst of input."""
        args: list[str] = []
        for part in keys:
            words = ["-l", part.text] if isinstance(part, Text) else list(part.names)
            args += ["send-keys", "-t", "app", *words, ";"]
        self.tmux(*args[:-1])

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
            time.sleep(POLL)

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


# The example context as a person fills the form, and a second person typed in one burst.
EXAMPLE_FORM = {
    "sender-name": "Priya Raman",
    "recipient-name": "Tomás Herrera",
    "recipient-headline": "Staff engineer, streaming platforms",
    "recipient-company": "Corvid Systems",
    "familiarity": Familiarity.MET_ONCE.value,
    "how-we-met": "talked after his talk on backpressure in Kafka consumers",
    "where": "PyData Lisbon",
    "when": "last week",
    "interests": "stream processing",
    "reason": "keep learning from how his team handles backpressure",
}
SECOND_FORM = {
    "recipient-name": "Dr. Lena Vogel",
    "recipient-headline": "Head of Data, Brightmart",
    "recipient-company": "Brightmart",
    "recipient-location": "Oslo",
    "recipient-skills": "data contracts, dbt",
    "familiarity": Familiarity.ACQUAINTANCE.value,
    "how-we-met": "talked after her Data Council talk on data contracts",
    "where": "Data Council",
    "when": "in May",
    "mutual": "Omar Haddad",
    "interests": "data contracts",
    "reason": "ask how her team rolled out data contracts",
}
CHOICES = list(FAMILIARITY_LABELS)


def form_keys(
    values: Mapping[str, str], start: str, familiarity: Familiarity = Familiarity.STRANGER
) -> list[Keys]:
    """The keys that fill ``values`` field by field from the focused field ``start`` on: type
    into each field that has a value, pick familiarity from its list (which shows
    ``familiarity`` now), Tab to the next."""
    keys: list[Keys] = []
    keys_in_order = [spec.key for spec in FIELDS]
    last = max(keys_in_order.index(key) for key in values)
    for key in keys_in_order[keys_in_order.index(start) : last + 1]:
        value = values.get(key, "")
        if key == "familiarity" and value:
            steps = CHOICES.index(Familiarity(value)) - CHOICES.index(familiarity)
            keys.append(Press("Enter", *["Down" if steps > 0 else "Up"] * abs(steps), "Enter"))
        elif value:
            keys.append(Text(value))
        keys.append(Press("Tab"))
    return keys


def expected_form(values: Mapping[str, str]) -> dict[str, str]:
    """The whole form after ``values`` were typed into an empty one."""
    form = {spec.key: "" for spec in FIELDS}
    form.update(familiarity=Familiarity.STRANGER.value, scenario="event_followup", limit="300")
    form.update(values)
    return form


def autosaved_form(home: Path) -> dict[str, Any] | None:
    path = home / "data" / "autosave.json"
    try:
        form = json.loads(path.read_text("utf-8"))["form"]
    except (OSError, ValueError, KeyError):
        return None
    return form if isinstance(form, dict) else None


def wait_for_form(term: Terminal, home: Path, expected: Mapping[str, str]) -> None:
    """Wait until the autosave (written once typing pauses) holds exactly ``expected``."""
    deadline = time.monotonic() + FORM_TIMEOUT
    while (form := autosaved_form(home)) != expected:
        if time.monotonic() > deadline:
            diff = {
                k: (v, (form or {}).get(k)) for k, v in expected.items() if (form or {}).get(k) != v
            }
            raise AssertionError(f"fields (expected, got): {diff}\nthe screen:\n{term.screen()}")
        time.sleep(POLL)


def test_a_person_drafts_a_passing_note_and_copies_it(
    terminal: Terminal, real_model_path: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    terminal.start(app_env(home, real_model_path))
    terminal.wait_for(lambda s: "Your name" in s, 20, "the Compose form")
    terminal.burst(form_keys(EXAMPLE_FORM, start="sender-name"))
    wait_for_form(terminal, home, expected_form(EXAMPLE_FORM))
    screen = terminal.screen()
    assert "Met once" in screen
    assert "Tomás Herrera" in screen

    terminal.press("C-g")  # the plain note built from the form, then the model's tidy of it
    screen = terminal.wait_for(
        lambda s: "Built from your context" in s, DRAFT_TIMEOUT, "the tidied plain note"
    )
    assert PASSED in screen
    assert "PyData Lisbon" in screen

    terminal.press("C-r")  # the model's wording
    terminal.wait_for(lambda s: "Drafting" in s, 20, "the model's draft to start")
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
    assert PASSED in screen
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
        time.sleep(POLL)


def test_a_form_typed_in_one_burst_while_a_draft_streams_lands_field_by_field(
    terminal: Terminal, real_model_path: Path, tmp_path: Path
) -> None:
    """Both cores busy drafting, a whole second form arrives as one burst of keys: every key
    lands in its own field, in order."""
    home = tmp_path / "home"
    terminal.start(app_env(home, real_model_path))
    terminal.wait_for(lambda s: "Your name" in s, 20, "the Compose form")
    terminal.burst(form_keys(EXAMPLE_FORM, start="sender-name"))
    wait_for_form(terminal, home, expected_form(EXAMPLE_FORM))
    terminal.press("C-g")
    terminal.wait_for(lambda s: "Built from your context" in s, DRAFT_TIMEOUT, "the plain note")
    terminal.press("C-r")
    terminal.wait_for(lambda s: "Drafting" in s and "model ready" in s, 60, "the draft to stream")

    terminal.burst(
        [
            Press("F2", "C-n"),  # a new note keeps your details and the choices
            *form_keys(SECOND_FORM, "recipient-name", Familiarity(EXAMPLE_FORM["familiarity"])),
        ]
    )
    kept = {key: EXAMPLE_FORM[key] for key in SENDER_KEYS if key in EXAMPLE_FORM}
    kept["familiarity"] = EXAMPLE_FORM["familiarity"]  # unless the burst picks another
    wait_for_form(terminal, home, expected_form({**kept, **SECOND_FORM}))
    screen = terminal.screen()
    assert "Dr. Lena Vogel" in screen
    assert FAMILIARITY_LABELS[Familiarity.ACQUAINTANCE] in screen


def test_keys_typed_while_the_app_starts_are_kept(terminal: Terminal, tmp_path: Path) -> None:
    """A form typed before the app has drawn anything lands field by field once it has."""
    home = tmp_path / "home"
    terminal.start(app_env(home, None))  # no model: typing needs none
    terminal.burst(form_keys(SECOND_FORM | {"sender-name": "Sam Carter"}, start="sender-name"))
    wait_for_form(terminal, home, expected_form(SECOND_FORM | {"sender-name": "Sam Carter"}))


def test_closing_the_terminal_loses_nothing_that_was_typed(
    terminal: Terminal, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    env = app_env(home, None)  # no model installed in this home; typing needs none
    terminal.start(env)
    terminal.wait_for(lambda s: "model not available" in s, 20, "the missing-model status")
    assert "warmnote model install" in terminal.screen()
    typed = {"sender-name": "Priya Raman", "recipient-name": "Tomás Herrera"}
    terminal.burst(form_keys(typed, start="sender-name"))
    wait_for_form(terminal, home, expected_form(typed))  # typing paused: the form is saved
    terminal.kill()  # the terminal goes away: SIGHUP

    terminal.start(env)
    screen = terminal.wait_for(lambda s: "Restore unsaved work?" in s, 20, "the restore offer")
    assert "a note to Tomás Herrera" in screen
    terminal.press("y")
    terminal.wait_for(
        lambda s: "Restore unsaved work?" not in s and "Priya Raman" in s and "Tomás Herrera" in s,
        10,
        "the restored form",
    )
