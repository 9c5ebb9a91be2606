//! The `svtext` command line: parses arguments, builds a [`svtext::Config`],
//! runs, and turns the outcome into an exit status (0 all inputs analysed,
//! 1 some inputs failed, 2 bad usage or nothing could run).

use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use svtext::{Codebook, Config, DEFAULT_CODEBOOK, Progress};

/// svtext turns folders of Swedish articles into structured JSON for
/// research: cleaned text, tokens with stems, sentences, themes with
/// evidence, speakers with roles, organisations and quotes, readability.
///
/// With no subcommand it runs `analyze` (so `svtext` alone analyses
/// `corpus/` into `output/`).
#[derive(Parser, Debug)]
#[command(
    name = "svtext",
    version,
    args_conflicts_with_subcommands = true,
    after_help = AFTER_HELP
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    analyze: AnalyzeArgs,
}

const AFTER_HELP: &str = "\
Output folder (--out DIR; new, empty, or made by svtext, unless --force):
  DIR/corpus.jsonl         every document, one per line, sorted by id (pandas: read_json(..., lines=True))
  DIR/summary.json         corpus totals: documents, tokens, themes, speakers, skipped files
  DIR/errors.jsonl         one line per input that could not be analysed
  DIR/tables/              documents, hits, quotes, speakers, tokens: one row each, Parquet (--tables csv|none)
                           (pandas: read_parquet(\"DIR/tables/documents.parquet\"))
  DIR/manifest.json        tool version, codebook hash, input and output hashes, every file written
  DIR/documents/<id>.json  one document, pretty-printed (with --documents)
  DIR/report.html          with --report (or `svtext report DIR`): the corpus at a glance in a browser, self-contained
svtext replaces or removes only files its manifest says it wrote, and never
reads its output folder (or any folder with an svtext manifest) as input.

Exit status: 0 all inputs analysed; 1 some inputs failed (see errors.jsonl);
2 bad usage or nothing could run (missing input, bad codebook, folder locked).

Examples:
  svtext                                   analyse corpus/ into output/
  svtext articles/ --out results --jobs 4  a folder of .txt/.html/.jsonl files
  svtext articles/ --codebook mine.yml     your own codebook (TOML, quanteda YAML or LIWC .dic)
  svtext articles/ --out results --report  and results/report.html to open in a browser
  cat records.jsonl | svtext -             JSON Lines in, one document per line out
  svtext codebook show > codebook.toml     the built-in codebook, to edit";

#[derive(Subcommand, Debug)]
enum Command {
    /// Analyse articles into an output folder (the default command).
    #[command(after_help = AFTER_HELP, visible_alias = "analyse")]
    Analyze(AnalyzeArgs),
    /// Build summary.json from document files (corpus.jsonl or the part
    /// files of a cluster run).
    #[command(visible_alias = "summarise")]
    Summarize(SummarizeArgs),
    /// Write DIR/report.html from an output folder: overview, themes over
    /// time, co-occurrence, speakers, hits and quotes in context, and a
    /// documents table, in one self-contained file for a browser.
    Report {
        /// The output folder of `svtext analyze` (its --out DIR).
        #[arg(value_name = "DIR", default_value = "output")]
        dir: PathBuf,
        /// Do not print the report's path on stderr.
        #[arg(long, short = 'q')]
        quiet: bool,
    },
    /// Check or show codebooks.
    #[command(subcommand)]
    Codebook(CodebookCommand),
}

#[derive(Args, Debug)]
struct AnalyzeArgs {
    /// Files and folders to analyse (folders recursively): .txt/.md plain
    /// text, .html/.htm pages, .jsonl records. `-` alone reads JSON Lines
    /// from standard input and writes one document per line to standard
    /// output.
    #[arg(value_name = "INPUT", default_value = "corpus")]
    inputs: Vec<PathBuf>,
    /// The output folder.
    #[arg(long, value_name = "DIR", default_value = "output")]
    out: PathBuf,
    /// A codebook file replacing the built-in one: svtext TOML (.toml),
    /// quanteda-style YAML (.yaml, .yml) or LIWC (.dic).
    #[arg(long, value_name = "FILE")]
    codebook: Option<PathBuf>,
    /// Worker threads [default: one per core].
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// No progress bar and no closing summary line on stderr.
    #[arg(long, short = 'q')]
    quiet: bool,
    /// Re-analyse every document, even those unchanged since the last run.
    #[arg(long)]
    full: bool,
    /// Largest input file or record analysed, in bytes; larger ones are
    /// reported in errors.jsonl.
    #[arg(long, value_name = "BYTES", default_value_t = svtext::DEFAULT_MAX_BYTES)]
    max_bytes: u64,
    /// Also write each document, pretty-printed, to DIR/documents/<id>.json.
    #[arg(long)]
    documents: bool,
    /// The format of the tables in DIR/tables/ (documents, hits, quotes,
    /// speakers, tokens): parquet (zstd), csv (RFC 4180, UTF-8), or none.
    #[arg(long, value_name = "FORMAT", default_value = "parquet", value_parser = table_format)]
    tables: svtext::TableFormat,
    /// Write into a non-empty output folder that svtext did not make. svtext
    /// still never replaces or removes a file it did not write.
    #[arg(long)]
    force: bool,
    /// Follow symbolic links inside input folders (links named as INPUT are
    /// always followed).
    #[arg(long, short = 'L')]
    follow: bool,
    /// List every skipped file with the reason on stderr.
    #[arg(long, short = 'v')]
    verbose: bool,
    /// Treat every document as written in this language (an ISO 639-1
    /// code: sv, en, nb, ...) instead of detecting it. `--language sv`
    /// keeps short Swedish texts from being taken for another language.
    #[arg(long, value_name = "CODE", value_parser = language_code)]
    language: Option<String>,
    /// After the run, write DIR/report.html (as `svtext report DIR` does).
    #[arg(long)]
    report: bool,
}

/// `--tables parquet|csv|none`.
fn table_format(s: &str) -> std::result::Result<svtext::TableFormat, String> {
    svtext::TableFormat::parse(s)
        .ok_or_else(|| format!("{s:?} is not a table format: parquet, csv or none"))
}

/// An ISO 639-1 code for `--language`, lowercased.
fn language_code(s: &str) -> std::result::Result<String, String> {
    svtext::language_code(s)
        .map(str::to_string)
        .ok_or_else(|| format!("{s:?} is not an ISO 639-1 language code (such as sv, en, nb)"))
}

#[derive(Args, Debug)]
struct SummarizeArgs {
    /// JSON Lines files of documents (as in corpus.jsonl).
    #[arg(value_name = "DOCS", required = true)]
    docs: Vec<PathBuf>,
    /// The folder to write summary.json into.
    #[arg(long, value_name = "DIR", default_value = "output")]
    out: PathBuf,
}

#[derive(Subcommand, Debug)]
enum CodebookCommand {
    /// Validate a codebook file and list its themes and term counts.
    Check {
        /// The codebook (.toml, .yaml, .yml or .dic).
        file: PathBuf,
    },
    /// Print the built-in codebook (svtext TOML format).
    Show,
    /// Test what a codebook means on real text: hits and documents per
    /// theme and term, terms with no hit, terms that match no word of the
    /// lexicon (misspelt?), exclusions and what they block, a
    /// keyword-in-context sample of every term; with --gold, precision and
    /// recall per theme and the false hits.
    Test(TestArgs),
}

#[derive(Args, Debug)]
struct TestArgs {
    /// The codebook (.toml, .yaml, .yml or .dic), or `builtin` for the
    /// built-in one.
    file: PathBuf,
    /// Files and folders of articles, as `svtext analyze` takes them (with
    /// --gold and no INPUT: the gold file's texts).
    #[arg(value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Keyword-in-context lines per term.
    #[arg(long, value_name = "N", default_value_t = svtext::codebook::DEFAULT_PER_TERM)]
    per_term: usize,
    /// A JSON Lines file of labelled texts, {"id", "text", "themes": [...]}
    /// a line (other fields are ignored): precision and recall per theme.
    #[arg(long, value_name = "FILE")]
    gold: Option<PathBuf>,
    /// Write the whole review as JSON to standard output.
    #[arg(long)]
    json: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None => analyze(cli.analyze),
        Some(Command::Analyze(args)) => analyze(args),
        Some(Command::Summarize(args)) => summarize(args),
        Some(Command::Report { dir, quiet }) => report(&dir, quiet),
        Some(Command::Codebook(cmd)) => codebook(cmd),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            // the library's messages already name their cause: print each
            // link of the chain only when it adds something
            let mut msg = e.to_string();
            for cause in e.chain().skip(1) {
                let c = cause.to_string();
                if !msg.contains(&c) {
                    msg = format!("{msg}: {c}");
                }
            }
            eprintln!("svtext: error: {msg}");
            ExitCode::from(2)
        }
    }
}

