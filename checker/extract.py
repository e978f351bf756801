"""Extract stage: the only module that uses spaCy.

The pipeline is ``spacy.blank("en")`` with the rule-based sentencizer and three components of ours,
registered here and nowhere else:

- ``checker_quantities`` puts every quantity expression (found by `normalize.find_quantities`) in
  ``doc.spans["quantities"]``;
- ``checker_cues`` puts attribute cues, hedges, qualifiers and condition openers from
  ``data/cues.yaml`` in ``doc.spans["cues"]`` (label ``attr|relief_duration|lasts``, ``hedge|may``...);
- ``checker_subjects`` puts procedure mentions (lexicon aliases, abbreviations and noun phrases
  ending in a procedure head noun) in ``doc.spans["subjects"]``.

``extract(document, nlp)`` turns the spans of every block into `Claim` records: the quote and its
offsets, the value, the attribute, condition, qualifier, hedge, and the subject *candidates* in
priority order (the sentence, the paragraph, the headings above, the title). Alignment picks the
subject from the candidates; normalization computes the interval.
"""
from __future__ import annotations

import bisect
import hashlib
import html
import re
from dataclasses import dataclass
from typing import Iterable, Optional

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from . import normalize as normalize_mod
from .lexicon import Lexicons, _norm, singular, singular_phrase
from .model import Block, Claim, Document

PIPELINE_VERSION = "1"  # bump when extraction changes in a way that invalidates the claim store

if not Span.has_extension("quantity"):
    Span.set_extension("quantity", default=None)

# Where a clause ends inside a sentence: a semicolon or dash, or a comma before a word that starts a
# new clause ("..., and the procedure can be repeated", "..., but this should subside ...").
_CLAUSE_BREAK_RE = re.compile(
    r";|\s[—–-]\s|—|\),?\s|,\s+(?=(?:and|but|or|though|although|while|whereas|so|yet|which|who|some|most|many|"
    r"others|however|then|allowing|making|meaning)\b)",
    re.I,
)
# A clause whose subject is a pronoun ("but this should subside ...", "for some people it can take ...")
_PRONOUN_START_RE = re.compile(r"^\W*(?:[\w-]+\s+){0,3}?(?:this|it|these|they|which|that|those)\b", re.I)
_RELATIVE_START_RE = re.compile(r"^\W*(?:which|who|that)\b", re.I)
_HOW_LONG_BEFORE = {"for", "fade", "fades", "off", "subside", "subsides", "resolve", "resolves", "away", "disappear",
                    "disappears", "last", "lasts"}
_POINTING = {"this", "these", "that", "those", "the", "your", "our"}
_DETERMINERS = {"the", "this", "that", "each", "your", "an", "a", "every", "second", "first"}
_CONTRAST_BEFORE = {"unlike", "than", "versus", "vs", "compared", "after", "following", "before", "instead", "besides"}
_STOP = {"a", "an", "the", "this", "that", "these", "those", "of", "for", "to", "and", "or", "in", "on", "with", "by",
         "is", "are", "was", "were", "be", "been", "what", "how", "when", "why", "do", "does", "your", "our", "their",
         "its", "my", "his", "her", "some", "other", "others", "many", "most", "each", "every", "such", "as", "from",
         "about", "type", "types", "kind", "kinds", "can", "may", "will", "would", "should", "vs", "versus", "after",
         "before", "during", "than", "like", "into", "at", "it", "they", "we", "you", "i", "not", "no", "all", "both",
         "more", "less", "also", "which", "who", "new", "one", "two", "three", "first", "second"}
_ABBREV_RE = re.compile(r"^[A-Z][A-Z0-9]{1,5}$")


# --------------------------------------------------------------------------------------------------
# spaCy components


@Language.factory("checker_quantities")
def make_quantity_finder(nlp: Language, name: str, resource_key: str = "default"):
    vocab = _RESOURCES[resource_key][1]

    def quantity_finder(doc: Doc) -> Doc:
        spans = []
        for q in normalize_mod.find_quantities(doc.text, vocab):
            span = doc.char_span(q.start, q.end, label=q.kind, alignment_mode="expand")
            if span is None:
                continue
            span._.quantity = q
            spans.append(span)
        doc.spans["quantities"] = spans
        return doc

    return quantity_finder


