//! Review notes (审议意见): placeholder, being written.
