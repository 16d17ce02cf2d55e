#!/usr/bin/env python3
"""Writes the starting inputs of the fuzz corpora (fuzz/corpus/<target>/seed-*): the sample
drafts and test fixtures, plus hostile strings for each target. The XLIFF seeds start from
the files Galley exports (`GALLEY_WRITE_FUZZ_SEEDS=1 cargo test -p galley-core --test tests
exported_xliff_seeds` writes them first). Run from anywhere; safe to run again."""
from pathlib import Path

FUZZ = Path(__file__).resolve().parent
REPO = FUZZ.parent
CORPUS = FUZZ / "corpus"


def write(target, name, data):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"seed-{name}").write_bytes(data if isinstance(data, bytes) else data.encode())


drafts = sorted(REPO.glob("drafts/**/*.md")) + sorted(
    REPO.glob("crates/galley-core/tests/fixtures/**/*.md"))
for path in drafts:
    name = "-".join(path.relative_to(REPO).parts[-2:])
    text = path.read_bytes()
    write("front_matter", name, text)
    body = text.split(b"\n---\n", 1)[-1]
    write("markdown_html", name, body)

MINIMAL = "---\nid: k7m2q9x4tz\nlang: en\n{}---\nBody.\n"
FRONT = {
    "alias-bomb": "---\nid: a\nlang: en\na: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n---\n",
    "deep-nesting": "---\nid: a\nlang: en\nx: " + "[" * 200 + "]" * 200 + "\n---\n",
    "duplicate-key": MINIMAL.format("id: again\n"),
    "tag": MINIMAL.format("title: !!binary aGk=\n"),
    "bom": "\ufeff" + MINIMAL.format("title: Тэкст\n"),
    "no-closing": "---\nid: a\nlang: en\nBody.\n",
    "crlf": MINIMAL.format("title: T\n").replace("\n", "\r\n"),
    "lone-cr": "---\nid: a\rlang: en\n---\n",
    "document-end": "---\nid: a\nlang: en\n...\n---\n",
    "flow-map": "---\n{id: a, lang: en}\n---\n",
    "literal-block": MINIMAL.format("lead: |-\n  one\n\n  two\n"),
    "quoted": MINIMAL.format("title: \"a: b # c\"\nlead: 'it''s'\ntags: [a, \"b, c\"]\n"),
    "week-trend": MINIMAL.format("issue: 2020-W53\ntrend: improved\nauthors: A\n"),
    "translation-of": "---\nid: a\nlang: be\ntranslation_of: en\n---\n",
    "empty": "",
    "only-dashes": "---\n---\n",
    "utf16": MINIMAL.format("").encode("utf-16"),
    "invalid-utf8": b"---\nid: a\nlang: en\ntitle: \xff\xfe\n---\n",
    "nul": b"---\nid: a\nlang: en\n---\n\x00binary",
    "rtl-override": MINIMAL.format("title: \u202egnp.exe\n"),
}
for name, text in FRONT.items():
    write("front_matter", name, text)

PATHS = [
    "2020-W20/army-reform.en.md", "../outside/x", "/etc/passwd", "2020-W20/../../outside",
    "out/secret.md", "dangling/x.md", "dangling", "loop/x", "./a/./b.md", "a//b.md",
    "CON", "aux.en.md", "trailing.dots...", "x" * 300, "\u202egpj.md", "cafe\u0301.md",
    "caf\u00e9.md", "C:\\Windows\\system32", "\\\\server\\share", "2020-W20/..", ".", "..",
    "", "a\0b.md", "Army Reform: Stalls — Again!", "Рэформа арміі", "~/x", "%2e%2e/x",
]
for index, path in enumerate(PATHS):
    write("workspace_path", f"{index:02}", path)

XSS = {
    "img-onerror": "<img src=x onerror=alert(1)>",
    "javascript-link": "[x](javascript:alert(1)) [y](JaVa\tScRiPt:alert(2))",
    "entity-javascript": "<a href=\"&#106;avascript&colon;alert(1)\">x</a>",
    "iframe-srcdoc": "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "svg-set": "<svg><set attributeName=onload to=alert(1) /></svg>",
    "style": "<style>body{display:none}</style><p style=\"background:url(x)\">a</p>",
    "fence-info": "```\"><script>alert(1)</script>\nx\n```\n",
    "data-url": "[x](data:text/html,<script>alert(1)</script>) ![y](data:image/svg+xml,x)",
    "vbscript": "[x](vbscript:msgbox)",
    "reference": "[a][b]\n\n[b]: javascript:alert(1)\n",
    "autolink": "<javascript:alert(1)> <https://example.org>",
    "table-style": "| a | b |\n|:-:|--:|\n| 1 | 2 |\n",
    "footnote": "x[^1]\n\n[^1]: <img src=x onerror=alert(1)>\n",
    "remote-image": "![t](https://tracker.example/p.png) ![l](chart.png)",
    "nested-quotes": ">" * 500 + " x\n",
    "brackets": "[" * 2000 + "x" + "]" * 2000,
    "backticks": "`" * 5000,
    "lists": "".join(" " * (2 * i) + "- x\n" for i in range(100)),
    "form": "<form action=javascript:x><input formaction=javascript:x></form>",
    "object": "<object data=\"javascript:x\"></object><embed src=x.swf>",
    "math": "<math><mi xlink:href=\"javascript:x\">x</mi></math>",
    "meta": "<meta http-equiv=refresh content=\"0;url=javascript:x\"><base href=//evil>",
}
for name, text in XSS.items():
    write("markdown_html", name, text)

