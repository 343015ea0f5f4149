//! The `groupsite` binary: parses the command line and runs it; the command line calls the library.

use std::process::ExitCode;

use clap::Parser;

mod cli;

/// mimalloc rather than glibc's malloc: a server's many small, short-lived allocations cost
/// less, and freed memory goes back to the system instead of staying in per-thread pools
/// (glibc kept about 80 MB more at 10,000 entities; see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc.h: how long freed memory waits before it goes back to
/// the system. Its 10 ms let a burst of first visits (each page compressed once, with tables of
/// a few MB) raise the peak RSS at 10,000 entities to 111-144 MB, against 103-113 MB at 0,
/// where it goes back at once. The price: a page's first compression takes about 1 ms of CPU
/// instead of 0.2 ms (BENCHMARKS.md).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> anyhow::Result<ExitCode> {
    // SAFETY: sets one of mimalloc's integer options to a value its documentation allows,
    // before any thread but this one exists.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 0) };
    cli::run(cli::Cli::parse())
}
