//! The headline numbers as cards: the raw value (as the CLI prints it), text for people, and a
//! sentence saying what the number means or why it is missing.

use crate::i18n::{Article, Fmt, KeyText, Lang, Msg};
use crate::model::{Choice, Projection};
use crate::scenario::{AiModel, Key, TerminalValue};

/// An `f64` exactly as the CLI's JSON prints it (shortest round-trip: `0.0`, `0.12`,
/// `1e+21`): the `data-value` of KPI cards and Monte Carlo numbers.
pub fn data_value(v: f64) -> String {
    serde_json::to_string(&v).unwrap_or_default()
}

/// One KPI card.
#[derive(Clone, Debug, PartialEq)]
pub struct Kpi {
    /// The `data-kpi` name, as in the CLI's `summary`.
    pub id: &'static str,
    /// Card title.
    pub title: &'static str,
    /// Title for small cards (embeds).
    pub short_title: &'static str,
    /// The raw value exactly as the CLI's JSON prints it; empty when null.
    pub data_value: String,
    /// The value formatted for people (`−$590 M`, `6.5 %/yr`, `Apr 2028`), or a word when null.
    pub text: String,
    /// A detail beside the value (the month of the peak funding).
    pub detail: Option<String>,
    /// One sentence saying what the number means, or why it is missing.
    pub meaning: String,
    /// Whether the number favours converting (`Some(true)`), mining, or neither.
    pub favours_plan: Option<bool>,
    /// Whether an embed's short row of cards shows it.
    pub in_embed: bool,
    /// Whether it is a headline card (with its sentence shown in full) or a secondary one.
    pub primary: bool,
    /// The pinned scenario's value, when one is pinned.
    pub compare: Option<Compared>,
    /// For a price, the text that puts its unit on a value (`{v}/MWh`) and its decimals: its
    /// change since A is said the same way, and is not said when A's was in another unit.
    pub per: Option<(Msg, usize)>,
    /// The choices side by side: their NPVs on the best-choice card, the shares of paths on
    /// which each is best on the odds card; empty on the others.
    pub choices: Vec<ChoiceValue>,
    /// What the list of choices is, where the card names it: a short lead shown before it
    /// (`Best:`) and the list's accessible name.
    pub choices_lead: Option<(&'static str, &'static str)>,
    /// Where the card stands while it waits for a Monte Carlo run (the odds card's
    /// `data-state`); `None` for the model's cards, which are always current.
    pub run: Option<RunState>,
}

/// Where a card made of a Monte Carlo run stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunState {
    /// The run of the inputs shown is asked for or under way: the card shows no number.
    Running,
    /// The numbers are the inputs shown.
    Current,
    /// The worker could not load: no numbers will come.
    Failed,
}

impl RunState {
    /// Its name in `data-state`, as the Monte Carlo line's.
    pub fn name(self) -> &'static str {
        match self {
            RunState::Running => "running",
            RunState::Current => "current",
            RunState::Failed => "failed",
        }
    }
}

/// One choice's number, as a card lists the choices side by side.
#[derive(Clone, Debug, PartialEq)]
pub struct ChoiceValue {
    /// The choice as the CLI prints it (`convert`, `mine`, `sell`): `data-choice`.
    pub choice: &'static str,
    /// Its name for people (`Sell now`).
    pub label: &'static str,
    /// Its number exactly as the CLI prints it (`npv` of the plan or the baseline, `npv_sell`;
    /// `best_convert`, `best_mine`, `best_sell`): `data-value`.
    pub data_value: String,
    /// Its number for people (`$92.7 M`, `41 %`).
    pub text: String,
    /// Whether it is the best choice (the most paths' best, on the odds card).
    pub best: bool,
}

impl Kpi {
    /// The card of a price whose text puts its unit on a value with `per` (`{v}/MWh`), with
    /// `digits` decimals.
    fn priced(self, per: Msg, digits: usize) -> Kpi {
        Kpi {
            per: Some((per, digits)),
            ..self
        }
    }
}

/// A card's value in the pinned scenario A.
#[derive(Clone, Debug, PartialEq)]
pub struct Compared {
    /// A's raw value, as the CLI prints it (empty when null): `data-compare-value`.
    pub data_value: String,
    /// `A: −$590 M`: A's value.
    pub value: String,
    /// `+$120 M`: the change since A, when there is one to say.
    pub change: Option<String>,
}

/// The cards, each showing one field of the CLI's summary (the odds card, of its
/// `monte_carlo`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Card {
    Npv,
    Terminal,
    Irr,
    Payback,
    PeakFunding,
    BreakevenBtc,
    BreakevenAi,
    Halving,
    Dark,
    MiningPower,
    BestChoice,
    Sell,
    EquityIrr,
    PeakEquity,
    MinDscr,
    Odds,
}

impl Card {
    /// Every card, in display order.
    pub(super) const ALL: [Card; 16] = [
        Card::Npv,
        Card::Terminal,
        Card::Irr,
        Card::Payback,
        Card::PeakFunding,
        Card::BestChoice,
        Card::Odds,
        Card::Sell,
        Card::EquityIrr,
        Card::PeakEquity,
        Card::MinDscr,
        Card::BreakevenBtc,
        Card::BreakevenAi,
        Card::Halving,
        Card::Dark,
        Card::MiningPower,
    ];

    /// Its id (`data-kpi`): the name of the summary field it shows.
    pub(super) fn id(self) -> &'static str {
        match self {
            Card::Npv => "npv_advantage",
            Card::Terminal => "npv_advantage_terminal",
            Card::Irr => "irr_incremental",
            Card::Payback => "payback_month",
            Card::PeakFunding => "peak_funding_usd",
            Card::BreakevenBtc => "breakeven_btc_usd",
            Card::BreakevenAi => "breakeven_ai_rate",
            Card::Halving => "next_halving",
            Card::Dark => "baseline_dark_month",
            Card::MiningPower => "mining_breakeven_power",
            Card::BestChoice => "best_choice",
            Card::Sell => "npv_sell",
            Card::EquityIrr => "equity_irr",
            Card::PeakEquity => "peak_equity_usd",
            Card::MinDscr => "min_dscr",
            Card::Odds => "prob_plan_better",
        }
    }

    /// How its change since the pinned scenario reads.
    fn delta(self) -> Delta {
        match self {
            Card::Npv
            | Card::Terminal
            | Card::PeakFunding
            | Card::BreakevenBtc
            | Card::Sell
            | Card::PeakEquity => Delta::Money,
            Card::Irr | Card::EquityIrr | Card::Odds => Delta::Points,
            Card::MinDscr => Delta::Ratio,
            Card::BreakevenAi | Card::MiningPower => Delta::Price,
            Card::Payback | Card::Dark => Delta::Months,
            Card::Halving | Card::BestChoice => Delta::Nothing,
        }
    }

    /// Whether an embed shows it.
    fn in_embed(self) -> bool {
        matches!(
            self,
            Card::Npv | Card::Terminal | Card::Irr | Card::Payback | Card::BreakevenAi
        )
    }

    /// Whether it is one of the large cards of the first row.
    fn primary(self) -> bool {
        matches!(
            self,
            Card::Npv
                | Card::Terminal
                | Card::Irr
                | Card::Payback
                | Card::PeakFunding
                | Card::BestChoice
                | Card::Odds
        )
    }

    /// Its card, with the `data-value` and text of `value` (or none, and a word), saying
    /// `meaning`.
    pub(super) fn kpi(
        self,
        (title, short): (&'static str, &'static str),
        (data_value, text): (String, String),
        meaning: String,
        favours_plan: Option<bool>,
    ) -> Kpi {
        Kpi {
            id: self.id(),
            title,
            short_title: short,
            data_value,
            text,
            detail: None,
            meaning,
            favours_plan,
            in_embed: self.in_embed(),
            primary: self.primary(),
            compare: None,
            per: None,
            choices: Vec::new(),
            choices_lead: None,
            run: None,
        }
    }
}

