"""The ``checker`` command: parse arguments, call the library, render, set the exit code.

Exit codes (a contract): 0 clean; 1 conflicts at or above ``--fail-on``; 2 usage, configuration or
input error. ``main(argv)`` returns the code, so tests call it in-process.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Optional

from . import __version__
from .config import Config, load_config
from .errors import CheckerError, UsageError
from .model import SEVERITIES, CheckResult, severity_rank
from .reporters import CLAIM_REPORTERS, REPORT_FILES, REPORTERS, ReportOptions
from .rules import RULES
from .store import atomic_write

EXIT_CLEAN, EXIT_CONFLICTS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse prints usage and exits 2; we want the code back in main()
        raise UsageError(f"{self.prog}: {message}")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="checker", description="Find quantitative claims in health documents and report where they disagree.")
    p.add_argument("--version", action="version", version=f"checker {__version__}")
    p.add_argument("--config", help="configuration file (default: checker.toml or [tool.checker] in pyproject.toml)")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    def common(sp):
        sp.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: sources/)")
        sp.add_argument("--store", help="claim store folder to reuse and update (default for report: claims/)")
        sp.add_argument("-q", "--quiet", action="store_true", help="no progress or notes on stderr")

    r = sub.add_parser("report", help="batch report: write claims/ and reports/")
    common(r)
    r.add_argument("--out", help="report folder (default: reports/)")
    r.add_argument("--generated", help="a timestamp to print in the reports (none by default: reports are byte-stable)")

    c = sub.add_parser("check", help="check for conflicts; exit 1 when there are some")
    common(c)
    c.add_argument("--format", choices=sorted(REPORTERS), default="text")
    c.add_argument("--output", "-o", help="write the report to this file instead of standard output")
    c.add_argument("--baseline", help="conflicts file from `checker baseline`: only new conflicts count")
    c.add_argument("--changed", nargs="+", metavar="FILE", help="report only conflicts that involve these files")
    c.add_argument("--fail-on", choices=SEVERITIES, help="lowest severity that fails (default: error)")
    c.add_argument("--exit-zero", action="store_true", help="exit 0 even when conflicts are found")

    b = sub.add_parser("baseline", help="record the current conflicts so that `check --baseline` fails only on new ones")
    common(b)
    b.add_argument("--output", "-o", default="checker-baseline.json", help="baseline file (default: checker-baseline.json)")

    cl = sub.add_parser("claims", help="list the extracted claims")
    common(cl)
    cl.add_argument("--format", choices=sorted(CLAIM_REPORTERS), default="table")

    e = sub.add_parser("eval", help="accuracy against a gold annotation folder")
    common(e)
    e.add_argument("--gold", required=True, help="gold folder with claims.jsonl, conflicts.jsonl, consistent.jsonl")
    e.add_argument("--json", action="store_true", help="print the figures as JSON")

    ru = sub.add_parser("rules", help="list the conflict rules and their documentation")
    ru.add_argument("code", nargs="?", help="one rule code")
    return p


def _progress(enabled: bool):
    if not enabled or not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        width = 30
        filled = int(width * done / max(total, 1))
        sys.stderr.write(f"\rreading [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def _run_check(args, config: Config, store: Optional[str], write_store: bool) -> CheckResult:
    from .pipeline import check

    paths = args.paths or list(config.paths)
    return check(paths, config, store=store, write_store=write_store, progress=_progress(not args.quiet))


def _write_or_print(text: str, output: Optional[str]) -> None:
    if output:
        atomic_write(output, text)
    else:
        sys.stdout.write(text)


def _gate(result: CheckResult, fail_on: str, ignored_ids: set) -> int:
    if result.errors:
        return EXIT_ERROR
    threshold = severity_rank(fail_on)
    for conflict in result.conflicts:
        if conflict.id in ignored_ids:
            continue
        if conflict.decision and conflict.decision.get("status") == "accepted" and not conflict.decision.get("stale"):
            continue
        if severity_rank(conflict.severity) >= threshold:
            return EXIT_CONFLICTS
    return EXIT_CLEAN


def _load_baseline(path: str) -> set:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return {c["id"] for c in data.get("conflicts", [])}
    except FileNotFoundError:
        raise UsageError(f"{path}: baseline file not found (create it with `checker baseline`)") from None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise UsageError(f"{path}: not a checker baseline ({exc})") from None


def _only_changed(result: CheckResult, changed: list[str]) -> CheckResult:
    wanted = {Path(p).as_posix() for p in changed}
    resolved = {Path(p).resolve() for p in changed}
    keep = tuple(c for c in result.conflicts
                 if any(cc.claim.source in wanted or Path(cc.claim.source).resolve() in resolved for cc in c.claims))
    return CheckResult(result.sources, result.claims, keep, result.errors, result.extracted)


def _note(args, text: str) -> None:
    if not getattr(args, "quiet", False):
        sys.stderr.write(text + "\n")


def main(argv: Optional[list[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = _parser().parse_args(argv)
        if not args.command:
            raise UsageError("checker: a command is required (report, check, claims, eval, baseline, rules); see --help")
        config = load_config(".", args.config)
        return _dispatch(args, config)
    except CheckerError as exc:
        sys.stderr.write(f"checker: error: {exc}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("checker: interrupted\n")
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_CLEAN


def _dispatch(args, config: Config) -> int:
    if args.command == "rules":
        codes = [args.code.upper()] if args.code else sorted(RULES)
        for code in codes:
            if code not in RULES:
                raise UsageError(f"unknown rule code {code!r} (known: {', '.join(sorted(RULES))})")
            rule = RULES[code]
            sys.stdout.write(f"{code} {rule.name}\n{rule.doc}\n\n")
        return EXIT_CLEAN

    if args.command == "report":
        store = args.store or config.store
        out = Path(args.out or config.out)
        result = _run_check(args, config, store, write_store=True)
        options = ReportOptions(generated=args.generated)
        for name, reporter in REPORT_FILES.items():
            atomic_write(out / name, reporter(result, options))
        for e in result.errors:
            _note(args, f"checker: error: {e.source}: {e.message}")
        _note(args, f"checker: {len(result.claims)} claims from {len(result.sources)} sources "
                    f"({len(result.extracted)} extracted, {len(result.sources) - len(result.extracted)} from {store}/); "
                    f"{len(result.conflicts)} conflicts; wrote {store}/ and {out.as_posix()}/ "
                    f"({', '.join(REPORT_FILES)})")
        return EXIT_ERROR if result.errors else EXIT_CLEAN

    if args.command == "check":
        result = _run_check(args, config, args.store, write_store=bool(args.store))
        if args.changed:
            result = _only_changed(result, args.changed)
        baseline = args.baseline or None
        ignored = _load_baseline(baseline) if baseline else set()
        if ignored:
            result = CheckResult(result.sources, result.claims,
                                 tuple(c for c in result.conflicts if c.id not in ignored),
                                 result.errors, result.extracted)
        _write_or_print(REPORTERS[args.format](result, ReportOptions()), args.output)
        if args.format != "text":
            for e in result.errors:
                _note(args, f"checker: error: {e.source}: {e.message}")
        code = _gate(result, args.fail_on or config.fail_on, ignored)
        if args.exit_zero and code == EXIT_CONFLICTS:
            return EXIT_CLEAN
        return code

    if args.command == "baseline":
        result = _run_check(args, config, args.store, write_store=False)
        atomic_write(args.output, REPORTERS["json"](result, ReportOptions()))
        _note(args, f"checker: recorded {len(result.conflicts)} conflicts in {args.output}")
        return EXIT_ERROR if result.errors else EXIT_CLEAN

    if args.command == "claims":
        result = _run_check(args, config, args.store, write_store=False)
        sys.stdout.write(CLAIM_REPORTERS[args.format](result, ReportOptions()))
        for e in result.errors:
            _note(args, f"checker: error: {e.source}: {e.message}")
        return EXIT_ERROR if result.errors else EXIT_CLEAN

    if args.command == "eval":
        from .evaluate import GoldSet, evaluate

        gold = GoldSet.load(args.gold)
        result = _run_check(args, config, args.store, write_store=False)
        evaluation = evaluate(gold, result)
        if args.json:
            sys.stdout.write(json.dumps(evaluation.to_json(), indent=2) + "\n")
        else:
            sys.stdout.write(evaluation.to_text())
        return EXIT_ERROR if result.errors else EXIT_CLEAN

    raise UsageError(f"unknown command {args.command!r}")


def main_entry() -> None:
    sys.exit(main())