class _CueMatcher:
    """One PhraseMatcher over every cue phrase; match keys are 'category|name|phrase'."""

    def __init__(self, nlp: Language, lexicons: Lexicons):
        cues = lexicons.cues
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.weights: dict = {}
        entries: dict = {}
        for spec in cues.attributes.values():
            for phrase, weight in spec.cues.items():
                entries.setdefault(f"attr|{spec.name}|{phrase}", phrase)
                self.weights[f"attr|{spec.name}|{phrase}"] = weight
        for phrase in cues.hedges:
            entries[f"hedge||{phrase}"] = phrase
        for phrase in cues.typical:
            entries[f"typical||{phrase}"] = phrase
        for name, (_applies, phrases) in cues.qualifiers.items():
            for phrase in phrases:
                entries[f"qual|{name}|{phrase}"] = phrase
        for phrase in cues.condition_openers:
            entries[f"condopen||{phrase}"] = phrase
        for phrase in cues.conditions:
            entries[f"cond||{phrase}"] = phrase
        tokenizer = nlp.tokenizer
        for key, phrase in sorted(entries.items()):
            self.matcher.add(key, [tokenizer(phrase)])

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        doc.spans["cues"] = [Span(doc, s, e, label=strings[m]) for m, s, e in self.matcher(doc)]
        return doc


class _SubjectMatcher:
    """Procedure mentions: lexicon aliases (with plurals), capital abbreviations, head-noun phrases."""

    def __init__(self, nlp: Language, lexicons: Lexicons):
        lex = lexicons.subjects
        self.lex = lex
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        tokenizer = nlp.tokenizer
        patterns = []
        for alias in sorted(lex.aliases):
            for form in {alias, alias + "s", alias + "es"}:
                patterns.append(tokenizer(form))
        self.matcher.add("ALIAS", patterns)
        self.abbreviations = set(lex.abbreviations)

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, s, e, label="alias") for _m, s, e in self.matcher(doc)]
        spans += self._across_abbreviation(doc, spans)
        covered = set()
        for span in spans:
            covered.update(range(span.start, span.end))
        for token in doc:
            if token.i in covered:
                continue
            if _ABBREV_RE.match(token.text):
                spans.append(Span(doc, token.i, token.i + 1, label="abbrev"))
            elif singular(token.lower_) in self.lex.heads:
                start = token.i
                while start > 0 and token.i - start < 5:
                    prev = doc[start - 1]
                    if not (prev.is_alpha or prev.text == "-") or prev.lower_ in _STOP or prev.i in covered:
                        break
                    start -= 1
                if start < token.i:
                    spans.append(Span(doc, start, token.i + 1, label="phrase"))
        doc.spans["subjects"] = spacy.util.filter_spans(spans)
        return doc


    def _across_abbreviation(self, doc: Doc, spans: list) -> list:
        """'sacroiliac (SI) joint injection' and 'spinal cord stimulator (SCS) trial' name procedures: an
        alias interrupted by an abbreviation in brackets is matched around the brackets."""
        extra = []
        for i in range(1, len(doc) - 2):
            if doc[i].text != "(" or doc[i + 2].text != ")" or not _ABBREV_RE.match(doc[i + 1].text):
                continue
            best = None
            for before in range(1, 5):
                if i - before < 0 or not doc[i - before].is_alpha:
                    break
                for after in range(0, 4):
                    tail = doc[i + 3: i + 3 + after]
                    if len(tail) < after or (after and not tail[-1].is_alpha):
                        break
                    joined = singular_phrase(f"{doc[i - before: i].text} {tail.text}".strip())
                    if joined in self.lex.aliases and after and (best is None or before + after > best[0]):
                        best = (before + after, i - before, i + 3 + after, joined)
            if best:
                _size, start, end, joined = best
                doc.user_data.setdefault("checker_mention_text", {})[(start, end)] = joined
                extra.append(Span(doc, start, end, label="alias"))
        return extra


# Components take their data through this table (spaCy configs hold strings, not objects).
_RESOURCES: dict = {}


