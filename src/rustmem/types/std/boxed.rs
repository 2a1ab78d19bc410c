//! std::boxed — Box, the owning pointer to one heap allocation.

use std::cmp::Ordering;
use std::fmt::{Debug, Display, Formatter, Pointer};
use std::ops::{Deref, DerefMut};
use std::ptr::NonNull;

#[lang = "Box"]
pub struct Box<T: ?Sized> {
    ptr: NonNull<T>,
}

impl<T> Box<T> {
    pub fn new(x: T) -> Box<T>;
}

impl<T: ?Sized> Box<T> {
    pub unsafe fn from_raw(raw: *mut T) -> Box<T>;
    pub fn into_raw(b: Box<T>) -> *mut T;
    pub fn leak<'a>(b: Box<T>) -> &'a mut T
    where
        T: 'a;
}

impl<T: ?Sized> Deref for Box<T> {
    type Target = T;
    fn deref(&self) -> &T;
}
impl<T: ?Sized> DerefMut for Box<T> {
    fn deref_mut(&mut self) -> &mut T;
}

// Frees the allocation once the contents have been dropped.
impl<T: ?Sized> Drop for Box<T> {
    fn drop(&mut self);
}

impl<T: Clone> Clone for Box<T> {
    fn clone(&self) -> Self;
}
impl Clone for Box<str> {
    fn clone(&self) -> Self;
}
impl<T: Clone> Clone for Box<[T]> {
    fn clone(&self) -> Self;
}
impl<T: Default> Default for Box<T> {
    fn default() -> Self;
}
impl<T: ?Sized + PartialEq> PartialEq for Box<T> {
    fn eq(&self, other: &Self) -> bool;
}
impl<T: ?Sized + Eq> Eq for Box<T> {}
impl<T: ?Sized + PartialOrd> PartialOrd for Box<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering>;
}
impl<T: ?Sized + Ord> Ord for Box<T> {
    fn cmp(&self, other: &Self) -> Ordering;
}
impl<T: ?Sized + std::hash::Hash> std::hash::Hash for Box<T> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H);
}
impl<T: ?Sized + Display> Display for Box<T> {
    fn fmt(&self, f: &mut Formatter<'_>) -> std::fmt::Result;
}
impl<T: ?Sized + Debug> Debug for Box<T> {
    fn fmt(&self, f: &mut Formatter<'_>) -> std::fmt::Result;
}
impl<T: ?Sized> Pointer for Box<T> {
    fn fmt(&self, f: &mut Formatter<'_>) -> std::fmt::Result;
}
impl<T: ?Sized> AsRef<T> for Box<T> {
    fn as_ref(&self) -> &T;
}
impl<T: ?Sized> AsMut<T> for Box<T> {
    fn as_mut(&mut self) -> &mut T;
}
impl<T: ?Sized> std::borrow::Borrow<T> for Box<T> {
    fn borrow(&self) -> &T;
}
impl<T> From<T> for Box<T> {
    fn from(t: T) -> Box<T>;
}
impl From<&str> for Box<str> {
    fn from(s: &str) -> Box<str>;
}
impl From<String> for Box<str> {
    fn from(s: String) -> Box<str>;
}
impl<T: Clone> From<&[T]> for Box<[T]> {
    fn from(slice: &[T]) -> Box<[T]>;
}
impl<T> From<Vec<T>> for Box<[T]> {
    fn from(v: Vec<T>) -> Box<[T]>;
}
impl<I: Iterator + ?Sized> Iterator for Box<I> {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item>;
}
impl<T> FromIterator<T> for Box<[T]> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Box<[T]>;
}
