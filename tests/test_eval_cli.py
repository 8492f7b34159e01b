"""``warmnote eval`` end to end with a scripted model and the real guardrails."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from warmnote import cli, locations
from warmnote.commands import eval as eval_command
from warmnote.drafter import ChatMessage, Drafter, ScriptedDrafter, StreamEvent
from warmnote.guardrails import Guardrails
from warmnote.sampling import Sampling
from warmnote.session import DraftingSession
from warmnote.settings import Settings

DATA = Path(__file__).parent / "data" / "evals"
NOTE = "Hi Ana, I enjoyed our PyData Berlin chat about forecasting and would like to stay in touch."


class Interrupting(ScriptedDrafter):
    """A scripted model that is interrupted (Ctrl+C) while drafting its ``at``-th note."""

    def __init__(self, replies: Sequence[str], at: int) -> None:
        super().__init__(replies)
        self.at = at

    def stream(
        self, messages: Sequence[ChatMessage], sampling: Sampling, seed: int
    ) -> Iterator[StreamEvent]:
        if len(self.calls) + 1 == self.at:
            raise KeyboardInterrupt
        return super().stream(messages, sampling, seed)


def scripted_sessions(
    drafter: Drafter,
) -> Callable[[Sequence[str], Settings, Guardrails], Callable[[str], DraftingSession]]:
    """A stand-in ``model_loader``: every model is ``drafter``, in a session with the settings."""

    def loader(
        models: Sequence[str], settings: Settings, guardrails: Guardrails
    ) -> Callable[[str], DraftingSession]:
        return lambda model: DraftingSession(
            settings, make_drafter=lambda: drafter, guardrails=guardrails
        )

    return loader


@pytest.fixture(autouse=True)
def eval_registered(monkeypatch: pytest.MonkeyPatch) -> None:
    if eval_command not in cli.COMMANDS:
        monkeypatch.setattr(cli, "COMMANDS", (*cli.COMMANDS, eval_command))


@pytest.fixture(autouse=True)
def test_packs(warmnote_home: Path) -> None:
    target = locations.user_prompts_dir()
    target.mkdir(parents=True)
    for pack in (DATA / "packs").glob("*.toml"):
        shutil.copy(pack, target / pack.name)


@pytest.fixture
def loaded(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Replaces the model loader with a scripted model; records which models were asked for."""
    asked: list[list[str]] = []

    def loader(
        models: Sequence[str], settings: Settings, guardrails: Guardrails
    ) -> Callable[[str], DraftingSession]:
        asked.append(list(models))
        return scripted_sessions(ScriptedDrafter([NOTE]))(models, settings, guardrails)

    monkeypatch.setattr(eval_command, "model_loader", loader)
    return asked


