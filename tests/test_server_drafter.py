"""The OpenAI-compatible server backend against a small fake server from the standard library.

The fake server answers ``GET /v1/models`` and streams ``POST /v1/chat/completions`` the way
llama.cpp's, vLLM's and Ollama's servers do, and can be told to fail: 429 and 5xx answers,
refused keys, unknown models, silence, cut and malformed streams. The real server is in
``test_server_real.py``.
"""

from __future__ import annotations

import hashlib
import json
import shlex
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warmnote import cli
from warmnote.backend import BackendSettings
from warmnote.commands import eval as eval_command
from warmnote.drafter import ChatMessage, ScriptedDrafter, StreamEvent, TextChunk, Usage
from warmnote.evals.records import RESULTS_FILE
from warmnote.evals.runner import EvalPlan, run_suite
from warmnote.evals.suite import load_suite, resolve_suite_path
from warmnote.guardrails import Guardrails
from warmnote.sampling import Sampling, SeedSchedule
from warmnote.server_drafter import ServerDrafter, ServerError
from warmnote.session import DraftingSession
from warmnote.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "event_followup.json"
MESSAGES = [ChatMessage("system", "Write notes."), ChatMessage("user", "To: Ana")]


# The fake server -------------------------------------------------------------------------


@dataclass
class Step:
    """What the server does with one chat request."""

    status: int = 200
    chunks: tuple[str, ...] = ("Hi", " Ana")
    finish: bool = True
    usage: dict[str, Any] | None = None
    body: bytes | None = None
    """Sent as is instead of a stream (a JSON error, or garbage)."""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    """Seconds of silence before answering."""


@dataclass
class FakeServer:
    port: int = 0
    models: list[str] = field(default_factory=lambda: ["fake-model"])
    models_status: int = 200
    steps: list[Step] = field(default_factory=list)
    """Scripted answers, one per chat request; when spent, ``reply`` writes the answer."""
    reply: Callable[[dict[str, Any]], Step] = lambda body: Step()
    key: str | None = None
    requests: list[tuple[str, str, dict[str, str], dict[str, Any] | None]] = field(
        default_factory=list
    )
    in_flight: int = 0
    most_in_flight: int = 0
    meeting: threading.Barrier | None = None
    """When set, the first chat request is held here until a second one arrives."""
    chats: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def chat_bodies(self) -> list[dict[str, Any]]:
        return [body for method, _, _, body in self.requests if method == "POST" and body]

    def next_step(self, body: dict[str, Any]) -> Step:
        with self.lock:
            if self.steps:
                return self.steps.pop(0)
        return self.reply(body)


