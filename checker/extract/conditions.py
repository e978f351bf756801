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
_PREPOSITIONS = {"in", "among", "for", "of", "amongst", "affecting", "affects", "affect", "within", "across"}
_AGE_AFTER_GROUP = re.compile(r"^\s*(?P<rel>over|under|older than|younger than|aged|ages|above|below|age)\s+(?:age\s+)?"
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
    doc = site.doc
    out = []
    for s in site.clause_cues:
        category = s.label_.split("|", 1)[0]
        if category not in ("group", "place", "hypo"):
            continue
        _c, name, _phrase = s.label_.split("|", 2)
        if category == "hypo":
            out.append(name)
            continue
        before = [t.lower_ for t in doc[max(0, s.start - 3): s.start]]
        after_share = site.q.end <= s.start and s.start - site.q.end <= 4
        if category == "place":
            if name == "worldwide" or any(b in ("in", "across", "throughout", "of", "among") for b in before) \
                    or s.start - site.q.end in range(0, 5) or s.text.lower() in ("americans", "europeans"):
                out.append(name)
            continue
        if not (set(before[-2:]) & _PREPOSITIONS or after_share):
            continue
        tail = _AGE_AFTER_GROUP.match(doc.text[s.end_char: s.end_char + 30])
        if tail:
            rel = tail.group("rel").lower()
            rel = {"older than": "over", "above": "over", "younger than": "under", "below": "under",
                   "ages": "aged", "age": "aged"}.get(rel, rel)
            number = tail.group("n") + (f"-{tail.group('m')}" if tail.group("m") else "")
            name = f"{name} {rel} {number}"
        out.append(name)
    return out


def age_describes_group(site: Site) -> bool:
    """'people over 65', 'children under 5', 'women aged 40 to 50': an age that says who is counted."""
    if site.quantity.kind != "age":
        return False
    doc = site.doc
    before = doc[max(0, site.q.start - 2): site.q.start]
    knowledge = site.ctx.knowledge
    words = [t.lower_ for t in before]
    return any(w in knowledge.groups or w in knowledge.everyone for w in words[-2:]) and \
        not any(w in ("in", "at", "by", "before", "after", "until") for w in words[-1:])


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
