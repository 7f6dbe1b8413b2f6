//! The written summary under the KPI cards: one or two sentences a reader could quote, in the
//! page's language. It is also the charts' accessible description.

use super::odds::{share, shown_share};
use crate::analysis::MonteCarlo;
use crate::i18n::{Article, KeyText, Lang, Msg, NBSP};
use crate::model::{Choice, Projection};
use crate::scenario::{AiModel, Key, TerminalValue};

/// The summary of a projection in `lang`, with, after its first sentence, the `odds` that
/// converting beats keeping mining where there are some to tell (`Some`: a Monte Carlo run's,
/// or `Some(None)` while it goes on; see [`super::odds::for_summary`]).
pub fn summary(p: &Projection, odds: Option<Option<&MonteCarlo>>, lang: Lang) -> String {
    let s = &p.scenario;
    let f = lang.fmt();
    let sm = &p.summary;
    let super::kpi::Terms {
        horizon,
        rates_after_at,
        at_the_rates,
        ..
    } = super::kpi::Terms::of(s, lang);
    let mw = format!("{}{NBSP}MW", f.number(s.get(Key::Mw), 1));
    let converts = p.converts();
    let start = f.month(s.month(Key::Cstart));
    if !converts {
        let no_plan = lang.fill(
            Msg::SummaryNoPlan,
            &[
                ("mw", &mw),
                ("month", &f.month(s.month(Key::Start))),
                ("horizon", &horizon),
            ],
        );
        return format!("{no_plan} {}", best_choice(p, lang));
    }

    // What converts: how much of the site, to what, in how many tranches.
    let conv = s.get(Key::Conv);
    let site = if conv < 100.0 {
        lang.fill(
            Msg::SummaryShareOf,
            &[
                f.article(conv, 1, Article::The),
                ("share", &f.number(conv, 1)),
                ("mw", &mw),
            ],
        )
    } else {
        mw
    };
    let model = match s.ai() {
        AiModel::Gpu => Msg::SummaryWhatGpu,
        AiModel::Colo => Msg::SummaryWhatColo,
    };
    let mut what = lang.fill(model, &[("mw", &site)]);
    let phases = s.int(Key::Phases);
    if phases > 1 {
        what = lang.fill(
            Msg::SummaryTranches,
            &[("what", &what), ("n", &phases.to_string())],
        );
    }

    let adv = sm.npv_advantage;
    let terminal = sm.npv_advantage_terminal;
    let valued = lang.t(match s.terminal() {
        TerminalValue::Market => Msg::SummaryHallsValue,
        TerminalValue::Book => Msg::SummaryBookValue,
    });
    let (sentence, clause) = if adv < 0.0 {
        (Msg::SummaryWorse, Msg::SummaryTerminalEven)
    } else if adv > 0.0 && terminal <= adv {
        (Msg::SummaryBetter, Msg::SummaryTerminalOf)
    } else if adv > 0.0 {
        // Operations alone lose: the terminal value is more than the whole advantage.
        (Msg::SummaryBetter, Msg::SummaryTerminalCounting)
    } else {
        (Msg::SummaryEven, Msg::SummaryTerminalOf)
    };
    let terminal_clause = if terminal > 0.0 {
        lang.fill(clause, &[("x", &f.money(terminal)), ("valued", valued)])
    } else {
        String::new()
    };
    let first = lang.fill(
        sentence,
        &[
            ("what", &what),
            ("month", &start),
            ("x", &f.money(adv.abs())),
            at_the_rates,
            ("rates", &rates_after_at),
            ("horizon", &horizon),
            ("terminal", &terminal_clause),
        ],
    );

    // The cash it needs, its return and its payback.
    let mut parts = Vec::new();
    if let Some(month) = sm.peak_funding_month {
        parts.push(lang.fill(
            Msg::SummaryPeak,
            &[
                ("x", &f.money(sm.peak_funding_usd)),
                ("month", &f.month(month)),
            ],
        ));
        if let Some(irr) = sm.irr_incremental {
            parts.push(match super::kpi::several_irrs(p, lang) {
                Some(irrs) => lang.fill(Msg::SummaryIrrs, &[("irrs", &irrs)]),
                None => lang.fill(Msg::SummaryIrr, &[("irr", &f.percent_per_year(irr))]),
            });
        }
        parts.push(match sm.payback_month {
            Some(m) => lang.fill(Msg::SummaryPayback, &[("month", &f.month(m))]),
            None => lang.fill(Msg::SummaryNoPayback, &[("horizon", &horizon)]),
        });
    }
    let mut sentences = vec![first];
    sentences.extend(odds.map(|mc| chance(mc, lang)));
    if !parts.is_empty() {
        sentences.push(format!("{}.", parts.join("; ")));
    }
    if p.borrows() {
        sentences.push(equity(p, lang));
    }
    sentences.push(best_choice(p, lang));
    sentences.join(" ")
}

