//! The packaging files in `dist/` and `assets/icon/`, checked without building a package: the
//! desktop entry, the icon sizes, the AppStream metainfo, the MIME type, the macOS and Windows
//! configs naming one app id, and the Debian asset list in `Cargo.toml` pointing at real files.
//! The package itself is built and installed by `dist/build-deb.sh` and `dist/check-deb.sh`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::dist_support;

use std::collections::BTreeMap;

use dist_support::{Element, parse_xml, png_size, read_text, repo_path, texts};

/// The reverse-DNS id of the application (AppStream, macOS bundle, Windows uninstall key).
const APP_ID: &str = "io.ledgerlink.Ledgerlink";
/// The name of the binary, the desktop entry, the icon and the window's app id.
const APP_NAME: &str = "ledgerlink";
/// The PNG sizes rendered from the SVG.
const ICON_SIZES: [u32; 6] = [32, 48, 64, 128, 256, 512];
/// The project file type.
const PROJECT_MIME: &str = "application/x-ledgerlink-project";
/// The MIME types of the files the desktop entry offers to open.
const OPENED_MIME_TYPES: [&str; 7] = [
    PROJECT_MIME,
    "text/csv",
    "text/tab-separated-values",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.ms-excel",
    "application/vnd.ms-excel.sheet.binary.macroEnabled.12",
    "application/vnd.oasis.opendocument.spreadsheet",
];

fn desktop_file() -> String {
    format!("dist/{APP_NAME}.desktop")
}

fn metainfo_file() -> String {
    format!("dist/{APP_ID}.metainfo.xml")
}

fn icon_file(size: u32) -> String {
    format!("assets/icon/{APP_NAME}-{size}.png")
}

/// The `[Desktop Entry]` group as key -> value; panics on a duplicate key or a stray line.
fn desktop_entry() -> BTreeMap<String, String> {
    let text = read_text(&desktop_file());
    let mut entries = BTreeMap::new();
    let mut group = None;
    for (number, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line
            .strip_prefix('[')
            .and_then(|rest| rest.strip_suffix(']'))
        {
            group = Some(name.to_string());
            continue;
        }
        let (key, value) = line
            .split_once('=')
            .unwrap_or_else(|| panic!("line {}: not key=value: {line}", number + 1));
        if group.as_deref() == Some("Desktop Entry") {
            let previous = entries.insert(key.to_string(), value.to_string());
            assert!(previous.is_none(), "line {}: {key} given twice", number + 1);
        }
    }
    assert!(!entries.is_empty(), "no [Desktop Entry] group");
    entries
}

/// A `;`-separated desktop-entry list; the spec wants the trailing `;`.
fn desktop_list(entries: &BTreeMap<String, String>, key: &str) -> Vec<String> {
    let value = entries
        .get(key)
        .unwrap_or_else(|| panic!("{key} is missing"));
    assert!(value.ends_with(';'), "{key} must end with ';': {value}");
    value
        .trim_end_matches(';')
        .split(';')
        .map(str::to_string)
        .collect()
}

#[test]
fn desktop_entry_launches_the_binary_in_office_and_finance() {
    let entries = desktop_entry();
    for (key, expected) in [
        ("Type", "Application"),
        ("Name", "Ledgerlink"),
        ("Icon", APP_NAME),
        ("Terminal", "false"),
        ("TryExec", APP_NAME),
        ("StartupWMClass", APP_NAME),
    ] {
        assert_eq!(
            entries.get(key).map(String::as_str),
            Some(expected),
            "{key}"
        );
    }
    let exec = &entries["Exec"];
    assert!(
        exec.starts_with(&format!("{APP_NAME} ")),
        "Exec runs the binary: {exec}"
    );
    assert!(
        exec.contains("%f") || exec.contains("%F"),
        "Exec takes the opened file: {exec}"
    );
    assert!(entries["Comment"].len() > 20, "a Comment says what it does");
    let categories = desktop_list(&entries, "Categories");
    assert!(categories.contains(&"Office".to_string()), "{categories:?}");
    assert!(
        categories.contains(&"Finance".to_string()),
        "{categories:?}"
    );
}

#[test]
fn desktop_entry_opens_projects_csv_and_spreadsheets() {
    let mime_types = desktop_list(&desktop_entry(), "MimeType");
    for wanted in OPENED_MIME_TYPES {
        assert!(
            mime_types.iter().any(|have| have == wanted),
            "MimeType lacks {wanted}"
        );
    }
}

