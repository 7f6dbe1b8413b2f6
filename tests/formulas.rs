//! Worked examples of ECONOMICS.md §5–§8b, each number computed by hand in the
//! comments.

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

/// A 10 MW site converted at once (cbuild=0) to 8 MW IT of GPU cloud (itratio 1.25), over 2
/// years from Jan 2026, with the schema-2 mechanisms off unless a test turns them on, and a
/// merchant price (no contract).
const GPU_SITE: &str = "start=2026-01&years=2&mw=10&power=50&powg=0&asicp=0&cbuild=0\
                        &itratio=1.25&pue=1.25&firm=0&capex=10&ramp=0&gpu=2&gpudecl=20&util=100\
                        &gpumw=500&gpucost=10000&gpulife=1&refit=0&gpuopex=10&dclife=5&cterm=0\
                        &tv=book";

/// The scenario of `base` with the keys of `more` set over it.
fn over(base: &str, more: &str) -> Scenario {
    let mut s = scenario(base);
    for pair in more.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap();
        let warnings = s.set_text(Key::from_name(name).unwrap(), value);
        assert!(warnings.is_empty(), "{pair}: {warnings:?}");
    }
    s
}

/// `GPU_SITE` with more keys.
fn gpu_site(more: &str) -> Scenario {
    over(GPU_SITE, more)
}

/// `COLO_SITE` with more keys.
fn colo_site(more: &str) -> Scenario {
    over(COLO_SITE, more)
}

#[test]
fn gpu_cloud_month_by_month() {
    let p = model::run(&scenario(GPU_SITE));
    let jan = p.months[0].plan;
    // I = 10 / 1.25 = 8 MW IT; G = 8 · 500 = 4000 GPUs; conversion 10e6 · 8; GPUs 4000 · $10k.
    close(jan.ai_it_mw, 8.0);
    close(jan.capex, 80e6 + 40e6);
    // 4000 GPUs · 744 h · 100 % · $2 = $5,952,000; opex 10 %; power 8 · 1.25 · 744 h · $50.
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
    // Book value: the hall lived 24 of 60 months, 80e6 · (1 − 24/60) = 48e6; both GPU batches
    // are fully used (1 − 24/12 < 0 and 1 − 12/12 = 0).
    close(p.months[23].plan.terminal_ai, 48e6);
    assert!(p.months[..23].iter().all(|r| r.plan.terminal_ai == 0.0));
    assert_eq!(
        p.months[23].plan.terminal_mining, 0.0,
        "book value: no land"
    );
}

#[test]
fn the_ai_hall_pays_the_firm_premium_with_escalation() {
    let p = model::run(&gpu_site("powg=10&firm=20"));
    // Month 12 (Jan 2027, 744 h): pa = (50 + 20) · 1.1 = 77 $/MWh; 8 · 1.25 · 744 · 77.
    close(p.months[12].plan.ai_power, 572_880.0);
    close(p.months[12].power_usd_mwh, 55.0);
    // Mining pays the interruptible price, escalated the same way: 0.95 · 10 · 744 · 55.
    let mining = model::run(&gpu_site("powg=10&firm=20&conv=0"));
    close(
        mining.months[12].baseline.mining_power,
        0.95 * 10.0 * 744.0 * 55.0,
    );
}

#[test]
fn a_new_hall_ramps_up_linearly() {
    let p = model::run(&gpu_site("ramp=4"));
    // φ(e) = min(1, (e + 0.5)/4): 0.125, 0.375, 0.625, 0.875, then 1.
    close(p.months[0].plan.ai_revenue, 4000.0 * 744.0 * 2.0 * 0.125);
    // February 2026: 672 h, GPUs one month old.
    let feb = 4000.0 * 672.0 * 2.0 * 0.375 * 0.8f64.powf(1.0 / 12.0);
    close(p.months[1].plan.ai_revenue, feb);
    close(p.months[1].plan.ai_power, 8.0 * 1.25 * 0.375 * 672.0 * 50.0);
    // May 2026 (744 h): full billing.
    close(
        p.months[4].plan.ai_revenue,
        4000.0 * 744.0 * 2.0 * 0.8f64.powf(4.0 / 12.0),
    );
}

#[test]
fn a_contract_holds_the_price_until_it_ends() {
    let p = model::run(&gpu_site("gpulife=2&cterm=18"));
    // Month 12 (Jan 2027): the GPUs are 12 months old, but the contract holds the price at $2.
    close(p.months[12].plan.ai_revenue, 4000.0 * 744.0 * 2.0);
    // Month 17 (Jun 2027, 720 h): still $2.
    close(p.months[17].plan.ai_revenue, 4000.0 * 720.0 * 2.0);
    // Month 18 (Jul 2027, 744 h): the contract is over; the GPUs are 18 months old.
    close(
        p.months[18].plan.ai_revenue,
        4000.0 * 744.0 * 2.0 * 0.8f64.powf(18.0 / 12.0),
    );
}

#[test]
fn each_gpu_refresh_reworks_the_hall() {
    let p = model::run(&gpu_site("years=3&gpulife=2&refit=3"));
    // Purchases at months 0 and 24; the second also costs 3e6 · 8 MW IT of refit.
    close(p.months[0].plan.capex, 80e6 + 40e6);
    close(p.months[24].plan.capex, 40e6 + 24e6);
    // Book value at N = 36: the hall lived 36 of 60 months, 80e6 · 0.4 = 32e6; the batch of
    // month 24 with its refit is half used, 64e6 · (1 − 12/24) = 32e6.
    close(p.months[35].plan.terminal_ai, 32e6 + 32e6);
}

