//! Phase 1: what each unit is on its own (site furniture, a date, byline
//! or credit line, or content), then the rules that need the unit's
//! neighbours on the same page.

use super::super::boilerplate;
use super::super::byline;
use super::{Class, Options, Page};

/// Classifies every unit of the page.
pub fn classify(page: &mut Page<'_, '_>, opts: &Options) {
    for i in 0..page.len() {
        let (fur, class) = classify_line(page.line(i), opts);
        page.furniture[i] = fur;
        page.class[i] = class;
    }
}

/// One line on its own: its furniture shape (if any) and its class.
pub fn classify_line(line: &str, opts: &Options) -> (Option<boilerplate::Furniture>, Class) {
    if let Some(fu) = boilerplate::classify(line) {
        return (Some(fu), Class::Remove(fu.reason));
    }
    if let Some(m) = byline::parse_meta_line(line, opts.reference) {
        return (None, Class::Meta(m));
    }
    (None, Class::Keep)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_on_their_own() {
        let o = Options::default();
        assert!(matches!(
            classify_line("Stäng", &o).1,
            Class::Remove("navigation")
        ));
        assert!(matches!(
            classify_line("Publicerad 3 mars 2025", &o).1,
            Class::Meta(_)
        ));
        assert!(matches!(
            classify_line("Kommunen bygger en ny skola.", &o).1,
            Class::Keep
        ));
    }
}