/// The sentence on the odds that converting beats keeping mining: a word for their chance
/// followed by the number, "likely (62 %)", on the IPCC's scale (very likely from 90 %, likely
/// from 66 %, about as likely as not from 34 %, unlikely from 11 %, very unlikely below), read
/// off the share as written ([`shown_share`]); while the run goes on (`None`), a "…" for each.
fn chance(mc: Option<&MonteCarlo>, lang: Lang) -> String {
    let (word, pct) = mc.map_or(("…", "…".into()), |mc| {
        let n = shown_share(mc.prob_plan_better);
        let word = match n {
            90.0.. => Msg::ChanceVeryLikely,
            66.0.. => Msg::ChanceLikely,
            34.0.. => Msg::ChanceEven,
            11.0.. => Msg::ChanceUnlikely,
            _ => Msg::ChanceVeryUnlikely,
        };
        (lang.t(word), share(mc.prob_plan_better, lang))
    });
    lang.fill(Msg::SummaryOdds, &[("chance", word), ("pct", &pct)])
}

/// The sentence on the equity of a plan with debt (ECONOMICS.md §8b): its return, the most it
/// puts in and the lenders' lowest cover, each where it has one.
fn equity(p: &Projection, lang: Lang) -> String {
    let (f, sm, s) = (lang.fmt(), &p.summary, &p.scenario);
    let mut clauses = Vec::new();
    if let Some(irr) = sm.equity_irr {
        clauses.push(lang.fill(Msg::SummaryEquityIrr, &[("irr", &f.percent_per_year(irr))]));
    }
    clauses.push(match sm.peak_equity_month {
        Some(month) => lang.fill(
            Msg::SummaryEquityPeak,
            &[
                ("x", &f.money(sm.peak_equity_usd)),
                ("month", &f.month(month)),
            ],
        ),
        None => lang.t(Msg::SummaryEquityNone).to_string(),
    });
    if let Some((dscr, year)) = sm.min_dscr.zip(sm.min_dscr_year) {
        let msg = if dscr < 1.0 {
            Msg::SummaryCoverBelowOne
        } else {
            Msg::SummaryCover
        };
        clauses.push(lang.fill(
            msg,
            &[
                ("dscr", &super::kpi::times(dscr, lang)),
                ("year", &year.to_string()),
            ],
        ));
    }
    let ltc = s.get(Key::Ltc);
    lang.fill(
        Msg::SummaryDebt,
        &[
            f.article(ltc, 1, Article::The),
            ("ltc", &Key::Ltc.with_unit(ltc, 1, lang)),
            ("clauses", &clauses.join("; ")),
        ],
    )
}

