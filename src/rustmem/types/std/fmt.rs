//! std::fmt — the formatting traits, Formatter, Arguments and the debug builders.
//! The machine implements formatting natively (machine/fmt.py); these declarations give
//! the checker the signatures that `impl Display for T` and `write!(f, ...)` use.
//! Display/Debug impls of each type are declared beside the type.

use std::marker::PhantomData;

/// `fmt::Result`: formatting either succeeds or fails with the unit-like Error.
pub type Result = std::result::Result<(), Error>;

#[derive(Clone, Copy, Debug, Default, Eq, Hash, Ord, PartialEq, PartialOrd)]
pub struct Error;

impl Display for Error {
    fn fmt(&self, f: &mut Formatter<'_>) -> Result;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Alignment {
    Left,
    Right,
    Center,
}

/// Where formatted text goes, with the flags of the `{...}` being formatted.
/// std's `buf` is a `&'a mut (dyn Write + 'a)`; the machine keeps the sink itself, so the
/// field only records the lifetime, invariant as std's is.
#[lang = "Formatter"]
pub struct Formatter<'a> {
    flags: u32,
    fill: char,
    align: Option<Alignment>,
    width: Option<usize>,
    precision: Option<usize>,
    buf: PhantomData<&'a mut &'a ()>,
}

impl<'a> Formatter<'a> {
    pub fn pad_integral(&mut self, is_nonnegative: bool, prefix: &str, buf: &str) -> Result;
    pub fn pad(&mut self, s: &str) -> Result;
    pub fn write_str(&mut self, data: &str) -> Result;
    pub fn write_fmt(&mut self, fmt: Arguments<'_>) -> Result;
    pub fn fill(&self) -> char;
    pub fn align(&self) -> Option<Alignment>;
    pub fn width(&self) -> Option<usize>;
    pub fn precision(&self) -> Option<usize>;
    pub fn sign_plus(&self) -> bool;
    pub fn sign_minus(&self) -> bool;
    pub fn alternate(&self) -> bool;
    pub fn sign_aware_zero_pad(&self) -> bool;
    pub fn debug_struct<'b>(&'b mut self, name: &str) -> DebugStruct<'b, 'a>;
    pub fn debug_tuple<'b>(&'b mut self, name: &str) -> DebugTuple<'b, 'a>;
    pub fn debug_list<'b>(&'b mut self) -> DebugList<'b, 'a>;
    pub fn debug_set<'b>(&'b mut self) -> DebugSet<'b, 'a>;
    pub fn debug_map<'b>(&'b mut self) -> DebugMap<'b, 'a>;
}

impl Write for Formatter<'_> {
    fn write_str(&mut self, s: &str) -> Result;
    fn write_char(&mut self, c: char) -> Result;
    fn write_fmt(&mut self, args: Arguments<'_>) -> Result;
}

/// A format string with its arguments, as `format_args!` builds it.
/// (std stores the pieces and type-erased argument pointers; the machine keeps them natively.)
#[lang = "Arguments"]
#[derive(Copy, Clone)]
pub struct Arguments<'a> {
    pieces: &'a [&'static str],
    args: PhantomData<&'a ()>,
}

impl<'a> Arguments<'a> {
    pub fn as_str(&self) -> Option<&'static str>;
}
impl Display for Arguments<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> Result;
}
impl Debug for Arguments<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> Result;
}

