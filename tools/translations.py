"""Refresh the translations: extract the UI's strings, fill Chinese from zh_CN.json, compile.

    uv run python tools/translations.py

resources/i18n/zh_CN*.json map each English source text to its Chinese text; they are the
place translators edit (zh_CN.json, plus one file per area). The .ts file is regenerated from
them and the .qm compiled for Qt, with its SHA-256 beside it.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
TS = I18N / "emergency_desk_zh_CN.ts"
QM = I18N / "emergency_desk_zh_CN.qm"
QM_DIGEST = I18N / "emergency_desk_zh_CN.qm.sha256"
STRINGS_GLOB = "zh_CN*.json"  # zh_CN.json plus one file per area (zh_CN.contacts.json, ...)


def sources() -> list[str]:
    files = [ROOT / "main.py", ROOT / "cli.py", *sorted((ROOT / "ui").glob("**/*.py"))]
    return [str(f.relative_to(ROOT)) for f in files]


def tool(name: str) -> str:
    return str(Path(sys.executable).parent / name)


def extract(ts: Path) -> None:
    subprocess.run([tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none",
                    "-target-language", "zh_CN", "-ts", str(ts)],
                   cwd=ROOT, check=True, capture_output=True)


def source_texts(ts: Path) -> list[str]:
    return [m.findtext("source") for m in ET.parse(ts).getroot().iter("message")]


def fill(ts: Path, strings: dict[str, str]) -> list[str]:
    """Write translations into the .ts; returns the sources that have none."""
    tree = ET.parse(ts)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        text = strings.get(source)
        if text:
            translation.text = text
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def load_strings() -> dict[str, str]:
    strings: dict[str, str] = {}
    for path in sorted(I18N.glob(STRINGS_GLOB)):
        strings.update(json.loads(path.read_text(encoding="utf-8")))
    return strings


def main() -> int:
    strings = load_strings()
    extract(TS)
    missing = fill(TS, strings)
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True,
                   capture_output=True)
    # the desk hands the .qm to Qt only if it is exactly this file (models.store.translation_files)
    QM_DIGEST.write_text(hashlib.sha256(QM.read_bytes()).hexdigest() + "\n", encoding="ascii")
    unused = sorted(set(strings) - set(source_texts(TS)))
    for text in missing:
        print(f"missing translation: {text!r}")
    for text in unused:
        print(f"unused translation: {text!r}")
    print(f"{len(source_texts(TS))} strings, {len(missing)} missing -> {QM.relative_to(ROOT)}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
