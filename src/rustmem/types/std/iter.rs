//! std::iter — Iterator with its adapters, IntoIterator, FromIterator, Extend, Sum/Product,
//! DoubleEndedIterator, ExactSizeIterator, the range iterators and a few sources.
//!
//! Every adapter is a struct holding the iterator it wraps (its fields are the state the
//! machine's `<Adapter as Iterator>::next` intrinsic reads and updates).

use std::cmp::Ordering;
use std::ops::{Range, RangeFrom, RangeInclusive};

#[lang = "Iterator"]
pub trait Iterator {
    type Item;

    fn next(&mut self) -> Option<Self::Item>;

    #[provided]
    fn size_hint(&self) -> (usize, Option<usize>);
    #[provided]
    fn count(self) -> usize;
    #[provided]
    fn last(self) -> Option<Self::Item>;
    #[provided]
    fn nth(&mut self, n: usize) -> Option<Self::Item>;
    #[provided]
    fn step_by(self, step: usize) -> StepBy<Self>;
    #[provided]
    fn chain<U>(self, other: U) -> Chain<Self, U::IntoIter>
    where
        U: IntoIterator<Item = Self::Item>;
    #[provided]
    fn zip<U>(self, other: U) -> Zip<Self, U::IntoIter>
    where
        U: IntoIterator;
    #[provided]
    fn map<B, F>(self, f: F) -> Map<Self, F>
    where
        F: FnMut(Self::Item) -> B;
    #[provided]
    fn for_each<F>(self, f: F)
    where
        F: FnMut(Self::Item);
    #[provided]
    fn filter<P>(self, predicate: P) -> Filter<Self, P>
    where
        P: FnMut(&Self::Item) -> bool;
    #[provided]
    fn filter_map<B, F>(self, f: F) -> FilterMap<Self, F>
    where
        F: FnMut(Self::Item) -> Option<B>;
    #[provided]
    fn enumerate(self) -> Enumerate<Self>;
    #[provided]
    fn peekable(self) -> Peekable<Self>;
    #[provided]
    fn skip_while<P>(self, predicate: P) -> SkipWhile<Self, P>
    where
        P: FnMut(&Self::Item) -> bool;
    #[provided]
    fn take_while<P>(self, predicate: P) -> TakeWhile<Self, P>
    where
        P: FnMut(&Self::Item) -> bool;
    #[provided]
    fn map_while<B, P>(self, predicate: P) -> MapWhile<Self, P>
    where
        P: FnMut(Self::Item) -> Option<B>;
    #[provided]
    fn skip(self, n: usize) -> Skip<Self>;
    #[provided]
    fn take(self, n: usize) -> Take<Self>;
    #[provided]
    fn scan<St, B, F>(self, initial_state: St, f: F) -> Scan<Self, St, F>
    where
        F: FnMut(&mut St, Self::Item) -> Option<B>;
    #[provided]
    fn flat_map<U, F>(self, f: F) -> FlatMap<Self, U, F>
    where
        U: IntoIterator,
        F: FnMut(Self::Item) -> U;
    #[provided]
    fn flatten(self) -> Flatten<Self>
    where
        Self::Item: IntoIterator;
    #[provided]
    fn inspect<F>(self, f: F) -> Inspect<Self, F>
    where
        F: FnMut(&Self::Item);
    #[provided]
    fn by_ref(&mut self) -> &mut Self;
    #[provided]
    fn collect<B>(self) -> B
    where
        B: FromIterator<Self::Item>;
    #[provided]
    fn partition<B, F>(self, f: F) -> (B, B)
    where
        B: Default + Extend<Self::Item>,
        F: FnMut(&Self::Item) -> bool;
    #[provided]
    fn fold<B, F>(self, init: B, f: F) -> B
    where
        F: FnMut(B, Self::Item) -> B;
    #[provided]
    fn reduce<F>(self, f: F) -> Option<Self::Item>
    where
        F: FnMut(Self::Item, Self::Item) -> Self::Item;
    #[provided]
    fn all<F>(&mut self, f: F) -> bool
    where
        F: FnMut(Self::Item) -> bool;
    #[provided]
    fn any<F>(&mut self, f: F) -> bool
    where
        F: FnMut(Self::Item) -> bool;
    #[provided]
    fn find<P>(&mut self, predicate: P) -> Option<Self::Item>
    where
        P: FnMut(&Self::Item) -> bool;
    #[provided]
    fn find_map<B, F>(&mut self, f: F) -> Option<B>
    where
        F: FnMut(Self::Item) -> Option<B>;
    #[provided]
    fn position<P>(&mut self, predicate: P) -> Option<usize>
    where
        P: FnMut(Self::Item) -> bool;
    #[provided]
    fn rposition<P>(&mut self, predicate: P) -> Option<usize>
    where
        P: FnMut(Self::Item) -> bool,
        Self: ExactSizeIterator + DoubleEndedIterator;
    #[provided]
    fn max(self) -> Option<Self::Item>
    where
        Self::Item: Ord;
    #[provided]
    fn min(self) -> Option<Self::Item>
    where
        Self::Item: Ord;
    #[provided]
    fn max_by_key<B: Ord, F>(self, f: F) -> Option<Self::Item>
    where
        F: FnMut(&Self::Item) -> B;
    #[provided]
    fn max_by<F>(self, compare: F) -> Option<Self::Item>
    where
        F: FnMut(&Self::Item, &Self::Item) -> Ordering;
    #[provided]
    fn min_by_key<B: Ord, F>(self, f: F) -> Option<Self::Item>
    where
        F: FnMut(&Self::Item) -> B;
    #[provided]
    fn min_by<F>(self, compare: F) -> Option<Self::Item>
    where
        F: FnMut(&Self::Item, &Self::Item) -> Ordering;
    #[provided]
    fn rev(self) -> Rev<Self>
    where
        Self: DoubleEndedIterator;
    #[provided]
    fn unzip<A, B, FromA, FromB>(self) -> (FromA, FromB)
    where
        FromA: Default + Extend<A>,
        FromB: Default + Extend<B>,
        Self: Iterator<Item = (A, B)>;
    #[provided]
    fn copied<'a, T: 'a + Copy>(self) -> Copied<Self>
    where
        Self: Iterator<Item = &'a T>;
    #[provided]
    fn cloned<'a, T: 'a + Clone>(self) -> Cloned<Self>
    where
        Self: Iterator<Item = &'a T>;
    #[provided]
    fn cycle(self) -> Cycle<Self>
    where
        Self: Clone;
    #[provided]
    fn sum<S>(self) -> S
    where
        S: Sum<Self::Item>;
    #[provided]
    fn product<P>(self) -> P
    where
        P: Product<Self::Item>;
    #[provided]
    fn cmp<I>(self, other: I) -> Ordering
    where
        I: IntoIterator<Item = Self::Item>,
        Self::Item: Ord;
    #[provided]
    fn eq<I>(self, other: I) -> bool
    where
        I: IntoIterator,
        Self::Item: PartialEq<I::Item>;
    #[provided]
    fn ne<I>(self, other: I) -> bool
    where
        I: IntoIterator,
        Self::Item: PartialEq<I::Item>;
    #[provided]
    fn is_sorted(self) -> bool
    where
        Self::Item: PartialOrd;
    #[provided]
    fn is_sorted_by<F>(self, compare: F) -> bool
    where
        F: FnMut(&Self::Item, &Self::Item) -> bool;
    #[provided]
    fn is_sorted_by_key<F, K>(self, f: F) -> bool
    where
        F: FnMut(Self::Item) -> K,
        K: PartialOrd;
}

