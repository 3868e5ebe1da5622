//! Offline and on the home screen: the web app manifest ([`manifest`]), the service worker
//! ([`service_worker`]) and which built files it precaches and which it keeps when first used
//! ([`on_demand`]). Pure: the `prerender` step lists the built files and writes what these
//! give; the page's link to the manifest is `built_page::with_manifest`.

use crate::icons::{APPLE_ICON_SIZE, ICON_PREFIX};
use report_core::markup::{REPORT_FILE_NAME, TOOLS_MODULES};

/// The service worker's file, beside the page (`static/boot.js` registers it).
pub const SERVICE_WORKER: &str = "sw.js";

/// The web app manifest's file, beside the page.
pub const MANIFEST: &str = "manifest.webmanifest";

/// Whether a built file is loaded only on demand — the reading worker (when a reader opens a
/// file), a library's search module, the whole report file (when one downloads it), the home-screen icons, and the
/// modules of the reader's tools (when a reader first uses them, static/boot.js) — rather
/// than by every first visit.
pub fn on_demand(name: &str) -> bool {
    name.starts_with("report-reader")
        || name.starts_with(crate::built_page::LIBRARY_MODULE)
        || name == REPORT_FILE_NAME
        || name.starts_with(ICON_PREFIX)
        || TOOLS_MODULES.iter().any(|m| {
            name.strip_prefix(m.name)
                .is_some_and(|rest| rest == ".js" || rest == "_bg.wasm")
        })
}

/// A version for a build: a hash of its files' names and contents.
pub fn version_of(files: &[(String, Vec<u8>)]) -> String {
    let mut all = Vec::new();
    for (name, content) in files {
        all.extend_from_slice(name.as_bytes());
        all.push(0);
        all.extend_from_slice(content);
    }
    crate::content_hash(&all)
}

/// The service worker of a build: it precaches exactly `files` (the built files a first visit
/// loads, as paths relative to the page, `./` for the page itself) and keeps `later` (the files
/// loaded [`on_demand`]) the first time they are fetched, all in one cache named after the
/// site's scope and `version` (a hash of every file). It answers from that cache first and,
/// when it takes over from an older build's worker, deletes that build's cache. A new build's
/// worker waits until no page of the old one is open, so a page never mixes old and new files.
/// Only what a first visit loads is precached; the modules loaded on first use come when they
/// are first used (docs/size-budget.md).
pub fn service_worker(files: &[String], later: &[String], version: &str) -> String {
    let files = serde_json::to_string(files).unwrap_or_else(|_| "[]".into());
    let later = serde_json::to_string(later).unwrap_or_else(|_| "[]".into());
    format!(
        "// The service worker of one build (written by src/bin/prerender.rs; see src/offline.rs).\n\
         const FILES = {files};\n\
         const LATER = new Set({later}.map((f) => new URL(f, self.registration.scope).href));\n\
         const PREFIX = \"report \" + self.registration.scope + \" \";\n\
         const CACHE = PREFIX + \"{version}\";\n\
         self.addEventListener(\"install\", (event) => {{\n\
         \x20 event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES).then(() => keepOpenPages(cache))));\n\
         }});\n\
         // A page of a library opened before this worker ran (a shared link to one report): it and its\n\
         // report's data are kept now, so that it opens offline too.\n\
         function keepOpenPages(cache) {{\n\
         \x20 return self.clients.matchAll({{ type: \"window\", includeUncontrolled: true }}).then((clients) => Promise.all(clients.map((client) => {{\n\
         \x20   const page = client.url.split(\"#\")[0].split(\"?\")[0];\n\
         \x20   const own = [...LATER].filter((f) => f === page || (f.startsWith(page) && f.slice(page.length).startsWith(\"report-data-\")));\n\
         \x20   return LATER.has(page) ? cache.addAll(own).catch(() => {{}}) : null;\n\
         \x20 }})));\n\
         }}\n\
         self.addEventListener(\"activate\", (event) => {{\n\
         \x20 event.waitUntil(caches.keys()\n\
         \x20   .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))\n\
         \x20   .then(() => self.clients.claim()));\n\
         }});\n\
         self.addEventListener(\"fetch\", (event) => {{\n\
         \x20 if (event.request.method !== \"GET\") return;\n\
         \x20 event.respondWith(caches.open(CACHE)\n\
         \x20   .then((cache) => cache.match(event.request, {{ ignoreSearch: true }}).then((hit) => hit ||\n\
         \x20     fetch(event.request).then((response) => {{\n\
         \x20       if (response.ok && LATER.has(event.request.url.split(\"?\")[0])) cache.put(event.request, response.clone());\n\
         \x20       return response;\n\
         \x20     }}))));\n\
         }});\n"
    )
}

/// The web app manifest of a report: its title as the name, the page as the start, the app's
/// colours, `icon` (the built SVG icon's file name) and the PNG icons `pngs` (size, file name)
/// but Apple's, which is not for the manifest.
pub fn manifest(title: &str, icon: &str, pngs: &[(u32, String)]) -> String {
    let mut icons = vec![
        serde_json::json!({ "src": icon, "sizes": "any", "type": "image/svg+xml", "purpose": "any" }),
    ];
    icons.extend(
        pngs.iter()
            .filter(|(size, _)| *size != APPLE_ICON_SIZE)
            .map(|(size, name)| serde_json::json!({ "src": name, "sizes": format!("{size}x{size}"), "type": "image/png", "purpose": "any" })),
    );
    let short: String = title.chars().take(12).collect();
    serde_json::to_string_pretty(&serde_json::json!({
        "name": title,
        "short_name": short,
        "lang": "zh-CN",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#fbfaf7",
        "theme_color": "#a31b1f",
        "icons": icons,
    }))
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_service_worker_precaches_the_build_and_the_manifest_names_the_report() {
        let files = vec!["./".to_string(), "index.html".into(), "app-1.wasm".into()];
        let sw = service_worker(&files, &["report.json".to_string()], "abc");
        assert!(
            sw.contains(r#"const FILES = ["./","index.html","app-1.wasm"];"#),
            "{sw}"
        );
        assert!(sw.contains(r#"new Set(["report.json"]"#), "{sw}");
        assert!(on_demand("report-reader_bg.wasm") && on_demand("report.json"));
        assert!(
            on_demand("report-notes.js")
                && on_demand("report-care_bg.wasm")
                && on_demand("icon-192-1.png")
        );
        assert!(!on_demand("report-notes-1.js") && !on_demand("notes.js"));
        assert!(!on_demand("index.html"));
        assert!(sw.contains("PREFIX + \"abc\""));
        assert!(sw.contains("caches.delete"));
        assert!(
            !sw.contains("skipWaiting"),
            "a new build waits for the old pages to close"
        );
        let m: serde_json::Value = serde_json::from_str(&manifest(
            "某县政府工作报告",
            "icon-1.svg",
            &[
                (192, "icon-192-1.png".into()),
                (180, "icon-180-1.png".into()),
            ],
        ))
        .unwrap();
        assert_eq!(m["name"], "某县政府工作报告");
        assert_eq!(m["icons"][0]["src"], "icon-1.svg");
        assert_eq!(m["icons"][1]["sizes"], "192x192");
        assert_eq!(m["icons"][1]["type"], "image/png");
        assert_eq!(
            m["icons"].as_array().unwrap().len(),
            2,
            "Apple's icon is not in it"
        );
        assert_eq!(m["start_url"], "./");
        let a = version_of(&[("a".into(), b"1".to_vec())]);
        assert_ne!(a, version_of(&[("a".into(), b"2".to_vec())]));
    }
}
