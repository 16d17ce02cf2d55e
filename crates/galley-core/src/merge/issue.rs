//! An issue file's merge, by structure: dates, titles per language, sections and the order of
//! commentaries in them; the result is rendered the way Galley writes issue files.

use super::ordered::merge_ordered;
use super::{three_way, IssueMerge};
use crate::draft::IsoWeek;
use crate::issue::{Issue, IssueSection, ISSUE_FILE};
use std::collections::{BTreeSet, HashMap};

/// Merges two issue files of `week` changed from `base`. A side that does not parse cannot be
/// merged: the other side wins when one is unchanged, otherwise the whole file is a conflict
/// and ours stays.
pub fn merge_issue(week: IsoWeek, base: &str, ours: &str, theirs: &str) -> IssueMerge {
    if theirs == base || ours == theirs {
        return IssueMerge::Clean(ours.to_string());
    }
    if ours == base {
        return IssueMerge::Clean(theirs.to_string());
    }
    let parse = |text: &str| Issue::parse(ISSUE_FILE, week, text).ok();
    let whole_file = || IssueMerge::Conflict {
        ours_text: ours.to_string(),
        theirs_text: theirs.to_string(),
        merged_with_ours: ours.to_string(),
        fields: Vec::new(),
    };
    let (Some(b), Some(o), Some(t)) = (parse(base), parse(ours), parse(theirs)) else {
        return whole_file();
    };
    let mut conflicts = Vec::new();
    let mut scalar = |name: &str, b, o, t| {
        three_way(b, o, t, |x, y| x == y)
            .copied()
            .unwrap_or_else(|| {
                conflicts.push(name.to_string());
                *o
            })
    };
    let start = scalar("start", &b.start, &o.start, &t.start);
    let end = scalar("end", &b.end, &o.end, &t.end);

    let mut titles = o.titles.clone();
    let langs: BTreeSet<&String> = [&b, &o, &t]
        .iter()
        .flat_map(|issue| issue.titles.keys())
        .collect();
    for lang in langs {
        let (vb, vo, vt) = (b.titles.get(lang), o.titles.get(lang), t.titles.get(lang));
        match three_way(&vb, &vo, &vt, |x, y| x == y) {
            Some(chosen) if std::ptr::eq(chosen, &vt) => match vt {
                Some(title) => titles.insert(lang.clone(), title.clone()),
                None => titles.remove(lang),
            },
            Some(_) => None,
            None => {
                conflicts.push(format!("title.{lang}"));
                None
            }
        };
    }

    let sections = merge_sections(&b, &o, &t, &mut conflicts);
    let merged = Issue {
        week,
        start,
        end,
        titles,
        sections,
    };
    let comments = [ours, theirs, base].map(id_comments);
    let describe = |id: &str| comments.iter().find_map(|c| c.get(id).cloned());
    let text = merged.render(&describe);
    if parse(&text).is_none() {
        return whole_file();
    }
    if conflicts.is_empty() {
        IssueMerge::Clean(text)
    } else {
        IssueMerge::Conflict {
            ours_text: ours.to_string(),
            theirs_text: theirs.to_string(),
            merged_with_ours: text,
            fields: conflicts,
        }
    }
}

fn merge_sections(
    b: &Issue,
    o: &Issue,
    t: &Issue,
    conflicts: &mut Vec<String>,
) -> Vec<IssueSection> {
    let list = |issue: &Issue, key: &str| -> Vec<String> {
        issue
            .sections
            .iter()
            .find(|s| s.key == key)
            .map(|s| s.commentaries.clone())
            .unwrap_or_default()
    };
    let keys = |issue: &Issue| {
        issue
            .sections
            .iter()
            .map(|s| s.key.clone())
            .collect::<Vec<_>>()
    };
    let has = |issue: &Issue, key: &str| issue.sections.iter().any(|s| s.key == key);
    // A section one side removed while the other changed its list: a conflict, ours decides.
    let mut kept_by_ours = Vec::new();
    for section in &b.sections {
        let key = section.key.as_str();
        let removed_by_ours = !has(o, key) && list(t, key) != section.commentaries;
        let removed_by_theirs = !has(t, key) && has(o, key) && list(o, key) != section.commentaries;
        if removed_by_ours || removed_by_theirs {
            conflicts.push(format!("sections.{key}"));
        }
        if removed_by_theirs {
            kept_by_ours.push(key.to_string());
        }
    }
    let order = merge_ordered(&keys(b), &keys(o), &keys(t), &|k| {
        kept_by_ours.iter().any(|kept| kept == k)
    });
    if order.order_conflict {
        conflicts.push("sections".to_string());
    }
    let mut sections: Vec<IssueSection> = order
        .items
        .into_iter()
        .map(|key| {
            if kept_by_ours.contains(&key) {
                // theirs removed it: nothing of theirs to merge into ours' list
                let commentaries = list(o, &key);
                return IssueSection { key, commentaries };
            }
            let merged = merge_ordered(&list(b, &key), &list(o, &key), &list(t, &key), &|_| false);
            if merged.order_conflict {
                conflicts.push(format!("sections.{key}"));
            }
            IssueSection {
                key,
                commentaries: merged.items,
            }
        })
        .collect();
    // Each side moved a commentary to a different section: it stays where ours put it.
    let mut seen = HashMap::new();
    for section in &sections {
        for id in &section.commentaries {
            *seen.entry(id.clone()).or_insert(0) += 1;
        }
    }
    for (id, _) in seen.into_iter().filter(|(_, n)| *n > 1) {
        let home = o.position_of(&id).map(|(key, _)| key.to_string());
        let mut first_kept = false;
        for section in &mut sections {
            section.commentaries.retain(|c| {
                if c != &id {
                    return true;
                }
                let keep = match &home {
                    Some(home) => &section.key == home,
                    None => !first_kept,
                };
                first_kept |= keep;
                keep
            });
        }
        conflicts.push(format!("commentary {id}"));
    }
    conflicts.sort();
    conflicts.dedup();
    sections
}

/// The comment Galley writes beside each commentary id (its title), so the merged file keeps
/// them without a workspace to read titles from.
fn id_comments(text: &str) -> HashMap<String, String> {
    text.lines()
        .filter_map(|line| {
            let rest = line.trim_start().strip_prefix('"')?;
            let (id, rest) = rest.split_once('"')?;
            let comment = rest
                .trim_start()
                .strip_prefix(',')?
                .trim_start()
                .strip_prefix('#')?;
            Some((id.to_string(), comment.trim().to_string()))
        })
        .collect()
}
