//! How each KPI card is computed (`[data-explain=ID]`): its formula as ECONOMICS.md writes it
//! (§8, §8b, §8c, §10), in symbols and in words, then this scenario's numbers in it, ending
//! with the card's own value; and the CLI command that reproduces every card.

use super::kpi::{times, Card, Kpi};
use crate::calendar::{Date, YearMonth};
use crate::i18n::{KeyText, Lang, Msg};
use crate::model::{clock, sell, Projection};
use crate::scenario::{canonical_query, AiModel, Key, Scenario};

/// The CLI command that prints every number of scenario `s`:
/// `hashshift run 'v=3&gpu=3' --format json` (its canonical query needs no shell escape).
pub fn cli(s: &Scenario) -> String {
    format!("hashshift run '{}' --format json", canonical_query(s))
}

/// How one card's number is computed.
#[derive(Clone, Debug, PartialEq)]
pub struct Explain {
    /// The formula in ECONOMICS.md's symbols (the CLI's field names), in every language.
    pub symbols: &'static str,
    /// The formula in words.
    pub words: &'static str,
    /// This scenario's numbers in the formula, up to the card's value, which follows them
    /// (`$70.3 M − $20.3 M = ` before `$49.9 M`).
    pub numbers: String,
}

/// The formula of card `k` of projection `p` with `p`'s numbers in it, in `lang`; `None` for
/// a card without one. The odds card's numbers are read from the card itself (its run is the
/// worker's, not `p`'s).
pub fn explain(k: &Kpi, p: &Projection, lang: Lang) -> Option<Explain> {
    let card = Card::ALL.into_iter().find(|c| c.id() == k.id)?;
    let (s, sm, f) = (&p.scenario, &p.summary, lang.fmt());
    let money = |v: f64| f.money(v);
    let months = &p.months;
    let month_of = |m: YearMonth| s.month(Key::Start).months_until(m) as usize;
    // `1.12` for a rate of 12 %/yr: the base a rate discounts with.
    let base = |key: Key| f.number(1.0 + s.get(key) / 100.0, 4);
    // The incremental operating cash `Δop` (§8): the terminal values left out.
    let delta_op = || -> Vec<f64> {
        (months.iter())
            .map(|r| r.plan.operating_cash_flow() - r.baseline.operating_cash_flow())
            .collect()
    };
    // `max(0, −Σ)`: the running sum of `cash` at month `at`, its lowest (or, without one, its
    // lowest anyway).
    let peak = |cash: Vec<f64>, at: Option<YearMonth>| {
        let sums = cash.iter().scan(0.0, |t, x| {
            *t += x;
            Some(*t)
        });
        let lowest = match at {
            Some(m) => sums.take(month_of(m) + 1).last(),
            None => sums.reduce(f64::min),
        };
        ["max(0, −(", &money(lowest.unwrap_or(0.0)), ")) = "].concat()
    };
    // An IRR: its cash's undiscounted sum, then the rate that makes its discounted sum zero.
    let root =
        |delta: &str, sum: f64| ["Σ_m ", delta, "(m) = ", &money(sum), " (r = 0) → r = "].concat();
    // A breakeven: the scale `k` on the input at which the advantage is zero.
    let scale = |value: Option<f64>, key: Key, decimals: usize| {
        let now = s.get(key);
        value.map_or(String::new(), |v| {
            let now = key.with_unit(now, decimals, lang);
            ["k ≈ ", &f.number(v / s.get(key), 4), ", k × ", &now, " = "].concat()
        })
    };
    let per_mwh = |v: f64| lang.fill(Msg::PerMwh, &[("v", &f.price(v, 2))]);
    let (symbols, words, numbers) = match card {
        Card::Npv => (
            "npv_advantage = npv_plan − npv_baseline",
            Msg::ExplainNpv,
            [&money(sm.plan.npv), " − ", &money(sm.baseline.npv), " = "].concat(),
        ),
        Card::Terminal => {
            let (last, years) = (months.last()?, f.number(s.get(Key::Years), 0));
            let line = |plan: f64, baseline: f64, key| {
                [&money(plan - baseline), " / ", &base(key), "^", &years].concat()
            };
            let mining = line(
                last.plan.terminal_mining,
                last.baseline.terminal_mining,
                Key::Rate,
            );
            let ai = line(
                last.plan.terminal_ai,
                last.baseline.terminal_ai,
                Key::Airate,
            );
            (
                "npv_advantage_terminal = Δterminal_mining / (1 + rate)^years + Δterminal_ai / (1 + airate)^years",
                Msg::ExplainTerminal,
                [&mining, " + ", &ai, " = "].concat(),
            )
        }
        Card::Irr => (
            "Σ_m Δ(m) / (1 + r)^((m+1)/12) = 0, Δ = cash_flow_plan − cash_flow_baseline",
            Msg::ExplainIrr,
            root("Δ", sm.plan.cash_flow - sm.baseline.cash_flow),
        ),
        Card::EquityIrr => (
            "Σ_m Δe(m) / (1 + r)^((m+1)/12) = 0, Δe = equity_cf_plan − cash_flow_baseline",
            Msg::ExplainEquityIrr,
            root(
                "Δe",
                p.years.iter().map(|y| y.plan.equity_cf).sum::<f64>() - sm.baseline.cash_flow,
            ),
        ),
        Card::Payback => {
            // The running sum in the month before the payback, and in the payback's (or in the
            // last month, without one).
            let delta_op = delta_op();
            let end = sm.payback_month.map_or(months.len(), |m| month_of(m) + 1);
            let sum = |n: usize| money(delta_op[..n].iter().sum());
            let numbers = match sm.payback_month {
                Some(_) => {
                    let before = f.month(months[end - 2].month);
                    [
                        "Σ Δop: ",
                        &sum(end - 1),
                        " (",
                        &before,
                        ") < 0 ≤ ",
                        &sum(end),
                        " → ",
                    ]
                    .concat()
                }
                None => ["Σ Δop: ", &sum(end), " → "].concat(),
            };
            (
                "payback_month = first m: Σ_{k≤j} Δop(k) ≥ 0 for all j ≥ m",
                Msg::ExplainPayback,
                numbers,
            )
        }
        Card::PeakFunding => (
            "peak_funding_usd = max(0, −min_m Σ_{k≤m} Δop(k))",
            Msg::ExplainPeak,
            peak(delta_op(), sm.peak_funding_month),
        ),
        Card::PeakEquity => (
            "peak_equity_usd = max(0, −min_m Σ_{k≤m} Δe_op(k))",
            Msg::ExplainPeakEquity,
            peak(p.equity_operating_cash(), sm.peak_equity_month),
        ),
        Card::MinDscr => {
            let each: Vec<String> = (p.years.iter())
                .filter_map(|y| {
                    y.dscr
                        .map(|d| times(d, lang) + " (" + &y.year.to_string() + ")")
                })
                .collect();
            (
                "min_dscr = min_y Σ (ai_revenue − ai_power − ai_opex − credits) / Σ (interest + principal − balloon)",
                Msg::ExplainMinDscr,
                ["min(", &each.join(", "), ") = "].concat(),
            )
        }
        Card::BestChoice => {
            let mut npvs = vec![
                money(sm.plan.npv),
                money(sm.baseline.npv),
                money(sm.npv_sell),
            ];
            if !p.converts() {
                npvs.remove(0);
            }
            (
                "best_choice = argmax(npv_plan, npv_baseline, npv_sell)",
                Msg::ExplainBest,
                ["argmax(", &npvs.join(", "), ") = "].concat(),
            )
        }
        Card::Sell => {
            let land = s.get(Key::Landv) * 1e6 * s.get(Key::Mw);
            let fleet = money(sell::sell_usd(s) - land);
            (
                "npv_sell = (landv · mw + asicp · mw · 10⁶ / (mpue · jth)) / (1 + rate)^(1/12)",
                Msg::ExplainSell,
                [
                    "(",
                    &money(land),
                    " + ",
                    &fleet,
                    ") / ",
                    &base(Key::Rate),
                    "^(1/12) = ",
                ]
                .concat(),
            )
        }
        Card::BreakevenBtc => (
            "npv_advantage(k · btc, k^elas · hr) = 0 → breakeven_btc_usd = k · btc",
            Msg::ExplainBreakevenBtc,
            scale(sm.breakeven_btc_usd, Key::Btc, 0),
        ),
        Card::BreakevenAi => (
            match s.ai() {
                AiModel::Gpu => "npv_advantage(k · gpu) = 0 → breakeven_ai_rate = k · gpu",
                AiModel::Colo => "npv_advantage(k · colo) = 0 → breakeven_ai_rate = k · colo",
            },
            Msg::ExplainBreakevenAi,
            scale(sm.breakeven_ai_rate, s.ai_rate_key(), 2),
        ),
        Card::Halving => {
            let blockmin = s.get(Key::Blockmin);
            let (height, _) = clock::next_halving(months[0].height, blockmin);
            let anchor = f.date(Date::from_unix(clock::ANCHOR_TIME));
            let blocks = f.grouped(height) + " − " + &f.grouped(clock::ANCHOR_HEIGHT as u64);
            (
                "next_halving = t(840000) + (210000 · e − 840000) · blockmin, the first 210000 · e > h_start(0)",
                Msg::ExplainHalving,
                [&anchor, " + (", &blocks, ") × ", &f.number(blockmin, 2), " min = "].concat(),
            )
        }
        Card::Dark => {
            let numbers = sm.baseline_dark_month.map_or(String::new(), |m| {
                let m = month_of(m);
                let (revenue, power) = (revenue_per_mwh(p, m), months[m].power_usd_mwh);
                [&per_mwh(revenue), " < ", &per_mwh(power), " → "].concat()
            });
            (
                "baseline_dark_month = first m: mining_revenue(m) < mining_power(m)",
                Msg::ExplainDark,
                numbers,
            )
        }
        Card::MiningPower => {
            let hashprice = f.price(months[0].hashprice_usd_ph_day, 2);
            let per_day = lang.fill(Msg::UnitPerPhDay, &[("v", &hashprice)]);
            let pool = Key::Pool.with_unit(s.get(Key::Pool), 2, lang);
            let efficiency = f.number(s.get(Key::Mpue), 3)
                + " × "
                + &Key::Jth.with_unit(s.get(Key::Jth), 2, lang);
            (
                "mining_breakeven_power = mining_revenue(0) / (uptime · mw · hours(0))",
                Msg::ExplainMiningPower,
                [
                    &per_day,
                    " × (1 − ",
                    &pool,
                    ") × ",
                    &f.grouped(1000),
                    " / (24 × ",
                    &efficiency,
                    ") = ",
                ]
                .concat(),
            )
        }
        Card::Odds => {
            let paths = s.get(Key::Mc);
            let numbers = k.data_value.parse::<f64>().map_or(String::new(), |share| {
                let count = |n: f64| f.grouped(n.round() as u64);
                [&count(share * paths), " / ", &count(paths), " = "].concat()
            });
            (
                "prob_plan_better = #{paths: npv_advantage > 0} / paths",
                Msg::ExplainOdds,
                numbers,
            )
        }
    };
    Some(Explain {
        symbols,
        words: lang.t(words),
        numbers,
    })
}