@Language.factory("checker_cues")
def make_cue_matcher(nlp: Language, name: str, resource_key: str = "default"):
    return _CueMatcher(nlp, _RESOURCES[resource_key][0])


@Language.factory("checker_subjects")
def make_subject_matcher(nlp: Language, name: str, resource_key: str = "default"):
    return _SubjectMatcher(nlp, _RESOURCES[resource_key][0])


def build_pipeline(lexicons: Optional[Lexicons] = None, vocabulary=None) -> Language:
    """A blank English pipeline with the sentencizer and our components. No model is downloaded."""
    lexicons = lexicons or Lexicons.load()
    vocabulary = vocabulary or normalize_mod.default_vocabulary()
    key = f"{id(lexicons)}-{id(vocabulary)}"
    _RESOURCES[key] = (lexicons, vocabulary)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("checker_quantities", config={"resource_key": key})
    nlp.add_pipe("checker_cues", config={"resource_key": key})
    nlp.add_pipe("checker_subjects", config={"resource_key": key})
    nlp.meta["checker_lexicons"] = lexicons  # type: ignore[index]
    return nlp


# --------------------------------------------------------------------------------------------------
# Claims


@dataclass
class _BlockDoc:
    block: Block
    doc: Doc
    _sentences: Optional[list] = None

    _mentions: Optional[list] = None

    def sentences(self) -> list:
        if self._sentences is None:
            self._sentences = list(self.doc.sents)
        return self._sentences

    def sentence_index(self, sent: Span) -> int:
        return next(k for k, s in enumerate(self.sentences()) if s.start == sent.start)

    def sentence_mentions(self, ctx: "_DocumentContext") -> list:
        """Procedure names in each sentence of the block, computed once per block."""
        if self._mentions is None:
            self._mentions = [[] for _ in self.sentences()]
            starts = [s.start for s in self.sentences()]
            for span in sorted(self.doc.spans["subjects"], key=lambda m: m.start):
                text = ctx.mention_text(span)
                if text:
                    k = bisect.bisect_right(starts, span.start) - 1
                    self._mentions[k].append(text)
        return self._mentions


def _cues_in(doc: Doc, start_char: int, end_char: int) -> list[Span]:
    return [s for s in doc.spans["cues"] if s.start_char >= start_char and s.end_char <= end_char]


def _longest_only(spans: list[Span]) -> list[Span]:
    """Among overlapping attribute cues keep the longest ('pain lasts' over 'lasts')."""
    attr = sorted((s for s in spans if s.label_.startswith("attr|")), key=lambda s: (-(s.end - s.start), s.start))
    kept: list[Span] = []
    for s in attr:
        if all(s.end <= k.start or s.start >= k.end or (s.start == k.start and s.end == k.end) for k in kept):
            kept.append(s)
    return kept


def score_attributes(cue_spans: list[Span], weights: dict, q_start: int, q_end: int, units: dict,
                     unit: str, scale: float = 1.0, scores: Optional[dict] = None) -> dict:
    """Add each attribute cue's weight, discounted by its distance in tokens from the quantity."""
    scores = {} if scores is None else scores
    for s in _longest_only(cue_spans):
        _kind, name, _phrase = s.label_.split("|", 2)
        if unit not in units.get(name, ()):
            continue
        if s.end <= q_start:
            distance = q_start - s.end
        elif s.start >= q_end:
            distance = s.start - q_end
        else:
            distance = 0
        scores[name] = scores.get(name, 0.0) + scale * weights[s.label_] / (1 + 0.1 * distance)
    return scores


def _best(scores: dict) -> Optional[str]:
    if not scores:
        return None
    return max(sorted(scores), key=lambda k: scores[k])


def _clauses(text: str) -> list[tuple[int, int]]:
    bounds = [0]
    for m in _CLAUSE_BREAK_RE.finditer(text):
        bounds.append(m.end() if m.group().startswith(",") or m.group().startswith(")") else m.start())
    bounds.append(len(text))
    out = []
    for a, b in zip(bounds, bounds[1:]):
        if b <= a:
            continue
        if _RELATIVE_START_RE.match(text[a:b]):
            # a non-restrictive relative clause ends at its closing comma: "..., which lasts months, RFA ..."
            k = text.find(", ", a, b)
            if k != -1:
                out.append((a, k + 1))
                a = k + 2
        out.append((a, b))
    return out


