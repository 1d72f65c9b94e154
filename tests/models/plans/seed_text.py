"""The two seed files the plans come from (copied beside these tests, unchanged), cut into the
documents the catalog's `[[source]]` keys name, and normalised the same way as the plan text
compared with them: punctuation, symbols, control characters and whitespace removed, so
"," and "，" or a line break inside a sentence make no difference."""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

SEEDS = Path(__file__).resolve().parent / "seeds"

# Where each document of the file that holds several starts: its title on a line of its own,
# in the order they appear. The cinema regulation is the whole of the other file.
STARTS = (
    ("conference", "关于会务服务应急处置预案\n"),
    ("service_co", "\n服务应急处理预案\n"),
    ("gov_hall", "\n政务服务大厅突发事件应急预案\n"),
    ("outlet", "\n网点服务突发事件应急预案\n"),
    ("service_industry", "\n服务业应急预案服务行业突发事件的应急处理流程\n"),
    ("mall", "\n商场服务台突发应急预案\n"),
    ("municipal", "\n市政服务中心突发事件应急预案与应急处理流程\n"),
    ("bank", "\n服务窗口突发应急预案\n"),
    ("gas", "客户服务部突发事件应急处理预案编号"),
)
SEVERAL = "002_5135d177ccbe14ac.txt"
CINEMA = "000_ac9e40cad5b16e8e.txt"


def normalised(text: str) -> str:
    return "".join(c for c in text if unicodedata.category(c)[0] not in "PZSC")


@cache
def documents() -> dict[str, str]:
    """Source key -> the document's normalised text."""
    several = (SEEDS / SEVERAL).read_text(encoding="utf-8")
    at = [(key, several.index(marker)) for key, marker in STARTS]
    found = {"cinema": normalised((SEEDS / CINEMA).read_text(encoding="utf-8"))}
    for i, (key, start) in enumerate(at):
        end = at[i + 1][1] if i + 1 < len(at) else len(several)
        found[key] = normalised(several[start:end])
    return found


def not_in(text: str, document: str, run: int = 4) -> str:
    """The characters of `text` (normalised) not inside any run of `run` consecutive
    characters that also occurs in `document`, as the text with the covered ones dotted out;
    "" when every character is covered (the text is the document's own words)."""
    text = normalised(text)
    covered = [False] * len(text)
    for i in range(len(text) - run + 1):
        if text[i:i + run] in document:
            covered[i:i + run] = [True] * run
    if all(covered):
        return ""
    return "".join("·" if c else ch for ch, c in zip(text, covered, strict=True))
