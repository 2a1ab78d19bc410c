//@ check-fail
struct Pair {
    left: String,
    right: String,
}

fn main() {
    let p = Pair { left: String::from("l"), right: String::from("r") };
    let l = p.left;
    println!("{} {}", l, p.right);
    let q = p; //~ ERROR E0382
    println!("{}", q.right);
}
