//! What the page downloads: the CLI's three report formats for the page's canonical query (the
//! same bytes as `hashshift run QUERY --format json|csv|annual`), and the current chart as an
//! image with its title, the scenario's link, the market snapshot's date and the source. File
//! names say what they hold and for which scenario. The SVG is `hashshift render`'s too.

mod metrics;

use super::page;
use crate::analysis::{Kind, MonteCarlo};
use crate::charts::recorder::{Context2d, Recorder, TextMemory};
use crate::charts::{self, ChartId, Frame, Input, Style};
use crate::explorer::core::{CopyWhat, Export, State};
use crate::i18n::Msg;
use crate::model::Projection;
use crate::report;
use crate::scenario::{canonical_query, Key, Parsed};
use plotters::prelude::{DrawingArea, DrawingBackend, IntoDrawingArea};

/// The size of an exported chart, CSS px: wide enough for a slide.
pub const IMAGE_SIZE: (u32, u32) = (1000, 600);

/// The widths `hashshift render --width` takes, CSS px: a phone's column to a poster's.
pub const SVG_WIDTHS: std::ops::RangeInclusive<u32> = 320..=4000;

/// The file name of download `export` for the state: `hashshift-{what}-{scenario}.{extension}`.
pub fn filename(state: &State, export: Export) -> String {
    let (what, extension) = match export {
        Export::Csv => ("monthly", "csv"),
        Export::Annual => ("yearly", "csv"),
        Export::Json => ("report", "json"),
        Export::Png => (state.view.tab.name(), "png"),
        Export::Svg => (state.view.tab.name(), "svg"),
    };
    format!("hashshift-{what}-{}.{extension}", slug(state))
}

/// The 32-bit FNV-1a hash of `bytes`: a tag that names the same scenario alike in every build
/// (std's `DefaultHasher` may change between Rust releases).
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// A short name of the scenario for file names: its preset, `defaults`, or the keys that differ
/// (`mw18_power40`, at most three, then how many more and a tag of the whole scenario, so that
/// two scenarios whose first three changes match are two files).
pub fn slug(state: &State) -> String {
    if let Some(p) = state.preset() {
        return p.id.to_string();
    }
    let s = &state.scenario;
    let changed: Vec<String> = Key::all()
        .filter(|&k| s.get(k) != s.default_of(k))
        .map(|k| {
            let value: String = s
                .value_text(k)
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '.' {
                        c
                    } else {
                        '-'
                    }
                })
                .collect();
            format!("{}{value}", k.name())
        })
        .collect();
    match changed.len() {
        0 => "defaults".into(),
        1..=3 => changed.join("_"),
        n => {
            let tag = fnv1a(canonical_query(s).as_bytes());
            format!("{}_and-{}-more-{tag:08x}", changed[..3].join("_"), n - 3)
        }
    }
}

/// A report download: the file's name, MIME type and text.
#[derive(Clone, Debug, PartialEq)]
pub struct File {
    /// The file's name ([`filename`]).
    pub name: String,
    /// Its MIME type.
    pub mime: &'static str,
    /// Its text.
    pub contents: String,
}

/// The text of a report download (CSV or JSON) of projection `p`: exactly what the CLI prints
/// for the canonical query of its scenario. `monte_carlo` is the run already made for that
/// scenario, if any (the JSON report makes one otherwise). `None` for images.
pub fn report(p: &Projection, monte_carlo: Option<&MonteCarlo>, export: Export) -> Option<String> {
    match export {
        Export::Csv => Some(report::monthly_csv(&p.months)),
        Export::Annual => Some(report::annual_csv(&p.years)),
        Export::Json => {
            // The canonical query parses back to the scenario with no warning.
            let parsed = Parsed {
                scenario: p.scenario,
                warnings: Vec::new(),
                view: Vec::new(),
            };
            Some(report::json(&parsed, p, monte_carlo, &[]))
        }
        Export::Png | Export::Svg => None,
    }
}

/// The file of report download `export` for the state; `None` for images ([`draw_image`]).
/// The worker's Monte Carlo run, which the JSON report waits for ([`State::export_waits`]), is
/// the one the CLI would make; once the worker has failed, the report makes that run itself.
pub fn file(state: &State, export: Export) -> Option<File> {
    Some(File {
        name: filename(state, export),
        mime: export.mime(),
        contents: report(state.projection(), state.current_monte_carlo(), export)?,
    })
}

/// The frame of the current chart's image: title, link, source and snapshot.
pub fn frame(state: &State) -> Frame {
    let lang = state.view.lang;
    let link = state.link(CopyWhat::Link);
    let def = state.view.tab.def();
    Frame {
        title: lang.t(def.title).to_string(),
        caption: lang.t(def.caption).to_string(),
        subtitle: lang.fill(Msg::ScenarioLink, &[("link", &link)]),
        // The image is always light (see `draw_image`), and so is its legend.
        legend: page::legend(state, state.view.tab, &charts::palette::LIGHT),
        footer: vec![
            lang.fill(
                Msg::ExportSource,
                &[
                    ("link", &state.page_url),
                    ("cli", &super::explain::cli(&state.scenario)),
                ],
            ),
            page::snapshot_dated(Msg::ExportSnapshot, lang),
        ],
    }
}

