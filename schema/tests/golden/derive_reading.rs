/// A sensor reading: a plain struct with scalars, a default, a text, a list and fields naming an
/// enum and the struct itself.
#[derive(Clone, Debug, PartialEq, CapnpStruct)]
#[capnp(id = 0xc0ff_ee00_0000_0101)]
pub struct Reading {
    pub sensor: u32,
    pub value: f64,
    #[capnp(default = true)]
    pub valid: bool,
    pub note: String,
    pub history: Vec<f32>,
    #[capnp(enum)]
    pub unit: Unit,
    pub previous: Option<Box<Reading>>,
}
