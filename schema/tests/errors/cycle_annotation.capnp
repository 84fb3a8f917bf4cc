@0xd1b6d6d0f7f3a024;
annotation ann(annotation) :Int32 $ann(1);
annotation self(annotation) :Void $self;
struct Node {
  next @0 :Node = (next = (value = 1));
  value @1 :Int32;
}
