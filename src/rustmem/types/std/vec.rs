//! std::vec — Vec, its owning iterator IntoIter and Drain.
//! A Vec's slice methods (iter, first, get, sort, contains, join ...) come from
//! `impl<T> [T]` in slice.rs through `Deref<Target = [T]>`.

use std::cmp::Ordering;
use std::fmt::{Debug, Formatter};
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut, Index, IndexMut, RangeBounds};
use std::ptr::NonNull;
use std::slice::SliceIndex;

/// A growable array: `len` initialised elements in a heap buffer of `cap` elements.
#[lang = "Vec"]
pub struct Vec<T> {
    ptr: NonNull<T>,
    cap: Cap,
    len: usize,
}

/// A capacity, at most `isize::MAX`: the values above give enums holding a Vec or a String
/// their niche (`Option<Vec<T>>` and `enum { A(String), B(u32) }` are 24 bytes).
#[rustc_layout_scalar_valid_range_end(9223372036854775807)]
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Cap(usize);

impl<T> Vec<T> {
    pub fn new() -> Vec<T>;
    pub fn with_capacity(capacity: usize) -> Vec<T>;
    pub unsafe fn from_raw_parts(ptr: *mut T, length: usize, capacity: usize) -> Vec<T>;
    pub fn capacity(&self) -> usize;
    pub fn reserve(&mut self, additional: usize);
    pub fn reserve_exact(&mut self, additional: usize);
    pub fn shrink_to_fit(&mut self);
    pub fn into_boxed_slice(self) -> Box<[T]>;
    pub fn truncate(&mut self, len: usize);
    pub fn as_slice(&self) -> &[T];
    pub fn as_mut_slice(&mut self) -> &mut [T];
    pub fn as_ptr(&self) -> *const T;
    pub fn as_mut_ptr(&mut self) -> *mut T;
    pub unsafe fn set_len(&mut self, new_len: usize);
    pub fn swap_remove(&mut self, index: usize) -> T;
    pub fn insert(&mut self, index: usize, element: T);
    pub fn remove(&mut self, index: usize) -> T;
    pub fn retain<F: FnMut(&T) -> bool>(&mut self, f: F);
    pub fn retain_mut<F: FnMut(&mut T) -> bool>(&mut self, f: F);
    pub fn dedup_by_key<F, K>(&mut self, key: F)
    where
        F: FnMut(&mut T) -> K,
        K: PartialEq;
    pub fn dedup_by<F: FnMut(&mut T, &mut T) -> bool>(&mut self, same_bucket: F);
    pub fn push(&mut self, value: T);
    pub fn pop(&mut self) -> Option<T>;
    pub fn pop_if(&mut self, predicate: impl FnOnce(&mut T) -> bool) -> Option<T>;
    pub fn append(&mut self, other: &mut Vec<T>);
    pub fn drain<R: RangeBounds<usize>>(&mut self, range: R) -> Drain<'_, T>;
    pub fn clear(&mut self);
    pub fn len(&self) -> usize;
    pub fn is_empty(&self) -> bool;
    pub fn split_off(&mut self, at: usize) -> Vec<T>;
    pub fn resize_with<F: FnMut() -> T>(&mut self, new_len: usize, f: F);
    pub fn leak<'a>(self) -> &'a mut [T];
}

impl<T: Clone> Vec<T> {
    pub fn resize(&mut self, new_len: usize, value: T);
    pub fn extend_from_slice(&mut self, other: &[T]);
    pub fn extend_from_within<R: RangeBounds<usize>>(&mut self, src: R);
}

impl<T: PartialEq> Vec<T> {
    pub fn dedup(&mut self);
}

/// `vec![elem; n]`.
pub fn from_elem<T: Clone>(elem: T, n: usize) -> Vec<T>;

impl<T> Deref for Vec<T> {
    type Target = [T];
    fn deref(&self) -> &[T];
}
impl<T> DerefMut for Vec<T> {
    fn deref_mut(&mut self) -> &mut [T];
}

// Drops the elements, then frees the buffer.
impl<T> Drop for Vec<T> {
    fn drop(&mut self);
}

impl<T: Clone> Clone for Vec<T> {
    fn clone(&self) -> Vec<T>;
}
impl<T> Default for Vec<T> {
    fn default() -> Vec<T>;
}
impl<T: Debug> Debug for Vec<T> {
    fn fmt(&self, f: &mut Formatter<'_>) -> std::fmt::Result;
}
impl<T: std::hash::Hash> std::hash::Hash for Vec<T> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H);
}

impl<T, U> PartialEq<Vec<U>> for Vec<T>
where
    T: PartialEq<U>,
{
    fn eq(&self, other: &Vec<U>) -> bool;
}
impl<T, U> PartialEq<[U]> for Vec<T>
where
    T: PartialEq<U>,
{
    fn eq(&self, other: &[U]) -> bool;
}
impl<T, U> PartialEq<&[U]> for Vec<T>
where
    T: PartialEq<U>,
{
    fn eq(&self, other: &&[U]) -> bool;
}
impl<T, U, const N: usize> PartialEq<[U; N]> for Vec<T>
where
    T: PartialEq<U>,
{
    fn eq(&self, other: &[U; N]) -> bool;
}
impl<T, U, const N: usize> PartialEq<&[U; N]> for Vec<T>
where
    T: PartialEq<U>,
{
    fn eq(&self, other: &&[U; N]) -> bool;
}
impl<T, U> PartialEq<Vec<U>> for [T]
where
    T: PartialEq<U>,
{
    fn eq(&self, other: &Vec<U>) -> bool;
}
impl<T, U> PartialEq<Vec<U>> for &[T]
where
    T: PartialEq<U>,
{
    fn eq(&self, other: &Vec<U>) -> bool;
}
impl<T: Eq> Eq for Vec<T> {}
impl<T: PartialOrd> PartialOrd for Vec<T> {
    fn partial_cmp(&self, other: &Vec<T>) -> Option<Ordering>;
}
impl<T: Ord> Ord for Vec<T> {
    fn cmp(&self, other: &Vec<T>) -> Ordering;
}

