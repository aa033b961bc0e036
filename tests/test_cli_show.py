"""``framingkit show`` and the CLI's handling of bad input: one line on stderr, exit status 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from framingkit import textio
from framingkit.cli import main

from conftest import ROOT


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "framingkit", *args], capture_output=True, text=True, timeout=60
    )


def test_show_original(original_path, capsys):
    assert main(["show", str(original_path)]) == 0
    out = capsys.readouterr().out
    assert "Matthew Henderson" in out and "Opinion" in out and "The Telegraph" in out
    assert "scare" in out and "legitimacy" in out


def test_show_json_fields(republished_path, capsys):
    assert main(["show", str(republished_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["paratext"]["date"] == "2023-03-28"
    assert data["paratext"]["headline"] is None
    assert data["quotations"] == []
    assert {"index", "paragraph", "start", "end", "text", "repair"} <= set(data["sentences"][0])
    assert {"index", "role", "start", "end", "text"} <= set(data["paragraphs"][0])


def test_python_dash_m_and_help():
    r = run_cli("show", "--help")
    assert r.returncode == 0 and "example:" in r.stdout and "framingkit show" in r.stdout


def _bad_inputs(tmp_path):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:
        fh.seek(textio.MAX_BYTES + 10)
        fh.write(b"x")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n \t\n")
    (tmp_path / "binary.bin").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    )
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 au lait, na\xefve.".encode("latin-1"))
    (tmp_path / "utf16.txt").write_bytes("Hello there.".encode("utf-16"))
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n")
    return {
        "missing": (str(tmp_path / "nope.txt"), "does not exist"),
        "directory": (str(tmp_path), "is a directory"),
        "empty": (str(tmp_path / "empty.txt"), "is empty"),
        "blank": (str(tmp_path / "blank.txt"), "is empty"),
        "binary": (str(tmp_path / "binary.bin"), "binary file"),
        "latin1": (str(tmp_path / "latin1.txt"), "UTF-8 was expected"),
        "utf16": (str(tmp_path / "utf16.txt"), "UTF-8 was expected"),
        "pdf": (str(tmp_path / "doc.pdf"), "not plain text"),
        "huge": (str(big), "over the limit"),
    }


@pytest.mark.parametrize(
    "case", ["missing", "directory", "empty", "blank", "binary", "latin1", "utf16", "pdf", "huge"]
)
def test_bad_input_is_one_clear_line(case, tmp_path, capsys):
    path, phrase = _bad_inputs(tmp_path)[case]
    assert main(["show", path]) == 2
    captured = capsys.readouterr()
    err = captured.err.strip()
    assert captured.out == ""
    assert phrase in err
    assert "\n" not in err and "Traceback" not in err
    assert err.startswith("framingkit show: ")


def test_bad_input_in_a_real_process(tmp_path):
    r = run_cli("show", str(tmp_path / "missing.txt"))
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr


def test_usage_errors_exit_2():
    r = run_cli("show")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    r = run_cli("no-such-command")
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_lab_dry_run(capsys):
    assert main(["lab", "--no-browser", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "jupyterlab" in out and "--no-browser" in out


def test_import_framingkit_is_light():
    code = (
        "import sys, framingkit; framingkit.load_article('One. Two.');"
        "heavy = [m for m in ('matplotlib', 'ipywidgets', 'nbformat', 'jupyter_client', 'IPython')"
        " if m in sys.modules]; print(heavy)"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.stdout.strip() == "[]", r.stdout + r.stderr


def test_unwritable_output_is_one_line(tmp_path, capsys):
    missing = tmp_path / "no" / "such" / "folder"
    for argv in (
        [
            "claims",
            str(ROOT / "seeds" / "original_telegraph.txt"),
            "--figure",
            str(missing / "m.png"),
        ],
        [
            "compare",
            str(ROOT / "seeds" / "original_telegraph.txt"),
            str(ROOT / "seeds" / "republished_2023-03-28.txt"),
            "--html",
            str(missing / "c.html"),
        ],
    ):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "Traceback" not in err, err
        assert not missing.exists()


def test_unexpected_errors_are_one_line(monkeypatch, capsys):
    import framingkit.commands.show as show

    def boom(args):
        raise RuntimeError("boom")

    monkeypatch.setattr(show, "run", boom)
    assert main(["show", "x.txt"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "internal error (RuntimeError: boom)" in err


def test_show_json_translator_and_notes(tmp_path, capsys):
    """A translator's credit and a correction note are listed as paratext, not as captions."""
    f = tmp_path / "t.txt"
    f.write_text(
        "Europe must act on energy\n\nBy Henrik Berg\n\nTranslated from the Danish by Anna Holt\n\n"
        "It is cold. We must act.\n\nCorrection: An earlier version of this article misstated "
        "the year.\n",
        encoding="utf-8",
    )
    assert main(["show", str(f), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["paratext"]["translator"] == "Anna Holt"
    assert data["paratext"]["captions"] == []
    assert data["paratext"]["notes"] == [
        "Correction: An earlier version of this article misstated the year."
    ]
    assert [p["role"] for p in data["paragraphs"]] == [
        "headline",
        "byline",
        "translator",
        "body",
        "note",
    ]
    assert main(["show", str(f)]) == 0
    out = capsys.readouterr().out
    assert "translator Anna Holt" in out and "notes      Correction:" in out
