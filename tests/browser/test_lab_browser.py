"""A real browser: JupyterLab 4 and Notebook 7 in headless Chromium (Debian's), via Playwright.

Opens a real lesson from lessons/ (in a temporary copy with the seeds), runs it,
answers a span exercise by clicking the words of one phrase and typing another in the
phrase box (Enter), checks that Tab goes from the phrase box to Check without passing
the words, presses Check, asserts the feedback (hints, not the answers), presses
"Show the answers", saves, reloads, asserts the answer is still
in the notebook, restarts the kernel, runs all again and asserts the widget comes
back with the same words selected; then checks the widget renders in Notebook 7.
Screenshots are kept in tests/artifacts/browser/ (ignored by git).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from framingkit.exercises import find_exercise, read_answers, score
from framingkit.exercises.widgets import chunks, selected_spans

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts" / "browser"
LESSON = "02-spot.ipynb"
EXERCISE = "02-spot/graduation"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


#: ``python -m jupyterlab``, without jsonschema's IRI grammar (2.5 s of CPU at import, for
#: "iri" formats no Jupyter schema uses; see conftest.py)
LAB_MAIN = (
    "import sys; sys.modules['rfc3987_syntax'] = None; "
    "from jupyterlab.labapp import main; sys.exit(main())"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, method: str = "GET") -> bytes:
    req = urllib.request.Request(url, method=method, data=b"" if method == "POST" else None)
    with urllib.request.urlopen(req, timeout=10) as r:
        return r.read()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """JupyterLab on a free port, token off, in a temp copy of lessons/ + seeds/."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing (install Debian's chromium package to run this test)")
    base = tmp_path_factory.mktemp("lab")
    shutil.copytree(ROOT / "lessons", base / "lessons")
    shutil.copytree(ROOT / "seeds", base / "seeds")
    conf = base / "config"
    conf.mkdir()
    (conf / "jupyter_server_config.py").write_text(
        "c.LabApp.expose_app_in_browser = True\n"
        "c.JupyterNotebookApp.expose_app_in_browser = True\n"
        # test speed: the lessons need neither language servers nor terminals
        "c.ServerApp.jpserver_extensions = {'jupyter_lsp': False, "
        "'jupyter_server_terminals': False}\n",
        encoding="utf-8",
    )
    settings = base / "settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}), encoding="utf-8"
    )
    port = _free_port()
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(conf),
        "JUPYTER_RUNTIME_DIR": str(base / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(base / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(base / "workspaces"),
    }
    env.pop("JPY_SESSION_NAME", None)
    log = open(base / "server.log", "w")  # noqa: SIM115 (closed below)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            LAB_MAIN,
            "--no-browser",
            f"--port={port}",
            "--ServerApp.ip=127.0.0.1",
            "--allow-root",
            "--IdentityProvider.token=",
            "--ServerApp.password=",
            "--ServerApp.disable_check_xsrf=True",
            f"--ServerApp.root_dir={base}",
        ],
        cwd=base,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 40
    while True:
        try:
            _get(f"{url}/api/status")
            break
        except OSError:
            if proc.poll() is not None or time.time() > deadline:
                proc.kill()
                log.close()
                pytest.fail(
                    "JupyterLab did not start:\n" + (base / "server.log").read_text()[-3000:]
                )
            time.sleep(0.3)
    yield url, base
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        pg = browser.new_page(viewport={"width": 1280, "height": 1500})
        pg.set_default_timeout(60_000)
        yield pg
        browser.close()


def _shot(page, name: str, element=None) -> None:
    """Save a screenshot of the page scrolled to ``element`` (the exercise cell)."""
    path = ARTIFACTS / f"{name}.png"
    if element is not None:
        element.first.scroll_into_view_if_needed()
    page.screenshot(path=str(path), full_page=False)
    print(f"screenshot: {path}")


_KERNEL_IDLE = """() => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
    const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
    return k && k.status === 'idle'; }"""


def _open_and_run(page, url: str) -> None:
    """Open the lesson, wait for an idle kernel, run all cells, wait for the span widget."""
    page.goto(url)
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell")
    page.wait_for_function(_KERNEL_IDLE)
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    _exercise_output(page).locator(".fk-words button").first.wait_for()


def _exercise_output(page):
    """The output area of the cell that shows the span exercise."""
    return page.locator(".jp-Cell", has=page.locator(f".fk-exercise[data-exercise='{EXERCISE}']"))


