fn make() -> Box<dyn Fn() -> i32> {
    let x = 5;
    Box::new(|| x + 1)
}
fn spawn<F: FnOnce() + 'static>(f: F) { f() }
fn main() {
    let v = vec![1];
    spawn(|| {
        println!("{:?}", v);
    });
    make();
}
