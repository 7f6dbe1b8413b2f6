//! Stories: Markdown files in `stories/` (`ID.en.md`, `ID.it.md`, compiled in), each a title
//! and steps that each show a scenario (a query and a tab) with a short text whose `{field}`s
//! are the step's own numbers. `stories/README.md` describes the format; [`parse`] reads it.
//! The view keys `story=ID&step=N` open step N ([`StoryAt`]).

use crate::charts::ChartId;
use crate::i18n::Lang;
use crate::scenario::{parse as parse_query, Scenario};

/// Every story: its id and its text in each language of [`Lang::ALL`], in that order.
pub const STORIES: [(&str, [&str; 2]); 2] = [
    (
        "mining-or-ai",
        [
            include_str!("../../../stories/mining-or-ai.en.md"),
            include_str!("../../../stories/mining-or-ai.it.md"),
        ],
    ),
    (
        "contracts",
        [
            include_str!("../../../stories/contracts.en.md"),
            include_str!("../../../stories/contracts.it.md"),
        ],
    ),
];

/// The fields a text may name that come from the Monte Carlo run (the CLI's `monte_carlo`),
/// the shares of paths first, then the NPV percentiles; every other `{field}` is one of its
/// `summary`.
pub const MC_FIELDS: [&str; 7] = [
    "prob_plan_better",
    "best_convert",
    "best_mine",
    "best_sell",
    "npv_advantage_p10",
    "npv_advantage_p50",
    "npv_advantage_p90",
];

/// A story in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct Story {
    /// Its id (`story=ID`).
    pub id: &'static str,
    /// Its title.
    pub title: &'static str,
    /// Its steps, at least one.
    pub steps: Vec<Step>,
}

/// One step of a story.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// Its heading.
    pub heading: &'static str,
    /// The scenario it shows, with its `tab`, as a query (`preset=colo-lease&tab=cash`).
    pub query: &'static str,
    /// Its text: paragraphs separated by blank lines ([`Step::pieces`] reads them).
    pub text: &'static str,
}

/// A piece of a step's text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Piece {
    /// Words as written (their line breaks are spaces on a page).
    Text(&'static str),
    /// `{name}`: the step's value of a field of the CLI's `summary` or `monte_carlo`.
    Field(&'static str),
    /// `[label](href)`: a link (a source); `preset:ID` is that preset's source.
    Link(&'static str, &'static str),
    /// The end of a paragraph, where another begins.
    Break,
}

/// The pieces of a text, in order: `{field}`s, `[label](href)` links, paragraph breaks (a blank
/// line) and the text between them. The reading is lenient, to stay small: a brace or bracket
/// that opens no field or link stays text (the stories' test finds it).
#[derive(Clone, Debug)]
pub struct Pieces(&'static str);

impl Iterator for Pieces {
    type Item = Piece;

    fn next(&mut self) -> Option<Piece> {
        let rest = self.0;
        let marks = ['{', '[', '\n'];
        // A mark here: a field, a link or a paragraph break, if it opens one.
        let marked = match *rest.as_bytes().first()? {
            b'{' => rest[1..].split_once('}').map(|(f, a)| (Piece::Field(f), a)),
            b'[' => (rest[1..].split_once("]("))
                .and_then(|(label, r)| r.split_once(')').map(|(h, a)| (Piece::Link(label, h), a))),
            b'\n' => (rest[1..].trim_start_matches(' ').strip_prefix('\n'))
                .map(|a| (Piece::Break, a.trim_start())),
            _ => None,
        };
        // Otherwise text, up to the next mark.
        let (piece, after) = marked.unwrap_or_else(|| {
            let end = match rest.find(marks) {
                Some(0) => rest[1..].find(marks).map_or(rest.len(), |n| n + 1),
                Some(n) => n,
                None => rest.len(),
            };
            (Piece::Text(&rest[..end]), &rest[end..])
        });
        self.0 = after;
        Some(piece)
    }
}

impl Step {
    /// The scenario shown and its chart.
    pub fn shown(&self) -> (Scenario, ChartId) {
        let parsed = parse_query(self.query);
        let tab = parsed.view.iter().rev().find(|(k, _)| k == "tab");
        let tab = tab.and_then(|(_, v)| ChartId::from_name(v));
        (parsed.scenario, tab.unwrap_or_default())
    }

    /// The pieces of its text.
    pub fn pieces(&self) -> Pieces {
        Pieces(self.text)
    }

    /// The fields its text names, in order.
    pub fn fields(&self) -> impl Iterator<Item = &'static str> {
        self.pieces().filter_map(|p| match p {
            Piece::Field(name) => Some(name),
            _ => None,
        })
    }

    /// Whether its text names a number of the Monte Carlo run.
    pub fn needs_monte_carlo(&self) -> bool {
        self.fields().any(|f| MC_FIELDS.contains(&f))
    }
}

/// Story `id` in `lang`, if there is one (and its file reads: a test keeps them all readable).
pub fn story(id: &str, lang: Lang) -> Option<Story> {
    let (id, texts) = STORIES.iter().find(|(i, _)| *i == id)?;
    let at = Lang::ALL.iter().position(|&l| l == lang)?;
    parse(id, texts[at])
}

/// The story ids, in the order listed.
pub fn ids() -> impl Iterator<Item = &'static str> {
    STORIES.iter().map(|(id, _)| *id)
}

