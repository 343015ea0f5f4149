//! What a reload under `--watch` costs, with the watcher's memo and without it:
//! `cargo bench --bench reload` (about a minute). It writes a synthetic content folder with
//! `benches/generate` (`RELOAD_BENCH_ENTITIES`, default 10,000), dates its files an hour back
//! so that their size and time vouch for their text, builds it once into a memo, and then, in
//! turns, edits one project's title and builds the folder twice: with the memo, told which
//! file changed (as the watcher does), and afresh (as a reload did before it). It prints the wall time of each and their
//! ratio, pair by pair, as Markdown.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant, SystemTime};

/// `mi_option_purge_delay` in mimalloc.h, set as the binary sets it.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // SAFETY: sets one of mimalloc's integer options to a value its documentation allows,
    // before any thread but this one exists, as the binary does before it serves.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 0) };
    // `cargo test --all-targets` runs this too, without `--bench`, and should not spend a minute.
    if !std::env::args().any(|a| a == "--bench") {
        eprintln!("the reload benchmark runs with `cargo bench --bench reload`");
        return;
    }
    let entities: usize = std::env::var("RELOAD_BENCH_ENTITIES").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000);
    let rounds: usize = std::env::var("RELOAD_BENCH_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(7);
    let work = tempfile::Builder::new().prefix("groupsite-reload-bench.").tempdir().expect("a work folder");
    let content = work.path().join("content");
    let generated = Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/generate"))
        .args(["--entities", &entities.to_string(), "--seed", "1", "--out"])
        .arg(&content)
        .status()
        .expect("python3 runs benches/generate");
    assert!(generated.success(), "benches/generate failed");
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    let mut files = 0;
    for entry in walkdir::WalkDir::new(&content).into_iter().filter_map(Result::ok) {
        if entry.file_type().is_file() {
            let file = std::fs::File::options().append(true).open(entry.path()).expect("open");
            file.set_modified(hour_ago).expect("set the time of change");
            files += 1;
        }
    }
    let project = walkdir::WalkDir::new(content.join("projects"))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .find(|e| e.file_type().is_file())
        .expect("a project file")
        .into_path();
    let original = std::fs::read_to_string(&project).expect("read the project");
    let title = original.lines().find(|l| l.starts_with("title = ")).expect("a title line").to_owned();

    let mut memo = groupsite::build::Memo::default();
    let first = Instant::now();
    groupsite::build::site_remembering(&content, Some(&mut memo)).expect("the generated content checks");
    let first = first.elapsed();
    eprintln!("{files} files; first build into the memo {first:.2?}");

    // The watcher tells the memo which file its events named, as this does.
    let edited_rel = project.strip_prefix(&content).expect("under the content").to_string_lossy().replace('\\', "/");
    let mut rows = Vec::new();
    for round in 0..rounds {
        let edited = original.replacen(&title, &format!("title = \"Edited {round}\""), 1);
        std::fs::write(&project, edited).expect("save the project");
        memo.changed_only([edited_rel.clone()].into());
        let (remembered, full) = if round % 2 == 0 {
            let r = time(|| groupsite::build::site_remembering(&content, Some(&mut memo)));
            (r, time(|| groupsite::build::site(&content)))
        } else {
            let f = time(|| groupsite::build::site(&content));
            (time(|| groupsite::build::site_remembering(&content, Some(&mut memo))), f)
        };
        eprintln!("round {round}: with the memo {remembered:.2?}, afresh {full:.2?}");
        rows.push((remembered, full));
    }
    let mut ratios: Vec<f64> = rows.iter().map(|(r, f)| r.as_secs_f64() / f.as_secs_f64()).collect();
    ratios.sort_by(f64::total_cmp);
    let ms = |d: &Duration| format!("{:.0}", d.as_secs_f64() * 1000.0);
    println!(
        "`cargo bench --bench reload`: {entities} entities ({files} files), one project's title edited before each pair, the order of the pair swapped each round.\n"
    );
    println!("| round | with the memo, ms | afresh, ms | ratio |\n|---|---|---|---|");
    for (i, (r, f)) in rows.iter().enumerate() {
        println!("| {i} | {} | {} | {:.2} |", ms(r), ms(f), r.as_secs_f64() / f.as_secs_f64());
    }
    println!(
        "\nMedian ratio {:.2} (range {:.2}–{:.2}); the first build, into an empty memo, {} ms.",
        ratios[ratios.len() / 2],
        ratios[0],
        ratios[ratios.len() - 1],
        ms(&first)
    );
}

/// How long a build takes, the site dropped apart (as the watcher drops the old one after the swap).
fn time<T>(build: impl FnOnce() -> T) -> Duration {
    let started = Instant::now();
    let built = build();
    let took = started.elapsed();
    drop(built);
    took
}
