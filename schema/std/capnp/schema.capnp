# capnzero standard import: /capnp/schema.capnp
#
# The schema of schemas.  A compiled schema is a set of *nodes*, one per
# named declaration (file, struct, group, enum, interface, const,
# annotation), each carrying a 64-bit ID.  The `capnp` tool and capnzero's
# compiler both produce a `CodeGeneratorRequest` holding the nodes of the
# compiled files and of everything they import; code generators and run-time
# reflection read schemas in this form.
#
# This text is capnzero's own.  Node IDs, field names, ordinals, types and
# defaults follow the reference implementation (Cap'n Proto 0.9.2) exactly,
# so that data written against either copy is interchangeable.  Apart from
# the file ID, every ID here is derived by the compiler from the parent's ID
# and the declaration's name, so renaming anything would change the IDs.

using Cxx = import "/capnp/c++.capnp";

@0xa93fc509624c72d9;
$Cxx.namespace("capnp::schema");

using Id = UInt64;
# Every node is known by a 64-bit ID.  A file's ID is written in the file
# (`@0x...;`); nested declarations either write their own or get one derived
# from the enclosing node's ID and their name.

struct Node {
  # One declaration.  Members shared by every kind come first; the anonymous
  # union says which kind of declaration this is and holds what is specific
  # to it.

  id @0 :Id;

  displayName @1 :Text;
  # A name for people (error messages, debug output), not for resolving
  # anything: the file's path, then `:` and the dotted path of nested
  # declarations, e.g. `foo/bar.capnp:Outer.Inner`.  Never parse it for
  # meaning.

  displayNamePrefixLength @2 :UInt32;
  # Number of leading bytes of `displayName` to skip to get this node's own
  # short name (`Inner` above).  Like `displayName`, only for display.

  scopeId @3 :Id;
  # ID of the node this one is declared in.  Zero for files, and also for
  # nodes whose scope is not recorded (such as the parameter and result
  # structs that methods declare implicitly).  Generators resolve references
  # by ID, so they rarely need it; it matters for generic scopes, because a
  # generic's parameters are visible in everything nested inside it.

  parameters @32 :List(Parameter);
  # Generic (brand) parameters declared on this very node, in order.  Empty
  # for non-generic nodes.

  isGeneric @33 :Bool;
  # True when this node, or any node it is nested in, has parameters, i.e.
  # when some brand must be applied to use it.

  struct Parameter {
    # One generic parameter of a node.

    name @0 :Text;
    # The parameter's name as written, e.g. `T`.
  }

  nestedNodes @4 :List(NestedNode);
  # Declarations placed directly inside this one, in source order.  Does not
  # include groups, and does not include the implicit parameter/result structs
  # of methods: both are reached through the fields and methods that own them.

  struct NestedNode {
    # A named child declaration.

    name @0 :Text;
    # Its unqualified name within this scope.

    id @1 :Id;
    # Its node ID; the node itself is listed separately (look it up by ID).
  }

  annotations @5 :List(Annotation);
  # Annotations applied to this declaration, in source order.

  union {
    file @6 :Void;
    # A schema file.  Its top-level declarations are its `nestedNodes`.

    struct :group {
      # A struct type.  Groups are represented as struct nodes too (see
      # `isGroup`); they share their parent's data and pointer sections.

      dataWordCount @7 :UInt16;
      # Size of the data section, in 64-bit words.

      pointerCount @8 :UInt16;
      # Number of slots in the pointer section.

      preferredListEncoding @9 :ElementSize;
      # The list element encoding preferred for lists of this struct.  A
      # value other than `inlineComposite` marks a struct of at most one
      # word as a candidate for a denser list encoding; the 0.9.2 compiler
      # writes `inlineComposite` for every struct.

      isGroup @10 :Bool;
      # True for a group (or named union) node: it is not a type of its own,
      # its fields live in the enclosing struct's sections, and the sizes
      # above are those of the enclosing struct.

      discriminantCount @11 :UInt16;
      # Number of members of this struct's (or group's) unnamed union; zero
      # when it has none.  A union always has at least two members.

      discriminantOffset @12 :UInt32;
      # Where the union tag lives: offset in the data section, counted in
      # 16-bit units.  Only meaningful when `discriminantCount` is non-zero.

      fields @13 :List(Field);
      # Every member of the struct, including union members and groups, in
      # ordinal order (the order the fields were numbered in) rather than in
      # source order; `Field.codeOrder` gives the latter.  Members of a group
      # are listed by the group's own node, not here.
    }

    enum :group {
      enumerants@14 :List(Enumerant);
      # The values, ordered by their ordinal, which is also their numeric
      # value on the wire.
    }

    interface :group {
      methods @15 :List(Method);
      # The methods, ordered by ordinal (the method ID used in calls).

      superclasses @31 :List(Superclass);
      # Interfaces this one extends, with the brand each is applied with.
    }

    const :group {
      type @16 :Type;
      value @17 :Value;
    }

