"""Each rule fires on its fixture folder (tests/fixtures/rules/<CODE>/) and only there."""
import pytest

from checker import Config, check
from checker.rules import RULES
from tests.conftest import REPO

FIXTURES = REPO / "tests" / "fixtures" / "rules"


@pytest.mark.parametrize("code", sorted(RULES))
def test_rules_fixture_folder_makes_the_rule_fire(code):
    folder = FIXTURES / code
    assert folder.is_dir(), f"rule {code} has no fixture folder"
    result = check([str(folder)], Config())
    assert [c.rule for c in result.conflicts] == [code]


@pytest.mark.parametrize("code", sorted(RULES))
def test_rules_ignore_and_select_by_code(code):
    folder = FIXTURES / code
    assert check([str(folder)], Config(ignore=(code,))).conflicts == ()
    other = [c for c in RULES if c != code]
    assert check([str(folder)], Config(select=tuple(other))).conflicts == ()