/// The sentence on the best of converting, keeping mining and selling now (ECONOMICS.md §8c),
/// with the three NPVs; where nothing converts, on mining against selling.
fn best_choice(p: &Projection, lang: Lang) -> String {
    let (f, sm) = (lang.fmt(), &p.summary);
    let msg = match (sm.best_choice, p.converts()) {
        (Choice::Convert, _) => Msg::SummaryBestConvert,
        (Choice::Mine, true) => Msg::SummaryBestMine,
        (Choice::Sell, true) => Msg::SummaryBestSell,
        (Choice::Mine, false) => Msg::SummaryBestMineNoPlan,
        (Choice::Sell, false) => Msg::SummaryBestSellNoPlan,
    };
    lang.fill(
        msg,
        &[
            ("convert", &f.money(sm.plan.npv)),
            ("mine", &f.money(sm.baseline.npv)),
            ("sell", &f.money(sm.npv_sell)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model;
    use crate::scenario::parse;

    fn of(q: &str, lang: Lang) -> String {
        summary(&model::run(&parse(q).scenario), None, lang)
    }

    #[test]
    fn the_defaults_read_like_the_issue() {
        assert_eq!(
            of("", Lang::En),
            "Converting 100\u{a0}MW to a GPU cloud from Jan 2027 is worth $49.9\u{a0}M more than keeping it \
             mining at 12\u{a0}%/yr over 10\u{a0}years, counting $749\u{a0}M for the halls' value at the \
             horizon. At its peak it needs $2.69\u{a0}B more cash than mining (Jan 2028); its return \
             on that cash is 12.5\u{a0}%/yr; operations pay it back by Dec 2036. Selling now is worth \
             most of the three choices: $92.7\u{a0}M, against $70.3\u{a0}M converting and \
             $20.3\u{a0}M keeping mining."
        );
    }

    #[test]
    fn a_plan_with_debt_says_what_its_equity_earns_and_needs_and_how_it_is_covered() {
        // The CLI's `preset=galaxy-helios`: equity_irr 0.31525971742177317, peak_equity_usd
        // 901357155.006851 in 2030-02, min_dscr 0.8657153459132632 in 2028 (worked by hand in
        // the cards' test): under 1×, so the cover "falls to" it.
        let galaxy = of("preset=galaxy-helios", Lang::En);
        assert!(
            galaxy.contains(
                "operations pay it back by Aug 2035. With 80\u{a0}% of capex borrowed, the \
                 equity's return is 31.5\u{a0}%/yr; it needs $901\u{a0}M of equity at its peak \
                 (Feb 2030); the lenders' cover falls to 0.87× in 2028, short of the debt \
                 service. Converting is worth most"
            ),
            "{galaxy}"
        );
        // As a bullet, never below 1.73× (the CLI: equity_irr 0.5255360521973304,
        // peak_equity_usd 505100226.03243405 in 2029-12, min_dscr 1.7344366478887256 in 2028).
        assert!(of("preset=galaxy-helios&tenor=0", Lang::It).contains(
            "Con l'80\u{a0}% del capex a debito, il rendimento del capitale proprio è \
             52,6\u{a0}%/anno; richiede al massimo 505\u{a0}mln\u{a0}$ di capitale proprio \
             (dic 2029); la copertura dei finanziatori non scende mai sotto 1,73× (2028)."
        ));
        // Nothing due within the horizon: no cover to speak of (the CLI's min_dscr is null).
        assert!(of("ltc=50&years=2&cstart=2028-06", Lang::En).contains(
            "With 50\u{a0}% of capex borrowed, the equity's return is 165\u{a0}%/yr; it needs \
             $185\u{a0}M of equity at its peak (Dec 2028). Selling"
        ));
        // Without debt, or with nothing converting, no word of it.
        for q in ["", "ltc=50&conv=0"] {
            assert!(!of(q, Lang::En).contains("borrowed"), "{q}");
        }
    }

    #[test]
    fn variants() {
        let iren = of("preset=iren-msft", Lang::En);
        assert!(
            iren.starts_with("Converting 280\u{a0}MW to a GPU cloud from Jan 2027 is worth $1.50\u{a0}B more than keeping it mining at 12\u{a0}%/yr for mining, 9\u{a0}%/yr for AI over 6\u{a0}years, counting $6.24\u{a0}B for the halls' value at the horizon"),
            "{iren}"
        );
        // A part of the advantage is "of which"; more than all of it is "counting".
        assert!(of("gpu=4", Lang::En).contains(
            "is worth $1.82\u{a0}B more than keeping it mining at 12\u{a0}%/yr over 10\u{a0}years, of which $749\u{a0}M is the halls' value at the horizon."
        ));
        // The CLI's colo-lease: npv_advantage 1712122330.3, of which terminal 1699707302.4.
        assert!(of("preset=colo-lease", Lang::It)
            .contains(", di cui 1,70\u{a0}mld\u{a0}$ sono il valore delle sale all'orizzonte."));
        assert!(of("", Lang::It)
            .contains(", contando 749\u{a0}mln\u{a0}$ per il valore delle sale all'orizzonte."));
        // Less than mining, the terminal value "even" counted (the CLI's gpu=2.2: npv_advantage
        // −303420071.7).
        assert!(of("gpu=2.2", Lang::En).contains(
            "is worth $303\u{a0}M less than keeping it mining at 12\u{a0}%/yr over 10\u{a0}years, even counting $749\u{a0}M"
        ));
        let colo = of("ai=colo&conv=40&phases=2&tv=book", Lang::En);
        assert!(
            colo.starts_with("Converting 40\u{a0}% of 100\u{a0}MW to an AI hall leased to a tenant in 2\u{a0}tranches from Jan 2027"),
            "{colo}"
        );
        assert!(colo.contains("the assets' book value"), "{colo}");
        assert!(of("conv=0", Lang::En).starts_with("Keeping all 100\u{a0}MW mining from Jan 2027"));
        // The best of the three choices, in a sentence (the CLI's best_choice and NPVs: plan
        // 648884368.1, baseline 20339381.3, npv_sell 92658200.5 for the first; the baseline
        // and npv_sell for `conv=0`).
        assert!(of("gpu=3&cstart=2027-04", Lang::It).ends_with(
            "Convertire è la migliore delle tre scelte: 649\u{a0}mln\u{a0}$, contro \
             20,3\u{a0}mln\u{a0}$ continuando a minare e 92,7\u{a0}mln\u{a0}$ vendendo ora."
        ));
        assert!(of("conv=0", Lang::En).ends_with(
            "so there is nothing to compare. Selling now ($92.7\u{a0}M) is worth more than keeping \
             mining ($20.3\u{a0}M)."
        ));
        // Nothing to sell (no land value, no resale): mining, whose land is worth nothing at the
        // horizon either (the CLI's baseline npv 4240719.4).
        assert!(of("conv=0&landv=0&asicp=0", Lang::It).ends_with(
            "Continuare a minare (4,24\u{a0}mln\u{a0}$) vale più che vendere ora (0\u{a0}$)."
        ));
        // Italian percentages take the article they are read with.
        assert!(of("conv=80", Lang::It).starts_with("Convertire l'80\u{a0}% di 100\u{a0}MW"));
        assert!(of("conv=40", Lang::It).starts_with("Convertire il 40\u{a0}% di 100\u{a0}MW"));
        assert!(of("conv=79.96", Lang::It).starts_with("Convertire l'80\u{a0}% di"));
        assert!(of("conv=7.96", Lang::It).starts_with("Convertire l'8\u{a0}% di"));
        // So do the discount rate (the mining one, which comes first) and all the megawatts.
        for (q, said) in [
            ("", "minare, al 12\u{a0}%/anno su 10\u{a0}anni"),
            (
                "rate=8",
                "minare, all'8\u{a0}%/anno per il mining e al 12\u{a0}%/anno per l'IA",
            ),
            (
                "airate=8",
                "minare, al 12\u{a0}%/anno per il mining e all'8\u{a0}%/anno per l'IA",
            ),
            ("rate=0&airate=0", "minare, allo 0\u{a0}%/anno su"),
            ("rate=11.04&airate=11.04", "minare, all'11\u{a0}%/anno su"),
        ] {
            let it = of(q, Lang::It);
            assert!(it.contains(said), "{q}: {it}");
        }
        // One sentence for any number of megawatts, with no article to agree: `1 MW`, `0,5 MW`.
        for (q, mw) in [
            ("conv=0&mw=80", "80"),
            ("conv=0&mw=1", "1"),
            ("conv=0&mw=0.5", "0,5"),
        ] {
            let it = of(q, Lang::It);
            assert!(
                it.starts_with(&format!("L'intera potenza di {mw}\u{a0}MW continua")),
                "{it}"
            );
        }
        let it = of("", Lang::It);
        assert!(
            it.starts_with(
                "Convertire 100\u{a0}MW a un cloud GPU da gen 2027 vale 49,9\u{a0}mln\u{a0}$ in più \
                 rispetto a continuare a minare"
            ),
            "{it}"
        );
    }

    /// A run's result with only its share of paths better set, for the odds' sentence.
    fn odds(prob: f64) -> MonteCarlo {
        let p = model::run(&parse("mc=1&vol=0&aivol=0").scenario);
        MonteCarlo {
            prob_plan_better: prob,
            ..crate::analysis::monte_carlo(&p).unwrap()
        }
    }

    #[test]
    fn the_odds_follow_the_first_sentence_in_a_word_and_a_number() {
        let p = model::run(&parse("").scenario);
        let with = |prob: Option<f64>, lang| {
            let mc = prob.map(odds);
            summary(&p, Some(mc.as_ref()), lang)
        };
        // The CLI's `v=3`: prob_plan_better 0.337, 34 of 100: about as likely as not.
        let en = with(Some(0.337), Lang::En);
        assert!(
            en.contains(
                "the halls' value at the horizon. Across the simulated futures, converting is \
                 about as likely as not (34\u{a0}%) to beat keeping mining. At its peak"
            ),
            "{en}"
        );
        // The scale's steps, on the share as written: 0.655 is 66 %, likely; 0.895 is 90 %,
        // very likely; 0.335 is 34 % (about as likely as not) but 0.334 is 33 %, unlikely;
        // 0.105 is 11 %, unlikely, and 0.104 is 10 %, very unlikely.
        for (prob, word) in [
            (0.655, "likely (66"),
            (0.895, "very likely (90"),
            (0.9995, "very likely (99"),
            (0.335, "about as likely as not (34"),
            (0.334, "unlikely (33"),
            (0.105, "unlikely (11"),
            (0.104, "very unlikely (10"),
            (0.0, "very unlikely (0"),
        ] {
            let en = with(Some(prob), Lang::En);
            assert!(
                en.contains(&format!("converting is {word}\u{a0}%)")),
                "{prob}: {en}"
            );
        }
        assert!(with(Some(0.7), Lang::It).contains(
            "Nei futuri simulati, è probabile (70\u{a0}%) che convertire renda più che \
             continuare a minare."
        ));
        // While the run goes on, a "…" for each; with no odds to tell, no sentence.
        assert!(with(None, Lang::En)
            .contains("Across the simulated futures, converting is … (…) to beat keeping mining."));
        assert!(!summary(&p, None, Lang::En).contains("simulated"));
        // Nothing converting, nothing to beat.
        let none = model::run(&parse("conv=0").scenario);
        let mc = odds(0.0);
        assert!(!summary(&none, Some(Some(&mc)), Lang::En).contains("simulated"));
    }
}
