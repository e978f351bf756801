"""Blocks: the structural units of a page's view (paragraphs, headings, list items, table rows).

Lines are read once, in order. A paragraph wrapped over several lines is one block; a block longer
than the block size limit is cut at sentence ends into several, so that no later stage ever gets an
unbounded text (spaCy's ``max_length`` is never reached, and extraction's per-block costs stay bounded).
"""
from __future__ import annotations

import bisect
import re
from typing import Iterator, Optional, Sequence

from ..model import Block

_LIST_RE = re.compile(r"^[ \t\u00a0]*(?:[-*+•●▪◦‣–]|\d{1,2}[.)])[ \t\u00a0]+")
_MD_HEADING_RE = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+")
_TABLE_SEP_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_PIPE_RE = re.compile(r"\|")
_SENTENCE_END = (".", "!", ";", ":", ",")
_CUTS = (". ", "? ", "! ", ".\n", "\n", "; ")
_NUMBER_RE = re.compile(r"\d+")
_MENU_SEPARATOR_RE = re.compile(r"\s[|•·]\s")
# Extraction's cost grows with the square of the quantities in a block (each looks at its clause and
# block). A block with more than one number in 50 characters (a run of claims, never a paragraph of a
# gold set) is cut at 2,000 characters; others only at max_block_size, so that a long real paragraph
# stays one (cut, its disagreements would count as between paragraphs).
DENSE_BLOCK, DENSE_SPACING = 2_000, 50


def lines_of(view: str) -> Iterator[tuple[int, int, str]]:
    """(line number, offset, line) of every line of the view."""
    pos = 0
    for number, line in enumerate(view.split("\n"), start=1):
        yield number, pos, line
        pos += len(line) + 1


def is_heading_text(text: str) -> bool:
    stripped = text.strip()
    if not stripped or len(stripped) > 110:
        return False
    words = stripped.split()
    if len(words) > 14 or stripped.endswith(_SENTENCE_END[1:]):
        return False
    if len(_MENU_SEPARATOR_RE.findall(stripped)) >= 2:
        return False  # "Conditions A–Z | Symptom checker | Drugs & supplements": a menu, not a heading
    if stripped.endswith("."):
        # "The Procedure for Lumbar Medial Branch Blocks." is a heading written with a period;
        # a short sentence is not: most of a heading's longer words are capitalized.
        long_words = [w for w in words if len(w) > 3]
        caps = sum(1 for w in long_words if w[0].isupper())
        return len(words) <= 10 and stripped.count(". ") == 0 and bool(long_words) and caps / len(long_words) >= 0.6
    return True


def cells_of(line: str, offset: int) -> tuple:
    """Cells of a pipe-table row as (start, end, text), offsets into the view, text stripped."""
    cells = []
    positions = [m.start() for m in _PIPE_RE.finditer(line)]
    bounds = list(zip(positions, positions[1:]))
    if positions and line.rstrip()[-1:] != "|":  # last cell without a closing pipe
        bounds.append((positions[-1], len(line)))
    for k, (a, b) in enumerate(bounds):
        raw = line[a + 1: b]
        lead = len(raw) - len(raw.lstrip())
        content = raw.strip()
        if content or k < len(positions) - 1:
            cells.append((offset + a + 1 + lead, offset + a + 1 + lead + len(content), content))
    return tuple(cells)


def _is_structure(line: str, markdown: bool) -> bool:
    stripped = line.strip()
    return (not stripped or (stripped.startswith("|") and stripped.count("|") >= 2) or bool(_LIST_RE.match(line))
            or bool(markdown and _MD_HEADING_RE.match(line)))


