//! The inherent methods and trait impls of `bool`.

use std::cmp::Ordering;
use std::fmt::{self, Debug, Display, Formatter};
use std::ops::{BitAnd, BitAndAssign, BitOr, BitOrAssign, BitXor, BitXorAssign, Not};
use std::str::{FromStr, ParseBoolError};

impl bool {
    pub fn then_some<T>(self, t: T) -> Option<T>;
    pub fn then<T, F: FnOnce() -> T>(self, f: F) -> Option<T>;
}

impl Copy for bool {}
impl Clone for bool {
    fn clone(&self) -> bool;
}
impl PartialEq for bool {
    fn eq(&self, other: &bool) -> bool;
}
impl Eq for bool {}
impl PartialOrd for bool {
    fn partial_cmp(&self, other: &bool) -> Option<Ordering>;
}
impl Ord for bool {
    fn cmp(&self, other: &bool) -> Ordering;
}
impl std::hash::Hash for bool {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H);
}
impl Default for bool {
    fn default() -> bool;
}
impl Display for bool {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result;
}
impl Debug for bool {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result;
}
impl FromStr for bool {
    type Err = ParseBoolError;
    fn from_str(s: &str) -> Result<bool, ParseBoolError>;
}

impl Not for bool {
    type Output = bool;
    fn not(self) -> bool;
}
impl Not for &bool {
    type Output = bool;
    fn not(self) -> bool;
}
impl BitAnd for bool {
    type Output = bool;
    fn bitand(self, rhs: bool) -> bool;
}
impl BitAnd<&bool> for bool {
    type Output = bool;
    fn bitand(self, rhs: &bool) -> bool;
}
impl BitAnd<bool> for &bool {
    type Output = bool;
    fn bitand(self, rhs: bool) -> bool;
}
impl BitAnd<&bool> for &bool {
    type Output = bool;
    fn bitand(self, rhs: &bool) -> bool;
}
impl BitOr for bool {
    type Output = bool;
    fn bitor(self, rhs: bool) -> bool;
}
impl BitOr<&bool> for bool {
    type Output = bool;
    fn bitor(self, rhs: &bool) -> bool;
}
impl BitOr<bool> for &bool {
    type Output = bool;
    fn bitor(self, rhs: bool) -> bool;
}
impl BitOr<&bool> for &bool {
    type Output = bool;
    fn bitor(self, rhs: &bool) -> bool;
}
impl BitXor for bool {
    type Output = bool;
    fn bitxor(self, rhs: bool) -> bool;
}
impl BitXor<&bool> for bool {
    type Output = bool;
    fn bitxor(self, rhs: &bool) -> bool;
}
impl BitXor<bool> for &bool {
    type Output = bool;
    fn bitxor(self, rhs: bool) -> bool;
}
impl BitXor<&bool> for &bool {
    type Output = bool;
    fn bitxor(self, rhs: &bool) -> bool;
}
impl BitAndAssign for bool {
    fn bitand_assign(&mut self, rhs: bool);
}
impl BitOrAssign for bool {
    fn bitor_assign(&mut self, rhs: bool);
}
impl BitXorAssign for bool {
    fn bitxor_assign(&mut self, rhs: bool);
}
