//! The `hashshift` command line: `run QUERY --format json|csv` and `presets`.
//!
//! Every QUERY is accepted (problems become warnings and the exit code stays 0); only a wrong
//! command line exits non-zero, with clap's usage message.

use clap::{Parser, Subcommand, ValueEnum};
use hashshift::analysis::{monte_carlo, MonteCarlo};
use hashshift::model::{self, MonthRow, Summary};
use hashshift::scenario::{self, PRESETS};
use serde::Serialize;
use serde_json::Value;
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
    /// One block per preset.
    Text,
    /// A JSON array.
    Json,
}

/// The JSON report of ECONOMICS.md §10.
#[derive(Serialize)]
struct Report<'a> {
    schema: u32,
    query: String,
    warnings: &'a [String],
    months: &'a [MonthRow],
    summary: &'a Summary,
    monte_carlo: Option<MonteCarlo>,
}

/// Runs the command line; the exit code is non-zero only for a wrong command line.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth reporting.
    let _ = match cli.command {
        Command::Run { query, format } => run(&query, format, &mut out),
        Command::Presets { format } => presets(format, &mut out),
    };
    ExitCode::SUCCESS
}

fn run(query: &str, format: RunFormat, out: &mut impl Write) -> io::Result<()> {
    let parsed = scenario::parse(query);
    let projection = model::run(&parsed.scenario);
    match format {
        RunFormat::Json => {
            let report = Report {
                schema: 1,
                query: scenario::canonical_query(&parsed.scenario),
                warnings: &parsed.warnings,
                months: &projection.months,
                summary: &projection.summary,
                monte_carlo: monte_carlo(&projection),
            };
            serde_json::to_writer_pretty(&mut *out, &report)?;
            writeln!(out)
        }
        RunFormat::Csv => {
            let mut err = io::stderr().lock();
            for w in &parsed.warnings {
                writeln!(err, "warning: {w}")?;
            }
            write_csv(&projection.months, out)
        }
    }
}

/// The unit of a monthly field, for the CSV header.
fn unit(field: &str) -> &'static str {
    match field {
        "month" => "YYYY-MM",
        "days" => "days",
        "height" => "blocks",
        "subsidy_btc" => "BTC/block",
        "reward_btc" | "btc_mined" => "BTC",
        "network_ehs" => "EH/s",
        "hashprice_usd_ph_day" => "$/PH/day",
        f if f.ends_with("_mw") => "MW",
        _ => "$",
    }
}

/// The row's columns, nested objects flattened as `plan_field`, in declaration order.
fn columns(row: &MonthRow) -> Vec<(String, Value)> {
    let Ok(Value::Object(map)) = serde_json::to_value(row) else {
        return Vec::new();
    };
    let mut cols = Vec::new();
    for (name, value) in map {
        match value {
            Value::Object(inner) => {
                for (field, v) in inner {
                    cols.push((format!("{name}_{field} ({})", unit(&field)), v));
                }
            }
            v => cols.push((format!("{name} ({})", unit(&name)), v)),
        }
    }
    cols
}

fn write_csv(months: &[MonthRow], out: &mut impl Write) -> io::Result<()> {
    for (i, row) in months.iter().enumerate() {
        let cols = columns(row);
        if i == 0 {
            let header: Vec<&str> = cols.iter().map(|(h, _)| h.as_str()).collect();
            writeln!(out, "{}", header.join(","))?;
        }
        let cells: Vec<String> = cols
            .iter()
            .map(|(_, v)| match v {
                Value::String(s) => s.clone(),
                v => v.to_string(),
            })
            .collect();
        writeln!(out, "{}", cells.join(","))?;
    }
    Ok(())
}

fn presets(format: ListFormat, out: &mut impl Write) -> io::Result<()> {
    match format {
        ListFormat::Text => {
            for p in PRESETS {
                writeln!(
                    out,
                    "{}\n  {}\n  Source: {}\n  {}\n",
                    p.id,
                    p.title,
                    p.note,
                    p.canonical_query()
                )?;
            }
            Ok(())
        }
        ListFormat::Json => {
            let list: Vec<Value> = PRESETS
                .iter()
                .map(|p| {
                    serde_json::json!({
                        "id": p.id, "title": p.title, "note": p.note, "query": p.canonical_query()
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &list)?;
            writeln!(out)
        }
    }
}
