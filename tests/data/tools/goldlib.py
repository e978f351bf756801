"""Helpers for hand annotations (``annotations.py`` files) that ``build_gold.py`` turns into gold.

An annotation file does ``from goldlib import *`` and defines:

    DOCS = {"gd01": "GARD_Graves-disease_0002675.md", ...}     # id prefix -> file name
    CLAIMS = [C("gd01-1", quote, subject, attribute, value, low, high, cond=..., hedged=...), ...]
    CONFLICTS = [X("gd01-1", "gh01-2", "why a reviewer flags them"), ...]
    CONSISTENT = [K("gd01-1", "gh01-3", "why they look alike but agree"), ...]

C(id, quote, subject, attribute, value, low, high, *, unit="s", cond=None, hedged=False,
  occ=None, vocc=None, period=None, note=None)
  quote    the exact text of the sentence, clause or table row as it reads in the file
           (a space in the quote also matches a non-breaking space)
  value    the value expression as written, found inside the quote
  low/high seconds (unit "s"), a fraction 0..1 (unit "ratio"), or a count (unit "count");
           None is an open bound; ages are seconds since birth (unit "s")
  occ      which occurrence of the quote in the file (0-based) when it occurs more than once
  vocc     which occurrence of the value inside the quote when it occurs more than once
  note     why a debatable reading was chosen (kept in the annotation file only)
"""

S = 1
MIN = 60
H = 3600
D = 86400
W = 7 * D
MO = 2629800  # 30.44 days
Y = 31557600  # 365.25 days


def about(x, y=None):
    """'about X' (or 'about X to Y') is X-15% .. (Y or X)+15%."""
    y = x if y is None else y
    if isinstance(x, float) or isinstance(y, float):
        return round(x * 0.85, 6), round(y * 1.15, 6)
    return round(x * 0.85), round(y * 1.15)


def C(id, quote, subject, attribute, value, low, high, *, unit="s", cond=None, hedged=False,
      occ=None, vocc=None, period=None, note=None, hedge_checked=False):
    return dict(id=id, quote=quote, subject=subject, attribute=attribute, value=value, low=low,
                high=high, unit=unit, cond=cond, hedged=hedged, occ=occ, vocc=vocc,
                period=period, note=note, hedge_checked=hedge_checked)


def X(a, b, why, kind=None):
    """A pair a careful reviewer flags as disagreeing."""
    d = {"claims": [a, b], "why": why}
    if kind:
        d["kind"] = kind
    return d


def K(a, b, why):
    """A pair that looks alike but does not disagree."""
    return {"claims": [a, b], "why": why}


__all__ = ["S", "MIN", "H", "D", "W", "MO", "Y", "about", "C", "X", "K"]
