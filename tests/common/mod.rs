//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod real;

use std::path::PathBuf;

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file or folder under `../shared/data/`, or `None` (with a message on
/// stderr) where `../shared` is not beside the checkout, so the test can skip.
pub fn shared_data(rel: &str) -> Option<PathBuf> {
    shared("data", rel)
}

/// A file under `../shared/examples/`, or `None` with a message.
pub fn shared_example(rel: &str) -> Option<PathBuf> {
    shared("examples", rel)
}

fn shared(folder: &str, rel: &str) -> Option<PathBuf> {
    let p = root().join("../shared").join(folder).join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!(
            "skipping: {} not found (../shared is not beside the checkout)",
            p.display()
        );
        None
    }
}
