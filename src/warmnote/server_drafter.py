"""Drafting with a model on an OpenAI-compatible server: llama.cpp's ``llama-server``, vLLM,
Ollama's ``/v1``, LM Studio or llama-cpp-python's own server.

It speaks two endpoints, ``GET /models`` and a streamed ``POST /chat/completions``, through
httpx: a small, well-kept client with streaming and per-phase timeouts. The openai SDK would
bring more dependencies and retries of its own for no gain here. The client reads no proxy
settings from the environment and never follows a redirect, so it only ever connects to the
configured host:port.
"""

from __future__ import annotations

import json
import os
import random
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import httpx

from warmnote.backend import BackendSettings
from warmnote.drafter import ChatMessage, StreamEvent, TextChunk, Usage
from warmnote.errors import WarmnoteError
from warmnote.llama import STOP
from warmnote.sampling import Sampling
from warmnote.terminal import printable

RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
BACKOFF_SECONDS = 0.5
"""The first wait before a retry; each further one doubles, plus up to a quarter of jitter."""
MAX_BACKOFF_SECONDS = 30.0
CONNECT_TIMEOUT_SECONDS = 10.0
MAX_CONNECTIONS = 64
"""More than any sensible ``--concurrency``: each run streams over a connection of its own."""
DETAIL_CHARS = 160


class ServerError(WarmnoteError):
    """The server cannot draft: unreachable, refusing the key, without the model, or failing."""


