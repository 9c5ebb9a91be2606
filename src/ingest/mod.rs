//! Ingest stage: finds the inputs, gives every document a unique id, reads
//! and decodes its bytes.
//!
//! Discovery ([`discover`]) walks the INPUT files and folders, reads the ids
//! of JSON Lines records and assigns each document ([`Unit`]) a unique id.
//! Loading ([`load`]) reads one unit and decodes it into a [`RawDoc`].

pub mod decode;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::document::Source;
use crate::error::{Error, Result};
pub use crate::outcome::{InputError, Skipped};

/// The kind of input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text (`.txt`, `.md`, `.text`).
    Text,
    /// An HTML page (`.html`, `.htm`, `.xhtml`).
    Html,
    /// A record of a JSON Lines file (`.jsonl`, `.ndjson`).
    Jsonl,
}

impl Format {
    /// The format of a file, by its extension; `None` for unknown extensions.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "md" | "text" => Some(Format::Text),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            _ => None,
        }
    }

    /// The name used in `source.format`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Jsonl => "jsonl",
        }
    }
}

/// One document to produce: a whole file, or one record of a JSON Lines file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The document's unique id.
    pub id: String,
    /// The file it comes from.
    pub path: PathBuf,
    /// The file's format.
    pub format: Format,
    /// For a JSON Lines record: where it lies.
    pub record: Option<RecordPos>,
}

/// Where a JSON Lines record lies in its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordPos {
    /// 1-based line number.
    pub line: usize,
    /// Byte offset of the line's start.
    pub offset: u64,
    /// Length of the line in bytes, without the line end.
    pub len: usize,
}

/// What discovery found.
#[derive(Debug, Default)]
pub struct Discovery {
    /// Documents to analyse, with unique ids, in input order.
    pub units: Vec<Unit>,
    /// Inputs that failed already (unreadable files, broken JSON Lines records).
    pub errors: Vec<InputError>,
    /// Files and folders not analysed, each with the reason.
    pub skipped: Vec<Skipped>,
}

/// How discovery walks the inputs.
#[derive(Debug, Clone)]
pub struct DiscoverOptions {
    /// The largest file or record that is read at all.
    pub max_bytes: u64,
    /// Follow symbolic links inside folders (`--follow`). Links named as
    /// INPUT are always followed.
    pub follow_links: bool,
    /// The output folder, never read as input.
    pub output: Option<OutputFolder>,
    /// Whether a folder is an svtext output folder (not walked); the
    /// output stage knows ([`crate::output::is_svtext_folder`]).
    pub is_output_folder: fn(&Path) -> bool,
    /// Whether a file name is one of svtext's bookkeeping files (lock,
    /// journal, temporary files), never read from the output folder.
    pub is_bookkeeping: fn(&str) -> bool,
}

impl Default for DiscoverOptions {
    fn default() -> Self {
        DiscoverOptions {
            max_bytes: u64::MAX,
            follow_links: false,
            output: None,
            is_output_folder: |_| false,
            is_bookkeeping: |_| false,
        }
    }
}

/// The output folder as discovery must know it: a folder inside an input
/// folder is not walked; where an input lies inside it (or is it), the
/// files svtext wrote there are not read.
#[derive(Debug, Clone, Default)]
pub struct OutputFolder {
    /// The folder, canonical.
    pub root: PathBuf,
    /// Files svtext wrote there, relative to it with `/`.
    pub files: HashSet<String>,
}

/// A decoded input, ready for cleaning.
#[derive(Debug, Clone)]
pub struct RawDoc {
    /// The document's unique id.
    pub id: String,
    /// How the input was read (path, format, encoding, size, hash).
    pub source: Source,
    /// The format.
    pub format: Format,
    /// The decoded, NFC-normalised text (HTML source for HTML).
    pub text: String,
    /// For a JSON Lines record: its fields other than `id` and `text`.
    pub fields: BTreeMap<String, Value>,
}

impl RawDoc {
    /// A document from text held in memory (a library caller's string, a
    /// test): UTF-8, `source.path` = `id`, hashed like a file.
    pub fn in_memory(id: &str, text: impl Into<String>, format: Format) -> RawDoc {
        let text = text.into();
        RawDoc {
            id: id.to_string(),
            source: Source {
                path: id.to_string(),
                line: None,
                format: format.as_str().to_string(),
                encoding: "UTF-8".to_string(),
                bytes: text.len() as u64,
                hash: sha256_hex(text.as_bytes()),
            },
            format,
            text,
            fields: BTreeMap::new(),
        }
    }
}

