//! Discounting, NPV, incremental IRR, operating payback and peak funding (ECONOMICS.md §8), and
//! the bracketed root finder they share.

/// `base^((m + shift)/12)` for the months `m = 0..n`: a power per month of the year and one per
/// whole year, multiplied (within 4e-15 of one `pow` a month, at a tenth of the cost).
pub fn monthly_powers(base: f64, shift: usize, n: usize) -> Vec<f64> {
    if n == 0 {
        return Vec::new();
    }
    let fractions: [f64; 12] = std::array::from_fn(|j| libm::pow(base, j as f64 / 12.0));
    let mut whole = (usize::MAX, 1.0);
    (shift..shift + n)
        .map(|e| {
            let (y, j) = (e / 12, e % 12);
            if whole.0 != y {
                whole = (y, libm::pow(base, y as f64));
            }
            whole.1 * fractions[j]
        })
        .collect()
}

/// `(1 + rate)^((m+1)/12)` for each month `m`: the divisor that discounts month `m`'s cash to
/// the start, with `rate` a yearly fraction (0.12 for 12 %/yr).
pub fn discount_divisors(rate: f64, n: usize) -> Vec<f64> {
    monthly_powers(1.0 + rate, 1, n)
}

/// `Σ cash[m] / divisor[m]`.
pub fn npv(cash: &[f64], divisors: &[f64]) -> f64 {
    cash.iter().zip(divisors).map(|(c, d)| c / d).sum()
}

/// Lowest and highest yearly IRR searched, as fractions.
pub const IRR_RANGE: (f64, f64) = (-0.99, 10.0);

/// The yearly rate `r` in [−0.99, 10] at which `Σ Δ(m)/(1+r)^((m+1)/12) = 0`; where there are
/// several, the one closest to zero; `None` where there is none (or `Δ` is all zero).
///
/// Roots are bracketed on a grid of rates growing geometrically away from zero on both sides,
/// so the first bracket found holds the root nearest zero, then refined to 1e-12.
pub fn irr(delta: &[f64]) -> Option<f64> {
    irr_steps(delta)?.find_map(|roots| roots.first().copied())
}

/// Every yearly rate (a fraction: 0.12 is 12 %/yr) in [−0.99, 10] that [`irr`]'s grid
/// brackets as a root of `Δ`'s NPV, nearest zero first ([`irr`] is the first): at most as many
/// as `Δ`'s [`sign_changes`] (Descartes' rule of signs); with more than one, an IRR alone
/// cannot rank the plan. A `Δ` whose plain sum is exactly 0 is taken to have the one IRR 0, as
/// [`irr`] takes it.
pub fn irrs(delta: &[f64]) -> Vec<f64> {
    let mut roots: Vec<f64> = irr_steps(delta).into_iter().flatten().flatten().collect();
    // A root exactly on a grid point is bracketed again by the step after it.
    roots.dedup_by(|a, b| (*a - *b).abs() <= 1e-9 * b.abs().max(1e-9));
    roots
}

/// How many times `Δ` changes sign, its zeros skipped.
pub fn sign_changes(delta: &[f64]) -> usize {
    let mut signs = delta
        .iter()
        .filter(|d| **d != 0.0)
        .map(|d| d.is_sign_positive());
    let Some(mut last) = signs.next() else {
        return 0;
    };
    signs
        .filter(|&s| std::mem::replace(&mut last, s) != s)
        .count()
}

