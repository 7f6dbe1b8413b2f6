//! The `hashshift` command line: `run QUERY --format json|csv|annual [--with …]`, `render QUERY
//! --chart NAME` (the page's SVG export, [`render`]), `presets`, `keys` and `charts`.
//!
//! Every QUERY is accepted (problems become warnings and the exit code stays 0); a wrong
//! command line exits 2 with clap's usage message (so does `render` with no explorer address
//! for its link), and an output that cannot be written (or a chart that cannot be drawn) exits
//! 1 (a closed pipe, as in `| head`, is not an error).

mod render;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use hashshift::analysis;
use hashshift::charts::CHARTS;
use hashshift::i18n::WarningText;
use hashshift::i18n::{plain, Lang};
use hashshift::model;
use hashshift::report;
use hashshift::scenario::{self, Applies, Casebook, Key, Kind, KEYS, PRESETS};
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
        /// Query string, `?query` or whole explorer URL (empty: the defaults). Taken as the
        /// system gives it: bytes that are not UTF-8 are read as `�`, which the codec warns about
        /// (except in a view key's value, which the CLI ignores).
        #[arg(default_value = "")]
        query: std::ffi::OsString,
        /// Output format.
        #[arg(long, value_enum, default_value_t = RunFormat::Json)]
        format: RunFormat,
        /// Analyses to add to the JSON report (`--format json` only), comma-separated.
        #[arg(long, value_enum, value_delimiter = ',')]
        with: Vec<analysis::Kind>,
    },
    /// Draw a chart of a scenario as SVG: the page's `export-svg`, byte for byte.
    Render(render::Render),
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
    /// List the explorer's charts, in tab order: name (`tab=NAME`), title and caption.
    Charts {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum RunFormat {
    /// The full report of ECONOMICS.md §11.
    Json,
    /// The monthly table: a row per month, plan and baseline columns, units in the headers.
    Csv,
    /// The yearly table: a row per calendar year, plan and baseline columns.
    Annual,
}

#[derive(Clone, Copy, ValueEnum)]
enum ListFormat {
    /// One block per entry.
    Text,
    /// A JSON array.
    Json,
}

/// Runs the command line; see the module's documentation for the exit codes.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = io::stdout().lock();
    let written = match cli.command {
        Command::Run {
            query,
            format,
            with,
        } => {
            if !with.is_empty() && !matches!(format, RunFormat::Json) {
                // The tables have no room for analyses: say so rather than drop them.
                usage_error(
                    "run",
                    clap::error::ErrorKind::ArgumentConflict,
                    "--with adds analyses to the JSON report only (--format json)",
                );
            }
            run(&query.to_string_lossy(), format, &with, &mut out)
        }
        Command::Render(args) => match render::render(&args, &mut out) {
            Ok(()) => Ok(()),
            Err(render::Failure::Write(e)) => Err(e),
            Err(render::Failure::Draw(e)) => {
                eprintln!("hashshift: cannot draw the chart: {e}");
                return ExitCode::FAILURE;
            }
            Err(render::Failure::NoUrl) => usage_error(
                "render",
                clap::error::ErrorKind::MissingRequiredArgument,
                "the image's link needs the explorer's address: --url URL, a whole explorer URL \
                 as QUERY, or HASHSHIFT_SITE_URL",
            ),
        },
        Command::Presets { format } => presets(format, &mut out),
        Command::Keys { format } => keys(format, &mut out),
        Command::Charts { format } => charts(format, &mut out),
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

/// Exits 2 with clap's usage message of subcommand `name` and `message`.
fn usage_error(name: &str, kind: clap::error::ErrorKind, message: &str) -> ! {
    let mut cli = Cli::command();
    cli.build();
    (cli.find_subcommand_mut(name))
        .expect("a subcommand")
        .error(kind, message)
        .exit()
}

fn run(
    query: &str,
    format: RunFormat,
    with: &[analysis::Kind],
    out: &mut impl Write,
) -> io::Result<()> {
    let parsed = scenario::parse(query);
    let projection = model::run(&parsed.scenario);
    let text = match format {
        RunFormat::Json => report::json(&parsed, &projection, None, with),
        RunFormat::Csv | RunFormat::Annual => {
            // Warnings go to stderr so that the table stays clean.
            let mut err = io::stderr().lock();
            for w in &parsed.warnings {
                writeln!(err, "warning: {}", plain(&w.text(Lang::En)))?;
            }
            match format {
                RunFormat::Annual => report::annual_csv(&projection.years),
                _ => report::monthly_csv(&projection.months),
            }
        }
    };
    out.write_all(text.as_bytes())
}

/// The chart registry, in tab order: what `tab=` takes, and what the browser tests and
/// benchmarks walk through.
fn charts(format: ListFormat, out: &mut impl Write) -> io::Result<()> {
    let en = |m| plain(Lang::En.t(m));
    match format {
        ListFormat::Text => {
            for c in CHARTS {
                writeln!(out, "{}\n  {}\n  {}\n", c.name, en(c.title), en(c.caption))?;
            }
            Ok(())
        }
        ListFormat::Json => {
            let list: Vec<Value> = CHARTS
                .iter()
                .map(|c| json!({ "name": c.name, "title": en(c.title), "caption": en(c.caption) }))
                .collect();
            serde_json::to_writer_pretty(&mut *out, &list)?;
            writeln!(out)
        }
    }
}

fn presets(format: ListFormat, out: &mut impl Write) -> io::Result<()> {
    let en = |m| plain(Lang::En.t(m));
    match format {
        ListFormat::Text => {
            for group in Casebook::ALL {
                writeln!(out, "# {}\n", en(group.title()))?;
                for p in PRESETS.iter().filter(|p| p.group == group) {
                    let date = p.date.map(|d| format!("  ({d})")).unwrap_or_default();
                    writeln!(out, "{}{date}\n  {}", p.id, en(p.title))?;
                    writeln!(out, "  Source: {}", en(p.note))?;
                    if let Some(link) = p.source {
                        writeln!(out, "  {link}")?;
                    }
                    writeln!(out, "  Cannot express: {}", en(p.cannot))?;
                    writeln!(out, "  {}\n", p.canonical_query())?;
                }
            }
            Ok(())
        }
        ListFormat::Json => {
            let list: Vec<Value> = PRESETS
                .iter()
                .map(|p| {
                    json!({
                        "id": p.id, "group": p.group.name(), "date": p.date,
                        "title": en(p.title), "note": en(p.note), "source": p.source,
                        "cannot": en(p.cannot), "query": p.canonical_query()
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &list)?;
            writeln!(out)
        }
    }
}

/// A key's bound as a query writes it: `2027-01` for a month, `0.5` for a number.
fn bound_text(kind: Kind, v: f64) -> String {
    match kind {
        Kind::Month => hashshift::calendar::YearMonth::from_index(v as i32).to_string(),
        _ => scenario::format_number(v),
    }
}

fn keys(format: ListFormat, out: &mut impl Write) -> io::Result<()> {
    let defaults = scenario::Scenario::default();
    match format {
        ListFormat::Text => {
            for d in KEYS {
                let unit = d
                    .unit
                    .map_or(String::new(), |u| format!(" {}", Lang::En.t(u)));
                // A choice lists its names; `cstart` follows `start` (ECONOMICS.md §1).
                let (default, range) = match d.kind {
                    Kind::Choice(choices) => (
                        defaults.value_text(d.key),
                        (choices.iter().map(|c| c.name))
                            .collect::<Vec<_>>()
                            .join(" | "),
                    ),
                    _ if d.key == Key::Cstart => (
                        "= start".to_string(),
                        format!("start … {}", bound_text(d.kind, d.max)),
                    ),
                    _ => (
                        defaults.value_text(d.key),
                        format!(
                            "{} … {}",
                            bound_text(d.kind, d.min),
                            bound_text(d.kind, d.max)
                        ),
                    ),
                };
                let label = Lang::En.t(d.label);
                writeln!(out, "{:<9} {default} [{range}]{unit}  {label}", d.name)?;
            }
            Ok(())
        }
        ListFormat::Json => {
            let list: Vec<Value> = KEYS
                .iter()
                .map(|d| {
                    let kind = match d.kind {
                        Kind::Real => json!("real"),
                        Kind::Integer => json!("integer"),
                        Kind::Month => json!("month"),
                        Kind::Toggle => json!("toggle"),
                        Kind::Choice(choices) => {
                            json!(choices.iter().map(|c| c.name).collect::<Vec<_>>())
                        }
                    };
                    // Months as a query writes them (`2027-01`), other bounds as numbers; a
                    // choice has none (its names are its kind).
                    let bound = |v: f64| match d.kind {
                        Kind::Month => json!(bound_text(d.kind, v)),
                        Kind::Choice(_) => Value::Null,
                        _ => json!(v),
                    };
                    json!({
                        "key": d.name,
                        "kind": kind,
                        "unit": d.unit.map(|u| Lang::En.t(u)),
                        "default": defaults.value_text(d.key),
                        "min": bound(d.min),
                        "max": bound(d.max),
                        "slider": [bound(d.slider.0), bound(d.slider.1)],
                        "step": d.step,
                        "label": Lang::En.t(d.label),
                        "group": Lang::En.t(d.group.title()),
                        "applies": d.applies.name(),
                        "tornado": d.tornado.map(|a: Applies| a.name().unwrap_or("both")),
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &list)?;
            writeln!(out)
        }
    }
}