/// Draws the current chart framed for export on `area`, at `scale` device px per CSS px.
pub fn draw_image<DB: DrawingBackend>(
    state: &State,
    area: &DrawingArea<DB, plotters::coord::Shift>,
    scale: f64,
) -> Result<(), charts::Error> {
    let id: ChartId = state.view.tab;
    // Only the run of this very scenario: the image carries its link. The download waits for
    // the worker's run ([`State::export_waits`]); once the worker has failed, the image makes
    // the run here, as the JSON report does (the same numbers), and the scenario's analyses
    // keep it for the next image.
    let monte_carlo = match state.current_monte_carlo() {
        None if id.needs(Kind::MonteCarlo) => state.results.monte_carlo(),
        run => run,
    };
    let mut input = Input::of(id, &state.results, monte_carlo);
    input.compare = state.compare.as_deref().map(|c| c.projection());
    // Always the light theme: the picture goes to slides and print.
    let style = Style {
        scale,
        compact: false,
        lang: state.view.lang,
        colors: &charts::palette::LIGHT,
    };
    charts::draw_framed(id, area, &input, &style, &frame(state))
}

/// The current chart framed for export ([`draw_image`]) as an SVG document `width` CSS px wide
/// (clamped to [`SVG_WIDTHS`]) and as tall as [`IMAGE_SIZE`]'s proportions make it: the page's
/// `export-svg` (1,000 px) and `hashshift render`. Its text is measured with fixed widths
/// ([`metrics`]), so the same state gives the same bytes in any browser and natively.
pub fn svg(state: &State, width: u32) -> Result<String, charts::Error> {
    let width = width.clamp(*SVG_WIDTHS.start(), *SVG_WIDTHS.end());
    // 1,000 × 600 → 3/5 of the width, rounded down: 4,000 px → 2,400.
    let height = width * IMAGE_SIZE.1 / IMAGE_SIZE.0;
    let (mut out, mut font, mut memory) = (String::new(), String::new(), TextMemory::default());
    let measure = metrics::Metrics::default();
    {
        let context: &dyn Context2d = &measure;
        let area = Recorder::svg(context, &mut font, &mut memory, &mut out, (width, height))
            .into_drawing_area();
        draw_image(state, &area, 1.0)?;
        area.present().map_err(|e| format!("{e:?}"))?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(q: &str) -> State {
        State::load("https://example.org/h/", q)
    }

    #[test]
    fn file_names_say_what_and_which_scenario() {
        assert_eq!(
            filename(&load(""), Export::Csv),
            "hashshift-monthly-defaults.csv"
        );
        assert_eq!(
            filename(&load("preset=bitfarms-wa&tab=cash"), Export::Png),
            "hashshift-cash-bitfarms-wa.png"
        );
        assert_eq!(
            filename(&load("mw=18&power=40"), Export::Json),
            "hashshift-report-mw18_power40.json"
        );
        // FNV-1a's published test vectors, then a tag of the canonical query.
        assert_eq!(
            (fnv1a(b""), fnv1a(b"a"), fnv1a(b"foobar")),
            (0x811c9dc5, 0xe40c292c, 0xbf9cf968)
        );
        let many = filename(
            &load("start=2027-03&mw=18&power=40&gpu=3&ai=colo"),
            Export::Annual,
        );
        let tag = fnv1a(b"v=3&start=2027-03&mw=18&power=40&ai=colo&gpu=3");
        assert_eq!(
            many,
            format!("hashshift-yearly-start2027-03_mw18_power40_and-2-more-{tag:08x}.csv")
        );
        // Scenarios whose first three changes match are named apart, each always alike.
        let other = filename(
            &load("start=2027-03&mw=18&power=40&gpu=4&ai=colo"),
            Export::Annual,
        );
        assert_ne!(many, other);
        assert_eq!(
            many,
            filename(
                &load("ai=colo&gpu=3&power=40&mw=18&start=2027-03"),
                Export::Annual
            )
        );
    }

    #[test]
    fn reports_are_the_clis_bytes_for_the_canonical_query() {
        let state = load("mw=18&power=40&tab=cash&lang=it");
        let q = canonical_query(&state.scenario);
        let contents = |export| file(&state, export).map(|f| f.contents);
        assert_eq!(contents(Export::Json).unwrap(), report::json_of(&q, &[]));
        let p = crate::model::run(&state.scenario);
        assert_eq!(
            contents(Export::Csv).unwrap(),
            report::monthly_csv(&p.months)
        );
        assert_eq!(contents(Export::Png), None);
    }

    /// The exported SVG of `state`'s chart, as the page downloads it.
    fn svg_of(state: &State) -> String {
        svg(state, IMAGE_SIZE.0).unwrap()
    }

    #[test]
    fn an_image_draws_the_monte_carlo_run_of_its_own_scenario_even_before_the_worker_ends() {
        use crate::explorer::{update, Action, McResult};
        let done = |s: &State| {
            Action::MonteCarloDone(Box::new(McResult {
                scenario: s.scenario,
                result: std::rc::Rc::new(crate::analysis::monte_carlo(s.projection()).unwrap()),
            }))
        };
        let mut moved = load("mc=200&tab=fan");
        crate::explorer::start(&mut moved);
        let run = done(&moved);
        update(&mut moved, run);
        update(&mut moved, Action::Set(Key::Power, 40.0));
        // The page keeps the earlier fan on screen while the new run goes on; the image,
        // which carries this scenario's link, draws this scenario's run, made for it.
        assert!(crate::explorer::view::page::chart_monte_carlo(&moved).is_some());
        assert!(moved.current_monte_carlo().is_none());
        let mut fresh = load("mc=200&power=40&tab=fan");
        crate::explorer::start(&mut fresh);
        let run = done(&fresh);
        update(&mut fresh, run);
        assert_eq!(svg_of(&moved), svg_of(&fresh));
        let simulating = crate::i18n::Lang::En.t(Msg::McRunningChart);
        assert!(
            !svg_of(&moved).contains(simulating),
            "no placeholder in the image"
        );
    }

    #[test]
    fn an_svg_carries_title_link_snapshot_and_source() {
        let svg = svg_of(&load("mw=18&tab=cash"));
        assert!(svg.starts_with("<svg"), "{}", &svg[..80]);
        assert!(svg.lines().any(|l| l.trim() == "Cash"), "the title");
        for text in [
            "Cumulative cash flow after power",
            "This scenario: https://example.org/h/?v=3&amp;mw=18&amp;tab=cash",
            // The CLI command that reproduces its numbers, in the source line.
            "Source: HashShift, https://example.org/h/ · hashshift run &apos;v=3&amp;mw=18&apos; --format json",
            "market snapshot of 26 Jun 2026",
        ] {
            assert!(svg.contains(text), "{text}");
        }
    }

    #[test]
    fn a_long_link_wraps_inside_the_image_whole() {
        let state = load(
            "mw=18&btc=80000&conv=70&power=38.5&capex=12.5&gpu=3.25&util=85&hrg=12&fee=0.03\
             &jth=17.5&years=15&mpue=1.05&uptime=97&gpudecl=15&airate=9.5&caprate=7&hdrop=15\
             &pool=2&mopex=3&lang=it&tab=sensitivity",
        );
        let link = state.link(CopyWhat::Link);
        let svg = svg_of(&state);
        // The texts drawn, in order.
        let texts: Vec<String> = svg
            .lines()
            .map(str::trim)
            .filter(|l| !l.starts_with('<'))
            .map(|l| l.replace("&amp;", "&"))
            .collect();
        let first = texts
            .iter()
            .position(|t| t.starts_with("Questo scenario: "))
            .unwrap();
        let mut joined = String::new();
        let mut lines = 0;
        for t in &texts[first..] {
            if joined.len() >= "Questo scenario: ".len() + link.len() {
                break;
            }
            joined.push_str(t);
            lines += 1;
            // 12 px sans-serif is wider than 5 px a character: a line of the 1000 px image
            // (12 px margins) holds fewer than 976 / 5 characters.
            assert!(t.chars().count() < 976 / 5, "{t}");
        }
        assert!(lines >= 2, "{lines} lines: {joined}");
        assert_eq!(joined, format!("Questo scenario: {link}"));
    }

    #[test]
    fn an_image_carries_its_charts_legend_in_the_images_colours() {
        // The sensitivity chart: without its legend, its two colours of bar cannot be told
        // apart. The image is light even from a dark page.
        let svg = svg_of(&load("tab=sensitivity&theme=dark&lang=it"));
        let has = |svg: &str, text: &str| svg.lines().any(|l| l.trim() == text);
        for text in ["Dato −20\u{a0}%", "Dato +20\u{a0}%", "Scenario"] {
            assert!(has(&svg, text), "{text}");
        }
        let light = &charts::palette::LIGHT;
        for color in [light.mining, light.ai] {
            // The swatch, 18 px wide, as opaque as the bars.
            let swatch = format!(
                "width=\"18\" height=\"10\" opacity=\"0.85\" fill=\"{}\"",
                charts::palette::css(color)
            );
            assert!(svg.to_lowercase().contains(&swatch), "{swatch}");
        }
        // A pinned scenario's line is named too.
        let svg = svg_of(&load("tab=cash&cmp=v%3D3%26mw%3D50"));
        assert!(has(&svg, "Pinned scenario (A)"));
        // The legend sits between the chart and the source.
        let at = |t: &str| svg.find(t).unwrap();
        assert!(at("Keep mining\n") < at("Source: HashShift"));
    }
}
