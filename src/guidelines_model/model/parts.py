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
#: A node's citable id: never written in content, assigned when the document is validated.
Id = Annotated[
    str,
    Field(
        description=(
            "The citable id, derived from keys and numbers when the document is validated (never "
            "written in content files)."
        )
    ),
]
Key = Annotated[str, Field(pattern=ids.KEY_PATTERN)]
EditionId = Annotated[str, Field(pattern=ids.EDITION_ID_PATTERN)]
Number = Annotated[int, Field(ge=1)]
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
SourceFile = Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]+$")]

EditionKind = Literal["peer-guidelines", "supervisors", "adaptation"]
EditionStatus = Literal["published", "draft"]
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


def sentence_case(text: str) -> str:
    """``text`` in sentence case when it is in capitals only (first letter kept, the rest
    lowercase); any other text as it is."""
    if text != text.upper() or text == text.lower():
        return text
    return text[:1] + text[1:].lower()


class _Model(BaseModel):
    # Schemas are built on first validation, not at import: a load served by the cache
    # constructs models without validating, so `guidelines list` never builds them.
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True, defer_build=True)


class Footnote(_Model):
    """A footnote as printed: its marker and text."""

    id: Id = ""
    marker: Text = Field(description="The footnote's marker as printed (a number or symbol).")
    text: Text = Field(description="The footnote's text as printed.")
    follows: Text | None = Field(
        default=None,
        description=(
            "Where the marker is printed: the words it follows, quoted from the heading and "
            "blocks of its section (or the term and definition of its glossary entry), enough "
            "of them to occur there once. Unset where the position is not recorded."
        ),
    )


class Block(_Model):
    """One printed block of running text: a paragraph, a quotation, a list entry..."""

    id: Id = ""
    kind: BlockKind = Field(
        default="paragraph",
        description=(
            "What the block is: paragraph, quote, bullet, numbered (list entry), attribution or "
            "subheading."
        ),
    )
    number: Number | None = Field(
        default=None,
        description="The printed number of a numbered list entry.",
    )
    text: Text = Field(description="The block's text as printed.")


class Section(_Model):
    """A titled part of the document outside the value table (background, appendix...)."""

    id: Id = ""
    key: Key = Field(
        description="Stable key of the section (lowercase words joined by '-'), used in its id.",
    )
    heading: str | None = Field(
        default=None,
        description="The heading as printed, if the section has one.",
    )
    blocks: tuple[Block, ...] = Field(
        default=(),
        description="The section's running text, block by block, in printed order.",
    )
    footnotes: tuple[Footnote, ...] = Field(
        default=(),
        description="Footnotes printed with the section.",
    )


class Item(_Model):
    """A numbered or bulleted item. ``n`` is its stable number (the printed one where printed)."""

    id: Id = ""
    n: Number = Field(
        description=(
            "The item's stable number: the printed number where items are numbered, else its "
            "position when first published."
        ),
    )
    text: Text = Field(description="The item's text as printed.")


class Practice(_Model):
    """What a value looks like in practice: the practice name and its items."""

    id: Id = ""
    name: Text = Field(
        description="The practice's name as printed (2019: in capitals; see display_name).",
    )
    numbered: bool = Field(
        default=True,
        description="Whether the edition prints the items numbered (true) or as bullets (false).",
    )
    items: tuple[Item, ...] = Field(description="The practice items, in printed order.")

    @property
    def display_name(self) -> str:
        """The name in sentence case where the edition prints it in capitals only (2019:
        ``SUPPORT CHOICE`` -> ``Support choice``); otherwise exactly as printed."""
        return sentence_case(self.name)


class SupervisorGuidelines(_Model):
    """The 2019 supervisor column: how supervisors promote the practice."""

    id: Id = ""
    lead_in: Text = Field(
        description="The sentence that introduces the supervisor items, as printed.",
    )
    items: tuple[Item, ...] = Field(description="The supervisor items, in printed order.")


class Note(_Model):
    """A recorded fact about the published text, such as an error kept as printed."""

    target: Text = Field(description="The id of the node the note is about.")
    kind: NoteKind = Field(
        description=(
            "published-error (kept as printed), published-variant (two printed forms differ) or "
            "transcription (a decision of the transcriber)."
        ),
    )
    text: Text = Field(description="What is odd about the published text, and what was kept.")


