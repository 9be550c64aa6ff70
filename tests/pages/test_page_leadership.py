"""领导总览: read-only, the sheet of the year, PDF/PNG downloads, the print stylesheet."""

from page_helpers import html_of, texts_of

# Widgets that would change something; the sidebar (plan picker, sign-out, password change) aside.
EDITING = ("text_input", "text_area", "number_input", "data_editor", "slider", "checkbox", "toggle", "radio")


def test_the_page_shows_the_year_read_only(open_app):
    at = open_app("leadership")
    assert [t.value for t in at.title] == ["领导总览"]
    html = html_of(at)
    assert 'class="ls-sheet detail"' in html
    for title in ("市政协十四届二次会议协商议政", "降低企业成本,吸引投资创业"):  # the plenary and a 常委会议
        assert title in html
    assert "@media print" in html and "stSidebar" in html and "size: A4 landscape" in html
    for kind in EDITING:
        assert not at.main.get(kind), kind
    assert not [b for b in at.main.get("button")], "the page has no action buttons"
    labels = [b.proto.label for b in at.main.get("download_button")]
    assert labels == ["下载 PDF(A4 横向)", "下载图片(PNG)"]


def test_the_sheet_marks_the_checkers_overloads(open_app):
    at = open_app("leadership")
    html = html_of(at)
    # the published Weihai schedule has departments twice in July and August (the checker's findings)
    assert "负荷提示" in html and "需参加 2 项协商" in html
    assert 'class="mk">①' in html


def test_without_chromium_the_page_says_why(open_app, monkeypatch):
    from services import printing

    monkeypatch.setattr(printing, "chromium_path", lambda: None)
    at = open_app("leadership")
    assert "没有安装 Chromium" in texts_of(at)
    assert all(b.proto.disabled for b in at.main.get("download_button"))
    assert 'class="ls-sheet' in html_of(at)  # the sheet is still on screen, printable from the browser


def _open_sample(open_app, engine, topics: int):
    """The page on the sample plan with that many topics (synthetic-50 and synthetic-200 share a body)."""
    from services import plans
    from tests.actors import PLANNER

    picked = next(p for p in plans.list_plans(engine, actor=PLANNER) if p.topic_count == topics)
    at = open_app("leadership")
    at.session_state["plan_picker"] = picked.id
    at.run()
    assert not at.exception, at.exception
    return at


def test_a_plan_not_yet_scheduled_shows_its_own_months_and_says_so(open_app, engine):
    at = _open_sample(open_app, engine, 50)  # synthetic-50: no schedule in the sample database
    assert "尚未编排" in texts_of(at)
    html = html_of(at)
    assert 'class="ls-sheet detail"' in html and "尚未编排:月份为计划所列建议月份(拟)" in html


def test_a_large_plan_gets_the_summary(open_app, engine):
    at = _open_sample(open_app, engine, 200)
    html = html_of(at)
    assert 'class="ls-sheet summary"' in html and "各月重点议题" in html


def test_a_role_that_may_not_see_the_whole_plan_is_told_why(open_app, monkeypatch):
    from services.access import Actor, Role
    from ui import leadership

    monkeypatch.setattr(leadership, "viewer", lambda: Actor(name="联络员", role=Role.LIAISON, department="市商务局"))
    at = open_app("leadership")
    assert not at.exception
    assert any("部门联络员" in e.value for e in at.error)
    assert 'class="ls-sheet' not in html_of(at)
