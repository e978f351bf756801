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
from dataclasses import dataclass, field, replace
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
    _text: Optional[str] = None

    @property
    def text(self) -> str:
        """The doc's text, kept once: spaCy rebuilds ``doc.text`` and ``span.text`` from tokens each time."""
        if self._text is None:
            self._text = self.doc.text
        return self._text

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
    # headings: each one's level, the heading above each block, and the ranked walk (see heading_chain)
    _levels: dict = field(default_factory=dict, repr=False)
    _above: Optional[list] = field(default=None, repr=False)
    _ranked: dict = field(default_factory=dict, repr=False)
    # what a stage works out once per page (checker/extract/subjects.py: the sibling headings' names)
    memo: dict = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.by_index = {bd.block.index: bd for bd in self.block_docs}
        self.abbreviations = self._defined_abbreviations()
        self.is_html = self.document.source.lower().endswith((".html", ".htm"))
        self.view = self.document.view or self.document.text
        self.topic = self._topic()
        self.topic_key = name_key(self.topic.text) if self.topic else ""
        self._mark_topic_mentions()

    # ------------------------------------------------------------------ mentions

    def _mark_topic_mentions(self) -> None:
        """Mentions found while the topic was being chosen did not know it yet."""
        if not self.topic_key:
            return
        for bd in self.block_docs:
            if bd._mentions is not None:
                bd._mentions = [replace(m, is_topic=True) if not m.is_topic and name_key(m.text) == self.topic_key
                                else m for m in bd._mentions]

    def mentions(self, index: int) -> list[Mention]:
        """Subject mentions of block ``index``, in text order (computed once per block)."""
        bd = self.by_index.get(index)
        if bd is None:
            return []
        if bd._mentions is None:
            spans = bd.doc.spans["mentions"] if "mentions" in bd.doc.spans else self.finder.find(bd.doc)
            spans = list(spans) + self._defined_abbreviation_spans(bd.doc, spans)
            bd._mentions = [m for m in (self._mention(index, s) for s in spans) if m is not None]
            bd._mentions += self._topic_mentions(index, bd.doc, bd._mentions)
            bd._mentions.sort(key=lambda m: m.start)
        return bd._mentions

    def _defined_abbreviation_spans(self, doc: Doc, found) -> list:
        """'GCA affects 1 in 500' after 'giant cell arteritis (GCA)': the page's own abbreviations,
        which the lexicon-wide finder cannot know."""
        if not self.abbreviations:
            return []
        taken = {i for s in found for i in range(s.start, s.end)}
        return [Span(doc, t.i, t.i + 1, label="abbrev") for t in doc
                if t.i not in taken and (t.text in self.abbreviations or t.text.rstrip("s") in self.abbreviations)]

    def _mention(self, index: int, span: Span) -> Optional[Mention]:
        k = self.knowledge
        text = span.text
        if span.label_ == "abbrev" or _ABBREV_RE.match(text) and len(span) == 1:
            abbreviation = self._abbreviation_mention(index, span)
            if abbreviation is not None:
                return abbreviation
        variant, text = _without_variant(text, k)
        if span.label_ == "name" and self._not_a_name(text):
            return None
        kind = {"treatment": "treatment", "marked": "condition"}.get(span.label_) or _kind_of_name(text, k)
        text, kind = _what_the_head_is_about(text, kind, k)
        return Mention(text, kind, index, span.start_char, span.end_char, span.start, span.end, variant,
                       is_topic=bool(self.topic_key) and name_key(text) == self.topic_key)

    def _abbreviation_mention(self, index: int, span: Span) -> Optional[Mention]:
        """An abbreviation the page defines (named by its long form) or one the knowledge knows."""
        k = self.knowledge
        text = span.text
        full = self.abbreviations.get(text.rstrip("s")) or self.abbreviations.get(text)
        if full:
            return Mention(full, k.kind_of(full.split()[-1]), index, span.start_char, span.end_char,
                           span.start, span.end)
        if text in k.abbreviations:
            return Mention(text, k.kind_of(text.lower()), index, span.start_char, span.end_char, span.start,
                           span.end)
        return None

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
            from_title = self._own_title_topic(own)
            if from_title is not None:
                return from_title
        recurring = self._recurring_title()
        if recurring is not None:
            return recurring
        return self._most_named_topic()

    def _own_title_topic(self, own: str) -> Optional[Mention]:
        """The page's own title as its topic when it is a short name, else the longest subject it names."""
        cleaned = clean_title(own, self.knowledge)
        names = self._names_in(cleaned)
        if cleaned and self._title_is_a_name(cleaned, names):
            kind = names[0].kind if names else self.knowledge.kind_of(cleaned.split()[-1])
            return Mention(cleaned, kind, -1, 0, 0, is_topic=True)
        if names:
            best = max(names, key=lambda m: (m.kind not in (None, "feature"), len(m.text.split()), len(m.text)))
            return Mention(best.text, best.kind, -1, 0, 0, variant=best.variant, is_topic=True)
        return None

    def _title_is_a_name(self, cleaned: str, names: list[Mention]) -> bool:
        """A short title whose names all end it, or that names nothing and reads as a plain name (no
        word that stops a name, not a proper name such as a blog's)."""
        words = cleaned.split()
        stops = self.knowledge.name_stops
        short = len(words) <= 6 and not re.search(r"\d{3,}|[.]com\b|www\.", cleaned) \
            and words[0].lower() not in stops  # not "After your wisdom teeth are out"
        if not short:
            return False
        if names:
            return all(_tail_of(m.text, cleaned) for m in names)
        return not any(w.lower() in stops for w in words[1:]) and not self._proper_name(cleaned)

    def _most_named_topic(self) -> Optional[Mention]:
        """The subject named most often (headings twice, the <title> and first headings as a bonus)."""
        scores: Counter = Counter()
        first_seen: dict = {}
        self._count_block_names(scores, first_seen)  # a Counter: a new name starts at 0
        self._count_title_names(scores, first_seen)
        if not scores:
            return None
        key, _n = max(scores.items(), key=lambda kv: (kv[1], first_seen[kv[0]].kind not in (None, "feature"),
                                                        -first_seen[kv[0]].block, len(kv[0])))
        m = first_seen[key]
        return Mention(m.text, m.kind, -1, 0, 0, variant=m.variant, is_topic=True)

    def _count_block_names(self, scores: dict, first_seen: dict) -> None:
        for bd in self.block_docs:
            weight = 2 if bd.block.kind == "heading" else 1
            for m in self.mentions(bd.block.index):
                if m.kind is not None:
                    key = name_key(m.text)
                    scores[key] += weight * (0.5 if m.kind == "feature" else 1)
                    first_seen.setdefault(key, m)

    def _count_title_names(self, scores: dict, first_seen: dict) -> None:
        for rank, (title, _own) in enumerate(self._title_texts()):
            for m in self._names_in(clean_title(title, self.knowledge)):
                key = name_key(m.text)
                scores[key] += 2 if rank == 0 else 1
                first_seen.setdefault(key, m)

    def _proper_name(self, title: str) -> bool:
        """'Sunny Sam', a blog's name: several words, each capitalized wherever the page writes them (or
        nowhere else at all), where a health name is written in lower case in running text."""
        words = title.split()
        if len(words) < 2 or not all(w[:1].isupper() for w in words):
            return False
        prose = " ".join(b.text for b in self.document.blocks if b.kind in ("paragraph", "list_item"))
        return _only_proper(title, prose) or not re.search(r"\b" + re.escape(title) + r"\b", prose, flags=re.I)

    def _recurring_title(self) -> Optional[Mention]:
        """A short first heading that the page's text repeats ("Carpal tunnel release" over "Carpal tunnel
        release frees the nerve ..."): the page's title, though no head noun says so."""
        cased = " ".join(b.text for b in self.document.blocks if b.kind in ("paragraph", "list_item")
                         and len(b.text.split()) > 8)
        prose = cased.lower()
        for title, _own in self._title_texts()[:2]:
            cleaned = clean_title(title, self.knowledge)
            words = cleaned.split()
            if not 1 <= len(words) <= 6 or words[0].lower() in self.knowledge.name_stops \
                    or all(w.lower() in self.knowledge.section_words for w in words) \
                    or _names_a_site(cleaned, self.knowledge):
                continue
            kind = _kind_of_name(cleaned, self.knowledge)
            if kind is None and len(words) > 1 and _only_proper(cleaned, cased):
                continue  # "Bionic Bev", a blog's name: written in capitals wherever the text names it
            if re.search(r"\b" + re.escape(cleaned.lower()) + r"\b", prose):  # named again in a sentence
                return Mention(cleaned, kind, -1, 0, 0, is_topic=True)
        return None

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
        """The headings a block sits under, nearest first: its own section's heading, then each heading
        of a higher rank above it. A sibling section ("## Chickenpox" before "## Whooping cough") is
        not above a block; where a page does not mark ranks (plain text), every heading above counts.
        At most `MAX_HEADINGS`, and each step is looked up, not walked: a page of thousands of headings
        (an "<h1>" never closed, "## " sections side by side) stays linear."""
        chain: list[int] = []
        index = block.heading if block.kind != "heading" else self._heading_above(block.index)
        rank: Optional[int] = None
        while index is not None and len(chain) < MAX_HEADINGS:
            chain.append(index)
            level = self.heading_level(index)
            rank = level if level is not None else rank
            index = self._ranked_above(index, rank)
        return chain

    def heading_level(self, index: int) -> Optional[int]:
        """1 for '#', 2 for '##'...; None for a heading whose rank the page does not mark (plain text,
        HTML, whose view has the tags blanked). Read from the marks just before the heading's text on
        its line, once per heading."""
        if index not in self._levels:
            view = self.document.view or self.document.text
            self._levels[index] = _marked_level(view, self.document.blocks[index].start)
        return self._levels[index]

    def _ranked_above(self, index: int, rank: Optional[int]) -> Optional[int]:
        """The nearest heading above ``index`` that ranks above ``rank``: of a lower level or of none
        (any heading when ``rank`` is None). The headings stepped over are remembered for that rank, so
        that a run of siblings is walked once, not once per block under them."""
        skipped: list[int] = []
        found = self._heading_above(index)
        while found is not None:
            if (found, rank) in self._ranked:
                found = self._ranked[(found, rank)]
                break
            level = self.heading_level(found)
            if rank is None or level is None or level < rank:
                break
            skipped.append(found)
            found = self._heading_above(found)
        for k in skipped:
            self._ranked[(k, rank)] = found
        return found

    def _heading_above(self, index: int) -> Optional[int]:
        """The nearest heading block before block ``index``."""
        if self._above is None:
            above: list[Optional[int]] = []
            last = None
            for k, b in enumerate(self.document.blocks):
                above.append(last)
                if b.kind == "heading":
                    last = k
            self._above = above
        return self._above[index]


