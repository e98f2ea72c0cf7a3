"""Errors a user can cause, each with its own exit code and a one-line message."""

from __future__ import annotations

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_NOT_FOUND = 3
EXIT_IS_DIRECTORY = 4
EXIT_EMPTY = 5
EXIT_BINARY = 6
EXIT_MALFORMED = 7
EXIT_MODEL = 8
EXIT_CONFIG = 9
EXIT_REGRESSION = 10
EXIT_MISSING_RECORDING = 11
EXIT_BUDGET = 12
EXIT_INTERRUPTED = 130


class VerifierError(Exception):
    """Base class: `str(err)` is the one-line message shown to the user."""

    exit_code = EXIT_ERROR


class InputNotFound(VerifierError):
    exit_code = EXIT_NOT_FOUND


class InputIsDirectory(VerifierError):
    exit_code = EXIT_IS_DIRECTORY


class EmptyInput(VerifierError):
    exit_code = EXIT_EMPTY


class BinaryInput(VerifierError):
    exit_code = EXIT_BINARY


class MalformedInput(VerifierError):
    exit_code = EXIT_MALFORMED


class ModelError(VerifierError):
    exit_code = EXIT_MODEL


class ConfigError(VerifierError):
    exit_code = EXIT_CONFIG


class MissingRecording(VerifierError):
    exit_code = EXIT_MISSING_RECORDING


class BudgetExceeded(VerifierError):
    exit_code = EXIT_BUDGET
