@0xd1b6d6d0f7f3a009;
annotation a(bogus, *) :Void;
annotation b(struct, struct) :Void;
annotation c(field, *, enum) :Void;
