"""Names typed as sentences ("县委书记。县长") are several names, in every list field; a bracket keeps its 。."""

from __future__ import annotations

import pytest

from paperwork.importer import import_text

TEXT = """2026年度协商计划
一、对口协商
1.关于推进某项工作
时间安排:5月
承办单位:{lead}
协商部门:{departments}
出席领导:{leaders}
"""


@pytest.mark.parametrize(
    ("departments", "leaders", "want_departments", "want_leaders"),
    [
        ("县商务局。县财政局", "县委书记。县长", ["县商务局", "县财政局"], ["县委书记", "县长"]),
        ("县商务局。", "县委书记。县长。", ["县商务局"], ["县委书记", "县长"]),
        ("县商务局、县财政局。县税务局", "县长", ["县商务局", "县财政局", "县税务局"], ["县长"]),
    ],
)
def test_a_full_stop_between_names_separates_them(departments, leaders, want_departments, want_leaders):
    draft = import_text(TEXT.format(lead="经济委", departments=departments, leaders=leaders))
    assert [d.name for d in draft.plan.departments] == want_departments
    assert [p.name for p in draft.plan.leaders] == want_leaders


def test_a_full_stop_inside_brackets_does_not_split_the_name():
    draft = import_text(TEXT.format(lead="经济委", departments="县商务局", leaders="副县长(分管工业。商务)"))
    assert [p.name for p in draft.plan.leaders] == ["副县长(分管工业。商务)"]