/// The roots of `Δ`'s NPV (yearly rates, as fractions), one step of the grid at a time: each
/// step moves the grid's two ends (from zero, at ±1e-4 growing ×1.25 to −0.99 and 10) one stop
/// further from zero and yields the roots bracketed by those moves (none, one or two, nearer zero first; the positive one
/// first on a tie). Each step's roots are farther from zero than the step before's, so the
/// steps give every root nearest zero first. `None` when `Δ` never changes sign. Where `Δ`
/// changes sign once it has one root (Descartes' rule of signs), and only the side of zero that
/// holds it is walked: the same brackets, half the work.
fn irr_steps(delta: &[f64]) -> Option<impl Iterator<Item = Vec<f64>> + '_> {
    let has_pos = delta.iter().any(|&d| d > 0.0);
    let has_neg = delta.iter().any(|&d| d < 0.0);
    if !(has_pos && has_neg) {
        return None; // no sign change in the cash: no root (Descartes), or Δ ≡ 0
    }
    let f = |r: f64| {
        // Σ Δ_m x^(m+1) with x = (1+r)^(−1/12) (as exp(−ln(1+r)/12): a third of pow's time).
        let x = libm::exp(-libm::log1p(r) / 12.0);
        polynomial(delta, x) * x
    };
    let f0 = f(0.0);
    let (lo_end, hi_end) = IRR_RANGE;
    // Which sides are walked: the positive, the negative.
    let walk = if sign_changes(delta) == 1 {
        let f_hi = f(hi_end);
        let positive = f_hi == 0.0 || f_hi.signum() != f0.signum();
        [positive, !positive]
    } else {
        [true, true]
    };
    let mut prev = [(0.0, f0), (0.0, f0)];
    let mut magnitude = 1e-4;
    let mut zero = f0 == 0.0;
    Some(std::iter::from_fn(move || {
        if std::mem::take(&mut zero) {
            // 0 is a root, and [`irr`]'s answer: the grid is not searched further.
            return Some(vec![0.0]);
        }
        if f0 == 0.0 || ((prev[0].0 >= hi_end || !walk[0]) && (prev[1].0 <= lo_end || !walk[1])) {
            return None;
        }
        let mut roots = Vec::new();
        for (side, sign) in [(0usize, 1.0f64), (1, -1.0)] {
            if !walk[side] {
                continue;
            }
            let (r_prev, f_prev) = prev[side];
            let r = (sign * magnitude).clamp(lo_end, hi_end);
            if r == r_prev {
                continue;
            }
            let fr = f(r);
            if fr == 0.0 || fr.signum() != f_prev.signum() {
                roots.push(if fr == 0.0 {
                    r
                } else {
                    solve(f, r_prev, r, f_prev, fr)
                });
            }
            prev[side] = (r, fr);
        }
        if let [positive, negative] = roots[..] {
            if negative.abs() < positive.abs() {
                roots.swap(0, 1);
            }
        }
        magnitude *= 1.25;
        Some(roots)
    }))
}

