"""Every term of the module is translated in zh_CN and zh_TW."""

import html
import re

import opencc
import pytest
from conftest import ADDONS
from policy.keys import to_simplified

polib = pytest.importorskip("polib")

I18N_DIRS = [addon / "i18n" for addon in ADDONS]
by_addon = pytest.mark.parametrize("i18n", I18N_DIRS, ids=lambda p: p.parent.name)
by_lang = pytest.mark.parametrize("lang", ["zh_CN", "zh_TW"])


def terms(i18n):
    pot = polib.pofile(str(i18n / f"{i18n.parent.name}.pot"))
    return {entry.msgid for entry in pot if entry.msgid}


@by_addon
def test_template_is_not_empty(i18n):
    # An export that missed the add-on finds none of its texts: every menu
    # it declares is in the template, and at least a text for each of its
    # model files (a description, a field's label, a message).
    addon = i18n.parent
    menus = set()
    for view in (addon / "views").glob("*.xml"):
        text = view.read_text(encoding="utf-8")
        menus |= set(
            map(html.unescape, re.findall(r'<menuitem [^>]*name="([^"]+)"', text))
        )
    models = list((addon / "models").glob("[!_]*.py"))
    found = terms(i18n)
    assert menus <= found, sorted(menus - found)
    assert len(found) >= len(models) + len(menus) > 0


@by_addon
@by_lang
def test_language_is_complete(i18n, lang):
    po = polib.pofile(str(i18n / f"{lang}.po"))
    translated = {
        entry.msgid: entry.msgstr
        for entry in po
        if entry.msgstr and not entry.obsolete and "fuzzy" not in entry.flags
    }
    missing = sorted(terms(i18n) - set(translated))
    assert not missing, f"{len(missing)} untranslated, e.g. {missing[:5]}"


@by_addon
@by_lang
def test_placeholders_are_kept(i18n, lang):
    po = polib.pofile(str(i18n / f"{lang}.po"))
    for entry in po:
        if not entry.msgstr:
            continue
        wanted = sorted(re.findall(r"%\(\w+\)s|%s|%d", entry.msgid))
        found = sorted(re.findall(r"%\(\w+\)s|%s|%d", entry.msgstr))
        assert wanted == found, entry.msgid


@by_addon
def test_traditional_uses_traditional_characters(i18n):
    """zh_TW must read as written in Taiwan: converting it Simplified →
    Traditional (Taiwan standard) changes nothing."""
    to_traditional = opencc.OpenCC("s2tw")
    po = polib.pofile(str(i18n / "zh_TW.po"))

    def converted(text):
        # Character by character, s2tw turns the correct 問卷 (survey) into
        # 問捲; the phrase-aware s2twp keeps it.
        return to_traditional.convert(text.replace("問卷", "")) != text.replace(
            "問卷", ""
        )

    simplified_left = [
        entry.msgstr for entry in po if entry.msgstr and converted(entry.msgstr)
    ]
    assert not simplified_left, simplified_left[:5]


@by_addon
def test_simplified_uses_simplified_characters(i18n):
    po = polib.pofile(str(i18n / "zh_CN.po"))
    traditional_left = [
        entry.msgstr
        for entry in po
        if entry.msgstr and to_simplified(entry.msgstr) != entry.msgstr
    ]
    assert not traditional_left, traditional_left[:5]
