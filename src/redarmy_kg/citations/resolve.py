"""Resolve references as they come, in document order: ibids to what they repeat,
and the context (archival file, last work per author) later references inherit."""

from __future__ import annotations

from dataclasses import dataclass, field

from redarmy_kg.bibliography import Work
from redarmy_kg.citations.footnote import Context
from redarmy_kg.citations.model import ArchivalRef, IbidRef, Reference, WorkRef


@dataclass
class Resolver:
    works: dict[str, Work]
    context: Context = field(default_factory=Context)
    last_location: tuple[str, int] | None = None  # (footnote key, 1-based order)
    last_part: str = ""
    last_work: tuple[Reference, tuple[str, int]] | None = None
    last_file: tuple[Reference, tuple[str, int]] | None = None
    last_ref: Reference | None = None  # the last reference as printed (ibids included)

    def begin_footnote(self, footnote_key: str, part_key: str) -> None:
        self.footnote_key = footnote_key
        self.part_key = part_key
        self.count = 0

    def __call__(self, ref: Reference) -> None:
        self.count += 1
        if isinstance(ref, IbidRef):
            self._resolve_ibid(ref)
            source = ref.resolved
        else:
            source = ref
        location = (self.footnote_key, self.count)
        if source is not None:
            self._remember(source)
            if isinstance(source, ArchivalRef):
                self.last_file = (source, location)
            elif isinstance(source, WorkRef):
                self.last_work = (source, location)
        self.last_location = location
        self.last_part = self.part_key
        self.last_ref = ref

    def _resolve_ibid(self, ref: IbidRef) -> None:
        if self.last_location is None or self.last_part != self.part_key:
            ref.flags.append("ibid-unresolved")
            return
        ref.target = self.last_location
        ref.resolved = self.context.last
        if self.last_ref is not None and not ref.own_locator:
            # `Ibid., p. 47.` then `Ibid.`: the second repeats p. 47, not the first cite's page
            ref.repeated_locator = self.last_ref.locator
        wants_pages = ref.own_locator.startswith("p")
        wants_folios = ref.own_locator.startswith("l")
        if wants_pages and isinstance(ref.resolved, ArchivalRef) and self.last_work is not None:
            ref.resolved, ref.target = self.last_work
            ref.repeated_locator = ""
            ref.flags.append("ibid-skips-archival")
        elif wants_folios and isinstance(ref.resolved, WorkRef) and self.last_file is not None:
            ref.resolved, ref.target = self.last_file
            ref.repeated_locator = ""
            ref.flags.append("ibid-skips-work")
        if ref.resolved is None:
            ref.flags.append("ibid-unresolved")

    def _remember(self, source: Reference) -> None:
        self.context.last = source
        if isinstance(source, ArchivalRef) and source.file.archive:
            self.context.archival = source.file
        if isinstance(source, WorkRef) and source.work_key:
            work = self.works.get(source.work_key)
            if work is not None and work.creators:
                self.context.recent_works[work.first_surname] = source.work_key
            self.context.recent_works["last"] = source.work_key
