//! `hashshift render QUERY [--chart NAME] [--lang L] [--theme T] [--width PX] [--url URL]
//! [-o FILE]`: a chart of a scenario as an SVG document, with its title, legend, scenario link,
//! snapshot date and source: the bytes the page's `export-svg` downloads for the same scenario,
//! chart, language and theme (and width: the page's is [`IMAGE_SIZE`]).
//!
//! The image is the page's ([`export::svg`]) for the state the page at `URL` shows for QUERY
//! with these view keys. With `--story ID` it writes one image per step, `PREFIX-N.svg`
//! (`-o PREFIX`, default the story's id), each the page's image of the state its step's URL
//! (`story=ID&step=N`) shows, and lists the files it wrote.

use clap::builder::{PossibleValuesParser, TypedValueParser};
use hashshift::charts::{ChartId, CHARTS};
use hashshift::explorer::core::{story, Theme};
use hashshift::explorer::view::export::{self, IMAGE_SIZE, SVG_WIDTHS};
use hashshift::explorer::State;
use hashshift::i18n::{plain, Lang, Voice};
use std::io::{self, Write};
use std::path::PathBuf;

/// The options of `render`.
#[derive(clap::Args)]
pub struct Render {
    /// Query string, `?query` or whole explorer URL (empty: the defaults); view keys in it
    /// (`tab`, `lang`, `theme`, `cmp`) count, unless an option below says otherwise.
    #[arg(default_value = "")]
    query: std::ffi::OsString,
    /// The chart, as `tab=` names it (`hashshift charts` lists them); default: the query's
    /// `tab`, or the first chart.
    #[arg(long, value_name = "NAME", value_parser = names(CHARTS.iter().map(|c| c.name))
        .map(|n| ChartId::from_name(&n).unwrap_or_default()))]
    chart: Option<ChartId>,
    /// The image's language; default: the query's `lang`, or English.
    #[arg(long, value_parser = names(Lang::ALL.map(Lang::code))
        .map(|c| Lang::from_code(&c).unwrap_or_default()))]
    lang: Option<Lang>,
    /// The page's theme, which the image's link carries (images are light, as the page's
    /// exports are); default: the query's `theme`.
    #[arg(long, value_parser = names(Theme::ALL.map(Theme::name))
        .map(|t| Theme::ALL.into_iter().find(|x| x.name() == t).unwrap_or_default()))]
    theme: Option<Theme>,
    /// Width in CSS px (the height is 3/5 of it); the page's export is 1000 px wide.
    #[arg(long, default_value_t = IMAGE_SIZE.0,
        value_parser = clap::value_parser!(u32)
            .range(i64::from(*SVG_WIDTHS.start())..=i64::from(*SVG_WIDTHS.end())))]
    width: u32,
    /// The explorer's address, which the image's scenario link and source line name
    /// (`https://example.org/tools/hashshift/`); default: QUERY's own when it is a whole URL,
    /// else $HASHSHIFT_SITE_URL (the address the site is built for).
    #[arg(long)]
    url: Option<String>,
    /// The file to write; default (or `-`): standard output. With `--story`, the files'
    /// prefix: `PREFIX-1.svg`, `PREFIX-2.svg`, … (default: the story's id).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// A story (`stories/ID.LANG.md`): one image per step, of its scenario and chart (QUERY's
    /// view keys and the options above still count; its model keys are the steps').
    #[arg(long, value_name = "ID", value_parser = names(story::ids()))]
    story: Option<String>,
}

/// A parser of one of `names`.
fn names(names: impl IntoIterator<Item = &'static str>) -> PossibleValuesParser {
    PossibleValuesParser::new(names)
}

/// The address of the explorer an image links to, without query or fragment: `url`, else
/// `query`'s own when it is a whole URL, else `site` (`$HASHSHIFT_SITE_URL`, which names a
/// folder: a final `/` is added as the site's build adds it); `None` when none is known.
pub fn page_url(url: Option<&str>, query: &str, site: Option<&str>) -> Option<String> {
    let address = |s: &str| s.trim().split(['?', '#']).next().unwrap_or("").to_string();
    let query = query.trim();
    let whole = (query.contains("://")).then(|| address(query));
    let site = site
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| format!("{}/", address(s).trim_end_matches('/')));
    url.map(address).or(whole).or(site)
}

/// The state the full explorer at `page_url` shows for `query`, on chart `chart`, in `lang` and
/// `theme` when given (the query's view keys otherwise): what its `export-svg` draws.
pub fn state(
    page_url: &str,
    query: &str,
    chart: Option<ChartId>,
    lang: Option<Lang>,
    theme: Option<Theme>,
) -> State {
    let mut state = State::load(page_url, query);
    let view = &mut state.view;
    view.tab = chart.unwrap_or(view.tab);
    view.lang = lang.unwrap_or(view.lang);
    view.theme = theme.unwrap_or(view.theme);
    // The full explorer's image: an embed's keys would send the link to the compact page.
    view.embed = false;
    view.controls = None;
    state
}

