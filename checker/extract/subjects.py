"""What a number is about: the subject candidates of a claim, best first.

The page topic (its title) is what most numbers on a page are about; a name in the sentence takes
over only when it is of the kind the attribute is about and stands where a sentence names what it
talks about. The policy:

- The attribute says what kind of subject it wants: a condition for how common, how early, how
  long an illness lasts, how long people live; a treatment, procedure or test for how long it
  takes, works, lasts or how often it succeeds; any of these (never a symptom) for risks.
- Signs and symptoms (``feature`` names: "night blindness", "seizures") are never the subject on a
  page about a condition: they say what the number is for, not what it is about.
- A name that holds the topic ("X-linked spinal muscular atrophy" on a spinal muscular atrophy page)
  is the topic, its extra words a variant.
- When the topic is of the wanted kind, a name in the sentence wins only in a strong position:
  the condition in "people with X", the phrase a "which" clause hangs on, the name that opens the
  number's clause, what "it" or "the procedure" points back to.
- When the topic is of another kind (how long the flu lasts, on a flu vaccine page), the best name
  of the wanted kind in the sentence wins, then one named earlier in the paragraph (for treatments),
  then the headings above, then the topic.
"""
from __future__ import annotations

import re

from dataclasses import dataclass, replace
from typing import Optional

from .context import DocumentContext, Mention, name_key
from .site import Site

CONDITION_ATTRIBUTES = frozenset({"prevalence", "age_at_onset", "life_expectancy", "illness_duration",
                                  "incubation_period", "contagious_period", "survival_rate"})
TREATMENT_ATTRIBUTES = frozenset({"onset_time", "relief_duration", "procedure_time", "recovery_time",
                                  "side_effect_duration", "treatment_duration", "success_rate",
                                  "activity_restriction", "repeat_interval", "indication_duration"})
TREATMENT_KINDS = frozenset({"procedure", "treatment", "test"})
CONDITION_KINDS = frozenset({"condition"})
ANY_KIND = frozenset({"condition", "procedure", "treatment", "test"})
REFERENCE_KINDS = {"condition": frozenset({"condition"}), "procedure": frozenset({"procedure"}),
                   "treatment": frozenset({"treatment"}), "test": frozenset({"test"})}
_CONTRAST_BEFORE = {"unlike", "than", "versus", "vs", "compared", "instead", "besides", "rather", "whereas", "except"}
_WITH_GROUPS = {"people", "patients", "persons", "individuals", "children", "adults", "women", "men", "those", "infants",
                "babies", "newborns", "anyone", "someone", "person", "patient", "kids", "teens", "adolescents",
                "males", "females", "boys", "girls", "families", "affected"}
_POINTERS = {"the", "this", "these", "that", "those", "your", "such"}
_OPENING_SKIP = {"the", "a", "an", "in", "most", "many", "some", "about", "approximately", "nearly", "almost", "all",
                 "this", "these", "that", "those", "your", "each", "every", "when", "after", "once", "if", "for",
                 "usually", "typically", "generally", "often", "although", "but", "and", "however", ",", "only",
                 "while", "whilst", "whereas", "though", "yet", "so"}


@dataclass(frozen=True)
class Candidate:
    text: str
    origin: str  # sentence | reference | paragraph | heading | table | topic | late
    kind: Optional[str]
    variant: Optional[str] = None
    pointing: bool = False  # "this nerve block": a general name that points at the specific one in context
    strong: bool = False  # stands where a sentence names what it is about
    is_topic: bool = False
    in_clause: bool = False  # named in the number's own clause

    def to_tuple(self) -> tuple:
        return (self.text, self.origin, self.kind or "", self.variant or "", self.pointing)


def wanted_kinds(attribute: str) -> frozenset:
    if attribute in CONDITION_ATTRIBUTES:
        return CONDITION_KINDS
    if attribute in TREATMENT_ATTRIBUTES:
        return TREATMENT_KINDS
    return ANY_KIND


