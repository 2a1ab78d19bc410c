//! std::slice — the inherent methods of `[T]`, slice iterators, SliceIndex, Join/Concat.

use std::cmp::Ordering;
use std::fmt::{self, Debug, Formatter};
use std::marker::PhantomData;
use std::ops::{Index, IndexMut, Range, RangeFrom, RangeFull, RangeInclusive, RangeTo, RangeToInclusive};
use std::ptr::NonNull;
use std::borrow::Borrow;

impl<T> [T] {
    pub fn len(&self) -> usize;
    pub fn is_empty(&self) -> bool;
    pub fn first(&self) -> Option<&T>;
    pub fn first_mut(&mut self) -> Option<&mut T>;
    pub fn last(&self) -> Option<&T>;
    pub fn last_mut(&mut self) -> Option<&mut T>;
    pub fn split_first(&self) -> Option<(&T, &[T])>;
    pub fn split_first_mut(&mut self) -> Option<(&mut T, &mut [T])>;
    pub fn split_last(&self) -> Option<(&T, &[T])>;
    pub fn split_last_mut(&mut self) -> Option<(&mut T, &mut [T])>;
    pub fn get<I: SliceIndex<Self>>(&self, index: I) -> Option<&I::Output>;
    pub fn get_mut<I: SliceIndex<Self>>(&mut self, index: I) -> Option<&mut I::Output>;
    pub unsafe fn get_unchecked<I: SliceIndex<Self>>(&self, index: I) -> &I::Output;
    pub unsafe fn get_unchecked_mut<I: SliceIndex<Self>>(&mut self, index: I) -> &mut I::Output;
    pub fn as_ptr(&self) -> *const T;
    pub fn as_mut_ptr(&mut self) -> *mut T;
    pub fn as_ptr_range(&self) -> Range<*const T>;
    pub fn swap(&mut self, a: usize, b: usize);
    pub fn reverse(&mut self);
    pub fn iter(&self) -> Iter<'_, T>;
    pub fn iter_mut(&mut self) -> IterMut<'_, T>;
    pub fn windows(&self, size: usize) -> Windows<'_, T>;
    pub fn chunks(&self, chunk_size: usize) -> Chunks<'_, T>;
    pub fn chunks_mut(&mut self, chunk_size: usize) -> ChunksMut<'_, T>;
    pub fn chunks_exact(&self, chunk_size: usize) -> ChunksExact<'_, T>;
    pub fn split_at(&self, mid: usize) -> (&[T], &[T]);
    pub fn split_at_mut(&mut self, mid: usize) -> (&mut [T], &mut [T]);
    pub fn split<F: FnMut(&T) -> bool>(&self, pred: F) -> Split<'_, T, F>;
    pub fn contains(&self, x: &T) -> bool
    where
        T: PartialEq;
    pub fn starts_with(&self, needle: &[T]) -> bool
    where
        T: PartialEq;
    pub fn ends_with(&self, needle: &[T]) -> bool
    where
        T: PartialEq;
    pub fn binary_search(&self, x: &T) -> Result<usize, usize>
    where
        T: Ord;
    pub fn binary_search_by<'a, F>(&'a self, f: F) -> Result<usize, usize>
    where
        F: FnMut(&'a T) -> Ordering;
    pub fn binary_search_by_key<'a, B, F>(&'a self, b: &B, f: F) -> Result<usize, usize>
    where
        F: FnMut(&'a T) -> B,
        B: Ord;
    pub fn sort_unstable(&mut self)
    where
        T: Ord;
    pub fn sort_unstable_by<F: FnMut(&T, &T) -> Ordering>(&mut self, compare: F);
    pub fn sort_unstable_by_key<K: Ord, F: FnMut(&T) -> K>(&mut self, f: F);
    pub fn rotate_left(&mut self, mid: usize);
    pub fn rotate_right(&mut self, k: usize);
    pub fn fill(&mut self, value: T)
    where
        T: Clone;
    pub fn fill_with<F: FnMut() -> T>(&mut self, f: F);
    pub fn clone_from_slice(&mut self, src: &[T])
    where
        T: Clone;
    pub fn copy_from_slice(&mut self, src: &[T])
    where
        T: Copy;
    pub fn swap_with_slice(&mut self, other: &mut [T]);
    pub fn is_sorted(&self) -> bool
    where
        T: PartialOrd;
    pub fn sort(&mut self)
    where
        T: Ord;
    pub fn sort_by<F: FnMut(&T, &T) -> Ordering>(&mut self, compare: F);
    pub fn sort_by_key<K: Ord, F: FnMut(&T) -> K>(&mut self, f: F);
    pub fn sort_by_cached_key<K: Ord, F: FnMut(&T) -> K>(&mut self, f: F);
    pub fn to_vec(&self) -> Vec<T>
    where
        T: Clone;
    pub fn into_vec(self: Box<Self>) -> Vec<T>;
    pub fn repeat(&self, n: usize) -> Vec<T>
    where
        T: Copy;
    pub fn concat<Item: ?Sized>(&self) -> <Self as Concat<Item>>::Output
    where
        Self: Concat<Item>;
    pub fn join<Separator>(&self, sep: Separator) -> <Self as Join<Separator>>::Output
    where
        Self: Join<Separator>;
}