def _marked_level(view: str, start: int) -> Optional[int]:
    """How many '#' stand between the start of the line and ``start`` with only spaces around them
    ("## Title": 2); None when anything else does. Walks back over those marks only."""
    k = start
    while k > 0 and view[k - 1] != "\n" and view[k - 1].isspace():
        k -= 1
    end = k
    while k > 0 and view[k - 1] == "#":
        k -= 1
    marks = end - k
    while k > 0 and view[k - 1] != "\n" and view[k - 1].isspace():
        k -= 1
    return marks if marks and (k == 0 or view[k - 1] == "\n") else None


def _only_proper(name: str, text: str) -> bool:
    """Whether every time the text names ``name`` each of its words starts with a capital."""
    found = [m.group() for m in re.finditer(r"\b" + re.escape(name) + r"\b", text, flags=re.I)]
    return bool(found) and all(all(w[:1].isupper() for w in f.split()) for f in found)


def _names_a_site(title: str, knowledge: Knowledge) -> bool:
    """'Northside Pain Center', 'MedFacts.com', 'WellnessPedia': a word of a site's name, also inside a
    name written in CamelCase."""
    parts = re.split(r"[\s.]+|(?<=[a-z])(?=[A-Z])", title)
    return any(p.lower().strip(".") in knowledge.site_words for p in parts if p)