/// Reads story `id` from its Markdown `src` (the format of `stories/README.md`): `# Title`,
/// then per step `## Heading`, `<!-- scenario: QUERY -->` and its text. `None` without a
/// title or a step, or with a step without its scenario.
pub fn parse(id: &'static str, src: &'static str) -> Option<Story> {
    let mut parts = src.split("\n## ");
    let title = parts.next()?.trim().strip_prefix("# ")?;
    let mut steps = Vec::new();
    for part in parts {
        let (heading, rest) = part.split_once('\n')?;
        let (query, text) = rest.split_once("-->")?;
        steps.push(Step {
            heading: heading.trim(),
            query: query.trim().strip_prefix("<!-- scenario:")?.trim(),
            text: text.trim(),
        });
    }
    (!steps.is_empty()).then_some(Story { id, title, steps })
}

/// A story open at a step (`story=ID&step=N`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StoryAt {
    /// The story's id.
    pub id: &'static str,
    /// The step, 1-based.
    pub step: usize,
}

impl StoryAt {
    /// Its story in `lang`.
    pub fn story(self, lang: Lang) -> Option<Story> {
        story(self.id, lang)
    }

    /// Its step in `lang`.
    pub fn current(self, lang: Lang) -> Option<Step> {
        self.story(lang)?
            .steps
            .into_iter()
            .nth(self.step.checked_sub(1)?)
    }

    /// The step `by` steps away (−1: the previous), if the story has it.
    pub fn moved(self, by: isize) -> Option<StoryAt> {
        let step = self.step.checked_add_signed(by).filter(|&s| s >= 1)?;
        let steps = story(self.id, Lang::default())?.steps.len();
        (step <= steps).then_some(StoryAt { step, ..self })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "# A title\n\n## First\n<!-- scenario: conv=0&tab=cash -->\nMining earns\n{npv_sell} [here](https://x.org/a).\n\nA second paragraph.\n\n## Second\n<!-- scenario: preset=colo-lease -->\nOdds: {prob_plan_better}.\n";

    #[test]
    fn a_story_reads_as_title_steps_and_pieces() {
        let s = parse("t", GOOD).unwrap();
        assert_eq!((s.title, s.steps.len()), ("A title", 2));
        let first = &s.steps[0];
        assert_eq!((first.heading, first.query), ("First", "conv=0&tab=cash"));
        assert_eq!(
            first.pieces().collect::<Vec<_>>(),
            [
                Piece::Text("Mining earns"),
                Piece::Text("\n"),
                Piece::Field("npv_sell"),
                Piece::Text(" "),
                Piece::Link("here", "https://x.org/a"),
                Piece::Text("."),
                Piece::Break,
                Piece::Text("A second paragraph."),
            ]
        );
        assert_eq!(first.shown().1, ChartId::Cash);
        assert!(!first.needs_monte_carlo() && s.steps[1].needs_monte_carlo());
        assert_eq!(s.steps[1].shown().1, ChartId::default());
    }

    #[test]
    fn what_is_no_field_or_link_stays_text() {
        let text = |src| Pieces(src).collect::<Vec<_>>();
        assert_eq!(text("a {b c"), [Piece::Text("a "), Piece::Text("{b c")]);
        assert_eq!(text("[a] b"), [Piece::Text("[a] b")]);
        assert_eq!(text("x {f}"), [Piece::Text("x "), Piece::Field("f")]);
        assert_eq!(
            text("{f}[l](h)"),
            [Piece::Field("f"), Piece::Link("l", "h")]
        );
        let paragraphs = [Piece::Text("a"), Piece::Break, Piece::Text("b «c»")];
        assert_eq!(text("a\n \n\nb «c»"), paragraphs);
        // No title, or a step without its scenario: no story.
        assert_eq!(parse("t", "no title"), None);
        assert_eq!(parse("t", "# T\n## H\ntext"), None);
        assert_eq!(parse("t", "# T\n"), None);
    }

    #[test]
    fn steps_move_within_the_story() {
        let at = StoryAt {
            id: "contracts",
            step: 1,
        };
        let steps = story("contracts", Lang::En).unwrap().steps.len();
        assert_eq!(at.moved(-1), None);
        assert_eq!(at.moved(1), Some(StoryAt { step: 2, ..at }));
        let last = StoryAt { step: steps, ..at };
        assert_eq!(last.moved(1), None);
        assert!(last.current(Lang::It).is_some());
        assert_eq!(
            StoryAt {
                step: steps + 1,
                ..at
            }
            .current(Lang::En),
            None
        );
    }
}