/// How the change of a card's value since A reads.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Delta {
    /// In money.
    Money,
    /// In percentage points of a yearly rate.
    Points,
    /// In dollars, per the card's unit and with its decimals.
    Price,
    /// In months.
    Months,
    /// As a multiple (`+0.12×`), to two decimals.
    Ratio,
    /// Not shown.
    Nothing,
}

impl Delta {
    /// The change from `a` to `b` (raw values as printed), as text (a price's as `per` says
    /// it); `None` when either is null, they are equal or differ by less than the text shows,
    /// or the kind shows none.
    fn text(self, a: &str, b: &str, per: Option<(Msg, usize)>, lang: Lang) -> Option<String> {
        let f = lang.fmt();
        let signed = |d: f64, text: String| {
            if d > 0.0 {
                format!("+{text}")
            } else {
                text
            }
        };
        match self {
            Delta::Months => {
                let (a, b) = (
                    crate::calendar::YearMonth::parse(a)?,
                    crate::calendar::YearMonth::parse(b)?,
                );
                let d = a.months_until(b);
                let d = f64::from(d);
                (d != 0.0).then(|| signed(d, f.quantity(&f.number(d, 0), d, Some(Msg::UnitMonths))))
            }
            Delta::Nothing => None,
            kind => {
                let (a, b) = (a.parse::<f64>().ok()?, b.parse::<f64>().ok()?);
                let said = |d: f64| match kind {
                    Delta::Points => lang.fill(Msg::PointsValue, &[("v", &f.fixed(d * 100.0, 1))]),
                    Delta::Ratio => times(d, lang),
                    Delta::Price => match per {
                        Some((m, digits)) => lang.fill(m, &[("v", &f.price(d, digits))]),
                        None => f.price(d, 2),
                    },
                    _ => f.money(d),
                };
                // A change that rounds away (`−$0.00`, `$0.00`, `0.0 pts`) is no change.
                let d = b - a;
                let shown = said(d.abs()).chars().any(|c| ('1'..='9').contains(&c));
                shown.then(|| signed(d, said(d)))
            }
        }
    }
}

/// Adds to each card its value in the pinned scenario A (`pinned`: A's cards).
pub fn compare(cards: &mut [Kpi], pinned: &[Kpi], lang: Lang) {
    for card in cards {
        let Some(a) = pinned.iter().find(|a| a.id == card.id) else {
            continue;
        };
        let delta = Card::ALL
            .into_iter()
            .find(|c| c.id() == card.id && a.per == card.per)
            .map_or(Delta::Nothing, Card::delta);
        card.compare = Some(Compared {
            data_value: a.data_value.clone(),
            value: lang.fill(Msg::CompareValue, &[("value", &a.text)]),
            change: delta.text(&a.data_value, &card.data_value, card.per, lang),
        });
    }
}

/// What every card's sentence may need.
struct Context<'a> {
    p: &'a Projection,
    lang: Lang,
    f: Fmt,
    /// The horizon and the discount rates in words.
    terms: Terms,
    /// Whether any tranche starts building inside the horizon.
    converts: bool,
}

impl Context<'_> {
    fn t(&self, m: Msg) -> &'static str {
        self.lang.t(m)
    }

    /// `why`, unless nothing converts: then that is the reason ([`no_plan`]).
    fn unless_no_plan(&self, why: String) -> String {
        if self.converts {
            why
        } else {
            no_plan(self.p, self.lang)
        }
    }

    /// A card; `value` is the raw value and its text, or `None` with the word for null.
    fn card(
        &self,
        card: Card,
        (title, short): (Msg, Msg),
        value: Result<(String, String), Msg>,
        meaning: String,
        favours_plan: Option<bool>,
    ) -> Kpi {
        let value = value.unwrap_or_else(|word| (String::new(), self.t(word).into()));
        card.kpi((self.t(title), self.t(short)), value, meaning, favours_plan)
    }
}

/// How the cards and the summary word a scenario's horizon and discount rates.
pub(super) struct Terms {
    /// The horizon (`10 years`).
    pub horizon: String,
    /// The discount rate or rates (`12 %/yr`; `12 %/yr for mining, 9 %/yr for AI`).
    pub rates: String,
    /// The rates after `at` (Italian `a`): Italian repeats the preposition before the second
    /// rate, `all'8 %/anno per il mining e al 12 %/anno per l'IA`.
    pub rates_after_at: String,
    /// The slot and text of the article `at` takes before the (first) rate: Italian `al 12 %`,
    /// `all'8 %`; English has none.
    pub at_the_rates: (&'static str, &'static str),
}

impl Terms {
    /// The terms of `s` in `lang`.
    pub fn of(s: &crate::scenario::Scenario, lang: Lang) -> Terms {
        let f = lang.fmt();
        let years = s.int(Key::Years);
        let horizon = f.quantity(&years.to_string(), f64::from(years), Some(Msg::UnitYears));
        let (rate, airate) = (s.get(Key::Rate), s.get(Key::Airate));
        let (mining, ai) = (f.number(rate, 1), f.number(airate, 1));
        let pair = |msg| {
            lang.fill(
                msg,
                &[
                    ("mining", &mining),
                    ("ai", &ai),
                    f.article(airate, 1, Article::AtThe),
                ],
            )
        };
        let (rates, rates_after_at) = if rate == airate {
            let single = lang.fill(Msg::RateSingle, &[("rate", &mining)]);
            (single.clone(), single)
        } else {
            (pair(Msg::RatePair), pair(Msg::RatePairAt))
        };
        Terms {
            horizon,
            rates,
            rates_after_at,
            at_the_rates: f.article(rate, 1, Article::AtThe),
        }
    }
}

/// Why a card of `p` has nothing to compare when nothing converts within its horizon: no
/// conversion planned, or one that starts after the horizon.
pub(super) fn no_plan(p: &Projection, lang: Lang) -> String {
    if p.scenario.get(Key::Conv) > 0.0 {
        let horizon = Terms::of(&p.scenario, lang).horizon;
        lang.fill(Msg::NoPlanWithin, &[("horizon", &horizon)])
    } else {
        lang.t(Msg::NoPlan).to_string()
    }
}

/// The KPI cards of a projection, in display order, in `lang`: the equity's three only when
/// the plan borrows ([`Projection::borrows`]).
pub fn cards(p: &Projection, lang: Lang) -> Vec<Kpi> {
    every_card(p, lang, p.borrows())
}

/// A pinned scenario's cards, to [`compare`] with: the equity's three always, since a scenario
/// without debt has them too (its equity's return and need are the project's, ECONOMICS.md
/// §8b), so that a plan with debt shows what borrowing changed.
pub fn pinned_cards(p: &Projection, lang: Lang) -> Vec<Kpi> {
    every_card(p, lang, true)
}

