"""redarmy-kg: a knowledge graph of 'The Red Army and the Terror' (Whitewood, 2012)."""

__version__ = "0.1.0"
