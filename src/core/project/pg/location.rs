//! `postgres://user@host/db?project=NAME`: where a shared project lives, and connecting to it.
//!
//! The address is libpq's URL, `postgres://[user[:password]@][host][:port][/database]`
//! (`postgresql://` too), with the required parameter `project=NAME` and these others:
//! `sslmode` (`disable`, `prefer` (the default), `require`, `verify-ca`, `verify-full`),
//! `connect_timeout` (seconds, default 10), `sslrootcert`, and `host`, `port`, `user`,
//! `dbname` overriding the parts before `?`. User, password, host and database may be
//! percent-encoded; a host starting with `/` is a Unix socket directory. A `?` or `#` in the
//! password must be written `%3F` and `%23`, an `@` in a database name `%40`.
//!
//! What the address leaves out comes from libpq's environment variables: `PGUSER` (else the
//! login name), `PGHOST` (else `localhost`), `PGPORT` (else 5432), `PGDATABASE` (else the user
//! name), `PGSSLMODE`, `PGCONNECT_TIMEOUT`, `PGSSLROOTCERT`. The password is looked up at
//! connection time, in this order: the address, `PGPASSWORD`, the password file (`PGPASSFILE`,
//! else `~/.pgpass`). It never appears in `Display`, `Debug` or an error message.

mod connect;
mod pgpass;
mod tls;
mod url;

#[cfg(test)]
mod tests;

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

pub use connect::error_text;

/// Reads an environment variable: [`std::env::var`] normally, a table in tests.
pub type EnvLookup<'a> = &'a dyn Fn(&str) -> Option<String>;

/// True when `text` is a PostgreSQL address (`postgres://` or `postgresql://`, in any case)
/// rather than a project file.
pub fn is_postgres_url(text: &str) -> bool {
    let text = text.trim_start();
    ["postgres://", "postgresql://"].iter().any(|scheme| {
        text.get(..scheme.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
    })
}

/// True when `name` may name a project: 1 to 48 ASCII letters, digits, `_` and `-`.
pub fn valid_project_name(name: &str) -> bool {
    (1..=48).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// The process environment, for [`PgLocation::parse_with`] and [`PgLocation::connect_with`].
pub fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

/// What can go wrong with a PostgreSQL address or connection. No message holds a password.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PgError {
    /// The address cannot be read.
    #[error(
        "not a usable PostgreSQL project address: {detail} (the form is \
         postgres://USER@HOST:PORT/DATABASE?project=NAME)"
    )]
    BadUrl {
        /// What is wrong, in plain words.
        detail: String,
    },
    /// The server could not be reached or refused the connection.
    #[error("cannot connect to {location}: {detail}")]
    Connect {
        /// The address, without password.
        location: String,
        /// The server's or the network's answer, and what to check.
        detail: String,
        /// True when the server answered and refused (password, user, database, pg_hba.conf):
        /// trying again will not help.
        refused: bool,
    },
    /// TLS could not be set up (certificate files, trusted roots).
    #[error("cannot set up an encrypted connection: {detail}")]
    Tls {
        /// What is wrong.
        detail: String,
    },
}

/// How the connection is encrypted (libpq's `sslmode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SslMode {
    /// Never encrypt.
    Disable,
    /// Encrypt when the server can, else not (certificate not checked); the default.
    #[default]
    Prefer,
    /// Always encrypt; the certificate is not checked.
    Require,
    /// Encrypt and check the certificate chain (see the `tls` notes: the host name is checked
    /// too when the roots are the system's).
    VerifyCa,
    /// Encrypt and check the certificate chain and the host name.
    VerifyFull,
}

impl SslMode {
    /// The libpq spelling (`verify-full` ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Disable => "disable",
            Self::Prefer => "prefer",
            Self::Require => "require",
            Self::VerifyCa => "verify-ca",
            Self::VerifyFull => "verify-full",
        }
    }
}

impl FromStr for SslMode {
    type Err = PgError;

    fn from_str(text: &str) -> Result<Self, PgError> {
        Ok(match text {
            "disable" => Self::Disable,
            "prefer" => Self::Prefer,
            "require" => Self::Require,
            "verify-ca" => Self::VerifyCa,
            "verify-full" => Self::VerifyFull,
            _ => {
                return Err(PgError::BadUrl {
                    detail: "sslmode must be disable, prefer, require, verify-ca or verify-full"
                        .to_string(),
                });
            }
        })
    }
}

