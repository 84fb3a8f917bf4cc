//! carsales: the client sends a parking lot of up to 199 random cars, the server sums what
//! they are worth, and the client compares the sum with its own.

use capnzero::{Builder, MessageBuilder, Reader};

use crate::common::FastRand;
use crate::harness::{root, BenchError, TestCase};

mod schema {
    capnzero::capnp_schema!("schemas/carsales.capnp");
}

use schema::{CarBuilder, CarReader, Color, ParkingLot, TotalValue};

const MAKES: [&str; 5] = ["Toyota", "GM", "Ford", "Honda", "Tesla"];
const MODELS: [&str; 6] = ["Camry", "Prius", "Volt", "Accord", "Leaf", "Model S"];

/// What a car is worth: the benchmark's made-up price list.
pub fn car_value(car: CarReader<'_>) -> u64 {
    let mut value = u64::from(car.seats()) * 200 + u64::from(car.doors()) * 350;
    for wheel in car.get_wheels() {
        let diameter = u64::from(wheel.diameter());
        value += diameter * diameter + if wheel.snow_tires() { 100 } else { 0 };
    }
    value += u64::from(car.length()) * u64::from(car.width()) * u64::from(car.height()) / 50;
    let engine = car.get_engine();
    value += u64::from(engine.horsepower()) * 40;
    if engine.uses_electric() {
        value += if engine.uses_gas() { 5000 } else { 3000 };
    }
    let extras = [
        (car.has_power_windows(), 100),
        (car.has_power_steering(), 200),
        (car.has_cruise_control(), 400),
        (car.has_nav_system(), 2000),
    ];
    value += extras.iter().filter(|(has, _)| *has).map(|(_, price)| price).sum::<u64>();
    value + u64::from(car.cup_holders()) * 25
}

/// Fills `car` with random values, drawn in the reference's order.
fn random_car(rng: &mut FastRand, mut car: CarBuilder<'_>) -> Result<(), BenchError> {
    car.set_make(MAKES[rng.next_less_than(MAKES.len() as u32) as usize])?;
    car.set_model(MODELS[rng.next_less_than(MODELS.len() as u32) as usize])?;
    car.set_color(Color::from_u16(rng.next_less_than(Color::Silver.to_u16() as u32 + 1) as u16));
    car.set_seats(2 + rng.next_less_than(6) as u8);
    car.set_doors(2 + rng.next_less_than(3) as u8);
    {
        let mut wheels = car.init_wheels(4)?;
        for i in 0..wheels.len() {
            let mut wheel = wheels.get(i)?;
            wheel.set_diameter(25 + rng.next_less_than(15) as u16);
            wheel.set_air_pressure((30.0 + rng.next_double(20.0)) as f32);
            wheel.set_snow_tires(rng.next_less_than(16) == 0);
        }
    }
    let length = 170 + rng.next_less_than(150) as u16;
    let width = 48 + rng.next_less_than(36) as u16;
    let height = 54 + rng.next_less_than(48) as u16;
    car.set_length(length);
    car.set_width(width);
    car.set_height(height);
    car.set_weight(u32::from(length) * u32::from(width) * u32::from(height) / 200);
    {
        let mut engine = car.init_engine()?;
        engine.set_horsepower(100 * rng.next_less_than(400) as u16);
        engine.set_cylinders(4 + 2 * rng.next_less_than(3) as u8);
        engine.set_cc(800 + rng.next_less_than(10000));
        engine.set_uses_gas(true);
        engine.set_uses_electric(rng.next_bool());
    }
    let fuel_capacity = (10.0 + rng.next_double(30.0)) as f32;
    car.set_fuel_capacity(fuel_capacity);
    car.set_fuel_level(rng.next_double(f64::from(fuel_capacity)) as f32);
    car.set_has_power_windows(rng.next_bool());
    car.set_has_power_steering(rng.next_bool());
    car.set_has_cruise_control(rng.next_bool());
    car.set_cup_holders(rng.next_less_than(12) as u8);
    car.set_has_nav_system(rng.next_bool());
    Ok(())
}

pub struct CarSales;

impl TestCase for CarSales {
    type Request = ParkingLot;
    type Response = TotalValue;
    type Expectation = u64;

    /// The reference prices each car through its builder as soon as it is built; capnzero's
    /// builders have no getters, so the finished lot is read back once instead: the same
    /// reads, and the same pricing code as the server's.
    fn setup_request(&self, rng: &mut FastRand, message: &mut MessageBuilder) -> Result<u64, BenchError> {
        {
            let mut lot = capnzero::init_root::<ParkingLot>(message);
            let mut cars = lot.init_cars(rng.next_less_than(200))?;
            for i in 0..cars.len() {
                random_car(rng, cars.get(i)?)?;
            }
        }
        let built = message.as_reader();
        Ok(root::<ParkingLot>(&built)?.get_cars().iter().map(car_value).sum())
    }

