"""The population or variant a number is specific to: its claim's ``condition``.

From the number's clause: a group ("in newborns", "among women", "2 percent of adults", "people over
65"), a place ("worldwide", "in the United States"), a variant ("type 1", "stage II", also from the
subject's own name or the heading above), a hypothetical ("if left untreated"), or, for procedures,
the medical condition treated ("for herniated discs", a table's condition column). Several are
joined: "women, united states". Numbers about different populations are never compared.
"""
from __future__ import annotations

import re
from typing import Optional

from ..knowledge import Knowledge, norm_phrase
from .site import Site

_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7", "viii": "8"}
_OPENERS = {"most", "many", "some", "all", "the", "a", "an", "about", "nearly", "almost", "few", "these", "those",
            "older", "younger", "young", "adult", "affected", "healthy", "pregnant"}
_PREPOSITIONS = {"in", "among", "for", "of", "amongst", "affecting", "affects", "affect", "within", "across"}
_AGE_AFTER_GROUP = re.compile(r"^\s*(?P<rel>over|under|older than|younger than|aged|ages|above|below|age|between the ages of|"
                              r"aged between|between ages)\s+(?:age\s+)?"
                              r"(?P<n>\d{1,3})(?:\s*(?:to|-|–|and)\s*(?P<m>\d{1,3}))?", re.I)


def variant_name(word: str, number: str) -> str:
    n = number.lower()
    return f"{word.lower()} {_ROMAN.get(n, n)}"


def variants_in(text: str, knowledge: Knowledge) -> list[str]:
    words = "|".join(re.escape(w) for w in sorted(knowledge.variants, key=len, reverse=True))
    if not words:
        return []
    out = []
    for m in re.finditer(rf"\b({words})\s+([0-9]{{1,2}}[a-c]?|[IVX]{{1,4}}|[A-D])\b", text, re.I):
        if m.group(1).lower() in ("form", "phase", "class") and not m.group(2)[0].isdigit():
            continue
        out.append(variant_name(m.group(1).rstrip("s") if m.group(1).lower().endswith("s") else m.group(1),
                                m.group(2)))
    return out


def group_conditions(site: Site, knowledge: Knowledge) -> list[str]:
    """Groups and places named in the clause ("in women over 50", "worldwide")."""
    out: list[str] = []
    groups: list[tuple[int, str]] = []
    for s in site.clause_cues:
        category = s.label_.split("|", 1)[0]
        if category not in ("group", "place", "hypo"):
            continue
        _c, name, _phrase = s.label_.split("|", 2)
        if category == "hypo":
            out.append(name)
        elif category == "place":
            if _place_applies(site, s, name):
                out.append(name)
        else:
            group = _group_condition(site, s, name)
            if group is not None:
                groups.append(group)
    groups += [(0, name) for name in _everyone_of_an_age(site, knowledge)]
    if groups:
        # "51% in adults 60 and older, falling to 38% in adults 70 and older": each share is about the
        # group nearest it
        out.append(min(groups)[1])
    return out


def _place_applies(site: Site, s, name: str) -> bool:
    """A place cue says where the number holds: "worldwide", after "in"/"across"/"among", right after
    the value, or a people named for a place ("Americans")."""
    before = [t.lower_ for t in site.doc[max(0, s.start - 3): s.start]]
    return name == "worldwide" or any(b in ("in", "across", "throughout", "of", "among") for b in before) \
        or s.start - site.q.end in range(0, 5) or s.text.lower() in ("americans", "europeans")


def _group_condition(site: Site, s, name: str) -> Optional[tuple[int, str]]:
    """A group cue that names the population counted, with its age ("women over 65"), and its distance
    from the value; None when the group is not what the number is about."""
    doc = site.doc
    before = [t.lower_ for t in doc[max(0, s.start - 3): s.start]]
    if {"each", "every"} & set(before) and s.start != site.q.end:
        return None  # "each of their children has a 50 percent chance": the unit of a chance, not a population
    between = doc[site.q.end: s.start]
    after_share = site.q.end <= s.start and len(between) <= 4 and not any(t.is_punct for t in between)
    if not (set(before[-2:]) & _PREPOSITIONS or after_share or _opens_clause(site, s.start)):
        return None
    tail = _age_tail(site, s.end_char)
    return (_distance(site, s), f"{name} {tail}" if tail else name)


def _distance(site: Site, span) -> int:
    """Tokens between a cue and the value; a group after the value ("38% in adults") counts as nearer."""
    if span.start >= site.q.end:
        return 2 * (span.start - site.q.end)
    return 2 * (site.q.start - span.end) + 1


def _opens_clause(site: Site, token: int) -> bool:
    return all(t.lower_ in _OPENERS or t.is_punct for t in site.doc[_clause_token(site): token])


_AGE_AND_OLDER = re.compile(r"^\s*(?:aged\s+)?(?P<n>\d{1,3})\s*(?:years?(?:\s+of\s+age)?\s*|\+)?"
                            r"(?:(?:and|or)\s+(?P<rel>older|over|above|up|younger|under|below))?", re.I)


