"""The usage ledger: every attempt counted, re-asks and failures included.

A `Ledger` per document adds into the run's ledger (its parent). Counts:

    requests          HTTP requests sent (or replayed), every attempt
    failed_requests   those that failed (status >= 400, timeout, connection)
    retries           transport retries (the tenacity layer)
    reasks            validation re-asks (instructor)
    prompt/completion tokens of every answer that came back, including
                      answers that then failed validation or were refused
                      (empty, oversized) and answers a full disk kept from
                      being recorded; counted by the transport as the bytes
                      arrive (transport.py). An answer without usage counts
                      an estimate from its bytes (`estimated`), and no
                      answer counts more completion tokens than the
                      request's max_tokens
    estimated         answers whose tokens are such an estimate

Cost is computed from the token totals and the price table (so it does not
depend on the order concurrent requests finished in). With `max_cost`, the
run's ledger refuses a request whose worst case (prompt estimate plus
max_tokens of answer, on top of what is spent and what is in flight)
would pass the limit: the run stops before it overspends.
"""

from __future__ import annotations

import threading
from contextvars import ContextVar
from dataclasses import dataclass, field

from verifier.errors import BudgetExceeded
from verifier.schemas import Usage

from verifier.llm.settings import Price

# The ledger of the request being sent on this thread: set by the retry
# layer around each attempt, read by the transport when the answer arrives.
CURRENT: ContextVar["Ledger | None"] = ContextVar("verifier_current_ledger", default=None)


@dataclass
class Ledger:
    price: Price | None = None
    max_cost: float | None = None
    parent: "Ledger | None" = None
    requests: int = 0
    failed_requests: int = 0
    retries: int = 0
    reasks: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    estimated: int = 0
    _reserved: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def child(self) -> "Ledger":
        return Ledger(price=self.price, max_cost=self.max_cost, parent=self)

    def _bump(self, **counts: int) -> None:
        with self._lock:
            for k, v in counts.items():
                setattr(self, k, getattr(self, k) + v)
        if self.parent is not None:
            self.parent._bump(**counts)

    def request(self, failed: bool = False) -> None:
        self._bump(requests=1, failed_requests=int(failed))

    def retry(self) -> None:
        self._bump(retries=1)

    def reask(self) -> None:
        self._bump(reasks=1)

    def tokens(self, prompt: int, completion: int, estimated: bool = False) -> None:
        self._bump(prompt_tokens=int(prompt or 0), completion_tokens=int(completion or 0), estimated=int(estimated))

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    @property
    def cost(self) -> float | None:
        if self.price is None:
            return None
        return round(self.price.cost(self.prompt_tokens, self.completion_tokens), 8)

    # --- budget -----------------------------------------------------------------
    def _root(self) -> "Ledger":
        return self if self.parent is None else self.parent._root()

    def reserve(self, prompt_tokens: int, max_completion: int) -> float:
        """Check the run's budget for one more request and hold its worst
        case until `release`. Returns the amount held (0 without a limit)."""
        root = self._root()
        if root.max_cost is None or root.price is None:
            return 0.0
        worst = root.price.cost(prompt_tokens, max_completion)
        with root._lock:
            spent = root.price.cost(root.prompt_tokens, root.completion_tokens)
            if spent + root._reserved + worst > root.max_cost:
                raise BudgetExceeded(
                    f"stopped before overspending: spent ${spent:.4f} of max cost ${root.max_cost:.4f}, and the next "
                    f"request could cost up to ${worst:.4f} (about {prompt_tokens} prompt tokens + "
                    f"{max_completion} answer tokens); raise --max-cost to go on")
            root._reserved += worst
        return worst

    def release(self, held: float) -> None:
        if held:
            root = self._root()
            with root._lock:
                root._reserved = max(0.0, root._reserved - held)

    def snapshot(self) -> Usage:
        with self._lock:
            return Usage(
                requests=self.requests, failed_requests=self.failed_requests, retries=self.retries,
                reasks=self.reasks, prompt_tokens=self.prompt_tokens, completion_tokens=self.completion_tokens,
                total_tokens=self.prompt_tokens + self.completion_tokens, cost=self.cost,
            )
