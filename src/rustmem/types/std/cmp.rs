//! std::cmp — equality and ordering traits, Ordering, min/max.

#[lang = "PartialEq"]
pub trait PartialEq<Rhs: ?Sized = Self> {
    fn eq(&self, other: &Rhs) -> bool;
    #[provided]
    fn ne(&self, other: &Rhs) -> bool;
}

#[lang = "Eq"]
pub trait Eq: PartialEq<Self> {}

#[lang = "PartialOrd"]
pub trait PartialOrd<Rhs: ?Sized = Self>: PartialEq<Rhs> {
    fn partial_cmp(&self, other: &Rhs) -> Option<Ordering>;
    #[provided]
    fn lt(&self, other: &Rhs) -> bool;
    #[provided]
    fn le(&self, other: &Rhs) -> bool;
    #[provided]
    fn gt(&self, other: &Rhs) -> bool;
    #[provided]
    fn ge(&self, other: &Rhs) -> bool;
}

#[lang = "Ord"]
pub trait Ord: Eq + PartialOrd<Self> {
    fn cmp(&self, other: &Self) -> Ordering;
    #[provided]
    fn max(self, other: Self) -> Self;
    #[provided]
    fn min(self, other: Self) -> Self;
    #[provided]
    fn clamp(self, min: Self, max: Self) -> Self;
}

#[lang = "Ordering"]
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, Hash)]
#[repr(i8)]
pub enum Ordering {
    Less = -1,
    Equal = 0,
    Greater = 1,
}

impl Ordering {
    pub fn is_eq(self) -> bool;
    pub fn is_ne(self) -> bool;
    pub fn is_lt(self) -> bool;
    pub fn is_gt(self) -> bool;
    pub fn is_le(self) -> bool;
    pub fn is_ge(self) -> bool;
    pub fn reverse(self) -> Ordering;
    pub fn then(self, other: Ordering) -> Ordering;
    pub fn then_with<F: FnOnce() -> Ordering>(self, f: F) -> Ordering;
}

/// `Reverse(x)` orders the other way round (used with sort_by_key).
#[derive(PartialEq, Eq, Debug, Copy, Clone, Default, Hash)]
#[repr(transparent)]
pub struct Reverse<T>(pub T);

impl<T: PartialOrd> PartialOrd for Reverse<T> {
    fn partial_cmp(&self, other: &Reverse<T>) -> Option<Ordering>;
}
impl<T: Ord> Ord for Reverse<T> {
    fn cmp(&self, other: &Reverse<T>) -> Ordering;
}

pub fn min<T: Ord>(v1: T, v2: T) -> T;
pub fn max<T: Ord>(v1: T, v2: T) -> T;
pub fn min_by_key<T, F: FnMut(&T) -> K, K: Ord>(v1: T, v2: T, f: F) -> T;
pub fn max_by_key<T, F: FnMut(&T) -> K, K: Ord>(v1: T, v2: T, f: F) -> T;

// Comparisons see through references: `&a == &b` compares a and b.
impl<A: ?Sized, B: ?Sized> PartialEq<&B> for &A
where
    A: PartialEq<B>,
{
    fn eq(&self, other: &&B) -> bool;
}
impl<A: ?Sized, B: ?Sized> PartialEq<&mut B> for &mut A
where
    A: PartialEq<B>,
{
    fn eq(&self, other: &&mut B) -> bool;
}
impl<A: ?Sized, B: ?Sized> PartialEq<&mut B> for &A
where
    A: PartialEq<B>,
{
    fn eq(&self, other: &&mut B) -> bool;
}
impl<A: ?Sized, B: ?Sized> PartialEq<&B> for &mut A
where
    A: PartialEq<B>,
{
    fn eq(&self, other: &&B) -> bool;
}
impl<A: ?Sized + Eq> Eq for &A {}
impl<A: ?Sized + Eq> Eq for &mut A {}
impl<A: ?Sized, B: ?Sized> PartialOrd<&B> for &A
where
    A: PartialOrd<B>,
{
    fn partial_cmp(&self, other: &&B) -> Option<Ordering>;
}
impl<A: ?Sized, B: ?Sized> PartialOrd<&mut B> for &mut A
where
    A: PartialOrd<B>,
{
    fn partial_cmp(&self, other: &&mut B) -> Option<Ordering>;
}
impl<A: ?Sized + Ord> Ord for &A {
    fn cmp(&self, other: &Self) -> Ordering;
}
impl<A: ?Sized + Ord> Ord for &mut A {
    fn cmp(&self, other: &Self) -> Ordering;
}

// Raw pointers compare by address.
impl<T: ?Sized> PartialEq for *const T {
    fn eq(&self, other: &*const T) -> bool;
}
impl<T: ?Sized> Eq for *const T {}
impl<T: ?Sized> PartialEq for *mut T {
    fn eq(&self, other: &*mut T) -> bool;
}
impl<T: ?Sized> Eq for *mut T {}

impl PartialEq for ! {
    fn eq(&self, other: &!) -> bool;
}
