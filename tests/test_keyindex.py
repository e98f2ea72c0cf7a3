"""The on-disk sets and maps of a batch's bookkeeping (verifier/batch/keyindex.py):
set and map semantics, from several threads at once, and no file left behind."""

from __future__ import annotations

import os
import threading

from verifier.batch.keyindex import DiskLog, DiskMap, DiskSet


def test_a_disk_set_is_a_set_of_strings():
    s = DiskSet()
    assert not s and len(s) == 0 and "a" not in s
    assert s.add("a") and not s.add("a")
    s.update(f"k{i}" for i in range(25_000))  # more than one transaction
    s.update(["a", "k3"])
    assert len(s) == 25_001 and "k24999" in s and "k25000" not in s and None not in s
    assert "\udcff" not in s and s.add("\udcff") and "\udcff" in s  # a surrogate-escaped id is a key too


def test_a_disk_map_keeps_the_first_value_or_the_last_set():
    m = DiskMap()
    assert m.insert("h1", "a1") is None and m.insert("h1", "a2") == "a1"
    assert m.setdefault("h1", "zz") == "a1" and m.setdefault("h2", "b") == "b"
    m["h2"] = "c"
    m.update([("h3", "x"), ("h3", "y")])
    assert m.get("h2") == "c" and m.get("h3") == "y" and m.get("nope") is None and len(m) == 3


def test_threads_claim_each_key_once():
    m = DiskMap()
    won: list[tuple[int, str]] = []
    lock = threading.Lock()

    def claim(t: int) -> None:
        for i in range(500):
            if m.insert(f"h{i}", f"t{t}") is None:
                with lock:
                    won.append((t, f"h{i}"))

    threads = [threading.Thread(target=claim, args=(t,)) for t in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(k for _, k in won) == sorted(f"h{i}" for i in range(500))  # each key won exactly once
    assert all(m.get(k) == f"t{t}" for t, k in won)


def test_a_log_reads_back_in_order_and_nothing_stays_on_disk(tmp_path, monkeypatch):
    monkeypatch.setenv("SQLITE_TMPDIR", str(tmp_path))
    log = DiskLog()
    for i in range(12_345):
        log.append(f"line {i}")
    assert list(log) == [f"line {i}" for i in range(12_345)]
    s = DiskSet()
    s.update(str(i) for i in range(50_000))  # beyond the page cache: spilled to a temporary file
    assert "49999" in s
    for t in (log, s):
        t.close()
    assert os.listdir(tmp_path) == []
