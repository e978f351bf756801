"""Where a quantity stands: its block, sentence and clause, the cue phrases around it, the quote.

A `Site` is built once per quantity and read by every later step (attribute, subject, condition,
qualifier, modality), so none of them scans the block again.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Span

from ..model import Block
from .context import BlockDoc, DocumentContext

# Where a clause ends inside a sentence: a semicolon or dash, or a comma before a word that starts a
# new clause ("..., and the procedure can be repeated", "..., but this should subside ...").
_CLAUSE_BREAK_RE = re.compile(
    r";|\s[—–-]\s|—|\),?\s|,\s+(?=(?:and|but|or|though|although|while|whereas|so|yet|which|who|some|most|many|"
    r"others|however|then|allowing|making|meaning|whereas|unlike|compared)\b)",
    re.I,
)
_RELATIVE_START_RE = re.compile(r"^\W*(?:which|who|that)\b", re.I)
# A clause whose subject is a pronoun ("but this should subside ...", "for some people it can take ...")
PRONOUN_START_RE = re.compile(r"^\W*(?:[\w-]+\s+){0,3}?(?:this|it|these|they|which|that|those)\b", re.I)


@dataclass
class Site:
    ctx: DocumentContext
    bd: BlockDoc
    q: Span
    sent: Span
    clause: tuple  # (start, end) character offsets in the block's doc
    clause_cues: list
    sentence_cues: list
    column: Optional[int] = None  # table rows: the value's cell

    @property
    def block(self) -> Block:
        return self.bd.block

    @property
    def doc(self) -> Doc:
        return self.bd.doc

    @property
    def quantity(self):
        return self.q._.quantity

    def clause_text(self) -> str:
        return self.doc.text[self.clause[0]:self.clause[1]]

    def is_relative_clause(self) -> bool:
        return bool(_RELATIVE_START_RE.match(self.clause_text()))

    def previous_clauses(self) -> list:
        return [c for c in clauses(self.sent.text, self.sent.start_char) if c[1] <= self.clause[0]]


def clauses(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Clause bounds of a sentence, as character offsets (plus ``offset``)."""
    bounds = [0]
    for m in _CLAUSE_BREAK_RE.finditer(text):
        bounds.append(m.end() if m.group().startswith((",", ")")) else m.start())
    bounds.append(len(text))
    out = []
    for a, b in zip(bounds, bounds[1:]):
        if b <= a:
            continue
        if _RELATIVE_START_RE.match(text[a:b]):
            # a non-restrictive relative clause ends at its closing comma: "..., which lasts months, RFA ..."
            k = text.find(", ", a, b)
            if k != -1:
                out.append((offset + a, offset + k + 1))
                a = k + 2
        out.append((offset + a, offset + b))
    return out


def cues_in(doc: Doc, start: int, end: int) -> list[Span]:
    return [s for s in doc.spans.get("cues", []) if s.start_char >= start and s.end_char <= end]


def build_site(ctx: DocumentContext, bd: BlockDoc, q: Span) -> Optional[Site]:
    block, doc = bd.block, bd.doc
    if block.kind == "table_header":
        return None
    if block.kind == "table_row":
        base = block.start
        column = next((k for k, c in enumerate(block.cells) if c[0] <= base + q.start_char < c[1] + 1), None)
        if column is None:
            return None
        a, b = block.cells[column][0] - base, block.cells[column][1] - base
        return Site(ctx, bd, q, doc[:], (a, b), cues_in(doc, a, b), cues_in(doc, a, b), column)
    sent = q.sent
    bounds = clauses(sent.text, sent.start_char)
    clause = next((c for c in bounds if c[0] <= q.start_char < c[1]), (sent.start_char, sent.end_char))
    return Site(ctx, bd, q, sent, clause, cues_in(doc, *clause), cues_in(doc, sent.start_char, sent.end_char))


def quote_of(site: Site) -> tuple[int, int, str]:
    """The quote's offsets in the file and its text: the sentence, or a table row through the value's cell."""
    ctx, block = site.ctx, site.block
    if site.column is not None:
        cell_end = block.cells[site.column][1]
        pipe = ctx.document.text.find("|", cell_end, block.end + 1)
        start, end = block.start, (pipe + 1 if pipe != -1 else cell_end)
    else:
        start, end = block.start + site.sent.start_char, block.start + site.sent.end_char
    text = ctx.view
    raw = text[start:end]
    start += len(raw) - len(raw.lstrip())
    quote = raw.strip()
    end = start + len(quote)
    if ctx.is_html:
        quote = html_text(ctx.document.text[start:end])
    return start, end, quote


def html_text(raw: str) -> str:
    """What a reader sees of a stretch of HTML: no tags, entities decoded, spaces folded."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]*>", " ", raw))).strip()
