"""Reading PDFs back in tests: their text and whether every font in them is embedded."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def fonts(path: Path) -> dict[str, bool]:
    """Every font the pages use: base name -> embedded (a font file in its descriptor)."""
    found: dict[str, bool] = {}
    for page in PdfReader(path).pages:
        resources = page.get("/Resources") or {}
        for ref in (resources.get("/Font") or {}).values():
            font = ref.get_object()
            descriptors = [font.get("/FontDescriptor")]
            for descendant in font.get("/DescendantFonts") or []:
                descriptors.append(descendant.get_object().get("/FontDescriptor"))
            embedded = any(
                d is not None and any(k in d.get_object() for k in
                                      ("/FontFile", "/FontFile2", "/FontFile3"))
                for d in descriptors)
            found[str(font["/BaseFont"]).split("+")[-1]] = embedded
    return found
