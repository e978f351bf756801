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
    r";|\s[—–-]\s|—|\),\s|,\s+(?=(?:and|but|or|though|although|while|whereas|so|yet|which|who|some|most|many|"
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
    label: Optional[str] = None  # an item of a list run into one sentence ("Scoliosis 50% Myopia 7.5% ..."): its name

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
        return self.bd.text[self.clause[0]:self.clause[1]]

    def is_relative_clause(self) -> bool:
        return bool(_RELATIVE_START_RE.match(self.clause_text()))

    def previous_clauses(self) -> list:
        return [c for c in clauses(self.bd.text[self.sent.start_char:self.sent.end_char], self.sent.start_char)
                if c[1] <= self.clause[0]]


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
    item = enumeration_item(bd, sent, q, ctx.knowledge.name_stops)
    if item is not None:
        a, label = item
        return Site(ctx, bd, q, sent, (a, q.end_char), cues_in(doc, a, q.end_char),
                    cues_in(doc, sent.start_char, sent.end_char), label=label)
    bounds = clauses(bd.text[sent.start_char:sent.end_char], sent.start_char)
    clause = next((c for c in bounds if c[0] <= q.start_char < c[1]), (sent.start_char, sent.end_char))
    return Site(ctx, bd, q, sent, clause, cues_in(doc, *clause), cues_in(doc, sent.start_char, sent.end_char))


ENUMERATION_MIN = 3  # values in one sentence, each after a short name, make it a list run together
LABEL_MAX_WORDS = 10


def enumeration_item(bd: BlockDoc, sent: Span, q: Span, stops: frozenset) -> Optional[tuple[int, str]]:
    """A value in a list written as one run of text ("Abnormality of dental enamel 90% Short neck 90%
    Myopia 50% ..."): the start of its name and the name. None for a value in ordinary prose."""
    if q.label_ != "rate":
        return None
    items = _enumeration(bd, sent, stops)
    return items.get(q.start) if items else None


def _enumeration(bd: BlockDoc, sent: Span, stops: frozenset) -> dict:
    """The list items of a sentence, by the token where each value starts; computed once per sentence."""
    cache = bd.__dict__.setdefault("_enumerations", {})
    if sent.start in cache:
        return cache[sent.start]
    items = _enumeration_items(bd, sent, stops)
    cache[sent.start] = items
    return items


def _enumeration_items(bd: BlockDoc, sent: Span, stops: frozenset) -> dict:
    """The list items of a sentence whose values mostly follow short names; empty for ordinary prose."""
    doc = bd.doc
    values = [s for s in doc.spans.get("quantities", []) if sent.start <= s.start and s.end <= sent.end]
    items: dict = {}
    if len(values) < ENUMERATION_MIN:
        return items
    gaps, previous_end = [], sent.start
    for value in values:
        gaps.append(doc[previous_end: value.start])
        previous_end = value.end
    short = sum(1 for g in gaps[1:] if _label_like(g, stops))
    if short < ENUMERATION_MIN - 1 or short < (len(values) - 1) * 0.6:
        return items
    for k, (value, gap) in enumerate(zip(values, gaps)):
        if value.label_ != "rate":
            continue
        item = _list_item(bd, gap, first=k == 0)
        if item is not None:
            items[value.start] = item
    return items


def _list_item(bd: BlockDoc, gap: Span, first: bool) -> Optional[tuple[int, str]]:
    """The start and the name of a list item from the words before its value; None when they are no name."""
    if first:
        # the first item follows the list's heading text: its name starts after the last bracket or colon
        cut = max((t.i for t in gap if t.text in (")", ":", "]")), default=gap.start - 1)
        gap = bd.doc[cut + 1: gap.end]
    words = [t for t in gap if not t.is_punct or t.text in ("-", "/")]
    if not words or len(words) > LABEL_MAX_WORDS:
        return None
    start = words[0].idx
    label = bd.text[start: gap.end_char if len(gap) else start].strip(" -,;")
    return (start, label) if label else None


def _label_like(gap: Span, stops: frozenset) -> bool:
    """The words between two values of a list: a short name ("Short neck", "Myopia"), not a clause
    ("and a pharmacist told me the vaccine is usually")."""
    words = [t for t in gap if not t.is_punct]
    if not 0 < len(words) <= LABEL_MAX_WORDS or any(t.text in (".", ";") for t in gap):
        return False
    function_words = sum(1 for t in words if t.lower_ in stops)
    return function_words * 2 <= len(words)


def quote_of(site: Site) -> tuple[int, int, str]:
    """The quote's offsets in the file and its text: the sentence, or a table row through the value's cell."""
    ctx, block = site.ctx, site.block
    if site.label is not None:
        start, end = block.start + site.clause[0], block.start + site.clause[1]
    elif site.column is not None:
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
