"""Read stage: discover source files, decode them, and find their structure.

``read_document(path)`` returns a `Document` whose ``text`` is the file exactly as decoded (offsets,
lines and columns of every claim point into it) and whose ``blocks`` are the structural units:
paragraphs, headings, list items and pipe-table rows with their cells. For HTML the blocks are found
on a *view* of the text of the same length in which tags and entities are blanked out, so that
offsets stay those of the file on disk.
"""
from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path
from typing import Iterable, Optional

from .errors import InputError, UsageError
from .model import Block, Document

SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}

_LIST_RE = re.compile(r"^[ \t\u00a0]*(?:[-*+•●▪◦‣–]|\d{1,2}[.)])[ \t\u00a0]+")
_MD_HEADING_RE = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+")
_TABLE_SEP_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_SENTENCE_END = (".", "!", ";", ":", ",")


def discover(paths: Iterable[str | Path]) -> tuple[list[str], list[str]]:
    """Files to read under ``paths`` (sorted, forward slashes) and files skipped for their type.

    A path that does not exist is a usage error: a typo must not pass as a clean run.
    """
    found: set[str] = set()
    skipped: set[str] = set()
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise UsageError(f"{raw}: no such file or directory")
        if p.is_file():
            if p.suffix.lower() not in SUFFIXES:
                raise UsageError(f"{raw}: not a .txt, .md or .html document")
            found.add(p.as_posix())
            continue
        for c in (c for c in p.rglob("*") if c.is_file()):
            # hidden folders below the path given (.git, .venv) are not content; the path itself may be hidden
            if any(part.startswith(".") for part in c.relative_to(p).parts):
                continue
            name = c.as_posix()
            if c.suffix.lower() in SUFFIXES:
                found.add(name)
            elif p.is_file() or c.name.lower() not in ("readme", "license"):
                skipped.add(name)
    return sorted(found), sorted(skipped)


def decode(source: str, data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{source}: looks like a binary file (NUL byte), not a text document")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"{source}:{line}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None


def read_document(path: str | Path) -> Document:
    source = Path(path).as_posix()
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"{source}: cannot read: {exc.strerror or exc}") from None
    return parse_document(source, decode(source, data), hashlib.sha256(data).hexdigest())


def parse_document(source: str, text: str, sha256: Optional[str] = None) -> Document:
    """Structure of an already decoded text; the format comes from the file name's suffix."""
    if sha256 is None:
        sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    fmt = SUFFIXES.get(Path(source).suffix.lower(), "text")
    view = html_view(text) if fmt == "html" else text
    front_title = None
    if fmt == "markdown":
        view, front_title = front_matter_view(text)
    table_starts = [m.start() for m in re.finditer(r"<table\b", text, re.I)] if fmt == "html" else []
    blocks = _blocks(view, markdown=fmt in ("markdown", "html"), html=fmt == "html", table_starts=table_starts)
    title, title_source = _title(blocks, view, text if fmt == "html" else None, front_title)
    return Document(source=source, text=text, sha256=sha256, blocks=tuple(blocks), title=title,
                    view=view if view != text else "", title_source=title_source)


_FRONT_MATTER_RE = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_FRONT_TITLE_RE = re.compile(r"^title:[ \t]*(.+?)[ \t]*$", re.M | re.I)


def front_matter_view(text: str) -> tuple[str, Optional[str]]:
    """A Markdown page's YAML front matter blanked out (same length: offsets hold), and its title.

    Front matter is data about the page, not prose: its dates and numbers are never claims; its
    ``title`` is the page's title."""
    m = _FRONT_MATTER_RE.match(text)
    if not m:
        return text, None
    title = None
    t = _FRONT_TITLE_RE.search(m.group(1))
    if t:
        raw = t.group(1).strip()
        if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
            raw = raw[1:-1]
        title = raw.strip() or None
    blanked = "".join(ch if ch in "\r\n" else " " for ch in m.group(0))
    return blanked + text[m.end():], title


# --------------------------------------------------------------------------------------------------
# HTML view

_BLOCK_TAGS = {"p", "div", "li", "ul", "ol", "tr", "table", "section", "article", "br", "h1", "h2", "h3", "h4",
               "h5", "h6", "header", "footer", "blockquote", "dd", "dt", "title", "main", "nav", "aside"}
