//@ run-panic
fn parse(s: &str) -> Result<i32, String> {
    if s.is_empty() {
        Err(String::from("empty"))
    } else {
        Ok(s.len() as i32)
    }
}

fn main() {
    println!("{}", parse("abc").unwrap());
    let n: Option<i32> = None;
    println!("{}", n.unwrap_or(7));
    parse("").expect("needs text"); //~ PANIC needs text: "empty"
}
