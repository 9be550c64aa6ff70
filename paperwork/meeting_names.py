"""Meetings named as a topic's form though no form rule knows them: "季度经济形势分析会", "重大项目论证会".

A committee's own plan may hold its topics as meetings of its own kind and
write that kind where other plans write the form ("１１．总结X（季度经济形势分析会，
１２月上旬）"). :func:`is_meeting_name` tells such a name from a remark in the same bracket.
"""

from __future__ import annotations

import re

# the kind of meeting, then 会 / 会议: what is done there names it
_MEETING = re.compile(r"(?:分析|论证|通报|评议|议事|听证|推进|研讨|交流|协调|评估|咨询)(?:会|会议)$")
_NOT_A_NAME = re.compile(r"[委局厅办院部署组室]|政府|政协|关于|召开|举办|举行|开展|组织")


def is_meeting_name(text: str) -> bool:
    """Whether ``text`` (one bracket part) is a meeting name: short hanzi ending in a meeting kind, naming no body."""
    t = text.strip()
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{4,12}", t) and _MEETING.search(t) and not _NOT_A_NAME.search(t))
