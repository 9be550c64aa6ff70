"""Import time against input size: is reading linear? (issue: a 300,000-line upload held the server > 600 s)

    python bench/bench_import_scale.py OUT_DIR [--root CODE_ROOT] [--timeout S]

Builds the inputs in OUT_DIR (a realistic plan of numbered topics with
labelled fields repeated; random Chinese lines; one very long line; the plan
as .docx and .html; the .pdf only when LibreOffice made it beforehand:
``soffice --headless --convert-to pdf OUT_DIR/plan5000.docx``), then imports
each once in a fresh process with :func:`paperwork.importer.import_document`
of the code in CODE_ROOT (default: this checkout; pass an older checkout for
a before/after), killed after S seconds. Prints one Markdown table row per
input; the results are kept by hand in bench/results/import-scale.md.
"""

from __future__ import annotations

import argparse
import html
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_ONE = """
import sys, time, os
sys.path.insert(0, {root!r})
from paperwork.importer import import_document
from paperwork.common import PaperworkError
p = {path!r}
data = open(p, 'rb').read()
t = time.perf_counter()
try:
    r = 'read, %d topics' % len(import_document(os.path.basename(p), data).plan.topics)
except PaperworkError as e:
    r = 'refused: ' + str(e)[:40]
print('%.2f\\t%s' % (time.perf_counter() - t, r))
"""


def _plan(n: int) -> list[str]:
    lines = ["东阳湾市政协2025年度协商计划", "一、专题协商会"]
    k = 0
    while len(lines) < n:
        k += 1
        lines += [
            f"{k}.推进第{k}片老旧小区改造",
            f"时间安排:{k % 12 + 1}月",
            "牵头单位:市政协经济委",
            "协商部门:市住建局、市财政局",
        ]
    return lines[:n]


def build(out: Path) -> list[Path]:
    import docx

    rng = random.Random(7)
    out.mkdir(parents=True, exist_ok=True)
    made = []

    def write(name: str, text: str) -> None:
        (out / name).write_text(text, encoding="utf-8")
        made.append(out / name)

    for n in (5_000, 10_000, 20_000, 50_000):
        write(f"plan{n}.txt", "\n".join(_plan(n)))
    for n in (10_000, 50_000):
        write(
            f"zh{n}.txt",
            "\n".join("".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(rng.randint(8, 40))) for _ in range(n)),
        )
    write("longline1000000.txt", " ".join(_plan(60_000))[:1_000_000])
    for n in (5_000, 20_000):
        d = docx.Document()
        for line in _plan(n):
            d.add_paragraph(line)
        d.save(out / f"plan{n}.docx")
        made.append(out / f"plan{n}.docx")
        write(
            f"plan{n}.html", "<html><body>" + "".join(f"<p>{html.escape(x)}</p>\n" for x in _plan(n)) + "</body></html>"
        )
    made += sorted(out.glob("*.pdf"))
    return made


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--root", default=str(ROOT))
    ap.add_argument("--timeout", type=float, default=180)
    ap.add_argument("--extra", nargs="*", default=[], help="more files to time (e.g. the trial's hostile inputs)")
    args = ap.parse_args()
    print(f"load average before: {os.getloadavg()}")
    print("| input | size | lines | seconds | outcome |\n|---|---|---|---|---|")
    for path in [*build(args.out), *map(Path, args.extra)]:
        data = path.read_bytes()
        lines = data.count(b"\n") + 1 if path.suffix in (".txt", ".html") else "-"
        start = time.perf_counter()
        try:
            done = subprocess.run(
                [sys.executable, "-c", _ONE.format(root=args.root, path=str(path))],
                capture_output=True,
                text=True,
                timeout=args.timeout,
                check=False,
            )
            secs, _, outcome = (done.stdout.strip() or f"-\terror {done.stderr[-80:]}").partition("\t")
        except subprocess.TimeoutExpired:
            secs, outcome = f"> {args.timeout:.0f}", f"killed after {time.perf_counter() - start:.0f} s"
        print(f"| {path.name} | {len(data) / 1e6:.2f} MB | {lines} | {secs} | {outcome} |", flush=True)
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