    fn handle_request(
        &self,
        request: Reader<'_, ParkingLot>,
        mut response: Builder<'_, TotalValue>,
    ) -> Result<(), BenchError> {
        response.set_amount(request.get_cars().iter().map(car_value).sum());
        Ok(())
    }

    fn check_response(&self, response: Reader<'_, TotalValue>, expected: u64) -> Result<(), String> {
        match response.amount() {
            amount if amount == expected => Ok(()),
            amount => Err(format!("carsales: the lot is worth {expected}, the server says {amount}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::schema::{Car, Engine, Wheel};
    use super::*;

    fn wheel(diameter: u16, snow_tires: bool) -> Wheel {
        Wheel { diameter, air_pressure: 32.0, snow_tires }
    }

    /// A hybrid with every extra, and a bare electric car.
    fn lot() -> ParkingLot {
        let hybrid = Car {
            make: Some("Toyota".into()),
            model: Some("Prius".into()),
            color: Color::Silver,
            seats: 5,
            doors: 4,
            wheels: Some(vec![wheel(30, false), wheel(30, false), wheel(30, true), wheel(30, true)]),
            length: 180,
            width: 70,
            height: 60,
            engine: Some(Engine { horsepower: 200, cylinders: 4, cc: 1800, uses_gas: true, uses_electric: true }),
            has_power_windows: true,
            has_power_steering: true,
            has_cruise_control: true,
            cup_holders: 4,
            has_nav_system: true,
            ..Default::default()
        };
        let electric = Car {
            seats: 2,
            doors: 2,
            wheels: Some(vec![wheel(25, false); 4]),
            length: 170,
            width: 50,
            height: 55,
            engine: Some(Engine { horsepower: 100, uses_electric: true, ..Default::default() }),
            ..Default::default()
        };
        ParkingLot { cars: Some(vec![hybrid, electric]) }
    }

    // hybrid: 5*200 + 4*350 + 4*900 + 2*100 + 180*70*60/50 + 200*40 + 5000 + 100 + 200 + 400 + 2000 + 4*25
    //       = 1000 + 1400 + 3600 + 200 + 15120 + 8000 + 5000 + 2700 + 100 = 37120
    // electric: 2*200 + 2*350 + 4*625 + 170*50*55/50 + 100*40 + 3000 = 400 + 700 + 2500 + 9350 + 4000 + 3000 = 19950
    const LOT_VALUE: u64 = 37120 + 19950;

    #[test]
    fn the_server_prices_a_hand_made_lot() {
        let bytes = capnzero::to_bytes(&lot()).unwrap();
        let request = capnzero::read::<ParkingLot>(&bytes).unwrap();
        let mut response = MessageBuilder::default();
        CarSales.handle_request(request.root(), capnzero::init_root::<TotalValue>(&mut response)).unwrap();
        let answer = response.as_reader();
        let total = root::<TotalValue>(&answer).unwrap();
        assert_eq!(total.amount(), LOT_VALUE);
        assert_eq!(CarSales.check_response(total, LOT_VALUE), Ok(()));
        assert!(CarSales.check_response(total, LOT_VALUE + 1).is_err());
    }

    #[test]
    fn a_lot_without_cars_is_worth_nothing() {
        let bytes = capnzero::to_bytes(&ParkingLot::default()).unwrap();
        let request = capnzero::read::<ParkingLot>(&bytes).unwrap();
        let mut response = MessageBuilder::default();
        CarSales.handle_request(request.root(), capnzero::init_root::<TotalValue>(&mut response)).unwrap();
        assert_eq!(root::<TotalValue>(&response.as_reader()).unwrap().amount(), 0);
    }

    #[test]
    fn random_cars_stay_in_their_ranges() {
        let mut rng = FastRand::new();
        let mut message = MessageBuilder::default();
        let expected = CarSales.setup_request(&mut rng, &mut message).unwrap();
        let built = message.as_reader();
        let cars = root::<ParkingLot>(&built).unwrap().get_cars();
        assert!(cars.len() < 200);
        assert_eq!(cars.iter().map(car_value).sum::<u64>(), expected);
        for car in cars {
            assert!(MAKES.contains(&car.get_make()) && MODELS.contains(&car.get_model()));
            assert!(!matches!(car.color(), Color::Unknown(_)));
            assert!((2..8).contains(&car.seats()) && (2..5).contains(&car.doors()));
            assert_eq!(car.get_wheels().len(), 4);
            assert!(car.get_wheels().iter().all(|w| (25..40).contains(&w.diameter())));
            let volume = u32::from(car.length()) * u32::from(car.width()) * u32::from(car.height());
            assert_eq!(car.weight(), volume / 200);
            assert!(car.get_engine().uses_gas() && car.get_engine().horsepower() % 100 == 0);
            assert!(car.fuel_level() <= car.fuel_capacity() && car.cup_holders() < 12);
        }
    }
}
