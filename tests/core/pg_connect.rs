//! Connecting to a real PostgreSQL server (tests/pg_support): passwords from the address,
//! PGPASSWORD and a password file, TLS per sslmode, errors that say what to check and never
//! show a password, and a plain (not superuser) role.

use std::time::{Duration, Instant};

use ledgerlink::core::project::pg::location::{PgError, PgLocation};

use crate::pg_support::{self, PASSWORD, PgServer};

const APP: &str = "ledgerlink-test";

/// An environment with only these variables (tests run in parallel: none touches the
/// process's own).
fn env_of(vars: &[(&str, String)]) -> impl Fn(&str) -> Option<String> + use<> {
    let vars: Vec<(String, String)> = vars
        .iter()
        .map(|(name, value)| (name.to_string(), value.clone()))
        .collect();
    move |name: &str| {
        vars.iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
    }
}

fn no_env(_: &str) -> Option<String> {
    None
}

fn location(text: &str) -> PgLocation {
    PgLocation::parse_with(text, &no_env).unwrap()
}

fn connect_error(location: &PgLocation, env: &dyn Fn(&str) -> Option<String>) -> PgError {
    match location.connect_with(APP, env) {
        Ok(_) => panic!("{location} connected"),
        Err(error) => error,
    }
}

/// True when the connection is encrypted.
fn uses_tls(client: &mut postgres::Client) -> bool {
    client
        .query_one(
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
            &[],
        )
        .unwrap()
        .get(0)
}

fn server(test: &str) -> Option<&'static PgServer> {
    pg_support::server_or_skip(test)
}

#[test]
fn password_in_the_url() {
    let Some(server) = server("password_in_the_url") else {
        return;
    };
    let location = location(&server.url(&server.unique_project("url")));
    let mut client = location.connect_with(APP, &no_env).unwrap();
    let row = client
        .query_one(
            "SELECT current_user::text, current_database()::text, application_name::text \
             FROM pg_stat_activity WHERE pid = pg_backend_pid()",
            &[],
        )
        .unwrap();
    let (user, database, app): (String, String, String) = (row.get(0), row.get(1), row.get(2));
    assert_eq!((user.as_str(), database.as_str()), ("reviewer", "workshop"));
    assert_eq!(app, APP);
    // prefer is the default, and the server can: encrypted.
    assert_eq!(uses_tls(&mut client), server.has_tls());
}

#[test]
fn password_from_pgpassword() {
    let Some(server) = server("password_from_pgpassword") else {
        return;
    };
    let location = location(&server.url_without_password("env"));
    let env = env_of(&[("PGPASSWORD", PASSWORD.to_string())]);
    let mut client = location.connect_with(APP, &env).unwrap();
    client.batch_execute("SELECT 1").unwrap();
}

#[test]
fn password_from_a_pgpass_file() {
    use std::os::unix::fs::PermissionsExt;
    let Some(server) = server("password_from_a_pgpass_file") else {
        return;
    };
    let location = location(&server.url_without_password("file"));
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join(".pgpass");
    let line = format!(
        "# test\nelsewhere:*:*:*:wrong\n127.0.0.1:{}:workshop:reviewer:{PASSWORD}\n",
        server.port()
    );
    std::fs::write(&file, line).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    let by_home = env_of(&[("HOME", home.path().display().to_string())]);
    location.connect_with(APP, &by_home).unwrap();
    let by_name = env_of(&[("PGPASSFILE", file.display().to_string())]);
    location.connect_with(APP, &by_name).unwrap();
    // libpq's rule: a file others may read is ignored, and the error says so.
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let error = connect_error(&location, &by_home).to_string();
    assert!(error.contains("chmod 0600"), "{error}");
    assert!(error.contains("PGPASSWORD or ~/.pgpass"), "{error}");
    assert!(!error.contains(PASSWORD), "{error}");
}

#[test]
fn wrong_or_missing_password_names_the_place_not_the_password() {
    let Some(server) = server("wrong_or_missing_password_names_the_place_not_the_password") else {
        return;
    };
    let project = server.unique_project("wrong");
    let wrong = "Wrong-Horse-Battery";
    let text = server.url(&project).replace(PASSWORD, wrong);
    let error = connect_error(&location(&text), &no_env);
    let message = error.to_string();
    let PgError::Connect {
        location: shown, ..
    } = &error
    else {
        panic!("{error:?}");
    };
    assert_eq!(shown, &server.url_without_password(&project));
    assert!(message.contains(shown.as_str()), "{message}");
    assert!(
        message.contains("password authentication failed"),
        "{message}"
    );
    assert!(message.contains("PGPASSWORD or ~/.pgpass"), "{message}");
    for shown in [message, format!("{error:?}")] {
        assert!(
            !shown.contains(wrong) && !shown.contains(PASSWORD),
            "{shown}"
        );
    }
    let missing = connect_error(&location(&server.url_without_password(&project)), &no_env);
    let message = missing.to_string();
    assert!(
        message.contains("asks for a password, and none was found"),
        "{message}"
    );
    assert!(message.contains("PGPASSWORD or ~/.pgpass"), "{message}");
}

