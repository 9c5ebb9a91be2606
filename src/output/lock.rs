//! The lock file that keeps two runs from writing one output folder.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// A held lock; the lock file is removed when it is dropped.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
}

impl Lock {
    /// Creates the lock file holding this process id. If it exists and its
    /// process is alive, fails with [`Error::Locked`]; if its process is
    /// gone (a killed run), takes it over.
    pub fn acquire(path: &Path) -> Result<Lock> {
        for _ in 0..3 {
            match OpenOptions::new().write(true).create_new(true).open(path) {
                Ok(mut f) => {
                    let _ = writeln!(f, "{}", std::process::id());
                    return Ok(Lock {
                        path: path.to_path_buf(),
                    });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    let holder = fs::read_to_string(path)
                        .ok()
                        .and_then(|s| s.trim().parse::<u32>().ok());
                    match holder {
                        Some(pid) if pid != std::process::id() && process_alive(pid) => {
                            return Err(Error::Locked {
                                path: path.to_path_buf(),
                                pid,
                            });
                        }
                        _ => {
                            // stale (its process is gone) or half-written: take it over
                            let _ = fs::remove_file(path);
                        }
                    }
                }
                Err(source) => {
                    return Err(Error::Write {
                        path: path.to_path_buf(),
                        source,
                    });
                }
            }
        }
        Err(Error::Write {
            path: path.to_path_buf(),
            source: std::io::Error::other("could not take the lock file"),
        })
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// Whether a process with this id exists. Where `/proc` is missing the
/// answer is "alive", so a lock is never stolen from a live run.
fn process_alive(pid: u32) -> bool {
    let proc = Path::new("/proc");
    if !proc.is_dir() {
        return true;
    }
    proc.join(pid.to_string()).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_lock_fails_while_first_is_held_and_stale_lock_is_taken() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(".svtext.lock");
        // a live foreign process: pid 1 always exists
        fs::write(&p, "1\n").unwrap();
        let err = Lock::acquire(&p).unwrap_err();
        assert!(err.to_string().contains("pid 1"), "{err}");
        // a dead process: take over
        fs::write(&p, "999999999\n").unwrap();
        let lock = Lock::acquire(&p).unwrap();
        assert_eq!(
            fs::read_to_string(&p).unwrap().trim(),
            std::process::id().to_string()
        );
        drop(lock);
        assert!(!p.exists());
    }
}
