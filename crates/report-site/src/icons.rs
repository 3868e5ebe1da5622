//! The home-screen icons: the built SVG favicon drawn as PNGs (resvg: shapes only, no text)
//! for browsers and systems that take no SVG icon — Android's two manifest sizes and Apple's
//! touch icon — so that the SVG stays the one source. They are named after their bytes and
//! loaded on demand (when a reader adds the page to the home screen), not by a first visit
//! (`offline::on_demand`).

use std::path::Path;

/// The sizes the build draws: Android's two manifest sizes and Apple's touch icon.
pub const ICON_SIZES: [u32; 3] = [192, 512, 180];

/// The size of [`ICON_SIZES`] that is Apple's touch icon (`<link rel="apple-touch-icon">`,
/// not in the manifest).
pub const APPLE_ICON_SIZE: u32 = 180;

/// How the name of every PNG icon starts ([`icon_name`]).
pub const ICON_PREFIX: &str = "icon-";

/// The file name of a PNG icon: its size and a hash of its bytes (`icon-192-<hash>.png`).
pub fn icon_name(size: u32, png: &[u8]) -> String {
    format!("{ICON_PREFIX}{size}-{}.png", crate::content_hash(png))
}

/// The built SVG favicon's file name in `dir` (`favicon-<hash>.svg`).
pub fn favicon(dir: &Path) -> Result<String, String> {
    std::fs::read_dir(dir)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().to_string()))
        .find(|name| name.starts_with("favicon") && name.ends_with(".svg"))
        .ok_or_else(|| "the build has no favicon-….svg for the icons".to_string())
}

/// The SVG icon drawn as a `size`×`size` PNG, scaled to fit.
pub fn icon_png(svg: &[u8], size: u32) -> Result<Vec<u8>, String> {
    use resvg::{tiny_skia, usvg};
    let tree = usvg::Tree::from_data(svg, &usvg::Options::default())
        .map_err(|e| format!("the favicon: {e}"))?;
    let mut pixmap = tiny_skia::Pixmap::new(size, size).ok_or("an empty icon size")?;
    let scale = size as f32 / tree.size().width().max(tree.size().height());
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_svg_is_drawn_at_each_size_and_named_after_its_bytes() {
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#a31b1f"/></svg>"##;
        let png = icon_png(svg, 192).unwrap();
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
        // The IHDR chunk: width and height.
        assert_eq!(png[16..24], [0, 0, 0, 192, 0, 0, 0, 192]);
        let name = icon_name(192, &png);
        assert!(
            name.starts_with("icon-192-") && name.ends_with(".png"),
            "{name}"
        );
        assert_ne!(name, icon_name(192, &icon_png(svg, 180).unwrap()));
        assert!(icon_png(b"not an svg", 192).is_err());
    }
}
