//! A throw-away PostgreSQL server for tests and benchmarks: one per test process, started on
//! first use on 127.0.0.1 (a free port) with a Unix socket in its own temporary folder, and
//! stopped (and its folder removed) by a watchdog shell when the process ends.
//!
//! Include it with `#[path = "../pg_support/mod.rs"] mod pg_support;` and call [`server`]:
//! `None` means PostgreSQL is not installed and `LEDGERLINK_SKIP_PG=1` asks to skip (say so
//! with an `eprintln!`); without that variable a missing PostgreSQL fails the test.
//!
//! The server has the superuser `postgres` (trust over the socket only, for [`PgServer::admin`]),
//! the plain role `reviewer` (password `workshop-secret`, no superuser, no createdb) owning the
//! database `workshop`, and the role `tls_only` (same password) that pg_hba.conf lets in over
//! TLS only. TLS uses a certificate for `localhost` and `127.0.0.1` signed by a test CA
//! ([`PgServer::ca_cert`]), made with the `openssl` command; without it the server runs
//! without TLS ([`PgServer::has_tls`] is false). `fsync` is on.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

#[cfg(unix)]
mod start;

/// PostgreSQL's test server needs Unix (initdb as another user, a socket folder).
#[cfg(not(unix))]
mod start {
    pub(super) fn start() -> Result<Option<super::PgServer>, String> {
        eprintln!("pg_support: no test server on this system");
        Ok(None)
    }
}

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

/// The password of `reviewer` and `tls_only`.
pub const PASSWORD: &str = "workshop-secret";
/// The plain role the app connects as; it owns [`DATABASE`].
pub const USER: &str = "reviewer";
/// A role that may log in only over TLS.
pub const TLS_USER: &str = "tls_only";
/// The database the projects live in.
pub const DATABASE: &str = "workshop";

/// The running test server.
#[derive(Debug)]
pub struct PgServer {
    port: u16,
    root: PathBuf,
    data: PathBuf,
    socket_dir: PathBuf,
    bin: PathBuf,
    ca_cert: Option<PathBuf>,
    startup: Duration,
}

static SERVER: OnceLock<Result<Option<PgServer>, String>> = OnceLock::new();

/// The process's test server, started on the first call; `None` when PostgreSQL is missing
/// and `LEDGERLINK_SKIP_PG=1`. Panics when it is missing otherwise, or fails to start.
pub fn server() -> Option<&'static PgServer> {
    match SERVER.get_or_init(start::start) {
        Ok(server) => server.as_ref(),
        Err(message) => panic!("{message}"),
    }
}

/// [`server`], printing that `test` is skipped when there is none.
pub fn server_or_skip(test: &str) -> Option<&'static PgServer> {
    let server = server();
    if server.is_none() {
        eprintln!("{test}: skipped: PostgreSQL is not installed (LEDGERLINK_SKIP_PG=1)");
    }
    server
}

impl PgServer {
    /// `postgres://reviewer:workshop-secret@127.0.0.1:PORT/workshop?project=NAME`.
    pub fn url(&self, project: &str) -> String {
        format!(
            "postgres://{USER}:{PASSWORD}@127.0.0.1:{}/{DATABASE}?project={project}",
            self.port
        )
    }

    /// [`PgServer::url`] without the password.
    pub fn url_without_password(&self, project: &str) -> String {
        format!(
            "postgres://{USER}@127.0.0.1:{}/{DATABASE}?project={project}",
            self.port
        )
    }

    /// The address of `tls_only` (with its password), which the server lets in over TLS only.
    pub fn tls_only_url(&self, project: &str) -> String {
        format!(
            "postgres://{TLS_USER}:{PASSWORD}@127.0.0.1:{}/{DATABASE}?project={project}",
            self.port
        )
    }

    /// The TCP port on 127.0.0.1 (the socket file in [`PgServer::socket_dir`] has it too).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// True when the server accepts TLS (the `openssl` command was there to make certificates).
    pub fn has_tls(&self) -> bool {
        self.ca_cert.is_some()
    }

    /// The test CA that signed the server's certificate (for `sslrootcert=`), with TLS.
    pub fn ca_cert(&self) -> Option<&Path> {
        self.ca_cert.as_deref()
    }

    /// The folder of the server's Unix socket (`host=` this folder connects over it).
    pub fn socket_dir(&self) -> &Path {
        &self.socket_dir
    }

    /// The server's log file.
    pub fn log_file(&self) -> PathBuf {
        self.root.join("server.log")
    }

    /// How long starting the server took (initdb, certificates, start, roles).
    pub fn startup_time(&self) -> Duration {
        self.startup
    }

    /// A superuser connection over the Unix socket (no TLS), to inspect or end backends.
    pub fn admin(&self) -> postgres::Client {
        postgres::Config::new()
            .host(&self.socket_dir.to_string_lossy())
            .port(self.port)
            .user("postgres")
            .dbname(DATABASE)
            .application_name("pg_support admin")
            .connect(postgres::NoTls)
            .expect("superuser connection over the test server's socket")
    }

    /// A project name no other test of any process uses: `PREFIX_PID_N`, at most 48 of the
    /// characters a project name allows.
    pub fn unique_project(&self, prefix: &str) -> String {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let suffix = format!("_{}_{n}", std::process::id());
        let mut name: String = prefix
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .take(48 - suffix.len())
            .collect();
        if name.is_empty() {
            name.push('p');
        }
        name + &suffix
    }
}
