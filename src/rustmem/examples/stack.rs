//@ run-pass
// The stack: every call gets a frame for its locals, and the frame disappears when the call
// returns. Nothing here touches the heap: integers, arrays and small structs live in frames.
#[derive(Clone, Copy)]
struct Point {
    x: i32,
    y: i32,
}

fn manhattan(a: Point, b: Point) -> i32 {
    // `a` and `b` are copies of the caller's points, in this call's own frame.
    (a.x - b.x).abs() + (a.y - b.y).abs()
}

fn depth_sum(n: u32) -> u32 {
    // Each recursive call pushes one more frame holding its own `n`.
    if n == 0 { 0 } else { n + depth_sum(n - 1) }
}

fn main() {
    let origin = Point { x: 0, y: 0 };
    let target = Point { x: 3, y: -4 };
    let corners = [origin, target];
    println!("distance: {}", manhattan(corners[0], corners[1]));
    println!("sum of 1..=5 over 6 frames: {}", depth_sum(5));
    println!("origin is still usable: ({}, {})", origin.x, origin.y);
}