def test_a_run_writes_reports_and_prints_the_table(
    loaded: list[list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert cli.main(["eval", str(DATA / "suite.toml"), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert "tiny: summary" in captured.out
    assert "runs 4/4" in captured.err
    assert f"reports: {out / 'report.json'} and {out / 'report.md'}" in captured.err
    report = json.loads((out / "report.json").read_text())
    assert report["variants"][0]["summary"]["runs"] == 4
    assert report["cases"][0]["runs"][0]["text"] == NOTE
    assert (out / "report.md").read_text().startswith("# Eval report: tiny")
    assert loaded == [[str(locations.default_model_path())]], "the configured model by default"


def test_default_output_folder_is_named_after_the_suite(
    loaded: list[list[str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli.main(["eval", str(DATA / "suite.toml"), "--limit-cases", "1"]) == 0
    report = json.loads((tmp_path / "eval-out" / "suite" / "report.json").read_text())
    assert report["suite"]["cases"] == 1


def test_models_and_packs_repeat_for_comparison(loaded: list[list[str]], tmp_path: Path) -> None:
    argv = [
        "eval",
        str(DATA / "suite.toml"),
        "--out",
        str(tmp_path),
        "--model",
        "a/one.gguf",
        "--model",
        "b/two.gguf",
        "--pack",
        "evaltest_plain",
        "--pack",
        "evaltest_alt",
        "--seeds",
        "2",
        "--attempts",
        "1",
        "--baseline",
    ]
    assert cli.main(argv) == 0
    assert loaded == [["a/one.gguf", "b/two.gguf"]]
    report = json.loads((tmp_path / "report.json").read_text())
    assert [v["id"] for v in report["variants"]] == [
        f"{pack} {model}"
        for model in ("one.gguf", "two.gguf")
        for pack in ("evaltest_plain", "evaltest_alt", "@baseline")
    ]
    assert report["settings"]["seeds"] == [0, 1]
    assert len(report["cases"][0]["runs"]) == 2 * 3 * 2


def test_the_bundled_suite_runs_by_name(loaded: list[list[str]], tmp_path: Path) -> None:
    assert cli.main(["eval", "default", "--limit-cases", "2", "--out", str(tmp_path)]) == 0
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["suite"]["name"] == "default"
    assert [case["id"] for case in report["cases"]] == ["event-jose-pydata", "event-lukasz-kubecon"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--seeds", "0"], "warmnote: --seeds: must be at least 1"),
        (["--attempts", "0"], "warmnote: --attempts: must be at least 1"),
        (["--candidates", "0"], "warmnote: --candidates: must be at least 1"),
        (["--candidates", "5"], "warmnote: --candidates: must be at most 4"),
        (["--limit-cases", "0"], "warmnote: --limit-cases: must be at least 1"),
        (["--pack", "nope"], "warmnote: scenario: unknown pack 'nope'; available: "),
    ],
    ids=["seeds", "attempts", "candidates", "too-many-candidates", "limit-cases", "unknown-pack"],
)
def test_bad_options_are_one_line_and_exit_2(
    loaded: list[list[str]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    assert cli.main(["eval", str(DATA / "suite.toml"), "--out", str(tmp_path), *argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith(message)
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("suite", "contexts", "message"),
    [
        (
            'contexts = "contexts.jsonl"\n[[cases]]\nid = "ana"\nmust_mention = "PyData"\n',
            None,
            "suite.toml: cases[0] (ana): must_mention: Input should be a valid list",
        ),
        (
            'contexts = "contexts.jsonl"\n',
            '{"id": "ana", "scenario": "x", "sender": {"name": "S"}, "recipient": {"name": "R"}, '
            '"relationship": {"familiarity": "enemy"}}\n',
            "contexts.jsonl: line 1 (ana): relationship.familiarity: Input should be",
        ),
    ],
    ids=["suite-field", "context-line"],
)
def test_invalid_suites_exit_2_naming_file_case_and_field(
    loaded: list[list[str]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    suite: str,
    contexts: str | None,
    message: str,
) -> None:
    (tmp_path / "suite.toml").write_text(suite)
    (tmp_path / "contexts.jsonl").write_text(contexts or (DATA / "contexts.jsonl").read_text())
    assert cli.main(["eval", str(tmp_path / "suite.toml")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"warmnote: {tmp_path / message}")
    assert err.count("\n") == 1
    assert loaded == [], "nothing loads before the suite is valid"


def test_ctrl_c_keeps_finished_cases_and_says_how_to_resume(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(
        eval_command,
        "model_loader",
        scripted_sessions(Interrupting([NOTE], at=3)),
    )
    out = tmp_path / "out"
    suite = str(DATA / "suite.toml")
    assert cli.main(["eval", suite, "--out", str(out), "--attempts", "1"]) == 130
    lines = capsys.readouterr().err.strip().splitlines()
    resume = f"warmnote eval {suite} --attempts 1 --out {out} --resume"
    assert lines[-1] == (
        f"warmnote: interrupted; 2 of 4 runs kept in {out / 'results.jsonl'}; "
        f"continue with: {resume}"
    )
    assert not (out / "report.json").exists()

    scripted = ScriptedDrafter([NOTE])
    monkeypatch.setattr(eval_command, "model_loader", scripted_sessions(scripted))
    assert cli.main(shlex.split(resume)[1:]) == 0
    assert len(scripted.calls) == 2, "only the runs that were not kept"
    report = json.loads((out / "report.json").read_text())
    assert report["variants"][0]["summary"]["runs"] == 4


class BuggyOnThird(ScriptedDrafter):
    """A scripted model with a bug its third draft trips, as a bug in warmnote's core would."""

    def stream(
        self, messages: Sequence[ChatMessage], sampling: Sampling, seed: int
    ) -> Iterator[StreamEvent]:
        if len(self.calls) == 2:
            self.calls.append((list(messages), sampling, seed))
            raise IndexError("list index out of range")
        return super().stream(messages, sampling, seed)


def test_a_bug_in_one_case_reports_the_rest_and_exits_with_the_internal_error_status(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(eval_command, "model_loader", scripted_sessions(BuggyOnThird([NOTE])))
    out = tmp_path / "out"
    suite = str(DATA / "suite.toml")
    assert cli.main(["eval", suite, "--out", str(out), "--attempts", "1"]) == cli.INTERNAL_ERROR
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-2].startswith("warmnote: case chen, pack @scenario, model ")
    assert ".gguf, seed 0: internal error: IndexError: list index out of range (at " in err[-2]
    assert re.search(r"\(at pipeline\.py:\d+\)$", err[-2]), "warmnote's own last line"
    assert err[-1] == (
        "warmnote: 1 run(s) stopped on an internal error and are reported as skipped; after a "
        f"fix, draft them with: warmnote eval {suite} --attempts 1 --out {out} --resume"
    )
    report = json.loads((out / "report.json").read_text())
    assert report["variants"][0]["summary"]["runs"] == 3


def test_with_debug_set_a_bug_in_one_case_prints_its_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(eval_command, "model_loader", scripted_sessions(BuggyOnThird([NOTE])))
    monkeypatch.setenv(cli.DEBUG_ENV, "1")
    suite = str(DATA / "suite.toml")
    out = str(tmp_path / "out")
    assert cli.main(["eval", suite, "--out", out, "--attempts", "1"]) == cli.INTERNAL_ERROR
    err = capsys.readouterr().err
    assert "Traceback (most recent call last):" in err
    assert 'raise IndexError("list index out of range")' in err, "the line that raised"


def test_resume_command_repeats_every_option() -> None:
    args = cli.build_parser().parse_args(
        [
            "eval",
            "my suite.toml",
            "--pack",
            "a",
            "--pack",
            "b",
            "--model",
            "m.gguf",
            "--seeds",
            "3",
            "--candidates",
            "2",
            "--out",
            "o",
            "--baseline",
            "--limit-cases",
            "5",
            "--resume",
        ]
    )
    assert eval_command.resume_command(args) == (
        "warmnote eval 'my suite.toml' --pack a --pack b --model m.gguf --seeds 3 --candidates 2 "
        "--out o --limit-cases 5 --baseline --resume"
    )


def test_candidates_come_from_the_option_or_the_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locations.config_file().write_text("candidates = 3\n")
    suite = str(DATA / "suite.toml")
    for argv, candidates in (([], 3), (["--candidates", "2"], 2)):
        scripted = ScriptedDrafter([NOTE])
        monkeypatch.setattr(eval_command, "model_loader", scripted_sessions(scripted))
        out = tmp_path / f"out-{candidates}"
        assert cli.main(["eval", suite, "--out", str(out), "--attempts", "1", *argv]) == 0
        assert len(scripted.calls) == 4 * candidates, "every case drafts each candidate once"
        report = json.loads((out / "report.json").read_text())
        runs = [run for case in report["cases"] for run in case["runs"]]
        assert {run["provenance"]["candidates"] for run in runs} == {candidates}


def test_an_eval_run_never_imports_textual_or_the_model_backend(tmp_path: Path) -> None:
    script = f"""
import sys
from warmnote import cli
from warmnote.commands import eval as eval_command
from warmnote.drafter import ScriptedDrafter
from warmnote.session import DraftingSession
if eval_command not in cli.COMMANDS:
    cli.COMMANDS = (*cli.COMMANDS, eval_command)
drafter = ScriptedDrafter([{NOTE!r}])
eval_command.model_loader = lambda models, settings, guardrails: lambda model: DraftingSession(
    settings, make_drafter=lambda: drafter, guardrails=guardrails
)
code = cli.main(["eval", {str(DATA / "suite.toml")!r}, "--out", {str(tmp_path)!r}])
print(code, "textual" in sys.modules, "llama_cpp" in sys.modules)
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip().splitlines()[-1] == "0 False False"
    assert (tmp_path / "report.json").is_file()