def test_lab_span_exercise_click_check_save_reopen_restart(server, page):
    from playwright.sync_api import expect

    expect.set_options(timeout=60_000)  # a loaded CI machine can take more than the default 5 s

    url, base = server
    defn = find_exercise(EXERCISE)
    chs = chunks(defn.text)
    # pick the first and the last reference phrases: all their word buttons
    refs = [defn.reference[0], defn.reference[-1]]
    picks = [i for i, c in enumerate(chs) for r in refs if c[2] < r.end and r.start < c[3]]
    on = [i in picks for i in range(len(chs))]
    expected = score(defn, selected_spans(chs, on))

    started = time.time()
    _open_and_run(page, f"{url}/lab/tree/lessons/{LESSON}")
    cell = _exercise_output(page)
    buttons = cell.locator(".fk-words button")
    assert buttons.count() == len(chs)
    _shot(page, "1-lab-before", cell)
    labels = page.locator(
        ".jp-Cell", has=page.locator(".fk-exercise[data-exercise='02-spot/engagement']")
    )
    labels.locator(".fk-dropdown").first.wait_for()
    assert labels.locator(".fk-dropdown label").first.inner_text().strip()  # a visible label
    labels.screenshot(path=str(ARTIFACTS / "categories-cell.png"))
    # the first phrase by mouse, the last one typed in the phrase box (keyboard only)
    first = [i for i in picks if chs[i][2] < refs[0].end and refs[0].start < chs[i][3]]
    for i in first:
        buttons.nth(i).click()
    box = cell.locator(".fk-phrase input")
    box.click()
    page.keyboard.type(refs[-1].text)
    page.keyboard.press("Enter")
    expect(cell.locator(".fk-phrase-msg")).to_contain_text(f"Selected “{refs[-1].text}”")
    for i in picks:
        assert "mod-active" in (buttons.nth(i).get_attribute("class") or "")
    # from the phrase box, Tab reaches Check without passing through the word buttons
    box.focus()
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('fk-check')"):
            break
    else:
        pytest.fail("Tab from the phrase box does not reach the Check button within 6 stops")
    page.keyboard.press("Enter")  # Check, from the keyboard
    feedback = cell.locator(".fk-feedback")
    expect(feedback).to_contain_text(expected.checked)
    expect(feedback).to_contain_text(f"Right ({len(refs)})")
    expect(feedback).to_contain_text(f"Not right yet ({len(expected.missed)})")
    for line in expected.missed:  # the same lines as a typed answer gets
        expect(feedback).to_contain_text(line)
    hidden = [r.text for r in defn.reference if r not in refs]
    for text in hidden:  # a first try gets hints, not the answers
        expect(feedback).not_to_contain_text(f"“{text}”")
    assert "F1" not in feedback.inner_text()
    _shot(page, "2-lab-checked", cell.locator(".fk-check"))
    cell.screenshot(path=str(ARTIFACTS / "exercise-cell.png"))  # the README's picture
    cell.locator(".fk-reveal").click()
    for text in hidden:
        expect(feedback).to_contain_text(f"“{text}”")
    _shot(page, "2b-lab-revealed", cell.locator(".fk-check"))

    # save, and the answer is in the file on disk
    page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
    nb_path = base / "lessons" / LESSON
    deadline = time.time() + 20
    while True:
        rec = read_answers(json.loads(nb_path.read_text(encoding="utf-8"))).get(EXERCISE)
        if rec is not None and rec.value:
            break
        assert time.time() < deadline, "the saved notebook has no answer for the span exercise"
        time.sleep(0.3)
    assert rec.via == "widget"
    assert [list(s) for s in expected.details["answer_spans"]] == rec.value

    # reload the page (close + reopen): the answer record is still in the cell's output
    page.reload()
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell")
    answer = page.locator(f".fk-answer[data-exercise='{EXERCISE}']")
    answer.wait_for(state="attached")
    answer.scroll_into_view_if_needed()
    for r in refs:
        expect(answer).to_contain_text(r.text)
    _shot(page, "3-lab-reopened", answer)

    # restart the kernel from Lab and run all again (in the open page: no third page load):
    # the widget comes back with the same selection, from the saved notebook. The exercise's
    # current output is marked first, so only the re-run's new output is waited for.
    page.evaluate(
        """(ex) => document.querySelectorAll(`.fk-exercise[data-exercise='${ex}']`)
              .forEach(e => e.setAttribute('data-fk-before-restart', '1'))""",
        EXERCISE,
    )
    page.evaluate("() => window.jupyterapp.shell.currentWidget.sessionContext.restartKernel()")
    page.wait_for_function(_KERNEL_IDLE)
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    fresh = f".fk-exercise[data-exercise='{EXERCISE}']:not([data-fk-before-restart])"
    rerun = page.locator(".jp-Cell", has=page.locator(fresh))
    buttons = rerun.locator(".fk-words button")
    buttons.first.wait_for()
    for i in picks:
        assert "mod-active" in (buttons.nth(i).get_attribute("class") or "")
    selected = rerun.locator(".fk-selected")
    for r in refs:
        expect(selected).to_contain_text(r.text)
    _shot(page, "4-lab-restarted", selected)
    page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
    print(f"JupyterLab part took {time.time() - started:.1f} s")


def test_notebook7_renders_the_widget(server, page):
    """Notebook 7 shares the lesson's kernel: running the exercise cell alone is enough."""
    url, _ = server
    page.goto(f"{url}/notebooks/lessons/{LESSON}")
    page.wait_for_function(_KERNEL_IDLE)
    page.evaluate(
        """(ex) => { const nb = window.jupyterapp.shell.currentWidget.content;
              nb.activeCellIndex = nb.widgets.findIndex(
                  c => (c.model.getMetadata('framingkit') || {}).exercise === ex);
              return window.jupyterapp.commands.execute('notebook:run-cell'); }""",
        EXERCISE,
    )
    cell = _exercise_output(page)
    cell.locator(".fk-words button").first.wait_for()
    assert cell.locator(".fk-words button").count() > 10
    assert cell.locator(".fk-check").count() == 1
    _shot(page, "5-notebook7", cell.locator(".fk-check"))
