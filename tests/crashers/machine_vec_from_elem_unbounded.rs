fn main() {
    let huge: Vec<u8> = vec![0; 1 << 40];
    println!("{}", huge.len());
}
