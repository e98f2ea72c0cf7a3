"""Settings of `verifier eval`, kept in one place: evals/eval.toml.

    fixtures = "fixtures"          # relative to this file
    baseline = "baseline.json"
    min_overlap = 0.3              # see verifier.evals.align
    bootstrap = 1000               # resamples for the 95% intervals (0: none)
    seed = 0

    [[row]]                        # one row per extractor/model
    name = "rules"
    extractor = "rules"

    [[row]]
    name = "qwen2.5-coder-1.5b"
    extractor = "llm"
    model = "qwen2.5-coder-1.5b-instruct"
    recordings = "recordings/qwen2.5-coder-1.5b-instruct"
    enabled = true                 # false: only run when named with --row
    settings = { llm_mode = "json_schema" }   # more Verifier(...) settings

Flags of `verifier eval` override these; with no file, one "rules" row.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from verifier.errors import ConfigError, InputNotFound

DEFAULT_CONFIG = Path("evals/eval.toml")
_ROW_KEYS = {"name", "extractor", "model", "recordings", "enabled", "settings"}
_TOP_KEYS = {"fixtures", "baseline", "min_overlap", "bootstrap", "seed", "row"}


def slug(model: str) -> str:
    """A directory-safe name for a model: 'Qwen/Qwen2.5 1.5B' -> 'qwen-qwen2.5-1.5b'."""
    return re.sub(r"[^a-z0-9._-]+", "-", model.lower()).strip("-.") or "model"


@dataclass
class Row:
    name: str
    extractor: str = "rules"
    model: str | None = None
    recordings: Path | None = None
    enabled: bool = True
    settings: dict = field(default_factory=dict)
    adhoc: bool = False  # made from --model on the command line, not from eval.toml

    @property
    def uses_model(self) -> bool:
        return self.extractor in ("llm", "hybrid")

    def describe(self) -> str:
        return f"{self.extractor}" + (f" ({self.model})" if self.model else "")


@dataclass
class EvalConfig:
    fixtures: Path = Path("evals/fixtures")
    baseline: Path = Path("evals/baseline.json")
    min_overlap: float = 0.3
    bootstrap: int = 1000
    seed: int = 0
    rows: list[Row] = field(default_factory=lambda: [Row("rules")])
    path: Path | None = None

    def row(self, name: str) -> Row:
        for r in self.rows:
            if r.name == name:
                return r
        known = ", ".join(r.name for r in self.rows) or "none"
        raise ConfigError(f"no eval row named '{name}' in {self.path or 'the settings'} (rows: {known})")


def load_config(path: Path | None = None) -> EvalConfig:
    """Read eval.toml; `path=None` means evals/eval.toml if it exists, else
    the built-in defaults."""
    if path is None:
        if not DEFAULT_CONFIG.is_file():
            return EvalConfig()
        path = DEFAULT_CONFIG
    if not path.is_file():
        raise InputNotFound(f"{path}: no such eval settings file")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) {', '.join(sorted(unknown))} "
                          f"(known: {', '.join(sorted(_TOP_KEYS))})")
    base = path.parent
    cfg = EvalConfig(path=path)
    try:
        if "fixtures" in data:
            cfg.fixtures = base / str(data["fixtures"])
        else:
            cfg.fixtures = base / "fixtures"
        cfg.baseline = base / str(data.get("baseline", "baseline.json"))
        cfg.min_overlap = float(data.get("min_overlap", cfg.min_overlap))
        cfg.bootstrap = int(data.get("bootstrap", cfg.bootstrap))
        cfg.seed = int(data.get("seed", cfg.seed))
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{path}: bad value ({exc})") from None
    if not 0 < cfg.min_overlap <= 1:
        raise ConfigError(f"{path}: min_overlap must be in (0, 1], got {cfg.min_overlap}")
    rows = data.get("row", [])
    if not isinstance(rows, list) or not rows:
        raise ConfigError(f"{path}: needs at least one [[row]] table")
    cfg.rows = []
    for i, r in enumerate(rows, 1):
        if not isinstance(r, dict) or "name" not in r:
            raise ConfigError(f"{path}: row {i} needs a name")
        unknown = set(r) - _ROW_KEYS
        if unknown:
            raise ConfigError(f"{path}: row '{r['name']}': unknown key(s) {', '.join(sorted(unknown))}")
        extractor = str(r.get("extractor", "rules"))
        if extractor not in ("rules", "llm", "hybrid"):
            raise ConfigError(f"{path}: row '{r['name']}': extractor must be rules, llm or hybrid, not '{extractor}'")
        model = r.get("model")
        if extractor in ("llm", "hybrid") and not model:
            raise ConfigError(f"{path}: row '{r['name']}': an llm row needs a model")
        rec = r.get("recordings")
        recordings = base / str(rec) if rec else (base / "recordings" / slug(model) if model else None)
        settings = r.get("settings", {})
        if not isinstance(settings, dict):
            raise ConfigError(f"{path}: row '{r['name']}': settings must be a table")
        if any(x.name == r["name"] for x in cfg.rows):
            raise ConfigError(f"{path}: two rows named '{r['name']}'")
        cfg.rows.append(Row(name=str(r["name"]), extractor=extractor, model=model, recordings=recordings,
                            enabled=bool(r.get("enabled", True)), settings=dict(settings)))
    return cfg
