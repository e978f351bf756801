"""One error hierarchy, caught once at the CLI.

Every message is one line that names what is wrong and, where there is one, the file (``path`` or
``path:line``). Codes are stable so that users can search for them in the README.
"""
from __future__ import annotations


class CheckerError(Exception):
    """Base of every error the checker raises on purpose. Exit code 2 at the CLI."""

    code = "E000"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:  # "E101 sources/x.bin: ..." reads well in a terminal and in CI logs
        return f"{self.code} {self.message}"


class UsageError(CheckerError):
    """Command-line arguments that do not make sense together."""

    code = "E001"


class ConfigError(CheckerError):
    """A bad `[tool.checker]` table or `checker.toml`."""

    code = "E002"


class DataFileError(CheckerError):
    """A lexicon, vocabulary or cue file that does not validate; the message starts with path:line."""

    code = "E003"


class InputError(CheckerError):
    """A source document that cannot be read or decoded. Recorded per document; the batch goes on."""

    code = "E101"


class GoldError(CheckerError):
    """A gold annotation folder that does not follow the gold format."""

    code = "E201"


class OutputError(CheckerError):
    """A report, store or decisions path that cannot be written (a file where a folder is expected, a
    folder where a file is, no permission). Raised before anything is written where it can be."""

    code = "E401"


_CONTROL = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7f)} | {0x0a: "\\n", 0x0d: "\\r", 0x09: "\\t"}


def display(path: str) -> str:
    """A path as a message shows it: control characters escaped ('a\\nb.txt'), so that an error about a
    file whose name holds a newline or an escape sequence is still one line that cannot move the cursor."""
    return path.translate(_CONTROL) if any(ord(ch) < 0x20 or ord(ch) == 0x7f for ch in path) else path
