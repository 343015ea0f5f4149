//! Work the server does beside its requests (making image sizes, building the search index):
//! it runs on threads of its own that give way to requests, so startup and answers are never
//! held up by it.

/// Lowers the calling thread's priority (nice 10) where the system allows it, so background
/// work takes the CPU only when requests leave it idle: on one core, the search index of
/// 100,000 entities built beside the first request would otherwise share the core with it.
pub(crate) fn yield_to_requests() {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: setpriority only reads its arguments; on Linux `who = 0` with PRIO_PROCESS
        // names the calling thread, whose nice value is its own.
        let lowered = unsafe { libc::setpriority(libc::PRIO_PROCESS, 0, 10) };
        if lowered != 0 {
            tracing::debug!("cannot lower a background thread's priority");
        }
    }
}
