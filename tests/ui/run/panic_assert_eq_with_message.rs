//@ run-panic
//@ features: vec, assert
// assert_eq! prints both sides and the message.
fn main() {
    let expected = vec![1, 2, 3];
    let got: Vec<i32> = (1..3).collect();
    assert_eq!(expected, got, "collected {} items", got.len()); //~ PANIC assertion `left == right` failed: collected 2 items
}
