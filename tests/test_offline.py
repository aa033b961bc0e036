"""Offline by construction: no analysis or view opens a network connection or links an asset."""

from __future__ import annotations

import re
import socket

import pytest

from conftest import SEEDS


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_analyses_and_views_work_without_network(no_network):
    import matplotlib

    matplotlib.use("Agg")
    from framingkit.claims import claims
    from framingkit.claims.views import table_html
    from framingkit.compare import compare
    from framingkit.compare.views import html_page
    from framingkit.spot import spot
    from framingkit.spot.views import html as spot_html

    a, b = SEEDS / "original_telegraph.txt", SEEDS / "republished_2023-03-28.txt"
    pages = [html_page(compare(a, b)), spot_html(spot(a)), table_html(claims(a))]
    for page in pages:
        assert page
        # no external scripts, styles, fonts or images: every src/href is local or an anchor
        for url in re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)""", page):
            assert not re.match(r"(?i)(https?:)?//", url), url
        assert "@import" not in page and "fonts.googleapis" not in page
