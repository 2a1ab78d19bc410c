//@ check-fail
// A closure stored first and passed later must already be of the kind the bound asks for;
// a type parameter has only the methods its bounds give it.
fn call_twice<F: Fn()>(f: F) {
    f();
    f();
}

fn dup<T>(t: T) -> T {
    t.clone() //~ ERROR E0599
}

fn main() {
    let s = String::from("x");
    let consume = move || drop(s); //~ ERROR E0525
    call_twice(consume);
    println!("{}", dup(1));
}
