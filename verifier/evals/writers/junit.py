"""JUnit XML (`verifier eval --junit FILE`): one test suite per row, one
test case per fixture.

A fixture's test case fails when, compared with the baseline, more of its
gold claims got worse (final label broken, or no longer matched) than got
better; its output lists those claims. Without --compare every case passes
and carries the fixture's scores. The exit code of `verifier eval` is
decided by the overall metrics and their tolerances, not by these cases.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from verifier.evals.baseline import Comparison
from verifier.evals.writers import RunInfo, fmt


def to_junit(results: list, info: RunInfo, comparison: Comparison | None = None) -> str:
    suites = ET.Element("testsuites", name="verifier eval")
    total_tests = total_fail = 0
    for r in results:
        rc = comparison.row(r.name) if comparison else None
        balance = rc.fixture_balance() if rc else {}
        suite = ET.SubElement(suites, "testsuite", name=f"eval.{r.name}")
        fails = 0
        for pf in r.per_fixture:
            fid = pf["fixture"]
            m = pf["metrics"]
            case = ET.SubElement(suite, "testcase", classname=f"eval.{r.name}", name=fid,
                                 time=f"{pf['seconds']:.3f}")
            c = pf["counts"]
            summary = (f"gold {c['gold']}, predicted {c['pred']}, matched {c['matched']}; "
                       f"extraction F1 {fmt(m['extraction.f1'])}, final label accuracy "
                       f"{fmt(m['label.final.accuracy'])}, checker {fmt(m['label.checker.accuracy'])}, "
                       f"extractor {fmt(m['label.extractor.accuracy'])}, speaker {fmt(m['speaker.accuracy'])}")
            if rc and balance.get(fid, 0) < 0:
                worse = [f for f in rc.flips if f.fixture == fid and f.source == "final" and f.kind in ("broken", "lost")]
                lines = [f"{f.claim}: {f.kind} ({f.before} -> {f.after})" for f in worse]
                fail = ET.SubElement(case, "failure", message=f"{len(worse)} claims worse than the baseline",
                                     type="EvalRegression")
                fail.text = "\n".join(lines)
                fails += 1
            ET.SubElement(case, "system-out").text = summary
        suite.set("tests", str(len(r.per_fixture)))
        suite.set("failures", str(fails))
        suite.set("errors", "0")
        suite.set("time", f"{r.seconds:.3f}")
        total_tests += len(r.per_fixture)
        total_fail += fails
    suites.set("tests", str(total_tests))
    suites.set("failures", str(total_fail))
    suites.set("errors", "0")
    suites.set("time", f"{info.seconds:.3f}")
    ET.indent(suites)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
