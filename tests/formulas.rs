//! Worked examples of ECONOMICS.md §5–§8, each number computed by hand in the comments.

use hashshift::model::{self, site, Flows};
use hashshift::scenario::{parse, Key, Scenario};

fn scenario(q: &str) -> Scenario {
    let p = parse(q);
    assert!(p.warnings.is_empty(), "{q}: {:?}", p.warnings);
    p.scenario
}

fn close(a: f64, b: f64) {
    assert!((a - b).abs() <= 1e-9 * b.abs().max(1.0), "{a} != {b}");
}

/// A 10 MW site converted at once (cbuild=0) to 8 MW IT of GPU cloud, over 2 years from Jan 2026.
const GPU_SITE: &str = "years=2&mw=10&power=50&cbuild=0&pue=1.25&capex=10&aiopex=10&gpu=2\
                        &gpudecl=20&util=100&gpumw=500&gpucost=10000&gpulife=1&dclife=5";

#[test]
fn gpu_cloud_month_by_month() {
    let p = model::run(&scenario(GPU_SITE));
    let jan = p.months[0].plan;
    // G = 10 MW / 1.25 · 500 = 4000 GPUs; conversion 10e6 · 10 / 1.25 = $80M; GPUs 4000 · $10k.
    close(jan.ai_it_mw, 8.0);
    close(jan.capex, 80e6 + 40e6);
    // 4000 GPUs · 744 h · 100 % · $2 = $5,952,000; opex 10 %; power 10 MW · 744 h · $50.
    close(jan.ai_revenue, 5_952_000.0);
    close(jan.ai_opex, 595_200.0);
    close(jan.ai_power, 372_000.0);
    close(jan.mining_mw, 0.0);
    // Month 7 (Aug, 744 h): GPUs 7 months old rent at 2 · 0.8^(7/12).
    close(
        p.months[7].plan.ai_revenue,
        4000.0 * 744.0 * 2.0 * 0.8f64.powf(7.0 / 12.0),
    );
    // Month 12: refresh (gpulife 1 year) buys 4000 new GPUs, and the price is new again.
    close(p.months[12].plan.capex, 40e6);
    close(p.months[12].plan.ai_revenue, 5_952_000.0);
    // Residual: the hall lived 24 of 60 months, 80e6 · (1 − 24/60) = 48e6; both GPU batches
    // are fully used (1 − 24/12 < 0 and 1 − 12/12 = 0).
    close(p.months[23].plan.residual, 48e6);
    assert!(p.months[..23].iter().all(|r| r.plan.residual == 0.0));
}

#[test]
fn gpu_residual_counts_unexpired_gpus() {
    let q = GPU_SITE.replace("gpulife=1", "gpulife=3");
    let p = model::run(&scenario(&q));
    // One purchase at month 0, 24 of 36 months used: 40e6 · (1 − 24/36) = 13.333e6, plus 48e6.
    close(p.months[23].plan.residual, 48e6 + 40e6 / 3.0);
    close(p.months[12].plan.capex, 0.0);
    // No refresh: at month 13 the GPUs are 13 months old.
    close(
        p.months[13].plan.ai_revenue,
        4000.0 * 672.0 * 2.0 * 0.8f64.powf(13.0 / 12.0),
    );
}

#[test]
fn colocation_lease_with_yearly_escalator() {
    let p = model::run(&scenario(
        "years=2&mw=10&cbuild=0&pue=1.25&ai=colo&colo=100&esc=10",
    ));
    // 8 MW IT = 8000 kW · $100 = $800k a month in year 1, $880k in year 2; the tenant pays
    // power and owns the GPUs.
    close(p.months[0].plan.ai_revenue, 800_000.0);
    close(p.months[11].plan.ai_revenue, 800_000.0);
    close(p.months[12].plan.ai_revenue, 880_000.0);
    assert_eq!(p.months[5].plan.ai_power, 0.0);
    close(p.months[0].plan.capex, 8e6 * 10.0 / 1.25);
    close(p.months[0].plan.ai_opex, 0.15 * 800_000.0);
}

