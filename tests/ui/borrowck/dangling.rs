//@ check-fail
fn make() -> String {
    String::from("  padded  ")
}

fn main() {
    let outer: &String;
    {
        let inner = String::from("inner");
        outer = &inner; //~ ERROR E0597
    }
    println!("{}", outer);
    let t = make().trim(); //~ ERROR E0716
    println!("{}", t);
}
