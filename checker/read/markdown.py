"""The Markdown view: the page with what is not prose blanked out, the same length as the page.

Blanked: YAML (``---``) or TOML (``+++``) front matter, whose ``title`` is the page's title; fenced code
blocks (an unclosed fence runs to the end, as CommonMark reads it); indented code blocks; code spans;
HTML comments, CDATA and script/style content; blockquote markers (``>``), which are syntax.
Every pass is one scan of the text, so the cost is linear in its length.
"""
from __future__ import annotations

import re
from typing import Optional

from .html import blank, non_prose_ranges

_FRONT_MATTER_RE = re.compile(r"\A(\ufeff?)(---|\+\+\+)[ \t]*\r?\n(.*?)\r?\n(?:\2|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_FRONT_TITLE_RE = re.compile(r"^title[ \t]*[:=](.*)$", re.M | re.I)
_FENCE_RE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})")
_LIST_ITEM_RE = re.compile(r"[ \t]*(?:[-*+•]|\d{1,9}[.)])(?:[ \t]|$)")
_QUOTE_MARKERS_RE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+", re.M)
_BACKTICKS_RE = re.compile(r"`+")
_BLANK_LINE_RE = re.compile(r"\n[ \t\r]*\n")
MAX_TITLE = 300  # characters: a title is a name, not a page (and spaCy reads it as one short doc)


def front_matter_view(text: str) -> tuple[str, Optional[str]]:
    """A Markdown page's front matter blanked out (same length: offsets hold), and its title.

    Front matter is data about the page, not prose: its dates and numbers are never claims; its
    ``title`` is the page's title."""
    m = _FRONT_MATTER_RE.match(text)
    if not m:
        return text, None
    title = None
    t = _FRONT_TITLE_RE.search(m.group(3))
    if t:
        raw = t.group(1).strip()
        if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
            raw = raw[1:-1]
        title = " ".join(raw.split())[:MAX_TITLE] or None
    return m.group(1) + blank(m.group(0)[len(m.group(1)):]) + text[m.end():], title


def markdown_view(text: str) -> tuple[str, Optional[str]]:
    """The view of a Markdown page and its front matter title."""
    view, title = front_matter_view(text)
    view = _blank_ranges(view, _code_blocks(view))
    view = _blank_ranges(view, non_prose_ranges(view))
    view = _blank_ranges(view, _code_spans(view))
    view = _QUOTE_MARKERS_RE.sub(lambda m: blank(m.group()), view)
    return view, title


def _blank_ranges(text: str, ranges: list) -> str:
    if not ranges:
        return text
    pieces, pos = [], 0
    for a, b in ranges:
        pieces.append(text[pos:a])
        pieces.append(blank(text[a:b]))
        pos = b
    pieces.append(text[pos:])
    return "".join(pieces)


def _indent(line: str) -> int:
    width = 0
    for ch in line:
        if ch == " ":
            width += 1
        elif ch == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def _code_blocks(text: str) -> list[tuple[int, int]]:
    """Fenced and indented code blocks, as (start, end) ranges in order."""
    scan = _CodeBlocks()
    pos = 0
    for line in text.split("\n"):
        scan.line(line, pos)
        pos += len(line) + 1
    return _trimmed(text, scan.close(len(text)))


class _CodeBlocks:
    """One line at a time: an open fence runs to its closing fence; an indented block starts after a
    blank line, outside a list, and runs to the next line indented less than four."""

    def __init__(self) -> None:
        self.ranges: list = []
        self.fence: Optional[tuple[str, int, int]] = None  # (char, length, start offset) of the open fence
        self.code_start: Optional[int] = None  # start of an open indented code block
        self.previous_blank = True
        self.in_list = False

    def line(self, line: str, pos: int) -> None:
        stripped = line.strip()
        if self.fence is not None:
            self._in_fence(line, pos)
            return
        if self.code_start is not None and stripped and _indent(line) < 4:
            self.ranges.append((self.code_start, pos - 1))
            self.code_start = None
        opening = _FENCE_RE.match(line) if self.code_start is None else None
        if opening and not (opening.group(1)[0] == "`" and "`" in line[opening.end():]):
            self.fence = (opening.group(1)[0], len(opening.group(1)), pos)
        elif stripped and self.code_start is None:
            self.in_list = _list_context(line, self.previous_blank, self.in_list)
            if _indent(line) >= 4 and self.previous_blank and not self.in_list:
                self.code_start = pos
        self.previous_blank = not stripped

    def _in_fence(self, line: str, pos: int) -> None:
        closing = _FENCE_RE.match(line)
        assert self.fence is not None  # called only inside an open fence
        char, length, start = self.fence
        if closing and closing.group(1)[0] == char and len(closing.group(1)) >= length \
                and not line[closing.end():].strip():
            self.ranges.append((start, pos + len(line)))
            self.fence = None

    def close(self, end: int) -> list:
        """The ranges, with a fence or indented block still open running to ``end``."""
        if self.fence is not None:
            self.ranges.append((self.fence[2], end))
        elif self.code_start is not None:
            self.ranges.append((self.code_start, end))
        return self.ranges


def _list_context(line: str, previous_blank: bool, in_list: bool) -> bool:
    """Whether an indented line here continues a list item (not code): a list item opens the context,
    an unindented paragraph after a blank line closes it."""
    if _LIST_ITEM_RE.match(line):
        return True
    if previous_blank and _indent(line) == 0:
        return False
    return in_list


def _trimmed(text: str, ranges: list) -> list:
    """Ranges without their trailing newlines, so that the lines after them keep their blank line."""
    out = []
    for a, b in ranges:
        while b > a and text[b - 1] in "\r\n":
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def _code_spans(text: str) -> list[tuple[int, int]]:
    """Code spans: a run of backticks up to the next run of the same length in the same paragraph.

    The next run of each length is found from one backward pass over the runs of a paragraph, so a
    page of unmatched backticks costs no more than one of matched ones."""
    if "`" not in text:
        return []
    ranges: list = []
    starts = [0] + [m.end() for m in _BLANK_LINE_RE.finditer(text)]
    ends = [m.start() for m in _BLANK_LINE_RE.finditer(text)] + [len(text)]
    for a, b in zip(starts, ends):
        if "`" in text[a:b]:
            ranges += _spans_in(text, a, b)
    return ranges


def _spans_in(text: str, a: int, b: int) -> list:
    runs = [m.span() for m in _BACKTICKS_RE.finditer(text, a, b)]
    following: list = [None] * len(runs)
    last: dict = {}
    for k in range(len(runs) - 1, -1, -1):
        length = runs[k][1] - runs[k][0]
        following[k] = last.get(length)
        last[length] = k
    ranges, k = [], 0
    while k < len(runs):
        match = following[k]
        if match is None:
            k += 1
            continue
        ranges.append((runs[k][0], runs[match][1]))
        k = match + 1
    return ranges
