"""Benchmark: how often a page that is not UTF-8 and does not say its encoding is decoded right.

Pages of the corpora that hold characters outside ASCII (dashes, curly quotes, degrees, accents) are
saved in Windows-1252 and ISO-8859-1, and a few sentences in other languages in their legacy
encodings; each is decoded by `charset-normalizer`'s best guess alone and by checker's decoder (which
prefers Windows-1252 among the encodings charset-normalizer finds equally plausible). A page counts
as right when the decoded text is the original text. Run: python bench/encodings.py [--medquad N]
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from charset_normalizer import from_bytes  # noqa: E402

from checker.read.decode import decode  # noqa: E402

OTHER_LANGUAGES = {
    "cp1252 fr": "Le soulagement de la douleur après le bloc dure de trois à six mois chez la plupart des "
                 "patients ; l'intervention dure environ vingt minutes et l'on rentre chez soi le jour même.",
    "cp1252 es": "La intervención dura unos veinte minutos y el alivio del dolor después del bloqueo dura de "
                 "tres a seis meses en la mayoría de los pacientes; sólo algunos necesitan una segunda sesión.",
    "cp1252 pt": "A intervenção dura cerca de vinte minutos e o alívio da dor após o bloqueio dura de três a "
                 "seis meses na maioria dos pacientes, às vezes até um ano.",
    "cp1252 de": "Die Schmerzlinderung nach der Blockade hält bei den meisten Patienten drei bis sechs Monate "
                 "an; der Eingriff dauert ungefähr zwanzig Minuten, danach dürfen sie nach Hause gehen.",
    "cp1251": "Облегчение боли после блокады длится от трёх до шести месяцев у большинства пациентов. "
              "Процедура занимает около двадцати минут, и пациент уходит домой в тот же день.",
    "cp1250": "Úleva od bolesti po blokádě trvá tři až šest měsíců u většiny pacientů. Zákrok trvá "
              "přibližně dvacet minut a pacient jde domů týž den.",
    "iso8859_7": "Η ανακούφιση από τον πόνο διαρκεί από τρεις έως έξι μήνες στους περισσότερους ασθενείς. "
                 "Η διαδικασία διαρκεί περίπου είκοσι λεπτά.",
    "cp1254": "Ağrı kesici iğnenin etkisi çoğu hastada üç ila altı ay sürer. İşlem yaklaşık yirmi dakika "
              "sürer ve hasta aynı gün evine döner.",
    "shift_jis": "神経ブロックによる痛みの緩和は、ほとんどの患者で三か月から六か月続きます。処置は約二十分で終わります。",
    "gb2312": "神经阻滞带来的疼痛缓解在大多数患者中持续三到六个月。手术大约需要二十分钟，患者当天即可回家。",
}


def western_pages(medquad: int) -> list[tuple[str, str]]:
    folders = [ROOT / "sources", ROOT / "tests/data/dev/sources", ROOT / "tests/data/heldout/sources"]
    paths = [p for f in folders for p in sorted(f.glob("*")) if p.suffix in (".txt", ".md", ".html")]
    pages = Path(os.environ.get("CHECKER_SHARED", ROOT.parent / "shared")) / "corpora/medquad/pages"
    if pages.is_dir():
        paths += sorted(pages.glob("*.md"))[:medquad]
    out = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        if any(ord(ch) > 127 for ch in text):
            out.append((path.name, text))
    return out


def cases(medquad: int) -> list[tuple[str, str, str]]:
    """(name, encoding, text) for every page that the encoding can hold."""
    out = []
    for name, text in western_pages(medquad):
        for encoding in ("cp1252", "latin-1"):
            try:
                text.encode(encoding)
            except UnicodeEncodeError:
                continue
            out.append((name, encoding, text))
    out += [(f"sentences.{key}", key.split()[0], text) for key, text in OTHER_LANGUAGES.items()]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--medquad", type=int, default=400, help="MedQuAD pages to try (those with non-ASCII text count)")
    args = parser.parse_args()
    rows: dict = {}
    seconds = {"charset-normalizer": 0.0, "checker": 0.0}
    for name, encoding, text in cases(args.medquad):
        data = text.encode(encoding)
        group = ("western" if encoding in ("cp1252", "latin-1") else encoding) if not name.startswith("sentences.") \
            else name.split(".", 1)[1]
        tally = rows.setdefault(group, {"pages": 0, "charset-normalizer": 0, "checker": 0})
        tally["pages"] += 1
        started = time.perf_counter()
        best = from_bytes(data).best()
        seconds["charset-normalizer"] += time.perf_counter() - started
        tally["charset-normalizer"] += best is not None and str(best) == text
        started = time.perf_counter()
        try:
            ours = decode(name, data).text
        except Exception:  # noqa: BLE001 - an error counts as wrong
            ours = None
        seconds["checker"] += time.perf_counter() - started
        tally["checker"] += ours == text
    print(f"{'pages':<12}{'count':>7}{'charset-normalizer':>20}{'checker':>10}")
    for group, tally in rows.items():
        print(f"{group:<12}{tally['pages']:>7}{tally['charset-normalizer']:>20}{tally['checker']:>10}")
    total = sum(t["pages"] for t in rows.values())
    print(f"\nright: charset-normalizer {sum(t['charset-normalizer'] for t in rows.values())}/{total}, "
          f"checker {sum(t['checker'] for t in rows.values())}/{total}; "
          f"time per page: charset-normalizer {seconds['charset-normalizer'] / total * 1e3:.1f} ms, "
          f"checker {seconds['checker'] / total * 1e3:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
