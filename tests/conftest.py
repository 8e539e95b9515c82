"""Shared fixtures: the golden samples (raw in samples/, expected results in tests/golden/)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import settings

# 300 examples a property by default; HYPOTHESIS_PROFILE=deep for a long hunt.
settings.register_profile("default", max_examples=300)
settings.register_profile("deep", max_examples=5000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
GOLDEN = Path(__file__).resolve().parent / "golden"


def sample_names() -> list[str]:
    return sorted(p.stem for p in SAMPLES.glob("*.txt"))


@pytest.fixture(params=sample_names())
def sample(request: pytest.FixtureRequest) -> tuple[str, dict]:
    """``(raw text, expected json)`` of one golden sample."""
    name = request.param
    raw = (SAMPLES / f"{name}.txt").read_text(encoding="utf-8")
    expected = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    return raw, expected
