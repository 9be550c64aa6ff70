"""导入计划并核对: any plan document in, every topic reviewed against its source lines, then saved.

Widgets only: reading is :func:`paperwork.import_document` / :func:`paperwork.import_text`,
the corrections are applied by :mod:`paperwork.review`, saving is the store's.
An import creates a **new** plan (its own committees, departments and
leaders) unless the planner chooses to merge into the open one.

The words of this screen are in :data:`TEXT` (to move into ``ui/texts.py``
when that module's owner takes them).
"""

from __future__ import annotations

import streamlit as st

from solver import PlanError
from solver.plan import Plan
from store import api as store
from store.errors import StoreError

from . import state, views, widgets

TEXT = {
    "title": "导入已发布的计划(任意格式)并逐条核对",
    "help": "支持纯文本、Word(.docx/.doc/.wps)、PDF(须有文字层)、网页(.html)或直接粘贴的文字。"
    "识别后逐条核对:每个议题从原文哪几行读出、把握多大;修改后再保存。",
    "file": "上传计划文件",
    "paste": "或粘贴计划文字",
    "mode": "导入方式",
    "mode_new": "新建计划(默认)",
    "mode_merge": "并入当前计划",
    "parse": "识别",
    "nothing": "请先上传文件或粘贴文字",
    "failed": "无法导入:",
    "summary": "识别出 {topics} 个议题、{forms} 种协商形式;{skipped} 行未使用(见下方“未使用的行”)。尚未保存。",
    "required": "必须填写:{what}",
    "year": "计划年度",
    "year_help": "文本中没有写明年份时必须填写(“今年”无法确定是哪一年)",
    "body": "政协名称",
    "session": "全会月份",
    "blackout": "不安排月份",
    "defaults": "以下为按常规设置的默认值,请核对,可在下方修改:",
    "forms": "协商形式及其规则",
    "topics": "议题(逐条核对:可直接修改单元格;“时间”可写“5月”“5、6月”“4-6月”“第三季度”“全会期间”)",
    "warnings": "提示({n} 条)",
    "skipped": "未使用的行({n} 行)",
    "source": "原文(带行号)",
    "sources": "逐项来源:每个议题的每一项从原文哪一行读出",
    "line": "行号",
    "text": "内容",
    "reason": "原因",
    "save_new": "保存为新计划",
    "save_merge": "并入当前计划并保存",
    "discard": "放弃",
    "saved_new": "已导入并保存为新计划:{label}",
    "saved_merge": "已并入当前计划,计划版本 {version}",
    "bad": "请先改正以下 {n} 处问题:",
    "confidence": "把握",
    "month": "{m}月",
}

EXTENSIONS = ["txt", "docx", "doc", "wps", "pdf", "html", "htm"]
_KEY = "imr"  # widget key prefix of this screen


def _paperwork():
    import paperwork  # deferred: python-docx, pypdf and lxml take a while to import
    import paperwork.review

    return paperwork


def _parse(plan: Plan) -> None:
    paperwork = _paperwork()
    merge = st.session_state.get(f"{_KEY}_mode") == TEXT["mode_merge"]
    known = plan if merge else None
    up = st.session_state.get(f"{_KEY}_file")
    text = st.session_state.get(f"{_KEY}_text") or ""
    st.session_state.pop(f"{_KEY}_draft", None)
    st.session_state.pop(f"{_KEY}_error", None)
    try:
        if up is not None:
            draft = paperwork.import_document(up.name, up.getvalue(), known=known)
        elif text.strip():
            draft = paperwork.import_text(text, known=known)
        else:
            st.session_state[f"{_KEY}_error"] = [TEXT["nothing"]]
            return
    except paperwork.PaperworkError as err:
        st.session_state[f"{_KEY}_error"] = [i.message for i in err.issues]
        return
    st.session_state[f"{_KEY}_draft"] = draft
    st.session_state[f"{_KEY}_merge"] = merge
    st.session_state[f"{_KEY}_gen"] = st.session_state.get(f"{_KEY}_gen", 0) + 1


