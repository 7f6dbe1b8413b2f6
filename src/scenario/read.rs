//! Reading one key's text, as a link or a person gives it, into a scenario: the codec reads a
//! query's keys with it, each schema its defaults and presets, the explorer a typed value.

use super::keys::{Key, Kind};
use super::warning::{Bound, Problem, Unreadable, Warning};
use super::Scenario;
use crate::calendar::YearMonth;

/// Reads `key`'s text (the link named it `name`) into the scenario within the inclusive
/// `bounds`, warning about each problem.
pub(super) fn apply(
    s: &mut Scenario,
    key: Key,
    name: &'static str,
    text: &str,
    (lo, hi): (f64, f64),
    warnings: &mut Vec<Warning>,
) {
    let text = text.trim();
    let mut warn = |problem| warnings.push(Warning::Value { key, name, problem });
    if text.is_empty() {
        warn(Problem::Empty {
            fallback: s.value_text(key),
        });
        return;
    }
    let kind = key.def().kind;
    let read = match kind {
        Kind::Month => YearMonth::parse(text)
            .map(|m| f64::from(m.index()))
            .ok_or(Unreadable::NotMonth),
        Kind::Choice(choices) => choices
            .iter()
            .position(|c| c.name == text)
            .map(|i| i as f64)
            .ok_or(Unreadable::NotChoice),
        Kind::Real | Kind::Integer | Kind::Toggle => match text.parse::<f64>() {
            Ok(v) if v.is_finite() => Ok(v),
            Ok(_) => Err(Unreadable::NotFinite),
            Err(_) if kind == Kind::Toggle => Err(Unreadable::NotToggle),
            Err(_) => Err(Unreadable::NotNumber),
        },
    };
    let value = match read {
        Ok(v) => v,
        Err(why) => {
            warn(Problem::Unreadable {
                value: text.to_string(),
                why,
                fallback: s.value_text(key),
            });
            return;
        }
    };
    let value = if kind.is_whole() && value.fract() != 0.0 {
        let rounded = value.round();
        warn(Problem::NotWhole {
            value: text.to_string(),
            rounded,
        });
        rounded
    } else {
        value
    };
    let crossed = if value < lo {
        let side = if key == Key::Cstart {
            Bound::BeforeStart
        } else {
            Bound::Below
        };
        Some((lo, side))
    } else if value > hi {
        Some((hi, Bound::Above))
    } else {
        None
    };
    if let Some((bound, side)) = crossed {
        warn(Problem::OutOfBounds { value, bound, side });
    }
    s.set(key, value);
}
