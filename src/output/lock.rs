//! The lock that keeps two runs from writing one output folder: the
//! operating system's advisory lock on `DIR/.svtext.lock`
//! ([`std::fs::File::try_lock`]: `flock` on Unix, `LockFileEx` on Windows),
//! held for the whole run and released by the operating system when the
//! process ends, however it ends. The process id written into the file is
//! only information for the message another run prints; it decides nothing.
//!
//! The file is never removed: removing a lock file while another process
//! has it open would let two runs each lock a different file.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// A held lock: the open, locked file. Dropping it empties the file (so
/// that a finished run leaves the same bytes whatever its process id) and
/// unlocks.
#[derive(Debug)]
pub struct Lock {
    file: File,
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = self.file.set_len(0);
    }
}

impl Lock {
    /// Takes the lock on `path` (created if missing) without waiting. Fails
    /// with [`Error::Locked`] when another process holds it.
    pub fn acquire(path: &Path) -> Result<Lock> {
        let write_err = |source| Error::Write {
            path: path.to_path_buf(),
            source,
        };
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(write_err)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut held = String::new();
                let _ = file.read_to_string(&mut held);
                return Err(Error::Locked {
                    path: path.to_path_buf(),
                    holder: held.trim().parse().ok(),
                });
            }
            Err(TryLockError::Error(source)) => return Err(write_err(source)),
        }
        // information only: who holds it, for the other run's message
        file.set_len(0).map_err(write_err)?;
        file.rewind().map_err(write_err)?;
        writeln!(file, "{}", std::process::id()).map_err(write_err)?;
        Ok(Lock { file })
    }
}

/// The lock file of an output folder.
pub fn lock_path(root: &Path) -> PathBuf {
    root.join(LOCK_FILE)
}

/// The lock file's name in the output folder.
pub const LOCK_FILE: &str = ".svtext.lock";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_fails_while_the_first_is_held_then_succeeds() {
        let dir = tempfile::tempdir().unwrap();
        let p = lock_path(dir.path());
        let first = Lock::acquire(&p).unwrap();
        let err = Lock::acquire(&p).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains(&format!("pid {}", std::process::id())),
            "{msg}"
        );
        drop(first);
        let _again = Lock::acquire(&p).unwrap();
    }

    #[test]
    fn a_pid_left_in_the_file_by_a_dead_or_unrelated_process_does_not_block() {
        let dir = tempfile::tempdir().unwrap();
        let p = lock_path(dir.path());
        // pid 1 is alive and unrelated: only the OS lock counts
        std::fs::write(&p, "1\n").unwrap();
        let _lock = Lock::acquire(&p).unwrap();
        assert_eq!(
            std::fs::read_to_string(&p).unwrap().trim(),
            std::process::id().to_string()
        );
    }

    #[test]
    fn of_many_threads_racing_for_the_lock_exactly_one_wins() {
        let dir = tempfile::tempdir().unwrap();
        let p = lock_path(dir.path());
        for _ in 0..20 {
            let barrier = std::sync::Barrier::new(8);
            let held: Vec<Option<Lock>> = std::thread::scope(|s| {
                let hs: Vec<_> = (0..8)
                    .map(|_| {
                        s.spawn(|| {
                            barrier.wait();
                            Lock::acquire(&p).ok()
                        })
                    })
                    .collect();
                hs.into_iter().map(|h| h.join().unwrap()).collect()
            });
            assert_eq!(held.iter().filter(|l| l.is_some()).count(), 1);
        }
    }
}
