"""Tokens: a text split once into digits, words and single symbols, with what the readers ask of them.

Every reader of quantities works on token positions, never on characters: a phrase such as "a couple
of" is three tokens and "24-hour" is "24", "-", "hour". Phrases of the vocabulary are indexed by their
first word (`PhraseIndex`), so a reader tries only the phrases that can start at a token.
"""
from __future__ import annotations

import bisect
import re
from typing import Generic, Iterable, NamedTuple, Optional, TypeVar

# Numbers with thousands separators and decimals, words (with inner apostrophes), and single
# symbols. Non-breaking and other unicode spaces are whitespace to `\s`, so they separate tokens.
TOKEN_RE = re.compile(
    r"\d+(?:,\d{3})+(?:\.\d+)?(?!\d)"  # 1,234,567.5
    r"|\d*\.\d+|\d+"  # 3.5 .5 42
    r"|[^\W\d_]+(?:['’][^\W\d_]+)*"  # words
    r"|\S",
    re.UNICODE,
)
URL_RE = re.compile(r"(?:https?://|ftp://|www\.)\S+", re.IGNORECASE)
HYPHENS = frozenset({"-", "–", "—", "‑", "−"})
COMPARISON_SYMBOLS = frozenset({"<", ">", "=", "≤", "≥"})
# Empty tokens after the text, so that a reader may look a few tokens ahead without checking the end.
LOOKAHEAD_PADDING = 12


class Tok(NamedTuple):
    text: str
    low: str  # lower-case text
    start: int
    end: int


def tokenize(text: str) -> list[Tok]:
    return [Tok(match.group(), match.group().lower(), match.start(), match.end()) for match in TOKEN_RE.finditer(text)]


def token_tuple(phrase: str) -> tuple[str, ...]:
    """A phrase as the lower-case tokens a reader compares it with."""
    return tuple(token.low for token in tokenize(phrase))


Payload = TypeVar("Payload")


class PhraseIndex(Generic[Payload]):
    """Phrases (token tuples) indexed by their first token; `match` finds the longest one at a position."""

    __slots__ = ("by_first",)

    def __init__(self, items: Iterable[tuple[tuple[str, ...], Payload]] = ()):
        by_first: dict[str, list[tuple[tuple[str, ...], Payload]]] = {}
        for tokens, payload in items:
            by_first.setdefault(tokens[0], []).append((tokens, payload))
        for entries in by_first.values():
            entries.sort(key=lambda entry: -len(entry[0]))
        self.by_first = by_first

    def match(self, words: list[str], at: int) -> Optional[tuple[int, Payload]]:
        """(length, payload) of the longest phrase starting at token ``at``, None if none does."""
        entries = self.by_first.get(words[at]) if 0 <= at < len(words) else None
        if not entries:
            return None
        for tokens, payload in entries:
            size = len(tokens)
            if size == 1 or tuple(words[at:at + size]) == tokens:
                return size, payload
        return None

    def length(self, words: list[str], at: int) -> int:
        found = self.match(words, at)
        return found[0] if found else 0

    def first_words(self) -> set[str]:
        return set(self.by_first)

    def __len__(self) -> int:
        return sum(len(entries) for entries in self.by_first.values())


class TokenStream:
    """One text as tokens: ``raw`` as written, ``words`` in lower case, character ``starts`` and
    ``ends``; ``raw`` and ``words`` are padded with empty tokens for look-ahead."""

    __slots__ = ("text", "raw", "words", "starts", "ends", "count", "web_address_tokens")

    def __init__(self, text: str):
        self.text = text
        raw: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        for match in TOKEN_RE.finditer(text):
            raw.append(match.group())
            starts.append(match.start())
            ends.append(match.end())
        self.count = len(raw)
        self.raw = raw + [""] * LOOKAHEAD_PADDING
        self.words = [token.lower() for token in raw] + [""] * LOOKAHEAD_PADDING
        self.starts = starts
        self.ends = ends
        has_address = "://" in text or "www." in text.lower()
        self.web_address_tokens = self._web_address_tokens() if has_address else frozenset()

    def _web_address_tokens(self) -> frozenset[int]:
        """Tokens inside web addresses: '%28' and '/2013/' in a URL are not quantities."""
        inside = set()
        for address in URL_RE.finditer(self.text):
            position = bisect.bisect_left(self.starts, address.start())
            while position < self.count and self.ends[position] <= address.end():
                inside.add(position)
                position += 1
        return frozenset(inside)

    def adjacent(self, first: int, second: int) -> bool:
        """No whitespace between token ``first`` and token ``second``."""
        count = self.count
        return 0 <= first < count and 0 <= second < count and self.ends[first] == self.starts[second]

    def is_letter(self, at: int) -> bool:
        return 0 <= at < self.count and self.words[at][:1].isalpha()

    def is_digit(self, at: int) -> bool:
        return 0 <= at < self.count and self.words[at][:1].isdecimal()

    def previous(self, at: int) -> str:
        return self.words[at - 1] if at > 0 else ""

    def same_line(self, first: int, second: int) -> bool:
        count = self.count
        return 0 <= first < count and 0 <= second < count and "\n" not in self.text[self.ends[first]:self.starts[second]]

    def glued_word_after(self, at: int) -> bool:
        """Token ``at`` runs straight into a letter-word ('3 s-shaped' is not '3 s')."""
        return self.adjacent(at, at + 1) and self.is_letter(at + 1)

    def starts_number(self, at: int) -> bool:
        """A digit, or a decimal point before one ('.5')."""
        word = self.words[at]
        return word[:1].isdecimal() or (word[:1] == "." and word[1:2].isdecimal())
