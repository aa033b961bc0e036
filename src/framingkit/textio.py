"""Reading text files safely: every bad input becomes one clear sentence.

>>> from framingkit.textio import read_text
>>> read_text("no/such/file.txt")
Traceback (most recent call last):
...
framingkit.errors.InputError: The file 'no/such/file.txt' does not exist.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

from .errors import InputError

#: The largest text file the kit reads (bytes). A long book is about 3 MB.
MAX_BYTES = 20 * 1024 * 1024
#: Bytes sniffed at the start of a file to tell binary from text.
_SNIFF = 8192
#: A page: a doctype or an <html>/<head>/<body>/<meta> tag first (after comments).
_PAGE_START_RE = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body|meta|title)\b[^>]*>",
    re.IGNORECASE | re.DOTALL,
)
#: A fragment opens with a block element ...
_BLOCK_START_RE = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:p|div|h[1-6]|article|section|main|header|ul|ol|table|"
    r"blockquote|figure)\b[^>]*>",
    re.IGNORECASE | re.DOTALL,
)
#: ... and closes block elements.
_BLOCK_END_RE = re.compile(
    r"</(?:p|div|h[1-6]|li|article|section|main|header|ul|ol|table|tr|td|blockquote|figure)\s*>",
    re.IGNORECASE,
)


def read_text(
    path: str | os.PathLike[str], *, what: str = "file", max_bytes: int = MAX_BYTES
) -> str:
    """Read a UTF-8 text file, raising :class:`InputError` with one sentence on bad input.

    Line endings and characters are kept exactly as in the file (only a UTF-8
    byte-order mark is dropped), so offsets into the result are offsets into
    the file's text.

    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "a.txt")
    >>> _ = open(p, "w", encoding="utf-8").write("Hello.")
    >>> read_text(p)
    'Hello.'
    """
    p = Path(path)
    shown = str(path)
    if not p.exists():
        raise InputError(f"The {what} '{shown}' does not exist.")
    if p.is_dir():
        raise InputError(f"'{shown}' is a directory; give the path of a text file inside it.")
    if not p.is_file():
        raise InputError(f"'{shown}' is not a regular file.")
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"The {what} '{shown}' is {size / 1_048_576:.1f} MB, over the limit of "
                f"{max_bytes / 1_048_576:.0f} MB; split it into smaller texts."
            )
        data = p.read_bytes()
    except PermissionError:
        raise InputError(f"The {what} '{shown}' cannot be read (permission denied).") from None
    except OSError as exc:
        raise InputError(f"The {what} '{shown}' cannot be read ({exc.strerror}).") from None
    return decode_text(data, name=f"The {what} '{shown}'")


def decode_text(data: bytes, *, name: str = "The text") -> str:
    """Decode bytes as UTF-8 text or raise :class:`InputError` saying why not.

    >>> decode_text(b"caf\\xc3\\xa9")
    'café'
    >>> decode_text(b"\\x00\\x01")
    Traceback (most recent call last):
    ...
    framingkit.errors.InputError: The text is a binary file, not text; save it as UTF-8 plain text.
    """
    if not data.strip():
        raise InputError(f"{name} is empty; there is nothing to analyse.")
    head = data[:_SNIFF]
    # a PDF or Word file holds NUL bytes too: name it before calling it binary
    if head.startswith(b"%PDF") or head.startswith(b"PK\x03\x04"):
        raise InputError(
            f"{name} is a PDF or Word/zip file, not plain text; "
            "copy the text into a UTF-8 .txt file."
        )
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        raise InputError(f"{name} is a binary file, not text; save it as UTF-8 plain text.")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(
            f"{name} is encoded as UTF-16, but UTF-8 was expected; save it again as UTF-8."
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name} is not valid UTF-8 (byte {exc.start} cannot be decoded); UTF-8 was expected, "
            "so save it again with UTF-8 encoding."
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError(f"{name} is empty; there is nothing to analyse.")
    return text


def check_text(text: str, *, name: str = "The text", max_chars: int = MAX_BYTES) -> str:
    """Validate a text given as a string (not a file) and return it.

    >>> check_text("  ")
    Traceback (most recent call last):
    ...
    framingkit.errors.InputError: The text is empty; there is nothing to analyse.
    """
    if not isinstance(text, str):
        raise InputError(f"{name} must be a string, not {type(text).__name__}.")
    if not text.strip():
        raise InputError(f"{name} is empty; there is nothing to analyse.")
    if len(text) > max_chars:
        raise InputError(
            f"{name} has {len(text):,} characters, over the limit of {max_chars:,}; "
            "split it into smaller texts."
        )
    if "\x00" in text:
        raise InputError(f"{name} contains NUL characters, so it is binary data, not text.")
    return text


def looks_like_html(text: str) -> bool:
    """Tell whether a text is an HTML document rather than plain text or Markdown.

    Only a document structure counts: a page (a doctype or an ``<html>``, ``<head>`` or
    ``<body>`` tag first), or a fragment that opens with a block element (``<p>``,
    ``<div>``, ``<h1>`` ...), closes block elements and has a tag at the start of at least
    half of its lines. Prose that mentions tags ("an unclosed <script> tag") is text.

    >>> looks_like_html("<html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("<h1>Title</h1>\\n<p>One.</p>\\n<p>Two.</p>")
    True
    >>> looks_like_html("Use a < b and c > d.")
    False
    >>> looks_like_html("The forum let anyone post a <script> tag.<br>Or a <p> tag.")
    False
    """
    head = text[:20000]
    if _PAGE_START_RE.match(head):
        return True
    if not _BLOCK_START_RE.match(head) or not _BLOCK_END_RE.search(head):
        return False
    lines = [ln for ln in head.splitlines() if ln.strip()]
    tagged = sum(1 for ln in lines if ln.lstrip().startswith("<"))
    return 2 * tagged >= len(lines)


#: White space other than the ASCII space (textwrap treats these specially). A text without
#: it is wrapped by :func:`fill` itself.
_NOT_PLAIN_RE = re.compile(r"[^\S ]")
_CHUNK_RE = re.compile(r" +|[^ ]+")


@functools.lru_cache(maxsize=32)
def _line_re(room: int) -> re.Pattern[str]:
    """The longest run of whole words, at most ``room`` characters, from a word's start (in a
    text of words and single spaces)."""
    return re.compile(rf"[^ ].{{0,{room - 1}}}(?= |\Z)")


def _fill_single_spaced(text: str, first: int, rest: int) -> list[str] | None:
    """The lines ``textwrap`` makes of ``text`` (words, single spaces, no space at either end),
    ``first`` characters for the first line and ``rest`` for the others; ``None`` when a word
    is longer than a line (textwrap breaks it)."""
    if first < 1 or rest < 1 or max(map(len, text.split(" "))) > min(first, rest):
        return None
    m = _line_re(first).match(text)
    assert m is not None  # a word starts the text and fits the line
    return [m.group(), *(x.group() for x in _line_re(rest).finditer(text, m.end()))]


def fill(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "") -> str:
    """``textwrap.fill`` with these arguments: the same result, several times faster on the
    plain case (CLI listings of long texts): no white space but ASCII spaces, no word longer
    than a line. Anything else goes to textwrap itself. (Hyphens: the text is cut into
    textwrap's own chunks, where it may break a word after a hyphen.)

    >>> fill("a short line", 20, "  ")
    '  a short line'
    >>> fill("a line that is too long for the width", 20, subsequent_indent="  ")
    'a line that is too\\n  long for the width'
    """
    if text and not _NOT_PLAIN_RE.search(text):
        room = width - len(initial_indent)
        if len(text) <= room and text[-1] != " ":
            return initial_indent + text  # one line: every chunk fits, none to drop
        hyphens = "-" in text
        if not hyphens and "  " not in text and text[0] != " " != text[-1]:
            lines = _fill_single_spaced(text, room, width - len(subsequent_indent))
            if lines is not None:
                return "\n".join(
                    [initial_indent + lines[0], *(subsequent_indent + x for x in lines[1:])]
                )
        # textwrap's greedy algorithm on its chunks (runs of spaces, words), with
        # drop_whitespace: a line loses a space run at its end, a later line one at its start
        if hyphens:
            import textwrap

            chunks = [c for c in textwrap.TextWrapper.wordsep_re.split(text) if c]
        else:
            chunks = _CHUNK_RE.findall(text)
        lines: list[str] = []
        i, n = 0, len(chunks)
        while i < n:
            indent = subsequent_indent if lines else initial_indent
            room = width - len(indent)
            if lines and chunks[i][0] == " ":
                i += 1
            cur: list[str] = []
            used = 0
            while i < n and used + len(chunks[i]) <= room:
                used += len(chunks[i])
                cur.append(chunks[i])
                i += 1
            if i < n and len(chunks[i]) > room:
                break  # a word longer than a line: textwrap breaks it (below)
            if cur and cur[-1][0] == " ":
                cur.pop()
            if cur:
                lines.append(indent + "".join(cur))
        else:
            return "\n".join(lines)
    import textwrap

    return textwrap.fill(
        text, width, initial_indent=initial_indent, subsequent_indent=subsequent_indent
    )