/// The cards in display order, the equity's with them or not.
fn every_card(p: &Projection, lang: Lang, equity: bool) -> Vec<Kpi> {
    let s = &p.scenario;
    let f = lang.fmt();
    let c = Context {
        p,
        lang,
        f,
        terms: Terms::of(s, lang),
        converts: p.converts(),
    };
    let mut cards = vec![
        npv(&c),
        terminal(&c),
        irr(&c),
        payback(&c),
        peak_funding(&c),
        best_choice(&c),
        sell(&c),
    ];
    if equity {
        cards.extend([equity_irr(&c), peak_equity(&c), min_dscr(&c)]);
    }
    cards.extend([
        breakeven_btc(&c),
        breakeven_ai(&c),
        next_halving(&c),
        baseline_dark(&c),
        mining_breakeven_power(&c),
    ]);
    cards
}

/// A multiple, to two decimals: `1.42×`, `0,87×`.
pub(super) fn times(v: f64, lang: Lang) -> String {
    lang.fill(Msg::TimesValue, &[("v", &lang.fmt().fixed(v, 2))])
}

/// The plan's debt in words: `80 % of capex borrowed at 8 %/yr, repaid over 12 years`; a
/// bullet's is repaid at the horizon.
fn debt_terms(s: &crate::scenario::Scenario, lang: Lang) -> String {
    let f = lang.fmt();
    let (ltc, kd, tenor) = (s.get(Key::Ltc), s.get(Key::Kd), s.get(Key::Tenor));
    let msg = if tenor == 0.0 {
        Msg::DebtTermsBullet
    } else {
        Msg::DebtTerms
    };
    lang.fill(
        msg,
        &[
            f.article(ltc, 1, Article::The),
            ("ltc", &Key::Ltc.with_unit(ltc, 1, lang)),
            f.article(kd, 3, Article::AtThe),
            ("kd", &Key::Kd.with_unit(kd, 3, lang)),
            ("tenor", &Key::Tenor.with_unit(tenor, 0, lang)),
        ],
    )
}

fn npv(c: &Context) -> Kpi {
    let adv = c.p.summary.npv_advantage;
    let sentence = if adv >= 0.0 {
        Msg::NpvConvertingWins
    } else {
        Msg::NpvMiningWins
    };
    c.card(
        Card::Npv,
        (Msg::KpiNpvTitle, Msg::KpiNpvShort),
        Ok((data_value(adv), c.f.money(adv))),
        c.unless_no_plan(c.lang.fill(
            sentence,
            &[
                ("x", &c.f.money(adv.abs())),
                c.terms.at_the_rates,
                ("rates", &c.terms.rates_after_at),
                ("horizon", &c.terms.horizon),
            ],
        )),
        c.converts.then_some(adv > 0.0),
    )
}

fn terminal(c: &Context) -> Kpi {
    let (s, x) = (&c.p.scenario, c.p.summary.npv_advantage_terminal);
    let method = match s.terminal() {
        TerminalValue::Market => c.lang.fill(
            Msg::TerminalMarket,
            &[
                c.f.article(s.get(Key::Caprate), 2, Article::OfThe),
                ("cap", &c.f.number(s.get(Key::Caprate), 2)),
                ("land", &c.f.money(s.get(Key::Landv) * 1e6)),
            ],
        ),
        TerminalValue::Book => c.t(Msg::TerminalBook).to_string(),
    };
    let sentence = if x >= 0.0 {
        Msg::TerminalAdds
    } else {
        Msg::TerminalTakes
    };
    c.card(
        Card::Terminal,
        (Msg::KpiTerminalTitle, Msg::KpiTerminalShort),
        Ok((data_value(x), c.f.money(x))),
        c.unless_no_plan(
            c.lang
                .fill(sentence, &[("x", &c.f.money(x.abs())), ("method", &method)]),
        ),
        None,
    )
}

fn irr(c: &Context) -> Kpi {
    let titles = (Msg::KpiIrrTitle, Msg::KpiIrrShort);
    let s = &c.p.scenario;
    match c.p.summary.irr_incremental {
        Some(r) => {
            let above = |k: Key| r > s.get(k) / 100.0;
            let favours = match (above(Key::Rate), above(Key::Airate)) {
                (true, true) => Some(true),
                (false, false) => Some(false),
                _ => None,
            };
            // Cash that changes sign more than once may have several IRRs: the card shows
            // ECONOMICS.md's (nearest zero), names them all, and favours neither side.
            let (why, favours) = match several_irrs(c.p, c.lang) {
                Some(irrs) => (c.lang.fill(Msg::IrrSeveral, &[("irrs", &irrs)]), None),
                None => (
                    c.lang.fill(Msg::IrrMeaning, &[("rates", &c.terms.rates)]),
                    favours,
                ),
            };
            c.card(
                Card::Irr,
                titles,
                Ok((data_value(r), c.f.percent_per_year(r))),
                why,
                favours,
            )
        }
        None => c.card(
            Card::Irr,
            titles,
            Err(Msg::Dash),
            c.unless_no_plan(c.t(Msg::IrrNone).into()),
            None,
        ),
    }
}

/// The incremental cash's IRRs as a list in `lang`, lowest first (`−22.4 %/yr and
/// 34.3 %/yr`), when it has more than one.
pub fn several_irrs(p: &Projection, lang: Lang) -> Option<String> {
    let irrs = p.incremental_irrs();
    if irrs.len() < 2 {
        return None;
    }
    // Nearest zero first: the negative ones reversed, then the others, are lowest first.
    let (negative, other): (Vec<f64>, Vec<f64>) = irrs.iter().partition(|r| **r < 0.0);
    let f = lang.fmt();
    let written: Vec<String> = (negative.iter().rev().chain(&other))
        .map(|&r| f.percent_per_year(r))
        .collect();
    Some(lang.list(&written))
}

fn payback(c: &Context) -> Kpi {
    let titles = (Msg::KpiPaybackTitle, Msg::KpiPaybackShort);
    match c.p.summary.payback_month {
        Some(m) => {
            let month = c.f.month(m);
            c.card(
                Card::Payback,
                titles,
                Ok((m.to_string(), month.clone())),
                c.lang.fill(Msg::PaybackMeaning, &[("month", &month)]),
                None,
            )
        }
        // The cumulative extra cash was never below zero: nothing to pay back.
        None if c.p.summary.peak_funding_month.is_none() => c.card(
            Card::Payback,
            titles,
            Err(Msg::NotNeeded),
            c.unless_no_plan(c.t(Msg::PaybackNotNeeded).into()),
            c.converts.then_some(true),
        ),
        None => c.card(
            Card::Payback,
            titles,
            Err(Msg::Never),
            c.unless_no_plan(
                c.lang
                    .fill(Msg::PaybackNever, &[("horizon", &c.terms.horizon)]),
            ),
            c.converts.then_some(false),
        ),
    }
}

fn peak_funding(c: &Context) -> Kpi {
    let titles = (Msg::KpiPeakTitle, Msg::KpiPeakShort);
    let sm = &c.p.summary;
    let x = sm.peak_funding_usd;
    let meaning = match sm.peak_funding_month {
        Some(m) => c.lang.fill(
            Msg::PeakMeaning,
            &[("x", &c.f.money(x)), ("month", &c.f.month(m))],
        ),
        None => c.t(Msg::PeakNone).to_string(),
    };
    Kpi {
        detail: sm.peak_funding_month.map(|m| c.f.month(m)),
        ..c.card(
            Card::PeakFunding,
            titles,
            Ok((data_value(x), c.f.money(x))),
            c.unless_no_plan(meaning),
            None,
        )
    }
}

