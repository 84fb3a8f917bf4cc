# The "catrank" workload of the classic benchmark trio: a page of search results is ranked
# again on the server, pages about cats first and pages about dogs last. Same types, ordinals
# and field types as the reference suite.
@0xfcd340795f332df8;

struct SearchResultList {
  results @0 :List(SearchResult);
}

struct SearchResult {
  url @0 :Text;
  score @1 :Float64;
  snippet @2 :Text;
}
