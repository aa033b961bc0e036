"""Bad input in a notebook shows one sentence, not a traceback."""

from __future__ import annotations

import json
import subprocess
import sys

from framingkit.errors import InputError, install_notebook_handler


def test_outside_a_kernel_nothing_is_installed() -> None:
    assert install_notebook_handler() is False
    assert str(InputError("One sentence.")) == "One sentence."


def test_input_error_in_a_kernel_is_one_line(tmp_path) -> None:
    nb = {
        "cells": [
            {
                "cell_type": "code",
                "metadata": {},
                "execution_count": None,
                "outputs": [],
                "source": "from framingkit import load_article\nload_article('no_such_file.txt')",
            }
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    # a real, fresh kernel of this environment, run in-process by nbclient (what
    # ``jupyter nbconvert --execute`` does, without starting and importing nbconvert)
    import nbformat
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient

    km = KernelManager(kernel_name="python3")
    km.kernel_spec.argv[0] = sys.executable
    node = nbformat.from_dict(nb)
    client = NotebookClient(
        node, km=km, timeout=120, allow_errors=True, resources={"metadata": {"path": tmp_path}}
    )
    client.execute()
    outputs = json.loads(json.dumps(node))["cells"][0]["outputs"]
    text = "".join("".join(o.get("text", "")) for o in outputs)
    assert text == "InputError: The file 'no_such_file.txt' does not exist.\n"
    assert not any(o["output_type"] == "error" for o in outputs)


# --------------------------------------------------------------------------- the Python API
# (reliability review, D7 and D11): wrong arguments are refused in one sentence that names
# the function the user called; "" is refused by every analysis alike.

import pytest  # noqa: E402

from framingkit import load_article  # noqa: E402

SEED = "seeds/original_telegraph.txt"


def _analyses():
    from framingkit.claims import claims, headline_support
    from framingkit.compare import compare
    from framingkit.spot import profile, spot

    return {
        "load_article": load_article,
        "spot": spot,
        "claims": claims,
        "headline_support": headline_support,
        "compare": lambda x: compare(x, SEED),
        "profile": lambda x: profile(x, SEED),
    }


@pytest.mark.parametrize("empty", ["", "  \n\t "])
def test_empty_text_is_refused_by_every_analysis(empty) -> None:
    for name, fn in _analyses().items():
        with pytest.raises(InputError, match=r"^The text is empty; there is nothing to analyse"):
            fn(empty)
        assert name


def test_errors_name_the_function_called() -> None:
    from framingkit.claims import claims
    from framingkit.compare import compare
    from framingkit.spot import spot

    for name, call in (
        ("spot", lambda: spot(None)),
        ("claims", lambda: claims(3)),
        ("compare", lambda: compare(None, SEED)),
        ("compare", lambda: compare(SEED, b"bytes")),
        ("load_article", lambda: load_article([])),
    ):
        with pytest.raises(InputError, match=rf"^{name}\(\) takes a file path or a text string"):
            call()


@pytest.mark.parametrize(
    ("student", "reference", "text", "says"),
    [
        (None, [], "A text.", "the student's spans as a list"),
        (3, [], "A text.", "not int"),
        ("massive", [], "A text.", "not str"),
        (["a"], None, "A text.", "the reference spans as a list"),
        (["a"], [], None, "the text as a string, not NoneType"),
        (["a"], [], 42, "not int"),
    ],
)
def test_score_spans_refuses_wrong_types(student, reference, text, says) -> None:
    from framingkit.spot import score_spans

    with pytest.raises(InputError, match=says):
        score_spans(student, reference, text)


def test_score_spans_names_article_text() -> None:
    from pathlib import Path

    from framingkit.spot import score_spans

    art = load_article(SEED)
    with pytest.raises(InputError, match=r"pass article\.text"):
        score_spans(["massive"], [], art)
    for wrong in (art, Path(SEED)):
        with pytest.raises(InputError, match="student's spans as a list"):
            score_spans(wrong, [], art.text)
    assert score_spans(["massive"], ["massive"], art.text).f1 == 1.0


def test_readme_import_gives_the_functions() -> None:
    """`from framingkit.spot import spot, profile` gives functions in any import order."""
    code = (
        "import types\n"
        "{first}\n"
        "from framingkit.spot import spot, profile\n"
        "assert not isinstance(profile, types.ModuleType), profile\n"
        "p = profile('seeds/original_telegraph.txt', 'seeds/republished_2023-03-28.txt')\n"
        "print(type(p).__name__)\n"
    )
    for first in ("", "from framingkit.spot.profile import Profile", "import framingkit.spot"):
        out = subprocess.run(
            [sys.executable, "-c", code.format(first=first)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert out.stdout.strip() == "Profile", out.stderr


def test_pdf_named_before_binary(tmp_path) -> None:
    from framingkit.textio import read_text

    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\x00\x00 stream")
    with pytest.raises(InputError, match="is a PDF or Word/zip file"):
        read_text(pdf)


def test_leading_dash_file_name_gets_a_hint(tmp_path) -> None:
    (tmp_path / "-dash.txt").write_text("Some text here. And more.", encoding="utf-8")
    cmd = [sys.executable, "-m", "framingkit", "show", "-dash.txt"]
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert out.returncode == 2
    assert "needs '--' before the file names, or './' in front (./-dash.txt)" in out.stderr
    ok = subprocess.run([*cmd[:-1], "--", "-dash.txt"], capture_output=True, cwd=tmp_path)
    assert ok.returncode == 0


def test_marks_around_punctuation_are_no_quotation() -> None:
    from framingkit.spot import spot

    text = 'It rained. "" and «» and “…”, then "rain" again.'
    art = load_article(text)
    assert [q.text for q in art.quotations] == ["rain"]
    # scare quotes are engagement: attribute (distance)
    assert [(s.text, s.category) for s in spot(text).spans] == [('"rain"', "attribute")]
