"""Every character printed: what the CJK font lacks (emoji, Tibetan, Uyghur in Arabic script,
Mongolian, Thai, Devanagari, combining marks) prints in a shipped Noto font — embedded, and
copied back out of the PDF as the same characters — in every report, through the registered
font names alone."""

import shutil
import subprocess

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from models.incidents.record_document import build_record
from reports.font_fallback import FOREIGN, FallbackFont, clusters, to_unicode_cmap
from reports.fonts import FALLBACKS, fallback_fonts, register_fonts
from reports.incident_record import render_incident_record
from tests.helpers import pdf
from tests.reports.conftest import GENERATED

EMOJI = "😀🔥⚠️"
SCRIPTS = {  # what each is, the text, the font it must print in
    "Tibetan": ("བོད་ཡིག", "NotoSerifTibetan"),
    "Uyghur": ("ئۇيغۇرچە", "NotoSansArabic"),
    "Mongolian": ("ᠮᠣᠩᠭᠣᠯ", "NotoSansMongolian"),
    "Thai": ("ภาษาไทย", "NotoSansThai"),
    "Devanagari": ("हिन्दी", "NotoSansDevanagari"),
    "emoji": (EMOJI, "NotoEmoji"),
    "combining": ("ñ̈", "NotoSans"),
}
NOTE = "客户" + "，".join(text for text, _ in SCRIPTS.values()) + "。已处置"

needs_poppler = pytest.mark.skipif(shutil.which("pdffonts") is None,
                                   reason="poppler-utils not installed")


@pytest.fixture
def fonts():
    fonts = register_fonts()
    assert fonts.embedded, "CI installs a CJK TrueType font"
    return fonts


def font_of(fonts, text: str) -> list[str]:
    """The font each run of `text` prints in (registered names)."""
    font = pdfmetrics.getFont(fonts.regular)
    return [font._font(which).fontName for which, _ in font.runs(text)]


def test_all_cjk_text_is_one_run_in_the_cjk_font(fonts):
    font = pdfmetrics.getFont(fonts.regular)
    text = "二楼仓库电线短路起火，烟雾进入营业大厅（约20人）"
    assert font.runs(text) == [(0, text)]
    plain = TTFont("plain", fonts.source)
    assert font.stringWidth(text, 10) == plain.stringWidth(text, 10)


@pytest.mark.parametrize("name", SCRIPTS)
def test_each_script_prints_in_its_noto_font(fonts, name):
    text, family = SCRIPTS[name]
    assert font_of(fonts, "火警" + text + "火警") == [
        fonts.regular, f"EDFallback-{family}-Regular", fonts.regular]


def test_a_mark_stays_with_its_letter():
    assert clusters("ñ̈a") == ["ñ̈", "a"]  # n + two combining marks
    assert clusters("⚠️!") == ["⚠️", "!"]  # the emoji variation selector
    assert clusters("👨‍👩‍👧x") == ["👨‍👩‍👧", "x"]  # a family: joined by ZWJ
    assert clusters("हिन्दी") == ["हि", "न्", "दी"]  # vowel signs and virama


def test_a_letter_the_cjk_font_has_goes_with_a_mark_it_lacks(fonts):
    """a is in the CJK font, the mark is not: the pair goes to Noto Sans together, not an
    accent floating from another font."""
    font = pdfmetrics.getFont(fonts.regular)
    lacking = [chr(c) for c in range(0x300, 0x370) if c not in font.face.charToGlyph]
    if not lacking:
        pytest.skip("this CJK font has every combining mark")
    assert font_of(fonts, "caf" + "a" + lacking[0]) == [fonts.regular,
                                                      "EDFallback-NotoSans-Regular"]
    assert font.runs("caf" + "a" + lacking[0])[1] == (1, "a" + lacking[0])


def test_a_character_no_font_has_stays_in_the_cjk_font(fonts):
    font = pdfmetrics.getFont(fonts.regular)
    assert font.runs("火\U000f0000") == [(0, "火\U000f0000")]  # private use: nobody's


def test_widths_are_those_of_the_fonts_printing_them(fonts):
    font = pdfmetrics.getFont(fonts.regular)
    text = "火警😀ภาษา"
    parts = [font._font(which) for which, _ in font.runs(text)]
    expected = sum(TTFont.stringWidth(f, t, 12)
                   for f, (_, t) in zip(parts, font.runs(text), strict=True))
    assert font.stringWidth(text, 12) == expected
    assert font.stringWidth("😀", 12) > 0  # not the CJK font's missing glyph


def test_borrowed_subsets_are_named_by_their_font(fonts, tmp_path):
    font = pdfmetrics.getFont(fonts.regular)
    canvas = Canvas(str(tmp_path / "x.pdf"))
    split = font.splitString("火😀", canvas._doc)
    assert [subset // FOREIGN for subset, _ in split] == [0, len(FALLBACKS)]  # emoji: last
    emoji = pdfmetrics.getFont("EDFallback-NotoEmoji-Regular")
    assert font.getSubsetInternalName(split[1][0], canvas._doc) == \
        emoji.getSubsetInternalName(0, canvas._doc)


def test_characters_beyond_the_basic_plane_copy_back_as_themselves():
    cmap = to_unicode_cmap("X", [0, 0x1F600, 0x706B])
    assert "<01> <D83DDE00>" in cmap and "<02> <706B>" in cmap and "<00> <0000>" in cmap
    assert "1 begincodespacerange\n<00> <02>" in cmap


def test_without_the_fallback_folder_the_cjk_font_still_prints(tmp_path, fonts):
    assert fallback_fonts(tmp_path) == []  # a broken install: no fonts, no error
    alone = FallbackFont("alone", fonts.source, 0, fallback_fonts(tmp_path))
    assert alone.runs("火😀") == [(0, "火😀")]  # the blank of old, but the text prints
    assert len(fallback_fonts()) == len(FALLBACKS)  # the shipped ones are all readable


@needs_poppler
def test_a_record_with_emoji_and_other_scripts_prints_every_character(
        tmp_path, shipped_catalog, make_incident, fonts):
    incident = make_incident("fire", note=NOTE)
    out = tmp_path / "record.pdf"
    render_incident_record(build_record(shipped_catalog, incident), out,
                           generated_at=GENERATED, generated_by="李主管")
    listed = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True,
                            check=True).stdout
    embedded = {line.split()[0].split("+")[-1]: line.split()[-5] for line in
                listed.splitlines()[2:]}
    for _, family in SCRIPTS.values():
        assert embedded.get(f"{family}-Regular") == "yes", listed
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = "".join(text.split())
    for name, (chars, _) in SCRIPTS.items():
        if name == "Uyghur":  # drawn in logical order; pdftotext reorders right-to-left
            assert sorted(chars) == sorted(flat[flat.index("ە"):][:len(chars)]), flat
        else:
            assert chars in flat, name
    assert all(pdf.fonts(out).values())


def test_reportlab_runs_with_its_c_accelerator():
    """reportlab[accel] is a dependency: the busy day's log is ~28 % faster with it."""
    from reports.fonts import c_accelerated

    assert c_accelerated()
