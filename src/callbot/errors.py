"""One root error with subclasses that carry what a user needs to fix the problem."""

from __future__ import annotations


class CallbotError(Exception):
    """Root of every error callbot reports to a user as a plain sentence."""


class SettingsError(CallbotError):
    def __init__(self, field: str, problem: str):
        self.field, self.problem = field, problem
        super().__init__(f"Setting {field}: {problem}")


class DocumentError(CallbotError):
    """A document could not be read; the rest of the batch goes on."""

    def __init__(self, path: str, reason: str):
        self.path, self.reason = path, reason
        super().__init__(f"{path}: {reason}")


class ManifestError(CallbotError):
    def __init__(self, path: str, problem: str):
        self.path, self.problem = path, problem
        super().__init__(f"Corpus manifest {path}: {problem}")


class IndexMissingError(CallbotError):
    def __init__(self, index_dir: str):
        super().__init__(
            f"No index found in {index_dir}. Run `callbot ingest` (or `make install`) first."
        )


class IndexBusyError(CallbotError):
    def __init__(self, index_dir: str):
        super().__init__(
            f"The index in {index_dir} is busy: another process is writing to it. "
            "Try again when it has finished."
        )


class RuleError(CallbotError):
    """A rule file is invalid or one of its quotes is not in the indexed documents."""


class InputError(CallbotError):
    """A user-supplied value is missing or not understood."""

    def __init__(self, field: str, problem: str):
        self.field, self.problem = field, problem
        super().__init__(f"{field}: {problem}")
