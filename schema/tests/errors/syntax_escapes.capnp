@0xd1b6d6d0f7f3a00e;
const a :Text = "bad \q escape";
