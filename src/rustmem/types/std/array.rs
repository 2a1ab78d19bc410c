//! std::array — the inherent methods and trait impls of `[T; N]`, and its owning iterator.
//! Method calls on an array also find the slice methods (`len`, `iter`, `contains` ...):
//! method lookup unsizes `[T; N]` to `[T]` as its last step, as rustc's does.

use std::cmp::Ordering;
use std::fmt::{self, Debug, Formatter};
use std::mem::MaybeUninit;
use std::ops::{Index, IndexMut, Range};
use std::slice::SliceIndex;

impl<T, const N: usize> [T; N] {
    pub fn map<F: FnMut(T) -> U, U>(self, f: F) -> [U; N];
    pub fn as_slice(&self) -> &[T];
    pub fn as_mut_slice(&mut self) -> &mut [T];
    pub fn each_ref(&self) -> [&T; N];
    pub fn each_mut(&mut self) -> [&mut T; N];
}

/// `[f(0), f(1), ...]`
pub fn from_fn<T, const N: usize, F: FnMut(usize) -> T>(cb: F) -> [T; N];

impl<T: Copy, const N: usize> Copy for [T; N] {}
impl<T: Clone, const N: usize> Clone for [T; N] {
    fn clone(&self) -> Self;
}
impl<T, U, const N: usize> PartialEq<[U; N]> for [T; N]
where
    T: PartialEq<U>,
{
    fn eq(&self, other: &[U; N]) -> bool;
}
impl<T, U, const N: usize> PartialEq<[U]> for [T; N]
where
    T: PartialEq<U>,
{
    fn eq(&self, other: &[U]) -> bool;
}
impl<T, U, const N: usize> PartialEq<&[U]> for [T; N]
where
    T: PartialEq<U>,
{
    fn eq(&self, other: &&[U]) -> bool;
}
impl<T, U, const N: usize> PartialEq<[U; N]> for [T]
where
    T: PartialEq<U>,
{
    fn eq(&self, other: &[U; N]) -> bool;
}
impl<T, U, const N: usize> PartialEq<[U; N]> for &[T]
where
    T: PartialEq<U>,
{
    fn eq(&self, other: &[U; N]) -> bool;
}
impl<T: Eq, const N: usize> Eq for [T; N] {}
impl<T: PartialOrd, const N: usize> PartialOrd for [T; N] {
    fn partial_cmp(&self, other: &[T; N]) -> Option<Ordering>;
}
impl<T: Ord, const N: usize> Ord for [T; N] {
    fn cmp(&self, other: &[T; N]) -> Ordering;
}
impl<T: std::hash::Hash, const N: usize> std::hash::Hash for [T; N] {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H);
}
impl<T: Debug, const N: usize> Debug for [T; N] {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result;
}
impl<T: Default, const N: usize> Default for [T; N] {
    fn default() -> [T; N];
}
impl<T, const N: usize> AsRef<[T]> for [T; N] {
    fn as_ref(&self) -> &[T];
}
impl<T, const N: usize> AsMut<[T]> for [T; N] {
    fn as_mut(&mut self) -> &mut [T];
}
impl<T, const N: usize> std::borrow::Borrow<[T]> for [T; N] {
    fn borrow(&self) -> &[T];
}

impl<T, I, const N: usize> Index<I> for [T; N]
where
    [T]: Index<I>,
{
    type Output = <[T] as Index<I>>::Output;
    fn index(&self, index: I) -> &Self::Output;
}
impl<T, I, const N: usize> IndexMut<I> for [T; N]
where
    [T]: IndexMut<I>,
{
    fn index_mut(&mut self, index: I) -> &mut Self::Output;
}

impl<T, const N: usize> IntoIterator for [T; N] {
    type Item = T;
    type IntoIter = IntoIter<T, N>;
    fn into_iter(self) -> IntoIter<T, N>;
}
impl<'a, T, const N: usize> IntoIterator for &'a [T; N] {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> std::slice::Iter<'a, T>;
}
impl<'a, T, const N: usize> IntoIterator for &'a mut [T; N] {
    type Item = &'a mut T;
    type IntoIter = std::slice::IterMut<'a, T>;
    fn into_iter(self) -> std::slice::IterMut<'a, T>;
}

/// The elements of a consumed array; `alive` are those not yet yielded.
pub struct IntoIter<T, const N: usize> {
    data: [MaybeUninit<T>; N],
    alive: Range<usize>,
}

impl<T, const N: usize> IntoIter<T, N> {
    pub fn as_slice(&self) -> &[T];
}
impl<T, const N: usize> Iterator for IntoIter<T, N> {
    type Item = T;
    fn next(&mut self) -> Option<T>;
}
impl<T, const N: usize> DoubleEndedIterator for IntoIter<T, N> {
    fn next_back(&mut self) -> Option<T>;
}
impl<T, const N: usize> ExactSizeIterator for IntoIter<T, N> {}
// Drops the elements not yet yielded.
impl<T, const N: usize> Drop for IntoIter<T, N> {
    fn drop(&mut self);
}
impl<T: Clone, const N: usize> Clone for IntoIter<T, N> {
    fn clone(&self) -> Self;
}
impl<T: Debug, const N: usize> Debug for IntoIter<T, N> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result;
}
