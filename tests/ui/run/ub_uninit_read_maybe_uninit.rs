//@ run-ub uninit-read
// A counter made with MaybeUninit is read before anything was written to it.
use std::mem::MaybeUninit;

fn main() {
    let slot = MaybeUninit::<u64>::uninit();
    let count = unsafe { slot.assume_init() }; //~ UB uninit-read
    println!("{}", count + 1);
}
