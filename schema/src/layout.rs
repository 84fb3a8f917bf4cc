//! The struct layout engine: where each field of a struct goes, decided exactly as the
//! official compiler decides it.
//!
//! Fields are added in ordinal order. A data field of 2^lg bits goes into the smallest hole
//! that fits it, or at the start of a new word. The members of a union share space: each
//! member is laid out as if it were alone in a "group", and the union's groups draw from the
//! same set of locations (data regions and pointer slots) that the union has claimed from its
//! parent, expanding a location in place when the space after it is free. A union's 16-bit
//! discriminant is allocated when its second member receives its first field (or when its
//! ordinal comes up, for a retroactively unionized field).
//!
//! Scopes live in one arena and refer to each other by index, so the engine has no
//! references between its parts.

/// Up to one hole of each size 2^0 … 2^5 bits inside allocated space. `holes[lg]` is the
/// hole's offset in units of its size; 0 means no hole (offset 0 is never a hole: the first
/// field always starts there).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct HoleSet {
    holes: [u32; 6],
}

impl HoleSet {
    /// Takes a slot of 2^lg bits from the holes, splitting a larger hole if need be.
    fn try_allocate(&mut self, lg: u32) -> Option<u32> {
        let lg_index = lg as usize;
        if lg_index >= self.holes.len() {
            return None;
        }
        if self.holes[lg_index] != 0 {
            return Some(std::mem::take(&mut self.holes[lg_index]));
        }
        let larger = self.try_allocate(lg + 1)?;
        let offset = larger * 2;
        self.holes[lg_index] = offset + 1;
        Some(offset)
    }

    /// Records the holes left after a 2^lg-bit slot at the start of a 2^limit-bit space:
    /// one of each size from 2^lg up to 2^(limit-1), starting at `offset` (in units of 2^lg).
    fn add_holes_at_end(&mut self, mut lg: u32, mut offset: u32, limit: u32) {
        while lg < limit {
            self.holes[lg as usize] = offset;
            lg += 1;
            offset = offset.div_ceil(2);
        }
    }

    /// Grows the slot of 2^old_lg bits at `old_offset` by 2^factor, if the space after it is
    /// holes all the way.
    fn try_expand(&mut self, old_lg: u32, old_offset: u32, factor: u32) -> bool {
        if factor == 0 {
            return true;
        }
        if old_lg as usize == self.holes.len() {
            return false;
        }
        if self.holes[old_lg as usize] != old_offset + 1 {
            return false;
        }
        if self.try_expand(old_lg + 1, old_offset >> 1, factor - 1) {
            self.holes[old_lg as usize] = 0;
            true
        } else {
            false
        }
    }

    /// The lg-size of the smallest hole of at least 2^lg bits.
    fn smallest_at_least(&self, lg: u32) -> Option<u32> {
        (lg..self.holes.len() as u32).find(|&i| self.holes[i as usize] != 0)
    }
}

/// A data region a union claimed from its parent: 2^lg bits at `offset` (in units of 2^lg).
#[derive(Clone, Copy, Debug)]
struct DataLocation {
    lg: u32,
    offset: u32,
}

/// How much of one of its union's data locations a group uses.
#[derive(Clone, Copy, Debug, Default)]
struct Usage {
    used: bool,
    /// The lg-size of the used prefix of the location.
    lg_used: u32,
    /// Holes inside the used prefix, relative to the location's start.
    holes: HoleSet,
}

/// Identifies a scope (the struct itself, or a group) fields can be added to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScopeId(usize);

/// Identifies a union.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnionId(usize);

#[derive(Debug)]
struct Union {
    parent: ScopeId,
    group_count: u32,
    discriminant_offset: Option<u32>,
    data_locations: Vec<DataLocation>,
    pointer_locations: Vec<u32>,
}

#[derive(Debug)]
struct Group {
    union: UnionId,
    usages: Vec<Usage>,
    pointer_usage: usize,
    has_members: bool,
}

#[derive(Debug)]
enum Scope {
    Top { data_words: u32, pointer_count: u32, holes: HoleSet },
    Group(Group),
}

/// The layout of one struct under construction.
#[derive(Debug)]
pub struct StructLayout {
    scopes: Vec<Scope>,
    unions: Vec<Union>,
}

