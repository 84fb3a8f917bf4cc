#!/bin/sh
# Regenerates the messages the official tool writes from the text fixtures beside this script.
set -e
cd "$(dirname "$0")"
capnp encode slice.capnp Everything < everything.txt > everything.bin
capnp encode slice.capnp Shape < shape_rect.txt > shape_rect.bin