def candidates(site: Site, attribute: str) -> tuple:
    ctx = site.ctx
    wanted = wanted_kinds(attribute)
    topic = _topic_candidate(ctx)
    sentence = [_as_topic(c, ctx) for c in _own_candidates(site)]
    usable = [c for c in sentence if c.kind in wanted or c.is_topic or c.kind is None and c.origin != "late"]
    topic_fits = _topic_fits(topic, wanted, attribute)
    section = _section_subject(site, wanted)
    chosen = _chosen(site, usable, topic, topic_fits, wanted, section)
    rest = list(usable) + [c for c in sentence if c not in usable]
    if topic is not None:
        rest.append(topic)
    return _distinct(chosen + ([topic] if topic is not None and topic_fits else []) + rest)


def _own_candidates(site: Site) -> list[Candidate]:
    """The names the value's own place offers: its table row and column, else its sentence."""
    if site.label is not None:
        return []  # a list item's name ("Scoliosis 50%") says what the share is for, not what it is about
    return _table_mentions(site) if site.column is not None else _sentence_candidates(site)


def _topic_fits(topic: Optional[Candidate], wanted: frozenset, attribute: str) -> bool:
    """Whether the page topic is of a kind the attribute can be about."""
    if attribute == "other":
        return False  # a threshold, a dose, a count: about the thing the sentence names, when it names one
    return topic is not None and (topic.kind in wanted or topic.kind is None
                                  or topic.kind == "feature" and wanted is not TREATMENT_KINDS)


def _chosen(site: Site, usable: list[Candidate], topic: Optional[Candidate], topic_fits: bool,
            wanted: frozenset, section: Optional[Candidate]) -> list[Candidate]:
    """The candidate that goes first, by the policy in the module docstring (empty when none)."""
    on_topic = [c for c in usable if c.is_topic]
    strong_wanted = [c for c in usable if c.strong and not c.is_topic and c.kind in wanted]
    if on_topic and strong_wanted and _strong_over_topic(on_topic, strong_wanted, topic, topic_fits):
        # "Early Lyme disease is treated with doxycycline, which is taken for 10 days": on a condition
        # page, the treatment the clause hangs on is what a treatment's number is about
        return [strong_wanted[0]]
    if on_topic:
        return [on_topic[0]]
    if topic_fits and topic is not None:  # a topic fits only when there is one
        return _strong_or_section(usable, topic, section)
    return _off_topic_choice(site, usable, wanted)


def _strong_over_topic(on_topic: list[Candidate], strong_wanted: list[Candidate], topic: Optional[Candidate],
                       topic_fits: bool) -> bool:
    """Whether a strong name of the wanted kind takes over from the topic named in the sentence: when
    the topic does not fit, is of no known kind, or is named only outside the number's clause."""
    unknown_topic = topic is not None and topic.kind is None
    # "ibuprofen lasts 4 to 6 hours, while naproxen's last 8 to 12": the topic named in another clause
    elsewhere = not any(c.in_clause for c in on_topic) and strong_wanted[0].in_clause
    return not topic_fits or unknown_topic or elsewhere


def _strong_or_section(usable: list[Candidate], topic: Candidate, section: Optional[Candidate]) -> list[Candidate]:
    """When the topic fits: a name in a strong position, else the section heading's subject."""
    # a sign or symptom ("the sores heal") says what a condition's number is for, not what it is about
    strong = [c for c in usable if c.strong and not c.is_topic
              and not (c.kind == "feature" and topic.kind == "condition")]
    return strong[:1] or ([section] if section is not None else [])


def _off_topic_choice(site: Site, usable: list[Candidate], wanted: frozenset) -> list[Candidate]:
    """When the topic is of another kind: the best usable name in the sentence, then (for treatments)
    one named earlier in the paragraph, then the nearest heading that names one of the wanted kind."""
    chosen = usable[:1]
    if not chosen and wanted is TREATMENT_KINDS and site.column is None:
        chosen = [Candidate(m.text, "paragraph", m.kind, m.variant) for m in _earlier_in_block(site)
                  if m.kind in TREATMENT_KINDS][:1]
    if not chosen:
        chosen = _heading_choice(site, wanted)
    return chosen