fn equity_irr(c: &Context) -> Kpi {
    let titles = (Msg::KpiEquityIrrTitle, Msg::KpiEquityIrrShort);
    let debt = debt_terms(&c.p.scenario, c.lang);
    match c.p.summary.equity_irr {
        Some(r) => c.card(
            Card::EquityIrr,
            titles,
            Ok((data_value(r), c.f.percent_per_year(r))),
            c.unless_no_plan(c.lang.fill(Msg::EquityIrrMeaning, &[("debt", &debt)])),
            None,
        ),
        None => c.card(
            Card::EquityIrr,
            titles,
            Err(Msg::Dash),
            c.unless_no_plan(c.lang.fill(Msg::EquityIrrNone, &[("debt", &debt)])),
            None,
        ),
    }
}

fn peak_equity(c: &Context) -> Kpi {
    let titles = (Msg::KpiPeakEquityTitle, Msg::KpiPeakEquityShort);
    let sm = &c.p.summary;
    let x = sm.peak_equity_usd;
    let debt = debt_terms(&c.p.scenario, c.lang);
    let meaning = match sm.peak_equity_month {
        Some(m) => c.lang.fill(
            Msg::PeakEquityMeaning,
            &[
                ("debt", &debt),
                ("x", &c.f.money(x)),
                ("month", &c.f.month(m)),
                ("owed", &c.f.money(sm.debt_peak_usd)),
            ],
        ),
        None => c.lang.fill(
            Msg::PeakEquityNone,
            &[("debt", &debt), ("owed", &c.f.money(sm.debt_peak_usd))],
        ),
    };
    Kpi {
        detail: sm.peak_equity_month.map(|m| c.f.month(m)),
        ..c.card(
            Card::PeakEquity,
            titles,
            Ok((data_value(x), c.f.money(x))),
            c.unless_no_plan(meaning),
            None,
        )
    }
}

fn min_dscr(c: &Context) -> Kpi {
    let titles = (Msg::KpiMinDscrTitle, Msg::KpiMinDscrShort);
    let sm = &c.p.summary;
    match sm.min_dscr.zip(sm.min_dscr_year) {
        Some((d, year)) => {
            // Under 1× the AI line's operating cash does not pay that year's debt service.
            let meaning = if d < 1.0 {
                Msg::MinDscrBelowOne
            } else {
                Msg::MinDscrMeaning
            };
            Kpi {
                detail: Some(year.to_string()),
                ..c.card(
                    Card::MinDscr,
                    titles,
                    Ok((data_value(d), times(d, c.lang))),
                    c.lang.fill(meaning, &[("year", &year.to_string())]),
                    None,
                )
            }
        }
        None => c.card(
            Card::MinDscr,
            titles,
            Err(Msg::Dash),
            c.unless_no_plan(c.t(Msg::MinDscrNone).into()),
            None,
        ),
    }
}

/// The land's value per MW and the fleet's resale price, as the sale's sentences say them
/// (`$500 k`, `$8/TH`).
fn sale_terms(c: &Context) -> (String, String) {
    let s = &c.p.scenario;
    (
        c.f.money(s.get(Key::Landv) * 1e6),
        Key::Asicp.with_unit(s.get(Key::Asicp), 2, c.lang),
    )
}

fn best_choice(c: &Context) -> Kpi {
    let sm = &c.p.summary;
    let best = sm.best_choice;
    let name = |choice: Choice| match choice {
        Choice::Convert => Msg::ChoiceConvert,
        Choice::Mine => Msg::ChoiceMine,
        Choice::Sell => Msg::ChoiceSell,
    };
    // Where nothing converts, the plan is the baseline: the choice is between mining and selling.
    let choices = Choice::ALL
        .into_iter()
        .filter(|&choice| c.converts || choice != Choice::Convert)
        .map(|choice| {
            let npv = match choice {
                Choice::Convert => sm.plan.npv,
                Choice::Mine => sm.baseline.npv,
                Choice::Sell => sm.npv_sell,
            };
            ChoiceValue {
                choice: choice.name(),
                label: c.t(name(choice)),
                data_value: data_value(npv),
                text: c.f.money(npv),
                best: choice == best,
            }
        })
        .collect();
    let (land, asicp) = sale_terms(c);
    let meaning = c.lang.fill(
        Msg::BestChoiceMeaning,
        &[
            c.terms.at_the_rates,
            ("rates", &c.terms.rates_after_at),
            ("horizon", &c.terms.horizon),
            ("land", &land),
            ("asicp", &asicp),
        ],
    );
    Kpi {
        choices,
        ..c.card(
            Card::BestChoice,
            (Msg::KpiBestChoiceTitle, Msg::KpiBestChoiceShort),
            Ok((best.name().to_string(), c.t(name(best)).to_string())),
            meaning,
            c.converts.then_some(best == Choice::Convert),
        )
    }
}

fn sell(c: &Context) -> Kpi {
    let s = &c.p.scenario;
    let x = c.p.summary.npv_sell;
    let (land, asicp) = sale_terms(c);
    let rate = s.get(Key::Rate);
    c.card(
        Card::Sell,
        (Msg::KpiSellTitle, Msg::KpiSellShort),
        Ok((data_value(x), c.f.money(x))),
        c.lang.fill(
            Msg::SellMeaning,
            &[
                ("land", &land),
                ("asicp", &asicp),
                ("x", &c.f.money(crate::model::sell::sell_usd(s))),
                c.f.article(rate, 1, Article::AtThe),
                (
                    "rate",
                    &c.lang
                        .fill(Msg::RateSingle, &[("rate", &c.f.number(rate, 1))]),
                ),
            ],
        ),
        None,
    )
}

fn breakeven_btc(c: &Context) -> Kpi {
    let s = &c.p.scenario;
    let titles = (Msg::KpiBreakevenBtcTitle, Msg::KpiBreakevenBtcShort);
    match c.p.summary.breakeven_btc_usd {
        Some(b) => {
            // Which side of the breakeven favours converting: look just above it.
            let above =
                c.p.levers
                    .npv_advantage_at_price(b / s.get(Key::Btc) * 1.001, 1.0)
                    > 0.0;
            let sentence = if above {
                Msg::BreakevenBtcAbove
            } else {
                Msg::BreakevenBtcBelow
            };
            c.card(
                Card::BreakevenBtc,
                titles,
                Ok((data_value(b), c.f.dollars(b))),
                c.lang.fill(
                    sentence,
                    &[
                        ("price", &c.f.dollars(b)),
                        ("now", &c.f.dollars(s.get(Key::Btc))),
                    ],
                ),
                None,
            )
        }
        None => {
            let why = if c.p.summary.npv_advantage > 0.0 {
                Msg::BreakevenBtcNoneConverting
            } else {
                Msg::BreakevenBtcNoneMining
            };
            c.card(
                Card::BreakevenBtc,
                titles,
                Err(Msg::NoneValue),
                c.unless_no_plan(c.t(why).into()),
                None,
            )
        }
    }
}

