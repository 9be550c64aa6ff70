"""Build the import corpus's documents from their sources: ``python tests/paperwork/corpus/build.py [OUT]``.

Each layout is one ``*.src`` file (invented titles and names) and its
expected plan ``*.expected.json``. The source is plain text with a little
markup, so the Word numbering and tables are *real* Word structures, not
typed numbers:

- first line ``@formats: txt docx doc pdf html cpdf`` — which files to build;
- ``@css: …`` — style rules added to the web page (.html and cpdf), e.g. collapsed table borders;
- ``#1 text`` / ``#2 text`` / ``#3 text`` — a paragraph automatically numbered
  ``一、`` / ``(一)`` / ``1.`` (in .docx through numbering.xml; in .txt and
  .html the number is written out);
- ``#b text`` — a bullet ``●``; ``#c text`` — a circled number ``①``;
- ``|a|b|c`` — a table row (consecutive rows form a table); a cell ``^``
  is merged with the one above (Word vMerge, HTML rowspan);
- ``!junk text`` — web-page furniture, only written into .html;
- anything else — a plain paragraph.

.doc and .pdf are converted from the .docx by LibreOffice headless
(``soffice``), as an office would save them; ``cpdf`` is the .html printed by
headless Chromium with its page header and footer (print time, title, the
file's address, "1/2"), as a browser's "print to PDF" saves a web page
(written as ``<stem>.chromium.pdf``). Files go to OUT (default: a
``build`` folder beside this script, which git ignores).
"""

from __future__ import annotations

import html
import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE.parents[2]) not in sys.path:  # run as a script: the project root holds paperwork/
    sys.path.insert(0, str(HERE.parents[2]))
FORMATS = ("txt", "docx", "doc", "pdf", "html", "cpdf")
# What a document in the corpus is saved as: every extension the importer takes (a blind author's
# .wps and .htm among them; a cpdf is a .pdf)
DOCUMENT_SUFFIXES = ("txt", "docx", "doc", "wps", "pdf", "html", "htm")
_CN = "一二三四五六七八九十"


def _cn(n: int) -> str:
    return _CN[n - 1] if n <= 10 else "十" + _CN[n - 11]


def parse_src(text: str) -> tuple[list[str], list[tuple[str, object]]]:
    """(formats, blocks): blocks are ("p", (kind, text)) or ("table", rows)."""
    lines = text.splitlines()
    formats = lines[0].split(":", 1)[1].split() if lines and lines[0].startswith("@formats:") else ["txt"]
    blocks: list[tuple[str, object]] = []
    table: list[list[str]] = []
    for line in lines[1:]:
        if line.startswith("@css:"):
            continue  # the web page's style sheet (see build_one), not a paragraph
        if line.startswith("|"):
            table.append([c.strip() for c in line.strip().strip("|").split("|")])
            continue
        if table:
            blocks.append(("table", table))
            table = []
        for mark in ("#1", "#2", "#3", "#b", "#c"):
            if line.startswith(mark + " "):
                blocks.append(("p", (mark[1], line[3:])))
                break
        else:
            if line.startswith("!"):
                blocks.append(("p", ("junk", line[1:])))
            else:
                blocks.append(("p", ("", line)))
    if table:
        blocks.append(("table", table))
    return formats, blocks


def _numbers(blocks):
    """The written-out number of each numbered paragraph, as Word would show it."""
    counters = {"1": 0, "2": 0, "3": 0, "b": 0, "c": 0}
    out = []
    for kind, payload in blocks:
        if kind != "p":
            out.append("")
            continue
        mark, _ = payload
        if mark in counters:
            counters[mark] += 1
            for deeper in {"1": ("2", "3", "c"), "2": ("3", "c"), "3": ("c",)}.get(mark, ()):
                counters[deeper] = 0
        n = counters.get(mark, 0)
        out.append(
            {"1": f"{_cn(n)}、", "2": f"({_cn(n)})", "3": f"{n}.", "b": "●", "c": chr(0x2460 + n - 1)}.get(mark, "")
        )
    return out


def to_txt(blocks) -> str:
    out = []
    for (kind, payload), num in zip(blocks, _numbers(blocks), strict=True):
        if kind == "table":
            rows = payload
            filled = []
            for r, row in enumerate(rows):
                filled.append([filled[r - 1][j] if c == "^" and r else c for j, c in enumerate(row)])
            out.extend("\t".join(row) for row in filled)
        elif payload[0] != "junk":
            out.append(num + payload[1])
    return "\n".join(out) + "\n"


