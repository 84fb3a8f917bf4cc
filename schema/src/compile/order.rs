//! The order of the nodes and doc comments in the official compiler's CodeGeneratorRequest.
//!
//! `capnp compile` lists the nodes its schema loader holds, in the order the loader's table
//! first saw their IDs: when it loads a node, it first notes every type the node refers to (as
//! a placeholder, if not loaded yet), then the node itself; a placeholder later loaded keeps its
//! place, and one never loaded is not listed. It lists the doc comments from a C++
//! `std::unordered_map` keyed by ID, in that map's iteration order: with GNU libstdc++ (which
//! the tool is built with) a function of the insertion order and the bucket counts, emulated
//! here step by step.

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use crate::model::{Binding, Brand, FieldKind, Node, NodeKind, SourceInfo, Type};

/// The official loader's table of IDs: placeholders and loaded nodes, in insertion order.
#[derive(Default)]
pub(super) struct Loader {
    order: Vec<u64>,
    /// Whether each ID seen is loaded (else a placeholder).
    loaded: HashMap<u64, bool>,
}

impl Loader {
    /// Loads `node` (once).
    pub(super) fn load(&mut self, node: &Node) {
        if self.loaded.get(&node.id) == Some(&true) {
            return;
        }
        let mut refs = Vec::new();
        validation_refs(node, &mut refs);
        for id in refs {
            if let Entry::Vacant(slot) = self.loaded.entry(id) {
                slot.insert(false);
                self.order.push(id);
            }
        }
        if self.loaded.insert(node.id, true).is_none() {
            self.order.push(node.id);
        }
    }

    /// The loaded IDs, in the order the table lists them.
    pub(super) fn into_order(self) -> Vec<u64> {
        let loaded = self.loaded;
        self.order.into_iter().filter(|id| loaded[id]).collect()
    }
}

/// The IDs the loader's validator looks up for `node`, in its order.
fn validation_refs(node: &Node, out: &mut Vec<u64>) {
    out.extend(super::validate::typed_refs(node, None).into_iter().map(|(id, _)| id));
}

/// The declarations a type names: the type itself, then the types its brand binds.
pub(super) fn type_refs(ty: &Type, out: &mut Vec<u64>) {
    match ty {
        Type::Struct { type_id, brand } | Type::Enum { type_id, brand } | Type::Interface { type_id, brand } => {
            out.push(*type_id);
            brand_refs(brand, out);
        }
        Type::List(element) => type_refs(element, out),
        _ => {}
    }
}

/// The declarations the bindings of a brand name.
pub(super) fn brand_refs(brand: &Brand, out: &mut Vec<u64>) {
    for scope in &brand.scopes {
        for binding in scope.bind.iter().flatten() {
            if let Binding::Type(ty) = binding {
                type_refs(ty, out);
            }
        }
    }
}

/// The nodes a node depends on, as the official compiler walks them to decide which nodes a
/// request needs: field types and annotations, enumerant annotations, superclasses, method
/// parameter and result types and annotations, const and annotation types, the node's own
/// annotations.
pub(super) fn dependencies(node: &Node, out: &mut Vec<u64>) {
    match &node.kind {
        NodeKind::Struct(s) => {
            for field in &s.fields {
                if let FieldKind::Slot { ty, .. } = &field.kind {
                    type_refs(ty, out);
                }
                out.extend(field.annotations.iter().map(|a| a.id));
            }
        }
        NodeKind::Enum(enumerants) => {
            for enumerant in enumerants {
                out.extend(enumerant.annotations.iter().map(|a| a.id));
            }
        }
        NodeKind::Interface(i) => {
            for superclass in &i.superclasses {
                if superclass.id != 0 {
                    out.push(superclass.id);
                }
                brand_refs(&superclass.brand, out);
            }
            for method in &i.methods {
                out.push(method.param_struct_type);
                brand_refs(&method.param_brand, out);
                out.push(method.result_struct_type);
                brand_refs(&method.result_brand, out);
                out.extend(method.annotations.iter().map(|a| a.id));
            }
        }
        NodeKind::Const { ty, .. } | NodeKind::Annotation { ty, .. } => type_refs(ty, out),
        NodeKind::File => {}
    }
    out.extend(node.annotations.iter().map(|a| a.id));
}

