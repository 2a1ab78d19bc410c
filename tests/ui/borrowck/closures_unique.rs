//@ check-fail
fn spend(budget: &mut u32) {
    *budget -= 1;
}

fn two_closures(budget: &mut u32) {
    let mut a = || spend(budget);
    let mut b = || spend(budget); //~ ERROR E0524
    b();
    a();
}

fn closure_then_borrow(budget: &mut u32) {
    let mut a = || spend(budget);
    spend(budget); //~ ERROR E0501
    a();
}

fn borrow_then_closure(budget: &mut u32) {
    let seen = &budget;
    let mut a = || { //~ ERROR E0500
        *budget += 1;
    };
    println!("{}", seen);
    a();
}

fn main() {
    let mut b = 10;
    two_closures(&mut b);
    closure_then_borrow(&mut b);
    borrow_then_closure(&mut b);
}
