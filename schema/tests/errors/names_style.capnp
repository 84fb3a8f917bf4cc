@0xd1b6d6d0f7f3a014;
struct lower {}
struct Upper {
  Field @0 :Int32;
  snake_case @1 :Int32;
  const Konst :Int32 = 1;
  enum color { Red @0; }
}
using alias = Upper;
using Alias2 = lowerConst;
const lowerConst :Int32 = 2;
interface Iface { Method @0 (); }
annotation Ann(*) :Void;