#[lang = "DoubleEndedIterator"]
pub trait DoubleEndedIterator: Iterator {
    fn next_back(&mut self) -> Option<Self::Item>;
    #[provided]
    fn nth_back(&mut self, n: usize) -> Option<Self::Item>;
    #[provided]
    fn rfold<B, F>(self, init: B, f: F) -> B
    where
        F: FnMut(B, Self::Item) -> B;
    #[provided]
    fn rfind<P>(&mut self, predicate: P) -> Option<Self::Item>
    where
        P: FnMut(&Self::Item) -> bool;
}

#[lang = "ExactSizeIterator"]
pub trait ExactSizeIterator: Iterator {
    #[provided]
    fn len(&self) -> usize;
}

#[lang = "IntoIterator"]
pub trait IntoIterator {
    type Item;
    type IntoIter: Iterator<Item = Self::Item>;
    fn into_iter(self) -> Self::IntoIter;
}

// An iterator is its own IntoIterator: `for x in v.iter()`.
impl<I: Iterator> IntoIterator for I {
    type Item = I::Item;
    type IntoIter = I;
    fn into_iter(self) -> I;
}

#[lang = "FromIterator"]
pub trait FromIterator<A>: Sized {
    fn from_iter<T>(iter: T) -> Self
    where
        T: IntoIterator<Item = A>;
}

#[lang = "Extend"]
pub trait Extend<A> {
    fn extend<T>(&mut self, iter: T)
    where
        T: IntoIterator<Item = A>;
}

#[lang = "Sum"]
pub trait Sum<A = Self>: Sized {
    fn sum<I>(iter: I) -> Self
    where
        I: Iterator<Item = A>;
}