/// The bucket counts of GNU libstdc++'s hash tables (`std::__detail::__prime_list` of a 64-bit
/// libstdc++.so.6, GCC 12), read out of the library: the last entry is its end marker.
#[rustfmt::skip]
const PRIMES: [u64; 304] = [
    2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 103, 109, 113,
    127, 137, 139, 149, 157, 167, 179, 193, 199, 211, 227, 241, 257, 277, 293, 313, 337, 359, 383, 409, 439, 467,
    503, 541, 577, 619, 661, 709, 761, 823, 887, 953, 1031, 1109, 1193, 1289, 1381, 1493, 1613, 1741, 1879, 2029,
    2179, 2357, 2549, 2753, 2971, 3209, 3469, 3739, 4027, 4349, 4703, 5087, 5503, 5953, 6427, 6949, 7517, 8123,
    8783, 9497, 10273, 11113, 12011, 12983, 14033, 15173, 16411, 17749, 19183, 20753, 22447, 24281, 26267, 28411,
    30727, 33223, 35933, 38873, 42043, 45481, 49201, 53201, 57557, 62233, 67307, 72817, 78779, 85229, 92203, 99733,
    107897, 116731, 126271, 136607, 147793, 159871, 172933, 187091, 202409, 218971, 236897, 256279, 277261, 299951,
    324503, 351061, 379787, 410857, 444487, 480881, 520241, 562841, 608903, 658753, 712697, 771049, 834181, 902483,
    976369, 1056323, 1142821, 1236397, 1337629, 1447153, 1565659, 1693859, 1832561, 1982627, 2144977, 2320627,
    2510653, 2716249, 2938679, 3179303, 3439651, 3721303, 4026031, 4355707, 4712381, 5098259, 5515729, 5967347,
    6456007, 6984629, 7556579, 8175383, 8844859, 9569143, 10352717, 11200489, 12117689, 13109983, 14183539,
    15345007, 16601593, 17961079, 19431899, 21023161, 22744717, 24607243, 26622317, 28802401, 31160981, 33712729,
    36473443, 39460231, 42691603, 46187573, 49969847, 54061849, 58488943, 63278561, 68460391, 74066549, 80131819,
    86693767, 93793069, 101473717, 109783337, 118773397, 128499677, 139022417, 150406843, 162723577, 176048909,
    190465427, 206062531, 222936881, 241193053, 260944219, 282312799, 305431229, 330442829, 357502601, 386778277,
    418451333, 452718089, 489790921, 529899637, 573292817, 620239453, 671030513, 725980837, 785430967, 849749479,
    919334987, 994618837, 1076067617, 1164186217, 1259520799, 1362662261, 1474249943, 1594975441, 1725587117,
    1866894511, 2019773507, 2185171673, 2364114217, 2557710269, 2767159799, 2993761039, 3238918481, 3504151727,
    3791104843, 4101556399, 4294967291, 6442450933, 8589934583, 12884901857, 17179869143, 25769803693, 34359738337,
    51539607367, 68719476731, 103079215087, 137438953447, 206158430123, 274877906899, 412316860387, 549755813881,
    824633720731, 1099511627689, 1649267441579, 2199023255531, 3298534883309, 4398046511093, 6597069766607,
    8796093022151, 13194139533241, 17592186044399, 26388279066581, 35184372088777, 52776558133177, 70368744177643,
    105553116266399, 140737488355213, 211106232532861, 281474976710597, 562949953421231, 1125899906842597,
    2251799813685119, 4503599627370449, 9007199254740881, 18014398509481951, 36028797018963913, 72057594037927931,
    144115188075855859, 288230376151711717, 576460752303423433, 1152921504606846883, 2305843009213693951,
    4611686018427387847, 9223372036854775783, 18446744073709551557,
];

/// A doc comment map as the official tool's `std::unordered_map<uint64_t, …>` holds it: the
/// first record per ID, in the map's iteration order.
pub(super) struct SourceInfoMap {
    records: Vec<SourceInfo>,
    /// The next record in iteration order, per record.
    next: Vec<Option<usize>>,
    /// The first record.
    head: Option<usize>,
    /// Per bucket, the record before the bucket's first one (`None` in the slot: the list head).
    buckets: Vec<Option<Before>>,
    next_resize: u64,
    by_id: HashMap<u64, usize>,
}

/// What precedes a bucket's first record in the list.
#[derive(Clone, Copy)]
enum Before {
    Head,
    Record(usize),
}

