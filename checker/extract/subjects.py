"""What a number is about: the subject candidates of a claim, best first.

Candidates come in tiers: the sentence (the condition in "people with X", the phrase a "which" clause
hangs on, a name before the number in its clause, the name that opens the sentence, what "it", "the
condition" or "the procedure" points back to, a name after the number in its clause); then, for
numbers about a treatment, a treatment or procedure named earlier in the paragraph; then the
headings above; then the page topic; last, names in other clauses after the number. Within the
sentence a name of the kind the attribute is about wins (a condition for how common or how early,
a treatment or procedure for how long it takes or lasts), so "the vaccine cuts the risk of flu by
40%" is about the vaccine and "flu symptoms last a week" about flu.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .context import DocumentContext, Mention
from .site import Site

CONDITION_ATTRIBUTES = frozenset({"prevalence", "age_at_onset", "life_expectancy", "illness_duration",
                                  "incubation_period", "contagious_period", "survival_rate"})
TREATMENT_ATTRIBUTES = frozenset({"onset_time", "relief_duration", "procedure_time", "recovery_time",
                                  "side_effect_duration", "treatment_duration", "success_rate",
                                  "activity_restriction", "repeat_interval", "indication_duration"})
TREATMENT_KINDS = frozenset({"procedure", "treatment", "test"})
_CONTRAST_BEFORE = {"unlike", "than", "versus", "vs", "compared", "instead", "besides", "rather", "whereas", "except"}
_WITH_GROUPS = {"people", "patients", "persons", "individuals", "children", "adults", "women", "men", "those", "infants",
                "babies", "newborns", "anyone", "someone", "person", "patient", "kids", "teens", "adolescents",
                "males", "females", "boys", "girls", "families", "affected"}
_POINTERS = {"the", "this", "these", "that", "those", "your", "such"}


@dataclass(frozen=True)
class Candidate:
    text: str
    origin: str  # sentence | reference | paragraph | heading | table | topic | late
    kind: Optional[str]
    variant: Optional[str] = None
    pointing: bool = False  # "this nerve block": a general name that points at the specific one in context

    def to_tuple(self) -> tuple:
        return (self.text, self.origin, self.kind or "", self.variant or "", self.pointing)


def wanted_kinds(attribute: str) -> Optional[frozenset]:
    if attribute in CONDITION_ATTRIBUTES:
        return frozenset({"condition"})
    if attribute in TREATMENT_ATTRIBUTES:
        return TREATMENT_KINDS
    return None


def _compatible(kind: Optional[str], wanted: Optional[frozenset]) -> int:
    """0 for a name of the wanted kind, 1 when the kind is unknown or anything goes, 2 for another kind."""
    if wanted is None or kind is None:
        return 1
    return 0 if kind in wanted else 2


def candidates(site: Site, attribute: str) -> tuple:
    ctx = site.ctx
    wanted = wanted_kinds(attribute)
    if site.column is not None:
        sentence = _table_mentions(site)
    else:
        sentence = _sentence_candidates(site)
    sentence = _prefer_kind(sentence, wanted)
    tiers: list[Candidate] = list(sentence)
    if wanted == TREATMENT_KINDS and site.column is None:
        tiers += [Candidate(m.text, "paragraph", m.kind, m.variant) for m in _earlier_in_block(site)
                  if m.kind in TREATMENT_KINDS]
    tiers += _lead_paragraph(site)
    for index in ctx.heading_chain(site.block):
        tiers += [Candidate(m.text, "heading", m.kind, m.variant)
                  for m in _prefer_mentions(ctx.mentions(index), wanted)]
    if ctx.topic is not None:
        tiers.append(Candidate(ctx.topic.text, "topic", ctx.topic.kind, ctx.topic.variant))
    if site.column is None:
        tiers += [Candidate(m.text, "late", m.kind, m.variant) for m in _late_mentions(site)]
    if sentence and _compatible(sentence[0].kind, wanted) == 2:
        # every name in the sentence is of another kind ("flu" for how long the vaccine takes to work):
        # a heading or topic of the wanted kind speaks for the number instead
        better = next((c for c in tiers[len(sentence):] if c.origin in ("heading", "topic")
                       and _compatible(c.kind, wanted) == 0), None)
        if better is not None:
            tiers.insert(0, better)
    return _distinct(tiers)


def _prefer_kind(cands: list[Candidate], wanted: Optional[frozenset]) -> list[Candidate]:
    order = sorted(range(len(cands)), key=lambda i: (_compatible(cands[i].kind, wanted), i))
    return [cands[i] for i in order]


def _prefer_mentions(mentions: list[Mention], wanted: Optional[frozenset]) -> list[Mention]:
    order = sorted(range(len(mentions)), key=lambda i: (_compatible(mentions[i].kind, wanted), i))
    return [mentions[i] for i in order]


def _sentence_candidates(site: Site) -> list[Candidate]:
    ctx, doc, sent, q = site.ctx, site.doc, site.sent, site.q
    mentions = [m for m in ctx.mentions(site.block.index) if sent.start_char <= m.start and m.end <= sent.end_char]
    clause_start, clause_end = site.clause
    ranked: list[Candidate] = []

    def add(m: Mention, origin: str = "sentence") -> None:
        pointing = m.token_start > 0 and doc[m.token_start - 1].lower_ in _POINTERS
        ranked.append(Candidate(m.text, origin, m.kind, m.variant, pointing))

    def contrast(m: Mention) -> bool:
        before = {t.lower_ for t in doc[max(sent.start, m.token_start - 3): m.token_start]}
        return bool(before & _CONTRAST_BEFORE)

    for m in mentions:  # "people with X", "in patients with X": X is what the number is about
        if clause_start <= m.start < clause_end and m.token_start >= 2 and doc[m.token_start - 1].lower_ == "with" \
                and doc[m.token_start - 2].lower_ in _WITH_GROUPS:
            add(m)
    if site.is_relative_clause():
        before = [m for m in mentions if m.end <= clause_start]
        if before:
            add(before[-1])
    in_clause_before = [m for m in mentions if clause_start <= m.start and m.end <= q.start_char and not contrast(m)]
    for m in sorted(in_clause_before, key=lambda m: -m.start):
        add(m)
    for m in mentions:
        if m.token_start - sent.start <= 3 and not contrast(m):
            add(m)
    ranked += _references(site, mentions)
    for m in sorted((m for m in mentions if m.end <= q.start_char and not contrast(m)), key=lambda m: -m.start):
        add(m)
    for m in mentions:
        if clause_start <= m.start < clause_end and m.start >= q.end_char and not contrast(m):
            add(m)
    return ranked


def _references(site: Site, mentions: list[Mention]) -> list[Candidate]:
    """'the condition', 'this medicine', 'it': what they point back to, in the clause or just before it."""
    k = site.ctx.knowledge
    doc, sent = site.doc, site.sent
    out: list[Candidate] = []
    start = doc.char_span(site.clause[0], site.clause[1], alignment_mode="expand")
    tokens = list(start) if start is not None else list(sent)
    for i, token in enumerate(tokens):
        if token.i >= site.q.start:
            break
        two = f"{token.lower_} {tokens[i + 1].lower_}" if i + 1 < len(tokens) else ""
        kind = k.references.get(two) if two else None
        if kind is None and token.lower_ in k.references and token.lower_ not in _POINTERS:
            kind = k.references[token.lower_]
        if kind is None:
            continue
        antecedent = _antecedent(site, kind, token.idx)
        if antecedent is not None:
            out.append(antecedent)
        break
    return out


def _antecedent(site: Site, kind: str, at: int) -> Optional[Candidate]:
    """The subject a reference of ``kind`` points to: the nearest earlier name of that kind in the
    block, then the headings, then the topic."""
    ctx = site.ctx
    wanted = None if kind == "any" else ({"condition"} if kind == "condition" else TREATMENT_KINDS)
    earlier = [m for m in ctx.mentions(site.block.index) if m.end <= at]
    sents = site.bd.sentences()
    index = site.bd.sentence_index(site.sent)
    if kind == "any":
        # a pronoun: what the sentence before was about (its first name), else the topic
        if index > 0:
            previous = sents[index - 1]
            first = [m for m in earlier if previous.start_char <= m.start < previous.end_char]
            if first:
                return Candidate(first[0].text, "reference", first[0].kind, first[0].variant)
        return None
    for m in reversed(earlier):
        if m.kind in wanted:
            return Candidate(m.text, "reference", m.kind, m.variant)
    topic = ctx.topic
    if topic is not None and (topic.kind is None or topic.kind in wanted):
        return Candidate(topic.text, "reference", topic.kind, topic.variant)
    for index in ctx.heading_chain(site.block):
        for m in ctx.mentions(index):
            if m.kind in wanted:
                return Candidate(m.text, "reference", m.kind, m.variant)
    return None


def _earlier_in_block(site: Site) -> list[Mention]:
    """Names in the sentences before this one in the same block, latest sentence first."""
    sents = site.bd.sentences()
    index = site.bd.sentence_index(site.sent)
    out: list[Mention] = []
    mentions = site.ctx.mentions(site.block.index)
    for k in range(index - 1, -1, -1):
        s = sents[k]
        out += [m for m in mentions if s.start_char <= m.start < s.end_char]
    return out


def _lead_paragraph(site: Site) -> list[Candidate]:
    """A list item takes the names of the paragraph that introduces its list."""
    block = site.block
    if block.kind != "list_item" or block.index == 0:
        return []
    blocks = site.ctx.document.blocks
    k = block.index - 1
    while k > 0 and blocks[k].kind == "list_item":
        k -= 1
    if blocks[k].kind != "paragraph":
        return []
    return [Candidate(m.text, "paragraph", m.kind, m.variant) for m in site.ctx.mentions(k)]


def _late_mentions(site: Site) -> list[Mention]:
    mentions = site.ctx.mentions(site.block.index)
    return [m for m in mentions if site.sent.start_char <= m.start < site.sent.end_char
            and m.start >= site.clause[1]]


def _table_mentions(site: Site) -> list[Candidate]:
    """A table row's label ("Medial branch block") or the value's column header ("RFA") names the subject."""
    ctx, block = site.ctx, site.block
    out: list[Candidate] = []
    if site.column and block.cells:
        out += _cell_mentions(ctx, block.index, block, 0)
    if block.header is not None:
        header = ctx.document.blocks[block.header]
        out += _cell_mentions(ctx, header.index, header, site.column or 0)
    return [Candidate(c.text, "table", c.kind, c.variant) for c in out]


def _cell_mentions(ctx: DocumentContext, index: int, block, column: int) -> list[Candidate]:
    if column >= len(block.cells):
        return []
    a, b = block.cells[column][0] - block.start, block.cells[column][1] - block.start
    return [Candidate(m.text, "table", m.kind, m.variant) for m in ctx.mentions(index) if a <= m.start and m.end <= b]


def _distinct(cands: list[Candidate], limit: int = 16) -> tuple:
    seen, out = set(), []
    for c in cands:
        key = (c.text.lower(), c.origin)
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
        if len(out) >= limit:
            break
    return tuple(out)
