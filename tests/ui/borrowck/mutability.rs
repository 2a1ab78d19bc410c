//@ check-fail
struct Counter {
    hits: u32,
}

fn touch(c: &Counter) {
    c.hits += 1; //~ ERROR E0594
}

fn main() {
    let total = 0;
    total = 5; //~ ERROR E0384
    let items = Vec::new();
    items.push(total); //~ ERROR E0596
    let c = Counter { hits: 0 };
    touch(&c);
    println!("{:?} {}", items, c.hits);
}
