"""The server backend against a real server: llama-cpp-python's own, with the default model.

One server per module (loading takes seconds): ``python -m llama_cpp.server`` on 127.0.0.1 at a
free port, waited for until it lists its model, stopped after. It runs with
``--interrupt_requests false``: by default that server ends a stream early whenever another
request arrives, which ``eval --concurrency`` would otherwise meet at once.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from warmnote import locations
from warmnote.cli import main
from warmnote.context import load_context
from warmnote.evals.suite import load_suite, resolve_suite_path
from warmnote.guardrails import Guardrails

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "event_followup.json"
ALIAS = "qwen2.5-coder-1.5b-instruct"
READY_SECONDS = 180


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server_url(real_model_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    log = (tmp_path_factory.mktemp("llama-server") / "server.log").open("w")
    command = [
        sys.executable, "-m", "llama_cpp.server",
        "--model", str(real_model_path), "--model_alias", ALIAS,
        "--host", "127.0.0.1", "--port", str(port),
        "--n_ctx", "2048", "--n_threads", "2", "--n_threads_batch", "2",
        "--interrupt_requests", "false",
    ]  # fmt: skip
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + READY_SECONDS
        while True:
            if process.poll() is not None:
                pytest.fail(f"llama_cpp.server exited with {process.returncode}; see {log.name}")
            try:
                if httpx.get(f"{url}/models", timeout=2, trust_env=False).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"llama_cpp.server not ready after {READY_SECONDS} s; see {log.name}")
            time.sleep(0.25)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.mark.model
def test_draft_against_the_real_server(server_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["draft", "--context", str(EXAMPLE), "--json", "--seed", "1", "--attempts", "1"]
    code = main([*argv, "--base-url", server_url])
    out = json.loads(capsys.readouterr().out)
    assert code == (0 if out["passed"] else 1)
    stamp = out["provenance"]
    assert (stamp["backend"], stamp["server_host"]) == ("openai", server_url.split("/")[2])
    assert (stamp["model_name"], stamp["model_sha256"]) == (ALIAS, "")
    assert all(attempt["completion_tokens"] > 0 for attempt in out["attempts"])
    verdict = Guardrails.load().check(out["text"], load_context(EXAMPLE))
    assert verdict.passed == out["passed"]
    assert out["text"].strip()


@pytest.mark.model
def test_eval_with_concurrency_2_against_the_real_server(
    server_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = tmp_path / "eval"
    # The server has one slot: a queued run waits for the other's whole reply on a busy machine.
    locations.config_file().parent.mkdir(parents=True, exist_ok=True)
    locations.config_file().write_text("[backend]\ntimeout_seconds = 600\n")
    argv = ["eval", "default", "--limit-cases", "3", "--attempts", "1", "--out", str(out_dir)]
    argv += ["--concurrency", "2", "--base-url", server_url, "--server-model", ALIAS]
    assert main(argv) == 0
    capsys.readouterr()
    report = json.loads((out_dir / "report.json").read_text())
    variant = report["variants"][0]
    assert (variant["model"], variant["model_name"]) == (ALIAS, ALIAS)
    assert variant["summary"]["runs"] == 3
    assert variant["summary"]["tokens_per_second"] > 0
    guardrails = Guardrails.load()
    suite = load_suite(resolve_suite_path("default"), limit_cases=3)
    contexts = {case.id: case.context for case in suite.cases}
    records = [json.loads(line) for line in (out_dir / "results.jsonl").read_text().splitlines()]
    assert sorted(record["case"] for record in records[1:]) == sorted(contexts)
    for record in records[1:]:
        result = record["result"]
        assert result["provenance"]["backend"] == "openai"
        # Every verdict in the log is the guardrails' verdict on the text it names.
        for attempt in result["attempts"]:
            verdict = guardrails.check(attempt["text"], contexts[record["case"]])
            assert verdict.passed == attempt["verdict"]["passed"]
    assert "## Length distribution" in (out_dir / "report.md").read_text()
