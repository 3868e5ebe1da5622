//! 字号: placeholder.

pub fn start() {}