#[lang = "Product"]
pub trait Product<A = Self>: Sized {
    fn product<I>(iter: I) -> Self
    where
        I: Iterator<Item = A>;
}

/// Types a range can step through (integers and char); the impls are beside those types.
#[lang = "Step"]
pub trait Step: Clone + PartialOrd + Sized {}

// `&mut I` is an iterator too: `for x in it.by_ref()`.
impl<I: Iterator + ?Sized> Iterator for &mut I {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item>;
}
impl<I: DoubleEndedIterator + ?Sized> DoubleEndedIterator for &mut I {
    fn next_back(&mut self) -> Option<I::Item>;
}

// ------------------------------------------------------------ ranges as iterators

impl<A: Step> Iterator for Range<A> {
    type Item = A;
    fn next(&mut self) -> Option<A>;
}
impl<A: Step> DoubleEndedIterator for Range<A> {
    fn next_back(&mut self) -> Option<A>;
}
impl<A: Step> Iterator for RangeFrom<A> {
    type Item = A;
    fn next(&mut self) -> Option<A>;
}
impl<A: Step> Iterator for RangeInclusive<A> {
    type Item = A;
    fn next(&mut self) -> Option<A>;
}
impl<A: Step> DoubleEndedIterator for RangeInclusive<A> {
    fn next_back(&mut self) -> Option<A>;
}
impl ExactSizeIterator for Range<usize> {}
impl ExactSizeIterator for Range<u8> {}
impl ExactSizeIterator for Range<u16> {}
impl ExactSizeIterator for Range<u32> {}
impl ExactSizeIterator for Range<isize> {}
impl ExactSizeIterator for Range<i8> {}
impl ExactSizeIterator for Range<i16> {}
impl ExactSizeIterator for Range<i32> {}
impl ExactSizeIterator for RangeInclusive<u8> {}
impl ExactSizeIterator for RangeInclusive<u16> {}
impl ExactSizeIterator for RangeInclusive<i8> {}
impl ExactSizeIterator for RangeInclusive<i16> {}

// ------------------------------------------------------------ adapters

#[derive(Clone)]
pub struct Map<I, F> {
    iter: I,
    f: F,
}
impl<B, I: Iterator, F> Iterator for Map<I, F>
where
    F: FnMut(I::Item) -> B,
{
    type Item = B;
    fn next(&mut self) -> Option<B>;
}
impl<B, I: DoubleEndedIterator, F> DoubleEndedIterator for Map<I, F>
where
    F: FnMut(I::Item) -> B,
{
    fn next_back(&mut self) -> Option<B>;
}
impl<B, I: ExactSizeIterator, F> ExactSizeIterator for Map<I, F> where F: FnMut(I::Item) -> B {}

#[derive(Clone)]
pub struct Filter<I, P> {
    iter: I,
    predicate: P,
}
impl<I: Iterator, P> Iterator for Filter<I, P>
where
    P: FnMut(&I::Item) -> bool,
{
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item>;
}
impl<I: DoubleEndedIterator, P> DoubleEndedIterator for Filter<I, P>
where
    P: FnMut(&I::Item) -> bool,
{
    fn next_back(&mut self) -> Option<I::Item>;
}

#[derive(Clone)]
pub struct FilterMap<I, F> {
    iter: I,
    f: F,
}
impl<B, I: Iterator, F> Iterator for FilterMap<I, F>
where
    F: FnMut(I::Item) -> Option<B>,
{
    type Item = B;
    fn next(&mut self) -> Option<B>;
}

#[derive(Clone, Debug)]
pub struct Enumerate<I> {
    iter: I,
    count: usize,
}
impl<I: Iterator> Iterator for Enumerate<I> {
    type Item = (usize, I::Item);
    fn next(&mut self) -> Option<(usize, I::Item)>;
}
impl<I: ExactSizeIterator + DoubleEndedIterator> DoubleEndedIterator for Enumerate<I> {
    fn next_back(&mut self) -> Option<(usize, I::Item)>;
}
impl<I: ExactSizeIterator> ExactSizeIterator for Enumerate<I> {}

#[derive(Clone, Debug)]
pub struct Zip<A, B> {
    a: A,
    b: B,
    index: usize,
    len: usize,
}
impl<A: Iterator, B: Iterator> Iterator for Zip<A, B> {
    type Item = (A::Item, B::Item);
    fn next(&mut self) -> Option<(A::Item, B::Item)>;
}
impl<A, B> DoubleEndedIterator for Zip<A, B>
where
    A: DoubleEndedIterator + ExactSizeIterator,
    B: DoubleEndedIterator + ExactSizeIterator,
{
    fn next_back(&mut self) -> Option<(A::Item, B::Item)>;
}
impl<A: ExactSizeIterator, B: ExactSizeIterator> ExactSizeIterator for Zip<A, B> {}