#[test]
fn conversion_capex_is_spread_over_construction_and_cut_at_the_horizon() {
    // One year; construction from Oct 2026 for 6 months: only Oct–Dec fall inside.
    let p = model::run(&scenario("years=1&cstart=2026-10&cbuild=6"));
    let per_month = 8e6 * 100.0 / 1.25 / 6.0;
    for m in 0..12 {
        let want = if m >= 9 { per_month } else { 0.0 };
        close(p.months[m].plan.capex, want);
    }
    // The hall never goes live inside the horizon (L = 0): the residual is what was spent,
    // and no GPUs are bought.
    close(p.months[11].plan.residual, 3.0 * per_month);
    close(p.summary.plan.capex, 3.0 * per_month);
    // While it is built, the tranche neither mines nor earns.
    assert_eq!(p.months[10].plan.mining_mw, 0.0);
    assert_eq!(p.months[10].plan.ai_revenue, 0.0);
    assert_eq!(p.months[8].plan.mining_mw, 100.0);
}

#[test]
fn tranches_past_the_horizon_are_not_counted() {
    let s = scenario("years=1&phases=2&every=12&cbuild=6");
    let p = model::run(&s);
    // Tranche 0: 50 MW, built months 0–5, live 6–11. Tranche 1 would start at month 12.
    close(
        p.summary.plan.capex,
        8e6 * 50.0 / 1.25 + 50.0 / 1.25 * 545.0 * 50_000.0,
    );
    close(p.months[11].plan.mining_mw, 50.0);
    // Hall residual: 6 live months of 240.
    let hall = 8e6 * 50.0 / 1.25 * (1.0 - 6.0 / 240.0);
    // GPUs bought in month 6, used 6 of 60 months.
    let gpus = 50.0 / 1.25 * 545.0 * 50_000.0 * (1.0 - 6.0 / 60.0);
    close(p.months[11].plan.residual, hall + gpus);
    let split = site::split(100.0, &p.tranches, 11);
    close(split.mining + split.building + split.live, 100.0);
}

#[test]
fn mining_month_by_hand_and_shutoff() {
    let p = model::run(&scenario("conv=0"));
    let b: Flows = p.months[0].baseline;
    // F = 100 · 1000 / (1.05 · 17.5) PH/s; R = 4464 · 3.15 BTC; 95 % uptime, 2 % pool fee.
    let fleet = 100.0 * 1000.0 / (1.05 * 17.5);
    let btc = 0.95 * fleet / 1_100_000.0 * 4464.0 * 3.15 * 0.98;
    close(b.btc_mined, btc);
    close(b.mining_revenue, btc * 90_000.0);
    close(b.mining_power, 0.95 * 100.0 * 744.0 * 45.0);
    close(b.mining_opex, 300_000.0);
    assert_eq!(p.months[0].plan, b, "conv=0: plan is the baseline");
    // At $500/MWh the fleet is off every month; opex is still paid.
    let off = model::run(&scenario("conv=0&power=500"));
    for r in &off.months {
        assert_eq!((r.baseline.btc_mined, r.baseline.mining_power), (0.0, 0.0));
        close(r.baseline.cash_flow, -300_000.0);
    }
    assert_eq!(off.summary.baseline.mining_cost_per_btc, None);
    // Without shut-off it runs at a loss.
    let on = model::run(&scenario("conv=0&power=500&shutoff=0"));
    assert!(on.months[0].baseline.cash_flow < -300_000.0);
}

