#!/usr/bin/env bash
# Fetches the source trees of the real-world survey (docs/real-world-schemas.md) into SRC, each
# at the commit the survey used, for survey.sh SRC. Needs git and network access; the official
# Cap'n Proto 0.9.2 tree comes from Debian's source package (schema/tests/official/fetch.sh,
# which needs root for apt-get). Trees already in SRC are left as they are.
#   fetch.sh SRC
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
src="$(mkdir -p "$1" && cd "$1" && pwd)"

while read -r dir url commit; do
  [[ -d "$src/$dir" ]] && continue
  git init -q "$src/$dir"
  git -C "$src/$dir" fetch -q --depth 1 "$url" "$commit"
  git -C "$src/$dir" checkout -q FETCH_HEAD
  echo "$dir $(git -C "$src/$dir" rev-parse HEAD)"
done <<'EOF'
sandstorm https://github.com/sandstorm-io/sandstorm 231077a9e39637a1ee0a5ce4779f9f835dd6d459
workerd https://github.com/cloudflare/workerd 6552d999c79ef651b5463c6d692d065a8ce6f859
rr https://github.com/rr-debugger/rr 5c202cd8cb678b32107fa6aaf1c6108420bc53a8
go-capnp https://github.com/capnproto/go-capnp 5d74edb9db427bb8776c7da5d14c6dba314eb156
capnproto-rust https://github.com/capnproto/capnproto-rust b4050dc8fba019a67f989c33fd97ea3871f16574
cereal https://github.com/commaai/cereal 4ef85977a490274264fee5a9309634f1348a819b
bitcoin-capnp-types https://github.com/Sjors/bitcoin-capnp-types 3537e345b02caf593999e1e309abb0fcf13d3733
libmultiprocess https://github.com/bitcoin-core/libmultiprocess 67302cd132ade64ce28917988f2065e7d4c59437
pycapnp https://github.com/capnproto/pycapnp 8b56bb814098ea4edea9634e5c34e4f854766720
mas_capnproto_schemas https://github.com/zalf-rpm/mas_capnproto_schemas 4865925907e700395a0dfa977ca81d19195c7bcb
capnp-rpc https://github.com/mirage/capnp-rpc d9edc3b1f4e8e68e2e9c0a80555883c1390d76ee
capnproto-java https://github.com/capnproto/capnproto-java 1a0ac9d2e0e607ccae7ca83cb3aacce93b065dd7
haskell-capnp https://github.com/zenhack/haskell-capnp 15b89a2de4c5b897b35783ede25fa645d310e5a7
tempest https://github.com/zenhack/tempest fd1ce1af15453afdae57ae06d43b797dbf055dc8
seticore https://github.com/lacker/seticore 2e6781827ca78d9c1f3238fb101f956882df0c46
labone-python https://github.com/zhinst/labone-python 70bb3f1ae6e2bbf6eeaa7710d4ae04d6b5f7106d
EOF

# The official tree: schemas.txt names it capnproto-0.9.2/capnproto-c++-0.9.2/.
bash "$repo/schema/tests/official/fetch.sh" "$src/capnproto-0.9.2" > /dev/null
