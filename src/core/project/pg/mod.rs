//! A project on a PostgreSQL server: several reviewers on their own computers in one workshop.
//!
//! Each project is a schema of its own (`ledgerlink_NAME`) with the same tables as a project
//! file; [`PgBackend`] is the [`Backend`] over one connection. A write takes the project's
//! write lock (`LOCK TABLE log IN EXCLUSIVE MODE`, which readers do not wait for), catches up
//! with what others committed and checks the rules inside that transaction, so two reviewers
//! can never link one record twice; its commit notifies the other windows (`NOTIFY`), which
//! catch up at once ([`watch`]). A lost connection is made again before the next read or
//! write; a write that failed before its commit is tried once more on the new connection.

pub mod location;
mod projects;
mod schema;
mod tables;
mod tx;
pub mod watch;

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use postgres::{Client, IsolationLevel};

use super::backend::{Backend, Tx, Work};
use super::error::ProjectError;
use super::schema::SCHEMA_VERSION;
use location::PgLocation;
pub use projects::{ProjectSummary, drop_project, grant, list_projects};
use tx::PgTx;

/// The `application_name` of the connections that read and write a project.
const APPLICATION: &str = "ledgerlink";

/// One try of a read or write on the connection; its error says whether it may be tried again
/// on a new connection (nothing was committed).
type Attempt<'a> = &'a mut dyn FnMut(&mut Client) -> Result<(), (ProjectError, bool)>;

/// A project on a server, over one connection.
pub(crate) struct PgBackend {
    client: Mutex<Option<Client>>,
    location: PgLocation,
    name: PathBuf,
}

impl std::fmt::Debug for PgBackend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PgBackend({})", self.location)
    }
}

/// A server error with context. The detail is the server's message (or the client's, for a
/// lost connection); neither ever holds the password.
pub(crate) fn pg_error(name: &Path, action: &'static str, error: &postgres::Error) -> ProjectError {
    if error.code() == Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE) {
        return ProjectError::Unavailable {
            file: name.to_path_buf(),
            detail: format!(
                "{action}: this database user may not change the project ({}); its owner can \
                 give access with `ledgerlink grant ADDRESS --to USER`",
                error
                    .as_db_error()
                    .map_or_else(String::new, |db| db.message().to_string())
            ),
        };
    }
    let lost = error.is_closed()
        || std::error::Error::source(error).is_some_and(|source| source.is::<std::io::Error>())
        || error
            .code()
            .is_some_and(|code| code.code().starts_with("08") || code.code() == "57P01");
    let detail = match error.as_db_error() {
        Some(db) => db.message().to_string(),
        None => error.to_string(),
    };
    ProjectError::Postgres {
        file: name.to_path_buf(),
        action,
        detail,
        connection_lost: lost,
    }
}

/// Connect to the server of `location` as `application`.
pub(crate) fn connect(location: &PgLocation, application: &str) -> Result<Client, ProjectError> {
    let file = PathBuf::from(location.to_string());
    location.connect(application).map_err(|error| match error {
        // The server answered and refused: the user must change something (exit code 2).
        location::PgError::Connect {
            detail,
            refused: true,
            ..
        } => ProjectError::Unavailable {
            file,
            detail: format!("cannot connect to the server: {detail}"),
        },
        // The error names the address too; the project's error already does.
        location::PgError::Connect { detail, .. } => ProjectError::Postgres {
            file,
            action: "cannot connect to the server",
            detail,
            connection_lost: true,
        },
        other => ProjectError::Unavailable {
            file,
            detail: other.to_string(),
        },
    })
}

