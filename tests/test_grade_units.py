"""The answer as a student's page shows it: words, never Python syntax (review 1, item 23)."""

from types import SimpleNamespace

from framingkit.grade.run import ExerciseGrade
from framingkit.grade.units import describe_answer


def test_a_two_axis_classify_answer_reads_as_words():
    ex = SimpleNamespace(type="classify", reference={"a1": ["judgement", "invoked"]}, axes=())
    g = ExerciseGrade("l/x", "classify", "X", 1.0, 2.0, True)
    describe_answer(g, ex, {"a1": ["judgement", "invoked"], "a4": "appreciation"})
    assert g.shown == "a1: judgement + invoked; a4: appreciation"
    assert "[" not in g.shown and "'" not in g.shown
