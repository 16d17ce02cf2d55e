// Tests for the diff module: hand-written fixtures for the plain rendering, the structured
// hunks and stats, losslessness on generated edits, and the deadline on hostile inputs.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use galley_core::diff::{
    diff_texts, diff_texts_with, render_text, Diff, DiffOptions, DiffStats, LineRange,
    ParagraphKind, RenderStyle, Span, SpanKind,
};

// ---------------------------------------------------------------------------------------------
// Helpers

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/diff")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// Lines of `text`, each with its line break.
fn lines(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

/// Applies the hunks to `source` like a patch: every hunk's `from` side must be exactly the
/// source's lines in its `from` range, and is replaced by its `to` side.
fn patch(source: &str, diff: &Diff, forward: bool) -> String {
    let source_lines = lines(source);
    let mut out = String::new();
    let mut next = 0; // 0-based index of the next source line to copy
    for hunk in &diff.hunks {
        let (from, from_text, to_text) = if forward {
            (hunk.old, hunk.old_text(), hunk.new_text())
        } else {
            (hunk.new, hunk.new_text(), hunk.old_text())
        };
        let first = from.start - 1;
        assert!(first >= next, "hunks overlap or go backwards at {from:?}");
        out.extend(source_lines[next..first].iter().copied());
        let covered: String = source_lines[first..first + from.count].concat();
        assert_eq!(
            covered, from_text,
            "hunk side differs from the text at {from:?}"
        );
        out.push_str(&to_text);
        next = first + from.count;
    }
    out.extend(source_lines[next..].iter().copied());
    out
}

/// Everything that must hold for any diff of `old` and `new`.
fn assert_lossless(old: &str, new: &str, diff: &Diff) {
    assert_eq!(patch(old, diff, true), new, "old + hunks != new");
    assert_eq!(patch(new, diff, false), old, "new - hunks != old");
    for hunk in &diff.hunks {
        for paragraph in &hunk.paragraphs {
            let old_side: String = paragraph
                .spans
                .iter()
                .filter(|s| s.kind != SpanKind::Insert)
                .map(|s| s.old.as_str())
                .collect();
            let new_side: String = paragraph
                .spans
                .iter()
                .filter(|s| s.kind != SpanKind::Delete)
                .map(|s| s.new.as_str())
                .collect();
            assert_eq!(old_side, paragraph.old_text());
            assert_eq!(new_side, paragraph.new_text());
            assert_eq!(
                old_side,
                lines(old)[paragraph.old_lines.start - 1..][..paragraph.old_lines.count].concat()
            );
            assert_eq!(
                new_side,
                lines(new)[paragraph.new_lines.start - 1..][..paragraph.new_lines.count].concat()
            );
            for span in &paragraph.spans {
                match span.kind {
                    SpanKind::Insert => assert!(span.old.is_empty() && !span.new.is_empty()),
                    SpanKind::Delete => assert!(span.new.is_empty() && !span.old.is_empty()),
                    SpanKind::Equal => assert_eq!(
                        span.old.split_whitespace().collect::<String>(),
                        span.new.split_whitespace().collect::<String>(),
                        "an Equal span may differ in whitespace only"
                    ),
                }
            }
        }
    }
    assert_eq!(diff.is_empty(), old == new);
}

/// Runs of letters and digits; good enough for generated text, which has no apostrophes.
fn word_count(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count()
}

fn equal(text: &str) -> Span {
    Span {
        kind: SpanKind::Equal,
        old: text.into(),
        new: text.into(),
    }
}

fn delete(text: &str) -> Span {
    Span {
        kind: SpanKind::Delete,
        old: text.into(),
        new: String::new(),
    }
}

fn insert(text: &str) -> Span {
    Span {
        kind: SpanKind::Insert,
        old: String::new(),
        new: text.into(),
    }
}

/// A small deterministic generator (xorshift), so generated cases are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A made-up word of Latin or Cyrillic syllables; `alphabet` picks which.
    fn word(&mut self, alphabet: usize) -> String {
        const LATIN: [&str; 12] = [
            "ka", "lo", "mer", "tis", "an", "ro", "vel", "du", "sen", "qui", "bra", "po",
        ];
        const CYRILLIC: [&str; 12] = [
            "ка", "ло", "мер", "ціс", "ан", "ро", "ўэл", "ду", "сен", "жы", "бра", "пё",
        ];
        let syllables = if alphabet.is_multiple_of(2) {
            &LATIN
        } else {
            &CYRILLIC
        };
        (0..1 + self.below(3))
            .map(|_| syllables[self.below(syllables.len())])
            .collect()
    }

    /// Paragraphs of sentences, `words` words in all.
    fn text(&mut self, words: usize, alphabet: usize) -> String {
        let mut out = String::new();
        let mut in_paragraph = 0;
        for i in 0..words {
            out.push_str(&self.word(alphabet));
            in_paragraph += 1;
            let last = i + 1 == words;
            if last || (in_paragraph > 40 && self.below(20) == 0) {
                out.push_str(".\n\n");
                in_paragraph = 0;
            } else if self.below(12) == 0 {
                out.push_str(". ");
            } else if self.below(15) == 0 {
                out.push_str(",\n");
            } else {
                out.push(' ');
            }
        }
        out
    }
}

