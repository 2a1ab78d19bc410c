//@ run-pass
//@ features: vec, shared-borrow
// A method called on what a pending projection resolves to (`<usize as SliceIndex<[i32]>>::Output`), even after a literal argument made it `{integer}`
fn main() {
    let v: Vec<i32> = vec![1, 2];
    let a = (*v.get(4).unwrap_or(&-1)).pow(2);
    let b = v.get(4).copied().unwrap_or(-1).abs();
    let r: &i32 = &-1;
    let c = (*v.get(0).unwrap_or(&1)).signum();
    println!("{} {} {} {}", a, b, r, c);
}
