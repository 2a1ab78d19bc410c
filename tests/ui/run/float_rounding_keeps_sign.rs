//@ run-pass
//@ features: for-iter
// floor/ceil/round/trunc/fract keep the sign of zero and round exactly, as Rust does
fn main() {
    let xs = [-0.0f64, -0.5, 0.5, -0.4, 0.49999999999999994, 2.5, -2.5, 1e300, -1.5];
    for x in xs.iter() {
        println!("{} {} {} {} {}", x.floor(), x.ceil(), x.round(), x.trunc(), x.fract());
    }
    let y = -0.3f32;
    println!("{} {} {}", y.floor(), y.ceil(), y.round());
}