impl Default for StructLayout {
    fn default() -> Self {
        StructLayout::new()
    }
}

impl StructLayout {
    /// An empty struct.
    pub fn new() -> StructLayout {
        StructLayout {
            scopes: vec![Scope::Top { data_words: 0, pointer_count: 0, holes: HoleSet::default() }],
            unions: Vec::new(),
        }
    }

    /// The struct's own scope.
    pub fn top(&self) -> ScopeId {
        ScopeId(0)
    }

    /// Data words of the struct so far.
    pub fn data_words(&self) -> u32 {
        match self.scopes[0] {
            Scope::Top { data_words, .. } => data_words,
            Scope::Group(_) => 0,
        }
    }

    /// Pointers of the struct so far.
    pub fn pointer_count(&self) -> u32 {
        match self.scopes[0] {
            Scope::Top { pointer_count, .. } => pointer_count,
            Scope::Group(_) => 0,
        }
    }

    /// A new union inside `parent`.
    pub fn new_union(&mut self, parent: ScopeId) -> UnionId {
        self.unions.push(Union {
            parent,
            group_count: 0,
            discriminant_offset: None,
            data_locations: Vec::new(),
            pointer_locations: Vec::new(),
        });
        UnionId(self.unions.len() - 1)
    }

    /// A new member of `union`, to which the member's fields are added (a field of a union is
    /// laid out as a group of one).
    pub fn new_group(&mut self, union: UnionId) -> ScopeId {
        self.scopes.push(Scope::Group(Group { union, usages: Vec::new(), pointer_usage: 0, has_members: false }));
        ScopeId(self.scopes.len() - 1)
    }

    /// The union's discriminant offset (in 16-bit units), once allocated.
    pub fn discriminant_offset(&self, union: UnionId) -> Option<u32> {
        self.unions[union.0].discriminant_offset
    }

    /// Allocates the union's discriminant if it has none yet; false if it already had one.
    pub fn add_discriminant(&mut self, union: UnionId) -> bool {
        if self.unions[union.0].discriminant_offset.is_some() {
            return false;
        }
        let parent = self.unions[union.0].parent;
        let offset = self.add_data(parent, 4);
        self.unions[union.0].discriminant_offset = Some(offset);
        true
    }

    /// Adds a Void field: it takes no space, but makes a union member count as present.
    pub fn add_void(&mut self, scope: ScopeId) {
        if let Scope::Group(group) = &self.scopes[scope.0] {
            let union = group.union;
            self.group_add_member(scope);
            let parent = self.unions[union.0].parent;
            self.add_void(parent);
        }
    }

    /// Adds a data field of 2^lg bits (0 ≤ lg ≤ 6); returns its offset in units of its size.
    pub fn add_data(&mut self, scope: ScopeId, lg: u32) -> u32 {
        match &mut self.scopes[scope.0] {
            Scope::Top { data_words, holes, .. } => {
                if let Some(offset) = holes.try_allocate(lg) {
                    return offset;
                }
                let offset = *data_words << (6 - lg);
                *data_words += 1;
                holes.add_holes_at_end(lg, offset + 1, 6);
                offset
            }
            Scope::Group(_) => self.group_add_data(scope, lg),
        }
    }

    /// Adds a pointer field; returns its index in the pointer section.
    pub fn add_pointer(&mut self, scope: ScopeId) -> u32 {
        match &mut self.scopes[scope.0] {
            Scope::Top { pointer_count, .. } => {
                *pointer_count += 1;
                *pointer_count - 1
            }
            Scope::Group(_) => {
                self.group_add_member(scope);
                let group = self.group(scope);
                let (union, used) = (group.union, group.pointer_usage);
                self.group_mut(scope).pointer_usage += 1;
                match self.unions[union.0].pointer_locations.get(used) {
                    Some(&location) => location,
                    None => {
                        let parent = self.unions[union.0].parent;
                        let location = self.add_pointer(parent);
                        self.unions[union.0].pointer_locations.push(location);
                        location
                    }
                }
            }
        }
    }

    fn group(&self, scope: ScopeId) -> &Group {
        match &self.scopes[scope.0] {
            Scope::Group(group) => group,
            Scope::Top { .. } => unreachable!("scope {} is not a group", scope.0),
        }
    }

