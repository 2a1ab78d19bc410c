enum E {
    Leaf,
    Node(E, E),
}
fn main() {
    let e = E::Leaf;
}
