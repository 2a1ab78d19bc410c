//@ run-pass
// The heap: `Box`, `Vec` and `String` keep a pointer on the stack and their contents on the
// heap. The owner frees the heap block when it goes out of scope, at the closing brace.
fn main() {
    let boxed = Box::new(41);
    println!("boxed value: {}", *boxed + 1);

    let mut squares = Vec::new();
    for i in 1..=4 {
        squares.push(i * i); // may move the buffer to a bigger heap block
    }
    println!("squares: {:?} (len {})", squares, squares.len());

    {
        let greeting = String::from("hello, heap");
        println!("{} ({} bytes)", greeting, greeting.len());
    } // `greeting`'s heap block is freed here

    let nested: Vec<Box<i32>> = vec![Box::new(1), Box::new(2)];
    let total: i32 = nested.iter().map(|b| **b).sum();
    println!("total of boxed numbers: {}", total);
} // `nested`, its two boxes, `squares` and `boxed` are freed here, in reverse order