impl SourceInfoMap {
    pub(super) fn new() -> SourceInfoMap {
        SourceInfoMap {
            records: Vec::new(),
            next: Vec::new(),
            head: None,
            buckets: vec![None],
            next_resize: 0,
            by_id: HashMap::new(),
        }
    }

    /// Inserts `info` unless its ID is already there.
    pub(super) fn insert(&mut self, info: SourceInfo) {
        if self.by_id.contains_key(&info.id) {
            return;
        }
        if let Some(count) = self.rehash_needed() {
            self.rehash(count);
        }
        let index = self.records.len();
        let bucket = self.bucket(info.id);
        self.by_id.insert(info.id, index);
        self.records.push(info);
        self.next.push(None);
        match self.buckets[bucket] {
            Some(before) => {
                let after = self.after(before);
                self.next[index] = after;
                self.set_after(before, Some(index));
            }
            None => {
                self.next[index] = self.head;
                self.head = Some(index);
                if let Some(old_head) = self.next[index] {
                    let b = self.bucket(self.records[old_head].id);
                    self.buckets[b] = Some(Before::Record(index));
                }
                self.buckets[bucket] = Some(Before::Head);
            }
        }
    }

    /// The records in iteration order.
    pub(super) fn into_vec(self) -> Vec<SourceInfo> {
        let mut order = Vec::with_capacity(self.records.len());
        let mut at = self.head;
        while let Some(i) = at {
            order.push(i);
            at = self.next[i];
        }
        let mut records: Vec<Option<SourceInfo>> = self.records.into_iter().map(Some).collect();
        order.into_iter().filter_map(|i| records[i].take()).collect()
    }

    fn bucket(&self, id: u64) -> usize {
        (id % self.buckets.len() as u64) as usize
    }

    fn after(&self, before: Before) -> Option<usize> {
        match before {
            Before::Head => self.head,
            Before::Record(r) => self.next[r],
        }
    }

    fn set_after(&mut self, before: Before, value: Option<usize>) {
        match before {
            Before::Head => self.head = value,
            Before::Record(r) => self.next[r] = value,
        }
    }

    /// libstdc++'s rehash policy for one more element: the new bucket count, if it grows.
    fn rehash_needed(&mut self) -> Option<usize> {
        let elements = self.records.len() as u64 + 1;
        let buckets = self.buckets.len() as u64;
        if elements <= self.next_resize {
            return None;
        }
        let min_buckets = elements.max(if self.next_resize == 0 { 11 } else { 0 });
        if min_buckets >= buckets {
            Some(self.next_bucket_count((min_buckets + 1).max(buckets * 2)) as usize)
        } else {
            self.next_resize = buckets;
            None
        }
    }

    fn next_bucket_count(&mut self, n: u64) -> u64 {
        const FAST: [u64; 14] = [2, 2, 2, 3, 5, 5, 7, 7, 11, 11, 11, 11, 13, 13];
        if n < FAST.len() as u64 {
            if n == 0 {
                return 1;
            }
            self.next_resize = FAST[n as usize];
            return FAST[n as usize];
        }
        let last = PRIMES.len() - 2;
        let index = 6 + PRIMES[6..last].partition_point(|&p| p < n);
        self.next_resize = if index == last { u64::MAX } else { PRIMES[index] };
        PRIMES[index]
    }

