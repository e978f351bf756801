"""The HTML view: the page with its markup blanked out, the same length as the page.

Offsets into the view are offsets into the file, so a claim found in the view points at the file.
Block-level tags become a newline (placed where the tag was) so that paragraphs, list items and table
rows are lines; headings are marked with '#', list items with '-', cells with '|' in the space the tag
leaves; entities become their character padded with spaces.

What is not prose is blanked whole: comments (an unclosed ``<!--`` runs to the end, as in a browser),
CDATA, declarations, the content of script, style, template, noscript and the other raw-text elements
(an unclosed one runs to the end), code and the fallback content of iframe, object, video, audio and
canvas, and svg and math.

The page is scanned once, left to right: every search starts where the previous one ended, and a
closing tag that is missing is remembered as missing, so the cost is linear in the page's length
(200,000 tags, or as many unclosed comments, read in one pass).
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Optional

_BLOCK_TAGS = {"p", "div", "li", "ul", "ol", "tr", "table", "section", "article", "br", "h1", "h2", "h3", "h4",
               "h5", "h6", "header", "footer", "blockquote", "dd", "dt", "title", "main", "nav", "aside"}
# Raw text: the browser reads everything up to the closing tag as text of the element, never as markup,
# and an element left open takes the rest of the page.
_RAW_TEXT = {"script", "style", "template", "noscript", "iframe", "noembed", "noframes", "xmp", "textarea"}
# Not prose, but ordinary markup inside: left open, only the tag itself is dropped.
_NOT_PROSE = {"code", "kbd", "samp", "object", "video", "audio", "canvas", "svg", "math"}

# A tag cannot hold '<' or '>' here: the scan for its end stops at the next '<', so each character is
# looked at a bounded number of times (a quoted '>' inside an attribute ends the tag early: harmless).
_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)(?=[\s/>])[^<>]*>")
_ENTITY_RE = re.compile(r"&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{0,31});")
_NOT_NEWLINE = re.compile(r"[^\n]")
_CDATA_RE = re.compile(r"<!\[CDATA\[", re.I)
_CLOSING: dict = {}


def _closing_tag(name: str) -> re.Pattern:
    if name not in _CLOSING:
        _CLOSING[name] = re.compile(rf"</{name}\s*>", re.I)
    return _CLOSING[name]


@dataclass
class HtmlPage:
    """The view of a page and what the scan found on the way."""

    view: str
    title: Optional[tuple] = None  # (start, end) of the first <title>'s content
    h1: Optional[tuple] = None  # (start, end) of the first <h1>'s content
    table_starts: list = field(default_factory=list)  # offsets of <table> tags, ascending


def html_view(text: str) -> str:
    """The text of an HTML page with the same length as the page: markup becomes spaces."""
    return read_html(text).view


def read_html(text: str) -> HtmlPage:
    scan = _Scan(text)
    scan.run()
    page = HtmlPage(view=scan.build(), table_starts=scan.table_starts)
    page.title, page.h1 = scan.spans.get("title"), scan.spans.get("h1")
    return page


def blank(segment: str) -> str:
    """Spaces for every character but newlines, which keep the lines (and line numbers) of the file."""
    return _NOT_NEWLINE.sub(" ", segment)


def non_prose_ranges(text: str) -> list[tuple[int, int]]:
    """Comments, CDATA and raw-text elements (script, style...) of a page, for formats that let HTML in
    (Markdown): the spans to blank, in order, without touching the other tags."""
    scan = _Scan(text, tags=False)
    scan.run()
    return scan.ranges


class _Scan:
    def __init__(self, text: str, tags: bool = True):
        self.text = text
        self.tags = tags
        # the view is built as the scan goes (kept text, then each edit's fill and blanks), so that no
        # list of every tag is held: a page of two million tags stays a few times its size in memory
        self.pieces: list = []
        self.ranges: list = []  # (start, end) of the edits, only when tags are left alone (Markdown)
        self.done = 0  # how far the view is built
        self.table_starts: list = []
        self.spans: dict = {}  # "title"/"h1" -> (start, end) of the first one's content
        self._open: dict = {}  # "title"/"h1" -> where the first one's content starts
        self._missing: dict = {}  # element name -> offset from which no closing tag exists

    def run(self) -> None:
        text, pos, n = self.text, 0, len(self.text)
        while True:
            pos = text.find("<", pos)
            if pos < 0 or pos >= n:
                return
            pos = self._markup(pos)

    def _markup(self, pos: int) -> int:
        """Handle the markup starting at ``pos`` (a '<'); return where scanning goes on."""
        text = self.text
        if text.startswith("<!--", pos):
            end = text.find("-->", pos + 4)
            return self._edit(pos, len(text) if end < 0 else end + 3)
        if _CDATA_RE.match(text, pos):
            end = text.find("]]>", pos + 9)
            return self._edit(pos, len(text) if end < 0 else end + 3)
        if text.startswith("<!", pos) or text.startswith("<?", pos):  # doctype, processing instruction
            end = self._find_gt(pos)
            return pos + 1 if end < 0 else self._edit(pos, end + 1)
        m = _TAG_RE.match(self.text, pos)
        if not m:
            return pos + 1  # a lone '<' ("< 5 days") is text
        return self._tag(m)

    def _find_gt(self, pos: int) -> int:
        """The '>' ending a declaration, or -1 when a '<' comes first (then it is text). Both searches
        stop at the next '<', where the scan goes on anyway."""
        lt = self.text.find("<", pos + 1)
        return self.text.find(">", pos + 1, len(self.text) if lt < 0 else lt)

    def _tag(self, m: re.Match) -> int:
        a, b = m.span()
        name, closing = m.group(2).lower(), m.group(1) == "/"
        if not closing and name in _RAW_TEXT:
            end = self._closing(name, b)
            return self._edit(a, len(self.text) if end is None else end[1])
        if not closing and name in _NOT_PROSE:
            end = self._closing(name, b)
            if end is not None:
                return self._edit(a, end[1])
        if not self.tags:
            return b
        self._note_spans(name, closing, a, b)
        return self._edit(a, b, _fill(name, closing))

    def _closing(self, name: str, start: int) -> Optional[tuple]:
        """Span of ``</name>`` from ``start``; a search that failed is not repeated for later starts."""
        if self._missing.get(name, len(self.text) + 1) <= start:
            return None
        found = _closing_tag(name).search(self.text, start)
        if found is None:
            self._missing[name] = start
            return None
        return found.span()

    def _note_spans(self, name: str, closing: bool, a: int, b: int) -> None:
        if name == "table" and not closing:
            self.table_starts.append(a)
        if name in ("title", "h1") and name not in self.spans:
            if not closing and name not in self._open:
                self._open[name] = b
            elif closing and name in self._open:
                self.spans[name] = (self._open[name], a)

    def _edit(self, a: int, b: int, fill: str = "") -> int:
        """Text before ``a`` keeps its characters (entities decoded in place); a..b becomes ``fill``
        followed by blanks."""
        if not self.tags:
            self.ranges.append((a, b))
            return b
        text = self.text
        if self.done < a:
            self.pieces.append(_ENTITY_RE.sub(_entity, text[self.done:a]) if "&" in text[self.done:a] else text[self.done:a])
        cut = fill[: b - a]
        self.pieces.append(cut + blank(text[a + len(cut):b]))
        self.done = b
        return b

    def build(self) -> str:
        """The view: what the scan built, and the text after the last edit."""
        tail = self.text[self.done:]
        self.pieces.append(_ENTITY_RE.sub(_entity, tail))
        view, self.pieces = "".join(self.pieces), []
        return view


def _fill(name: str, closing: bool) -> str:
    if name in ("td", "th") and not closing:
        return "|"
    if name in ("h1", "h2", "h3", "h4", "h5", "h6") and not closing:
        return "\n" + "#" * int(name[1]) + " "
    if name == "li" and not closing:
        return "\n- "
    if name == "tr" and closing:
        return "|\n"
    return "\n" if name in _BLOCK_TAGS else ""


def _entity(m: re.Match) -> str:
    raw = m.group()
    ch = html.unescape(raw)
    if ch == raw:
        return raw
    ch = ch.replace("\u00a0", " ")[: len(raw)]
    return ch + " " * (len(raw) - len(ch))


def span_text(view: str, span: Optional[tuple]) -> str:
    """The words of a span of the view, on one line."""
    if not span:
        return ""
    return " ".join(view[span[0]:span[1]].split())