#[test]
fn summary_totals_are_consistent() {
    let p = model::run(&scenario("rate=0&phases=3&years=7"));
    for (t, flows) in [
        (
            p.summary.plan,
            p.months.iter().map(|r| r.plan).collect::<Vec<_>>(),
        ),
        (
            p.summary.baseline,
            p.months.iter().map(|r| r.baseline).collect(),
        ),
    ] {
        let cash: f64 = flows.iter().map(|f| f.cash_flow).sum();
        close(t.cash_flow, cash);
        // At a 0 % rate the NPV is the plain sum.
        close(t.npv, cash);
        close(t.revenue, t.mining_revenue + t.ai_revenue);
        close(t.cash_flow, t.ebitda - t.capex + t.residual);
        let cost: f64 = flows.iter().map(|f| f.mining_power + f.mining_opex).sum();
        if let Some(c) = t.mining_cost_per_btc {
            close(c, cost / t.btc_mined);
        }
    }
    close(
        p.summary.npv_advantage,
        p.summary.plan.npv - p.summary.baseline.npv,
    );
}

#[test]
fn defaults_headline_numbers() {
    let p = model::run(&Scenario::default());
    let s = p.summary;
    assert_eq!(s.next_halving.to_string(), "2028-04-17");
    // April 2028 and April 2032 (months 27 and 75).
    assert_eq!(p.halving_months, vec![27, 75]);
    // Worked from the defaults' monthly cash flows (values cross-checked with the JSON output).
    assert!(
        (s.npv_advantage / 1e6 + 596.769).abs() < 0.001,
        "{}",
        s.npv_advantage
    );
    assert!((s.irr_incremental.unwrap() - 0.048).abs() < 0.0001);
    // At $2.50/GPU-hour the plan loses at any BTC price: a lower price cannot help it (the
    // baseline just shuts off) and a higher one only helps the baseline. No breakeven.
    assert_eq!(s.breakeven_btc_usd, None);
    // The GPU price at which the plan breaks even does not depend on the GPU price itself.
    let be = s.breakeven_ai_rate.unwrap();
    let other = model::run(&scenario("gpu=3.5"))
        .summary
        .breakeven_ai_rate
        .unwrap();
    close(be, other);
}

#[test]
fn next_halving_moves_with_the_block_interval() {
    let fast = model::run(&scenario("blockmin=9.5")).summary.next_halving;
    // 210,000 blocks of 570 s after the anchor: 1713571767 + 119,700,000 = 2028-02-04.
    assert_eq!(fast.to_string(), "2028-02-04");
}

#[test]
fn breakevens_zero_the_npv_advantage() {
    for q in [
        "gpu=3.5",
        "gpu=3.5&shutoff=0",
        "gpu=3.2&btcg=15&power=30",
        "ai=colo&years=12&colo=200",
        "",
        "phases=4&conv=60",
    ] {
        let s = scenario(q);
        let p = model::run(&s);
        let scale = p.summary.plan.npv.abs() + p.summary.baseline.npv.abs();
        close(
            p.levers.npv_advantage(1.0, 1.0) / scale,
            p.summary.npv_advantage / scale,
        );
        if let Some(btc) = p.summary.breakeven_btc_usd {
            let adv = model::npv_advantage(&s.with(Key::Btc, btc));
            assert!(adv.abs() < 1e-7 * scale, "{q}: {adv} at BTC {btc}");
        }
        if let Some(rate) = p.summary.breakeven_ai_rate {
            let adv = model::npv_advantage(&s.with(s.ai_rate_key(), rate));
            assert!(adv.abs() < 1e-7 * scale, "{q}: {adv} at rate {rate}");
        }
    }
    // A higher BTC price helps the baseline more: conversion wins while BTC stays below X.
    let s = scenario("gpu=3.5");
    let be = model::run(&s)
        .summary
        .breakeven_btc_usd
        .expect("a BTC breakeven");
    assert!(model::npv_advantage(&s.with(Key::Btc, be * 0.9)) > 0.0);
    assert!(model::npv_advantage(&s.with(Key::Btc, be * 1.1)) < 0.0);
}

#[test]
fn keep_mining_has_no_breakevens_and_no_irr() {
    let s = model::run(&scenario("conv=0")).summary;
    assert_eq!(s.npv_advantage, 0.0);
    assert_eq!(
        (s.breakeven_btc_usd, s.breakeven_ai_rate, s.irr_incremental),
        (None, None, None)
    );
    assert_eq!(s.payback_month, None);
}
