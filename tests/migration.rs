//! Links are forever: every `v=1` link the first release made reads, through the schema-1
//! migration of ECONOMICS.md §1, to the months it gave then, and every `v=2` link to the
//! months, summary and Monte Carlo it gave then, with no debt and the equity's numbers equal
//! to their unlevered twins (ECONOMICS.md §8b). The fixtures were recorded from the schema-1
//! CLI before the model moved to schema 2 (`tests/fixtures/record-schema1.mjs`), and from the
//! schema-2 CLI before any later schema (`tests/fixtures/record-schema2.mjs`).

use flate2::read::GzDecoder;
use hashshift::analysis::monte_carlo;
use hashshift::model::{self, Flows, MonthRow};
use hashshift::scenario::{canonical_query, parse, SCHEMA};
use serde_json::Value;

/// The recording `tests/fixtures/{name}`.
fn recording(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let file = std::fs::File::open(path).expect("the fixtures are checked in");
    serde_json::from_reader(GzDecoder::new(file)).expect("valid JSON")
}

/// The strings of a JSON array.
fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect()
}

/// `a` equals `b` up to float rounding, relative to `scale`.
fn close(a: f64, b: f64, scale: f64) -> bool {
    (a - b).abs() <= 1e-10 * scale.max(a.abs()).max(b.abs()) + 1e-9
}

/// A flow field's value for its recorded name (schema 1's `residual` is `terminal_ai`).
fn field(f: &Flows, recorded_name: &str) -> f64 {
    let name = if recorded_name == "residual" {
        "terminal_ai"
    } else {
        recorded_name
    };
    let i = Flows::FIELDS.iter().position(|x| x.name == name).unwrap();
    f.values()[i]
}

/// Asserts that month `m`'s plan and baseline flows equal the recorded ones (in the order of
/// the recording's `flows` names), up to float rounding relative to `scale`; returns how many
/// values it compared.
fn same_flows(
    link: &str,
    m: usize,
    row: &MonthRow,
    flows: &[&str],
    (plan_want, baseline_want): (&[f64], &[f64]),
    scale: f64,
) -> usize {
    let mut compared = 0;
    for (variant, got, want) in [
        ("plan", &row.plan, plan_want),
        ("baseline", &row.baseline, baseline_want),
    ] {
        for (name, w) in flows.iter().zip(want) {
            let g = field(got, name);
            assert!(
                close(g, *w, scale),
                "{link}: month {m} {variant} {name}: {g} vs {w}"
            );
            compared += 1;
        }
    }
    compared
}

#[test]
fn every_recorded_schema_1_link_gives_its_months() {
    let doc = recording("schema1-links.json.gz");
    let market = strings(&doc["market"]);
    let flows = strings(&doc["flows"]);
    let records = doc["records"].as_array().unwrap();
    assert!(records.len() >= 300);
    let mut compared = 0usize;
    for r in records {
        let link = r["link"].as_str().unwrap();
        if !link.contains("v=1") {
            // A query without `v` is schema 2 now; every link the first release made had v=1.
            continue;
        }
        let parsed = parse(link);
        assert_eq!(
            parsed.warnings.len() as u64,
            r["warnings"].as_u64().unwrap(),
            "{link}: migration adds no warning, and loses none"
        );
        // The migrated scenario has a schema-2 canonical query that reads back exactly.
        let q = canonical_query(&parsed.scenario);
        let again = parse(&q);
        assert!(
            q.starts_with(&format!("v={SCHEMA}")) && again.warnings.is_empty(),
            "{link}: {q}"
        );
        assert_eq!(again.scenario, parsed.scenario, "{link}");

        let p = model::run(&parsed.scenario);
        let months = r["months"].as_array().unwrap();
        assert_eq!(p.months.len(), months.len(), "{link}");
        assert_eq!(
            p.months[0].month.to_string(),
            r["first_month"].as_str().unwrap()
        );
        for (m, (row, want)) in p.months.iter().zip(months).enumerate() {
            let want: Vec<f64> = want
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_f64().unwrap())
                .collect();
            let scale = want.iter().fold(0.0f64, |a, v| a.max(v.abs()));
            let (market_want, rest) = want.split_at(market.len());
            let (plan_want, baseline_want) = rest.split_at(flows.len());
            let got_market = [
                f64::from(row.days),
                row.height,
                row.subsidy_btc,
                row.reward_btc,
                row.btc_usd,
                row.network_ehs,
                row.hashprice_usd_ph_day,
            ];
            for ((name, g), w) in market.iter().zip(got_market).zip(market_want) {
                assert!(close(g, *w, scale), "{link}: month {m} {name}: {g} vs {w}");
            }
            compared += same_flows(link, m, row, &flows, (plan_want, baseline_want), scale);
            // What schema 2 added is switched off.
            for got in [&row.plan, &row.baseline] {
                assert_eq!(
                    (got.asic_sales, got.prepayment, got.terminal_mining),
                    (0.0, 0.0, 0.0),
                    "{link}: month {m}"
                );
            }
        }

        // The summary: the same NPV, IRR and breakeven GPU or lease rate; the outputs schema 2
        // corrected (payback, the BTC breakeven, degenerate breakevens) may differ.
        let s = &r["summary"];
        let sm = &p.summary;
        let scale = sm.plan.npv.abs() + sm.baseline.npv.abs() + 1.0;
        let adv = s["npv_advantage"].as_f64().unwrap();
        assert!(
            close(sm.npv_advantage, adv, scale),
            "{link}: {} vs {adv}",
            sm.npv_advantage
        );
        for (name, got) in [("plan", sm.plan), ("baseline", sm.baseline)] {
            let t = &s[name];
            for (field, g) in [
                ("revenue", got.revenue),
                ("capex", got.capex),
                ("cash_flow", got.cash_flow),
                ("npv", got.npv),
                ("btc_mined", got.btc_mined),
                ("residual", got.terminal),
            ] {
                let w = t[field].as_f64().unwrap();
                assert!(close(g, w, scale), "{link}: {name}.{field}: {g} vs {w}");
            }
        }
        match (sm.irr_incremental, s["irr_incremental"].as_f64()) {
            (Some(a), Some(b)) => assert!((a - b).abs() < 1e-9, "{link}: IRR {a} vs {b}"),
            (a, b) => assert_eq!(a, b, "{link}: IRR"),
        }
        if let (Some(a), Some(b)) = (sm.breakeven_ai_rate, s["breakeven_ai_rate"].as_f64()) {
            assert!(
                (a / b - 1.0).abs() < 1e-8,
                "{link}: breakeven rate {a} vs {b}"
            );
        }
        assert_eq!(
            sm.next_halving.to_string(),
            s["next_halving"].as_str().unwrap()
        );
        // Monte Carlo draws the same paths.
        if let Some(mc) = r["monte_carlo"].as_object() {
            let got = monte_carlo(&p).expect("mc > 0");
            assert_eq!(got.paths as u64, mc["paths"].as_u64().unwrap());
            for (name, g) in [
                ("npv_advantage_p10", got.npv_advantage_p10),
                ("npv_advantage_p50", got.npv_advantage_p50),
                ("npv_advantage_p90", got.npv_advantage_p90),
            ] {
                let w = mc[name].as_f64().unwrap();
                assert!(close(g, w, scale), "{link}: {name}: {g} vs {w}");
            }
            let prob = mc["prob_plan_better"].as_f64().unwrap();
            assert!(
                (got.prob_plan_better - prob).abs() <= 1.0 / got.paths as f64,
                "{link}"
            );
        }
    }
    assert!(compared > 800_000, "{compared} values compared");
}

