@0xd1b6d6d0f7f3a032;
# Defaults of a method's implicit parameters: in a generic interface they cannot be
# interpreted; in one that is not generic the official compiler cannot even load their type
# (it reads nothing more once an error was reported).
interface I(T) {
  m @0 (x :T = 5) -> ();
  n @1 [U] (y :U = 5, z :Text = 5) -> (w :U = "s");
}
interface J {
  m @0 [U] (y :U = 5, z :Text = 5) -> (w :List(Text) = [5]);
}