/// A 10 MW hall (8 MW IT) leased at $100/kW-month with a 10 % yearly escalator, live at once.
const COLO_SITE: &str = "start=2026-01&years=2&mw=10&asicp=0&cbuild=0&itratio=1.25&ai=colo\
                         &colo=100&esc=10&ramp=0&coloopex=0&cterm=0&tv=book";

#[test]
fn colocation_lease_with_yearly_escalator() {
    let p = model::run(&colo_site("coloopex=5"));
    // 8000 kW · $100 = $800k a month in year 1, $880k in year 2; the tenant pays power and owns
    // the GPUs; the landlord's cost is 5 % of the rent.
    close(p.months[0].plan.ai_revenue, 800_000.0);
    close(p.months[11].plan.ai_revenue, 800_000.0);
    close(p.months[12].plan.ai_revenue, 880_000.0);
    assert_eq!(p.months[5].plan.ai_power, 0.0);
    // Conversion capex at the default $11M per MW IT.
    close(p.months[0].plan.capex, 11e6 * 8.0);
    close(p.months[0].plan.ai_opex, 0.05 * 800_000.0);
}

#[test]
fn a_prepayment_only_moves_cash_in_time() {
    // 6-month contract, 20 % prepaid: V = 6 · 800,000 = 4.8M, paid at construction start
    // (month 0 when cbuild = 0), then 20 % off each contract month's bill.
    let p = model::run(&colo_site("cterm=6&prepay=20"));
    close(p.months[0].plan.prepayment, 0.2 * 4.8e6 - 160_000.0);
    for m in 1..6 {
        close(p.months[m].plan.prepayment, -160_000.0);
    }
    assert!(p.months[6..].iter().all(|r| r.plan.prepayment == 0.0));
    close(p.summary.plan.prepayment, 0.0);
    // Revenue is reported unchanged.
    close(p.months[3].plan.ai_revenue, 800_000.0);
    // Built over 6 months: the prepayment comes at the construction start, the bills later.
    let p = model::run(&colo_site("cbuild=6&cterm=6&prepay=20"));
    close(p.months[0].plan.prepayment, 960_000.0);
    close(p.months[6].plan.prepayment, -160_000.0);
    // A contract longer than the horizon: only the months inside it count, 12 · 800k + 12 · 880k.
    let p = model::run(&colo_site("cterm=60&prepay=20"));
    close(p.months[0].plan.prepayment, 0.2 * 20.16e6 - 160_000.0);
    close(p.months[23].plan.prepayment, -176_000.0);
    close(p.summary.plan.prepayment, 0.0);
    // No prepayment without a contract.
    let p = model::run(&colo_site("prepay=20"));
    assert!(p.months.iter().all(|r| r.plan.prepayment == 0.0));
}

#[test]
fn market_terminal_value_prices_halls_at_the_cap_rate() {
    let market = "tv=market&caprate=8&colo=150&esc=4&coloopex=5&landv=2";
    let p = model::run(&colo_site(market));
    // Live since month 0, N = 24: next year's rent 12 · 8000 kW · $150 · 1.04^2 = 15,575,040,
    // less the landlord's 5 %, at an 8 % cap rate: 14,796,288 / 0.08 = 184,953,600.
    close(p.months[23].plan.terminal_ai, 184_953_600.0);
    // All 10 MW are a live hall: no other powered land. The baseline keeps 10 MW of land.
    close(p.months[23].plan.terminal_mining, 0.0);
    close(p.months[23].baseline.terminal_mining, 2e6 * 10.0);
    // Its part of the advantage: each line at its own rate (12 % mining, 9 % AI), 2 years out.
    let p = model::run(&colo_site(&format!("{market}&airate=9")));
    close(
        p.summary.npv_advantage_terminal,
        184_953_600.0 / 1.09f64.powi(2) - 20e6 / 1.12f64.powi(2),
    );
    // A hall not live at the horizon is worth the capex spent on it; its land stays land.
    let p = model::run(&colo_site("tv=market&landv=2&years=1&cbuild=24"));
    close(p.months[11].plan.terminal_ai, 11e6 * 8.0 / 24.0 * 12.0);
    close(p.months[11].plan.terminal_mining, 2e6 * 10.0);
}

#[test]
fn market_terminal_value_of_a_gpu_cloud_adds_the_gpus_book_value() {
    let p = model::run(&gpu_site(
        "tv=market&gpulife=3&colo=100&esc=0&coloopex=0&caprate=10",
    ));
    // Hall: 12 · 8000 · $100 / 0.10 = 96,000,000; GPUs bought at month 0, used 24 of 36 months:
    // 40e6 · (1 − 24/36).
    close(p.months[23].plan.terminal_ai, 96e6 + 40e6 / 3.0);
}

#[test]
fn a_dark_fleet_still_pays_part_of_its_opex() {
    let p = model::run(&scenario("conv=0&power=500&dark=30&tv=book"));
    // At $500/MWh the fleet is off every month (its month-0 break-even power price is $73.50,
    // see `mining_month_by_hand`, and hashprice only falls from there while power rises);
    // 30 % of 100 MW · $3000 is still paid.
    for r in &p.months {
        assert_eq!((r.baseline.btc_mined, r.baseline.mining_power), (0.0, 0.0));
        close(r.baseline.mining_opex, 90_000.0);
        close(r.baseline.cash_flow, -90_000.0);
    }
    assert_eq!(p.summary.baseline_dark_month, Some(p.months[0].month));
    assert_eq!(p.summary.baseline.mining_cost_per_btc, None);
    // Without shut-off it runs at a loss, and never goes dark.
    let on = model::run(&scenario("conv=0&power=500&shutoff=0&tv=book"));
    assert!(on.months[0].baseline.cash_flow < -300_000.0);
    assert_eq!(on.summary.baseline_dark_month, None);
}

