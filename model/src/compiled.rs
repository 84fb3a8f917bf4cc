//! A compiled schema as data: every node of every file read, their doc comments, the requested
//! files and the `using` aliases. The compiler makes one from schema text
//! (`capnzero_schema::compile`), [`crate::reflect`] from the CodeGeneratorRequest embedded in
//! generated code; the dynamic API ([`crate::dynamic::Schema`]) reads it.

use std::collections::HashMap;

use crate::model::{Alias, Node, SourceInfo};
use crate::request::{CodeGeneratorRequest, Import, RequestedFile};

/// The version of the official compiler whose behaviour capnzero's compiler reproduces, as a
/// CodeGeneratorRequest states it.
pub const CAPNP_VERSION: (u16, u8, u8) = (0, 9, 2);

/// A file the compiler read, with the files it imports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompiledFile {
    /// The file's ID.
    pub id: u64,
    /// Its name as the compiler displays it.
    pub name: String,
    /// Its import table as the official compiler gives it in a CodeGeneratorRequest: the
    /// imported file's ID and the name as written in the `import`, sorted by name, for the
    /// imports that name types or annotations (`using`s, field, const, method and superclass
    /// types, annotation names; not those only in values), plus `/capnp/stream.capnp` when a
    /// method streams.
    pub imports: Vec<(u64, String)>,
}

/// The nodes of a compilation, their doc comments, and the files requested.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CompiledSchema {
    /// All nodes, of the requested files and of the files they import (every declaration of
    /// every file read, even those of imported files that nothing uses).
    pub nodes: Vec<Node>,
    /// Doc comments of all the nodes.
    pub source_info: Vec<SourceInfo>,
    /// The requested files, in the order given.
    pub requested: Vec<CompiledFile>,
    /// The IDs of the nodes the official compiler puts in its CodeGeneratorRequest, in its
    /// order: the requested files' nodes, every node they depend on (field, const, method and
    /// superclass types, annotations; transitively) and the lexical parents of those.
    pub request_order: Vec<u64>,
    /// The doc comments the official compiler puts in its CodeGeneratorRequest, in its order
    /// (those of the nodes it compiled; method parameter and result structs under ID 0).
    pub request_source_info: Vec<SourceInfo>,
    /// The `using` aliases of every file read (a request has no place for them), for the names
    /// the dynamic API evaluates (`capnp decode SCHEMA TYPE`).
    pub aliases: Vec<Alias>,
}

impl CompiledSchema {
    /// The node with ID `id`.
    pub fn node(&self, id: u64) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }

    /// The nodes of the official compiler's CodeGeneratorRequest, in its order.
    pub fn request_nodes(&self) -> Vec<&Node> {
        let index: HashMap<u64, &Node> = self.nodes.iter().map(|n| (n.id, n)).collect();
        self.request_order.iter().filter_map(|id| index.get(id).copied()).collect()
    }

    /// The CodeGeneratorRequest `capnp compile -o-` 0.9.2 makes of the same files: the same
    /// nodes, doc comments and requested files, in the same order.
    pub fn request(&self) -> CodeGeneratorRequest {
        CodeGeneratorRequest {
            capnp_version: CAPNP_VERSION,
            nodes: self.request_nodes().into_iter().cloned().collect(),
            source_info: self.request_source_info.clone(),
            requested_files: self
                .requested
                .iter()
                .map(|file| RequestedFile {
                    id: file.id,
                    filename: file.name.clone(),
                    imports: file.imports.iter().map(|(id, name)| Import { id: *id, name: name.clone() }).collect(),
                })
                .collect(),
        }
    }
}
