//! std::process — ending the program.

/// Ends the process at once with the given status; no destructors run.
pub fn exit(code: i32) -> !;

/// Ends the process abnormally.
pub fn abort() -> !;