// ---------------------------------------------------------------------------------------------
// Fixtures: tests/fixtures/diff/<case>/{old.md,new.md,expected.txt}, expected = Plain rendering

#[test]
fn every_fixture_renders_as_its_expected_plain_text() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .expect("the fixtures folder exists")
        .map(|entry| entry.expect("a readable fixtures folder").path())
        .filter(|path| path.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 10, "fixtures went missing: {cases:?}");
    let mut failures = Vec::new();
    for case in &cases {
        let old = read(&case.join("old.md"));
        let new = read(&case.join("new.md"));
        let expected = read(&case.join("expected.txt"));
        let diff = diff_texts(&old, &new);
        assert_lossless(&old, &new, &diff);
        let got = render_text(&diff, RenderStyle::Plain);
        if got != expected {
            failures.push(format!(
                "{}:\n--- expected\n{expected}--- got\n{got}",
                case.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// Structure

#[test]
fn replaced_word_is_a_delete_then_insert_between_equal_spans() {
    let diff = diff_texts("The quick fox jumps.\n", "The slow fox jumps.\n");
    assert_eq!(diff.hunks.len(), 1);
    let hunk = &diff.hunks[0];
    assert_eq!(hunk.old, LineRange { start: 1, count: 1 });
    assert_eq!(hunk.new, LineRange { start: 1, count: 1 });
    assert_eq!(hunk.paragraphs.len(), 1);
    assert_eq!(hunk.paragraphs[0].kind, ParagraphKind::Modified);
    assert_eq!(
        hunk.paragraphs[0].spans,
        vec![
            equal("The "),
            delete("quick"),
            insert("slow"),
            equal(" fox jumps.\n")
        ]
    );
    assert_eq!(
        diff.stats,
        DiffStats {
            words_added: 1,
            words_removed: 1,
            paragraphs_changed: 1
        }
    );
    assert!(!diff.coarse);
}

#[test]
fn hunk_keeps_one_unchanged_paragraph_of_context_on_each_side() {
    let old = "One.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n";
    let new = "One.\n\nTwo.\n\nThree and more.\n\nFour.\n\nFive.\n";
    let diff = diff_texts(old, new);
    assert_eq!(diff.hunks.len(), 1);
    let kinds: Vec<ParagraphKind> = diff.hunks[0].paragraphs.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [
            ParagraphKind::Unchanged,
            ParagraphKind::Modified,
            ParagraphKind::Unchanged
        ]
    );
    assert_eq!(diff.hunks[0].old, LineRange { start: 3, count: 6 });
    assert_eq!(
        diff.hunks[0].paragraphs[1].new_lines,
        LineRange { start: 5, count: 2 }
    );
    assert_lossless(old, new, &diff);
}

#[test]
fn options_control_how_much_context_a_hunk_has() {
    let old = "One.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n";
    let new = "One.\n\nTwo.\n\nThree, changed.\n\nFour.\n\nFive.\n";
    let options = DiffOptions {
        context: 0,
        ..DiffOptions::default()
    };
    let diff = diff_texts_with(old, new, &options);
    assert_eq!(diff.hunks[0].paragraphs.len(), 1);
    assert_eq!(diff.hunks[0].old, LineRange { start: 5, count: 2 });
    assert_lossless(old, new, &diff);
}

#[test]
fn added_paragraph_is_one_insert_span_with_an_empty_old_range() {
    let old = "Intro.\n\nOutro.\n";
    let new = "Intro.\n\nA brand new paragraph.\n\nOutro.\n";
    let diff = diff_texts(old, new);
    let added = &diff.hunks[0].paragraphs[1];
    assert_eq!(added.kind, ParagraphKind::Added);
    assert_eq!(added.spans, vec![insert("A brand new paragraph.\n\n")]);
    assert_eq!(added.old_lines, LineRange { start: 3, count: 0 });
    assert_eq!(added.new_lines, LineRange { start: 3, count: 2 });
    assert_eq!(diff.stats.words_added, 4);
    assert_eq!(diff.stats.paragraphs_changed, 1);
}

#[test]
fn paragraphs_with_no_words_in_common_are_removed_and_added_not_paired() {
    let old = "Start.\n\nWeather was sunny all week.\n\nEnd.\n";
    let new = "Start.\n\nParliament passed budget law.\n\nEnd.\n";
    let diff = diff_texts(old, new);
    let kinds: Vec<ParagraphKind> = diff.hunks[0].paragraphs.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [
            ParagraphKind::Unchanged,
            ParagraphKind::Removed,
            ParagraphKind::Added,
            ParagraphKind::Unchanged
        ]
    );
    assert_eq!(diff.stats.paragraphs_changed, 2);
}

#[test]
fn edited_paragraphs_in_a_rewritten_region_pair_with_their_own_versions() {
    let old = "Alpha beta gamma delta.\n\nEpsilon zeta eta theta.\n\nIota kappa lambda mu.\n";
    let new = "Alpha beta gamma DELTA.\n\nBrand new words here.\n\nIota kappa lambda MU.\n";
    let diff = diff_texts(old, new);
    let kinds: Vec<ParagraphKind> = diff.hunks[0].paragraphs.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [
            ParagraphKind::Modified,
            ParagraphKind::Removed,
            ParagraphKind::Added,
            ParagraphKind::Modified
        ]
    );
    assert_lossless(old, new, &diff);
}

#[test]
fn whitespace_only_change_has_a_hunk_but_no_word_changes() {
    let old = "Title.\n\nThe  report is   ready.\nIt was long.\n";
    let new = "Title.\n\nThe report is ready. It was\nlong.\n";
    let diff = diff_texts(old, new);
    assert!(!diff.is_empty());
    assert_eq!(diff.stats, DiffStats::default());
    let changed = &diff.hunks[0].paragraphs[1];
    assert_eq!(changed.kind, ParagraphKind::Modified);
    assert!(!changed.has_word_changes());
    assert_lossless(old, new, &diff);
}

#[test]
fn extra_spaces_around_a_real_edit_do_not_add_word_changes() {
    let diff = diff_texts("a  b c d e\n", "a b c X e\n");
    assert_eq!(diff.stats.words_added, 1);
    assert_eq!(diff.stats.words_removed, 1);
}

#[test]
fn words_with_apostrophes_and_belarusian_letters_are_single_words() {
    let diff = diff_texts("Наша сям'я ў зборы.\n", "Наша сямʼя ў зборы.\n");
    assert_eq!(diff.stats.words_added, 1);
    assert_eq!(diff.stats.words_removed, 1);
    let spans = &diff.hunks[0].paragraphs[0].spans;
    assert!(spans.contains(&delete("сям'я")), "{spans:?}");
    assert!(spans.contains(&insert("сямʼя")), "{spans:?}");

    let english = diff_texts("I don't know.\n", "I do not know.\n");
    assert_eq!(english.stats.words_removed, 1);
    assert_eq!(english.stats.words_added, 2);
}

#[test]
fn punctuation_changes_count_the_paragraph_but_no_words() {
    let diff = diff_texts("However the plan failed.\n", "However, the plan failed!\n");
    assert_eq!(
        diff.stats,
        DiffStats {
            words_added: 0,
            words_removed: 0,
            paragraphs_changed: 1
        }
    );
}

#[test]
fn identical_texts_give_an_empty_diff_and_render_as_nothing() {
    let text = "---\ntitle: Same\n---\n\nСам тэкст.\n";
    let diff = diff_texts(text, text);
    assert!(diff.is_empty());
    assert_eq!(diff.stats, DiffStats::default());
    assert_eq!(render_text(&diff, RenderStyle::Plain), "");
    assert_eq!(render_text(&diff, RenderStyle::Color), "");
}

#[test]
fn texts_without_final_newline_or_from_nothing_still_diff_losslessly() {
    for (old, new) in [
        ("", "New text."),
        ("Old text.", ""),
        ("Line", "Line\n"),
        ("\n\nLead blank lines.", "Lead blank lines."),
        ("A\r\n\r\nB\r\n", "A\r\n\r\nC\r\n"),
    ] {
        let diff = diff_texts(old, new);
        assert_lossless(old, new, &diff);
    }
    let from_nothing = diff_texts("", "Two words.\n");
    assert_eq!(from_nothing.hunks[0].old, LineRange { start: 1, count: 0 });
    assert_eq!(
        render_text(&from_nothing, RenderStyle::Plain),
        "@@ -0,0 +1,1 @@\n{+Two words.+}\n"
    );
}

#[test]
fn summary_uses_singular_and_plural() {
    let stats = DiffStats {
        words_added: 38,
        words_removed: 12,
        paragraphs_changed: 3,
    };
    assert_eq!(
        stats.summary(),
        "+38 words, \u{2212}12 words, 3 paragraphs changed"
    );
    let one = DiffStats {
        words_added: 1,
        words_removed: 1,
        paragraphs_changed: 1,
    };
    assert_eq!(
        one.summary(),
        "+1 word, \u{2212}1 word, 1 paragraph changed"
    );
    assert_eq!(
        DiffStats::default().summary(),
        "+0 words, \u{2212}0 words, 0 paragraphs changed"
    );
}

#[test]
fn color_rendering_uses_red_strike_and_green() {
    let diff = diff_texts("Old word here.\n", "New word here.\n");
    assert_eq!(
        render_text(&diff, RenderStyle::Color),
        "\x1b[36m@@ -1,1 +1,1 @@\x1b[0m\n\
         \x1b[9;31mOld\x1b[0m\x1b[32mNew\x1b[0m word here.\n"
    );
}

#[test]
fn multi_line_insertions_are_marked_line_by_line() {
    let diff = diff_texts("Intro.\n", "Intro.\n\n- first\n  - nested\n");
    assert_eq!(
        render_text(&diff, RenderStyle::Plain),
        "@@ -1,1 +1,4 @@\nIntro.\n\n{+- first+}\n  {+- nested+}\n"
    );
}

// ---------------------------------------------------------------------------------------------
// Losslessness on generated edits

#[test]
fn spans_reproduce_both_texts_for_generated_edits() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for case in 0..60 {
        let length = 50 + rng.below(400);
        let old = rng.text(length, case);
        let mut words: Vec<String> = old.split(' ').map(str::to_owned).collect();
        for _ in 0..1 + rng.below(12) {
            let at = rng.below(words.len());
            match rng.below(7) {
                0 => words[at] = rng.word(case + 1),
                1 => {
                    let word = rng.word(case);
                    words.insert(at, word);
                }
                2 if words.len() > 1 => {
                    words.remove(at);
                }
                3 => words[at].push_str(",\n\nNew paragraph starts"),
                4 => words[at] = words[at].replace("\n\n", " "),
                5 => words[at].push(' '),
                _ => words[at] = words[at].to_uppercase(),
            }
        }
        let mut new = words.join(" ");
        if rng.below(3) == 0 {
            // Move a paragraph to the end.
            let paragraphs: Vec<&str> = new.split_inclusive("\n\n").collect();
            let moved = rng.below(paragraphs.len());
            let mut reordered: Vec<&str> = paragraphs.clone();
            let item = reordered.remove(moved);
            reordered.push(item);
            new = reordered.concat();
        }
        let diff = diff_texts(&old, &new);
        assert_lossless(&old, &new, &diff);
        let reverse = diff_texts(&new, &old);
        assert_lossless(&new, &old, &reverse);
        // Equal spans hold the same words on both sides, so the counts must balance.
        assert_eq!(
            word_count(&old) + diff.stats.words_added,
            word_count(&new) + diff.stats.words_removed
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The deadline

#[test]
fn unrelated_twenty_thousand_word_texts_diff_quickly_and_correctly() {
    let mut rng = Rng(42);
    let old = rng.text(20_000, 0);
    let new = rng.text(20_000, 1);
    let started = Instant::now();
    let diff = diff_texts(&old, &new);
    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_secs(1), "took {elapsed:?}");
    assert_lossless(&old, &new, &diff);
}

#[test]
fn unrelated_single_paragraph_texts_diff_quickly_and_correctly() {
    let mut rng = Rng(7);
    let old = rng.text(20_000, 0).replace("\n\n", " ");
    let new = rng.text(20_000, 0).replace("\n\n", " ");
    let started = Instant::now();
    let diff = diff_texts(&old, &new);
    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_secs(1), "took {elapsed:?}");
    assert_lossless(&old, &new, &diff);
}

#[test]
fn shuffled_paragraphs_diff_quickly_and_correctly() {
    let mut rng = Rng(1234);
    let old = rng.text(20_000, 1);
    let mut paragraphs: Vec<&str> = old.split_inclusive("\n\n").collect();
    for i in (1..paragraphs.len()).rev() {
        let j = rng.below(i + 1);
        paragraphs.swap(i, j);
    }
    let new = paragraphs.concat();
    let started = Instant::now();
    let diff = diff_texts(&old, &new);
    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_secs(1), "took {elapsed:?}");
    assert_lossless(&old, &new, &diff);
}

