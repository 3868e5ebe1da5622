//! The one static file server of the end-to-end tests and the benchmarks (`cargo xtask bench
//! --lighthouse`): folders served over HTTP/1.1 on a free port of 127.0.0.1. Std only, no
//! dependencies, so that xtask builds in seconds on a fresh machine.
//!
//! - Several mounts, URL prefix → folder (`/` → `dist/`, `/songshi/` → a build made with
//!   `--public-url /songshi/`); the longest prefix wins.
//! - Never a file outside its folders ([`resolve`]): the path is percent-decoded (UTF-8) and
//!   any `..` or `.` segment, backslash or NUL is refused, and the file found must lie inside
//!   its folder once every symbolic link is followed. A folder's file is its `index.html`.
//! - Content types as a static host sends them (`.wasm` is `application/wasm`).
//! - Keep-alive (HTTP/1.1, and HTTP/1.0 when asked), `GET` and `HEAD`.
//! - Settings ([`Settings`]): the `Cache-Control` sent (`no-store` unless told otherwise; the
//!   Lighthouse bench sends `no-cache`), and, as static hosts do, a file's gzip copy made
//!   ahead of time (`X.gz` beside `X`, by `gzip -k`) sent with `Content-Encoding: gzip` when
//!   the request accepts gzip.
//!
//! The server runs on its own threads (one per connection) until the process ends.

mod request;
pub mod resolve;
mod response;

use std::io::{self, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use request::Incoming;

/// What a server serves, and how.
#[derive(Clone, Debug)]
pub struct Settings {
    /// URL prefix (`/`, `/songshi/`) → folder.
    pub mounts: Vec<(String, PathBuf)>,
    /// The `Cache-Control` header of every file sent.
    pub cache_control: String,
    /// Whether a file's gzip copy made ahead of time (`X.gz` beside `X`) is sent, with
    /// `Content-Encoding: gzip`, to a request that accepts gzip.
    pub gzip: bool,
}

impl Settings {
    /// `mounts` with `Cache-Control: no-store` (a test sees every build fresh) and no gzip.
    pub fn new(mounts: Vec<(String, PathBuf)>) -> Settings {
        Settings {
            mounts,
            cache_control: "no-store".to_string(),
            gzip: false,
        }
    }

    /// The `Cache-Control` header of every file sent.
    pub fn cache_control(mut self, value: &str) -> Settings {
        self.cache_control = value.to_string();
        self
    }

    /// Whether gzip copies made ahead of time are sent (see [`Settings::gzip`]).
    pub fn gzip(mut self, on: bool) -> Settings {
        self.gzip = on;
        self
    }
}

/// A running server.
pub struct StaticServer {
    /// `http://127.0.0.1:<port>`, without a slash at the end.
    pub base: String,
    /// Its port on 127.0.0.1.
    pub port: u16,
}

impl StaticServer {
    /// Starts serving `mounts` (URL prefix → folder) on a free loopback port with the default
    /// [`Settings`]; panics when no port can be had.
    pub fn start(mounts: Vec<(String, PathBuf)>) -> StaticServer {
        StaticServer::serve(Settings::new(mounts)).expect("bind a loopback port")
    }

    /// Starts serving as `settings` say on a free loopback port.
    pub fn serve(settings: Settings) -> io::Result<StaticServer> {
        let listener = TcpListener::bind(("127.0.0.1", 0))?;
        let port = listener.local_addr()?.port();
        let settings = Arc::new(settings);
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let settings = settings.clone();
                thread::spawn(move || connection(stream, &settings));
            }
        });
        Ok(StaticServer {
            base: format!("http://127.0.0.1:{port}"),
            port,
        })
    }
}

/// One connection: requests one after another (keep-alive) until either side closes or it is
/// idle for 30 s.
fn connection(stream: TcpStream, settings: &Settings) {
    let _ = stream.set_nodelay(true);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
    let Ok(read_half) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(read_half);
    let mut writer = stream;
    loop {
        let (answer, keep_alive) = match request::read(&mut reader) {
            Incoming::Closed => return,
            Incoming::Malformed => (response::plain(400, "Bad Request", false, &[]), false),
            Incoming::Request(request) => response::respond(&request, settings),
        };
        if writer.write_all(&answer).is_err() || writer.flush().is_err() || !keep_alive {
            return;
        }
    }
}
