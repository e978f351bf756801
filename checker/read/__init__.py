"""Read stage: discover source files, decode them, and find their structure.

``read_document(path)`` returns a `Document` whose ``text`` is the file exactly as decoded (offsets,
lines and columns of every claim point into it) and whose ``blocks`` are the structural units:
paragraphs, headings, list items and pipe-table rows with their cells. Blocks are found on a *view* of
the text of the same length in which what is not prose is blanked out (HTML markup, Markdown front
matter and code), so that offsets stay those of the file on disk.

- `discover` (``discover.py``): the files under the given paths, what was skipped and why;
- `decode` (``decode.py``): bytes to text, the encoding from a BOM, a declared charset or detection;
- ``html.py`` and ``markdown.py``: the views; ``blocks.py``: the blocks of a view.
"""
from __future__ import annotations

import hashlib
import re
import os
import stat
from pathlib import Path
from typing import Optional

from ..errors import InputError, display
from ..limits import Limits, describe_size
from ..model import Document
from .blocks import BlockReader, is_heading_text
from .decode import Decoded, decode
from .discover import SUFFIXES, Discovery, DiscoveryRules, Skipped, discover, discover_sources, file_kind
from .html import html_view, read_html, span_text
from .markdown import MAX_TITLE, front_matter_view, markdown_view

__all__ = ["read_document", "parse_document", "discover", "discover_sources", "Discovery", "DiscoveryRules",
           "Skipped", "SUFFIXES", "decode", "Decoded", "html_view", "front_matter_view", "markdown_view",
           "format_of", "is_heading_text"]

# spaCy's tokenizer strips prefix and suffix punctuation one character at a time, searching the rest of
# the token each time: a run of 5,000 '>' or '_' takes seconds, 20,000 over a minute. Runs of symbols
# (dashes, pipes and dots excepted: table rules, and cheap) and words longer than any word are not prose.
_UNREADABLE_RUN = re.compile(r"(?:[^\w\s\-|.]|_){32,}|[^\s|]{128,}")


def format_of(source: str) -> str:
    return SUFFIXES.get(Path(source).suffix.lower(), "text")


def read_document(path: str | Path, limits: Limits = Limits()) -> Document:
    """The document at ``path``; an `InputError` naming the file when it cannot be read or decoded."""
    source = Path(path).as_posix()
    data = read_bytes(source, path, limits)
    decoded = decode(source, data, format_of(source))
    return parse_document(source, decoded.text, hashlib.sha256(data).hexdigest(), limits=limits,
                          encoding=decoded.encoding, encoding_source=decoded.how)


def read_bytes(source: str, path: str | Path, limits: Limits = Limits()) -> bytes:
    """The bytes of a regular file, at most ``limits.max_page_size`` of them.

    Opened without blocking and checked to be a regular file before anything is read: a FIFO or a
    device put where a page was is an error, never a run that waits forever."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise InputError(f"{display(source)}: cannot read: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{display(source)}: not a regular file ({file_kind(info.st_mode)})")
        if limits.too_large(info.st_size):
            raise _too_large(source, info.st_size, limits)
        try:
            data = handle.read(limits.max_page_size + 1)
        except OSError as exc:
            raise InputError(f"{display(source)}: cannot read: {exc.strerror or exc}") from None
    if limits.too_large(len(data)):  # it grew while we looked
        raise _too_large(source, len(data), limits)
    return data


def _too_large(source: str, size: int, limits: Limits) -> InputError:
    return InputError(f"{display(source)}: {describe_size(size)} is over the page size limit of "
                      f"{describe_size(limits.max_page_size)} (max_page_size)")


def parse_document(source: str, text: str, sha256: Optional[str] = None, limits: Limits = Limits(),
                   encoding: str = "utf-8", encoding_source: str = "") -> Document:
    """Structure of an already decoded text; the format comes from the file name's suffix."""
    if sha256 is None:
        sha256 = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    fmt = format_of(source)
    front_title, page = None, None
    if fmt == "html":
        page = read_html(text)
        view = page.view
    elif fmt == "markdown":
        view, front_title = markdown_view(text)
    else:
        view = text
    view = _UNREADABLE_RUN.sub(_unreadable, view)
    reader = BlockReader(view, markdown=fmt in ("markdown", "html"), html=fmt == "html",
                         table_starts=page.table_starts if page else (), max_block=limits.max_block_size)
    blocks = reader.read()
    title, title_source = _title(blocks, view, page, front_title)
    return Document(source=source, text=text, sha256=sha256, blocks=tuple(blocks), title=title,
                    view=view if view != text else "", title_source=title_source, encoding=encoding,
                    encoding_source=encoding_source)


def _unreadable(run: re.Match) -> str:
    """A run that is not prose, blanked with a full stop in it: the words on either side must not
    read as one phrase ('lasts <400 digits> days' is not 'lasts days')."""
    return " ." + " " * (len(run.group()) - 2)


def _title(blocks: list, view: str, page, front_title: Optional[str]) -> tuple[str, str]:
    """The page's title and where it came from: ``front_matter`` and ``h1`` are the page's own title;
    ``html_title`` (the <title>, often with the site's name) and ``heading`` (the first heading-like
    line of a text page) may be site furniture."""
    if front_title:
        return front_title, "front_matter"
    if page is not None:
        for span, origin in ((page.h1, "h1"), (page.title, "html_title")):
            words = span_text(view, span)
            if words:
                return words[:MAX_TITLE], origin
    for block in blocks[:3]:
        if block.kind == "heading":
            marked = view[max(0, block.start - 2): block.start].endswith("# ") and \
                not view[max(0, block.start - 3): block.start].endswith("## ")
            return " ".join(block.text.split())[:MAX_TITLE], "h1" if marked else "heading"
    return "", ""  # a page that opens with a paragraph has no title to scope its claims