#[test]
fn tls_only_user_over_tls() {
    let Some(server) = server("tls_only_user_over_tls") else {
        return;
    };
    if !server.has_tls() {
        eprintln!("tls_only_user_over_tls: skipped: the test server has no TLS (no openssl)");
        return;
    }
    let url = server.tls_only_url(&server.unique_project("tls"));
    for extra in ["&sslmode=require", "", "&sslmode=prefer"] {
        let mut client = location(&format!("{url}{extra}"))
            .connect_with(APP, &no_env)
            .unwrap();
        assert!(uses_tls(&mut client), "{extra}");
    }
    let ca = server.ca_cert().unwrap().display().to_string();
    for mode in ["verify-full", "verify-ca"] {
        let text = format!("{url}&sslmode={mode}&sslrootcert={ca}");
        let mut client = location(&text).connect_with(APP, &no_env).unwrap();
        assert!(uses_tls(&mut client), "{mode}");
    }
    let error = connect_error(&location(&format!("{url}&sslmode=disable")), &no_env);
    let message = error.to_string();
    assert!(message.contains("no encryption"), "{message}");
    assert!(message.contains("encrypted connection"), "{message}");
    assert!(!message.contains(PASSWORD), "{message}");
}

#[test]
fn require_with_a_root_certificate_checks_the_certificate_authority_as_psql_does() {
    let Some(server) = server("require_with_a_root_certificate") else {
        return;
    };
    let (true, Some(ca)) = (server.has_tls(), server.ca_cert()) else {
        eprintln!("require_with_a_root_certificate: skipped: no TLS");
        return;
    };
    let system = "/etc/ssl/certs/ca-certificates.crt";
    if std::path::Path::new(system).is_file() {
        let text = format!("{}&sslmode=require&sslrootcert={system}", server.url("ca"));
        let error = connect_error(&location(&text), &no_env);
        assert!(error.to_string().contains("certificate"), "{error}");
    }
    let text = format!(
        "{}&sslmode=require&sslrootcert={}",
        server.url("ca"),
        ca.display()
    );
    let mut client = location(&text).connect_with("test", &no_env).unwrap();
    assert!(uses_tls(&mut client));
}

#[test]
fn verify_full_refuses_an_unknown_certificate_authority() {
    let Some(server) = server("verify_full_refuses_an_unknown_certificate_authority") else {
        return;
    };
    if !server.has_tls() {
        eprintln!("verify_full_refuses_an_unknown_certificate_authority: skipped: no TLS");
        return;
    }
    // The system's roots do not include the test CA.
    let text = format!("{}&sslmode=verify-full", server.url("ca"));
    let error = connect_error(&location(&text), &no_env);
    let message = error.to_string();
    assert!(message.contains("certificate"), "{message}");
    assert!(!message.contains(PASSWORD), "{message}");
}

#[test]
fn over_the_unix_socket() {
    let Some(server) = server("over_the_unix_socket") else {
        return;
    };
    let text = format!(
        "postgres://reviewer@/workshop?project=sock&host={}&port={}&sslmode=require",
        server.socket_dir().display(),
        server.port()
    );
    let location = location(&text);
    assert_eq!(location.host(), server.socket_dir().to_str().unwrap());
    // pg_hba.conf trusts the socket; TLS is never used there (as in libpq).
    let mut client = location.connect_with(APP, &no_env).unwrap();
    assert!(!uses_tls(&mut client));
}

#[test]
fn the_app_role_is_not_a_superuser() {
    let Some(server) = server("the_app_role_is_not_a_superuser") else {
        return;
    };
    let mut client = location(&server.url("roles"))
        .connect_with(APP, &no_env)
        .unwrap();
    let row = client
        .query_one(
            "SELECT rolsuper, rolcreatedb, rolcreaterole FROM pg_roles \
             WHERE rolname = current_user",
            &[],
        )
        .unwrap();
    let flags: (bool, bool, bool) = (row.get(0), row.get(1), row.get(2));
    assert_eq!(flags, (false, false, false));
    let owner: String = client
        .query_one(
            "SELECT pg_get_userbyid(datdba)::text FROM pg_database \
             WHERE datname = current_database()",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(owner, "reviewer");
    // The superuser connection of the test support sees this backend.
    let seen: i64 = server
        .admin()
        .query_one(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1",
            &[&APP],
        )
        .unwrap()
        .get(0);
    assert!(seen >= 1);
}

#[test]
fn no_server_on_the_port_fails_quickly_and_clearly() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let text = format!("postgres://reviewer:{PASSWORD}@127.0.0.1:{port}/workshop?project=p");
    let began = Instant::now();
    let error = connect_error(&location(&text), &no_env);
    assert!(
        began.elapsed() < Duration::from_secs(5),
        "{:?}",
        began.elapsed()
    );
    let message = error.to_string();
    assert!(message.contains(&format!("127.0.0.1:{port}")), "{message}");
    assert!(message.contains("server is running"), "{message}");
    assert!(!message.contains(PASSWORD), "{message}");
}

#[test]
fn a_server_that_never_answers_times_out() {
    // Accepts connections (the kernel's backlog) but never says a word.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = silent.local_addr().unwrap().port();
    let text = format!("postgres://reviewer@127.0.0.1:{port}/workshop?project=p&connect_timeout=1");
    let began = Instant::now();
    let error = connect_error(&location(&text), &no_env);
    let took = began.elapsed();
    assert!(
        took >= Duration::from_secs(1) && took < Duration::from_secs(5),
        "{took:?}"
    );
    let message = error.to_string();
    assert!(message.contains("did not answer within 2 s"), "{message}");
    drop(silent);
}