def _kind_of_name(text: str, knowledge: Knowledge) -> Optional[str]:
    """The kind of the name's head noun: its last word with a kind ("hepatitis" in "hepatitis B",
    "fracture" in "fracture of the wrist", "retinitis" in "retinitis pigmentosa")."""
    words = text.lower().split()
    for word in reversed(words):
        kind = knowledge.kind_of(word)
        if kind is not None:
            return kind
    return None


def _without_variant(text: str, knowledge: Knowledge) -> tuple[Optional[str], str]:
    """'type 1 Gaucher disease' -> ('type 1', 'Gaucher disease'); (None, text) when no variant leads."""
    words = text.split()
    if len(words) >= 3 and words[0].lower() in knowledge.variants and words[1][:1].isdigit() | _roman(words[1]):
        return f"{words[0].lower()} {words[1].lower()}", " ".join(words[2:])
    return None, text


def _what_the_head_is_about(text: str, kind: Optional[str], knowledge: Knowledge) -> tuple[str, Optional[str]]:
    """A name whose head is care or an event is about what comes before it."""
    head = text.split()[-1].lower() if text.split() else ""
    if head in knowledge.care_heads and len(text.split()) >= 2 and knowledge.kind_of(text.split()[-2]) == "condition":
        return text.rsplit(None, 1)[0], "condition"  # "Lyme disease treatment": the care of a condition is about it
    if head in knowledge.event_heads and len(text.split()) >= 2:
        rest = text.rsplit(None, 1)[0]
        rest_kind = _kind_of_name(rest, knowledge)
        if rest_kind in ("condition", "feature"):
            return rest, rest_kind  # "migraine attacks" are migraines
    return text, kind


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
        text = _topic_side(text, knowledge)
    for mark in knowledge.topic_cut_at:
        k = text.find(mark)
        if k > 0:
            text = text[:k]
    text = _without_population(text, knowledge)
    return _without_affixes(text, knowledge).strip(" -|:?.")


