"""What extraction knows about one document: its blocks as spaCy docs, its topic, the abbreviations it
defines, its headings, and the subject mentions of each block, typed.

A `Mention` is a name in the text (``kind``: condition, procedure, treatment, test, or None when the
head noun does not say), with where it comes from. The topic is read from the page title (front
matter ``title``, ``<title>``, the first heading), cleaned of site furniture ("(PDQ®)", "What is",
"| NHS"); when the title names nothing, the subject named most often on the page is the topic.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Span

from ..knowledge import Knowledge, norm_phrase
from ..model import Block, Document
from .pipeline import MentionFinder

_ABBREV_RE = re.compile(r"^[A-Z][A-Za-z0-9-]{0,7}[A-Z0-9]s?$")
_DEFINITION_RE = re.compile(r"\(([A-Z][A-Za-z0-9-]{0,7}[A-Z0-9])s?\)")
# A page of thousands of headings in a row ("<h1>" never closed) made every claim walk all of them:
# the chain stops at the nearest few (every gold set scores the same, web-2 subjects 0.522 -> 0.525).
MAX_HEADINGS = 8


@dataclass(frozen=True)
class Mention:
    """A name of a health subject in the text."""

    text: str  # the name as written, without a leading variant ("Gaucher disease")
    kind: Optional[str]  # condition | procedure | treatment | test | None
    block: int
    start: int  # character offsets in the block's doc
    end: int
    token_start: int = 0
    token_end: int = 0
    variant: Optional[str] = None  # "type 1" when written "type 1 Gaucher disease"
    is_topic: bool = False


@dataclass
class BlockDoc:
    block: Block
    doc: Doc
    _sentences: Optional[list] = None
    _mentions: Optional[list] = None

    def sentences(self) -> list:
        if self._sentences is None:
            self._sentences = list(self.doc.sents)
        return self._sentences

    def sentence_index(self, sent: Span) -> int:
        starts = [s.start for s in self.sentences()]
        return max(0, bisect.bisect_right(starts, sent.start) - 1)


@dataclass
class DocumentContext:
    document: Document
    block_docs: list
    knowledge: Knowledge
    finder: MentionFinder
    by_index: dict = field(default_factory=dict)
    abbreviations: dict = field(default_factory=dict)  # "AMD" -> "age-related macular degeneration"
    topic: Optional[Mention] = None
    topic_key: str = ""

    def __post_init__(self) -> None:
        self.by_index = {bd.block.index: bd for bd in self.block_docs}
        self.abbreviations = self._defined_abbreviations()
        self.is_html = self.document.source.lower().endswith((".html", ".htm"))
        self.view = self.document.view or self.document.text
        self.topic = self._topic()
        self.topic_key = name_key(self.topic.text) if self.topic else ""

    # ------------------------------------------------------------------ mentions

    def mentions(self, index: int) -> list[Mention]:
        """Subject mentions of block ``index``, in text order (computed once per block)."""
        bd = self.by_index.get(index)
        if bd is None:
            return []
        if bd._mentions is None:
            spans = bd.doc.spans["mentions"] if "mentions" in bd.doc.spans else self.finder.find(bd.doc)
            bd._mentions = [m for m in (self._mention(index, s) for s in spans) if m is not None]
            bd._mentions += self._topic_mentions(index, bd.doc, bd._mentions)
            bd._mentions.sort(key=lambda m: m.start)
        return bd._mentions

    def _mention(self, index: int, span: Span) -> Optional[Mention]:
        k = self.knowledge
        text = span.text
        if span.label_ == "abbrev" or _ABBREV_RE.match(text) and len(span) == 1:
            full = self.abbreviations.get(text.rstrip("s")) or self.abbreviations.get(text)
            if full:
                return Mention(full, k.kind_of(full.split()[-1]), index, span.start_char, span.end_char,
                               span.start, span.end)
            if text in k.abbreviations:
                return Mention(text, None, index, span.start_char, span.end_char, span.start, span.end)
        variant = None
        words = text.split()
        if len(words) >= 3 and words[0].lower() in k.variants and words[1][:1].isdigit() | _roman(words[1]):
            variant = f"{words[0].lower()} {words[1].lower()}"
            text = " ".join(words[2:])
        head = text.split()[-1].lower() if text.split() else ""
        if span.label_ == "name" and self._not_a_name(text):
            return None
        return Mention(text, k.kind_of(head), index, span.start_char, span.end_char, span.start, span.end, variant,
                       is_topic=bool(self.topic_key) and name_key(text) == self.topic_key)

    def _not_a_name(self, text: str) -> bool:
        """'the symptoms', 'a rare disease', 'surgery': no word that names something in particular."""
        k = self.knowledge
        words = [w for w in re.findall(r"[\w'-]+", text.lower()) if w not in ("-", "'")]
        if not words:
            return True
        head = words[-1]
        naming = [w for w in words[:-1] if w not in k.generic_modifiers and w not in k.name_stops]
        if naming:
            return False
        if head in k.not_subjects or head.rstrip("s") in k.not_subjects:
            return True
        return False

    def _topic_mentions(self, index: int, doc: Doc, found: list) -> list[Mention]:
        """The topic's own name where the head-noun rules do not find it ("Ibuprofen", "Choroideremia")."""
        if not self.topic or self.topic.kind is not None:
            return []
        words = self.topic.text.lower().split()
        out = []
        taken = {(m.start, m.end) for m in found}
        for i in range(len(doc) - len(words) + 1):
            if doc[i].lower_ != words[0]:
                continue
            if [t.lower_ for t in doc[i:i + len(words)]] == words:
                span = doc[i:i + len(words)]
                if (span.start_char, span.end_char) not in taken:
                    out.append(Mention(self.topic.text, None, index, span.start_char, span.end_char, span.start,
                                       span.end, is_topic=True))
        return out

    # ------------------------------------------------------------------ topic

    def _topic(self) -> Optional[Mention]:
        """The page's topic. The page's own title (front matter, <h1>, a Markdown "# " heading) names it
        when it names a subject, or is itself a short name ("Linear scleroderma"). Otherwise each
        subject the page names is scored by how often it is named (headings count twice) plus a bonus
        for standing in the <title> or the first headings; a site name ("Northside Pain Center") is
        named once, the topic many times."""
        own = self.document.title if self.document.title_source in ("front_matter", "h1") else ""
        if own:
            cleaned = clean_title(own, self.knowledge)
            names = self._names_in(cleaned)
            short = bool(cleaned) and len(cleaned.split()) <= 6 and not re.search(r"\d{3,}|[.]com\b|www\.", cleaned)
            if cleaned and short and (not names or all(_tail_of(m.text, cleaned) for m in names)):
                kind = names[0].kind if names else self.knowledge.kind_of(cleaned.split()[-1])
                return Mention(cleaned, kind, -1, 0, 0, is_topic=True)
            if names:
                best = max(names, key=lambda m: (m.kind not in (None, "feature"), len(m.text.split()), len(m.text)))
                return Mention(best.text, best.kind, -1, 0, 0, variant=best.variant, is_topic=True)
        scores: Counter = Counter()
        first_seen: dict = {}
        for bd in self.block_docs:
            weight = 2 if bd.block.kind == "heading" else 1
            for m in self.mentions(bd.block.index):
                if m.kind is not None:
                    key = name_key(m.text)
                    scores[key] += weight * (0.5 if m.kind == "feature" else 1)
                    first_seen.setdefault(key, m)
        for rank, (title, _own) in enumerate(self._title_texts()):
            for m in self._names_in(clean_title(title, self.knowledge)):
                key = name_key(m.text)
                scores[key] += 2 if rank == 0 else 1
                first_seen.setdefault(key, m)
        if not scores:
            return None
        key, _n = max(scores.items(), key=lambda kv: (kv[1], first_seen[kv[0]].kind not in (None, "feature"),
                                                        -first_seen[kv[0]].block, len(kv[0])))
        m = first_seen[key]
        return Mention(m.text, m.kind, -1, 0, 0, variant=m.variant, is_topic=True)

    def _names_in(self, text: str) -> list[Mention]:
        if not text:
            return []
        return [m for m in (self._mention(-1, s) for s in self.finder.find(self.finder_doc(text)))
                if m is not None and (m.kind is not None or m.text in self.knowledge.abbreviations)]

    def _title_texts(self) -> list[tuple[str, bool]]:
        """Title texts in order, each with whether it is the page's own title (front matter, <h1>)."""
        texts = [(self.document.title, self.document.title_source in ("front_matter", "h1"))] \
            if self.document.title else []
        texts += [(b.text, False) for b in self.document.blocks[:12] if b.kind == "heading"][:4]
        return texts

    def finder_doc(self, text: str) -> Doc:
        return self.finder.nlp_make_doc(text)

    # ------------------------------------------------------------------ abbreviations

    def _defined_abbreviations(self) -> dict:
        """'age-related macular degeneration (AMD)': the long form before an abbreviation in brackets
        whose letters it starts its words with (Schwartz and Hearst's rule, 2003)."""
        found: dict = {}
        text = self.document.view or self.document.text
        for m in _DEFINITION_RE.finditer(text):
            short = m.group(1)
            window = text[max(0, m.start() - 120): m.start()].rstrip()
            long_form = _long_form(short, window)
            if long_form:
                found.setdefault(short, long_form)
        return found

    # ------------------------------------------------------------------ headings

    def heading_chain(self, block: Block) -> list[int]:
        """Heading blocks above ``block``, nearest first."""
        chain: list[int] = []
        index = block.heading if block.kind != "heading" else self._heading_above(block.index)
        while index is not None and index not in chain and len(chain) < MAX_HEADINGS:
            chain.append(index)
            index = self._heading_above(index)
        return chain

    def _heading_above(self, index: int) -> Optional[int]:
        for k in range(index - 1, -1, -1):
            if self.document.blocks[k].kind == "heading":
                return k
        return None


