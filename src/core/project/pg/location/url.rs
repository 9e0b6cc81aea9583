//! Reading `postgres://[user[:password]@][host][:port][/database][?param=value&...]` into its
//! parts, as written (for showing it again) and decoded (for connecting).
//!
//! No error message quotes the user information, the host or the port as written: a password
//! with an unencoded `/`, `?` or `@` can shift the parts, and it must never be shown.

use std::fmt;
use std::time::Duration;

use super::{PgError, SslMode, valid_project_name};

/// The address as the user wrote it, less any password: what `Display` shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Written {
    /// `postgres` or `postgresql`, as written.
    pub scheme: String,
    /// The user name before `@` (still percent-encoded), without the password.
    pub user: Option<String>,
    /// The host as written (`[::1]` with brackets), maybe empty.
    pub host: String,
    /// The port as written.
    pub port: Option<String>,
    /// The database after `/`, as written.
    pub database: Option<String>,
    /// The parameters as written, in order, without `password=`.
    pub params: Vec<(String, String)>,
}

impl fmt::Display for Written {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}://", self.scheme)?;
        if let Some(user) = &self.user {
            write!(f, "{user}@")?;
        }
        f.write_str(&self.host)?;
        if let Some(port) = &self.port {
            write!(f, ":{port}")?;
        }
        if let Some(database) = &self.database {
            write!(f, "/{database}")?;
        }
        for (index, (name, value)) in self.params.iter().enumerate() {
            let separator = if index == 0 { '?' } else { '&' };
            write!(f, "{separator}{name}={value}")?;
        }
        Ok(())
    }
}

/// What the address says, decoded; `None` where it says nothing (defaults come later).
#[derive(Debug, Default)]
pub(super) struct Parsed {
    /// The user name.
    pub user: Option<String>,
    /// The password from the address (user information or `password=`).
    pub password: Option<String>,
    /// The host name, IP address or Unix socket directory.
    pub host: Option<String>,
    /// The port.
    pub port: Option<u16>,
    /// The database.
    pub database: Option<String>,
    /// The project (required).
    pub project: String,
    /// `sslmode=`.
    pub ssl_mode: Option<SslMode>,
    /// `connect_timeout=` (zero: no limit).
    pub connect_timeout: Option<Duration>,
    /// `sslrootcert=`.
    pub ssl_root_cert: Option<String>,
}

fn bad(detail: impl Into<String>) -> PgError {
    PgError::BadUrl {
        detail: detail.into(),
    }
}

/// Reads `text` into what was written and what it means.
pub(super) fn parse(text: &str) -> Result<(Written, Parsed), PgError> {
    let text = text.trim();
    parse_inner(text).map_err(|error| match error {
        PgError::BadUrl { detail } => PgError::BadUrl {
            detail: scrub(detail, text),
        },
        other => other,
    })
}

/// A safety net: `detail` with anything that looks like a password of `text` hidden.
fn scrub(mut detail: String, text: &str) -> String {
    let rest = text.split_once("://").map_or(text, |(_, rest)| rest);
    let userinfo = rest.rfind('@').map(|at| &rest[..at]);
    let mut secrets: Vec<String> = Vec::new();
    if let Some((_, password)) = userinfo.and_then(|userinfo| userinfo.split_once(':')) {
        secrets.push(password.to_string());
        secrets.extend(decode(password, "").ok());
    }
    for pair in rest.split(['?', '&']) {
        if let Some(("password", value)) = pair.split_once('=') {
            secrets.push(value.to_string());
            secrets.extend(decode(value, "").ok());
        }
    }
    for secret in secrets.iter().filter(|secret| secret.len() >= 3) {
        detail = detail.replace(secret.as_str(), "(hidden)");
    }
    detail
}

fn parse_inner(text: &str) -> Result<(Written, Parsed), PgError> {
    let (scheme, rest) = text
        .split_once("://")
        .filter(|(scheme, _)| {
            scheme.eq_ignore_ascii_case("postgres") || scheme.eq_ignore_ascii_case("postgresql")
        })
        .ok_or_else(|| bad("it does not start with postgres:// or postgresql://"))?;
    // The user information ends at the last `@` before the parameters, so that an unencoded
    // `@` or `/` in a password still works (a `?` in it must be written %3F).
    let (head, query) = match rest.split_once('?') {
        Some((head, query)) => (head, Some(query)),
        None => (rest, None),
    };
    let (userinfo, after) = match head.rfind('@') {
        Some(at) => (Some(&head[..at]), &head[at + 1..]),
        None => (None, head),
    };
    let (hostport, database) = match after.split_once('/') {
        Some((hostport, database)) => (hostport, Some(database)),
        None => (after, None),
    };
    let mut parsed = Parsed::default();
    let mut written = Written {
        scheme: scheme.to_string(),
        user: None,
        host: hostport.to_string(),
        port: None,
        database: database.map(str::to_string),
        params: Vec::new(),
    };
    if let Some(userinfo) = userinfo {
        let (user, password) = match userinfo.split_once(':') {
            Some((user, password)) => (user, Some(password)),
            None => (userinfo, None),
        };
        written.user = Some(user.to_string());
        parsed.user = non_empty(decode(user, "the user name")?);
        if let Some(password) = password {
            parsed.password = non_empty(decode(password, "the password")?);
        }
    }
    let (host, port) = split_host_port(hostport)?;
    written.host = hostport[..hostport.len() - port.map_or(0, |port| port.len() + 1)].to_string();
    written.port = port.map(str::to_string);
    parsed.host = non_empty(decode(host, "the host")?);
    if let Some(port) = port {
        parsed.port = Some(parse_port(port)?);
    }
    if let Some(database) = database {
        parsed.database = non_empty(decode(database, "the database name")?);
    }
    if let Some(query) = query {
        read_params(query, &mut written, &mut parsed)?;
    }
    if parsed.project.is_empty() {
        return Err(bad(
            "it names no project: add ?project=NAME (letters, digits, _ and -)",
        ));
    }
    Ok((written, parsed))
}

