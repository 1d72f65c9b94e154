"""The shipped plan folder's manifest: what plans/ held when it was released, so a file cut
short, emptied, removed or slipped in is seen before the desk runs on it.

plans/MANIFEST.json (written by tools/plans_manifest.py after the plan files are edited)
holds the catalog's version and, for each plan file (`*.toml` directly in the folder), its
SHA-256 and the situation keys it defines. `differences(folder)` compares the folder with it;
`load_verified(folder)` is the loader the desk and the commands use: it refuses a folder that
differs (PlanFolderRefused), then loads the catalog (CatalogError on a problem of content).
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

from models.plans.catalog import Catalog
from models.plans.loader import CatalogError, load_catalog
from models.plans.toml_check import Problem

MANIFEST_NAME = "MANIFEST.json"
FORMAT = 1


@dataclass(frozen=True)
class FileEntry:
    sha256: str
    situations: tuple[str, ...]


@dataclass(frozen=True)
class FolderDifferences:
    """How a plan folder differs from its manifest; empty (falsy) when it does not.

    `manifest_problem` is set when the manifest itself is missing or unreadable (then nothing
    else could be compared). Situations are "key (file)" of the manifest's or the folder's."""

    folder: Path
    manifest_problem: str = ""
    changed: tuple[str, ...] = ()  # files whose bytes differ
    missing: tuple[str, ...] = ()  # files the manifest lists and the folder lacks
    added: tuple[str, ...] = ()  # files the folder has and the manifest does not list
    situations_missing: tuple[str, ...] = ()
    situations_added: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.manifest_problem or self.changed or self.missing or self.added
                    or self.situations_missing or self.situations_added)

    def lines(self) -> list[str]:
        """What differs, one line each (English: the command line and the details box)."""
        if self.manifest_problem:
            return [self.manifest_problem]
        out = [f"file changed: {name}" for name in self.changed]
        out += [f"file missing: {name}" for name in self.missing]
        out += [f"file added: {name}" for name in self.added]
        out += [f"situation missing: {s}" for s in self.situations_missing]
        out += [f"situation added: {s}" for s in self.situations_added]
        return out


class PlanFolderRefused(Exception):
    """The plan folder differs from its manifest: the desk must not run on it. `problems`
    are the loader's problems of content, if the files could also be read (else empty)."""

    def __init__(self, differences: FolderDifferences, problems: list[Problem]) -> None:
        super().__init__("\n".join(differences.lines()))
        self.differences = differences
        self.problems = problems


def plan_files(folder: Path) -> list[Path]:
    return sorted(p for p in Path(folder).glob("*.toml"))


def situations_in(raw: bytes) -> tuple[str, ...]:
    """The situation keys a plan file's bytes define (none if it is not readable TOML)."""
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return ()
    entries = data.get("situation", [])
    if not isinstance(entries, list):
        return ()
    return tuple(e["key"] for e in entries if isinstance(e, dict) and isinstance(e.get("key"), str))


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes() if path.is_file() else None
    except OSError:
        return None


def file_digest(raw: bytes) -> str:
    """SHA-256 of a plan file, its line ends read as LF: a checkout that turned them into
    CRLF (git on Windows) holds the same plans."""
    return hashlib.sha256(raw.replace(b"\r\n", b"\n")).hexdigest()


def folder_entries(folder: Path) -> dict[str, FileEntry]:
    """Each plan file of the folder as it is now: name -> digest and situations."""
    entries = {}
    for path in plan_files(folder):
        raw = _read(path) or b""
        entries[path.name] = FileEntry(file_digest(raw), situations_in(raw))
    return entries


def build_manifest(folder: Path) -> dict:
    """The manifest of a folder whose catalog loads (CatalogError otherwise): what
    tools/plans_manifest.py writes."""
    catalog = load_catalog(folder)
    return {
        "format": FORMAT,
        "catalog_version": catalog.info.version,
        "files": {name: {"sha256": e.sha256, "situations": list(e.situations)}
                  for name, e in folder_entries(folder).items()},
    }


def manifest_text(manifest: dict) -> str:
    return json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def read_manifest(folder: Path) -> dict[str, FileEntry] | str:
    """The files the manifest lists, or the words for why it cannot be used."""
    path = Path(folder) / MANIFEST_NAME
    raw = _read(path)
    if raw is None:
        return f"no {MANIFEST_NAME} in {folder}"
    try:
        data = json.loads(raw.decode("utf-8"))
        files = data["files"]
        return {name: FileEntry(str(f["sha256"]), tuple(str(s) for s in f["situations"]))
                for name, f in files.items()}
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
        return f"{MANIFEST_NAME} in {folder} is damaged (not the manifest the tool writes)"


def differences(folder: Path) -> FolderDifferences:
    """How `folder` differs from its manifest (falsy when it is exactly what was shipped)."""
    folder = Path(folder)
    expected = read_manifest(folder)
    if isinstance(expected, str):
        return FolderDifferences(folder, manifest_problem=expected)
    actual = folder_entries(folder)
    shipped = {(key, name) for name, e in expected.items() for key in e.situations}
    present = {(key, name) for name, e in actual.items() for key in e.situations}
    shipped_keys = {key for key, _ in shipped}
    present_keys = {key for key, _ in present}
    return FolderDifferences(
        folder,
        changed=tuple(n for n in expected
                      if n in actual and actual[n].sha256 != expected[n].sha256),
        missing=tuple(n for n in expected if n not in actual),
        added=tuple(n for n in actual if n not in expected),
        situations_missing=tuple(f"{k} ({n})" for k, n in sorted(shipped)
                                 if k not in present_keys),
        situations_added=tuple(f"{k} ({n})" for k, n in sorted(present)
                               if k not in shipped_keys),
    )


def load_verified(folder: Path) -> Catalog:
    """The catalog of a plan folder that is exactly as its manifest says: PlanFolderRefused
    if it differs (with the loader's problems, if any, to help), CatalogError if its content
    has problems although it matches."""
    found = differences(folder)
    if found:
        try:
            load_catalog(folder)
            problems: list[Problem] = []
        except CatalogError as e:
            problems = e.problems
        raise PlanFolderRefused(found, problems)
    return load_catalog(folder)
