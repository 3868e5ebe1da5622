//! The reader's display choices (字号: text size and colours): placeholder, being written.