def _topic_side(text: str, knowledge: Knowledge) -> str:
    """The side of 'A - B' that names the topic (the whole text when neither side is plainly furniture)."""
    left, right = text.split(" - ")
    if any(w.lower().strip(".") in knowledge.site_words for w in right.split()):
        return left  # "Sciatica - Mayo Clinic", "Tinnitus - NHS": the site after the topic
    if len(left.split()) <= 2 and left.istitle():
        return right  # "Parasites - Scabies": a site section, then the topic
    if any(right.lower().startswith(s.strip("- |").lower()) for s in knowledge.topic_suffixes if s.startswith("-")):
        return left
    return text


def _without_affixes(text: str, knowledge: Knowledge) -> str:
    """The title without its leading "What is" and trailing "| NHS", each removed as often as it recurs."""
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
    return text


_SCOPE_RE = re.compile(r"\s+(?:in|among|around|across|for)\s+(?:the\s+)?(?P<rest>[\w .'-]+)$", re.I)


def _without_population(title: str, knowledge: Knowledge) -> str:
    """'Hepatitis B in the United States', 'Pneumonia in children', 'Asthma around the world': the topic
    is the name; the place or group after it says whom the page is about."""
    m = _SCOPE_RE.search(title)
    if m is None:
        return title
    rest = m.group("rest").strip().lower()
    rest_the = "the " + rest
    known = rest in knowledge.groups or rest in knowledge.everyone or rest_the in knowledge.groups \
        or any(rest == p.lower() or rest_the == p.lower() for p in knowledge.places)
    return title[: m.start()] if known else title


def name_key(text: str) -> str:
    """The form two names are compared in: lower case, no possessive, hyphens as spaces, last word
    singular ("Graves' disease" = "Graves disease", "Tay-Sachs" = "Tay Sachs", "cataracts" = "cataract")."""
    from ..align.names import subject_key  # one definition of a name's identity, in align

    return subject_key(text)
