from verifier.schema_export import SCHEMA_DIR, generated
from verifier.schemas import Report
import verifier


def test_report_json_round_trips_losslessly():
    report = verifier.check("The minister said exports grew. This shows strength.", extractor="rules")
    again = Report.model_validate_json(report.model_dump_json())
    assert again == report
    assert again.model_dump_json() == report.model_dump_json()


def test_committed_json_schemas_match_the_models():
    for name, text in generated().items():
        committed = (SCHEMA_DIR / name).read_text(encoding="utf-8")
        assert committed == text, f"{name} is stale: run python -m verifier.schema_export"