def _discard() -> None:
    for k in ("draft", "error", "merge"):
        st.session_state.pop(f"{_KEY}_{k}", None)


def render(plan: Plan) -> None:
    """The whole import-and-review screen, for the open ``plan`` (used only when merging)."""
    st.markdown(f"**{TEXT['title']}**")
    st.caption(TEXT["help"])
    st.file_uploader(TEXT["file"], type=EXTENSIONS, key=f"{_KEY}_file")
    st.text_area(TEXT["paste"], key=f"{_KEY}_text", height=120)
    st.radio(TEXT["mode"], [TEXT["mode_new"], TEXT["mode_merge"]], key=f"{_KEY}_mode", horizontal=True)
    st.button(TEXT["parse"], key=f"{_KEY}_parse", on_click=_parse, args=(plan,), icon=":material/manage_search:")
    errors = st.session_state.get(f"{_KEY}_error")
    if errors:
        st.error(TEXT["failed"] + "\n\n" + "\n".join(f"- {m}" for m in errors))
    draft = st.session_state.get(f"{_KEY}_draft")
    if draft is not None:
        _review(plan, draft)


def _review(open_plan: Plan, draft) -> None:
    paperwork = _paperwork()
    review = paperwork.review
    gen = st.session_state.get(f"{_KEY}_gen", 0)
    merge = st.session_state.get(f"{_KEY}_merge", False)
    plan = draft.plan
    st.info(TEXT["summary"].format(topics=len(plan.topics), forms=len(plan.forms), skipped=len(draft.skipped)))
    if draft.required:
        what = "、".join({"year": TEXT["year"], "body": TEXT["body"]}[r] for r in draft.required)
        st.error(TEXT["required"].format(what=what))

    c1, c2, c3, c4 = st.columns([1, 2, 1, 2])
    year = c1.number_input(
        TEXT["year"],
        min_value=2000,
        max_value=2100,
        step=1,
        key=f"{_KEY}_year_{gen}",
        value=None if "year" in draft.required else plan.year,
        help=TEXT["year_help"],
        disabled=merge,
    )
    body = c2.text_input(TEXT["body"], value=plan.body, key=f"{_KEY}_body_{gen}", disabled=merge)
    months = list(range(1, 13))
    session = c3.selectbox(
        TEXT["session"],
        months,
        index=(plan.calendar.session_month or 1) - 1,
        format_func=lambda m: TEXT["month"].format(m=m),
        key=f"{_KEY}_session_{gen}",
        disabled=merge,
    )
    blackout = c4.multiselect(
        TEXT["blackout"],
        months,
        default=plan.calendar.blackout_months,
        format_func=lambda m: TEXT["month"].format(m=m),
        key=f"{_KEY}_blackout_{gen}",
        disabled=merge,
    )
    if draft.defaults:
        st.caption(TEXT["defaults"] + "\n" + "\n".join(f"- {d}" for d in draft.defaults))

    st.markdown(f"**{TEXT['forms']}**")
    form_cols = review.FORM_COLUMNS
    forms = st.data_editor(
        [
            {k: ("" if v is None else str(v)) if k in ("max_per_month", "min_gap_months") else v for k, v in f.items()}
            for f in review.form_rows(plan)
        ],
        key=f"{_KEY}_forms_{gen}",
        hide_index=True,
        width="stretch",
        disabled=["id"],
        column_config={
            "id": st.column_config.TextColumn(form_cols["id"], width="small"),
            "name": st.column_config.TextColumn(form_cols["name"]),
            "session_only": st.column_config.CheckboxColumn(form_cols["session_only"]),
            # text, not number, columns: an empty limit shows as empty, not "None"
            "max_per_month": st.column_config.TextColumn(form_cols["max_per_month"], help="留空表示不限"),
            "min_gap_months": st.column_config.TextColumn(form_cols["min_gap_months"]),
        },
    )

    st.markdown(f"**{TEXT['topics']}**")
    cols = review.COLUMNS
    form_names = [f["name"] for f in forms if f.get("name")]
    rows = st.data_editor(
        review.topic_rows(draft),
        key=f"{_KEY}_topics_{gen}",
        hide_index=True,
        width="stretch",
        num_rows="dynamic",
        disabled=["id", "lines", "confidence", "doubts"],
        # how sure, and why, first: the planner reads the doubtful rows before the rest
        column_order=["id", "confidence", "doubts", "title", "form", "time", "lead", "departments", "leaders", "lines"],
        column_config={
            "id": st.column_config.TextColumn(cols["id"], width="small"),
            "title": st.column_config.TextColumn(cols["title"], width="medium"),
            "form": st.column_config.SelectboxColumn(cols["form"], options=form_names),
            "time": st.column_config.TextColumn(cols["time"]),
            "lead": st.column_config.TextColumn(cols["lead"]),
            "departments": st.column_config.TextColumn(cols["departments"], width="medium"),
            "leaders": st.column_config.TextColumn(cols["leaders"]),
            "lines": st.column_config.TextColumn(cols["lines"], width="small"),
            "confidence": st.column_config.ProgressColumn(
                cols["confidence"], min_value=0, max_value=100, format="%d%%", width="small"
            ),
            "doubts": st.column_config.TextColumn(cols["doubts"]),
        },
    )

    with st.expander(TEXT["sources"]):
        st.dataframe(
            [{review.SOURCE_COLUMNS[k]: v for k, v in row.items()} for row in review.source_rows(draft)],
            hide_index=True,
            width="stretch",
            key=f"{_KEY}_sources_{gen}",
        )
    if draft.warnings:
        with st.expander(TEXT["warnings"].format(n=len(draft.warnings)), icon=":material/info:"):
            st.text("\n".join(draft.warnings))
    if draft.skipped:
        with st.expander(TEXT["skipped"].format(n=len(draft.skipped))):
            st.dataframe(
                [{TEXT["line"]: s.line, TEXT["text"]: s.text, TEXT["reason"]: s.reason} for s in draft.skipped],
                hide_index=True,
                width="stretch",
                key=f"{_KEY}_skipped_{gen}",
            )
    with st.expander(TEXT["source"]):
        st.text("\n".join(f"{i:>4}  {line}" for i, line in enumerate(draft.lines, start=1) if line.strip()))

    b1, b2, _ = st.columns([2, 1, 3])
    label = TEXT["save_merge"] if merge else TEXT["save_new"]
    save = b1.button(label, key=f"{_KEY}_save", type="primary", icon=":material/save:")
    b2.button(TEXT["discard"], key=f"{_KEY}_discard", on_click=_discard)
    if not save:
        return
    try:
        if merge:
            reviewed = review.apply_review(
                draft, list(rows), forms=list(forms), body=open_plan.body, year=open_plan.year
            )
            new_plan = review.merge_into(open_plan, reviewed)
        else:
            new_plan = review.apply_review(
                draft,
                list(rows),
                forms=list(forms),
                body=body,
                year=int(year) if year is not None else None,
                session_month=session,
                blackout_months=blackout,
            )
    except paperwork.PaperworkError as err:
        st.error(TEXT["bad"].format(n=len(err.issues)) + "\n\n" + "\n".join(f"- {i.message}" for i in err.issues))
        return
    try:
        if merge:
            version = state.save_plan(new_plan, author=widgets.author())
            message = TEXT["saved_merge"].format(version=version)
        else:
            new_id = store.create_plan(state.engine(), new_plan, author=widgets.author())
            state.refresh()
            state.select_plan(new_id)  # the new plan opens; the picker follows it on the rerun
            message = TEXT["saved_new"].format(label=f"{new_plan.body} {new_plan.year}")
    except (StoreError, PlanError) as err:
        st.error(str(err))
        return
    _discard()
    views.flash(message)
    st.rerun()