class ServerDrafter:
    """A :class:`warmnote.drafter.Drafter` whose replies a server writes; thread-safe."""

    def __init__(
        self,
        backend: BackendSettings,
        *,
        backoff_seconds: float = BACKOFF_SECONDS,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if backend.base_url is None:
            raise ServerError("the openai backend needs base_url")
        self.backend = backend
        self.base_url = backend.base_url
        self._backoff_seconds = backoff_seconds
        self._sleep = sleep
        headers = {"Accept": "application/json"}
        key = _api_key(backend.api_key_env)
        if key is not None:
            headers["Authorization"] = f"Bearer {key}"
        self._client = httpx.Client(
            base_url=self.base_url + "/",
            headers=headers,
            timeout=httpx.Timeout(backend.timeout_seconds, connect=CONNECT_TIMEOUT_SECONDS),
            limits=httpx.Limits(
                max_connections=MAX_CONNECTIONS, max_keepalive_connections=MAX_CONNECTIONS
            ),
            trust_env=False,
            follow_redirects=False,
        )
        self._model: str | None = None
        self._load_lock = threading.Lock()

    # Identity --------------------------------------------------------------------------------

    @property
    def model_name(self) -> str:
        """The server's id of the model (known once loaded; the configured one before)."""
        return self._model or self.backend.model or "(not loaded)"

    @property
    def model_id(self) -> str:
        return f"openai:{self.server_host}/{self.model_name}"

    @property
    def server_host(self) -> str:
        return self.backend.host

    def load(self) -> str:
        """Ask the server which models it serves and settle on one; returns its id."""
        with self._load_lock:
            if self._model is None:
                self._model = self._pick_model(self._list_models())
            return self._model

    def close(self) -> None:
        self._client.close()

    # Drafting --------------------------------------------------------------------------------

    def stream(
        self, messages: Sequence[ChatMessage], sampling: Sampling, seed: int
    ) -> Iterator[StreamEvent]:
        """Yield the reply as the server streams it, then its usage; closing stops the request."""
        body = self.request_body(messages, sampling, seed)
        response = self._send("POST", "chat/completions", body=body, stream=True)
        chunks, finished, usage = 0, False, None
        try:
            for event in self._events(response):
                if isinstance(event.get("usage"), dict):
                    usage = event["usage"]
                for choice in event.get("choices") or []:
                    if not isinstance(choice, dict) or not isinstance(
                        choice.get("delta") or {}, dict
                    ):
                        raise self._not_a_stream()
                    text = (choice.get("delta") or {}).get("content")
                    if isinstance(text, str) and text:
                        chunks += 1
                        yield TextChunk(text)
                    finished = finished or bool(choice.get("finish_reason"))
        finally:
            response.close()
        if not finished:
            raise ServerError(
                f"the server at {self.base_url} ended the reply without finishing it; "
                "llama-cpp-python's server cuts a stream short when another request arrives "
                "unless it runs with --interrupt_requests false"
            )
        yield _usage(usage, chunks)

    def request_body(
        self, messages: Sequence[ChatMessage], sampling: Sampling, seed: int
    ) -> dict[str, Any]:
        """OpenAI's fields plus ``top_k`` and the repeat penalty under llama.cpp's name and
        vLLM's (``repetition_penalty``); servers ignore the fields they do not know."""
        return {
            "model": self.load(),
            "messages": [{"role": m.role, "content": m.content} for m in messages],
            "stream": True,
            "stream_options": {"include_usage": True},
            "temperature": sampling.temperature,
            "top_p": sampling.top_p,
            "top_k": sampling.top_k,
            "repeat_penalty": sampling.repeat_penalty,
            "repetition_penalty": sampling.repeat_penalty,
            "max_tokens": sampling.max_tokens,
            "seed": seed,
            "stop": list(STOP),
        }

    def warm(self, messages: Sequence[ChatMessage], cancel: threading.Event | None = None) -> bool:
        """Nothing to keep here: the server caches prompts (or not) on its own."""
        return True

    def prefill(self, messages: Sequence[ChatMessage], cancel: threading.Event) -> bool:
        """Not supported over the API: the prompt is processed when the draft is asked for."""
        return False

    # HTTP ------------------------------------------------------------------------------------

    def _list_models(self) -> list[str]:
        response = self._send("GET", "models")
        try:
            data = response.json()["data"]
            return [str(item["id"]) for item in data]
        except (ValueError, KeyError, TypeError):
            raise ServerError(
                f"{self.base_url}/models is not an OpenAI model list; "
                "base_url is the API root, usually ending in /v1"
            ) from None

    def _pick_model(self, served: list[str]) -> str:
        wanted = self.backend.model
        listing = ", ".join(served[:10]) + (", …" if len(served) > 10 else "")
        if wanted is not None:
            for name in (wanted, f"{wanted}:latest"):  # Ollama lists tags in full
                if name in served:
                    return name
            raise ServerError(
                f"the server at {self.base_url} has no model {wanted!r} "
                f"(it serves: {listing or 'nothing'}); choose one with --server-model"
            )
        if len(served) == 1:
            return served[0]
        if not served:
            raise ServerError(f"the server at {self.base_url} lists no models")
        raise ServerError(
            f"the server at {self.base_url} serves several models ({listing}); "
            "choose one with --server-model or [backend] model"
        )

    def _send(
        self, method: str, path: str, *, body: dict[str, Any] | None = None, stream: bool = False
    ) -> httpx.Response:
        """One request, tried again after a 429, a 5xx or a dropped connection."""
        url = f"{self.base_url}/{path}"
        for attempt in range(self.backend.retries + 1):
            last = attempt == self.backend.retries
            request = self._client.build_request(method, path, json=body)
            try:
                response = self._client.send(request, stream=stream)
            except httpx.ConnectTimeout:
                raise ServerError(
                    f"cannot reach the server at {url} (no connection within "
                    f"{CONNECT_TIMEOUT_SECONDS:g} s)"
                ) from None
            except httpx.ConnectError as exc:
                raise ServerError(f"cannot reach the server at {url} ({_reason(exc)})") from None
            except httpx.TimeoutException:
                raise ServerError(
                    f"the server at {url} did not answer within "
                    f"{self.backend.timeout_seconds:g} s (timeout_seconds in [backend])"
                ) from None
            except httpx.TransportError as exc:
                if last:
                    raise ServerError(
                        f"the server at {url} dropped the connection ({_reason(exc)})"
                    ) from None
                self._sleep(self._backoff(attempt, None))
                continue
            if response.status_code in RETRY_STATUS and not last:
                response.close()
                self._sleep(self._backoff(attempt, response.headers.get("Retry-After")))
                continue
            if response.status_code >= 400:
                raise self._refusal(response, url)
            return response
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _backoff(self, attempt: int, retry_after: str | None) -> float:
        """Exponential with jitter, or what the server's Retry-After asks (capped)."""
        if retry_after is not None and retry_after.strip().isdigit():
            return min(float(retry_after), MAX_BACKOFF_SECONDS)
        delay = min(self._backoff_seconds * float(2**attempt), MAX_BACKOFF_SECONDS)
        return delay + random.uniform(0, delay / 4)

    def _refusal(self, response: httpx.Response, url: str) -> ServerError:
        status = response.status_code
        response.read()  # a streamed answer's body is not read yet
        response.close()
        detail = _detail(response)
        if status in (401, 403):
            hint = (
                f"check the key in ${self.backend.api_key_env}"
                if self.backend.api_key_env
                else "name the variable that holds it in [backend] api_key_env"
            )
            return ServerError(f"the server at {url} refused the API key (HTTP {status}); {hint}")
        if status == 404 and url.endswith("/models"):
            return ServerError(f"no OpenAI API at {url} (HTTP 404); base_url usually ends in /v1")
        if status in (400, 404) and "model" in detail.lower():
            return ServerError(
                f"the server at {self.base_url} has no model {self.model_name!r} "
                f"(HTTP {status}: {detail})"
            )
        tries = f" after {self.backend.retries + 1} tries" if status in RETRY_STATUS else ""
        return ServerError(f"the server at {url} answered HTTP {status}{tries}: {detail}")

    def _not_a_stream(self) -> ServerError:
        return ServerError(
            f"the server at {self.base_url} sent a reply that is not an OpenAI chat completion "
            "stream"
        )

    def _events(self, response: httpx.Response) -> Iterator[dict[str, Any]]:
        """The JSON events of a server-sent-event stream, up to ``[DONE]``."""
        try:
            for line in response.iter_lines():
                if not line.startswith("data:"):
                    continue  # comments (pings), event names, blank separators
                data = line[5:].strip()
                if data == "[DONE]":
                    return
                try:
                    event = json.loads(data)
                except ValueError:
                    event = None
                if not isinstance(event, dict) or not isinstance(event.get("choices") or [], list):
                    raise self._not_a_stream()
                if "error" in event:
                    raise ServerError(
                        f"the server at {self.base_url} failed mid-reply: {_detail_of(event)}"
                    )
                yield event
        except httpx.TimeoutException:
            raise ServerError(
                f"the server at {self.base_url} stopped sending for "
                f"{self.backend.timeout_seconds:g} s mid-reply"
            ) from None
        except httpx.TransportError as exc:
            raise ServerError(
                f"the server at {self.base_url} dropped the connection mid-reply ({_reason(exc)})"
            ) from None


def _api_key(variable: str | None) -> str | None:
    if variable is None:
        return None
    key = os.environ.get(variable)
    if not key:
        raise ServerError(f"[backend] api_key_env names {variable}, which is not set")
    return key


def _usage(usage: dict[str, Any] | None, chunks: int) -> Usage:
    """The server's token counts; chunk counts where it sends none (one chunk is about a token)."""
    usage = usage or {}
    prompt = _count(usage.get("prompt_tokens"))
    details = usage.get("prompt_tokens_details")
    cached = _count(details.get("cached_tokens")) if isinstance(details, dict) else 0
    return Usage(
        prompt_tokens=prompt,
        processed_tokens=max(prompt - cached, 0),
        completion_tokens=_count(usage.get("completion_tokens")) or chunks,
    )


def _count(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def _detail(response: httpx.Response) -> str:
    try:
        payload = response.json()
    except ValueError:
        return _short(response.text or response.reason_phrase)
    return _detail_of(payload) if isinstance(payload, dict) else _short(str(payload))


def _detail_of(payload: dict[str, Any]) -> str:
    """The message of OpenAI's ``{"error": {"message": …}}`` or FastAPI's ``{"detail": …}``."""
    error = payload.get("error", payload.get("detail", payload))
    if isinstance(error, dict):
        error = error.get("message", error)
    return _short(str(error))


def _short(text: str) -> str:
    line = printable(" ".join(text.split()), one_line=True)
    return line if len(line) <= DETAIL_CHARS else line[: DETAIL_CHARS - 1] + "…"


def _reason(exc: httpx.TransportError) -> str:
    return _short(str(exc) or type(exc).__name__)