struct Candidate {
    preferred: String,
    with_ext: Option<String>,
    unit: Unit,
}

/// Walks `inputs` (files and folders; folders recursively, in name order),
/// and assigns every document a unique id. Every file found becomes a
/// document, an error or a named skip.
pub fn discover(inputs: &[PathBuf], opts: &DiscoverOptions) -> Discovery {
    let mut walk = Walk {
        opts,
        found: Discovery::default(),
        cands: Vec::new(),
        seen: HashMap::new(),
    };
    for input in inputs {
        walk.input(input);
    }
    let Walk {
        mut found, cands, ..
    } = walk;
    found.units = unique_ids(cands);
    found
}

/// The state of one discovery.
struct Walk<'a> {
    opts: &'a DiscoverOptions,
    found: Discovery,
    cands: Vec<Candidate>,
    /// Files already taken, by identity, with the path they were taken as.
    seen: HashMap<FileKey, PathBuf>,
}

/// A file's identity: device and inode where there are such, else its
/// canonical path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum FileKey {
    #[cfg_attr(not(unix), allow(dead_code))]
    Inode(u64, u64),
    #[cfg_attr(unix, allow(dead_code))]
    Path(PathBuf),
}

fn file_key(path: &Path, meta: &std::fs::Metadata) -> FileKey {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = path;
        FileKey::Inode(meta.dev(), meta.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        FileKey::Path(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
    }
}

/// Why a file system entry that is neither a file nor a folder is skipped.
fn special_kind(ft: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if ft.is_socket() {
            return "a socket";
        }
        if ft.is_block_device() || ft.is_char_device() {
            return "a device";
        }
    }
    let _ = ft;
    "not a regular file"
}