fn analyze(args: AnalyzeArgs) -> Result<ExitCode> {
    let verbose = args.verbose;
    let config = Config {
        inputs: args.inputs,
        out: args.out,
        codebook: args.codebook,
        jobs: args.jobs.map(usize::from),
        quiet: args.quiet,
        full: args.full,
        max_bytes: args.max_bytes,
        force: args.force,
        documents: args.documents,
        follow: args.follow,
        tables: args.tables,
        language: args.language,
    };
    let stdin_mode = config.inputs.iter().any(|p| p.as_os_str() == "-");
    if stdin_mode {
        anyhow::ensure!(
            config.inputs.len() == 1,
            "`-` (standard input) cannot be mixed with other inputs"
        );
        anyhow::ensure!(
            !args.report,
            "--report needs an output folder; it cannot be used with `-` (standard input)"
        );
        let codebook = svtext::load_codebook(&config)?;
        // Owned and Send: run_stream reads it on a thread of its own.
        let input = std::io::BufReader::with_capacity(1 << 16, std::io::stdin());
        let mut output = BufWriter::new(std::io::stdout().lock());
        let options = svtext::AnalyzeOptions::of(&config);
        let result = svtext::run_stream_with(
            input,
            &mut output,
            (&codebook, &options),
            config.jobs,
            config.max_bytes,
        );
        let report = match result.and_then(|r| {
            output.flush().map_err(|source| svtext::Error::Write {
                path: "-".into(),
                source,
            })?;
            Ok(r)
        }) {
            Ok(r) => r,
            // the reader stopped reading (`svtext analyze - | head -1`): end quietly
            Err(svtext::Error::Write { source, .. })
                if source.kind() == std::io::ErrorKind::BrokenPipe =>
            {
                return Ok(ExitCode::SUCCESS);
            }
            Err(e) => return Err(e.into()),
        };
        if !config.quiet {
            eprintln!("{}", report.line());
        }
        return Ok(exit_code(report.failed));
    }
    for input in &config.inputs {
        check_input(input)?;
    }
    let bar = (!config.quiet && std::io::stderr().is_terminal()).then(|| {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} {bar:40} {pos}/{len} documents {per_sec} eta {eta}",
            )
            .expect("valid template"),
        );
        bar
    });
    let progress = |p: Progress| {
        if let Some(bar) = &bar {
            match p {
                Progress::Start(n) => bar.set_length(n as u64),
                Progress::Done(n) => bar.set_position(n as u64),
                Progress::Finish => bar.finish_and_clear(),
            }
        }
    };
    let report = svtext::run(&config, &progress)?;
    if verbose {
        for s in &report.skipped_files {
            eprintln!("svtext: skipped {}: {}", s.path, s.reason);
        }
    }
    if !config.quiet {
        eprintln!("{}", report.line());
        if report.failed > 0 {
            eprintln!(
                "svtext: {} input(s) failed; see {}",
                report.failed,
                config.out.join("errors.jsonl").display()
            );
        }
    }
    if args.report {
        self::report(&config.out, config.quiet)?;
    }
    Ok(exit_code(report.failed))
}

