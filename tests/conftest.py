"""Shared test helpers: fixture paths and the switch that regenerates golden files.

Run `pytest --regen-golden` (or set UNWORDING_REGEN_GOLDEN=1) after a deliberate
change of output, then review the diff of fixtures/*/expected.* before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen-golden", action="store_true", help="rewrite fixtures/*/expected.*")


@pytest.fixture
def regen(request: pytest.FixtureRequest) -> bool:
    return bool(
        request.config.getoption("--regen-golden") or os.environ.get("UNWORDING_REGEN_GOLDEN")
    )


def case_dirs() -> list[Path]:
    """Every fixture case: a folder with base.* and draft.*, or one amended.* (a redline)."""
    return sorted(
        p
        for p in FIXTURES.iterdir()
        if p.is_dir() and (list(p.glob("base.*")) or list(p.glob("amended.*")))
    )


def case_files(case: Path) -> tuple[Path, ...]:
    """The files to compare: base and draft, or the amended file alone."""
    amended = list(case.glob("amended.*"))
    if amended:
        return (amended[0],)
    return next(case.glob("base.*")), next(case.glob("draft.*"))