    annotation :group {
      type @18 :Type;
      # Type of the value an application of this annotation carries.

      # Which kinds of declaration the annotation may be applied to.  `(*)`
      # in the declaration sets all of them.
      targetsFile @19 :Bool;
      targetsConst @20 :Bool;
      targetsEnum @21 :Bool;
      targetsEnumerant @22 :Bool;
      targetsStruct @23 :Bool;
      targetsField @24 :Bool;
      targetsUnion @25 :Bool;
      targetsGroup @26 :Bool;
      targetsInterface @27 :Bool;
      targetsMethod @28 :Bool;
      targetsParam @29 :Bool;
      targetsAnnotation @30 :Bool;
    }
  }

  struct SourceInfo {
    # Facts about a node that only matter to tools showing source-level
    # information (doc comments today).  Kept apart from `Node` so that
    # schemas embedded in generated code do not carry them.

    id @0 :Id;
    # The node described.

    docComment @1 :Text;
    # The node's doc comment with the comment markers removed; null if it
    # has none.

    members @2 :List(Member);
    # One entry per member (struct field, enumerant, method), in the order of
    # the node's own member list.  Empty for nodes without members.

    struct Member {
      docComment @0 :Text;
      # The member's doc comment, or null.
    }
  }
}

struct Field {
  # A member of a struct or group: either a plain slot holding a value, or a
  # group / named union.

  name @0 :Text;

  codeOrder @1 :UInt16;
  # Position of this member among its siblings in the source text.  Lists of
  # members are sorted by ordinal; sort by this to present them as written.

  annotations @2 :List(Annotation);

  const noDiscriminant :UInt16 = 0xffff;
  # `discriminantValue` of a member that is not in a union.

  discriminantValue @3 :UInt16 = Field.noDiscriminant;
  # For a member of the parent's unnamed union, the tag value that selects
  # it; `noDiscriminant` for members outside any union.

  union {
    slot :group {
      # An ordinary field stored in the struct's data or pointer section.

      offset @4 :UInt32;
      # Position of the value, counted in units of the value's own size: bits
      # for Bool, bytes for 8-bit types, and so on for the data section;
      # pointer slots for pointer types.  Void fields have offset 0 and
      # occupy no space.

      type @5 :Type;

      defaultValue @6 :Value;
      # The value read when the field was never set.  Integers, floats, bools
      # and enums are stored XOR-ed with it on the wire.

      hadExplicitDefault @10 :Bool;
      # True when the schema spelled a default (`= ...`), even one equal to
      # the type's zero value; otherwise the default is the zero or empty
      # value.  The wire format does not care; the flag is mainly useful for
      # method parameter structs, where a generator may let callers omit
      # parameters that have explicit defaults.
    }

    group :group {
      # A group or named union; its members are the fields of its own node.

      typeId @7 :Id;
      # The group's node (a struct node with `isGroup` set).
    }
  }

  ordinal :union {
    implicit @8 :Void;
    # No `@n` was written: the member is a group or named union, which only
    # take the numbers of their members.

    explicit @9 :UInt16;
    # The `@n` written in the schema.
  }
}

struct Enumerant {
  # One value of an enum.  Its numeric value is its position in the enum's
  # list of enumerants.

  name @0 :Text;

  codeOrder @1 :UInt16;
  # Position among its siblings in the source text (see `Field.codeOrder`).

  annotations @2 :List(Annotation);
}

struct Superclass {
  # One interface extended by another.

  id @0 :Id;
  # The extended interface.

  brand @1 :Brand;
  # Arguments bound to its generic parameters, if it has any.
}

struct Method {
  # One method of an interface.

  name @0 :Text;

  codeOrder @1 :UInt16;
  # Position among its siblings in the source text.

  implicitParameters @7 :List(Node.Parameter);
  # Generic parameters declared on the method itself (`foo[T] (x :T)`).

  paramStructType @2 :Id;
  # The struct holding the call's arguments.  When the parameters are
  # written inline (`(a :Int32, b :Text)`), the compiler makes an anonymous
  # struct node for them; its `scopeId` is zero and it is not a nested node
  # of anything.

  paramBrand @5 :Brand;
  # Brand applied to the parameter struct, when it is generic.

  resultStructType @3 :Id;
  # The struct holding the results; same rules as the parameter struct.

  resultBrand @6 :Brand;
  # Brand applied to the result struct, when it is generic.

  annotations @4 :List(Annotation);
}

struct Type {
  # The type of a field, constant value, annotation value or list element.

  union {
    void @0 :Void;
    bool @1 :Void;
    int8 @2 :Void;
    int16 @3 :Void;
    int32 @4 :Void;
    int64 @5 :Void;
    uint8 @6 :Void;
    uint16 @7 :Void;
    uint32 @8 :Void;
    uint64 @9 :Void;
    float32 @10 :Void;
    float64 @11 :Void;
    text @12 :Void;
    data @13 :Void;

    list :group {
      elementType @14 :Type;
    }

    enum :group {
      typeId @15 :Id;
      brand @21 :Brand;
    }
    struct :group {
      typeId @16 :Id;
      brand @22 :Brand;
    }
    interface :group {
      typeId @17 :Id;
      brand @23 :Brand;
    }

