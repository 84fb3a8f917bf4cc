"""A calculator server in pycapnp (the C++ implementation underneath), the interop peer of
capnzero's calculator_client: `python calculator_server.py HOST:PORT`."""

import asyncio
import os
import sys

import capnp

calc = capnp.load(os.path.join(os.path.dirname(__file__), "../../examples/calculator.capnp"))


async def read_value(value):
    return (await value.read()).value


async def evaluate(expression, params=()):
    kind = expression.which()
    if kind == "literal":
        return expression.literal
    if kind == "previousResult":
        return await read_value(expression.previousResult)
    if kind == "parameter":
        return params[expression.parameter]
    if kind == "call":
        args = [await evaluate(p, params) for p in expression.call.params]
        return (await expression.call.function.call(args)).value
    raise ValueError("unknown expression kind " + kind)


class ValueImpl(calc.Calculator.Value.Server):
    def __init__(self, value):
        self.value = value

    async def read(self, **kwargs):
        return self.value


class FunctionImpl(calc.Calculator.Function.Server):
    def __init__(self, param_count, body):
        self.param_count = param_count
        self.body = body.as_builder()

    async def call(self, params, _context, **kwargs):
        if len(params) != self.param_count:
            raise ValueError("wrong number of parameters")
        return await evaluate(self.body, params)


class OperatorImpl(calc.Calculator.Function.Server):
    def __init__(self, op):
        self.op = op

    async def call(self, params, _context, **kwargs):
        a, b = params
        return {"add": a + b, "subtract": a - b, "multiply": a * b, "divide": a / b}[self.op]


class CalculatorImpl(calc.Calculator.Server):
    async def evaluate(self, expression, _context, **kwargs):
        return ValueImpl(await evaluate(expression))

    async def defFunction(self, paramCount, body, _context, **kwargs):
        return FunctionImpl(paramCount, body)

    async def getOperator(self, op, **kwargs):
        return OperatorImpl(op)


async def new_connection(stream):
    await capnp.TwoPartyServer(stream, bootstrap=CalculatorImpl()).on_disconnect()


async def main(address):
    host, port = address.rsplit(":", 1)
    server = await capnp.AsyncIoStream.create_server(new_connection, host, port)
    print("listening on", address, flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(capnp.run(main(sys.argv[1])))
