"""Every term of the module is translated in zh_CN and zh_TW."""

import re

import opencc
import pytest
from conftest import ADDON
from policy.keys import to_simplified

polib = pytest.importorskip("polib")

I18N = ADDON / "i18n"
POT = polib.pofile(str(I18N / "sales_team_mgmt.pot"))
TERMS = {entry.msgid for entry in POT if entry.msgid}


def test_template_is_not_empty():
    assert len(TERMS) > 50


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW"])
def test_language_is_complete(lang):
    po = polib.pofile(str(I18N / f"{lang}.po"))
    translated = {
        entry.msgid: entry.msgstr
        for entry in po
        if entry.msgstr and not entry.obsolete and "fuzzy" not in entry.flags
    }
    missing = sorted(TERMS - set(translated))
    assert not missing, f"{len(missing)} untranslated, e.g. {missing[:5]}"


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW"])
def test_placeholders_are_kept(lang):
    po = polib.pofile(str(I18N / f"{lang}.po"))
    for entry in po:
        if not entry.msgstr:
            continue
        wanted = sorted(re.findall(r"%\(\w+\)s|%s|%d", entry.msgid))
        found = sorted(re.findall(r"%\(\w+\)s|%s|%d", entry.msgstr))
        assert wanted == found, entry.msgid


def test_traditional_uses_traditional_characters():
    """zh_TW must read as written in Taiwan: converting it Simplified →
    Traditional (Taiwan standard) changes nothing."""
    to_traditional = opencc.OpenCC("s2tw")
    po = polib.pofile(str(I18N / "zh_TW.po"))
    simplified_left = [
        entry.msgstr
        for entry in po
        if entry.msgstr and to_traditional.convert(entry.msgstr) != entry.msgstr
    ]
    assert not simplified_left, simplified_left[:5]


def test_simplified_uses_simplified_characters():
    po = polib.pofile(str(I18N / "zh_CN.po"))
    traditional_left = [
        entry.msgstr
        for entry in po
        if entry.msgstr and to_simplified(entry.msgstr) != entry.msgstr
    ]
    assert not traditional_left, traditional_left[:5]
