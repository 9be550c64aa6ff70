"""The field tables of store/mapping.py: every field of the plan model has a place, and nothing is lost.

The failure these tests guard against: a field added to a model class (say
``unavailable_months`` on a committee) that the data layer does not know
comes back empty from the database while the round-trip tests stay green.
"""

from __future__ import annotations

import dataclasses

import pytest
from store_samples import handmade_dict, handmade_plan

from solver.plan import Committee, Leader, Topic
from store import api
from store import mapping as M

# Columns of each table that hold no field of the plan model: keys, list
# order, and the bookkeeping of plans and schedules (versions, authors, times).
BOOKKEEPING = {
    "plan": {"id", "created_at", "updated_at", "version", "updated_by"},
    "form": {"plan_id", "position"},
    "committee": {"plan_id", "position"},
    "department": {"plan_id", "position"},
    "leader": {"plan_id", "position"},
    "topic": {"plan_id", "position"},
    "schedule": {"id", "plan_id", "created_at", "kind", "name", "author", "note", "options", "plan_version"},
    "assignment": {"schedule_id", "position"},
}


@pytest.mark.parametrize("spec", M.ALL, ids=lambda s: s.model.__name__)
def test_every_field_of_the_plan_model_is_mapped(spec):
    assert M.unmapped_fields(spec) == set(), (
        f"{spec.model.__name__}: fields with no place in store/mapping.py; give each a column "
        "(and an Alembic revision), a link/child table, or list it in `in_extra`"
    )


@pytest.mark.parametrize("spec", M.ALL, ids=lambda s: s.model.__name__)
def test_every_mapped_column_exists_and_every_column_is_mapped(spec):
    table_columns = set(spec.table.c.keys())
    mapped = {name for c in spec.columns for name in c.columns} | {spec.extra_column}
    assert mapped <= table_columns
    # the plan row carries two maps (plan and calendar): check the union for it
    siblings = [s for s in M.ALL if s.table is spec.table]
    all_mapped = set().union(*({n for c in s.columns for n in c.columns} | {s.extra_column} for s in siblings))
    assert table_columns - all_mapped == BOOKKEEPING[spec.table.name]


def test_a_field_added_to_a_model_is_caught():
    """A subclass stands for tomorrow's model with one more field: the coverage check names it."""

    class CommitteeWithMonths(Committee):
        unavailable_months: list[int] = []

    class TopicWithDates(Topic):
        start_date: str | None = None

    assert M.unmapped_fields(M.COMMITTEE, CommitteeWithMonths) == {"unavailable_months"}
    assert M.unmapped_fields(M.TOPIC, TopicWithDates) == {"start_date"}
    assert M.unmapped_fields(M.LEADER, Leader) == set()


def test_an_unmapped_field_still_round_trips_through_extra():
    """Until it gets a column, a field the map does not name is kept in ``extra`` — never dropped."""

    class CommitteeWithMonths(Committee):
        unavailable_months: list[int] = []

    spec = dataclasses.replace(M.COMMITTEE, model=CommitteeWithMonths)
    item = CommitteeWithMonths(id="jj", name="经济委员会", max_per_month=2, unavailable_months=[2, 8])
    row = spec.to_row(item.model_dump(mode="json"))
    assert row == {"code": "jj", "name": "经济委员会", "max_per_month": 2, "extra": {"unavailable_months": [2, 8]}}
    assert CommitteeWithMonths.model_validate(spec.from_row(row)) == item


def test_a_forgotten_column_mapping_loses_nothing_in_the_database(engine, monkeypatch):
    """Drop a field from a map (as if someone forgot it): the check fails, the data survives."""
    forgetful = dataclasses.replace(M.FORM, columns=tuple(c for c in M.FORM.columns if c.field != "max_per_month"))
    assert M.unmapped_fields(forgetful) == {"max_per_month"}
    monkeypatch.setitem(M.PLAN_CHILDREN, "forms", forgetful)

    plan_id = api.import_plan_json(engine, handmade_dict())
    back, _ = api.load_plan(engine, plan_id)
    assert back.to_dict() == handmade_plan().to_dict()
    assert [f.max_per_month for f in back.forms] == [f.max_per_month for f in handmade_plan().forms]
    assert any(f.max_per_month == 1 for f in back.forms)


def test_window_maps_to_two_columns_and_back():
    (window,) = [c for c in M.TOPIC.columns if c.field == "window"]
    assert window.write([3, 9]) == (3, 9)
    assert window.read(3, 9) == [3, 9]
    assert window.write(None) == (None, None)
    assert window.read(None, None) is None
