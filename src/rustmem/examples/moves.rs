//@ run-pass
// A move: assigning or passing a `String` hands its heap block to the new owner. The old
// variable is not a second owner; it simply cannot be used any more.
struct Letter {
    to: String,
    body: String,
}

fn shout(mut text: String) -> String {
    text.push('!');
    text // ownership goes back to the caller
}

fn main() {
    let word = String::from("move");
    let louder = shout(word); // `word` moved into `shout`, the result moved into `louder`
    println!("{}", louder);

    let to = String::from("Ferris");
    let letter = Letter { to, body: louder }; // both strings now belong to `letter`
    println!("to {}: {}", letter.to, letter.body);

    let n = 5;
    let m = n; // an integer is `Copy`: both stay usable
    println!("{} {}", n, m);
}