_TAG_RE = re.compile(r"<!--.*?-->|<(script|style|noscript|template)\b.*?</\1\s*>|<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>",
                     re.S | re.I)
_ENTITY_RE = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")


def html_view(text: str) -> str:
    """The text of an HTML page with the same length as the page: markup becomes spaces.

    Block-level tags become a newline (placed where the tag was) so paragraphs, list items and table
    rows are lines; headings are marked with '#', list items with '-', cells with '|' in the space
    the tag leaves. Entities become their character padded with spaces.
    """
    out = list(text)

    def blank(a: int, b: int, fill: str = "") -> None:
        for k in range(a, b):
            out[k] = "\n" if text[k] == "\n" else " "
        for k, ch in enumerate(fill[: b - a]):
            out[a + k] = ch

    for m in _TAG_RE.finditer(text):
        a, b = m.span()
        name = (m.group(3) or "").lower()
        closing = m.group(2) == "/"
        if m.group(1) or not name:
            blank(a, b)
        elif name in ("td", "th") and not closing:
            blank(a, b, "|")
        elif name in ("h1", "h2", "h3", "h4", "h5", "h6") and not closing:
            blank(a, b, "\n" + "#" * int(name[1]) + " ")
        elif name == "li" and not closing:
            blank(a, b, "\n- ")
        elif name == "tr" and closing:
            blank(a, b, "|\n")
        elif name in _BLOCK_TAGS:
            blank(a, b, "\n")
        else:
            blank(a, b)
    for m in _ENTITY_RE.finditer(text):
        a, b = m.span()
        if "".join(out[a:b]) != text[a:b]:
            continue  # inside a tag we already blanked
        ch = html.unescape(m.group())
        if ch == m.group():
            continue
        blank(a, b, ch.replace("\u00a0", " "))
    return "".join(out)


# --------------------------------------------------------------------------------------------------
# Blocks


def _lines(view: str):
    pos = 0
    for number, line in enumerate(view.split("\n"), start=1):
        yield number, pos, line
        pos += len(line) + 1


def _is_heading_text(text: str) -> bool:
    stripped = text.strip()
    words = stripped.split()
    if not words or len(words) > 14 or len(stripped) > 110:
        return False
    if len(re.findall(r"\s[|•·]\s", stripped)) >= 2:
        return False  # "Conditions A–Z | Symptom checker | Drugs & supplements": a menu, not a heading
    if stripped.endswith(_SENTENCE_END[1:]):
        return False
    if stripped.endswith("."):
        # "The Procedure for Lumbar Medial Branch Blocks." is a heading written with a period;
        # a short sentence is not: most of a heading's longer words are capitalized.
        long_words = [w for w in words if len(w) > 3]
        caps = sum(1 for w in long_words if w[0].isupper())
        return len(words) <= 10 and stripped.count(". ") == 0 and long_words and caps / len(long_words) >= 0.6
    return True


def _cells(line: str, offset: int) -> tuple:
    """Cells of a pipe-table row as (start, end, text), offsets into the view, text stripped."""
    cells = []
    positions = [m.start() for m in re.finditer(r"\|", line)]
    for a, b in zip(positions, positions[1:]):
        raw = line[a + 1: b]
        lead = len(raw) - len(raw.lstrip())
        content = raw.strip()
        cells.append((offset + a + 1 + lead, offset + a + 1 + lead + len(content), content))
    if positions and line.rstrip()[-1:] != "|":  # last cell without a closing pipe
        a = positions[-1]
        raw = line[a + 1:]
        lead = len(raw) - len(raw.lstrip())
        content = raw.strip()
        if content:
            cells.append((offset + a + 1 + lead, offset + a + 1 + lead + len(content), content))
    return tuple(cells)


def _is_structure(line: str, markdown: bool) -> bool:
    stripped = line.strip()
    return (not stripped or (stripped.startswith("|") and stripped.count("|") >= 2) or bool(_LIST_RE.match(line))
            or bool(markdown and _MD_HEADING_RE.match(line)))


