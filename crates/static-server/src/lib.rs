//! A tiny static file server on 127.0.0.1 for the end-to-end tests (std only).
//!
//! Serves `dist/` at `/` and, when present, a build made with `--public-url /songshi/` at
//! `/songshi/`, so that hosting under a sub-path is tested too. `.wasm` is `application/wasm`.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::thread;

pub struct StaticServer {
    pub base: String,
}

impl StaticServer {
    /// Starts serving `mounts` (URL prefix → folder) on a free loopback port.
    pub fn start(mounts: Vec<(String, PathBuf)>) -> StaticServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let port = listener.local_addr().expect("local address").port();
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let mounts = mounts.clone();
                thread::spawn(move || {
                    let _ = serve(stream, &mounts);
                });
            }
        });
        StaticServer {
            base: format!("http://127.0.0.1:{port}"),
        }
    }
}

fn serve(mut stream: TcpStream, mounts: &[(String, PathBuf)]) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain the headers.
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" {
            break;
        }
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = path.split(['?', '#']).next().unwrap_or("/");
    let file = resolve(path, mounts);
    match file.and_then(|f| fs::read(&f).ok().map(|body| (f, body))) {
        Some((file, body)) => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
                mime(&file),
                body.len()
            );
            stream.write_all(head.as_bytes())?;
            stream.write_all(&body)?;
        }
        None => {
            let body = b"not found";
            let head = format!(
                "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            stream.write_all(head.as_bytes())?;
            stream.write_all(body)?;
        }
    }
    stream.flush()
}

/// The file for a URL path: the longest matching mount prefix, `index.html` for a folder,
/// nothing outside the mounted folder.
fn resolve(path: &str, mounts: &[(String, PathBuf)]) -> Option<PathBuf> {
    let (prefix, dir) = mounts
        .iter()
        .filter(|(prefix, _)| path.starts_with(prefix.as_str()))
        .max_by_key(|(prefix, _)| prefix.len())?;
    let rest = &path[prefix.len()..];
    if rest.split('/').any(|part| part == "..") {
        return None;
    }
    let mut file = dir.join(rest);
    if rest.is_empty() || rest.ends_with('/') {
        file = file.join("index.html");
    }
    file.is_file().then_some(file)
}

fn mime(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "json" => "application/json",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}
