//! Fonts: egui's defaults cover Latin, Greek and Cyrillic (Müller, Société, Łódź); the bundled
//! Droid Sans Fallback (Apache 2.0, see `assets/fonts/README.md`) adds Chinese and Japanese
//! (東京) as the last fallback of every family. It has no Hangul.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// The name under which the CJK fallback font is registered.
pub const CJK_FALLBACK: &str = "droid_sans_fallback";

static CJK_FONT: &[u8] = include_bytes!("../../assets/fonts/DroidSansFallbackFull.ttf");

/// egui's default fonts with the CJK fallback appended to both families.
pub fn font_definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        CJK_FALLBACK.to_string(),
        Arc::new(FontData::from_static(CJK_FONT)),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push(CJK_FALLBACK.to_string());
    }
    fonts
}

/// Install the fonts in a context.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(font_definitions());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_families_fall_back_to_the_cjk_font_last() {
        let fonts = font_definitions();
        for family in [FontFamily::Proportional, FontFamily::Monospace] {
            let names = &fonts.families[&family];
            assert_eq!(names.last().map(String::as_str), Some(CJK_FALLBACK));
            assert!(names.len() > 1, "the default fonts come first");
        }
    }
}