/// `Σ_m c[m] · x^m`: Horner's rule on `x⁴` in four interleaved chains (the terms `m ≡ k mod
/// 4` for each `k`), so that the processor works on four at once; within float rounding of
/// Horner's rule on `x`.
fn polynomial(c: &[f64], x: f64) -> f64 {
    let x2 = x * x;
    let x4 = x2 * x2;
    let chunks = c.chunks_exact(4);
    // The highest powers first: the short chunk at the top starts each chain it reaches.
    let mut acc = [0.0; 4];
    acc[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    for chunk in chunks.rev() {
        for (a, &d) in acc.iter_mut().zip(chunk) {
            *a = *a * x4 + d;
        }
    }
    (acc[0] + x * acc[1]) + x2 * (acc[2] + x * acc[3])
}

/// The month from which cumulative `Δ` stays ≥ 0 to the end, having been negative in the month
/// before it; `None` when it ends below zero or is never negative. (Given the operating `Δop`,
/// a plan that only pays back through its terminal value has no payback.)
pub fn payback_month(delta: &[f64]) -> Option<usize> {
    let mut cumulative = 0.0;
    let mut last_negative = None;
    for (m, d) in delta.iter().enumerate() {
        cumulative += d;
        if cumulative < 0.0 {
            last_negative = Some(m);
        }
    }
    match last_negative {
        Some(m) if m + 1 < delta.len() => Some(m + 1),
        _ => None,
    }
}

/// The most cumulative `Δ` falls below zero, $ (0 when it never does), and the first month it
/// is reached (`None` when it is 0).
pub fn peak_funding(delta: &[f64]) -> (f64, Option<usize>) {
    let mut cumulative = 0.0;
    let mut lowest = (0.0, None);
    for (m, d) in delta.iter().enumerate() {
        cumulative += d;
        if cumulative < lowest.0 {
            lowest = (cumulative, Some(m));
        }
    }
    // `0.0 − x`, not `−x`: no funding is +0, never −0.
    (0.0 - lowest.0, lowest.1)
}

/// A root of `f` in the bracket `[a, b]` where `f(a)` and `f(b)` have opposite signs, to a
/// relative precision of about 1e-13 (Illinois variant of regula falsi, with bisection steps
/// whenever the bracket fails to shrink fast enough).
pub fn solve(f: impl Fn(f64) -> f64, a: f64, b: f64, fa: f64, fb: f64) -> f64 {
    solve_until(f, a, b, fa, fb, |a, b| {
        1e-13 * a.abs().max(b.abs()).max(1e-3)
    })
}

/// [`solve`] to within `width` of the root: the bracket is narrowed until it is at most
/// `width` wide (or 200 steps have passed), and one of its ends is the root given.
pub fn solve_within(f: impl Fn(f64) -> f64, a: f64, b: f64, fa: f64, fb: f64, width: f64) -> f64 {
    solve_until(f, a, b, fa, fb, |_, _| width)
}

/// [`solve`] until the bracket `[a, b]` is at most `tolerance(a, b)` wide.
fn solve_until(
    f: impl Fn(f64) -> f64,
    mut a: f64,
    mut b: f64,
    mut fa: f64,
    mut fb: f64,
    tolerance: impl Fn(f64, f64) -> f64,
) -> f64 {
    let mut side = 0i8;
    for i in 0..200 {
        let width = (b - a).abs();
        if width <= tolerance(a, b) {
            break;
        }
        let mut c = (a * fb - b * fa) / (fb - fa);
        if !c.is_finite() || c <= a.min(b) || c >= a.max(b) || i % 8 == 7 {
            c = 0.5 * (a + b);
        }
        let fc = f(c);
        if fc == 0.0 {
            return c;
        }
        if fc.signum() == fb.signum() {
            b = c;
            fb = fc;
            if side == -1 {
                fa *= 0.5;
            }
            side = -1;
        } else {
            a = c;
            fa = fc;
            if side == 1 {
                fb *= 0.5;
            }
            side = 1;
        }
    }
    if fa.abs() < fb.abs() {
        a
    } else {
        b
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monthly_powers_match_a_pow_a_month() {
        for base in [1.12, 0.85, 1.0, 0.1, 4.0] {
            for shift in [0, 1] {
                let table = monthly_powers(base, shift, 240);
                for (m, v) in table.iter().enumerate() {
                    let want = libm::pow(base, (m + shift) as f64 / 12.0);
                    assert!(
                        (v / want - 1.0).abs() < 4e-15,
                        "{base}^({m}+{shift})/12: {v} vs {want}"
                    );
                }
            }
        }
        // Whole years are exact.
        assert_eq!(monthly_powers(1.12, 1, 12)[11], 1.12);
        assert_eq!(monthly_powers(1.0, 0, 5), [1.0; 5]);
    }

    #[test]
    fn npv_discounts_each_month_at_its_end() {
        // 12 %/yr: month 11 is discounted by exactly 1.12; month 23 by 1.2544.
        let d = discount_divisors(0.12, 24);
        assert!((d[11] - 1.12).abs() < 1e-15);
        assert!((d[23] - 1.2544).abs() < 1e-14);
        let mut cash = vec![0.0; 24];
        cash[11] = 112.0;
        cash[23] = 125.44;
        assert!((npv(&cash, &d) - 200.0).abs() < 1e-10);
    }

    #[test]
    fn irr_of_one_year_doubling_is_100_percent() {
        // −100 in month 0, +200 in month 12: (1+r)^(13/12 − 1/12) = 2 → r = 1.
        let mut delta = vec![0.0; 13];
        delta[0] = -100.0;
        delta[12] = 200.0;
        let r = irr(&delta).unwrap();
        assert!((r - 1.0).abs() < 1e-9, "{r}");
    }

    #[test]
    fn irr_of_a_monthly_annuity_matches_numpy_financial() {
        // numpy_financial.irr([-1000] + [90] * 12) = 0.012043456781418937 per month,
        // so (1.012043456781418937)^12 − 1 = 0.15448936399925395 per year.
        let mut delta = vec![-1000.0];
        delta.extend([90.0; 12]);
        let r = irr(&delta).unwrap();
        assert!((r / 0.154_489_363_999_253_95 - 1.0).abs() < 1e-9, "{r}");
    }

    #[test]
    fn irr_picks_the_root_closest_to_zero() {
        // Cash −1, +2.7, −1.8 at months 0, 12, 24 has two roots, where y = (1+r)^−1 solves −1 + 2.7y − 1.8y² = 0: y = 5/6 or 2/3, r = 0.2 or 0.5.
        let mut delta = vec![0.0; 25];
        delta[0] = -1.0;
        delta[12] = 2.7;
        delta[24] = -1.8;
        let r = irr(&delta).unwrap();
        assert!((r - 0.2).abs() < 1e-9, "{r}");
        // Negative root: −100 then +50 after a year: r = −0.5.
        let mut delta = vec![0.0; 13];
        delta[0] = -100.0;
        delta[12] = 50.0;
        assert!((irr(&delta).unwrap() + 0.5).abs() < 1e-9);
    }

    #[test]
    fn irrs_lists_every_root_nearest_zero_first() {
        // −100, +230, −132 at the ends of years 1–3: (1+r)² · 100 − (1+r) · 230 + 132 = 0 has
        // 1 + r = (230 ± 10)/200, so 10 % and 20 %.
        let mut delta = vec![0.0; 36];
        (delta[11], delta[23], delta[35]) = (-100.0, 230.0, -132.0);
        let roots = irrs(&delta);
        assert_eq!(roots.len(), 2, "{roots:?}");
        assert!(
            (roots[0] - 0.1).abs() < 1e-9 && (roots[1] - 0.2).abs() < 1e-9,
            "{roots:?}"
        );
        assert_eq!(Some(roots[0]), irr(&delta));
        assert_eq!(sign_changes(&delta), 2);
        // One sign change, one root; none, none.
        assert_eq!(irrs(&[-1.0, 0.0, 1.01]).len(), 1);
        assert_eq!(sign_changes(&[-1.0, 0.0, 1.01]), 1);
        assert_eq!(irrs(&[1.0, 2.0]), Vec::<f64>::new());
        assert_eq!(sign_changes(&[1.0, 0.0, 2.0]), 0);
        assert_eq!(sign_changes(&[]), 0);
    }

    #[test]
    fn irr_is_none_without_a_sign_change_or_root_in_range() {
        assert_eq!(irr(&[0.0; 12]), None);
        assert_eq!(irr(&[-1.0, -2.0, -3.0]), None);
        assert_eq!(irr(&[1.0, 2.0]), None);
        // −1 then +1000 a month later needs r = 1000^12 − 1, far above 10.
        assert_eq!(irr(&[-1.0, 1000.0]), None);
    }

    #[test]
    fn payback_rules() {
        assert_eq!(payback_month(&[-10.0, 5.0, 5.0, 1.0]), Some(2));
        assert_eq!(payback_month(&[-10.0, 5.0, 4.0]), None);
        assert_eq!(payback_month(&[1.0, 2.0]), None);
        // Dips below again before recovering: the later recovery counts.
        assert_eq!(payback_month(&[-1.0, 2.0, -3.0, 5.0]), Some(3));
        // Negative only in the last month: never pays back within the horizon.
        assert_eq!(payback_month(&[1.0, -2.0]), None);
    }

    #[test]
    fn peak_funding_is_the_deepest_cumulative_shortfall() {
        // Cumulative: −10, −25, −5, −26, −6: the deepest is −26, first reached in month 3.
        assert_eq!(
            peak_funding(&[-10.0, -15.0, 20.0, -21.0, 20.0]),
            (26.0, Some(3))
        );
        assert_eq!(peak_funding(&[5.0, -5.0, 1.0]), (0.0, None));
        assert!(peak_funding(&[5.0]).0.is_sign_positive());
        // The same depth twice: the first month counts.
        assert_eq!(peak_funding(&[-3.0, 3.0, -3.0]), (3.0, Some(0)));
        assert_eq!(peak_funding(&[]), (0.0, None));
    }

    #[test]
    fn polynomial_in_four_chains_is_horners_rule() {
        // 1 + 2·0.5 + 3·0.25 + 4·0.125 + 5·0.0625 = 1 + 1 + 0.75 + 0.5 + 0.3125 = 3.5625.
        assert_eq!(polynomial(&[1.0, 2.0, 3.0, 4.0, 5.0], 0.5), 3.5625);
        assert_eq!(polynomial(&[], 0.5), 0.0);
        assert_eq!(polynomial(&[7.0], 3.0), 7.0);
        for n in [1, 3, 4, 5, 120, 241] {
            let c: Vec<f64> = (0..n).map(|m| ((m * 37) % 11) as f64 - 5.0).collect();
            let x = 0.99;
            let horner = c.iter().rev().fold(0.0, |acc, &d| acc * x + d);
            let scale: f64 = c.iter().map(|v| v.abs()).sum();
            assert!((polynomial(&c, x) - horner).abs() <= 1e-14 * scale, "{n}");
        }
    }

    #[test]
    fn solver_finds_sqrt2() {
        let r = solve(|x| x * x - 2.0, 0.0, 2.0, -2.0, 2.0);
        assert!((r - 2f64.sqrt()).abs() < 1e-12);
    }

    #[test]
    fn solver_stops_within_the_width_asked_even_on_a_jump() {
        // A line through 0.3 and a step at 0.3, bracketed by [0, 1]: 1e-6 asked, at most that.
        let line = solve_within(|x| x - 0.3, 0.0, 1.0, -0.3, 0.7, 1e-6);
        assert!((line - 0.3).abs() <= 1e-6, "{line}");
        let step = |x: f64| if x < 0.3 { -1.0 } else { 1.0 };
        let jump = solve_within(step, 0.0, 1.0, -1.0, 1.0, 1e-6);
        assert!((jump - 0.3).abs() <= 1e-6, "{jump}");
    }
}