/// The fleet's revenue per MWh of power in month `m` of `p`, fleet on, $/MWh: its revenue
/// over its power, `uptime · M · hours(m)` MWh (§6), is the hashprice less the pool's fee over
/// the energy of a PH/s for a day, `hashprice · (1 − pool) · 1000 / (24 · mpue · jth)`.
fn revenue_per_mwh(p: &Projection, m: usize) -> f64 {
    let s = &p.scenario;
    p.months[m].hashprice_usd_ph_day * (1.0 - s.get(Key::Pool) / 100.0) * 1000.0
        / (24.0 * s.get(Key::Mpue) * s.get(Key::Jth))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explorer::view::kpi::cards;
    use crate::model::run;

    fn projection(q: &str) -> Projection {
        run(&crate::scenario::parse(q).scenario)
    }

    /// Card `id` of `p` and its explanation, in `lang`.
    fn of(p: &Projection, id: &str, lang: Lang) -> (Kpi, Explain) {
        let k = cards(p, lang).into_iter().find(|k| k.id == id).unwrap();
        let e = explain(&k, p, lang).unwrap();
        (k, e)
    }

    /// The explanation's numbers of card `id` of `p`, in English.
    fn numbers(p: &Projection, id: &str) -> String {
        of(p, id, Lang::En).1.numbers
    }

    #[test]
    fn every_card_is_explained_in_both_languages() {
        let p = projection("ltc=60");
        for lang in [Lang::En, Lang::It] {
            let all = cards(&p, lang);
            assert_eq!(all.len(), 15, "the equity's three with the others");
            for k in &all {
                let e = explain(k, &p, lang).unwrap();
                assert!(!e.words.is_empty() && e.symbols.contains(" = "), "{}", k.id);
            }
        }
        assert_ne!(
            of(&p, "npv_advantage", Lang::It).1.words,
            of(&p, "npv_advantage", Lang::En).1.words
        );
    }

    #[test]
    fn the_command_is_the_clis_for_the_canonical_query() {
        let s = crate::scenario::parse("gpu=3&lang=it&tab=cash&mw=18").scenario;
        assert_eq!(cli(&s), "hashshift run 'v=3&mw=18&gpu=3' --format json");
    }

    #[test]
    fn a_sale_is_the_land_plus_the_fleet_discounted_a_month() {
        // Defaults: land 0.5 $M/MW × 100 MW = $50.0 M; the fleet is 100 MW · 10⁶ / (1.05 ·
        // 17.5 J/TH) = 5,442,177 TH at $8/TH = $43.5 M; $93.5 M / 1.12^(1/12) (= 1.009489)
        // = $92.7 M, the card's.
        let p = projection("");
        let (k, e) = of(&p, "npv_sell", Lang::En);
        assert_eq!(e.numbers, "($50.0\u{a0}M + $43.5\u{a0}M) / 1.12^(1/12) = ");
        assert_eq!(k.text, "$92.7\u{a0}M");
    }

    #[test]
    fn the_next_halving_counts_blocks_from_the_anchor() {
        // 2027-01-01 is height 840,000 + (1,798,761,600 − 1,713,571,767) s / 600 s = 981,983:
        // the next multiple of 210,000 is 1,050,000, 210,000 blocks × 10 min = 1,458.3 days
        // after 20 Apr 2024, 17 Apr 2028.
        let p = projection("");
        assert_eq!(
            numbers(&p, "next_halving"),
            "20 Apr 2024 + (1,050,000 − 840,000) × 10 min = "
        );
        assert_eq!(p.summary.next_halving.to_string(), "2028-04-17");
        // At 5-minute blocks the same height comes in half the time: 20 Apr 2024 + 729.2 days.
        let fast = projection("blockmin=5&start=2024-05");
        assert!(numbers(&fast, "next_halving").ends_with("× 5 min = "));
        assert_eq!(fast.summary.next_halving.to_string(), "2026-04-19");
    }

    #[test]
    fn revenue_per_mwh_is_the_break_even_power_and_says_when_the_fleet_goes_dark() {
        // Defaults: month 0's $28.34/PH/day × 0.98 × 1000 / (24 × 1.05 × 17.5 = 441) =
        // $62.97/MWh, the card's (to rounding of the hashprice shown).
        let p = projection("");
        let v = p.summary.mining_breakeven_power.unwrap();
        assert!((revenue_per_mwh(&p, 0) - v).abs() < 1e-9 * v);
        assert_eq!(
            numbers(&p, "mining_breakeven_power"),
            "$28.34/PH/day × (1 − 2\u{a0}%) × 1,000 / (24 × 1.05 × 17.5\u{a0}J/TH) = "
        );
        assert!((28.34 * 0.98 * 1000.0 / 441.0 - 62.97f64).abs() < 0.01);
        // The keep-mining fleet is dark from the first month its revenue per MWh is below the
        // power price, and not before.
        let dark = p.summary.baseline_dark_month.unwrap();
        let m = p.scenario.month(Key::Start).months_until(dark) as usize;
        let below = |m: usize| revenue_per_mwh(&p, m) < p.months[m].power_usd_mwh;
        assert!(below(m) && (0..m).all(|m| !below(m)));
        assert_eq!(
            numbers(&p, "baseline_dark_month"),
            "$30.98/MWh < $46.20/MWh → "
        );
    }

    #[test]
    fn the_terminal_part_is_each_lines_change_discounted_over_the_horizon() {
        for q in ["", "rate=8&airate=14&years=7", "tv=book&years=15"] {
            let p = projection(q);
            let (last, s) = (p.months.last().unwrap(), &p.scenario);
            // The last month, N − 1, is discounted (1 + i)^(N/12) = (1 + i)^years.
            let years = f64::from(s.int(Key::Years));
            let at = |k: Key| (1.0 + s.get(k) / 100.0).powf(years);
            let value = (last.plan.terminal_mining - last.baseline.terminal_mining) / at(Key::Rate)
                + (last.plan.terminal_ai - last.baseline.terminal_ai) / at(Key::Airate);
            let card = p.summary.npv_advantage_terminal;
            assert!((value - card).abs() < 1e-6 * card.abs().max(1.0), "{q}");
        }
        // Defaults: (−$50.0 M + $2.38 B) / 1.12^10 (= 3.1058) = $750 M (the card's $749 M
        // before rounding the two changes).
        assert_eq!(
            numbers(&projection(""), "npv_advantage_terminal"),
            "−$50.0\u{a0}M / 1.12^10 + $2.38\u{a0}B / 1.12^10 = "
        );
        assert!(((2.38e9 - 50.0e6) / 1.12f64.powi(10) - 750.2e6).abs() < 0.1e6);
    }

    #[test]
    fn advantages_and_choices_show_their_terms() {
        let p = projection("");
        // $70.3 M − $20.3 M = $50.0 M, the card's $49.9 M before rounding the two NPVs.
        assert_eq!(
            numbers(&p, "npv_advantage"),
            "$70.3\u{a0}M − $20.3\u{a0}M = "
        );
        assert_eq!(
            numbers(&p, "best_choice"),
            "argmax($70.3\u{a0}M, $20.3\u{a0}M, $92.7\u{a0}M) = "
        );
        // Nothing converting: the choice is between mining and selling.
        let none = projection("conv=0");
        assert_eq!(numbers(&none, "best_choice").matches('$').count(), 2);
        // The undiscounted sum of the incremental cash, its IRR's root at r = 0.
        let sum: f64 = p.incremental_cash.iter().sum();
        assert!(numbers(&p, "irr_incremental")
            .starts_with(&format!("Σ_m Δ(m) = {} (r = 0)", Lang::En.fmt().money(sum))));
        // Without debt the equity's cash is the project's.
        let debt = projection("ltc=60&tenor=0");
        assert!(numbers(&debt, "equity_irr").starts_with("Σ_m Δe(m) = "));
    }

    #[test]
    fn a_peak_is_the_lowest_running_sum_and_a_payback_where_it_turns() {
        let p = projection("");
        let f = Lang::En.fmt();
        let peak = p.summary.peak_funding_usd;
        assert_eq!(
            numbers(&p, "peak_funding_usd"),
            format!("max(0, −({})) = ", f.money(-peak))
        );
        // Defaults pay back in Dec 2036: the running sum of Δop is below zero in Nov 2036 and
        // not below it in Dec.
        let n = numbers(&p, "payback_month");
        assert!(
            n.starts_with("Σ Δop: −") && n.contains("(Nov 2036) < 0 ≤ $"),
            "{n}"
        );
        // Never short of cash: the lowest running sum is above zero, and the peak zero.
        let never = projection("capex=0&gpucost=0&refit=0&cbuild=0");
        assert_eq!(never.summary.peak_funding_usd, 0.0);
        assert!(numbers(&never, "peak_funding_usd").starts_with("max(0, −($"));
        // With debt, the equity's peak is its operating cash's.
        let debt = projection("ltc=60");
        let peak = debt.summary.peak_equity_usd;
        assert_eq!(
            numbers(&debt, "peak_equity_usd"),
            format!("max(0, −({})) = ", f.money(-peak))
        );
    }

    #[test]
    fn the_lowest_cover_lists_every_year_with_debt_service() {
        let p = projection("ltc=60");
        let n = numbers(&p, "min_dscr");
        let years = p.years.iter().filter(|y| y.dscr.is_some()).count();
        assert_eq!(n.matches('×').count(), years, "{n}");
        let (d, year) = (
            p.summary.min_dscr.unwrap(),
            p.summary.min_dscr_year.unwrap(),
        );
        assert!(
            n.contains(&format!("{} ({year})", times(d, Lang::En))),
            "{n}"
        );
    }

    #[test]
    fn a_breakeven_is_the_input_scaled_by_k() {
        let p = projection("");
        // $193,227 / $60,000 = 3.22045.
        assert_eq!(
            numbers(&p, "breakeven_btc_usd"),
            "k ≈ 3.2205, k × $60,000 = "
        );
        assert_eq!(
            p.summary.breakeven_btc_usd.map(|b| b.round()),
            Some(193_227.0)
        );
        assert!(numbers(&p, "breakeven_ai_rate").ends_with("k × $2.5/GPU-h = "));
        assert!(numbers(&projection("ai=colo"), "breakeven_ai_rate").ends_with("k × $130/kW-mo = "));
        // No breakeven: no numbers, the card's word alone.
        assert_eq!(numbers(&projection("conv=0"), "breakeven_btc_usd"), "");
    }

    #[test]
    fn the_odds_count_the_paths_on_which_converting_wins() {
        let p = projection("mc=1000");
        let odds = |value: &str| {
            let k = Card::Odds.kpi(("", ""), (value.into(), String::new()), String::new(), None);
            explain(&k, &p, Lang::It).unwrap().numbers
        };
        // 0.342 of 1,000 paths: 342.
        assert_eq!(odds("0.342"), "342 / 1.000 = ");
        // While the run is under way: no number yet.
        assert_eq!(odds(""), "");
    }
}
