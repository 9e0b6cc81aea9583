//! Opening the connection: a time limit on the whole of it, and what a failure means.

use std::sync::mpsc;
use std::time::Duration;

use postgres::error::SqlState;

use super::PgError;

#[cfg(unix)]
pub(super) fn set_socket(config: &mut postgres::Config, dir: &str) -> Result<(), PgError> {
    config.host_path(dir);
    Ok(())
}

#[cfg(not(unix))]
pub(super) fn set_socket(_config: &mut postgres::Config, _dir: &str) -> Result<(), PgError> {
    Err(PgError::BadUrl {
        detail: "a host starting with / is a Unix socket directory, which this system lacks"
            .to_string(),
    })
}

/// Why a connection failed.
pub(super) enum Failure {
    /// The driver's error.
    Postgres(postgres::Error),
    /// No answer within the limit.
    TimedOut(Duration),
    /// The connecting thread could not start or died.
    Thread(String),
}

/// Connects in a helper thread and waits at most `limit` for it (the driver's own
/// `connect_timeout` covers only opening the socket).
pub(super) fn connect_within(
    config: postgres::Config,
    tls: Option<tokio_postgres_rustls::MakeRustlsConnect>,
    limit: Option<Duration>,
) -> Result<postgres::Client, Failure> {
    let (sender, receiver) = mpsc::channel();
    std::thread::Builder::new()
        .name("pg-connect".to_string())
        .spawn(move || {
            let result = match tls {
                Some(tls) => config.connect(tls),
                None => config.connect(postgres::NoTls),
            };
            // The caller may have given up waiting; the client is then dropped here.
            let _ = sender.send(result);
        })
        .map_err(|error| Failure::Thread(error.to_string()))?;
    let result = match limit {
        Some(limit) => receiver.recv_timeout(limit).map_err(|error| match error {
            mpsc::RecvTimeoutError::Timeout => Failure::TimedOut(limit),
            mpsc::RecvTimeoutError::Disconnected => Failure::Thread("it stopped".to_string()),
        })?,
        None => receiver
            .recv()
            .map_err(|_| Failure::Thread("it stopped".to_string()))?,
    };
    result.map_err(Failure::Postgres)
}

impl Failure {
    /// True when the server answered and refused the user (password, user, database,
    /// pg_hba.conf), or no password was found: trying again without a change will not help.
    pub(super) fn is_refusal(&self) -> bool {
        let Failure::Postgres(error) = self else {
            return false;
        };
        let refused = [
            SqlState::INVALID_PASSWORD,
            SqlState::INVALID_AUTHORIZATION_SPECIFICATION,
            SqlState::INVALID_CATALOG_NAME,
        ];
        error.code().is_some_and(|code| refused.contains(code))
            || error_text(error).contains("password missing")
    }

    /// What happened and what to check; `note` says why the password file was ignored.
    pub(super) fn describe(&self, note: Option<&str>) -> String {
        const REACH: &str = "check that the PostgreSQL server is running and that the host and \
                             port are right (and that a firewall lets the connection through)";
        let (what, hint) = match self {
            Failure::TimedOut(limit) => (
                format!("the server did not answer within {} s", limit.as_secs()),
                REACH.to_string(),
            ),
            Failure::Thread(error) => (
                format!("the connecting thread failed: {error}"),
                "try again".to_string(),
            ),
            Failure::Postgres(error) => {
                let text = error_text(error);
                let what = if text.contains("password missing") {
                    "the server asks for a password, and none was found".to_string()
                } else {
                    text
                };
                (what, hint(error).unwrap_or(REACH).to_string())
            }
        };
        match note {
            Some(note) => format!("{what}; {hint} (note: {note})"),
            None => format!("{what}; {hint}"),
        }
    }
}

/// What to check for a driver's error, when something better than "is it running" is known.
fn hint(error: &postgres::Error) -> Option<&'static str> {
    let code = error.code();
    if code == Some(&SqlState::INVALID_PASSWORD) {
        return Some(
            "check the user name and the password (set the password in the URL, PGPASSWORD or \
             ~/.pgpass)",
        );
    }
    if code == Some(&SqlState::INVALID_AUTHORIZATION_SPECIFICATION) {
        let text = error_text(error);
        return Some(if text.contains("no encryption") {
            "the server accepts this user only over an encrypted connection: remove \
             sslmode=disable (or use sslmode=require)"
        } else {
            "the server's pg_hba.conf does not let this user in from this computer: ask the \
             database administrator"
        });
    }
    if code == Some(&SqlState::INVALID_CATALOG_NAME) {
        return Some("check the database name (after the port in the address)");
    }
    if code == Some(&SqlState::TOO_MANY_CONNECTIONS) {
        return Some("the server has too many connections open: try again later");
    }
    if code == Some(&SqlState::CANNOT_CONNECT_NOW) {
        return Some("the server is starting or stopping: try again in a moment");
    }
    let text = error_text(error);
    if text.contains("password missing") {
        return Some("set the password in the URL, PGPASSWORD or ~/.pgpass");
    }
    if text.contains("TLS") || text.contains("certificate") {
        return Some(
            "check sslmode and the server's certificate (sslrootcert= or PGSSLROOTCERT names \
             the file of its certificate authority)",
        );
    }
    None
}

/// A driver's error as text: the server's own message when it sent one, else the driver's
/// description with its causes. Neither holds the password (the driver's configuration is never formatted).
pub fn error_text(error: &postgres::Error) -> String {
    match error.as_db_error() {
        Some(db) => match db.detail() {
            Some(detail) => format!("{} ({detail})", db.message()),
            None => db.message().to_string(),
        },
        None => {
            // The driver's Display leaves out the cause ("invalid configuration": of what?).
            let mut text = error.to_string();
            let mut source = std::error::Error::source(error);
            while let Some(cause) = source {
                text.push_str(": ");
                text.push_str(&cause.to_string());
                source = cause.source();
            }
            text
        }
    }
}
