//! std::rc — Rc and Weak, single-threaded reference counting.

use std::cell::Cell;
use std::cmp::Ordering;
use std::fmt::{Debug, Display, Formatter, Pointer};
use std::ops::Deref;
use std::ptr::NonNull;

/// The heap block an Rc points to: the two counts, then the value.
#[repr(C)]
struct RcBox<T: ?Sized> {
    strong: Cell<usize>,
    weak: Cell<usize>,
    value: T,
}

#[lang = "Rc"]
pub struct Rc<T: ?Sized> {
    ptr: NonNull<RcBox<T>>,
}

#[lang = "Weak"]
pub struct Weak<T: ?Sized> {
    ptr: NonNull<RcBox<T>>,
}

impl<T> Rc<T> {
    pub fn new(value: T) -> Rc<T>;
    pub fn new_cyclic<F: FnOnce(&Weak<T>) -> T>(data_fn: F) -> Rc<T>;
    pub fn try_unwrap(this: Self) -> Result<T, Self>;
    pub fn into_inner(this: Self) -> Option<T>;
    pub fn unwrap_or_clone(this: Self) -> T
    where
        T: Clone;
}

impl<T: ?Sized> Rc<T> {
    pub fn into_raw(this: Self) -> *const T;
    pub unsafe fn from_raw(ptr: *const T) -> Self;
    pub fn as_ptr(this: &Self) -> *const T;
    pub fn downgrade(this: &Self) -> Weak<T>;
    pub fn weak_count(this: &Self) -> usize;
    pub fn strong_count(this: &Self) -> usize;
    pub fn get_mut(this: &mut Self) -> Option<&mut T>;
    pub fn ptr_eq(this: &Self, other: &Self) -> bool;
}

impl<T: Clone> Rc<T> {
    pub fn make_mut(this: &mut Self) -> &mut T;
}

impl<T: ?Sized> Clone for Rc<T> {
    fn clone(&self) -> Rc<T>;
}
impl<T: ?Sized> Deref for Rc<T> {
    type Target = T;
    fn deref(&self) -> &T;
}
// Decrements the strong count; at zero drops the value (and frees the block when no Weak is left).
impl<T: ?Sized> Drop for Rc<T> {
    fn drop(&mut self);
}
impl<T: Default> Default for Rc<T> {
    fn default() -> Rc<T>;
}
impl<T: ?Sized + PartialEq> PartialEq for Rc<T> {
    fn eq(&self, other: &Rc<T>) -> bool;
}
impl<T: ?Sized + Eq> Eq for Rc<T> {}
impl<T: ?Sized + PartialOrd> PartialOrd for Rc<T> {
    fn partial_cmp(&self, other: &Rc<T>) -> Option<Ordering>;
}
impl<T: ?Sized + Ord> Ord for Rc<T> {
    fn cmp(&self, other: &Rc<T>) -> Ordering;
}
impl<T: ?Sized + std::hash::Hash> std::hash::Hash for Rc<T> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H);
}
impl<T: ?Sized + Display> Display for Rc<T> {
    fn fmt(&self, f: &mut Formatter<'_>) -> std::fmt::Result;
}
impl<T: ?Sized + Debug> Debug for Rc<T> {
    fn fmt(&self, f: &mut Formatter<'_>) -> std::fmt::Result;
}
impl<T: ?Sized> Pointer for Rc<T> {
    fn fmt(&self, f: &mut Formatter<'_>) -> std::fmt::Result;
}
impl<T: ?Sized> AsRef<T> for Rc<T> {
    fn as_ref(&self) -> &T;
}
impl<T: ?Sized> std::borrow::Borrow<T> for Rc<T> {
    fn borrow(&self) -> &T;
}
impl<T> From<T> for Rc<T> {
    fn from(t: T) -> Rc<T>;
}
impl From<&str> for Rc<str> {
    fn from(v: &str) -> Rc<str>;
}
impl From<String> for Rc<str> {
    fn from(v: String) -> Rc<str>;
}
impl<T> From<Vec<T>> for Rc<[T]> {
    fn from(v: Vec<T>) -> Rc<[T]>;
}

impl<T> Weak<T> {
    pub fn new() -> Weak<T>;
}

impl<T: ?Sized> Weak<T> {
    pub fn upgrade(&self) -> Option<Rc<T>>;
    pub fn strong_count(&self) -> usize;
    pub fn weak_count(&self) -> usize;
    pub fn as_ptr(&self) -> *const T;
    pub fn ptr_eq(&self, other: &Self) -> bool;
}

impl<T: ?Sized> Clone for Weak<T> {
    fn clone(&self) -> Weak<T>;
}
// Decrements the weak count; frees the block when both counts are zero.
impl<T: ?Sized> Drop for Weak<T> {
    fn drop(&mut self);
}
impl<T> Default for Weak<T> {
    fn default() -> Weak<T>;
}
impl<T: ?Sized> Debug for Weak<T> {
    fn fmt(&self, f: &mut Formatter<'_>) -> std::fmt::Result;
}