#[test]
fn retired_asics_are_sold_when_their_tranche_starts_building() {
    // 100 MW in two tranches six months apart: each retires 50 MW of 17.5 J/TH miners at a PUE
    // of 1.05, 50e6 / (1.05 · 17.5) = 2,721,088.4 TH/s, at $8/TH.
    let p = model::run(&scenario("phases=2&every=6&asicp=8"));
    let sale = 50e6 / (1.05 * 17.5) * 8.0;
    close(p.months[0].plan.asic_sales, sale);
    close(p.months[6].plan.asic_sales, sale);
    close(p.summary.plan.asic_sales, 2.0 * sale);
    assert_eq!(
        p.summary.baseline.asic_sales, 0.0,
        "the baseline sells nothing"
    );
    // A tranche that starts after the horizon sells nothing.
    let late = model::run(&scenario("years=1&phases=2&every=12&asicp=8"));
    close(late.summary.plan.asic_sales, sale);
}

#[test]
fn conversion_capex_is_spread_over_construction_and_cut_at_the_horizon() {
    // One year; construction from Oct 2027 for 6 months: only Oct–Dec fall inside.
    let p = model::run(&scenario("years=1&cstart=2027-10&cbuild=6&tv=book"));
    // 11e6 per MW IT · 100/1.4 MW IT over 6 months.
    let per_month = 11e6 * 100.0 / 1.4 / 6.0;
    for m in 0..12 {
        let want = if m >= 9 { per_month } else { 0.0 };
        close(p.months[m].plan.capex, want);
    }
    // The hall never goes live inside the horizon (L = 0): its book value is what was spent,
    // and no GPUs are bought.
    close(p.months[11].plan.terminal_ai, 3.0 * per_month);
    close(p.summary.plan.capex, 3.0 * per_month);
    // While it is built, the tranche neither mines nor earns.
    assert_eq!(p.months[10].plan.mining_mw, 0.0);
    assert_eq!(p.months[10].plan.ai_revenue, 0.0);
    assert_eq!(p.months[8].plan.mining_mw, 100.0);
}

#[test]
fn tranches_past_the_horizon_are_not_counted() {
    let s = scenario("years=1&phases=2&every=12&cbuild=6&ramp=0&refit=0&tv=book");
    let p = model::run(&s);
    // Tranche 0: 50 MW, 50/1.4 MW IT, built months 0–5, live 6–11. Tranche 1 would start at 12.
    let it = 50.0 / 1.4;
    close(p.summary.plan.capex, 11e6 * it + it * 545.0 * 50_000.0);
    close(p.months[11].plan.mining_mw, 50.0);
    // Hall book value: 6 live months of 240; GPUs bought in month 6, used 6 of 60 months.
    let hall = 11e6 * it * (1.0 - 6.0 / 240.0);
    let gpus = it * 545.0 * 50_000.0 * (1.0 - 6.0 / 60.0);
    close(p.months[11].plan.terminal_ai, hall + gpus);
    let split = site::split(100.0, &p.tranches, 11);
    close(split.mining + split.building + split.live, 100.0);
}

#[test]
fn mining_month_by_hand() {
    let p = model::run(&scenario("conv=0"));
    let b: Flows = p.months[0].baseline;
    // Jan 2027: F = 100 · 1000 / (1.05 · 17.5) PH/s; R = 4464 · (3.125 + 0.017) BTC; 958 EH/s;
    // 95 % uptime, 2 % pool fee; $60,000.
    let fleet = 100.0 * 1000.0 / (1.05 * 17.5);
    let btc = 0.95 * fleet / 958_000.0 * 4464.0 * (3.125 + 0.017) * 0.98;
    close(b.btc_mined, btc);
    close(b.mining_revenue, btc * 60_000.0);
    close(b.mining_power, 0.95 * 100.0 * 744.0 * 45.0);
    close(b.mining_opex, 300_000.0);
    assert_eq!(p.months[0].plan, b, "conv=0: plan is the baseline");
    // The month-0 break-even power price: that revenue over 0.95 · 100 MW · 744 h. By hand:
    // F = 100,000 / 18.375 = 5,442.18 PH/s; R = 4464 · 3.142 = 14,025.89 BTC;
    // btc = 0.95 · 5,442.18 / 958,000 · 14,025.89 · 0.98 = 74.180 BTC, worth $4,450,804;
    // 4,450,804 / 70,680 MWh = $62.97/MWh.
    let breakeven = p.summary.mining_breakeven_power.unwrap();
    close(breakeven, btc * 60_000.0 / (0.95 * 100.0 * 744.0));
    assert!((breakeven - 62.97).abs() < 0.01);
    assert_eq!(
        model::run(&scenario("uptime=0"))
            .summary
            .mining_breakeven_power,
        None
    );
}