def to_html(blocks, title: str) -> str:
    parts = [
        f"<html><head><meta charset='utf-8'><title>{html.escape(title)}</title>",
        "<style>p{margin:0}</style><script>var x = '<p>不是正文</p>';</script></head><body>",
        "<nav><a href='/'>首页</a> &gt; <a href='#'>工作动态</a></nav>",
        "<div class='content'>",
    ]
    for (kind, payload), num in zip(blocks, _numbers(blocks), strict=True):
        if kind == "table":
            rows = payload
            parts.append("<table border='1'>")
            for r, row in enumerate(rows):
                cells = []
                for j, c in enumerate(row):
                    if c == "^":
                        continue
                    span = 1
                    while r + span < len(rows) and j < len(rows[r + span]) and rows[r + span][j] == "^":
                        span += 1
                    tag = "th" if r == 0 else "td"
                    attr = f" rowspan='{span}'" if span > 1 else ""
                    cells.append(f"<{tag}{attr}>{html.escape(c)}</{tag}>")
                parts.append("<tr>" + "".join(cells) + "</tr>")
            parts.append("</table>")
        elif payload[0] == "junk":
            parts.append(f"<div class='share'>{html.escape(payload[1])}</div>")
        else:
            text = html.escape(num + payload[1])
            text = text.replace(":", ":<span></span>", 1)  # inline tags mid-line, as CMS pages have
            parts.append(f"<p><span style='font-family:仿宋'>{text}</span></p>")
    parts.append("</div><footer>版权所有 某市政协办公室 备案号:X-000</footer></body></html>")
    return "\n".join(parts)


def _add_numbering(doc) -> dict[str, int]:
    """Abstract numbering for 一、 (一) 1. ● ① in the document's numbering part; mark → numId."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    numbering = doc.part.numbering_part.element
    specs = {
        "1": ("chineseCounting", "%1、"),
        "2": ("chineseCounting", "(%1)"),
        "3": ("decimal", "%1."),
        "b": ("bullet", "●"),
        "c": ("decimalEnclosedCircle", "%1"),
    }
    ids = {}
    base = 900
    for k, (mark, (fmt, text)) in enumerate(specs.items()):
        aid, nid = base + k, base + k
        xml = (
            f"<w:abstractNum {nsdecls('w')} w:abstractNumId='{aid}'>"
            f"<w:multiLevelType w:val='singleLevel'/><w:lvl w:ilvl='0'><w:start w:val='1'/>"
            f"<w:numFmt w:val='{fmt}'/><w:lvlText w:val='{text}'/><w:lvlJc w:val='left'/></w:lvl>"
            f"</w:abstractNum>"
        )
        first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
        if first_num is not None:
            first_num.addprevious(parse_xml(xml))
        else:
            numbering.append(parse_xml(xml))
        ids[mark] = nid
    return ids


def _num_instance(doc, abstract: int, new_id: int) -> int:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    doc.part.numbering_part.element.append(
        parse_xml(
            f"<w:num {nsdecls('w')} w:numId='{new_id}'><w:abstractNumId w:val='{abstract}'/>"
            f"<w:lvlOverride w:ilvl='0'><w:startOverride w:val='1'/></w:lvlOverride></w:num>"
        )
    )
    return new_id


def to_docx(blocks) -> bytes:
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    doc = docx.Document()
    abstract = _add_numbering(doc)
    current: dict[str, int] = {}
    next_id = [2000]

    def num_for(mark: str) -> int:
        # a level restarts below its parent: a new w:num instance each time the parent advances
        if mark not in current:
            next_id[0] += 1
            current[mark] = _num_instance(doc, abstract[mark], next_id[0])
        return current[mark]

    for kind, payload in blocks:
        if kind == "table":
            rows = payload
            ncol = max(len(r) for r in rows)
            table = doc.add_table(rows=len(rows), cols=ncol)
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for j in range(ncol):
                    c = row[j] if j < len(row) else ""
                    cell = table.cell(r, j)
                    if c == "^" and r:
                        top = r - 1
                        while top > 0 and rows[top][j] == "^":
                            top -= 1
                        table.cell(top, j).merge(cell)
                    else:
                        cell.text = c
            continue
        mark, text = payload
        if mark == "junk":
            continue
        p = doc.add_paragraph(text)
        if mark in ("1", "2", "3", "b", "c"):
            for deeper in {"1": ("2", "3", "c"), "2": ("3", "c"), "3": ("c",)}.get(mark, ()):
                current.pop(deeper, None)
            nid = num_for(mark)
            p._p.get_or_add_pPr().append(
                parse_xml(f"<w:numPr {nsdecls('w')}><w:ilvl w:val='0'/><w:numId w:val='{nid}'/></w:numPr>")
            )
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def chromium_print(page: str, html_path: Path) -> bytes:
    """``page`` printed to PDF by headless Chromium, its default header and footer kept."""
    import subprocess
    import tempfile

    from services.printing import chromium_path

    exe = chromium_path()
    if exe is None:
        raise RuntimeError("chromium is needed to build a cpdf file")
    html_path.write_text(page, encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="corpus-cpdf-") as tmp:
        pdf = Path(tmp) / "page.pdf"
        cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={Path(tmp) / 'profile'}"]
        cmd += [f"--print-to-pdf={pdf}", html_path.as_uri()]
        subprocess.run(cmd, capture_output=True, timeout=120, check=True)
        return pdf.read_bytes()


def soffice_convert(docx_bytes: bytes, to: str) -> bytes:
    """The .docx as ``to`` (doc, pdf) through the importer's own LibreOffice conversion."""
    from paperwork.sources import convert_with_soffice

    return convert_with_soffice(docx_bytes, name="source.docx", to=to)


