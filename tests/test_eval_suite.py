"""Eval suites: the format, every way a user's edit can be wrong, and the bundled suite's range."""

from __future__ import annotations

import json
import shutil
import unicodedata
from pathlib import Path

import pytest

from warmnote.context import Familiarity
from warmnote.errors import InputError
from warmnote.evals.expectations import mentions
from warmnote.evals.suite import Suite, load_suite, resolve_suite_path
from warmnote.packs import get_pack, missing_required

DATA = Path(__file__).parent / "data" / "evals"
SCENARIOS = {
    "event_followup",
    "mutual_connection",
    "recruiter_outreach",
    "job_seeker",
    "sales_prospect",
    "alumni",
    "friend_to_professional",
    "content_engagement",
    "former_colleague",
    "strategic",
}


def context_line(context_id: str | None, **changes: object) -> str:
    data: dict[str, object] = {
        "id": context_id,
        "scenario": "event_followup",
        "sender": {"name": "Sam Lee"},
        "recipient": {"name": f"Person {context_id}"},
        "relationship": {"familiarity": "stranger"},
    }
    if context_id is None:
        del data["id"]
    data.update(changes)
    return json.dumps(data, ensure_ascii=False)


CONTEXTS = "\n".join(context_line(i) for i in ("ana", "ben", "chen", "dana")) + "\n"
HEADER = 'contexts = "contexts.jsonl"\n'


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Suites are written here and loaded by relative path, as a user would name them."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write_suite(
    workdir: Path, suite: str, contexts: str = CONTEXTS, name: str = "suite.toml"
) -> Path:
    (workdir / name).write_text(suite, encoding="utf-8")
    (workdir / "contexts.jsonl").write_text(contexts, encoding="utf-8")
    return Path(name)


def test_the_fixture_suite_loads_with_defaults_merged() -> None:
    suite = load_suite(DATA / "suite.toml")
    assert (suite.name, suite.description) == ("tiny", "Four cases for the eval tests.")
    assert [case.id for case in suite.cases] == ["ana", "ben", "chen", "dana"]
    ben = suite.cases[1]
    assert ben.must_mention == ("data roles",)
    assert ben.must_not_contain == ("evil.example", "demo")
    assert ben.context.recipient.name == "Ben Okoro"
    assert suite.cases[3].must_mention == ()
    assert suite.contexts_path == DATA / "contexts.jsonl"


def test_without_cases_every_context_is_a_case(workdir: Path) -> None:
    suite = load_suite(write_suite(workdir, HEADER + '[defaults]\nmust_not_contain = ["x"]\n'))
    assert [case.id for case in suite.cases] == ["ana", "ben", "chen", "dana"]
    assert all(case.must_not_contain == ("x",) for case in suite.cases)
    assert suite.name == "suite"


def test_limit_cases_keeps_the_first_ones() -> None:
    suite = load_suite(DATA / "suite.toml", limit_cases=2)
    assert [case.id for case in suite.cases] == ["ana", "ben"]


def test_the_hash_covers_the_contexts_file(workdir: Path) -> None:
    path = write_suite(workdir, HEADER)
    before = load_suite(path).sha256
    (workdir / "contexts.jsonl").write_text(CONTEXTS + context_line("eve") + "\n")
    assert load_suite(path).sha256 != before


def test_a_bundled_suite_is_found_by_name(workdir: Path) -> None:
    assert resolve_suite_path("default").name == "default.toml"
    assert resolve_suite_path("default").is_file()
    own = write_suite(workdir, HEADER, name="default.toml")
    assert resolve_suite_path("default.toml") == own, "a file in the working folder wins"
    assert resolve_suite_path("nested/missing.toml") == Path("nested/missing.toml")


TOP = HEADER + '[[cases]]\nid = "ana"\n'


