"""The spaCy pipeline: a blank English tokenizer, the sentencizer and three rule-based components.

- ``checker_quantities`` puts every quantity expression in ``doc.spans["quantities"]`` (the
  `Quantity` in ``span._.quantity``);
- ``checker_cues`` puts cue phrases from the knowledge files in ``doc.spans["cues"]``, labelled
  ``category|name|phrase`` (``attr|prevalence|affects``, ``hedge||may``, ``group|children|kids``);
- ``checker_mentions`` puts names of health subjects in ``doc.spans["mentions"]`` (lexicon aliases,
  abbreviations, and noun phrases ending in a head noun or a suffix of ``entities.yaml``).

Components get their data the way spaCy means them to: the pipeline config names a registered
loader (``checker.resources.v1``) with the data file paths as plain strings, so the config stays
serializable (``nlp.to_disk`` works) and every pipeline built with the same paths shares one loaded
`Resources`. Cue and mention matching run only on blocks that hold a quantity, plus headings; the
extraction context asks for the mentions of any other block when it needs them.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans, registry

from ..knowledge import Knowledge, load_knowledge
from ..quantities import Vocabulary, find_quantities, load_vocabulary
from ..quantities.health import HealthVocabulary, load_health_vocabulary

PIPELINE_VERSION = "2"  # bump when extraction changes in a way that invalidates the claim store

if not Span.has_extension("quantity"):
    Span.set_extension("quantity", default=None)
if not Doc.has_extension("checker_heading"):
    Doc.set_extension("checker_heading", default=False)


@dataclass(frozen=True, eq=False)
class Resources:
    """Everything the components read: knowledge files, the quantity vocabularies."""

    knowledge: Knowledge
    vocabulary: Vocabulary
    health: HealthVocabulary

    def files(self) -> tuple:
        return tuple(self.knowledge.files) + (self.vocabulary.path, self.health.path)


@registry.misc("checker.resources.v1")
def resources_loader(data: list, subjects: Optional[str] = None, cues: Optional[str] = None,
                     quantities: Optional[str] = None, health: Optional[str] = None) -> Resources:
    return load_resources(tuple(data), subjects, cues, quantities, health)


@lru_cache(maxsize=16)
def load_resources(data: tuple = ("builtin",), subjects: Optional[str] = None, cues: Optional[str] = None,
                   quantities: Optional[str] = None, health: Optional[str] = None) -> Resources:
    return Resources(load_knowledge(data, subjects=subjects, cues=cues), load_vocabulary(quantities),
                     load_health_vocabulary(health))


def _has_quantity(doc: Doc) -> bool:
    return bool(doc.spans.get("quantities")) or doc._.checker_heading


@Language.factory("checker_quantities")
def make_quantity_finder(nlp: Language, name: str, resources: Resources):
    def quantity_finder(doc: Doc) -> Doc:
        spans = []
        for q in find_quantities(doc.text, resources.vocabulary, resources.health):
            span = doc.char_span(q.start, q.end, label=q.kind, alignment_mode="expand")
            if span is not None:
                span._.quantity = q
                spans.append(span)
        doc.spans["quantities"] = spans
        return doc

    return quantity_finder


class CueMatcher:
    """One PhraseMatcher over every cue phrase of the knowledge files; keys are 'category|name|phrase'."""

    def __init__(self, nlp: Language, knowledge: Knowledge):
        self.weights: dict = {}
        lower: dict = {}
        exact: dict = {}
        for spec in knowledge.attributes.values():
            for phrase, weight in spec.cues.items():
                lower[f"attr|{spec.name}|{phrase}"] = phrase
                self.weights[f"attr|{spec.name}|{phrase}"] = weight
        _add_word_cues(knowledge, lower, exact)
        self.lower = _phrase_matcher(nlp, lower, "LOWER")
        self.exact = _phrase_matcher(nlp, exact, "ORTH")

    def __call__(self, doc: Doc) -> Doc:
        if not _has_quantity(doc):
            doc.spans["cues"] = []
            return doc
        strings = doc.vocab.strings
        matches = list(self.lower(doc)) + list(self.exact(doc))
        doc.spans["cues"] = [Span(doc, s, e, label=strings[m]) for m, s, e in sorted(matches, key=lambda m: (m[1], m[2]))]
        return doc


def _add_word_cues(knowledge: Knowledge, lower: dict, exact: dict) -> None:
    """The cue phrases that are not an attribute's: hedges and their kin, qualifiers, conditions, groups,
    places, hypotheticals, negations and who speaks. Names in capitals ("HIV", "UK") match case and all."""
    for category in ("hedges", "typical", "subset", "maximum"):
        for phrase in getattr(knowledge, category):
            lower[f"{category}||{phrase}"] = phrase
    for name, qualifier in knowledge.qualifiers.items():
        for phrase in qualifier.cues:
            lower[f"qual|{name}|{phrase}"] = phrase
    for phrase in knowledge.condition_openers:
        lower[f"condopen||{phrase}"] = phrase
    for phrase in knowledge.conditions:
        (exact if phrase.isupper() else lower)[f"cond||{phrase}"] = phrase
    for table, category in ((knowledge.groups, "group"), (knowledge.places, "place"),
                            (knowledge.hypotheticals, "hypo")):
        for phrase, name in table.items():
            (exact if phrase.upper() == phrase and any(c.isalpha() for c in phrase) else lower)[
                f"{category}|{name}|{phrase}"] = phrase
    for category, phrases in (("neg", knowledge.negations), ("personal", knowledge.personal),
                              ("hearsay", knowledge.hearsay)):
        for phrase in phrases:
            lower[f"{category}||{phrase}"] = phrase


def _phrase_matcher(nlp: Language, entries: dict, attr: str) -> PhraseMatcher:
    matcher = PhraseMatcher(nlp.vocab, attr=attr)
    for key, phrase in sorted(entries.items()):
        matcher.add(key, [nlp.make_doc(phrase)])
    return matcher


class MentionFinder:
    """Names of health subjects: aliases and abbreviations of the lexicon, and noun phrases that end
    in a head noun ("medial branch block", "Graves disease") or a suffix ("hemochromatosis")."""

    MAX_WORDS = 6

    def __init__(self, nlp: Language, knowledge: Knowledge):
        self.k = knowledge
        self.nlp_make_doc = nlp.make_doc  # for titles, which are not blocks of the document
        self.aliases = PhraseMatcher(nlp.vocab, attr="LOWER")
        patterns = []
        for alias in sorted(knowledge.aliases):
            for form in (alias, alias + "s", alias + "es"):
                patterns.append(nlp.make_doc(form))
        self.aliases.add("ALIAS", patterns)
        self.abbreviations = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.abbreviations.add("ABBREV", [nlp.make_doc(a) for a in sorted(knowledge.abbreviations)])

    def __call__(self, doc: Doc) -> Doc:
        if not _has_quantity(doc):
            return doc
        doc.spans["mentions"] = self.find(doc)
        return doc

    def find(self, doc: Doc) -> list:
        spans = [Span(doc, s, e, label="alias") for _m, s, e in self.aliases(doc)]
        spans += [Span(doc, s, e, label="abbrev") for _m, s, e in self.abbreviations(doc)]
        abbreviated = {i for s in spans if s.label_ == "abbrev" for i in range(s.start, s.end)}
        for token in doc:
            if token.i in abbreviated or not token.is_alpha:
                continue
            word = token.lower_
            if self.k.kind_of(word) is None:
                continue
            # a name may run over an alias ("flu" + "jab", "stomach" + "flu"): the longest span wins below
            start = self._name_start(doc, token.i, abbreviated)
            spans.append(Span(doc, start, self._name_end(doc, token.i), label="name"))
        spans += self._opened_treatments(doc)
        spans += self._marked_conditions(doc)
        fixed = {i for s in spans if s.label_ in ("alias", "abbrev") for i in range(s.start, s.end)}
        # first, so that where a name found by its head noun covers the same words ("Kostmann
        # neutropenia", a feature by its head) the verb's reading wins: what affects people is a condition
        return filter_spans(self._affecting_names(doc, fixed) + spans)

    def _affecting_names(self, doc: Doc, taken: set) -> list:
        """'Glanzmann thrombasthenia affects about 1 in 1,000,000 people': the words before a verb of
        prevalence, opening the sentence with a capital, name a condition though no head noun says so."""
        out = []
        for token in doc:
            if token.lower_ not in _PREVALENCE_VERBS or token.i == 0 or token.i in taken:
                continue
            start = self._subject_start(doc, token.i, taken)
            if start < token.i and _opens_sentence(doc, start) and self._of_people(doc, token.i) \
                    and doc[start].is_title and doc[token.i - 1].lower_ not in self.k.not_subjects:
                out.append(Span(doc, start, token.i, label="marked"))
        return out

    def _subject_start(self, doc: Doc, verb: int, taken: set) -> int:
        """The first of up to four words before the verb that could be a name."""
        start = verb
        while start > 0 and verb - start < 4:
            prev = doc[start - 1]
            if not prev.is_alpha or prev.lower_ in self.k.name_stops or prev.i in taken:
                break
            start -= 1
        return start

    def _of_people(self, doc: Doc, verb: int) -> bool:
        # ... of people: how common a condition is ("1% of cycles" is how often a complication happens)
        return any(t.lower_ in self.k.everyone or t.lower_ in self.k.groups for t in doc[verb + 1: verb + 9])

    def _marked_conditions(self, doc: Doc) -> list:
        """'a Tay-Sachs gene change', 'Huntington carriers': the capitalized name before a condition marker
        (not a gene symbol in capitals such as "HBB", which names a gene, not a condition)."""
        out = []
        for token in doc:
            if token.lower_ not in self.k.condition_markers or token.i == 0:
                continue
            start = self._capitalized_start(doc, token.i)
            if start < token.i and any(t.is_title for t in doc[start:token.i]):
                out.append(Span(doc, start, token.i, label="marked"))
        return out

    def _capitalized_start(self, doc: Doc, marker: int) -> int:
        """The first of up to three capitalized words (and hyphens) before a marker, hyphens at its start left out."""
        start = marker
        while start > 0 and marker - start < 3:
            prev = doc[start - 1]
            if prev.text == "-" or self._capitalized_name_word(prev):
                start -= 1
                continue
            break
        while start < marker and doc[start].text == "-":
            start += 1
        return start

    def _capitalized_name_word(self, token: Token) -> bool:
        text = token.lower_
        return token.is_title and token.is_alpha and text not in self.k.name_stops \
            and text not in self.k.generic_modifiers and text not in self.k.groups

    def _opened_treatments(self, doc: Doc) -> list:
        """'a course of isoniazid', 'treated with ivermectin': the one word after a treatment opener."""
        out = []
        for opener in self.k.treatment_openers:
            n = len(opener)
            for i in range(len(doc) - n):
                if doc[i].lower_ != opener[0] or tuple(t.lower_ for t in doc[i:i + n]) != opener:
                    continue
                word = doc[i + n]
                text = word.lower_
                if word.is_alpha and len(text) > 3 and text not in self.k.name_stops \
                        and text not in self.k.generic_modifiers and text not in self.k.not_subjects \
                        and self.k.kind_of(text) is None:
                    out.append(Span(doc, i + n, i + n + 1, label="treatment"))
        return out

    def _name_start(self, doc: Doc, head: int, covered: set) -> int:
        """Extend a head noun to the left over the words of its name ("medial branch" + "block")."""
        start = head
        while start > 0 and head - start < self.MAX_WORDS - 1:
            words = self._name_words_before(doc, start, covered)
            if not words:
                break
            start -= words
        while start < head and (doc[start].lower_ in ("-", "'", "'s", "’s") or doc[start].is_punct):
            start += 1
        return start

    def _name_words_before(self, doc: Doc, start: int, covered: set) -> int:
        """How many tokens before ``start`` belong to the name: 0, 1, or 2 for a variant ("type 1")."""
        prev = doc[start - 1]
        text = prev.lower_
        if prev.i in covered or text in self.k.name_stops or prev.is_punct and text not in ("-", "'"):
            return 0
        if prev.like_num and start - 2 >= 0 and doc[start - 2].lower_ in self.k.variants:
            return 2  # "type 1 Gaucher disease": the variant goes with the name
        if not (prev.is_alpha or text in ("-", "'", "'s", "’s") or _letters_and_digits(prev.text)):
            return 0
        if text.endswith("ing") and self.k.kind_of(text) is None and len(text) > 5:
            return 0  # "taking sertraline", "coming off ...": a verb, not part of the name
        return 1

    def _name_end(self, doc: Doc, head: int) -> int:
        """Extend a name to the right over what belongs to it after its head noun: a letter or number that
        tells kinds apart ("hepatitis B", "type 1"), Latin adjectives ("retinitis pigmentosa",
        "fibrodysplasia ossificans progressiva"), and "of the X" ("fracture of the wrist")."""
        end = head + 1
        while end < len(doc) and end - head <= 3:
            if self._tells_kinds_apart(doc, end) or self._latin_tail(doc, end):
                end += 1
                continue
            if doc[end].lower_ == "of" and end + 1 < len(doc):
                end = self._of_phrase_end(doc, head, end)
            break
        return end

    def _tells_kinds_apart(self, doc: Doc, end: int) -> bool:
        """'hepatitis B', 'type 1': a short capital or a short number after a variant word."""
        token = doc[end]
        return token.text.isupper() and len(token.text) <= 2 or token.like_num and len(token.text) <= 2 \
            and doc[end - 1].lower_ in self.k.variants

    def _latin_tail(self, doc: Doc, end: int) -> bool:
        token = doc[end]
        text = token.lower_
        nxt = doc[end + 1].lower_ if end + 1 < len(doc) else ""
        return token.is_alpha and text.endswith(self.k.name_tails) and text not in self.k.name_stops \
            and nxt not in _DETERMINERS  # "surgery straightens the toe": a verb, not a Latin tail

    def _of_phrase_end(self, doc: Doc, head: int, of: int) -> int:
        """'fracture of the wrist': the end after "of (the) X" when the head takes one, else ``of``."""
        nxt = of + 2 if doc[of + 1].lower_ == "the" and of + 2 < len(doc) else of + 1
        word = doc[nxt]
        if word.is_alpha and word.lower_ not in self.k.name_stops and word.lower_ not in self.k.everyone \
                and self.k.kind_of(word.lower_) is None and word.lower_ not in self.k.not_subjects \
                and doc[head].lower_ in self.k.of_heads:
            return nxt + 1
        return of


_PREVALENCE_VERBS = {"affects", "affected", "occurs", "occurred"}
_DETERMINERS = {"the", "a", "an", "your", "their", "its", "his", "her", "this", "that", "these", "those", "our"}


def _opens_sentence(doc: Doc, start: int) -> bool:
    return start == 0 or doc[start - 1].is_sent_end or doc[start - 1].text in (".", "!", "?", ":", ";")


def _letters_and_digits(text: str) -> bool:
    """'B12', 'COVID19': a short token of letters and digits that belongs to a name."""
    return len(text) <= 6 and any(c.isalpha() for c in text) and any(c.isdigit() for c in text)


@Language.factory("checker_cues")
def make_cue_matcher(nlp: Language, name: str, resources: Resources):
    return CueMatcher(nlp, resources.knowledge)


@Language.factory("checker_mentions")
def make_mention_finder(nlp: Language, name: str, resources: Resources):
    return MentionFinder(nlp, resources.knowledge)


def build_pipeline(data: tuple = ("builtin",), subjects: Optional[str] = None, cues: Optional[str] = None,
                   quantities: Optional[str] = None, health: Optional[str] = None) -> Language:
    """The extraction pipeline for these data files. No model is downloaded."""
    resources = {"@misc": "checker.resources.v1", "data": list(data), "subjects": subjects, "cues": cues,
                 "quantities": quantities, "health": health}
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for component in ("checker_quantities", "checker_cues", "checker_mentions"):
        nlp.add_pipe(component, config={"resources": resources})
    return nlp


def resources_of(nlp: Language) -> Resources:
    """The resources the pipeline's components were built with."""
    config = nlp.config["components"]["checker_quantities"]["resources"]
    return load_resources(tuple(config["data"]), config.get("subjects"), config.get("cues"),
                          config.get("quantities"), config.get("health"))
