"""Write the JSON Schemas of the Report and of eval fixtures to
verifier/schemas/*.json. Run `python -m verifier.schema_export` after a model
change; a test fails when the committed files differ from the models."""

from __future__ import annotations

import json
from pathlib import Path

SCHEMA_DIR = Path(__file__).parent / "schemas"


def generated() -> dict[str, str]:
    from verifier.fixtures import Fixture
    from verifier.schemas import Report

    def dump(model) -> str:
        return json.dumps(model.model_json_schema(), indent=2, sort_keys=True) + "\n"

    return {"report.schema.json": dump(Report), "fixture.schema.json": dump(Fixture)}


def main() -> None:
    SCHEMA_DIR.mkdir(exist_ok=True)
    for name, text in generated().items():
        (SCHEMA_DIR / name).write_text(text, encoding="utf-8")
        print(f"wrote {SCHEMA_DIR / name}")


if __name__ == "__main__":
    main()