#[test]
fn with_book_value_and_the_added_mechanisms_off_schema_2_is_schema_1() {
    // ECONOMICS.md §1: a schema-2 query with the migrated keys is the schema-1 scenario.
    let migrated = parse("v=1&mw=18&phases=3&ai=colo");
    let explicit = parse(&canonical_query(&migrated.scenario));
    assert_eq!(migrated.scenario, explicit.scenario);
    assert!(canonical_query(&explicit.scenario).contains("tv=book"));
}

/// A month's market value for a recorded field name (`days` or one of
/// [`MonthRow::MARKET_FIELDS`]).
fn market_field(row: &MonthRow, name: &str) -> f64 {
    if name == "days" {
        return f64::from(row.days);
    }
    let i = (MonthRow::MARKET_FIELDS.iter())
        .position(|x| x.name == name)
        .unwrap_or_else(|| panic!("no market field {name}"));
    row.market_values()[i]
}

/// Summary numbers that are not sums of dollars (a rate, a price, bitcoin): compared relative
/// to their own size. Every other summary number is a sum of dollars, compared relative to the
/// largest total of the recording.
const NOT_SUMS: [&str; 6] = [
    "irr_incremental",
    "btc_mined",
    "mining_cost_per_btc",
    "breakeven_btc_usd",
    "breakeven_ai_rate",
    "mining_breakeven_power",
];

/// Asserts that `got` has every field of `want` (nulls included) with the same value: strings
/// and nulls equal, numbers equal up to float rounding (`money` is the scale of sums of dollars).
fn assert_same(got: &Value, want: &Value, money: f64, at: &str) {
    match want {
        Value::Object(fields) => {
            for (name, w) in fields {
                let g = got
                    .get(name)
                    .unwrap_or_else(|| panic!("{at}.{name} is missing"));
                let scale = if NOT_SUMS.contains(&name.as_str()) {
                    0.0
                } else {
                    money
                };
                assert_same(g, w, scale, &format!("{at}.{name}"));
            }
        }
        Value::Number(w) => {
            let (g, w) = (got.as_f64(), w.as_f64().unwrap());
            assert!(g.is_some_and(|g| close(g, w, money)), "{at}: {got} vs {w}");
        }
        _ => assert_eq!(got, want, "{at}"),
    }
}

/// The largest magnitude among the numbers of `totals` objects.
fn largest(totals: &[&Value]) -> f64 {
    (totals.iter())
        .flat_map(|t| t.as_object().unwrap().values())
        .filter_map(Value::as_f64)
        .fold(0.0, |a, v| a.max(v.abs()))
}

