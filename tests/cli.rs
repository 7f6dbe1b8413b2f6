//! The `hashshift` binary as a user runs it.

use serde_json::Value;
use std::process::{Command, Output};

fn hashshift(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hashshift"))
        .args(args)
        .output()
        .expect("runs")
}

fn json(args: &[&str]) -> Value {
    let out = hashshift(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

fn keys(v: &Value) -> Vec<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

#[test]
fn run_json_has_exactly_the_fields_of_the_spec() {
    let d = json(&["run", "v=3&mw=18&mc=0", "--format", "json"]);
    assert_eq!(
        keys(&d),
        [
            "schema",
            "query",
            "warnings",
            "months",
            "years",
            "summary",
            "monte_carlo"
        ]
    );
    assert_eq!(d["schema"], 3);
    assert_eq!(d["query"], "v=3&mw=18&mc=0");
    assert_eq!(d["warnings"].as_array().unwrap().len(), 0);
    assert!(d["monte_carlo"].is_null());
    let months = d["months"].as_array().unwrap();
    assert_eq!(months.len(), 120);
    let m0 = &months[0];
    assert_eq!(
        keys(m0),
        [
            "month",
            "days",
            "height",
            "subsidy_btc",
            "reward_btc",
            "btc_usd",
            "network_ehs",
            "hashprice_usd_ph_day",
            "power_usd_mwh",
            "plan",
            "baseline"
        ]
    );
    assert_eq!(m0["month"], "2027-01");
    assert_eq!(m0["days"], 31);
    assert_eq!(m0["power_usd_mwh"], 45.0);
    let flows = [
        "mining_mw",
        "ai_it_mw",
        "btc_mined",
        "mining_revenue",
        "mining_power",
        "mining_opex",
        "asic_sales",
        "ai_revenue",
        "ai_power",
        "ai_opex",
        "prepayment",
        "capex",
        "terminal_mining",
        "terminal_ai",
        "cash_flow",
        "debt_draw",
        "interest",
        "principal",
        "equity_cf",
    ];
    assert_eq!(keys(&m0["plan"]), flows);
    assert_eq!(keys(&m0["baseline"]), flows);
    assert_eq!(m0["baseline"]["mining_mw"], 18.0);
    let years = d["years"].as_array().unwrap();
    assert_eq!(years.len(), 10);
    assert_eq!(
        keys(&years[0]),
        [
            "year",
            "months",
            "plan",
            "baseline",
            "delta_cash_flow",
            "cumulative_delta",
            "dscr"
        ]
    );
    assert_eq!(
        keys(&years[0]["plan"]),
        [
            "revenue",
            "ebitda",
            "capex",
            "cash_flow",
            "equity_cf",
            "btc_mined"
        ]
    );
    assert!(years[0]["dscr"].is_null(), "no debt by default");
    assert_eq!(
        (years[0]["year"].as_i64(), years[0]["months"].as_i64()),
        (Some(2027), Some(12))
    );
    let s = &d["summary"];
    assert_eq!(
        keys(s),
        [
            "plan",
            "baseline",
            "npv_advantage",
            "npv_advantage_terminal",
            "irr_incremental",
            "payback_month",
            "peak_funding_usd",
            "peak_funding_month",
            "breakeven_btc_usd",
            "breakeven_ai_rate",
            "next_halving",
            "baseline_dark_month",
            "mining_breakeven_power",
            "equity_irr",
            "peak_equity_usd",
            "peak_equity_month",
            "debt_peak_usd",
            "min_dscr",
            "min_dscr_year",
            "npv_sell",
            "best_choice"
        ]
    );
    let totals = [
        "revenue",
        "mining_revenue",
        "ai_revenue",
        "ebitda",
        "capex",
        "asic_sales",
        "prepayment",
        "terminal",
        "cash_flow",
        "npv",
        "btc_mined",
        "mining_cost_per_btc",
    ];
    assert_eq!(keys(&s["plan"]), totals);
    assert_eq!(keys(&s["baseline"]), totals);
    assert_eq!(s["next_halving"], "2028-04-17");
    assert_eq!(s["baseline_dark_month"], "2028-05");
}

#[test]
fn with_adds_the_analyses_asked_for() {
    let d = json(&["run", "mw=18", "--with", "tornado,map,rates,timing"]);
    let a = &d["analysis"];
    assert_eq!(keys(a), ["tornado", "map", "rates", "timing"]);
    assert_eq!(
        keys(&a["tornado"][0]),
        ["key", "low_value", "high_value", "low", "high"]
    );
    assert_eq!(a["tornado"].as_array().unwrap().len(), 20);
    assert_eq!(keys(&a["map"]), ["btc_usd", "ai_rate", "npv_advantage"]);
    assert_eq!(a["map"]["npv_advantage"].as_array().unwrap().len(), 41);
    assert_eq!(a["map"]["npv_advantage"][0].as_array().unwrap().len(), 41);
    assert_eq!(a["rates"].as_array().unwrap().len(), 31);
    assert_eq!(keys(&a["rates"][0]), ["rate", "npv_advantage"]);
    assert_eq!(a["rates"][12]["rate"], 0.12);
    let at_12 = a["rates"][12]["npv_advantage"].as_f64().unwrap();
    let adv = d["summary"]["npv_advantage"].as_f64().unwrap();
    assert!((at_12 - adv).abs() < 1e-9 * adv.abs(), "{at_12} vs {adv}");
    assert_eq!(
        keys(&a["timing"][0]),
        ["delay_months", "cstart", "npv_advantage"]
    );
    assert_eq!(a["timing"][4]["cstart"], "2028-01");
    let now = a["timing"][0]["npv_advantage"].as_f64().unwrap();
    assert!((now - adv).abs() < 1e-9 * adv.abs(), "{now} vs {adv}");
    let only = json(&["run", "mw=18", "--with", "rates"]);
    assert_eq!(keys(&only["analysis"]), ["rates"]);
    assert!(
        json(&["run", "mw=18"]).get("analysis").is_none(),
        "absent unless asked for"
    );
    assert!(!hashshift(&["run", "mw=18", "--with", "pie"])
        .status
        .success());
}

#[test]
fn with_breakevens_lists_each_tornado_input_in_table_order() {
    let d = json(&["run", "", "--with", "breakevens"]);
    let rows = d["analysis"]["breakevens"].as_array().unwrap();
    assert_eq!(keys(&rows[0]), ["key", "value", "break_even"]);
    let names: Vec<&str> = rows.iter().map(|r| r["key"].as_str().unwrap()).collect();
    assert_eq!(names.len(), 20);
    assert_eq!(&names[..3], ["power", "powg", "btc"]);
    assert_eq!(rows[2]["value"], 60000.0);
    // The GPU rate's break-even is the summary's: the advantage is linear in it.
    let gpu = rows.iter().find(|r| r["key"] == "gpu").unwrap();
    let (got, want) = (
        gpu["break_even"].as_f64().unwrap(),
        d["summary"]["breakeven_ai_rate"].as_f64().unwrap(),
    );
    assert!((got - want).abs() <= 1e-9 * want, "{got} vs {want}");
    // Keeping the site mining: nothing to break even.
    let mining = json(&["run", "conv=0", "--with", "breakevens"]);
    let rows = mining["analysis"]["breakevens"].as_array().unwrap();
    assert!(rows.iter().all(|r| r["break_even"].is_null()));
}

#[test]
fn annual_csv_has_a_row_per_calendar_year() {
    let out = hashshift(&["run", "start=2027-07&years=2", "--format", "annual"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4);
    let header: Vec<&str> = lines[0].split(',').collect();
    assert_eq!(&header[..3], ["year", "months", "plan_revenue ($)"]);
    assert!(header.contains(&"baseline_btc_mined (BTC)"));
    assert!(header.contains(&"plan_equity_cf ($)"));
    assert_eq!(
        &header[header.len() - 3..],
        [
            "delta_cash_flow ($)",
            "cumulative_delta ($)",
            "dscr (ratio)"
        ]
    );
    assert!(lines[1].starts_with("2027,6,") && lines[3].starts_with("2029,6,"));
    assert!(lines.iter().all(|l| l.split(',').count() == header.len()));
    // No debt: no cover, an empty cell.
    assert!(lines[1..].iter().all(|l| l.ends_with(',')));
    // With debt, each year that services it has its cover.
    let out = hashshift(&["run", "preset=galaxy-helios&mc=0", "--format", "annual"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let last = text.lines().last().unwrap();
    let dscr: f64 = last.rsplit(',').next().unwrap().parse().unwrap();
    assert!(dscr > 0.0, "{last}");
}

#[test]
fn monte_carlo_object_when_paths_are_asked() {
    let d = json(&["run", "mc=200&seed=5"]);
    let mc = &d["monte_carlo"];
    assert_eq!(
        keys(mc),
        [
            "paths",
            "npv_advantage_p10",
            "npv_advantage_p50",
            "npv_advantage_p90",
            "prob_plan_better",
            "best_convert",
            "best_mine",
            "best_sell"
        ]
    );
    assert_eq!(mc["paths"], 200);
    let shares: f64 = ["best_convert", "best_mine", "best_sell"]
        .iter()
        .map(|k| mc[k].as_f64().unwrap())
        .sum();
    assert!((shares - 1.0).abs() < 1e-12, "{shares}");
    let p = mc["prob_plan_better"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&p));
}

#[test]
fn bad_queries_exit_zero_with_warnings() {
    for q in [
        "mw=abc&&years=99&zzz=1",
        "%ZZ%%=&=",
        "v=9",
        "preset=nope&btc=-5",
        "",
    ] {
        let out = hashshift(&["run", q]);
        assert!(out.status.success(), "{q}");
        let d: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(d["query"].as_str().unwrap().starts_with("v=3"));
        if !q.is_empty() && q != "%ZZ%%=&=" {
            assert!(!d["warnings"].as_array().unwrap().is_empty(), "{q}");
        }
    }
    let d = json(&["run", "mw=abc&years=99"]);
    let w: Vec<&str> = d["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(w.len(), 2);
    assert!(w[0].contains("`years`") && w[1].contains("`mw`"), "{w:?}");
    // For a terminal or a script, a number and its unit are parted by a plain space.
    let over = json(&["run", "mw=9999"]);
    assert_eq!(
        over["warnings"][0],
        "`mw`: 9,999 is above the maximum 5,000 MW; using 5,000."
    );
    assert_eq!(d["query"], "v=3&years=20");
}

#[test]
fn whole_urls_and_question_marks_are_accepted() {
    let a = json(&[
        "run",
        "https://example.org/tools/hashshift/?v=3&mw=18&tab=cash#x",
    ]);
    let b = json(&["run", "?mw=18"]);
    assert_eq!(a["query"], "v=3&mw=18");
    assert_eq!(a, b);
    assert_eq!(
        a["warnings"].as_array().unwrap().len(),
        0,
        "view keys are ignored silently"
    );
}

#[test]
fn csv_has_a_row_per_month_and_units_in_headers() {
    let out = hashshift(&["run", "years=2&mw=x", "--format", "csv"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 25);
    let header: Vec<&str> = lines[0].split(',').collect();
    assert_eq!(header.len(), 9 + 2 * 19);
    assert_eq!(header[0], "month (YYYY-MM)");
    assert!(header.contains(&"btc_usd ($)"));
    assert!(header.contains(&"plan_mining_revenue ($)"));
    assert!(header.contains(&"baseline_btc_mined (BTC)"));
    assert!(header.contains(&"plan_ai_it_mw (MW)"));
    assert!(lines[1].starts_with("2027-01,31,"));
    assert!(header.contains(&"power_usd_mwh ($/MWh)") && header.contains(&"plan_prepayment ($)"));
    let debt = [
        "plan_debt_draw ($)",
        "plan_interest ($)",
        "plan_principal ($)",
        "plan_equity_cf ($)",
    ];
    assert_eq!(&header[9 + 15..9 + 19], debt);
    assert_eq!(header.last(), Some(&"baseline_equity_cf ($)"));
    assert!(lines.iter().all(|l| l.split(',').count() == header.len()));
    // Warnings go to stderr so the CSV stays clean.
    assert!(String::from_utf8_lossy(&out.stderr).contains("`mw`"));
}

#[test]
fn presets_are_listed_with_notes_and_queries() {
    let out = hashshift(&["presets"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for (id, q) in [
        ("keep-mining", "v=3&conv=0"),
        ("bitfarms-wa", "v=3&mw=18&cbuild=11&capex=12&cterm=0"),
        (
            "iren-msft",
            "v=3&years=6&mw=280&cbuild=9&gpu=2.03&util=100&gpucost=53000&prepay=20&airate=9",
        ),
        ("absorb-4y", "v=3&phases=4"),
        ("colo-lease", "v=3&years=12&mw=250&ai=colo&colo=121&airate=9"),
        (
            "cipher-barber-lake",
            "v=3&mw=244&ai=colo&itratio=1.45&capex=10&coloopex=15&airate=8&ltc=80&kd=7.125&tenor=0",
        ),
        (
            "terawulf-core42",
            "v=3&mw=72.5&ai=colo&itratio=1.21&capex=9&colo=125&coloopex=15&cterm=120&prepay=10&airate=10",
        ),
        (
            "galaxy-helios",
            "v=3&years=15&mw=800&ai=colo&phases=3&itratio=1.52&colo=127&airate=9&ltc=80&tenor=12",
        ),
        ("riot-amd", "v=3&mw=35&ai=colo&capex=3.6&colo=90"),
    ] {
        assert!(text.contains(id) && text.contains(q), "{id}");
    }
    // Grouped: the article's cases, then the signed deals, each with its date and source.
    let deals = text
        .find("# Signed deals")
        .expect("a heading for the deals");
    assert!(text.find("absorb-4y").unwrap() < deals && deals < text.find("colo-lease").unwrap());
    assert!(text.contains("cipher-barber-lake  (2025-09)\n"));
    assert!(text.contains("  Cannot express: Unequal phases"));
    let list = json(&["presets", "--format", "json"]);
    assert_eq!(list.as_array().unwrap().len(), 9);
    assert_eq!(
        keys(&list[0]),
        ["id", "group", "date", "title", "note", "source", "cannot", "query"]
    );
    assert_eq!(
        (&list[0]["group"], &list[0]["date"]),
        (&Value::from("article"), &Value::Null)
    );
    assert_eq!(
        (&list[8]["group"], &list[8]["date"]),
        (&Value::from("deal"), &Value::from("2026-01"))
    );
    assert!(list.as_array().unwrap()[1..]
        .iter()
        .all(|p| p["date"].is_string()));
    assert!(list[5]["source"]
        .as_str()
        .unwrap()
        .starts_with("https://coinmela.com/"));
    // Titles as ECONOMICS.md writes them: plain spaces, not the page's no-break ones.
    assert_eq!(
        list[1]["title"],
        "Bitfarms, Washington: 18 MW to GPU cloud, no tenant announced"
    );
    assert!(!text.contains('\u{a0}'));
}

#[test]
fn charts_lists_the_chart_registry_in_tab_order() {
    let list = json(&["charts", "--format", "json"]);
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    let registry: Vec<&str> = hashshift::charts::ChartId::all()
        .map(|id| id.name())
        .collect();
    assert_eq!(names, registry);
    assert_eq!(names[0], "revenue", "the default tab comes first");
    assert_eq!(keys(&list[0]), ["name", "title", "caption"]);
    assert_eq!(list[0]["title"], "Revenue");
    let text = String::from_utf8(hashshift(&["charts"]).stdout).unwrap();
    assert!(
        text.starts_with("revenue\n  Revenue\n  Monthly revenue"),
        "{text}"
    );
}

#[test]
fn wrong_command_lines_fail_with_usage() {
    for args in [
        &["run", "--bogus"][..],
        &["fly"],
        &["run", "x", "--format", "xml"],
        &[],
        // Analyses have no place in the tables: refused, not silently dropped.
        &["run", "", "--format", "csv", "--with", "tornado"],
        &["run", "", "--format", "annual", "--with", "map"],
    ] {
        let out = hashshift(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("Usage") || err.contains("--help"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn keys_lists_the_key_table() {
    let list = json(&["keys", "--format", "json"]);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), hashshift::scenario::KEY_COUNT);
    assert_eq!(
        keys(&list[2]),
        [
            "key", "kind", "unit", "default", "min", "max", "slider", "step", "label", "group",
            "applies", "tornado"
        ]
    );
    assert_eq!(list[2]["key"], "mw");
    assert_eq!(list[2]["unit"], "MW");
    assert_eq!(list[2]["default"], "100");
    let btc = list.iter().find(|k| k["key"] == "btc").unwrap();
    assert_eq!(btc["default"], "60000");
    let start = &list[0];
    assert_eq!(
        (&start["min"], &start["max"]),
        (&Value::from("2024-05"), &Value::from("2040-12")),
        "months as a query writes them"
    );
    let ai = list.iter().find(|k| k["key"] == "ai").unwrap();
    assert_eq!(ai["kind"], serde_json::json!(["gpu", "colo"]));
    assert_eq!(
        (&ai["min"], &ai["max"]),
        (&Value::Null, &Value::Null),
        "a choice has no bounds"
    );
    let esc = list.iter().find(|k| k["key"] == "esc").unwrap();
    assert_eq!(
        (&esc["applies"], &esc["tornado"]),
        (&Value::from("colo or market"), &Value::from("colo"))
    );
    let text = String::from_utf8(hashshift(&["keys"]).stdout).unwrap();
    assert_eq!(text.lines().count(), hashshift::scenario::KEY_COUNT);
    let line = |key: &str| {
        text.lines()
            .find(|l| l.starts_with(&format!("{key} ")))
            .unwrap()
    };
    assert_eq!(line("ai"), "ai        gpu [gpu | colo]  AI business model");
    assert_eq!(
        line("tv"),
        "tv        market [market | book]  Terminal value"
    );
    assert!(
        line("cstart").starts_with("cstart    = start [start … 2040-12]"),
        "{}",
        line("cstart")
    );
    assert!(line("mw").starts_with("mw        100 [0.1 … 5000] MW"));
}

#[test]
fn an_output_that_cannot_be_written_fails_but_a_closed_pipe_does_not() {
    // /dev/full refuses every write (ENOSPC): the report is lost, so the exit code says so.
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_hashshift"))
        .args(["run", "mw=18"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write"));
    // A reader that stops early (`| head -1`) closes the pipe: that is not an error.
    let mut child = Command::new(env!("CARGO_BIN_EXE_hashshift"))
        .args(["run", "years=20", "--format", "csv"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}");
}

#[cfg(unix)]
#[test]
fn a_query_that_is_not_utf8_is_read_with_a_warning() {
    use std::os::unix::ffi::OsStrExt;
    let query = std::ffi::OsStr::from_bytes(b"\xff\xfe=1&mw=18");
    let out = Command::new(env!("CARGO_BIN_EXE_hashshift"))
        .arg("run")
        .arg(query)
        .output()
        .expect("runs");
    assert!(out.status.success());
    let d: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(d["query"], "v=3&mw=18");
    assert_eq!(
        d["warnings"][0],
        "Unknown key `\u{fffd}\u{fffd}` was ignored."
    );
}

/// `hashshift render ARGS` with no site address in the environment.
fn render(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hashshift"))
        .arg("render")
        .args(args)
        .env_remove("HASHSHIFT_SITE_URL")
        .output()
        .expect("runs")
}

/// Whether `svg` has a text element reading `text` (plotters writes each on a line of its own).
fn has_text(svg: &str, text: &str) -> bool {
    svg.lines().any(|l| l.trim() == text)
}

#[test]
fn render_draws_the_pages_svg_export_with_title_legend_link_snapshot_and_source() {
    use hashshift::explorer::view::export;
    use hashshift::explorer::State;
    let url = "https://example.org/h/";
    let args = [
        "mw=18&power=40",
        "--chart",
        "cash",
        "--lang",
        "it",
        "--url",
        url,
    ];
    let out = render(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let svg = String::from_utf8(out.stdout).unwrap();
    assert!(
        svg.starts_with("<svg width=\"1000\" height=\"600\""),
        "{}",
        &svg[..80]
    );
    assert!(svg.ends_with("</svg>\n"));
    for text in ["Cassa", "Piano (conversione)", "Solo mining", "Halving"] {
        assert!(has_text(&svg, text), "{text}");
    }
    for text in [
        "Questo scenario: https://example.org/h/?v=3&amp;mw=18&amp;power=40&amp;lang=it&amp;tab=cash",
        "Fonte: HashShift, https://example.org/h/",
        "istantanea di mercato del 26 giu 2026",
    ] {
        assert!(svg.contains(text), "{text}");
    }
    // The page's own drawing of the state it shows for that link, byte for byte.
    let page = State::load(url, "v=3&mw=18&power=40&lang=it&tab=cash");
    assert_eq!(svg, export::svg(&page, export::IMAGE_SIZE.0).unwrap());
    // Into a file, the same bytes; wider, the same proportions.
    let dir = std::env::temp_dir().join(format!("hashshift-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("cash.svg");
    let mut to_file = args.to_vec();
    to_file.extend(["-o", file.to_str().unwrap()]);
    let out = render(&to_file);
    assert!(out.status.success() && out.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), svg);
    std::fs::remove_dir_all(&dir).unwrap();
    let wide = render(&["mw=18", "--width", "1200", "--url", url]);
    let wide = String::from_utf8(wide.stdout).unwrap();
    assert!(wide.starts_with("<svg width=\"1200\" height=\"720\""));
    assert!(
        has_text(&wide, "Revenue"),
        "the query's tab, else the first chart"
    );
}

#[test]
fn render_draws_the_monte_carlo_run_natively() {
    let out = render(&[
        "mc=200",
        "--chart",
        "fan",
        "--url",
        "https://example.org/h/",
    ]);
    assert!(out.status.success());
    let svg = String::from_utf8(out.stdout).unwrap();
    assert!(has_text(&svg, "Monte Carlo"));
    assert!(
        has_text(&svg, "Plan median"),
        "the run's median, not its placeholder"
    );
}

#[test]
fn render_names_the_charts_when_given_an_unknown_one() {
    let out = render(&["mw=18", "--chart", "pie", "--url", "https://example.org/h/"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("invalid value 'pie' for '--chart <NAME>'"),
        "{err}"
    );
    let charts = json(&["charts", "--format", "json"]);
    for chart in charts.as_array().unwrap() {
        assert!(err.contains(chart["name"].as_str().unwrap()), "{err}");
    }
    assert!(!err.contains("panicked"), "{err}");
    for bad in [["--lang", "fr"], ["--theme", "sepia"], ["--width", "10"]] {
        let out = render(&["--url", "https://example.org/h/", bad[0], bad[1]]);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
    }
}

#[test]
fn render_warns_about_a_bad_query_on_stderr_and_still_draws() {
    let out = render(&["mw=9000&zz=1&tab=pie", "--url", "https://example.org/h/"]);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err,
        "warning: Unknown key `zz` was ignored.\n\
         warning: `mw`: 9,000 is above the maximum 5,000 MW; using 5,000.\n\
         warning: `tab`: no chart is called “pie”; showing “Revenue”.\n"
    );
    let svg = String::from_utf8(out.stdout).unwrap();
    assert!(has_text(&svg, "Revenue"));
    assert!(svg.contains("https://example.org/h/?v=3&amp;mw=5000"));
}

#[test]
fn render_links_to_the_address_given_the_urls_own_or_the_sites() {
    let out = render(&["mw=18"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("--url URL"), "{err}");
    let link = |out: Output| {
        let svg = String::from_utf8(out.stdout).unwrap();
        let line = svg.lines().find(|l| l.starts_with("This scenario: "));
        line.unwrap_or_default().to_string()
    };
    let whole = render(&["https://news.example/tools/hashshift/?mw=18&tab=cash"]);
    assert_eq!(
        link(whole),
        "This scenario: https://news.example/tools/hashshift/?v=3&amp;mw=18&amp;tab=cash"
    );
    let site = Command::new(env!("CARGO_BIN_EXE_hashshift"))
        .args(["render", "mw=18", "--theme", "dark"])
        .env("HASHSHIFT_SITE_URL", "https://example.org/site")
        .output()
        .unwrap();
    assert_eq!(
        link(site),
        "This scenario: https://example.org/site/?v=3&amp;mw=18&amp;theme=dark"
    );
}

#[test]
fn render_a_story_writes_each_steps_image_as_its_url_would() {
    let url = "https://example.org/h/";
    let dir = std::env::temp_dir().join(format!("hashshift-story-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let prefix = dir.join("contracts");
    let out = render(&[
        "lang=it",
        "--story",
        "contracts",
        "--url",
        url,
        "-o",
        prefix.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // One file a step (the story has six), listed in order.
    let listed: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    let want: Vec<String> = (1..=6)
        .map(|n| format!("{}-{n}.svg", prefix.display()))
        .collect();
    assert_eq!(listed, want);
    // Each is the image of its step's own URL, in the query's language.
    for (n, file) in listed.iter().enumerate() {
        let step = format!("lang=it&story=contracts&step={}", n + 1);
        let single = render(&[&step, "--url", url]);
        assert!(single.status.success());
        assert_eq!(
            std::fs::read(file).unwrap(),
            single.stdout,
            "step {}",
            n + 1
        );
    }
    // An unknown story is refused with the list of stories.
    let bad = render(&["--story", "nope", "--url", url]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("mining-or-ai, contracts"));
    std::fs::remove_dir_all(&dir).unwrap();
}
