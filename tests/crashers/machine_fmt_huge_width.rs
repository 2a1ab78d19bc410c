fn main() {
    println!("{:>4294967296}", 1);
}
