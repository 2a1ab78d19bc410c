//@ check-fail
fn main() {
    let words = vec![String::from("a"), String::from("b")];
    let mut all = Vec::new();
    for _ in 0..2 {
        all.push(words); //~ ERROR E0382
    }
    println!("{}", all.len());
}
