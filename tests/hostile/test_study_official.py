"""Hostile official-statistics inputs (issue 18): out-of-range periods and dates, bad codes, binary crosswalks."""

from __future__ import annotations

import pytest

from impact.errors import InputError, ValidationError
from impact.official import read_dfe, read_ofsted

HEADER = ("time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,"
          "old_la_code,new_la_code,la_name,referrals\n")


def _dfe(tmp_path, rows):
    f = tmp_path / "dfe.csv"
    f.write_text(HEADER + "".join(r + "\n" for r in rows))
    return f


def test_dfe_time_period_9999_is_refused(tmp_path):
    f = _dfe(tmp_path, ["9999,Reporting year,Local authority,E92000001,England,E12000007,London,301,E09000002,Barking,10"])
    with pytest.raises(ValidationError, match=r"dfe.csv:2:time_period: '9999 \(Reporting year\)' - expected time_period "
                                              r"'9999' - expected a year from 1990 to 20\d\d"):
        read_dfe(f)


@pytest.mark.parametrize("code", ["2O1", "1", "３０１"])
def test_dfe_council_codes_must_be_three_ascii_digits(tmp_path, code):
    f = _dfe(tmp_path, [f"2013,Reporting year,Local authority,E92000001,England,E12000007,London,{code},E09000002,Barking,10"])
    with pytest.raises(ValidationError, match=rf"dfe.csv:2:old_la_code: '{code}' - expected a DfE three-digit"):
        read_dfe(f)


@pytest.mark.parametrize("cell", ["1e999", "inf", "nan"])
def test_dfe_non_finite_values_are_not_numbers(tmp_path, cell):
    f = _dfe(tmp_path, [f"2013,Reporting year,Local authority,E92000001,England,E12000007,London,301,E09000002,Barking,{cell}",
                        "2013,Reporting year,Local authority,E92000001,England,E12000007,London,302,E09000003,Barnet,12"])
    with pytest.raises(ValidationError, match=rf"dfe.csv:2:referrals: '{cell}' - expected a number"):
        read_dfe(f, errors="raise")


OFSTED = "urn,local_authority,publication_date,inspector_name,overall_effectiveness_grade\n"


def test_ofsted_date_in_3000_is_refused(tmp_path):
    f = tmp_path / "ofsted.csv"
    f.write_text(OFSTED + "80486,barking and dagenham,01/06/3000,Someone,good\n")
    with pytest.raises(ValidationError, match=r"ofsted.csv:2:publication_date: '01/06/3000' - expected a date "
                                              r"dd/mm/yy, dd/mm/yyyy or yyyy-mm-dd from 01/01/1990 to"):
        read_ofsted(f, errors="raise")


def test_binary_ofsted_crosswalk_is_one_clear_error(tmp_path):
    f = tmp_path / "ofsted.csv"
    f.write_text(OFSTED + "80486,barking and dagenham,01/06/2019,Someone,good\n")
    cross = tmp_path / "lookup.csv"
    cross.write_bytes(bytes(range(256)) * 50)
    with pytest.raises(InputError, match=r"lookup.csv: contains NUL bytes at byte 0 \(line 1, character 1\) - expected a text file"):
        read_ofsted(f, crosswalk=cross)


def test_crosswalk_codes_are_checked(tmp_path):
    f = tmp_path / "ofsted.csv"
    f.write_text(OFSTED + "80486,barking and dagenham,01/06/2019,Someone,good\n")
    cross = tmp_path / "lookup.csv"
    cross.write_text("urn,la_code\n80486,3O1\n")
    with pytest.raises(ValidationError, match=r"lookup.csv:2:la_code: '3O1' - expected a DfE three-digit"):
        read_ofsted(f, crosswalk=cross)
