"""Write plans/MANIFEST.json: the SHA-256 of each plan file and the situations it defines.

    uv run python tools/plans_manifest.py [--dir FOLDER]

Run it after editing plans/*.toml: the desk refuses a plan folder that differs from its
manifest (models.plans.manifest), and tests/models/plans/test_manifest.py fails while the
manifest is stale. It writes nothing for plans with problems (fix them first).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.plans.loader import CatalogError  # noqa: E402
from models.plans.manifest import MANIFEST_NAME, build_manifest, manifest_text  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=ROOT / "plans", help="plan folder")
    folder = parser.parse_args(argv).dir
    try:
        manifest = build_manifest(folder)
    except CatalogError as e:
        for problem in e.problems:
            print(problem, file=sys.stderr)
        print(f"{len(e.problems)} problem(s): {MANIFEST_NAME} not written", file=sys.stderr)
        return 2
    path = folder / MANIFEST_NAME
    text = manifest_text(manifest)
    old = path.read_text(encoding="utf-8") if path.is_file() else None
    if old != text:
        path.write_text(text, encoding="utf-8")
    situations = sum(len(f["situations"]) for f in manifest["files"].values())
    print(f"{path}: {'unchanged' if old == text else 'written'}; {len(manifest['files'])} "
          f"files, {situations} situations, version {manifest['catalog_version']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
