//! std::default — Default.  Its impls sit beside each type's other impls.

#[lang = "Default"]
pub trait Default: Sized {
    fn default() -> Self;
}
