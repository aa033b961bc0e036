"""The lesson notebooks in the repository: lessons/ is generated from solutions/ and they agree.

Reads the notebooks as JSON (nothing is executed here; nbval runs them).
"""

from __future__ import annotations

import ast
import itertools
import json
import re
from pathlib import Path

import pytest

from framingkit import lessonbuild as lb
from framingkit.exercises import load_key

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS, LESSONS = ROOT / "solutions", ROOT / "lessons"
NAMES = [p.name for p in lb.notebooks_in(SOLUTIONS)]
EXPECTED = [
    "00-start-here.ipynb",
    "01-compare.ipynb",
    "02-spot.ipynb",
    "03-claims.ipynb",
    "04-frame.ipynb",
    "05-your-own-texts.ipynb",
]
HEADER_PARTS = ("will be able to", "**Time:**", "**You need:**", "**Next:**")
SECTIONS = ("## Reflection", "## Key points", "## Further reading")
#: Verbs a learning objective may start with (action verbs, Bloom-style).
ACTION_VERBS = {
    "use", "read", "identify", "argue", "state", "find", "classify", "judge", "explain",
    "recognise", "categorise", "compare", "rewrite", "distinguish", "rate", "name", "link",
    "test", "analyse", "contrast", "assess", "apply", "practise", "choose", "load", "write",
}  # fmt: skip


def _nb(folder: Path, name: str) -> dict:
    return lb.read_notebook(folder / name)


def _markdown(nb: dict) -> list[str]:
    return [lb.source_of(c) for c in nb["cells"] if c["cell_type"] == "markdown"]


def _headings(text: str) -> list[tuple[int, str]]:
    out, fenced = [], False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and (m := re.match(r"^(#{1,6})\s+(.*)", line)):
            out.append((len(m[1]), m[2]))
    return out


def test_the_six_lessons_exist_in_both_folders() -> None:
    assert NAMES == EXPECTED
    assert [p.name for p in lb.notebooks_in(LESSONS)] == EXPECTED


def test_lessons_are_generated_from_solutions() -> None:
    report = lb.check(SOLUTIONS, LESSONS)
    assert report.ok, "\n".join(map(str, report.problems)) + "\nrun: framingkit lessons build"


@pytest.mark.parametrize("name", EXPECTED)
def test_same_exercises_in_the_same_order_and_same_prose(name: str) -> None:
    sol, les = _nb(SOLUTIONS, name), _nb(LESSONS, name)
    ids = [lb.exercise_id(c) for c in sol["cells"] if lb.exercise_id(c)]
    assert ids == [lb.exercise_id(c) for c in les["cells"] if lb.exercise_id(c)]
    assert 3 <= len(ids) <= 6, f"{name}: {len(ids)} exercises"  # 01, 04: a warm-up too
    kept = [c for c in sol["cells"] if not lb.is_solution_only(c) and not lb.exercise_id(c)]
    other = [c for c in les["cells"] if not lb.exercise_id(c)]
    assert [lb.source_of(c) for c in kept] == [lb.source_of(c) for c in other]


