"""Import accuracy over the corpus, and the time of a 60-topic plan from text, .docx and PDF.

    python bench/bench_import.py                 # prints, and writes bench/results/import.md
    python bench/bench_import.py --no-write      # prints only

Accuracy: every layout of ``tests/paperwork/corpus`` (``*.src`` built into
each of its formats by ``build.py``; LibreOffice makes the .doc and .pdf) is
read with :func:`paperwork.importer.import_document` and compared with its
``*.expected.json`` (``tests/paperwork/corpus/score.py``): per field, recall
(expected items read right) and precision (read items that are right),
micro-averaged over files; invented topics counted. The held-out layouts
(``corpus/holdout*``, one folder per blind set: written before the reader was run on
them) are reported set by set.

Speed: a 60-topic plan (generated: three forms, labelled fields) is built as
.txt, .docx (automatic numbering) and PDF, then imported 7 times each after a
warm-up; the median is reported (min and max beside it). Target (issue 10): < 1 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "paperwork" / "corpus"))

import build  # noqa: E402  (the corpus builder, beside the corpus)
import score  # noqa: E402

from paperwork.importer import import_document  # noqa: E402

CORPUS = ROOT / "tests" / "paperwork" / "corpus"
RUNS = 7
TARGET_S = 1.0
KEPT_MARKER = "<!-- history: kept by bench_import.py -->"
FORMS_60 = ("专题议政性常委会议", "对口协商", "双月协商座谈会")


def corpus_scores(folder: Path, out: Path) -> tuple[score.Score, list[tuple[str, score.Score]]]:
    total, rows = score.Score(), []
    for src in sorted(folder.glob("*.src")):
        expected = score.load_expected(src.with_name(src.name.replace(".src", ".expected.json")))
        for path in build.build_one(src, out):
            s = _score_file(path, expected)
            total.add(s)
            rows.append((path.name, s))
    for path, exp in build.raw_documents(folder):  # a blind set's finished files, read as they are
        s = _score_file(path, score.load_expected(exp))
        total.add(s)
        rows.append((path.name, s))
    return total, rows


def _score_file(path: Path, expected: dict) -> score.Score:
    try:
        draft = import_document(path.name, path.read_bytes())
        return score.score(draft.plan, expected, label=path.name, reports=draft.reports)
    except Exception as err:  # noqa: BLE001 - a refused file scores zero in every field, and is shown
        s = score.Score()
        topics = expected["topics"]
        s.expected.update(topics=len(topics), months=len(topics), forms=len(topics))
        for f in ("lead", "departments", "leaders"):
            s.expected[f] = sum(len(t.get(f) or []) for t in topics)
        s.misses.append(f"{path.name}: {err}")
        return s


def plan_60_src() -> str:
    lines = ["@formats: txt docx pdf", "长林市政协2025年度协商工作计划", "#1 协商安排"]
    n = 0
    for f, form in enumerate(FORMS_60):
        lines.append(f"#2 {form}(20项)")
        for k in range(20):
            n += 1
            lines += [
                f"#3 推进第{n}项重点工作的协商议题{k}",
                f"时间安排:{4 + (n % 8)}月",
                f"承办单位:市政协第{f + 1}专委会",
                f"协商部门:市第{n % 9 + 1}局、市第{n % 7 + 10}局",
            ]
    return "\n".join(lines) + "\n"


def time_60(tmp: Path) -> dict[str, tuple[float, float, float, int]]:
    src = tmp / "plan60.src"
    src.write_text(plan_60_src(), encoding="utf-8")
    out = {}
    for path in build.build_one(src, tmp / "built"):
        data = path.read_bytes()
        draft = import_document(path.name, data)  # warm-up (imports, regex compilation)
        times = []
        for _ in range(RUNS):
            t0 = time.perf_counter()
            import_document(path.name, data)
            times.append(time.perf_counter() - t0)
        out[path.suffix[1:]] = (statistics.median(times), min(times), max(times), len(draft.plan.topics))
    return out


def _layouts(folder: Path) -> list[str]:
    """The layouts of a folder: each ``*.src``, and each finished document of a blind set (by name prefix)."""
    names = {p.name.split("-", 1)[0] for p in folder.glob("*.src")}
    names |= {p.name.split("-", 1)[0] for p, _ in build.raw_documents(folder)}
    return sorted(names)


def _span(folder: Path) -> str:
    names = _layouts(folder)
    return f"{names[0]}–{names[-1]}" if names else "empty"


def table(total: score.Score) -> list[str]:
    lines = ["| field | recall | precision | expected | read right |", "| --- | ---: | ---: | ---: | ---: |"]
    for f in score.FIELDS:
        lines.append(
            f"| {f} | {total.recall(f):.1%} | {total.precision(f):.1%} | {total.expected[f]} | {total.tp[f]} |"
        )
    lines.append(f"| invented topics | {total.invented} | | | |")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    load_before = os.getloadavg()
    started = dt.datetime.now(dt.UTC)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        tuned, tuned_rows = corpus_scores(CORPUS, tmp_path / "tuned")
        held_sets = [
            (folder, *corpus_scores(folder, tmp_path / folder.name)) for folder in sorted(CORPUS.glob("holdout*"))
        ]
        speed = time_60(tmp_path)
    load_after = os.getloadavg()
    out = [
        "# Import: accuracy over the corpus, and speed (`bench/bench_import.py`)",
        "",
        f"- Date: {started:%Y-%m-%d %H:%M} UTC",
        f"- Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}",
        f"- Load average before / after: {', '.join(f'{x:.2f}' for x in load_before)} / "
        f"{', '.join(f'{x:.2f}' for x in load_after)} (other sessions share the 2 cores)",
        "",
        f"## Layouts tuned on ({len(tuned_rows)} files from {len(list(CORPUS.glob('*.src')))} layouts)",
        "",
        *table(tuned),
        "",
        *[
            line
            for folder, held, held_rows in held_sets
            for line in (
                f"## Held-out set `{folder.name}` ({len(held_rows)} files from "
                f"{len(_layouts(folder))} layouts, {_span(folder)}; written before the reader ran on them)",
                "",
                *table(held),
                "",
                "Per file (topics read right / expected, invented):",
                "",
                *[f"- {name}: {s.tp['topics']}/{s.expected['topics']}, {s.invented}" for name, s in held_rows],
                "",
                f"Misses ({folder.name}):",
                "",
                *([f"- {m}" for m in held.misses] or ["- none"]),
                "",
            )
        ],
        "Misses (tuned):",
        "",
        *([f"- {m}" for m in tuned.misses] or ["- none"]),
        "",
        f"## A 60-topic plan: import time (median of {RUNS} after a warm-up; target < {TARGET_S:.0f} s)",
        "",
        "| source | median | min | max | topics read |",
        "| --- | ---: | ---: | ---: | ---: |",
        *[
            f"| .{k} | {m * 1000:.0f} ms | {lo * 1000:.0f} ms | {hi * 1000:.0f} ms | {n} |"
            for k, (m, lo, hi, n) in speed.items()
        ],
        "",
    ]
    text = "\n".join(out)
    print(text)
    if not args.no_write:
        path = ROOT / "bench" / "results" / "import.md"
        kept = ""  # the hand-kept history below the marker survives a new run
        if path.exists() and KEPT_MARKER in path.read_text(encoding="utf-8"):
            kept = KEPT_MARKER + path.read_text(encoding="utf-8").split(KEPT_MARKER, 1)[1]
        path.write_text(text + ("\n" + kept if kept else ""), encoding="utf-8")
        print(f"written {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
