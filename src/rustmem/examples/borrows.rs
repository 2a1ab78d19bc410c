//@ run-pass
// A borrow: `&` lets many readers look at a value, `&mut` lets one writer change it, and a
// borrow lasts only until its last use, so the owner can use the value again afterwards.
fn longest_word(text: &str) -> &str {
    let mut best = "";
    for word in text.split(' ') {
        if word.len() > best.len() {
            best = word;
        }
    }
    best
}

fn append_total(values: &mut Vec<i32>) {
    let total: i32 = values.iter().sum();
    values.push(total);
}

fn main() {
    let sentence = String::from("borrowing never copies the text");
    let longest = longest_word(&sentence);
    println!("longest word: {}", longest);

    let mut values = vec![1, 2, 3];
    let first = &values[0];
    println!("first before: {}", first); // the last use of `first`: the shared borrow ends
    append_total(&mut values); // so a mutable borrow is allowed here
    println!("values after: {:?}", values);
}