def _claim_id(source: str, quote: str, value_text: str, occurrence: int) -> str:
    key = "\x1f".join((source, re.sub(r"\s+", " ", quote.strip().lower()), value_text.lower(), str(occurrence)))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


class _DocumentContext:
    """Per-document state: block docs, subject mentions per block, abbreviations defined in the text."""

    def __init__(self, document: Document, block_docs: list[_BlockDoc], lexicons: Lexicons):
        self.document = document
        self.block_docs = block_docs
        self.lex = lexicons
        self.by_index = {bd.block.index: bd for bd in block_docs}
        self.abbreviations = self._local_abbreviations()
        self.is_html = document.source.lower().endswith((".html", ".htm"))
        self.view = document.view or document.text
        self._title_mentions: Optional[list] = None

    def _local_abbreviations(self) -> dict:
        found = {}
        for bd in self.block_docs:
            doc = bd.doc
            for span in doc.spans["subjects"]:
                if span.label_ == "abbrev":
                    continue
                j = span.end
                if j + 2 < len(doc) + 1 and j + 2 <= len(doc) - 0 and j < len(doc) and doc[j].text == "(" \
                        and j + 2 < len(doc) and doc[j + 2].text == ")" and _ABBREV_RE.match(doc[j + 1].text):
                    found.setdefault(doc[j + 1].text, span.text)
        return found

    def title_mentions(self, nlp: Language) -> list[str]:
        """Procedures named by the page title: the document's title and the headings that open the
        page (a site name often comes first: "University Medical Center" above "Your SCS Trial")."""
        if self._title_mentions is None:
            texts = [self.document.title] if self.document.title else []
            texts += [b.text for b in self.document.blocks[:4] if b.kind == "heading"]
            found: list[str] = []
            for text in texts:
                doc = nlp.get_pipe("checker_subjects")(nlp.make_doc(_flat(text)))
                found += [t for t in (self.mention_text(s) for s in doc.spans["subjects"]) if t and t not in found]
            self._title_mentions = found
        return self._title_mentions

    def heading_cues(self, block: Block, nlp: Language, cue_matcher: "_CueMatcher") -> list[Span]:
        """Cues of the question heading right above a block ("How long does relief last?")."""
        if block.heading is None or block.index - block.heading > 2:
            return []
        heading = self.document.blocks[block.heading]
        if not heading.text.rstrip().endswith("?"):
            return []
        bd = self.by_index.get(heading.index)
        doc = bd.doc if bd is not None else cue_matcher(nlp.make_doc(heading.text))
        return list(doc.spans["cues"])

    def mention_text(self, span: Span) -> Optional[str]:
        override = span.doc.user_data.get("checker_mention_text", {}).get((span.start, span.end))
        if override:
            return override
        if span.label_ == "abbrev":
            if span.text in self.abbreviations:
                return self.abbreviations[span.text]
            if span.text in self.lex.subjects.abbreviations:
                return span.text
            return None
        return span.text

    def mentions_before(self, index: int) -> list[str]:
        out: list[str] = []
        for k in range(index - 1, -1, -1):
            out += list(reversed(self.block_mentions(k)))
        return out

    def cell_mentions(self, block: Block, column: int) -> list[str]:
        bd = self.by_index.get(block.index)
        if bd is None or column >= len(block.cells):
            return []
        a, b = block.cells[column][0] - block.start, block.cells[column][1] - block.start
        spans = [s for s in bd.doc.spans["subjects"] if s.start_char >= a and s.end_char <= b]
        return [t for t in (self.mention_text(s) for s in spans) if t]

    def block_mentions(self, index: int) -> list[str]:
        bd = self.by_index.get(index)
        if bd is None:
            return []
        out = []
        for span in bd.doc.spans["subjects"]:
            text = self.mention_text(span)
            if text:
                out.append(text)
        return out

    def heading_chain(self, block: Block) -> list[int]:
        """Heading blocks above ``block``, nearest first."""
        chain, seen = [], set()
        index = block.heading if block.kind != "heading" else self._heading_above(block.index)
        while index is not None and index not in seen:
            seen.add(index)
            chain.append(index)
            index = self._heading_above(index)
        return chain

    def _heading_above(self, index: int) -> Optional[int]:
        for k in range(index - 1, -1, -1):
            if self.document.blocks[k].kind == "heading":
                return k
        return None


