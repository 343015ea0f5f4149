//! The binary's allocator, and when it hands freed memory back to the system.
//!
//! mimalloc rather than glibc's malloc: a server's many small, short-lived allocations cost
//! less, and freed memory goes back to the system instead of staying in per-thread pools
//! (glibc kept about 80 MB more at 10,000 entities; see BENCHMARKS.md).

/// mimalloc, for the whole binary.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc.h: how long freed memory waits before it goes back to
/// the system, in milliseconds; below 0, never.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// `mi_option_allow_thp` in mimalloc.h (v3): whether mimalloc asks the kernel for huge pages.
const ALLOW_THP: libmimalloc_sys::mi_option_t = 43;

/// For a server: freed memory goes back to the system at once. mimalloc's default 10 ms let a
/// burst of first visits (each page compressed once, with tables of a few MB) raise the peak
/// RSS at 10,000 entities to 111-144 MB, against 103-113 MB at 0. The price: a page's first
/// compression takes about 1 ms of CPU instead of 0.2 ms (BENCHMARKS.md).
pub fn return_freed_at_once() {
    set(PURGE_DELAY, 0);
    without_huge_pages();
}

/// For a command that ends once it has built the site (`check`, `export`): what it frees stays
/// with the process, which will soon allocate as much again. Handing it back at once and
/// taking it anew, a fault and a zeroed page each time, cost `check` at 100,000 entities an
/// eighth of its time (0.87 of the wall time side by side; BENCHMARKS.md).
pub fn keep_freed() {
    set(PURGE_DELAY, -1);
    without_huge_pages();
}

/// Ordinary pages only, never the kernel's transparent huge pages: mimalloc asks for them, and
/// the kernel then folds the 4 KiB holes that freed memory leaves back into whole 2 MiB pages.
/// Without them `serve` at 100,000 entities is 363 MB resident after every page was requested
/// once, against 411 MB, and `check` is no slower (0.97 of the wall time; BENCHMARKS.md).
fn without_huge_pages() {
    set(ALLOW_THP, 0);
    // SAFETY: prctl with an integer flag; it changes nothing but the process's use of huge
    // pages, and its one failure (an old kernel) leaves them as they were.
    #[cfg(target_os = "linux")]
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// Sets one of mimalloc's integer options.
fn set(option: libmimalloc_sys::mi_option_t, value: std::os::raw::c_long) {
    // SAFETY: each caller passes an option of mimalloc.h and a value its documentation allows;
    // the commands call this first, before any thread but the main one exists.
    unsafe { libmimalloc_sys::mi_option_set(option, value) };
}
