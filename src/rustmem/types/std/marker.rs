//! std::marker — the marker traits and PhantomData.

#[lang = "Sized"]
pub trait Sized {}

#[lang = "Copy"]
pub trait Copy: Clone {}

#[lang = "PhantomData"]
pub struct PhantomData<T: ?Sized>;

impl<T: ?Sized> Clone for PhantomData<T> {
    fn clone(&self) -> Self;
}
impl<T: ?Sized> Copy for PhantomData<T> {}
impl<T: ?Sized> Default for PhantomData<T> {
    fn default() -> Self;
}

// Shared references are Copy; `&mut T` is not.
impl<T: ?Sized> Copy for &T {}
impl<T: ?Sized> Copy for *const T {}
impl<T: ?Sized> Copy for *mut T {}
impl Copy for ! {}
