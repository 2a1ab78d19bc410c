//! std::borrow — Borrow/BorrowMut and ToOwned (what `to_owned()` and `join` rest on).

pub trait Borrow<Borrowed: ?Sized> {
    fn borrow(&self) -> &Borrowed;
}

pub trait BorrowMut<Borrowed: ?Sized>: Borrow<Borrowed> {
    fn borrow_mut(&mut self) -> &mut Borrowed;
}

impl<T: ?Sized> Borrow<T> for T {
    fn borrow(&self) -> &T;
}
impl<T: ?Sized> BorrowMut<T> for T {
    fn borrow_mut(&mut self) -> &mut T;
}
impl<T: ?Sized> Borrow<T> for &T {
    fn borrow(&self) -> &T;
}
impl<T: ?Sized> Borrow<T> for &mut T {
    fn borrow(&self) -> &T;
}
impl<T: ?Sized> BorrowMut<T> for &mut T {
    fn borrow_mut(&mut self) -> &mut T;
}

#[lang = "ToOwned"]
pub trait ToOwned {
    type Owned: Borrow<Self>;
    fn to_owned(&self) -> Self::Owned;
    #[provided]
    fn clone_into(&self, target: &mut Self::Owned);
}

impl<T: Clone> ToOwned for T {
    type Owned = T;
    fn to_owned(&self) -> T;
}
