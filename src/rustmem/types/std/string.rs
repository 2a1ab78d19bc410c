//! std::string — String (a Vec<u8> of UTF-8), ToString, FromUtf8Error.
//! A String's str methods (trim, chars, contains, split ...) come from `impl str` in
//! str.rs through `Deref<Target = str>`.

use std::cmp::Ordering;
use std::fmt::{self, Debug, Display, Formatter};
use std::ops::{Add, AddAssign, Deref, DerefMut, Index, IndexMut, RangeBounds};
use std::slice::SliceIndex;
use std::str::{Chars, FromStr};
use std::borrow::Cow;
use std::convert::Infallible;

#[lang = "String"]
pub struct String {
    vec: Vec<u8>,
}

impl String {
    pub fn new() -> String;
    pub fn with_capacity(capacity: usize) -> String;
    pub fn from_utf8(vec: Vec<u8>) -> Result<String, FromUtf8Error>;
    pub fn from_utf8_lossy(v: &[u8]) -> Cow<'_, str>;
    pub unsafe fn from_utf8_unchecked(bytes: Vec<u8>) -> String;
    pub unsafe fn from_raw_parts(buf: *mut u8, length: usize, capacity: usize) -> String;
    pub fn into_bytes(self) -> Vec<u8>;
    pub fn as_str(&self) -> &str;
    pub fn as_mut_str(&mut self) -> &mut str;
    pub fn push_str(&mut self, string: &str);
    pub fn capacity(&self) -> usize;
    pub fn reserve(&mut self, additional: usize);
    pub fn shrink_to_fit(&mut self);
    pub fn push(&mut self, ch: char);
    pub fn as_bytes(&self) -> &[u8];
    pub fn truncate(&mut self, new_len: usize);
    pub fn pop(&mut self) -> Option<char>;
    pub fn remove(&mut self, idx: usize) -> char;
    pub fn retain<F: FnMut(char) -> bool>(&mut self, f: F);
    pub fn insert(&mut self, idx: usize, ch: char);
    pub fn insert_str(&mut self, idx: usize, string: &str);
    pub unsafe fn as_mut_vec(&mut self) -> &mut Vec<u8>;
    pub fn len(&self) -> usize;
    pub fn is_empty(&self) -> bool;
    pub fn split_off(&mut self, at: usize) -> String;
    pub fn clear(&mut self);
    pub fn drain<R: RangeBounds<usize>>(&mut self, range: R) -> Drain<'_>;
    pub fn replace_range<R: RangeBounds<usize>>(&mut self, range: R, replace_with: &str);
    pub fn into_boxed_str(self) -> Box<str>;
    pub fn leak<'a>(self) -> &'a mut str;
}

#[lang = "ToString"]
pub trait ToString {
    fn to_string(&self) -> String;
}

// Anything that can be displayed can be turned into a String.
impl<T: Display + ?Sized> ToString for T {
    fn to_string(&self) -> String;
}

impl Deref for String {
    type Target = str;
    fn deref(&self) -> &str;
}
impl DerefMut for String {
    fn deref_mut(&mut self) -> &mut str;
}
impl Clone for String {
    fn clone(&self) -> String;
}
impl Default for String {
    fn default() -> String;
}
impl Display for String {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result;
}
impl Debug for String {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result;
}
impl std::hash::Hash for String {
    fn hash<H: std::hash::Hasher>(&self, hasher: &mut H);
}

impl PartialEq for String {
    fn eq(&self, other: &String) -> bool;
}
impl Eq for String {}
impl PartialOrd for String {
    fn partial_cmp(&self, other: &String) -> Option<Ordering>;
}
impl Ord for String {
    fn cmp(&self, other: &String) -> Ordering;
}

