//@ check-pass
// NLL problem case #3: a borrow returned on one path stays live on the other (accepted here: this file is checked with --polonius).
fn get_or_insert<'a>(list: &'a mut Vec<i32>, wanted: i32) -> &'a i32 {
    if let Some(found) = list.iter().find(|x| **x == wanted) {
        return found;
    }
    list.push(wanted);
    list.last().unwrap()
}

fn main() {
    let mut v = vec![1, 2];
    println!("{}", get_or_insert(&mut v, 3));
}
