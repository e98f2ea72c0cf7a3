"""What may reach a terminal: the one sanitizer for text shown to a person.

Article text, model answers, server messages, file names and JSONL ids are
all untrusted. Written to a terminal as they are, an ESC sequence sets the
window title, clears the screen, switches to the alternate screen or plants
a hyperlink; a carriage return or a newline in a file name forges a line of
our own output; a bidi override (U+202E ...) shows text in another order
than the one it has. Every string that reaches a terminal goes through one
of these functions first:

    display(text)    prose (the terminal view, review screens): newline and
                     tab kept; every other C0 control, DEL, every C1 control,
                     the bidi embeddings, overrides and isolates, and lone
                     surrogates become one visible character each (C0 as its
                     Control Picture, ␛ for ESC; the others U+FFFD), so
                     offsets into the text stay valid
    one_line(text)   a message, a file name or an id on one line: the same
                     characters, and newline, tab and the line separators,
                     written as escapes (\\n, \\x1b, \\u202e); a name with a
                     newline can never start a line of its own
    is_clean(text)   True when `display` would change nothing
    json_text(json)  serialized JSON with DEL, every C1 control, the bidi
                     controls, U+2028/U+2029 and lone surrogates written as
                     \\uXXXX escapes (JSON itself escapes C0): the same data
                     to any JSON parser, nothing a terminal obeys

The rule, by output:

- views for people (the terminal and plain-text views, Markdown, HTML):
  the Report goes through `display` (verifier/render/safe.py), wherever
  the view is written, a terminal, a pipe or a file; the JSON keeps the
  exact text;
- JSON and JSONL (`-f json`, `verifier logs --json/--show`): exact data,
  written through `json_text`, the same bytes to a terminal, a pipe or a
  file (`cat report.json` cannot drive a terminal either);
- messages on stderr (errors, `-v` notes, logging records, batch lines):
  `one_line`.

Nothing else is altered: letters, accents, emoji and CJK pass through.
"""

from __future__ import annotations

import re

__all__ = ["BIDI_CONTROLS", "display", "is_clean", "json_text", "one_line", "UNSAFE"]

# embeddings, overrides and isolates (the Trojan Source set); the plain
# marks (U+200E/F, U+061C) do not reorder text and Arabic and Hebrew use them
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + BIDI_CONTROLS + "\ud800-\udfff]")
# JSON text: C0 is escaped by every JSON serializer; these are not (without ensure_ascii,
# which would escape every accent too), and may only occur inside strings
_JSON_UNSAFE = re.compile("[\x7f-\x9f" + BIDI_CONTROLS + "\u2028\u2029\ud800-\udfff]")
_LINE_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f" + BIDI_CONTROLS + "\u2028\u2029\ud800-\udfff]")


def _picture(m: re.Match) -> str:
    c = ord(m.group(0))
    if c < 0x20:
        return chr(0x2400 + c)    # ␀ .. ␟ (␛ for ESC)
    if c == 0x7F:
        return "\u2421"           # ␡
    return "\ufffd"


def _escape(m: re.Match) -> str:
    ch = m.group(0)
    c = ord(ch)
    if ch == "\n":
        return "\\n"
    if ch == "\t":
        return "\\t"
    if ch == "\r":
        return "\\r"
    if 0xDC80 <= c <= 0xDCFF:     # a byte that was not UTF-8 (a file name read with surrogateescape)
        return f"\\x{c - 0xDC00:02x}"
    if c <= 0xFF:
        return f"\\x{c:02x}"
    return f"\\u{c:04x}"


def display(text: str | None) -> str:
    """Prose for a terminal: newline and tab kept, every other control
    character replaced by one visible character (length unchanged)."""
    if not text:
        return text or ""
    return UNSAFE.sub(_picture, text)


def one_line(text: object, limit: int | None = None) -> str:
    """A message, file name or id for one terminal line: controls,
    newlines, tabs, bidi controls and undecodable bytes escaped. With
    `limit`, cut to that many characters after escaping (with …)."""
    s = text if isinstance(text, str) else str(text)
    s = _LINE_UNSAFE.sub(_escape, s)
    if limit is not None and len(s) > limit:
        s = s[: max(limit - 1, 0)] + "…"
    return s


def is_clean(text: str) -> bool:
    return not UNSAFE.search(text or "")


def json_text(serialized: str) -> str:
    """Serialized JSON (pydantic's or json.dumps(ensure_ascii=False)'s) with
    the characters a terminal obeys and JSON leaves raw written as \\u
    escapes: parsed, it gives the same data; shown, it drives nothing."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", serialized)