class CoreValue(_Model):
    """One of the twelve core values, as one edition prints it."""

    id: Id = ""
    key: Key = Field(
        description="The value's canonical key (CANONICAL_VALUE_KEYS): the same in every edition.",
    )
    number: Number = Field(description="The value's number in this edition (1-12).")
    title: Text = Field(
        description="The heading as printed (2019 prints it in capitals; see display_title).",
    )
    listed_title: Text | None = Field(
        default=None,
        description=(
            "The title as printed in the opening list, where it differs in wording or case from the"
            " heading; null when the list repeats the heading."
        ),
    )
    description: tuple[Text, ...] = Field(
        description="The description paragraphs, in printed order.",
    )
    practice: Practice = Field(
        description="The value in practice: the practice name and its items.",
    )
    supervisor: SupervisorGuidelines | None = Field(
        default=None,
        description="The 2019 supervisor column: how supervisors promote the practice.",
    )
    notes: tuple[Note, ...] = Field(
        default=(),
        description="Facts about this value's published text, such as errors kept as printed.",
    )

    @property
    def display_title(self) -> str:
        """The title as a reader expects it: the heading as printed, unless the edition prints
        its headings in capitals only; then the opening list's wording, which is in sentence
        case (2019: heading ``PEER SUPPORT IS VOLUNTARY``, listed as ``Peer support is
        voluntary``), or else the heading in sentence case. :attr:`title` is always the
        printed heading."""
        if self.title != self.title.upper():
            return self.title
        return self.listed_title or sentence_case(self.title)

    def description_ids(self) -> tuple[str, ...]:
        """Ids of the description paragraphs, in order (``<value id>/description/<k>``)."""
        return tuple(
            ids.join(self.id, "description", k) for k in range(1, len(self.description) + 1)
        )


class Term(_Model):
    """A glossary term and its definition paragraphs."""

    id: Id = ""
    key: Key = Field(description="Stable key of the term, used in its id.")
    term: Text = Field(description="The term as printed.")
    definition: tuple[Text, ...] = Field(description="The definition paragraphs, in printed order.")
    footnotes: tuple[Footnote, ...] = Field(
        default=(),
        description="Footnotes printed with the definition.",
    )


class Licence(_Model):
    name: Text = Field(
        description="The licence's name, or the rights statement.",
    )
    url: str | None = Field(default=None, description="Where the licence is published.")
    attribution: str | None = Field(
        default=None,
        description="The attribution the licence asks for.",
    )


class Approval(_Model):
    """An approval figure as published: the sentence, and the figures it prints.

    ``qualifier`` is the word printed before the number of respondents ("over 1,000" and
    "nearly 1,000" are different statements); ``None`` when the number is printed bare. The
    figures must be printed in the text as given: ``98.5%``, ``over 1,000``.
    """

    text: Text = Field(description="The approval statement as printed.")
    percent: float | None = Field(
        default=None,
        description="The approval percentage the statement gives (printed in the text).",
    )
    respondents: Annotated[int, Field(ge=1)] | None = Field(
        default=None,
        description="The number of respondents the statement gives (printed in the text).",
    )
    qualifier: Qualifier | None = Field(
        default=None,
        description="The word printed before the number of respondents: over, nearly, more than.",
    )

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

    field: MetadataField = Field(description="The metadata field no source prints as written.")
    reason: Text = Field(description="Why the field is given, and where its value comes from.")


class SourceRef(_Model):
    """A source document the content is transcribed from (a file under ``sources/``)."""

    file: SourceFile = Field(description="The source file's name inside sources/.")
    sha256: Sha256 = Field(
        description="The sha256 of the source file: the text is verified against these bytes.",
    )
    role: Literal["primary", "witness"] = Field(
        default="primary",
        description=(
            "primary (the text is transcribed from it) or witness (a second copy used to confirm "
            "it)."
        ),
    )


