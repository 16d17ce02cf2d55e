#!/usr/bin/env python3
"""Round trip of a Galley XLIFF through translate-toolkit, the way a CAT pipeline would use it.

Usage: ttk_roundtrip.py IN.xlf OUT.xlf

Reads IN with translate.storage.xliff, replaces every unit's target with a "translation":
the text outside inline codes in upper case, keeping every <g>/<x> code where it was. Marks the unit translated and writes OUT. Exits 2 when translate-toolkit
is not installed, so the calling test can say so.
"""
import sys

try:
    from translate.storage import xliff
    from translate.storage.placeables import StringElem
except ImportError as error:
    print(f"translate-toolkit is not installed ({error}); run `pip install translate-toolkit`",
          file=sys.stderr)
    sys.exit(2)


def transform(elem):
    """A copy of `elem` with its plain text upper-cased; inline codes and their attributes kept."""
    copy = elem.copy()
    _upper(copy)
    return copy


def _upper(elem):
    subs = []
    for sub in elem.sub:
        if isinstance(sub, str):
            subs.append(sub.upper())
        else:
            _upper(sub)
            subs.append(sub)
    elem.sub = subs


def main():
    source, target = sys.argv[1], sys.argv[2]
    with open(source, "rb") as handle:
        store = xliff.xlifffile.parsestring(handle.read())
    count = 0
    for unit in store.units:
        if not unit.istranslatable():
            continue
        unit.rich_target = [transform(part) for part in unit.rich_target]
        unit.markfuzzy(False)
        unit.xmlelement.find(unit.namespaced("target")).set("state", "translated")
        count += 1
    with open(target, "wb") as handle:
        handle.write(bytes(store))
    print(f"translate-toolkit translated {count} units", file=sys.stderr)


if __name__ == "__main__":
    main()
