//! The server over real connections: what it serves, how, and that it never serves a file
//! outside its folders, however the path is written.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use static_server::{Settings, StaticServer};

/// A fresh folder under the system's temporary folder, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir = std::env::temp_dir().join(format!(
            "static-server-test-{}-{}-{nanos}",
            std::process::id(),
            COUNT.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A response: status, headers (names in lower case) and body.
#[derive(Debug)]
struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Reads one response (its body by Content-Length; none for HEAD).
fn read_response(reader: &mut impl BufRead, head: bool) -> Response {
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    let status = line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("a status line: {line:?}"));
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let (name, value) = line.split_once(':').unwrap();
        headers.push((name.to_ascii_lowercase(), value.trim().to_string()));
    }
    let length: usize = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .map_or(0, |(_, v)| v.parse().unwrap());
    let mut body = vec![0; if head { 0 } else { length }];
    reader.read_exact(&mut body).unwrap();
    Response {
        status,
        headers,
        body,
    }
}

/// Sends `request` (written out whole: the request line, headers and the empty line) on a new
/// connection and reads the answer.
fn raw(server: &StaticServer, request: &[u8]) -> Response {
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    stream.write_all(request).unwrap();
    read_response(&mut BufReader::new(stream), request.starts_with(b"HEAD"))
}

/// `GET target` with extra header lines.
fn get_with(server: &StaticServer, target: &str, headers: &str) -> Response {
    raw(
        server,
        format!("GET {target} HTTP/1.1\r\nHost: x\r\n{headers}Connection: close\r\n\r\n")
            .as_bytes(),
    )
}

fn get(server: &StaticServer, target: &str) -> Response {
    get_with(server, target, "")
}

/// A site in a temporary folder, a secret file beside it (outside), and a server of it.
struct Site {
    dir: TempDir,
    server: StaticServer,
}

