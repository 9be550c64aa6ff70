"""The duty-sentence grammar (paperwork.duty_sentence): one set of words, read by search and clause by clause."""

from __future__ import annotations

import pytest

from paperwork import relayout
from paperwork.duty_sentence import duty_sentence_kinds, is_duty_sentence, opens_duty_sentence


def test_the_layout_rewrite_asks_the_one_grammar():
    assert relayout.duty_sentence_kinds is duty_sentence_kinds


# text → (a lead and one more duty anywhere, opens on its lead, the kinds of a sentence of duty clauses only)
CASES = {
    "由市政协甲乙委牵头，市丙丁局、市戊己局参加，拟于5月召开专题协商会，请副市长庚某出席。": (
        True,
        True,
        None,  # "召开专题协商会" ends no time clause: the clause reading wants the time alone
    ),
    "由县政协甲委承办，县乙局配合": (True, True, {"lead", "departments"}),
    "由县政协甲委牵头，计划在三季度举办": (True, True, {"lead", "time"}),
    "由县政协甲委牵头，以座谈会形式举办": (True, True, {"lead", "form"}),
    "计划在第三季度举办，县乙局、县丙局参加": (False, False, {"time", "departments"}),
    "预计于10月进行，邀请副县长丁某出席": (False, False, {"time", "leaders"}),
    "县政协甲委牵头，邀请副县长丁某莅临指导": (True, False, None),  # 莅临 only where 邀请 comes first
    "由县政协办公室组织，县乙局参加": (False, False, {"lead", "departments"}),  # 组织: a whole clause only
    # near misses: prose that names duties but is no duty sentence
    "由县政协办公室组织委员视察，县乙局协同推进": (False, False, None),
    "协商成果于会后报送，由县政协办公室牵头": (False, False, None),  # a lead, and no more duty
    "拟于6月召开。": (False, False, None),
    "协商会召开，县乙局参加": (False, False, None),
    "县直有关部门列席，县政协甲委牵头": (False, False, None),  # 列席 says no unit and no leader
}


@pytest.mark.parametrize(("text", "want"), list(CASES.items()), ids=list(CASES))
def test_both_readings_of_a_duty_sentence(text: str, want: tuple):
    assert (is_duty_sentence(text), opens_duty_sentence(text), duty_sentence_kinds(text)) == want