def _sentence_mentions(ctx: _DocumentContext, doc: Doc, sent: Span, clause: tuple[int, int],
                       q: Span) -> tuple[list[str], list[str]]:
    """Mentions in the sentence in order of preference: the nearest before the quantity in its clause,
    a mention that opens the sentence, others before the quantity (nearest first), then after it in
    its clause. Second list: mentions after the quantity in other clauses, to try after everything else."""
    mentions = [s for s in doc.spans["subjects"] if s.start >= sent.start and s.end <= sent.end]
    usable = []
    for s in mentions:
        text = ctx.mention_text(s)
        if not text:
            continue
        before = {t.lower_ for t in doc[max(sent.start, s.start - 3): s.start]}
        contrast = bool(before & _CONTRAST_BEFORE)
        if s.start > sent.start and doc[s.start - 1].lower_ in _POINTING:
            # "this nerve block", "the injection": a general name pointing at the procedure in context;
            # alignment prefers a more specific procedure of that kind from the headings or title
            text = "^" + text
        usable.append((s, text, contrast))
    covered = {i for s in mentions for i in range(s.start, s.end)}
    for token in sent:
        # "the ablation": a bare head noun picks, from the context, the procedure of that kind
        # (alignment reads the '*ablation' marker); "the injection" or "the block" refer to any procedure
        head = singular(token.lower_)
        if head in ctx.lex.subjects.heads and head not in ctx.lex.subjects.references \
                and token.i not in covered and token.i > sent.start \
                and doc[token.i - 1].lower_ in _DETERMINERS:
            usable.append((doc[token.i: token.i + 1], "*" + head, False))
    ranked: list[str] = []
    if _RELATIVE_START_RE.match(doc.text[clause[0]:clause[1]]):
        # "..., which can give relief for months": the relative clause is about the phrase before it
        before_clause = [u for u in usable if u[0].end_char <= clause[0]]
        ranked += [t for _s, t, _c in sorted(before_clause, key=lambda u: -u[0].start)[:1]]
    in_clause_before = [u for u in usable if clause[0] <= u[0].start_char and u[0].end <= q.start and not u[2]]
    ranked += [t for _s, t, _c in sorted(in_clause_before, key=lambda u: -u[0].start)]
    opening = [u for u in usable if u[0].start - sent.start <= 3 and not u[2]]
    ranked += [t for _s, t, _c in opening]
    before_q = [u for u in usable if u[0].end <= q.start and not u[2]]
    ranked += [t for _s, t, _c in sorted(before_q, key=lambda u: -u[0].start)]
    in_clause = [u for u in usable if clause[0] <= u[0].start_char < clause[1]]
    after_q = [u for u in in_clause if u[0].start >= q.end and not u[2]]
    ranked += [t for _s, t, _c in sorted(after_q, key=lambda u: u[0].start)]
    ranked += [t for _s, t, c in in_clause if c]  # "relief for weeks after their medial branch block"
    # a procedure named after the number in another clause ("..., and the block can be followed by RFA")
    # is a weaker hint than the paragraph and the headings: the caller puts these last
    late = [t for _s, t, _c in sorted((u for u in usable if u not in in_clause and (u[2] or u[0].start >= q.end)),
                                      key=lambda u: u[0].start)]
    return _unique(ranked), [t for t in _unique(late) if t not in ranked]


def _unique(items: list[str]) -> list[str]:
    seen, out = set(), []
    for t in items:
        if t not in seen:
            seen.add(t)
            out.append(t)
    return out


