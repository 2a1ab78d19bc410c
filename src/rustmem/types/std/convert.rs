//! std::convert — From/Into, TryFrom/TryInto, AsRef/AsMut, Infallible.
//! Integer conversions (From<u8> for u32 ...) are declared in num.rs.

#[lang = "From"]
pub trait From<T>: Sized {
    fn from(value: T) -> Self;
}

#[lang = "Into"]
pub trait Into<T>: Sized {
    fn into(self) -> T;
}

// `x.into()` works wherever `U: From<T>`.
impl<T, U> Into<U> for T
where
    U: From<T>,
{
    fn into(self) -> U;
}

// Every type converts into itself.
impl<T> From<T> for T {
    fn from(t: T) -> T;
}

#[lang = "TryFrom"]
pub trait TryFrom<T>: Sized {
    type Error;
    fn try_from(value: T) -> Result<Self, Self::Error>;
}

pub trait TryInto<T>: Sized {
    type Error;
    fn try_into(self) -> Result<T, Self::Error>;
}

impl<T, U> TryInto<U> for T
where
    U: TryFrom<T>,
{
    type Error = U::Error;
    fn try_into(self) -> Result<U, U::Error>;
}

// A lossless conversion never fails.
impl<T, U> TryFrom<U> for T
where
    U: Into<T>,
{
    type Error = Infallible;
    fn try_from(value: U) -> Result<T, Infallible>;
}

#[lang = "AsRef"]
pub trait AsRef<T: ?Sized> {
    fn as_ref(&self) -> &T;
}

#[lang = "AsMut"]
pub trait AsMut<T: ?Sized> {
    fn as_mut(&mut self) -> &mut T;
}

impl<T: ?Sized, U: ?Sized> AsRef<U> for &T
where
    T: AsRef<U>,
{
    fn as_ref(&self) -> &U;
}
impl<T: ?Sized, U: ?Sized> AsRef<U> for &mut T
where
    T: AsRef<U>,
{
    fn as_ref(&self) -> &U;
}
impl<T: ?Sized, U: ?Sized> AsMut<U> for &mut T
where
    T: AsMut<U>,
{
    fn as_mut(&mut self) -> &mut U;
}

/// The error type of conversions that cannot fail.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, Hash)]
pub enum Infallible {}

impl std::fmt::Display for Infallible {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result;
}

pub fn identity<T>(x: T) -> T;