    fn group_mut(&mut self, scope: ScopeId) -> &mut Group {
        match &mut self.scopes[scope.0] {
            Scope::Group(group) => group,
            Scope::Top { .. } => unreachable!("scope {} is not a group", scope.0),
        }
    }

    /// Grows the data slot of 2^old_lg bits at `old_offset` in `scope` by 2^factor, if the
    /// space after it is free.
    fn try_expand_data(&mut self, scope: ScopeId, old_lg: u32, old_offset: u32, factor: u32) -> bool {
        match &mut self.scopes[scope.0] {
            Scope::Top { holes, .. } => holes.try_expand(old_lg, old_offset, factor),
            Scope::Group(_) => self.group_try_expand_data(scope, old_lg, old_offset, factor),
        }
    }

    fn group_add_member(&mut self, scope: ScopeId) {
        let group = self.group_mut(scope);
        if !group.has_members {
            group.has_members = true;
            let union = group.union;
            self.unions[union.0].group_count += 1;
            if self.unions[union.0].group_count == 2 {
                self.add_discriminant(union);
            }
        }
    }

    fn group_add_data(&mut self, scope: ScopeId, lg: u32) -> u32 {
        self.group_add_member(scope);
        let union = self.group(scope).union;
        let location_count = self.unions[union.0].data_locations.len();
        {
            let group = self.group_mut(scope);
            while group.usages.len() < location_count {
                group.usages.push(Usage::default());
            }
        }
        // The smallest hole in any location that fits; the first of equals wins.
        let mut best: Option<(u32, usize)> = None;
        for i in 0..location_count {
            let location = self.unions[union.0].data_locations[i];
            if let Some(hole) = self.group(scope).usages[i].smallest_hole_at_least(location, lg) {
                if !matches!(best, Some((size, _)) if size <= hole) {
                    best = Some((hole, i));
                }
            }
        }
        if let Some((_, i)) = best {
            let location = self.unions[union.0].data_locations[i];
            return self.group_mut(scope).usages[i].allocate_from_hole(location, lg);
        }
        // No hole fits: try to grow a location in place.
        for i in 0..location_count {
            if let Some(offset) = self.try_allocate_by_expanding(scope, union, i, lg) {
                return offset;
            }
        }
        // Claim a new location from the parent.
        let parent = self.unions[union.0].parent;
        let offset = self.add_data(parent, lg);
        self.unions[union.0].data_locations.push(DataLocation { lg, offset });
        self.group_mut(scope).usages.push(Usage { used: true, lg_used: lg, holes: HoleSet::default() });
        offset
    }

    /// Grows location `i` of `union` to 2^new_lg bits, if the parent has free space after it.
    fn location_try_expand_to(&mut self, union: UnionId, i: usize, new_lg: u32) -> bool {
        let location = self.unions[union.0].data_locations[i];
        if new_lg <= location.lg {
            return true;
        }
        let parent = self.unions[union.0].parent;
        if self.try_expand_data(parent, location.lg, location.offset, new_lg - location.lg) {
            let location = &mut self.unions[union.0].data_locations[i];
            location.offset >>= new_lg - location.lg;
            location.lg = new_lg;
            true
        } else {
            false
        }
    }

    fn try_allocate_by_expanding(&mut self, scope: ScopeId, union: UnionId, i: usize, lg: u32) -> Option<u32> {
        let usage = self.group(scope).usages[i];
        if !usage.used {
            if !self.location_try_expand_to(union, i, lg) {
                return None;
            }
            let usage = &mut self.group_mut(scope).usages[i];
            usage.used = true;
            usage.lg_used = lg;
            let location = self.unions[union.0].data_locations[i];
            return Some(location.offset << (location.lg - lg));
        }
        let new_size = usage.lg_used.max(lg) + 1;
        if !self.try_expand_usage(scope, union, i, new_size, true) {
            return None;
        }
        let offset = self.group_mut(scope).usages[i].holes.try_allocate(lg)?;
        let location = self.unions[union.0].data_locations[i];
        Some((location.offset << (location.lg - lg)) + offset)
    }

