//! libpq's password file: `PGPASSFILE`, else `~/.pgpass` (`%APPDATA%\postgresql\pgpass.conf` on
//! Windows). Each line is `host:port:database:user:password`; a field that is just `*` matches
//! anything, `\:` and `\\` stand for `:` and `\`, lines starting with `#` are comments, and the
//! first matching line wins. As in libpq, on Unix the file is ignored when it is not a plain
//! file or when its group or others have any access to it (it must be `chmod 0600`).

use std::path::{Path, PathBuf};

/// What a line of the file is compared with.
#[derive(Debug, Clone, Copy)]
pub(super) struct Key<'a> {
    /// The host; a Unix socket directory counts as `localhost` (as in libpq).
    pub host: &'a str,
    /// The port.
    pub port: u16,
    /// The database.
    pub database: &'a str,
    /// The user name.
    pub user: &'a str,
}

/// Where the password file is: `PGPASSFILE`, else the usual place in the home folder.
pub(super) fn path(env: &dyn Fn(&str) -> Option<String>) -> Option<PathBuf> {
    if let Some(file) = env("PGPASSFILE").filter(|file| !file.is_empty()) {
        return Some(PathBuf::from(file));
    }
    if cfg!(windows) {
        let appdata = env("APPDATA").filter(|dir| !dir.is_empty())?;
        return Some(Path::new(&appdata).join("postgresql").join("pgpass.conf"));
    }
    let home = env("HOME").filter(|dir| !dir.is_empty())?;
    Some(Path::new(&home).join(".pgpass"))
}

/// The password for `key` in the file at `path`: `Ok(None)` when the file is missing or has
/// no matching line, `Err(note)` when the file is there but ignored (the note says why and
/// names the file, never a password).
pub(super) fn find(path: &Path, key: Key<'_>) -> Result<Option<String>, String> {
    let Ok(metadata) = std::fs::metadata(path) else {
        return Ok(None);
    };
    if !metadata.is_file() {
        return Err(format!(
            "{} was ignored: it is not a plain file",
            path.display()
        ));
    }
    if !private(&metadata) {
        return Err(format!(
            "{} was ignored: its group or others may read it (run chmod 0600 on it)",
            path.display()
        ));
    }
    let contents = std::fs::read(path)
        .map_err(|error| format!("{} could not be read: {error}", path.display()))?;
    Ok(lookup(&String::from_utf8_lossy(&contents), key))
}

#[cfg(unix)]
fn private(metadata: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::PermissionsExt;
    metadata.permissions().mode() & 0o077 == 0
}

#[cfg(not(unix))]
fn private(_metadata: &std::fs::Metadata) -> bool {
    true
}

/// The password of the first line of `contents` that matches `key`.
pub(super) fn lookup(contents: &str, key: Key<'_>) -> Option<String> {
    let host = if key.host.starts_with('/') {
        "localhost"
    } else {
        key.host
    };
    let port = key.port.to_string();
    let wanted = [host, port.as_str(), key.database, key.user];
    contents
        .lines()
        .map(|line| line.trim_end_matches('\r'))
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .find_map(|line| {
            let (fields, password) = split(line)?;
            let matches = fields
                .iter()
                .zip(wanted)
                .all(|(field, value)| field.as_deref().is_none_or(|field| field == value));
            matches.then_some(password)
        })
}

/// The four key fields (`None` for the wildcard `*`) and the password, or `None` for a line
/// with fewer than five fields.
fn split(line: &str) -> Option<([Option<String>; 4], String)> {
    let mut rest = line;
    let mut fields: [Option<String>; 4] = Default::default();
    for field in &mut fields {
        let (raw, value, tail) = next_field(rest);
        *field = (raw != "*").then_some(value);
        rest = tail?;
    }
    let (_, password, _) = next_field(rest);
    Some((fields, password))
}

/// The next field of `text`: as written, unescaped, and what follows its `:` (`None` at the
/// end of the line).
fn next_field(text: &str) -> (&str, String, Option<&str>) {
    let mut value = String::new();
    let mut chars = text.char_indices();
    while let Some((index, c)) = chars.next() {
        match c {
            ':' => return (&text[..index], value, Some(&text[index + 1..])),
            '\\' => match chars.next() {
                Some((_, escaped)) => value.push(escaped),
                None => value.push('\\'),
            },
            _ => value.push(c),
        }
    }
    (text, value, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key<'a>(host: &'a str, port: u16, database: &'a str, user: &'a str) -> Key<'a> {
        Key {
            host,
            port,
            database,
            user,
        }
    }

    #[test]
    fn first_matching_line_wins_with_wildcards() {
        let file = "# comment\n\
                    db.example.org:5432:workshop:anna:first\n\
                    *:*:*:anna:second\n\
                    *:*:*:*:any\n";
        let anna = key("db.example.org", 5432, "workshop", "anna");
        assert_eq!(lookup(file, anna).as_deref(), Some("first"));
        let other_port = key("db.example.org", 5433, "workshop", "anna");
        assert_eq!(lookup(file, other_port).as_deref(), Some("second"));
        let bob = key("elsewhere", 1, "x", "bob");
        assert_eq!(lookup(file, bob).as_deref(), Some("any"));
        assert_eq!(lookup("db:5432:w:anna:pw", bob), None);
    }

    #[test]
    fn escapes_and_short_lines() {
        let file = "short:line\r\n\
                    host\\:with\\:colons:5432:d\\\\b:anna:pa\\:ss\\\\word:ignored\r\n";
        let key = key("host:with:colons", 5432, "d\\b", "anna");
        assert_eq!(lookup(file, key).as_deref(), Some("pa:ss\\word"));
        // A literal `\*` is not a wildcard.
        assert_eq!(lookup("\\*:*:*:*:pw", self::key("h", 1, "d", "u")), None);
        assert_eq!(
            lookup("\\*:*:*:*:pw", self::key("*", 1, "d", "u")).as_deref(),
            Some("pw")
        );
    }

    #[test]
    fn socket_directories_count_as_localhost() {
        let file = "localhost:5432:workshop:anna:secret\n";
        let key = key("/var/run/postgresql", 5432, "workshop", "anna");
        assert_eq!(lookup(file, key).as_deref(), Some("secret"));
    }

    #[test]
    fn path_from_env() {
        let env = |name: &str| match name {
            "PGPASSFILE" => Some("/x/pass".to_string()),
            "HOME" => Some("/home/anna".to_string()),
            _ => None,
        };
        assert_eq!(path(&env), Some(PathBuf::from("/x/pass")));
        let env = |name: &str| (name == "HOME").then(|| "/home/anna".to_string());
        if cfg!(unix) {
            assert_eq!(path(&env), Some(PathBuf::from("/home/anna/.pgpass")));
        }
        assert_eq!(path(&|_: &str| None), None);
    }

    #[cfg(unix)]
    #[test]
    fn readable_by_others_is_ignored() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("pgpass");
        std::fs::write(&file, "*:*:*:*:topsecret\n").unwrap();
        let key = key("h", 5432, "d", "u");
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert_eq!(find(&file, key).unwrap().as_deref(), Some("topsecret"));
        for mode in [0o640, 0o604, 0o660] {
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(mode)).unwrap();
            let note = find(&file, key).unwrap_err();
            assert!(note.contains("chmod 0600"), "{note}");
            assert!(!note.contains("topsecret"), "{note}");
        }
        assert_eq!(find(&dir.path().join("missing"), key), Ok(None));
        assert!(find(dir.path(), key).is_err());
    }
}
