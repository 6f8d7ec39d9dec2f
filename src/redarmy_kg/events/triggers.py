"""The curated trigger words (`mappings/event_triggers.yaml`) as typed specs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from redarmy_kg.errors import BadInput

DEFAULT_PATH = Path(__file__).resolve().parents[3] / "mappings" / "event_triggers.yaml"
FORMS = (
    "verb",
    "passive",
    "noun",
    "subject",
    "to_verb",
    "to_noun",
    "sent_noun",
    "body_noun",
    "place_noun",
    "opener",
)


@dataclass(frozen=True)
class Trigger:
    event_type: str
    form: str
    words: tuple[str, ...]
    patient: str | None = None
    agent: str | None = None
    target: str | None = None
    subject: str | None = None
    subject_kinds: tuple[str, ...] = ("person",)
    default_organisers: tuple[tuple[str, str], ...] = ()  # word before the noun -> org key
    not_after: tuple[str, ...] = ()  # words later in the clause that undo or change the event

    @property
    def pattern(self) -> re.Pattern[str]:
        return _word_pattern(self.words)


@dataclass(frozen=True)
class EventType:
    key: str
    class_name: str
    label: str
    per_patient: bool
    triggers: tuple[Trigger, ...]
    once_only: bool = False  # a person undergoes it once: two dates for it conflict


@lru_cache(maxsize=64)
def _word_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(words, key=lambda w: (-len(w), w))
    alternatives = "|".join(
        f"[{re.escape(w[0].upper())}{re.escape(w[0].lower())}]"
        + re.escape(w[1:]).replace(r"\ ", r"\s+")
        for w in ordered
    )
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


@lru_cache(maxsize=8)
def any_trigger(types: tuple[EventType, ...]) -> re.Pattern[str]:
    """One pattern for every trigger word: a sentence it misses has no event."""
    words = tuple(sorted({w for t in types for trigger in t.triggers for w in trigger.words}))
    return _word_pattern(words)


@lru_cache(maxsize=4)
def load_speech_verbs(path: Path = DEFAULT_PATH) -> re.Pattern[str]:
    """`, Trotsky wrote` after an opening `In a letter to Lenin`: the author's verbs."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    verbs = "|".join(sorted((re.escape(v) for v in raw["speech_verbs"]), key=len, reverse=True))
    return re.compile(rf"\s+(?:also\s+|again\s+|then\s+|[a-z]+ly\s+)?(?:{verbs})\b")


@lru_cache(maxsize=4)
def load_event_types(path: Path = DEFAULT_PATH) -> tuple[EventType, ...]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    types = []
    for key, body in sorted(raw["event_types"].items()):
        triggers = []
        for index, entry in enumerate(body["triggers"]):
            if entry.get("form") not in FORMS:
                raise BadInput(
                    f"{path.name}: {key} trigger {index + 1}: unknown form {entry.get('form')!r}"
                )
            triggers.append(
                Trigger(
                    event_type=key,
                    form=entry["form"],
                    words=tuple(entry["words"]),
                    patient=entry.get("patient"),
                    agent=entry.get("agent"),
                    target=entry.get("target"),
                    subject=entry.get("subject"),
                    subject_kinds=tuple(entry.get("subject_kinds", ["person"])),
                    default_organisers=tuple(sorted(entry.get("default_organisers", {}).items())),
                    not_after=tuple(entry.get("not_after", [])),
                )
            )
        types.append(
            EventType(
                key=key,
                class_name=body["class"],
                label=body["label"],
                per_patient=bool(body["per_patient"]),
                triggers=tuple(triggers),
                once_only=bool(body.get("once_only", False)),
            )
        )
    return tuple(types)


def event_type_table(path: Path = DEFAULT_PATH) -> dict[str, EventType]:
    return {t.key: t for t in load_event_types(path)}