def _age_tail(site: Site, at: int) -> Optional[str]:
    """'over 65' in "women over 65", 'aged 40-50' in "adults aged 40 to 50", 'over 70' in "adults 70
    years and older" and "adults 70+"."""
    text = site.bd.text[at: at + 40]
    tail = _AGE_AFTER_GROUP.match(text)
    if not tail:
        older = _AGE_AND_OLDER.match(text)
        if older and (older.group("rel") or "+" in older.group()):
            rel = (older.group("rel") or "older").lower()
            return ("under " if rel in ("younger", "under", "below") else "over ") + older.group("n")
        return None
    rel = tail.group("rel").lower()
    rel = {"older than": "over", "above": "over", "younger than": "under", "below": "under",
           "ages": "aged", "age": "aged", "between the ages of": "aged", "aged between": "aged",
           "between ages": "aged"}.get(rel, rel)
    return f"{rel} " + tail.group("n") + (f"-{tail.group('m')}" if tail.group("m") else "")


def _everyone_of_an_age(site: Site, knowledge: Knowledge) -> list[str]:
    """'People over 65 usually take 6 to 8 weeks': everyone, narrowed by an age, is a population."""
    out = []
    for token in site.doc[_clause_token(site): site.q.start]:
        if token.lower_ not in knowledge.everyone:
            continue
        before = {t.lower_ for t in site.doc[max(0, token.i - 2): token.i]}
        if before & _PREPOSITIONS or _opens_clause(site, token.i):
            tail = _age_tail(site, token.idx + len(token.text))
            if tail:
                out.append(f"people {tail}")
    return out


def _clause_token(site: Site) -> int:
    span = site.doc.char_span(site.clause[0], site.clause[1], alignment_mode="expand")
    return span.start if span is not None else site.sent.start


def age_describes_group(site: Site) -> bool:
    """'people over 65', 'children under 5', 'women aged 40 to 50': an age that says who is counted."""
    if site.quantity.kind != "age" or site.quantity.rule == "age_population":
        return False  # "adults 50 and older" stays a claim of its own (attribute other)
    doc = site.doc
    if doc[site.q.start].lower_ in _AGE_AT:
        return False  # "when people are in their forties", "people live into their fifties": an age reached
    before = doc[max(0, site.q.start - 2): site.q.start]
    knowledge = site.ctx.knowledge
    words = [t.lower_ for t in before]
    return any(w in knowledge.groups or w in knowledge.everyone for w in words[-2:]) and \
        not any(w in _AGE_AT for w in words[-1:])


# words that make an age the time something happens, not a trait of the people counted
_AGE_AT = frozenset({"in", "into", "at", "by", "before", "after", "until", "during"})


def condition(site: Site, subject_variant: Optional[str], knowledge: Knowledge,
              table_condition: Optional[str], heading_texts: list) -> Optional[str]:
    parts: list[str] = []
    if table_condition:
        parts.append(table_condition)
    parts += _treated_condition(site, knowledge)
    parts += group_conditions(site, knowledge)
    clause_variants = variants_in(site.clause_text(), knowledge)
    if subject_variant:
        parts.append(subject_variant)
    elif clause_variants:
        parts.append(clause_variants[0])
    else:
        for heading in heading_texts:
            found = variants_in(heading, knowledge)
            if found:
                parts.append(found[0])
                break
    seen: list[str] = []
    for p in parts:
        p = norm_phrase(p)
        if p and p not in seen:
            seen.append(p)
    return ", ".join(sorted(seen)) if seen else None


def _treated_condition(site: Site, knowledge: Knowledge) -> list[str]:
    """'for herniated discs' / 'in patients with spinal stenosis': a known condition after an opener."""
    openers = [s for s in site.clause_cues if s.label_.startswith("condopen|")]
    for s in site.clause_cues:
        if s.label_.startswith("cond|") and any(o.end in (s.start, s.start - 1) for o in openers):
            name = knowledge.condition_name(s.text)
            return [name] if name else []
    return []


EVENT_ATTRIBUTES = frozenset({"age_at_onset", "risk", "illness_duration", "side_effect_duration", "life_expectancy"})
_GENERIC_EVENTS = {"symptom", "symptoms", "sign", "signs", "feature", "features", "problem", "problems",
                   "condition", "disease", "disorder", "syndrome", "illness", "it", "they", "this", "infection",
                   "people", "person", "patients", "individuals", "children", "adults", "affected", "those", "most",
                   "many", "some", "women", "men", "infants", "babies", "kids", "you", "we", "he", "she", "cases",
                   "case", "lifespan", "life", "expectancy", "survival", "onset", "age", "average", "diagnosis",
                   "diagnosed", "first", "usually", "typically", "often", "generally", "the", "a", "an", "its",
                   "their", "his", "her", "your", "these", "of", "with", "in", "who", "have", "has", "had", "is",
                   "are", "was", "were", "be", "been", "can", "may", "will", "would", "could", "might", "do", "does",
                   "not", "that", "which", "and", "or", "to", "for", "at", "by", "on", "as", "about", "around",
                   "approximately", "nearly", "almost", "more", "than", "less", "up", "all", "each", "every",
                   "lifetime", "lifetimes", "year", "years", "month", "months", "week", "weeks", "day", "days",
                   "time", "times", "type", "types", "stage", "form", "forms", "percent", "chance", "risk",
                   # a recurrence is the same event again ("has another seizure", "is followed by another one",
                   # "comes back"), and being born with a condition is having it
                   "another", "again", "later", "followed", "one", "back", "come", "comes", "came", "return",
                   "returns", "having", "being", "born", "child", "baby", "parent", "parents",
                   # how often or how much, not what happens
                   "tend", "tends", "increase", "increases", "decrease", "decreases", "frequency", "frequent",
                   "episode", "episodes", "become", "becomes", "mid", "generally", "affected"}
