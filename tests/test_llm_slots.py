"""The extractors ask a model server how many requests it answers at once
(llama.cpp: GET /props total_slots; llama-cpp-python: its models owned by
"me") and send no more at a time, saying so in the report."""

from __future__ import annotations

import threading
import time

import pytest

from fault_server import RawServer
from llm_support import clean_env, fast, server  # noqa: F401
from openai_server import AUTH_HEADER, Reply, structured
from verifier.extractors.hybrid import HybridExtractor
from verifier.llm import slots
from verifier.llm.settings import Settings
from verifier.pipeline import Verifier

# four chunks of about 250 characters: four requests for one article
ARTICLE = "".join(f"Officials in district {i} said the bridge number {i} will reopen in May after the long repairs. "
                  f"The closure of bridge {i} has cost the shops along the river dearly this year.\n\n"
                  for i in range(4))


def in_flight_peak(server) -> list[int]:
    """Answers 0.3 s late and records the most chat requests in flight at once."""
    lock, now, peak = threading.Lock(), [0], [0]

    def answer(req):
        with lock:
            now[0] += 1
            peak[0] = max(peak[0], now[0])
        time.sleep(0.3)
        with lock:
            now[0] -= 1
        return Reply(body=structured({"asserted": [], "sources": [], "ambiguous": []})(req).body)

    server.default = answer
    return peak


def run(server, **settings):
    return Verifier(HybridExtractor(base_url=server.url, **fast(llm_mode="json", chunk_chars=300, **settings))).check(ARTICLE)


def test_a_one_slot_llama_cpp_server_gets_one_request_at_a_time(server, clean_env):
    server.props = {"total_slots": 1, "default_generation_settings": {}}
    peak = in_flight_peak(server)
    report = run(server, concurrency=4)
    assert len(server.chat_requests) == 4 and peak[0] == 1
    assert any("1 slot" in w and "concurrency 4" in w for w in report.warnings)


def test_a_llama_cpp_python_server_is_one_slot(server, clean_env):
    server.owned_by = "me"
    peak = in_flight_peak(server)
    report = run(server, concurrency=3)
    assert peak[0] == 1 and any("1 slot" in w for w in report.warnings)


def test_a_server_with_enough_slots_gets_the_configured_concurrency(server, clean_env):
    server.props = {"total_slots": 4}
    peak = in_flight_peak(server)
    report = run(server, concurrency=4)
    assert peak[0] > 1 and not any("slot" in w for w in report.warnings)


def test_a_server_that_does_not_say_keeps_the_configured_concurrency(server, clean_env):
    peak = in_flight_peak(server)  # /props is a 404, the model has no owner
    report = run(server, concurrency=4)
    assert peak[0] > 1 and not any("slot" in w for w in report.warnings)


def test_the_probe_is_bounded_and_sends_no_credentials(server, clean_env):
    server.props = {"total_slots": 2}
    assert slots.server_slots(server.url) == 2
    got = [r for r in server.requests if r.path.endswith("/props")]
    assert got and all(AUTH_HEADER not in r.headers for r in got)
    t0 = time.monotonic()
    assert slots.server_slots("http://127.0.0.1:9/v1", timeout=0.5) is None  # nothing listens
    assert time.monotonic() - t0 < 2


@pytest.mark.parametrize("behaviour", ["trickle", "trickle_headers", "endless"])
def test_a_server_that_trickles_or_never_ends_its_answer_is_given_up_on_in_time(behaviour):
    with RawServer(behaviour, interval=0.1, give_up=20) as raw:  # every byte well within the socket timeout
        t0 = time.monotonic()
        assert slots.server_slots(raw.url, timeout=0.5) is None
        assert time.monotonic() - t0 < 1.5  # two GETs of at most 0.5 s each


def test_replay_and_single_requests_never_ask(clean_env):
    cfg = Settings.load(model="m", base_url="http://127.0.0.1:9/v1", mode="replay", concurrency=4,
                        recordings=str(clean_env))
    assert slots.usable_concurrency(cfg) == (4, None)
    one = Settings.load(model="m", base_url="http://127.0.0.1:9/v1", concurrency=1)
    assert slots.usable_concurrency(one) == (1, None)


def test_a_batch_with_more_articles_in_flight_than_slots_says_so(tmp_path):
    import json
    import os
    import subprocess
    import sys

    from fault_server import FaultServer
    from llm_support import fake_key

    jl = tmp_path / "in.jsonl"
    jl.write_text("".join(json.dumps({"id": f"a{i}", "text": f"Officials said bridge {i} will reopen."}) + "\n"
                          for i in range(3)))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "VERIFIER_"))}
    env.update(OPENAI_API_KEY=fake_key("slots-batch-0123456789"), XDG_CONFIG_HOME=str(tmp_path / "xdg"))
    with FaultServer() as server:
        server.owned_by = "me"
        run = [sys.executable, "-m", "verifier.cli", "check", str(jl), "-e", "llm", "--base-url", server.url,
               "--model", "m", "--no-progress"]
        four = subprocess.run(run + ["-o", str(tmp_path / "a.jsonl"), "-j", "4"], capture_output=True, text=True,
                              env=env, timeout=120)
        one = subprocess.run(run + ["-o", str(tmp_path / "b.jsonl"), "-j", "1"], capture_output=True, text=True,
                             env=env, timeout=120)
    assert four.returncode == 0 and one.returncode == 0, four.stderr + one.stderr
    assert "answers 1 request at a time: -j 4 gains nothing" in four.stderr
    assert "at a time: -j" not in one.stderr
