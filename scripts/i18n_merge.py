"""Merge the template into each language file: new terms appear untranslated
(the root test then fails until someone translates them), vanished terms are
dropped, translations and comments of kept terms stay. A term new to an
add-on that another add-on of the suite already translates (code moved from
one add-on to another) takes that translation."""

import sys
from pathlib import Path

import polib

LANGS = ("zh_CN", "zh_TW")


def suite_translations(folders):
    """{lang: {(msgctxt, msgid): msgstr}} of every add-on given, read before
    any file is rewritten."""
    known = {lang: {} for lang in LANGS}
    for folder in folders:
        for lang in LANGS:
            path = folder / f"{lang}.po"
            if path.exists():
                for e in polib.pofile(str(path)):
                    if e.msgstr and not e.obsolete:
                        known[lang].setdefault((e.msgctxt, e.msgid), e.msgstr)
    return known


def merge(folder, suite):
    pot = polib.pofile(str(folder / f"{folder.resolve().parent.name}.pot"))
    for lang in LANGS:
        path = folder / f"{lang}.po"
        old = polib.pofile(str(path)) if path.exists() else polib.POFile()
        known = dict(suite[lang])
        known.update({(e.msgctxt, e.msgid): e.msgstr for e in old if not e.obsolete})
        po = polib.POFile(wrapwidth=78)
        po.metadata = dict(pot.metadata, Language=lang)
        po.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
        for entry in pot:
            entry = polib.POEntry(
                msgid=entry.msgid,
                msgctxt=entry.msgctxt,
                msgstr=known.get((entry.msgctxt, entry.msgid), ""),
                occurrences=entry.occurrences,
                comment=entry.comment,
                tcomment=entry.tcomment,
                flags=entry.flags,
            )
            po.append(entry)
        po.save(str(path))
        missing = sum(1 for e in po if not e.msgstr)
        print(f"{path.name}: {len(po)} terms, {missing} untranslated")


if __name__ == "__main__":
    folders = [Path(arg) for arg in sys.argv[1:]]
    suite = suite_translations(folders)
    for folder in folders:
        merge(folder, suite)
