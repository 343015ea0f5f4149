//! The `groupsite` binary: parses the command line and hands it to the library.

use std::process::ExitCode;

use clap::Parser;

/// mimalloc rather than glibc's malloc: a server's many small, short-lived allocations cost
/// less, and freed memory goes back to the system instead of staying in per-thread pools
/// (glibc kept about 80 MB more at 10,000 entities; see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> anyhow::Result<ExitCode> {
    groupsite::run(groupsite::Cli::parse())
}