#[test]
fn every_recorded_schema_2_link_gives_its_months() {
    let doc = recording("schema2-links.json.gz");
    let market = strings(&doc["market"]);
    let flows = strings(&doc["flows"]);
    let records = doc["records"].as_array().unwrap();
    assert!(records.len() >= 300);
    let (mut compared, mut with_monte_carlo) = (0usize, 0usize);
    for r in records {
        let link = r["link"].as_str().unwrap();
        assert!(link.starts_with("v=2"), "{link}");
        let parsed = parse(link);
        assert_eq!(
            parsed.warnings.len() as u64,
            r["warnings"].as_u64().unwrap(),
            "{link}: the same warnings"
        );
        // The canonical query it gave is a `v=2` link too: the same scenario, no warning.
        let query = r["query"].as_str().unwrap();
        let again = parse(query);
        assert!(again.warnings.is_empty(), "{link}: {query}");
        assert_eq!(again.scenario, parsed.scenario, "{link}: {query}");
        if SCHEMA == 2 {
            assert_eq!(canonical_query(&parsed.scenario), query, "{link}");
        }

        let p = model::run(&parsed.scenario);
        let months = r["months"].as_array().unwrap();
        assert_eq!(p.months.len(), months.len(), "{link}");
        let first = p.months[0].month;
        assert_eq!(first.to_string(), r["first_month"].as_str().unwrap());
        for (m, (row, want)) in p.months.iter().zip(months).enumerate() {
            assert_eq!(row.month, first.plus(m as i32), "{link}: month {m}");
            let want: Vec<f64> = (want.as_array().unwrap().iter())
                .map(|v| v.as_f64().unwrap())
                .collect();
            assert_eq!(want.len(), market.len() + 2 * flows.len(), "{link}");
            let scale = want.iter().fold(0.0f64, |a, v| a.max(v.abs()));
            let (market_want, rest) = want.split_at(market.len());
            let (plan_want, baseline_want) = rest.split_at(flows.len());
            for (name, w) in market.iter().zip(market_want) {
                let g = market_field(row, name);
                assert!(close(g, *w, scale), "{link}: month {m} {name}: {g} vs {w}");
                compared += 1;
            }
            compared += same_flows(link, m, row, &flows, (plan_want, baseline_want), scale);
            // Schema 3's debt is off (`ltc=0`): no debt lines, and the equity's cash is the
            // cash flow.
            for f in [&row.plan, &row.baseline] {
                assert_eq!(
                    (f.debt_draw, f.interest, f.principal),
                    (0.0, 0.0, 0.0),
                    "{link}: month {m}"
                );
                assert_eq!(f.equity_cf, f.cash_flow, "{link}: month {m}");
            }
        }
        for y in &p.years {
            assert_eq!(y.plan.equity_cf, y.plan.cash_flow, "{link}: {}", y.year);
            assert_eq!(y.baseline.equity_cf, y.baseline.cash_flow, "{link}");
            assert_eq!(y.dscr, None, "{link}: {}", y.year);
        }

        // The summary, every field of it, nulls included.
        let want = &r["summary"];
        let money = largest(&[&want["plan"], &want["baseline"]]) + 1.0;
        let got = serde_json::to_value(p.summary).unwrap();
        assert_same(&got, want, money, &format!("{link}: summary"));
        // The equity's numbers are their unlevered twins; no debt, no cover.
        let sm = &p.summary;
        assert_eq!(sm.equity_irr, sm.irr_incremental, "{link}");
        assert_eq!(
            (sm.peak_equity_usd, sm.peak_equity_month),
            (sm.peak_funding_usd, sm.peak_funding_month),
            "{link}"
        );
        assert_eq!(
            (sm.debt_peak_usd, sm.min_dscr, sm.min_dscr_year),
            (0.0, None, None),
            "{link}"
        );
        assert!(p.debt_balance.iter().all(|&b| b == 0.0), "{link}");

        // Monte Carlo draws the same paths.
        match (monte_carlo(&p), r["monte_carlo"].as_object()) {
            (Some(got), Some(want)) => {
                assert_eq!(got.paths as u64, want["paths"].as_u64().unwrap(), "{link}");
                for (name, g, scale) in [
                    ("npv_advantage_p10", got.npv_advantage_p10, money),
                    ("npv_advantage_p50", got.npv_advantage_p50, money),
                    ("npv_advantage_p90", got.npv_advantage_p90, money),
                    ("prob_plan_better", got.prob_plan_better, 0.0),
                ] {
                    let w = want[name].as_f64().unwrap();
                    assert!(close(g, w, scale), "{link}: {name}: {g} vs {w}");
                }
                with_monte_carlo += 1;
            }
            (None, None) => {}
            (got, _) => panic!(
                "{link}: Monte Carlo of {:?} paths vs {}",
                got.map(|g| g.paths),
                r["monte_carlo"]
            ),
        }
    }
    assert!(compared > 900_000, "{compared} values compared");
    assert!(
        with_monte_carlo >= 50,
        "{with_monte_carlo} Monte Carlo runs"
    );
}
