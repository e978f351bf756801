"""The reviewers' workbook (`reports/report.xlsx`), built with pandas and openpyxl: a ``conflicts``
sheet (one row per conflict, its id linking to the conflict in report.html) and a ``claims`` sheet
(one row per claim, with the id of the conflict it takes part in, linked the same way), values in the
units a person reads beside the seconds or fractions they are stored as. Every sheet has a frozen
header row, filters and column widths fitted to its content.

The same result gives the same bytes: the document's created/modified times are fixed (the
``generated`` option, else 2000-01-01), and so are the times of the files inside the zip container,
which openpyxl would take from the clock. Text cells that a spreadsheet could read as a formula are
neutralized as in the CSV files.
"""
from __future__ import annotations

import datetime
import io
import re
import zipfile

from ..model import CheckResult, Conflict
from .common import (ReportOptions, bound_text, conflict_of_claims, display_reading, safe_cell, status,
                     uncompared_reasons, what)

FIXED_TIME = datetime.datetime(2000, 1, 1)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip entry can record
MAX_WIDTH = 60  # characters: a wider column (the quote) is cut on screen; its cells keep the whole text
LINK_STYLE = "Hyperlink"

CONFLICT_COLUMNS = ["conflict_id", "severity", "rule", "subject", "what", "kind", "claims", "pages", "values",
                    "decision", "decision_note", "message"]
CLAIM_COLUMNS = ["claim_id", "conflict_id", "side", "source", "line", "column", "subject", "attribute", "condition",
                 "qualifier", "value_text", "reading", "low_human", "high_human", "low", "high", "unit", "hedged",
                 "vague", "uncompared", "quote"]


def _conflict_rows(result: CheckResult) -> list[dict]:
    return [{
        "conflict_id": c.id, "severity": c.severity, "rule": c.rule, "subject": c.subject, "what": what(c),
        "kind": c.kind, "claims": len(c.claims), "pages": len({cc.claim.source for cc in c.claims}),
        "values": _sides(c), "decision": status(c), "decision_note": (c.decision or {}).get("note") or None,
        "message": c.message,
    } for c in result.conflicts]


def _sides(conflict: Conflict) -> str:
    """'1 h–7 d vs 2 wk–12 mo': each side's distinct readings."""
    sides: dict = {}
    for cc in conflict.claims:
        readings = sides.setdefault(cc.cluster, [])
        reading = display_reading(cc.claim)
        if reading not in readings:
            readings.append(reading)
    return " vs ".join(", ".join(readings) for _side, readings in sorted(sides.items()))


def _claim_rows(result: CheckResult) -> list[dict]:
    conflict_ids = conflict_of_claims(result)
    sides = {cc.claim.id: cc.cluster + 1 for c in result.conflicts for cc in c.claims}
    reasons = uncompared_reasons(result)
    return [{
        "claim_id": c.id, "conflict_id": conflict_ids.get(c.id), "side": sides.get(c.id), "source": c.source,
        "line": c.line, "column": c.column, "subject": c.subject, "attribute": c.attribute,
        "condition": c.condition, "qualifier": c.qualifier, "value_text": c.value_text,
        "reading": display_reading(c), "low_human": bound_text(c.low, c.unit, c.kind),
        "high_human": bound_text(c.high, c.unit, c.kind), "low": c.low, "high": c.high, "unit": c.unit,
        "hedged": c.hedged, "vague": c.vague, "uncompared": reasons.get(c.id), "quote": " ".join(c.quote.split()),
    } for c in result.claims]


def _frame(rows: list[dict], columns: list[str]):
    import pandas as pd

    return pd.DataFrame([{k: safe_cell(r.get(k)) for k in columns} for r in rows], columns=columns, dtype=object)


def _finish_sheet(sheet, frame, link_column: str, report_url: str) -> None:
    """Frozen header, filters on every column, widths fitted to the content, and the conflict ids
    linked to their place in the HTML report."""
    from openpyxl.utils import get_column_letter

    sheet.freeze_panes = "A2"
    last = get_column_letter(max(1, len(frame.columns)))
    sheet.auto_filter.ref = f"A1:{last}{len(frame) + 1}"
    for index, name in enumerate(frame.columns, start=1):
        longest = max([len(str(name))] + [len(str(v)) for v in frame[name] if v is not None])
        sheet.column_dimensions[get_column_letter(index)].width = min(longest + 2, MAX_WIDTH)
    column = list(frame.columns).index(link_column) + 1
    for row in range(2, len(frame) + 2):
        cell = sheet.cell(row=row, column=column)
        if cell.value:
            cell.hyperlink = f"{report_url}#c-{cell.value}"
            cell.style = LINK_STYLE


def report_xlsx(result: CheckResult, options: ReportOptions = ReportOptions()) -> bytes:
    import pandas as pd

    buffer = io.BytesIO()
    sheets = {"conflicts": (_frame(_conflict_rows(result), CONFLICT_COLUMNS), "conflict_id"),
              "claims": (_frame(_claim_rows(result), CLAIM_COLUMNS), "conflict_id")}
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, (frame, link) in sheets.items():
            frame.to_excel(writer, sheet_name=name, index=False)
            _finish_sheet(writer.sheets[name], frame, link, options.report_url)
        properties = writer.book.properties
        properties.creator = "checker"
        properties.created = _timestamp(options)
    return _reproducible(buffer.getvalue(), _timestamp(options))


def _timestamp(options: ReportOptions) -> datetime.datetime:
    """The document's time: the ``generated`` option when it reads as an ISO time, else fixed."""
    if options.generated:
        try:
            stamp = datetime.datetime.fromisoformat(options.generated.replace("Z", "+00:00"))
            return stamp.astimezone(datetime.timezone.utc).replace(tzinfo=None) if stamp.tzinfo else stamp
        except ValueError:
            pass
    return FIXED_TIME


def _reproducible(data: bytes, when: datetime.datetime) -> bytes:
    """The workbook with every clock reading replaced: the modified time openpyxl writes into
    docProps/core.xml at save, and the zip entries' times."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)",
                                 rb"\g<1>" + stamp.encode() + rb"\g<2>", content)
            entry = zipfile.ZipInfo(item.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, content)
    return out.getvalue()