impl<T, I: SliceIndex<[T]>> Index<I> for Vec<T> {
    type Output = I::Output;
    fn index(&self, index: I) -> &I::Output;
}
impl<T, I: SliceIndex<[T]>> IndexMut<I> for Vec<T> {
    fn index_mut(&mut self, index: I) -> &mut I::Output;
}

impl<T> AsRef<[T]> for Vec<T> {
    fn as_ref(&self) -> &[T];
}
impl<T> AsMut<[T]> for Vec<T> {
    fn as_mut(&mut self) -> &mut [T];
}
impl<T> AsRef<Vec<T>> for Vec<T> {
    fn as_ref(&self) -> &Vec<T>;
}
impl<T> std::borrow::Borrow<[T]> for Vec<T> {
    fn borrow(&self) -> &[T];
}
impl<T> std::borrow::BorrowMut<[T]> for Vec<T> {
    fn borrow_mut(&mut self) -> &mut [T];
}

impl<T: Clone> From<&[T]> for Vec<T> {
    fn from(s: &[T]) -> Vec<T>;
}
impl<T: Clone> From<&mut [T]> for Vec<T> {
    fn from(s: &mut [T]) -> Vec<T>;
}
impl<T, const N: usize> From<[T; N]> for Vec<T> {
    fn from(s: [T; N]) -> Vec<T>;
}
impl<T: Clone, const N: usize> From<&[T; N]> for Vec<T> {
    fn from(s: &[T; N]) -> Vec<T>;
}
impl<T> From<Box<[T]>> for Vec<T> {
    fn from(s: Box<[T]>) -> Vec<T>;
}
impl From<&str> for Vec<u8> {
    fn from(s: &str) -> Vec<u8>;
}
impl From<String> for Vec<u8> {
    fn from(string: String) -> Vec<u8>;
}

impl<T> FromIterator<T> for Vec<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Vec<T>;
}
impl<T> Extend<T> for Vec<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I);
}
impl<'a, T: Copy + 'a> Extend<&'a T> for Vec<T> {
    fn extend<I: IntoIterator<Item = &'a T>>(&mut self, iter: I);
}

impl<T> IntoIterator for Vec<T> {
    type Item = T;
    type IntoIter = IntoIter<T>;
    fn into_iter(self) -> IntoIter<T>;
}
impl<'a, T> IntoIterator for &'a Vec<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> std::slice::Iter<'a, T>;
}
impl<'a, T> IntoIterator for &'a mut Vec<T> {
    type Item = &'a mut T;
    type IntoIter = std::slice::IterMut<'a, T>;
    fn into_iter(self) -> std::slice::IterMut<'a, T>;
}

// ------------------------------------------------------------ IntoIter

/// The elements of a consumed Vec: `ptr..end` are still to be yielded from the buffer `buf`.
pub struct IntoIter<T> {
    buf: NonNull<T>,
    cap: usize,
    ptr: NonNull<T>,
    end: *const T,
    phantom: PhantomData<T>,
}

impl<T> IntoIter<T> {
    pub fn as_slice(&self) -> &[T];
    pub fn as_mut_slice(&mut self) -> &mut [T];
}

impl<T> Iterator for IntoIter<T> {
    type Item = T;
    fn next(&mut self) -> Option<T>;
}
impl<T> DoubleEndedIterator for IntoIter<T> {
    fn next_back(&mut self) -> Option<T>;
}
impl<T> ExactSizeIterator for IntoIter<T> {}
// Drops the elements not yet yielded, then frees the buffer.
impl<T> Drop for IntoIter<T> {
    fn drop(&mut self);
}
impl<T: Clone> Clone for IntoIter<T> {
    fn clone(&self) -> IntoIter<T>;
}
impl<T: Debug> Debug for IntoIter<T> {
    fn fmt(&self, f: &mut Formatter<'_>) -> std::fmt::Result;
}

// ------------------------------------------------------------ Drain

/// The elements removed by `Vec::drain`; the tail moves back when it is dropped.
pub struct Drain<'a, T: 'a> {
    tail_start: usize,
    tail_len: usize,
    iter: std::slice::Iter<'a, T>,
    vec: NonNull<Vec<T>>,
}

impl<T> Iterator for Drain<'_, T> {
    type Item = T;
    fn next(&mut self) -> Option<T>;
}
impl<T> DoubleEndedIterator for Drain<'_, T> {
    fn next_back(&mut self) -> Option<T>;
}
impl<T> ExactSizeIterator for Drain<'_, T> {}
impl<T> Drop for Drain<'_, T> {
    fn drop(&mut self);
}
impl<T: Debug> Debug for Drain<'_, T> {
    fn fmt(&self, f: &mut Formatter<'_>) -> std::fmt::Result;
}
