//! The command line: `serve` (the default), `check`; each flag also read from the environment.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use ipnet::IpNet;

use groupsite::model::EntityKind;
use groupsite::serve::{Listen, LogFormat, LogWriter, ServeConfig, TrustedProxies};

/// groupsite: the website of research groups and centres, from a folder of TOML and Markdown.
///
/// Without a command, serves the site (as `groupsite serve`).
#[derive(Debug, Parser)]
#[command(name = "groupsite", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// When no command is named, the site is served with the flags below.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The flags of `serve`, so `groupsite --addr …` works without naming the command.
    #[command(flatten)]
    pub serve: ServeArgs,
}

/// What to do with the content.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the site over HTTP (the default).
    Serve(ServeArgs),
    /// Check the content and print every mistake with its file, line and column.
    Check(CheckArgs),
    /// Write the whole site as static files, with .gz and .br beside each text file.
    Export(ExportArgs),
    /// Start a new content file, every field documented in comments: groupsite new person "Ada Lovelace".
    New(NewArgs),
}

/// `--content`, which both commands take, so it is declared once.
#[derive(Debug, Clone, Args)]
pub struct ContentArg {
    /// The folder that holds site.toml, groups/, people/ and the rest of the content.
    #[arg(long, env = "GROUPSITE_CONTENT", default_value = "content", value_name = "DIR")]
    pub content: PathBuf,
}

/// Flags of `groupsite check`.
#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// The folder to check.
    #[command(flatten)]
    pub content: ContentArg,
    /// How to show mistakes: `rich` quotes the faulty line with a marker under the fault;
    /// `short` prints one `path:line:col: message` line per mistake, for editors and scripts.
    #[arg(long, value_enum, default_value_t = Format::Rich)]
    pub format: Format,
    /// Fail (exit 1) on warnings too: values the site leaves out, such as a BibTeX `url` that
    /// is not a web address. For editors' CI, where a warning should not go unseen.
    #[arg(long)]
    pub deny_warnings: bool,
}

/// How `check` shows mistakes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Like a compiler: message, `path:line:col`, the line itself with a marker, and a hint.
    Rich,
    /// One line per mistake: `path:line:col: message (hint: …)`.
    Short,
}

/// What `groupsite new` makes.
#[derive(Debug, Clone, Args)]
pub struct NewArgs {
    /// The folder to write into.
    #[command(flatten)]
    pub content: ContentArg,
    /// What to make.
    #[arg(value_enum)]
    pub kind: NewKind,
    /// Its name or title; the file name is made from it (æ → ae, ø → o, å → a).
    pub title: String,
}

/// A kind of file `groupsite new` writes: every kind of entity, one per content folder, in
/// the order the site presents them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewKind(EntityKind);

static NEW_KINDS: std::sync::LazyLock<Vec<NewKind>> =
    std::sync::LazyLock::new(|| EntityKind::ALL.into_iter().map(NewKind).collect());

impl clap::ValueEnum for NewKind {
    fn value_variants<'a>() -> &'a [Self] {
        &NEW_KINDS
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.0.key()).help(groupsite::new::described(self.0)))
    }
}

/// `--cache-dir`, which `serve` and `export` take.
#[derive(Debug, Clone, Args)]
pub struct CacheArg {
    /// The folder for the sizes made of the content's images, outside the content; one
    /// folder can serve many sites. Default: $XDG_CACHE_HOME/groupsite/images, or
    /// ~/.cache/groupsite/images.
    #[arg(long = "cache-dir", env = groupsite::images::CACHE_ENV, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
}

impl CacheArg {
    /// The folder the flag names, or the default.
    fn folder(&self) -> PathBuf {
        self.cache_dir.clone().unwrap_or_else(groupsite::images::default_cache_dir)
    }
}

/// Flags of `groupsite export`.
#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    /// The folder to export.
    #[command(flatten)]
    pub content: ContentArg,
    /// The folder to write the site into; created if missing.
    #[arg(long, env = "GROUPSITE_OUT", value_name = "DIR")]
    pub out: PathBuf,
    /// Where image sizes are made.
    #[command(flatten)]
    pub cache: CacheArg,
    /// The public URL the files will be served at, for links, canonical URLs and the sitemap.
    #[arg(long, env = "GROUPSITE_BASE_URL", value_name = "URL", default_value = "http://127.0.0.1:3000/")]
    pub base_url: String,
}

