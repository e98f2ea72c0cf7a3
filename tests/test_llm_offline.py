"""Offline guarantees and packaging of the model layer: openai and instructor
are imported only where a model is called; prompts ship in the wheel and
are rendered without templating."""

from __future__ import annotations

import subprocess


from llm_support import PYTHON, clean_env, run_cli  # noqa: F401
from verifier.document import Document
from verifier.llm.chunking import chunk_document
from verifier.llm.prompts import load_prompts, render


def _python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, timeout=60)


def test_importing_verifier_and_loading_settings_never_imports_openai(clean_env):
    code = (
        "import sys, verifier\n"
        "from verifier.llm.settings import Settings\n"
        "from verifier.llm.extractor import LLMExtractor\n"
        "import verifier.llm.audit, verifier.commands.recordings, verifier.cli\n"
        "ex = LLMExtractor(Settings.load(base_url='http://127.0.0.1:9/v1'))\n"
        "heavy = [m for m in ('openai', 'instructor', 'httpx2', 'tenacity', 'jinja2') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    out = _python(code)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_help_does_not_import_openai(clean_env):
    out = _python("import sys; from verifier.cli import main\n"
                  "try:\n    main(['recordings', '--help'])\nexcept SystemExit:\n    pass\n"
                  "print('openai' in sys.modules, 'instructor' in sys.modules)")
    assert out.returncode == 0, out.stderr
    assert "List stale and orphaned recordings" in out.stdout
    assert out.stdout.strip().endswith("False False")


def test_render_is_one_pass_and_keeps_template_syntax():
    text = "{{ x }} {% if y %} [[context]] $HOME {#c#}"
    assert render("A [[text]] B [[context]]", text=text, context="C") == f"A {text} B C"


def test_prompt_messages_and_version():
    prompts = load_prompts()
    msgs = prompts.messages("Body {{ here }}.", context="")
    assert [m["role"] for m in msgs] == ["system", "user"]
    assert "Body {{ here }}." in msgs[1]["content"] and "Earlier paragraphs" not in msgs[1]["content"]
    with_ctx = prompts.messages("Body.", context="He is the mayor.")
    assert "Earlier paragraphs" in with_ctx[1]["content"] and "He is the mayor." in with_ctx[1]["content"]
    assert prompts.version.startswith("extract-") and len(prompts.version) == len("extract-") + 12
    assert load_prompts().version == prompts.version


def test_chunks_cover_the_document_in_order_with_context():
    paras = [f"Paragraph {i}: Mayor Lee said the plan number {i} is ready for a vote." for i in range(10)]
    doc = Document.from_text("\n\n".join(paras))
    chunks = chunk_document(doc, chunk_chars=200, context_chars=100)
    assert len(chunks) > 2
    assert chunks[0].start == 0 and chunks[-1].end == len(doc.text)
    for a, b in zip(chunks, chunks[1:]):
        assert a.end <= b.start and doc.text[a.end:b.start].strip() == ""
    assert all(len(c.text) <= 200 for c in chunks)
    assert chunks[0].context == "" and chunks[1].context and doc.text[: chunks[1].start].rstrip().endswith(chunks[1].context)
    one = chunk_document(doc, chunk_chars=10_000)
    assert len(one) == 1 and one[0].text == doc.text


def test_a_long_paragraph_is_cut_between_sentences():
    long = " ".join(f"Sentence {i} says the council met." for i in range(40))
    doc = Document.from_text(long)
    chunks = chunk_document(doc, chunk_chars=300, context_chars=50)
    assert len(chunks) > 3 and all(c.text.endswith(".") for c in chunks)


def test_prompts_ship_in_the_wheel(tmp_path):
    """setuptools' build_py lays out exactly what goes into the wheel (run on
    a copy, so the shared tree gets no build/ or egg-info)."""
    import shutil
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    src = tmp_path / "src"
    shutil.copytree(root / "verifier", src / "verifier", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(root / "pyproject.toml", src / "pyproject.toml")
    out = subprocess.run([PYTHON, "-c", "import setuptools; setuptools.setup()", "-q", "build_py", "--build-lib",
                          str(tmp_path / "lib")], cwd=src, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-500:]
    built = tmp_path / "lib" / "verifier" / "prompts"
    assert sorted(p.name for p in built.iterdir()) == sorted(
        f"{task}_{part}.txt" for task in ("extract", "hybrid", "sentences") for part in ("context", "system", "user"))
    assert (built / "extract_system.txt").read_text() == (root / "verifier/prompts/extract_system.txt").read_text()
