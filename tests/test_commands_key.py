"""`framingkit key draft`: the summary names what each drafted exercise holds (review item 22)."""

from framingkit.commands.key import _size


def test_size_counts_items_options_and_criteria():
    assert _size({"type": "classify", "items": [{}, {}, {}]}) == "3 items"
    assert _size({"type": "choice", "options": {"a": {}, "b": {}}}) == "2 options"
    assert _size({"type": "spans", "reference": ["x"]}) == "1 reference phrase"


def test_size_of_a_text_exercise_is_not_its_length_in_characters():
    model = "A model answer of many characters. " * 30
    assert _size({"type": "text", "reference": model, "rubric": [{}] * 5}) == "5 rubric criteria"
    assert _size({"type": "text", "reference": model}) == "a model answer"