/// A password kept for connecting; shown nowhere.
#[derive(Clone, PartialEq, Eq)]
struct Secret(String);

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<hidden>")
    }
}

/// Where a shared project lives: server, database, user and the project's name, read from a
/// `postgres://` address with libpq's defaults filled in. `Display` gives the address back as
/// written, without its password.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PgLocation {
    written: url::Written,
    user: String,
    password: Option<Secret>,
    host: String,
    port: u16,
    database: String,
    project: String,
    ssl_mode: SslMode,
    connect_timeout: Option<Duration>,
    ssl_root_cert: Option<String>,
}

impl FromStr for PgLocation {
    type Err = PgError;

    /// Reads an address; defaults come from the process environment.
    fn from_str(text: &str) -> Result<Self, PgError> {
        Self::parse_with(text, &process_env)
    }
}

impl fmt::Display for PgLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.written.fmt(f)
    }
}

impl PgLocation {
    /// Reads an address, taking the defaults (`PGUSER`, `PGHOST` ...) from `env`.
    pub fn parse_with(text: &str, env: EnvLookup<'_>) -> Result<Self, PgError> {
        let (written, parsed) = url::parse(text)?;
        let var = |name: &str| env(name).filter(|value| !value.is_empty());
        let bad = |detail: &str| PgError::BadUrl {
            detail: detail.to_string(),
        };
        let user = parsed
            .user
            .or_else(|| var("PGUSER"))
            .or_else(|| login_name(env))
            .ok_or_else(|| bad("it names no user: write postgres://USER@... or set PGUSER"))?;
        let port = match (parsed.port, var("PGPORT")) {
            (Some(port), _) => port,
            (None, Some(port)) => port
                .trim()
                .parse::<u16>()
                .ok()
                .filter(|port| *port != 0)
                .ok_or_else(|| bad("PGPORT is not a port number from 1 to 65535"))?,
            (None, None) => 5432,
        };
        let ssl_mode = match (parsed.ssl_mode, var("PGSSLMODE")) {
            (Some(mode), _) => mode,
            (None, Some(mode)) => mode.trim().parse()?,
            (None, None) => SslMode::Prefer,
        };
        let connect_timeout = match (parsed.connect_timeout, var("PGCONNECT_TIMEOUT")) {
            (Some(timeout), _) => timeout,
            (None, Some(timeout)) => url::parse_timeout(&timeout)?,
            (None, None) => Duration::from_secs(10),
        };
        Ok(Self {
            written,
            host: parsed
                .host
                .or_else(|| var("PGHOST"))
                .unwrap_or_else(|| "localhost".to_string()),
            port,
            database: parsed
                .database
                .or_else(|| var("PGDATABASE"))
                .unwrap_or_else(|| user.clone()),
            user,
            password: parsed.password.map(Secret),
            project: parsed.project,
            ssl_mode,
            // Zero is no limit, as in libpq.
            connect_timeout: (!connect_timeout.is_zero()).then_some(connect_timeout),
            ssl_root_cert: parsed.ssl_root_cert.or_else(|| var("PGSSLROOTCERT")),
        })
    }

    /// The project's name on the server.
    pub fn project(&self) -> &str {
        &self.project
    }

    /// The user name Ledgerlink logs in as.
    pub fn user(&self) -> &str {
        &self.user
    }

    /// The host name, IP address, or Unix socket directory (starting with `/`).
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The database that holds the project.
    pub fn database(&self) -> &str {
        &self.database
    }

    /// How the connection is encrypted.
    pub fn ssl_mode(&self) -> SslMode {
        self.ssl_mode
    }

    /// How long to wait for the server (`None`: no limit).
    pub fn connect_timeout(&self) -> Option<Duration> {
        self.connect_timeout
    }

    /// The same server and database with another project; `Display` shows the new name.
    pub fn with_project(&self, name: &str) -> Result<PgLocation, PgError> {
        if !valid_project_name(name) {
            return Err(PgError::BadUrl {
                detail: url::PROJECT_RULE.to_string(),
            });
        }
        let mut location = self.clone();
        location.project = name.to_string();
        for (param, value) in &mut location.written.params {
            if url::decode(param, "a parameter name").as_deref() == Ok("project") {
                *value = name.to_string();
            }
        }
        Ok(location)
    }

    /// Connects, with the password from the address, `PGPASSWORD` or the password file.
    /// `application_name` shows in the server's `pg_stat_activity`.
    pub fn connect(&self, application_name: &str) -> Result<postgres::Client, PgError> {
        self.connect_with(application_name, &process_env)
    }

