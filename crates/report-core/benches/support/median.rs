//! The timing helper shared by the benchmarks: the median of several runs of one call.

use std::time::{Duration, Instant};

/// Median time of one call of `f` over `runs` runs.
pub fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}
