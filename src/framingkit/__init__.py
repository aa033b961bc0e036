"""framingkit: a Jupyter teaching kit on media framing.

The top-level package stays light: analyses and views are imported on demand.

>>> from framingkit import load_article
>>> load_article("A headline\\n\\nOne sentence. Another one.").sentences[0].text
'One sentence.'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["InputError", "__version__", "load_article"]

if TYPE_CHECKING:  # pragma: no cover
    from .document import load_article
    from .errors import InputError


def _notebook_errors() -> None:
    import sys

    if "IPython" in sys.modules:  # only inside IPython/Jupyter; never imports it
        from .errors import install_notebook_handler

        install_notebook_handler()


_notebook_errors()


def __getattr__(name: str) -> Any:
    if name == "load_article":
        from .document import load_article

        return load_article
    if name == "InputError":
        from .errors import InputError

        return InputError
    raise AttributeError(f"module 'framingkit' has no attribute {name!r}")
