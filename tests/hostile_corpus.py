"""Hostile pages, generated on demand (nothing big is committed): one `Kind` per way a page, a file or
a folder entry can be hostile, each with what checker must answer (an error naming the file, or a
clean read) and a size parameter so that ``bench/hostile.py`` can grow it from 1 KB to 10 MB.

`GOOD` holds two pages whose medial branch block relief durations disagree: every hostile run must
still report that conflict. `ordinary_page(size)` is prose of a given size, the baseline a hostile
page of the same size is timed against.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

GOOD = {
    "good_a.txt": "Medial Branch Blocks\n\nRelief from the block lasts hours to days.\n",
    "good_b.txt": "Medial Branch Blocks\n\nRelief from medial branch blocks may last several weeks or months.\n",
}
GOOD_CONFLICT = ("medial branch block", "relief_duration")

_PROSE = ("Radiofrequency ablation of the genicular nerves is done under local anesthetic. The procedure "
          "takes about 45 minutes and most people go home the same day. Pain relief usually starts within "
          "two weeks and lasts 6 to 12 months in about 70% of patients.\n\n")


def ordinary_page(size: int) -> str:
    """Plain prose of about ``size`` characters, in paragraphs, with a claim every few sentences."""
    return "Genicular Nerve Ablation\n\n" + _PROSE * max(1, size // len(_PROSE))


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


@dataclass(frozen=True)
class Kind:
    name: str
    filename: str
    make: Callable[[int], bytes]  # size in characters -> the file's bytes
    error: Optional[str] = None  # a phrase of the one-line error, or None when the page must read cleanly
    size: int = 10_000  # size used by the tests (bench/hostile.py grows it)
    scales: bool = True  # False for kinds whose size is fixed (a number, a charset)
    absent: tuple = ()  # phrases that must not be in any claim's quote (non-prose left out)
    ratio: float = 10  # how many times ordinary prose of the same size it may cost


def _text(s: str) -> bytes:
    return s.encode("utf-8")


def _claim_line() -> str:
    return "Relief from the ablation lasts 6 to 12 months.\n\n"


KINDS: list[Kind] = [
    # one block over a million characters crashed spaCy (E088) and the whole batch
    Kind("long_line", "long_line.txt", lambda n: _text(_repeat("Relief lasts 3 days after the injection. ", n))),
    # a claim every 20 characters and no sentence end: 100 claims in each clause of a 2,000-character
    # block cost extraction ~35 times prose per character (flat from 1 KB up: bench/hostile.py)
    Kind("joined_lines_md", "joined.md", lambda n: _text("# Lines\n\n" + _repeat("relief lasts 3 days\n", n)),
         ratio=80),
    Kind("inline_tags_html", "tags.html", lambda n: _text("<p>" + _repeat("<b>3</b> <i>days</i> ", n) + "</p>")),
    Kind("deep_nesting_html", "nested.html", lambda n: _text(_repeat("<div>", n // 2) + "Relief lasts 3 days."
                                                              + _repeat("</div>", n // 2))),
    Kind("unclosed_tags_html", "unclosed.html", lambda n: _text(_repeat("<a href=x ", n))),
    Kind("declarations_html", "decl.html", lambda n: _text(_repeat("<!x <?y ", n))),
    Kind("entities_html", "entities.html", lambda n: _text("<p>" + _repeat("&amp;&#99999999;&bogus; 3&ndash;5 ", n))),
    Kind("unclosed_h1_html", "h1.html", lambda n: _text(_repeat("<h1>Relief lasts 3 days ", n))),
    # cost: quadratic scans of the block, the line index, the glued-number scan, spaCy's suffix search
    Kind("big_table", "table.md", lambda n: _text("| Procedure | Relief |\n|---|---|\n"
                                                  + _repeat("| Genicular ablation | 6 to 12 months |\n", n)),
         size=60_000),
    Kind("glued_dashes", "dashes.txt", lambda n: _text(_repeat("1-", n)), size=30_000),
    Kind("dense_paragraph", "dense.txt", lambda n: _text("Medial Branch Blocks\n\n" + _repeat(
        "Relief from a medial branch block lasts 3 to 6 months in 70% of patients. ", n))),
    Kind("quote_markers_md", "quotes.md", lambda n: _text(_repeat(">", n))),
    Kind("symbol_run", "symbols.txt", lambda n: _text(_repeat("=", n) + "\n" + _repeat(")", n))),
    Kind("long_word", "word.txt", lambda n: _text(_repeat("a", n))),
    Kind("suffix_word", "suffix.txt", lambda n: _text(_repeat("'s", n))),
    Kind("backticks_md", "ticks.md", lambda n: _text(_repeat("` `` ``` 3 days ", n))),
    Kind("many_lines", "lines.txt", lambda n: _text(_repeat("\n", n))),
    Kind("ansi_escapes", "ansi.txt", lambda n: _text(_repeat("\x1b[31mRelief lasts 3 days.\x1b[0m\n\n", n))),
    Kind("invisible_characters", "bidi.txt", lambda n: _text(_repeat("Relief \u202elasts\u202c 3\u200b days.\n\n", n))),
    # encodings and bytes
    Kind("nul_after_8k", "nul.txt", lambda n: _text(_repeat("Relief lasts 3 days. ", max(n, 9000))) + b"\x00x",
         error="binary file (NUL byte"),
    Kind("damaged_utf8", "damaged.txt", lambda n: _text("Relief lasts 3\u20135 days.\n") + b"\xff\n",
         error="not valid UTF-8", scales=False),
    Kind("latin1", "latin1.txt", lambda n: ("Café au lait spots: relief lasts 3–5 days. " * max(1, n // 44))
         .encode("cp1252")),
    Kind("utf16_bom", "utf16.txt", lambda n: ("\ufeff" + _repeat("Relief lasts 3 days.\n\n", n)).encode("utf-16-le")),
    Kind("utf16_no_bom", "utf16be.txt", lambda n: _repeat("Relief lasts 3 days.\n\n", n).encode("utf-16-be")),
    Kind("utf16_lone_surrogate", "surrogate.txt", lambda n: "\ufeffRelief".encode("utf-16-le") + b"\x00\xd8x\x00",
         error="not valid UTF-16-LE", scales=False),
    Kind("declared_charset_html", "declared.html", lambda n: (
        '<html><head><meta charset="iso-8859-1"><title>Caf\u00e9</title></head><body>'
        + _repeat("<p>Relief lasts 3\u20135 days \u00b1 1.</p>", n) + "</body></html>").encode("cp1252")),
    Kind("empty_file", "empty.txt", lambda n: b"", scales=False),
    Kind("huge_number", "number.txt", lambda n: _text("Relief lasts " + "9" * 400 + " days.\n"), scales=False),
    # what is not prose is never a claim
    Kind("front_matter_md", "front.md", lambda n: _text(
        "---\ntitle: Medial branch block\ndate: 2019-05-04\nreading_time: 7 to 9 months\n---\n\n" + _claim_line()),
         scales=False, absent=("7 to 9 months",)),
    Kind("code_md", "code.md", lambda n: _text(
        "# Code\n\n" + _claim_line() + "```\nrelief lasts 7 to 9 weeks\n```\n\n    indented lasts 8 to 9 weeks\n\n"
        "Inline `lasts 5 to 6 weeks` code.\n\n~~~\nunclosed fence lasts 4 to 5 weeks\n"),
         scales=False, absent=("7 to 9 weeks", "8 to 9 weeks", "5 to 6 weeks", "4 to 5 weeks")),
    Kind("non_prose_html", "nonprose.html", lambda n: _text(
        "<p>Relief lasts 6 to 12 months.</p><![CDATA[ lasts 7 to 9 weeks ]]>"
        "<iframe src=x>relief lasts 8 to 9 weeks</iframe><template><p>lasts 5 to 6 weeks</p></template>"
        "<code>lasts 2 to 3 weeks</code><script>var s = '4 to 5 weeks'</script>"
        "<!-- unclosed comment: lasts 3 to 4 weeks"),
         scales=False, absent=("7 to 9 weeks", "8 to 9 weeks", "5 to 6 weeks", "2 to 3 weeks", "4 to 5 weeks",
                               "3 to 4 weeks")),
    Kind("unclosed_script_html", "script.html", lambda n: _text(
        "<p>Relief lasts 6 to 12 months.</p><script>" + _repeat("x = '3 to 4 weeks'; ", n)),
         absent=("3 to 4 weeks",)),
    Kind("many_unclosed_comments_html", "comments.html", lambda n: _text(_repeat("<!-- 3 days ", n))),
    # thousands of sibling sections, a claim in each: every claim looked at every heading above it and
    # at every sibling (whether the headings list names of one kind): 100 KB of them cost 11 times prose
    Kind("sibling_sections_md", "sections.md", lambda n: _text("# Childhood Rashes\n\n" + "".join(
        f"## Rash {i}\n\nRelief lasts 3 days.\n\n" for i in range(max(1, n // 36)))), size=100_000),
    Kind("heading_run_md", "headings.md", lambda n: _text(_repeat("## Relief\n\n", n) + "Relief lasts 3 days.\n")),
]


def write_good(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")


def write_kind(folder: Path, kind: Kind, size: Optional[int] = None) -> Path:
    path = folder / kind.filename
    path.write_bytes(kind.make(size or kind.size))
    return path


# entries that are not pages: made in a folder, reported as skipped with a reason, never opened
def make_fifo(folder: Path) -> Path:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path


def make_dangling_symlink(folder: Path) -> Path:
    path = folder / "gone.txt"
    path.symlink_to(folder / "does-not-exist.txt")
    return path


def make_symlink_loop(folder: Path) -> Path:
    sub = folder / "loop"
    sub.mkdir()
    (sub / "back").symlink_to(folder, target_is_directory=True)
    return sub / "back"


def make_self_link(folder: Path) -> Path:
    path = folder / "self.txt"
    path.symlink_to(path)
    return path


ENTRIES = {  # name -> (maker, phrase of the skip reason)
    "fifo_in_folder": (make_fifo, "not a regular file (a FIFO)"),
    "dangling_symlink": (make_dangling_symlink, "broken symlink"),
    "symlink_loop_folder": (make_symlink_loop, "symlink loop"),
    "symlink_to_itself": (make_self_link, "symlink loop"),
}
