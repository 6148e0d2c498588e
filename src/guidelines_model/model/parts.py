"""The parts of an edition as pydantic models: frozen, strict, unknown keys rejected.

The documents that hold them, :class:`~guidelines_model.model.documents.Edition` and
:class:`~guidelines_model.model.documents.Derivative`, are in :mod:`.documents`.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

from guidelines_model.model import ids

Text = Annotated[str, Field(min_length=1)]
Key = Annotated[str, Field(pattern=ids.KEY_PATTERN)]
EditionId = Annotated[str, Field(pattern=ids.EDITION_ID_PATTERN)]
Number = Annotated[int, Field(ge=1)]
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
SourceFile = Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]+$")]

EditionKind = Literal["peer-guidelines", "supervisors", "adaptation"]
Spelling = Literal["en-US", "en-GB"]
BlockKind = Literal["paragraph", "quote", "bullet", "numbered", "attribution", "subheading"]
NoteKind = Literal["published-error", "published-variant", "transcription"]
#: How a figure is printed when it is not exact: "over 1,000", "nearly 1,000", "more than 800".
Qualifier = Literal["over", "nearly", "more than"]
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)
#: A metadata field that holds printed wording: ``approval/N`` is the text of approval N.
MetadataField = Annotated[
    str,
    Field(
        pattern=r"^(?:publisher|year|version|document_number|url|citation"
        r"|licence\.(?:name|url|attribution)|approval/[1-9][0-9]*)$"
    ),
]
PlacedPart = Literal[
    "opening_list",
    "who_values",
    "key_objectives",
    "misconceptions",
    "values",
    "language_examples",
    "competencies",
    "interview_questions",
    "role_table",
    "job_description",
]


class _Model(BaseModel):
    # Schemas are built on first validation, not at import: a load served by the cache
    # constructs models without validating, so `guidelines list` never builds them.
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True, defer_build=True)


class Footnote(_Model):
    """A footnote as printed: its marker and text."""

    id: str = ""
    marker: Text
    text: Text


class Block(_Model):
    """One printed block of running text: a paragraph, a quotation, a list entry..."""

    id: str = ""
    kind: BlockKind = "paragraph"
    number: Number | None = None
    text: Text


class Section(_Model):
    """A titled part of the document outside the value table (background, appendix...)."""

    id: str = ""
    key: Key
    heading: str | None = None
    blocks: tuple[Block, ...] = ()
    footnotes: tuple[Footnote, ...] = ()


class Item(_Model):
    """A numbered or bulleted item. ``n`` is its stable number (the printed one where printed)."""

    id: str = ""
    n: Number
    text: Text


class Practice(_Model):
    """What a value looks like in practice: the practice name and its items."""

    id: str = ""
    name: Text
    numbered: bool = True
    items: tuple[Item, ...]


class SupervisorGuidelines(_Model):
    """The 2019 supervisor column: how supervisors promote the practice."""

    id: str = ""
    lead_in: Text
    items: tuple[Item, ...]


class Note(_Model):
    """A recorded fact about the published text, such as an error kept as printed."""

    target: Text
    kind: NoteKind
    text: Text


class CoreValue(_Model):
    """One of the twelve core values, as one edition prints it."""

    id: str = ""
    key: Key
    number: Number
    title: Text
    listed_title: Text | None = None
    description: tuple[Text, ...]
    practice: Practice
    supervisor: SupervisorGuidelines | None = None
    notes: tuple[Note, ...] = ()

    def description_ids(self) -> tuple[str, ...]:
        """Ids of the description paragraphs, in order (``<value id>/description/<k>``)."""
        return tuple(
            ids.join(self.id, "description", k) for k in range(1, len(self.description) + 1)
        )


class Term(_Model):
    """A glossary term and its definition paragraphs."""

    id: str = ""
    key: Key
    term: Text
    definition: tuple[Text, ...]
    footnotes: tuple[Footnote, ...] = ()


class Licence(_Model):
    name: Text
    url: str | None = None
    attribution: str | None = None


class Approval(_Model):
    """An approval figure as published: the sentence, and the figures it prints.

    ``qualifier`` is the word printed before the number of respondents ("over 1,000" and
    "nearly 1,000" are different statements); ``None`` when the number is printed bare. The
    figures must be printed in the text as given: ``98.5%``, ``over 1,000``.
    """

    text: Text
    percent: float | None = None
    respondents: Annotated[int, Field(ge=1)] | None = None
    qualifier: Qualifier | None = None

    @model_validator(mode="after")
    def _figures_printed(self) -> Approval:
        if self.qualifier is not None and self.respondents is None:
            raise ValueError(f"qualifier {self.qualifier!r} given without respondents")
        percent = None if self.percent is None else f"{self.percent:g}%"
        if percent is not None and not _printed_figure(percent, self.text, qualified=True):
            raise ValueError(f"percent: {percent!r} is not printed in the text")
        if self.respondents is not None:
            printed = f"{self.respondents:,}"
            figure = f"{self.qualifier} {printed}" if self.qualifier else printed
            if not _printed_figure(figure, self.text, qualified=self.qualifier is not None):
                hint = "" if self.qualifier else " without a qualifier (over, nearly, more than)"
                raise ValueError(f"respondents: {figure!r} is not printed in the text{hint}")
        return self


def _printed_figure(figure: str, text: str, *, qualified: bool) -> bool:
    """True when ``figure`` is in ``text`` as a whole number; an unqualified figure must not
    be preceded by a qualifier ("1,000" in "nearly 1,000" is a different statement)."""
    for m in re.finditer(rf"(?<![\d,.]){re.escape(figure)}(?![\d,]|\.\d)", text):
        if qualified or not text[: m.start()].endswith(tuple(f"{q} " for q in QUALIFIERS)):
            return True
    return False


class Editorial(_Model):
    """A metadata field that no source prints as written, with the reason it is given."""

    field: MetadataField
    reason: Text


class SourceRef(_Model):
    """A source document the content is transcribed from (a file under ``sources/``)."""

    file: SourceFile
    sha256: Sha256
    role: Literal["primary", "witness"] = "primary"


class Furniture(_Model):
    """Printed furniture of a source, for recall: page heads and numbers, contents lines, column
    headers, repeated table headers. ``pattern`` is a regular expression matched against the
    source's text in comparison form (quotes, dashes and spaces normalised, lines joined by a
    space); every match is furniture."""

    source: SourceFile
    pattern: Text
    reason: Text

    @model_validator(mode="after")
    def _compiles(self) -> Furniture:
        try:
            re.compile(self.pattern)
        except re.error as exc:
            raise ValueError(f"pattern is not a regular expression: {exc}") from None
        return self


class Omission(_Model):
    """A passage of a source deliberately left out of the content (a scenario, a quotation,
    acknowledgements, references...), by its lines in the source file (inclusive)."""

    source: SourceFile
    first: Number
    last: Number
    reason: Text

    @model_validator(mode="after")
    def _ordered(self) -> Omission:
        if self.last < self.first:
            raise ValueError(f"last line {self.last} is before first line {self.first}")
        return self


class SourceException(_Model):
    """A text allowed not to be found verbatim in the source, with the reason."""

    target: Text
    reason: Text


class Waiver(_Model):
    """An acknowledged consistency finding: true of the published text, so not a failure."""

    code: Annotated[str, Field(pattern=r"^GM[0-9]{3}$")]
    target: Text
    text_hash: Annotated[str, Field(pattern=r"^[0-9a-f]{12}$")]
    reason: Text


class WhoValue(_Model):
    """One of the four WHO individualized peer support values (WHO 2017, section 3)."""

    id: str = ""
    key: Key
    name: Text
    text: Text


class CompetencyCategory(_Model):
    """A WHO competency category: its summary (section 8) and items (Annex 1)."""

    id: str = ""
    n: Number
    title: Text
    summary: tuple[Text, ...] = ()
    items: tuple[Item, ...] = ()


class Misconception(_Model):
    """A row of the WHO misconceptions table (section 5)."""

    id: str = ""
    n: Number
    misconception: Text
    explanation: tuple[Text, ...]


class LanguageExample(_Model):
    """A closed-language example and its open-language alternative (WHO section 7)."""

    id: str = ""
    n: Number
    closed: Text
    open: Text


class RoleTopic(_Model):
    """A row of the WHO role table (section 12, "Topic / Consistent with Peer Role / Not
    Consistent with Peer Role"): a topic, what is consistent with the peer role, what is not."""

    id: str = ""
    n: Number
    topic: Text
    consistent: Text
    not_consistent: Text


class Gloss(_Model):
    """A derivative's one-sentence gloss of a value.

    ``separator`` is what is printed between the title and the text, spaces included
    (" – ", " –", "- "): the split into two fields must not lose it. ``None`` when not
    recorded (exports then print " – ").
    """

    id: str = ""
    value: Key
    title: Text
    separator: Annotated[str, Field(pattern=r"^ ?[-–—] ?$")] | None = None
    text: Text