def extract(document: Document, nlp: Language, block_docs: Optional[list] = None) -> list[Claim]:
    """Claims of one document, in text order. ``block_docs`` may be passed when already computed."""
    lexicons: Lexicons = nlp.meta["checker_lexicons"]
    if block_docs is None:
        block_docs = [_BlockDoc(b, d) for b, d in zip(document.blocks, nlp.pipe(_flat(b.text) for b in document.blocks))]
    ctx = _DocumentContext(document, block_docs, lexicons)
    cue_matcher: _CueMatcher = nlp.get_pipe("checker_cues")
    units = {name: spec.units for name, spec in lexicons.cues.attributes.items()}
    claims: list[Claim] = []
    occurrences: dict = {}
    for bd in block_docs:
        for q in bd.doc.spans["quantities"]:
            claim = _claim_for(ctx, bd, q, cue_matcher, units, nlp)
            if claim is None:
                continue
            key = (claim.quote.strip().lower(), claim.value_text.lower())
            occurrence = occurrences.get(key, 0)
            occurrences[key] = occurrence + 1
            claims.append(claim.replace(id=_claim_id(document.source, claim.quote, claim.value_text, occurrence)))
    return claims


def _header_cell(ctx: _DocumentContext, block: Block, column: int) -> Optional[str]:
    if block.header is None:
        return None
    header = ctx.document.blocks[block.header]
    if column < len(header.cells):
        return header.cells[column][2]
    return None


def _text_scores(nlp: Language, cue_matcher: _CueMatcher, text: str, units: dict, unit: str) -> dict:
    doc = cue_matcher(nlp.make_doc(text))
    return score_attributes(list(doc.spans["cues"]), cue_matcher.weights, 0, 0, units, unit)


