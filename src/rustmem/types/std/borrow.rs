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

/// A borrowed value, or an owned one made from it when needed (`String::from_utf8_lossy`).
#[lang = "Cow"]
pub enum Cow<'a, B: ?Sized + 'a>
where
    B: ToOwned,
{
    Borrowed(&'a B),
    Owned(<B as ToOwned>::Owned),
}

impl<B: ?Sized + ToOwned> Cow<'_, B> {
    pub fn to_mut(&mut self) -> &mut <B as ToOwned>::Owned;
    pub fn into_owned(self) -> <B as ToOwned>::Owned;
}

impl<B: ?Sized + ToOwned> std::ops::Deref for Cow<'_, B>
where
    B::Owned: Borrow<B>,
{
    type Target = B;
    fn deref(&self) -> &B;
}
impl<B: ?Sized + ToOwned> Clone for Cow<'_, B> {
    fn clone(&self) -> Self;
}
impl<B: ?Sized> std::fmt::Display for Cow<'_, B>
where
    B: std::fmt::Display + ToOwned,
    B::Owned: std::fmt::Display,
{
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result;
}
impl<B: ?Sized> std::fmt::Debug for Cow<'_, B>
where
    B: std::fmt::Debug + ToOwned,
    B::Owned: std::fmt::Debug,
{
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result;
}
impl<'a, 'b, B: ?Sized, C: ?Sized> PartialEq<Cow<'b, C>> for Cow<'a, B>
where
    B: PartialEq<C> + ToOwned,
    C: ToOwned,
{
    fn eq(&self, other: &Cow<'b, C>) -> bool;
}
impl<'a, 'b> PartialEq<&'b str> for Cow<'a, str> {
    fn eq(&self, other: &&'b str) -> bool;
}
impl<'a> PartialEq<str> for Cow<'a, str> {
    fn eq(&self, other: &str) -> bool;
}
impl<'a> PartialEq<String> for Cow<'a, str> {
    fn eq(&self, other: &String) -> bool;
}
impl<'a> From<&'a str> for Cow<'a, str> {
    fn from(s: &'a str) -> Cow<'a, str>;
}
impl<'a> From<String> for Cow<'a, str> {
    fn from(s: String) -> Cow<'a, str>;
}
impl<'a> From<&'a String> for Cow<'a, str> {
    fn from(s: &'a String) -> Cow<'a, str>;
}
impl<'a, T: Clone> From<&'a [T]> for Cow<'a, [T]> {
    fn from(s: &'a [T]) -> Cow<'a, [T]>;
}
impl<'a, T: Clone> From<Vec<T>> for Cow<'a, [T]> {
    fn from(v: Vec<T>) -> Cow<'a, [T]>;
}
impl<'a> From<Cow<'a, str>> for String {
    fn from(s: Cow<'a, str>) -> String;
}
impl<'a> std::ops::Add<&'a str> for Cow<'a, str> {
    type Output = Cow<'a, str>;
    fn add(self, rhs: &'a str) -> Cow<'a, str>;
}
