"""Copy a blind set written by another author into the corpus (``adopt_blind.py SRC DEST``).

The author (who never saw the reader) writes finished documents
``B<nn>-….{txt,docx,html,pdf}`` each with ``B<nn>-….expected.json`` (or
``B<nn>-….author.json``, the same content under the name it keeps here)
(``{"body", "year", "topics": [{"title", "form", "months", "latest_month",
"lead", "departments", "leaders"}]}``) and a README. This copies the documents
as they are, keeps the author's files unchanged (``*.author.json``,
``README-author.md``), and writes each ``*.expected.json`` in the corpus's
shape without changing what it says:

- ``form``: the category :func:`paperwork.published_text.classify_form` gives the
  author's form name, else the name itself; no form → ``其他协商`` (the reader's
  name for a topic whose form is not written);
- ``lead``: the one lead committee as a list (none → ``[]``);
- ``months``, ``latest_month`` and ``leaders`` stay as the author wrote them,
  under ``"convention": "allowed-months"`` (see ``score.py``).

Run it, commit, and only then run the reader on the set.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE.parents[2]) not in sys.path:
    sys.path.insert(0, str(HERE.parents[2]))

from paperwork.published_text import classify_form  # noqa: E402

NO_FORM = "其他协商"


def corpus_topic(t: dict) -> dict:
    form = t.get("form")
    lead = t.get("lead")
    return {
        "title": t["title"],
        "form": (classify_form(form) or form) if form else NO_FORM,
        "months": list(t.get("months") or []),
        "latest_month": t.get("latest_month"),
        "lead": [lead] if isinstance(lead, str) and lead else list(lead or []),
        "departments": list(t.get("departments") or []),
        "leaders": list(t.get("leaders") or []),
    }


def adopt(src: Path, dest: Path) -> list[Path]:
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for exp in sorted([*src.glob("*.expected.json"), *src.glob("*.author.json")]):
        stem = exp.name.removesuffix(".expected.json").removesuffix(".author.json")
        docs = [
            p for p in src.glob(stem + ".*") if p.suffix in (".txt", ".docx", ".doc", ".wps", ".pdf", ".html", ".htm")
        ]
        if not docs:
            raise SystemExit(f"{exp.name}: no document beside it")
        author = json.loads(exp.read_text(encoding="utf-8"))
        converted = {
            "body": author["body"],
            "year": author["year"],
            "convention": "allowed-months",
            "topics": [corpus_topic(t) for t in author["topics"]],
        }
        for doc in docs:
            shutil.copyfile(doc, dest / doc.name)
            written.append(dest / doc.name)
        shutil.copyfile(exp, dest / f"{stem}.author.json")
        (dest / f"{stem}.expected.json").write_text(
            "{" + f'"body": {json.dumps(converted["body"], ensure_ascii=False)}, "year": {converted["year"]}, '
            '"convention": "allowed-months", "topics": [\n'
            + ",\n".join(" " + json.dumps(t, ensure_ascii=False) for t in converted["topics"])
            + "\n]}\n",
            encoding="utf-8",
        )
        written.append(dest / f"{stem}.expected.json")
    for readme in ("README.md", "README-author.md"):
        if (src / readme).exists():
            shutil.copyfile(src / readme, dest / "README-author.md")
    return written


if __name__ == "__main__":
    for path in adopt(Path(sys.argv[1]), Path(sys.argv[2])):
        print(path)
