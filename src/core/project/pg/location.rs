//! `postgres://user@host/db?project=NAME`: where a shared project lives, and connecting to it.
//! (Temporary stand-in; replaced by the full implementation.)

/// True for a `postgres://` or `postgresql://` URL.
pub fn is_postgres_url(text: &str) -> bool {
    let lower = text.trim_start().to_ascii_lowercase();
    lower.starts_with("postgres://") || lower.starts_with("postgresql://")
}

/// A parsed location.
#[derive(Debug, Clone, PartialEq)]
pub struct PgLocation {
    url: String,
    project: String,
}

/// Errors.
#[derive(Debug, thiserror::Error)]
pub enum PgError {
    /// Bad URL.
    #[error("{detail}")]
    BadUrl {
        /// What.
        detail: String,
    },
    /// No connection.
    #[error("cannot connect to {location}: {detail}")]
    Connect {
        /// Where.
        location: String,
        /// Why.
        detail: String,
    },
}

impl std::str::FromStr for PgLocation {
    type Err = PgError;
    fn from_str(text: &str) -> Result<Self, PgError> {
        let (base, query) = text.split_once('?').unwrap_or((text, ""));
        let project = query
            .split('&')
            .find_map(|part| part.strip_prefix("project="))
            .ok_or_else(|| PgError::BadUrl {
                detail: "no project".into(),
            })?;
        Ok(PgLocation {
            url: base.to_string(),
            project: project.to_string(),
        })
    }
}

impl std::fmt::Display for PgLocation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}?project={}", self.url, self.project)
    }
}

impl PgLocation {
    /// The project name.
    pub fn project(&self) -> &str {
        &self.project
    }

    /// The same server with another project.
    pub fn with_project(&self, name: &str) -> Result<PgLocation, PgError> {
        format!("{}?project={name}", self.url).parse()
    }

    /// Connect.
    pub fn connect(&self, application_name: &str) -> Result<postgres::Client, PgError> {
        let mut config: postgres::Config =
            self.url
                .parse()
                .map_err(|error: postgres::Error| PgError::BadUrl {
                    detail: error.to_string(),
                })?;
        config.application_name(application_name);
        config
            .connect(postgres::NoTls)
            .map_err(|error| PgError::Connect {
                location: self.to_string(),
                detail: error.to_string(),
            })
    }
}
