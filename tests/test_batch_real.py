"""`warmnote draft --batch` with the real default model: a small JSON Lines batch, end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warmnote.cli import main
from warmnote.context import Context
from warmnote.guardrails import Guardrails
from warmnote.history import HistoryStore

ROOT = Path(__file__).resolve().parents[1]
CONTEXTS = ROOT / "evals" / "contexts.jsonl"


@pytest.mark.model
def test_a_small_batch_with_the_real_model(
    real_model_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("WARMNOTE_MODEL", str(real_model_path))
    contexts = [json.loads(line) for line in CONTEXTS.read_text(encoding="utf-8").splitlines()[:2]]
    batch = tmp_path / "people.jsonl"
    batch.write_text("\n".join(json.dumps(c) for c in contexts) + "\n", encoding="utf-8")
    out = tmp_path / "notes.jsonl"
    code = main(["draft", "--batch", str(batch), "--out", str(out), "--attempts", "2"])
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert code == (0 if all(r["passed"] for r in records) else 1), capsys.readouterr().err
    assert [r["id"] for r in records] == [c["id"] for c in contexts]
    guardrails = Guardrails.load()
    with HistoryStore() as history:
        for record, context in zip(records, contexts, strict=True):
            # Each row's verdict is the guardrails' verdict on its text, and history holds it.
            assert len(record["provenance"]["model_sha256"]) == 64
            verdict = guardrails.check(record["text"], Context.model_validate(context))
            assert verdict.passed == record["passed"]
            assert history.get(record["history_id"]).text == record["text"]
