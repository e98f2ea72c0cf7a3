"""Errors of the model layer that are neither the server's status codes nor
the network's: an answer that is no answer, and a recording that cannot be
written. Light: no openai import."""

from __future__ import annotations

from verifier.errors import EXIT_ERROR, ModelError, VerifierError


class BadAnswer(ModelError):
    """A 200 that is not a usable chat completion: an HTML error page,
    `{"status": "ok"}`, no or empty `choices`, an empty message, a body
    over the size cap, more completion tokens than max_tokens allows, more
    claims than a chunk can hold. Retried like a 5xx (the retry layer),
    then the call fails: never an answer with 0 claims."""

    transient = True
    sent = True  # the request reached the server: it counts as a failed request


class RecordingWriteError(VerifierError):
    """The model answered, but the recording could not be written (disk
    full, read-only, immutable file): a local error, not the server's, and
    not retried."""

    exit_code = EXIT_ERROR
    sent = True
    local_disk = True
