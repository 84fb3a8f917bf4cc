# Turns what `capnp encode` prints on stderr into one line per error, the form
# schema/tests/text_parse.rs writes capnzero's errors in:
#   LINE: START-END: MESSAGE   an error the tool locates (it goes on after it)
#   MESSAGE                    an error it does not locate (it goes on after it)
#   fatal: MESSAGE             an error it stops at ("*** Uncaught exception ***")
/^Exception description: / { desc = substr($0, 24); next }
/^Code location: \(capnp text input\):/ {
  sub(/^Code location: \(capnp text input\):/, "")
  print $0 ": " desc
  next
}
/^Code location: / { sub(/^expected [^;]*; /, "", desc); print desc; next }
/ failed: / { sub(/^.* failed: /, ""); sub(/^expected .*; /, ""); print "fatal: " $0; next }
