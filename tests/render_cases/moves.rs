struct Token;
impl Token {
    fn spend(self) {}
}
fn main() {
    let t = Token;
    t.spend();
    t.spend();
}
