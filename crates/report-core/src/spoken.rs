//! Figures as spoken words (朗读): placeholder, being written.
