//@ check-fail
struct Writer<'a> {
    out: &'a mut String,
}

impl<'a> Drop for Writer<'a> {
    fn drop(&mut self) {
        self.out.push('.');
    }
}

fn finish<'a>(w: Writer<'a>) -> &'a mut String {
    let out = &mut *w.out; //~ ERROR E0713
    out
}

fn keep(x: &i32, store: &mut Vec<&'static i32>) {
    store.push(x); //~ ERROR E0521
}

fn main() {
    let mut s = String::new();
    let w = Writer { out: &mut s };
    finish(w).push('!');
    let mut v = Vec::new();
    let n = 1;
    keep(&n, &mut v);
    let mut items = vec![1, 2];
    let mut get = || &mut items; //~ ERROR captured variable cannot escape `FnMut` closure body
    get().push(3);
}
