"""A driver's error whose text holds Chinese data (the SQL's parameters) is still the driver's: said in Chinese."""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import OperationalError

from store import texts as T
from store.errors import reason_of


def test_a_driver_error_quoting_chinese_parameters_is_translated_not_passed_through() -> None:
    orig = sqlite3.OperationalError("attempt to write a readonly database")
    err = OperationalError("UPDATE setting SET updated_by=?", ("命令行",), orig)
    assert "命令行" in str(err)  # the trap: Chinese in the text, yet English
    reason = reason_of(err)
    assert reason == T.DB_REASON["readonly"]
    assert "readonly" not in reason and "sqlite3" not in reason
