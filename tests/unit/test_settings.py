"""Settings from the environment: numbers of seconds may be fractions, and bad values are
refused with E602 naming the setting."""

from __future__ import annotations

import pytest

from warlog.errors import SettingsError
from warlog.settings import load_settings


@pytest.mark.parametrize(("raw", "seconds"), [("0.25", 0.25), ("2", 2.0), (" 1e1 ", 10.0)])
def test_a_time_limit_may_be_a_fraction_of_a_second(raw: str, seconds: float) -> None:
    assert load_settings({"WARLOG_TIME_LIMIT": raw})["time_limit"] == seconds


@pytest.mark.parametrize("raw", ["soon", "0", "-3", "nan", "inf", ""])
def test_a_time_limit_that_is_not_a_positive_number_is_refused(raw: str) -> None:
    with pytest.raises(SettingsError) as err:
        load_settings({"WARLOG_TIME_LIMIT": raw})
    assert err.value.code == "E602" and "time_limit" in str(err.value)


def test_whole_number_settings_still_refuse_fractions() -> None:
    with pytest.raises(SettingsError):
        load_settings({"WARLOG_BATCH_SIZE": "2.5"})
    assert load_settings({"WARLOG_BATCH_SIZE": "8"})["batch_size"] == 8
