//! Reading addresses, the defaults, and what is shown of them (never the password).

use std::time::Duration;

use super::*;

/// An environment with only the given variables.
fn env_of(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> + use<> {
    let vars: Vec<(String, String)> = vars
        .iter()
        .map(|(name, value)| (name.to_string(), value.to_string()))
        .collect();
    move |name: &str| {
        vars.iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
    }
}

fn parse(text: &str) -> Result<PgLocation, PgError> {
    PgLocation::parse_with(text, &env_of(&[("USER", "login")]))
}

#[test]
fn recognises_postgres_urls() {
    assert!(is_postgres_url("postgres://h/db?project=a"));
    assert!(is_postgres_url("PostgreSQL://h"));
    assert!(is_postgres_url("  postgres://"));
    assert!(!is_postgres_url("postgres:/h"));
    assert!(!is_postgres_url("/home/anna/q3.ledgerlink"));
    assert!(!is_postgres_url("mysql://h"));
    assert!(!is_postgres_url("pg"));
}

#[test]
fn reads_every_part() {
    let location =
        parse("postgres://anna:s3cret@db.example.org:6543/workshop?project=q3&sslmode=require")
            .unwrap();
    assert_eq!(location.user(), "anna");
    assert_eq!(location.host(), "db.example.org");
    assert_eq!(location.port(), 6543);
    assert_eq!(location.database(), "workshop");
    assert_eq!(location.project(), "q3");
    assert_eq!(location.ssl_mode(), SslMode::Require);
    assert_eq!(location.connect_timeout(), Some(Duration::from_secs(10)));
    assert_eq!(location.password, Some(Secret("s3cret".to_string())));
}

#[test]
fn percent_decoding_ipv6_and_scheme_case() {
    let location =
        parse("POSTGRESQL://an%20na:p%40ss%2Fw@[::1]:5433/work%2Dshop?project=Q-3_b").unwrap();
    assert_eq!(location.user(), "an na");
    assert_eq!(location.host(), "::1");
    assert_eq!(location.port(), 5433);
    assert_eq!(location.database(), "work-shop");
    assert_eq!(
        location.project(),
        "q-3_b",
        "names are one project whatever their case"
    );
    assert_eq!(location.password, Some(Secret("p@ss/w".to_string())));
    // An unencoded @ or / in the password works too.
    let location = parse("postgres://anna:p@ss/w@host/db?project=p").unwrap();
    assert_eq!(location.password, Some(Secret("p@ss/w".to_string())));
    assert_eq!(location.host(), "host");
    let location = parse("postgres://[fe80::1]/db?project=p").unwrap();
    assert_eq!((location.host(), location.port()), ("fe80::1", 5432));
}

#[test]
fn defaults_like_libpq() {
    let location = parse("postgres://?project=p").unwrap();
    assert_eq!(location.user(), "login");
    assert_eq!(location.host(), "localhost");
    assert_eq!(location.port(), 5432);
    assert_eq!(location.database(), "login");
    assert_eq!(location.ssl_mode(), SslMode::Prefer);
    let env = env_of(&[
        ("USER", "login"),
        ("PGUSER", "envuser"),
        ("PGHOST", "/run/postgresql"),
        ("PGPORT", "5999"),
        ("PGSSLMODE", "disable"),
        ("PGCONNECT_TIMEOUT", "3"),
    ]);
    let location = PgLocation::parse_with("postgresql:///?project=p", &env).unwrap();
    assert_eq!(location.user(), "envuser");
    assert_eq!(location.host(), "/run/postgresql");
    assert_eq!(location.port(), 5999);
    assert_eq!(location.database(), "envuser");
    assert_eq!(location.ssl_mode(), SslMode::Disable);
    assert_eq!(location.connect_timeout(), Some(Duration::from_secs(3)));
    let env = env_of(&[("PGUSER", "u"), ("PGDATABASE", "envdb")]);
    let location = PgLocation::parse_with("postgres://h?project=p", &env).unwrap();
    assert_eq!(location.database(), "envdb");
    // The address wins over the environment.
    let location = PgLocation::parse_with("postgres://a@h:1/d?project=p", &env).unwrap();
    assert_eq!(
        (location.user(), location.port(), location.database()),
        ("a", 1, "d")
    );
    let bad_port = env_of(&[("PGUSER", "u"), ("PGPORT", "lots")]);
    let error = PgLocation::parse_with("postgres://h?project=p", &bad_port).unwrap_err();
    assert!(error.to_string().contains("PGPORT"), "{error}");
}

#[test]
fn parameters_override_and_socket_hosts() {
    let location = parse(
        "postgres://anna@ignored:1/x?project=p&host=%2Fvar%2Frun%2Fpostgresql&port=5444\
         &user=bob&dbname=books&connect_timeout=0&sslrootcert=/etc/ca.pem",
    )
    .unwrap();
    assert_eq!(location.host(), "/var/run/postgresql");
    assert_eq!(location.port(), 5444);
    assert_eq!(location.user(), "bob");
    assert_eq!(location.database(), "books");
    assert_eq!(location.connect_timeout(), None);
    assert_eq!(location.ssl_root_cert.as_deref(), Some("/etc/ca.pem"));
    let location = parse("postgres://%2Ftmp%2Fsock/db?project=p").unwrap();
    assert_eq!(location.host(), "/tmp/sock");
}

#[test]
fn project_is_required_and_checked() {
    let error = parse("postgres://h/db").unwrap_err();
    assert!(error.to_string().contains("project=NAME"), "{error}");
    for name in ["", "has space", "dot.ted", "ümlaut", &"x".repeat(49)] {
        let text = format!("postgres://h/db?project={name}");
        let error = parse(&text).unwrap_err();
        assert!(
            error.to_string().contains("letters, digits, _ and -"),
            "{name}: {error}"
        );
    }
    assert!(parse(&format!("postgres://h/db?project={}", "x".repeat(48))).is_ok());
    assert!(valid_project_name("a-B_9"));
    assert!(!valid_project_name("a/b"));
}

#[test]
fn unknown_parameters_and_bad_values_are_named() {
    let error = parse("postgres://h/db?project=p&colour=blue").unwrap_err();
    assert!(matches!(error, PgError::BadUrl { .. }));
    assert!(error.to_string().contains("`colour`"), "{error}");
    let error = parse("postgres://h/db?project=p&sslmode=maybe").unwrap_err();
    assert!(error.to_string().contains("verify-full"), "{error}");
    let error = parse("postgres://h/db?project=p&connect_timeout=soon").unwrap_err();
    assert!(error.to_string().contains("connect_timeout"), "{error}");
    let error = parse("postgres://h:99999/db?project=p").unwrap_err();
    assert!(error.to_string().contains("port"), "{error}");
    let error = parse("postgres://h/db?project").unwrap_err();
    assert!(
        error.to_string().contains("`project` has no value"),
        "{error}"
    );
    let error = parse("http://h/db?project=p").unwrap_err();
    assert!(error.to_string().contains("postgres://"), "{error}");
    let error = parse("postgres://a,b/db?project=p").unwrap_err();
    assert!(error.to_string().contains("several hosts"), "{error}");
}

#[test]
fn errors_never_show_the_password() {
    let secret = "Hunter2Secret";
    let texts = [
        format!("postgres://anna:{secret}@h:notaport/db?project=p"),
        format!("postgres://anna:{secret}@h/db?project=bad.name"),
        format!("postgres://anna:{secret}%zz@h/db?project=p"),
        format!("postgres://anna:{secret}?x@h/db?project=p"),
        format!("postgres://anna:{secret}@h/db?project=p&password={secret}&what=1"),
        format!("postgres://anna:{secret}@h/db?project=p&{secret}=1"),
        format!("postgres://anna:{secret}@h/db"),
    ];
    for text in texts {
        let error = parse(&text).unwrap_err();
        assert!(!error.to_string().contains(secret), "{text}: {error}");
        assert!(!format!("{error:?}").contains(secret), "{text}: {error:?}");
    }
}

#[test]
fn display_and_debug_leave_out_the_password() {
    let text = "postgres://anna:s3cret@db.example.org:5432/workshop?project=q3";
    let location = parse(text).unwrap();
    assert_eq!(
        location.to_string(),
        "postgres://anna@db.example.org:5432/workshop?project=q3"
    );
    let debug = format!("{location:?}");
    assert!(!debug.contains("s3cret"), "{debug}");
    assert!(debug.contains("<hidden>"), "{debug}");
    // As written: encoding, scheme and parameters kept; a password parameter dropped.
    let text = "PostgreSQL://an%20na:pw@[::1]/work?sslmode=require&password=pw&project=q3";
    let location = parse(text).unwrap();
    assert_eq!(
        location.to_string(),
        "PostgreSQL://an%20na@[::1]/work?sslmode=require&project=q3"
    );
    assert_eq!(
        parse("postgres://?project=a").unwrap().to_string(),
        "postgres://?project=a"
    );
    // A shown address reads back as the same place (less the password).
    let again = parse(&location.to_string()).unwrap();
    assert_eq!(
        (again.user(), again.host()),
        (location.user(), location.host())
    );
    assert_eq!(again.password, None);
}

#[test]
fn with_project_changes_only_the_project() {
    let location = parse("postgres://anna:pw@h/db?project=q3&sslmode=disable").unwrap();
    let other = location.with_project("q4-final").unwrap();
    assert_eq!(other.project(), "q4-final");
    assert_eq!(
        other.to_string(),
        "postgres://anna@h/db?project=q4-final&sslmode=disable"
    );
    assert_eq!(other.password, location.password);
    assert_eq!(other.with_project("q3").unwrap(), location);
    let error = location.with_project("no way").unwrap_err();
    assert!(error.to_string().contains("letters, digits"), "{error}");
}

#[test]
fn password_order_is_url_then_env_then_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pgpass");
    std::fs::write(&file, "h:5432:db:anna:from-file\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let file = file.to_str().unwrap();
    let with_url = parse("postgres://anna:from-url@h/db?project=p").unwrap();
    let without = parse("postgres://anna@h/db?project=p").unwrap();
    let both = env_of(&[("PGPASSWORD", "from-env"), ("PGPASSFILE", file)]);
    let file_only = env_of(&[("PGPASSFILE", file)]);
    assert_eq!(with_url.password(&both).0.as_deref(), Some("from-url"));
    assert_eq!(without.password(&both).0.as_deref(), Some("from-env"));
    assert_eq!(without.password(&file_only).0.as_deref(), Some("from-file"));
    let elsewhere = parse("postgres://anna@other/db?project=p").unwrap();
    assert_eq!(elsewhere.password(&file_only), (None, None));
}

#[test]
fn ssl_modes_spell_like_libpq() {
    for mode in ["disable", "prefer", "require", "verify-ca", "verify-full"] {
        assert_eq!(mode.parse::<SslMode>().unwrap().as_str(), mode);
    }
    assert_eq!(SslMode::default(), SslMode::Prefer);
}

#[test]
fn tls_setup_errors_are_clear() {
    let location =
        parse("postgres://anna@h/db?project=p&sslmode=verify-full&sslrootcert=/no/such/ca.pem")
            .unwrap();
    let error = location
        .connect_with("test", &env_of(&[]))
        .err()
        .expect("no root file");
    assert!(matches!(error, PgError::Tls { .. }), "{error}");
    assert!(error.to_string().contains("/no/such/ca.pem"), "{error}");
}

#[test]
fn a_project_named_twice_is_refused() {
    let error = parse("postgres://anna@host/db?project=q3&project=det").unwrap_err();
    assert!(
        error.to_string().contains("names the project twice"),
        "{error}"
    );
}
