"""Model settings: from keyword arguments (CLI flags), the environment and a
TOML config file, in that order of precedence. Light: no openai import.

Environment:
    OPENAI_API_KEY, OPENAI_BASE_URL      the usual names, read first
    VERIFIER_<NAME>                      any setting below, e.g. VERIFIER_MODEL,
                                         VERIFIER_MODE, VERIFIER_LLM_MODE,
                                         VERIFIER_TIMEOUT, VERIFIER_MAX_COST;
                                         VERIFIER_RECORDINGS = recordings_dir;
                                         VERIFIER_API_KEY / VERIFIER_BASE_URL
                                         win over the OPENAI_ names.
    VERIFIER_CONFIG                      the config file

Config file (first found): `config_path` / VERIFIER_CONFIG, ./verifier.toml,
$XDG_CONFIG_HOME/verifier/config.toml (~/.config/verifier/config.toml):

    model = "gpt-4o-mini"
    base_url = "http://127.0.0.1:8080/v1"
    llm_mode = "json"
    timeout = 120
    max_cost = 0.50

    [prices."gpt-4o-mini"]          # US dollars per million tokens
    input = 0.15
    output = 0.60

A price table can also live in its own file (`price_table`, JSON or TOML,
`{"model": {"input": .., "output": ..}}`). A model without an exact entry
takes the longest entry its name starts with ("gpt-4o-mini-2024-07-18" ->
"gpt-4o-mini"). `max_cost` needs a price for the model in use.

The API key is never printed (repr hides it) and never written anywhere.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from verifier.errors import ConfigError

MODES = ("live", "record", "replay", "auto")
TASKS = ("claims", "sentences")
LLM_MODES = ("tools", "json_schema", "json", "ollama")
DEFAULT_MODEL = "gpt-4o-mini"
OPENAI_HOSTS = ("api.openai.com", ".openai.azure.com")


@dataclass(frozen=True)
class Price:
    """US dollars per million tokens."""

    input: float
    output: float

    def cost(self, prompt_tokens: int, completion_tokens: int) -> float:
        return (prompt_tokens * self.input + completion_tokens * self.output) / 1_000_000


@dataclass(frozen=True)
class Settings:
    model: str = DEFAULT_MODEL
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    mode: str = "live"
    recordings_dir: Path | None = None
    config_path: Path | None = None
    llm_mode: str = "tools"
    # what the llm extractor asks: "claims" (free claims with evidence,
    # through instructor, re-asked when invalid) or "sentences" (numbered
    # sentences in, each sentence's claims as its exact clause text out;
    # the schema in the request only, no re-ask)
    task: str = "claims"
    temperature: float = 0.0
    seed: int | None = None
    # seconds per request, all of it: connecting, sending, waiting and
    # reading the answer (a server trickling bytes cannot stretch it)
    timeout: float = 600.0
    concurrency: int = 4
    max_cost: float | None = None
    price_table: Path | None = None
    prices: dict[str, Price] = field(default_factory=dict, repr=False)
    # validation re-asks (instructor) after the first attempt
    max_reasks: int = 2
    # transport attempts per request (tenacity): first try + retries
    max_attempts: int = 5
    backoff_initial: float = 1.0
    backoff_max: float = 30.0
    max_retry_after: float = 120.0
    # chunking: paragraphs are grouped up to chunk_chars; each chunk carries
    # up to context_chars of the paragraphs before it (for pronouns)
    chunk_chars: int = 3000
    context_chars: int = 600
    max_tokens: int = 2048
    # caps on an answer: its body in bytes, and the items of any one list in
    # it (claims per chunk); None = derived from chunk_chars and max_tokens
    max_response_bytes: int | None = None
    max_claims: int | None = None
    # json mode: also send the schema inside response_format (llama.cpp,
    # vLLM and friends constrain output with it); None = unless the base URL
    # is OpenAI's or Azure's, which reject the extra field.
    json_schema_hint: bool | None = None
    # replay mode, hybrid extractor: a request whose candidates changed since
    # it was recorded reuses that recording's labels for the unchanged
    # candidates, with a warning (verifier/llm/stale.py), instead of failing
    replay_stale: bool = False

    # --- loading -----------------------------------------------------------
    @classmethod
    def load(cls, **overrides: Any) -> "Settings":
        """Settings from keyword arguments (None means "not given"), the
        environment and the config file. Bad values raise ConfigError."""
        names = {f.name for f in fields(cls)}
        aliases = {"recordings": "recordings_dir", "config": "config_path"}
        given: dict[str, tuple[Any, str]] = {}
        for key, value in overrides.items():
            key = aliases.get(key, key)
            if key not in names:
                raise ConfigError(f"unknown model setting '{key}' (known: {', '.join(sorted(names))})")
            if value is not None:
                given[key] = (value, f"argument {key}")

        env = _from_env(names)
        cfg_path = _config_path(given.get("config_path", env.get("config_path", (None, "")))[0])
        from_file = _from_file(cfg_path, names) if cfg_path else {}

        merged: dict[str, tuple[Any, str]] = {**from_file, **env, **given}
        values: dict[str, Any] = {}
        for name, (raw, origin) in merged.items():
            if name == "prices":
                continue
            values[name] = _coerce(name, raw, origin)
        if cfg_path:
            values["config_path"] = cfg_path

        prices: dict[str, Price] = {}
        if "prices" in from_file:
            prices.update(_parse_prices(from_file["prices"][0], from_file["prices"][1]))
        if values.get("price_table"):
            prices.update(_load_price_table(values["price_table"]))
        if "prices" in given:
            prices.update(_parse_prices(given["prices"][0], "argument prices"))
        values["prices"] = prices

        cfg = cls(**values)
        cfg._validate()
        return cfg

    def with_(self, **changes: Any) -> "Settings":
        return replace(self, **changes)

    def _validate(self) -> None:
        if self.mode not in MODES:
            raise ConfigError(f"mode '{self.mode}' is not one of {', '.join(MODES)}")
        if self.task not in TASKS:
            raise ConfigError(f"task '{self.task}' is not one of {', '.join(TASKS)}")
        if self.llm_mode not in LLM_MODES:
            raise ConfigError(f"llm_mode '{self.llm_mode}' is not one of {', '.join(LLM_MODES)}")
        if self.mode != "live" and self.recordings_dir is None:
            raise ConfigError(
                f"mode '{self.mode}' needs a recordings directory (--recordings DIR or VERIFIER_RECORDINGS)")
        if self.recordings_dir is not None and self.recordings_dir.exists() and not self.recordings_dir.is_dir():
            raise ConfigError(f"recordings directory {self.recordings_dir} is a file, not a directory")
        if self.mode == "replay" and self.recordings_dir is not None and not self.recordings_dir.is_dir():
            raise ConfigError(f"mode 'replay': recordings directory {self.recordings_dir} does not exist")
        if not self.model.strip():
            raise ConfigError("model name is empty")
        if self.max_cost is not None and self.price is None:
            raise ConfigError(
                f"max_cost needs a price for model '{self.model}': add [prices.\"{self.model}\"] "
                "input = ..., output = ... (dollars per million tokens) to the config file or a price_table file")
        if self.base_url is not None and not self.base_url.startswith(("http://", "https://")):
            raise ConfigError(f"base URL '{self.base_url}' must start with http:// or https://")

    # --- derived -------------------------------------------------------------
    @property
    def model_configured(self) -> bool:
        """True when a model can be called (API key or base URL), or when
        replaying recordings, which needs neither."""
        return bool(self.api_key or self.base_url) or self.mode == "replay"

    @property
    def price(self) -> Price | None:
        if self.model in self.prices:
            return self.prices[self.model]
        best = max((k for k in self.prices if self.model.startswith(k)), key=len, default=None)
        return self.prices[best] if best else None

    @property
    def response_bytes_cap(self) -> int:
        """The largest answer body read: an honest answer of max_tokens
        tokens, quoting a chunk twice over, is far below it."""
        if self.max_response_bytes is not None:
            return self.max_response_bytes
        return max(1 << 20, 32 * self.max_tokens + 8 * self.chunk_chars)

    @property
    def claims_cap(self) -> int:
        """The most claims one answer may hold for one chunk (a claim per
        20 characters of text is already absurd)."""
        if self.max_claims is not None:
            return self.max_claims
        return max(200, self.chunk_chars // 20)

    @property
    def send_json_schema_hint(self) -> bool:
        if self.json_schema_hint is not None:
            return self.json_schema_hint
        url = (self.base_url or "https://api.openai.com/v1").lower()
        host = url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
        return not any(host == h or (h.startswith(".") and host.endswith(h)) for h in OPENAI_HOSTS)

    def describe(self) -> str:
        """One line for humans: which model, where, how (never the key)."""
        where = self.base_url or "OpenAI API"
        extra = f", recordings {self.recordings_dir}" if self.mode != "live" else ""
        return f"model {self.model} at {where} ({self.llm_mode} mode, {self.mode}{extra})"


# --- helpers -------------------------------------------------------------------

_INT = {"seed", "concurrency", "max_reasks", "max_attempts", "chunk_chars", "context_chars", "max_tokens",
        "max_response_bytes", "max_claims"}
_FLOAT = {"temperature", "timeout", "max_cost", "backoff_initial", "backoff_max", "max_retry_after"}
_PATH = {"recordings_dir", "config_path", "price_table"}
_BOOL = {"json_schema_hint", "replay_stale"}
_MIN = {"concurrency": 1, "max_attempts": 1, "chunk_chars": 200, "max_tokens": 16, "timeout": 0.001,
        "max_reasks": 0, "context_chars": 0, "temperature": 0, "max_cost": 0, "backoff_initial": 0,
        "backoff_max": 0, "max_retry_after": 0, "max_response_bytes": 1024, "max_claims": 1}


def _coerce(name: str, raw: Any, origin: str) -> Any:
    try:
        if name in _INT:
            if isinstance(raw, bool) or (isinstance(raw, float) and not raw.is_integer()):
                raise ValueError
            value: Any = int(raw)
        elif name in _FLOAT:
            if isinstance(raw, bool):
                raise ValueError
            value = float(raw)
        elif name in _PATH:
            value = Path(os.path.expanduser(str(raw)))
        elif name in _BOOL:
            if isinstance(raw, bool):
                value = raw
            elif str(raw).strip().lower() in ("1", "true", "yes", "on"):
                value = True
            elif str(raw).strip().lower() in ("0", "false", "no", "off"):
                value = False
            elif str(raw).strip().lower() == "auto":
                value = None
            else:
                raise ValueError
        else:
            value = str(raw).strip()
            if name in ("mode", "llm_mode", "task"):
                value = value.lower().replace("-", "_")
            if name in ("base_url", "api_key") and value == "":
                value = None
    except (TypeError, ValueError):
        kind = "an integer" if name in _INT else "a number" if name in _FLOAT else "true, false or auto"
        raise ConfigError(f"{origin}: {name} = {raw!r} is not {kind}") from None
    if name in _MIN and value is not None and value < _MIN[name]:
        raise ConfigError(f"{origin}: {name} = {raw!r} must be at least {_MIN[name]}")
    return value


def _from_env(names: set[str]) -> dict[str, tuple[Any, str]]:
    out: dict[str, tuple[Any, str]] = {}
    for env_name, key in (("OPENAI_API_KEY", "api_key"), ("OPENAI_BASE_URL", "base_url"),
                          ("VERIFIER_RECORDINGS", "recordings_dir"), ("VERIFIER_CONFIG", "config_path")):
        if os.environ.get(env_name):
            out[key] = (os.environ[env_name], f"environment {env_name}")
    for name in sorted(names - {"prices"}):
        env_name = f"VERIFIER_{name.upper()}"
        if os.environ.get(env_name):
            out[name] = (os.environ[env_name], f"environment {env_name}")
    return out


def _config_path(explicit: Any) -> Path | None:
    if explicit:
        p = Path(os.path.expanduser(str(explicit)))
        if not p.is_file():
            raise ConfigError(f"config file {p}: no such file")
        return p
    local = Path("verifier.toml")
    if local.is_file():
        return local.absolute()
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    user = base / "verifier" / "config.toml"
    return user if user.is_file() else None


def _read_toml(path: Path) -> dict:
    import tomllib

    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path}: not valid TOML ({exc})") from None
    except OSError as exc:
        raise ConfigError(f"config file {path}: cannot be read ({exc.strerror or exc})") from None


def _from_file(path: Path, names: set[str]) -> dict[str, tuple[Any, str]]:
    data = _read_toml(path)
    section = data.get("verifier") if isinstance(data.get("verifier"), dict) else data
    out: dict[str, tuple[Any, str]] = {}
    for key, value in section.items():
        key = {"recordings": "recordings_dir"}.get(key, key)
        if key not in names or key == "config_path":
            if isinstance(value, dict):
                continue  # another component's table ([eval], [review] ...)
            raise ConfigError(f"config file {path}: unknown setting '{key}'")
        if key in _PATH and not os.path.isabs(os.path.expanduser(str(value))):
            value = str(path.parent / str(value))  # relative to the config file
        out[key] = (value, f"config file {path}")
    if section is not data and "prices" in data and "prices" not in out:
        out["prices"] = (data["prices"], f"config file {path}")
    return out


def _parse_prices(table: Any, origin: str) -> dict[str, Price]:
    if not isinstance(table, dict):
        raise ConfigError(f"{origin}: prices must be a table of model -> {{input, output}}")
    out = {}
    for model, entry in table.items():
        if isinstance(entry, Price):
            out[model] = entry
            continue
        if not isinstance(entry, dict) or set(entry) - {"input", "output"} or "input" not in entry or "output" not in entry:
            raise ConfigError(f"{origin}: price for '{model}' needs exactly input and output (dollars per million tokens)")
        try:
            price = Price(float(entry["input"]), float(entry["output"]))
        except (TypeError, ValueError):
            raise ConfigError(f"{origin}: price for '{model}' is not a number") from None
        if price.input < 0 or price.output < 0:
            raise ConfigError(f"{origin}: price for '{model}' is negative")
        out[model] = price
    return out


def _load_price_table(path: Path) -> dict[str, Price]:
    if not path.is_file():
        raise ConfigError(f"price table {path}: no such file")
    if path.suffix.lower() == ".toml":
        data = _read_toml(path)
        data = data.get("prices", data)
    else:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ConfigError(f"price table {path}: not valid JSON ({exc})") from None
    return _parse_prices(data, f"price table {path}")
