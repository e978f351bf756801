"""A generated corpus of health pages for benchmarks: deterministic for a given seed and size.

Pages mix the sentence shapes real pages use (headings, paragraphs, lists, pipe tables) with
procedures and values drawn from fixed lists, so extraction does real work on every page.
"""
from __future__ import annotations

import random
from pathlib import Path

PROCEDURES = ["Medial Branch Blocks", "Radiofrequency Ablation", "Epidural Steroid Injections", "SI Joint Injections",
              "Stellate Ganglion Blocks", "Occipital Nerve Blocks", "Genicular Nerve Blocks", "Trigger Point Injections",
              "Lumbar Sympathetic Blocks", "Facet Joint Injections"]
DURATIONS = ["a few hours", "several hours to a few days", "hours to days", "3 to 6 months", "6–12 months or longer",
             "several weeks or months", "about 2 weeks", "up to a year", "1-2 days", "less than 30 minutes"]
SHORT = ["about 15 to 30 minutes", "less than 30 minutes", "10-15 minutes", "a few minutes", "about an hour"]
FILLER = ("Our specialists review your history, examine your spine and discuss the options with you. "
          "Imaging guidance helps place the needle precisely, and most people describe only mild pressure. ")


def page(rng: random.Random, index: int) -> str:
    proc = rng.choice(PROCEDURES)
    lines = [f"{proc}: What Patients Should Know", "", FILLER * rng.randint(1, 3), "",
             "What to Expect", "",
             f"The procedure takes {rng.choice(SHORT)}, and you can go home the same day. {FILLER}", "",
             f"Relief from {proc.lower()} typically lasts {rng.choice(DURATIONS)}. "
             f"Some patients notice improvement within {rng.choice(['hours', '2 to 3 days', 'a week'])}.", "",
             "After the Procedure", "",
             f"Soreness at the injection site should subside within {rng.choice(['a few hours', '1-2 days'])}. "
             f"Avoid strenuous activity for {rng.choice(['24 hours', 'a day or two', '48 hours'])}.", "",
             "| Condition | Success Rate | Average Relief Duration |",
             f"| Sciatica | {rng.randint(50, 70)}-{rng.randint(71, 90)}% | {rng.randint(2, 4)}-{rng.randint(5, 9)} months |",
             f"| Facet Joint Pain | {rng.randint(55, 85)}% | {rng.choice(DURATIONS)} |", "",
             "Frequently Asked Questions", "",
             f"- Injections can be repeated every {rng.choice(['3 months', 'six months', '3 to 4 months'])}.",
             f"- Most patients return to normal activities {rng.choice(['the next day', 'the same day', 'within 2 days'])}.",
             "", f"Page {index}. Updated 8 May 2023. Call 555-0100."]
    return "\n".join(lines) + "\n"


def generate_corpus(directory: str | Path, count: int, seed: int = 7) -> list[Path]:
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for index in range(count):
        path = directory / f"page_{index:05d}.txt"
        path.write_text(page(rng, index), encoding="utf-8")
        paths.append(path)
    return paths
