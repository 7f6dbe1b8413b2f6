//! Property tests: the codec never panics and round-trips; the model conserves megawatts and
//! every output is finite.

use hashshift::analysis::{breakeven_map, breakevens, monte_carlo, rates, timing, tornado};
use hashshift::model::{self, site, Flows, MonthRow, Projection, Sign};
use hashshift::scenario::{canonical_query, parse, Key, Kind, Scenario, KEYS, PRESETS, SCHEMAS};
use proptest::prelude::*;

/// A scenario with every key drawn inside its bounds (months and integers whole). Keys with
/// wide ranges are drawn log-uniformly so that small values get their share.
fn any_scenario() -> impl Strategy<Value = Scenario> {
    let per_key: Vec<_> = KEYS
        .iter()
        .map(|d| {
            let (lo, hi) = (d.min, d.max);
            prop_oneof![
                Just(d.default),
                Just(lo),
                Just(hi),
                (0.0f64..=1.0).prop_map(move |u| lo + u * (hi - lo)),
                (0.0f64..=1.0).prop_map(move |u| if lo > 0.0 {
                    lo * (hi / lo).powf(u)
                } else {
                    lo + (hi - lo) * u * u * u
                }),
            ]
        })
        .collect();
    per_key.prop_map(|values| {
        let mut s = Scenario::default();
        for (d, v) in KEYS.iter().zip(values) {
            s.set(d.key, v);
        }
        s.with(Key::Mc, 0.0)
    })
}

/// The fields of [`Flows`] that debt (ECONOMICS.md §8b) sets; every other field is §6–§8's.
const DEBT_FIELDS: [&str; 4] = ["debt_draw", "interest", "principal", "equity_cf"];

/// Asserts that `levered` and `unlevered` (the same scenario with `ltc = 0`) have the same §6–§8
/// months and unlevered summary, bit for bit, and that `unlevered`'s equity is its project's.
fn debt_moves_no_unlevered_number(levered: &Projection, unlevered: &Projection) {
    let at = canonical_query(&levered.scenario);
    for (a, b) in levered.months.iter().zip(&unlevered.months) {
        for (a, b) in [(a.plan, b.plan), (a.baseline, b.baseline)] {
            let values = Flows::FIELDS
                .iter()
                .zip(a.values().into_iter().zip(b.values()));
            for (f, (x, y)) in values.filter(|(f, _)| !DEBT_FIELDS.contains(&f.name)) {
                assert_eq!(x.to_bits(), y.to_bits(), "{at}: {}", f.name);
            }
        }
    }
    let (a, b) = (levered.summary, unlevered.summary);
    assert_eq!((a.plan, a.baseline), (b.plan, b.baseline), "{at}");
    assert_eq!(
        (
            a.npv_advantage,
            a.npv_advantage_terminal,
            a.irr_incremental,
            a.payback_month
        ),
        (
            b.npv_advantage,
            b.npv_advantage_terminal,
            b.irr_incremental,
            b.payback_month
        ),
        "{at}"
    );
    assert_eq!(
        (
            a.peak_funding_usd,
            a.peak_funding_month,
            a.breakeven_btc_usd,
            a.breakeven_ai_rate
        ),
        (
            b.peak_funding_usd,
            b.peak_funding_month,
            b.breakeven_btc_usd,
            b.breakeven_ai_rate
        ),
        "{at}"
    );
    assert_eq!(
        (a.npv_sell, a.best_choice),
        (b.npv_sell, b.best_choice),
        "{at}"
    );
    assert_eq!(levered.incremental_cash, unlevered.incremental_cash, "{at}");
    // Without debt, the equity is the project.
    for r in &unlevered.months {
        for f in [r.plan, r.baseline] {
            assert_eq!(
                (f.debt_draw, f.interest, f.principal),
                (0.0, 0.0, 0.0),
                "{at}"
            );
            assert_eq!(f.equity_cf, f.cash_flow, "{at}");
        }
    }
    assert_eq!(b.equity_irr, b.irr_incremental, "{at}");
    assert_eq!(
        (b.peak_equity_usd, b.peak_equity_month),
        (b.peak_funding_usd, b.peak_funding_month),
        "{at}"
    );
    assert_eq!(
        (b.debt_peak_usd, b.min_dscr, b.min_dscr_year),
        (0.0, None, None),
        "{at}"
    );
    assert!(unlevered.years.iter().all(|y| y.dscr.is_none()), "{at}");
}

