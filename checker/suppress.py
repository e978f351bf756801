"""Suppressions written in the page itself, as HTML comments (Markdown keeps them out of sight too):

    <!-- checker: ignore CC001 CC003 -->   the conflicts of these rules (none named: of any rule) that
                                           involve a claim of the next block are not reported
    <!-- checker: off --> ... <!-- checker: on -->
                                           the claims in between are not checked at all

The next block is the paragraph, heading, list item or table row that follows the comment (in HTML
the element that follows it, up to its closing tag). A claim belongs to a suppression when its value
lies inside it.

This module works from a document's raw text and character offsets only, after extraction, so it does
not depend on how the reader finds structure (and the HTML reader blanks comments in its view: the
comments are found here, in the text as decoded). An unknown word or rule code in a directive is a
per-page error, so a typo never passes as a suppression that silently does nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Iterable, Optional

from .model import Claim, Conflict, SourceError
from .rules import RULES

FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
DIRECTIVE = re.compile(r"<!--\s*checker\s*:\s*(?P<body>.*?)\s*-->", re.I | re.S)
_BLOCK_TAGS = ("p", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "blockquote", "div",
               "section", "article", "ul", "ol", "table", "tbody", "figure", "figcaption", "details", "summary")
_OPEN_TAG = re.compile(r"<(?P<name>[a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")
_ANY_BLOCK_TAG = re.compile(r"</?(?:%s)\b[^>]*>" % "|".join(_BLOCK_TAGS), re.I)
_MD_LIST = re.compile(r"[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+")
_MD_STARTS_BLOCK = re.compile(r"[ \t]{0,3}(?:#{1,6}[ \t]|\||>|[-*+•][ \t]|\d{1,3}[.)][ \t])")


@dataclass(frozen=True)
class Suppression:
    """A span of the page's text, ``[start, end)``, and the rule codes it suppresses (None: all)."""

    start: int
    end: int
    codes: Optional[frozenset]
    line: int  # of the comment, for messages
    region: bool  # off ... on: the claims are not checked at all; else ignore: their conflicts are not reported

    def covers(self, claim: Claim) -> bool:
        return self.start <= claim.value_start and claim.value_end <= self.end

    def applies_to(self, rule: str) -> bool:
        return self.codes is None or rule in self.codes


@dataclass(frozen=True)
class PageSuppressions:
    """What one page's comments suppress, and the comments that could not be read."""

    source: str
    spans: tuple = ()  # of Suppression
    errors: tuple = ()  # of SourceError

    def region_of(self, claim: Claim) -> Optional[Suppression]:
        return next((s for s in self.spans if s.region and s.covers(claim)), None)

    def ignores(self, claim: Claim, rule: str) -> bool:
        return any(not s.region and s.covers(claim) and s.applies_to(rule) for s in self.spans)


def find_suppressions(source: str, text: str) -> PageSuppressions:
    """The suppressions of a Markdown or HTML page (a plain-text page has none)."""
    fmt = FORMATS.get(PurePosixPath(source).suffix.lower())
    if fmt is None or "checker" not in text:
        return PageSuppressions(source)
    spans: list[Suppression] = []
    errors: list[SourceError] = []
    off_at: Optional[tuple[int, int]] = None  # (offset, line) of an open "off"
    for match in DIRECTIVE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        word, _, rest = match.group("body").partition(" ")
        word = word.lower()
        if word == "off":
            off_at = off_at or (match.end(), line)
        elif word == "on":
            if off_at is not None:
                spans.append(Suppression(off_at[0], match.start(), None, off_at[1], region=True))
                off_at = None
        elif word == "ignore":
            codes, unknown = _codes(rest)
            if unknown:
                errors.append(SourceError(source, f"{source}:{line}: unknown rule code {', '.join(unknown)} in "
                                                  f"'checker: ignore' (known: {', '.join(sorted(RULES))})"))
                continue
            start, end = next_block(text, match.end(), fmt)
            spans.append(Suppression(start, end, codes, line, region=False))
        else:
            errors.append(SourceError(source, f"{source}:{line}: unknown directive 'checker: {word}' "
                                              f"(known: ignore [CODE...], off, on)"))
    if off_at is not None:  # "off" to the end of the page
        spans.append(Suppression(off_at[0], len(text), None, off_at[1], region=True))
    return PageSuppressions(source, tuple(spans), tuple(errors))