/// Connect and set the search path to the project's schema, after checking it holds a
/// project this build can open.
fn open_connection(location: &PgLocation, name: &Path) -> Result<Client, ProjectError> {
    let mut client = connect(location, APPLICATION)?;
    let failed = |error: postgres::Error| pg_error(name, "open the project", &error);
    let schema_name = format!("{}{}", schema::SCHEMA_PREFIX, location.project());
    let format: Option<String> = client
        .query_opt(
            "SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'meta'",
            &[&schema_name],
        )
        .map_err(failed)?
        .map(|_| String::new());
    if format.is_none() {
        // The schema may be there but not readable by this user: say whose it is.
        let owner: Option<String> = client
            .query_opt(
                "SELECT pg_get_userbyid(nspowner)::text FROM pg_namespace WHERE nspname = $1",
                &[&schema_name],
            )
            .map_err(failed)?
            .map(|row| row.get(0));
        let detail = match owner {
            Some(owner) => format!(
                "project '{}' was made by database user {owner}, and user {} may not use it: \
                 {owner} can give access with `ledgerlink grant ADDRESS --to {}`",
                location.project(),
                location.user(),
                location.user()
            ),
            None => format!(
                "there is no project '{}' in this database (`ledgerlink projects ADDRESS` lists \
                 them)",
                location.project()
            ),
        };
        return Err(ProjectError::Unavailable {
            file: name.to_path_buf(),
            detail,
        });
    }
    client
        .batch_execute(&format!(
            "SET search_path TO {}",
            schema::quoted_schema(location.project())
        ))
        .map_err(failed)?;
    let format: Option<String> = client
        .query_opt(
            "SELECT value FROM meta WHERE key = $1",
            &[&schema::FORMAT_KEY],
        )
        .map_err(failed)?
        .map(|row| row.get(0));
    let found: i64 = format.and_then(|text| text.parse().ok()).unwrap_or(0);
    if found > SCHEMA_VERSION {
        return Err(ProjectError::NewerVersion {
            file: name.to_path_buf(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    if found < SCHEMA_VERSION {
        return Err(ProjectError::Corrupt {
            file: name.to_path_buf(),
            detail: format!("unknown project format {found}"),
        });
    }
    Ok(client)
}

impl PgBackend {
    /// Open the project at `location` (it must exist).
    pub fn open(location: &PgLocation) -> Result<PgBackend, ProjectError> {
        let name = PathBuf::from(location.to_string());
        let client = open_connection(location, &name)?;
        Ok(PgBackend {
            client: Mutex::new(Some(client)),
            location: location.clone(),
            name,
        })
    }

    /// Run `attempt` on the connection, making it again first when it was lost; once more on
    /// a new connection when it fails with a lost connection and `may_retry` says so.
    fn with_client(&self, attempt: Attempt<'_>) -> Result<(), ProjectError> {
        let mut guard = self
            .client
            .lock()
            .map_err(|_| ProjectError::invalid(&self.name, "the connection was poisoned"))?;
        for round in 0..2 {
            if guard.as_ref().is_none_or(Client::is_closed) {
                *guard = Some(open_connection(&self.location, &self.name)?);
            }
            let Some(client) = guard.as_mut() else {
                continue;
            };
            match attempt(client) {
                Ok(()) => return Ok(()),
                Err((error, may_retry)) => {
                    if error.is_connection_lost() {
                        *guard = None;
                        if may_retry && round == 0 {
                            continue;
                        }
                    }
                    return Err(error);
                }
            }
        }
        Err(ProjectError::invalid(
            &self.name,
            "the server could not be reached",
        ))
    }
}

impl Backend for PgBackend {
    fn read(&self, work: Work<'_>) -> Result<(), ProjectError> {
        let name = self.name.as_path();
        self.with_client(&mut |client| {
            let failed =
                |error: postgres::Error| (pg_error(name, "read the project", &error), true);
            let mut transaction = client
                .build_transaction()
                .isolation_level(IsolationLevel::RepeatableRead)
                .read_only(true)
                .start()
                .map_err(failed)?;
            work(&mut PgTx::new(&mut transaction, name)).map_err(|error| (error, true))?;
            transaction.commit().map_err(failed)
        })
    }

    fn write(&mut self, action: &'static str, work: Work<'_>) -> Result<(), ProjectError> {
        let name = self.name.as_path();
        let channel = schema::channel(self.location.project());
        self.with_client(&mut |client| {
            let failed = |error: postgres::Error| (pg_error(name, action, &error), true);
            let mut transaction = client.transaction().map_err(failed)?;
            transaction
                .batch_execute("LOCK TABLE log IN EXCLUSIVE MODE")
                .map_err(failed)?;
            let mut tx = PgTx::new(&mut transaction, name);
            work(&mut tx).map_err(|error| (error, true))?;
            // The listeners catch up by log number themselves: the notice carries nothing.
            transaction
                .execute("SELECT pg_notify($1, '')", &[&channel])
                .map_err(failed)?;
            // A commit cut off may or may not have happened: never tried twice.
            transaction
                .commit()
                .map_err(|error| (pg_error(name, action, &error), false))
        })
    }
}

/// Create the project at `location` (it must not exist yet) and fill it with `fill`, all in
/// one transaction: a failure leaves no half-made project behind.
pub(crate) fn create(location: &PgLocation, fill: Work<'_>) -> Result<(), ProjectError> {
    let name = PathBuf::from(location.to_string());
    let mut client = connect(location, APPLICATION)?;
    let failed = |error: postgres::Error| pg_error(&name, "create the project", &error);
    let schema_name = format!("{}{}", schema::SCHEMA_PREFIX, location.project());
    let mut transaction = client.transaction().map_err(failed)?;
    let exists = transaction
        .query_opt(
            "SELECT 1 FROM pg_namespace WHERE nspname = $1",
            &[&schema_name],
        )
        .map_err(failed)?
        .is_some();
    if exists {
        return Err(ProjectError::AlreadyExists { file: name });
    }
    let quoted = schema::quoted_schema(location.project());
    let made = transaction.batch_execute(&format!(
        "CREATE SCHEMA {quoted}; SET LOCAL search_path TO {quoted}; {}",
        schema::TABLES
    ));
    if let Err(error) = made {
        // Another program made it between the check and here.
        let taken = [
            postgres::error::SqlState::DUPLICATE_SCHEMA,
            postgres::error::SqlState::UNIQUE_VIOLATION,
        ];
        if error.code().is_some_and(|code| taken.contains(code)) {
            return Err(ProjectError::AlreadyExists { file: name });
        }
        return Err(failed(error));
    }
    let mut tx = PgTx::new(&mut transaction, &name);
    tx.set_meta(schema::APPLICATION_KEY, "ledgerlink")?;
    tx.set_meta(schema::FORMAT_KEY, &SCHEMA_VERSION.to_string())?;
    fill(&mut tx)?;
    transaction.commit().map_err(failed)
}