/// Fails when an INPUT does not exist; a word that is no file and looks
/// like a mistyped command is named as such rather than as a missing file.
fn check_input(input: &std::path::Path) -> Result<()> {
    if input.exists() || std::fs::symlink_metadata(input).is_ok() {
        return Ok(());
    }
    let word = input.to_string_lossy();
    let looks_like_command = !word.contains(['/', '\\', '.']) && !word.is_empty();
    if looks_like_command {
        const COMMANDS: [&str; 5] = ["analyze", "analyse", "summarize", "summarise", "codebook"];
        let near = COMMANDS
            .iter()
            .find(|c| strsim_close(c, &word))
            .map(|c| format!("; did you mean `svtext {c}`?"))
            .unwrap_or_default();
        anyhow::bail!(
            "`{word}` is neither a command nor an existing file or folder{near} \
             (commands: analyze, summarize, codebook; see svtext --help)"
        );
    }
    anyhow::bail!(
        "input {} does not exist (give files or folders of articles; with no INPUT svtext reads corpus/)",
        input.display()
    )
}

/// Whether two words are at most two edits apart (a typo).
fn strsim_close(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()] <= 2
}

fn report(dir: &std::path::Path, quiet: bool) -> Result<ExitCode> {
    let path = svtext::write_report(dir)?;
    if !quiet {
        eprintln!("svtext: wrote {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}

fn exit_code(failed: usize) -> ExitCode {
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn summarize(args: SummarizeArgs) -> Result<ExitCode> {
    let summary = svtext::summarize_files(&args.docs)?;
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    summary.write(&args.out.join("summary.json"))?;
    Ok(ExitCode::SUCCESS)
}

fn codebook(cmd: CodebookCommand) -> Result<ExitCode> {
    match cmd {
        CodebookCommand::Check { file } => {
            let book = Codebook::load(&file)?;
            print!("{}", book.report());
        }
        CodebookCommand::Show => print!("{DEFAULT_CODEBOOK}"),
        CodebookCommand::Test(args) => return codebook_test(args),
    }
    Ok(ExitCode::SUCCESS)
}

fn codebook_test(args: TestArgs) -> Result<ExitCode> {
    let book = if args.file.as_os_str() == "builtin" && !args.file.exists() {
        Codebook::builtin()
    } else {
        Codebook::load(&args.file)?
    };
    let options = svtext::codebook::ReviewOptions {
        inputs: args.inputs,
        per_term: args.per_term,
        gold: args.gold,
        ..Default::default()
    };
    let review = svtext::codebook::review(&book, &options)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    if args.json {
        serde_json::to_writer_pretty(&mut out, &review)?;
        writeln!(out)?;
    } else {
        out.write_all(review.table().as_bytes())?;
    }
    out.flush().context("cannot write to standard output")?;
    Ok(ExitCode::SUCCESS)
}