/// Flags of `groupsite serve`.
#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// The folder to serve.
    #[command(flatten)]
    pub content: ContentArg,
    /// Where to listen: HOST:PORT, or unix:PATH for a Unix socket a proxy on this machine
    /// connects to.
    #[arg(long, env = "GROUPSITE_ADDR", default_value = "127.0.0.1:3000", value_name = "HOST:PORT|unix:PATH")]
    pub addr: Listen,
    /// The public URL of the site, for links, canonical URLs and the sitemap; a path such as
    /// <https://example.org/research/> mounts the site under it. Default: http://ADDR/.
    #[arg(long, env = "GROUPSITE_BASE_URL", value_name = "URL")]
    pub base_url: Option<String>,
    /// A proxy (address or CIDR range) whose X-Forwarded-For names the client; repeat the flag
    /// or separate with commas. Requests from anywhere else are logged with their own address.
    #[arg(long = "trusted-proxy", env = "GROUPSITE_TRUSTED_PROXY", value_name = "IP|CIDR", value_delimiter = ',', value_parser = parse_proxy)]
    pub trusted_proxies: Vec<IpNet>,
    /// The log's format: one human-readable line per event, or one JSON object per line.
    #[arg(long, env = "GROUPSITE_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
    /// The most connections served at once; more wait to be accepted.
    #[arg(long, env = "GROUPSITE_MAX_CONNECTIONS", default_value_t = 1024, value_name = "N")]
    pub max_connections: usize,
    /// The editor's preview: reload the content on every change, swap it in when it checks
    /// clean, refresh open pages, and show the content's mistakes on every page until fixed.
    #[arg(long, env = "GROUPSITE_WATCH", value_parser = clap::builder::BoolishValueParser::new())]
    pub watch: bool,
    /// Connections the kernel queues beyond --max-connections until one is free, as nginx's
    /// `listen … backlog=`; the kernel caps it at net.core.somaxconn.
    #[arg(long, env = "GROUPSITE_BACKLOG", default_value_t = 1024, value_name = "N")]
    pub backlog: u32,
    /// Seconds a client has to send its first request, and each request's headers, before it
    /// is cut off.
    #[arg(long, env = "GROUPSITE_HEADER_TIMEOUT", default_value_t = 10, value_name = "SECONDS")]
    pub header_timeout: u64,
    /// Seconds a connection is kept open waiting for its next request, as nginx's
    /// `keepalive_timeout`; sooner when visitors wait for a free connection.
    #[arg(long, env = "GROUPSITE_KEEPALIVE_TIMEOUT", default_value_t = 75, value_name = "SECONDS")]
    pub keepalive_timeout: u64,
    /// Seconds an answer may wait for the client to read any of it before the connection is
    /// closed, as nginx's `send_timeout`.
    #[arg(long, env = "GROUPSITE_SEND_TIMEOUT", default_value_t = 30, value_name = "SECONDS")]
    pub send_timeout: u64,
    /// Where image sizes are made.
    #[command(flatten)]
    pub cache: CacheArg,
}

/// An address becomes a one-address range.
fn parse_proxy(text: &str) -> Result<IpNet, String> {
    text.parse::<IpNet>()
        .or_else(|_| text.parse::<std::net::IpAddr>().map(IpNet::from))
        .map_err(|_| format!("`{text}` is not an IP address or CIDR range"))
}

/// Runs the command the user asked for and returns the process exit code: 0 when all went
/// well (warnings or not), 1 when the content has errors, or warnings under `--deny-warnings`.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Some(Command::Check(args)) => check(&args.content.content, args.format, args.deny_warnings),
        Some(Command::Serve(args)) => serve(args),
        Some(Command::Export(args)) => export(args),
        Some(Command::New(args)) => new(args),
        None => serve(cli.serve),
    }
}

fn check(content: &Path, format: Format, deny_warnings: bool) -> anyhow::Result<ExitCode> {
    crate::allocator::keep_freed();
    match groupsite::build::site(content) {
        Ok(built) => {
            let warned = !built.warnings.is_empty();
            if warned {
                print_report(&built.warnings.in_folder(content), format)?;
            }
            println!("{}: {}", content.display(), built.site.summary());
            // Not mistakes: the site is whole without them, so they go with the summary.
            for line in built.site.untranslated() {
                println!("{line}");
            }
            let denied = deny_warnings && warned;
            if denied {
                eprintln!("error: warnings are denied (--deny-warnings)");
            }
            // The process ends here: handing every entity's strings back to the allocator one by
            // one would only delay the exit (a few percent of `check` at 100,000 entities).
            std::mem::forget(built.site);
            Ok(if denied { ExitCode::FAILURE } else { ExitCode::SUCCESS })
        }
        Err(report) => {
            print_report(&report.in_folder(content), format)?;
            Ok(ExitCode::FAILURE)
        }
    }
}

fn print_report(report: &groupsite::Report, format: Format) -> std::io::Result<()> {
    if format == Format::Short {
        return report.emit_short(&mut std::io::stderr().lock());
    }
    let color = if std::io::stderr().is_terminal() { ColorChoice::Auto } else { ColorChoice::Never };
    let mut stderr = StandardStream::stderr(color);
    report.emit(&mut stderr)?;
    stderr.flush()
}

