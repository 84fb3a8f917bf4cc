//! Rust names for schema names: snake_case members, PascalCase types and variants, keywords
//! escaped.

use proc_macro2::{Ident, Span};

/// Words Rust reserves; `r#` makes them usable, except the path keywords, which get a `_`.
const KEYWORDS: &[&str] = &[
    "as", "break", "const", "continue", "else", "enum", "extern", "false", "fn", "for", "if", "impl", "in", "let",
    "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "static", "struct", "trait", "true", "type",
    "unsafe", "use", "where", "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try",
];

/// Keywords that cannot be raw identifiers.
pub const PATH_KEYWORDS: &[&str] = &["self", "Self", "super", "crate"];

/// `phoneNumber` → `phone_number`, `httpURL` → `http_url`, `Person` → `person`.
pub fn snake_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() {
            let prev = i.checked_sub(1).map(|p| chars[p]);
            let next = chars.get(i + 1).copied();
            let boundary = match prev {
                Some(p) if p.is_ascii_lowercase() || p.is_ascii_digit() => true,
                Some(p) if p.is_ascii_uppercase() => next.is_some_and(|n| n.is_ascii_lowercase()),
                _ => false,
            };
            if boundary && !out.ends_with('_') {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// `maxSize` → `MAX_SIZE`: the Rust name of a constant.
pub fn upper_snake_case(name: &str) -> String {
    snake_case(name).to_ascii_uppercase()
}

/// `position` → `Position`, `phoneNumber` → `PhoneNumber`, `Person` → `Person`.
pub fn pascal_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = true;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// An identifier for `name`, escaped if it is a keyword.
pub fn ident(name: &str) -> Ident {
    if PATH_KEYWORDS.contains(&name) {
        Ident::new(&format!("{name}_"), Span::call_site())
    } else if KEYWORDS.contains(&name) {
        Ident::new_raw(name, Span::call_site())
    } else {
        Ident::new(name, Span::call_site())
    }
}

/// An identifier for a name made by prefixing or suffixing (`has_type`, `TypeReader`): never a
/// keyword.
pub fn plain(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// The names given in one scope (a module's types, a struct's accessors, an enum's variants):
/// each item claims its name and the names derived from it; an item whose claims meet a taken
/// name takes `name_` instead (then `name__`, …), so the item claiming first keeps its name.
#[derive(Default)]
pub struct Scope {
    taken: std::collections::HashSet<String>,
}

impl Scope {
    /// A scope where `reserved` (the generated items' own names) are taken.
    pub fn with_reserved<'a>(reserved: impl IntoIterator<Item = &'a str>) -> Scope {
        Scope { taken: reserved.into_iter().map(str::to_string).collect() }
    }

    /// Takes `name` as written (a `$Rust.name`): `Err` with the first taken claim if any of its
    /// claims is taken already (the names are then not taken).
    pub fn exact(&mut self, name: &str, claims: impl Fn(&str) -> Vec<String>) -> Result<String, String> {
        let wanted = claims(name);
        if let Some(taken) = wanted.iter().find(|c| self.taken.contains(*c)) {
            return Err(taken.clone());
        }
        self.taken.extend(wanted);
        Ok(name.to_string())
    }

    /// [`Scope::exact`] in a set of taken names.
    pub fn claim_exact(
        taken: &mut std::collections::HashSet<String>,
        name: &str,
        claims: impl Fn(&str) -> Vec<String>,
    ) -> Result<String, String> {
        let mut scope = Scope { taken: std::mem::take(taken) };
        let result = scope.exact(name, claims);
        *taken = scope.taken;
        result
    }

    /// [`Scope::claim`] in a set of taken names.
    pub fn claim_in(
        taken: &mut std::collections::HashSet<String>,
        name: &str,
        claims: impl Fn(&str) -> Vec<String>,
    ) -> String {
        let mut scope = Scope { taken: std::mem::take(taken) };
        let name = scope.claim(name, claims);
        *taken = scope.taken;
        name
    }

    /// `name`, or the first of `name_`, `name__`, … none of whose claims is taken: the name
    /// the item gets, its claims taken.
    pub fn claim(&mut self, name: &str, claims: impl Fn(&str) -> Vec<String>) -> String {
        let mut candidate = name.to_string();
        loop {
            let wanted = claims(&candidate);
            let free = wanted.iter().all(|c| !self.taken.contains(c))
                && wanted.iter().collect::<std::collections::HashSet<_>>().len() == wanted.len();
            if free {
                self.taken.extend(wanted);
                return candidate;
            }
            candidate.push('_');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases() {
        assert_eq!(snake_case("phoneNumber"), "phone_number");
        assert_eq!(snake_case("httpURL"), "http_url");
        assert_eq!(snake_case("URLParser"), "url_parser");
        assert_eq!(snake_case("field2Name"), "field2_name");
        assert_eq!(snake_case("Person"), "person");
        assert_eq!(snake_case("with_under"), "with_under");
        assert_eq!(pascal_case("phoneNumber"), "PhoneNumber");
        assert_eq!(pascal_case("Person"), "Person");
        assert_eq!(upper_snake_case("maxSize"), "MAX_SIZE");
        assert_eq!(upper_snake_case("pi"), "PI");
        assert_eq!(ident("type").to_string(), "r#type");
        assert_eq!(ident("self").to_string(), "self_");
        assert_eq!(ident("union").to_string(), "union");
    }

    #[test]
    fn the_first_claim_keeps_its_name() {
        let derived = |n: &str| vec![format!("r:{n}"), format!("r:has_{n}"), format!("b:set_{n}")];
        let mut scope = Scope::with_reserved(["r:which", "r:to_owned"]);
        assert_eq!(scope.claim("result", derived), "result");
        // `hasResult` wants `has_result`, which `result` derived.
        assert_eq!(scope.claim("has_result", derived), "has_result_");
        assert_eq!(scope.claim("which", derived), "which_");
        assert_eq!(scope.claim("which", derived), "which__");
        assert_eq!(scope.exact("to_owned", derived), Err("r:to_owned".to_string()));
        assert_eq!(scope.exact("other", derived), Ok("other".to_string()));
        // A name whose own claims meet each other (`x` and `has_x` both `r:a`) moves on.
        let twice = |n: &str| if n == "a" { vec!["a".to_string(), "a".to_string()] } else { vec![n.to_string()] };
        assert_eq!(Scope::default().claim("a", twice), "a_");
    }
}