def build_one(src: Path, out: Path, formats: tuple[str, ...] | None = None) -> list[Path]:
    """Build the documents of one layout into ``out``; returns the paths written."""
    wanted, blocks = parse_src(src.read_text(encoding="utf-8"))
    if formats is not None:
        wanted = [f for f in wanted if f in formats]
    out.mkdir(parents=True, exist_ok=True)
    stem = src.name.removesuffix(".src")
    css = "".join(x[5:].strip() for x in src.read_text(encoding="utf-8").splitlines() if x.startswith("@css:"))
    page = to_html(blocks, stem).replace("<style>", "<style>" + css, 1)
    written = []
    docx_bytes = None
    for fmt in wanted:
        path = out / (f"{stem}.chromium.pdf" if fmt == "cpdf" else f"{stem}.{fmt}")
        if fmt == "cpdf":
            path.write_bytes(chromium_print(page, out / f"{stem}.chromium.html"))
        elif fmt == "txt":
            path.write_text(to_txt(blocks), encoding="utf-8")
        elif fmt == "html":
            path.write_text(page, encoding="utf-8")
        else:
            docx_bytes = docx_bytes or to_docx(blocks)
            path.write_bytes(docx_bytes if fmt == "docx" else soffice_convert(docx_bytes, fmt))
        written.append(path)
    return written


def raw_documents(folder: Path) -> list[tuple[Path, Path]]:
    """(document, expected plan) for the documents kept as they are in ``folder``.

    A blind set written by another author arrives as finished files
    (``B01-x.docx`` beside ``B01-x.docx.expected.json`` or ``B01-x.expected.json``):
    they are read as they are, not built from a ``*.src``.
    """
    out = []
    for path in sorted(folder.iterdir()):
        # a blind author's finished file may be any format the importer takes, .wps and .htm too
        if path.suffix.lower().lstrip(".") not in DOCUMENT_SUFFIXES or not path.is_file():
            continue
        for exp in (path.with_name(path.name + ".expected.json"), path.with_name(path.stem + ".expected.json")):
            if exp.exists():
                out.append((path, exp))
                break
    return out


def documents(folders: Iterable[str | Path]) -> Iterator[Path]:
    """Every document below ``folders`` (built ones, a blind set's as they are), in name order per folder.

    The web page a cpdf was printed from (``<stem>.chromium.html``) is that PDF's source, not a document.
    """
    for folder in folders:
        for path in sorted(Path(folder).rglob("*")):
            if path.suffix.lower().lstrip(".") not in DOCUMENT_SUFFIXES or not path.is_file():
                continue
            if not path.name.endswith(".chromium.html"):
                yield path


def sources() -> list[Path]:
    return sorted(HERE.glob("*.src"))


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else HERE / "build"
    for src in sources():
        for path in build_one(src, out):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