impl Walk<'_> {
    /// One INPUT argument: a file, a folder, or an error.
    fn input(&mut self, input: &Path) {
        let meta = match std::fs::metadata(input) {
            Ok(m) => m,
            Err(source) => {
                let err = Error::Read {
                    path: input.to_path_buf(),
                    source,
                };
                self.found
                    .errors
                    .push(InputError::new(input, None, None, &err));
                return;
            }
        };
        if meta.is_file() {
            let root = input.parent().unwrap_or(Path::new("")).to_path_buf();
            let inside = self.owned_prefix(input.parent().unwrap_or(Path::new(".")));
            self.file(input, &root, &meta, inside.as_deref());
        } else if meta.is_dir() {
            self.folder(input);
        } else {
            let err = Error::NotAFile {
                path: input.to_path_buf(),
                kind: special_kind(meta.file_type()),
            };
            self.found
                .errors
                .push(InputError::new(input, None, None, &err));
        }
    }

    /// Where `dir` lies inside the output folder (its path relative to it,
    /// `/`-separated, possibly empty), or `None` when it is not inside.
    fn owned_prefix(&self, dir: &Path) -> Option<String> {
        let out = self.opts.output.as_ref()?;
        let canon = std::fs::canonicalize(dir).ok()?;
        let rel = canon.strip_prefix(&out.root).ok()?;
        Some(rel_string(rel))
    }

    /// Whether `dir` (a folder met while walking) is not walked, and why.
    fn excluded_folder(&self, dir: &Path) -> Option<&'static str> {
        if let Some(out) = &self.opts.output
            && std::fs::canonicalize(dir).is_ok_and(|c| c == out.root)
        {
            return Some("svtext's output folder (--out) is never read as input");
        }
        (self.opts.is_output_folder)(dir).then_some(
            "an svtext output folder (it holds svtext's manifest.json) is not read as input",
        )
    }

    /// Walks one folder INPUT.
    fn folder(&mut self, input: &Path) {
        let inside_out = self.owned_prefix(input);
        if inside_out.is_none()
            && let Some(reason) = self.excluded_folder(input)
        {
            self.found.skipped.push(Skipped::new(input, reason));
            return;
        }
        let mut it = walkdir::WalkDir::new(input)
            .follow_links(self.opts.follow_links)
            .sort_by_file_name()
            .into_iter();
        while let Some(entry) = it.next() {
            let e = match entry {
                Ok(e) => e,
                Err(e) => {
                    self.walk_error(input, e);
                    continue;
                }
            };
            let ft = e.file_type();
            if ft.is_dir() {
                if e.depth() > 0
                    && inside_out.is_none()
                    && let Some(reason) = self.excluded_folder(e.path())
                {
                    self.found.skipped.push(Skipped::new(e.path(), reason));
                    it.skip_current_dir();
                }
                continue;
            }
            if ft.is_symlink() {
                let reason =
                    "a symbolic link (links inside folders are followed only with --follow)";
                self.found.skipped.push(Skipped::new(e.path(), reason));
                continue;
            }
            if !ft.is_file() {
                let reason = format!("{}, not a regular file", special_kind(ft));
                self.found.skipped.push(Skipped::new(e.path(), reason));
                continue;
            }
            let meta = match e.metadata() {
                Ok(m) => m,
                Err(err) => {
                    self.walk_error(input, err);
                    continue;
                }
            };
            let prefix = inside_out.as_ref().map(|p| {
                let rel = e.path().strip_prefix(input).unwrap_or(e.path());
                let parent = rel.parent().unwrap_or(Path::new(""));
                join_rel(p, &rel_string(parent))
            });
            self.file(e.path(), input, &meta, prefix.as_deref());
        }
    }

    fn walk_error(&mut self, input: &Path, e: walkdir::Error) {
        let path = e
            .path()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| input.to_path_buf());
        let source = e
            .into_io_error()
            .unwrap_or_else(|| std::io::Error::other("symbolic link loop"));
        let err = Error::Read {
            path: path.clone(),
            source,
        };
        self.found
            .errors
            .push(InputError::new(&path, None, None, &err));
    }

    /// One regular file; `out_dir` is its folder's path inside the output
    /// folder when it lies there.
    fn file(&mut self, path: &Path, root: &Path, meta: &std::fs::Metadata, out_dir: Option<&str>) {
        if let (Some(dir), Some(out)) = (out_dir, &self.opts.output) {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default();
            let rel = join_rel(dir, &name);
            if out.files.contains(&rel) || (self.opts.is_bookkeeping)(&name) {
                let reason = "written by svtext into its output folder; never read as input";
                self.found.skipped.push(Skipped::new(path, reason));
                return;
            }
        }
        if Format::from_path(path).is_none() {
            let reason =
                "unknown extension (svtext reads .txt .md .text .html .htm .xhtml .jsonl .ndjson)";
            self.found.skipped.push(Skipped::new(path, reason));
            return;
        }
        match self.seen.entry(file_key(path, meta)) {
            std::collections::hash_map::Entry::Occupied(first) => {
                let reason = format!(
                    "the same file as {}, which is analysed once",
                    first.get().display()
                );
                self.found.skipped.push(Skipped::new(path, reason));
                return;
            }
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(path.to_path_buf());
            }
        }
        add_file(
            path,
            root,
            self.opts.max_bytes,
            &mut self.cands,
            &mut self.found,
        );
    }
}

/// A relative path as `/`-separated text.
fn rel_string(rel: &Path) -> String {
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn join_rel(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_string()
    } else {
        format!("{dir}/{name}")
    }
}

fn add_file(
    path: &Path,
    root: &Path,
    max_bytes: u64,
    cands: &mut Vec<Candidate>,
    found: &mut Discovery,
) {
    let Some(format) = Format::from_path(path) else {
        return;
    };
    let rel = path.strip_prefix(root).unwrap_or(path);
    let with_ext = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    let preferred = match with_ext.rfind('.') {
        Some(dot) if dot > with_ext.rfind('/').map_or(0, |s| s + 1) => with_ext[..dot].to_string(),
        _ => with_ext.clone(),
    };
    if format != Format::Jsonl {
        cands.push(Candidate {
            preferred,
            with_ext: Some(with_ext),
            unit: Unit {
                id: String::new(),
                path: path.to_path_buf(),
                format,
                record: None,
            },
        });
        return;
    }
    let file_id = preferred;
    let file = match File::open(path) {
        Ok(f) => f,
        Err(source) => {
            let err = Error::Read {
                path: path.to_path_buf(),
                source,
            };
            found.errors.push(InputError::new(path, None, None, &err));
            return;
        }
    };
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let mut lines = LineReader::new(max_bytes);
    let mut offset = 0u64;
    let mut line_no = 0usize;
    loop {
        let line = match lines.next(&mut reader) {
            Ok(Some(l)) => l,
            Ok(None) => break,
            Err(source) => {
                let err = Error::Read {
                    path: path.to_path_buf(),
                    source,
                };
                found
                    .errors
                    .push(InputError::new(path, Some(line_no + 1), None, &err));
                break;
            }
        };
        line_no += 1;
        let start = offset;
        offset += line.consumed as u64;
        if line.too_long {
            let err = Error::Record {
                path: path.to_path_buf(),
                line: line_no,
                reason: format!("the record is longer than the limit of {max_bytes} bytes"),
            };
            found
                .errors
                .push(InputError::new(path, Some(line_no), None, &err));
            continue;
        }
        let bytes = strip_bom(&lines.buf, line_no);
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match record_id(bytes) {
            Ok(id) => cands.push(Candidate {
                preferred: id.unwrap_or_else(|| format!("{file_id}/{line_no}")),
                with_ext: None,
                unit: Unit {
                    id: String::new(),
                    path: path.to_path_buf(),
                    format,
                    record: Some(RecordPos {
                        line: line_no,
                        offset: start,
                        len: line.content_len,
                    }),
                },
            }),
            Err(reason) => {
                let err = Error::Record {
                    path: path.to_path_buf(),
                    line: line_no,
                    reason,
                };
                found
                    .errors
                    .push(InputError::new(path, Some(line_no), None, &err));
            }
        }
    }
}