    fn try_expand_usage(&mut self, scope: ScopeId, union: UnionId, i: usize, desired: u32, new_holes: bool) -> bool {
        let location = self.unions[union.0].data_locations[i];
        if desired > location.lg && !self.location_try_expand_to(union, i, desired) {
            return false;
        }
        let usage = &mut self.group_mut(scope).usages[i];
        if new_holes {
            usage.holes.add_holes_at_end(usage.lg_used, 1, desired);
        }
        usage.lg_used = desired;
        true
    }

    fn group_try_expand_data(&mut self, scope: ScopeId, old_lg: u32, old_offset: u32, factor: u32) -> bool {
        if old_lg + factor > 6 || old_offset & ((1 << factor) - 1) != 0 {
            return false;
        }
        let union = self.group(scope).union;
        for i in 0..self.group(scope).usages.len() {
            let location = self.unions[union.0].data_locations[i];
            if location.lg >= old_lg && old_offset >> (location.lg - old_lg) == location.offset {
                let local = old_offset - (location.offset << (location.lg - old_lg));
                let usage = self.group(scope).usages[i];
                return if local == 0 && usage.lg_used == old_lg {
                    self.try_expand_usage(scope, union, i, old_lg + factor, false)
                } else {
                    self.group_mut(scope).usages[i].holes.try_expand(old_lg, local, factor)
                };
            }
        }
        false
    }
}

impl Usage {
    /// The lg-size of the smallest free space in this location that a 2^lg-bit field fits.
    fn smallest_hole_at_least(&self, location: DataLocation, lg: u32) -> Option<u32> {
        if !self.used {
            (lg <= location.lg).then_some(location.lg)
        } else if lg >= self.lg_used {
            (lg < location.lg).then_some(lg)
        } else if let Some(hole) = self.holes.smallest_at_least(lg) {
            Some(hole)
        } else {
            (self.lg_used < location.lg).then_some(self.lg_used)
        }
    }

    /// Takes space that [`Usage::smallest_hole_at_least`] found; returns the struct-relative
    /// offset in units of 2^lg bits.
    fn allocate_from_hole(&mut self, location: DataLocation, lg: u32) -> u32 {
        let offset = if !self.used {
            self.used = true;
            self.lg_used = lg;
            0
        } else if lg >= self.lg_used {
            self.holes.add_holes_at_end(self.lg_used, 1, lg);
            self.lg_used = lg + 1;
            1
        } else if let Some(hole) = self.holes.try_allocate(lg) {
            hole
        } else {
            let offset = 1 << (self.lg_used - lg);
            self.holes.add_holes_at_end(lg, offset + 1, self.lg_used);
            self.lg_used += 1;
            offset
        };
        (location.offset << (location.lg - lg)) + offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_fields_fill_holes_in_order() {
        // struct { a @0 :Bool; b @1 :Int32; c @2 :UInt8; d @3 :Int64; e @4 :Int16; f @5 :Bool; }
        let mut l = StructLayout::new();
        let top = l.top();
        assert_eq!(l.add_data(top, 0), 0); // a: bit 0
        assert_eq!(l.add_data(top, 5), 1); // b: bits [32, 64)
        assert_eq!(l.add_data(top, 3), 1); // c: bits [8, 16)
        assert_eq!(l.add_data(top, 6), 1); // d: second word
        assert_eq!(l.add_data(top, 4), 1); // e: bits [16, 32)
        assert_eq!(l.add_data(top, 0), 1); // f: bit 1
        assert_eq!(l.data_words(), 2);
    }

    #[test]
    fn union_members_share_space() {
        // struct { x @0 :UInt16; union { a @1 :UInt32; b @2 :UInt64; c @3 :Text; } p @4 :Text; }
        let mut l = StructLayout::new();
        let top = l.top();
        assert_eq!(l.add_data(top, 4), 0);
        let u = l.new_union(top);
        let a = l.new_group(u);
        let b = l.new_group(u);
        let c = l.new_group(u);
        assert_eq!(l.add_data(a, 5), 1); // bits [32, 64)
        assert_eq!(l.discriminant_offset(u), None);
        assert_eq!(l.add_data(b, 6), 1); // second word: the 32-bit location cannot grow in place
        assert_eq!(l.discriminant_offset(u), Some(1)); // bits [16, 32), taken when b came
        assert_eq!(l.add_pointer(c), 0);
        assert_eq!(l.add_pointer(top), 1);
        assert_eq!((l.data_words(), l.pointer_count()), (2, 2));
    }
}
