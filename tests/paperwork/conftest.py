"""Fixtures for the paperwork tests."""

from __future__ import annotations

import os

import pytest


@pytest.fixture
def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")
