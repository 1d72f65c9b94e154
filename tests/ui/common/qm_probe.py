"""Run by test_i18n_fuzzed in a process of its own: install each given .qm in turn as the
desk would, translate every text of the real .ts, and print one line per file. A crash in
Qt's C++ parser ends this process, not pytest; the lines printed show which file did it.

    python -m tests.ui.common.qm_probe FOLDER_OF_QM_FILES WORK_FOLDER
"""

import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from models.store.translation_files import digest_path
from ui.common.i18n import DOMAIN, install_translations

I18N = Path(__file__).resolve().parents[3] / "resources" / "i18n"


def messages() -> list[tuple[str, str, str]]:
    """(context, English, Chinese) of every UI text."""
    root = ET.parse(I18N / f"{DOMAIN}_zh_CN.ts").getroot()
    return [(c.findtext("name"), m.findtext("source"), m.findtext("translation"))
            for c in root.iter("context") for m in c.iter("message")]


def main(files: Path, work: Path) -> int:
    app = QCoreApplication([])
    texts = messages()
    qm = work / f"{DOMAIN}_zh_CN.qm"
    shutil.copy(digest_path(I18N / qm.name), digest_path(qm))
    for path in sorted(files.iterdir()):
        shutil.copy(path, qm)
        print(f"start {path.name}", flush=True)
        installed = install_translations(app, "zh_CN", folder=work)
        wrong = sum(app.translate(context, english) not in (chinese, english)
                    for context, english, chinese in texts)
        print(f"{'accepted' if installed else 'refused'} {path.name} wrong={wrong}", flush=True)
        for translator in app.findChildren(QTranslator):
            app.removeTranslator(translator)
            translator.setParent(None)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