#[derive(Clone, Debug)]
pub struct Rev<T> {
    iter: T,
}
impl<I: DoubleEndedIterator> Iterator for Rev<I> {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item>;
}
impl<I: DoubleEndedIterator> DoubleEndedIterator for Rev<I> {
    fn next_back(&mut self) -> Option<I::Item>;
}
impl<I: DoubleEndedIterator + ExactSizeIterator> ExactSizeIterator for Rev<I> {}

#[derive(Clone, Debug)]
pub struct Take<I> {
    iter: I,
    n: usize,
}
impl<I: Iterator> Iterator for Take<I> {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item>;
}
impl<I: DoubleEndedIterator + ExactSizeIterator> DoubleEndedIterator for Take<I> {
    fn next_back(&mut self) -> Option<I::Item>;
}
impl<I: ExactSizeIterator> ExactSizeIterator for Take<I> {}

#[derive(Clone, Debug)]
pub struct Skip<I> {
    iter: I,
    n: usize,
}
impl<I: Iterator> Iterator for Skip<I> {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item>;
}
impl<I: DoubleEndedIterator + ExactSizeIterator> DoubleEndedIterator for Skip<I> {
    fn next_back(&mut self) -> Option<I::Item>;
}
impl<I: ExactSizeIterator> ExactSizeIterator for Skip<I> {}

#[derive(Clone)]
pub struct TakeWhile<I, P> {
    iter: I,
    flag: bool,
    predicate: P,
}
impl<I: Iterator, P> Iterator for TakeWhile<I, P>
where
    P: FnMut(&I::Item) -> bool,
{
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item>;
}

#[derive(Clone)]
pub struct SkipWhile<I, P> {
    iter: I,
    flag: bool,
    predicate: P,
}
impl<I: Iterator, P> Iterator for SkipWhile<I, P>
where
    P: FnMut(&I::Item) -> bool,
{
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item>;
}

#[derive(Clone, Debug)]
pub struct Chain<A, B> {
    a: Option<A>,
    b: Option<B>,
}
impl<A, B> Iterator for Chain<A, B>
where
    A: Iterator,
    B: Iterator<Item = A::Item>,
{
    type Item = A::Item;
    fn next(&mut self) -> Option<A::Item>;
}
impl<A, B> DoubleEndedIterator for Chain<A, B>
where
    A: DoubleEndedIterator,
    B: DoubleEndedIterator<Item = A::Item>,
{
    fn next_back(&mut self) -> Option<A::Item>;
}

#[derive(Clone, Debug)]
pub struct Cloned<I> {
    it: I,
}
impl<'a, I, T: 'a + Clone> Iterator for Cloned<I>
where
    I: Iterator<Item = &'a T>,
{
    type Item = T;
    fn next(&mut self) -> Option<T>;
}
impl<'a, I, T: 'a + Clone> DoubleEndedIterator for Cloned<I>
where
    I: DoubleEndedIterator<Item = &'a T>,
{
    fn next_back(&mut self) -> Option<T>;
}
impl<'a, I, T: 'a + Clone> ExactSizeIterator for Cloned<I> where I: ExactSizeIterator<Item = &'a T> {}

#[derive(Clone, Debug)]
pub struct Copied<I> {
    it: I,
}
impl<'a, I, T: 'a + Copy> Iterator for Copied<I>
where
    I: Iterator<Item = &'a T>,
{
    type Item = T;
    fn next(&mut self) -> Option<T>;
}
impl<'a, I, T: 'a + Copy> DoubleEndedIterator for Copied<I>
where
    I: DoubleEndedIterator<Item = &'a T>,
{
    fn next_back(&mut self) -> Option<T>;
}
impl<'a, I, T: 'a + Copy> ExactSizeIterator for Copied<I> where I: ExactSizeIterator<Item = &'a T> {}

#[derive(Clone, Debug)]
pub struct StepBy<I> {
    iter: I,
    step_minus_one: usize,
    first_take: bool,
}
impl<I: Iterator> Iterator for StepBy<I> {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item>;
}

#[derive(Clone, Debug)]
pub struct Peekable<I: Iterator> {
    iter: I,
    peeked: Option<Option<I::Item>>,
}
impl<I: Iterator> Iterator for Peekable<I> {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item>;
}
impl<I: Iterator> Peekable<I> {
    pub fn peek(&mut self) -> Option<&I::Item>;
    pub fn peek_mut(&mut self) -> Option<&mut I::Item>;
    pub fn next_if(&mut self, func: impl FnOnce(&I::Item) -> bool) -> Option<I::Item>;
}

