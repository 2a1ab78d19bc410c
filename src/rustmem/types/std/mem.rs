//! std::mem — moving values around without running their drops, sizes and alignments,
//! ManuallyDrop and MaybeUninit.

use std::ops::{Deref, DerefMut};

pub fn drop<T>(_x: T);
pub fn forget<T>(t: T);
pub fn swap<T>(x: &mut T, y: &mut T);
pub fn replace<T>(dest: &mut T, src: T) -> T;
pub fn take<T: Default>(dest: &mut T) -> T;
pub fn size_of<T>() -> usize;
pub fn size_of_val<T: ?Sized>(val: &T) -> usize;
pub fn align_of<T>() -> usize;
pub fn align_of_val<T: ?Sized>(val: &T) -> usize;
pub fn needs_drop<T: ?Sized>() -> bool;
pub unsafe fn zeroed<T>() -> T;
pub unsafe fn transmute<Src, Dst>(src: Src) -> Dst;
pub fn discriminant<T>(v: &T) -> Discriminant<T>;

/// The opaque discriminant of an enum value (`mem::discriminant(&a) == mem::discriminant(&b)`).
pub struct Discriminant<T>(u64, std::marker::PhantomData<T>);

impl<T> Copy for Discriminant<T> {}
impl<T> Clone for Discriminant<T> {
    fn clone(&self) -> Self;
}
impl<T> PartialEq for Discriminant<T> {
    fn eq(&self, rhs: &Self) -> bool;
}
impl<T> Eq for Discriminant<T> {}
impl<T> std::fmt::Debug for Discriminant<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result;
}

/// A value whose drop glue never runs.
#[lang = "ManuallyDrop"]
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(transparent)]
pub struct ManuallyDrop<T: ?Sized> {
    value: T,
}

impl<T> ManuallyDrop<T> {
    pub fn new(value: T) -> ManuallyDrop<T>;
    pub fn into_inner(slot: ManuallyDrop<T>) -> T;
    pub unsafe fn take(slot: &mut ManuallyDrop<T>) -> T;
}

impl<T: ?Sized> ManuallyDrop<T> {
    pub unsafe fn drop(slot: &mut ManuallyDrop<T>);
}

impl<T: ?Sized> Deref for ManuallyDrop<T> {
    type Target = T;
    fn deref(&self) -> &T;
}
impl<T: ?Sized> DerefMut for ManuallyDrop<T> {
    fn deref_mut(&mut self) -> &mut T;
}

/// Memory that may not hold an initialised `T` yet.  std declares it as
/// `union MaybeUninit<T> { uninit: (), value: ManuallyDrop<T> }`; the subset has no unions,
/// and this struct has the same size, alignment and (absent) niches.
#[lang = "MaybeUninit"]
#[repr(transparent)]
pub struct MaybeUninit<T> {
    value: ManuallyDrop<T>,
}

impl<T: Copy> Copy for MaybeUninit<T> {}
impl<T: Copy> Clone for MaybeUninit<T> {
    fn clone(&self) -> Self;
}

impl<T> MaybeUninit<T> {
    pub fn new(val: T) -> MaybeUninit<T>;
    pub fn uninit() -> MaybeUninit<T>;
    pub fn zeroed() -> MaybeUninit<T>;
    pub fn write(&mut self, val: T) -> &mut T;
    pub fn as_ptr(&self) -> *const T;
    pub fn as_mut_ptr(&mut self) -> *mut T;
    pub unsafe fn assume_init(self) -> T;
    pub unsafe fn assume_init_read(&self) -> T;
    pub unsafe fn assume_init_drop(&mut self);
    pub unsafe fn assume_init_ref(&self) -> &T;
    pub unsafe fn assume_init_mut(&mut self) -> &mut T;
}

impl<T> std::fmt::Debug for MaybeUninit<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result;
}
