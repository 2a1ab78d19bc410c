//! std::error — the Error trait that error types implement (`impl Error for MyError {}`).
//! std's provided methods (`source`, `description`, `cause`) return trait objects, which the
//! subset does not have, so they are left out; an impl with an empty body is what programs write.

use std::fmt::{Debug, Display};

#[lang = "Error"]
pub trait Error: Debug + Display {}

impl Error for std::num::ParseIntError {}
impl Error for std::num::ParseFloatError {}
impl Error for std::num::TryFromIntError {}
impl Error for std::str::ParseBoolError {}
impl Error for std::str::Utf8Error {}
impl Error for std::string::FromUtf8Error {}
impl Error for std::char::ParseCharError {}
impl Error for std::char::CharTryFromError {}
impl Error for std::cell::BorrowError {}
impl Error for std::cell::BorrowMutError {}
impl Error for std::fmt::Error {}
impl Error for std::convert::Infallible {}
impl<T: Error> Error for Box<T> {}
impl<'a, T: Error + ?Sized> Error for &'a T {}
