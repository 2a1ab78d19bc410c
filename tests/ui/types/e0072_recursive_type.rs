//@ check-fail
// A type that holds itself by value (directly, in a tuple or array, or through another type's
// field) would have infinite size; `Box`, `Vec`, `Rc` and references are indirection.
enum Tree { //~ ERROR E0072
    Leaf,
    Node(Tree, Tree),
}

struct Pair { inner: (Pair, i32) } //~ ERROR E0072

struct Ring { next: Option<Link> } //~ ERROR E0072
struct Link { ring: [Ring; 2] }

pub struct List { next: Option<Box<List>>, children: Vec<List>, parent: Option<&'static List> }

fn main() {}