@pytest.mark.parametrize(
    ("suite", "contexts", "message"),
    [
        (
            TOP + '[[cases]]\nid = "ben"\n[[cases]]\nid = "chen"\n'
            '[[cases]]\nid = "dana"\nmust_mention = "Berlin"\n',
            CONTEXTS,
            "suite.toml: cases[3] (dana): must_mention: Input should be a valid list",
        ),
        (
            HEADER + '[[cases]]\nid = "ana"\nmust_mentoin = ["x"]\n',
            CONTEXTS,
            "suite.toml: cases[0] (ana): must_mentoin: unknown field",
        ),
        (
            TOP + "[[cases]]\nmust_mention = []\n",
            CONTEXTS,
            "suite.toml: cases[1]: id: required field is missing",
        ),
        (
            TOP + '[[cases]]\nid = "zed"\n',
            CONTEXTS,
            "suite.toml: cases[1] (zed): id: no context with this id in contexts.jsonl",
        ),
        (
            TOP + '[[cases]]\nid = "ana"\n',
            CONTEXTS,
            "suite.toml: cases[1] (ana): id: duplicate case id; cases[0] has it too",
        ),
        (
            HEADER + 'cases = ["ana"]\n',
            CONTEXTS,
            "suite.toml: cases[0]: must be a table with an id",
        ),
        (
            TOP + 'must_not_contain = [""]\n',
            CONTEXTS,
            "suite.toml: cases[0] (ana): must_not_contain[0]: "
            "String should have at least 1 character",
        ),
        (HEADER + "cases = []\n", CONTEXTS, "suite.toml: cases: a suite needs at least one case"),
        ('[[cases]]\nid = "ana"\n', CONTEXTS, "suite.toml: contexts: required field is missing"),
        ('contexs = "x"\n' + TOP, CONTEXTS, "suite.toml: contexs: unknown field"),
        (
            HEADER + '[defaults]\nmust_mention = "x"\n',
            CONTEXTS,
            "suite.toml: defaults.must_mention: Input should be a valid list",
        ),
        ('contexts = "missing.jsonl"\n', CONTEXTS, "missing.jsonl: file not found"),
        (
            TOP,
            context_line("ana") + "\n{not json\n",
            "contexts.jsonl: line 2: invalid JSON at column 2: Expecting property name enclosed in "
            "double quotes",
        ),
        (
            TOP,
            context_line("ana") + "\n" + context_line("ben", recipient={"headline": "x"}),
            "contexts.jsonl: line 2 (ben): recipient.name: required field is missing",
        ),
        (TOP, "[1, 2]\n", "contexts.jsonl: line 1: must be a JSON object (one context)"),
        (
            TOP,
            context_line(None) + "\n",
            "contexts.jsonl: line 1: id: every context in a suite needs an id",
        ),
        (
            TOP,
            context_line("ana") + "\n\n" + context_line("ana") + "\n",
            "contexts.jsonl: line 3 (ana): id: duplicate id; line 1 has it too",
        ),
        (
            TOP,
            context_line("ana", max_chars=5) + "\n",
            "contexts.jsonl: line 1 (ana): max_chars: Input should be greater than or equal to 20",
        ),
        (TOP, "\n\n", "contexts.jsonl: no contexts in this file"),
    ],
    ids=[
        "case-field-wrong-type",
        "case-unknown-field",
        "case-without-id",
        "case-id-not-in-contexts",
        "duplicate-case",
        "case-not-a-table",
        "empty-phrase",
        "no-cases",
        "no-contexts-key",
        "unknown-top-level-key",
        "defaults-wrong-type",
        "contexts-file-missing",
        "jsonl-invalid-json",
        "jsonl-invalid-context",
        "jsonl-not-an-object",
        "jsonl-without-id",
        "jsonl-duplicate-id",
        "jsonl-out-of-range",
        "jsonl-empty",
    ],
)
def test_invalid_suites_name_file_case_and_field(
    workdir: Path, suite: str, contexts: str, message: str
) -> None:
    path = write_suite(workdir, suite, contexts)
    with pytest.raises(InputError) as error:
        load_suite(path)
    assert str(error.value) == message
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "suite.yaml",
            "contexts: x\n",
            "suite.yaml: a suite is a TOML (.toml) or JSON (.json) file",
        ),
        ("suite.toml", "contexts = \n", "suite.toml: invalid TOML"),
        (
            "suite.json",
            '{"contexts": "contexts.jsonl", "cases": [{"id": "ana", "x": 1}]}',
            "suite.json: cases[0] (ana): x: unknown field",
        ),
    ],
    ids=["yaml-is-not-supported", "invalid-toml", "json-suites-work-too"],
)
def test_suite_file_formats(workdir: Path, name: str, text: str, message: str) -> None:
    with pytest.raises(InputError) as error:
        load_suite(write_suite(workdir, text, name=name))
    assert str(error.value).startswith(message)


