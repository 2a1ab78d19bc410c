//! std::cell — interior mutability: UnsafeCell, Cell, RefCell and its guards Ref/RefMut.

use std::cmp::Ordering;
use std::fmt::{Debug, Display, Formatter};
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};
use std::ptr::NonNull;

/// The one way to mutate through a shared reference; it also hides the niches of `T`
/// (`Option<Cell<bool>>` is 2 bytes, not 1).
#[lang = "UnsafeCell"]
#[repr(transparent)]
pub struct UnsafeCell<T: ?Sized> {
    value: T,
}

impl<T> UnsafeCell<T> {
    pub fn new(value: T) -> UnsafeCell<T>;
    pub fn into_inner(self) -> T;
}

impl<T: ?Sized> UnsafeCell<T> {
    pub fn get(&self) -> *mut T;
    pub fn get_mut(&mut self) -> &mut T;
}

// ------------------------------------------------------------ Cell

#[lang = "Cell"]
#[repr(transparent)]
pub struct Cell<T: ?Sized> {
    value: UnsafeCell<T>,
}

impl<T> Cell<T> {
    pub fn new(value: T) -> Cell<T>;
    pub fn set(&self, val: T);
    pub fn swap(&self, other: &Self);
    pub fn replace(&self, val: T) -> T;
    pub fn into_inner(self) -> T;
}

impl<T: Copy> Cell<T> {
    pub fn get(&self) -> T;
    pub fn update(&self, f: impl FnOnce(T) -> T);
}

impl<T: ?Sized> Cell<T> {
    pub fn as_ptr(&self) -> *mut T;
    pub fn get_mut(&mut self) -> &mut T;
    pub fn from_mut(t: &mut T) -> &Cell<T>;
}

impl<T: Default> Cell<T> {
    pub fn take(&self) -> T;
}