fn serve(args: ServeArgs) -> anyhow::Result<ExitCode> {
    crate::allocator::return_freed_at_once();
    init_logging(args.log_format);
    groupsite::images::remember_probes_in(&args.cache.folder());
    // Under `--watch` a save reads again only the files it changed: the rest are in the memo.
    let mut memo = args.watch.then(groupsite::build::Memo::default);
    let (site, warnings) = match groupsite::build::site_remembering(&args.content.content, memo.as_mut()) {
        Ok(built) => {
            let warnings = built.warnings.in_folder(&args.content.content);
            if !warnings.is_empty() {
                log_report(&warnings, args.log_format)?;
            }
            (built.site, warnings.lines())
        }
        Err(report) => {
            let report = report.in_folder(&args.content.content);
            let refusal = "groupsite does not start on content with mistakes; fix them and start it again";
            log_report(&report, args.log_format)?;
            match args.log_format {
                LogFormat::Text => eprintln!("{refusal}"),
                LogFormat::Json => tracing::error!("{refusal}"),
            }
            return Ok(ExitCode::FAILURE);
        }
    };
    let config = ServeConfig {
        content: args.content.content,
        listen: args.addr,
        base_url: args.base_url,
        trusted_proxies: TrustedProxies(args.trusted_proxies),
        max_connections: args.max_connections,
        backlog: args.backlog,
        header_timeout: seconds(args.header_timeout),
        keepalive_timeout: seconds(args.keepalive_timeout),
        send_timeout: seconds(args.send_timeout),
        watch: args.watch,
        image_cache: args.cache.folder(),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .on_thread_park(LogWriter::write_held)
        .on_thread_stop(LogWriter::write_held)
        .build()?;
    let served = runtime.block_on(groupsite::serve::run(site, warnings, memo.unwrap_or_default(), &config));
    drop(runtime);
    LogWriter::write_held();
    match served {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(error) if args.log_format == LogFormat::Json => {
            tracing::error!(%error, "cannot serve");
            Ok(ExitCode::FAILURE)
        }
        Err(error) => Err(error.into()),
    }
}

/// Writes the content's mistakes to the log as `check` prints them, or one JSON event each.
fn log_report(report: &groupsite::Report, format: LogFormat) -> std::io::Result<()> {
    match format {
        LogFormat::Text => print_report(report, Format::Rich),
        LogFormat::Json => {
            groupsite::serve::log_report(report);
            Ok(())
        }
    }
}

/// A timeout flag's duration: at least a second, since 0 would close every connection at once.
fn seconds(flag: u64) -> std::time::Duration {
    std::time::Duration::from_secs(flag.max(1))
}

fn export(args: ExportArgs) -> anyhow::Result<ExitCode> {
    crate::allocator::keep_freed();
    let content = &args.content.content;
    groupsite::images::remember_probes_in(&args.cache.folder());
    let site = match groupsite::build::site(content) {
        Ok(built) => {
            if !built.warnings.is_empty() {
                print_report(&built.warnings.in_folder(content), Format::Rich)?;
            }
            built.site
        }
        Err(report) => {
            print_report(&report.in_folder(content), Format::Rich)?;
            return Ok(ExitCode::FAILURE);
        }
    };
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let exported =
        runtime.block_on(groupsite::export::export(site, content, &args.out, &args.base_url, &args.cache.folder()))?;
    println!(
        "{}: {} files and {} compressed copies, for {}{}{}",
        args.out.display(),
        exported.files,
        exported.compressed,
        args.base_url,
        match exported.removed {
            0 => String::new(),
            n => format!("; {n} files of the earlier export removed"),
        },
        match exported.kept {
            0 => String::new(),
            n => format!("; {n} files and folders not written by an export kept"),
        }
    );
    Ok(ExitCode::SUCCESS)
}

fn new(args: NewArgs) -> anyhow::Result<ExitCode> {
    match groupsite::new::new_file(&args.content.content, args.kind.0, &args.title) {
        Ok(path) => {
            println!("wrote {}", path.display());
            println!("fill in what you know, delete the comment lines you do not need, then run `groupsite check`");
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => {
            eprintln!("error: {error}");
            Ok(ExitCode::FAILURE)
        }
    }
}

fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("GROUPSITE_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(LogWriter::new(format));
    let _ = match format {
        LogFormat::Text => builder.with_ansi(std::io::stderr().is_terminal()).try_init(),
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
    };
    if format == LogFormat::Json {
        // A panic's own message is plain text; in a JSON log it is an error event instead.
        std::panic::set_hook(Box::new(|panic| tracing::error!(%panic, "panicked")));
    }
}
