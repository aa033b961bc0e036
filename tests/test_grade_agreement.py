"""Class agreement in the summary: Krippendorff's alpha per span and classification
exercise, computed with nltk, on a hand-made class (issue 14.7)."""

from __future__ import annotations

import json

import pytest
from nltk.metrics.agreement import AnnotationTask

from framingkit.grade.agreement import krippendorff_alpha
from framingkit.grade.batch import grade_paths
from framingkit.grade.run import GradeOptions
from framingkit.grade.spanview import words

from grade_helpers import LESSON, TEXT, notebook, write_nb

pytestmark = pytest.mark.usefixtures("quick_figure")  # see tests/conftest.py

#: Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the nominal example
#: with missing data: 4 coders, 12 units; alpha = 0.743.
K2011 = {
    "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    "C": [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
}
AGREE = f"{LESSON}/agree"


def triples():
    return [
        (coder, f"u{n + 1}", f"l{v}")
        for coder, codes in K2011.items()
        for n, v in enumerate(codes)
        if v is not None
    ]


def test_alpha_is_nltks_and_krippendorffs_published_value():
    data = triples()
    ours = krippendorff_alpha(data)
    assert ours == pytest.approx(AnnotationTask(data=data).alpha())
    assert round(ours, 3) == 0.743
    assert krippendorff_alpha([("a", "u1", "x")]) is None  # one coder: undefined


def test_the_summary_reports_alpha_for_a_hand_made_class(tmp_path):
    key = json.loads(json.dumps(__import__("grade_helpers").key()))
    key["exercises"][AGREE] = {
        "type": "classify",
        "prompt": "Label each unit.",
        "points": 12,
        "items": [{"id": f"u{n}", "text": f"unit {n}"} for n in range(1, 13)],
        "labels": [f"l{n}" for n in range(1, 6)],
        "reference": {f"u{n}": f"l{v}" for n, v in enumerate([*K2011["D"][:11], 3], 1)},
    }
    keys = tmp_path / "keys"
    keys.mkdir()
    (keys / f"{LESSON}.json").write_text(json.dumps(key), "utf-8")
    marks = {"A": ["boldly"], "B": ["boldly", "massive"], "C": ["massive deal"], "D": []}
    for coder, codes in K2011.items():
        answers = {
            AGREE: {f"u{n + 1}": f"l{v}" for n, v in enumerate(codes) if v is not None},
            f"{LESSON}/boosters": marks[coder] or None,
        }
        nb = notebook(answers)
        nb["cells"].append(__import__("grade_helpers").cell(AGREE, answers[AGREE]))
        write_nb(tmp_path / "c" / f"{coder}.ipynb", nb)
    batch = grade_paths([tmp_path / "c"], tmp_path / "out", GradeOptions(key_dir=str(keys)))
    from framingkit.grade.summary import summarise

    by = {s.exercise: s for s in summarise(batch.results, str(keys))}
    assert by[AGREE].alpha == round(AnnotationTask(data=triples()).alpha(), 2) == 0.74
    # beside it, the agreement with the key: the share of given labels the key accepts
    given = [(c, u, v) for c, u, v in triples()]
    ref = {f"u{n}": f"l{v}" for n, v in enumerate([*K2011["D"][:11], 3], 1)}
    agree = sum(ref[u] == v for _, u, v in given) / len(given)
    assert by[AGREE].key_agreement == round(agree, 2)
    # spans: each word is a unit, marked or not, by the three students who answered
    spans = words(TEXT)

    def coded(coder, phrases):
        marked = {
            i
            for i, (s, e) in enumerate(spans)
            for p in phrases
            if TEXT.find(p) < e and s < TEXT.find(p) + len(p)
        }
        return [(coder, str(i), "marked" if i in marked else "unmarked") for i in range(len(spans))]

    data = [t for c in "ABC" for t in coded(c, marks[c])]
    assert by[f"{LESSON}/boosters"].alpha == round(AnnotationTask(data=data).alpha(), 2)
    html = (tmp_path / "out" / "summary.html").read_text("utf-8")
    assert "α = 0.74 over 11 items" in html and "Krippendorff" in html