impl<T: Copy> Clone for Cell<T> {
    fn clone(&self) -> Cell<T>;
}
impl<T: Default> Default for Cell<T> {
    fn default() -> Cell<T>;
}
impl<T: PartialEq + Copy> PartialEq for Cell<T> {
    fn eq(&self, other: &Cell<T>) -> bool;
}
impl<T: Eq + Copy> Eq for Cell<T> {}
impl<T: PartialOrd + Copy> PartialOrd for Cell<T> {
    fn partial_cmp(&self, other: &Cell<T>) -> Option<Ordering>;
}
impl<T: Ord + Copy> Ord for Cell<T> {
    fn cmp(&self, other: &Cell<T>) -> Ordering;
}
impl<T: Copy + Debug> Debug for Cell<T> {
    fn fmt(&self, f: &mut Formatter<'_>) -> std::fmt::Result;
}
impl<T> From<T> for Cell<T> {
    fn from(t: T) -> Cell<T>;
}

// ------------------------------------------------------------ RefCell

/// A mutable memory location with dynamically checked borrow rules: `borrow` counts the
/// shared borrows (> 0) or marks the one mutable borrow (-1).
#[lang = "RefCell"]
pub struct RefCell<T: ?Sized> {
    borrow: Cell<isize>,
    value: UnsafeCell<T>,
}

/// The error of `try_borrow` while a mutable borrow is active.
pub struct BorrowError {}

/// The error of `try_borrow_mut` while any borrow is active.
pub struct BorrowMutError {}

impl Debug for BorrowError {
    fn fmt(&self, f: &mut Formatter<'_>) -> std::fmt::Result;
}
impl Display for BorrowError {
    fn fmt(&self, f: &mut Formatter<'_>) -> std::fmt::Result;
}
impl Debug for BorrowMutError {
    fn fmt(&self, f: &mut Formatter<'_>) -> std::fmt::Result;
}
impl Display for BorrowMutError {
    fn fmt(&self, f: &mut Formatter<'_>) -> std::fmt::Result;
}

impl<T> RefCell<T> {
    pub fn new(value: T) -> RefCell<T>;
    pub fn into_inner(self) -> T;
    pub fn replace(&self, t: T) -> T;
    pub fn replace_with<F: FnOnce(&mut T) -> T>(&self, f: F) -> T;
    pub fn swap(&self, other: &Self);
}

impl<T: ?Sized> RefCell<T> {
    pub fn borrow(&self) -> Ref<'_, T>;
    pub fn try_borrow(&self) -> Result<Ref<'_, T>, BorrowError>;
    pub fn borrow_mut(&self) -> RefMut<'_, T>;
    pub fn try_borrow_mut(&self) -> Result<RefMut<'_, T>, BorrowMutError>;
    pub fn as_ptr(&self) -> *mut T;
    pub fn get_mut(&mut self) -> &mut T;
}

impl<T: Default> RefCell<T> {
    pub fn take(&self) -> T;
}

impl<T: Clone> Clone for RefCell<T> {
    fn clone(&self) -> RefCell<T>;
}
impl<T: Default> Default for RefCell<T> {
    fn default() -> RefCell<T>;
}
impl<T: ?Sized + PartialEq> PartialEq for RefCell<T> {
    fn eq(&self, other: &RefCell<T>) -> bool;
}
impl<T: ?Sized + Eq> Eq for RefCell<T> {}
impl<T: ?Sized + PartialOrd> PartialOrd for RefCell<T> {
    fn partial_cmp(&self, other: &RefCell<T>) -> Option<Ordering>;
}
impl<T: ?Sized + Ord> Ord for RefCell<T> {
    fn cmp(&self, other: &RefCell<T>) -> Ordering;
}
impl<T: ?Sized + Debug> Debug for RefCell<T> {
    fn fmt(&self, f: &mut Formatter<'_>) -> std::fmt::Result;
}
impl<T> From<T> for RefCell<T> {
    fn from(t: T) -> RefCell<T>;
}

/// The borrow-flag half of a `Ref`: dropping it gives the shared borrow back.
struct BorrowRef<'b> {
    borrow: &'b Cell<isize>,
}
impl Drop for BorrowRef<'_> {
    fn drop(&mut self);
}
impl Clone for BorrowRef<'_> {
    fn clone(&self) -> Self;
}

/// The borrow-flag half of a `RefMut`: dropping it ends the mutable borrow.
struct BorrowRefMut<'b> {
    borrow: &'b Cell<isize>,
}
impl Drop for BorrowRefMut<'_> {
    fn drop(&mut self);
}

/// A shared borrow of a RefCell's value.
#[lang = "Ref"]
pub struct Ref<'b, T: ?Sized + 'b> {
    value: NonNull<T>,
    borrow: BorrowRef<'b>,
}

impl<'b, T: ?Sized> Ref<'b, T> {
    pub fn clone(orig: &Ref<'b, T>) -> Ref<'b, T>;
    pub fn map<U: ?Sized, F>(orig: Ref<'b, T>, f: F) -> Ref<'b, U>
    where
        F: FnOnce(&T) -> &U;
}

impl<T: ?Sized> Deref for Ref<'_, T> {
    type Target = T;
    fn deref(&self) -> &T;
}
impl<T: ?Sized + Debug> Debug for Ref<'_, T> {
    fn fmt(&self, f: &mut Formatter<'_>) -> std::fmt::Result;
}
impl<T: ?Sized + Display> Display for Ref<'_, T> {
    fn fmt(&self, f: &mut Formatter<'_>) -> std::fmt::Result;
}

/// A mutable borrow of a RefCell's value.
#[lang = "RefMut"]
pub struct RefMut<'b, T: ?Sized + 'b> {
    value: NonNull<T>,
    borrow: BorrowRefMut<'b>,
    marker: PhantomData<&'b mut T>,
}

impl<'b, T: ?Sized> RefMut<'b, T> {
    pub fn map<U: ?Sized, F>(orig: RefMut<'b, T>, f: F) -> RefMut<'b, U>
    where
        F: FnOnce(&mut T) -> &mut U;
}

impl<T: ?Sized> Deref for RefMut<'_, T> {
    type Target = T;
    fn deref(&self) -> &T;
}
impl<T: ?Sized> DerefMut for RefMut<'_, T> {
    fn deref_mut(&mut self) -> &mut T;
}
impl<T: ?Sized + Debug> Debug for RefMut<'_, T> {
    fn fmt(&self, f: &mut Formatter<'_>) -> std::fmt::Result;
}
impl<T: ?Sized + Display> Display for RefMut<'_, T> {
    fn fmt(&self, f: &mut Formatter<'_>) -> std::fmt::Result;
}

// ------------------------------------------------------------ OnceCell

/// A cell written at most once.
pub struct OnceCell<T> {
    inner: UnsafeCell<Option<T>>,
}

impl<T> OnceCell<T> {
    pub fn new() -> OnceCell<T>;
    pub fn get(&self) -> Option<&T>;
    pub fn get_mut(&mut self) -> Option<&mut T>;
    pub fn set(&self, value: T) -> Result<(), T>;
    pub fn get_or_init<F: FnOnce() -> T>(&self, f: F) -> &T;
    pub fn into_inner(self) -> Option<T>;
    pub fn take(&mut self) -> Option<T>;
}

impl<T> Default for OnceCell<T> {
    fn default() -> OnceCell<T>;
}
impl<T: Debug> Debug for OnceCell<T> {
    fn fmt(&self, f: &mut Formatter<'_>) -> std::fmt::Result;
}
impl<T: Clone> Clone for OnceCell<T> {
    fn clone(&self) -> OnceCell<T>;
}
