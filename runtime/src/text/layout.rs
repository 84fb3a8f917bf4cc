//! How printed values are laid out, as `capnp decode` lays them out: the engine both printers
//! feed (the one over compile-time descriptions in this crate, the one over the dynamic API in
//! `capnzero-model`). A printer says what each struct or list holds ([`Tree`]); the engine walks
//! the values with a stack on the heap (deep messages need no deep recursion) and breaks lines.
//!
//! - A struct prints `(name = value, …)`, a list `[value, …]`.
//! - Short (`capnp decode --short`): everything on one line.
//! - Pretty: a struct or list stays on one line when each item is at most 24 bytes without a
//!   line break (and a struct's items total at most 64 bytes); otherwise each item goes on its
//!   own line, indented by two spaces per level.

use alloc::vec;
use alloc::vec::Vec;

/// What a value of a struct or list is: text already printed, or a struct or list to walk.
pub enum Item<N> {
    /// A scalar, printed.
    Scalar(Vec<u8>),
    /// A struct or list.
    Node(N),
}

/// An item of a struct or list, as a [`Tree`] gives it.
pub struct Child<'n, N> {
    /// The field name (`name = ` goes before the value), `None` for a list element.
    pub name: Option<&'n str>,
    /// Its place among the printed items (each place `0..count` given once).
    pub slot: usize,
    /// The value.
    pub item: Item<N>,
}

/// Whether a node prints as a struct or as a list.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Brackets {
    /// `( … )`.
    Struct,
    /// `[ … ]`.
    List,
}

/// What a printer knows of its values: the items of each struct or list.
pub trait Tree<'n> {
    /// A struct or list value.
    type Node;
    /// The shape of `node` and its items, in the order they are to be evaluated.
    fn children(&mut self, node: &Self::Node) -> (Brackets, Vec<Child<'n, Self::Node>>);
}

/// Prints `root` in the short format (`pretty` false) or the pretty one, without a newline.
pub fn print_tree<'n, T: Tree<'n>>(tree: &mut T, root: Item<T::Node>, pretty: bool) -> Vec<u8> {
    let node = match root {
        Item::Scalar(bytes) => return bytes,
        Item::Node(node) => node,
    };
    let indent = if pretty { 1 } else { 0 };
    let mut stack = vec![frame(tree, &node, indent, Mode::Bare, Vec::new(), 0)];
    loop {
        let Some(top) = stack.last_mut() else { return Vec::new() };
        match top.pending.next() {
            Some(child) => {
                let mut prefix = Vec::new();
                let mode = match child.name {
                    Some(name) => {
                        prefix.extend_from_slice(name.as_bytes());
                        prefix.extend_from_slice(b" = ");
                        Mode::Prefixed
                    }
                    None => Mode::Bare,
                };
                match child.item {
                    Item::Scalar(bytes) => {
                        prefix.extend(bytes);
                        if let Some(item) = top.items.get_mut(child.slot) {
                            *item = Piece::bytes(prefix);
                        }
                    }
                    Item::Node(node) => {
                        let indent = next(top.indent);
                        let child = frame(tree, &node, indent, mode, prefix, child.slot);
                        stack.push(child);
                    }
                }
            }
            None => {
                let Some(done) = stack.pop() else { return Vec::new() };
                let (open, close) = match done.shape {
                    Brackets::Struct => (&b"("[..], &b")"[..]),
                    Brackets::List => (&b"["[..], &b"]"[..]),
                };
                let mut out = Piece::bytes(done.prefix);
                out.push_static(open);
                delimit(done.items, done.indent, done.mode, done.shape == Brackets::Struct, &mut out);
                out.push_static(close);
                match stack.last_mut() {
                    Some(parent) => {
                        if let Some(item) = parent.items.get_mut(done.slot) {
                            *item = out;
                        }
                    }
                    None => return out.flatten(),
                }
            }
        }
    }
}

/// The fields of a struct that print, in the order the official printer evaluates them, each
/// with its place among the printed items. `count` fields in the node's order; `in_union(i)`
/// says which are union members, `has(i)` which are held (primitives and groups always,
/// pointers when not null); `member` is the active union member to print, if any. Every field
/// outside the union that is held prints; the member goes before the first non-union field that
/// follows it in the node's order, and is evaluated first.
pub fn printed_order(
    count: usize,
    in_union: impl Fn(usize) -> bool,
    has: impl Fn(usize) -> bool,
    member: Option<usize>,
) -> Vec<(usize, usize)> {
    let mut output = Vec::with_capacity(count);
    let mut member_place = None;
    for field in (0..count).filter(|&i| !in_union(i)) {
        if let Some(m) = member {
            if member_place.is_none() && m < field {
                member_place = Some(output.len());
                output.push(m);
            }
        }
        if has(field) {
            output.push(field);
        }
    }
    if let (Some(m), None) = (member, member_place) {
        member_place = Some(output.len());
        output.push(m);
    }
    let mut order = Vec::with_capacity(output.len());
    if let Some(place) = member_place {
        order.push((output[place], place));
    }
    order.extend(output.iter().enumerate().filter(|(i, _)| Some(*i) != member_place).map(|(i, &f)| (f, i)));
    order
}

/// How a value is placed: on its own (a list element, the root) or after `name = `.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Bare,
    Prefixed,
}

const MAX_INLINE_VALUE: usize = 24;
const MAX_INLINE_RECORD: usize = 64;

/// A struct or list being printed: its items so far, and the children still to print.
struct Frame<'n, N> {
    shape: Brackets,
    indent: u32,
    mode: Mode,
    items: Vec<Piece>,
    pending: vec::IntoIter<Child<'n, N>>,
    /// What goes before this value in its parent's item (`name = `), and the item's place.
    prefix: Vec<u8>,
    slot: usize,
}

