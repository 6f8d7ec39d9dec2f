"""Claims: the thesis's fact-bearing statements with their sentence, sources and author."""

from redarmy_kg.claims.build import build_claims
from redarmy_kg.claims.model import Claim, SourceRef

__all__ = ["Claim", "SourceRef", "build_claims"]
