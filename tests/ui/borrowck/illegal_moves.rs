//@ check-fail
struct Guard {
    name: String,
}

impl Drop for Guard {
    fn drop(&mut self) {
        println!("drop {}", self.name);
    }
}

fn main() {
    let v = vec![String::from("a")];
    let r = &v;
    let a = r[0]; //~ ERROR E0507
    let arr = [String::from("x"), String::from("y")];
    let b = arr[1]; //~ ERROR E0508
    let g = Guard { name: String::from("g") };
    let c = g.name; //~ ERROR E0509
    println!("{} {} {}", a, b, c);
}
