"""A pycapnp client (the C++ implementation underneath) of capnzero's Adder server, for
tests/rpc_interop.rs: `python adder_client.py HOST:PORT` runs its checks (calls, pipelining,
capabilities both ways and their release, exceptions by type, cancellation) and exits 0 when
all pass, printing one line for each."""

import asyncio
import os
import sys

import capnp

schema = capnp.load(os.path.join(os.path.dirname(__file__), "../../tests/schemas/rpc_test.capnp"))

released = {"callback": False}


class CallbackImpl(schema.Callback.Server):
    def __del__(self):
        released["callback"] = True

    async def call(self, x, **kwargs):
        return x * 10


def check(name, got, expected):
    if got != expected:
        raise SystemExit(f"{name}: expected {expected!r}, got {got!r}")
    print(f"{name}: ok", flush=True)


async def eventually(name, probe):
    for _ in range(200):
        if await probe():
            print(f"{name}: ok", flush=True)
            return
        await asyncio.sleep(0.02)
    raise SystemExit(f"{name}: timed out")


async def main(address):
    host, port = address.rsplit(":", 1)
    client = capnp.TwoPartyClient(await capnp.AsyncIoStream.create_connection(host=host, port=port))
    adder = client.bootstrap().cast_as(schema.Adder)

    check("add", (await adder.add(2, 3)).sum, 5)
    # Pipelined: add() on the adder getSelf() will return, sent before it returns.
    check("pipelined add", (await adder.getSelf().adder.add(20, 22)).sum, 42)

    # A capability in the parameters, called back by the server, then released by it.
    check("callback", (await adder.callBack(CallbackImpl(), 4)).y, 41)
    await eventually("callback released by the server", lambda: asyncio.sleep(0, result=released["callback"]))

    # A capability in the results, kept by the server between calls, released when dropped.
    counter = (await adder.counter()).counter
    check("counter", [(await counter.next()).value for _ in range(3)], [0, 1, 2])
    check("live counters", (await adder.liveCounters()).count, 1)
    del counter

    async def no_counters():
        return (await adder.liveCounters()).count == 0

    await eventually("counter released by the client", no_counters)

    # Exceptions keep their types.
    for kind, expected in [("overloaded", "OVERLOADED"), ("disconnected", "DISCONNECTED"),
                           ("unimplemented", "UNIMPLEMENTED"), ("other", "FAILED")]:
        try:
            await adder.fail(kind)
            raise SystemExit(f"fail({kind}) did not fail")
        except capnp.KjException as e:
            check(f"exception {kind}", str(e.type), expected)

    # Cancelling a call drops it on the server.
    task = asyncio.ensure_future(adder.hang())
    await asyncio.sleep(0.2)
    task.cancel()

    async def one_cancelled():
        return (await adder.cancelled()).count == 1

    await eventually("hang cancelled", one_cancelled)
    print("all checks passed", flush=True)


if __name__ == "__main__":
    asyncio.run(capnp.run(main(sys.argv[1])))
