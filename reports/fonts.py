"""The font Chinese is printed in: a TrueType CJK font embedded when one is installed,
otherwise reportlab's built-in CID font (not embedded, but every PDF reader has it), so a PDF
never shows empty boxes.

Windows has Microsoft YaHei, SimHei and SimSun; Linux a CJK TrueType package such as
fonts-wqy-microhei. CFF/OpenType fonts (e.g. Noto CJK .otf) are skipped: reportlab cannot
embed PostScript outlines.

What the CJK font lacks — emoji, Arabic script (Uyghur), Tibetan, Mongolian, Thai,
Devanagari, combining marks — prints in the Noto fonts shipped in resources/fonts
(FALLBACKS), through the registered names themselves (font_fallback.py): every report gets
it without marking anything up. Not with the CID fallback, which is no TrueType font.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from models.store.paths import resource_path
from reports.font_fallback import AstralTTFont, FallbackFont

REGULAR = "EDSans"
BOLD = "EDSans-Bold"
CID_FALLBACK = "STSong-Light"
FALLBACK_DIR = "resources/fonts"
# Tried in this order for a character the CJK font lacks (OFL, resources/fonts/README.md).
FALLBACKS = (
    "NotoSans-Regular.ttf",  # Latin, Greek, Cyrillic beyond the CJK font's; combining marks
    "NotoSansArabic-Regular.ttf",  # Uyghur, Kazakh in Arabic script
    "NotoSerifTibetan-Regular.ttf",
    "NotoSansMongolian-Regular.ttf",
    "NotoSansThai-Regular.ttf",
    "NotoSansDevanagari-Regular.ttf",
    "NotoEmoji-Regular.ttf",  # monochrome: reportlab cannot embed colour (CBDT) emoji
)


@dataclass(frozen=True)
class Candidate:
    """A font file, its index inside a .ttc collection, and whether it is a bold face."""

    file: str
    index: int = 0


# Regular faces, best first; each with the bold face to pair it with (or None: no bold).
WINDOWS = (
    (Candidate("msyh.ttc"), Candidate("msyhbd.ttc")),
    (Candidate("msyh.ttf"), Candidate("msyhbd.ttf")),
    (Candidate("simhei.ttf"), None),
    (Candidate("simsun.ttc"), Candidate("simhei.ttf")),  # SimSun has no bold: SimHei instead
)
LINUX = (
    (Candidate("wqy-microhei.ttc"), None),
    (Candidate("wqy-zenhei.ttc"), None),
    (Candidate("DroidSansFallbackFull.ttf"), None),
    (Candidate("NotoSansSC-Regular.ttf"), Candidate("NotoSansSC-Bold.ttf")),
)


@dataclass(frozen=True)
class PdfFonts:
    regular: str  # registered font names to use in styles
    bold: str
    embedded: bool  # False: the CID fallback (readers supply the glyphs)
    source: str  # the file used, or the CID font's name
    fallbacks: tuple[str, ...] = ()  # the registered names of the fonts borrowed from


def font_dirs(env: dict[str, str] | None = None, platform: str | None = None) -> list[Path]:
    env = dict(os.environ) if env is None else env
    platform = platform or sys.platform
    if platform.startswith("win"):
        windir = Path(env.get("WINDIR") or env.get("SystemRoot") or r"C:\Windows")
        dirs = [windir / "Fonts"]
        local = env.get("LOCALAPPDATA")
        if local:  # fonts installed for one user only
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        return dirs
    if platform == "darwin":
        return [Path("/Library/Fonts"), Path.home() / "Library" / "Fonts"]
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
            Path.home() / ".local" / "share" / "fonts", Path.home() / ".fonts"]


def find_file(name: str, dirs: Iterable[Path]) -> Path | None:
    """The first file called `name` in `dirs` or below them (fonts sit in subfolders)."""
    for folder in dirs:
        direct = folder / name
        if direct.is_file():
            return direct
        if folder.is_dir():
            found = next((p for p in folder.rglob(name) if p.is_file()), None)
            if found:
                return found
    return None


# Parsing a CJK font takes ~0.1-0.3 s; each face is read once per process and registered
# again (cheaply) before each document. A TTFont keeps its subsets per document, so one
# object serves every PDF; PdfExport writes one PDF at a time.
_FACES: dict[tuple, TTFont] = {}


def _register(name: str, path: Path, index: int, fallbacks: Sequence[TTFont] = ()) -> bool:
    key = (name, str(path), index, *fallbacks)  # the same face with other fallbacks: another
    if key not in _FACES:
        try:
            _FACES[key] = FallbackFont(name, str(path), index, fallbacks)
        except (TTFError, OSError, ValueError):  # unreadable, PostScript outlines, bad index
            return False
    pdfmetrics.registerFont(_FACES[key])
    return True


def fallback_fonts(folder: Path | None = None) -> list[TTFont]:
    """The shipped fallback fonts found in `folder` (resources/fonts), read once each."""
    folder = resource_path(FALLBACK_DIR) if folder is None else folder
    fonts = []
    for file in FALLBACKS:
        key = ("EDFallback-" + Path(file).stem, str(folder / file), 0)
        if key not in _FACES:
            try:
                _FACES[key] = AstralTTFont(key[0], key[1])
            except (TTFError, OSError, ValueError):  # missing from a broken install: skip
                continue
        pdfmetrics.registerFont(_FACES[key])  # by name too, like any font of the document
        fonts.append(_FACES[key])
    return fonts


def register_fonts(dirs: Sequence[Path] | None = None,
                   candidates: Sequence[tuple[Candidate, Candidate | None]] | None = None,
                   fallback_dir: Path | None = None) -> PdfFonts:
    """Register the best CJK font found under the names REGULAR and BOLD (or the fallback),
    each borrowing what it lacks from the fonts in `fallback_dir` (resources/fonts).

    reportlab keeps registered fonts process-wide; calling this before each document is safe
    (a TrueType name registered once keeps its first font: reportlab does not replace it).
    """
    dirs = list(font_dirs() if dirs is None else dirs)
    if candidates is None:
        candidates = WINDOWS + LINUX
    fallbacks = fallback_fonts(fallback_dir)
    for regular, bold in candidates:
        path = find_file(regular.file, dirs)
        if path is None or not _register(REGULAR, path, regular.index, fallbacks):
            continue
        bold_path = find_file(bold.file, dirs) if bold else None
        # No bold face (e.g. WenQuanYi): headings use the regular face.
        bold_name = (BOLD if bold_path and _register(BOLD, bold_path, bold.index, fallbacks)
                     else REGULAR)
        pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=bold_name, italic=REGULAR,
                                      boldItalic=bold_name)
        return PdfFonts(REGULAR, bold_name, True, str(path),
                        tuple(font.fontName for font in fallbacks))
    pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
    return PdfFonts(CID_FALLBACK, CID_FALLBACK, False, CID_FALLBACK)


def c_accelerated() -> bool:
    """Whether reportlab measures and writes text with its C accelerator (rl_accel, from
    reportlab[accel]): without it the busy day's log takes ~40 % longer (tests/perf)."""
    from reportlab.lib import rl_accel

    return bool(rl_accel._c_funcs)