    anyPointer :union {
      # A pointer whose target type is not fixed by the schema.

      unconstrained :union {
        # Written `AnyPointer`, `AnyStruct`, `AnyList` or `Capability`.

        anyKind @18 :Void;
        # `AnyPointer`: any struct, list or capability.

        struct @25 :Void;
        # `AnyStruct`: any struct.

        list @26 :Void;
        # `AnyList`: any list.

        capability @27 :Void;
        # `Capability`: any interface.
      }

      parameter :group {
        # A generic parameter of an enclosing scope; what it stands for is
        # given by the brand in effect where the type is used.

        scopeId @19 :Id;
        # The node that declares the parameter.

        parameterIndex @20 :UInt16;
        # Its position in that node's `parameters`.
      }

      implicitMethodParameter :group {
        # A generic parameter of the method being declared.

        parameterIndex @24 :UInt16;
        # Its position in the method's `implicitParameters`.
      }
    }
  }
}

struct Brand {
  # The arguments given to generic parameters where a generic type is used.
  # A brand may bind parameters of several scopes at once, because a type
  # nested in a generic declaration is generic over the outer parameters too.
  # A scope missing from the list has all its parameters unbound
  # (`AnyPointer`).

  scopes @0 :List(Scope);
  # One entry per generic scope that is bound or inherited.

  struct Scope {
    # The arguments for the parameters of one scope.

    scopeId @0 :Id;
    # The node whose parameters are being bound.

    union {
      bind @1 :List(Binding);
      # One binding per parameter, in parameter order.

      inherit @2 :Void;
      # Use the bindings in effect at the point of use: happens when a
      # generic type refers to itself, or to a sibling, from inside its own
      # scope.
    }
  }

  struct Binding {
    # The argument for one parameter.

    union {
      unbound @0 :Void;
      # Left open, i.e. `AnyPointer`.

      type @1 :Type;
      # Bound to this type, which is always a pointer type.
    }
  }
}

struct Value {
  # A constant, default or annotation value, tagged with its type.  The tag
  # must agree with the `Type` the value belongs to.

  union {
    void @0 :Void;
    bool @1 :Bool;
    int8 @2 :Int8;
    int16 @3 :Int16;
    int32 @4 :Int32;
    int64 @5 :Int64;
    uint8 @6 :UInt8;
    uint16 @7 :UInt16;
    uint32 @8 :UInt32;
    uint64 @9 :UInt64;
    float32 @10 :Float32;
    float64 @11 :Float64;
    text @12 :Text;
    data @13 :Data;

    list @14 :AnyPointer;
    # A list of the element type given by the `Type`.

    enum @15 :UInt16;
    # The enumerant's numeric value.

    struct @16 :AnyPointer;
    # A struct of the type given by the `Type`.

    interface @17 :Void;
    # Interfaces have no values; the only possible value is null, which
    # needs no data.

    anyPointer @18 :AnyPointer;
    # Whatever the pointer points to.
  }
}

struct Annotation {
  # One application of an annotation to a declaration.

  id @0 :Id;
  # The annotation's declaration node.

  brand @2 :Brand;
  # Brand of the annotation's declaration, when it is declared inside a
  # generic scope.

  value @1 :Value;
  # The value given, of the annotation's declared type.
}

enum ElementSize {
  # The encoding of list elements, as written into list pointers.  The numbers
  # are the 3-bit codes used on the wire.

  empty @0;
  # Zero-size elements (Void).

  bit @1;
  byte @2;
  twoBytes @3;
  fourBytes @4;
  eightBytes @5;

  pointer @6;
  # One pointer per element.

  inlineComposite @7;
  # Structs laid out one after another, preceded by a tag word.
}

struct CapnpVersion {
  # A compiler version.  In a request, a generator may compare it with its
  # own version and warn about a mismatched installation.  Compilers older
  # than 0.6 did not fill it in, so an all-zero version means "old".

  major @0 :UInt16;
  minor @1 :UInt8;
  micro @2 :UInt8;
}

struct CodeGeneratorRequest {
  # What a schema compiler hands to a code generator plugin (on its standard
  # input, as one message).

  capnpVersion @2 :CapnpVersion;
  # Version of the compiler that wrote the request.

  nodes @0 :List(Node);
  # Every node the compiler loaded: those of the requested files, of the
  # files they import, and of the nested declarations of both.  Order
  # carries no meaning; index them by ID.

  sourceInfo @3 :List(Node.SourceInfo);
  # Documentation for (some of) the nodes above, matched to them by ID.

  requestedFiles @1 :List(RequestedFile);
  # The files named on the command line: the ones to generate code for.

  struct RequestedFile {
    id @0 :Id;
    # The file's node ID.

    filename @1 :Text;
    # The file's path as given to the compiler (after stripping
    # `--src-prefix`), suitable for deriving output file names.

    imports @2 :List(Import);
    # Every `import` in the file, so a generator can emit matching includes
    # or `use` paths.

    struct Import {
      id @0 :Id;
      # The imported file's node ID.

      name @1 :Text;
      # The import path exactly as written, e.g. `/capnp/c++.capnp`.
    }
  }
}
