"""Name keys (warlog.geo.names): spellings of one place meet under one key."""

from __future__ import annotations

import pytest

from warlog.geo import names


@pytest.mark.parametrize("spellings", [
    ("Ain al-Asad", "Ayn al Asad", "Ein al-Asad", "Ain al Asad"),
    ("Deir ez-Zor", "Dayr az Zor", "Deir Ezzor", "Deir al Zor"),
    ("Raqqa", "Raqqah", "Ar-Raqqah", "al-Raqqa"),
    ("Tal Afar", "Tall Afar", "Tell Afar", "Tal 'Afar"),
    ("Hasakah", "Al-Hasakah", "Hassakah"),
    ("Sana'a", "Sanaa", "Sana’a"),
    ("Tillabéri", "Tillaberi"),
    ("U.S.", "US", "u.s."),
])
def test_spellings_share_a_key(spellings: tuple[str, ...]) -> None:
    keys = {names.name_key(s) for s in spellings}
    assert len(keys) == 1, keys


def test_doubled_vowels_are_kept_apart_from_single_ones() -> None:
    # only consonants collapse: "Iraan" must not become "Iran"
    assert names.name_key("Iraan") != names.name_key("Iran")


def test_a_leading_the_is_dropped_but_a_lone_article_is_kept() -> None:
    assert names.name_key("the Gaza Strip") == names.name_key("Gaza Strip")
    assert names.name_key("Al") == "al"


def test_skeleton_key_meets_vowel_variants() -> None:
    assert names.skeleton_key("Deir al-Zour") == names.skeleton_key("Dayr az Zawr")
    assert names.skeleton_key("Zour") == names.skeleton_key("Zor")


@pytest.mark.parametrize(("text", "bare"), [
    ("Al-Asad Airbase", "al-asad") , ("Al Asad Air Base", "al asad"), ("Camp Taji", "taji"),
    ("Rumaila oil field", "rumaila"), ("Nasib border crossing", "nasib"), ("Port of Aden", "aden"),
    ("Baghdad", None),
])
def test_facility_words_are_stripped(text: str, bare: str | None) -> None:
    got = names.strip_facility_words(text)
    assert (got and got.replace(" ", "-") if bare and "-" in bare else got) == bare


@pytest.mark.parametrize(("text", "name", "kind", "part"), [
    ("Anbar province", "anbar", "admin1", False),
    ("Orange County", "orange", None, False),
    ("Kirkuk city", "kirkuk", "town", False),
    ("eastern Ukraine", "ukraine", None, True),
    ("Greater London", "london", None, False),
])
def test_descriptors_give_the_name_inside(text: str, name: str, kind: str | None, part: bool) -> None:
    bare = names.strip_descriptor(text)
    assert bare is not None
    assert (bare.name, bare.kind, bare.part) == (name, kind, part)


def test_no_descriptor_means_none() -> None:
    assert names.strip_descriptor("Mosul") is None
    assert names.strip_descriptor("Tal Afar") is None