def _heading_choice(site: Site, wanted: frozenset) -> list[Candidate]:
    """The first name of the wanted kind in the nearest heading above that names one."""
    ctx = site.ctx
    for index in ctx.heading_chain(site.block):
        found = [Candidate(m.text, "heading", m.kind, m.variant) for m in ctx.mentions(index)
                 if m.kind in wanted]
        if found:
            return [found[0]]
    return []


def _section_subject(site: Site, wanted: frozenset) -> Optional[Candidate]:
    """The subject a section heading above the number names, when it names one of the wanted kind other
    than the topic ("Cervical Plexus Block" on a page about nerve blocks): it scopes the claims under it."""
    ctx = site.ctx
    topic_kind = ctx.topic.kind if ctx.topic is not None else None
    listed = _listed_name(site, wanted)
    if listed is not None:
        return listed
    for index in _section_headings(ctx, site.block):
        # a section scopes its claims to a subject of the topic's own kind: "Cervical Plexus Block" on a
        # nerve-block page, not "the flu" on a flu-vaccine page
        found = [m for m in ctx.mentions(index) if m.kind in wanted and _same_family(m.kind, topic_kind)]
        if found:
            m = found[0]
            if ctx.topic_key and name_key(m.text) == ctx.topic_key:
                return None
            return Candidate(m.text, "heading", m.kind, m.variant)
    return None


def _listed_name(site: Site, wanted: frozenset) -> Optional[Candidate]:
    """'## Roseola' among '## Fifth disease' and '## Scarlet fever': a short heading that names nothing
    the head nouns know, beside sibling headings that name subjects of one kind, is a name of that kind."""
    ctx = site.ctx
    chain = ctx.heading_chain(site.block)
    if not chain:
        return None
    own = chain[0]
    if ctx.mentions(own) or not _name_like(ctx.document.blocks[own].text, ctx.knowledge):
        return None
    kind = _sibling_kind(ctx, own, wanted)
    if kind is None:
        return None
    return Candidate(ctx.document.blocks[own].text.strip(), "heading", kind)


def _sibling_kind(ctx: DocumentContext, own: int, wanted: frozenset) -> Optional[str]:
    """The one kind the name-like headings beside ``own`` (but the title) name, when they are a list
    of subjects: most of them name one, all of one kind."""
    title = _title_heading(ctx)
    kinds, naming, name_like = _sibling_names(ctx, wanted)
    siblings = name_like - (own != title)  # own is one of the name-like headings, naming nothing
    return next(iter(kinds)) if _a_list_of_subjects(naming, siblings, kinds) else None


def _sibling_names(ctx: DocumentContext, wanted: frozenset) -> tuple[frozenset, int, int]:
    """Over the page's name-like headings but its title: the kinds of ``wanted`` they name, how many
    name one, and how many there are. Worked out once per page and kind, not once per claim (a page of
    thousands of sections made every claim under one look at every heading)."""
    key = ("sibling_names", wanted)
    if key not in ctx.memo:
        title = _title_heading(ctx)
        named = [{m.kind for m in ctx.mentions(b.index) if m.kind in wanted} for b in ctx.document.blocks
                 if b.kind == "heading" and b.index != title and _name_like(b.text, ctx.knowledge)]
        ctx.memo[key] = (frozenset().union(*named), sum(1 for n in named if n), len(named))
    return ctx.memo[key]


def _a_list_of_subjects(naming: int, siblings: int, kinds: frozenset) -> bool:
    """A list of subjects: most of the ``siblings`` headings name one (``naming`` do), all of one kind."""
    return len(kinds) == 1 and naming >= 2 and 2 * naming >= siblings


def _section_headings(ctx, block) -> list[int]:
    """The headings above a block but the page's title heading: the title names the topic, and the
    names found in it ("Joint Injection" of "Sacroiliac (SI) Joint Injection") are the topic's words."""
    title = _title_heading(ctx) if ctx.topic is not None else None
    return [i for i in ctx.heading_chain(block) if i != title]


def _title_heading(ctx) -> Optional[int]:
    if "title_heading" not in ctx.memo:
        ctx.memo["title_heading"] = next((b.index for b in ctx.document.blocks if b.kind == "heading"), None)
    return ctx.memo["title_heading"]