#[test]
fn the_baseline_goes_dark_after_the_2028_halving() {
    let p = model::run(&Scenario::default());
    // April 2028 (month 15) still has 16 days of 3.125-BTC blocks; May is all 1.5625.
    // By hand, with H = 890 · 1.1^(m/12) · 0.9 after the halving and power 45 · 1.02^(m/12):
    // - April (30 days, the halving at 2028-04-17 08:09:27, 16.34 days in): subsidy
    //   1.5625 + 1.5625 · 16.34/30 = 2.4135 BTC a block, R = 4320 · 2.4335 = 10,512.9 BTC;
    //   H = 902.35 EH/s; revenue 0.95 · 5,442.18 / 902,347 · 10,512.9 · 0.98 · $65,000
    //   = $3.84 M against power 0.95 · 100 · 720 h · $46.13 = $3.16 M: the fleet runs.
    // - May (31 days): R = 4464 · 1.5825 = 7,064.3 BTC; H = 909.54 EH/s; revenue
    //   0.95 · 5,442.18 / 909,542 · 7,064.3 · 0.98 · $65,000 = $2.56 M against power
    //   0.95 · 100 · 744 h · $46.20 = $3.27 M: the fleet is off, paying 30 % of its opex.
    let dark = p.summary.baseline_dark_month.unwrap();
    assert_eq!(dark.to_string(), "2028-05");
    assert!(p.months[15].baseline.btc_mined > 0.0);
    assert_eq!(p.months[16].baseline.btc_mined, 0.0);
    close(p.months[16].baseline.mining_opex, 0.3 * 300_000.0);
}