/// Splits `host:port`, `[v6]:port`, `host` or `` (the port is not checked yet).
fn split_host_port(hostport: &str) -> Result<(&str, Option<&str>), PgError> {
    if let Some(inner) = hostport.strip_prefix('[') {
        let close = inner
            .find(']')
            .ok_or_else(|| bad("an IPv6 address in [ ] has no closing ]"))?;
        let rest = &inner[close + 1..];
        let port = match rest.strip_prefix(':') {
            Some(port) => Some(port),
            None if rest.is_empty() => None,
            None => return Err(bad("after an IPv6 address in [ ] only :PORT may follow")),
        };
        return Ok((&inner[..close], port));
    }
    if hostport.contains(',') {
        return Err(bad("several hosts are not supported: name one server"));
    }
    Ok(match hostport.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (hostport, None),
    })
}

fn parse_port(text: &str) -> Result<u16, PgError> {
    text.parse::<u16>()
        .ok()
        .filter(|port| *port != 0)
        .ok_or_else(|| bad("the port is not a number from 1 to 65535"))
}

/// Reads `name=value&...` into `parsed`, keeping them (less any password) in `written`.
fn read_params(query: &str, written: &mut Written, parsed: &mut Parsed) -> Result<(), PgError> {
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        let Some((raw_name, raw_value)) = pair.split_once('=') else {
            return Err(bad(format!(
                "the parameter {} has no value (write NAME=VALUE)",
                shown_name(pair)
            )));
        };
        let name = decode(raw_name, "a parameter name")?;
        let value = decode(raw_value, "a parameter value")?;
        if name != "password" {
            written
                .params
                .push((raw_name.to_string(), raw_value.to_string()));
        }
        apply_param(&name, value, parsed)?;
    }
    Ok(())
}

fn apply_param(name: &str, value: String, parsed: &mut Parsed) -> Result<(), PgError> {
    match name {
        "project" => {
            if !valid_project_name(&value) {
                return Err(bad(PROJECT_RULE));
            }
            if !parsed.project.is_empty() {
                return Err(bad(
                    "the address names the project twice: keep one project=",
                ));
            }
            // Names differ by more than case: "Q3" and "q3" are one project.
            parsed.project = value.to_ascii_lowercase();
        }
        "sslmode" => parsed.ssl_mode = Some(value.parse()?),
        "connect_timeout" => parsed.connect_timeout = Some(parse_timeout(&value)?),
        "host" => parsed.host = non_empty(value),
        "port" => parsed.port = Some(parse_port(&value)?),
        "user" => parsed.user = non_empty(value),
        "dbname" => parsed.database = non_empty(value),
        "password" => parsed.password = non_empty(value),
        "sslrootcert" => parsed.ssl_root_cert = non_empty(value),
        _ => {
            return Err(bad(format!(
                "unknown parameter {} (known: project, sslmode, connect_timeout, host, port, \
                 user, dbname, sslrootcert)",
                shown_name(name)
            )));
        }
    }
    Ok(())
}

/// What the project name must look like, for error messages.
pub(super) const PROJECT_RULE: &str = "the project name must be 1 to 48 characters: ASCII \
                                       letters, digits, _ and - (case does not matter)";

/// Seconds; zero means no limit (as in libpq).
pub(super) fn parse_timeout(text: &str) -> Result<Duration, PgError> {
    text.trim()
        .parse::<u64>()
        .map(Duration::from_secs)
        .map_err(|_| bad("connect_timeout must be a whole number of seconds"))
}

/// A parameter name for a message: quoted when it looks like one, else not shown at all (it
/// could be a piece of a password that was not percent-encoded).
fn shown_name(name: &str) -> String {
    let plain = !name.is_empty()
        && name.len() <= 40
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if plain {
        format!("`{name}`")
    } else {
        "(a name that is not a parameter)".to_string()
    }
}

fn non_empty(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

/// Percent-decoding (`%41` is `A`); the result must be UTF-8. `what` names the part in errors,
/// which never quote the text itself.
pub(super) fn decode(text: &str, what: &str) -> Result<String, PgError> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'%' {
            let value = bytes
                .get(index + 1..index + 3)
                .filter(|hex| hex.iter().all(u8::is_ascii_hexdigit))
                .and_then(|hex| std::str::from_utf8(hex).ok())
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
                .ok_or_else(|| {
                    bad(format!(
                        "{what} has a % that is not followed by two hex digits (write % as %25)"
                    ))
                })?;
            out.push(value);
            index += 3;
        } else {
            out.push(bytes[index]);
            index += 1;
        }
    }
    String::from_utf8(out).map_err(|_| bad(format!("{what} is not UTF-8 once decoded")))
}