impl [u8] {
    pub fn is_ascii(&self) -> bool;
    pub fn eq_ignore_ascii_case(&self, other: &[u8]) -> bool;
    pub fn make_ascii_uppercase(&mut self);
    pub fn make_ascii_lowercase(&mut self);
    pub fn to_ascii_uppercase(&self) -> Vec<u8>;
    pub fn to_ascii_lowercase(&self) -> Vec<u8>;
}

/// Builds a slice from a pointer and a length.
pub unsafe fn from_raw_parts<'a, T>(data: *const T, len: usize) -> &'a [T];
pub unsafe fn from_raw_parts_mut<'a, T>(data: *mut T, len: usize) -> &'a mut [T];
pub fn from_ref<T>(s: &T) -> &[T];
pub fn from_mut<T>(s: &mut T) -> &mut [T];

// ------------------------------------------------------------ concat / join

/// `[[1, 2], [3]].concat()`, `["a", "b"].concat()`.
pub trait Concat<Item: ?Sized> {
    type Output;
    fn concat(slice: &Self) -> Self::Output;
}

/// `names.join(", ")`, `rows.join(&0)`.
pub trait Join<Separator> {
    type Output;
    fn join(slice: &Self, sep: Separator) -> Self::Output;
}

impl<S: Borrow<str>> Concat<str> for [S] {
    type Output = String;
    fn concat(slice: &Self) -> String;
}
impl<S: Borrow<str>> Join<&str> for [S] {
    type Output = String;
    fn join(slice: &Self, sep: &str) -> String;
}
impl<T: Clone, V: Borrow<[T]>> Concat<T> for [V] {
    type Output = Vec<T>;
    fn concat(slice: &Self) -> Vec<T>;
}
impl<T: Clone, V: Borrow<[T]>> Join<&T> for [V] {
    type Output = Vec<T>;
    fn join(slice: &Self, sep: &T) -> Vec<T>;
}
impl<T: Clone, V: Borrow<[T]>> Join<&[T]> for [V] {
    type Output = Vec<T>;
    fn join(slice: &Self, sep: &[T]) -> Vec<T>;
}

// ------------------------------------------------------------ indexing
// std's SliceIndex also has get/index methods; indexing goes through Index::index
// (an intrinsic), so only the Output type is declared.

#[lang = "SliceIndex"]
pub trait SliceIndex<T: ?Sized> {
    type Output: ?Sized;
}

impl<T> SliceIndex<[T]> for usize {
    type Output = T;
}
impl<T> SliceIndex<[T]> for Range<usize> {
    type Output = [T];
}
impl<T> SliceIndex<[T]> for RangeFrom<usize> {
    type Output = [T];
}
impl<T> SliceIndex<[T]> for RangeTo<usize> {
    type Output = [T];
}
impl<T> SliceIndex<[T]> for RangeFull {
    type Output = [T];
}
impl<T> SliceIndex<[T]> for RangeInclusive<usize> {
    type Output = [T];
}
impl<T> SliceIndex<[T]> for RangeToInclusive<usize> {
    type Output = [T];
}

impl<T, I: SliceIndex<[T]>> Index<I> for [T] {
    type Output = I::Output;
    fn index(&self, index: I) -> &I::Output;
}
impl<T, I: SliceIndex<[T]>> IndexMut<I> for [T] {
    fn index_mut(&mut self, index: I) -> &mut I::Output;
}

// ------------------------------------------------------------ trait impls of [T]

impl<T, U> PartialEq<[U]> for [T]
where
    T: PartialEq<U>,
{
    fn eq(&self, other: &[U]) -> bool;
}
impl<T: Eq> Eq for [T] {}
impl<T: PartialOrd> PartialOrd for [T] {
    fn partial_cmp(&self, other: &[T]) -> Option<Ordering>;
}
impl<T: Ord> Ord for [T] {
    fn cmp(&self, other: &[T]) -> Ordering;
}
impl<T: std::hash::Hash> std::hash::Hash for [T] {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H);
}
impl<T: Debug> Debug for [T] {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result;
}
impl<T> Default for &[T] {
    fn default() -> Self;
}
impl<T> Default for &mut [T] {
    fn default() -> Self;
}
impl<T> AsRef<[T]> for [T] {
    fn as_ref(&self) -> &[T];
}
impl<T> AsMut<[T]> for [T] {
    fn as_mut(&mut self) -> &mut [T];
}
impl<T: Clone> std::borrow::ToOwned for [T] {
    type Owned = Vec<T>;
    fn to_owned(&self) -> Vec<T>;
}

