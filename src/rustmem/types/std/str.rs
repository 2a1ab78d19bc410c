//! std::str — the inherent methods of `str`, its iterators, Pattern and FromStr.

use std::cmp::Ordering;
use std::fmt::{self, Debug, Display, Formatter};
use std::ops::{Index, IndexMut, Range, RangeFrom, RangeFull, RangeInclusive, RangeTo, RangeToInclusive};
use std::slice::SliceIndex;

impl str {
    pub fn len(&self) -> usize;
    pub fn is_empty(&self) -> bool;
    pub fn is_char_boundary(&self, index: usize) -> bool;
    pub fn as_bytes(&self) -> &[u8];
    pub unsafe fn as_bytes_mut(&mut self) -> &mut [u8];
    pub fn as_ptr(&self) -> *const u8;
    pub fn as_mut_ptr(&mut self) -> *mut u8;
    pub fn get<I: SliceIndex<str>>(&self, i: I) -> Option<&I::Output>;
    pub fn get_mut<I: SliceIndex<str>>(&mut self, i: I) -> Option<&mut I::Output>;
    pub fn split_at(&self, mid: usize) -> (&str, &str);
    pub fn split_at_mut(&mut self, mid: usize) -> (&mut str, &mut str);
    pub fn chars(&self) -> Chars<'_>;
    pub fn char_indices(&self) -> CharIndices<'_>;
    pub fn bytes(&self) -> Bytes<'_>;
    pub fn split_whitespace(&self) -> SplitWhitespace<'_>;
    pub fn lines(&self) -> Lines<'_>;
    pub fn contains<P: Pattern>(&self, pat: P) -> bool;
    pub fn starts_with<P: Pattern>(&self, pat: P) -> bool;
    pub fn ends_with<P: Pattern>(&self, pat: P) -> bool;
    pub fn find<P: Pattern>(&self, pat: P) -> Option<usize>;
    pub fn rfind<P: Pattern>(&self, pat: P) -> Option<usize>;
    pub fn split<P: Pattern>(&self, pat: P) -> Split<'_, P>;
    pub fn rsplit<P: Pattern>(&self, pat: P) -> RSplit<'_, P>;
    pub fn split_terminator<P: Pattern>(&self, pat: P) -> SplitTerminator<'_, P>;
    pub fn splitn<P: Pattern>(&self, n: usize, pat: P) -> SplitN<'_, P>;
    pub fn rsplitn<P: Pattern>(&self, n: usize, pat: P) -> RSplitN<'_, P>;
    pub fn split_once<P: Pattern>(&self, delimiter: P) -> Option<(&str, &str)>;
    pub fn rsplit_once<P: Pattern>(&self, delimiter: P) -> Option<(&str, &str)>;
    pub fn matches<P: Pattern>(&self, pat: P) -> Matches<'_, P>;
    pub fn trim(&self) -> &str;
    pub fn trim_start(&self) -> &str;
    pub fn trim_end(&self) -> &str;
    pub fn trim_matches<P: Pattern>(&self, pat: P) -> &str;
    pub fn trim_start_matches<P: Pattern>(&self, pat: P) -> &str;
    pub fn trim_end_matches<P: Pattern>(&self, pat: P) -> &str;
    pub fn strip_prefix<P: Pattern>(&self, prefix: P) -> Option<&str>;
    pub fn strip_suffix<P: Pattern>(&self, suffix: P) -> Option<&str>;
    pub fn parse<F: FromStr>(&self) -> Result<F, F::Err>;
    pub fn is_ascii(&self) -> bool;
    pub fn eq_ignore_ascii_case(&self, other: &str) -> bool;
    pub fn make_ascii_uppercase(&mut self);
    pub fn make_ascii_lowercase(&mut self);
    pub fn replace<P: Pattern>(&self, from: P, to: &str) -> String;
    pub fn replacen<P: Pattern>(&self, pat: P, to: &str, count: usize) -> String;
    pub fn to_lowercase(&self) -> String;
    pub fn to_uppercase(&self) -> String;
    pub fn into_string(self: Box<str>) -> String;
    pub fn repeat(&self, n: usize) -> String;
    pub fn to_ascii_uppercase(&self) -> String;
    pub fn to_ascii_lowercase(&self) -> String;
}

/// Builds a `&str` from bytes that must be UTF-8.
pub fn from_utf8(v: &[u8]) -> Result<&str, Utf8Error>;
pub unsafe fn from_utf8_unchecked(v: &[u8]) -> &str;

#[derive(Copy, Eq, PartialEq, Clone, Debug)]
pub struct Utf8Error {
    valid_up_to: usize,
    error_len: Option<u8>,
}

impl Utf8Error {
    pub fn valid_up_to(&self) -> usize;
}
impl Display for Utf8Error {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result;
}

// ------------------------------------------------------------ patterns
// std's Pattern also names a Searcher type; the machine searches natively, so it is left out.

/// What `find`, `split`, `contains`, `trim_matches` ... accept: a char, a string, a slice or
/// array of chars, or a `FnMut(char) -> bool`.
#[lang = "Pattern"]
pub trait Pattern: Sized {}

impl Pattern for char {}
impl Pattern for &str {}
impl Pattern for &String {}
impl Pattern for &&str {}
impl Pattern for &[char] {}
impl<const N: usize> Pattern for [char; N] {}
impl<const N: usize> Pattern for &[char; N] {}
impl<F: FnMut(char) -> bool> Pattern for F {}

// ------------------------------------------------------------ FromStr (what `parse` calls)

#[lang = "FromStr"]
pub trait FromStr: Sized {
    type Err;
    fn from_str(s: &str) -> Result<Self, Self::Err>;
}

/// The error of `"x".parse::<bool>()`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseBoolError;

