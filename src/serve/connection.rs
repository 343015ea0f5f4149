//! One client connection's clock: how long it may stay silent before its first request and
//! between requests, how long an answer may wait for the client to read it, and how it ends
//! when the server stops. hyper's own header timeout only starts with a request's first byte
//! and it has no send timeout, so without these a handful of clients that say nothing, or
//! never read, would hold every slot.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::task::{Context, Poll, ready};
use std::time::Duration;

use axum::body::{Body, Bytes};
use hyper::body::{Frame, SizeHint};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::sync::Notify;
use tokio::sync::futures::OwnedNotified;
use tokio::time::{Instant, Sleep};

/// How long a connection between requests is kept once the server stops, for a request its
/// client had already sent when the signal came (it is answered with `Connection: close`).
const STOP_LINGER: Duration = Duration::from_millis(250);
/// The same for a connection that has sent nothing yet: its client connected to send a
/// request, which a busy machine may take a moment to write.
const STOP_LINGER_FIRST: Duration = Duration::from_secs(1);

/// The time limits of every connection (`--header-timeout`, `--keepalive-timeout`,
/// `--send-timeout`).
#[derive(Debug, Clone, Copy)]
pub(super) struct Deadlines {
    /// Silence allowed between connecting and the first request.
    pub first_request: Duration,
    /// Silence allowed between one answer and the next request.
    pub keep_alive: Duration,
    /// Time an answer may wait for the client to take any of it.
    pub send: Duration,
}

/// What the accept loop tells every connection: the server is stopping, or a visitor waits
/// for a slot and connections between requests should make room. Connections read these
/// flags, and are woken when one is raised; nothing here is locked per request.
#[derive(Clone, Default)]
pub(super) struct Connections(Arc<Signals>);

#[derive(Default)]
struct Signals {
    stopping: AtomicBool,
    /// Set while the accept loop holds a connection that waits for a slot.
    crowded: AtomicBool,
    /// How many times a flag has been raised, so a connection knows its wake-up is stale.
    raised: AtomicU64,
    /// Wakes the connections between requests when a flag is raised.
    wake: Arc<Notify>,
}

impl Connections {
    /// From now on, every answer closes its connection, and idle connections close.
    pub(super) fn stop(&self) {
        self.raise(&self.0.stopping, true);
    }

    /// Whether the server is stopping, so that answers say `Connection: close`.
    pub(super) fn is_stopping(&self) -> bool {
        self.0.stopping.load(Ordering::Acquire)
    }

    /// While `crowded`, connections between requests close rather than hold their slot.
    pub(super) fn set_crowded(&self, crowded: bool) {
        self.raise(&self.0.crowded, crowded);
    }

    fn raise(&self, flag: &AtomicBool, up: bool) {
        flag.store(up, Ordering::Release);
        if up {
            self.0.raised.fetch_add(1, Ordering::AcqRel);
            self.0.wake.notify_waiters();
        }
    }
}

/// How many requests of one connection are being answered; between requests it is 0.
#[derive(Clone, Default)]
pub(super) struct InFlight(Arc<AtomicUsize>);

impl InFlight {
    /// Counts a request from when it has come until its answer is sent or given up.
    pub(super) fn begin(&self) -> Answering {
        self.0.fetch_add(1, Ordering::AcqRel);
        Answering(self.clone())
    }

    fn is_idle(&self) -> bool {
        self.0.load(Ordering::Acquire) == 0
    }
}

/// One request being answered; it stops counting when dropped.
pub(super) struct Answering(InFlight);

impl Answering {
    /// Keeps the request counted until `body` has been sent or dropped.
    pub(super) fn until_sent(self, body: Body) -> Body {
        Body::new(AnswerBody { body, _answering: self })
    }
}

