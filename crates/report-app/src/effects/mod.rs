//! Browser side effects: the hooks and helpers that react to the app's state (`state.rs`,
//! `shown.rs`) and to the browser, never the other way round. They run only in effects and
//! event handlers (after rendering, in the browser), never while rendering, so the components
//! that call them also render on the server.

mod address;
mod clipboard;
mod focus;
mod gradual;
mod layout;
mod lifecycle;
mod scroll;
mod search_input;

pub use address::*;
pub use clipboard::*;
pub use focus::*;
pub use gradual::*;
pub use layout::*;
pub use lifecycle::*;
pub use scroll::*;
pub use search_input::*;