/// A record's bytes without the byte-order mark of the file's first line.
pub(crate) fn strip_bom(bytes: &[u8], line_no: usize) -> &[u8] {
    if line_no == 1 {
        bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes)
    } else {
        bytes
    }
}

/// The id of a JSON Lines record: its `id` field as a string (numbers are
/// written out), `None` when it has none.
pub fn record_id(bytes: &[u8]) -> std::result::Result<Option<String>, String> {
    #[derive(serde::Deserialize)]
    struct IdOnly {
        #[serde(default)]
        id: Option<Value>,
    }
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return Err(match serde_json::from_slice::<Value>(bytes) {
            Ok(v) => format!("the line is {}, not a JSON object", json_type(&v)),
            Err(e) => json_reason(&e),
        });
    }
    let rec: IdOnly = serde_json::from_slice(bytes).map_err(|e| json_reason(&e))?;
    match rec.id {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(Some(s)),
        Some(Value::String(_)) => Err("the record's \"id\" is empty".into()),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(other) => Err(format!(
            "the record's \"id\" must be a string or a number, not {}",
            json_type(&other)
        )),
    }
}

fn json_reason(e: &serde_json::Error) -> String {
    match e.classify() {
        serde_json::error::Category::Data => "the line is JSON but not an object".to_string(),
        _ => format!("the line is not valid JSON ({e})"),
    }
}

/// A JSON value's type, for error messages.
pub fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Gives every candidate a unique id: a file whose id (path without
/// extension) is shared keeps its extension; any id still shared gets
/// `~2`, `~3`, ... in input order.
fn unique_ids(mut cands: Vec<Candidate>) -> Vec<Unit> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for c in &cands {
        *counts.entry(c.preferred.clone()).or_default() += 1;
    }
    for c in &mut cands {
        if counts[&c.preferred] > 1
            && let Some(ext) = c.with_ext.take()
        {
            c.preferred = ext;
        }
    }
    // every id a candidate prefers is taken; a "~k" suffix must avoid them all
    let mut taken: HashSet<String> = cands.iter().map(|c| c.preferred.clone()).collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    cands
        .into_iter()
        .map(|mut c| {
            let n = seen.entry(c.preferred.clone()).or_default();
            *n += 1;
            c.unit.id = if *n == 1 {
                c.preferred
            } else {
                (*n..)
                    .map(|k| format!("{}~{k}", c.preferred))
                    .find(|id| taken.insert(id.clone()))
                    .expect("an unused suffix exists")
            };
            c.unit
        })
        .collect()
}

/// Reads lines, keeping at most `max` bytes of each: a longer line is read
/// past without being kept, so memory stays bounded whatever the input.
pub(crate) struct LineReader {
    /// The last line read (without its line end), empty when it was too long.
    pub(crate) buf: Vec<u8>,
    max: u64,
}

/// What [`LineReader::next`] read.
pub(crate) struct Line {
    /// Bytes consumed, line end included.
    pub(crate) consumed: usize,
    /// Bytes kept in the buffer.
    pub(crate) content_len: usize,
    /// The line was longer than the limit (and is not in the buffer).
    pub(crate) too_long: bool,
}

