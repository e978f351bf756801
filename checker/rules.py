"""Conflict rules: stable codes, fixed-section docs, and the registry the CLI and SARIF read.

Each rule's docstring has the sections *What it checks*, *Why it matters*, *Example* and *How to
resolve*; ``checker rules`` prints them and the SARIF reporter copies them into rule metadata.
Codes never change meaning; a retired code is not reused.
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass

from .errors import ConfigError


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    summary: str
    doc: str


def _rule(code: str, name: str):
    def register(func):
        doc = inspect.cleandoc(func.__doc__ or "")
        summary = doc.split("\n", 1)[0]
        RULES[code] = Rule(code, name, summary, doc)
        return func

    return register


RULES: dict = {}


@_rule("CC001", "cross-document-value-conflict")
def _cc001():
    """Two documents give values for the same claim that do not overlap.

    What it checks: claims with the same subject, attribute, condition and qualifier, from different
    documents, whose intervals are apart by more than the tolerance (20 % each way, 30 % for vague words).

    Why it matters: a reader who meets both pages gets two incompatible answers to one question,
    such as how long medial branch block relief lasts.

    Example: 004 says relief lasts "hours to days" (1 h–7 d); 002 says "several weeks or months"
    (2 wk–1 y).

    How to resolve: decide which value is right and edit the other page, or make the difference
    explicit (a condition, a phase such as "the anesthetic wears off in hours, the steroid may help
    for weeks"); or record a decision with `checker review accept ID --note "..."`.
    """


@_rule("CC002", "same-document-value-conflict")
def _cc002():
    """One document gives values for the same claim that do not overlap.

    What it checks: as CC001, but every disagreeing pair of claims sits in one document (in different
    paragraphs; a paragraph that contrasts "some blocks last hours, others months" is not a conflict).

    Why it matters: a page that contradicts itself loses the reader's trust at once.

    Example: a page says the effects "last for several hours to a few days" and, further down,
    "patients may experience significant pain relief for several weeks or months".

    How to resolve: make the page say one thing, or say what each number is about.
    """


def validate_codes(codes, where: str) -> list[str]:
    out = []
    for code in codes:
        code = str(code).strip().upper()
        if code not in RULES:
            raise ConfigError(f"{where}: unknown rule code {code!r} (known: {', '.join(sorted(RULES))})")
        out.append(code)
    return out