def _name_like(text: str, knowledge) -> bool:
    words = text.strip().split()
    return 1 <= len(words) <= 6 and not text.strip().endswith(("?", ":")) \
        and words[0].lower() not in knowledge.name_stops and not words[0].lower().endswith("ing") \
        and not re.match(r"^(?:\d+|[ivxIVX]+)[.)]", words[0]) \
        and not any(w.lower().strip(",.") in knowledge.section_words for w in words) \
        and not any(w.lower() in knowledge.groups or w.lower() in knowledge.everyone for w in words)


def _same_family(kind: Optional[str], topic_kind: Optional[str]) -> bool:
    if topic_kind is None or kind == topic_kind:
        return True
    return {kind, topic_kind} <= {"condition", "feature"}


def _topic_candidate(ctx: DocumentContext) -> Optional[Candidate]:
    topic = ctx.topic
    if topic is None:
        return None
    return Candidate(topic.text, "topic", topic.kind, topic.variant, is_topic=True)


def _as_topic(c: Candidate, ctx: DocumentContext) -> Candidate:
    """A name that is the topic, or holds it with more words in front ("moderate hereditary
    spherocytosis"), stands for the topic; the extra words are a variant."""
    if ctx.topic is None or not ctx.topic_key:
        return c
    key = name_key(c.text)
    if key == ctx.topic_key:
        return replace(c, text=ctx.topic.text, is_topic=True, kind=ctx.topic.kind)
    if key.endswith(" " + ctx.topic_key):
        extra = key[: -len(ctx.topic_key)].strip()
        if extra and len(extra.split()) <= 2:
            return replace(c, text=ctx.topic.text, is_topic=True, kind=ctx.topic.kind, variant=c.variant or extra)
    return c


def _sentence_candidates(site: Site) -> list[Candidate]:
    mentions = [m for m in site.ctx.mentions(site.block.index)
                if site.sent.start_char <= m.start and m.end <= site.sent.end_char]
    ranked = [_sentence_candidate(site, m, strong=True) for m in _strong_mentions(site, mentions)]
    ranked += [_sentence_candidate(site, m) for m in _near_mentions(site, mentions)]
    ranked += [replace(c, strong=True) for c in _references(site, mentions)]
    ranked += [_sentence_candidate(site, m) for m in _other_mentions(site, mentions)]
    return ranked


def _sentence_candidate(site: Site, m: Mention, strong: bool = False) -> Candidate:
    clause_start, clause_end = site.clause
    pointing = m.token_start > 0 and site.doc[m.token_start - 1].lower_ in _POINTERS
    return Candidate(m.text, "sentence", m.kind, m.variant, pointing, strong=strong,
                     in_clause=clause_start <= m.start < clause_end)


def _in_contrast(site: Site, m: Mention) -> bool:
    """'unlike X', 'compared with X': a name set against the subject, not the subject."""
    before = {t.lower_ for t in site.doc[max(site.sent.start, m.token_start - 3): m.token_start]}
    return bool(before & _CONTRAST_BEFORE)


def _strong_mentions(site: Site, mentions: list[Mention]) -> list[Mention]:
    """The names that stand where a sentence names what it is about, in order of strength."""
    out = _with_group_mentions(site, mentions)
    if site.is_relative_clause():
        before = [m for m in mentions if m.end <= site.clause[0]]
        if before:
            out.append(before[-1])
    out += _which_heads(site, mentions)
    opener = _clause_opener(site, mentions)
    if opener is not None:
        out.append(opener)
    out += _counted_things(site, mentions)
    adjacent = _just_before(site, mentions)
    if adjacent is not None:
        out.append(adjacent)
    return out


def _with_group_mentions(site: Site, mentions: list[Mention]) -> list[Mention]:
    """'people with X', 'in patients with X': X is what the number is about."""
    doc = site.doc
    clause_start, clause_end = site.clause
    return [m for m in mentions
            if clause_start <= m.start < clause_end and m.token_start >= 2 and doc[m.token_start - 1].lower_ == "with"
            and doc[m.token_start - 2].lower_ in _WITH_GROUPS]