impl Display for ParseBoolError {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result;
}

// ------------------------------------------------------------ trait impls of str

impl PartialEq for str {
    fn eq(&self, other: &str) -> bool;
}
impl Eq for str {}
impl PartialOrd for str {
    fn partial_cmp(&self, other: &str) -> Option<Ordering>;
}
impl Ord for str {
    fn cmp(&self, other: &str) -> Ordering;
}
impl std::hash::Hash for str {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H);
}
impl Display for str {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result;
}
impl Debug for str {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result;
}
impl Default for &str {
    fn default() -> Self;
}
impl AsRef<str> for str {
    fn as_ref(&self) -> &str;
}
impl AsRef<[u8]> for str {
    fn as_ref(&self) -> &[u8];
}
impl AsMut<str> for str {
    fn as_mut(&mut self) -> &mut str;
}
impl<I: SliceIndex<str>> Index<I> for str {
    type Output = I::Output;
    fn index(&self, index: I) -> &I::Output;
}
impl<I: SliceIndex<str>> IndexMut<I> for str {
    fn index_mut(&mut self, index: I) -> &mut I::Output;
}

// Strings are indexed by byte ranges only (`s[1..3]`), never by a single usize.
impl SliceIndex<str> for Range<usize> {
    type Output = str;
}
impl SliceIndex<str> for RangeFrom<usize> {
    type Output = str;
}
impl SliceIndex<str> for RangeTo<usize> {
    type Output = str;
}
impl SliceIndex<str> for RangeFull {
    type Output = str;
}
impl SliceIndex<str> for RangeInclusive<usize> {
    type Output = str;
}
impl SliceIndex<str> for RangeToInclusive<usize> {
    type Output = str;
}

// ------------------------------------------------------------ iterators
// Each holds the part of the string not yet consumed; the machine's `next` intrinsics decode it.

#[derive(Clone)]
pub struct Chars<'a> {
    iter: std::slice::Iter<'a, u8>,
}
impl<'a> Iterator for Chars<'a> {
    type Item = char;
    fn next(&mut self) -> Option<char>;
}
impl<'a> DoubleEndedIterator for Chars<'a> {
    fn next_back(&mut self) -> Option<char>;
}
impl<'a> Chars<'a> {
    pub fn as_str(&self) -> &'a str;
}
impl Debug for Chars<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result;
}

#[derive(Clone, Debug)]
pub struct CharIndices<'a> {
    front_offset: usize,
    iter: Chars<'a>,
}
impl<'a> Iterator for CharIndices<'a> {
    type Item = (usize, char);
    fn next(&mut self) -> Option<(usize, char)>;
}
impl<'a> DoubleEndedIterator for CharIndices<'a> {
    fn next_back(&mut self) -> Option<(usize, char)>;
}

#[derive(Clone, Debug)]
pub struct Bytes<'a>(std::iter::Copied<std::slice::Iter<'a, u8>>);
impl Iterator for Bytes<'_> {
    type Item = u8;
    fn next(&mut self) -> Option<u8>;
}
impl DoubleEndedIterator for Bytes<'_> {
    fn next_back(&mut self) -> Option<u8>;
}
impl ExactSizeIterator for Bytes<'_> {}

/// The state shared by the splitting iterators: the haystack, the unsearched window
/// `start..end` and whether the last piece has been yielded.
#[derive(Clone, Debug)]
struct SplitInternal<'a, P: Pattern> {
    haystack: &'a str,
    pattern: P,
    start: usize,
    end: usize,
    allow_trailing_empty: bool,
    finished: bool,
}

#[derive(Clone, Debug)]
pub struct Split<'a, P: Pattern>(SplitInternal<'a, P>);
impl<'a, P: Pattern> Iterator for Split<'a, P> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str>;
}
impl<'a, P: Pattern> DoubleEndedIterator for Split<'a, P> {
    fn next_back(&mut self) -> Option<&'a str>;
}

#[derive(Clone, Debug)]
pub struct RSplit<'a, P: Pattern>(SplitInternal<'a, P>);
impl<'a, P: Pattern> Iterator for RSplit<'a, P> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str>;
}

#[derive(Clone, Debug)]
pub struct SplitTerminator<'a, P: Pattern>(SplitInternal<'a, P>);
impl<'a, P: Pattern> Iterator for SplitTerminator<'a, P> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str>;
}

#[derive(Clone, Debug)]
pub struct SplitN<'a, P: Pattern> {
    iter: SplitInternal<'a, P>,
    count: usize,
}
impl<'a, P: Pattern> Iterator for SplitN<'a, P> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str>;
}

#[derive(Clone, Debug)]
pub struct RSplitN<'a, P: Pattern> {
    iter: SplitInternal<'a, P>,
    count: usize,
}
impl<'a, P: Pattern> Iterator for RSplitN<'a, P> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str>;
}

#[derive(Clone, Debug)]
pub struct Matches<'a, P: Pattern> {
    haystack: &'a str,
    pattern: P,
    position: usize,
}
impl<'a, P: Pattern> Iterator for Matches<'a, P> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str>;
}

#[derive(Clone, Debug)]
pub struct SplitWhitespace<'a> {
    inner: SplitInternal<'a, char>,
}
impl<'a> Iterator for SplitWhitespace<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str>;
}
impl<'a> DoubleEndedIterator for SplitWhitespace<'a> {
    fn next_back(&mut self) -> Option<&'a str>;
}

#[derive(Clone, Debug)]
pub struct Lines<'a> {
    inner: SplitInternal<'a, char>,
}
impl<'a> Iterator for Lines<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str>;
}
impl<'a> DoubleEndedIterator for Lines<'a> {
    fn next_back(&mut self) -> Option<&'a str>;
}