@pytest.mark.parametrize("name", EXPECTED)
@pytest.mark.parametrize("folder", [SOLUTIONS, LESSONS], ids=["solutions", "lessons"])
def test_stored_without_outputs(folder: Path, name: str) -> None:
    for cell in _nb(folder, name)["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None


@pytest.mark.parametrize("name", EXPECTED)
def test_metadata_exercise_cells_and_keys_agree(name: str) -> None:
    nb = _nb(SOLUTIONS, name)
    lesson = lb.lesson_id(nb)
    assert lesson == name.removesuffix(".ipynb")
    cells = [c for c in nb["cells"] if lb.exercise_id(c)]
    for c in cells:
        assert "exercise" in lb.tags_of(c)
        eid = lb.exercise_id(c)
        assert eid.startswith(f"{lesson}/")
        assert f'exercise("{eid}", answer)' in lb.source_of(c)
    key = load_key(lesson)
    assert [lb.exercise_id(c) for c in cells] == list(key.exercises)


@pytest.mark.parametrize("name", EXPECTED)
def test_solutions_answer_every_exercise_with_a_literal(name: str) -> None:
    for c in _nb(SOLUTIONS, name)["cells"]:
        if lb.exercise_id(c):
            (region,) = lb.solution_regions(lb.source_of(c))
            tree = ast.parse(region.body)
            assert isinstance(tree.body[0], ast.Assign)
            assert ast.literal_eval(tree.body[0].value) is not None


@pytest.mark.parametrize("name", EXPECTED)
def test_no_reference_answer_text_in_lessons(name: str) -> None:
    sol, les = _nb(SOLUTIONS, name), _nb(LESSONS, name)
    student = json.dumps(les, ensure_ascii=False)
    for c in sol["cells"]:
        if lb.is_solution_only(c):
            body = lb.source_of(c).split("\n", 1)[-1].strip()
            assert body[:80] not in student
        for region in lb.solution_regions(lb.source_of(c)):
            for line in region.body.splitlines():
                line = line.strip().rstrip(",")
                if len(line) > 12:
                    assert json.dumps(line, ensure_ascii=False)[1:-1] not in student, line
    key = load_key(lb.lesson_id(sol))
    for ex in key.exercises.values():
        if ex.type == "choice":
            right = ex.reference if isinstance(ex.reference, list) else [ex.reference]
            for k in right:
                assert f'answer = "{k}"' not in student


@pytest.mark.parametrize("name", EXPECTED)
def test_one_h1_and_headings_in_order(name: str) -> None:
    heads = [h for text in _markdown(_nb(LESSONS, name)) for h in _headings(text)]
    assert heads[0][0] == 1 and [lvl for lvl, _ in heads].count(1) == 1
    for (a, _), (b, title) in itertools.pairwise(heads):
        assert b <= a + 1, f"{name}: heading '{title}' skips a level"


@pytest.mark.parametrize("name", EXPECTED)
def test_header_card_objectives_and_closing_sections(name: str) -> None:
    md = _markdown(_nb(LESSONS, name))
    cards = [c for c in _nb(LESSONS, name)["cells"] if "header-card" in lb.tags_of(c)]
    assert len(cards) == 1
    card = lb.source_of(cards[0])
    for part in HEADER_PARTS:
        assert part in card, f"{name}: header card lacks {part}"
    assert "50-minute class" in card and "self-study" in card
    verbs = re.findall(r"^> - \*\*(\w+)\*\*", card, flags=re.M)
    assert len(verbs) >= 3 and set(verbs) <= ACTION_VERBS, verbs
    text = "\n".join(md)
    positions = [text.find(s) for s in SECTIONS]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), name
    assert "Worked example" in text


@pytest.mark.parametrize("name", EXPECTED)
def test_every_figure_has_alt_text(name: str) -> None:
    nb = _nb(LESSONS, name)
    for text in _markdown(nb):
        for alt in re.findall(r"!\[([^\]]*)\]\(", text):
            assert alt.strip(), f"{name}: a Markdown image without alt text"
        for tag in re.findall(r"<img[^>]*>", text):
            assert re.search(r'alt="[^"]+"', tag), f"{name}: an <img> without alt"
    for c in nb["cells"]:
        src = lb.source_of(c) if c["cell_type"] == "code" else ""
        assert "plt.show(" not in src, f"{name}: show figures with show_figure(fig, alt=...)"
        for call in re.findall(r"show_figure\((.*?)\)\s*$", src, flags=re.S | re.M):
            assert "alt=" in call, f"{name}: show_figure without alt="


def test_references_are_cited_with_their_details() -> None:
    text = "\n".join(t for n in EXPECTED for t in _markdown(_nb(LESSONS, n)))
    entman = "Framing: Toward clarification of a fractured paradigm. *Journal of Communication*"
    assert f"{entman}, 43(4), 51–58." in text
    assert (
        "*The Language of Evaluation: Appraisal in English*. Basingstoke: Palgrave Macmillan"
        in text
    )
    assert "*Metadiscourse: Exploring Interaction in Writing*. London: Continuum" in text
    assert "*The Uses of Argument*. Cambridge: Cambridge University Press" in text


@pytest.mark.parametrize("name", EXPECTED)
def test_model_answers_get_full_marks(name: str) -> None:
    from framingkit.exercises import read_answers, score

    nb = _nb(SOLUTIONS, name)
    key = load_key(lb.lesson_id(nb))
    answers = read_answers(nb)
    for eid, ex in key.exercises.items():
        assert eid in answers, f"{eid}: no model answer in the solution notebook"
        result = score(ex, answers[eid].value)
        if ex.type == "text":
            assert result.points is None
        else:
            assert result.points == result.max_points == ex.points, eid


@pytest.mark.parametrize("name", EXPECTED)
def test_the_typed_example_never_gives_an_answer_away(name: str) -> None:
    """The engine shows an example `answer = ...` per exercise; it must not be a right answer."""
    from framingkit.exercises import score
    from framingkit.exercises.api import typed_example

    key = load_key(name.removesuffix(".ipynb"))
    for eid, ex in key.exercises.items():
        if ex.type == "text":
            continue
        example = ast.literal_eval(typed_example(ex).split("=", 1)[1].strip())
        result = score(ex, example)
        if ex.type == "classify":
            for item_id in list(example)[:2]:
                one = score(ex, {item_id: example[item_id]})
                assert one.points == 0, f"{eid}: the typed example labels {item_id} correctly"
        else:
            assert not result.points, f"{eid}: the typed example scores {result.points}"
