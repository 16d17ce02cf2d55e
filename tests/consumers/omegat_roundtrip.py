#!/usr/bin/env python3
"""Round trip of a Galley XLIFF through OmegaT in console mode, as a translator's project would.

Usage: omegat_roundtrip.py IN.xlf OUT.xlf SOURCE_LANG TARGET_LANG

Builds an OmegaT project with IN in source/ and one segment per trans-unit, asks OmegaT for a
pseudo-translation memory (each segment as OmegaT sees it, tags in OmegaT's short form), turns
it into "translations" — the text outside tags upper-cased — and makes it the project memory,
then lets OmegaT write the translated file, copied to OUT. Exits 2 when OmegaT is not
installed, 1 when OmegaT fails or translates nothing.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>{source}</source_lang>
    <target_lang>{target}</target_lang>
    <sentence_seg>false</sentence_seg>
  </project>
</omegat>
"""

# OmegaT's short tags in a segment: <g0>, </g0>, <x1/>, ...
SHORT_TAG = re.compile(r"(</?[a-z]+\d+/?>)")


def fail(message, code=1):
    print(message, file=sys.stderr)
    sys.exit(code)


def run(omegat, project, *args):
    result = subprocess.run([omegat, project, *args], capture_output=True, text=True,
                            timeout=300)
    if result.returncode != 0:
        fail(f"omegat {' '.join(args)} failed with {result.returncode}:\n{result.stdout}\n"
             f"{result.stderr}")


def translate(text):
    return "".join(part if SHORT_TAG.fullmatch(part) else part.upper()
                   for part in SHORT_TAG.split(text))


def main():
    source_file, out_file, source_lang, target_lang = sys.argv[1:5]
    omegat = shutil.which("omegat")
    if omegat is None:
        fail("OmegaT is not installed; run `apt-get install -y omegat`", 2)
    with tempfile.TemporaryDirectory() as project:
        for folder in ("source", "target", "tm", "glossary", "dictionary", "omegat"):
            os.mkdir(os.path.join(project, folder))
        with open(os.path.join(project, "omegat.project"), "w", encoding="utf-8") as handle:
            handle.write(PROJECT.format(source=source_lang, target=target_lang))
        name = os.path.basename(source_file)
        shutil.copy(source_file, os.path.join(project, "source", name))

        pseudo = os.path.join(project, "pseudo.tmx")
        # OmegaT 3.6's --help says console-pseudotranslatetmx, but only this name works.
        run(omegat, project, "--mode=console-createpseudotranslatetmx",
            f"--pseudotranslatetmx={pseudo}", "--pseudotranslatetype=equal")
        # ElementTree does not resolve the tmx11.dtd OmegaT names; drop the DOCTYPE anyway.
        with open(pseudo, encoding="utf-8") as handle:
            tmx = re.sub(r"<!DOCTYPE[^>]*>", "", handle.read())
        root = ET.fromstring(tmx)
        count = 0
        for tu in root.iter("tu"):
            segs = [tuv.find("seg") for tuv in tu.findall("tuv")]
            if len(segs) == 2 and segs[1] is not None:
                segs[1].text = translate(segs[0].text or "")
                count += 1
        if count == 0:
            fail("OmegaT found no segments in the file")
        ET.ElementTree(root).write(os.path.join(project, "omegat", "project_save.tmx"),
                                   encoding="utf-8", xml_declaration=True)

        run(omegat, project, "--mode=console-translate")
        translated = os.path.join(project, "target", name)
        if not os.path.exists(translated):
            fail(f"OmegaT wrote no {translated}")
        shutil.copy(translated, out_file)
        print(f"OmegaT translated {count} segments", file=sys.stderr)


if __name__ == "__main__":
    main()
