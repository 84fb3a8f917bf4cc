@0xd5a0e2b4c6f80009;
# Schema names that meet generated names: `hasResult` meets `result`'s `has_result`, `toOwned`
# the reader's `to_owned`.

struct Outcome {
  result @0 :Data;
  hasResult @1 :Bool;
  toOwned @2 :UInt8;
}
