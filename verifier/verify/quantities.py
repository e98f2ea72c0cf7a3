"""Numbers as quantities: "$15 billion" == "15 billion dollars"; "more than
30" is consistent with 34, not with 25.

A Quantity is an interval of values with a unit. A claim's quantity is
consistent with a source's when the source's interval lies inside the
claim's (the claim says no more than the source does). Exact figures get a
rounding tolerance: a claim may round the source to its own precision
("15 billion" for 15.2 billion), never the other way round.

Bounds: text of any length, linear in it (one regex pass); values as floats.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
CURRENCY = {"$": "USD", "us$": "USD", "dollar": "USD", "dollars": "USD", "usd": "USD",
            "€": "EUR", "euro": "EUR", "euros": "EUR", "eur": "EUR",
            "£": "GBP", "pound": "GBP", "pounds": "GBP", "gbp": "GBP", "sterling": "GBP",
            "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "kroner": "NOK", "krone": "NOK"}
PERCENT = {"%": "percent", "percent": "percent", "per cent": "percent", "percentage points": "points",
           "points": "points"}
# relation words before a figure -> (kind); the interval is built in _interval
RELATIONS = {
    "more than": "gt", "over": "gt", "above": "gt", "in excess of": "gt", "upwards of": "gt", "exceeding": "gt",
    "at least": "ge", "no fewer than": "ge", "no less than": "ge", "a minimum of": "ge",
    "fewer than": "lt", "less than": "lt", "under": "lt", "below": "lt",
    "at most": "le", "no more than": "le", "up to": "le", "a maximum of": "le",
    "nearly": "near", "almost": "near", "close to": "near", "just under": "near",
    "about": "approx", "around": "approx", "roughly": "approx", "approximately": "approx", "some": "approx",
    "an estimated": "approx", "just over": "justover",
}
_WORDNUM = "|".join(sorted(list(_SMALL) + list(_TENS), key=len, reverse=True))
_NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?|(?:{_WORDNUM})(?:[- ](?:{_WORDNUM}))?|a (?=hundred|thousand|million|billion)"
_REL = "|".join(sorted(map(re.escape, RELATIONS), key=len, reverse=True))
_SCALE = "|".join(sorted(SCALES, key=len, reverse=True))
_CUR_PRE = r"us\$|\$|€|£"
_UNIT_POST = (r"%|per cent|percent|percentage points|points|dollars?|usd|euros?|eur|pounds?|gbp|sterling|"
              r"roubles?|rubles?|kroner|krone")
QUANTITY = re.compile(
    rf"(?<![\w.])(?:(?P<rel>{_REL})\s+)?(?P<cur>{_CUR_PRE})?\s?(?P<num>{_NUM})"
    rf"(?:\s?(?P<scale>{_SCALE})\b)?(?:\s?(?P<unit>{_UNIT_POST}))?(?![\w])",
    re.I)
YEAR = re.compile(r"^(1[89]|20)\d\d$")


@dataclass(frozen=True)
class Quantity:
    text: str
    start: int
    end: int
    low: float
    high: float
    value: float
    unit: str | None
    relation: str | None
    tol: float = 0.0  # the rounding the figure allows

    def describe(self) -> str:
        return self.text


def _word_value(s: str) -> float | None:
    s = s.lower().replace("-", " ").strip()
    if s == "a":
        return 1.0
    total = 0
    for w in s.split():
        if w in _SMALL:
            total += _SMALL[w]
        elif w in _TENS:
            total += _TENS[w]
        else:
            return None
    return float(total)


def _value(num: str) -> float | None:
    n = num.replace(",", "")
    try:
        return float(n)
    except ValueError:
        return _word_value(num)


def _precision(num: str, scale: float) -> float:
    """How far a claim may round: half a unit of the mantissa's last digit
    when a scale word follows ('15 billion' covers 14.5 to 15.5 billion), of
    the last decimal otherwise; whole numbers without a scale are exact."""
    n = num.replace(",", "")
    if "." in n:
        return 0.5 * 10 ** -len(n.split(".")[1]) * scale
    return 0.5 * scale if scale > 1 else 0.0


def _interval(rel: str | None, v: float, tol: float) -> tuple[float, float]:
    if rel in ("gt", "justover"):
        return (v + 1e-9, v * 1.1 + tol if rel == "justover" else math.inf)
    if rel == "ge":
        return (v, math.inf)
    if rel == "lt":
        return (-math.inf, v - 1e-9)
    if rel == "le":
        return (-math.inf, v)
    if rel == "near":
        return (v * 0.85, v)
    if rel == "approx":
        return (v * 0.9, v * 1.1)
    return (v - tol, v + tol)


def quantities(text: str) -> list[Quantity]:
    """Every figure in `text`, years excluded (dates.py-like handling lives in compare)."""
    out: list[Quantity] = []
    for m in QUANTITY.finditer(text):
        num = m.group("num")
        if num.lower() == "a" and not m.group("scale"):
            continue
        v = _value(num)
        if v is None:
            continue
        scale_word = (m.group("scale") or "").lower()
        scale = SCALES.get(scale_word, 1.0)
        cur, unit = (m.group("cur") or "").lower(), (m.group("unit") or "").lower()
        if not cur and not unit and not scale_word and YEAR.match(num):
            continue  # a year, not a quantity
        if not cur and not unit and not scale_word and _word_value(num) is not None and v <= 1:
            continue  # "one of the", "a"
        unit_name = CURRENCY.get(cur) or CURRENCY.get(unit) or PERCENT.get(unit)
        rel = RELATIONS.get((m.group("rel") or "").lower()) if m.group("rel") else None
        value = v * scale
        tol = _precision(num, scale)
        low, high = _interval(rel, value, tol)
        out.append(Quantity(m.group(0), m.start(), m.end(), low, high, value, unit_name, rel, tol))
    return out


def consistent(claim: Quantity, source: Quantity) -> bool:
    """The source's interval lies inside the claim's, and the units agree
    (a bare figure in one and a unit in the other agree)."""
    if claim.unit and source.unit and claim.unit != source.unit:
        return False
    if claim.relation and claim.relation == source.relation:  # 'up to 5,000' is not 'up to 3,000'
        return abs(claim.value - source.value) <= claim.tol + 1e-9
    return claim.low <= source.low + 1e-9 and source.high <= claim.high + 1e-9 if (
        source.relation or claim.relation) else claim.low - 1e-9 <= source.value <= claim.high + 1e-9


def same_unit(a: Quantity, b: Quantity) -> bool:
    return a.unit == b.unit or not a.unit or not b.unit


def compare_quantities(claim_q: list[Quantity], source_q: list[Quantity]) -> list[str]:
    """One reason per claim figure that no source figure supports
    ("claim says more than 30, source says 25"); [] when all agree."""
    reasons: list[str] = []
    for q in claim_q:
        if any(consistent(q, s) for s in source_q):
            continue
        used = [s for s in source_q if any(consistent(o, s) for o in claim_q if o is not q)]
        pool = [s for s in source_q if same_unit(q, s) and s not in used] or [s for s in source_q if s not in used] \
            or source_q
        if not pool:
            reasons.append(f"number: the claim's '{q.text}' has no figure in the passage")
            continue
        near = min(pool, key=lambda s: abs(math.log10(max(abs(s.value), 1e-9)) - math.log10(max(abs(q.value), 1e-9))))
        kind = "unit" if q.unit and near.unit and q.unit != near.unit else "number"
        reasons.append(f"{kind}: the claim says '{q.text}', the passage says '{near.text}'")
    return reasons
