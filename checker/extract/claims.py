"""One `Claim` per quantity: the steps of extraction put together.

For each quantity of a block: its site (sentence, clause, cues), whether it is a claim at all, its
attribute, subject candidates, condition, qualifier and modality, then the record with the quote
and its positions in the file.
"""
from __future__ import annotations

import hashlib
import re
from typing import Optional

from spacy.tokens import Span

from ..knowledge import norm_phrase
from ..model import Claim
from . import attributes as attrs
from .conditions import EVENT_ATTRIBUTES, WORDED_EVENTS, age_describes_group, condition, event_of
from .context import BlockDoc, DocumentContext
from .modality import modality, qualifier
from .site import PRONOUN_START_RE, Site, build_site, cues_in, html_text, quote_of
from .subjects import candidates, clause_kind, treatment_in_sentence


class ClaimBuilder:
    """Builds the claims of one document; holds what is computed once per document."""

    def __init__(self, ctx: DocumentContext, weights: dict, cue_doc):
        self.ctx = ctx
        self.weights = weights
        self.cue_doc = cue_doc  # text -> doc with cue spans, for table headers and question headings
        self._heading_cues: dict = {}
        self._occurrences: dict = {}

    def claims_of(self, bd: BlockDoc) -> list[Claim]:
        out = []
        for q in bd.doc.spans.get("quantities", []):
            claim = self.claim_for(bd, q)
            if claim is None:
                continue
            key = (claim.quote.strip().lower(), claim.value_text.lower())
            occurrence = self._occurrences.get(key, 0)
            self._occurrences[key] = occurrence + 1
            out.append(claim.replace(id=claim_id(claim.source, claim.quote, claim.value_text, occurrence)))
        return out

    def claim_for(self, bd: BlockDoc, q: Span) -> Optional[Claim]:
        site = build_site(self.ctx, bd, q)
        if site is None or not self._is_claim(site):
            return None
        k = self.ctx.knowledge
        scores = attrs.score(site, self.weights, self._question_cues(site), self._header_cues(site))
        headings = [self.ctx.document.blocks[i].text for i in self.ctx.heading_chain(site.block)]
        scores = attrs.adjust_for_kind(scores, clause_kind(site), treatment_in_sentence(site),
                                       attrs.names_a_feature(site) or self._harm_heading(headings))
        attribute = _attribute_of(site, scores, k)
        if attribute is None:
            return None  # "go home the same day", "most people": no claim without a cue
        cands = candidates(site, attribute)
        first = cands[0] if cands else None
        mood = modality(site, _pointed_back_cues(site))
        cond = self._condition_of(site, attribute, first, headings)
        qual = qualifier(site, attribute, k, self._header_cues(site))
        return self._record(site, attribute, cands, cond, qual, mood).replace(
            evidence=round(scores.get(attribute, 0.0), 3))

    def _condition_of(self, site: Site, attribute: str, first, headings: list) -> Optional[str]:
        """The claim's condition: population, place, variant, treated condition, and the event the number
        is about (a list item's name, or the sign or happening its clause names)."""
        k = self.ctx.knowledge
        cond = condition(site, first.variant if first else None, k, self._table_condition(site), headings)
        event = label_name(site.label) if site.label else None
        if event is None and attribute in EVENT_ATTRIBUTES:
            event = event_of(site, first.text if first else None, k, words=attribute in WORDED_EVENTS)
        if event:
            cond = ", ".join(sorted({*(cond.split(", ") if cond else []), event}))
        return cond

    def _is_claim(self, site: Site) -> bool:
        """Not a claim: "two years ago", "7 min read", "people over 65" (an age that says who is counted)."""
        if _says_how_typical_another(site) or self._before_non_claim_words(site) or age_describes_group(site):
            return False
        if _age_of_those_counted(site) or _a_question(site) or _a_point_in_time(site):
            return False
        return not (_a_label_alone(site) or _a_heading_age(site))

    def _before_non_claim_words(self, site: Site) -> bool:
        """'two years ago', '7 min read': words after the value that make it no claim (from the data)."""
        following = tuple(t.lower_ for t in site.doc[site.q.end: site.q.end + 3])
        return any(following[: len(words)] == words for words in self.ctx.knowledge.not_a_claim_after)

    def _harm_heading(self, headings: list) -> bool:
        """A section about harm ("Risks", "Possible complications", "Side effects"): the shares in it are
        how often harm happens, not how often a treatment succeeds."""
        return any(s.label_.startswith("attr|risk|") and self.weights.get(s.label_, 0.0) >= 2.5
                   for text in headings for s in self.cue_doc(text).spans["cues"])

    def _question_cues(self, site: Site) -> list:
        """Cues of the question heading right above a block ("How many people are affected by X?")."""
        block = site.block
        if block.heading is None or block.index - block.heading > 3:
            return []
        heading = self.ctx.document.blocks[block.heading]
        if not heading.text.rstrip().endswith("?"):
            return []
        if heading.index not in self._heading_cues:
            self._heading_cues[heading.index] = list(self.cue_doc(heading.text).spans["cues"])
        return self._heading_cues[heading.index]

    def _header_cues(self, site: Site) -> list:
        """A table cell's column header and its row's label say what the cell measures."""
        if site.column is None:
            return []
        block, ctx = site.block, self.ctx
        out = []
        if block.header is not None:
            header = ctx.document.blocks[block.header]
            if site.column < len(header.cells):
                out += list(self.cue_doc(header.cells[site.column][2]).spans["cues"])
        if site.column > 0 and block.cells:
            out += list(self.cue_doc(block.cells[0][2]).spans["cues"])
        return out

    def _table_condition(self, site: Site) -> Optional[str]:
        block, ctx = site.block, self.ctx
        if site.column is None or not site.column or block.header is None:
            return None
        header = ctx.document.blocks[block.header]
        if header.cells and norm_phrase(re.sub(r"[^\w\s]", " ", header.cells[0][2])) in ctx.knowledge.condition_headers:
            return ctx.knowledge.condition_name(block.cells[0][2])
        return None

    def _record(self, site: Site, attribute: str, cands: tuple, cond, qual, mood) -> Claim:
        ctx = self.ctx
        q = site.quantity
        start, end, quote = quote_of(site)
        base = site.block.start
        value_start, value_end = base + q.start, base + q.end
        text = ctx.view
        value_text = html_text(ctx.document.text[value_start:value_end]) if ctx.is_html else text[value_start:value_end]
        low, high = q.low, q.high
        line, column = ctx.document.line_col(start)
        value_line, value_column = ctx.document.line_col(value_start)
        end_line, end_column = ctx.document.line_col(end)
        first = cands[0] if cands else None
        return Claim(
            id="", source=ctx.document.source, line=line, column=column, start=start, end=end, quote=quote,
            value_text=value_text, value_start=value_start, value_end=value_end, attribute=attribute,
            condition=cond, qualifier=qual, hedged=mood.hedge is not None, hedge=mood.hedge,
            subject=first.text if first else None, subject_text=first.text if first else None,
            subject_candidates=tuple(c.to_tuple() for c in cands), subject_origin=first.origin if first else None,
            typical=mood.typical, subset=mood.subset, maximum=mood.maximum, negated=mood.negated,
            personal=mood.personal,
            value_line=value_line, value_column=value_column, end_line=end_line, end_column=end_column,
            block=site.block.index, context=_context(site.block.kind), low=low, high=high, unit=q.unit,
            vague=q.vague, approx=q.approx, rule=q.rule, kind=q.kind,
        )


