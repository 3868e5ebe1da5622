//! The 2024年嵩市镇政府工作报告 viewer: a pure core (text → report model), a pure reducer,
//! and thin Yew components that render in the browser and on the server.

pub mod components;
pub mod core;
pub mod data;
pub mod hooks;
pub mod library;
pub mod open_file;
pub mod page;
pub mod single_file;
pub mod state;
