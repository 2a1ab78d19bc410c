//@ run-pass
// Box::leak and String::leak keep their blocks (and what they own) alive on purpose: no leak report.
fn main() {
    let leaked: &'static mut Vec<String> = Box::leak(Box::new(vec![String::from("a")]));
    leaked.push(String::from("b"));
    let s: &'static str = String::from("forever").leak();
    println!("{:?} {}", leaked, s);
}