def _attribute_of(site: Site, scores: dict, knowledge) -> Optional[str]:
    """The best-scored attribute the quantity may have and whose span holds it; "other" when nothing
    fits, None when a weak quantity has no cue at all (then it is no claim)."""
    attribute = attrs.restricted(site.quantity, attrs.best(scores), scores)
    if attribute is not None:
        attribute = attrs.plausible(site.quantity, attribute, scores, knowledge)
    if attribute is None:
        weak = site.quantity.kind == "relative" or site.quantity.rule.endswith("bare_plural") \
            or site.quantity.rule == "share_words"
        if weak:
            return None
        attribute = "other"
    return attribute


def _pointed_back_cues(site: Site) -> list:
    """The cues of the clauses before one that opens with a pronoun, which it points back to."""
    return cues_in(site.doc, *site.previous_clauses()[-1]) if site.previous_clauses() and \
        PRONOUN_START_RE.match(site.clause_text()) else []


def _other_numbers_in_clause(site: Site) -> list:
    """The other quantities that start in the value's clause."""
    q, clause = site.q, site.clause
    return [other for other in site.doc.spans["quantities"]
            if other.start != q.start and clause[0] <= other.start_char < clause[1]]


def _says_how_typical_another(site: Site) -> bool:
    # "most people recover within 2 weeks": "most" says how typical the other number is
    return site.quantity.rule in ("share_words", "share_adverb") and bool(_other_numbers_in_clause(site))


def _age_of_those_counted(site: Site) -> bool:
    # "51% in adults 60 years and older": the ages say whom the share is about
    quantity = site.quantity
    return quantity.kind == "age" and (quantity.vague or quantity.rule == "age_population") \
        and any(other.label_ != "age" for other in _other_numbers_in_clause(site))


def _a_question(site: Site) -> bool:
    # "Is it safe to take painkillers every day?": a question states nothing
    return site.column is None and site.label is None and site.sent.text.rstrip().endswith("?")


def _a_point_in_time(site: Site) -> bool:
    # "revision rates are 5% at 10 years", "next update at 6 months": a point in time
    q = site.q
    return site.quantity.kind == "duration" and q.start > 0 and site.doc[q.start - 1].lower_ == "at" \
        and not site.quantity.rule.startswith(("lower", "upper"))


def _a_label_alone(site: Site) -> bool:
    # "At Birth", "Before Birth (Prenatal)": a label on its own line states nothing
    return site.column is None and site.label is None and _only_the_value(site)


def _a_heading_age(site: Site) -> bool:
    # "Pneumonia in children", "Acne in adulthood": a heading names whom a section is about
    return site.block.kind == "heading" and site.quantity.kind == "age" and bool(site.quantity.vague)


def _only_the_value(site: Site) -> bool:
    rest = site.bd.text[: site.q.start_char] + " " + site.bd.text[site.q.end_char:]
    rest = re.sub(r"\([^)]*\)", " ", rest)
    return not re.search(r"[A-Za-z]{2,}", rest)


def label_name(label: str) -> str:
    return re.sub(r"\s+", " ", label.lower()).strip(" .,:;-")


def _context(kind: str) -> str:
    return {"table_row": "table", "table_header": "table", "list_item": "list_item", "heading": "heading"}.get(
        kind, "sentence")


def claim_id(source: str, quote: str, value_text: str, occurrence: int) -> str:
    key = "\x1f".join((source, re.sub(r"\s+", " ", quote.strip().lower()), value_text.lower(), str(occurrence)))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
