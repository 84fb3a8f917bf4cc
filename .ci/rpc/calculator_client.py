"""A calculator client in pycapnp (the C++ implementation underneath), the interop peer of
capnzero's calculator_server: runs the samples' five checks, pipelined, and prints PASS for
each. `python calculator_client.py HOST:PORT`."""

import asyncio
import os
import sys

import capnp

calc = capnp.load(os.path.join(os.path.dirname(__file__), "../../examples/calculator.capnp"))


class PowerFunction(calc.Calculator.Function.Server):
    async def call(self, params, _context, **kwargs):
        return params[0] ** params[1]


def check(name, got, expected):
    if got != expected:
        raise SystemExit(f"{name}: expected {expected}, got {got}")
    print(name + "... PASS", flush=True)


async def main(address):
    host, port = address.rsplit(":", 1)
    client = capnp.TwoPartyClient(await capnp.AsyncIoStream.create_connection(host=host, port=port))
    calculator = client.bootstrap().cast_as(calc.Calculator)

    value = calculator.evaluate({"literal": 123}).value
    check("Evaluating a literal", (await value.read()).value, 123)

    add = calculator.getOperator(op="add").func
    subtract = calculator.getOperator(op="subtract").func
    request = calculator.evaluate_request()
    sub_call = request.expression.init("call")
    sub_call.function = subtract
    sub_params = sub_call.init("params", 2)
    sub_params[1].literal = 67.0
    add_call = sub_params[0].init("call")
    add_call.function = add
    add_params = add_call.init("params", 2)
    add_params[0].literal = 123
    add_params[1].literal = 45
    check("Using add and subtract", (await request.send().value.read()).value, 101)

    multiply = calculator.getOperator(op="multiply").func
    request = calculator.evaluate_request()
    mul_call = request.expression.init("call")
    mul_call.function = multiply
    mul_params = mul_call.init("params", 2)
    mul_params[0].literal = 4
    mul_params[1].literal = 6
    product = request.send().value
    request = calculator.evaluate_request()
    add_call = request.expression.init("call")
    add_call.function = add
    add_params = add_call.init("params", 2)
    add_params[0].previousResult = product
    add_params[1].literal = 3
    check("Pipelining eval() calls", (await request.send().value.read()).value, 27)

    # f(x, y) = x * 100 + y
    request = calculator.defFunction_request()
    request.paramCount = 2
    add_call = request.body.init("call")
    add_call.function = add
    add_params = add_call.init("params", 2)
    add_params[1].parameter = 1
    mul_call = add_params[0].init("call")
    mul_call.function = multiply
    mul_params = mul_call.init("params", 2)
    mul_params[0].parameter = 0
    mul_params[1].literal = 100
    f = request.send().func
    # g(x) = f(x, x + 1) * 2
    request = calculator.defFunction_request()
    request.paramCount = 1
    mul_call = request.body.init("call")
    mul_call.function = multiply
    mul_params = mul_call.init("params", 2)
    mul_params[1].literal = 2
    f_call = mul_params[0].init("call")
    f_call.function = f
    f_params = f_call.init("params", 2)
    f_params[0].parameter = 0
    add_call = f_params[1].init("call")
    add_call.function = add
    add_params = add_call.init("params", 2)
    add_params[0].parameter = 0
    add_params[1].literal = 1
    g = request.send().func
    request = calculator.evaluate_request()
    f_call = request.expression.init("call")
    f_call.function = f
    f_params = f_call.init("params", 2)
    f_params[0].literal = 12
    f_params[1].literal = 34
    f_value = request.send().value.read()
    request = calculator.evaluate_request()
    g_call = request.expression.init("call")
    g_call.function = g
    g_call.init("params", 1)[0].literal = 21
    g_value = request.send().value.read()
    got = ((await f_value).value, (await g_value).value)
    if got != (1234, 4244):
        raise SystemExit(f"functions: got {got}")
    print("Defining functions... PASS", flush=True)

    request = calculator.evaluate_request()
    pow_call = request.expression.init("call")
    pow_call.function = PowerFunction()
    pow_params = pow_call.init("params", 2)
    pow_params[0].literal = 2
    add_call = pow_params[1].init("call")
    add_call.function = add
    add_params = add_call.init("params", 2)
    add_params[0].literal = 4
    add_params[1].literal = 5
    check("Using a callback", (await request.send().value.read()).value, 512)


if __name__ == "__main__":
    asyncio.run(capnp.run(main(sys.argv[1])))
