@0xd1b6d6d0f7f3a00b;
const a :List(Int32) = [1, , 2];
const b :List(Int32) = [1, 2,];
const c :List(Int32) = [,];
