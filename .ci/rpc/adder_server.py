"""The Adder of tests/schemas/rpc_test.capnp served by pycapnp (the C++ implementation
underneath), for tests/rpc_interop.rs: `python adder_server.py` listens on a free port of
127.0.0.1 and prints `listening on 127.0.0.1:PORT`."""

import asyncio
import os

import capnp

schema = capnp.load(os.path.join(os.path.dirname(__file__), "../../tests/schemas/rpc_test.capnp"))

state = {"cancelled": 0, "live_counters": 0}


class CounterImpl(schema.Counter.Server):
    def __init__(self):
        self.value = 0
        state["live_counters"] += 1

    def __del__(self):
        state["live_counters"] -= 1

    async def next(self, **kwargs):
        self.value += 1
        return self.value - 1


class AdderImpl(schema.Adder.Server):
    async def add(self, a, b, **kwargs):
        return a + b

    async def getSelf(self, **kwargs):
        return self

    async def callBack(self, cb, x, **kwargs):
        return (await cb.call(x)).y + 1

    async def fail(self, kind, **kwargs):
        raise ValueError("failed as asked: " + kind)

    async def hang(self, **kwargs):
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            state["cancelled"] += 1
            raise

    async def counter(self, **kwargs):
        return CounterImpl()

    async def cancelled(self, **kwargs):
        return state["cancelled"]

    async def liveCounters(self, **kwargs):
        return state["live_counters"]


async def new_connection(stream):
    await capnp.TwoPartyServer(stream, bootstrap=AdderImpl()).on_disconnect()


async def main():
    server = await capnp.AsyncIoStream.create_server(new_connection, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print(f"listening on 127.0.0.1:{port}", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(capnp.run(main()))
