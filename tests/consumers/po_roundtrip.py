#!/usr/bin/env python3
"""Round trip of a Galley PO job through translate-toolkit, the way a PO workflow would use it.

Usage: po_roundtrip.py IN.po OUT.po [--drop-tag]

Reports what translate-toolkit sees in IN (each unit's context, fuzzy and translated verdicts
and previous msgid), then "translates" it as a translator in a PO editor would: every unit's
text outside placeable tags upper-cased (the source for an empty msgstr, the translation
otherwise), tags kept, fuzzy marks cleared. The translations are merged into IN with
`pomerge` (as a team merges a translator's file into the job), written to OUT, and OUT is
checked with `pofilter --test=xmltags` (every tag kept). With --drop-tag the first standalone
tag (<xN/>) of the first unit with one is left out, to show the checks catch it.

Prints one JSON object: {"units": [...], "pofilter_failures": N}. Exits 2 when
translate-toolkit is not installed, 1 when a tool fails.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

try:
    from translate.storage import factory
except ImportError as error:
    print(f"translate-toolkit is not installed ({error}); run scripts/setup", file=sys.stderr)
    sys.exit(2)

TAG = re.compile(r"(</?g\d+>|<x\d+/>)")
STANDALONE = re.compile(r"<x\d+/>")
TOOLS = os.path.dirname(sys.executable)


def translate(text):
    return "".join(part if TAG.fullmatch(part) else part.upper() for part in TAG.split(text))


def run(*args):
    result = subprocess.run([os.path.join(TOOLS, args[0]), *args[1:]], capture_output=True,
                            text=True, timeout=300)
    if result.returncode != 0:
        print(f"{' '.join(args)} failed with {result.returncode}:\n{result.stdout}\n"
              f"{result.stderr}", file=sys.stderr)
        sys.exit(1)
    return result


def main():
    source, target = sys.argv[1], sys.argv[2]
    drop_tag = "--drop-tag" in sys.argv[3:]
    store = factory.getobject(source)
    seen = []
    dropped = False
    for unit in store.units:
        if unit.isheader() or unit.isobsolete():
            continue
        seen.append({
            "id": unit.getcontext(),
            "fuzzy": unit.isfuzzy(),
            "translated": unit.istranslated(),
            "previous": unit.prev_source or None,
        })
        text = translate(unit.target or unit.source)
        if drop_tag and not dropped and STANDALONE.search(text):
            text = STANDALONE.sub("", text, count=1)
            dropped = True
        unit.target = text
        unit.markfuzzy(False)
        unit.clear_previous()
    with tempfile.TemporaryDirectory() as folder:
        translated = os.path.join(folder, "translated.po")
        store.savefile(translated)
        run("pomerge", "-t", source, "-i", translated, "-o", target)
        failures = os.path.join(folder, "failures.po")
        run("pofilter", "--test=xmltags", target, failures)
        found = factory.getobject(failures) if os.path.exists(failures) else None
        count = 0 if found is None else sum(1 for u in found.units if not u.isheader())
    json.dump({"units": seen, "pofilter_failures": count}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
