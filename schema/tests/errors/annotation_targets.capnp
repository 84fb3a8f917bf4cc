@0xd1b6d6d0f7f3a01c;
annotation onStruct(struct) :Void;
annotation onField(field) :Text;
annotation anywhere(*) :Void;
struct Foo $onField("x") {
  a @0 :Int32 $onStruct;
  g :group $onStruct { b @1 :Int32; }
  u :union $onField("u") { c @2 :Int32; d @3 :Int32; }
}
enum E $onStruct { x @0 $onStruct; }
interface I $onStruct { m @0 (p :Int32 $onStruct) -> () $onStruct; }
const k :Int32 = 1 $onStruct;
annotation ann(*) :Void $onStruct;
struct Bar $Foo $onField $nothing {}
$onStruct;
