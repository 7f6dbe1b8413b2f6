//! Stories: Markdown files in `stories/` (`ID.en.md`, `ID.it.md`, compiled in), each a title
//! and steps that each show a scenario (a query and a tab) with a short text whose `{field}`s
//! are the step's own numbers. `stories/README.md` describes the format; [`parse`] reads it.
//! The view keys `story=ID&step=N` open step N ([`StoryAt`]).

use crate::charts::ChartId;
use crate::i18n::Lang;
use crate::scenario::{parse as parse_query, Scenario};

/// Every story: its id and its text in each language of [`Lang::ALL`], in that order.
const STORIES: [(&str, [&str; 2]); 2] = [
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

/// The fields a text may name that come from the Monte Carlo run (the CLI's `monte_carlo`);
/// every other `{field}` is one of its `summary`.
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
    /// Its paragraphs.
    pub text: Vec<Vec<Piece>>,
}

/// A piece of a paragraph.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    /// Words as written.
    Text(String),
    /// `{name}`: the step's value of a field of the CLI's `summary` or `monte_carlo`.
    Field(String),
    /// `[label](href)`: a link (a source).
    Link(String, String),
}

impl Step {
    /// The scenario shown and its chart.
    pub fn shown(&self) -> (Scenario, ChartId) {
        let parsed = parse_query(self.query);
        let tab = parsed.view.iter().rev().find(|(k, _)| k == "tab");
        let tab = tab.and_then(|(_, v)| ChartId::from_name(v));
        (parsed.scenario, tab.unwrap_or_default())
    }

