@0xa9e1c0d2b3f40516;
# Uses types of two imported files, one of which imports the other.

using Geometry = import "shapes/geometry.capnp";
using import "units.capnp".Unit;

struct Drawing {
  title @0 :Text;
  shapes @1 :List(Geometry.Shape);
  unit @2 :Unit;
  origin @3 :Geometry.Point;
}

const defaultUnit :Unit = millimetre;
