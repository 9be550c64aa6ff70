"""Re-record ``not_yet_read.json`` for the blind documents of the given holdout folders.

Usage (from the repository root)::

    .venv/bin/python tests/paperwork/corpus/ratchet.py holdout10 holdout11

For each blind document of those folders: if the reader now reads it exactly
it is taken off the list; otherwise its entry is set to today's figures (per
field: read right, read wrong; invented topics; ``"refused": true`` for a document
the reader refuses with a message). Only run it after a reader
change that made no document worse — the corpus test is the guard, this
script only writes down the new floor.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent
sys.path.insert(0, str(CORPUS))
sys.path.insert(0, str(CORPUS.parents[2]))

import build  # noqa: E402
import score  # noqa: E402

from paperwork.common import PaperworkError  # noqa: E402
from paperwork.importer import import_document  # noqa: E402


def main(folders: list[str]) -> int:
    path = CORPUS / "not_yet_read.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    docs = data["documents"]
    for name in folders:
        for doc, expected_path in build.raw_documents(CORPUS / name):
            try:
                draft = import_document(doc.name, doc.read_bytes())
            except PaperworkError as err:  # refused with a message: the floor is nothing read
                zero = dict.fromkeys(score.FIELDS, 0)
                docs[doc.name] = {"refused": True, "right": zero, "wrong": dict(zero), "invented": 0}
                print(f"{doc.name}: refused ({err})")
                continue
            expected = score.load_expected(expected_path)
            got = score.score(draft.plan, expected, label=doc.name, reports=draft.reports)
            exact = got.perfect and draft.plan.body == expected["body"] and draft.plan.year == expected["year"]
            if exact:
                if docs.pop(doc.name, None) is not None:
                    print(f"read exactly now, taken off: {doc.name}")
                continue
            docs[doc.name] = {
                "right": {f: got.tp[f] for f in score.FIELDS},
                "wrong": {f: got.got[f] - got.tp[f] for f in score.FIELDS},
                "invented": got.invented,
            }
            print(f"{doc.name}: topics {got.tp['topics']}/{got.expected['topics']}, invented {got.invented}")
    data["documents"] = dict(sorted(docs.items()))
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
