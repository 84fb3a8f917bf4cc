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
const PATH_KEYWORDS: &[&str] = &["self", "Self", "super", "crate"];

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
}
