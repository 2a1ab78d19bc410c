//! std::char — the inherent methods and trait impls of `char`.

use std::cmp::Ordering;
use std::fmt::{self, Debug, Display, Formatter};
use std::iter::Step;
use std::str::FromStr;

impl char {
    pub const MAX: char = '\u{10FFFF}';
    pub const REPLACEMENT_CHARACTER: char = '\u{FFFD}';

    pub fn from_u32(i: u32) -> Option<char>;
    pub unsafe fn from_u32_unchecked(i: u32) -> char;
    pub fn from_digit(num: u32, radix: u32) -> Option<char>;
    pub fn is_digit(self, radix: u32) -> bool;
    pub fn to_digit(self, radix: u32) -> Option<u32>;
    pub fn len_utf8(self) -> usize;
    pub fn encode_utf8(self, dst: &mut [u8]) -> &mut str;
    pub fn is_alphabetic(self) -> bool;
    pub fn is_lowercase(self) -> bool;
    pub fn is_uppercase(self) -> bool;
    pub fn is_whitespace(self) -> bool;
    pub fn is_alphanumeric(self) -> bool;
    pub fn is_control(self) -> bool;
    pub fn is_numeric(self) -> bool;
    pub fn to_lowercase(self) -> ToLowercase;
    pub fn to_uppercase(self) -> ToUppercase;
    pub fn is_ascii(&self) -> bool;
    pub fn to_ascii_uppercase(&self) -> char;
    pub fn to_ascii_lowercase(&self) -> char;
    pub fn eq_ignore_ascii_case(&self, other: &char) -> bool;
    pub fn make_ascii_uppercase(&mut self);
    pub fn make_ascii_lowercase(&mut self);
    pub fn is_ascii_alphabetic(&self) -> bool;
    pub fn is_ascii_uppercase(&self) -> bool;
    pub fn is_ascii_lowercase(&self) -> bool;
    pub fn is_ascii_alphanumeric(&self) -> bool;
    pub fn is_ascii_digit(&self) -> bool;
    pub fn is_ascii_hexdigit(&self) -> bool;
    pub fn is_ascii_punctuation(&self) -> bool;
    pub fn is_ascii_graphic(&self) -> bool;
    pub fn is_ascii_whitespace(&self) -> bool;
    pub fn is_ascii_control(&self) -> bool;
}

/// `c.to_uppercase()`: up to three chars (`'ß'` becomes "SS"); `chars[idx..len]` remain.
#[derive(Debug, Clone)]
pub struct ToUppercase {
    chars: [char; 3],
    idx: usize,
    len: usize,
}
impl Iterator for ToUppercase {
    type Item = char;
    fn next(&mut self) -> Option<char>;
}
impl DoubleEndedIterator for ToUppercase {
    fn next_back(&mut self) -> Option<char>;
}
impl ExactSizeIterator for ToUppercase {}
impl Display for ToUppercase {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result;
}

/// `c.to_lowercase()`.
#[derive(Debug, Clone)]
pub struct ToLowercase {
    chars: [char; 3],
    idx: usize,
    len: usize,
}
impl Iterator for ToLowercase {
    type Item = char;
    fn next(&mut self) -> Option<char>;
}
impl DoubleEndedIterator for ToLowercase {
    fn next_back(&mut self) -> Option<char>;
}
impl ExactSizeIterator for ToLowercase {}
impl Display for ToLowercase {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result;
}

/// The error of `"ab".parse::<char>()`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseCharError {
    kind: CharErrorKind,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum CharErrorKind {
    EmptyString,
    TooManyChars,
}

impl Display for ParseCharError {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result;
}

pub fn from_u32(i: u32) -> Option<char>;
pub fn from_digit(num: u32, radix: u32) -> Option<char>;

impl Copy for char {}
impl Clone for char {
    fn clone(&self) -> char;
}
impl PartialEq for char {
    fn eq(&self, other: &char) -> bool;
}
impl Eq for char {}
impl PartialOrd for char {
    fn partial_cmp(&self, other: &char) -> Option<Ordering>;
}
impl Ord for char {
    fn cmp(&self, other: &char) -> Ordering;
}
impl std::hash::Hash for char {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H);
}
impl Default for char {
    fn default() -> char;
}
impl Display for char {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result;
}
impl Debug for char {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result;
}
impl Step for char {}
impl FromStr for char {
    type Err = ParseCharError;
    fn from_str(s: &str) -> Result<char, ParseCharError>;
}
impl From<u8> for char {
    fn from(i: u8) -> char;
}
impl From<char> for u32 {
    fn from(c: char) -> u32;
}
impl From<char> for u64 {
    fn from(c: char) -> u64;
}
impl TryFrom<u32> for char {
    type Error = CharTryFromError;
    fn try_from(i: u32) -> Result<char, CharTryFromError>;
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct CharTryFromError(());

impl Display for CharTryFromError {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result;
}
