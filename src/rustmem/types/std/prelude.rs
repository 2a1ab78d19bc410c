//! The names in scope in every program (std's Rust 2021 prelude).
//! Derive macros (`#[derive(Debug)]` ...) are not listed: they name the traits by path.

pub use std::marker::{Copy, Sized};
pub use std::ops::{Drop, Fn, FnMut, FnOnce};
pub use std::mem::drop;
pub use std::boxed::Box;
pub use std::borrow::ToOwned;
pub use std::clone::Clone;
pub use std::cmp::{Eq, Ord, PartialEq, PartialOrd};
pub use std::convert::{AsMut, AsRef, From, Into, TryFrom, TryInto};
pub use std::default::Default;
pub use std::iter::{DoubleEndedIterator, ExactSizeIterator, Extend, FromIterator, IntoIterator, Iterator};
pub use std::option::Option;
pub use std::option::Option::{None, Some};
pub use std::result::Result;
pub use std::result::Result::{Err, Ok};
pub use std::string::{String, ToString};
pub use std::vec::Vec;
