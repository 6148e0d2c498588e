"""The models: ids from keys and numbers, immutability, strictness, and lossless round trips."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from pydantic import ValidationError
from tests.strategies import edition_data, editions

from guidelines_model import Edition, Library, NotFoundError, load_edition
from guidelines_model.export.json import from_json, to_json
from guidelines_model.model.parts import Approval
from guidelines_model.write.dump import write_edition

Data = dict[str, Any]


@given(edition_data())
def test_ids_come_from_keys_and_numbers_not_text(data: Data) -> None:
    """Rewording an item keeps its id; ids follow the documented scheme."""
    e = Edition.model_validate(data)
    v = e.values[0]
    assert v.id == f"test/{v.key}"
    assert v.practice.items[0].id == f"test/{v.key}/practice/1"
    data = e.model_dump()
    data["values"][0]["practice"]["items"][0]["text"] = "Entirely new wording."
    assert Edition.model_validate(data).values[0].practice.items[0].id == v.practice.items[0].id


@given(edition_data())
def test_ids_in_input_are_replaced(data: Data) -> None:
    """Ids are derived: an id given in the data cannot override the scheme."""
    data["values"][0]["id"] = "forged/id"
    assert Edition.model_validate(data).values[0].id == f"test/{data['values'][0]['key']}"


@given(editions())
def test_models_are_frozen(e: Edition) -> None:
    """Editions cannot be changed in place (they are shared by every consumer)."""
    with pytest.raises(ValidationError):
        e.values[0].title = "x"  # type: ignore[misc]


@given(edition_data())
def test_unknown_keys_are_errors(data: Data) -> None:
    """A misspelled field is rejected, never silently dropped."""
    data["values"][0]["titel"] = "x"
    with pytest.raises(ValidationError, match="titel"):
        Edition.model_validate(data)


@given(edition_data())
def test_strict_types(data: Data) -> None:
    """A number is not silently turned into text, nor text into a number."""
    data["values"][0]["practice"]["items"][0]["text"] = 12
    with pytest.raises(ValidationError, match=r"Input should be a valid string"):
        Edition.model_validate(data)


@given(editions())
def test_json_round_trip(edition: Edition) -> None:
    """model -> JSON -> model gives an equal edition."""
    assert from_json(to_json(edition)) == edition


@given(editions())
def test_yaml_round_trip(edition: Edition) -> None:
    """model -> YAML content files -> loader gives an equal edition."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        write_edition(edition, tmp)
        assert load_edition(Path(tmp)) == edition


def test_real_editions_round_trip(library: object, tmp_path: Path) -> None:
    """Every real edition survives the YAML and JSON round trips unchanged."""
    from guidelines_model import Library

    assert isinstance(library, Library)
    for e in library:
        write_edition(e, tmp_path / e.id)
        assert load_edition(tmp_path / e.id) == e
        assert from_json(to_json(e)) == e


@given(editions())
def test_json_export_is_standard_two_space_json(edition: Edition) -> None:
    """The fast JSON export is byte-identical to the stdlib's two-space-indented JSON."""
    import json

    payload = {"schema_version": 1, "kind": "edition", "document": edition.model_dump(mode="json")}
    assert to_json(edition) == json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def test_every_field_is_described() -> None:
    """Every field of every model has a description, so the JSON Schema and editors explain it."""
    from guidelines_model.model.documents import model_classes

    missing = [
        f"{cls.__name__}.{name}"
        for cls in model_classes()
        for name, field in cls.model_fields.items()
        if not field.description
    ]
    assert missing == []


def test_display_forms_of_titles_printed_in_capitals(library: Library) -> None:
    """2019 prints headings in capitals: display_title and display_name give sentence case."""
    v2019 = library.edition("2019_supervisors").value("voluntary")
    assert v2019.title == "PEER SUPPORT IS VOLUNTARY"
    assert v2019.display_title == "Peer support is voluntary"
    assert v2019.practice.display_name == "Support choice"
    v2013 = library.edition("2013").value("open-minded")
    assert v2013.display_title == v2013.title  # printed in sentence case: kept as printed
    assert library.edition("2013").value("7") is library.edition("2013").value("honest-direct")


def test_an_unknown_value_key_is_not_found_with_a_suggestion(library: Library) -> None:
    """``Edition.value`` raises NotFoundError (a KeyError) naming the closest key."""
    with pytest.raises(KeyError) as info:
        library.edition("2013").value("volunteer")
    assert isinstance(info.value, NotFoundError)
    assert info.value.suggestion == "voluntary"
    assert str(info.value).startswith("no value 'volunteer'; did you mean 'voluntary'?")


_APPROVAL = "endorsed with a 98.5% approval by over 1,000 peer supporters"


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"percent": 98.5, "respondents": 1000, "qualifier": "over"}, None),
        ({"respondents": 1000}, "respondents: '1,000' is not printed in the text without"),
        ({"respondents": 1000, "qualifier": "nearly"}, "'nearly 1,000' is not printed"),
        ({"percent": 98}, "percent: '98%' is not printed"),
        ({"percent": 8.5}, "percent: '8.5%' is not printed"),
        ({"qualifier": "over"}, "qualifier 'over' given without respondents"),
    ],
)
def test_approval_figures_must_be_printed(fields: Data, error: str | None) -> None:
    """An approval's figures, qualifier included, are what its text prints."""
    if error is None:
        Approval.model_validate({"text": _APPROVAL, **fields})
        return
    with pytest.raises(ValidationError, match=re.escape(error)):
        Approval.model_validate({"text": _APPROVAL, **fields})


@given(edition_data())
def test_editorial_must_name_a_present_field(data: Data) -> None:
    """An editorial entry for a field the edition does not have is an error, not a no-op."""
    data = {**data, "editorial": [{"field": "document_number", "reason": "r"}]}
    with pytest.raises(ValidationError, match="names a metadata field this document lacks"):
        Edition.model_validate(data)
