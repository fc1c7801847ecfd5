"""Find the files that ship with the package: prompts/ and schemas/.

In a wheel they live at ``assistant/_data/{prompts,schemas}`` (see pyproject's
force-include); in a source checkout they are the repo's top-level folders.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_REPO_ROOT = Path(__file__).resolve().parent.parent


def data_dir(name: str) -> Path:
    """Directory of the shipped ``prompts`` or ``schemas`` folder."""
    packaged = Path(str(resources.files("assistant"))) / "_data" / name
    if packaged.is_dir():
        return packaged
    checkout = _REPO_ROOT / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"factcheck is installed without its {name}/ folder")


def prompts_dir() -> Path:
    return data_dir("prompts")


def schemas_dir() -> Path:
    return data_dir("schemas")