# Journal lines (`.galley/journal/hanna.jsonl`, read by the `journal` target as that file):
# one valid line of every kind, a whole journal, and the hostile cases the reader must survive.
H1 = "3" * 64
H2 = "ab" * 32
J = {
    "version": {"kind": "version", "commentary": "pxq253v3kb", "lang": "be",
                "path": "2020-W20/army-reform.be.md", "sha256": H1, "origin": "save"},
    "version-external": {"kind": "version", "commentary": "pxq253v3kb", "lang": "be",
                         "path": "2020-W20/army-reform.be.md", "sha256": H1,
                         "origin": "external"},
    "translation": {"kind": "translation", "commentary": "pxq253v3kb", "lang": "ru",
                    "status": "in_review", "source_lang": "be", "base": H1,
                    "prev": "maria-0b1c2d3e.3", "note": "Check the names"},
    "translation-first": {"kind": "translation", "commentary": "pxq253v3kb", "lang": "en",
                          "status": "in_progress", "source_lang": "be"},
    "minor": {"kind": "minor", "commentary": "pxq253v3kb", "lang": "be", "sha256": H2,
              "minor": True},
    "editorial": {"kind": "editorial", "commentary": "pxq253v3kb", "status": "approved",
                  "prev": "hanna.4", "note": "Ready"},
    "note": {"kind": "note", "commentary": "pxq253v3kb",
             "text": "<script>alert(1)</script> <img src=x onerror=alert(1)>"},
    "label": {"kind": "label", "commentary": "pxq253v3kb", "lang": "be", "sha256": H1,
              "label": "sent to print"},
    "label-removed": {"kind": "label", "commentary": "pxq253v3kb", "lang": "be", "sha256": H1,
                      "prev": "hanna.8"},
}


def journal_line(seq, fields, clock=None, writer="hanna", v=1):
    import json
    line = {"v": v, "id": f"{writer}.{seq}", "clock": clock or seq,
            "at": "2020-05-14T09:30:00Z", "author": "Hanna", **fields}
    return json.dumps(line, ensure_ascii=False)


lines = [journal_line(i + 1, fields) for i, fields in enumerate(J.values())]
for index, (name, line) in enumerate(zip(J, lines)):
    write("journal", name, line + "\n")
whole = "\n".join(lines) + "\n"
write("journal", "whole", whole)
write("journal", "crlf", whole.replace("\n", "\r\n"))
write("journal", "cut-short", whole + lines[0][: len(lines[0]) // 2])
write("journal", "union-merge", whole + whole)
write("journal", "reused-id", lines[0] + "\n" + journal_line(1, J["note"]) + "\n")
write("journal", "concurrent", journal_line(1, J["translation-first"], clock=5) + "\n"
      + journal_line(2, {**J["translation-first"], "status": "done"}, clock=5) + "\n")
write("journal", "other-writer", journal_line(1, J["note"], writer="maria") + "\n" + whole)
write("journal", "newer-format", journal_line(1, J["note"], v=2) + "\n" + whole)
write("journal", "outside-paths", "".join(
    journal_line(i + 1, {**J["version"], "path": p}) + "\n"
    for i, p in enumerate(["../../etc/passwd", "/etc/passwd", "a/../../x", "C:\\x", "a//b"])))
write("journal", "far-future", journal_line(1, J["note"]).replace(
    "2020-05-14T09:30:00Z", "9999-12-31T23:59:59-01:00") + "\n")
write("journal", "bad-lines", "not json\n{}\n[1,2]\n\"x\"\n{\"v\":1}\n\x00\xff\n\n" + whole)
write("journal", "empty", "")

exported = sorted((CORPUS / "xliff_import").glob("seed-export-*.xlf"))
if not exported:
    raise SystemExit("no exported XLIFF seeds: run the cargo test named in this file's doc first")
xlf = exported[0].read_text()
head, rest = xlf.split("\n", 1)
XLIFF = {
    "doctype": head + '\n<!DOCTYPE xliff [<!ENTITY e "x">]>\n' + rest,
    "external-entity": head + '\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
    + rest.replace("</target>", "&e;</target>", 1),
    "billion-laughs": head + "\n<!DOCTYPE x [" + "".join(
        f'<!ENTITY l{i} "' + f"&l{i - 1};" * 10 + '">' for i in range(1, 10)) + "]>\n" + rest,
    "mismatched-id": xlf.replace('id="p1"', 'id="p99"', 1),
    "repeated-unit": xlf.replace('id="p2"', 'id="p1"', 1),
    "char-refs": xlf.replace("</target>", "&#13;&#x1F600;&amp;&lt;</target>", 1),
    "cdata": xlf.replace("</target>", "<![CDATA[<x id=\"9\"/>]]></target>", 1),
    "truncated": xlf[: len(xlf) // 2],
    "not-xliff": "<?xml version=\"1.0\"?><html><body/></html>",
    "xliff-2": xlf.replace('version="1.2"', 'version="2.0"', 1),
}
for name, text in XLIFF.items():
    write("xliff_import", name, text)
print("seeds written under", CORPUS)
