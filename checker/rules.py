"""Conflict rules: stable codes, fixed-section docs, and the registry the CLI and SARIF read.

Each rule's docstring has the sections *What it checks*, *Why it matters*, *Example* and *How to
resolve*; ``checker rules`` prints them and the SARIF reporter copies them into rule metadata.
Codes never change meaning; a retired code is not reused.
"""
from __future__ import annotations

import inspect
import textwrap
from dataclasses import dataclass

from .errors import ConfigError


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    summary: str
    doc: str


SUPPRESS = ("In the page: <!-- checker: ignore {code} --> on the line before a paragraph, list item or table "
            "row hides the {code} conflicts that involve it; <!-- checker: off --> ... <!-- checker: on --> leaves "
            "a region unchecked. Every report counts what was suppressed.")


def _rule(code: str, name: str):
    def register(func):
        suppress = textwrap.fill("Suppress: " + SUPPRESS.format(code=code), width=100, break_long_words=False)
        doc = inspect.cleandoc(func.__doc__ or "") + "\n\n" + suppress
        summary = doc.split("\n", 1)[0]
        RULES[code] = Rule(code, name, summary, doc)
        return func

    return register


RULES: dict = {}


@_rule("CC001", "cross-document-value-conflict")
def _cc001():
    """Two documents state values for the same claim that do not overlap.

    What it checks: claims with the same subject, attribute, condition and qualifier, from different
    documents, stated as what typically happens (no hedge, subset or maximum), whose intervals stay
    apart once each is widened by the tolerance (20 % each way for a single figure, 12 % for the ends
    of a stated range, 30 % for vague words; shares 4 points).
    Severity: error.

    Why it matters: a reader who meets both pages gets two incompatible answers to one question,
    such as how long medial branch block relief lasts.

    Example: 004 says relief lasts "hours to days" (1 h–7 d); 002 says "several weeks or months"
    (2 wk–12 mo).

    How to resolve: decide which value is right and edit the other page, or make the difference
    explicit (a population, a phase such as "the anesthetic wears off in hours, the steroid may help
    for weeks"); or record a decision with `checker review accept ID --note "..."`.
    """


@_rule("CC002", "same-document-value-conflict")
def _cc002():
    """One document states values for the same claim that do not overlap.

    What it checks: as CC001, but every disagreeing pair of claims sits in one document (in different
    paragraphs: a paragraph that contrasts "some blocks last hours, others months" is not a conflict).
    Severity: error.

    Why it matters: a page that contradicts itself loses the reader's trust at once.

    Example: a page says the effects "last for several hours to a few days" and, further down,
    "patients may experience significant pain relief for several weeks or months".

    How to resolve: make the page say one thing, or say what each number is about.
    """


@_rule("CC003", "edge-overlap-value-conflict")
def _cc003():
    """Two typical statements whose values only meet at an edge, with centres three times apart.

    What it checks: claims about the same thing, stated as what typically happens, whose intervals
    overlap only at an edge: neither holds the other's middle, and the middles are three or more times
    apart (shares: 10 or more points). A vague range that holds the other value ("hours to days"
    against "6 to 18 hours") is not an edge overlap. Two thresholds in the same direction whose bounds
    are three or more times apart ("a chronic cough lasts more than 2 to 3 weeks" against "more than 8
    weeks") are reported the same way: their open ends overlap, but they define one thing
    differently. Severity: warning.

    Why it matters: "3 to 5 hours" and "6 to 18 hours" can both be defended at the boundary, but a
    reader expects about four hours from one page and half a day from the other.

    Example: one page says the operation takes "1 to 2 hours", another "about 4 to 5 hours" (after the
    tolerance the ranges touch).

    How to resolve: align the ranges, or say why they differ (a different technique, the whole visit).
    """


@_rule("CC004", "soft-statement-value-conflict")
def _cc004():
    """A subset or maximum statement disagrees with another statement about the same thing.

    What it checks: claims about the same thing where a side that disagrees is stated for some people
    ("some patients", "in one study", "in successful cases") or as a maximum ("up to a year", "can last
    as long as"). A subset may differ by up to three times (shares: 15 points); a maximum reads as the
    upper part of its range ("up to a year": about a month to a year). Two firm statements that are
    both hedged ("may", "can") and do not overlap also fall here. Severity: warning when a maximum
    disagrees with a firm statement (a maximum below the typical value is a real contradiction), info
    when a subset does (a subset may well differ from the typical case) or when both are soft.

    Why it matters: "relief can last up to two years" beside "relief usually lasts a few days" sets
    opposite expectations even though one is hedged.

    Example: one page says relief "usually lasts only a few days"; another that it "can last up to a
    year".

    How to resolve: check that the hedged statement really describes a subset, and say so; or align it.
    """


SEVERITY_TABLE = """Severity, by how two values disagree and how they are stated (a statement is soft when it is
hedged, for a subset or a maximum; firm otherwise):

| values | both firm | one soft | both soft |
|---|---|---|---|
| do not overlap | error (CC001, CC002); warning when both are hedged ("may", "can") | warning for a maximum, info for a subset (CC004) | info (CC004) |
| meet only at an edge, centres 3x apart | warning (CC003) | not reported | not reported |
| two lower bounds ("more than X"), 3x apart | warning (CC003) | not reported | not reported |

The default gate (`fail_on = "error"`) fails on clear disagreements between typical statements."""


def validate_codes(codes, where: str) -> list[str]:
    out = []
    for code in codes:
        code = str(code).strip().upper()
        if code not in RULES:
            raise ConfigError(f"{where}: unknown rule code {code!r} (known: {', '.join(sorted(RULES))})")
        out.append(code)
    return out