impl<'a, T> IntoIterator for &'a [T] {
    type Item = &'a T;
    type IntoIter = Iter<'a, T>;
    fn into_iter(self) -> Iter<'a, T>;
}
impl<'a, T> IntoIterator for &'a mut [T] {
    type Item = &'a mut T;
    type IntoIter = IterMut<'a, T>;
    fn into_iter(self) -> IterMut<'a, T>;
}

// ------------------------------------------------------------ iterators

/// Borrowed elements `ptr..end_or_len` of a slice.
pub struct Iter<'a, T: 'a> {
    ptr: NonNull<T>,
    end_or_len: *const T,
    _marker: PhantomData<&'a T>,
}
impl<'a, T> Iter<'a, T> {
    pub fn as_slice(&self) -> &'a [T];
}
impl<'a, T> Iterator for Iter<'a, T> {
    type Item = &'a T;
    fn next(&mut self) -> Option<&'a T>;
}
impl<'a, T> DoubleEndedIterator for Iter<'a, T> {
    fn next_back(&mut self) -> Option<&'a T>;
}
impl<T> ExactSizeIterator for Iter<'_, T> {}
impl<T> Clone for Iter<'_, T> {
    fn clone(&self) -> Self;
}
impl<T: Debug> Debug for Iter<'_, T> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result;
}

/// Mutably borrowed elements `ptr..end_or_len` of a slice.
pub struct IterMut<'a, T: 'a> {
    ptr: NonNull<T>,
    end_or_len: *mut T,
    _marker: PhantomData<&'a mut T>,
}
impl<'a, T> IterMut<'a, T> {
    pub fn into_slice(self) -> &'a mut [T];
}
impl<'a, T> Iterator for IterMut<'a, T> {
    type Item = &'a mut T;
    fn next(&mut self) -> Option<&'a mut T>;
}
impl<'a, T> DoubleEndedIterator for IterMut<'a, T> {
    fn next_back(&mut self) -> Option<&'a mut T>;
}
impl<T> ExactSizeIterator for IterMut<'_, T> {}
impl<T: Debug> Debug for IterMut<'_, T> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result;
}

#[derive(Debug)]
pub struct Windows<'a, T: 'a> {
    v: &'a [T],
    size: usize,
}
impl<'a, T> Iterator for Windows<'a, T> {
    type Item = &'a [T];
    fn next(&mut self) -> Option<&'a [T]>;
}
impl<'a, T> DoubleEndedIterator for Windows<'a, T> {
    fn next_back(&mut self) -> Option<&'a [T]>;
}
impl<T> ExactSizeIterator for Windows<'_, T> {}
impl<T> Clone for Windows<'_, T> {
    fn clone(&self) -> Self;
}

#[derive(Debug)]
pub struct Chunks<'a, T: 'a> {
    v: &'a [T],
    chunk_size: usize,
}
impl<'a, T> Iterator for Chunks<'a, T> {
    type Item = &'a [T];
    fn next(&mut self) -> Option<&'a [T]>;
}
impl<'a, T> DoubleEndedIterator for Chunks<'a, T> {
    fn next_back(&mut self) -> Option<&'a [T]>;
}
impl<T> ExactSizeIterator for Chunks<'_, T> {}
impl<T> Clone for Chunks<'_, T> {
    fn clone(&self) -> Self;
}

#[derive(Debug)]
pub struct ChunksMut<'a, T: 'a> {
    v: *mut [T],
    chunk_size: usize,
    _marker: PhantomData<&'a mut T>,
}
impl<'a, T> Iterator for ChunksMut<'a, T> {
    type Item = &'a mut [T];
    fn next(&mut self) -> Option<&'a mut [T]>;
}

#[derive(Debug)]
pub struct ChunksExact<'a, T: 'a> {
    v: &'a [T],
    rem: &'a [T],
    chunk_size: usize,
}
impl<'a, T> ChunksExact<'a, T> {
    pub fn remainder(&self) -> &'a [T];
}
impl<'a, T> Iterator for ChunksExact<'a, T> {
    type Item = &'a [T];
    fn next(&mut self) -> Option<&'a [T]>;
}
impl<T> ExactSizeIterator for ChunksExact<'_, T> {}

pub struct Split<'a, T: 'a, P>
where
    P: FnMut(&T) -> bool,
{
    v: &'a [T],
    pred: P,
    finished: bool,
}
impl<'a, T, P> Iterator for Split<'a, T, P>
where
    P: FnMut(&T) -> bool,
{
    type Item = &'a [T];
    fn next(&mut self) -> Option<&'a [T]>;
}
