"""framingkit.parallel: results in order and as the serial run, errors as serial, no worker left."""

from __future__ import annotations

import os
import threading
import time
import warnings
from pathlib import Path

import pytest

from framingkit import parallel
from framingkit.errors import InputError

pytestmark = pytest.mark.skipif(parallel._fork_context() is None, reason="no fork here")


@pytest.fixture(autouse=True)
def _two_workers(monkeypatch):
    """Two workers, and only the threads this test starts count: the test session's own
    threads (nbval's notebooks run ahead in one) would otherwise make every run serial."""
    monkeypatch.setenv("FRAMINGKIT_WORKERS", "2")
    real = threading.active_count
    before = real()
    monkeypatch.setattr(parallel.threading, "active_count", lambda: real() - before + 1)


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def _squares(xs):
    return [(x * x, os.getpid()) for x in xs]


def test_map_chunks_is_the_serial_map_and_uses_a_worker():
    items = list(range(5001))
    out = parallel.map_chunks(_squares, items, min_items=10)
    assert [v for v, _ in out] == [x * x for x in items]
    assert {pid for _, pid in out} - {os.getpid()}  # a chunk ran in another process
    assert not parallel.multiprocessing.active_children()


@pytest.mark.parametrize("n", [0, 1, 2, 3, 7, 100])
def test_chunks_keep_order(n):
    parts = parallel.chunks(list(range(n)), 3)
    assert [x for p in parts for x in p] == list(range(n))
    assert all(parts) or n == 0


def test_small_input_or_one_worker_runs_here(monkeypatch):
    assert {pid for _, pid in parallel.map_chunks(_squares, range(50))} == {os.getpid()}
    monkeypatch.setenv("FRAMINGKIT_WORKERS", "1")
    out = parallel.run_all([os.getpid, os.getpid])
    assert out == [os.getpid(), os.getpid()]


def test_run_all_keeps_order_of_results():
    out = parallel.run_all([lambda: ("a", os.getpid()), lambda: ("b", os.getpid())])
    assert [v for v, _ in out] == ["a", "b"]
    assert out[0][1] != os.getpid() and out[1][1] == os.getpid()


def _fail(msg):
    raise InputError(msg)


def test_an_error_in_a_worker_is_the_serial_error():
    with pytest.raises(InputError, match=r"^first$"):
        parallel.run_all([lambda: _fail("first"), lambda: 2])
    # both fail: the first task's error, as in a serial run
    with pytest.raises(InputError, match=r"^first$"):
        parallel.run_all([lambda: _fail("first"), lambda: _fail("second")])
    with pytest.raises(InputError, match=r"^second$"):
        parallel.run_all([lambda: 1, lambda: _fail("second")])
    assert not parallel.multiprocessing.active_children()


def test_an_unpicklable_result_is_an_error_not_a_hang():
    with pytest.raises(RuntimeError, match=r"PicklingError|AttributeError|TypeError"):
        parallel.run_all([lambda: lambda: 1, lambda: 2])


def _sleep_forever(pidfile: Path) -> int:
    pidfile.write_text(str(os.getpid()))
    time.sleep(600)
    return 0


def _interrupt_when_started(pidfile: Path) -> int:
    for _ in range(500):
        if pidfile.exists() and pidfile.read_text():
            break
        time.sleep(0.01)
    raise KeyboardInterrupt


def test_no_worker_survives_an_interrupt(tmp_path):
    pidfile = tmp_path / "pid"
    with pytest.raises(KeyboardInterrupt):
        parallel.run_all(
            [lambda: _sleep_forever(pidfile), lambda: _interrupt_when_started(pidfile)]
        )
    pid = int(pidfile.read_text())
    assert _gone(pid)
    assert not parallel.multiprocessing.active_children()
    assert parallel._running == 0


def test_no_worker_survives_an_error_here(tmp_path):
    pidfile = tmp_path / "pid"

    def mark():
        pidfile.write_text(str(os.getpid()))
        return 1

    with pytest.raises(ValueError, match=r"^here$"):
        parallel.run_all([mark, lambda: _raise(ValueError("here"))])
    assert _gone(int(pidfile.read_text()))
    assert not parallel.multiprocessing.active_children()


def _raise(exc):
    raise exc


def test_warnings_in_a_worker_reach_the_caller():
    def warn():
        warnings.warn("from the worker", UserWarning, stacklevel=1)
        return 1

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert parallel.run_all([warn, lambda: 2]) == [1, 2]
    assert [str(w.message) for w in caught] == ["from the worker"]


def test_workers_do_not_fork_again():
    def inner():
        return parallel.run_all([os.getpid, os.getpid])

    (a, b), _ = parallel.run_all([inner, lambda: None])
    assert a == b != os.getpid()


def test_other_threads_mean_serial():
    stop = threading.Event()
    t = threading.Thread(target=stop.wait)
    t.start()
    try:
        assert not parallel.fork_safe()
        assert parallel.run_all([os.getpid, os.getpid]) == [os.getpid()] * 2
    finally:
        stop.set()
        t.join()


def test_bad_worker_count_is_serial(monkeypatch):
    monkeypatch.setenv("FRAMINGKIT_WORKERS", "many")
    assert parallel.cores() == 1


SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_the_analyses_in_workers_give_the_serial_results(monkeypatch):
    """spot, claims and key draft with every stage forked (any input counts as big) give
    what they give serially."""
    from framingkit.claims import claims
    from framingkit.commands.key import draft_key
    from framingkit.jsonable import to_jsonable
    from framingkit.spot import spot

    a, b = SEEDS / "original_telegraph.txt", SEEDS / "republished_2023-03-28.txt"

    def run():
        return (
            to_jsonable(spot(a)),
            to_jsonable(claims(a)),
            draft_key(a, b, "seeds"),
        )

    monkeypatch.setenv("FRAMINGKIT_WORKERS", "1")
    serial = run()
    monkeypatch.setenv("FRAMINGKIT_WORKERS", "2")
    monkeypatch.setattr(parallel, "MIN_ITEMS", 2)
    forks = []
    real = parallel.run_all

    def counting(tasks, **kw):
        forks.append(parallel.available())
        return real(tasks, **kw)

    monkeypatch.setattr(parallel, "run_all", counting)
    assert run() == serial
    assert forks and max(forks) == 2  # the stages did run in workers
    assert not parallel.multiprocessing.active_children()
