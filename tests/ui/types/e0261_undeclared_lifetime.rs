//@ check-fail
// A lifetime must be declared by the item that uses it.
struct Named {
    text: &'a str, //~ ERROR E0261
}

fn echo(x: &'b str) -> &'b str { //~ ERROR E0261
    //~^ ERROR E0261
    x
}

struct Fine<'a> {
    text: &'a str,
}

impl<'a> Fine<'a> {
    fn get(&self) -> &'a str {
        self.text
    }
}

fn main() {
    let f = Fine { text: "x" };
    println!("{}", f.get());
}
