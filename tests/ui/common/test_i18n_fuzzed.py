"""The screens' translation over mutated copies of the real .qm. Qt's parser is C++ and
crashes the process on some corrupt files, so the files are installed in a process of its
own (qm_probe): a crash is a failure that names the file, never a dead pytest."""

import subprocess
import sys
from pathlib import Path

from hypothesis import given

from tests.models.test_loaders_fuzzed import FUZZ, mutated
from ui.common.i18n import DOMAIN, install_translations

ROOT = Path(__file__).resolve().parents[3]
QM = ROOT / "resources" / "i18n" / f"{DOMAIN}_zh_CN.qm"


def probe(files: Path, work: Path) -> list[str]:
    done = subprocess.run([sys.executable, "-m", "tests.ui.common.qm_probe", str(files),
                           str(work)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    lines = done.stdout.splitlines()
    assert done.returncode == 0, f"the probe died ({done.returncode}) at {lines[-1:]}: " \
                                 f"{done.stderr[-2000:]}"
    return lines


def test_mutated_qm_files_are_refused_and_the_desk_runs_in_english(tmp_path):
    original = QM.read_bytes()
    files, work = tmp_path / "files", tmp_path / "work"
    files.mkdir()
    work.mkdir()
    made = []

    @FUZZ
    @given(data=mutated(original))
    def write(data):
        made.append(data)
        (files / f"{len(made):04}.qm").write_bytes(data)

    write()
    lines = probe(files, work)
    results = [line.split() for line in lines if not line.startswith("start ")]
    assert len(results) == len(made) > 300
    for verdict, name, wrong in results:
        same = made[int(name[:4]) - 1] == original
        assert (verdict, wrong) == ("accepted" if same else "refused", "wrong=0"), name


def test_the_real_qm_translates_in_the_probe(tmp_path):
    (tmp_path / "files").mkdir()
    (tmp_path / "work").mkdir()
    (tmp_path / "files" / "real.qm").write_bytes(QM.read_bytes())
    assert probe(tmp_path / "files", tmp_path / "work")[-1] == "accepted real.qm wrong=0"


def test_a_missing_qm_is_logged_and_english_is_used(qapp, tmp_path, caplog):
    from PySide6.QtCore import QTranslator

    before = set(qapp.findChildren(QTranslator))
    assert not install_translations(qapp, "zh_CN", folder=tmp_path)
    for translator in set(qapp.findChildren(QTranslator)) - before:
        qapp.removeTranslator(translator)
    assert "the desk runs in English" in caplog.text
    assert f"{DOMAIN}_zh_CN.qm" in caplog.text
