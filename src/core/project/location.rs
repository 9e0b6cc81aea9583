//! Where a project lives: a file (`workshop.ledgerlink`), or a PostgreSQL server
//! (`postgres://user@host/db?project=NAME`) for a workshop of several reviewers.

use std::path::{Path, PathBuf};

use super::error::ProjectError;
use super::pg::location::{PgLocation, is_postgres_url};

/// A project's location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A project file.
    File(PathBuf),
    /// A project on a PostgreSQL server.
    Postgres(Box<PgLocation>),
}

impl Location {
    /// A location as the user typed it: a `postgres://` (or `postgresql://`) URL, else a file
    /// path. A malformed URL is an error that says what is wrong (never its password).
    pub fn parse(text: &str) -> Result<Location, ProjectError> {
        if is_postgres_url(text) {
            text.parse::<PgLocation>()
                .map(|location| Location::Postgres(Box::new(location)))
                .map_err(|error| ProjectError::BadLocation {
                    detail: error.to_string(),
                })
        } else {
            Ok(Location::File(PathBuf::from(text)))
        }
    }

    /// The project file, for a file project.
    pub fn file(&self) -> Option<&Path> {
        match self {
            Location::File(file) => Some(file),
            Location::Postgres(_) => None,
        }
    }

    /// True for a project on a server.
    pub fn is_shared(&self) -> bool {
        matches!(self, Location::Postgres(_))
    }

    /// How errors name the project: the file, or the URL without its password.
    pub fn name(&self) -> PathBuf {
        match self {
            Location::File(file) => file.clone(),
            Location::Postgres(location) => PathBuf::from(location.to_string()),
        }
    }
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::File(file) => write!(f, "{}", file.display()),
            Location::Postgres(location) => write!(f, "{location}"),
        }
    }
}

impl From<&Path> for Location {
    fn from(file: &Path) -> Self {
        Location::File(file.to_path_buf())
    }
}

impl From<PathBuf> for Location {
    fn from(file: PathBuf) -> Self {
        Location::File(file)
    }
}

impl From<&PathBuf> for Location {
    fn from(file: &PathBuf) -> Self {
        Location::File(file.clone())
    }
}

impl From<&Location> for Location {
    fn from(location: &Location) -> Self {
        location.clone()
    }
}

impl From<PgLocation> for Location {
    fn from(location: PgLocation) -> Self {
        Location::Postgres(Box::new(location))
    }
}
