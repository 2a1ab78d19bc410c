fn main() {
	let s = String::new();
	let t = s;
	let u = s;
}
