//! The projects of one database: `ledgerlink projects URL` lists them.

use std::path::PathBuf;

use serde::Serialize;

use super::super::error::ProjectError;
use super::location::PgLocation;
use super::schema::{SCHEMA_PREFIX, quoted_schema};
use super::{connect, pg_error};

/// One project on a server.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProjectSummary {
    /// Its name (the `project=` of its URL).
    pub name: String,
    /// When it was made (UTC).
    pub created_at: String,
    /// Who made it.
    pub created_by: String,
    /// Entries in its decision log.
    pub log_entries: i64,
    /// The last entry's time (UTC), if any.
    pub last_change: Option<String>,
}

/// The projects in the database of `location` (its `project=` is ignored), by name. Schemas
/// the user may not read are left out.
pub fn list_projects(location: &PgLocation) -> Result<Vec<ProjectSummary>, ProjectError> {
    let name = PathBuf::from(without_project(&location.to_string()));
    let mut client = connect(location, "ledgerlink")?;
    let failed = |error: postgres::Error| pg_error(&name, "list the projects", &error);
    let schemas = client
        .query(
            "SELECT n.nspname FROM pg_namespace n
             WHERE starts_with(n.nspname, $1) AND has_schema_privilege(n.nspname, 'USAGE')
               AND EXISTS (SELECT 1 FROM information_schema.tables t
                           WHERE t.table_schema = n.nspname AND t.table_name = 'meta')
             ORDER BY n.nspname",
            &[&SCHEMA_PREFIX],
        )
        .map_err(failed)?;
    let mut projects = Vec::new();
    for row in schemas {
        let schema: String = row.get(0);
        let project = schema.trim_start_matches(SCHEMA_PREFIX).to_string();
        let quoted = quoted_schema(&project);
        let summary = client
            .query_one(
                &format!(
                    "SELECT (SELECT value FROM {quoted}.meta WHERE key = 'created_at'),
                            (SELECT value FROM {quoted}.meta WHERE key = 'created_by'),
                            (SELECT count(*) FROM {quoted}.log),
                            (SELECT max(at) FROM {quoted}.log)"
                ),
                &[],
            )
            .map_err(failed)?;
        projects.push(ProjectSummary {
            name: project,
            created_at: summary.get::<_, Option<String>>(0).unwrap_or_default(),
            created_by: summary.get::<_, Option<String>>(1).unwrap_or_default(),
            log_entries: summary.get(2),
            last_change: summary.get(3),
        });
    }
    Ok(projects)
}

/// An address without its `project=` parameter: the database, as `projects` names it.
fn without_project(address: &str) -> String {
    let Some((base, query)) = address.split_once('?') else {
        return address.to_string();
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|part| !part.starts_with("project="))
        .collect();
    if kept.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{}", kept.join("&"))
    }
}

/// Delete the project at `location` with everything in it (a `copy` that failed half-way, a
/// test's leftovers). A project that is not there is no error.
pub fn drop_project(location: &PgLocation) -> Result<(), ProjectError> {
    let name = PathBuf::from(location.to_string());
    let mut client = connect(location, "ledgerlink")?;
    client
        .batch_execute(&format!(
            "DROP SCHEMA IF EXISTS {} CASCADE",
            quoted_schema(location.project())
        ))
        .map_err(|error| pg_error(&name, "delete the project", &error))
}

/// Let database user `role` work on the project at `location` (run by its owner): use its
/// schema and read its tables (and say in `presence` that its window is open); with `write`,
/// also decide, undo, re-import and assign. Nothing else in the database is given.
pub fn grant(location: &PgLocation, role: &str, write: bool) -> Result<(), ProjectError> {
    let name = PathBuf::from(location.to_string());
    let mut client = connect(location, "ledgerlink")?;
    let schema = quoted_schema(location.project());
    let role = format!("\"{}\"", role.replace('"', "\"\""));
    let rights = if write {
        "SELECT, INSERT, UPDATE, DELETE"
    } else {
        "SELECT"
    };
    // A reader's window still says it is there (its row in `presence`).
    client
        .batch_execute(&format!(
            "GRANT USAGE ON SCHEMA {schema} TO {role};
             GRANT {rights} ON ALL TABLES IN SCHEMA {schema} TO {role};
             GRANT SELECT, INSERT, UPDATE, DELETE ON {schema}.presence TO {role};"
        ))
        .map_err(|error| pg_error(&name, "give access to the project", &error))
}

#[cfg(test)]
mod tests {
    use super::without_project;

    #[test]
    fn the_database_is_named_without_the_project() {
        assert_eq!(
            without_project("postgres://a@h/db?project=x"),
            "postgres://a@h/db"
        );
        assert_eq!(
            without_project("postgres://a@h/db?sslmode=require&project=x"),
            "postgres://a@h/db?sslmode=require"
        );
    }
}
