from __future__ import annotations

import pytest

from verifier.document import Document
from verifier.errors import BinaryInput, EmptyInput, InputIsDirectory, InputNotFound, MalformedInput


def test_paragraphs_headings_and_sentences_have_exact_offsets():
    text = ("Mayor Ana Ruiz said the bridge will reopen in May. Critics disagreed.\n"
            "Traffic Plans Change\n"
            "The council voted 7 to 2 on Monday. It met for four hours.\n")
    doc = Document.from_text(text)
    kinds = [b.kind for b in doc.blocks]
    assert kinds == ["paragraph", "heading", "paragraph"]
    spans = [doc.text[s.start:s.end] for s in doc.sentences]
    assert spans == ["Mayor Ana Ruiz said the bridge will reopen in May.", "Critics disagreed.",
                     "Traffic Plans Change", "The council voted 7 to 2 on Monday.", "It met for four hours."]
    assert doc.in_heading(doc.text.index("Traffic"), doc.text.index("Traffic") + 7)
    assert not doc.in_heading(0, 5)


def test_blank_line_paragraphs_keep_wrapped_lines_together():
    text = "# The Title\n\nFirst line of a paragraph\nwrapped here. Second sentence.\n\nAnother one.\n"
    doc = Document.from_text(text, source="a.md")
    assert doc.format == "markdown"
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "paragraph"]
    assert doc.title == "The Title"
    para = doc.blocks[1]
    assert doc.text[para.start:para.end].startswith("First line") and "wrapped here" in doc.text[para.start:para.end]


def test_bom_and_crlf_are_normalized_and_hash_is_stable():
    a = Document.from_bytes("\ufeffOne said it.\r\nTwo.\r\n".encode("utf-8"))
    b = Document.from_bytes(b"One said it.\nTwo.\n")
    assert a.text == b.text == "One said it.\nTwo.\n"
    assert a.hash == b.hash and len(a.hash) == 64


def test_html_is_reduced_to_article_text():
    html = ("<html><head><title>Port Strike Ends</title><script>alert('x')</script></head><body>"
            "<nav>Home | News</nav><article><h1>Port Strike Ends</h1>"
            "<p>Dock workers returned on Monday after a nine-day strike, the union said.</p>"
            "<p>The port handles a third of the country's container traffic.</p></article></body></html>")
    doc = Document.from_text(html, source="page.html")
    assert doc.format == "html"
    assert "Dock workers returned on Monday" in doc.text
    assert "alert(" not in doc.text and "<p>" not in doc.text


@pytest.mark.parametrize("data,error", [
    (b"", EmptyInput), (b"   \n\t  \n", EmptyInput), (b"\x00\x01\x02binary\x00", BinaryInput),
    (b"caf\xe9 au lait costs more", MalformedInput),
])
def test_bad_bytes_raise_clear_errors(data, error):
    with pytest.raises(error) as info:
        Document.from_bytes(data, source="x.txt")
    assert "x.txt" in str(info.value) and "\n" not in str(info.value)


def test_missing_path_and_directory(tmp_path):
    with pytest.raises(InputNotFound):
        Document.from_path(tmp_path / "nope.txt")
    with pytest.raises(InputIsDirectory):
        Document.from_path(tmp_path)


def test_title_abbreviations_do_not_end_a_sentence():
    # the splitter on its own cuts "I met Dr." off "Who."
    doc = Document.from_text("The vote was close. I met Dr. Who at the hearing. It ended at noon.")
    assert [doc.text[s.start:s.end] for s in doc.sentences] == [
        "The vote was close.", "I met Dr. Who at the hearing.", "It ended at noon."]


def test_a_sentence_starting_with_a_title_is_its_own_sentence():
    # the splitter on its own never ends a sentence before "Mr.", "Dr." or "Sen."
    doc = Document.from_text('The ferry was late again. Mr. Berg said the engine had failed. "We are done." '
                             "Dr. Lind agreed. It left at 8 p.m. Sen. Ruiz was on board.")
    assert [doc.text[s.start:s.end] for s in doc.sentences] == [
        "The ferry was late again.", "Mr. Berg said the engine had failed.", '"We are done."', "Dr. Lind agreed.",
        "It left at 8 p.m.", "Sen. Ruiz was on board."]