def _claim_for(ctx: _DocumentContext, bd: _BlockDoc, q: Span, cue_matcher: _CueMatcher, units: dict,
               nlp: Language) -> Optional[Claim]:
    quantity = q._.quantity
    block, doc = bd.block, bd.doc
    following = tuple(t.lower_ for t in doc[q.end: q.end + 3])
    if any(following[: len(words)] == words for words in ctx.lex.cues.not_a_claim_after):
        return None  # "two years ago", "7 min read"
    base = block.start
    weights = cue_matcher.weights
    unit = quantity.unit
    condition = None
    context = {"table_row": "table", "table_header": "table", "list_item": "list_item",
               "heading": "heading"}.get(block.kind, "sentence")

    if block.kind in ("table_row", "table_header"):
        if block.kind == "table_header":
            return None
        column = next((k for k, c in enumerate(block.cells) if c[0] <= base + q.start_char < c[1] + 1), None)
        if column is None:
            return None
        cell_end = block.cells[column][1]
        pipe = ctx.document.text.find("|", cell_end, block.end + 1)
        quote_start, quote_end = block.start, (pipe + 1 if pipe != -1 else cell_end)
        sent = doc[:]
        clause = (0, len(doc.text))
        # the column header says what the column measures; a row label ("Driving", "Recovery Time")
        # can say it too, and in a key-value table it is the only place that does
        scores: dict = {}
        header = _header_cell(ctx, block, column)
        if header:
            scores = _text_scores(nlp, cue_matcher, header, units, unit)
        if column > 0 and block.cells:
            for name, value in _text_scores(nlp, cue_matcher, block.cells[0][2], units, unit).items():
                scores[name] = scores.get(name, 0.0) + value
        if block.cells and column > 0:
            first_header = _header_cell(ctx, block, 0)
            if first_header and _norm(first_header) in ctx.lex.cues.condition_headers:
                condition = ctx.lex.cues.condition(block.cells[0][2])
        cell_start, cell_end_rel = block.cells[column][0] - base, block.cells[column][1] - base
        clause_cues = _cues_in(doc, cell_start, cell_end_rel)  # "6-8 hours (diagnostic)": the cell's own words
        hedge_cues = clause_cues
        table_candidates = ctx.cell_mentions(block, 0) if column > 0 else []
        if block.header is not None:
            table_candidates += ctx.cell_mentions(ctx.document.blocks[block.header], column)
    else:
        sent = q.sent
        clause_bounds = [(sent.start_char + a, sent.start_char + b) for a, b in _clauses(sent.text)]
        clause = next((c for c in clause_bounds if c[0] <= q.start_char < c[1]), (sent.start_char, sent.end_char))
        clause_cues = _cues_in(doc, *clause)
        scores = score_attributes(clause_cues, weights, q.start, q.end, units, unit)
        previous = [c for c in clause_bounds if c[1] <= clause[0]]
        hedge_cues = clause_cues
        if previous and _PRONOUN_START_RE.match(doc.text[clause[0]:clause[1]]):
            # "..., but this should subside within a few hours": "this" is what the clause before named,
            # and that clause's hedge ("patients may feel ...") holds for it too
            antecedent = _cues_in(doc, *previous[-1])
            # distances count from where the pronoun stands, which is what the antecedent is joined to
            pronoun_at = doc.char_span(clause[0], clause[1], alignment_mode="expand").start
            scores = score_attributes(antecedent, weights, pronoun_at, pronoun_at, units, unit, scores=scores)
            hedge_cues = antecedent + clause_cues
        earlier_sents = [s for s in bd.sentences() if s.end <= sent.start]
        if earlier_sents and clause[0] == sent.start_char and _PRONOUN_START_RE.match(sent.text):
            # "These effects usually wear off within a few hours": what the sentence before named
            before = earlier_sents[-1]
            scores = score_attributes(_cues_in(doc, before.start_char, before.end_char), weights, q.start, q.end,
                                      units, unit, scale=0.8, scores=scores)
        weak = quantity.kind == "relative" or quantity.rule.endswith("bare_plural")
        if not scores and not weak:
            scores = score_attributes(_cues_in(doc, sent.start_char, sent.end_char), weights, q.start, q.end,
                                      units, unit, scale=0.8)
        if not scores:
            # an FAQ answer ("Usually 3 to 6 months.") takes its meaning from the question above it
            question = ctx.heading_cues(block, nlp, cue_matcher)
            scores = score_attributes(question, weights, len(doc), len(doc), units, unit, scale=0.8)
        quote_start, quote_end = base + sent.start_char, base + sent.end_char
        condition = _condition(ctx, doc, clause_cues, q)

    if "onset_time" in scores and q.start > 0 and doc[q.start - 1].lower_ in _HOW_LONG_BEFORE:
        # "notice the effect for one to three weeks", "numbness fades within hours": how long, not how soon
        scores["onset_time"] *= 0.5
    attribute = _best(scores)
    if attribute is None:
        weak = quantity.kind == "relative" or quantity.rule.endswith("bare_plural")
        if weak:
            return None  # "go home the same day", "office hours": no claim without a cue
        attribute = "other"

    hedge = _hedge(hedge_cues, quantity)
    qualifier = _qualifier(ctx, doc, clause_cues, attribute)

    # subject candidates: the sentence, the paragraph before it, the headings above, the title
    candidates: list[tuple[str, str]] = []
    if context == "table":
        # a row labelled "Medial branch block" or a column headed "RFA" names the subject
        candidates += [(t, "table") for t in table_candidates]
    else:
        ranked, late_mentions = _sentence_mentions(ctx, doc, sent, clause, q)
        for text in ranked:
            candidates.append((text, "sentence"))
            if text.startswith("*"):
                # what "the ablation" can refer to: procedures named earlier in the document, latest first
                candidates += [(t, "context") for t in ctx.mentions_before(block.index)]
        for k in range(bd.sentence_index(sent) - 1, -1, -1):
            candidates += [(text, "paragraph") for text in bd.sentence_mentions(ctx)[k]]
    if block.kind == "list_item" and block.index > 0:
        k = block.index - 1
        while k > 0 and ctx.document.blocks[k].kind == "list_item":
            k -= 1
        lead = ctx.document.blocks[k]
        if lead.kind == "paragraph":
            candidates += [(t, "paragraph") for t in ctx.block_mentions(lead.index)]
    for heading in ctx.heading_chain(block):
        candidates += [(t, "heading") for t in ctx.block_mentions(heading)]
    candidates += [(t, "title") for t in ctx.title_mentions(nlp)]
    if context != "table":
        candidates += [(t, "sentence") for t in late_mentions]

    text = ctx.view  # the file text itself, or for HTML the same-length view without markup
    quote = text[quote_start:quote_end].strip()
    quote_start = quote_start + (len(text[quote_start:quote_end]) - len(text[quote_start:quote_end].lstrip()))
    quote_end = quote_start + len(quote)
    if ctx.is_html:
        quote = _html_text(ctx.document.text[quote_start:quote_end])
    line, column = ctx.document.line_col(quote_start)
    value_start, value_end = base + quantity.start, base + quantity.end
    value_line, value_column = ctx.document.line_col(value_start)
    end_line, end_column = ctx.document.line_col(quote_end)
    return Claim(
        id="",
        source=ctx.document.source,
        line=line,
        column=column,
        start=quote_start,
        end=quote_end,
        quote=quote,
        value_text=_html_text(ctx.document.text[value_start:value_end]) if ctx.is_html else text[value_start:value_end],
        value_start=value_start,
        value_end=value_end,
        attribute=attribute,
        condition=condition,
        qualifier=qualifier,
        hedged=hedge is not None,
        hedge=hedge,
        subject_candidates=_distinct(candidates),
        typical=any(c.label_.startswith("typical|") for c in hedge_cues),
        value_line=value_line,
        value_column=value_column,
        end_line=end_line,
        end_column=end_column,
        block=block.index,
        context=context,
        low=quantity.low,
        high=quantity.high,
        unit=quantity.unit,
        vague=quantity.vague,
        approx=quantity.approx,
        rule=quantity.rule,
    )


