"""The one exception type that carries a user-facing message.

Every bad input (a missing file, an empty text, a broken notebook) raises
:class:`InputError` with a single clear sentence; the CLI prints it on stderr
and exits with status 2, and notebooks show it without a traceback.
"""

from __future__ import annotations

import contextlib
import gc
import sys
from collections.abc import Iterator


class InputError(ValueError):
    """A problem with what the user gave us, explained in one sentence.

    >>> str(InputError("The file 'x.txt' does not exist."))
    "The file 'x.txt' does not exist."
    """


class IncompleteTextWarning(UserWarning):
    """Not every word of the input reached the analysis (the result carries the same note).

    The command line prints the note on stderr and exits with status 3.
    """


def public_caller(default: str) -> str:
    """The name of the kit's function that the user called, for error messages.

    The outermost frame inside the ``framingkit`` package, seen from the caller's code;
    ``default`` when there is none (or it is module code).

    >>> public_caller("load_article")
    'load_article'
    """
    frame = sys._getframe(1)
    name = default
    while frame is not None:
        module = str(frame.f_globals.get("__name__", ""))
        if module == "framingkit" or module.startswith("framingkit."):
            code = frame.f_code
            if not code.co_name.startswith("<"):
                name = code.co_name
        elif name != default:
            break
        frame = frame.f_back
    return name


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a long text is parsed or analysed.

    A long text makes millions of small objects and no reference cycles; repeated full
    collections over them would cost more than the work itself.

    >>> import gc
    >>> with gc_paused():
    ...     gc.isenabled()
    False
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def install_notebook_handler() -> bool:
    """In a Jupyter kernel, show an :class:`InputError` as its one sentence, no traceback.

    The cell still fails (Run All stops there), but the student reads one clear
    sentence instead of a stack of library frames. Called when ``framingkit`` is
    imported inside IPython; returns whether a handler is in place.

    >>> install_notebook_handler()  # outside a kernel: nothing to do
    False
    """
    import sys

    if "IPython" not in sys.modules:
        return False
    from IPython import get_ipython

    ip = get_ipython()
    if ip is None or getattr(ip, "kernel", None) is None:
        return False
    if getattr(ip, "_framingkit_handler", False):
        return True
    if getattr(ip, "custom_exceptions", ()):
        return False  # someone else's handler: leave it alone

    def handler(shell: object, etype: type, value: BaseException, tb: object, tb_offset=None):
        sys.stderr.write(f"{etype.__name__}: {value}\n")
        return [str(value)]

    ip.set_custom_exc((InputError,), handler)
    ip._framingkit_handler = True
    return True
