"""FallbackFont: a TrueType font that prints the characters it lacks in other fonts, so an
emoji, a Tibetan, Uyghur, Mongolian, Thai or Hindi name prints as itself, never as a blank
or a box.

reportlab has no font fallback of its own. It writes TrueType text as runs, each in one
256-glyph subset of the font (`splitString`, then `getSubsetInternalName` per run); this font
splits text further by which font has each character, and numbers the borrowed fonts'
subsets above FOREIGN so their names resolve to the font that has them. Widths are summed
run by run, so Paragraph wraps and canvas strings are measured as they print. Every report
gets it by using the registered name (PdfFonts.regular / bold): Paragraphs, table cells,
drawString — nothing to mark up.

A base character and the combining marks after it stay together in the first font that has
them all. Scripts that need shaping (Arabic joining, Devanagari conjuncts, Tibetan stacks,
vertical Mongolian) print their letters in the right font, unshaped: reportlab shapes only
with HarfBuzz, which the desk does not ship.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from reportlab.pdfbase.ttfonts import SUBSETN, TTFont, makeToUnicodeCMap

ZWJ = "\u200d"
FOREIGN = 1 << 20  # subset numbers of borrowed font i: (i + 1) * FOREIGN + its own subset


class AstralTTFont(TTFont):
    """A TrueType font whose characters beyond U+FFFF (emoji, CJK Extension B) copy back as
    themselves: reportlab writes their ToUnicode entries as 5 hex digits, which readers
    take for other characters (😀 came back as ὠ); PDF wants UTF-16 surrogate pairs."""

    def addObjects(self, doc):
        state = self.state.get(doc)  # dropped by addObjects
        subsets = [list(subset) for subset in state.subsets] if state else []
        super().addObjects(doc)
        for n, subset in enumerate(subsets):
            if max(subset) > 0xFFFF:
                base = b"".join((SUBSETN(n), b"+", self.face.name,
                                 self.face.subfontNameX)).decode("pdfdoc")
                doc.idToObject["toUnicodeCMap:" + base].content = to_unicode_cmap(base, subset)


def to_unicode_cmap(name: str, subset: Sequence[int]) -> str:
    """reportlab's ToUnicode CMap with every character as UTF-16 (big-endian) hex."""
    cmap = makeToUnicodeCMap(name, [0] * len(subset)).splitlines()
    first = next(i for i, line in enumerate(cmap) if line.endswith("beginbfchar")) + 1
    cmap[first:first + len(subset)] = [f"<{code:02X}> <{chr(v).encode('utf-16-be').hex().upper()}>"
                                       for code, v in enumerate(subset)]
    return "\n".join(cmap)


class FallbackFont(AstralTTFont):
    def __init__(self, name: str, filename: str, subfontIndex: int = 0,
                 fallbacks: Sequence[TTFont] = ()) -> None:
        super().__init__(name, filename, subfontIndex=subfontIndex)
        self.fallbacks = tuple(fallbacks)
        self._covers = [frozenset(map(chr, self.face.charToGlyph)),
                        *(frozenset(map(chr, f.face.charToGlyph)) for f in self.fallbacks)]

    def _all_mine(self, text: str) -> bool:
        return self._covers[0].issuperset(text)  # the common case: one C-level pass

    def runs(self, text: str) -> list[tuple[int, str]]:
        """`text` cut where the font changes: (0 for this font, i + 1 for fallback i, text).
        A character no font has stays in this one (its blank, as without fallback)."""
        runs: list[tuple[int, str]] = []
        for cluster in clusters(text):
            which = next((i for i, covered in enumerate(self._covers)
                          if covered.issuperset(cluster)), 0)
            if runs and runs[-1][0] == which:
                runs[-1] = (which, runs[-1][1] + cluster)
            else:
                runs.append((which, cluster))
        return runs

    def stringWidth(self, text, size, encoding="utf8"):
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if self._all_mine(text):
            return super().stringWidth(text, size, encoding)
        return sum(TTFont.stringWidth(self._font(which), part, size)
                   for which, part in self.runs(text))

    def splitString(self, text, doc, encoding="utf-8"):
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if self._all_mine(text):
            return super().splitString(text, doc, encoding)
        split = []
        for which, part in self.runs(text):
            offset = which * FOREIGN
            split += [(subset + offset, codes)
                      for subset, codes in TTFont.splitString(self._font(which), part, doc)]
        return split

    def getSubsetInternalName(self, subset, doc):
        which, own = divmod(subset, FOREIGN)
        if which == 0:
            return super().getSubsetInternalName(subset, doc)
        return self.fallbacks[which - 1].getSubsetInternalName(own, doc)

    def _font(self, which: int) -> TTFont:
        return self if which == 0 else self.fallbacks[which - 1]


def clusters(text: str) -> list[str]:
    """A base character with the combining marks and joiners that follow it (U+FE0F after
    ⚠, U+0301 after e, a zero-width joiner inside an emoji sequence)."""
    found: list[str] = []
    for char in text:
        if found and (is_mark(char) or is_joiner(char) or found[-1][-1] == ZWJ):
            found[-1] += char
        else:
            found.append(char)
    return found


def is_mark(char: str) -> bool:
    """A combining mark: an accent, a vowel sign of an Indic or Thai script."""
    return unicodedata.category(char)[0] == "M"


def is_joiner(char: str) -> bool:
    """Variation selectors and the zero-width joiner: they belong to the character before
    (and after a joiner, the next character too)."""
    return char == ZWJ or "\ufe00" <= char <= "\ufe0f"
