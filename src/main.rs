//! The `groupsite` binary: parses the command line and runs it; the command line calls the library.

use std::process::ExitCode;

use clap::Parser;

mod allocator;
mod cli;

fn main() -> anyhow::Result<ExitCode> {
    cli::run(cli::Cli::parse())
}
