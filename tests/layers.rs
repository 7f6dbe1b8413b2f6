//! The crate's imports point one way (DESIGN.md, "Architecture"): a module names only modules
//! of a lower layer, and no two files of one folder import each other, directly or round a
//! loop. This test reads `src/` as text, so it needs no tool beyond the compiler: every path
//! that starts with `crate::`, `super::` or (in the binaries) `hashshift::` is an import of the
//! module file it leads to. Code under `#[cfg(test)]` is left out: a unit test may name what
//! it checks against, as the integration tests in `tests/` do.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first: a module may import its own layer's module and those listed
/// before it. A module path is matched by its longest prefix in this list.
const LAYERS: &[&str] = &[
    "calendar",
    "msg",
    "scenario",
    "model",
    "analysis",
    "i18n",
    "report",
    "charts",
    "explorer::core",
    "explorer",
    "ui",
    "cli",
];

/// A module as a path of names below the crate root (`["explorer", "core", "state"]`).
type Module = Vec<String>;

/// Every `.rs` file under `dir`, with its module path.
fn modules(dir: &Path, prefix: &Module, out: &mut BTreeMap<Module, PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().collect();
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        if path.is_dir() {
            let mut m = prefix.clone();
            m.push(name);
            modules(&path, &m, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let mut m = prefix.clone();
            if !matches!(name.as_str(), "mod" | "lib" | "main") {
                m.push(name);
            }
            out.insert(m, path);
        }
    }
}

/// The file's code without comments and without its `#[cfg(test)]` part.
fn code(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with("#[cfg(test)]") {
            break;
        }
        if t.starts_with("//") {
            continue;
        }
        out.push_str(line.split(" //").next().unwrap_or(""));
        out.push('\n');
    }
    out
}

/// The paths the code names from `root` on (`crate`, `super`, `hashshift`): for each, the
/// names after it, with `{a, b::c}` groups expanded to their first names.
fn paths(code: &str, root: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let bytes = code.as_bytes();
    let pattern = format!("{root}::");
    let mut from = 0;
    while let Some(at) = code[from..].find(&pattern) {
        let start = from + at;
        from = start + pattern.len();
        let before = start.checked_sub(1).map(|i| bytes[i] as char);
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let mut supers = vec![root.to_string()];
        let mut rest = &code[from..];
        // `super::super::x`
        while root == "super" && rest.starts_with("super::") {
            supers.push("super".into());
            rest = &rest["super::".len()..];
        }
        use_tree(rest, supers, &mut found);
    }
    found
}

/// Expands the use tree at the start of `text` (`a::b`, `a::{b, c::{d, e}}`, `{a, b::c}`) below
/// `prefix`, adding each path it names to `out`; returns how many bytes it read.
fn use_tree(text: &str, prefix: Vec<String>, out: &mut Vec<Vec<String>>) -> usize {
    let names = idents(text);
    let mut read: usize =
        names.iter().map(|n| n.len()).sum::<usize>() + 2 * names.len().saturating_sub(1);
    let mut path = prefix;
    path.extend(names.iter().cloned());
    let rest = &text[read..];
    let group = if names.is_empty() {
        rest.strip_prefix('{')
    } else {
        rest.strip_prefix("::{")
    };
    let Some(mut inner) = group else {
        out.push(path);
        return read;
    };
    read += rest.len() - inner.len();
    loop {
        let trimmed = inner.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
        read += inner.len() - trimmed.len();
        inner = trimmed;
        if inner.is_empty() || inner.starts_with('}') {
            return read + usize::from(!inner.is_empty());
        }
        let n = use_tree(inner, path.clone(), out).max(1);
        read += n;
        inner = &inner[n..];
    }
}

/// The leading `a::b::c` of `text`, as names.
fn idents(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = text;
    loop {
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        if end == 0 {
            break;
        }
        names.push(rest[..end].to_string());
        match rest[end..].strip_prefix("::") {
            Some(r) if !r.starts_with('{') => rest = r,
            _ => break,
        }
    }
    names
}

/// The module a path leads to: the longest prefix of it that is a module file.
fn target(path: &[String], all: &BTreeMap<Module, PathBuf>) -> Option<Module> {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|m| all.contains_key(m))
}

/// The layer of a module: the index of the longest entry of [`LAYERS`] it starts with.
fn layer(m: &Module) -> Option<usize> {
    LAYERS
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            let parts: Vec<&str> = l.split("::").collect();
            parts.len() <= m.len() && parts.iter().zip(m).all(|(a, b)| a == b)
        })
        .max_by_key(|(_, l)| l.len())
        .map(|(i, _)| i)
}

