"""Small hand-made documents and mapping folders for the entities tests."""

from __future__ import annotations

from pathlib import Path

from redarmy_kg.structure.model import (
    Document,
    Footnote,
    FrontMatter,
    Marker,
    Paragraph,
    Sentence,
    Span,
    TextBlock,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
MAPPINGS = REPO_ROOT / "mappings"


class CorpusBuilder:
    """Appends texts to a fake corpus; each text becomes a TextBlock with true offsets."""

    def __init__(self) -> None:
        self.corpus = ""

    def block(self, text: str) -> TextBlock:
        start = len(self.corpus)
        self.corpus += text + "\n"
        return TextBlock(text, list(range(start, start + len(text))),
                         (Span(start, start + len(text)),))


def make_document(
    paragraphs: list[list[str]], footnotes: list[tuple[str, str | None]] = ()
) -> Document:
    """`paragraphs`: sentences per paragraph (keys ch1/p/<i>/s/<j>);
    `footnotes`: (text, key of the citing sentence or None), keys ch1/fn/<n>."""
    builder = CorpusBuilder()
    abstract = builder.block("Abstract.")
    paragraph_objects, sentences, markers, notes = [], [], [], []
    for p_index, texts in enumerate(paragraphs, start=1):
        p_key = f"ch1/p/{p_index}"
        blocks = [builder.block(text) for text in texts]
        joined = TextBlock(
            " ".join(b.text for b in blocks),
            [o for b in blocks for o in b.char_offsets + [b.char_offsets[-1] + 1]][:-1],
            tuple(s for b in blocks for s in b.segments),
        )
        paragraph_objects.append(Paragraph(p_key, "ch1", None, p_index, joined))
        for s_index, block in enumerate(blocks, start=1):
            sentences.append(Sentence(f"{p_key}/s/{s_index}", "ch1", p_key, s_index, block))
    for number, (text, citing) in enumerate(footnotes, start=1):
        key = f"ch1/fn/{number}"
        notes.append(Footnote(key, "ch1", number, builder.block(text)))
        if citing:
            markers.append(Marker(key, "ch1", number, Span(0, 1), citing))
    front = FrontMatter("T", "A", "PhD", "Leeds", "2012-07", "c", abstract)
    return Document(
        corpus=builder.corpus, sha256="0" * 64, front=front, abbreviations=[], parts=[],
        sections=[], paragraphs=paragraph_objects, sentences=sentences, footnotes=notes,
        markers=markers, bibliography=[],
    )


def write_mappings(folder: Path, **files: str) -> Path:
    """A mappings folder holding the real files, with some replaced by `files`
    (keyword `people` -> people.tsv; the text is written as given)."""
    folder.mkdir(parents=True, exist_ok=True)
    for source in MAPPINGS.glob("*"):
        if source.suffix in (".tsv", ".txt"):
            (folder / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    names = {"people": "people.tsv", "organisations": "organisations.tsv",
             "places": "places.tsv", "ambiguous": "ambiguous_names.tsv",
             "renamings": "org_renamings.tsv", "concepts": "concepts.tsv"}
    for name, text in files.items():
        (folder / names[name]).write_text(text, encoding="utf-8")
    return folder
