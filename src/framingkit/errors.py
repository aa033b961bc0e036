"""The one exception type that carries a user-facing message.

Every bad input (a missing file, an empty text, a broken notebook) raises
:class:`InputError` with a single clear sentence; the CLI prints it on stderr
and exits with status 2, and notebooks show it without a traceback.
"""

from __future__ import annotations


class InputError(ValueError):
    """A problem with what the user gave us, explained in one sentence.

    >>> str(InputError("The file 'x.txt' does not exist."))
    "The file 'x.txt' does not exist."
    """