    fn rehash(&mut self, count: usize) {
        let mut buckets: Vec<Option<Before>> = vec![None; count];
        let mut at = self.head;
        self.head = None;
        let mut begin_bucket = 0;
        while let Some(p) = at {
            let following = self.next[p];
            let bucket = (self.records[p].id % count as u64) as usize;
            match buckets[bucket] {
                None => {
                    self.next[p] = self.head;
                    self.head = Some(p);
                    buckets[bucket] = Some(Before::Head);
                    if self.next[p].is_some() {
                        buckets[begin_bucket] = Some(Before::Record(p));
                    }
                    begin_bucket = bucket;
                }
                Some(before) => {
                    let after = match before {
                        Before::Head => self.head,
                        Before::Record(r) => self.next[r],
                    };
                    self.next[p] = after;
                    match before {
                        Before::Head => self.head = Some(p),
                        Before::Record(r) => self.next[r] = Some(p),
                    }
                }
            }
            at = following;
        }
        self.buckets = buckets;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(ids: &[u64]) -> Vec<u64> {
        let mut map = SourceInfoMap::new();
        for &id in ids {
            map.insert(SourceInfo { id, doc_comment: None, members: Vec::new() });
        }
        map.into_vec().into_iter().map(|info| info.id).collect()
    }

    #[test]
    fn iteration_order_of_libstdcxx_unordered_map() {
        // What `for (auto& e: m)` prints after inserting these keys into an
        // `std::unordered_map<uint64_t, int>` built with g++ 12 (libstdc++ 12.2).
        assert_eq!(order(&[5, 3, 16, 1]), [1, 16, 3, 5]);
        assert_eq!(order(&[]), Vec::<u64>::new());
        // Fifty keys (two inserted twice): several rehashes.
        #[rustfmt::skip]
        let keys = [
            0xf2a74de452e6b438, 0xe513270e269e0d37, 0x8c5c7fd0a6a3a450, 0xd23f0824128b2f33, 0x9818e811892f902b,
            0x9531985d5d9dc9f8, 0xe8e25d940ed90475, 0xb6f675cc81e74ef5, 0x9600a35a099950d8, 0xeb0d549b6f03675a,
            0xbd9c172411e20b8f, 0x8d116ece1738f7d9, 0x8f21ddb66cad4a26, 0x90c192cfd3ac94af, 0xf28c105d1fb17c23,
            0xa170b33839263059, 0x953f48f1a09f76b5, 0x8fd630f1f29d0da9, 0x95e60af593bd04cf, 0x8cb1e29c658cda14,
            0xb898d190f9ebdacc, 0x8e81973e0becd7b0, 0xa217beaddbc496cb, 0xeb4cb2424a23d596, 0x8a6a63ec24ede6a4,
            0x922766581e27a1c0, 0x8f6d05584ef8aa38, 0xae97ba94d0eda82f, 0x9a61dbe22e44158b, 0x923a736994e3bf91,
            0xb01850c5a38fd547, 0x98f135d25f557203, 0xb64ce4228c38fb29, 0x907a70c31012f037, 0x9e7769b10f4205b4,
            0xff15052434b9b5df, 0x881ed162ae2eb154, 0xc6f877186d76b07e, 0xf731af10506bf2ef, 0xec66a78795e761d1,
            0xd23f0824128b2f33, 0x8fd630f1f29d0da9, 0x7403e, 0x5c90a, 0x4cbd8, 0x3f98e, 0xcb5c7, 0x2e053, 0xb2f14,
            0xc7a2e, 0x3e7d1, 0x14f47,
        ];
        #[rustfmt::skip]
        let expected = [
            0x14f47, 0x3e7d1, 0xc7a2e, 0xcb5c7, 0x3f98e, 0x4cbd8, 0xec66a78795e761d1, 0x2e053, 0x881ed162ae2eb154,
            0xff15052434b9b5df, 0xb64ce4228c38fb29, 0x98f135d25f557203, 0x923a736994e3bf91, 0xb6f675cc81e74ef5,
            0x8cb1e29c658cda14, 0xa217beaddbc496cb, 0xeb0d549b6f03675a, 0x8c5c7fd0a6a3a450, 0xe8e25d940ed90475,
            0x907a70c31012f037, 0x9600a35a099950d8, 0x9531985d5d9dc9f8, 0x922766581e27a1c0, 0x9a61dbe22e44158b,
            0x8fd630f1f29d0da9, 0xd23f0824128b2f33, 0xf2a74de452e6b438, 0xf731af10506bf2ef, 0x95e60af593bd04cf,
            0xc6f877186d76b07e, 0xb01850c5a38fd547, 0xeb4cb2424a23d596, 0x8e81973e0becd7b0, 0x9e7769b10f4205b4,
            0x8d116ece1738f7d9, 0xe513270e269e0d37, 0xbd9c172411e20b8f, 0x90c192cfd3ac94af, 0xf28c105d1fb17c23,
            0xa170b33839263059, 0x5c90a, 0x7403e, 0x8f21ddb66cad4a26, 0x8f6d05584ef8aa38, 0x9818e811892f902b,
            0x953f48f1a09f76b5, 0xb898d190f9ebdacc, 0x8a6a63ec24ede6a4, 0xb2f14, 0xae97ba94d0eda82f,
        ];
        assert_eq!(order(&keys), expected);
    }
}