/// `format!` without the macro: the String that `args` formats to.
pub fn format(args: Arguments<'_>) -> String;

// ------------------------------------------------------------ the formatting traits

/// `{}`
#[lang = "Display"]
pub trait Display {
    fn fmt(&self, f: &mut Formatter<'_>) -> Result;
}

/// `{:?}`
#[lang = "Debug"]
pub trait Debug {
    fn fmt(&self, f: &mut Formatter<'_>) -> Result;
}

/// `{:x}`
#[lang = "LowerHex"]
pub trait LowerHex {
    fn fmt(&self, f: &mut Formatter<'_>) -> Result;
}

/// `{:X}`
#[lang = "UpperHex"]
pub trait UpperHex {
    fn fmt(&self, f: &mut Formatter<'_>) -> Result;
}

/// `{:o}`
#[lang = "Octal"]
pub trait Octal {
    fn fmt(&self, f: &mut Formatter<'_>) -> Result;
}

/// `{:b}`
#[lang = "Binary"]
pub trait Binary {
    fn fmt(&self, f: &mut Formatter<'_>) -> Result;
}

/// `{:e}`
#[lang = "LowerExp"]
pub trait LowerExp {
    fn fmt(&self, f: &mut Formatter<'_>) -> Result;
}

/// `{:E}`
#[lang = "UpperExp"]
pub trait UpperExp {
    fn fmt(&self, f: &mut Formatter<'_>) -> Result;
}

/// `{:p}`
#[lang = "Pointer"]
pub trait Pointer {
    fn fmt(&self, f: &mut Formatter<'_>) -> Result;
}

/// A sink for text: String and Formatter (what `write!` calls).
#[lang = "FmtWrite"]
pub trait Write {
    fn write_str(&mut self, s: &str) -> Result;
    #[provided]
    fn write_char(&mut self, c: char) -> Result;
    #[provided]
    fn write_fmt(&mut self, args: Arguments<'_>) -> Result;
}

impl<W: Write + ?Sized> Write for &mut W {
    fn write_str(&mut self, s: &str) -> Result;
}

// Formatting sees through references.
impl<T: ?Sized + Display> Display for &T {
    fn fmt(&self, f: &mut Formatter<'_>) -> Result;
}
impl<T: ?Sized + Display> Display for &mut T {
    fn fmt(&self, f: &mut Formatter<'_>) -> Result;
}
impl<T: ?Sized + Debug> Debug for &T {
    fn fmt(&self, f: &mut Formatter<'_>) -> Result;
}
impl<T: ?Sized + Debug> Debug for &mut T {
    fn fmt(&self, f: &mut Formatter<'_>) -> Result;
}
impl<T: ?Sized> Pointer for &T {
    fn fmt(&self, f: &mut Formatter<'_>) -> Result;
}
impl<T: ?Sized> Pointer for &mut T {
    fn fmt(&self, f: &mut Formatter<'_>) -> Result;
}
impl<T: ?Sized + LowerHex> LowerHex for &T {
    fn fmt(&self, f: &mut Formatter<'_>) -> Result;
}
impl<T: ?Sized + UpperHex> UpperHex for &T {
    fn fmt(&self, f: &mut Formatter<'_>) -> Result;
}
impl<T: ?Sized + Binary> Binary for &T {
    fn fmt(&self, f: &mut Formatter<'_>) -> Result;
}
impl<T: ?Sized + Octal> Octal for &T {
    fn fmt(&self, f: &mut Formatter<'_>) -> Result;
}
impl<T: ?Sized + LowerExp> LowerExp for &T {
    fn fmt(&self, f: &mut Formatter<'_>) -> Result;
}
impl<T: ?Sized> Debug for PhantomData<T> {
    fn fmt(&self, f: &mut Formatter<'_>) -> Result;
}
impl Debug for ! {
    fn fmt(&self, f: &mut Formatter<'_>) -> Result;
}
impl Display for ! {
    fn fmt(&self, f: &mut Formatter<'_>) -> Result;
}

// ------------------------------------------------------------ the debug builders
// std takes the values as `&dyn Debug`; the subset has no trait objects, so each value is a
// `&T` with `T: Debug` (a call accepts exactly the same arguments).

/// `f.debug_struct("Point").field("x", &self.x).finish()`
#[must_use]
pub struct DebugStruct<'a, 'b: 'a> {
    fmt: &'a mut Formatter<'b>,
    result: Result,
    has_fields: bool,
}

impl<'a, 'b: 'a> DebugStruct<'a, 'b> {
    pub fn field<T: Debug + ?Sized>(&mut self, name: &str, value: &T) -> &mut Self;
    pub fn finish_non_exhaustive(&mut self) -> Result;
    pub fn finish(&mut self) -> Result;
}

/// `f.debug_tuple("Meters").field(&self.0).finish()`
#[must_use]
pub struct DebugTuple<'a, 'b: 'a> {
    fmt: &'a mut Formatter<'b>,
    result: Result,
    fields: usize,
    empty_name: bool,
}

impl<'a, 'b: 'a> DebugTuple<'a, 'b> {
    pub fn field<T: Debug + ?Sized>(&mut self, value: &T) -> &mut Self;
    pub fn finish(&mut self) -> Result;
}

/// `f.debug_list().entries(self.items.iter()).finish()`
#[must_use]
pub struct DebugList<'a, 'b: 'a> {
    fmt: &'a mut Formatter<'b>,
    result: Result,
    has_fields: bool,
}

impl<'a, 'b: 'a> DebugList<'a, 'b> {
    pub fn entry<T: Debug + ?Sized>(&mut self, entry: &T) -> &mut Self;
    pub fn entries<D: Debug, I: IntoIterator<Item = D>>(&mut self, entries: I) -> &mut Self;
    pub fn finish(&mut self) -> Result;
}

/// `f.debug_set().entries(...).finish()`
#[must_use]
pub struct DebugSet<'a, 'b: 'a> {
    fmt: &'a mut Formatter<'b>,
    result: Result,
    has_fields: bool,
}

impl<'a, 'b: 'a> DebugSet<'a, 'b> {
    pub fn entry<T: Debug + ?Sized>(&mut self, entry: &T) -> &mut Self;
    pub fn entries<D: Debug, I: IntoIterator<Item = D>>(&mut self, entries: I) -> &mut Self;
    pub fn finish(&mut self) -> Result;
}

/// `f.debug_map().entry(&k, &v).finish()`
#[must_use]
pub struct DebugMap<'a, 'b: 'a> {
    fmt: &'a mut Formatter<'b>,
    result: Result,
    has_fields: bool,
    has_key: bool,
}

impl<'a, 'b: 'a> DebugMap<'a, 'b> {
    pub fn key<T: Debug + ?Sized>(&mut self, key: &T) -> &mut Self;
    pub fn value<T: Debug + ?Sized>(&mut self, value: &T) -> &mut Self;
    pub fn entry<K: Debug + ?Sized, V: Debug + ?Sized>(&mut self, key: &K, value: &V) -> &mut Self;
    pub fn entries<K: Debug, V: Debug, I: IntoIterator<Item = (K, V)>>(&mut self, entries: I) -> &mut Self;
    pub fn finish(&mut self) -> Result;
}