def _flat(text: str) -> str:
    """Line breaks inside a block as spaces (same length, so offsets hold): a name wrapped across two
    lines ("medial\nbranch block") is still one name to the matchers."""
    return text.replace("\r", " ").replace("\n", " ")


def _distinct(candidates: list, limit: int = 24) -> tuple:
    """Each candidate once, in order (alignment takes the first that resolves); earlier mentions kept
    for head-noun references are capped so that a long page does not bloat every claim."""
    seen, out, context = set(), [], 0
    for text, origin in candidates:
        if (text, origin) in seen:
            continue
        if origin == "context":
            context += 1
            if context > limit:
                continue
        seen.add((text, origin))
        out.append((text, origin))
    return tuple(out)


def _html_text(raw: str) -> str:
    """What a reader sees of a stretch of HTML: no tags, entities decoded, spaces folded."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]*>", " ", raw))).strip()


def _hedge(cues: list[Span], quantity) -> Optional[str]:
    if quantity.rule.startswith("upper:") and quantity.text.lower().startswith("up to"):
        return "up to"
    for s in sorted(cues, key=lambda s: s.start):
        if s.label_.startswith("hedge|"):
            return s.label_.split("|", 2)[2]
    return None


def _qualifier(ctx: _DocumentContext, doc: Doc, cues: list[Span], attribute: str) -> Optional[str]:
    found = set()
    for s in cues:
        if not s.label_.startswith("qual|"):
            continue
        _k, name, _phrase = s.label_.split("|", 2)
        applies, _phrases = ctx.lex.cues.qualifiers[name]
        if attribute not in applies:
            continue
        before = {t.lower_ for t in doc[max(0, s.start - 6): s.start]}
        if before & ctx.lex.cues.qualifier_negators:
            continue
        found.add(name)
    return found.pop() if len(found) == 1 else None


def _condition(ctx: _DocumentContext, doc: Doc, cues: list[Span], q: Span) -> Optional[str]:
    """'for herniated discs' / 'in patients with spinal stenosis' in the quantity's clause."""
    openers = [s for s in cues if s.label_.startswith("condopen|")]
    for s in cues:
        if not s.label_.startswith("cond|"):
            continue
        if any(o.end == s.start or o.end == s.start - 1 for o in openers):
            return ctx.lex.cues.condition(s.text)
    return None


def extract_documents(documents: Iterable[Document], nlp: Language, batch_size: int = 256) -> dict:
    """Claims of many documents, keyed by source; blocks of all documents go through ``nlp.pipe``."""
    documents = list(documents)
    items = [(_flat(b.text), (d_index, b)) for d_index, d in enumerate(documents) for b in d.blocks]
    per_doc: dict = {k: [] for k in range(len(documents))}
    for doc, (d_index, block) in nlp.pipe(items, as_tuples=True, batch_size=batch_size):
        per_doc[d_index].append(_BlockDoc(block, doc))
    return {documents[k].source: extract(documents[k], nlp, per_doc[k]) for k in range(len(documents))}
