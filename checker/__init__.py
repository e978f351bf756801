"""checker: find quantitative claims in health-content documents and report where they disagree.

Library first: ``checker.check(paths, config)`` returns a `CheckResult`; the ``checker`` command is
a thin layer over it (see ``checker.cli``).
"""
__version__ = "0.1.0"

from .config import Config, load_config  # noqa: E402
from .model import CheckResult, Claim, Conflict  # noqa: E402
from .pipeline import check  # noqa: E402

__all__ = ["check", "Config", "load_config", "CheckResult", "Claim", "Conflict", "__version__"]