// `String == &str`, `&str == String`, `String == str`, `str == String`.
impl PartialEq<str> for String {
    fn eq(&self, other: &str) -> bool;
}
impl<'a> PartialEq<&'a str> for String {
    fn eq(&self, other: &&'a str) -> bool;
}
impl PartialEq<String> for str {
    fn eq(&self, other: &String) -> bool;
}
impl<'a> PartialEq<String> for &'a str {
    fn eq(&self, other: &String) -> bool;
}

// `s + "tail"`: consumes the left operand and reuses its buffer.
impl Add<&str> for String {
    type Output = String;
    fn add(self, other: &str) -> String;
}
impl AddAssign<&str> for String {
    fn add_assign(&mut self, other: &str);
}

impl<I: SliceIndex<str>> Index<I> for String {
    type Output = I::Output;
    fn index(&self, index: I) -> &I::Output;
}
impl<I: SliceIndex<str>> IndexMut<I> for String {
    fn index_mut(&mut self, index: I) -> &mut I::Output;
}

impl AsRef<str> for String {
    fn as_ref(&self) -> &str;
}
impl AsMut<str> for String {
    fn as_mut(&mut self) -> &mut str;
}
impl AsRef<[u8]> for String {
    fn as_ref(&self) -> &[u8];
}
impl std::borrow::Borrow<str> for String {
    fn borrow(&self) -> &str;
}
impl std::borrow::BorrowMut<str> for String {
    fn borrow_mut(&mut self) -> &mut str;
}

impl From<&str> for String {
    fn from(s: &str) -> String;
}
impl From<&mut str> for String {
    fn from(s: &mut str) -> String;
}
impl From<&String> for String {
    fn from(s: &String) -> String;
}
impl From<char> for String {
    #[intrinsic = "<String as From<char>>::from"]
    fn from(c: char) -> String;
}
impl From<Box<str>> for String {
    fn from(s: Box<str>) -> String;
}

impl FromIterator<char> for String {
    fn from_iter<I: IntoIterator<Item = char>>(iter: I) -> String;
}
impl<'a> FromIterator<&'a char> for String {
    fn from_iter<I: IntoIterator<Item = &'a char>>(iter: I) -> String;
}
impl<'a> FromIterator<&'a str> for String {
    fn from_iter<I: IntoIterator<Item = &'a str>>(iter: I) -> String;
}
impl FromIterator<String> for String {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> String;
}
impl Extend<char> for String {
    fn extend<I: IntoIterator<Item = char>>(&mut self, iter: I);
}
impl<'a> Extend<&'a char> for String {
    fn extend<I: IntoIterator<Item = &'a char>>(&mut self, iter: I);
}
impl<'a> Extend<&'a str> for String {
    fn extend<I: IntoIterator<Item = &'a str>>(&mut self, iter: I);
}
impl Extend<String> for String {
    fn extend<I: IntoIterator<Item = String>>(&mut self, iter: I);
}

impl FromStr for String {
    type Err = Infallible;
    fn from_str(s: &str) -> Result<String, Infallible>;
}

impl fmt::Write for String {
    fn write_str(&mut self, s: &str) -> fmt::Result;
    fn write_char(&mut self, c: char) -> fmt::Result;
}

impl std::borrow::ToOwned for str {
    type Owned = String;
    fn to_owned(&self) -> String;
}

// ------------------------------------------------------------ errors and Drain

/// The error of `String::from_utf8`: the bytes, and where they stopped being UTF-8.
#[derive(Debug, PartialEq, Eq, Clone)]
pub struct FromUtf8Error {
    bytes: Vec<u8>,
    valid_up_to: usize,
}

impl FromUtf8Error {
    pub fn as_bytes(&self) -> &[u8];
    pub fn into_bytes(self) -> Vec<u8>;
}

impl Display for FromUtf8Error {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result;
}

/// The chars removed by `String::drain`.
pub struct Drain<'a> {
    string: *mut String,
    start: usize,
    end: usize,
    iter: Chars<'a>,
}

impl Iterator for Drain<'_> {
    type Item = char;
    fn next(&mut self) -> Option<char>;
}
impl DoubleEndedIterator for Drain<'_> {
    fn next_back(&mut self) -> Option<char>;
}
impl Drop for Drain<'_> {
    fn drop(&mut self);
}