impl LineReader {
    /// A reader keeping lines of up to `max` bytes.
    pub(crate) fn new(max: u64) -> Self {
        LineReader {
            buf: Vec::new(),
            max,
        }
    }

    /// The next line, or `None` at the end of the input.
    pub(crate) fn next(&mut self, r: &mut impl BufRead) -> std::io::Result<Option<Line>> {
        self.buf.clear();
        let mut consumed = 0usize;
        let mut too_long = false;
        let mut ended = false;
        loop {
            let chunk = r.fill_buf()?;
            if chunk.is_empty() {
                break;
            }
            let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            if !too_long {
                if (self.buf.len() + take) as u64 > self.max + 2 {
                    too_long = true;
                    self.buf.clear();
                } else {
                    self.buf.extend_from_slice(&chunk[..take]);
                }
            }
            r.consume(take);
            consumed += take;
            if done {
                ended = true;
                break;
            }
        }
        if consumed == 0 {
            return Ok(None);
        }
        if ended && self.buf.last() == Some(&b'\n') {
            self.buf.pop();
            if self.buf.last() == Some(&b'\r') {
                self.buf.pop();
            }
        }
        Ok(Some(Line {
            consumed,
            content_len: self.buf.len(),
            too_long,
        }))
    }
}

/// SHA-256 of bytes, lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest.iter() {
        use std::fmt::Write;
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// Reads the bytes of a unit: the whole file, or the record's line.
pub fn read_bytes(unit: &Unit, max_bytes: u64) -> Result<Vec<u8>> {
    let read_err = |source| Error::Read {
        path: unit.path.clone(),
        source,
    };
    let mut file = File::open(&unit.path).map_err(read_err)?;
    match unit.record {
        None => {
            let len = file.metadata().map_err(read_err)?.len();
            if len > max_bytes {
                return Err(Error::TooLarge {
                    path: unit.path.clone(),
                    bytes: len,
                    limit: max_bytes,
                });
            }
            let mut bytes = Vec::with_capacity(len as usize);
            file.read_to_end(&mut bytes).map_err(read_err)?;
            Ok(bytes)
        }
        Some(pos) => {
            file.seek(SeekFrom::Start(pos.offset)).map_err(read_err)?;
            let mut bytes = vec![0; pos.len];
            file.read_exact(&mut bytes).map_err(read_err)?;
            if pos.line == 1 && bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
                bytes.drain(..3);
            }
            Ok(bytes)
        }
    }
}

/// Decodes the bytes of a unit (as read by [`read_bytes`]) into a [`RawDoc`].
pub fn load(unit: &Unit, bytes: &[u8], hash: String) -> Result<RawDoc> {
    let path_str = unit.path.display().to_string();
    match unit.record {
        None => {
            if bytes.iter().all(u8::is_ascii_whitespace) {
                return Err(Error::Empty {
                    path: unit.path.clone(),
                });
            }
            let (text, encoding) = decode::decode(bytes, &unit.path)?;
            if text.trim().is_empty() {
                return Err(Error::Empty {
                    path: unit.path.clone(),
                });
            }
            Ok(RawDoc {
                id: unit.id.clone(),
                source: Source {
                    path: path_str,
                    line: None,
                    format: unit.format.as_str().to_string(),
                    encoding: encoding.to_string(),
                    bytes: bytes.len() as u64,
                    hash,
                },
                format: unit.format,
                text,
                fields: BTreeMap::new(),
            })
        }
        Some(pos) => load_record(&unit.path, pos.line, &unit.id, bytes, hash),
    }
}

/// Decodes one JSON Lines record (from a file or standard input, `path`
/// `-`) into a [`RawDoc`] with the given id.
pub fn load_record(
    path: &Path,
    line: usize,
    id: &str,
    bytes: &[u8],
    hash: String,
) -> Result<RawDoc> {
    let (text, fields) = parse_record(bytes, path, line)?;
    Ok(RawDoc {
        id: id.to_string(),
        source: Source {
            path: path.display().to_string(),
            line: Some(line),
            format: Format::Jsonl.as_str().to_string(),
            encoding: "UTF-8".to_string(),
            bytes: bytes.len() as u64,
            hash,
        },
        format: Format::Jsonl,
        text,
        fields,
    })
}

