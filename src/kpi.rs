//! The six headline numbers as cards: raw value (as the CLI prints it), text for people, and
//! what the number means in words.

use crate::format;
use crate::i18n::{fill, month_label, tr, Lang};
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

/// The KPI cards of a projection, in display order, in `lang`.
pub fn kpis(p: &Projection, lang: Lang) -> Vec<Kpi> {
    let t = |en: &'static str| tr(lang, en);
    let s = &p.scenario;
    let sm = &p.summary;
    let years = s.int(Key::Years);
    let horizon = if years == 1 {
        t("1 year").to_string()
    } else {
        fill(t("{n} years"), &[("n", &years.to_string())])
    };
    let converts = !p.tranches.is_empty();
    let rate = format::number(s.get(Key::Rate), 1);
    let no_plan = t("No conversion planned: the plan is to keep mining.").to_string();
    let unless_no_plan = |why: String| if converts { why } else { no_plan.clone() };
    let card = |id, title, short_title, data_value, text, meaning, favours_plan| Kpi {
        id,
        title: t(title),
        short_title: t(short_title),
        data_value,
        text,
        meaning,
        favours_plan,
    };

    let adv = sm.npv_advantage;
    let npv_sentence = if adv >= 0.0 {
        "Converting is worth {x} more than keeping mining (NPV at {rate} %/yr over {horizon})."
    } else {
        "Keeping mining is worth {x} more than converting (NPV at {rate} %/yr over {horizon})."
    };
    let npv = card(
        "npv_advantage",
        "NPV advantage of converting",
        "NPV advantage",
        format::json_number(adv),
        format::money(adv),
        unless_no_plan(fill(
            t(npv_sentence),
            &[
                ("x", &format::money(adv.abs())),
                ("rate", &rate),
                ("horizon", &horizon),
            ],
        )),
        converts.then_some(adv > 0.0),
    );

    let irr = match sm.irr_incremental {
        Some(r) => card(
            "irr_incremental",
            "IRR of converting",
            "IRR",
            format::json_number(r),
            format::percent_per_year(r).replace("%/yr", t("%/yr")),
            fill(
                t("The yearly return on the extra cash the conversion needs; it beats mining if above the {rate} %/yr discount rate."),
                &[("rate", &rate)],
            ),
            Some(r > s.get(Key::Rate) / 100.0),
        ),
        None => card(
            "irr_incremental",
            "IRR of converting",
            "IRR",
            String::new(),
            "—".into(),
            unless_no_plan(
                t("No IRR between −99 % and 1000 %/yr: the extra cash never changes sign or never recovers.").into(),
            ),
            None,
        ),
    };

    let payback = match sm.payback_month {
        Some(m) => card(
            "payback_month",
            "Payback",
            "Payback",
            m.to_string(),
            month_label(m, lang),
            fill(
                t("From {month} on, the conversion's cumulative extra cash stays above zero (undiscounted)."),
                &[("month", &month_label(m, lang))],
            ),
            None,
        ),
        None => card(
            "payback_month",
            "Payback",
            "Payback",
            String::new(),
            t("never").into(),
            unless_no_plan(fill(
                t("Never pays back within {horizon}: the cumulative extra cash ends below zero."),
                &[("horizon", &horizon)],
            )),
            converts.then_some(false),
        ),
    };

    let breakeven_btc = match sm.breakeven_btc_usd {
        Some(b) => {
            // Which side of the breakeven favours converting: look just above it.
            let above = p.levers.npv_advantage(b / s.get(Key::Btc) * 1.001, 1.0) > 0.0;
            let sentence = if above {
                "Converting beats mining while BTC rises above {price} (the whole price path scaled; today {now})."
            } else {
                "Converting beats mining while BTC stays below {price} (the whole price path scaled; today {now})."
            };
            card(
                "breakeven_btc_usd",
                "Break-even BTC price",
                "Break-even BTC",
                format::json_number(b),
                format::dollars(b),
                fill(t(sentence), &[("price", &format::dollars(b)), ("now", &format::dollars(s.get(Key::Btc)))]),
                None,
            )
        }
        None => card(
            "breakeven_btc_usd",
            "Break-even BTC price",
            "Break-even BTC",
            String::new(),
            t("none").into(),
            unless_no_plan(
                t(if adv > 0.0 {
                    "Converting wins at any BTC price from 1 % to 100× today's."
                } else {
                    "Mining wins at any BTC price from 1 % to 100× today's: the BTC price alone cannot tip it."
                })
                .into(),
            ),
            None,
        ),
    };

    let gpu = s.ai() == AiModel::Gpu;
    let rate_title = if gpu {
        "Break-even GPU rate"
    } else {
        "Break-even lease rate"
    };
    // Short units on the card, words in the sentence.
    let rate_short = |v: f64| {
        if gpu {
            format!("${v:.2}/h")
        } else {
            format!("${v:.0}/kW-mo")
        }
    };
    let rate_long = |v: f64| {
        let (template, digits) = if gpu {
            ("${v} per GPU-hour", 2)
        } else {
            ("${v} per kW-month", 0)
        };
        fill(t(template), &[("v", &format!("{v:.digits$}"))])
    };
    let breakeven_ai = match sm.breakeven_ai_rate {
        Some(v) => card(
            "breakeven_ai_rate",
            rate_title,
            "Break-even rate",
            format::json_number(v),
            rate_short(v),
            fill(
                t(if gpu {
                    "Converting beats mining if the GPU rental price is above {rate} (now {now})."
                } else {
                    "Converting beats mining if the lease is above {rate} (now {now})."
                }),
                &[
                    ("rate", &rate_long(v)),
                    ("now", &rate_long(s.get(s.ai_rate_key()))),
                ],
            ),
            None,
        ),
        None => card(
            "breakeven_ai_rate",
            rate_title,
            "Break-even rate",
            String::new(),
            t("none").into(),
            unless_no_plan(
                t("No rate from 0.1 % to 1000× today's makes the two plans equal.").into(),
            ),
            None,
        ),
    };

    let halving = sm.next_halving;
    let next_halving = card(
        "next_halving",
        "Next halving",
        "Halving",
        halving.to_string(),
        month_label(halving.year_month(), lang),
        fill(
            t("Around {date}, at {minutes}-minute blocks, the block subsidy halves, and so does most mining revenue."),
            &[("date", &halving.to_string()), ("minutes", &format::number(s.get(Key::Blockmin), 2))],
        ),
        None,
    );
    vec![npv, irr, payback, breakeven_btc, breakeven_ai, next_halving]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model;
    use crate::scenario::parse;

    fn cards(q: &str) -> Vec<Kpi> {
        kpis(&model::run(&parse(q).scenario), Lang::En)
    }

    #[test]
    fn defaults_read_like_the_issue() {
        let k = cards("");
        assert_eq!(k[0].text, "−$597 M");
        assert!(k[0]
            .meaning
            .starts_with("Keeping mining is worth $597 M more"));
        assert_eq!(k[1].text, "4.8 %/yr");
        assert_eq!(k[2].text, "Dec 2035");
        assert_eq!(k[3].data_value, "");
        assert_eq!(k[5].text, "Apr 2028");
        assert_eq!(k[5].data_value, "2028-04-17");
    }

    #[test]
    fn data_values_are_the_cli_json_numbers() {
        let p = model::run(&parse("gpu=3.5").scenario);
        let k = kpis(&p, Lang::En);
        let json = serde_json::to_value(p.summary).unwrap();
        for card in &k {
            let v = &json[card.id];
            let want = match v {
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
        let k = cards("conv=0");
        assert!(k
            .iter()
            .take(5)
            .all(|c| c.meaning.starts_with("No conversion planned")));
        let k = cards("gpu=1&years=3");
        assert!(k[2].meaning.starts_with("Never pays back within 3 years"));
        let k = cards("ai=colo");
        assert_eq!(k[4].title, "Break-even lease rate");
    }

    #[test]
    fn italian_cards_keep_the_same_values() {
        let p = model::run(&parse("gpu=3.5").scenario);
        let (en, it) = (kpis(&p, Lang::En), kpis(&p, Lang::It));
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