fn breakeven_ai(c: &Context) -> Kpi {
    let s = &c.p.scenario;
    let gpu = s.ai() == AiModel::Gpu;
    let title = if gpu {
        Msg::KpiBreakevenGpuTitle
    } else {
        Msg::KpiBreakevenLeaseTitle
    };
    let titles = (title, Msg::KpiBreakevenRateShort);
    // Short units on the card, words in the sentence.
    let digits = if gpu { 2 } else { 0 };
    let (short, long) = if gpu {
        (Msg::PerGpuHourShort, Msg::PerGpuHour)
    } else {
        (Msg::PerKwMonthShort, Msg::PerKwMonth)
    };
    let rate = |m: Msg, v: f64| c.lang.fill(m, &[("v", &c.f.price(v, digits))]);
    match c.p.summary.breakeven_ai_rate {
        Some(v) => {
            let sentence = if gpu {
                Msg::BreakevenGpuMeaning
            } else {
                Msg::BreakevenLeaseMeaning
            };
            c.card(
                Card::BreakevenAi,
                titles,
                Ok((data_value(v), rate(short, v))),
                c.lang.fill(
                    sentence,
                    &[
                        ("rate", &rate(long, v)),
                        ("now", &rate(long, s.get(s.ai_rate_key()))),
                    ],
                ),
                None,
            )
            .priced(short, digits)
        }
        None => c.card(
            Card::BreakevenAi,
            titles,
            Err(Msg::NoneValue),
            c.unless_no_plan(c.t(Msg::BreakevenRateNone).into()),
            None,
        ),
    }
}

fn next_halving(c: &Context) -> Kpi {
    let halving = c.p.summary.next_halving;
    c.card(
        Card::Halving,
        (Msg::KpiHalvingTitle, Msg::KpiHalvingShort),
        Ok((halving.to_string(), c.f.month(halving.year_month()))),
        c.lang.fill(
            Msg::HalvingMeaning,
            &[
                c.f.date_article(halving, Article::AtThe),
                ("date", &c.f.date(halving)),
                ("minutes", &c.f.number(c.p.scenario.get(Key::Blockmin), 2)),
            ],
        ),
        None,
    )
}

fn baseline_dark(c: &Context) -> Kpi {
    let titles = (Msg::KpiDarkTitle, Msg::KpiDarkShort);
    let p = c.p;
    match p.summary.baseline_dark_month {
        Some(m) => {
            let row = &p.months[p.scenario.month(Key::Start).months_until(m) as usize];
            let hashprice = c.lang.fill(
                Msg::UnitPerPhDay,
                &[("v", &c.f.price(row.hashprice_usd_ph_day, 2))],
            );
            // Dark from the first month, it had not covered its bill before: not "no longer".
            let meaning = if m == p.scenario.month(Key::Start) {
                Msg::DarkFromStart
            } else {
                Msg::DarkMeaning
            };
            c.card(
                Card::Dark,
                titles,
                Ok((m.to_string(), c.f.month(m))),
                c.lang.fill(
                    meaning,
                    &[("month", &c.f.month(m)), ("hashprice", &hashprice)],
                ),
                None,
            )
        }
        None => {
            let why = if p.scenario.get(Key::Uptime) == 0.0 {
                Msg::DarkNoUptime
            } else if p.scenario.get(Key::Shutoff) == 1.0 {
                Msg::DarkNever
            } else {
                Msg::DarkNoShutoff
            };
            c.card(Card::Dark, titles, Err(Msg::Never), c.t(why).into(), None)
        }
    }
}