fn frame<'n, T: Tree<'n>>(
    tree: &mut T,
    node: &T::Node,
    indent: u32,
    mode: Mode,
    prefix: Vec<u8>,
    slot: usize,
) -> Frame<'n, T::Node> {
    let (shape, children) = tree.children(node);
    let items = (0..children.len()).map(|_| Piece::default()).collect();
    Frame { shape, indent, mode, items, pending: children.into_iter(), prefix, slot }
}

/// The indentation of the level below: none stays none.
fn next(indent: u32) -> u32 {
    if indent == 0 {
        0
    } else {
        indent + 1
    }
}

/// Printed text as a tree of byte strings, so that a value is placed inside its parent without
/// copying it; with its length and whether it has a line break, which is all the line breaking
/// rules look at.
#[derive(Default)]
struct Piece {
    parts: Vec<Part>,
    len: usize,
    newline: bool,
}

enum Part {
    Bytes(Vec<u8>),
    Static(&'static [u8]),
    Piece(Piece),
}

impl Piece {
    fn bytes(bytes: Vec<u8>) -> Piece {
        let mut piece = Piece::default();
        piece.push_bytes(bytes);
        piece
    }

    fn push_bytes(&mut self, bytes: Vec<u8>) {
        self.len += bytes.len();
        self.newline |= bytes.contains(&b'\n');
        self.parts.push(Part::Bytes(bytes));
    }

    fn push_static(&mut self, bytes: &'static [u8]) {
        self.len += bytes.len();
        self.newline |= bytes.contains(&b'\n');
        self.parts.push(Part::Static(bytes));
    }

    fn push(&mut self, piece: Piece) {
        self.len += piece.len;
        self.newline |= piece.newline;
        self.parts.push(Part::Piece(piece));
    }

    /// The bytes, in order (walked without recursion).
    fn flatten(self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.len);
        let mut stack = vec![self.parts.into_iter()];
        while let Some(top) = stack.last_mut() {
            match top.next() {
                Some(Part::Bytes(bytes)) => out.extend_from_slice(&bytes),
                Some(Part::Static(bytes)) => out.extend_from_slice(bytes),
                Some(Part::Piece(piece)) => stack.push(piece.parts.into_iter()),
                None => {
                    stack.pop();
                }
            }
        }
        out
    }
}

fn all_inline(items: &[Piece], record: bool) -> bool {
    let mut total = 0;
    for item in items {
        if item.len > MAX_INLINE_VALUE || item.newline {
            return false;
        }
        if record {
            total += item.len;
            if total > MAX_INLINE_RECORD {
                return false;
            }
        }
    }
    true
}

/// Joins the items of a struct or list: on one line, or one per line at `indent`.
fn delimit(items: Vec<Piece>, indent: u32, mode: Mode, record: bool, out: &mut Piece) {
    if indent == 0 || all_inline(&items, record) {
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                out.push_static(b", ");
            }
            out.push(item);
        }
        return;
    }
    let mut separator = b",\n".to_vec();
    separator.resize(2 + 2 * indent as usize, b' ');
    out.push_bytes(if mode == Mode::Bare { b" ".to_vec() } else { separator[1..].to_vec() });
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_bytes(separator.clone());
        }
        out.push(item);
    }
    out.push_static(b" ");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_break_lines_past_the_inline_limits() {
        let piece = |text: &[u8]| Piece::bytes(text.to_vec());
        let joined = |items: Vec<Piece>, indent, mode, record| {
            let mut out = Piece::default();
            delimit(items, indent, mode, record, &mut out);
            out.flatten()
        };
        assert_eq!(joined(vec![piece(b"a = 1"), piece(b"b = 2")], 1, Mode::Bare, true), b"a = 1, b = 2");
        let long = || vec![piece(b"a = 1"), piece(&[b'x'; 25])];
        let expected = [&b"\n    a = 1,\n    "[..], &[b'x'; 25], b" "].concat();
        assert_eq!(joined(long(), 2, Mode::Prefixed, true), expected);
        let expected = [&b" a = 1,\n  "[..], &[b'x'; 25], b" "].concat();
        assert_eq!(joined(long(), 1, Mode::Bare, false), expected);
        // Short format: never broken.
        assert_eq!(joined(long(), 0, Mode::Bare, true), [&b"a = 1, "[..], &[b'x'; 25]].concat());
        // Records: at most 64 bytes in all; lists have no total limit; a line break inside an
        // item breaks the line.
        let many = || (0..7).map(|_| piece(b"abcdefghij")).collect::<Vec<_>>();
        assert!(joined(many(), 1, Mode::Bare, true).contains(&b'\n'));
        assert!(!joined(many(), 1, Mode::Bare, false).contains(&b'\n'));
        assert!(joined(vec![piece(b"a\nb")], 1, Mode::Bare, false).starts_with(b" a\nb"));
    }

    #[test]
    fn the_union_member_goes_before_the_first_later_field_and_is_evaluated_first() {
        // Fields 0 (plain), 1 and 2 (union), 3 (plain, null pointer), 4 (plain).
        let in_union = |i| i == 1 || i == 2;
        let has = |i| i != 3;
        assert_eq!(printed_order(5, in_union, has, Some(2)), [(2, 1), (0, 0), (4, 2)]);
        assert_eq!(printed_order(5, in_union, has, None), [(0, 0), (4, 1)]);
        // A member after every plain field goes last.
        assert_eq!(printed_order(3, |i| i == 2, |_| true, Some(2)), [(2, 2), (0, 0), (1, 1)]);
    }
}
