"""Model settings: flags over environment over config file; clear errors."""

from __future__ import annotations

import json

import pytest

from llm_support import SECRET, clean_env, run_cli  # noqa: F401
from verifier.errors import ConfigError
from verifier.llm.settings import Price, Settings


def test_defaults(clean_env):
    cfg = Settings.load()
    assert (cfg.mode, cfg.llm_mode, cfg.temperature, cfg.seed, cfg.concurrency) == ("live", "tools", 0.0, None, 4)
    assert cfg.model_configured is False and cfg.config_path is None


def test_flags_over_environment_over_config_file(clean_env, monkeypatch):
    (clean_env / "verifier.toml").write_text(
        'model = "from-file"\ntimeout = 11\nconcurrency = 2\nllm_mode = "json"\nrecordings = "recs"\n'
        '[prices."from-file"]\ninput = 1.5\noutput = 2\n')
    cfg = Settings.load()
    assert (cfg.model, cfg.timeout, cfg.concurrency, cfg.llm_mode) == ("from-file", 11.0, 2, "json")
    assert cfg.recordings_dir == clean_env / "recs"            # relative to the config file
    assert cfg.price == Price(1.5, 2.0)
    monkeypatch.setenv("VERIFIER_MODEL", "from-env")
    monkeypatch.setenv("VERIFIER_TIMEOUT", "22")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:8080/v1")
    cfg = Settings.load()
    assert (cfg.model, cfg.timeout, cfg.concurrency) == ("from-env", 22.0, 2)
    assert cfg.model_configured
    cfg = Settings.load(model="from-flag", timeout=None)        # None = flag not given
    assert (cfg.model, cfg.timeout) == ("from-flag", 22.0)


def test_api_key_from_environment_is_never_shown(clean_env, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    cfg = Settings.load()
    assert cfg.api_key == SECRET and cfg.model_configured
    assert SECRET not in repr(cfg) and SECRET not in cfg.describe()
    monkeypatch.setenv("VERIFIER_API_KEY", "other")
    assert Settings.load().api_key == "other"


def test_replay_counts_as_configured(clean_env):
    (clean_env / "rec").mkdir()
    assert Settings.load(mode="replay", recordings_dir=clean_env / "rec").model_configured


@pytest.mark.parametrize("kwargs, message", [
    (dict(mode="fast"), "mode 'fast' is not one of live, record, replay, auto"),
    (dict(llm_mode="xml"), "llm_mode 'xml' is not one of tools, json_schema, json"),
    (dict(mode="record"), "mode 'record' needs a recordings directory"),
    (dict(mode="replay", recordings_dir="nowhere"), "recordings directory nowhere does not exist"),
    (dict(timeout="soon"), "timeout = 'soon' is not a number"),
    (dict(concurrency=0), "concurrency = 0 must be at least 1"),
    (dict(seed=1.5), "seed = 1.5 is not an integer"),
    (dict(base_url="localhost:8080"), "must start with http:// or https://"),
    (dict(max_cost=1), "max_cost needs a price for model 'gpt-4o-mini'"),
    (dict(colour="red"), "unknown model setting 'colour'"),
    (dict(config_path="missing.toml"), "config file missing.toml: no such file"),
])
def test_bad_settings_are_one_line_config_errors(clean_env, kwargs, message):
    with pytest.raises(ConfigError) as info:
        Settings.load(**kwargs)
    assert message in str(info.value) and "\n" not in str(info.value)


def test_bad_environment_value_names_the_variable(clean_env, monkeypatch):
    monkeypatch.setenv("VERIFIER_CONCURRENCY", "many")
    with pytest.raises(ConfigError, match="environment VERIFIER_CONCURRENCY: concurrency = 'many' is not an integer"):
        Settings.load()


def test_bad_config_file(clean_env):
    bad = clean_env / "bad.toml"
    bad.write_text("model = \n")
    with pytest.raises(ConfigError, match=r"config file .*bad.toml: not valid TOML"):
        Settings.load(config_path=bad)
    bad.write_text('modle = "x"\n')
    with pytest.raises(ConfigError, match="unknown setting 'modle'"):
        Settings.load(config_path=bad)
    bad.write_text('[prices.m]\ninput = 1\n')
    with pytest.raises(ConfigError, match="price for 'm' needs exactly input and output"):
        Settings.load(config_path=bad)


def test_price_table_file_and_prefix_match(clean_env):
    table = clean_env / "prices.json"
    table.write_text(json.dumps({"gpt-4o-mini": {"input": 0.15, "output": 0.6}}))
    cfg = Settings.load(model="gpt-4o-mini-2024-07-18", price_table=table, max_cost=0.5)
    assert cfg.price == Price(0.15, 0.6)
    assert cfg.price.cost(1_000_000, 1_000_000) == pytest.approx(0.75)


def test_cli_reports_a_bad_setting_in_one_line(clean_env):
    article = clean_env / "a.txt"
    article.write_text("Officials said the bridge will reopen in May.\n")
    out = run_cli("check", str(article), "--extractor", "llm", "--mode", "replay", "--recordings", "nowhere",
                  cwd=clean_env)
    assert out.returncode == 9
    assert out.stderr == "verifier: error: mode 'replay': recordings directory nowhere does not exist\n"


def test_config_file_verifier_table_and_foreign_tables(clean_env):
    cfg_file = clean_env / "shared.toml"
    cfg_file.write_text('[verifier]\nmodel = "in-table"\nmax_cost = 2\n\n[prices.in-table]\ninput = 1\noutput = 3\n\n'
                        '[review]\nreviewer = "ana"\n')
    cfg = Settings.load(config_path=cfg_file)
    assert cfg.model == "in-table" and cfg.price == Price(1.0, 3.0) and cfg.max_cost == 2.0
    flat = clean_env / "flat.toml"
    flat.write_text('model = "flat"\n[eval]\nrows = 1\n')
    assert Settings.load(config_path=flat).model == "flat"
