//! The command line: `serve`, `check` and `export`, each flag also read from the environment.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

/// groupsite: the website of research groups and centres, from a folder of TOML and Markdown.
#[derive(Debug, Parser)]
#[command(name = "groupsite", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What to do with the content.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the content and print every mistake with its file, line and column.
    Check {
        /// The content folder.
        #[arg(long, env = "GROUPSITE_CONTENT", default_value = "content")]
        content: PathBuf,
    },
}

/// Runs the command the user asked for and returns the process exit code: 0 when all went
/// well, 1 when the content has mistakes.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Some(Command::Check { content }) => check(&content),
        None => {
            anyhow::bail!("`groupsite serve` is not available yet; run `groupsite check`")
        }
    }
}

fn check(content: &std::path::Path) -> anyhow::Result<ExitCode> {
    match crate::check_dir(content) {
        Ok(site) => {
            println!("{}: {}", content.display(), site.summary());
            Ok(ExitCode::SUCCESS)
        }
        Err(report) => {
            let color = if std::io::stderr().is_terminal() { ColorChoice::Auto } else { ColorChoice::Never };
            let mut stderr = StandardStream::stderr(color);
            report.emit(&mut stderr)?;
            stderr.flush()?;
            Ok(ExitCode::FAILURE)
        }
    }
}