fn site(settings: impl FnOnce(Vec<(String, PathBuf)>) -> Settings) -> Site {
    let dir = TempDir::new();
    let root = dir.0.join("site");
    std::fs::create_dir_all(root.join("sub")).unwrap();
    std::fs::create_dir_all(root.join("empty")).unwrap();
    std::fs::create_dir_all(dir.0.join("other")).unwrap();
    write(&root.join("index.html"), b"<p>home</p>");
    write(&root.join("app_bg.wasm"), b"\0asm");
    write(&root.join("报告-report-data-1.json"), b"{\"a\":1}");
    write(&root.join("a b+c.txt"), b"spaces");
    write(&root.join("sub/index.html"), b"<p>sub</p>");
    write(&dir.0.join("secret.txt"), b"SECRET outside the site");
    write(&dir.0.join("other/index.html"), b"<p>other</p>");
    // Links inside the folder that point outside it, to a file and to a folder.
    std::os::unix::fs::symlink(dir.0.join("secret.txt"), root.join("link.txt")).unwrap();
    std::os::unix::fs::symlink(&dir.0, root.join("up")).unwrap();
    // A link that stays inside is followed.
    std::os::unix::fs::symlink(root.join("sub/index.html"), root.join("inner.html")).unwrap();
    let server = StaticServer::serve(settings(vec![
        ("/".to_string(), root),
        ("/other/".to_string(), dir.0.join("other")),
    ]))
    .unwrap();
    Site { dir, server }
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn files_are_served_with_their_types_and_folders_with_their_index() {
    let site = site(Settings::new);
    let s = &site.server;
    assert!(s.base.starts_with("http://127.0.0.1:"));
    let home = get(s, "/");
    assert_eq!((home.status, home.text().as_str()), (200, "<p>home</p>"));
    assert_eq!(
        home.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(home.header("cache-control"), Some("no-store"));
    assert_eq!(home.header("content-length"), Some("11"));
    let wasm = get(s, "/app_bg.wasm?v=1#x");
    assert_eq!(wasm.status, 200);
    assert_eq!(wasm.header("content-type"), Some("application/wasm"));
    assert_eq!(wasm.body, b"\0asm");
    // A Chinese file name, percent-encoded as UTF-8; spaces and a plus.
    let json = get(s, "/%E6%8A%A5%E5%91%8A-report-data-1.json");
    assert_eq!((json.status, json.text().as_str()), (200, "{\"a\":1}"));
    assert_eq!(json.header("content-type"), Some("application/json"));
    assert_eq!(get(s, "/a%20b+c.txt").text(), "spaces");
    // A folder: its index.html; without its slash, sent to the address with it.
    assert_eq!(get(s, "/sub/").text(), "<p>sub</p>");
    let moved = get(s, "/sub?x=1");
    assert_eq!(moved.status, 301);
    assert_eq!(moved.header("location"), Some("/sub/?x=1"));
    assert_eq!(get(s, "/empty/").status, 404, "a folder without index.html");
    assert_eq!(get(s, "/missing.js").status, 404);
    // A link that stays inside the folder is followed.
    assert_eq!(get(s, "/inner.html").text(), "<p>sub</p>");
    // The absolute form.
    assert_eq!(get(s, "http://127.0.0.1/sub/").text(), "<p>sub</p>");
}

#[test]
fn mounts_serve_their_own_folders_the_longest_prefix_first() {
    let site = site(Settings::new);
    let s = &site.server;
    assert_eq!(get(s, "/other/").text(), "<p>other</p>");
    assert_eq!(get(s, "/other/index.html").text(), "<p>other</p>");
    assert_eq!(get(s, "/%6Fther/").text(), "<p>other</p>", "decoded first");
    assert_eq!(get(s, "/other").status, 301);
    assert_eq!(get(s, "/otherx/").status, 404, "a prefix is whole segments");
    // The mount of /other/ is not reachable from / as a folder of the site.
    assert_eq!(get(s, "/other/secret.txt").status, 404);
}

#[test]
fn no_path_reaches_a_file_outside_the_folder() {
    let site = site(Settings::new);
    let s = &site.server;
    // The test server before this one answered `GET //etc/passwd` with /etc/passwd.
    let passwd = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
    for target in [
        "//etc/passwd",
        "///etc/passwd",
        "/%2Fetc%2Fpasswd",
        "/%2fetc/passwd",
    ] {
        let r = get(s, target);
        assert_eq!(r.status, 404, "{target}");
        assert!(passwd.is_empty() || !r.text().contains(passwd.lines().next().unwrap()));
    }
    let refused = [
        "/../secret.txt",
        "/sub/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2e/secret.txt",
        "/%2E%2e%2fsecret.txt",
        "/..%2Fsecret.txt",
        "/.%2e/secret.txt",
        "/%2e%2e%5csecret.txt",
        "/..%5Csecret.txt",
        "/%5C..%5Csecret.txt",
        "/..\\secret.txt",
        "/sub/%2e%2e/%2e%2e/secret.txt",
        // Links inside the folder that point outside it.
        "/link.txt",
        "/up/secret.txt",
        "/other/../secret.txt",
        "http://127.0.0.1/../secret.txt",
    ];
    for target in refused {
        let r = get(s, target);
        assert!(
            r.status == 404 || r.status == 400,
            "{target}: {} {}",
            r.status,
            r.text()
        );
        assert!(!r.text().contains("SECRET"), "{target}");
    }
    // A NUL, a bad escape, bytes that are not UTF-8, a path that is not one: a bad request.
    for target in [
        "/index.html%00",
        "/%00/secret.txt",
        "/%zz",
        "/%C3%28",
        "secret.txt",
    ] {
        assert_eq!(get(s, target).status, 400, "{target}");
    }
    assert!(site.dir.0.join("secret.txt").is_file(), "the file is there");
}

#[test]
fn gzip_copies_are_sent_to_clients_that_accept_them_when_asked() {
    let site = site(|mounts| Settings::new(mounts).cache_control("no-cache").gzip(true));
    let root = site.dir.0.join("site");
    write(&root.join("app_bg.wasm.gz"), b"gzipped wasm");
    let s = &site.server;
    let gz = get_with(s, "/app_bg.wasm", "Accept-Encoding: br, gzip;q=0.8\r\n");
    assert_eq!(gz.status, 200);
    assert_eq!(gz.body, b"gzipped wasm");
    assert_eq!(gz.header("content-encoding"), Some("gzip"));
    assert_eq!(gz.header("content-type"), Some("application/wasm"));
    assert_eq!(gz.header("vary"), Some("Accept-Encoding"));
    assert_eq!(gz.header("cache-control"), Some("no-cache"));
    for refuses in [
        "",
        "Accept-Encoding: gzip;q=0\r\n",
        "Accept-Encoding: br\r\n",
    ] {
        let plain = get_with(s, "/app_bg.wasm", refuses);
        assert_eq!(plain.body, b"\0asm", "{refuses}");
        assert_eq!(plain.header("content-encoding"), None);
        assert_eq!(plain.header("vary"), Some("Accept-Encoding"));
    }
    // No copy: the file as it is.
    let html = get_with(s, "/", "Accept-Encoding: gzip\r\n");
    assert_eq!(html.text(), "<p>home</p>");
    assert_eq!(html.header("content-encoding"), None);
    // A copy that is a link outside the folder is not sent.
    std::os::unix::fs::symlink(site.dir.0.join("secret.txt"), root.join("index.html.gz")).unwrap();
    assert_eq!(
        get_with(s, "/", "Accept-Encoding: gzip\r\n").text(),
        "<p>home</p>"
    );
    // Without the setting, never.
    let off = self::site(Settings::new);
    write(&off.dir.0.join("site/app_bg.wasm.gz"), b"gzipped wasm");
    let plain = get_with(&off.server, "/app_bg.wasm", "Accept-Encoding: gzip\r\n");
    assert_eq!(plain.body, b"\0asm");
    assert_eq!(plain.header("vary"), None);
}

#[test]
fn connections_are_kept_alive_as_http_1_1_says() {
    let site = site(Settings::new);
    let mut stream = TcpStream::connect(("127.0.0.1", site.server.port)).unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    for target in ["/", "/sub/", "/missing"] {
        write!(stream, "GET {target} HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        let r = read_response(&mut reader, false);
        assert_eq!(r.header("connection"), Some("keep-alive"), "{target}");
    }
    // HEAD: the length, no body; then the next request on the same connection.
    write!(
        stream,
        "HEAD / HTTP/1.1\r\nHost: x\r\n\r\nGET /sub/ HTTP/1.1\r\n\r\n"
    )
    .unwrap();
    let head = read_response(&mut reader, true);
    assert_eq!(
        (head.status, head.header("content-length")),
        (200, Some("11"))
    );
    assert_eq!(read_response(&mut reader, false).text(), "<p>sub</p>");
    // Closed when asked.
    write!(stream, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n").unwrap();
    assert_eq!(
        read_response(&mut reader, false).header("connection"),
        Some("close")
    );
    let mut rest = Vec::new();
    reader.read_to_end(&mut rest).unwrap();
    assert!(rest.is_empty());
    // HTTP/1.0 closes unless asked to keep alive.
    let r = raw(&site.server, b"GET / HTTP/1.0\r\n\r\n");
    assert_eq!(r.header("connection"), Some("close"));
    let r = raw(
        &site.server,
        b"GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
    );
    assert_eq!(r.header("connection"), Some("keep-alive"));
}

#[test]
fn other_methods_and_malformed_requests_are_refused() {
    let site = site(Settings::new);
    let s = &site.server;
    let post = raw(s, b"POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
    assert_eq!(post.status, 405);
    assert_eq!(post.header("allow"), Some("GET, HEAD"));
    assert_eq!(raw(s, b"GET /\r\n\r\n").status, 400);
    assert_eq!(raw(s, b"GET / HTTP/2\r\n\r\n").status, 400);
    assert_eq!(raw(s, b"GET / HTTP/1.1\r\nno colon\r\n\r\n").status, 400);
    // A body is not read: the connection closes after the answer.
    let r = raw(s, b"GET / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc");
    assert_eq!((r.status, r.header("connection")), (200, Some("close")));
}

#[test]
fn start_serves_mounts_with_the_defaults() {
    let dir = TempDir::new();
    write(&dir.0.join("index.html"), b"ok");
    let server = StaticServer::start(vec![("/".to_string(), dir.0.clone())]);
    let r = get(&server, "/");
    assert_eq!((r.status, r.text().as_str()), (200, "ok"));
    assert_eq!(r.header("cache-control"), Some("no-store"));
}
