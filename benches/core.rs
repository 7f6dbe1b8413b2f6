//! Benchmarks of the economics core (goals in brackets):
//! one full evaluation, plan + baseline + yearly table + summary with IRR, payback, peak funding
//! and both breakevens, 120 months [≤ 100 µs], and with project debt and the equity's view
//! (ECONOMICS.md §8b) [≤ 100 µs]; the tornado [≤ 2 ms]; the discount-rate curve
//! and the value of waiting together [≤ 3 ms]; a 41×41 break-even map, including its model run
//! [≤ 20 ms]; the break-evens of every input the tornado moves, including its model run
//! [≤ 20 ms]; Monte Carlo, 1,000 paths × 120 months, with the AI-rate index (the defaults' and
//! with no contract, every live month indexed) [≤ 10 ms]; parsing and canonicalising a
//! query, and reading a schema-1 link.

use criterion::{criterion_group, criterion_main, Criterion};
use hashshift::analysis::{breakeven_map, monte_carlo, rates, sweeps, timing, tornado};
use hashshift::model;
use hashshift::scenario::{canonical_query, parse, Scenario};
use std::hint::black_box;

fn core(c: &mut Criterion) {
    let defaults = Scenario::default();
    let phased = parse("phases=4&btcg=10").scenario;
    c.bench_function("full evaluation (defaults, 120 months)", |b| {
        b.iter(|| model::run(black_box(&defaults)))
    });
    c.bench_function("full evaluation (4 tranches, 120 months)", |b| {
        b.iter(|| model::run(black_box(&phased)))
    });
    for (name, query) in [
        (
            "eval with debt (ltc=70&tenor=7, 120 months)",
            "ltc=70&tenor=7",
        ),
        (
            "eval with debt (galaxy-helios, 180 months)",
            "preset=galaxy-helios",
        ),
        (
            "eval with debt (cipher-barber-lake bullet, 120 months)",
            "preset=cipher-barber-lake",
        ),
    ] {
        let s = parse(query).scenario;
        c.bench_function(name, |b| b.iter(|| model::run(black_box(&s))));
    }
    c.bench_function("tornado (20 inputs × 2)", |b| {
        b.iter(|| tornado(black_box(&defaults)))
    });
    c.bench_function("rates + timing", |b| {
        b.iter(|| {
            let p = model::run(black_box(&defaults));
            (rates(&p), timing(black_box(&defaults)))
        })
    });
    c.bench_function("break-even map 41x41", |b| {
        b.iter(|| breakeven_map(&model::run(black_box(&defaults)), 41, 41))
    });
    // The page's worker sweeps (the CLI's `breakevens` are the same scan, without the stretches).
    c.bench_function("breakevens sweep (20 inputs × 201 points)", |b| {
        b.iter(|| sweeps(&model::run(black_box(&defaults))))
    });
    let mc = model::run(&parse("mc=1000").scenario);
    c.bench_function("monte carlo 1000 paths x 120 months", |b| {
        b.iter(|| monte_carlo(black_box(&mc)))
    });
    // The AI-rate index moves every live month's GPU revenue.
    let open = model::run(&parse("mc=1000&cterm=0").scenario);
    c.bench_function("monte carlo 1000 paths x 120 months, no contract", |b| {
        b.iter(|| monte_carlo(black_box(&open)))
    });
    let query = "https://example.org/?v=2&mw=18&power=38.5&btc=95000&gpu=2.2&phases=3&tab=cash";
    c.bench_function("parse + canonical query", |b| {
        b.iter(|| canonical_query(&parse(black_box(query)).scenario))
    });
    let link = "https://example.org/?v=1&mw=18&power=38.5&btc=95000&gpu=2.2&phases=3&tab=cash";
    c.bench_function("parse + migrate a schema-1 link", |b| {
        b.iter(|| canonical_query(&parse(black_box(link)).scenario))
    });
}

criterion_group!(benches, core);
criterion_main!(benches);
