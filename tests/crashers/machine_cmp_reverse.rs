fn main() {
    println!("{}", std::cmp::Reverse(1) < std::cmp::Reverse(2));
}
