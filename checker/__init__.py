"""checker: find quantitative claims in health-content documents and report where they disagree.

Library first (the API is stable, see README "Library API"): ``Checker(config)`` checks texts in memory
(``check_texts``) or files (``check_paths``) and returns a `CheckResult`; ``check(paths, config)`` is
the one-call form. The ``checker`` command is a thin layer over it (``checker.cli``).
"""
__version__ = "0.1.0"

from .api import Checker, check  # noqa: E402
from .config import Config, find_config, load_config  # noqa: E402
from .errors import CheckerError  # noqa: E402
from .model import CheckResult, Claim, Conflict  # noqa: E402

__all__ = ["Checker", "check", "Config", "find_config", "load_config", "CheckResult", "Claim", "Conflict",
           "CheckerError", "__version__"]