/// What `render` failed at.
pub enum Failure {
    /// No explorer address is known for the image's link.
    NoUrl,
    /// The chart could not be drawn.
    Draw(String),
    /// The image could not be written.
    Write(io::Error),
}

/// Renders the image `args` asks for into its file or `out`, the query's warnings (in English)
/// on standard error.
pub fn render(args: &Render, out: &mut impl Write) -> Result<(), Failure> {
    let query = args.query.to_string_lossy();
    let site = std::env::var("HASHSHIFT_SITE_URL").ok();
    let page_url = page_url(args.url.as_deref(), &query, site.as_deref()).ok_or(Failure::NoUrl)?;
    if let Some(id) = &args.story {
        return render_story(args, &page_url, &query, id, out);
    }
    let svg = image(args, &page_url, &query)?;
    match &args.output {
        Some(path) if path.as_os_str() != "-" => std::fs::write(path, svg),
        _ => out.write_all(svg.as_bytes()),
    }
    .map_err(Failure::Write)
}

/// The image of what the page at `page_url` shows for `query` with `args`' options, its
/// warnings (in English) on standard error.
fn image(args: &Render, page_url: &str, query: &str) -> Result<String, Failure> {
    let state = state(page_url, query, args.chart, args.lang, args.theme);
    let mut err = io::stderr().lock();
    for w in state.warnings.iter() {
        writeln!(err, "warning: {}", plain(&w.said(Voice::plain(Lang::En))))
            .map_err(Failure::Write)?;
    }
    export::svg(&state, args.width).map_err(Failure::Draw)
}

/// Writes one image per step of story `id` (a known id: clap checked it), `PREFIX-N.svg`,
/// and lists them on `out`.
fn render_story(
    args: &Render,
    page_url: &str,
    query: &str,
    id: &str,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let probe = state(page_url, query, None, args.lang, None);
    let steps = story::story(id, probe.view.lang).map_or(0, |s| s.steps.len());
    let prefix = args.output.clone().unwrap_or_else(|| PathBuf::from(id));
    for n in 1..=steps {
        let svg = image(args, page_url, &step_query(query, id, n))?;
        let mut name = prefix.clone().into_os_string();
        name.push(format!("-{n}.svg"));
        std::fs::write(&name, svg).map_err(Failure::Write)?;
        writeln!(out, "{}", PathBuf::from(name).display()).map_err(Failure::Write)?;
    }
    Ok(())
}

/// `query` (its `?` and any `story`/`step` dropped) with story `id`'s step `n`.
pub fn step_query(query: &str, id: &str, n: usize) -> String {
    let query = query.split_once('?').map_or(query, |(_, q)| q);
    let kept = query
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("story=") && !p.starts_with("step="));
    kept.chain([format!("story={id}&step={n}").as_str()])
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_link_goes_to_the_address_given_the_urls_own_or_the_sites() {
        let site = Some("https://example.org/h");
        let url = |u, q, s| page_url(u, q, s);
        assert_eq!(
            url(
                Some("https://a.org/x/?mw=3#top"),
                "https://b.org/y/?mw=2",
                site
            ),
            Some("https://a.org/x/".into())
        );
        assert_eq!(
            url(None, "https://b.org/y/index.html?mw=2", site),
            Some("https://b.org/y/index.html".into())
        );
        assert_eq!(
            url(None, "mw=2", site),
            Some("https://example.org/h/".into())
        );
        assert_eq!(url(None, "?mw=2", Some(" ")), None);
        assert_eq!(url(None, "", None), None);
    }

    #[test]
    fn a_story_step_keeps_the_querys_other_keys_and_shows_the_steps_scenario() {
        assert_eq!(
            step_query("lang=it&story=x&step=9", "contracts", 2),
            "lang=it&story=contracts&step=2"
        );
        assert_eq!(
            step_query("https://a.org/?theme=dark", "mining-or-ai", 1),
            "theme=dark&story=mining-or-ai&step=1"
        );
        assert_eq!(step_query("", "contracts", 3), "story=contracts&step=3");
        // The state of a step's URL is the step's scenario and chart, as the page shows it.
        let s = state(
            "https://e.org/",
            &step_query("", "contracts", 2),
            None,
            None,
            None,
        );
        let step = story::story("contracts", Lang::En).unwrap().steps[1].clone();
        assert_eq!((s.scenario, s.view.tab), step.shown());
    }

    #[test]
    fn options_override_the_querys_view_keys_and_an_embed_is_the_full_page() {
        let q = "mw=18&tab=cash&lang=it&theme=dark&embed=1&controls=btc";
        let s = state("https://example.org/h/", q, None, None, None);
        assert_eq!((s.view.tab, s.view.lang), (ChartId::Cash, Lang::It));
        assert_eq!(s.view.theme, Theme::Dark);
        assert!(!s.view.embed && s.view.controls.is_none());
        let s = state(
            "https://example.org/h/",
            q,
            Some(ChartId::Fan),
            Some(Lang::En),
            Some(Theme::Light),
        );
        assert_eq!(
            s.link(hashshift::explorer::CopyWhat::Link),
            "https://example.org/h/?v=3&mw=18&tab=fan&theme=light"
        );
    }
}
