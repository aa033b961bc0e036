"""No text silently lost: HTML only when the input is HTML, and every analysis says when
it did not read every word of its input (reliability review, D1)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import warnings

import pytest

from framingkit.document import html_to_text, load_article
from framingkit.errors import IncompleteTextWarning
from framingkit.textio import looks_like_html

#: Plain text about web security that names tags; an unclosed <script> and <svg> among them.
ABOUT_TAGS = """Browsers ignore bad markup

Security researchers said the forum let anyone post a <script> tag inside a comment, and the
page then ran it for every visitor.

The flaw was {how} and the vendor {knew} about it for months, they claimed.

A <p> or <br> tag is harmless, but an <svg onload=alert(1)> element is not.

A fix is now available, and users should update their browsers today.
"""
SEC_A = ABOUT_TAGS.format(how="massive", knew="undoubtedly knew")
SEC_B = ABOUT_TAGS.format(how="minor", knew="may have known")


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z]+", text)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "framingkit", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    "text",
    [
        SEC_A,
        "Wrap each paragraph in <p> and </p>, and a line break is <br>.\n\nThat is all.",
        "Markdown may hold <br> tags.<br>\n\nAnd a <div> or two, unclosed: <script> x",
    ],
)
def test_prose_about_tags_is_text(text: str) -> None:
    assert not looks_like_html(text)
    art = load_article(text)
    assert art.source_format == "text" and art.coverage_note is None
    analysed = " ".join(p.text for p in art.paragraphs)
    assert _words(analysed) == _words(text)  # every word, in order


@pytest.mark.parametrize(
    "page",
    [
        "<!DOCTYPE html><html><body><p>One.</p></body></html>",
        "<html><body><h1>Big news</h1><p>It happened.</p></body></html>",
        "<h1>Title</h1>\n<p>One paragraph.</p>\n<p>Another one.</p>",
        "  <!-- saved page -->\n<div class='story'>\n<p>Text.</p>\n</div>",
    ],
)
def test_documents_are_html(page: str) -> None:
    assert looks_like_html(page)


def test_unclosed_script_in_a_page_swallows_nothing() -> None:
    page = (
        "<html><head><script>track()</script></head><body><h1>Forum flaw fixed</h1>"
        "<p>Researchers said anyone could post a <script> tag in a comment.</p>"
        "<p>The vendor knew about it for months.</p><p>A fix is now available.</p>"
        "</body></html>"
    )
    text = html_to_text(page)
    for words in ("The vendor knew about it for months.", "A fix is now available."):
        assert words in text
    assert "track" not in text  # a closed script is still left out
    art = load_article(page)
    assert art.source_format == "html" and art.coverage_note is None


def test_a_page_that_loses_words_says_so() -> None:
    """When the converter cannot recover the text (many unclosed <script> tags, each hiding
    the next), the article, every analysis and the command line say so."""
    from framingkit.claims import claims
    from framingkit.compare import compare
    from framingkit.spot import spot

    parts = [f"<p>Paragraph {i} mentions a <script> element and goes on.</p>" for i in range(14)]
    page = "<html><body><p>The council met on Monday.</p>\n" + "\n".join(parts) + "</body></html>"
    with pytest.warns(IncompleteTextWarning, match="Not all of the page was analysed"):
        art = load_article(page)
    assert art.coverage_note and "words" in art.coverage_note
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", IncompleteTextWarning)
        assert art.coverage_note in (spot(page).language_note or "")
        assert art.coverage_note in (claims(page).note or "")
        cmp = compare(page, page)
    assert "identical" not in (cmp.note or "") and art.coverage_note in cmp.note


def test_show_and_compare_lose_nothing(tmp_path) -> None:
    """The review's case: two different plain texts about tags are not "identical"; every
    word of each reaches show, and compare finds the changed words."""
    a, b = tmp_path / "sec_a.txt", tmp_path / "sec_b.txt"
    a.write_text(SEC_A, encoding="utf-8")
    b.write_text(SEC_B, encoding="utf-8")
    shown = _run("show", "--json", str(a))
    assert shown.returncode == 0, shown.stderr
    data = json.loads(shown.stdout)
    assert data["format"] == "text" and data["note"] is None
    para_words = _words(" ".join(p["text"] for p in data["paragraphs"]))
    assert para_words == _words(SEC_A.replace("\n", " "))
    out = _run("compare", "--json", str(a), str(b))
    assert out.returncode == 0, out.stderr
    cmp = json.loads(out.stdout)
    assert cmp["note"] is None or "identical" not in cmp["note"]
    changed = " ".join(c["a_text"] + " " + c["b_text"] for c in cmp["changes"])
    for word in ("massive", "minor", "may"):
        assert word in changed


def test_cli_prints_the_note_and_exits_3(tmp_path) -> None:
    parts = [f"<p>Part {i} names a <script> tag and goes on.</p>" for i in range(14)]
    page = tmp_path / "lossy.html"
    page.write_text("<html><body><p>It began.</p>" + "".join(parts) + "</body></html>")
    for args in (("show", str(page)), ("compare", str(page), str(page))):
        out = _run(*args)
        assert out.returncode == 3, out.stderr
        assert "Not all of the page was analysed" in out.stderr
        assert "Traceback" not in out.stderr and "identical" not in out.stdout
