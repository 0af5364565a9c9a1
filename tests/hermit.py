"""HermiT, as bundled with owlready2, run over an RDF/XML file (owlready2 cannot read Turtle)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = """
import sys
import owlready2
world = owlready2.World()
onto = world.get_ontology(sys.argv[1]).load()
try:
    with onto:
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
except owlready2.OwlReadyInconsistentOntologyError:
    print("inconsistent")
    sys.exit(3)
print("consistent")
"""


def is_consistent(rdfxml: Path) -> bool:
    """Whether HermiT finds the ontology in `rdfxml` consistent (run in a child process)."""
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, f"file://{rdfxml.resolve()}"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode not in (0, 3):
        raise RuntimeError(f"HermiT did not run: {result.stderr[-2000:]}")
    return result.returncode == 0
