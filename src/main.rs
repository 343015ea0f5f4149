//! The `groupsite` binary: parses the command line and hands it to the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> anyhow::Result<ExitCode> {
    groupsite::run(groupsite::Cli::parse())
}
