//! The first pass of a run: the corpus evidence of cleaning
//! ([`crate::clean::batch`]). Every unit of a source with at least
//! [`MIN_DOCUMENTS`] units is read, and its furniture-shaped lines are
//! counted in its source; each unit then gets the lines of its own that
//! recur in its source ([`Recurring`]), which its cleaning removes and
//! whose key is part of the reuse check of incremental runs (so that an
//! incremental run writes exactly what a full run writes).
//!
//! The counts do not depend on the order in which units are read, so the
//! output does not depend on `--jobs`. A unit that cannot be read or
//! decoded counts for nothing here; the second pass reports its error.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use super::guard_panic;
use crate::clean::batch::{
    MIN_DOCUMENTS, Recurring, candidate_lines, recurring_of_each, source_of,
};
use crate::ingest::{self, Unit};

/// The source of a unit, as [`crate::clean::batch::source_key`] names it.
fn source(unit: &Unit) -> String {
    source_of(&unit.path.display().to_string(), unit.record.is_some())
}

/// The recurring lines of every unit, in unit order (an empty set for a
/// unit whose source is too small or that cannot be read). Runs on the
/// current rayon pool.
pub(super) fn recurring_lines(units: &[Unit], max_bytes: u64) -> Vec<Recurring> {
    let sources: Vec<String> = units.iter().map(source).collect();
    let mut sizes: BTreeMap<&str, usize> = BTreeMap::new();
    for s in &sources {
        *sizes.entry(s).or_insert(0) += 1;
    }
    let each: Vec<(String, Option<BTreeSet<String>>)> = units
        .par_iter()
        .zip(&sources)
        .map(|(unit, s)| {
            let lines = if sizes[s.as_str()] < MIN_DOCUMENTS {
                None
            } else {
                guard_panic(|| candidates(unit, max_bytes), |_| None)
            };
            (s.clone(), lines)
        })
        .collect();
    recurring_of_each(&each)
}

/// A unit's furniture-shaped lines, or `None` when it cannot be read or
/// is too short to carry a site's furniture.
fn candidates(unit: &Unit, max_bytes: u64) -> Option<BTreeSet<String>> {
    let bytes = ingest::read_bytes(unit, max_bytes).ok()?;
    let raw = ingest::load(unit, &bytes, String::new()).ok()?;
    candidate_lines(&raw)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Format;

    fn unit(dir: &std::path::Path, name: &str, body: &str) -> Unit {
        let path = dir.join(name);
        std::fs::write(
            &path,
            format!("Välkommen till Lindö kommun\n\nRubrik {name}\n\n{body}\n\nDela sidan nu"),
        )
        .unwrap();
        Unit {
            id: name.to_string(),
            path,
            format: Format::Text,
            record: None,
        }
    }

    #[test]
    fn lines_on_most_pages_of_a_folder_recur_and_small_folders_give_none() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        let other = dir.path().join("other");
        std::fs::create_dir_all(&site).unwrap();
        std::fs::create_dir_all(&other).unwrap();
        let mut units: Vec<Unit> = (0..4)
            .map(|i| {
                let body = format!("Text nummer {i} handlar om hur kommunen bygger skolor.");
                unit(&site, &format!("p{i}.txt"), &body)
            })
            .collect();
        units.push(unit(&other, "x.txt", "En annan text om vägar och broar."));
        units.push(Unit {
            id: "gone".into(),
            path: site.join("gone.txt"),
            format: Format::Text,
            record: None,
        });
        let got = recurring_lines(&units, 1 << 20);
        assert_eq!(got.len(), units.len());
        let first: Vec<&str> = got[0].0.iter().map(String::as_str).collect();
        assert_eq!(first, ["dela sidan nu", "välkommen till lindö kommun"]);
        assert_eq!(got[3], got[0]);
        // one file in its folder: no evidence; an unreadable file: none
        assert!(got[4].0.is_empty());
        assert!(got[5].0.is_empty());
        // the evidence is the library's, whatever the order of the units
        units.reverse();
        let reversed = recurring_lines(&units, 1 << 20);
        assert_eq!(reversed[5], got[0]);
    }
}