def _which_heads(site: Site, mentions: list[Mention]) -> list[Mention]:
    """'paracetamol which wears off after 2 hrs': the name a "which" hangs on."""
    doc, q = site.doc, site.q
    out = []
    for m in mentions:
        nxt = doc[m.token_end: m.token_end + 2]
        if m.end <= q.start_char and len(nxt) and nxt[0].lower_ in ("which", "that", "who") \
                and not any(o.start > m.end and o.end <= q.start_char for o in mentions):
            out.append(m)
    return out


def _counted_things(site: Site, mentions: list[Mention]) -> list[Mention]:
    """'about half of IVF pregnancies': what the counted things are of."""
    doc, q = site.doc, site.q
    out = []
    for m in mentions:
        between = doc[q.end: m.token_start]
        if m.start >= q.end_char and len(between) <= 3 and all(t.lower_ in _SHARE_OF for t in between) \
                and site.quantity.unit == "ratio":
            out.append(m)
    return out


def _near_mentions(site: Site, mentions: list[Mention]) -> list[Mention]:
    """Names in the clause before the number (nearest first), then names that open the sentence."""
    clause_start = site.clause[0]
    in_clause_before = [m for m in mentions
                        if clause_start <= m.start and m.end <= site.q.start_char and not _in_contrast(site, m)]
    out = sorted(in_clause_before, key=lambda m: -m.start)
    out += [m for m in mentions if m.token_start - site.sent.start <= 3 and not _in_contrast(site, m)]
    return out


def _other_mentions(site: Site, mentions: list[Mention]) -> list[Mention]:
    """The rest: names before the number anywhere in the sentence (nearest first), then names after it
    in its clause."""
    clause_start, clause_end = site.clause
    q = site.q
    out = sorted((m for m in mentions if m.end <= q.start_char and not _in_contrast(site, m)), key=lambda m: -m.start)
    out += [m for m in mentions if clause_start <= m.start < clause_end and m.start >= q.end_char
            and not _in_contrast(site, m)]
    return out


def _clause_opener(site: Site, mentions: list[Mention]) -> Optional[Mention]:
    """The name a clause opens with, before its number ("Radioiodine therapy takes ...", "In most
    cases, the surgery lasts ..."): words such as determiners, quantifiers and an opening adverbial
    may stand before it, but no other noun."""
    doc, q = site.doc, site.q
    span = doc.char_span(site.clause[0], site.clause[1], alignment_mode="expand")
    if span is None:
        return None
    first = next((m for m in mentions if span.start_char <= m.start and m.end <= q.start_char), None)
    if first is None:
        return None
    before = doc[span.start: first.token_start]
    for token in before:
        if token.is_punct or token.lower_ in _OPENING_SKIP or token.like_num or token.is_space:
            continue
        if token.lower_ in ("of", "with") or token.lower_ in _WITH_GROUPS or token.lower_ in _COURSE_WORDS:
            continue  # "Most people with ...", "About half of ...", "A course of isoniazid ..."
        return None
    return first


_SHARE_OF = {"of", "the", "all", "those", "these"}
_COURSE_WORDS = {"course", "courses", "dose", "doses", "round", "rounds", "cycle", "cycles", "session", "sessions"}
_BRIDGE = {"for", "of", "lasts", "last", "lasting", "takes", "take", "is", "are", "usually", "typically", "about",
           "around", "every", "within", "at", "least", "up", "to", "over", "given", "taken", "continues", "continue",
           "'s", "’s"}  # "naproxen's last 8 to 12 hours"


def _just_before(site: Site, mentions: list[Mention]) -> Optional[Mention]:
    """A treatment or procedure named right before the number, with only a few joining words between
    ("physiotherapy for 6 to 12 weeks", "antibiotics for 7 days", "naproxen lasts 8-12 hours")."""
    doc, q = site.doc, site.q
    for m in reversed(mentions):
        if m.end > q.start_char or m.start < site.clause[0]:
            continue
        between = doc[m.token_end: q.start]
        if len(between) <= 4 and all(t.lower_ in _BRIDGE for t in between) and m.kind in TREATMENT_KINDS:
            return m
        break
    return None


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
    sents = site.bd.sentences()
    index = site.bd.sentence_index(site.sent)
    window_start = sents[max(0, index - 2)].start_char  # what a reference points to is named just before it
    earlier = [m for m in site.ctx.mentions(site.block.index) if window_start <= m.start and m.end <= at]
    if kind == "any":
        return _pronoun_antecedent(sents, index, earlier)
    return _named_antecedent(site, REFERENCE_KINDS.get(kind, TREATMENT_KINDS), earlier)


