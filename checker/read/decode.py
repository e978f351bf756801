"""Bytes to text: the page's encoding from a byte order mark, a declared charset, UTF-8, or detection.

In order:
1. a byte order mark (UTF-8, UTF-16, UTF-32) names the encoding; UTF-16 without one is recognised by
   its zero bytes;
2. a NUL byte anywhere else means a binary file;
3. an HTML page's declared charset (``<meta charset>``, ``<meta http-equiv>``, an XML declaration, in
   the first 1024 bytes as browsers look for it) is used when the bytes decode with it;
4. UTF-8;
5. bytes most of whose non-ASCII bytes are UTF-8 characters, with some that are not, are a damaged
   page: decoding it any one way would garble part of it, so it is an error naming the first bad byte;
6. a page that is mostly ASCII and whose other bytes read as Western letters and typography in
   Windows-1252 (an English page with curly quotes, dashes, degrees, accents) is Windows-1252:
   `charset-normalizer` guesses DOS and East Asian code pages for such pages;
7. otherwise `charset-normalizer` picks the encoding.
``python bench/encodings.py`` measures this against charset-normalizer's guess alone: on the 72
corpus pages with non-ASCII characters saved in Windows-1252 and ISO-8859-1, and sentences in ten
languages in their legacy code pages, 82 of 82 right against 61 (it reads short English pages with a
few curly quotes as DOS or East Asian code pages); preferring Windows-1252 among charset-normalizer's
equally plausible guesses as well turned a Turkish page into Windows-1252 (81 of 82).

The text keeps a byte order mark as U+FEFF, so that offsets are those of the decoded file as it is.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..errors import InputError, display

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_DECLARED_RE = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})|"""
                          rb"""\A\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""", re.I)
# A well-formed multi-byte UTF-8 character (not overlong, not a surrogate).
_UTF8_CHAR_RE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|"
                           rb"\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|"
                           rb"\xf4[\x80-\x8f][\x80-\xbf]{2}")
# Letters and typography of Western European pages, as Windows-1252 decodes them (no Icelandic or
# Turkish-looking letters: those are other code pages read as Windows-1252).
_WESTERN = set("àáâãäåæçèéêëìíîïñòóôõöøùúûüÿÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜßœŒšŠžŽŸ"
               "‘’‚“”„–—•…€™©®°±µ·¼½¾×÷¹²³¿¡§¶¢£¥¦¨ª«¬¯´¸º»\u00a0\u00ad†‡‰‹›ˆ˜ƒ")
_HIGH_RE = re.compile(rb"[\x80-\xff]")
MOSTLY_ASCII = 0.05  # at most this share of non-ASCII bytes

# What browsers read these labels as (the WHATWG Encoding Standard): Latin-1 pages are Windows-1252.
_LABEL_ALIASES = {"iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                  "l1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252", "iso-8859-9": "cp1254",
                  "latin5": "cp1254", "tis-620": "cp874", "x-sjis": "shift_jis"}


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # a Python codec name: utf-8, utf-16-le, cp1252...
    how: str  # bom | declared | detected | "" for plain UTF-8


def decode(source: str, data: bytes, fmt: str = "text") -> Decoded:
    """The text of a page's bytes, or an `InputError` naming the file and what is wrong."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(_strict(source, data, encoding), encoding, "bom")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return Decoded(_strict(source, data, utf16), utf16, "detected")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(f"{display(source)}: looks like a binary file (NUL byte at offset {nul}), not a text document")
    declared = _declared(data) if fmt == "html" else None
    if declared and declared != "utf-8":
        try:
            return Decoded(data.decode(declared), declared, "declared")
        except (UnicodeDecodeError, LookupError):
            pass  # a declaration the bytes do not follow: read them as if there were none
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "declared" if declared == "utf-8" else "")
    except UnicodeDecodeError as exc:
        if _mostly_utf8(data):
            raise _not_utf8(source, data, exc) from None
    western = _western(data)
    if western is not None:
        return Decoded(western, "cp1252", "detected")
    return Decoded(*_detected(source, data), "detected")


def _mostly_utf8(data: bytes) -> bool:
    """Whether most non-ASCII bytes are parts of well-formed UTF-8 characters (a UTF-8 page with some
    damage, not a page in a legacy encoding where a few byte pairs happen to look like UTF-8)."""
    in_characters = sum(len(m) for m in _UTF8_CHAR_RE.findall(data))
    return in_characters > 0 and 2 * in_characters >= len(_HIGH_RE.findall(data))


def _western(data: bytes) -> str | None:
    """The text in Windows-1252, when the page is mostly ASCII and the rest reads as Western letters
    and typography; None otherwise."""
    high = len(_HIGH_RE.findall(data))
    if high > max(MOSTLY_ASCII * len(data), 4):  # a short page with a dash and an accent is mostly ASCII too
        return None
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    return text if all(ch in _WESTERN for ch in text if ord(ch) > 127) else None


def _strict(source: str, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"{display(source)}:{line}: not valid {encoding.upper()} "
                         f"({exc.reason} at byte offset {exc.start})") from None


def _utf16_without_bom(data: bytes) -> str:
    """'utf-16-le' or 'utf-16-be' when every other byte of the start is zero, as in English text
    saved as UTF-16 without a byte order mark; '' otherwise."""
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return ""
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) > 0.9 * half and even.count(0) < 0.1 * half:
        return "utf-16-le"
    if even.count(0) > 0.9 * half and odd.count(0) < 0.1 * half:
        return "utf-16-be"
    return ""


def _declared(data: bytes) -> str | None:
    """The codec of the charset an HTML page declares in its first 1024 bytes, if Python knows it."""
    m = _DECLARED_RE.search(data[:1024])
    if not m:
        return None
    label = (m.group(1) or m.group(2)).decode("ascii").strip().lower()
    label = _LABEL_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _not_utf8(source: str, data: bytes, exc: UnicodeDecodeError) -> InputError:
    line = data[: exc.start].count(b"\n") + 1
    return InputError(f"{display(source)}:{line}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})")


def _detected(source: str, data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # imported only for the rare page that is not UTF-8

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{display(source)}: not UTF-8, and no other encoding reads it as text "
                         f"(no byte order mark or declared charset)")
    return str(best), codecs.lookup(best.encoding).name
