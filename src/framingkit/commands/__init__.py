"""One module per ``framingkit`` subcommand (see :mod:`framingkit.cli`)."""