def _pronoun_antecedent(sents, index: int, earlier: list[Mention]) -> Optional[Candidate]:
    """A pronoun: what the sentence before was about (its first name), else the topic."""
    if index > 0:
        previous = sents[index - 1]
        first = [m for m in earlier if previous.start_char <= m.start < previous.end_char]
        if first:
            return Candidate(first[0].text, "reference", first[0].kind, first[0].variant)
    return None


def _named_antecedent(site: Site, wanted: frozenset, earlier: list[Mention]) -> Optional[Candidate]:
    """'the procedure', 'this medicine': the nearest earlier name of the wanted kind, then one in the
    section headings, then the topic when it fits."""
    ctx = site.ctx
    for m in reversed(earlier):
        if m.kind in wanted:
            return Candidate(m.text, "reference", m.kind, m.variant)
    for heading in _section_headings(ctx, site.block):
        for m in ctx.mentions(heading):
            if m.kind in wanted:
                return Candidate(m.text, "reference", m.kind, m.variant)
    topic = ctx.topic
    if topic is not None and (topic.kind is None or topic.kind in wanted):
        return Candidate(topic.text, "reference", topic.kind, topic.variant)
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
    return out


def _cell_mentions(ctx: DocumentContext, index: int, block, column: int) -> list[Candidate]:
    if column >= len(block.cells):
        return []
    a, b = block.cells[column][0] - block.start, block.cells[column][1] - block.start
    return [Candidate(m.text, "table", m.kind, m.variant, strong=True) for m in ctx.mentions(index)
            if a <= m.start and m.end <= b]


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


def clause_kind(site: Site) -> Optional[str]:
    """The kind of thing the number's clause is about: its opening name (or the head noun it opens with:
    "Some blocks last ..."), else the page topic's kind."""
    if site.label is None and site.column is None:
        kind = _named_clause_kind(site)
        if kind is not None:
            return kind
    topic = site.ctx.topic
    return topic.kind if topic is not None else None


def _named_clause_kind(site: Site) -> Optional[str]:
    """The kind the clause itself names: its opening name, the head noun it opens with, or a condition
    it names when it names no treatment."""
    mentions = [m for m in site.ctx.mentions(site.block.index)
                if site.sent.start_char <= m.start and m.end <= site.sent.end_char]
    opener = _clause_opener(site, mentions)
    if opener is not None and opener.kind is not None:
        return opener.kind
    kind = _head_noun_kind(site)
    if kind is not None:
        return kind
    named = {m.kind for m in site.ctx.mentions(site.block.index)
             if site.clause[0] <= m.start and m.end <= site.clause[1]}
    if "condition" in named and not named & TREATMENT_KINDS:
        return "condition"  # "about half of people have a cataract" on a cataract surgery page
    return None


def _head_noun_kind(site: Site) -> Optional[str]:
    """The kind of the head noun the clause opens with ("Some blocks last ..."), skipping the opening
    words and adjectives before it."""
    span = site.doc.char_span(site.clause[0], site.clause[1], alignment_mode="expand")
    for token in (span or []):
        if token.i >= site.q.start:
            break
        if token.is_punct or token.lower_ in _OPENING_SKIP:
            continue
        kind = site.ctx.knowledge.kind_of(token.lower_) if token.is_alpha else None
        if kind is not None:
            return kind
        if token.is_alpha and token.lower_ not in site.ctx.knowledge.name_stops:
            continue  # an adjective before the head noun
        break
    return None


def treatment_in_sentence(site: Site) -> bool:
    """Whether the number's sentence, or the page topic, names a treatment, procedure or test."""
    topic = site.ctx.topic
    if topic is not None and topic.kind in TREATMENT_KINDS:
        return True
    return any(m.kind in TREATMENT_KINDS for m in site.ctx.mentions(site.block.index)
               if site.sent.start_char <= m.start and m.end <= site.sent.end_char)
