"""The one transport-retry layer: tenacity around each request to the model.

Retried: 429 (honouring Retry-After / retry-after-ms, up to
`max_retry_after`), 408, 409 and 5xx answers, timeouts, connection errors
(refused, dropped) and answers that are not valid JSON; exponential
backoff with full jitter otherwise. The openai client's own retries are off
(max_retries=0), and instructor's loop only re-asks on validation errors,
so nothing is retried twice over. A new `Retrying` object is made for every
call: tenacity keeps its statistics on the object, and one shared across
concurrent calls would mix them up.

A 200 that is no answer (BadAnswer, from transport.py: HTML, no or empty
choices, an empty message, over the size, token or claim caps) is retried
like a 5xx and then fails the call.

401, 403, 404, 400 and 422 fail at once, as does a 429 whose body says the
quota is exhausted. Every failure that ends the call becomes a ModelError
with a one-line message; errors of our own (a missing recording, a budget
stop, a recording that cannot be written) pass through unchanged.

A server's own words in a message are masked first (the API key, any
Bearer token), then made one terminal-safe line, then cut to length.
"""

from __future__ import annotations

import email.utils
import json
import time
from dataclasses import dataclass
from typing import Any, Callable, TypeVar

from verifier.errors import ModelError, VerifierError

from verifier.llm import redact
from verifier.llm.faults import BadAnswer
from verifier.llm.settings import Settings
from verifier.llm.usage import CURRENT, Ledger
from verifier.sanitize import one_line

T = TypeVar("T")
RETRY_STATUSES = {408, 409, 429}


@dataclass(frozen=True)
class Failure:
    transient: bool
    message: str
    retry_after: float | None = None


def our_error(exc: BaseException | None) -> VerifierError | None:
    """The VerifierError in an exception's cause/context chain, if any
    (openai wraps what a transport raises in APIConnectionError; instructor
    wraps what the create call raises in InstructorRetryException)."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, VerifierError):
            return exc
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return None


def retry_after_seconds(exc: BaseException) -> float | None:
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if not headers:
        return None
    ms = headers.get("retry-after-ms")
    if ms:
        try:
            return max(0.0, float(ms) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _secrets(settings: Settings) -> tuple[str, ...]:
    key = settings.api_key
    return (key,) if key and len(key) >= 4 else ()


def _server_message(exc: Any, secrets: tuple[str, ...] = ()) -> str:
    body = getattr(exc, "body", None)
    msg = None
    if isinstance(body, dict):
        err = body.get("error", body)
        msg = err.get("message") if isinstance(err, dict) else err if isinstance(err, str) else None
        msg = msg or body.get("detail") if isinstance(body.get("detail"), str) else msg
    elif isinstance(body, str):
        msg = body
    msg = redact.mask_message(str(msg or getattr(exc, "message", "") or exc), secrets)  # mask first ...
    return one_line(msg, 200)                                                        # ... then cut


def _quota_exhausted(exc: Any) -> bool:
    body = getattr(exc, "body", None)
    err = body.get("error", body) if isinstance(body, dict) else None
    return isinstance(err, dict) and err.get("code") == "insufficient_quota"


def classify(exc: BaseException, settings: Settings) -> Failure | None:
    """What a failed request means; None for exceptions that are not
    transport or server failures (they pass through)."""
    import openai

    url = one_line(settings.base_url or "the OpenAI API")
    secrets = _secrets(settings)
    if isinstance(exc, openai.APITimeoutError):
        return Failure(True, f"no answer from {url} within {settings.timeout:g} s (raise --timeout for slow models)")
    if isinstance(exc, openai.APIConnectionError):
        cause = exc.__cause__ or exc.__context__
        reason = one_line(redact.mask_message(str(cause or "connection failed"), secrets), 160)
        return Failure(True, f"cannot reach the model server at {url} ({reason})")
    if isinstance(exc, (json.JSONDecodeError, openai.APIResponseValidationError)):
        return Failure(True, f"the model server at {url} answered with malformed JSON")
    if isinstance(exc, openai.APIStatusError):
        status = exc.status_code
        detail = _server_message(exc, secrets)  # a server echoing the key never gets it shown
        if status == 401:
            return Failure(False, f"the model server at {url} rejected the API key (401 Unauthorized: {detail}); "
                                  "check OPENAI_API_KEY")
        if status == 403:
            return Failure(False, f"the model server at {url} refused access (403 Forbidden: {detail})")
        if status == 404:
            return Failure(False, f"not found at {url} (404: {detail}); check the model name "
                                  f"'{settings.model}' and that the base URL ends in /v1")
        if status == 429 and _quota_exhausted(exc):
            return Failure(False, f"the API quota is exhausted (429: {detail})")
        if status in RETRY_STATUSES or status >= 500:
            wait = retry_after_seconds(exc)
            if wait is not None and wait > settings.max_retry_after:
                return Failure(False, f"the model server at {url} asks to wait {wait:.0f} s before retrying "
                                      f"({status}), longer than max_retry_after {settings.max_retry_after:g} s")
            what = "rate limited" if status == 429 else "the model server failed"
            return Failure(True, f"{what} ({status}: {detail})", wait)
        hint = ""
        if status in (400, 422) and settings.llm_mode != "json":
            hint = "; if this server does not support the request format, try --llm-mode json"
        return Failure(False, f"the model server at {url} refused the request ({status}: {detail}){hint}")
    return None


def call_with_retries(
    send: Callable[[], T],
    *,
    settings: Settings,
    ledger: Ledger,
    prompt_tokens_estimate: int = 0,
    replaying: bool = False,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Call `send()` (one HTTP request through the openai client) with the
    transport retries. Counts every attempt in `ledger`; checks the budget
    before each one. Replayed answers are not waited for."""
    from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt, wait_random_exponential

    backoff = wait_random_exponential(multiplier=settings.backoff_initial, max=settings.backoff_max)

    def transient(exc: BaseException) -> bool:
        mine = our_error(exc)
        if mine is not None:
            return bool(getattr(mine, "transient", False))  # a 200 that is no answer: retried
        f = classify(exc, settings)
        return bool(f and f.transient)

    def wait(state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        ra = retry_after_seconds(exc) if exc is not None else None
        if ra is not None:
            return min(ra, settings.max_retry_after)
        return backoff(state)

    attempts = 0
    retrying = Retrying(  # a new object per call: never shared between threads
        stop=stop_after_attempt(settings.max_attempts),
        wait=wait,
        retry=retry_if_exception(transient),
        sleep=(lambda s: None) if replaying else sleep,
        before_sleep=lambda state: ledger.retry(),
        reraise=True,
    )
    try:
        for attempt in retrying:
            with attempt:
                attempts += 1
                held = ledger.reserve(prompt_tokens_estimate, settings.max_tokens)
                current = CURRENT.set(ledger)  # the transport counts the answer's tokens into it
                try:
                    result = send()
                except Exception as exc:
                    mine = our_error(exc)
                    if mine is None or getattr(mine, "sent", False):
                        ledger.request(failed=True)
                    raise
                finally:
                    CURRENT.reset(current)
                    ledger.release(held)
                ledger.request()
                return result
    except Exception as exc:
        mine = our_error(exc)
        tries = f" ({attempts} attempts)" if attempts > 1 else ""
        if isinstance(mine, BadAnswer):
            raise ModelError(f"{mine}{tries}") from None
        if mine is not None:
            raise mine from None
        failure = classify(exc, settings)
        if failure is None:
            raise
        raise ModelError(failure.message + tries) from exc
    raise AssertionError("unreachable")  # pragma: no cover
