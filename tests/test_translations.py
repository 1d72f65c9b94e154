"""Every UI string has its Chinese text, and the compiled .qm matches the sources."""

import shutil

from tools import translations as tr


def test_every_ui_string_is_translated(tmp_path):
    ts = tmp_path / "extract.ts"
    tr.extract(ts)
    strings = tr.load_strings()
    sources = tr.source_texts(ts)
    assert len(sources) > 50
    missing = [s for s in sources if not strings.get(s)]
    assert missing == [], "add these to resources/i18n/zh_CN*.json, then run tools/translations.py"


def test_committed_ts_is_current(tmp_path):
    ts = tmp_path / "current.ts"
    shutil.copy(tr.TS, ts)
    tr.extract(ts)
    tr.fill(ts, tr.load_strings())
    assert ts.read_text(encoding="utf-8") == tr.TS.read_text(encoding="utf-8"), \
        "run: uv run python tools/translations.py"


def test_placeholders_survive_translation():
    strings = tr.load_strings()
    for source, text in strings.items():
        for n in range(3):
            assert (f"{{{n}}}" in source) == (f"{{{n}}}" in text), source
