//! std::any — the names of types.

/// `type_name::<Vec<i32>>()` is `"alloc::vec::Vec<i32>"`.
pub fn type_name<T: ?Sized>() -> &'static str;

/// The type name of the value's type.
pub fn type_name_of_val<T: ?Sized>(_val: &T) -> &'static str;
