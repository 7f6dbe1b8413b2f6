//! The six headline numbers as cards: raw value (as the CLI prints it), text for people, and
//! what the number means in words.

use crate::format;
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
    /// The value formatted for people (`−$597 M`, `4.8 %/yr`, `Apr 2028`), or `—` when null.
    pub text: String,
    /// One sentence saying what the number means, or why it is missing.
    pub meaning: String,
    /// Whether the number favours converting (`Some(true)`), mining, or neither.
    pub favours_plan: Option<bool>,
}

/// The KPI cards of a projection, in display order.
pub fn kpis(p: &Projection) -> Vec<Kpi> {
    let s = &p.scenario;
    let sm = &p.summary;
    let years = s.int(Key::Years);
    let horizon = if years == 1 {
        "1 year".to_string()
    } else {
        format!("{years} years")
    };
    let converts = !p.tranches.is_empty();
    let rate = format::number(s.get(Key::Rate), 1);
    let no_plan = "No conversion planned: the plan is to keep mining.".to_string();

    let adv = sm.npv_advantage;
    let npv = Kpi {
        id: "npv_advantage",
        title: "NPV advantage of converting",
        short_title: "NPV advantage",
        data_value: format::json_number(adv),
        text: format::money(adv),
        meaning: if !converts {
            no_plan.clone()
        } else if adv >= 0.0 {
            format!("Converting is worth {} more than keeping mining (NPV at {rate} %/yr over {horizon}).", format::money(adv))
        } else {
            format!("Keeping mining is worth {} more than converting (NPV at {rate} %/yr over {horizon}).", format::money(-adv))
        },
        favours_plan: converts.then_some(adv > 0.0),
    };

    let irr = match sm.irr_incremental {
        Some(r) => Kpi {
            id: "irr_incremental",
            title: "IRR of converting",
        short_title: "IRR",
            data_value: format::json_number(r),
            text: format::percent_per_year(r),
            meaning: format!(
                "The yearly return on the extra cash the conversion needs; it beats mining if above the {rate} %/yr discount rate."
            ),
            favours_plan: Some(r > s.get(Key::Rate) / 100.0),
        },
        None => Kpi {
            id: "irr_incremental",
            title: "IRR of converting",
        short_title: "IRR",
            data_value: String::new(),
            text: "—".into(),
            meaning: if converts {
                "No IRR between −99 % and 1000 %/yr: the extra cash never changes sign or never recovers.".into()
            } else {
                no_plan.clone()
            },
            favours_plan: None,
        },
    };

    let payback = match sm.payback_month {
        Some(m) => Kpi {
            id: "payback_month",
            title: "Payback",
        short_title: "Payback",
            data_value: m.to_string(),
            text: m.label(),
            meaning: format!(
                "From {} on, the conversion's cumulative extra cash stays above zero (undiscounted).",
                m.label()
            ),
            favours_plan: None,
        },
        None => Kpi {
            id: "payback_month",
            title: "Payback",
        short_title: "Payback",
            data_value: String::new(),
            text: "never".into(),
            meaning: if converts {
                format!("Never pays back within {horizon}: the cumulative extra cash ends below zero.")
            } else {
                no_plan.clone()
            },
            favours_plan: converts.then_some(false),
        },
    };

    let btc_now = format::dollars(s.get(Key::Btc));
    let breakeven_btc = match sm.breakeven_btc_usd {
        Some(b) => {
            // Which side of the breakeven favours converting: look just above it.
            let above = p.levers.npv_advantage(b / s.get(Key::Btc) * 1.001, 1.0) > 0.0;
            let side = if above { "rises above" } else { "stays below" };
            Kpi {
                id: "breakeven_btc_usd",
                title: "Break-even BTC price",
        short_title: "Break-even BTC",
                data_value: format::json_number(b),
                text: format::dollars(b),
                meaning: format!(
                    "Converting beats mining while BTC {side} {} (the whole price path scaled; today {btc_now}).",
                    format::dollars(b)
                ),
                favours_plan: None,
            }
        }
        None => Kpi {
            id: "breakeven_btc_usd",
            title: "Break-even BTC price",
            short_title: "Break-even BTC",
            data_value: String::new(),
            text: "none".into(),
            meaning: if !converts {
                no_plan.clone()
            } else if adv > 0.0 {
                "Converting wins at any BTC price from 1 % to 100× today's.".into()
            } else {
                "Mining wins at any BTC price from 1 % to 100× today's: the BTC price alone cannot tip it.".into()
            },
            favours_plan: None,
        },
    };

    let rate_title = match s.ai() {
        AiModel::Gpu => "Break-even GPU rate",
        AiModel::Colo => "Break-even lease rate",
    };
    // Short units for the card, full ones in the sentence.
    let rate_text = |v: f64, long: bool| match (s.ai(), long) {
        (AiModel::Gpu, false) => format!("${v:.2}/h"),
        (AiModel::Gpu, true) => format!("${v:.2} per GPU-hour"),
        (AiModel::Colo, false) => format!("${v:.0}/kW-mo"),
        (AiModel::Colo, true) => format!("${v:.0} per kW-month"),
    };
    let current_rate = rate_text(s.get(s.ai_rate_key()), true);
    let breakeven_ai = match sm.breakeven_ai_rate {
        Some(v) => Kpi {
            id: "breakeven_ai_rate",
            title: rate_title,
            short_title: "Break-even rate",
            data_value: format::json_number(v),
            text: rate_text(v, false),
            meaning: format!(
                "Converting beats mining if the {} is above {} (now {current_rate}).",
                if s.ai() == AiModel::Gpu {
                    "GPU rental price"
                } else {
                    "lease"
                },
                rate_text(v, true)
            ),
            favours_plan: None,
        },
        None => Kpi {
            id: "breakeven_ai_rate",
            title: rate_title,
            short_title: "Break-even rate",
            data_value: String::new(),
            text: "none".into(),
            meaning: if converts {
                "No rate from 0.1 % to 1000× today's makes the two plans equal.".into()
            } else {
                no_plan
            },
            favours_plan: None,
        },
    };

    let halving = sm.next_halving;
    let next_halving = Kpi {
        id: "next_halving",
        title: "Next halving",
        short_title: "Halving",
        data_value: halving.to_string(),
        text: halving.year_month().label(),
        meaning: format!(
            "Around {halving}, at {}-minute blocks, the block subsidy halves, and so does most mining revenue.",
            format::number(s.get(Key::Blockmin), 2)
        ),
        favours_plan: None,
    };
    vec![npv, irr, payback, breakeven_btc, breakeven_ai, next_halving]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model;
    use crate::scenario::parse;

    fn cards(q: &str) -> Vec<Kpi> {
        kpis(&model::run(&parse(q).scenario))
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
        let k = kpis(&p);
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
}
