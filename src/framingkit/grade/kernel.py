"""An IPython kernel with resource limits, used by ``framingkit grade --execute``.

``python -m framingkit.grade.kernel --memory-mb 2048 --cpu-seconds 300 -f CONN``
sets the limits of this process (address space, CPU seconds, size of files it
writes, core dumps off), then replaces itself with ``ipykernel_launcher``; the
limits carry over to the kernel and everything it starts.
"""

from __future__ import annotations

import contextlib
import os
import sys


def set_limits(memory_mb: int, cpu_seconds: int, file_mb: int = 256) -> None:
    """Lower this process's resource limits (never raises if a limit cannot be set).

    >>> set_limits(1 << 20, 1 << 20)  # generous limits: nothing changes in practice
    """
    import resource

    wanted = {
        "RLIMIT_AS": memory_mb * 1024 * 1024,
        "RLIMIT_CPU": cpu_seconds,
        "RLIMIT_FSIZE": file_mb * 1024 * 1024,
        "RLIMIT_CORE": 0,
    }
    for name, value in wanted.items():
        res = getattr(resource, name, None)
        if res is None:
            continue
        _soft, hard = resource.getrlimit(res)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(res, (value, hard))


def main(argv: list[str]) -> None:
    """Parse the limits from ``argv``, set them and exec the IPython kernel."""
    args = list(argv)
    memory_mb, cpu_seconds = 2048, 300
    for flag in ("--memory-mb", "--cpu-seconds"):
        if flag in args:
            i = args.index(flag)
            value = int(args[i + 1])
            del args[i : i + 2]
            if flag == "--memory-mb":
                memory_mb = value
            else:
                cpu_seconds = value
    set_limits(memory_mb, cpu_seconds)
    os.execv(sys.executable, [sys.executable, "-m", "ipykernel_launcher", *args])


if __name__ == "__main__":
    main(sys.argv[1:])
