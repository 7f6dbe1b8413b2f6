//! Every chart draws natively (SVG backend) for ordinary and edge scenarios, with its marks.

use hashshift::analysis::{breakeven_map, monte_carlo, tornado};
use hashshift::charts::{self, Style};
use hashshift::i18n::Lang;
use hashshift::model;
use hashshift::scenario::parse;
use plotters::prelude::*;

const SCENARIOS: [&str; 6] = [
    "",
    "conv=0",
    "preset=colo-lease",
    "phases=4&years=20&start=2027-07",
    "years=1&mw=0.1&uptime=0&btcg=-90",
    "mc=50&vol=120&elas=2",
];

fn svg(draw: impl FnOnce(&DrawingArea<SVGBackend<'_>, plotters::coord::Shift>)) -> String {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (900, 420)).into_drawing_area();
        draw(&root);
        root.present().unwrap();
    }
    out
}

/// How many SVG text elements read exactly `text` (plotters writes the text on its own line).
fn texts(svg: &str, text: &str) -> usize {
    svg.lines().filter(|l| l.trim() == text).count()
}

#[test]
fn time_charts_draw_and_map_pixels_to_months() {
    for compact in [false, true] {
        let style = Style {
            scale: 1.0,
            compact,
            lang: Lang::En,
        };
        for q in SCENARIOS {
            let p = model::run(&parse(q).scenario);
            let n = p.months.len();
            let mut maps = Vec::new();
            let revenue = svg(|a| maps.push(charts::revenue::draw(a, &p, &style).unwrap()));
            let cash = svg(|a| maps.push(charts::cash::draw(a, &p, &style).unwrap()));
            let hashprice = svg(|a| maps.push(charts::hashprice::draw(a, &p, &style).unwrap()));
            for m in &maps {
                assert_eq!(m.months, n);
                assert!(m.left < m.right && m.right <= 900.0);
                assert_eq!(m.month_at(m.left), Some(0), "{q}");
                assert_eq!(m.month_at(m.right), Some(n - 1), "{q}");
                assert_eq!(m.month_at(m.x_of(n / 2)), Some(n / 2));
                assert_eq!(m.month_at(m.left - 50.0), None);
            }
            let halvings = p.halving_months.len();
            assert_eq!(texts(&revenue, "halving"), halvings, "{q}");
            assert_eq!(texts(&hashprice, "halving"), halvings, "{q}");
            let captions = revenue
                .lines()
                .filter(|l| l.trim().starts_with("Revenue, $"))
                .count();
            assert_eq!(captions, 1, "{q}: the y caption once, on the left");
            assert!(hashprice.contains("$/PH/day") && hashprice.contains("BTC price, $k"));
            assert_eq!(
                cash.contains("payback"),
                p.summary.payback_month.is_some(),
                "{q}"
            );
        }
    }
}

#[test]
fn analysis_charts_draw() {
    let style = Style {
        scale: 2.0,
        compact: false,
        lang: Lang::En,
    };
    for q in SCENARIOS {
        let s = parse(q).scenario;
        let p = model::run(&s);
        let t = tornado(&s);
        let out = svg(|a| charts::sensitivity::draw(a, &t, &style).unwrap());
        assert!(out.contains("BTC price"), "{q}");
        let map = breakeven_map(&p, 21, 21);
        let out = svg(|a| charts::map::draw(a, &map, &style).unwrap());
        // At least one run of cells per row, at most one per cell.
        let rects = out.matches("<rect").count();
        assert!((21..=21 * 21 + 8).contains(&rects), "{q}: {rects}");
        if let Some(mc) = monte_carlo(&p) {
            let out = svg(|a| {
                charts::fan::draw(a, &p, &mc, &style).unwrap();
            });
            assert!(out.contains("<polygon"));
        }
    }
}