#[test]
fn spent_deadline_falls_back_to_whole_paragraphs_and_says_so() {
    let old = "Keep this.\n\nThe quick brown fox jumps.\n";
    let new = "Keep this.\n\nThe quick red fox jumps.\n";
    let options = DiffOptions {
        deadline: Duration::ZERO,
        ..DiffOptions::default()
    };
    let diff = diff_texts_with(old, new, &options);
    assert!(diff.coarse);
    assert_lossless(old, new, &diff);
    let changed: Vec<ParagraphKind> = diff.hunks[0]
        .paragraphs
        .iter()
        .map(|p| p.kind)
        .filter(|k| *k != ParagraphKind::Unchanged)
        .collect();
    assert_eq!(changed, [ParagraphKind::Removed, ParagraphKind::Added]);

    assert!(!diff_texts(old, new).coarse);
}

// Versions compared for people: fields by name, the body by words.

#[test]
fn a_restyled_lead_is_one_field_change_and_the_body_a_word_diff() {
    let old = "---\nid: a1\nlang: be\nlead: >-\n  Міністэрства адклала\n  рэформу.\nx-note: one\n---\n\nПершы абзац тэксту.\n";
    let new = "---\nid: a1\nlang: be\nlead: >-\n  Міністэрства зноў адклала рэформу.\nx-note: two\nauthors: [Ala, Jan]\n---\n\nПершы абзац новага тэксту.\n";
    let diff = galley_core::diff::diff_drafts(old, new);

    let keys: Vec<&str> = diff.fields.iter().map(|f| f.key.as_str()).collect();
    assert_eq!(keys, ["authors", "lead", "x-note"]);
    let lead = &diff.fields[1];
    assert_eq!(lead.old, "Міністэрства адклала рэформу.");
    assert_eq!(lead.new, "Міністэрства зноў адклала рэформу.");
    assert_eq!(
        (lead.words.stats.words_added, lead.words.stats.words_removed),
        (1, 0)
    );
    assert_eq!(diff.fields[0].new, "Ala, Jan");
    assert_eq!(diff.fields[0].old, "");
    // No YAML in the body diff: only the body's words changed.
    assert_eq!(
        (diff.body.stats.words_added, diff.body.stats.words_removed),
        (1, 0)
    );
    let body_text: String = diff
        .body
        .hunks
        .iter()
        .flat_map(|h| &h.paragraphs)
        .flat_map(|p| &p.spans)
        .map(|s| s.new.as_str())
        .collect();
    assert!(
        !body_text.contains("lead") && !body_text.contains(">-"),
        "{body_text}"
    );
}

#[test]
fn only_a_rewrapped_lead_is_no_field_change() {
    let old = "---\nid: a1\nlang: en\nlead: >-\n  The ministry\n  postponed it.\n---\n\nBody.\n";
    let new = "---\nid: a1\nlang: en\nlead: The ministry postponed it.\n---\n\nBody.\n";
    let diff = galley_core::diff::diff_drafts(old, new);
    assert!(diff.fields.is_empty(), "{:?}", diff.fields);
    assert!(diff.body.hunks.is_empty());
}

#[test]
fn a_text_that_is_not_a_draft_is_compared_whole() {
    let diff = galley_core::diff::diff_drafts("no front matter\n", "no front matter at all\n");
    assert!(diff.fields.is_empty());
    assert_eq!(diff.body.stats.words_added, 2);
}