def _codes(text: str) -> tuple[Optional[frozenset], list[str]]:
    words = [w.upper() for w in re.split(r"[\s,]+", text) if w]
    unknown = [w for w in words if w not in RULES]
    return (frozenset(words) if words else None), unknown


# --------------------------------------------------------------------------------------------------
# the next block after a comment


def next_block(text: str, after: int, fmt: str) -> tuple[int, int]:
    """The span of the block that follows offset ``after`` (a comment's end)."""
    start = after
    while start < len(text) and text[start] in " \t\r\n":
        start += 1
    if fmt == "html":
        return start, _html_block_end(text, start)
    return start, _markdown_block_end(text, start)


def _markdown_block_end(text: str, start: int) -> int:
    """A heading, table row or list item ends with its line (a list item takes its indented
    continuation lines); a paragraph ends at a blank line or where another block starts."""
    line_end = _line_end(text, start)
    first = text[_line_start(text, start):line_end]
    if re.match(r"[ \t]{0,3}(?:#{1,6}[ \t]|\|)", first):
        return line_end
    in_list = _MD_LIST.match(first) is not None
    end = line_end
    while end < len(text):
        next_start = end + 1
        next_end = _line_end(text, next_start)
        line = text[next_start:next_end]
        if not line.strip() or _MD_STARTS_BLOCK.match(line) or (in_list and not line[:1].isspace()):
            break
        end = next_end
    return end


def _html_block_end(text: str, start: int) -> int:
    """The element that starts at ``start``, up to its closing tag (nested ones of the same name
    counted); text that starts outside a tag runs to the next block tag."""
    opening = _OPEN_TAG.match(text, start)
    if opening is None or opening.group("name").lower() not in _BLOCK_TAGS:
        following = _ANY_BLOCK_TAG.search(text, start)
        return following.start() if following else len(text)
    name = opening.group("name").lower()
    tags = re.compile(rf"<(/?){name}\b[^>]*>", re.I)
    depth = 0
    for tag in tags.finditer(text, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.end()
    # no closing tag (an <li> or <p> closed by the next one): up to the next block tag
    following = _ANY_BLOCK_TAG.search(text, opening.end())
    return following.start() if following else len(text)


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end


# --------------------------------------------------------------------------------------------------
# applied to a run


@dataclass(frozen=True)
class Suppressed:
    """What a run left out because a page said so."""

    claims: tuple = ()  # claims inside an off ... on region: not checked at all
    conflicts: tuple = ()  # conflicts a `checker: ignore` comment hides

    def to_json(self) -> dict:
        return {"claims": len(self.claims), "conflicts": len(self.conflicts),
                "ids": sorted(c.id for c in self.conflicts)}


def page_suppressions(texts: Iterable[tuple[str, str]]) -> dict[str, PageSuppressions]:
    """``{source: PageSuppressions}`` of the pages that have any (or an error in a directive)."""
    found = {}
    for source, text in texts:
        page = find_suppressions(source, text)
        if page.spans or page.errors:
            found[source] = page
    return found


def split_claims(claims: Iterable[Claim], pages: dict[str, PageSuppressions]) -> tuple[list[Claim], list[Claim]]:
    """The claims to check, and those inside an off ... on region."""
    kept, off = [], []
    for claim in claims:
        page = pages.get(claim.source)
        (off if page is not None and page.region_of(claim) else kept).append(claim)
    return kept, off


def split_conflicts(conflicts: Iterable[Conflict], pages: dict[str, PageSuppressions]
                    ) -> tuple[list[Conflict], list[Conflict]]:
    """The conflicts to report, and those an ignore comment on one of their claims hides."""
    kept, hidden = [], []
    for conflict in conflicts:
        ignored = any(pages[cc.claim.source].ignores(cc.claim, conflict.rule)
                      for cc in conflict.claims if cc.claim.source in pages)
        (hidden if ignored else kept).append(conflict)
    return kept, hidden
