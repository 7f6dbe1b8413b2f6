//! The `hashshift` command line: `run QUERY --format json|csv`, `presets` and `keys`.
//!
//! Every QUERY is accepted (problems become warnings and the exit code stays 0); a wrong
//! command line exits 2 with clap's usage message, and an output that cannot be written exits 1
//! (a closed pipe, as in `| head`, is not an error).

mod tables;

use clap::{Parser, Subcommand, ValueEnum};
use hashshift::analysis::{monte_carlo, MonteCarlo};
use hashshift::i18n::Lang;
use hashshift::model::{self, MonthRow, Summary};
use hashshift::scenario::{self, Applies, Kind, KEYS, PRESETS, SCHEMA};
use serde::Serialize;
use serde_json::{json, Value};
use std::io::{self, Write};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "hashshift",
    version,
    about = "What a megawatt earns mining Bitcoin versus converted to AI compute",
    long_about = "What a megawatt earns mining Bitcoin versus converted to AI compute.\n\n\
                  A scenario is a query of the keys in ECONOMICS.md, e.g. 'mw=18&power=40'; \
                  keys left out take their defaults. Whole explorer URLs are accepted too."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Project a scenario month by month: plan against keep-mining.
    Run {
        /// Query string, `?query` or whole explorer URL (empty: the defaults).
        #[arg(default_value = "")]
        query: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = RunFormat::Json)]
        format: RunFormat,
    },
    /// List the presets: id, title, source note and canonical query.
    Presets {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// List the model keys: name, unit, default, bounds, slider, group and scope.
    Keys {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum RunFormat {
    /// The full report of ECONOMICS.md §10.
    Json,
    /// The monthly table: a row per month, plan and baseline columns, units in the headers.
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum ListFormat {
    /// One block per entry.
    Text,
    /// A JSON array.
    Json,
}

/// The JSON report of ECONOMICS.md §10.
#[derive(Serialize)]
struct Report<'a> {
    schema: u32,
    query: String,
    warnings: Vec<String>,
    months: &'a [MonthRow],
    summary: &'a Summary,
    monte_carlo: Option<MonteCarlo>,
}

/// Runs the command line; see the module's documentation for the exit codes.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = io::stdout().lock();
    let written = match cli.command {
        Command::Run { query, format } => run(&query, format, &mut out),
        Command::Presets { format } => presets(format, &mut out),
        Command::Keys { format } => keys(format, &mut out),
    }
    .and_then(|()| out.flush());
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("hashshift: cannot write the output: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(query: &str, format: RunFormat, out: &mut impl Write) -> io::Result<()> {
    let parsed = scenario::parse(query);
    let warnings: Vec<String> = parsed.warnings.iter().map(|w| w.text(Lang::En)).collect();
    let projection = model::run(&parsed.scenario);
    match format {
        RunFormat::Json => {
            let report = Report {
                schema: SCHEMA,
                query: scenario::canonical_query(&parsed.scenario),
                warnings,
                months: &projection.months,
                summary: &projection.summary,
                monte_carlo: monte_carlo(&projection),
            };
            serde_json::to_writer_pretty(&mut *out, &report)?;
            writeln!(out)
        }
        RunFormat::Csv => {
            let mut err = io::stderr().lock();
            for w in &warnings {
                writeln!(err, "warning: {w}")?;
            }
            tables::monthly(&projection.months, out)
        }
    }
}

fn presets(format: ListFormat, out: &mut impl Write) -> io::Result<()> {
    let en = |m| Lang::En.t(m);
    match format {
        ListFormat::Text => {
            for p in PRESETS {
                writeln!(
                    out,
                    "{}\n  {}\n  Source: {}\n  {}\n",
                    p.id,
                    en(p.title),
                    en(p.note),
                    p.canonical_query()
                )?;
            }
            Ok(())
        }
        ListFormat::Json => {
            let list: Vec<Value> = PRESETS
                .iter()
                .map(|p| {
                    json!({
                        "id": p.id, "title": en(p.title), "note": en(p.note),
                        "query": p.canonical_query()
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &list)?;
            writeln!(out)
        }
    }
}

fn keys(format: ListFormat, out: &mut impl Write) -> io::Result<()> {
    let defaults = scenario::Scenario::default();
    let list: Vec<Value> = KEYS
        .iter()
        .map(|d| {
            let kind = match d.kind {
                Kind::Real => json!("real"),
                Kind::Integer => json!("integer"),
                Kind::Month => json!("month"),
                Kind::Toggle => json!("toggle"),
                Kind::Choice(choices) => json!(choices.iter().map(|c| c.name).collect::<Vec<_>>()),
            };
            json!({
                "key": d.name,
                "kind": kind,
                "unit": d.unit.map(|u| Lang::En.t(u)),
                "default": defaults.value_text(d.key),
                "min": d.min,
                "max": d.max,
                "slider": [d.slider.0, d.slider.1],
                "step": d.step,
                "label": Lang::En.t(d.label),
                "group": Lang::En.t(d.group.title()),
                "applies": d.applies.name(),
                "tornado": d.tornado.map(|a: Applies| a.name().unwrap_or("both")),
            })
        })
        .collect();
    match format {
        ListFormat::Text => {
            for (d, v) in KEYS.iter().zip(&list) {
                let unit = d
                    .unit
                    .map_or(String::new(), |u| format!(" {}", Lang::En.t(u)));
                writeln!(
                    out,
                    "{:<9} {} [{} … {}]{unit}  {}",
                    d.name,
                    defaults.value_text(d.key),
                    v["min"],
                    v["max"],
                    Lang::En.t(d.label)
                )?;
            }
            Ok(())
        }
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &list)?;
            writeln!(out)
        }
    }
}
