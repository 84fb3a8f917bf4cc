//! eval: the client sends a random arithmetic expression tree (at most 9 levels deep) and
//! knows its value; the server evaluates the tree.

use capnzero::{Builder, MessageBuilder, Reader};

use crate::common::{div, modulus, FastRand};
use crate::harness::{BenchError, TestCase};

mod schema {
    capnzero::capnp_schema!("schemas/eval.capnp");
}

use schema::expression::{left, right};
use schema::{EvaluationResult, Expression, ExpressionBuilder, ExpressionReader, Operation};

/// The operation on two operands. Overflow wraps: the reference is built in release mode,
/// where `+`, `-` and `*` wrap, and its expected values are those.
fn apply(op: Operation, left: i32, right: i32) -> Result<i32, BenchError> {
    Ok(match op {
        Operation::Add => left.wrapping_add(right),
        Operation::Subtract => left.wrapping_sub(right),
        Operation::Multiply => left.wrapping_mul(right),
        Operation::Divide => div(left, right),
        Operation::Modulus => modulus(left, right),
        Operation::Unknown(_) => return Err(BenchError::Malformed("an expression with an unknown operation")),
    })
}

/// An operand: a literal from 1 to 128, or, less often the deeper the tree is, a subtree.
enum Operand {
    Literal(i32),
    Subtree,
}

fn random_operand(rng: &mut FastRand, depth: u32) -> Operand {
    if rng.next_less_than(8) < depth {
        Operand::Literal(rng.next_less_than(128) as i32 + 1)
    } else {
        Operand::Subtree
    }
}

/// Fills `expression` with a random tree and returns its value; the draws come in the
/// reference's order (operation, then the left operand's whole subtree, then the right's).
fn random_expression(rng: &mut FastRand, mut expression: ExpressionBuilder<'_>, depth: u32) -> Result<i32, BenchError> {
    let op = Operation::from_u16(rng.next_less_than(Operation::Modulus.to_u16() as u32 + 1) as u16);
    expression.set_op(op);
    let left = match random_operand(rng, depth) {
        Operand::Literal(value) => {
            expression.left().set_value(value);
            value
        }
        Operand::Subtree => random_expression(rng, expression.left().init_expression()?, depth + 1)?,
    };
    let right = match random_operand(rng, depth) {
        Operand::Literal(value) => {
            expression.right().set_value(value);
            value
        }
        Operand::Subtree => random_expression(rng, expression.right().init_expression()?, depth + 1)?,
    };
    apply(op, left, right)
}

/// The value of a tree. The nesting limit of the message bounds the recursion.
fn evaluate(expression: ExpressionReader<'_>) -> Result<i32, BenchError> {
    let left = match expression.left().which() {
        left::Which::Value(value) => value,
        left::Which::Expression(Some(subtree)) => evaluate(subtree)?,
        left::Which::Expression(None) => return Err(BenchError::Malformed("a left operand without its expression")),
        left::Which::Unknown(_) => return Err(BenchError::Malformed("a left operand of an unknown kind")),
    };
    let right = match expression.right().which() {
        right::Which::Value(value) => value,
        right::Which::Expression(Some(subtree)) => evaluate(subtree)?,
        right::Which::Expression(None) => return Err(BenchError::Malformed("a right operand without its expression")),
        right::Which::Unknown(_) => return Err(BenchError::Malformed("a right operand of an unknown kind")),
    };
    apply(expression.op(), left, right)
}

pub struct Eval;

impl TestCase for Eval {
    type Request = Expression;
    type Response = EvaluationResult;
    type Expectation = i32;

    fn setup_request(&self, rng: &mut FastRand, message: &mut MessageBuilder) -> Result<i32, BenchError> {
        random_expression(rng, capnzero::init_root::<Expression>(message), 0)
    }

    fn handle_request(
        &self,
        request: Reader<'_, Expression>,
        mut response: Builder<'_, EvaluationResult>,
    ) -> Result<(), BenchError> {
        response.set_value(evaluate(request)?);
        Ok(())
    }

    fn check_response(&self, response: Reader<'_, EvaluationResult>, expected: i32) -> Result<(), String> {
        match response.value() {
            value if value == expected => Ok(()),
            value => Err(format!("eval: the expression is worth {expected}, the server says {value}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::harness::root;

    fn literal(value: i32) -> (left::Union, right::Union) {
        (left::Union::Value(value), right::Union::Value(value))
    }

    fn node(op: Operation, l: left::Union, r: right::Union) -> Expression {
        Expression { op, left: schema::expression::Left { union: l }, right: schema::expression::Right { union: r } }
    }

    fn serve(request: &Expression) -> Result<i32, BenchError> {
        let bytes = capnzero::to_bytes(request).unwrap();
        let request = capnzero::read::<Expression>(&bytes).unwrap();
        let mut response = MessageBuilder::default();
        Eval.handle_request(request.root(), capnzero::init_root::<EvaluationResult>(&mut response))?;
        let answer = response.as_reader();
        Ok(root::<EvaluationResult>(&answer).unwrap().value())
    }

    #[test]
    fn the_server_evaluates_a_hand_made_tree() {
        // 7 * (10 - 4) = 42
        let difference = node(Operation::Subtract, literal(10).0, literal(4).1);
        let product = node(Operation::Multiply, literal(7).0, right::Union::Expression(Some(Box::new(difference))));
        assert_eq!(serve(&product).unwrap(), 42);

        // ((100 / 7) % 5) + (3 / 0) = (14 % 5) + MAX = 4 + MAX, which wraps
        let quotient = node(Operation::Divide, literal(100).0, literal(7).1);
        let remainder = node(Operation::Modulus, left::Union::Expression(Some(Box::new(quotient))), literal(5).1);
        let by_zero = node(Operation::Divide, literal(3).0, literal(0).1);
        let sum = node(
            Operation::Add,
            left::Union::Expression(Some(Box::new(remainder))),
            right::Union::Expression(Some(Box::new(by_zero))),
        );
        assert_eq!(serve(&sum).unwrap(), i32::MIN + 3);
    }

    #[test]
    fn a_missing_subtree_or_operation_is_an_error() {
        let hollow = node(Operation::Add, left::Union::Expression(None), literal(1).1);
        assert!(matches!(serve(&hollow), Err(BenchError::Malformed(_))));
        let unknown = node(Operation::Unknown(9), literal(1).0, literal(2).1);
        assert!(matches!(serve(&unknown), Err(BenchError::Malformed(_))));
    }

    #[test]
    fn the_expected_value_is_the_trees_value() {
        let mut rng = FastRand::new();
        for _ in 0..50 {
            let mut message = MessageBuilder::default();
            let expected = Eval.setup_request(&mut rng, &mut message).unwrap();
            let built = message.as_reader();
            assert_eq!(evaluate(root::<Expression>(&built).unwrap()).unwrap(), expected);
        }
    }

    #[test]
    fn the_check_compares_values() {
        let mut message = MessageBuilder::default();
        capnzero::init_root::<EvaluationResult>(&mut message).set_value(-5);
        let answer = message.as_reader();
        let response = root::<EvaluationResult>(&answer).unwrap();
        assert_eq!(Eval.check_response(response, -5), Ok(()));
        assert!(Eval.check_response(response, 5).is_err());
    }
}
