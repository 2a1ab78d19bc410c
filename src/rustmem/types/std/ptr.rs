//! std::ptr — raw pointer functions, the inherent methods of `*const T` / `*mut T`, NonNull.

use std::fmt::{Debug, Formatter, Pointer};

pub fn null<T>() -> *const T;
pub fn null_mut<T>() -> *mut T;
pub unsafe fn read<T>(src: *const T) -> T;
pub unsafe fn read_unaligned<T>(src: *const T) -> T;
pub unsafe fn write<T>(dst: *mut T, src: T);
pub unsafe fn write_unaligned<T>(dst: *mut T, src: T);
pub unsafe fn replace<T>(dst: *mut T, src: T) -> T;
pub unsafe fn swap<T>(x: *mut T, y: *mut T);
pub unsafe fn copy<T>(src: *const T, dst: *mut T, count: usize);
pub unsafe fn copy_nonoverlapping<T>(src: *const T, dst: *mut T, count: usize);
pub unsafe fn drop_in_place<T: ?Sized>(to_drop: *mut T);
pub fn eq<T: ?Sized>(a: *const T, b: *const T) -> bool;
pub fn addr_eq<T: ?Sized, U: ?Sized>(p: *const T, q: *const U) -> bool;
pub fn dangling<T>() -> *const T;
pub fn dangling_mut<T>() -> *mut T;

impl<T: ?Sized> *const T {
    pub fn is_null(self) -> bool;
    pub fn cast<U>(self) -> *const U;
    pub fn cast_mut(self) -> *mut T;
    pub fn addr(self) -> usize;
    pub unsafe fn as_ref<'a>(self) -> Option<&'a T>;
    pub unsafe fn offset(self, count: isize) -> *const T
    where
        T: Sized;
    pub unsafe fn add(self, count: usize) -> *const T
    where
        T: Sized;
    pub unsafe fn sub(self, count: usize) -> *const T
    where
        T: Sized;
    pub fn wrapping_offset(self, count: isize) -> *const T
    where
        T: Sized;
    pub fn wrapping_add(self, count: usize) -> *const T
    where
        T: Sized;
    pub fn wrapping_sub(self, count: usize) -> *const T
    where
        T: Sized;
    pub unsafe fn offset_from(self, origin: *const T) -> isize
    where
        T: Sized;
    pub unsafe fn read(self) -> T
    where
        T: Sized;
}

impl<T: ?Sized> *mut T {
    pub fn is_null(self) -> bool;
    pub fn cast<U>(self) -> *mut U;
    pub fn cast_const(self) -> *const T;
    pub fn addr(self) -> usize;
    pub unsafe fn as_ref<'a>(self) -> Option<&'a T>;
    pub unsafe fn as_mut<'a>(self) -> Option<&'a mut T>;
    pub unsafe fn offset(self, count: isize) -> *mut T
    where
        T: Sized;
    pub unsafe fn add(self, count: usize) -> *mut T
    where
        T: Sized;
    pub unsafe fn sub(self, count: usize) -> *mut T
    where
        T: Sized;
    pub fn wrapping_offset(self, count: isize) -> *mut T
    where
        T: Sized;
    pub fn wrapping_add(self, count: usize) -> *mut T
    where
        T: Sized;
    pub fn wrapping_sub(self, count: usize) -> *mut T
    where
        T: Sized;
    pub unsafe fn offset_from(self, origin: *const T) -> isize
    where
        T: Sized;
    pub unsafe fn read(self) -> T
    where
        T: Sized;
    pub unsafe fn write(self, val: T)
    where
        T: Sized;
    pub unsafe fn replace(self, src: T) -> T
    where
        T: Sized;
    pub unsafe fn swap(self, with: *mut T)
    where
        T: Sized;
    pub unsafe fn drop_in_place(self);
}

impl<T: ?Sized> Debug for *const T {
    fn fmt(&self, f: &mut Formatter<'_>) -> std::fmt::Result;
}
impl<T: ?Sized> Debug for *mut T {
    fn fmt(&self, f: &mut Formatter<'_>) -> std::fmt::Result;
}
impl<T: ?Sized> Pointer for *const T {
    fn fmt(&self, f: &mut Formatter<'_>) -> std::fmt::Result;
}
impl<T: ?Sized> Pointer for *mut T {
    fn fmt(&self, f: &mut Formatter<'_>) -> std::fmt::Result;
}

/// A non-null raw pointer; the valid-range attribute gives `Option<NonNull<T>>` its niche.
#[lang = "NonNull"]
#[repr(transparent)]
#[rustc_layout_scalar_valid_range_start(1)]
pub struct NonNull<T: ?Sized> {
    pointer: *const T,
}

impl<T> NonNull<T> {
    pub fn dangling() -> NonNull<T>;
    pub unsafe fn add(self, count: usize) -> NonNull<T>;
    pub unsafe fn read(self) -> T;
    pub unsafe fn write(self, val: T);
}

impl<T: ?Sized> NonNull<T> {
    pub unsafe fn new_unchecked(ptr: *mut T) -> NonNull<T>;
    pub fn new(ptr: *mut T) -> Option<NonNull<T>>;
    pub fn as_ptr(self) -> *mut T;
    pub unsafe fn as_ref<'a>(&self) -> &'a T;
    pub unsafe fn as_mut<'a>(&mut self) -> &'a mut T;
    pub fn cast<U>(self) -> NonNull<U>;
    pub fn from_ref(r: &T) -> NonNull<T>;
    pub fn from_mut(r: &mut T) -> NonNull<T>;
}

impl<T: ?Sized> Copy for NonNull<T> {}
impl<T: ?Sized> Clone for NonNull<T> {
    fn clone(&self) -> Self;
}
impl<T: ?Sized> PartialEq for NonNull<T> {
    fn eq(&self, other: &Self) -> bool;
}
impl<T: ?Sized> Eq for NonNull<T> {}
impl<T: ?Sized> Debug for NonNull<T> {
    fn fmt(&self, f: &mut Formatter<'_>) -> std::fmt::Result;
}
impl<T: ?Sized> Pointer for NonNull<T> {
    fn fmt(&self, f: &mut Formatter<'_>) -> std::fmt::Result;
}
impl<T: ?Sized> From<&T> for NonNull<T> {
    fn from(r: &T) -> NonNull<T>;
}
impl<T: ?Sized> From<&mut T> for NonNull<T> {
    fn from(r: &mut T) -> NonNull<T>;
}