    /// [`PgLocation::connect`] with the environment (`PGPASSWORD`, `PGPASSFILE`, `HOME`) read
    /// through `env`.
    ///
    /// `connect_timeout` limits each attempt to open a socket (as in libpq, per address of
    /// the host); the whole connection, startup and login included, is given up after twice
    /// that, so that a server that accepts but never answers does not hang the caller.
    pub fn connect_with(
        &self,
        application_name: &str,
        env: EnvLookup<'_>,
    ) -> Result<postgres::Client, PgError> {
        let socket = self.host.starts_with('/');
        let mut config = postgres::Config::new();
        config
            .user(&self.user)
            .dbname(&self.database)
            .port(self.port)
            .application_name(application_name)
            .keepalives(true)
            .keepalives_idle(Duration::from_secs(30))
            .keepalives_interval(Duration::from_secs(10))
            .keepalives_retries(3);
        if socket {
            connect::set_socket(&mut config, &self.host)?;
        } else {
            config.host(&self.host);
        }
        if let Some(timeout) = self.connect_timeout {
            config.connect_timeout(timeout);
        }
        let (password, note) = self.password(env);
        if let Some(password) = password {
            config.password(password);
        }
        // libpq never encrypts over a Unix socket, whatever sslmode says.
        let mode = if socket {
            SslMode::Disable
        } else {
            self.ssl_mode
        };
        let home = env("HOME").map(std::path::PathBuf::from);
        let tls = tls::connector(mode, self.ssl_root_cert.as_deref(), home.as_deref())?;
        config.ssl_mode(match mode {
            SslMode::Disable => postgres::config::SslMode::Disable,
            SslMode::Prefer => postgres::config::SslMode::Prefer,
            _ => postgres::config::SslMode::Require,
        });
        let limit = self.connect_timeout.map(|timeout| timeout * 2);
        connect::connect_within(config, tls, limit).map_err(|failure| PgError::Connect {
            location: self.to_string(),
            detail: failure.describe(note.as_deref()),
            refused: failure.is_refusal(),
        })
    }

    /// The password: the address, `PGPASSWORD`, then the password file; and a note when the
    /// file was there but ignored.
    fn password(&self, env: EnvLookup<'_>) -> (Option<String>, Option<String>) {
        if let Some(Secret(password)) = &self.password {
            return (Some(password.clone()), None);
        }
        if let Some(password) = env("PGPASSWORD").filter(|password| !password.is_empty()) {
            return (Some(password), None);
        }
        let Some(file) = pgpass::path(env) else {
            return (None, None);
        };
        let key = pgpass::Key {
            host: &self.host,
            port: self.port,
            database: &self.database,
            user: &self.user,
        };
        match pgpass::find(&file, key) {
            Ok(password) => (password, None),
            Err(note) => (None, Some(note)),
        }
    }
}

/// The login name: `USER`, `LOGNAME` or `USERNAME` in `env`, else the system's user database.
fn login_name(env: EnvLookup<'_>) -> Option<String> {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|name| env(name).filter(|value| !value.is_empty()))
        .or_else(system_login_name)
}

#[cfg(unix)]
fn system_login_name() -> Option<String> {
    let mut buffer = vec![0 as libc::c_char; 4096];
    // SAFETY: an all-zero `passwd` is a valid value of the plain C struct; getpwuid_r fills it
    // with pointers into `buffer`, which outlives their use below.
    let mut entry: libc::passwd = unsafe { std::mem::zeroed() };
    let mut result: *mut libc::passwd = std::ptr::null_mut();
    // SAFETY: every pointer is valid for the length given; getpwuid_r writes only there.
    let status = unsafe {
        libc::getpwuid_r(
            libc::geteuid(),
            &mut entry,
            buffer.as_mut_ptr(),
            buffer.len(),
            &mut result,
        )
    };
    if status != 0 || result.is_null() || entry.pw_name.is_null() {
        return None;
    }
    // SAFETY: pw_name is a NUL-terminated string inside `buffer`, checked non-null above.
    let name = unsafe { std::ffi::CStr::from_ptr(entry.pw_name) };
    name.to_str()
        .ok()
        .filter(|name| !name.is_empty())
        .map(str::to_string)
}

#[cfg(not(unix))]
fn system_login_name() -> Option<String> {
    None
}