def _handler(server: FakeServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            server.requests.append(("GET", self.path, dict(self.headers), None))
            if not self._authorised():
                return
            if self.path != "/v1/models" or server.models_status != 200:
                self._send(server.models_status if self.path == "/v1/models" else 404, b"{}")
                return
            data = [{"id": name, "object": "model"} for name in server.models]
            self._send(200, json.dumps({"object": "list", "data": data}).encode())

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", 0))
            body = json.loads(self.rfile.read(length))
            server.requests.append(("POST", self.path, dict(self.headers), body))
            if not self._authorised():
                return
            step = server.next_step(body)
            with server.lock:
                server.in_flight += 1
                server.most_in_flight = max(server.most_in_flight, server.in_flight)
                server.chats += 1
                meets = server.meeting is not None and server.chats <= 2
            try:
                if meets:
                    assert server.meeting is not None
                    server.meeting.wait()  # raises, failing the request, if no second one comes
                time.sleep(step.delay)
                if step.status != 200 or step.body is not None:
                    self._send(step.status, step.body or b'{"error": {"message": "busy"}}', step)
                else:
                    self._stream(step)
            finally:
                with server.lock:
                    server.in_flight -= 1

        def _authorised(self) -> bool:
            if server.key is None or self.headers.get("Authorization") == f"Bearer {server.key}":
                return True
            self._send(401, b'{"error": {"message": "Invalid API Key"}}')
            return False

        def _send(self, status: int, body: bytes, step: Step | None = None) -> None:
            self.send_response(status)
            for name, value in (step.headers if step else {}).items():
                self.send_header(name, value)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _stream(self, step: Step) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b": ping\n\n")
            for text in step.chunks:
                self._event({"choices": [{"index": 0, "delta": {"content": text}}]})
                time.sleep(0.001)
            if step.finish:
                self._event({"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
            if step.usage is not None:
                self._event({"choices": [], "usage": step.usage})
            self.wfile.write(b"data: [DONE]\n\n")
            self.close_connection = True

        def _event(self, payload: dict[str, Any]) -> None:
            self.wfile.write(b"data: " + json.dumps(payload).encode() + b"\n\n")
            self.wfile.flush()

    return Handler


class QuietServer(ThreadingHTTPServer):
    """Says nothing when a client hangs up mid-answer, which the timeout tests make it do."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture
def fake() -> Iterator[FakeServer]:
    state = FakeServer()
    httpd = QuietServer(("127.0.0.1", 0), _handler(state))
    state.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield state
    httpd.shutdown()
    httpd.server_close()


def drafter(server: FakeServer, **backend: Any) -> tuple[ServerDrafter, list[float]]:
    sleeps: list[float] = []
    settings = BackendSettings(kind="openai", base_url=server.url, **backend)
    return ServerDrafter(settings, backoff_seconds=0.01, sleep=sleeps.append), sleeps


def reply_of(served: ServerDrafter, seed: int = 7) -> tuple[str, Usage]:
    events = list(served.stream(MESSAGES, Sampling(), seed))
    assert isinstance(events[-1], Usage)
    text = "".join(event.text for event in events if isinstance(event, TextChunk))
    return text, events[-1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


# Drafting --------------------------------------------------------------------------------


def test_a_reply_streams_with_the_settings_seed_and_stops_passed_through(
    fake: FakeServer,
) -> None:
    fake.steps = [Step(usage={"prompt_tokens": 50, "completion_tokens": 2})]
    served, _ = drafter(fake)
    sampling = Sampling(temperature=0.3, top_p=0.8, top_k=20, repeat_penalty=1.2, max_tokens=64)
    events = list(served.stream(MESSAGES, sampling, 1234))
    assert events == [TextChunk("Hi"), TextChunk(" Ana"), Usage(50, 50, 2)]
    body = fake.chat_bodies[0]
    assert body["model"] == "fake-model" and body["stream"] is True
    assert body["messages"] == [
        {"role": "system", "content": "Write notes."},
        {"role": "user", "content": "To: Ana"},
    ]
    names = ("temperature", "top_p", "top_k", "repeat_penalty", "repetition_penalty")
    assert [body[name] for name in names] == [0.3, 0.8, 20, 1.2, 1.2]
    assert (body["max_tokens"], body["seed"]) == (64, 1234)
    assert "<|im_end|>" in body["stop"] and len(body["stop"]) <= 4  # OpenAI allows four
    assert served.server_host == f"127.0.0.1:{fake.port}"
    assert served.model_name == "fake-model"


@pytest.mark.parametrize(
    ("usage", "expected"),
    [
        pytest.param(None, Usage(0, 0, 3), id="no-usage-counts-chunks"),
        pytest.param(
            {"prompt_tokens": 40, "completion_tokens": 9, "prompt_tokens_details": {}},
            Usage(40, 40, 9),
            id="usage",
        ),
        pytest.param(
            {
                "prompt_tokens": 40,
                "completion_tokens": 9,
                "prompt_tokens_details": {"cached_tokens": 30},
            },
            Usage(40, 10, 9),
            id="cached-prompt",
        ),
        pytest.param({"prompt_tokens": "x", "completion_tokens": -1}, Usage(0, 0, 3), id="junk"),
    ],
)
def test_usage_is_the_servers_or_counted(
    fake: FakeServer, usage: dict[str, Any] | None, expected: Usage
) -> None:
    fake.steps = [Step(chunks=("a", "b", "c"), usage=usage)]
    assert reply_of(drafter(fake)[0])[1] == expected


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(chunks=st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=8))
def test_any_text_arrives_whole_and_in_order(fake: FakeServer, chunks: list[str]) -> None:
    fake.steps = [Step(chunks=tuple(chunks))]
    text, usage = reply_of(drafter(fake)[0])
    assert text == "".join(chunks)
    assert usage.completion_tokens == len(chunks)


def test_warm_has_nothing_to_do_and_prefill_is_not_claimed(fake: FakeServer) -> None:
    served, _ = drafter(fake)
    assert served.warm(MESSAGES) is True
    assert served.prefill(MESSAGES, threading.Event()) is False
    assert fake.requests == [], "neither costs a request"


# Choosing the model ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("served_models", "wanted", "picked", "error"),
    [
        (["only"], None, "only", None),
        (["a", "b"], "b", "b", None),
        (["llama3:latest"], "llama3", "llama3:latest", None),
        (["a", "b"], None, None, "serves several models (a, b); choose one with --server-model"),
        (["a"], "nope", None, "has no model 'nope' (it serves: a); choose one with --server-model"),
        ([], None, None, "lists no models"),
    ],
)
def test_the_model_is_the_one_asked_for_or_the_only_one(
    fake: FakeServer,
    served_models: list[str],
    wanted: str | None,
    picked: str | None,
    error: str | None,
) -> None:
    fake.models = served_models
    served, _ = drafter(fake, model=wanted)
    if error is None:
        assert served.load() == picked
    else:
        with pytest.raises(ServerError, match=error.replace("(", r"\(").replace(")", r"\)")):
            served.load()


# Retries ---------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
def test_busy_and_failing_answers_are_retried_with_growing_backoff(
    fake: FakeServer, status: int
) -> None:
    fake.steps = [Step(status=status), Step(status=status), Step(status=status), Step()]
    served, sleeps = drafter(fake, retries=4)
    assert reply_of(served)[0] == "Hi Ana"
    assert len(fake.chat_bodies) == 4
    assert len(sleeps) == 3
    for attempt, slept in enumerate(sleeps):
        assert 0.01 * 2**attempt <= slept <= 0.01 * 2**attempt * 1.25


def test_retry_after_is_honoured(fake: FakeServer) -> None:
    fake.steps = [Step(status=429, headers={"Retry-After": "2"}), Step()]
    served, sleeps = drafter(fake)
    reply_of(served)
    assert sleeps == [2.0]


def test_retries_end_in_one_line_naming_the_status(fake: FakeServer) -> None:
    fake.steps = [Step(status=503)] * 3
    served, sleeps = drafter(fake, retries=2)
    with pytest.raises(ServerError) as caught:
        reply_of(served)
    message = str(caught.value)
    assert (
        message
        == f"the server at {fake.url}/chat/completions answered HTTP 503 after 3 tries: busy"
    )
    assert len(sleeps) == 2 and "\n" not in message


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
def test_a_refusal_is_not_retried(fake: FakeServer, status: int) -> None:
    fake.steps = [Step(status=status, body=b'{"detail": "bad request"}')]
    served, sleeps = drafter(fake)
    with pytest.raises(ServerError):
        reply_of(served)
    assert sleeps == [] and len(fake.chat_bodies) == 1


# One-line errors -------------------------------------------------------------------------


def test_the_api_key_comes_from_the_named_variable_and_is_never_shown(
    fake: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake.key = "sk-right"
    monkeypatch.setenv("WARMNOTE_TEST_KEY", "sk-right")
    served, _ = drafter(fake, api_key_env="WARMNOTE_TEST_KEY")
    assert reply_of(served)[0] == "Hi Ana"
    assert fake.requests[-1][2]["Authorization"] == "Bearer sk-right"

    monkeypatch.setenv("WARMNOTE_TEST_KEY", "sk-wrong")
    with pytest.raises(ServerError) as caught:
        drafter(fake, api_key_env="WARMNOTE_TEST_KEY")[0].load()
    assert str(caught.value) == (
        f"the server at {fake.url}/models refused the API key (HTTP 401); "
        "check the key in $WARMNOTE_TEST_KEY"
    )
    assert "sk-" not in str(caught.value)


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        pytest.param(
            lambda server, env: setattr(server, "key", "k"),
            "refused the API key (HTTP 401); name the variable that holds it in [backend] "
            "api_key_env",
            id="no-key",
        ),
        pytest.param(
            lambda server, env: env.delenv("WARMNOTE_UNSET_KEY", raising=False),
            "[backend] api_key_env names WARMNOTE_UNSET_KEY, which is not set",
            id="unset-variable",
        ),
        pytest.param(
            lambda server, env: setattr(server, "models_status", 404),
            "(HTTP 404); base_url usually ends in /v1",
            id="not-an-api",
        ),
    ],
)
def test_setup_mistakes_are_one_line(
    fake: FakeServer,
    monkeypatch: pytest.MonkeyPatch,
    setup: Callable[[FakeServer, pytest.MonkeyPatch], None],
    expected: str,
) -> None:
    setup(fake, monkeypatch)
    key_env = "WARMNOTE_UNSET_KEY" if "UNSET" in expected else None
    with pytest.raises(ServerError) as caught:
        drafter(fake, api_key_env=key_env)[0].load()
    assert expected in str(caught.value) and "\n" not in str(caught.value)


def test_an_unreachable_server_is_one_line_at_once() -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    served = ServerDrafter(BackendSettings(kind="openai", base_url=url))
    started = time.perf_counter()
    with pytest.raises(ServerError, match=rf"^cannot reach the server at {url}/models \("):
        served.load()
    assert time.perf_counter() - started < 5, "connection refused is not retried"


def test_a_silent_server_times_out(fake: FakeServer) -> None:
    fake.steps = [Step(delay=1.0)]
    served, _ = drafter(fake, timeout_seconds=0.2)
    with pytest.raises(ServerError, match=r"did not answer within 0\.2 s"):
        reply_of(served)


@pytest.mark.parametrize(
    ("step", "expected"),
    [
        pytest.param(Step(finish=False), "--interrupt_requests false", id="cut-short"),
        pytest.param(
            Step(status=200, body=b"data: not json\n\n"),
            "not an OpenAI chat completion stream",
            id="garbage",
        ),
        pytest.param(
            Step(status=404, body=b'{"error": {"message": "model \\"x\\" not found"}}'),
            "has no model 'fake-model' (HTTP 404: model \"x\" not found)",
            id="model-gone",
        ),
    ],
)
def test_a_broken_reply_is_one_line(fake: FakeServer, step: Step, expected: str) -> None:
    fake.steps = [step]
    with pytest.raises(ServerError) as caught:
        reply_of(drafter(fake)[0])
    assert expected in str(caught.value) and "\n" not in str(caught.value)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=4),
    lambda inner: (
        st.lists(inner, max_size=2) | st.dictionaries(st.text(max_size=4), inner, max_size=2)
    ),
    max_leaves=4,
)
CHOICE = JSON | st.fixed_dictionaries(
    {}, optional={"delta": JSON | st.fixed_dictionaries({"content": JSON}), "finish_reason": JSON}
)
EVENT = st.fixed_dictionaries(
    {},
    optional={
        "choices": JSON | st.lists(CHOICE, max_size=3),
        "usage": JSON
        | st.fixed_dictionaries(
            {}, optional={"prompt_tokens": JSON, "prompt_tokens_details": JSON}
        ),
    },
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(events=st.lists(EVENT, min_size=1, max_size=3))
def test_any_malformed_chunk_is_a_reply_or_one_line(
    fake: FakeServer, events: list[dict[str, Any]]
) -> None:
    lines = [b"data: " + json.dumps(event).encode() + b"\n\n" for event in events]
    fake.steps = [Step(body=b"".join(lines) + b"data: [DONE]\n\n")]
    try:
        replied = list(drafter(fake)[0].stream(MESSAGES, Sampling(), 1))
    except ServerError as error:
        assert "\n" not in str(error)
    else:
        assert isinstance(replied[-1], Usage)


# The command line ------------------------------------------------------------------------


def draft_argv(server: FakeServer, *more: str) -> list[str]:
    return [
        "draft",
        "--context",
        str(EXAMPLE),
        "--backend",
        "openai",
        "--base-url",
        server.url,
        "--first-draft",
        "model",
        *more,
    ]


def test_draft_connects_only_to_the_configured_host_and_port(
    fake: FakeServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # never read: no proxy detours
    monkeypatch.setenv("ALL_PROXY", "http://127.0.0.1:9")
    contacted: list[Any] = []
    connect = socket.socket.connect

    def record(self: socket.socket, address: Any) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            contacted.append(address[:2])
        connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", record)
    fake.reply = lambda body: Step(
        chunks=("Hi Tomás, I enjoyed your PyData Lisbon talk on backpressure.",)
    )
    code = cli.main(draft_argv(fake, "--json", "--seed", "3"))
    out = json.loads(capsys.readouterr().out)
    assert code in (0, 1)
    assert contacted and set(contacted) == {("127.0.0.1", fake.port)}
    provenance = out["provenance"]
    assert provenance["backend"] == "openai"
    assert provenance["server_host"] == f"127.0.0.1:{fake.port}"
    assert (provenance["model_name"], provenance["model_sha256"]) == ("fake-model", "")
    seeds = [body["seed"] for body in fake.chat_bodies]
    assert seeds == [SeedSchedule.generation_seed(3, n) for n in range(1, len(seeds) + 1)]


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        pytest.param(
            ["--backend", "openai"], "--backend: the openai backend needs base_url", id="no-url"
        ),
        pytest.param(
            ["--base-url", "ftp://host/v1"],
            "--base-url: must be an http:// or https:// URL with a host",
            id="ftp",
        ),
        pytest.param(
            ["--base-url", "http://me:secret@host/v1"],
            "--base-url: must not hold credentials",
            id="credentials",
        ),
        pytest.param(
            ["--base-url", "http://127.0.0.1:1/v1", "--model", "x.gguf"],
            "--model: a GGUF file is for the local backend",
            id="gguf-with-server",
        ),
    ],
)
def test_bad_backend_flags_are_one_line(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["draft", "--context", str(EXAMPLE), *argv])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(f"warmnote: {expected}") and err.count("\n") == 1


def test_an_unreachable_server_is_exit_2_on_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    code = cli.main(
        ["draft", "--context", str(EXAMPLE), "--base-url", url, "--first-draft", "model"]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert (
        err.startswith(f"warmnote: cannot reach the server at {url}/models")
        and err.count("\n") == 1
    )


def test_the_config_file_names_the_server_and_flags_go_on_top(
    fake: FakeServer, warmnote_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from warmnote import locations

    fake.models = ["small", "big"]
    locations.config_file().parent.mkdir(parents=True, exist_ok=True)
    locations.config_file().write_text(
        f'[backend]\nkind = "openai"\nbase_url = "{fake.url}"\nmodel = "small"\n'
    )
    draft = ["draft", "--context", str(EXAMPLE), "--json", "--first-draft", "model"]
    assert cli.main(draft) in (0, 1)
    assert cli.main([*draft, "--server-model", "big"]) in (
        0,
        1,
    )
    assert [body["model"] for body in fake.chat_bodies][:1] == ["small"]
    assert fake.chat_bodies[-1]["model"] == "big"
    capsys.readouterr()


def test_the_app_takes_backend_flags_and_refuses_bad_ones_before_starting(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import warmnote.tui

    started: list[dict[str, str] | None] = []
    monkeypatch.setattr(warmnote.tui, "run_app", lambda flags=None: started.append(flags) or 0)
    assert cli.main(["--base-url", "http://127.0.0.1:8080/v1", "--server-model", "m"]) == 0
    assert started == [{"base_url": "http://127.0.0.1:8080/v1", "server_model": "m"}]
    assert cli.main(["--base-url", "nonsense"]) == 2
    assert "--base-url" in capsys.readouterr().err and len(started) == 1


def test_the_app_drafts_with_the_flagged_server() -> None:
    from warmnote.tui.app import WarmnoteApp

    app = WarmnoteApp(backend_flags={"base_url": "http://127.0.0.1:8080/v1"})
    assert app.settings.backend.kind == "openai"
    assert app.settings.backend.host == "127.0.0.1:8080"


def test_the_local_default_never_imports_the_http_client() -> None:
    script = (
        "import sys\n"
        "from warmnote import cli, session\n"
        "from warmnote.commands import draft, eval\n"
        "from warmnote.settings import Settings\n"
        "session.DraftingSession(Settings())\n"
        "print('httpx' in sys.modules, 'warmnote.server_drafter' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["False", "False"]


# Eval with concurrency -------------------------------------------------------------------


def note_for(body: dict[str, Any]) -> Step:
    """A reply that depends only on the request, never on the order requests arrive in."""
    digest = hashlib.sha256(json.dumps([body["messages"], body["seed"]]).encode()).hexdigest()
    return Step(chunks=("Thanks", f" {digest[:6]}", " for the talk."), delay=0.02)


def eval_argv(server: FakeServer, out: Path, *more: str) -> list[str]:
    return [
        "eval",
        "default",
        "--limit-cases",
        "6",
        "--attempts",
        "2",
        "--out",
        str(out),
        "--base-url",
        server.url,
        *more,
    ]


def runs_of(out: Path) -> dict[tuple[str, int], tuple[str, list[str], list[int | None]]]:
    lines = (out / RESULTS_FILE).read_text().splitlines()[1:]
    runs = {}
    for line in lines:
        record = json.loads(line)
        result = record["result"]
        attempts = result["attempts"]
        runs[(record["case"], record["seed"])] = (
            result["text"],
            [a["text"] for a in attempts],
            [a["seed"] for a in attempts],
        )
    return runs


def report_shape(out: Path) -> Any:
    def shape(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: shape(item) for key, item in value.items()}
        if isinstance(value, list):
            return [shape(item) for item in value[:1]]
        return type(value).__name__

    return shape(json.loads((out / "report.json").read_text()))


def test_eval_concurrency_drafts_at_once_with_the_same_results_and_report(
    fake: FakeServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake.reply = note_for
    one, three = tmp_path / "one", tmp_path / "three"
    assert cli.main(eval_argv(fake, one)) == 0
    assert fake.most_in_flight == 1
    fake.meeting, fake.chats = threading.Barrier(2, timeout=10), 0
    assert cli.main(eval_argv(fake, three, "--concurrency", "3")) == 0
    assert fake.most_in_flight >= 2, "runs drafted at once"
    assert runs_of(three) == runs_of(one) and len(runs_of(one)) == 6
    assert report_shape(three) == report_shape(one)
    md_one, md_three = (one / "report.md").read_text(), (three / "report.md").read_text()
    assert md_one.splitlines()[0] == md_three.splitlines()[0]
    capsys.readouterr()


def test_a_failed_concurrent_eval_keeps_finished_runs_and_resumes(
    fake: FakeServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fake.reply = note_for
    whole, part = tmp_path / "whole", tmp_path / "part"
    assert cli.main(eval_argv(fake, whole, "--concurrency", "2")) == 0
    requests = iter(range(1, 1000))

    def fail_the_fifth(body: dict[str, Any]) -> Step:
        if next(requests) == 5:
            return Step(status=400, body=b'{"error": {"message": "stop"}}')
        return note_for(body)

    with monkeypatch.context() as patch:
        patch.setattr(fake, "next_step", fail_the_fifth)
        assert cli.main(eval_argv(fake, part, "--concurrency", "2")) == 2
    assert "HTTP 400: stop" in capsys.readouterr().err
    assert 0 < len(runs_of(part)) < 6
    assert cli.main(eval_argv(fake, part, "--concurrency", "2", "--resume")) == 0
    assert runs_of(part) == runs_of(whole)
    capsys.readouterr()


def test_draft_and_eval_close_their_server_connections(
    fake: FakeServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fake.reply = note_for
    opened: list[ServerDrafter] = []
    closed: list[ServerDrafter] = []
    original_init, original_close = ServerDrafter.__init__, ServerDrafter.close

    def init(self: ServerDrafter, *args: Any, **kwargs: Any) -> None:
        opened.append(self)
        original_init(self, *args, **kwargs)

    def close(self: ServerDrafter) -> None:
        closed.append(self)
        original_close(self)

    monkeypatch.setattr(ServerDrafter, "__init__", init)
    monkeypatch.setattr(ServerDrafter, "close", close)
    assert cli.main(draft_argv(fake, "--json")) in (0, 1)
    assert len(opened) == 1 and closed == opened
    assert cli.main(eval_argv(fake, tmp_path / "eval", "--concurrency", "2")) == 0
    assert len(opened) == 3 and closed == opened, "the model check's and the session's"
    capsys.readouterr()


def test_concurrency_needs_a_server(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["eval", "default", "--concurrency", "2"]) == 2
    assert capsys.readouterr().err.startswith("warmnote: --concurrency: needs a server backend")


def test_the_resume_command_repeats_the_backend_and_concurrency() -> None:
    args = cli.build_parser().parse_args(
        [
            "eval",
            "s.toml",
            "--base-url",
            "http://h:1/v1",
            "--server-model",
            "m",
            "--concurrency",
            "4",
        ]
    )
    assert eval_command.resume_command(args) == shlex.join(
        [
            "warmnote", "eval", "s.toml", "--concurrency", "4",
            "--base-url", "http://h:1/v1", "--server-model", "m", "--resume",
        ]
    )  # fmt: skip


class Overlapping(ScriptedDrafter):
    """A local stand-in that notes how many streams were open at once."""

    open_streams = 0
    most_open = 0

    def stream(
        self, messages: Sequence[ChatMessage], sampling: Sampling, seed: int
    ) -> Iterator[StreamEvent]:
        type(self).open_streams += 1
        type(self).most_open = max(type(self).most_open, type(self).open_streams)
        try:
            time.sleep(0.02)
            yield from super().stream(messages, sampling, seed)
        finally:
            type(self).open_streams -= 1


def test_a_local_model_drafts_one_run_at_a_time_whatever_the_concurrency(tmp_path: Path) -> None:
    guardrails = Guardrails.load()
    model = Overlapping(["Hi there, I'd like to hear how you plan releases."])
    session = DraftingSession(Settings(), make_drafter=lambda: model, guardrails=guardrails)
    suite = load_suite(resolve_suite_path("default"), limit_cases=4)
    plan = EvalPlan(suite=suite, models=("local.gguf",), attempts=1)
    outcome = run_suite(
        plan, tmp_path, guardrails=guardrails, open_session=lambda _: session, concurrency=4
    )
    assert outcome.complete
    assert Overlapping.most_open == 1