/// Asserts that the plan's debt is whole: never a negative or non-finite balance, and each
/// month's balance is the last one's with a month's interest (`kd/100/12`), plus the month's
/// draw, less its cash interest and its instalments (its principal, the balloon left out), so
/// that all that is drawn, with the interest capitalized, is repaid by the horizon.
fn debt_is_repaid(p: &Projection) {
    let at = canonical_query(&p.scenario);
    let rate = p.scenario.get(Key::Kd) / 100.0 / 12.0;
    let drawn: f64 = p.months.iter().map(|r| r.plan.debt_draw).sum();
    let scale = 1.0 + drawn + p.summary.debt_peak_usd;
    let n = p.months.len();
    let mut owed = 0.0;
    for (m, (r, &balance)) in p.months.iter().zip(&p.debt_balance).enumerate() {
        assert!(
            balance.is_finite() && balance >= 0.0,
            "{at}: month {m}: {balance}"
        );
        let balloon = if m + 1 == n { balance } else { 0.0 };
        let f = r.plan;
        let want = owed * (1.0 + rate) + f.debt_draw - f.interest - (f.principal - balloon);
        assert!(
            (balance - want).abs() <= 1e-9 * scale,
            "{at}: month {m}: {balance} vs {want}"
        );
        owed = balance;
    }
    assert!(p.summary.debt_peak_usd <= scale);
    assert_eq!(
        p.balloon_usd(),
        p.debt_balance.last().copied().unwrap_or(0.0)
    );
    if rate == 0.0 {
        let repaid: f64 = p.months.iter().map(|r| r.plan.principal).sum();
        assert!(
            (repaid - drawn).abs() <= 1e-9 * scale,
            "{at}: {repaid} vs {drawn}"
        );
    }
}

/// Query-like strings: known and unknown keys with odd values, escapes and separators.
fn query_like() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        proptest::sample::select(KEYS.iter().map(|d| d.name).collect::<Vec<_>>())
            .prop_map(String::from),
        Just("v".to_string()),
        Just("preset".to_string()),
        Just("tab".to_string()),
        Just("controls".to_string()),
        "[a-z]{0,6}",
    ];
    let value = prop_oneof![
        any::<f64>().prop_map(|v| v.to_string()),
        "-?[0-9]{0,12}(\\.[0-9]{0,8})?(e-?[0-9]{1,3})?",
        "[0-9]{4}-[0-9]{1,2}",
        "(%[0-9A-Fa-f]{0,2}|\\+|[a-zé€]){0,6}",
        Just("NaN".to_string()),
        Just("-inf".to_string()),
    ];
    proptest::collection::vec((key, value), 0..12).prop_map(|pairs| {
        pairs
            .into_iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    })
}