#[test]
fn two_discount_rates_and_the_totals() {
    let p = model::run(&scenario(
        "rate=12&airate=9&phases=3&years=7&cterm=24&prepay=10",
    ));
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
        // The mining line at 12 %/yr and the AI line at 9 %/yr, month m at (m+1)/12 years.
        let npv: f64 = flows
            .iter()
            .enumerate()
            .map(|(m, f)| {
                let years = (m + 1) as f64 / 12.0;
                f.mining_cf() / 1.12f64.powf(years) + f.ai_cf() / 1.09f64.powf(years)
            })
            .sum();
        close(t.npv, npv);
        let cash: f64 = flows.iter().map(|f| f.cash_flow).sum();
        close(t.cash_flow, cash);
        close(t.revenue, t.mining_revenue + t.ai_revenue);
        close(
            t.cash_flow,
            t.ebitda + t.asic_sales + t.prepayment - t.capex + t.terminal,
        );
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
fn payback_and_peak_funding_leave_the_terminal_value_out() {
    for q in [
        "",
        "gpu=4",
        "preset=iren-msft",
        "ai=colo&colo=200",
        "phases=3",
    ] {
        let p = model::run(&scenario(q));
        let mut cumulative = Vec::new();
        let mut sum = 0.0;
        for r in &p.months {
            sum += (r.plan.cash_flow - r.plan.terminal())
                - (r.baseline.cash_flow - r.baseline.terminal());
            cumulative.push(sum);
        }
        let lowest = cumulative.iter().copied().fold(0.0f64, f64::min);
        close(p.summary.peak_funding_usd, -lowest);
        if let Some(month) = p.summary.peak_funding_month {
            let m = p.months.iter().position(|r| r.month == month).unwrap();
            assert_eq!(cumulative[m], lowest, "{q}");
            assert!(
                cumulative[..m].iter().all(|&c| c > lowest),
                "{q}: the first such month"
            );
        }
        match p.summary.payback_month {
            Some(month) => {
                let m = p.months.iter().position(|r| r.month == month).unwrap();
                assert!(cumulative[m - 1] < 0.0, "{q}");
                assert!(cumulative[m..].iter().all(|&c| c >= 0.0), "{q}");
            }
            None => assert!(
                *cumulative.last().unwrap() < 0.0 || cumulative.iter().all(|&c| c >= 0.0),
                "{q}"
            ),
        }
    }
    // Schema 2's defaults (a merchant GPU cloud on the 2026-06-15 market) paid back only
    // through the halls' terminal value, so they had no payback; schema 3's contracted price
    // pays back in operations (the loop above checks the month).
    let p = model::run(&scenario("btc=65000&hr=890&fee=0.02&cterm=0"));
    assert_eq!(p.summary.payback_month, None);
    assert!(p.summary.plan.cash_flow > p.summary.baseline.cash_flow);
    assert!(model::run(&Scenario::default())
        .summary
        .payback_month
        .is_some());
}

#[test]
fn defaults_headline_numbers() {
    let p = model::run(&Scenario::default());
    let s = p.summary;
    // Height 1,050,000 at 1713571767 + 210,000 · 600 s = 1,839,571,767 = 2028-04-17 08:09 UTC.
    assert_eq!(s.next_halving.to_string(), "2028-04-17");
    // The next two at + 252,000,000 s (2032-04-14) and + 378,000,000 s (2036-04-12): April 2028,
    // April 2032 and April 2036, months 15, 63 and 111 after January 2027.
    assert_eq!(p.halving_months, vec![15, 63, 111]);
    // The NPV advantage ($49.938 M), the IRR (12.50 %/yr) and the peak funding ($2.6892 B in
    // January 2028) are recorded from the CLI (`hashshift run '' --format json`: summary
    // `npv_advantage` 49,938,090.42, `irr_incremental` 0.124993, `peak_funding_usd`
    // 2,689,214,935.39, `peak_funding_month` "2028-01"). They are not worked by hand: each is a
    // sum, a root or a minimum over the 120 months, whose formulas are each checked by hand
    // above (`gpu_cloud_month_by_month`, `a_new_hall_ramps_up_linearly`,
    // `the_ai_hall_pays_the_firm_premium_with_escalation`, `mining_month_by_hand`,
    // `the_baseline_goes_dark_after_the_2028_halving`,
    // `retired_asics_are_sold_when_their_tranche_starts_building`,
    // `conversion_capex_is_spread_over_construction_and_cut_at_the_horizon`,
    // `market_terminal_value_prices_halls_at_the_cap_rate`), and whose sums are checked
    // against those months by `two_discount_rates_and_the_totals` (the NPVs) and
    // `payback_and_peak_funding_leave_the_terminal_value_out` (the peak funding); the IRR's
    // root finder is tested on hand-solved cash flows in `src/model/finance.rs`. With the
    // 60-month contract the GPUs earn enough to pay for their refresh, so the peak comes when
    // the first GPUs go live: by January 2028 the plan has spent 11e6 · 71.43 MW IT (hall) +
    // 38,928.6 GPUs · $50,000 = 785.7 M + 1,946.4 M = $2,732.1 M, less what the year of
    // construction gained over mining (the fleet's sale, the baseline's losses).
    assert!(
        (s.npv_advantage / 1e6 - 49.938).abs() < 0.001,
        "{}",
        s.npv_advantage
    );
    // The terminal part by hand (tv=market, N = 120, the one tranche live from month 12):
    // I = 100 / 1.4 = 71.4286 MW IT. Hall: 12 · 71,428.6 kW · $130 · 1.03^floor(108/12 = 9)
    // · (1 − 0.05) / 0.07 = $1,973.14 M. GPUs bought at month 72 with their refit:
    // (38,928.6 · $50,000 + 1e6 · 71.43) · (1 − 48/60) = 2,017.86 M · 0.2 = $403.57 M. Plan
    // terminal $2,376.71 M (the CLI's summary `plan.terminal`: 2,376,708,018.81), no land left;
    // the baseline's land 0.5e6 · 100 MW = $50 M. Both in month 120, at 12 %/yr over 10 years:
    // (2,376.71 − 50) / 1.12^10 = 2,326.71 / 3.10585 = $749.138 M.
    assert!((s.npv_advantage_terminal / 1e6 - 749.138).abs() < 0.001);
    assert!((s.irr_incremental.unwrap() - 0.12499).abs() < 0.00001);
    assert!((s.peak_funding_usd / 1e9 - 2.6892).abs() < 0.0001);
    assert_eq!(s.peak_funding_month.unwrap().to_string(), "2028-01");
    // A higher BTC price helps only the baseline: above $193,227 (the CLI's
    // `breakeven_btc_usd` 193,227.14) keeping mining is worth more, and the plan's advantage
    // at that price is zero.
    let be_btc = s.breakeven_btc_usd.unwrap();
    assert!((be_btc - 193_227.14).abs() < 0.01);
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
fn breakevens_zero_the_npv_advantage_with_hashrate_following() {
    for q in [
        "gpu=3.5",
        "gpu=3.5&shutoff=0",
        "gpu=3.2&btcg=15&power=30",
        "ai=colo&years=12&colo=200",
        "",
        "phases=4&conv=60",
        "gpu=3.5&elas=0",
        "gpu=3.5&elas=1.5&dark=0",
        "preset=iren-msft",
        "preset=colo-lease&tv=book",
    ] {
        let s = scenario(q);
        let p = model::run(&s);
        let scale = p.summary.plan.npv.abs() + p.summary.baseline.npv.abs();
        close(
            p.levers.npv_advantage(1.0, 1.0) / scale,
            p.summary.npv_advantage / scale,
        );
        if let Some(btc) = p.summary.breakeven_btc_usd {
            // The whole price path scaled by k, and the network hashrate by k^elas.
            let k = btc / s.get(Key::Btc);
            let moved = s
                .with(Key::Btc, btc)
                .with(Key::Hr, s.get(Key::Hr) * k.powf(s.get(Key::Elas)));
            let adv = model::npv_advantage(&moved);
            assert!(adv.abs() < 1e-7 * scale, "{q}: {adv} at BTC {btc}");
        }
        if let Some(rate) = p.summary.breakeven_ai_rate {
            let adv = model::npv_advantage(&s.with(s.ai_rate_key(), rate));
            assert!(adv.abs() < 1e-7 * scale, "{q}: {adv} at rate {rate}");
        }
    }
    // A higher BTC price helps the baseline more: conversion wins while BTC stays below X.
    let s = scenario("gpu=3.5&elas=0");
    let be = model::run(&s)
        .summary
        .breakeven_btc_usd
        .expect("a BTC breakeven");
    assert!(model::npv_advantage(&s.with(Key::Btc, be * 0.9)) > 0.0);
    assert!(model::npv_advantage(&s.with(Key::Btc, be * 1.1)) < 0.0);
    // With elas = 1 the hashprice does not move with the price: no BTC breakeven.
    assert_eq!(
        model::run(&scenario("gpu=3.5&elas=1"))
            .summary
            .breakeven_btc_usd,
        None
    );
}

#[test]
fn nothing_converts_inside_the_horizon_no_breakevens_and_no_irr() {
    for q in ["conv=0", "years=1&cstart=2028-01"] {
        let s = model::run(&scenario(q)).summary;
        assert_eq!(s.npv_advantage, 0.0, "{q}");
        assert_eq!(
            (s.breakeven_btc_usd, s.breakeven_ai_rate, s.irr_incremental),
            (None, None, None),
            "{q}"
        );
        assert_eq!((s.payback_month, s.peak_funding_month), (None, None), "{q}");
        assert_eq!(s.peak_funding_usd, 0.0);
    }
}

#[test]
fn the_yearly_table_sums_calendar_years() {
    let p = model::run(&scenario("start=2027-07&years=2"));
    let y = &p.years;
    assert_eq!(
        y.iter().map(|r| (r.year, r.months)).collect::<Vec<_>>(),
        [(2027, 6), (2028, 12), (2029, 6)]
    );
    let revenue_2027: f64 = p.months[..6].iter().map(|r| r.plan.revenue()).sum();
    close(y[0].plan.revenue, revenue_2027);
    let capex_2028: f64 = p.months[6..18].iter().map(|r| r.plan.capex).sum();
    close(y[1].plan.capex, capex_2028);
    close(
        y[2].cumulative_delta,
        p.summary.plan.cash_flow - p.summary.baseline.cash_flow,
    );
    close(
        y[1].delta_cash_flow,
        y[1].plan.cash_flow - y[1].baseline.cash_flow,
    );
}

/// A 1.5 MW site whose whole 1.2 MW of IT (itratio 1.25) becomes a leased hall at $100/kW-month
/// (no escalator, no landlord's cost), built over 3 months from Jan 2026 at $10M per MW IT:
/// $12M of capex, $4M a month in months 0–2, live from month 3. Mining is off throughout
/// ($500/MWh, no fixed opex), so keep-mining's cash is 0 and the plan's is its hall's. Half the
/// capex is borrowed at 12 %/yr (1 % a month), repaid over one year.
const DEBT_SITE: &str = "start=2026-01&years=2&mw=1.5&power=500&mopex=0&asicp=0&ai=colo\
                         &itratio=1.25&cbuild=3&capex=10&colo=100&esc=0&coloopex=0&ramp=0\
                         &cterm=0&tv=book&ltc=50&kd=12&tenor=1";

/// `DEBT_SITE` with more keys.
fn debt_site(more: &str) -> Scenario {
    over(DEBT_SITE, more)
}

/// The plan's debt lines of every month: (draw, interest, principal).
fn debt_lines(p: &model::Projection) -> Vec<(f64, f64, f64)> {
    (p.months.iter())
        .map(|r| (r.plan.debt_draw, r.plan.interest, r.plan.principal))
        .collect()
}

#[test]
fn draws_capitalize_while_the_hall_is_built() {
    let p = model::run(&debt_site(""));
    // Draws: 50 % of $4M in months 0, 1, 2. They start repaying when the hall is live,
    // r = max(q + 1, l) = 3. Owed at the end of each month (1 % a month on what was owed):
    // month 0: 2,000,000
    // month 1: 2,000,000 · 1.01 + 2,000,000 = 4,020,000
    // month 2: 4,020,000 · 1.01 + 2,000,000 = 6,060,200
    // (draw by draw: 2M · 1.01² + 2M · 1.01 + 2M = 2,040,200 + 2,020,000 + 2,000,000).
    for m in 0..3 {
        assert_eq!(
            debt_lines(&p)[m],
            (2e6, 0.0, 0.0),
            "month {m}: interest capitalized"
        );
    }
    close(p.debt_balance[0], 2e6);
    close(p.debt_balance[1], 4_020_000.0);
    close(p.debt_balance[2], 6_060_200.0);
    // The largest balance owed is that, before the first instalment.
    close(p.summary.debt_peak_usd, 6_060_200.0);
    // The capitalized interest, 20,000 + 40,200, appears in no cash line; it is repaid as
    // principal: Σ principal = 6,000,000 drawn + 60,200.
    let principal: f64 = p.months.iter().map(|r| r.plan.principal).sum();
    close(principal, 6_060_200.0);
}

#[test]
fn equal_instalments_with_interest_on_the_balance() {
    let p = model::run(&debt_site(""));
    // From month 3, 12 instalments of 6,060,200 / 12 = 505,016.67; interest is 1 % of the
    // balance at the start of the month: 60,602 in month 3, 1 % of 6,060,200 · 11/12 =
    // 55,551.83 in month 4, …, 1 % of 6,060,200 / 12 = 5,050.17 in month 14.
    let each = 6_060_200.0 / 12.0;
    for (k, m) in (3..15).enumerate() {
        let (draw, interest, principal) = debt_lines(&p)[m];
        assert_eq!(draw, 0.0);
        close(principal, each);
        close(interest, 0.01 * 6_060_200.0 * (12 - k) as f64 / 12.0);
        close(p.debt_balance[m], 6_060_200.0 * (11 - k) as f64 / 12.0);
    }
    close(p.months[4].plan.interest, 55_551.833_333_333);
    // Cash interest in all: 60,602 · (12 + 11 + … + 1)/12 = 60,602 · 6.5 = 393,913.
    let interest: f64 = p.months.iter().map(|r| r.plan.interest).sum();
    close(interest, 393_913.0);
    // Repaid by month 14: nothing after, no balloon.
    assert!(debt_lines(&p)[15..].iter().all(|l| *l == (0.0, 0.0, 0.0)));
    assert_eq!((p.balloon_usd(), p.debt_balance[14]), (0.0, 0.0));
}

#[test]
fn a_bullet_pays_interest_and_a_balloon_at_the_horizon() {
    let p = model::run(&debt_site("tenor=0"));
    // Interest only, 1 % of 6,060,200 = 60,602 a month from month 3 to month 23, and the whole
    // 6,060,200 in month 23's balloon.
    for m in 3..24 {
        close(p.months[m].plan.interest, 60_602.0);
        close(p.debt_balance[m], 6_060_200.0);
    }
    assert!(p.months[..23].iter().all(|r| r.plan.principal == 0.0));
    close(p.months[23].plan.principal, 6_060_200.0);
    close(p.balloon_usd(), 6_060_200.0);
    // The balance before the balloon is the peak.
    close(p.summary.debt_peak_usd, 6_060_200.0);
}

#[test]
fn instalments_after_the_tranche_is_live_and_a_balloon_for_the_rest() {
    // GPU_SITE is live at once (cbuild=0): $80M of hall and $40M of GPUs in month 0, $40M of
    // new GPUs in month 12. Half borrowed, 1 % a month, over a year.
    let p = model::run(&gpu_site("ltc=50&kd=12&tenor=1"));
    // The $60M of month 0 starts repaying in month 1 (q + 1 = 1 > l = 0), without
    // capitalizing: 12 instalments of 5M in months 1–12, interest 1 % of 60M · (13 − m)/12 =
    // 50,000 · (13 − m).
    close(p.months[0].plan.debt_draw, 60e6);
    close(p.debt_balance[0], 60e6);
    for m in 1..=12 {
        close(p.months[m].plan.interest, 50_000.0 * (13 - m) as f64);
    }
    close(p.months[1].plan.principal, 5e6);
    // Month 12 also draws $20M for the refresh, repaid from month 13: 11 instalments of
    // 20M/12 = 1,666,666.67 fit before the horizon (months 13–23); month 23 pays its
    // instalment and the 1,666,666.67 left, a balloon: 3,333,333.33 of principal. Its interest
    // is 1 % of the 20M · 2/12 owed at its start, 33,333.33.
    close(p.months[12].plan.debt_draw, 20e6);
    close(p.debt_balance[12], 20e6);
    close(p.months[13].plan.principal, 20e6 / 12.0);
    close(p.months[23].plan.interest, 0.01 * 20e6 * 2.0 / 12.0);
    close(p.months[23].plan.principal, 20e6 * 2.0 / 12.0);
    close(p.balloon_usd(), 20e6 / 12.0);
    close(p.summary.debt_peak_usd, 60e6);
    // Without capitalization, all that is drawn is repaid: Σ principal = 60M + 20M.
    let principal: f64 = p.months.iter().map(|r| r.plan.principal).sum();
    close(principal, 80e6);
}

#[test]
fn a_draw_repaid_after_the_horizon_capitalizes_into_the_balloon() {
    // One year; construction from Nov 2026 for 3 months: the draws of months 10 and 11 (2M
    // each; month 12 is past the horizon) would start repaying in month 13 > N − 1 = 11.
    // Month 10 ends owing 2,000,000; month 11, 2,000,000 · 1.01 + 2,000,000 = 4,020,000, all
    // repaid in month 11's balloon. No interest is paid in cash, so no year has debt service.
    let p = model::run(&debt_site("years=1&cstart=2026-11"));
    close(p.debt_balance[10], 2e6);
    close(p.debt_balance[11], 4_020_000.0);
    close(p.months[11].plan.principal, 4_020_000.0);
    close(p.balloon_usd(), 4_020_000.0);
    assert!(p.months.iter().all(|r| r.plan.interest == 0.0));
    assert!(p.years.iter().all(|y| y.dscr.is_none()));
    assert_eq!((p.summary.min_dscr, p.summary.min_dscr_year), (None, None));
}

#[test]
fn the_equity_cash_adds_the_draws_and_pays_the_debt() {
    for q in ["", "tenor=0", "years=1&cstart=2026-11", "cterm=6&prepay=20"] {
        let p = model::run(&debt_site(q));
        for r in &p.months {
            let f = r.plan;
            close(
                f.equity_cf,
                f.cash_flow + f.debt_draw - f.interest - f.principal,
            );
            // Keep-mining borrows nothing.
            let b = r.baseline;
            assert_eq!((b.debt_draw, b.interest, b.principal), (0.0, 0.0, 0.0));
            assert_eq!(b.equity_cf, b.cash_flow);
        }
        for y in &p.years {
            let months = p.months.iter().filter(|r| r.month.year() == y.year);
            close(y.plan.equity_cf, months.map(|r| r.plan.equity_cf).sum());
        }
    }
    // Month 0 of DEBT_SITE: −4M of capex, +2M borrowed.
    let p = model::run(&debt_site(""));
    close(p.months[0].plan.cash_flow, -4e6);
    close(p.months[0].plan.equity_cf, -2e6);
}

#[test]
fn the_equity_irr_and_peak() {
    // Built at once (cbuild=0), $12M in month 0, half borrowed and repaid in a bullet over
    // one year; rent $50/kW · 1200 kW = $60,000 a month; the hall valued at the horizon at
    // 12 · 60,000 / 6 % = $12M (tv=market, no land). Keep-mining's cash is 0.
    let p = model::run(&debt_site(
        "years=1&cbuild=0&colo=50&tenor=0&tv=market&caprate=6&landv=0",
    ));
    // Cash flow: month 0, 60,000 − 12M; months 1–10, 60,000; month 11, 60,000 + 12M.
    // Debt: 6M drawn in month 0, repaid from month 1 (q + 1): 1 % interest, 60,000 a month,
    // and the 6M balloon in month 11. Equity cash: month 0, −11.94M + 6M = −5.94M; months
    // 1–10, 60,000 − 60,000 = 0; month 11, 12.06M − 60,000 − 6M = 6M.
    close(p.months[0].plan.equity_cf, -5.94e6);
    assert!(p.months[1..11]
        .iter()
        .all(|r| r.plan.equity_cf.abs() < 1e-6));
    close(p.months[11].plan.equity_cf, 6e6);
    // IRR: −5.94M · x + 6M · x¹² = 0 with x = (1 + r)^(−1/12), so (1 + r)^(11/12) = 6/5.94
    // and r = (1/0.99)^(12/11) − 1 = 0.0110243.
    let want = (1.0f64 / 0.99).powf(12.0 / 11.0) - 1.0;
    assert!((p.summary.equity_irr.unwrap() - want).abs() < 1e-9);
    assert!((want - 0.011_024_3).abs() < 1e-7);
    // Operating equity cash: the terminal value out and the balloon back in: month 11 is
    // 6M − 12M + 6M = 0, so the deepest the cumulative cash goes is −5.94M, in month 0.
    // Unlevered, the plan's peak funding is the 11.94M of month 0.
    close(p.summary.peak_equity_usd, 5.94e6);
    assert_eq!(p.summary.peak_equity_month.unwrap().to_string(), "2026-01");
    close(p.summary.peak_funding_usd, 11.94e6);

    // DEBT_SITE: −2M of equity in each of months 0–2, then the rent, $120,000, falls short of
    // the debt service in months 3–14 by 393,913 of interest + 6,060,200 of principal
    // − 12 · 120,000 = 5,014,113; the deepest point, −6M − 5,014,113 = −11,014,113, comes in
    // month 14 (March 2027), before the rent alone pays back.
    let p = model::run(&debt_site(""));
    close(p.summary.peak_equity_usd, 11_014_113.0);
    assert_eq!(p.summary.peak_equity_month.unwrap().to_string(), "2027-03");
}

#[test]
fn the_yearly_cover_leaves_prepayment_credits_out_of_the_cash() {
    // DEBT_SITE with a 6-month contract, 20 % prepaid, and a 5 % landlord's cost. 2026: rent
    // 9 · 120,000 = 1,080,000, less 5 % opex (54,000), less the credits of the contract months
    // 3–8, 6 · 20 % · 120,000 = 144,000 (the 144,000 paid up front in month 0 is not
    // operating cash): 882,000. Its debt service: interest 60,602 · (12 + … + 4)/12 =
    // 363,612 and 9 instalments of 505,016.67 = 4,545,150: 4,908,762. Cover 0.179679.
    let p = model::run(&debt_site("cterm=6&prepay=20&coloopex=5"));
    let y = &p.years;
    close(y[0].dscr.unwrap(), 882_000.0 / 4_908_762.0);
    // 2027: 1,440,000 − 72,000 = 1,368,000 over 30,301 of interest and 3 instalments,
    // 1,515,050: 1,545,351. Cover 0.885236.
    close(y[1].dscr.unwrap(), 1_368_000.0 / 1_545_351.0);
    assert!((y[0].dscr.unwrap() - 0.179_679).abs() < 1e-6);
    close(p.summary.min_dscr.unwrap(), 882_000.0 / 4_908_762.0);
    assert_eq!(p.summary.min_dscr_year, Some(2026));
}

#[test]
fn the_smallest_cover_is_the_first_year_on_a_tie() {
    // Built at once, 6M borrowed in a bullet from month 1: 60,000 of interest a month, 11
    // months of it in 2026 and 12 in 2027 and 2028 (the balloon of December 2028 is not debt
    // service). Rent, 1,440,000 a year: cover 1,440,000 / 660,000 = 2.18 in 2026 and
    // 1,440,000 / 720,000 = 2 in 2027 and 2028, the same sums: the first, 2027, is reported.
    let p = model::run(&debt_site("years=3&cbuild=0&tenor=0"));
    let covers: Vec<f64> = p.years.iter().map(|y| y.dscr.unwrap()).collect();
    close(covers[0], 1_440_000.0 / 660_000.0);
    close(covers[1], 2.0);
    assert_eq!(covers[1], covers[2]);
    assert_eq!(p.summary.min_dscr, Some(covers[1]));
    assert_eq!(p.summary.min_dscr_year, Some(2027));
}

#[test]
fn without_debt_the_equity_is_the_project() {
    for q in [
        "",
        "preset=iren-msft",
        "preset=galaxy-helios&ltc=0",
        "conv=0&ltc=50",
    ] {
        let p = model::run(&scenario(q));
        for r in &p.months {
            for f in [r.plan, r.baseline] {
                assert_eq!(
                    (f.debt_draw, f.interest, f.principal),
                    (0.0, 0.0, 0.0),
                    "{q}"
                );
                assert_eq!(f.equity_cf, f.cash_flow, "{q}");
            }
        }
        for y in &p.years {
            assert_eq!(y.plan.equity_cf, y.plan.cash_flow, "{q}");
            assert_eq!(y.dscr, None, "{q}");
        }
        let s = p.summary;
        assert_eq!(s.equity_irr, s.irr_incremental, "{q}");
        assert_eq!(
            (s.peak_equity_usd, s.peak_equity_month),
            (s.peak_funding_usd, s.peak_funding_month),
            "{q}"
        );
        assert_eq!(
            (s.debt_peak_usd, s.min_dscr, s.min_dscr_year),
            (0.0, None, None)
        );
        assert!(p.debt_balance.iter().all(|&b| b == 0.0) && p.balloon_usd() == 0.0);
    }
}
