"""The seed texts are byte-identical to the ones the project was given."""

from __future__ import annotations

import hashlib

from conftest import ROOT, SEEDS

EXPECTED = {
    "original_telegraph.txt": "bdb985941477e077b3d1457fa51abc910fc35e9c2b967e907ca1840f0f003d4a",
    "republished_2023-03-28.txt": (
        "737508a144cfec7ad8e55707c23d067a874a64e350c6039edd8e3dcbbb296d76"
    ),
}
SHARED = {
    "original_telegraph.txt": "001_6cf96ae53b9147ee.txt",
    "republished_2023-03-28.txt": "000_ca471896cca6068c.txt",
}


def test_seed_checksums():
    for name, digest in EXPECTED.items():
        assert hashlib.sha256((SEEDS / name).read_bytes()).hexdigest() == digest, name


def test_seeds_match_shared_copies_when_present():
    shared = ROOT.parent / "shared" / "seeds"
    for name, given in SHARED.items():
        if (shared / given).exists():
            assert (SEEDS / name).read_bytes() == (shared / given).read_bytes()


def test_seed_readme_describes_each_seed():
    readme = (SEEDS / "README.md").read_text(encoding="utf-8")
    for name in EXPECTED:
        assert name in readme
