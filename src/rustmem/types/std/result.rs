//! std::result — Result, its methods, its iterators and trait impls.

use std::fmt::{Debug, Formatter};
use std::ops::Deref;

#[lang = "Result"]
#[must_use]
pub enum Result<T, E> {
    Ok(T),
    Err(E),
}

impl<T, E> Result<T, E> {
    pub fn is_ok(&self) -> bool;
    pub fn is_ok_and(self, f: impl FnOnce(T) -> bool) -> bool;
    pub fn is_err(&self) -> bool;
    pub fn is_err_and(self, f: impl FnOnce(E) -> bool) -> bool;
    pub fn ok(self) -> Option<T>;
    pub fn err(self) -> Option<E>;
    pub fn as_ref(&self) -> Result<&T, &E>;
    pub fn as_mut(&mut self) -> Result<&mut T, &mut E>;
    pub fn map<U, F: FnOnce(T) -> U>(self, op: F) -> Result<U, E>;
    pub fn map_or<U, F: FnOnce(T) -> U>(self, default: U, f: F) -> U;
    pub fn map_or_else<U, D: FnOnce(E) -> U, F: FnOnce(T) -> U>(self, default: D, f: F) -> U;
    pub fn map_err<F, O: FnOnce(E) -> F>(self, op: O) -> Result<T, F>;
    pub fn inspect<F: FnOnce(&T)>(self, f: F) -> Self;
    pub fn inspect_err<F: FnOnce(&E)>(self, f: F) -> Self;
    pub fn as_deref(&self) -> Result<&T::Target, &E>
    where
        T: Deref;
    pub fn iter(&self) -> Iter<'_, T>;
    pub fn iter_mut(&mut self) -> IterMut<'_, T>;
    pub fn expect(self, msg: &str) -> T
    where
        E: Debug;
    pub fn unwrap(self) -> T
    where
        E: Debug;
    pub fn unwrap_or_default(self) -> T
    where
        T: Default;
    pub fn expect_err(self, msg: &str) -> E
    where
        T: Debug;
    pub fn unwrap_err(self) -> E
    where
        T: Debug;
    pub fn and<U>(self, res: Result<U, E>) -> Result<U, E>;
    pub fn and_then<U, F: FnOnce(T) -> Result<U, E>>(self, op: F) -> Result<U, E>;
    pub fn or<F>(self, res: Result<T, F>) -> Result<T, F>;
    pub fn or_else<F, O: FnOnce(E) -> Result<T, F>>(self, op: O) -> Result<T, F>;
    pub fn unwrap_or(self, default: T) -> T;
    pub fn unwrap_or_else<F: FnOnce(E) -> T>(self, op: F) -> T;
    pub unsafe fn unwrap_unchecked(self) -> T;
}

impl<T, E> Result<&T, E> {
    pub fn copied(self) -> Result<T, E>
    where
        T: Copy;
    pub fn cloned(self) -> Result<T, E>
    where
        T: Clone;
}

impl<T, E> Result<Option<T>, E> {
    pub fn transpose(self) -> Option<Result<T, E>>;
}

impl<T: Copy, E: Copy> Copy for Result<T, E> {}

impl<T: Clone, E: Clone> Clone for Result<T, E> {
    fn clone(&self) -> Self;
}
impl<T: PartialEq, E: PartialEq> PartialEq for Result<T, E> {
    fn eq(&self, other: &Result<T, E>) -> bool;
}
impl<T: Eq, E: Eq> Eq for Result<T, E> {}
impl<T: PartialOrd, E: PartialOrd> PartialOrd for Result<T, E> {
    fn partial_cmp(&self, other: &Result<T, E>) -> Option<std::cmp::Ordering>;
}
impl<T: Ord, E: Ord> Ord for Result<T, E> {
    fn cmp(&self, other: &Result<T, E>) -> std::cmp::Ordering;
}
impl<T: std::hash::Hash, E: std::hash::Hash> std::hash::Hash for Result<T, E> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H);
}
impl<T: Debug, E: Debug> Debug for Result<T, E> {
    fn fmt(&self, f: &mut Formatter<'_>) -> std::fmt::Result;
}

// ------------------------------------------------------------ iteration

pub struct Iter<'a, T: 'a> {
    inner: Option<&'a T>,
}
impl<'a, T> Iterator for Iter<'a, T> {
    type Item = &'a T;
    fn next(&mut self) -> Option<&'a T>;
}

pub struct IterMut<'a, T: 'a> {
    inner: Option<&'a mut T>,
}
impl<'a, T> Iterator for IterMut<'a, T> {
    type Item = &'a mut T;
    fn next(&mut self) -> Option<&'a mut T>;
}

#[derive(Clone, Debug)]
pub struct IntoIter<T> {
    inner: Option<T>,
}
impl<T> Iterator for IntoIter<T> {
    type Item = T;
    fn next(&mut self) -> Option<T>;
}

impl<T, E> IntoIterator for Result<T, E> {
    type Item = T;
    type IntoIter = IntoIter<T>;
    fn into_iter(self) -> IntoIter<T>;
}
impl<'a, T, E> IntoIterator for &'a Result<T, E> {
    type Item = &'a T;
    type IntoIter = Iter<'a, T>;
    fn into_iter(self) -> Iter<'a, T>;
}
impl<'a, T, E> IntoIterator for &'a mut Result<T, E> {
    type Item = &'a mut T;
    type IntoIter = IterMut<'a, T>;
    fn into_iter(self) -> IterMut<'a, T>;
}

// `iter.collect::<Result<Vec<_>, _>>()` stops at the first Err.
impl<A, E, V: FromIterator<A>> FromIterator<Result<A, E>> for Result<V, E> {
    fn from_iter<I: IntoIterator<Item = Result<A, E>>>(iter: I) -> Result<V, E>;
}
impl<T, U, E> std::iter::Sum<Result<U, E>> for Result<T, E>
where
    T: std::iter::Sum<U>,
{
    fn sum<I: Iterator<Item = Result<U, E>>>(iter: I) -> Result<T, E>;
}
