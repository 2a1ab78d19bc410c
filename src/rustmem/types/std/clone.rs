//! std::clone — Clone, and its impls for references and raw pointers.
//! (Clone for primitives, tuples and arrays is declared beside their other impls.)

#[lang = "Clone"]
pub trait Clone: Sized {
    fn clone(&self) -> Self;
    #[provided]
    fn clone_from(&mut self, source: &Self);
}

impl<T: ?Sized> Clone for &T {
    fn clone(&self) -> Self;
}
impl<T: ?Sized> Clone for *const T {
    fn clone(&self) -> Self;
}
impl<T: ?Sized> Clone for *mut T {
    fn clone(&self) -> Self;
}
impl Clone for ! {
    fn clone(&self) -> Self;
}
