//@ check-fail
// A use after free, rejected: `report` borrows an element of `lines`, then `lines` is given
// to `drop`, which frees its buffer, and the borrow is used afterwards. In C this reads
// freed memory; here the borrow checker refuses the move while the borrow is alive.
fn main() {
    let lines = vec![String::from("first line"), String::from("second line")];
    let report = &lines[1];
    drop(lines); //~ ERROR E0505
    println!("{}", report);
}