@pytest.mark.parametrize(
    ("suite", "contexts", "message"),
    [
        (
            TOP,
            context_line("ana", recipient={"name": "\ud800"}).replace("\ud800", "\\ud800"),
            "contexts.jsonl: line 1: recipient.name: lone surrogate \\ud800 is not text",
        ),
        (TOP, "[" * 1000 + "\n", "contexts.jsonl: line 1: nested deeper than 64 levels"),
        (TOP, " " * (1 << 20) + "\n", "contexts.jsonl: larger than 1048576 bytes"),
        ("a = " + "[" * 1000, CONTEXTS, "suite.toml: nested deeper than 64 levels"),
    ],
    ids=["jsonl-lone-surrogate", "jsonl-deep", "jsonl-too-large", "suite-deep"],
)
def test_hostile_suite_files_are_one_line(
    workdir: Path, suite: str, contexts: str, message: str
) -> None:
    path = write_suite(workdir, suite, contexts)
    with pytest.raises(InputError) as error:
        load_suite(path)
    assert str(error.value).startswith(message)


def test_a_line_separator_inside_a_string_does_not_split_a_jsonl_line(workdir: Path) -> None:
    posts = ["first\u2028second", "third\x85fourth"]
    contexts = context_line("ana", recipient={"name": "Ana", "recent_posts": posts}) + "\n"
    suite = load_suite(write_suite(workdir, TOP, contexts))
    assert suite.cases[0].context.recipient.recent_posts == posts


def test_a_copied_suite_loads_from_anywhere(tmp_path: Path) -> None:
    for name in ("default.toml", "contexts.jsonl"):
        shutil.copy(resolve_suite_path("default").parent / name, tmp_path / name)
    assert len(load_suite(tmp_path / "default.toml").cases) >= 40


# --- the bundled suite ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled() -> Suite:
    return load_suite(resolve_suite_path("default"))


def _scripts(text: str) -> set[str]:
    return {unicodedata.name(c, "?").split()[0] for c in text if c.isalpha()}


def test_bundled_suite_covers_every_scenario_familiarity_and_limit(bundled: Suite) -> None:
    contexts = [case.context for case in bundled.cases]
    assert len(contexts) >= 40
    assert {c.scenario for c in contexts} == SCENARIOS
    assert {c.relationship.familiarity for c in contexts} == set(Familiarity)
    assert {c.max_chars for c in contexts} >= {200, 300}


def test_bundled_suite_has_the_hard_cases(bundled: Suite) -> None:
    contexts = [case.context for case in bundled.cases]
    names = " ".join(c.recipient.name for c in contexts)
    profiles = [c.recipient.model_dump_json() for c in contexts]
    assert {"CYRILLIC", "CJK", "HANGUL"} <= _scripts(names), "non-Latin scripts"
    assert any(unicodedata.decomposition(c) for c in names if c.isalpha()), "accented names"
    assert any(unicodedata.category(c) == "So" for p in profiles for c in p), "emoji"
    assert max(len(c.recipient.about or "") for c in contexts) >= 1800, "a very long about"
    assert any(c.reason == "" for c in contexts), "an empty reason"
    assert any(c.sender.company and c.sender.company == c.recipient.company for c in contexts)
    injected = [
        case
        for case in bundled.cases
        if "ignore previous" in case.context.recipient.model_dump_json().lower()
    ]
    assert len(injected) >= 3
    assert all(
        {"evil.example", "ignore previous"} <= set(case.must_not_contain) for case in injected
    )


def test_bundled_cases_fit_their_scenario_packs(bundled: Suite) -> None:
    problems = {
        case.id: missing
        for case in bundled.cases
        if (missing := missing_required(get_pack(case.context.scenario), case.context))
    }
    assert problems == {}


def test_bundled_must_mention_facts_come_from_the_context(bundled: Suite) -> None:
    ungrounded = [
        (case.id, phrase)
        for case in bundled.cases
        for phrase in case.must_mention
        if not mentions(case.context.model_dump_json(), phrase)
    ]
    assert ungrounded == []
