//@ run-pass
fn main() {
    let words = vec!["stack", "heap", "borrow", "move", "drop"];
    let long: Vec<String> = words.iter().filter(|w| w.len() > 4).map(|w| w.to_uppercase()).collect();
    println!("{:?}", long);
    let mut count = 0;
    let mut bump = |by: i32| count += by;
    bump(2);
    bump(3);
    println!("count {}", count);
    for (i, w) in words.iter().enumerate().skip(1).take(2) {
        println!("{}: {}", i, w);
    }
    let total: usize = words.iter().map(|w| w.len()).sum();
    let longest = words.iter().max_by_key(|w| w.len()).unwrap();
    println!("total {} longest {} any_m {}", total, longest, words.iter().any(|w| w.starts_with('m')));
    let squares: Vec<i32> = (1..=5).rev().map(|x| x * x).collect();
    println!("{:?} {:?}", squares, words.iter().position(|&w| w == "move"));
}
