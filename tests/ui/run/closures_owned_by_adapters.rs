//@ run-pass
// Closures given to std functions are dropped when those are done with them: no leak.
fn main() {
    let tag = String::from("item-");
    let v: Vec<String> = (1..4).map(move |i| format!("{}{}", tag, i)).collect();
    println!("{:?}", v);
    let suffix = String::from("!");
    let w: Vec<String> = v.iter().map(|s| s.clone() + &suffix).collect();
    println!("{:?}", w);
    let owned = String::from("once");
    let f = move || owned.len();
    let n = Some(3).map(|x| x + f());
    println!("{:?}", n);
}
