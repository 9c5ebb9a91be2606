//! Real text for the unit tests that check a fast path against a plain one
//! (compiled for tests only).

/// The text files of the sample corpus, the test fixtures and the example
/// article (`../shared/examples`, where it lies beside the checkout).
pub fn real_files() -> Vec<String> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut texts = Vec::new();
    for dir in ["corpus", "tests/fixtures", "../shared/examples"] {
        for e in walkdir::WalkDir::new(format!("{root}/{dir}"))
            .into_iter()
            .flatten()
        {
            if let Ok(text) = std::fs::read_to_string(e.path()) {
                texts.push(text);
            }
        }
    }
    texts
}

/// The sentences of the Talbanken test set (`../shared/data/ud`); empty
/// where `../shared` is missing.
pub fn talbanken_sentences() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/ud/sv_talbanken-ud-test.conllu"
    );
    std::fs::read_to_string(path)
        .map(|t| {
            t.lines()
                .filter_map(|l| l.strip_prefix("# text = "))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// Every line of [`real_files`].
pub fn real_lines() -> Vec<String> {
    real_files()
        .iter()
        .flat_map(|t| t.lines().map(str::to_string))
        .collect()
}