    /// The fields its text names, in order.
    pub fn fields(&self) -> impl Iterator<Item = &str> {
        self.text.iter().flatten().filter_map(|p| match p {
            Piece::Field(name) => Some(name.as_str()),
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
    parse(id, texts[at]).ok()
}

/// The story ids, in the order listed.
pub fn ids() -> impl Iterator<Item = &'static str> {
    STORIES.iter().map(|(id, _)| *id)
}

/// Reads story `id` from its Markdown `src` (the format of `stories/README.md`): `# Title`,
/// then per step `## Heading`, `<!-- scenario: QUERY -->` and paragraphs (separated by blank
/// lines) with `{field}` and `[label](href)` in them. An error says what is wrong and where.
pub fn parse(id: &'static str, src: &'static str) -> Result<Story, String> {
    let mut lines = src.lines().map(str::trim).enumerate().peekable();
    let next_text = |lines: &mut std::iter::Peekable<_>| {
        while let Some((_, "")) = lines.peek() {
            lines.next();
        }
        lines.next()
    };
    let title = match next_text(&mut lines) {
        Some((_, l)) if l.starts_with("# ") => l[2..].trim(),
        _ => return Err("line 1: a story starts with `# Title`".into()),
    };
    let mut steps = Vec::new();
    while let Some((n, line)) = next_text(&mut lines) {
        let err = |what: &str| Err(format!("line {}: {what}", n + 1));
        let Some(heading) = line.strip_prefix("## ") else {
            return err("a step starts with `## Heading`");
        };
        let query = match next_text(&mut lines) {
            Some((_, l)) => l.strip_prefix("<!-- scenario:"),
            None => None,
        };
        let Some(query) = query.and_then(|q| q.strip_suffix("-->")) else {
            return err("the heading is followed by `<!-- scenario: QUERY -->`");
        };
        let mut text = Vec::new();
        let mut paragraph = String::new();
        while let Some(&(n, line)) = lines.peek() {
            if line.starts_with('#') || line.starts_with("<!--") {
                break;
            }
            lines.next();
            if !line.is_empty() {
                if !paragraph.is_empty() {
                    paragraph.push(' ');
                }
                paragraph.push_str(line);
            }
            let ends = lines
                .peek()
                .is_none_or(|(_, l)| l.is_empty() || l.starts_with('#'));
            if ends && !paragraph.is_empty() {
                let pieces = pieces(&paragraph).map_err(|e| format!("line {}: {e}", n + 1))?;
                text.push(pieces);
                paragraph.clear();
            }
        }
        if text.is_empty() {
            return err("a step has a paragraph");
        }
        steps.push(Step {
            heading: heading.trim(),
            query: query.trim(),
            text,
        });
    }
    if steps.is_empty() {
        return Err("a story has a step".into());
    }
    Ok(Story { id, title, steps })
}

/// The pieces of a paragraph: text, `{field}`s and `[label](href)` links.
fn pieces(mut rest: &str) -> Result<Vec<Piece>, String> {
    let mut out = Vec::new();
    while let Some(at) = rest.find(['{', '}', '[', ']']) {
        if at > 0 {
            out.push(Piece::Text(rest[..at].into()));
        }
        let from = &rest[at..];
        let (piece, used) = if let Some(field) = from.strip_prefix('{') {
            let name = field.split_once('}').map(|(n, _)| n);
            let name = name.filter(|n| {
                !n.is_empty()
                    && n.chars()
                        .all(|c| c.is_ascii_lowercase() || "_.0123456789".contains(c))
            });
            let name = name.ok_or("`{` opens no `{field}`")?;
            (Piece::Field(name.into()), name.len() + 2)
        } else if let Some(link) = from.strip_prefix('[') {
            let (label, href) = link
                .split_once("](")
                .ok_or("`[` opens no `[label](href)`")?;
            let href = href.split_once(')').map(|(h, _)| h);
            let href = href.filter(|h| !h.is_empty() && !h.contains(char::is_whitespace));
            let href = href.ok_or("a link's `(href)` is not closed")?;
            if label.is_empty() || label.contains(['[', ']']) {
                return Err("a link's `[label]` is empty or holds brackets".into());
            }
            (
                Piece::Link(label.into(), href.into()),
                label.len() + href.len() + 4,
            )
        } else {
            return Err(format!("`{}` closes nothing", &from[..1]));
        };
        out.push(piece);
        rest = &from[used..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest.into()));
    }
    Ok(out)
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
            first.text,
            [
                vec![
                    Piece::Text("Mining earns ".into()),
                    Piece::Field("npv_sell".into()),
                    Piece::Text(" ".into()),
                    Piece::Link("here".into(), "https://x.org/a".into()),
                    Piece::Text(".".into()),
                ],
                vec![Piece::Text("A second paragraph.".into())],
            ]
        );
        assert_eq!(first.shown().1, ChartId::Cash);
        assert!(!first.needs_monte_carlo() && s.steps[1].needs_monte_carlo());
        assert_eq!(s.steps[1].shown().1, ChartId::default());
    }

    #[test]
    fn a_malformed_story_says_what_and_where() {
        let bad = [
            ("no title", "line 1: a story starts with `# Title`"),
            ("# T\n", "a story has a step"),
            ("# T\ntext", "line 2: a step starts with `## Heading`"),
            (
                "# T\n## H\ntext",
                "line 2: the heading is followed by `<!-- scenario: QUERY -->`",
            ),
            (
                "# T\n## H\n<!-- scenario: v=3 -->\n",
                "line 2: a step has a paragraph",
            ),
            (
                "# T\n## H\n<!-- scenario: v=3 -->\na {b c",
                "line 4: `{` opens no `{field}`",
            ),
            (
                "# T\n## H\n<!-- scenario: v=3 -->\na {}",
                "line 4: `{` opens no `{field}`",
            ),
            (
                "# T\n## H\n<!-- scenario: v=3 -->\na } b",
                "line 4: `}` closes nothing",
            ),
            (
                "# T\n## H\n<!-- scenario: v=3 -->\n[a] b",
                "line 4: `[` opens no `[label](href)`",
            ),
            (
                "# T\n## H\n<!-- scenario: v=3 -->\n[a](b c)",
                "line 4: a link's `(href)` is not closed",
            ),
            (
                "# T\n## H\n<!-- scenario: v=3 -->\n[](b)",
                "line 4: a link's `[label]` is empty or holds brackets",
            ),
        ];
        for (src, said) in bad {
            assert_eq!(parse("t", src), Err(said.to_string()), "{src:?}");
        }
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