fn mining_breakeven_power(c: &Context) -> Kpi {
    let titles = (Msg::KpiMiningPowerTitle, Msg::KpiMiningPowerShort);
    let p = c.p;
    let per_mwh = |v: f64| c.lang.fill(Msg::PerMwh, &[("v", &c.f.price(v, 2))]);
    match p.summary.mining_breakeven_power {
        Some(v) => c
            .card(
                Card::MiningPower,
                titles,
                Ok((data_value(v), per_mwh(v))),
                c.lang.fill(
                    Msg::MiningPowerMeaning,
                    &[
                        ("month", &c.f.month(p.scenario.month(Key::Start))),
                        ("price", &per_mwh(v)),
                        ("now", &per_mwh(p.months[0].power_usd_mwh)),
                    ],
                ),
                None,
            )
            .priced(Msg::PerMwh, 2),
        None => c.card(
            Card::MiningPower,
            titles,
            Err(Msg::NoneValue),
            c.t(Msg::MiningPowerNone).into(),
            None,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model;
    use crate::scenario::parse;

    fn run(q: &str, lang: Lang) -> Vec<Kpi> {
        cards(&model::run(&parse(q).scenario), lang)
    }

    fn card<'a>(k: &'a [Kpi], id: &str) -> &'a Kpi {
        k.iter().find(|c| c.id == id).unwrap()
    }

    #[test]
    fn data_values_are_json_numbers() {
        assert_eq!(data_value(-590_037_816.943_672_2), "-590037816.9436722");
        assert_eq!(data_value(0.0), "0.0");
        assert_eq!(data_value(1e21), "1e+21");
        assert_eq!(data_value(0.12), "0.12");
    }

    #[test]
    fn defaults_read_like_the_issues() {
        // The CLI's `hashshift run 'v=3'`: npv_advantage 49938090.4, npv_advantage_terminal
        // 749137711.4, irr_incremental 0.12499, payback 2036-12, peak 2689214935.4 in 2028-01,
        // dark 2028-05, mining_breakeven_power 62.971.
        let k = run("", Lang::En);
        let npv = card(&k, "npv_advantage");
        assert_eq!(npv.text, "$49.9\u{a0}M");
        assert_eq!(
            npv.meaning,
            "Converting is worth $49.9\u{a0}M more than keeping mining (NPV at 12\u{a0}%/yr over 10\u{a0}years)."
        );
        assert_eq!(npv.favours_plan, Some(true));
        let terminal = card(&k, "npv_advantage_terminal");
        assert_eq!(terminal.text, "$749\u{a0}M");
        assert_eq!(
            terminal.meaning,
            "What the site is worth at the horizon adds $749\u{a0}M to the advantage (halls at a 7\u{a0}% cap rate, other powered land at $500\u{a0}k per MW)."
        );
        assert_eq!(card(&k, "irr_incremental").text, "12.5\u{a0}%/yr");
        // 12.5 % is above both discount rates, 12 %.
        assert_eq!(card(&k, "irr_incremental").favours_plan, Some(true));
        let peak = card(&k, "peak_funding_usd");
        assert_eq!(
            (peak.text.as_str(), peak.detail.as_deref()),
            ("$2.69\u{a0}B", Some("Jan 2028"))
        );
        assert!(
            peak.meaning.contains("up to $2.69\u{a0}B more cash"),
            "{}",
            peak.meaning
        );
        let dark = card(&k, "baseline_dark_month");
        assert_eq!(
            (dark.data_value.as_str(), dark.text.as_str()),
            ("2028-05", "May 2028")
        );
        assert!(dark
            .meaning
            .starts_with("In May 2028 the keep-mining fleet"));
        // Dark from the first month: it had not covered its bill before.
        let poor = run("btc=1000", Lang::En);
        let dark = card(&poor, "baseline_dark_month");
        assert_eq!(dark.data_value, "2027-01");
        assert!(
            dark.meaning.starts_with(
                "From the first month, Jan 2027, the keep-mining fleet does not cover its power bill"
            ),
            "{}",
            dark.meaning
        );
        let power = card(&k, "mining_breakeven_power");
        assert_eq!(power.text, "$62.97/MWh");
        assert_eq!(
            power.meaning,
            "In Jan 2027 mining covers its power bill up to $62.97/MWh; it pays $45.00/MWh."
        );
        let payback = card(&k, "payback_month");
        assert_eq!(
            (payback.data_value.as_str(), payback.text.as_str()),
            ("2036-12", "Dec 2036")
        );
        // A GPU-hour at $2.20 never pays back (the CLI: payback_month null, peak in 2028-01).
        let cheap = run("gpu=2.2", Lang::En);
        let payback = card(&cheap, "payback_month");
        assert_eq!(
            (payback.data_value.as_str(), payback.text.as_str()),
            ("", "never")
        );
        assert!(payback
            .meaning
            .contains("the terminal value does not count"));
        assert_eq!(card(&k, "next_halving").data_value, "2028-04-17");
        assert_eq!(k.iter().filter(|c| c.in_embed).count(), 5);
        assert_eq!(k.iter().filter(|c| c.primary).count(), 6);
        assert!(k[..6].iter().all(|c| c.primary), "headline cards first");
        assert!(k
            .iter()
            .all(|c| c.choices.is_empty() == (c.id != "best_choice")));
    }

    #[test]
    fn a_plan_with_debt_shows_the_equitys_cards_among_the_secondary_ones() {
        // The CLI's `preset=galaxy-helios` (80 % of capex borrowed at 8 %/yr over 12 years):
        // equity_irr 0.31525971742177317, peak_equity_usd 901357155.006851 in 2030-02,
        // debt_peak_usd 4404798387.5915785, min_dscr 0.8657153459132632 in 2028. By hand, from
        // the CLI's months of 2028: the AI line's operating cash, Σ (ai_revenue − ai_power −
        // ai_opex) = $222,250,000 (no prepayment), over the debt service, Σ (interest +
        // principal) = $256,724,108.04: 222.25 / 256.724 = 0.8657, written 0.87×.
        let k = run("preset=galaxy-helios", Lang::En);
        let ids: Vec<&str> = k.iter().map(|c| c.id).collect();
        assert_eq!(
            ids[6..11],
            [
                "npv_sell",
                "equity_irr",
                "peak_equity_usd",
                "min_dscr",
                "breakeven_btc_usd"
            ]
        );
        let irr = card(&k, "equity_irr");
        assert_eq!(
            (irr.data_value.as_str(), irr.text.as_str(), irr.title),
            ("0.31525971742177317", "31.5\u{a0}%/yr", "IRR of the equity")
        );
        assert_eq!(
            irr.meaning,
            "The yearly return on the equity's extra cash: converting's cash after its debt \
             (80\u{a0}% of capex borrowed at 8\u{a0}%/yr, repaid over 12\u{a0}years) less \
             keep-mining's, terminal value included."
        );
        let peak = card(&k, "peak_equity_usd");
        assert_eq!(
            (
                peak.data_value.as_str(),
                peak.text.as_str(),
                peak.detail.as_deref()
            ),
            ("901357155.006851", "$901\u{a0}M", Some("Feb 2030"))
        );
        assert!(
            peak.meaning.contains(
                "converting needs up to $901\u{a0}M more of the owners' cash than keeping \
                 mining, reached in Feb 2030, while it owes up to $4.40\u{a0}B"
            ),
            "{}",
            peak.meaning
        );
        let cover = card(&k, "min_dscr");
        assert_eq!(
            (
                cover.data_value.as_str(),
                cover.text.as_str(),
                cover.detail.as_deref()
            ),
            ("0.8657153459132632", "0.87×", Some("2028"))
        );
        assert_eq!(
            cover.meaning,
            "The lenders' cover: the AI line's operating cash over the debt service (interest \
             and instalments), lowest in 2028: under 1×, that year's cash falls short of the \
             debt service."
        );
        // Calm: an embed still shows five cards, the headline row still six.
        assert_eq!(k.iter().filter(|c| c.in_embed).count(), 5);
        assert_eq!(k.iter().filter(|c| c.primary).count(), 6);
        let equity = |k: &[Kpi]| {
            let ids = ["equity_irr", "peak_equity_usd", "min_dscr"];
            k.iter().filter(|c| ids.contains(&c.id)).count()
        };
        assert_eq!(equity(&k), 3);
        // A bullet (tenor 0) is repaid at the horizon, and covered 1.73× at least (the CLI:
        // min_dscr 1.7344366478887256 in 2028).
        let it = run("preset=galaxy-helios&tenor=0", Lang::It);
        assert_eq!(card(&it, "min_dscr").text, "1,73×");
        assert!(card(&it, "equity_irr").meaning.contains(
            "(l'80\u{a0}% del capex a debito all'8\u{a0}%/anno, rimborsato all'orizzonte)"
        ));
        assert_eq!(
            card(&it, "min_dscr").meaning,
            "La copertura dei finanziatori: la cassa operativa dell'IA sul servizio del debito \
             (interessi e rate), al minimo nel 2028."
        );
        // No debt, or debt with nothing to spend it on: no equity cards.
        assert_eq!(equity(&run("", Lang::En)), 0);
        assert_eq!(equity(&run("ltc=50&conv=0", Lang::En)), 0);
    }

    #[test]
    fn a_debt_without_service_within_the_horizon_has_no_cover() {
        // Built from Jun 2028 over a two-year horizon: the CLI's min_dscr is null, no interest
        // or instalment falling due before the horizon's end.
        let p = model::run(&parse("ltc=50&years=2&cstart=2028-06").scenario);
        assert_eq!(p.summary.min_dscr, None);
        let k = cards(&p, Lang::En);
        let cover = card(&k, "min_dscr");
        assert_eq!(
            (
                cover.data_value.as_str(),
                cover.text.as_str(),
                cover.detail.as_deref()
            ),
            ("", "—", None)
        );
        assert_eq!(
            cover.meaning,
            "No interest or instalment falls due within the horizon: there is no debt service \
             to cover."
        );
    }

    #[test]
    fn a_pinned_scenario_without_debt_compares_its_projects_return_and_need() {
        // A: galaxy-helios without debt, whose equity is the project (the CLI: irr_incremental
        // 0.19102604938708376, peak_funding_usd 4752260405.029224, min_dscr null). With debt
        // the equity gains 31.53 − 19.10 = 12.4 points and needs $0.901 B − $4.752 B =
        // −$3.85 B.
        let a = model::run(&parse("preset=galaxy-helios&ltc=0").scenario);
        assert!(cards(&a, Lang::En).iter().all(|c| c.id != "equity_irr"));
        let pinned = pinned_cards(&a, Lang::En);
        let mut b = run("preset=galaxy-helios", Lang::En);
        compare(&mut b, &pinned, Lang::En);
        let irr = card(&b, "equity_irr").compare.clone().unwrap();
        assert_eq!(irr.data_value, card(&pinned, "irr_incremental").data_value);
        assert_eq!(
            (irr.value.as_str(), irr.change.as_deref()),
            ("A: 19.1\u{a0}%/yr", Some("+12.4\u{a0}pts"))
        );
        let peak = card(&b, "peak_equity_usd").compare.clone().unwrap();
        assert_eq!(
            peak.data_value,
            card(&pinned, "peak_funding_usd").data_value
        );
        assert_eq!(
            (peak.value.as_str(), peak.change.as_deref()),
            ("A: $4.75\u{a0}B", Some("−$3.85\u{a0}B"))
        );
        let cover = card(&b, "min_dscr").compare.clone().unwrap();
        assert_eq!(
            (
                cover.data_value.as_str(),
                cover.value.as_str(),
                cover.change
            ),
            ("", "A: —", None)
        );
        // Covers compare in multiples: 1.7344 with a bullet against 0.8657, +0.87×.
        let mut bullet = run("preset=galaxy-helios&tenor=0", Lang::En);
        compare(&mut bullet, &b, Lang::En);
        let cover = card(&bullet, "min_dscr").compare.clone().unwrap();
        assert_eq!(cover.change.as_deref(), Some("+0.87×"));
    }

    #[test]
    fn ratio_changes_read_as_multiples() {
        // 1.4257 − 1.2 = 0.2257, written +0.23×; 0.0004 rounds away.
        assert_eq!(
            Delta::Ratio.text("1.2", "1.4257", None, Lang::En),
            Some("+0.23×".into())
        );
        assert_eq!(
            Delta::Ratio.text("1.4257", "1.2", None, Lang::It),
            Some("−0,23×".into())
        );
        assert_eq!(Delta::Ratio.text("1.2", "1.2004", None, Lang::En), None);
    }

    #[test]
    fn the_best_choice_sets_the_three_npvs_side_by_side_and_says_what_a_sale_is() {
        // The CLI's defaults: plan npv 70277471.7, baseline npv 20339381.3, npv_sell 92658200.5,
        // best_choice "sell". The sale: 0.5 $M/MW × 100 MW = $50 M of land, plus
        // 100 MW / (1.05 × 17.5 J/TH) = 5,442,177 TH at $8 = $43.5 M of fleet: $93.5 M.
        let k = run("", Lang::En);
        let best = card(&k, "best_choice");
        assert_eq!(
            (best.data_value.as_str(), best.text.as_str()),
            ("sell", "Sell now")
        );
        assert_eq!(best.favours_plan, Some(false));
        let side_by_side: Vec<(&str, &str, &str, bool)> = best
            .choices
            .iter()
            .map(|c| (c.choice, c.label, c.text.as_str(), c.best))
            .collect();
        assert_eq!(
            side_by_side,
            [
                ("convert", "Convert", "$70.3\u{a0}M", false),
                ("mine", "Keep mining", "$20.3\u{a0}M", false),
                ("sell", "Sell now", "$92.7\u{a0}M", true),
            ]
        );
        let p = model::run(&parse("").scenario);
        let npvs: Vec<&str> = best.choices.iter().map(|c| c.data_value.as_str()).collect();
        assert_eq!(
            npvs,
            [
                data_value(p.summary.plan.npv),
                data_value(p.summary.baseline.npv),
                data_value(p.summary.npv_sell)
            ]
        );
        assert_eq!(
            best.meaning,
            "NPVs at 12\u{a0}%/yr over 10\u{a0}years. Selling is the land at $500\u{a0}k per MW plus the fleet at $8/TH, now."
        );
        let sell = card(&k, "npv_sell");
        assert_eq!(
            (sell.data_value.as_str(), sell.text.as_str()),
            (data_value(p.summary.npv_sell).as_str(), "$92.7\u{a0}M")
        );
        assert_eq!(
            sell.meaning,
            "The powered land at $500\u{a0}k per MW plus the whole fleet at $8/TH, $93.5\u{a0}M received in the first month (NPV at 12\u{a0}%/yr)."
        );
        // A GPU-hour at $3 built from April converts best (the CLI: best_choice "convert").
        let k = run("gpu=3&cstart=2027-04", Lang::It);
        let best = card(&k, "best_choice");
        assert_eq!(
            (
                best.data_value.as_str(),
                best.text.as_str(),
                best.favours_plan
            ),
            ("convert", "Convertire", Some(true))
        );
        assert!(best.choices[0].best);
        assert_eq!(
            best.meaning,
            "VAN al 12\u{a0}%/anno su 10\u{a0}anni. Vendere vale il terreno a 500\u{a0}mila\u{a0}$ per MW più la flotta a 8\u{a0}$/TH, subito."
        );
        assert!(card(&k, "npv_sell")
            .meaning
            .ends_with("incassati nel primo mese (VAN al 12\u{a0}%/anno)."));
        // Nothing converts: the choice is between mining and selling, and favours no plan.
        let k = run("conv=0", Lang::En);
        let best = card(&k, "best_choice");
        let listed: Vec<&str> = best.choices.iter().map(|c| c.choice).collect();
        assert_eq!(listed, ["mine", "sell"]);
        assert_eq!(best.favours_plan, None);
    }

    #[test]
    fn a_plan_never_short_of_cash_has_nothing_to_pay_back() {
        // A prepaid lease with cheap halls: the cumulative extra cash never drops below zero
        // (the CLI's peak funding is 0 and its payback null, for that reason, not the other).
        let q = "ai=colo&prepay=50&cterm=240&capex=2";
        let p = model::run(&parse(q).scenario);
        assert_eq!(
            (p.summary.peak_funding_usd, p.summary.payback_month),
            (0.0, None)
        );
        let k = run(q, Lang::En);
        let payback = card(&k, "payback_month");
        assert_eq!(
            (payback.data_value.as_str(), payback.text.as_str()),
            ("", "not needed")
        );
        assert_eq!(
            payback.meaning,
            "Nothing to pay back: converting never needs more cash than keeping mining."
        );
        assert_eq!(payback.favours_plan, Some(true));
        assert_eq!(card(&run(q, Lang::It), "payback_month").text, "non serve");
    }

    #[test]
    fn two_discount_rates_are_both_named() {
        let k = run("preset=iren-msft", Lang::En);
        assert!(
            card(&k, "npv_advantage")
                .meaning
                .contains("NPV at 12\u{a0}%/yr for mining, 9\u{a0}%/yr for AI over 6\u{a0}years"),
            "{}",
            card(&k, "npv_advantage").meaning
        );
        assert_eq!(card(&k, "npv_advantage").favours_plan, Some(true));
    }

    #[test]
    fn data_values_are_the_cli_json_numbers() {
        for q in [
            "gpu=3.5",
            "preset=iren-msft",
            "conv=0",
            "ai=colo&tv=book",
            "preset=galaxy-helios",
            "ltc=50&years=2&cstart=2028-06",
        ] {
            let p = model::run(&parse(q).scenario);
            let json = serde_json::to_value(p.summary).unwrap();
            // Every card, the equity's too.
            for card in &pinned_cards(&p, Lang::En) {
                let want = match &json[card.id] {
                    serde_json::Value::Null => String::new(),
                    serde_json::Value::String(s) => s.clone(),
                    v => v.to_string(),
                };
                assert_eq!(card.data_value, want, "{q}: {}", card.id);
            }
        }
    }

    #[test]
    fn nulls_say_why() {
        let k = run("conv=0", Lang::En);
        for id in [
            "npv_advantage",
            "irr_incremental",
            "payback_month",
            "breakeven_btc_usd",
        ] {
            assert!(
                card(&k, id).meaning.starts_with("No conversion planned"),
                "{id}"
            );
        }
        assert!(k.iter().all(|c| c.favours_plan.is_none()));
        // A tranche that starts building after the horizon converts nothing either.
        let k = run("years=1&cstart=2028-06", Lang::En);
        assert_eq!(
            card(&k, "breakeven_ai_rate").meaning,
            "Nothing converts within 1\u{a0}year: the conversion starts after the horizon."
        );
        let k = run("cstart=2040-12", Lang::It);
        assert_eq!(
            card(&k, "npv_advantage").meaning,
            "Nulla viene convertito entro 10\u{a0}anni: la conversione inizia oltre l'orizzonte."
        );
        let k = run("gpu=1&years=3", Lang::En);
        assert!(card(&k, "payback_month")
            .meaning
            .starts_with("Operations never pay it back within 3\u{a0}years"));
        let k = run("ai=colo", Lang::En);
        assert_eq!(card(&k, "breakeven_ai_rate").title, "Break-even lease rate");
        assert!(card(&k, "breakeven_ai_rate").text.ends_with("/kW-mo"));
        let k = run("shutoff=0", Lang::En);
        assert!(card(&k, "baseline_dark_month")
            .meaning
            .starts_with("Shut-off is disabled"));
        let k = run("uptime=0", Lang::En);
        assert_eq!(card(&k, "mining_breakeven_power").data_value, "");
        assert!(card(&k, "baseline_dark_month")
            .meaning
            .starts_with("With 0\u{a0}% uptime the fleet never runs"));
    }

    #[test]
    fn cards_compare_with_the_pinned_scenario() {
        let a = run("", Lang::En);
        let mut b = run("gpu=3&cstart=2027-04", Lang::En);
        compare(&mut b, &a, Lang::En);
        let npv = card(&b, "npv_advantage").compare.clone().unwrap();
        assert_eq!(npv.data_value, card(&a, "npv_advantage").data_value);
        let gain = card(&b, "npv_advantage").data_value.parse::<f64>().unwrap()
            - npv.data_value.parse::<f64>().unwrap();
        assert_eq!(npv.value, "A: $49.9\u{a0}M");
        assert_eq!(npv.change, Some(format!("+{}", Lang::En.fmt().money(gain))));
        let irr = card(&b, "irr_incremental").compare.clone().unwrap();
        assert_eq!(irr.value, "A: 12.5\u{a0}%/yr");
        let irr_change = irr.change.unwrap();
        assert!(
            irr_change.starts_with('+') && irr_change.ends_with("\u{a0}pts"),
            "{irr_change}"
        );
        let peak = card(&b, "peak_funding_usd").compare.clone().unwrap();
        assert_eq!(peak.value, "A: $2.69\u{a0}B");
        let halving = card(&b, "next_halving").compare.clone().unwrap();
        assert_eq!(
            (halving.value.as_str(), halving.change),
            ("A: Apr 2028", None),
            "the same date: no change shown"
        );
        // A pays back in Dec 2036 and this one in Dec 2034 (the CLI's payback_month).
        // A word has no change to say; A's is its data-compare-value (the CLI: "sell", then
        // "convert").
        let best = card(&b, "best_choice").compare.clone().unwrap();
        assert_eq!(
            (best.data_value.as_str(), best.value.as_str(), best.change),
            ("sell", "A: Sell now", None)
        );
        let sell = card(&b, "npv_sell").compare.clone().unwrap();
        assert_eq!(
            (sell.value.as_str(), sell.change),
            ("A: $92.7\u{a0}M", None)
        );
        let payback = card(&b, "payback_month").compare.clone().unwrap();
        assert_eq!(
            (payback.data_value.as_str(), payback.change.as_deref()),
            ("2036-12", Some("−24\u{a0}months"))
        );
    }

    #[test]
    fn month_changes_read_in_months() {
        assert_eq!(
            Delta::Months.text("2035-12", "2036-03", None, Lang::En),
            Some("+3\u{a0}months".into())
        );
        assert_eq!(
            Delta::Months.text("2036-03", "2036-02", None, Lang::En),
            Some("−1\u{a0}month".into())
        );
        assert_eq!(Delta::Months.text("", "2036-03", None, Lang::En), None);
    }

    #[test]
    fn price_changes_keep_their_unit_and_tiny_ones_are_none() {
        // 73.50 − 101.77 = −28.27 $/MWh; a lease rate of 130 → 125 $/kW-month, no decimals.
        let (mwh, lease) = (Some((Msg::PerMwh, 2)), Some((Msg::PerKwMonthShort, 0)));
        assert_eq!(
            Delta::Price.text("101.77", "73.5", mwh, Lang::It),
            Some("−28,27\u{a0}$/MWh".into())
        );
        assert_eq!(
            Delta::Price.text("130", "125", lease, Lang::En),
            Some("−$5/kW-mo".into())
        );
        assert_eq!(
            Delta::Price.text("3.14", "3.1400000000004", mwh, Lang::En),
            None,
            "a change that rounds to $0.00 is not shown as −$0.00"
        );
        assert_eq!(
            Delta::Money.text("-590000000", "-590000000.001", None, Lang::En),
            None,
            "nor one of money"
        );
        // A's break-even rate per GPU-hour and this one per kW-month: no change is said.
        let a = run("", Lang::En);
        let mut b = run("ai=colo", Lang::En);
        compare(&mut b, &a, Lang::En);
        let rate = card(&b, "breakeven_ai_rate").compare.clone().unwrap();
        assert_eq!(
            (rate.value, rate.change),
            (format!("A: {}", card(&a, "breakeven_ai_rate").text), None)
        );
        let mut b = run("btc=80000", Lang::It);
        compare(&mut b, &run("", Lang::It), Lang::It);
        let power = card(&b, "mining_breakeven_power").compare.clone().unwrap();
        let change = power.change.unwrap();
        assert!(change.ends_with("\u{a0}$/MWh"), "{change}");
    }

    #[test]
    fn italian_cards_keep_the_same_values() {
        let (en, it) = (run("gpu=3.5", Lang::En), run("gpu=3.5", Lang::It));
        for (e, i) in en.iter().zip(&it) {
            assert_eq!((e.id, &e.data_value), (i.id, &i.data_value));
            assert_ne!(e.meaning, i.meaning, "{}", e.id);
        }
        assert_eq!(it[0].title, "Vantaggio VAN della conversione");
        assert_eq!(card(&it, "next_halving").text, "apr 2028");
    }

    #[test]
    fn italian_cards_take_the_article_of_the_number_they_name() {
        let it = run("caprate=8&rate=0", Lang::It);
        let meaning = |id| card(&it, id).meaning.clone();
        assert!(
            meaning("npv_advantage").ends_with(
                "(VAN allo 0\u{a0}%/anno per il mining e al 12\u{a0}%/anno per l'IA su 10\u{a0}anni)."
            ),
            "{}",
            meaning("npv_advantage")
        );
        assert!(meaning("npv_advantage_terminal").contains("sale a un cap rate dell'8\u{a0}%"));
        assert!(meaning("next_halving").starts_with("Intorno al 17 apr 2028,"));
        let it = run("caprate=7", Lang::It);
        assert!(card(&it, "npv_advantage_terminal")
            .meaning
            .contains("sale a un cap rate del 7\u{a0}%"));
    }
}