#[derive(Clone)]
pub struct MapWhile<I, P> {
    iter: I,
    predicate: P,
}
impl<B, I: Iterator, P> Iterator for MapWhile<I, P>
where
    P: FnMut(I::Item) -> Option<B>,
{
    type Item = B;
    fn next(&mut self) -> Option<B>;
}

#[derive(Clone)]
pub struct Scan<I, St, F> {
    iter: I,
    f: F,
    state: St,
}
impl<B, I: Iterator, St, F> Iterator for Scan<I, St, F>
where
    F: FnMut(&mut St, I::Item) -> Option<B>,
{
    type Item = B;
    fn next(&mut self) -> Option<B>;
}

pub struct FlatMap<I, U: IntoIterator, F> {
    iter: Map<I, F>,
    frontiter: Option<U::IntoIter>,
    backiter: Option<U::IntoIter>,
}
impl<I: Iterator, U: IntoIterator, F> Iterator for FlatMap<I, U, F>
where
    F: FnMut(I::Item) -> U,
{
    type Item = U::Item;
    fn next(&mut self) -> Option<U::Item>;
}

pub struct Flatten<I>
where
    I: Iterator,
    I::Item: IntoIterator,
{
    iter: I,
    frontiter: Option<<I::Item as IntoIterator>::IntoIter>,
    backiter: Option<<I::Item as IntoIterator>::IntoIter>,
}
impl<I, U> Iterator for Flatten<I>
where
    I: Iterator,
    I::Item: IntoIterator<IntoIter = U, Item = U::Item>,
    U: Iterator,
{
    type Item = U::Item;
    fn next(&mut self) -> Option<U::Item>;
}

#[derive(Clone)]
pub struct Inspect<I, F> {
    iter: I,
    f: F,
}
impl<I: Iterator, F> Iterator for Inspect<I, F>
where
    F: FnMut(&I::Item),
{
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item>;
}

#[derive(Clone, Debug)]
pub struct Cycle<I> {
    orig: I,
    iter: I,
}
impl<I: Clone + Iterator> Iterator for Cycle<I> {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item>;
}

// ------------------------------------------------------------ sources

/// `zip(a, b)`: `a.into_iter().zip(b)`.
pub fn zip<A, B>(a: A, b: B) -> Zip<A::IntoIter, B::IntoIter>
where
    A: IntoIterator,
    B: IntoIterator;

#[derive(Clone, Debug)]
pub struct Once<T> {
    inner: Option<T>,
}
impl<T> Iterator for Once<T> {
    type Item = T;
    fn next(&mut self) -> Option<T>;
}
pub fn once<T>(value: T) -> Once<T>;

#[derive(Clone, Debug)]
pub struct Repeat<A> {
    element: A,
}
impl<A: Clone> Iterator for Repeat<A> {
    type Item = A;
    fn next(&mut self) -> Option<A>;
}
pub fn repeat<T: Clone>(elt: T) -> Repeat<T>;

#[derive(Clone, Debug)]
pub struct RepeatN<A> {
    element: Option<A>,
    count: usize,
}
impl<A: Clone> Iterator for RepeatN<A> {
    type Item = A;
    fn next(&mut self) -> Option<A>;
}
impl<A: Clone> ExactSizeIterator for RepeatN<A> {}
pub fn repeat_n<T: Clone>(element: T, count: usize) -> RepeatN<T>;

pub struct Empty<T> {
    marker: std::marker::PhantomData<T>,
}
impl<T> Iterator for Empty<T> {
    type Item = T;
    fn next(&mut self) -> Option<T>;
}
pub fn empty<T>() -> Empty<T>;

#[derive(Clone)]
pub struct FromFn<F> {
    f: F,
}
impl<T, F> Iterator for FromFn<F>
where
    F: FnMut() -> Option<T>,
{
    type Item = T;
    fn next(&mut self) -> Option<T>;
}
pub fn from_fn<T, F>(f: F) -> FromFn<F>
where
    F: FnMut() -> Option<T>;

#[derive(Clone)]
pub struct Successors<T, F> {
    next: Option<T>,
    succ: F,
}
impl<T, F> Iterator for Successors<T, F>
where
    F: FnMut(&T) -> Option<T>,
{
    type Item = T;
    fn next(&mut self) -> Option<T>;
}
pub fn successors<T, F>(first: Option<T>, succ: F) -> Successors<T, F>
where
    F: FnMut(&T) -> Option<T>;
