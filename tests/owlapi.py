"""Run Protégé's own library (the OWL API, Debian's libowlapi-java) over an ontology file."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.requirements import missing

JAVA_DIR = Path("/usr/share/java")
HERE = Path(__file__).parent / "java"


def owlapi_classpath() -> str:
    """The named jars the check needs (a `dir/*` classpath fails with an SLF4J loop)."""
    names = (HERE / "owlapi-classpath.txt").read_text().split()
    return ":".join(str(JAVA_DIR / name) for name in names)


def require_owlapi() -> None:
    """Skip, with the reason, only where the Debian package is absent; CI always has it."""
    if not (JAVA_DIR / "owlapi-api.jar").exists() or shutil.which("javac") is None:
        missing("Debian package libowlapi-java (or javac) is not installed")


def compile_check(build_dir: Path) -> Path:
    """Compile OwlApiCheck.java into build_dir and return it."""
    require_owlapi()
    subprocess.run(
        ["javac", "-cp", owlapi_classpath(), "-d", str(build_dir), str(HERE / "OwlApiCheck.java")],
        check=True,
        capture_output=True,
        text=True,
    )
    return build_dir


def run_check(classes: Path, ontology_file: Path) -> subprocess.CompletedProcess[str]:
    """Load ontology_file with the OWL API; exit status 0 means no parse error, no unparsed triple."""
    return subprocess.run(
        ["java", "-cp", f"{classes}:{owlapi_classpath()}", "OwlApiCheck", str(ontology_file)],
        capture_output=True,
        text=True,
        timeout=300,
    )
