"""A subject's identity: two names are the same subject when their keys are equal.

``display_name`` is how a name is shown: lower case, without determiners or a possessive
("Graves' disease" -> "graves disease", "Cushing's syndrome" -> "cushing syndrome"), last word
singular. ``subject_key`` is what names are compared by: the display name with hyphens as spaces,
punctuation dropped, British spellings made American, region and side words dropped ("lumbar medial
branch block" = "medial branch block"), a redundant generic head dropped ("knee replacement surgery"
= "knee replacement"), and the words of an "X of the Y" name put in "Y X" order ("cancer of the
breast" = "breast cancer"). Every word list comes from the knowledge files.
"""
from __future__ import annotations

import re
from typing import Optional

from ..knowledge import Knowledge, default_knowledge, singular

_DETERMINERS = ("the ", "a ", "an ", "this ", "that ", "these ", "those ", "your ", "their ", "its ", "our ", "his ",
                "her ", "my ")


def _singular(word: str, knowledge: Knowledge) -> str:
    return word if word in knowledge.keep_plural else singular(word)


def display_name(text: str, knowledge: Optional[Knowledge] = None) -> str:
    k = knowledge or default_knowledge()
    return _display(text, k)


def _display(text: str, k: Knowledge) -> str:
    t = text.replace("\u00a0", " ").replace("’", "'").replace("‘", "'")
    t = re.sub(r"[\u2010-\u2015\u2212]", "-", t)
    eponym = bool(re.search(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)+\s*$", t))  # "Tay-Sachs": a name, not a plural
    t = re.sub(r"\s+", " ", t).strip().lower()
    t = re.sub(r"(\w)'s\b", r"\1", t)  # possessive 's: "cushing's" -> "cushing"
    t = re.sub(r"(\w)s'(?=\s|$)", r"\1s", t)  # plural possessive: "graves'" -> "graves"
    t = re.sub(r"[^\w\s\-/+.]", " ", t)
    t = re.sub(r"\s+", " ", t).strip(" .-")
    changed = True
    while changed:
        changed = False
        for det in _DETERMINERS:
            if t.startswith(det):
                t = t[len(det):]
                changed = True
    words = t.split()
    if not words:
        return ""
    if not eponym:
        words[-1] = _singular(words[-1], k)
    return " ".join(words)


def subject_key(text: str, knowledge: Optional[Knowledge] = None) -> str:
    k = knowledge or default_knowledge()
    return _key(text, id(k), k)


_KEY_CACHE: dict = {}


def _key(text: str, k_id: int, k: Knowledge) -> str:
    cached = _KEY_CACHE.get((text, k_id))
    if cached is not None:
        return cached
    name = _display(text, k).replace("-", " ").replace("/", " ")
    words = [w for w in re.split(r"\s+", re.sub(r"[^\w\s]", "", name)) if w]
    words = _head_last([_spelled(w, k) for w in words])
    while len(words) > 1 and words[0] in k.modifiers:
        words = words[1:]
    if len(words) > 1 and words[-1] in k.redundant_heads and k.kind_of(words[-2]) in ("procedure", "treatment"):
        words = words[:-1]
    _drop_eponym_s(words, k)
    if words:
        words[-1] = _singular(words[-1], k)
    key = " ".join(words)
    if len(_KEY_CACHE) > 200_000:
        _KEY_CACHE.clear()
    _KEY_CACHE[(text, k_id)] = key
    return key


def _head_last(words: list) -> list:
    """"cancer of the breast" -> "breast cancer"; only a short head before "of"."""
    if "of" in words:
        i = words.index("of")
        if 1 <= i <= 2 and i + 1 < len(words):
            rest = [w for w in words[i + 1:] if w not in ("the", "a", "an")]
            return rest + words[:i]
    return words


def _drop_eponym_s(words: list, k: Knowledge) -> None:
    """"Crohns disease" = "Crohn's disease", "Parkinsons disease" = "Parkinson's disease": an eponym
    whose apostrophe was dropped (changes ``words`` in place)."""
    if len(words) > 1 and k.kind_of(words[-1]) == "condition" and len(words[-2]) >= 5 \
            and words[-2].endswith("s") and not words[-2].endswith(("ss", "us", "is")):
        words[-2] = words[-2][:-1]


def _spelled(word: str, k: Knowledge) -> str:
    for part, american in k.spellings.items():
        if part in word:
            word = word.replace(part, american)
    return word