/// The window's app id (Wayland) and class (X11) must be the desktop entry's name, or docks
/// show a generic icon for the running window.
#[test]
fn window_app_id_matches_the_desktop_entry() {
    let app_code = read_text("src/app/window.rs");
    assert!(
        app_code.contains(&format!(".with_app_id(\"{APP_NAME}\")")),
        "src/app/window.rs no longer sets with_app_id(\"{APP_NAME}\")"
    );
}

#[test]
fn every_icon_size_is_a_png_of_that_size() {
    for size in ICON_SIZES {
        assert_eq!(
            png_size(&icon_file(size)),
            (size, size),
            "{}",
            icon_file(size)
        );
    }
    let svg = parse_xml("assets/icon/ledgerlink.svg");
    assert_eq!(svg.first().map(|root| root.path.as_str()), Some("svg"));
    assert!(
        svg[0].attribute("viewBox").is_some(),
        "the SVG scales: it needs a viewBox"
    );
}

/// The window icon is compiled in from the 128 px PNG: it must decode the way eframe reads it.
#[cfg(feature = "gui")]
#[test]
fn window_icon_decodes() {
    let icon =
        eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon/ledgerlink-128.png"))
            .expect("the window icon decodes");
    assert_eq!((icon.width, icon.height), (128, 128));
    assert!(
        icon.rgba.chunks(4).any(|pixel| pixel[3] == 255),
        "the icon is not transparent"
    );
}

#[test]
fn metainfo_names_the_app_its_desktop_entry_and_icon() {
    let elements = parse_xml(&metainfo_file());
    let root = &elements[0];
    assert_eq!(root.path, "component");
    assert_eq!(root.attribute("type"), Some("desktop-application"));
    assert_eq!(texts(&elements, "component/id"), [APP_ID]);
    assert_eq!(texts(&elements, "component/name"), ["Ledgerlink"]);
    assert_eq!(
        texts(&elements, "component/launchable"),
        [format!("{APP_NAME}.desktop")]
    );
    assert_eq!(texts(&elements, "component/icon"), [APP_NAME]);
    assert_eq!(texts(&elements, "component/provides/binary"), [APP_NAME]);
    assert_eq!(
        texts(&elements, "component/project_license"),
        [env!("CARGO_PKG_LICENSE")]
    );
    let categories = texts(&elements, "component/categories/category");
    assert!(
        categories.contains(&"Office") && categories.contains(&"Finance"),
        "{categories:?}"
    );
    let releases = elements
        .iter()
        .filter(|element| element.path == "component/releases/release");
    let versions: Vec<_> = releases
        .filter_map(|release| release.attribute("version"))
        .collect();
    assert!(
        versions.contains(&env!("CARGO_PKG_VERSION")),
        "no <release> for this version: {versions:?}"
    );
    let media_types = texts(&elements, "component/provides/mediatype");
    assert_eq!(
        media_types, OPENED_MIME_TYPES,
        "metainfo and desktop entry list the same types"
    );
}

#[test]
fn project_mime_type_is_declared_for_the_extension() {
    let elements = parse_xml("dist/ledgerlink-mime.xml");
    let types: Vec<_> = elements
        .iter()
        .filter(|element| element.path == "mime-info/mime-type")
        .collect();
    assert_eq!(types.len(), 1);
    assert_eq!(types[0].attribute("type"), Some(PROJECT_MIME));
    let globs = elements
        .iter()
        .filter(|element| element.path == "mime-info/mime-type/glob");
    let patterns: Vec<_> = globs.filter_map(|glob| glob.attribute("pattern")).collect();
    assert_eq!(patterns, ["*.ledgerlink"]);
}

/// The `<string>` after `<key>key</key>` in the top-level dict of a property list.
fn plist_string<'a>(elements: &'a [Element], key: &str) -> Option<&'a str> {
    let at = elements
        .iter()
        .position(|element| element.path == "plist/dict/key" && element.text == key)?;
    let value = elements[at + 1..]
        .iter()
        .find(|element| element.path.starts_with("plist/dict/"))?;
    (value.path == "plist/dict/string").then_some(value.text.as_str())
}

