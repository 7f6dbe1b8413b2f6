//! The headline numbers as cards: the raw value (as the CLI prints it), text for people, and a
//! sentence saying what the number means or why it is missing.

use super::data_value;
use crate::i18n::{Lang, Msg};
use crate::model::Projection;
use crate::scenario::{AiModel, Key};

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
    /// The value formatted for people (`−$597 M`, `4.8 %/yr`, `Apr 2028`), or a word when null.
    pub text: String,
    /// One sentence saying what the number means, or why it is missing.
    pub meaning: String,
    /// Whether the number favours converting (`Some(true)`), mining, or neither.
    pub favours_plan: Option<bool>,
}

/// What every card's sentence may need.
struct Context<'a> {
    p: &'a Projection,
    lang: Lang,
    /// The discount rate as text (`12`).
    rate: String,
    /// The horizon in words (`10 years`).
    horizon: String,
    /// Whether any tranche converts.
    converts: bool,
}

impl Context<'_> {
    fn t(&self, m: Msg) -> &'static str {
        self.lang.t(m)
    }

    /// `why`, unless nothing converts: then that is the reason.
    fn unless_no_plan(&self, why: String) -> String {
        if self.converts {
            why
        } else {
            self.t(Msg::NoPlan).to_string()
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn card(
        &self,
        id: &'static str,
        (title, short): (Msg, Msg),
        data_value: String,
        text: String,
        meaning: String,
        favours_plan: Option<bool>,
    ) -> Kpi {
        Kpi {
            id,
            title: self.t(title),
            short_title: self.t(short),
            data_value,
            text,
            meaning,
            favours_plan,
        }
    }
}

/// The KPI cards of a projection, in display order, in `lang`.
pub fn cards(p: &Projection, lang: Lang) -> Vec<Kpi> {
    let s = &p.scenario;
    let years = s.int(Key::Years);
    let horizon = if years == 1 {
        lang.t(Msg::OneYear).to_string()
    } else {
        lang.fill(Msg::NYears, &[("n", &years.to_string())])
    };
    let c = Context {
        p,
        lang,
        rate: lang.fmt().number(s.get(Key::Rate), 1),
        horizon,
        converts: !p.tranches.is_empty(),
    };
    vec![
        npv(&c),
        irr(&c),
        payback(&c),
        breakeven_btc(&c),
        breakeven_ai(&c),
        next_halving(&c),
    ]
}

fn npv(c: &Context) -> Kpi {
    let (f, adv) = (c.lang.fmt(), c.p.summary.npv_advantage);
    let sentence = if adv >= 0.0 {
        Msg::NpvConvertingWins
    } else {
        Msg::NpvMiningWins
    };
    c.card(
        "npv_advantage",
        (Msg::KpiNpvTitle, Msg::KpiNpvShort),
        data_value(adv),
        f.money(adv),
        c.unless_no_plan(c.lang.fill(
            sentence,
            &[
                ("x", &f.money(adv.abs())),
                ("rate", &c.rate),
                ("horizon", &c.horizon),
            ],
        )),
        c.converts.then_some(adv > 0.0),
    )
}

fn irr(c: &Context) -> Kpi {
    let titles = (Msg::KpiIrrTitle, Msg::KpiIrrShort);
    match c.p.summary.irr_incremental {
        Some(r) => c.card(
            "irr_incremental",
            titles,
            data_value(r),
            c.lang.fmt().percent_per_year(r),
            c.lang.fill(Msg::IrrMeaning, &[("rate", &c.rate)]),
            Some(r > c.p.scenario.get(Key::Rate) / 100.0),
        ),
        None => c.card(
            "irr_incremental",
            titles,
            String::new(),
            "—".into(),
            c.unless_no_plan(c.t(Msg::IrrNone).into()),
            None,
        ),
    }
}

fn payback(c: &Context) -> Kpi {
    let titles = (Msg::KpiPaybackTitle, Msg::KpiPaybackShort);
    match c.p.summary.payback_month {
        Some(m) => {
            let month = c.lang.fmt().month(m);
            c.card(
                "payback_month",
                titles,
                m.to_string(),
                month.clone(),
                c.lang.fill(Msg::PaybackMeaning, &[("month", &month)]),
                None,
            )
        }
        None => c.card(
            "payback_month",
            titles,
            String::new(),
            c.t(Msg::Never).into(),
            c.unless_no_plan(c.lang.fill(Msg::PaybackNever, &[("horizon", &c.horizon)])),
            c.converts.then_some(false),
        ),
    }
}

fn breakeven_btc(c: &Context) -> Kpi {
    let (s, f) = (&c.p.scenario, c.lang.fmt());
    let titles = (Msg::KpiBreakevenBtcTitle, Msg::KpiBreakevenBtcShort);
    match c.p.summary.breakeven_btc_usd {
        Some(b) => {
            // Which side of the breakeven favours converting: look just above it.
            let above = c.p.levers.npv_advantage(b / s.get(Key::Btc) * 1.001, 1.0) > 0.0;
            let sentence = if above {
                Msg::BreakevenBtcAbove
            } else {
                Msg::BreakevenBtcBelow
            };
            c.card(
                "breakeven_btc_usd",
                titles,
                data_value(b),
                f.dollars(b),
                c.lang.fill(
                    sentence,
                    &[
                        ("price", &f.dollars(b)),
                        ("now", &f.dollars(s.get(Key::Btc))),
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
                "breakeven_btc_usd",
                titles,
                String::new(),
                c.t(Msg::NoneValue).into(),
                c.unless_no_plan(c.t(why).into()),
                None,
            )
        }
    }
}

fn breakeven_ai(c: &Context) -> Kpi {
    let (s, f) = (&c.p.scenario, c.lang.fmt());
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
        (Msg::PerHourShort, Msg::PerGpuHour)
    } else {
        (Msg::PerKwMonthShort, Msg::PerKwMonth)
    };
    let rate = |m: Msg, v: f64| c.lang.fill(m, &[("v", &f.price(v, digits))]);
    match c.p.summary.breakeven_ai_rate {
        Some(v) => {
            let sentence = if gpu {
                Msg::BreakevenGpuMeaning
            } else {
                Msg::BreakevenLeaseMeaning
            };
            c.card(
                "breakeven_ai_rate",
                titles,
                data_value(v),
                rate(short, v),
                c.lang.fill(
                    sentence,
                    &[
                        ("rate", &rate(long, v)),
                        ("now", &rate(long, s.get(s.ai_rate_key()))),
                    ],
                ),
                None,
            )
        }
        None => c.card(
            "breakeven_ai_rate",
            titles,
            String::new(),
            c.t(Msg::NoneValue).into(),
            c.unless_no_plan(c.t(Msg::BreakevenRateNone).into()),
            None,
        ),
    }
}

fn next_halving(c: &Context) -> Kpi {
    let (s, f) = (&c.p.scenario, c.lang.fmt());
    let halving = c.p.summary.next_halving;
    c.card(
        "next_halving",
        (Msg::KpiHalvingTitle, Msg::KpiHalvingShort),
        halving.to_string(),
        f.month(halving.year_month()),
        c.lang.fill(
            Msg::HalvingMeaning,
            &[
                ("date", &halving.to_string()),
                ("minutes", &f.number(s.get(Key::Blockmin), 2)),
            ],
        ),
        None,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model;
    use crate::scenario::parse;

    fn run(q: &str, lang: Lang) -> Vec<Kpi> {
        cards(&model::run(&parse(q).scenario), lang)
    }

    #[test]
    fn defaults_read_as_a_loss_for_converting() {
        let k = run("", Lang::En);
        assert_eq!(k[0].text, "−$597 M");
        assert_eq!(
            k[0].meaning,
            "Keeping mining is worth $597 M more than converting (NPV at 12 %/yr over 10 years)."
        );
        assert_eq!(k[0].favours_plan, Some(false));
        assert_eq!(k[1].text, "4.8 %/yr");
        assert_eq!(
            k[1].favours_plan,
            Some(false),
            "4.8 % is below the 12 % rate"
        );
        assert_eq!(k[2].text, "Dec 2035");
        assert_eq!((k[3].data_value.as_str(), k[3].text.as_str()), ("", "none"));
        assert!(k[3].meaning.starts_with("Mining wins at any BTC price"));
        assert_eq!(k[5].text, "Apr 2028");
        assert_eq!(k[5].data_value, "2028-04-17");
    }

    #[test]
    fn a_positive_advantage_reads_as_a_win_for_converting() {
        let k = run("gpu=4", Lang::En);
        assert!(
            k[0].meaning.starts_with("Converting is worth $"),
            "{}",
            k[0].meaning
        );
        assert_eq!(k[0].favours_plan, Some(true));
        assert_eq!(k[1].favours_plan, Some(true));
    }

    #[test]
    fn data_values_are_the_cli_json_numbers() {
        let p = model::run(&parse("gpu=3.5").scenario);
        let k = cards(&p, Lang::En);
        let json = serde_json::to_value(p.summary).unwrap();
        for card in &k {
            let want = match &json[card.id] {
                serde_json::Value::Null => String::new(),
                serde_json::Value::String(s) => s.clone(),
                v => v.to_string(),
            };
            assert_eq!(card.data_value, want, "{}", card.id);
        }
        assert!(
            k[3].meaning.contains("stays below $447,014"),
            "{}",
            k[3].meaning
        );
        assert!(k[4].meaning.contains("above $3.00 per GPU-hour"));
        assert_eq!(k[4].text, "$3.00/h");
    }

    #[test]
    fn nulls_say_why() {
        let k = run("conv=0", Lang::En);
        assert!(k
            .iter()
            .take(5)
            .all(|c| c.meaning.starts_with("No conversion planned")));
        assert!(k.iter().all(|c| c.favours_plan.is_none()));
        let k = run("gpu=1&years=3", Lang::En);
        assert!(k[2].meaning.starts_with("Never pays back within 3 years"));
        assert_eq!(k[2].favours_plan, Some(false));
        assert!(run("years=1&gpu=1", Lang::En)[2].meaning.contains("1 year"));
        let k = run("ai=colo", Lang::En);
        assert_eq!(k[4].title, "Break-even lease rate");
        assert!(k[4].text.ends_with("/kW-mo"), "{}", k[4].text);
    }

    #[test]
    fn italian_cards_keep_the_same_values() {
        let (en, it) = (run("gpu=3.5", Lang::En), run("gpu=3.5", Lang::It));
        for (e, i) in en.iter().zip(&it) {
            assert_eq!((e.id, &e.data_value), (i.id, &i.data_value));
            assert_ne!(e.meaning, i.meaning, "{}", e.id);
        }
        assert_eq!(it[0].title, "Vantaggio VAN della conversione");
        assert_eq!(it[5].text, "apr 2028");
        assert!(
            it[3].meaning.contains("resta sotto $447,014"),
            "{}",
            it[3].meaning
        );
    }
}
