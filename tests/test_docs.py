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


def section(title: str) -> str:
    """The README text under a heading, up to the next heading of its level or above (a line starting
    with # inside a fenced code block is not a heading)."""
    lines = README.splitlines()
    start = next((i for i, line in enumerate(lines) if re.fullmatch(rf"#+ {re.escape(title)}", line)), None)
    assert start is not None, f"README.md has no section {title!r}"
    level = len(lines[start].split(" ")[0])
    fenced, body = False, []
    for line in lines[start + 1:]:
        fenced ^= line.startswith("```")
        heading = re.match(r"(#+) ", line)
        if not fenced and heading and len(heading.group(1)) <= level:
            break
        body.append(line)
    return "\n".join(body)


def synopsis() -> dict[str, str]:
    """{command: its lines} from the code block that opens README's Commands section."""
    block = re.search(r"```\n(.*?)```", section("Commands"), flags=re.S).group(1)
    out: dict[str, str] = {}
    command = ""
    for line in block.splitlines():
        opening = re.match(r"checker (\w+)", line)
        if opening:
            command = opening.group(1)
        out[command] = out.get(command, "") + line + "\n"
    return out


def test_docs_exit_codes_table_says_what_each_code_means():
    from checker import cli

    table = section("Exit codes")
    rows = dict(re.findall(r"^\| (\d) \| (.+) \|$", table, flags=re.M))
    assert sorted(rows) == ["0", "1", "2"]
    meaning = {cli.EXIT_CLEAN: ("clean", "no conflict", "--fail-on"),
               cli.EXIT_CONFLICTS: ("conflicts", "--fail-on", "--exit-zero", "accepted", "rejected"),
               cli.EXIT_ERROR: ("usage", "configuration", "input")}
    for code, words in meaning.items():
        for word in words:
            assert word in rows[str(code)], f"the README's exit code {code} row does not mention {word!r}"


def options_of(parser) -> dict[str, list[tuple[str, ...]]]:
    """{command: one tuple per argument: its option strings, or a positional's choices, or its
    metavar}; "" for the top level."""
    import argparse

    out: dict[str, list[tuple[str, ...]]] = {"": []}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                out[name] = [tuple(a.option_strings) or tuple(str(c) for c in a.choices or ())
                             or (a.metavar or a.dest.upper(),) for a in sub._actions if a.dest != "help"]
        elif action.dest != "help":
            out[""].append(tuple(action.option_strings))
    return out


def documents(text: str, word: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


def test_docs_every_option_of_every_command_is_in_the_readme():
    lines, commands = synopsis(), section("Commands")
    options = options_of(_parser())
    everywhere = {o for alternatives in options[""] for o in alternatives}  # --config: documented once
    for command, arguments in options.items():
        assert not command or command in lines, f"`checker {command}` has no line in README's Commands synopsis"
        for alternatives in arguments:
            text = commands if not command or set(alternatives) & everywhere else lines[command]
            assert any(documents(text, o) for o in alternatives), \
                f"{command or 'checker'} {'/'.join(alternatives)} is not documented in README's Commands"


def test_docs_every_error_code_is_in_the_readme():
    from checker.errors import CheckerError

    table = section("Errors")

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    codes = {cls.code for cls in subclasses(CheckerError)}
    assert codes >= {"E001", "E002", "E003", "E101", "E201"}
    for code in codes:
        assert re.search(rf"^\| {code} \| \S", table, flags=re.M), f"error code {code} is not in README's Errors"


def test_docs_library_api_example_runs(tmp_path, monkeypatch):
    """The README's Library API example, run in a folder with sources/ and a baseline of them."""
    import shutil

    from checker import Checker

    example = re.search(r"```python\n(.*?)```", section("Library API"), flags=re.S).group(1)
    shutil.copytree(REPO / "tests" / "fixtures" / "rules" / "CC001", tmp_path / "sources")
    monkeypatch.chdir(tmp_path)
    first = Checker().check_paths(["sources"])
    (tmp_path / "checker-baseline.json").write_text(__import__("json").dumps(first.to_json()), encoding="utf-8")
    namespace: dict = {}
    exec(compile(example, "README.md (Library API)", "exec"), namespace)
    assert namespace["result"].baselined and not namespace["result"].conflicts
    assert (tmp_path / "claims" / "claims.jsonl").is_file()


def test_docs_config_example_is_what_checker_config_prints(tmp_path, monkeypatch, capsys):
    from checker.cli import main

    example = re.search(r"```\n\$ cd docs/guides && checker config.*?\n(.*?)```", section("Configuration"),
                        flags=re.S).group(1)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "clinic-content"\n\n[tool.checker]\n'
                                             'paths = ["sources"]\ndata = ["builtin", "checker/topics.yaml"]\n',
                                             encoding="utf-8")
    (tmp_path / "docs" / "guides").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "docs" / "guides")
    assert main(["config"]) == 0
    printed = capsys.readouterr().out.splitlines()
    shown = [line for line in example.splitlines() if line != "..."]
    assert len(shown) >= 4 and all(line in printed for line in shown), (shown, printed)


