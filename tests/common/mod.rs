//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod real;

use std::path::PathBuf;

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

// Every test that reads `../shared` is marked
// `#[ignore = "needs ../shared beside the checkout"]`: a fresh clone does
// not have it, and a test that cannot run must show as ignored, never as
// passed. `.ci/run` runs them with `cargo test -- --ignored`, where
// `../shared` lies beside the checkout.

/// A file or folder under `../shared/data/`. Panics, naming it, where
/// `../shared` is not beside the checkout (the test was asked to run).
pub fn shared_data(rel: &str) -> PathBuf {
    shared("data", rel)
}

/// A file under `../shared/examples/`; panics where it is missing.
pub fn shared_example(rel: &str) -> PathBuf {
    shared("examples", rel)
}

fn shared(folder: &str, rel: &str) -> PathBuf {
    let p = root().join("../shared").join(folder).join(rel);
    assert!(
        p.exists(),
        "{} not found: this test needs ../shared beside the checkout",
        p.display()
    );
    p
}