def split_points(view: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """(start, end) pieces of view[start:end], each at most ``limit`` characters: cut after the last
    sentence end in the second half of the window, else at the last space, else where the limit falls."""
    pieces = []
    a = start
    while end - a > limit:
        window_end = a + limit
        cut = max(view.rfind(mark, a + limit // 2, window_end) for mark in _CUTS)
        if cut >= 0:
            cut += 1
        else:
            space = max(view.rfind(" ", a + 1, window_end), view.rfind("\t", a + 1, window_end))
            cut = space if space > a else window_end
        b = cut
        while b > a and view[b - 1].isspace():
            b -= 1
        if b > a:
            pieces.append((a, b))
        a = cut
        while a < end and view[a].isspace():
            a += 1
    if a < end:
        pieces.append((a, end))
    return pieces


class BlockReader:
    """Reads the blocks of a view; ``markdown`` for Markdown and HTML views, ``html`` for HTML ones."""

    def __init__(self, view: str, markdown: bool, html: bool = False, table_starts: Sequence[int] = (),
                 max_block: int = 0):
        self.view, self.markdown, self.html = view, markdown, html
        self.table_starts = list(table_starts)
        self.max_block = max_block
        self.blocks: list[Block] = []
        self.heading: Optional[int] = None
        self.header_row: Optional[int] = None
        self.last_row_end = -1
        self.pending: Optional[list] = None  # [line, start, end] of a paragraph joined across wrapped lines

    def read(self) -> list[Block]:
        previous: Optional[tuple[int, int, str]] = None  # each line is read with the next in view
        for current in lines_of(self.view):
            if previous is not None:
                self._line(previous[0], previous[1], previous[2], current[2])
            previous = current
        if previous is not None:
            self._line(previous[0], previous[1], previous[2], "")
        self._flush()
        return self.blocks

    def _line(self, number: int, offset: int, line: str, following: str) -> None:
        stripped = line.strip().lstrip("\ufeff").strip()
        if not stripped:
            self._flush()
            if not self.html:  # in an HTML view blank lines stand where row tags were; the table goes on
                self.header_row = None
            return
        lead = len(line) - len(line.lstrip())
        lead += len(line[lead:]) - len(line[lead:].lstrip("\ufeff"))
        start, end = offset + lead, offset + lead + len(stripped)
        if stripped.startswith("|") and stripped.count("|") >= 2:
            self._table_row(number, offset, line, stripped, start, end)
            return
        self.header_row = None
        if not (self._markdown_heading(number, offset, line, end) or self._list_item(number, offset, line, end)):
            self._text_line(number, start, end, stripped, following)

    def _table_row(self, number: int, offset: int, line: str, stripped: str, start: int, end: int) -> None:
        self._flush()
        if _TABLE_SEP_RE.match(stripped):
            return
        if self._table_starts_between(self.last_row_end, offset):
            self.header_row = None  # a new HTML table starts with its own header
        self.last_row_end = offset + len(line)
        if self.max_block and end - start > self.max_block:
            self._add("paragraph", start, end, number)  # a row that long is no row a reader compares
            return
        kind = "table_header" if self.header_row is None else "table_row"
        block = Block(len(self.blocks), kind, start, end, stripped, number, cells=cells_of(line, offset),
                      header=self.header_row, heading=self.heading)
        if self.header_row is None:
            self.header_row = block.index
        self.blocks.append(block)

    def _table_starts_between(self, a: int, b: int) -> bool:
        k = bisect.bisect_right(self.table_starts, a)
        return k < len(self.table_starts) and self.table_starts[k] < b

    def _markdown_heading(self, number: int, offset: int, line: str, end: int) -> bool:
        md = _MD_HEADING_RE.match(line.lstrip("\ufeff")) if self.markdown else None
        if not md:
            return False
        self._flush()
        text_start = offset + md.end() + (len(line) - len(line.lstrip("\ufeff")))
        if text_start < end:  # "# " alone is no heading
            self._add("heading", text_start, end, number)
        return True

    def _list_item(self, number: int, offset: int, line: str, end: int) -> bool:
        lm = _LIST_RE.match(line)
        if not lm:
            return False
        self._flush()
        text_start = offset + lm.end()
        item = self.view[text_start:end]
        if not item:  # "- " alone is no item
            return True
        if lm.group().strip()[:1].isdigit() and not self.markdown and is_heading_text(item) and item[-1:] != "." \
                and item[:1].isupper():
            # "1. Epidural steroid injections (ESI)": a numbered section title, not a list item
            self._add("heading", text_start, end, number)
        else:
            self._add("list_item", text_start, end, number)
        return True

    def _text_line(self, number: int, start: int, end: int, stripped: str, following: str) -> None:
        pending, view = self.pending, self.view
        if pending and (self.markdown or (view[pending[2] - 1: pending[2]] not in ".!?:"
                                          and (stripped[:1].islower() or stripped[:1].isdigit()))):
            # a hard-wrapped paragraph continues on this line (in Markdown and HTML any plain line does)
            pending[2] = end
            return
        self._flush()
        wraps_on = not _is_structure(following, self.markdown) and following.strip()[:1].islower()
        if is_heading_text(stripped) and not self.markdown and not wraps_on:
            self._add("heading", start, end, number)
            return
        self.pending = [number, start, end]

    def _limit(self, start: int, end: int) -> int:
        """The size this block is cut at: ``max_block``, or less for a block dense with numbers."""
        if not self.max_block or end - start <= min(self.max_block, DENSE_BLOCK):
            return self.max_block
        numbers = len(_NUMBER_RE.findall(self.view, start, end))
        return min(self.max_block, DENSE_BLOCK) if numbers * DENSE_SPACING > end - start else self.max_block

    def _flush(self) -> None:
        if self.pending:
            number, start, end = self.pending
            self._add("paragraph", start, end, number)
        self.pending = None

    def _add(self, kind: str, start: int, end: int, number: int) -> None:
        """A block, or for one over the size limit, paragraphs cut from it (a heading that long is
        no heading)."""
        limit = self._limit(start, end)
        if not limit or end - start <= limit:
            self.blocks.append(Block(len(self.blocks), kind, start, end, self.view[start:end], number,
                                     heading=self.heading))
            if kind == "heading":
                self.heading = self.blocks[-1].index
            return
        line = number
        previous = start
        for a, b in split_points(self.view, start, end, limit):
            line += self.view.count("\n", previous, a)
            previous = a
            self.blocks.append(Block(len(self.blocks), "paragraph" if kind == "heading" else kind, a, b,
                                     self.view[a:b], line, heading=self.heading))
