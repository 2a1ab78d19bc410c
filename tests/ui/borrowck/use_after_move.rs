//@ check-fail
fn consume(s: String) -> usize {
    s.len()
}

fn main() {
    let name = String::from("ferris");
    let n = consume(name);
    println!("{} {}", n, name); //~ ERROR E0382
}
