fn main() {
    let total: i32 = [Some(1), None].iter().flatten().sum();
}