proptest! {
    // The codec is cheap (about 2 µs a query), so it is fuzzed with many more cases.
    #![proptest_config(ProptestConfig { cases: 5000, ..ProptestConfig::default() })]

    #[test]
    fn parsing_arbitrary_strings_never_panics(input in any::<String>()) {
        let p = parse(&input);
        for key in KEYS.iter().map(|d| d.key) {
            let (lo, hi) = p.scenario.bounds(key);
            let v = p.scenario.get(key);
            prop_assert!(v.is_finite() && lo <= v && v <= hi);
        }
    }

    #[test]
    fn parsing_query_like_strings_gives_a_valid_scenario(input in query_like()) {
        let p = parse(&input);
        let again = parse(&canonical_query(&p.scenario));
        prop_assert!(again.warnings.is_empty(), "{:?}", again.warnings);
        prop_assert_eq!(again.scenario, p.scenario);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn canonical_query_round_trips(s in any_scenario()) {
        let q = canonical_query(&s);
        let p = parse(&q);
        prop_assert!(p.warnings.is_empty(), "{}: {:?}", q, p.warnings);
        // Bit for bit: compare the raw f64 bits of every key.
        for key in KEYS.iter().map(|d| d.key) {
            prop_assert_eq!(p.scenario.get(key).to_bits(), s.get(key).to_bits(), "{}", key.name());
        }
        prop_assert_eq!(canonical_query(&p.scenario), q);
    }

    #[test]
    fn integers_and_months_stay_whole(s in any_scenario()) {
        for d in KEYS.iter().filter(|d| d.kind != Kind::Real) {
            prop_assert_eq!(s.get(d.key).fract(), 0.0);
        }
    }

    #[test]
    fn megawatts_are_conserved(s in any_scenario()) {
        let p = model::run(&s);
        let mw = s.get(Key::Mw);
        for (m, row) in p.months.iter().enumerate() {
            let split = site::split(mw, &p.tranches, m);
            let total = split.mining + split.building + split.live;
            prop_assert!((total - mw).abs() <= 1e-9 * mw, "month {}: {} != {}", m, total, mw);
            prop_assert_eq!(row.plan.mining_mw, split.mining);
            prop_assert!((row.plan.ai_it_mw - split.live / s.get(Key::Itratio)).abs() <= 1e-12 * mw);
            prop_assert_eq!(row.baseline.mining_mw, mw);
            prop_assert!(split.mining >= 0.0 && split.building >= 0.0 && split.live >= 0.0);
        }
    }

    #[test]
    fn every_output_is_finite(s in any_scenario()) {
        let p = model::run(&s);
        prop_assert_eq!(p.months.len(), s.horizon_months());
        for r in &p.months {
            for (f, v) in MonthRow::MARKET_FIELDS.iter().zip(r.market_values()) {
                prop_assert!(v.is_finite() && v >= 0.0, "{} = {}", f.name, v);
            }
            for flows in [r.plan, r.baseline] {
                for (f, v) in Flows::FIELDS.iter().zip(flows.values()) {
                    prop_assert!(v.is_finite(), "{} = {}", f.name, v);
                    prop_assert!(f.sign == Sign::Any || v >= 0.0, "{} = {}", f.name, v);
                }
            }
        }
        let sm = p.summary;
        for t in [sm.plan, sm.baseline] {
            prop_assert!(t.npv.is_finite() && t.cash_flow.is_finite() && t.ebitda.is_finite());
            prop_assert!(t.terminal.is_finite() && t.terminal >= 0.0);
            prop_assert!(t.mining_cost_per_btc.is_none_or(f64::is_finite));
        }
        prop_assert!(sm.npv_advantage.is_finite() && sm.npv_advantage_terminal.is_finite());
        prop_assert!(sm.peak_funding_usd.is_finite() && sm.peak_funding_usd >= 0.0);
        prop_assert_eq!(sm.peak_funding_usd > 0.0, sm.peak_funding_month.is_some());
        for v in [sm.irr_incremental, sm.breakeven_btc_usd, sm.breakeven_ai_rate, sm.mining_breakeven_power, sm.equity_irr, sm.min_dscr].into_iter().flatten() {
            prop_assert!(v.is_finite());
        }
        prop_assert!(sm.peak_equity_usd.is_finite() && sm.peak_equity_usd >= 0.0);
        prop_assert_eq!(sm.peak_equity_usd > 0.0, sm.peak_equity_month.is_some());
        prop_assert!(sm.debt_peak_usd.is_finite() && sm.debt_peak_usd >= 0.0);
        prop_assert_eq!(sm.min_dscr.is_some(), sm.min_dscr_year.is_some());
        prop_assert_eq!(p.debt_balance.len(), p.months.len());
        for y in &p.years {
            prop_assert!(y.plan.equity_cf.is_finite() && y.dscr.is_none_or(f64::is_finite));
        }
        if let Some(r) = sm.irr_incremental {
            prop_assert!((-0.99..=10.0).contains(&r));
        }
        let year_months: usize = p.years.iter().map(|y| y.months).sum();
        prop_assert_eq!(year_months, p.months.len());
    }

    #[test]
    fn debt_moves_no_unlevered_number_and_is_repaid(s in any_scenario()) {
        let levered = model::run(&s);
        debt_moves_no_unlevered_number(&levered, &model::run(&s.with(Key::Ltc, 0.0)));
        debt_is_repaid(&levered);
        debt_is_repaid(&model::run(&s.with(Key::Kd, 0.0)));
        // The equity's operating cash, as a chart reads it, reaches the summary's peak.
        let (mut sum, mut lowest, mut scale) = (0.0, 0.0f64, 1.0);
        for d in levered.equity_operating_cash() {
            sum += d;
            lowest = lowest.min(sum);
            scale += d.abs();
        }
        let peak = levered.summary.peak_equity_usd;
        prop_assert!((peak + lowest).abs() <= 1e-9 * scale, "{} vs {}", peak, -lowest);
    }

    #[test]
    fn a_prepayment_nets_to_zero_over_the_horizon(s in any_scenario()) {
        let p = model::run(&s);
        let scale = p.months.iter().map(|r| r.plan.ai_revenue).sum::<f64>().max(1.0);
        let net: f64 = p.months.iter().map(|r| r.plan.prepayment).sum();
        prop_assert!(net.abs() <= 1e-9 * scale, "{} of {}", net, scale);
        prop_assert!(p.months.iter().all(|r| r.baseline.prepayment == 0.0));
    }

    #[test]
    fn a_schema_1_link_and_its_schema_2_query_are_the_same_scenario(s in any_scenario()) {
        // The schema-1 keys of a random scenario, as the first release would have written them.
        let v1: Vec<String> = SCHEMAS[0]
            .keys
            .iter()
            .map(|k| format!("{}={}", k.name, s.value_text(k.key)))
            .collect();
        let link = format!("v=1&{}", v1.join("&"));
        let migrated = parse(&link);
        prop_assert!(migrated.warnings.is_empty(), "{:?}", migrated.warnings);
        let q = canonical_query(&migrated.scenario);
        let again = parse(&q);
        prop_assert!(again.warnings.is_empty());
        prop_assert_eq!(again.scenario, migrated.scenario);
        // Its months are schema 1's: nothing schema 2 added, and schema 1's cash identity.
        let p = model::run(&migrated.scenario);
        for r in &p.months {
            for f in [r.plan, r.baseline] {
                prop_assert_eq!((f.asic_sales, f.prepayment, f.terminal_mining), (0.0, 0.0, 0.0));
                let schema1 = f.mining_revenue - f.mining_power - f.mining_opex + f.ai_revenue
                    - f.ai_power - f.ai_opex - f.capex + f.terminal_ai;
                let scale = f.values().iter().fold(1.0f64, |a, v| a.max(v.abs()));
                prop_assert!((f.cash_flow - schema1).abs() <= 1e-12 * scale);
            }
        }
    }

    #[test]
    fn the_evaluator_gives_the_models_npv_advantage_bit_for_bit(
        base in any_scenario(),
        moved in any_scenario(),
        which in 0usize..KEYS.len(),
        delay in 0usize..40,
    ) {
        let eval = model::Evaluator::new(&base);
        prop_assert_eq!(eval.npv_advantage(&base).to_bits(), model::npv_advantage(&base).to_bits());
        // One key moved, as the tornado moves them.
        let key = KEYS[which].key;
        let s = base.with(key, moved.get(key));
        prop_assert_eq!(eval.npv_advantage(&s).to_bits(), model::npv_advantage(&s).to_bits(), "{:?}", key);
        // A later construction start, as the value of waiting moves it.
        let start = base.get(Key::Start).max(base.get(Key::Cstart));
        let later = base.with(Key::Cstart, start + delay as f64);
        let fits = later.get(Key::Cstart) == start + delay as f64
            && later.month(Key::Cstart) < later.month(Key::Start).plus(later.horizon_months() as i32);
        if fits && base.get(Key::Conv) > 0.0 {
            prop_assert_eq!(
                eval.npv_advantage_delayed(&base, delay).to_bits(),
                model::npv_advantage(&later).to_bits()
            );
        }
    }

    #[test]
    fn analyses_are_finite(s in any_scenario(), paths in 1u32..40) {
        let p = model::run(&s.with(Key::Mc, f64::from(paths) ));
        let mc = monte_carlo(&p).unwrap();
        prop_assert!(mc.npv_advantage_p10 <= mc.npv_advantage_p50 && mc.npv_advantage_p50 <= mc.npv_advantage_p90);
        prop_assert!(mc.fan.iter().all(|f| f.plan.iter().chain(&f.baseline).all(|v| v.is_finite())));
        let map = breakeven_map(&p, 5, 4);
        prop_assert!(map.values.iter().all(|v| v.is_finite()));
        let t = tornado(&s);
        prop_assert!(t.bars.iter().all(|b| b.low.is_finite() && b.high.is_finite()));
        prop_assert!(rates(&p).iter().all(|r| r.npv_advantage.is_finite()));
        prop_assert!(timing(&s).iter().all(|r| r.npv_advantage.is_finite()));
    }
}

proptest! {
    // Each case scans some 20 inputs at 201 points: a few dozen cases.
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn break_evens_lie_within_their_bounds_and_shares_sum_to_one(s in any_scenario(), paths in 1u32..30) {
        let p = model::run(&s.with(Key::Mc, f64::from(paths)));
        for b in breakevens(&p) {
            let (lo, hi) = s.bounds(b.key);
            prop_assert_eq!(b.value, s.get(b.key));
            prop_assert!(b.break_even.is_none_or(|x| (lo..=hi).contains(&x)), "{:?}", b);
            prop_assert!(p.converts() || b.break_even.is_none());
        }
        let mc = monte_carlo(&p).unwrap();
        let shares = [mc.best_convert, mc.best_mine, mc.best_sell];
        prop_assert!((shares.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        prop_assert!(p.converts() || mc.best_convert == 0.0);
    }
}

/// The evaluator reuses what a moved key cannot change (`MARKET`, `BASELINE`, `DISCOUNT`,
/// `MINING`, `CLOCK`): every key, moved alone to each end of its slider and to the middle,
/// from scenarios that exercise each side (GPU cloud and colocation, a contract with
/// prepayment, book value, a fleet that never switches off, nothing converting), gives the
/// model's NPV advantage bit for bit. A key missing from a list it belongs to fails here
/// whatever the random draws of the property above.
#[test]
fn every_key_moved_alone_gives_the_evaluator_the_models_npv_advantage() {
    let bases = [
        "",
        "ai=colo&cterm=60&prepay=20",
        "phases=3&every=6&tv=book&shutoff=0&powg=5",
        "btc=200000&hrg=0&conv=40&cstart=2028-06",
        "conv=0",
    ];
    for q in bases {
        let base = parse(q).scenario;
        let eval = model::Evaluator::new(&base);
        for d in KEYS.iter() {
            let (lo, hi) = d.slider;
            for v in [lo, hi, (lo + hi) / 2.0] {
                let s = base.with(d.key, v);
                assert_eq!(
                    eval.npv_advantage(&s).to_bits(),
                    model::npv_advantage(&s).to_bits(),
                    "{q}: {} = {v}",
                    d.name
                );
            }
        }
    }
}

/// Every preset, with its own debt and with a loan added to it: debt moves no unlevered
/// number, and is repaid by the horizon.
#[test]
fn debt_moves_no_preset_s_unlevered_number() {
    for preset in PRESETS {
        for more in [
            "",
            "&ltc=70&kd=9&tenor=7",
            "&ltc=90&kd=30&tenor=0",
            "&ltc=50&tenor=20",
        ] {
            let s = parse(&format!("preset={}{more}", preset.id)).scenario;
            let levered = model::run(&s);
            debt_moves_no_unlevered_number(&levered, &model::run(&s.with(Key::Ltc, 0.0)));
            debt_is_repaid(&levered);
        }
    }
}