def test_docs_readme_example_output_is_what_checker_check_prints(in_repo, capsys):
    """The example at the top of the README is a real run on the repository's own corpus."""
    from checker.cli import main

    block = re.search(r"```\n\$ checker check\n(.*?)```", README, flags=re.S)
    assert block, "README.md has no example block starting with `$ checker check`"
    code = main(["check", "-q"])
    printed = capsys.readouterr().out
    assert code == 1
    assert block.group(1) == printed, "the README's example drifted: paste the output of `checker check -q`"


def test_docs_every_output_format_is_in_the_readme_synopsis():
    from checker.report import CLAIM_REPORTERS, REPORT_FILES, REPORTERS

    lines = synopsis()
    assert set(re.search(r"--format ([\w|]+)", lines["check"]).group(1).split("|")) == set(REPORTERS)
    assert set(re.search(r"--format ([\w|]+)", lines["claims"]).group(1).split("|")) == set(CLAIM_REPORTERS)
    files = section("Output files")
    for name in REPORT_FILES:
        assert f"`reports/{name}`" in files, f"reports/{name} is not in README's Output files"


DOCS = sorted([REPO / "README.md", *(REPO / "docs").glob("*.md"), *(REPO / "docs").glob("*.yml")])


def test_docs_send_no_reader_to_a_path_outside_the_clone():
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        assert "../shared" not in text, f"{doc.name} names ../shared, which a clone does not have"


def test_docs_readme_says_to_activate_the_virtualenv_and_how_to_install_by_name():
    setup = section("Set up and run (two commands)")
    assert ". .venv/bin/activate" in setup
    import tomllib

    name = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["name"]
    assert f"pip install {name}" in section("Install")


def test_docs_suppressions_are_documented_in_the_readme_and_every_rule():
    text = section("Suppressions in the page")
    for directive in ("<!-- checker: ignore CC001 -->", "<!-- checker: off -->", "<!-- checker: on -->"):
        assert directive in text
    for code, rule in RULES.items():
        assert f"<!-- checker: ignore {code} -->" in rule.doc, code


def test_docs_explain_example_is_an_excerpt_of_what_checker_explain_prints(in_repo, capsys):
    from checker.cli import main

    block = re.search(r"```\n(Side 1 against side 2.*?)```", section("Explaining a conflict"), flags=re.S).group(1)
    assert main(["explain", "f5a176b051c6dea9", "-q"]) == 0
    printed = capsys.readouterr().out.splitlines()
    for line in block.splitlines():
        head = line.split(" ... ")[0].split("; ...")[0]
        assert any(out.startswith(head) for out in printed), f"not printed by checker explain: {line!r}"


def test_docs_judgement_overlay_example_teaches_a_topic(tmp_path):
    """The overlay in docs/judgement.md loads, and what it says it adds is what checker then reads."""
    from checker import Checker, Config

    text = (REPO / "docs" / "judgement.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n# checker/topics\.yaml\n(.*?)```", text, flags=re.S)
    assert block, "docs/judgement.md has no overlay example"
    overlay = tmp_path / "topics.yaml"
    overlay.write_text(block.group(1), encoding="utf-8")
    checker = Checker(Config(data=["builtin", str(overlay)]))
    result = checker.check_texts({
        "a.md": "# Weight loss\n\nMounjaro starts to curb appetite within 2 days.\n",
        "b.md": "# Zepbound\n\nZepbound usually takes 4 to 6 weeks to curb appetite.\n"})
    assert {(c.subject, c.attribute) for c in result.claims} == {("tirzepatide", "onset_time")}
    assert [c.rule for c in result.conflicts] == ["CC001"]


def test_docs_discovery_and_limit_keys_are_in_the_readme():
    from checker.limits import DISCOVERY_KEYS, LIMIT_KEYS

    text = section("Configuration")
    for key in sorted(DISCOVERY_KEYS | set(LIMIT_KEYS)):
        assert re.search(rf"^{key} = ", text, flags=re.M), f"configuration key {key!r} is not in the README"