/// Parses a JSON Lines record into its text and its other fields (without
/// `id`). The text must be a non-empty string.
pub fn parse_record(
    bytes: &[u8],
    path: &Path,
    line: usize,
) -> Result<(String, BTreeMap<String, Value>)> {
    let rec_err = |reason: String| Error::Record {
        path: path.to_path_buf(),
        line,
        reason,
    };
    let value: Value = serde_json::from_slice(bytes).map_err(|e| rec_err(json_reason(&e)))?;
    let Value::Object(map) = value else {
        return Err(rec_err(format!(
            "the line is {}, not a JSON object",
            json_type(&value)
        )));
    };
    let mut fields = BTreeMap::new();
    let mut text = None;
    for (k, v) in map {
        match k.as_str() {
            "id" => {}
            "text" => text = Some(v),
            _ => {
                fields.insert(k, v);
            }
        }
    }
    let text = match text {
        None => return Err(rec_err("the record has no \"text\" field".into())),
        Some(Value::String(s)) => s,
        Some(other) => {
            return Err(rec_err(format!(
                "the record's \"text\" must be a string, not {}",
                json_type(&other)
            )));
        }
    };
    if text.trim().is_empty() {
        return Err(rec_err("the record's \"text\" is empty".into()));
    }
    if text.contains('\0') {
        return Err(rec_err(
            "the record's \"text\" holds NUL characters (binary data)".into(),
        ));
    }
    let text = decode::decode(text.as_bytes(), path)
        .map(|(t, _)| t)
        .map_err(|e| rec_err(e.to_string()))?;
    Ok((text, fields))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(preferred: &str, with_ext: Option<&str>) -> Candidate {
        Candidate {
            preferred: preferred.into(),
            with_ext: with_ext.map(Into::into),
            unit: Unit {
                id: String::new(),
                path: PathBuf::from(preferred),
                format: Format::Text,
                record: None,
            },
        }
    }

    #[test]
    fn shared_ids_keep_their_extension_then_get_numbers() {
        let units = unique_ids(vec![
            unit("a", Some("a.txt")),
            unit("a", Some("a.html")),
            unit("b", Some("b.txt")),
            unit("r", None),
            unit("r", None),
        ]);
        let ids: Vec<_> = units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["a.txt", "a.html", "b", "r", "r~2"]);
        // a suffix never takes an id another input already has
        let units = unique_ids(vec![unit("x", None), unit("x", None), unit("x~2", None)]);
        let ids: Vec<_> = units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["x", "x~3", "x~2"]);
    }

    #[test]
    fn record_ids() {
        assert_eq!(
            record_id(br#"{"id": "x/1", "text": "a"}"#),
            Ok(Some("x/1".into()))
        );
        assert_eq!(
            record_id(br#"{"id": 17, "text": "a"}"#),
            Ok(Some("17".into()))
        );
        assert_eq!(record_id(br#"{"text": "a"}"#), Ok(None));
        assert!(record_id(br#"{"id": [1], "text": "a"}"#).is_err());
        assert!(
            record_id(b"not json")
                .unwrap_err()
                .contains("not valid JSON")
        );
        assert_eq!(
            record_id(b"[1, 2]").unwrap_err(),
            "the line is an array, not a JSON object"
        );
    }

    #[test]
    fn record_without_text_is_an_error() {
        let e = parse_record(br#"{"id": "a"}"#, Path::new("f.jsonl"), 3).unwrap_err();
        assert_eq!(e.to_string(), "f.jsonl:3: the record has no \"text\" field");
        let e = parse_record(br#"{"id": "a", "text": 5}"#, Path::new("f.jsonl"), 4).unwrap_err();
        assert!(e.to_string().contains("must be a string, not a number"));
    }

    #[test]
    fn line_reader_bounds_long_lines() {
        let data = b"short\nvery long line here\nend";
        let mut r = BufReader::with_capacity(4, &data[..]);
        let mut lr = LineReader::new(8);
        let a = lr.next(&mut r).unwrap().unwrap();
        assert!(!a.too_long);
        assert_eq!(lr.buf, b"short");
        let b = lr.next(&mut r).unwrap().unwrap();
        assert!(b.too_long);
        assert_eq!(b.consumed, 20);
        let c = lr.next(&mut r).unwrap().unwrap();
        assert_eq!(lr.buf, b"end");
        assert_eq!(c.consumed, 3);
        assert!(lr.next(&mut r).unwrap().is_none());
    }
}
