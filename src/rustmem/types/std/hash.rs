//! std::hash — Hash and Hasher, so that `#[derive(Hash)]` has a trait to implement.

#[lang = "Hash"]
pub trait Hash {
    fn hash<H: Hasher>(&self, state: &mut H);
}

pub trait Hasher {
    fn finish(&self) -> u64;
    fn write(&mut self, bytes: &[u8]);
}

impl<T: ?Sized + Hash> Hash for &T {
    fn hash<H: Hasher>(&self, state: &mut H);
}
impl<T: ?Sized + Hash> Hash for &mut T {
    fn hash<H: Hasher>(&self, state: &mut H);
}
impl<T: ?Sized> Hash for *const T {
    fn hash<H: Hasher>(&self, state: &mut H);
}
impl<T: ?Sized> Hash for *mut T {
    fn hash<H: Hasher>(&self, state: &mut H);
}
