"""The warm-start contract in one call for Python training scripts.

Copy this file next to your script (or put helpers/python on PYTHONPATH):

    from retrain_contract import baseline_dir, confirm_warm_start, cold_start
    champion = baseline_dir()              # None on a first model
    if champion:
        model = joblib.load(champion / "model.joblib")
        confirm_warm_start()               # records numpy, scikit-learn, torch versions too

Without a confirmation, `warm-start: required` fails the run, and `fallback` records the warm start
as unconfirmed.
"""
import json
import os
from importlib import metadata
from pathlib import Path

# The packages whose versions decide whether a saved model loads and trains the same way.
PACKAGES = ("numpy", "scipy", "scikit-learn", "torch", "joblib", "pandas")


def baseline_dir():
    """The champion's unpacked model directory, or None when there is no champion."""
    value = os.environ.get("RETRAIN_BASELINE_DIR", "")
    return Path(value) if value else None


def package_versions(names=PACKAGES):
    """Versions of the installed packages among `names`, and of Python itself."""
    import platform

    versions = {"python": platform.python_version()}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            pass
    return versions


def _write(report):
    path = os.environ.get("RETRAIN_TRAINING_REPORT", "")
    if path:
        Path(path).write_text(json.dumps(report, indent=2) + "\n")


def confirm_warm_start(packages=PACKAGES):
    """Confirms that training started from the champion's bundle; call it after loading it."""
    digest = os.environ.get("RETRAIN_BASELINE_DIGEST", "")
    if digest:
        _write({"warmStart": True, "from": digest, "packages": package_versions(packages)})


def cold_start(reason, packages=PACKAGES):
    """Says that training started from scratch, and why."""
    _write({"warmStart": False, "reason": str(reason), "packages": package_versions(packages)})