def _blocks(view: str, markdown: bool, html: bool = False, table_starts: list = ()) -> list[Block]:
    blocks: list[Block] = []
    heading: Optional[int] = None
    header_row: Optional[int] = None
    last_row_end = -1
    pending: Optional[list] = None  # a paragraph being joined across hard-wrapped lines
    lines = list(_lines(view))

    def flush():
        nonlocal pending
        if pending:
            number, start, end = pending
            blocks.append(Block(len(blocks), "paragraph", start, end, view[start:end], number, heading=heading))
        pending = None

    for index, (number, offset, line) in enumerate(lines):
        stripped = line.strip().lstrip("\ufeff").strip()
        lead = len(line) - len(line.lstrip())
        lead += len(line[lead:]) - len(line[lead:].lstrip("\ufeff"))
        start, end = offset + lead, offset + lead + len(stripped)
        if not stripped:
            flush()
            if not html:  # in an HTML view blank lines stand where row tags were; the table goes on
                header_row = None
            continue
        is_table = stripped.startswith("|") and stripped.count("|") >= 2
        if not is_table:
            header_row = None
        if is_table:
            flush()
            if _TABLE_SEP_RE.match(stripped):
                continue
            if any(last_row_end < t < offset for t in table_starts):
                header_row = None  # a new HTML table starts with its own header
            last_row_end = offset + len(line)
            kind = "table_header" if header_row is None else "table_row"
            block = Block(len(blocks), kind, start, end, stripped, number, cells=_cells(line, offset),
                          header=header_row, heading=heading)
            if header_row is None:
                header_row = block.index
            blocks.append(block)
            continue
        md = _MD_HEADING_RE.match(line.lstrip("\ufeff")) if markdown else None
        if md:
            flush()
            text_start = offset + md.end() + (len(line) - len(line.lstrip("\ufeff")))
            blocks.append(Block(len(blocks), "heading", text_start, end, view[text_start:end], number, heading=heading))
            heading = blocks[-1].index
            continue
        lm = _LIST_RE.match(line)
        if lm:
            flush()
            text_start = offset + lm.end()
            item = view[text_start:end]
            if lm.group().strip()[:1].isdigit() and not markdown and _is_heading_text(item) and item[-1:] != "." \
                    and item[:1].isupper():
                # "1. Epidural steroid injections (ESI)": a numbered section title, not a list item
                blocks.append(Block(len(blocks), "heading", text_start, end, item, number, heading=heading))
                heading = blocks[-1].index
                continue
            blocks.append(Block(len(blocks), "list_item", text_start, end, item, number, heading=heading))
            continue
        if pending and (markdown or (view[pending[2] - 1: pending[2]] not in ".!?:"
                                     and (stripped[:1].islower() or stripped[:1].isdigit()))):
            # a hard-wrapped paragraph continues on this line (in Markdown and HTML any plain line does)
            pending[2] = end
            continue
        flush()
        following = lines[index + 1][2] if index + 1 < len(lines) else ""
        wraps_on = not _is_structure(following, markdown) and following.strip()[:1].islower()
        if _is_heading_text(stripped) and not markdown and not wraps_on:
            blocks.append(Block(len(blocks), "heading", start, end, stripped, number, heading=heading))
            heading = blocks[-1].index
            continue
        pending = [number, start, end]
    flush()
    return blocks


def _title(blocks: list[Block], view: str, raw_html: Optional[str], front_title: Optional[str]) -> tuple[str, str]:
    """The page's title and where it came from: ``front_matter`` and ``h1`` are the page's own title;
    ``html_title`` (the <title>, often with the site's name) and ``heading`` (the first heading-like
    line of a text page) may be site furniture."""
    if front_title:
        return front_title, "front_matter"
    if raw_html is not None:
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", raw_html, re.S | re.I)
        if h1 and re.sub(r"<[^>]*>", "", h1.group(1)).strip():
            return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]*>", " ", h1.group(1)))).strip(), "h1"
        m = re.search(r"<title[^>]*>(.*?)</title>", raw_html, re.S | re.I)
        if m and m.group(1).strip():
            return html.unescape(re.sub(r"\s+", " ", m.group(1))).strip(), "html_title"
    for block in blocks[:3]:
        if block.kind == "heading":
            marked = view[max(0, block.start - 2): block.start].endswith("# ") and \
                not view[max(0, block.start - 3): block.start].endswith("## ")
            return " ".join(block.text.split()), "h1" if marked else "heading"
    return "", ""  # a page that opens with a paragraph has no title to scope its claims