_EVENT_WORDS = 3  # content words that name an event when no name does ("growth plates fuse")


WORDED_EVENTS = frozenset({"age_at_onset", "risk", "life_expectancy"})  # no name: the clause's words say the event


def event_of(site: Site, subject: Optional[str], knowledge: Knowledge, words: bool = True) -> Optional[str]:
    """What happens at that age, with that chance, for that long, when it is not the subject itself:
    "night blindness can occur in childhood" on a choroideremia page is for night blindness; "10 percent
    develop leukemia" is the chance of leukemia. Numbers about different events are never compared."""
    from .context import name_key

    start = _label_clause_start(site)
    mentions = [m for m in site.ctx.mentions(site.block.index)
                if start <= m.start and m.end <= site.clause[1]]
    subject_key = name_key(subject) if subject else ""
    named = _named_event(site, mentions, subject_key)
    if named is not None:
        return named
    return _event_words(site, subject_key, knowledge) if words else None


def _named_event(site: Site, mentions: list, subject_key: str) -> Optional[str]:
    """The sign or condition named near the value (signs first, nearest first) that is neither the
    subject nor a generic word."""
    from .context import name_key

    for m in sorted(mentions, key=lambda m: (m.kind != "feature", abs(m.start - site.q.start_char))):
        if m.kind not in ("feature", "condition") or m.is_topic:
            continue
        key = name_key(m.text)
        if key == subject_key or (subject_key and (key.endswith(subject_key) or subject_key.endswith(" " + key))):
            continue  # the subject itself, a variant of it, or its head ("jaundice" for "newborn jaundice")
        if key in _GENERIC_EVENTS or key.split()[-1] in _GENERIC_EVENTS and len(key.split()) == 1:
            continue
        return key
    return None


def _label_clause_start(site: Site) -> int:
    """Where the words about a number start: its clause, or for a list item written "a detached retina
    – about 1 in 100 people" (a dash or colon before the number) the name before it too."""
    previous = site.previous_clauses()
    if previous and site.bd.text[site.clause[0]: site.clause[0] + 3].lstrip()[:1] in ("–", "—", "-", ":"):
        return previous[-1][0]
    return site.clause[0]


def _event_words(site: Site, subject_key: str, knowledge: Knowledge) -> Optional[str]:
    """No name says what happens: the clause's own words do, unless they are about the subject in
    general ("Symptoms typically begin in childhood", "Most people with X live into their 60s")."""
    words = _content_words(site, subject_key, knowledge, *_event_span(site))
    if not words and site.quantity.kind == "age":
        # "By adulthood, the chin is more prominent": the words after the age say what happens then
        words = _content_words(site, subject_key, knowledge, site.q.end_char, site.clause[1])
    if not words and site.quantity.unit == "ratio" and _label_clause_start(site) < site.clause[0]:
        # "a detached retina – about 1 in 100 people": the list item's name says what happens
        words = _content_words(site, subject_key, knowledge, _label_clause_start(site), site.q.start_char)
    return " ".join(words) if words else None


def _event_span(site: Site) -> tuple[int, int]:
    if site.quantity.unit == "ratio":
        return site.q.end_char, site.clause[1]  # "a 25% chance to be affected", "... develop leukemia"
    return site.clause[0], site.q.start_char  # "Growth plates fuse after puberty"


def _content_words(site: Site, subject_key: str, knowledge: Knowledge, start: int, end: int) -> list[str]:
    from .context import name_key

    doc = site.doc
    words: list[str] = []
    if start >= end:
        return words
    subject_words = set(subject_key.split())
    for token in doc.char_span(start, end, alignment_mode="expand") or []:
        word = token.lower_
        if not token.is_alpha or word in _GENERIC_EVENTS or name_key(word) in subject_words \
                or word in knowledge.name_stops \
                or word in knowledge.hedges or word in knowledge.typical:
            continue
        if any(s.label_.startswith("attr|") and s.start <= token.i < s.end for s in site.clause_cues):
            continue  # cue words say what is measured, not what happens
        words.append(name_key(word))
        if len(words) >= _EVENT_WORDS:
            break
    return words