#[test]
fn macos_and_windows_configs_use_the_same_app_id() {
    let plist = parse_xml("dist/macos/Info.plist");
    assert_eq!(plist_string(&plist, "CFBundleIdentifier"), Some(APP_ID));
    assert_eq!(plist_string(&plist, "CFBundleExecutable"), Some(APP_NAME));
    assert_eq!(plist_string(&plist, "CFBundleIconFile"), Some(APP_NAME));
    assert_eq!(
        plist_string(&plist, "CFBundleShortVersionString"),
        Some("@VERSION@")
    );
    let nsis = read_text("dist/windows/ledgerlink.nsi");
    assert!(
        nsis.contains(&format!("!define APP_ID \"{APP_ID}\"")),
        "the NSIS script's APP_ID"
    );
    assert_eq!(
        &std::fs::read(repo_path("dist/windows/ledgerlink.ico")).unwrap()[..4],
        [0, 0, 1, 0]
    );
}

/// `[package.metadata.deb].assets` as (source, destination, mode).
fn deb_assets() -> Vec<(String, String, String)> {
    let manifest: toml::Table =
        toml::from_str(&read_text("Cargo.toml")).expect("Cargo.toml parses");
    let deb = &manifest["package"]["metadata"]["deb"];
    let assets = deb["assets"].as_array().expect("deb assets is a list");
    assets
        .iter()
        .map(|asset| {
            let fields: Vec<&str> = asset
                .as_array()
                .unwrap()
                .iter()
                .map(|field| field.as_str().unwrap())
                .collect();
            assert_eq!(
                fields.len(),
                3,
                "asset {fields:?}: source, destination, mode"
            );
            (
                fields[0].to_string(),
                fields[1].to_string(),
                fields[2].to_string(),
            )
        })
        .collect()
}

#[test]
fn deb_assets_point_at_files_that_exist() {
    let manifest: toml::Table = toml::from_str(&read_text("Cargo.toml")).unwrap();
    let copyright = manifest["package"]["metadata"]["deb"]["license-file"].as_str();
    let copyright = copyright.expect("license-file names the copyright file");
    assert!(repo_path(copyright).is_file(), "{copyright} does not exist");
    let assets = deb_assets();
    for (source, destination, mode) in &assets {
        assert!(mode == "644" || mode == "755", "{source}: mode {mode}");
        match source.strip_prefix("target/release/") {
            Some(binary) => {
                assert_eq!(binary, APP_NAME, "the packaged binary");
                assert_eq!((destination.as_str(), mode.as_str()), ("usr/bin/", "755"));
            }
            None => assert!(
                repo_path(source).is_file(),
                "{source} (packaged as {destination}) does not exist"
            ),
        }
    }
    let installed = |destination: &str| {
        assets
            .iter()
            .find(|(_, to, _)| to == destination)
            .map(|(from, _, _)| from.as_str())
            .unwrap_or_else(|| panic!("nothing is installed to {destination}"))
    };
    assert_eq!(
        installed(&format!("usr/share/applications/{APP_NAME}.desktop")),
        desktop_file()
    );
    assert_eq!(
        installed(&format!("usr/share/metainfo/{APP_ID}.metainfo.xml")),
        metainfo_file()
    );
    assert_eq!(
        installed(&format!("usr/share/mime/packages/{APP_NAME}.xml")),
        "dist/ledgerlink-mime.xml"
    );
    for size in ICON_SIZES {
        let source = installed(&format!(
            "usr/share/icons/hicolor/{size}x{size}/apps/{APP_NAME}.png"
        ));
        assert_eq!(
            png_size(source),
            (size, size),
            "{source} installed as the {size} px icon"
        );
    }
}

/// The Windows launcher (no console window) starts the main program beside it with the same
/// arguments and hands back its exit code; the installer points the menu and file types at it.
#[cfg(feature = "gui")]
#[test]
fn the_window_launcher_passes_arguments_and_exit_codes_through() {
    let launcher = env!("CARGO_BIN_EXE_ledgerlink-window");
    let version = std::process::Command::new(launcher)
        .arg("--version")
        .output()
        .unwrap();
    assert!(version.status.success());
    assert!(String::from_utf8_lossy(&version.stdout).starts_with("ledgerlink "));
    let missing = std::process::Command::new(launcher)
        .args(["status", "no-such-project.ledgerlink"])
        .output()
        .unwrap();
    assert_eq!(
        missing.status.code(),
        Some(2),
        "bad input keeps its exit code"
    );
    let nsis = read_text("dist/windows/ledgerlink.nsi");
    assert!(
        nsis.contains(r#"CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${WINDOW_EXE}""#)
    );
    assert!(nsis.contains(r#"shell\open\command" "" '"$INSTDIR\${WINDOW_EXE}" "%1"'"#));
}