def _tail_of(name: str, title: str) -> bool:
    """Whether a name found in a title ends it ("Galen aneurysm" in "Vein of Galen aneurysm")."""
    return title.lower().rstrip(" .").endswith(name.lower())


def _roman(word: str) -> bool:
    return bool(re.fullmatch(r"[IVX]{1,4}|[A-D]", word))


def _long_form(short: str, window: str) -> Optional[str]:
    """The shortest run of words ending the window whose initials spell the abbreviation in order."""
    letters = [c.lower() for c in short if c.isalpha()]
    words = re.findall(r"[A-Za-z][\w'-]*", window)
    if not letters or not words:
        return None
    for n in range(1, min(len(words), len(letters) + 3) + 1):
        candidate = words[-n:]
        if _spells(letters, " ".join(candidate).lower()) and candidate[0][0].lower() == letters[0]:
            return " ".join(candidate)
    return None


def _spells(letters: list, phrase: str) -> bool:
    """Each letter of the abbreviation appears in the phrase in order, the first at a word start."""
    i = len(phrase) - 1
    for letter in reversed(letters):
        while i >= 0 and phrase[i] != letter:
            i -= 1
        if i < 0:
            return False
        i -= 1
    return True


def clean_title(title: str, knowledge: Knowledge) -> str:
    """'Breast Cancer Treatment (PDQ®) | NCI' -> 'Breast Cancer Treatment'; 'Parasites - Scabies' -> 'Scabies';
    'Liver (Hepatocellular) Cancer' -> 'Liver Cancer'."""
    text = " ".join(title.split())
    text = " ".join(re.sub(r"\s*\([^()]*\)\s*", " ", text).split()) or text
    if " - " in text and text.count(" - ") == 1:
        left, right = text.split(" - ")
        if len(left.split()) <= 2 and left.istitle():
            text = right  # "Parasites - Scabies": a site section, then the topic
        elif any(right.lower().startswith(s.strip("- |").lower()) for s in knowledge.topic_suffixes if s.startswith("-")):
            text = left
    for mark in knowledge.topic_cut_at:
        k = text.find(mark)
        if k > 0:
            text = text[:k]
    changed = True
    while changed:
        changed = False
        low = text.lower().strip()
        for prefix in knowledge.topic_prefixes:
            if low.startswith(prefix + " "):
                text = text.strip()[len(prefix):].strip()
                changed = True
                break
        low = text.lower().strip()
        for suffix in knowledge.topic_suffixes:
            if low.endswith(suffix) and len(low) > len(suffix):
                text = text.strip()[: len(text.strip()) - len(suffix)].strip(" -|")
                changed = True
                break
    return text.strip(" -|:?.")


def name_key(text: str) -> str:
    """The form two names are compared in: lower case, no possessive, hyphens as spaces, last word
    singular ("Graves' disease" = "Graves disease", "Tay-Sachs" = "Tay Sachs", "cataracts" = "cataract")."""
    from ..align.names import subject_key  # one definition of a name's identity, in align

    return subject_key(text)