class Furniture(_Model):
    """Printed furniture of a source, for recall: page heads and numbers, contents lines, column
    headers, repeated table headers. ``pattern`` is a regular expression matched against the
    source's text in comparison form (quotes, dashes and spaces normalised, lines joined by a
    space); every match is furniture."""

    source: SourceFile = Field(description="The source file the pattern applies to.")
    pattern: Text = Field(
        description="A regular expression matched against the source in comparison form."
    )
    reason: Text = Field(description="What the furniture is (page heads, column headers...).")

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

    source: SourceFile = Field(description="The source file the passage is in.")
    first: Number = Field(description="The passage's first line in the source file.")
    last: Number = Field(description="The passage's last line in the source file (inclusive).")
    reason: Text = Field(description="Why the passage is left out (a scenario, references...).")

    @model_validator(mode="after")
    def _ordered(self) -> Omission:
        if self.last < self.first:
            raise ValueError(f"last line {self.last} is before first line {self.first}")
        return self


class SourceException(_Model):
    """A text allowed not to be found verbatim in the source, with the reason."""

    target: Text = Field(description="The id of a text that is not found verbatim in the sources.")
    reason: Text = Field(description="Why it cannot be found, and where the text comes from.")


class Waiver(_Model):
    """An acknowledged consistency finding: true of the published text, so not a failure."""

    code: Annotated[str, Field(pattern=r"^GM[0-9]{3}$")] = Field(
        description="The check code acknowledged (GM and three digits).",
    )
    target: Text = Field(description="The id the finding is about.")
    text_hash: Annotated[str, Field(pattern=r"^[0-9a-f]{12}$")] = Field(
        description=(
            "The hash of the text when the waiver was written (from `guidelines check --format "
            "json`): the waiver lapses when the text changes."
        ),
    )
    reason: Text = Field(description="Why the finding is true of the published text.")


class WhoValue(_Model):
    """One of the four WHO individualized peer support values (WHO 2017, section 3)."""

    id: Id = ""
    key: Key = Field(description="Stable key of the WHO value, used in its id.")
    name: Text = Field(description="The value's name as printed.")
    text: Text = Field(description="The value's text as printed.")


class CompetencyCategory(_Model):
    """A WHO competency category: its summary (section 8) and items (Annex 1)."""

    id: Id = ""
    n: Number = Field(description="The category's printed number.")
    title: Text = Field(description="The category's title as printed.")
    summary: tuple[Text, ...] = Field(
        default=(),
        description="The category's summary paragraphs (WHO section 8).",
    )
    items: tuple[Item, ...] = Field(
        default=(),
        description="The category's competencies (WHO Annex 1).",
    )


class Misconception(_Model):
    """A row of the WHO misconceptions table (section 5)."""

    id: Id = ""
    n: Number = Field(description="The row's position in the table.")
    misconception: Text = Field(description="The misconception as printed.")
    explanation: tuple[Text, ...] = Field(description="The explanation paragraphs, as printed.")


class LanguageExample(_Model):
    """A closed-language example and its open-language alternative (WHO section 7)."""

    id: Id = ""
    n: Number = Field(description="The example's position in the table.")
    closed: Text = Field(description="The closed-language example as printed.")
    open: Text = Field(description="The open-language alternative as printed.")


class RoleTopic(_Model):
    """A row of the WHO role table (section 12, "Topic / Consistent with Peer Role / Not
    Consistent with Peer Role"): a topic, what is consistent with the peer role, what is not."""

    id: Id = ""
    n: Number = Field(description="The row's position in the table.")
    topic: Text = Field(description="The topic as printed.")
    consistent: Text = Field(description="What is consistent with the peer role, as printed.")
    not_consistent: Text = Field(
        description="What is not consistent with the peer role, as printed."
    )


class Gloss(_Model):
    """A derivative's one-sentence gloss of a value.

    ``separator`` is what is printed between the title and the text, spaces included
    (" – ", " –", "- "): the split into two fields must not lose it. ``None`` when not
    recorded (exports then print " – ").
    """

    id: Id = ""
    value: Key = Field(description="The key of the core value the gloss is about.")
    title: Text = Field(description="The value's title as the derivative prints it.")
    separator: Annotated[str, Field(pattern=r"^ ?[-–—] ?$")] | None = Field(
        default=None,
        description="What is printed between the title and the text, spaces included.",
    )
    text: Text = Field(description="The gloss as printed.")
