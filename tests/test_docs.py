"""Docs under test: every command and every rule is documented, and the README's commands are real."""
import re

from checker.cli import _parser
from checker.rules import RULES
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def subcommands() -> list[str]:
    parser = _parser()
    for action in parser._actions:  # argparse keeps subparsers as one action
        if getattr(action, "choices", None) and isinstance(action.choices, dict):
            return sorted(action.choices)
    return []


def test_docs_every_command_is_in_the_readme():
    commands = subcommands()
    assert {"report", "check", "claims", "eval"} <= set(commands)
    for command in commands:
        assert re.search(rf"checker {command}\b", README), f"`checker {command}` is not documented in README.md"


def test_docs_every_rule_has_the_fixed_sections_and_is_in_the_readme():
    for code, rule in RULES.items():
        for section in ("What it checks:", "Why it matters:", "Example:", "How to resolve:"):
            assert section in rule.doc, f"{code} lacks {section!r}"
        assert code in README and rule.name in README


def test_docs_readme_names_the_two_setup_commands_and_ci_runs_the_test_one():
    setup = re.findall(r"^python3 -m venv .*$", README, flags=re.M)
    assert any(line.endswith("checker report") for line in setup)
    test_lines = [line for line in setup if "pytest" in line]
    assert len(test_lines) == 1
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert test_lines[0] in ci


def test_docs_exit_codes_table_matches_the_cli_constants():
    from checker import cli

    for code in (cli.EXIT_CLEAN, cli.EXIT_CONFLICTS, cli.EXIT_ERROR):
        assert f"| {code} |" in README


def test_docs_discovery_and_limit_keys_are_in_the_readme():
    from checker.limits import DISCOVERY_KEYS, LIMIT_KEYS

    section = README.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    for key in sorted(DISCOVERY_KEYS | set(LIMIT_KEYS)):
        assert re.search(rf"^{key} = ", section, flags=re.M), f"configuration key {key!r} is not in the README"
