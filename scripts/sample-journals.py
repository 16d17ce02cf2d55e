#!/usr/bin/env python3
"""Writes the sample workspace's journals (drafts/.galley/journal/*.jsonl): a realistic week of
the team's records, so a newcomer opening drafts/ sees the workflow — who wrote each version,
translations done (one outdated by a later source edit), a commentary approved and one in
review, an editorial note, labelled versions. Run it again after editing a sample draft:

    python3 scripts/sample-journals.py

The journal format is documented in crates/galley-core/src/records/event.rs (format 1)."""

import hashlib
import json
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent / "drafts"
JOURNALS = ROOT / ".galley" / "journal"

# One writer per person, each on their own laptop.
WRITERS = {
    "Alena Kavalchuk": "alena-kavalchuk-5a1f0c2e",
    "Siarhei Marozau": "siarhei-marozau-91b3d7a4",
    "Hanna Zhuk": "hanna-zhuk-2c8e6f10",
    "Pavel Lysenka": "pavel-lysenka-7d04b9e3",
    "Volha Sidarenka": "volha-sidarenka-e3a95c71",
}
TRANSLATORS = {"ru": "Hanna Zhuk", "en": "Volha Sidarenka", "be": "Siarhei Marozau"}
EDITOR = "Pavel Lysenka"


def front(text):
    """The few front-matter keys the records need."""
    head = text.split("\n---", 1)[0]
    keys = {}
    for key in ("id", "lang", "translation_of", "issue"):
        match = re.search(rf"^{key}: *(.+)$", head, re.M)
        keys[key] = match.group(1).strip() if match else None
    authors = re.search(r"^authors: *\[(.*)\]$", head, re.M)
    keys["authors"] = [a.strip() for a in authors.group(1).split(",")] if authors else []
    return keys


class Journals:
    def __init__(self):
        self.lines = {writer: [] for writer in WRITERS.values()}
        self.clock = 0
        self.last = {}  # what a `prev` names: the current event per thing

    def add(self, author, at, kind, thing=None, **fields):
        writer = WRITERS[author]
        self.clock += 1
        event_id = f"{writer}.{len(self.lines[writer]) + 1}"
        line = {"v": 1, "id": event_id, "clock": self.clock, "at": at, "author": author,
                "kind": kind}
        if thing is not None and thing in self.last:
            fields["prev"] = self.last[thing]
        line.update({k: v for k, v in fields.items() if v is not None})
        if thing is not None:
            self.last[thing] = event_id
        self.lines[writer].append(json.dumps(line, ensure_ascii=False, separators=(",", ":")))

    def write(self):
        JOURNALS.mkdir(parents=True, exist_ok=True)
        for old in JOURNALS.glob("*.jsonl"):
            old.unlink()
        for writer, lines in self.lines.items():
            if lines:
                (JOURNALS / f"{writer}.jsonl").write_text("\n".join(lines) + "\n", "utf-8")


def main():
    drafts = []
    for path in sorted(ROOT.glob("*/*.md")):
        text = path.read_text("utf-8")
        keys = front(text)
        keys["path"] = path.relative_to(ROOT).as_posix()
        keys["sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
        drafts.append(keys)
    by_id = {}
    for d in drafts:
        by_id.setdefault(d["id"], {})[d["lang"]] = d

    j = Journals()
    # The weeks 2020-W20 and W21: sources first, then translations, then review.
    for n, (commentary, langs) in enumerate(sorted(by_id.items())):
        source = next(d for d in langs.values() if not d["translation_of"])
        base_day = 2 if source["issue"] == "2020-W20" else 9
        author = source["authors"][0]
        stamp = f"2020-05-{base_day + n % 3:02d}T09:{10 + n:02d}:00Z"
        j.add(author, stamp, "version", commentary=commentary, lang=source["lang"],
              path=source["path"], sha256=source["sha256"], origin="save")
        if n % 3 == 0:
            j.add(author, stamp, "label", (commentary, source["lang"], source["sha256"]),
                  commentary=commentary, lang=source["lang"], sha256=source["sha256"],
                  label="sent to translators")
        for lang, d in sorted(langs.items()):
            if d is source:
                continue
            translator = TRANSLATORS.get(lang, author)
            done_at = f"2020-05-{base_day + 1 + n % 3:02d}T1{n % 8}:30:00Z"
            j.add(translator, done_at, "version", commentary=commentary, lang=lang,
                  path=d["path"], sha256=d["sha256"], origin="save")
            upstream = langs[d["translation_of"]]
            base = upstream["sha256"]
            if commentary == "pxq253v3kb" and lang == "ru":
                # Translated from an earlier text of the source; the source has changed since.
                base = hashlib.sha256(b"an earlier text of the source").hexdigest()
            status = "in_review" if (commentary, lang) == ("nilo7qho2j", "en") else "done"
            j.add(translator, done_at, "translation", (commentary, lang), commentary=commentary,
                  lang=lang, status=status, source_lang=d["translation_of"], base=base)
    # Review: one approved, one in review with a note.
    j.add("Siarhei Marozau", "2020-05-14T11:00:00Z", "editorial", "kbf25qzwae",
          commentary="kbf25qzwae", status="in_review")
    j.add(EDITOR, "2020-05-15T16:20:00Z", "editorial", "kbf25qzwae", commentary="kbf25qzwae",
          status="approved", note="Ready for Friday's issue.")
    j.add("Alena Kavalchuk", "2020-05-15T10:05:00Z", "editorial", "pxq253v3kb",
          commentary="pxq253v3kb", status="in_review")
    j.add(EDITOR, "2020-05-15T17:40:00Z", "note", commentary="pxq253v3kb",
          text="The figures in the third paragraph need a source; the ru translation predates "
               "the last edit of the lead.")
    j.write()


if __name__ == "__main__":
    main()
