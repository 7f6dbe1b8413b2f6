//! The interface's two languages (`lang=en`, `lang=it`). Texts are written in English in the
//! code and translated here by lookup; sentences with numbers are templates whose `{name}`
//! slots are filled after translation. Numbers keep one format in both languages.

use crate::scenario::YearMonth;

/// Interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// English (default).
    #[default]
    En,
    /// Italian.
    It,
}

/// `en` in the language (unchanged where no translation exists).
pub fn tr(lang: Lang, en: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::It => italian(en).unwrap_or(en),
    }
}

/// Fills the `{name}` slots of a translated template.
pub fn fill(template: &str, slots: &[(&str, &str)]) -> String {
    slots
        .iter()
        .fold(template.to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

/// A month as `Apr 2028` or `apr 2028`.
pub fn month_label(m: YearMonth, lang: Lang) -> String {
    const IT: [&str; 12] = [
        "gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic",
    ];
    match lang {
        Lang::En => m.label(),
        Lang::It => format!("{} {}", IT[m.month() as usize - 1], m.year()),
    }
}

#[rustfmt::skip]
fn italian(en: &str) -> Option<&'static str> {
    Some(match en {
        // Page
        "What a megawatt earns mining Bitcoin, and converted to AI compute" => "Quanto rende un megawatt a minare Bitcoin, e convertito al calcolo per l'IA",
        "Preset" => "Scenario tipo",
        "Custom scenario" => "Scenario personalizzato",
        "Pick a preset to start from a real deal; every slider stays yours." => "Parti da un accordo reale; ogni cursore resta tuo.",
        "Copy link" => "Copia il link",
        "Copy embed code" => "Copia il codice da incorporare",
        "Link copied" => "Link copiato",
        "Embed code copied" => "Codice copiato",
        "Open the full explorer ↗" => "Apri l'esploratore completo ↗",
        "Some values could not be used as given:" => "Alcuni valori non si potevano usare così:",
        "Dismiss the warnings" => "Chiudi gli avvisi",
        "Model: schema v1. Money in nominal US dollars, pre-tax, unlevered. The URL is the scenario: share it or bookmark it." => "Modello: schema v1. Importi in dollari USA nominali, ante imposte, senza leva. L'URL è lo scenario: condividilo o salvalo.",
        "Reset to default ({value})" => "Ripristina il predefinito ({value})",
        "Reset {label} to its default" => "Ripristina {label} al predefinito",
        "GPU cloud: own GPUs, rent GPU-hours" => "Cloud GPU: GPU proprie, ore-GPU a noleggio",
        "Colocation: lease the powered hall" => "Colocation: sala alimentata in locazione",
        "on" => "acceso",
        "off" => "spento",
        // Groups
        "Site and power" => "Sito ed energia",
        "Bitcoin market and network" => "Mercato e rete Bitcoin",
        "Mining fleet" => "Flotta di mining",
        "AI plan" => "Piano IA",
        "GPU cloud" => "Cloud GPU",
        "Finance and horizon" => "Finanza e orizzonte",
        "Uncertainty (Monte Carlo)" => "Incertezza (Monte Carlo)",
        // Units
        "years" => "anni",
        "months" => "mesi",
        "tranches" => "tranche",
        "paths" => "percorsi",
        "% of rev." => "% dei ricavi",
        "%/yr" => "%/anno",
        "$/MW/month" => "$/MW/mese",
        "$/kW/month" => "$/kW/mese",
        "GPUs/MW IT" => "GPU/MW IT",
        "$/GPU-h" => "$/ora-GPU",
        "ratio" => "rapporto",
        // Keys: labels and one-line explanations
        "Start month" => "Mese di inizio",
        "First month of the projection." => "Primo mese della proiezione.",
        "Horizon" => "Orizzonte",
        "Length of the projection." => "Durata della proiezione.",
        "Site capacity" => "Capacità del sito",
        "Grid capacity of the site, gross (before PUE overhead)." => "Capacità di rete del sito, lorda (prima delle perdite PUE).",
        "Power price" => "Prezzo dell'energia",
        "All-in price of electricity (45 $/MWh = 4.5 ¢/kWh)." => "Prezzo dell'elettricità tutto compreso (45 $/MWh = 4,5 ¢/kWh).",
        "BTC price" => "Prezzo BTC",
        "Bitcoin price in the start month." => "Prezzo del Bitcoin nel mese di inizio.",
        "BTC price growth" => "Crescita prezzo BTC",
        "Yearly growth of the Bitcoin price." => "Crescita annua del prezzo del Bitcoin.",
        "Network hashrate" => "Hashrate di rete",
        "Total network hashrate in the start month." => "Hashrate totale della rete nel mese di inizio.",
        "Hashrate growth" => "Crescita hashrate",
        "Yearly growth of the network hashrate." => "Crescita annua dell'hashrate di rete.",
        "Drop at halving" => "Calo all'halving",
        "Network hashrate lost at each halving (old machines switch off)." => "Hashrate perso a ogni halving (le macchine vecchie si spengono).",
        "Fees per block" => "Commissioni per blocco",
        "Transaction fees paid to the miner of each block." => "Commissioni pagate al miner di ogni blocco.",
        "Block interval" => "Intervallo tra blocchi",
        "Mean time between blocks; sets the date of each halving." => "Tempo medio tra i blocchi; fissa la data di ogni halving.",
        "Fleet efficiency" => "Efficienza della flotta",
        "Energy per terahash at the wall (S21: 17.5, S21 XP: 13.5)." => "Energia per terahash alla presa (S21: 17,5, S21 XP: 13,5).",
        "Mining PUE" => "PUE del mining",
        "Site power over miner power (cooling, losses)." => "Potenza del sito su potenza dei miner (raffreddamento, perdite).",
        "Uptime" => "Operatività",
        "Share of the time the fleet hashes." => "Quota del tempo in cui la flotta calcola hash.",
        "Pool fee" => "Commissione della pool",
        "Share of rewards kept by the mining pool." => "Quota delle ricompense trattenuta dalla pool.",
        "Mining opex" => "Costi operativi mining",
        "Fixed cost of running the fleet (staff, repairs), per mining MW." => "Costo fisso della flotta (personale, riparazioni), per MW di mining.",
        "Shut off when unprofitable" => "Spegni quando in perdita",
        "Switch the fleet off in a month whose revenue is below its power cost." => "Spegne la flotta nei mesi in cui i ricavi non coprono l'energia.",
        "AI business model" => "Modello di business IA",
        "Own GPUs and rent GPU-hours, or lease the powered hall to a tenant." => "GPU proprie e ore-GPU a noleggio, o la sala alimentata in locazione a un inquilino.",
        "Share converted" => "Quota convertita",
        "Share of the site converted to AI (0 = keep mining)." => "Quota del sito convertita all'IA (0 = si continua a minare).",
        "Tranches" => "Tranche",
        "Number of equal conversion tranches." => "Numero di tranche di conversione uguali.",
        "Months between tranches" => "Mesi tra le tranche",
        "Time between the construction starts of two tranches." => "Tempo tra l'avvio dei lavori di due tranche.",
        "Construction start" => "Inizio lavori",
        "Month the first tranche starts construction (default: start month)." => "Mese di avvio dei lavori della prima tranche (predefinito: mese di inizio).",
        "Construction time" => "Durata dei lavori",
        "Months a tranche neither mines nor earns while it is rebuilt." => "Mesi in cui una tranche in ricostruzione non mina né guadagna.",
        "AI hall PUE" => "PUE della sala IA",
        "Site power over IT power in the AI data hall." => "Potenza del sito su potenza IT nella sala dati IA.",
        "Conversion capex" => "Capex di conversione",
        "Cost of the conversion per MW of IT load, excluding GPUs." => "Costo della conversione per MW di carico IT, GPU escluse.",
        "AI opex" => "Costi operativi IA",
        "Operating cost of the AI business, as a share of its revenue." => "Costo operativo del business IA, in quota dei suoi ricavi.",
        "GPU rental price" => "Prezzo di noleggio GPU",
        "Price of one GPU-hour for a new GPU." => "Prezzo di un'ora-GPU per una GPU nuova.",
        "Price decline with age" => "Calo del prezzo con l'età",
        "Yearly fall of the rental price as a GPU ages." => "Calo annuo del prezzo di noleggio man mano che la GPU invecchia.",
        "GPU utilisation" => "Utilizzo GPU",
        "Share of GPU-hours that are billed." => "Quota delle ore-GPU fatturate.",
        "GPU density" => "Densità GPU",
        "GPUs per MW of IT load (GB300 NVL72: ~545)." => "GPU per MW di carico IT (GB300 NVL72: ~545).",
        "GPU cost" => "Costo GPU",
        "Installed cost per GPU, with its share of server and network." => "Costo installato per GPU, con la sua quota di server e rete.",
        "GPU refresh" => "Rinnovo GPU",
        "Years until the GPUs are replaced by new ones." => "Anni prima che le GPU siano sostituite da nuove.",
        "Data hall life" => "Vita della sala dati",
        "Useful life of the converted hall (sets its residual value)." => "Vita utile della sala convertita (ne fissa il valore residuo).",
        "Lease price" => "Canone di locazione",
        "Monthly rent per kW of IT load; the tenant pays power and owns the GPUs." => "Canone mensile per kW di carico IT; l'inquilino paga l'energia e possiede le GPU.",
        "Lease escalator" => "Adeguamento del canone",
        "Yearly step-up of the rent." => "Aumento annuo del canone.",
        "Discount rate" => "Tasso di sconto",
        "Yearly rate used to discount cash flows (NPV)." => "Tasso annuo per attualizzare i flussi di cassa (VAN).",
        "Monte Carlo paths" => "Percorsi Monte Carlo",
        "Random BTC price paths to simulate (0 = off)." => "Percorsi casuali del prezzo BTC da simulare (0 = spento).",
        "BTC volatility" => "Volatilità BTC",
        "Yearly volatility of the Bitcoin price." => "Volatilità annua del prezzo del Bitcoin.",
        "Hashrate elasticity" => "Elasticità dell'hashrate",
        "How strongly network hashrate follows the BTC price." => "Quanto l'hashrate di rete segue il prezzo BTC.",
        "Random seed" => "Seme casuale",
        "Same seed, same random paths." => "Stesso seme, stessi percorsi casuali.",
        // KPI cards
        "NPV advantage of converting" => "Vantaggio VAN della conversione",
        "NPV advantage" => "Vantaggio VAN",
        "IRR of converting" => "TIR della conversione",
        "IRR" => "TIR",
        "Payback" => "Rientro",
        "Break-even BTC price" => "Prezzo BTC di pareggio",
        "Break-even BTC" => "BTC di pareggio",
        "Break-even GPU rate" => "Tariffa GPU di pareggio",
        "Break-even lease rate" => "Canone di pareggio",
        "Break-even rate" => "Tariffa di pareggio",
        "Next halving" => "Prossimo halving",
        "Halving" => "Halving",
        "never" => "mai",
        "none" => "nessuno",
        "1 year" => "1 anno",
        "{n} years" => "{n} anni",
        "No conversion planned: the plan is to keep mining." => "Nessuna conversione prevista: il piano è continuare a minare.",
        "Converting is worth {x} more than keeping mining (NPV at {rate} %/yr over {horizon})." => "Convertire vale {x} più che continuare a minare (VAN al {rate} %/anno su {horizon}).",
        "Keeping mining is worth {x} more than converting (NPV at {rate} %/yr over {horizon})." => "Continuare a minare vale {x} più che convertire (VAN al {rate} %/anno su {horizon}).",
        "The yearly return on the extra cash the conversion needs; it beats mining if above the {rate} %/yr discount rate." => "Il rendimento annuo della cassa in più che la conversione richiede; batte il mining se supera il tasso di sconto del {rate} %/anno.",
        "No IRR between −99 % and 1000 %/yr: the extra cash never changes sign or never recovers." => "Nessun TIR tra −99 % e 1000 %/anno: la cassa in più non cambia mai segno o non rientra mai.",
        "From {month} on, the conversion's cumulative extra cash stays above zero (undiscounted)." => "Da {month} in poi la cassa cumulata in più della conversione resta sopra zero (non attualizzata).",
        "Never pays back within {horizon}: the cumulative extra cash ends below zero." => "Non rientra entro {horizon}: la cassa cumulata in più finisce sotto zero.",
        "Converting beats mining while BTC rises above {price} (the whole price path scaled; today {now})." => "Convertire batte il mining finché il BTC sale sopra {price} (tutto il percorso del prezzo in scala; oggi {now}).",
        "Converting beats mining while BTC stays below {price} (the whole price path scaled; today {now})." => "Convertire batte il mining finché il BTC resta sotto {price} (tutto il percorso del prezzo in scala; oggi {now}).",
        "Converting wins at any BTC price from 1 % to 100× today's." => "Convertire vince a qualsiasi prezzo BTC, dall'1 % a 100 volte quello di oggi.",
        "Mining wins at any BTC price from 1 % to 100× today's: the BTC price alone cannot tip it." => "Il mining vince a qualsiasi prezzo BTC, dall'1 % a 100 volte quello di oggi: il prezzo da solo non ribalta l'esito.",
        "Converting beats mining if the GPU rental price is above {rate} (now {now})." => "Convertire batte il mining se il noleggio GPU supera {rate} (ora {now}).",
        "Converting beats mining if the lease is above {rate} (now {now})." => "Convertire batte il mining se il canone supera {rate} (ora {now}).",
        "No rate from 0.1 % to 1000× today's makes the two plans equal." => "Nessuna tariffa tra lo 0,1 % e 1000 volte quella di oggi rende pari i due piani.",
        "Around {date}, at {minutes}-minute blocks, the block subsidy halves, and so does most mining revenue." => "Intorno al {date}, con blocchi ogni {minutes} minuti, il sussidio di blocco si dimezza, e con lui gran parte dei ricavi del mining.",
        "${v} per GPU-hour" => "${v} per ora-GPU",
        "${v} per kW-month" => "${v} per kW al mese",
        // Tabs, captions, legends
        "Revenue" => "Ricavi",
        "Cumulative cash" => "Cassa cumulata",
        "Hashprice" => "Hashprice",
        "Sensitivity" => "Sensibilità",
        "Break-even map" => "Mappa di pareggio",
        "Monte Carlo" => "Monte Carlo",
        "Monthly revenue of the plan, mining and AI stacked, against keeping the whole site mining." => "Ricavi mensili del piano, mining e IA sovrapposti, contro il sito interamente a mining.",
        "Cumulative cash flow after power, opex and capex (undiscounted), plan against keep-mining." => "Flusso di cassa cumulato dopo energia, costi operativi e capex (non attualizzato), piano contro solo mining.",
        "What a petahash earns per day, and the BTC price path; halvings cut the first in half." => "Quanto rende un petahash al giorno, e il percorso del prezzo BTC; gli halving dimezzano il primo.",
        "NPV advantage of converting when one input moves 20 % down or up, widest swing first." => "Vantaggio VAN della conversione quando un input scende o sale del 20 %, prima l'oscillazione più ampia.",
        "NPV advantage of converting for other starting BTC prices and AI rates; the outlined cell is this scenario." => "Vantaggio VAN della conversione per altri prezzi BTC iniziali e tariffe IA; la cella evidenziata è questo scenario.",
        "Monthly revenue across random BTC price paths: the band holds the middle 80 % (p10–p90)." => "Ricavi mensili su percorsi casuali del prezzo BTC: la fascia contiene l'80 % centrale (p10–p90).",
        "Plan: mining" => "Piano: mining",
        "Plan: AI" => "Piano: IA",
        "Plan: total" => "Piano: totale",
        "Keep mining" => "Solo mining",
        "Construction" => "Lavori",
        "Plan (convert)" => "Piano (conversione)",
        "Hashprice ($/PH/day, left)" => "Hashprice ($/PH/giorno, sinistra)",
        "BTC price ($k, right)" => "Prezzo BTC (k$, destra)",
        "Input −{pct} %" => "Input −{pct} %",
        "Input +{pct} %" => "Input +{pct} %",
        "Scenario" => "Scenario",
        "Converting wins" => "Vince la conversione",
        "Mining wins" => "Vince il mining",
        "Break-even" => "Pareggio",
        "This scenario" => "Questo scenario",
        "Plan p10–p90" => "Piano p10–p90",
        "Plan median" => "Piano, mediana",
        "Keep mining p10–p90" => "Solo mining p10–p90",
        "Keep mining median" => "Solo mining, mediana",
        // Chart text
        "Revenue, {unit} per month" => "Ricavi, {unit} al mese",
        "Cumulative cash, {unit}" => "Cassa cumulata, {unit}",
        "Hashprice, $/PH/day" => "Hashprice, $/PH/giorno",
        "BTC price, $k" => "Prezzo BTC, k$",
        "NPV advantage of converting, {unit}" => "Vantaggio VAN della conversione, {unit}",
        "Starting BTC price, $k" => "Prezzo BTC iniziale, k$",
        "GPU rate, $/GPU-hour" => "Tariffa GPU, $/ora-GPU",
        "Lease rate, $/kW-month" => "Canone, $/kW al mese",
        " halving" => " halving",
        " payback {month} " => " rientro {month} ",
        "Monte Carlo is off (0 paths)." => "Monte Carlo spento (0 percorsi).",
        "Simulating price paths…" => "Simulazione dei percorsi di prezzo…",
        // Read-outs and Monte Carlo line
        "Under construction" => "In costruzione",
        "Plan, cumulative" => "Piano, cumulata",
        "Keep mining, cumulative" => "Solo mining, cumulata",
        "Difference" => "Differenza",
        "Network" => "Rete",
        "Subsidy" => "Sussidio",
        "Plan p10 / p50 / p90" => "Piano p10 / p50 / p90",
        "Keep mining p10 / p50 / p90" => "Solo mining p10 / p50 / p90",
        "Monte Carlo is off. " => "Monte Carlo è spento. ",
        "Simulate 1,000 BTC price paths" => "Simula 1.000 percorsi del prezzo BTC",
        "Simulating…" => "Simulazione…",
        "{paths} paths · NPV advantage p10 {p10} · median {p50} · p90 {p90} · converting wins in {share} % of paths" => "{paths} percorsi · vantaggio VAN p10 {p10} · mediana {p50} · p90 {p90} · la conversione vince nel {share} % dei percorsi",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Group, KEYS};

    #[test]
    fn english_is_the_identity_and_italian_covers_every_control() {
        assert_eq!(tr(Lang::En, "Site and power"), "Site and power");
        for g in Group::ALL {
            if g != Group::Colocation {
                assert_ne!(tr(Lang::It, g.title()), g.title(), "{}", g.title());
            }
        }
        for d in KEYS {
            assert!(italian(d.label).is_some(), "label of {}", d.name);
            assert!(italian(d.help).is_some(), "help of {}", d.name);
        }
    }

    #[test]
    fn templates_and_months() {
        let t = tr(
            Lang::It,
            "Never pays back within {horizon}: the cumulative extra cash ends below zero.",
        );
        assert_eq!(
            fill(t, &[("horizon", "10 anni")]),
            "Non rientra entro 10 anni: la cassa cumulata in più finisce sotto zero."
        );
        assert_eq!(month_label(YearMonth::new(2028, 4), Lang::It), "apr 2028");
        assert_eq!(month_label(YearMonth::new(2028, 4), Lang::En), "Apr 2028");
    }
}
