//@ check-fail
// Imports and paths that lead nowhere.
use std::collections::Missing; //~ ERROR E0432

fn main() {
    let v = Vector::new(); //~ ERROR E0433
}