/// Each module's imports of other module files.
fn imports() -> BTreeMap<Module, BTreeSet<Module>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = BTreeMap::new();
    modules(&src, &Vec::new(), &mut all);
    // The command line (`src/cli`, a module of `main.rs`) names the library `hashshift::` and
    // itself `crate::cli::`: both read as paths below `src/`.
    let mut graph = BTreeMap::new();
    for (m, file) in &all {
        let text = code(&std::fs::read_to_string(file).unwrap());
        let mut to = BTreeSet::new();
        for root in ["crate", "super", "hashshift"] {
            for p in paths(&text, root) {
                let absolute: Vec<String> = match p[0].as_str() {
                    "super" => {
                        let ups = p.iter().take_while(|s| *s == "super").count();
                        // `super` of `a/b.rs` is `a`; of `a/b/mod.rs` it is `a` too.
                        // (A folder's `mod.rs` has the folder's path, as `a/b.rs` would.)
                        let keep = m.len().saturating_sub(ups);
                        m[..keep].iter().chain(&p[ups..]).cloned().collect()
                    }
                    _ => p[1..].to_vec(),
                };
                if let Some(t) = target(&absolute, &all) {
                    if &t != m {
                        to.insert(t);
                    }
                }
            }
        }
        graph.insert(m.clone(), to);
    }
    graph
}

#[test]
fn no_module_imports_a_higher_layer() {
    let mut upward = Vec::new();
    for (m, to) in imports() {
        let Some(from) = layer(&m) else { continue };
        for t in to {
            if let Some(l) = layer(&t) {
                if l > from {
                    upward.push(format!("{} → {}", m.join("::"), t.join("::")));
                }
            }
        }
    }
    assert!(
        upward.is_empty(),
        "upward imports (layers, lowest first: {LAYERS:?}):\n{}",
        upward.join("\n")
    );
}

#[test]
fn no_files_of_one_folder_import_each_other_round_a_loop() {
    let graph = imports();
    // Edges between siblings: files of one folder, and folders of one parent. A module's own
    // `mod.rs` (its parent) is its facade, not a sibling.
    let sibling = |a: &Module, b: &Module| -> Option<(Module, Module)> {
        let common = a.iter().zip(b).take_while(|(x, y)| x == y).count();
        (common < a.len() && common < b.len())
            .then(|| (a[..=common].to_vec(), b[..=common].to_vec()))
    };
    let mut edges: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (m, to) in &graph {
        for t in to {
            if let Some((a, b)) = sibling(m, t) {
                edges.entry(a).or_default().insert(b);
            }
        }
    }
    // A loop is a path from a node back to itself.
    let mut loops = Vec::new();
    for start in edges.keys() {
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((node, path)) = stack.pop() {
            for next in edges.get(&node).into_iter().flatten() {
                if next == start {
                    let names: Vec<String> = path.iter().map(|m| m.join("::")).collect();
                    loops.push(format!("{} → {}", names.join(" → "), start.join("::")));
                } else if seen.insert(next.clone()) {
                    let mut p = path.clone();
                    p.push(next.clone());
                    stack.push((next.clone(), p));
                }
            }
        }
    }
    loops.sort();
    loops.dedup();
    assert!(loops.is_empty(), "import loops:\n{}", loops.join("\n"));
}

#[test]
fn the_reader_finds_the_imports_it_checks() {
    // The scanner itself: a grouped, a nested and a `super` import are all found.
    let text = "use crate::{model, scenario::{Key, codec::parse}, ui::X};\nuse super::super::charts::Frame;\nlet x = crate::i18n::Lang::En; // crate::ui\n";
    let found = paths(&code(text), "crate");
    assert_eq!(
        found,
        vec![
            vec!["crate".to_string(), "model".into()],
            vec!["crate".into(), "scenario".into(), "Key".into()],
            vec![
                "crate".into(),
                "scenario".into(),
                "codec".into(),
                "parse".into()
            ],
            vec!["crate".into(), "ui".into(), "X".into()],
            vec!["crate".into(), "i18n".into(), "Lang".into(), "En".into()],
        ]
    );
    assert_eq!(
        paths(&code(text), "super"),
        vec![vec![
            "super".to_string(),
            "super".into(),
            "charts".into(),
            "Frame".into()
        ]]
    );
    assert_eq!(
        layer(&vec!["explorer".into(), "core".into(), "state".into()]),
        Some(8)
    );
    assert_eq!(layer(&vec!["explorer".into(), "kpi".into()]), Some(9));
    assert_eq!(layer(&vec!["msg".into()]), Some(1));
    assert_eq!(layer(&vec!["i18n".into(), "format".into()]), Some(5));
}
