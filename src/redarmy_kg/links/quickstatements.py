"""QuickStatements (v1) that cite the thesis on Wikidata for every linked person.

"Described by source" (P1343) takes a Wikidata *item* as its value, and the
thesis has no item yet. We do not guess one and do not rely on `LAST` (which
QuickStatements resolves only as the subject of a line): the export refuses
unless the editor passes the thesis's QID. Each statement carries a reference
URL (S854) to the thesis in this dataset, so a reviewer can follow it to the
text and to every mention of the person. Only confirmed `owl:sameAs` links are
exported; the lines are sorted by the person's key for a reviewable diff.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from redarmy_kg import iris
from redarmy_kg.errors import BadInput
from redarmy_kg.links.sssom import WikidataLink

DESCRIBED_BY_SOURCE = "P1343"
REFERENCE_URL = "S854"

_QID = re.compile(r"Q[1-9][0-9]*")

NEEDS_THESIS_QID = (
    "P1343 (described by source) needs a Wikidata item for the thesis, which has none yet: "
    "create the item for 'The Red Army and the Terror' (Whitewood, Leeds, 2012), then run "
    "again with --thesis-qid Q..."
)


def check_thesis_qid(thesis_qid: str | None) -> str:
    if thesis_qid is None:
        raise BadInput(NEEDS_THESIS_QID)
    if not _QID.fullmatch(thesis_qid):
        raise BadInput(f"--thesis-qid {thesis_qid!r} is not a Wikidata item id (Q<digits>)")
    return thesis_qid


def quickstatements(links: Iterable[WikidataLink], thesis_qid: str | None) -> str:
    """Tab-separated QuickStatements v1 lines, one per confirmed person link."""
    thesis = check_thesis_qid(thesis_qid)
    reference = f'"{iris.id_iri("thesis")}"'
    people = sorted(
        (link for link in links if link.published and link.subject_kind == "person"),
        key=lambda link: link.subject_key,
    )
    lines = [
        "\t".join((link.qid or "", DESCRIBED_BY_SOURCE, thesis, REFERENCE_URL, reference))
        for link in people
    ]
    return "".join(line + "\n" for line in lines)
