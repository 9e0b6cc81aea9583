//! What the app remembers between runs: the reviewer's name, recent projects, the zoom and,
//! per project, the columns each list shows.
//! Stored as JSON in the XDG config directory (`$XDG_CONFIG_HOME/ledgerlink/settings.json`,
//! by default `~/.config/ledgerlink/settings.json`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::core::model::Side;

/// How many recent projects the start screen lists.
pub const RECENT_LIMIT: usize = 8;

/// The persisted settings, kept apart from the runtime state of the app.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Who takes the decisions (written with each decision); asked once.
    pub reviewer: Option<String>,
    /// Project files opened lately, most recent first.
    pub recent_projects: Vec<PathBuf>,
    /// The zoom factor chosen with Ctrl+Plus / Ctrl+Minus.
    pub zoom: Option<f32>,
    /// Per project file (absolute path): the imported columns each list shows.
    pub list_columns: BTreeMap<PathBuf, ListColumnChoice>,
}

/// The imported columns (by header) the two lists of one project show; `None` for the defaults.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListColumnChoice {
    /// The CRM list's columns.
    pub crm: Option<Vec<String>>,
    /// The ERP list's columns.
    pub erp: Option<Vec<String>>,
}

/// Reading or writing the settings file failed.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    /// The file could not be read or written.
    #[error("settings file {path}: {source}")]
    Io {
        /// The settings file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The file is not valid settings JSON.
    #[error("settings file {path}: {source}")]
    Json {
        /// The settings file.
        path: PathBuf,
        /// Where the JSON is wrong.
        source: serde_json::Error,
    },
}

impl Settings {
    /// The settings file for this user, or `None` when neither `XDG_CONFIG_HOME` nor `HOME`
    /// is set.
    pub fn default_path() -> Option<PathBuf> {
        let config = std::env::var_os("XDG_CONFIG_HOME")
            .filter(|dir| !dir.is_empty())
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".config")))?;
        Some(config.join("ledgerlink").join("settings.json"))
    }

    /// Read the settings; a missing file gives the defaults.
    pub fn load(path: &Path) -> Result<Settings, SettingsError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Settings::default());
            }
            Err(source) => {
                return Err(SettingsError::Io {
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        serde_json::from_str(&text).map_err(|source| SettingsError::Json {
            path: path.to_path_buf(),
            source,
        })
    }

    /// Write the settings, creating the directory when needed.
    pub fn save(&self, path: &Path) -> Result<(), SettingsError> {
        let io_error = |source| SettingsError::Io {
            path: path.to_path_buf(),
            source,
        };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(io_error)?;
        }
        let text = serde_json::to_string_pretty(self).map_err(|source| SettingsError::Json {
            path: path.to_path_buf(),
            source,
        })?;
        std::fs::write(path, text).map_err(io_error)
    }

    /// Put a project at the top of the recent list (once), keeping the list short.
    pub fn remember_project(&mut self, project: &Path) {
        self.recent_projects.retain(|known| known != project);
        self.recent_projects.insert(0, project.to_path_buf());
        self.recent_projects.truncate(RECENT_LIMIT);
    }

    /// The columns chosen for one list of a project, if any were.
    pub fn chosen_columns(&self, project: &Path, side: Side) -> Option<&[String]> {
        let choice = self.list_columns.get(project)?;
        match side {
            Side::Crm => choice.crm.as_deref(),
            Side::Erp => choice.erp.as_deref(),
        }
    }

    /// Remember the columns chosen for one list of a project.
    pub fn choose_columns(&mut self, project: &Path, side: Side, headers: Vec<String>) {
        let choice = self.list_columns.entry(project.to_path_buf()).or_default();
        match side {
            Side::Crm => choice.crm = Some(headers),
            Side::Erp => choice.erp = Some(headers),
        }
    }

    /// The reviewer's name, or `None` while it has not been given.
    pub fn reviewer_name(&self) -> Option<&str> {
        self.reviewer
            .as_deref()
            .map(str::trim)
            .filter(|name| !name.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_survive_a_round_trip_through_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested").join("settings.json");
        assert_eq!(Settings::load(&path).unwrap(), Settings::default());
        let mut settings = Settings {
            reviewer: Some("Anna Schmidt".to_string()),
            ..Settings::default()
        };
        settings.remember_project(Path::new("/tmp/a.ledgerlink"));
        settings.remember_project(Path::new("/tmp/b.ledgerlink"));
        settings.remember_project(Path::new("/tmp/a.ledgerlink"));
        settings.choose_columns(
            Path::new("/tmp/a.ledgerlink"),
            Side::Erp,
            vec!["Ort".into()],
        );
        settings.save(&path).unwrap();
        let loaded = Settings::load(&path).unwrap();
        assert_eq!(loaded.reviewer_name(), Some("Anna Schmidt"));
        let project = Path::new("/tmp/a.ledgerlink");
        assert_eq!(
            loaded.chosen_columns(project, Side::Erp),
            Some(&["Ort".to_string()][..])
        );
        assert_eq!(loaded.chosen_columns(project, Side::Crm), None);
        assert_eq!(
            loaded.recent_projects,
            [
                PathBuf::from("/tmp/a.ledgerlink"),
                PathBuf::from("/tmp/b.ledgerlink")
            ]
        );
    }

    #[test]
    fn a_broken_settings_file_names_itself() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.json");
        std::fs::write(&path, "{not json").unwrap();
        let error = Settings::load(&path).unwrap_err().to_string();
        assert!(error.contains("settings.json"), "{error}");
    }

    #[test]
    fn the_recent_list_stays_short() {
        let mut settings = Settings::default();
        for index in 0..20 {
            settings.remember_project(Path::new(&format!("/p{index}.ledgerlink")));
        }
        assert_eq!(settings.recent_projects.len(), RECENT_LIMIT);
        assert_eq!(
            settings.recent_projects[0],
            PathBuf::from("/p19.ledgerlink")
        );
    }
}