impl Drop for Answering {
    fn drop(&mut self) {
        (self.0).0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// An answer's body, with its request counted as in flight while it lives.
struct AnswerBody {
    body: Body,
    _answering: Answering,
}

impl hyper::body::Body for AnswerBody {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        Pin::new(&mut self.body).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}

/// A client's stream under [`Deadlines`]. Reading ends (as if the client had hung up) when
/// the connection is between requests and stays silent past its deadline, or must make room,
/// or the server stops; writing fails when the client takes nothing for the send timeout.
pub(super) struct Watched<S> {
    stream: S,
    deadlines: Deadlines,
    connections: Connections,
    in_flight: InFlight,
    /// Whether a request has come: the first silence is bounded by the header timeout.
    spoken: bool,
    /// When the connection must end if it stays between requests; `None` while it is busy.
    idle_until: Option<Instant>,
    /// Fires at or before `idle_until`; moved on only when it fires early, so a request
    /// costs no timer of its own.
    idle: Pin<Box<Sleep>>,
    /// Whether the stop has shortened `idle_until` already.
    lingering: bool,
    /// Armed while an answer waits for the client to read.
    send: Option<Pin<Box<Sleep>>>,
    /// Registered to wake this connection when a flag is raised, and the count it was
    /// registered at.
    wake: Option<(Pin<Box<OwnedNotified>>, u64)>,
}

impl<S> Watched<S> {
    /// Watches `stream`; `in_flight` counts the requests its service is answering.
    pub(super) fn new(stream: S, deadlines: Deadlines, connections: &Connections, in_flight: InFlight) -> Self {
        Watched {
            stream,
            deadlines,
            connections: connections.clone(),
            in_flight,
            spoken: false,
            idle_until: None,
            idle: Box::pin(tokio::time::sleep(deadlines.first_request)),
            lingering: false,
            send: None,
            wake: None,
        }
    }

    /// Whether a connection that has nothing to read should end now.
    fn should_end_idle(&mut self, cx: &mut Context<'_>) -> bool {
        if !self.in_flight.is_idle() {
            self.idle_until = None;
            return false;
        }
        let signals = &self.connections.0;
        let raised = signals.raised.load(Ordering::Acquire);
        if self.wake.as_ref().is_none_or(|(_, at)| *at != raised) {
            let mut wake = Box::pin(Arc::clone(&signals.wake).notified_owned());
            // Registers this connection's waker; a flag raised since is read just below.
            let _ = wake.as_mut().poll(cx);
            self.wake = Some((wake, raised));
        }
        if signals.crowded.load(Ordering::Acquire) {
            return true;
        }
        let silence = if self.spoken { self.deadlines.keep_alive } else { self.deadlines.first_request };
        let mut until = *self.idle_until.get_or_insert_with(|| Instant::now() + silence);
        if !self.lingering && signals.stopping.load(Ordering::Acquire) {
            self.lingering = true;
            until = until.min(Instant::now() + if self.spoken { STOP_LINGER } else { STOP_LINGER_FIRST });
            self.idle_until = Some(until);
        }
        if until < self.idle.deadline() {
            self.idle.as_mut().reset(until);
        }
        while self.idle.as_mut().poll(cx).is_ready() {
            if Instant::now() >= until {
                return true;
            }
            self.idle.as_mut().reset(until);
        }
        false
    }

    /// Polls a write, failing it once the client has taken nothing for the send timeout.
    fn deadline_write<T>(
        &mut self,
        cx: &mut Context<'_>,
        write: impl FnOnce(Pin<&mut S>, &mut Context<'_>) -> Poll<io::Result<T>>,
    ) -> Poll<io::Result<T>>
    where
        S: Unpin,
    {
        match write(Pin::new(&mut self.stream), cx) {
            Poll::Pending => {
                let send = self.deadlines.send;
                let waiting = self.send.get_or_insert_with(|| Box::pin(tokio::time::sleep(send)));
                ready!(waiting.as_mut().poll(cx));
                Poll::Ready(Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    "the client read nothing for the send timeout",
                )))
            }
            done => {
                self.send = None;
                done
            }
        }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Watched<S> {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        let this = &mut *self;
        let before = buf.filled().len();
        match Pin::new(&mut this.stream).poll_read(cx, buf) {
            Poll::Pending if this.should_end_idle(cx) => Poll::Ready(Ok(())),
            Poll::Pending => Poll::Pending,
            Poll::Ready(result) => {
                if buf.filled().len() > before {
                    this.spoken = true;
                    this.idle_until = None;
                }
                Poll::Ready(result)
            }
        }
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Watched<S> {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        self.deadline_write(cx, |stream, cx| stream.poll_write(cx, buf))
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        self.deadline_write(cx, |stream, cx| stream.poll_write_vectored(cx, bufs))
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.deadline_write(cx, |stream, cx| stream.poll_flush(cx))
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.deadline_write(cx, |stream, cx| stream.poll_shutdown(cx))
    }
}
