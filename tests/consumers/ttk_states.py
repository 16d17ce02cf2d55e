#!/usr/bin/env python3
"""What translate-toolkit sees in a Galley XLIFF: each unit's state and previous source.

Usage: ttk_states.py FILE.xlf

Prints one JSON object: {"units": [{"id", "state", "fuzzy", "translated", "target",
"previous_source", "previous_target"}, ...]} in file order, as translate.storage.xliff reads
them (the state is the target's `state` attribute; `fuzzy` and `translated` are the toolkit's
own verdicts, which tools such as pocount and xliff2po act on). Exits 2 when translate-toolkit
is not installed, so the calling test can say so.
"""
import json
import sys

try:
    from translate.storage import xliff
except ImportError as error:
    print(f"translate-toolkit is not installed ({error}); run scripts/setup", file=sys.stderr)
    sys.exit(2)


def main():
    with open(sys.argv[1], "rb") as handle:
        store = xliff.xlifffile.parsestring(handle.read())
    units = []
    for unit in store.units:
        if not unit.istranslatable():
            continue
        target = unit.xmlelement.find(unit.namespaced("target"))
        alt = unit.getalttrans()
        units.append({
            "id": unit.xmlelement.get("id"),
            "state": target.get("state") if target is not None else None,
            "fuzzy": unit.isfuzzy(),
            "translated": unit.istranslated(),
            "target": unit.target,
            "previous_source": alt[0].source if alt else None,
            "previous_target": alt[0].target if alt else None,
        })
    json.dump({"units": units}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
