//! Starting the test server: binaries, initdb, certificates, configuration, roles, and the
//! watchdog that stops it when the test process ends.

use std::fmt::Write as _;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use super::{DATABASE, PASSWORD, PgServer, TLS_USER, USER};

const BINARIES: [&str; 3] = ["initdb", "pg_ctl", "postgres"];

/// Starts the server (see the module's notes); `Ok(None)` when PostgreSQL is missing and
/// `LEDGERLINK_SKIP_PG=1`.
pub(super) fn start() -> Result<Option<PgServer>, String> {
    let began = Instant::now();
    let Some(bin) = find_bin_dir() else {
        if std::env::var("LEDGERLINK_SKIP_PG").is_ok_and(|value| value == "1") {
            return Ok(None);
        }
        return Err(
            "the PostgreSQL tests need initdb, pg_ctl and postgres (on PATH or in \
                    /usr/lib/postgresql/*/bin): install the postgresql package \
                    (apt-get install postgresql), or set LEDGERLINK_SKIP_PG=1 to skip them"
                .to_string(),
        );
    };
    let run_as = RunAs::detect()?;
    let root = tempfile::Builder::new()
        .prefix("ledgerlink-pg-")
        .tempdir()
        .map_err(|error| format!("cannot make a temporary folder: {error}"))?
        .keep();
    let mut server = PgServer {
        port: 0,
        data: root.join("data"),
        socket_dir: root.join("sock"),
        root,
        bin,
        ca_cert: None,
        startup: began.elapsed(),
    };
    // First of all, so that the folder goes even when a later step fails.
    watchdog(&server, &run_as)?;
    init_cluster(&mut server, &run_as)?;
    start_cluster(&server, &run_as)?;
    create_roles(&server)?;
    server.startup = began.elapsed();
    let tls = if server.has_tls() {
        "on"
    } else {
        "off (no openssl)"
    };
    eprintln!(
        "pg_support: PostgreSQL ({}) on 127.0.0.1:{}, TLS {tls}, started in {} ms",
        server.bin.display(),
        server.port,
        server.startup.as_millis()
    );
    Ok(Some(server))
}

/// initdb (as the server's user), the certificates and the configuration.
fn init_cluster(server: &mut PgServer, run_as: &RunAs) -> Result<(), String> {
    let root = &server.root;
    std::fs::create_dir(&server.socket_dir).map_err(|error| error.to_string())?;
    std::fs::set_permissions(root, std::fs::Permissions::from_mode(0o700))
        .map_err(|error| error.to_string())?;
    run_as.give(root)?;
    run_as.give(&server.socket_dir)?;
    let mut initdb = run_as.command(&server.bin.join("initdb"));
    initdb.arg("-D").arg(&server.data);
    initdb.args(["-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C"]);
    // No sync of initdb's files (a throw-away cluster); the server itself runs with fsync on.
    initdb.arg("--no-sync");
    run(initdb.current_dir(root), "initdb")?;
    server.ca_cert = make_certificates(&root.join("tls"), run_as)?;
    // As late as possible: the port is free now, not reserved.
    server.port = free_port()?;
    configure(server)
}

/// `pg_ctl start`, waiting until the server accepts connections.
fn start_cluster(server: &PgServer, run_as: &RunAs) -> Result<(), String> {
    let mut pg_ctl = run_as.command(&server.bin.join("pg_ctl"));
    pg_ctl.arg("-D").arg(&server.data);
    pg_ctl.arg("-l").arg(server.log_file());
    pg_ctl.args(["-w", "-t", "60", "start"]);
    run(pg_ctl.current_dir(&server.root), "pg_ctl start").map_err(|error| {
        let log = std::fs::read_to_string(server.log_file()).unwrap_or_default();
        format!("{error}\nserver log:\n{log}")
    })
}

/// The folder holding initdb, pg_ctl and postgres: on PATH, else the newest
/// `/usr/lib/postgresql/VERSION/bin`.
fn find_bin_dir() -> Option<PathBuf> {
    let complete = |dir: &Path| BINARIES.iter().all(|name| dir.join(name).is_file());
    let path = std::env::var_os("PATH").unwrap_or_default();
    if let Some(dir) = std::env::split_paths(&path).find(|dir| complete(dir)) {
        return Some(dir);
    }
    let mut versions: Vec<(Vec<u32>, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let version: Option<Vec<u32>> = name.split('.').map(|part| part.parse().ok()).collect();
            Some((version?, entry.path().join("bin")))
        })
        .filter(|(_, dir)| complete(dir))
        .collect();
    versions.sort();
    versions.pop().map(|(_, dir)| dir)
}

/// Who runs the server: this user, or `nobody` when this is root (initdb refuses root).
struct RunAs {
    /// `Some((uid, gid))` of `nobody` when running as root.
    nobody: Option<(u32, u32)>,
}

impl RunAs {
    fn detect() -> Result<Self, String> {
        // SAFETY: geteuid has no preconditions and cannot fail.
        if unsafe { libc::geteuid() } != 0 {
            return Ok(Self { nobody: None });
        }
        let id = |flag: &str| -> Result<u32, String> {
            let output = Command::new("id")
                .args([flag, "nobody"])
                .output()
                .map_err(|error| format!("cannot run id: {error}"))?;
            String::from_utf8_lossy(&output.stdout)
                .trim()
                .parse()
                .map_err(|_| "running as root, but there is no user nobody to run PostgreSQL as (initdb refuses root)".to_string())
        };
        Ok(Self {
            nobody: Some((id("-u")?, id("-g")?)),
        })
    }

    /// `program` as the server's user (`setpriv` to nobody under root).
    fn command(&self, program: &Path) -> Command {
        let Some((uid, gid)) = self.nobody else {
            return Command::new(program);
        };
        let mut command = Command::new("setpriv");
        command
            .arg(format!("--reuid={uid}"))
            .arg(format!("--regid={gid}"))
            .args(["--clear-groups", "--"])
            .arg(program);
        command
    }

    /// The argument list of [`RunAs::command`] before the program, for the watchdog script.
    fn prefix(&self) -> Vec<String> {
        match self.nobody {
            Some((uid, gid)) => vec![
                "setpriv".to_string(),
                format!("--reuid={uid}"),
                format!("--regid={gid}"),
                "--clear-groups".to_string(),
                "--".to_string(),
            ],
            None => Vec::new(),
        }
    }

    /// Makes `path` the server user's.
    fn give(&self, path: &Path) -> Result<(), String> {
        match self.nobody {
            Some((uid, gid)) => std::os::unix::fs::chown(path, Some(uid), Some(gid))
                .map_err(|error| format!("cannot chown {}: {error}", path.display())),
            None => Ok(()),
        }
    }
}

/// Runs `command`, failing with its output.
fn run(command: &mut Command, what: &str) -> Result<(), String> {
    let output = command
        .stdin(Stdio::null())
        .output()
        .map_err(|error| format!("cannot run {what}: {error}"))?;
    if output.status.success() {
        return Ok(());
    }
    Err(format!(
        "{what} failed ({}):\n{}{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    ))
}

/// A CA and a server certificate for `localhost` and `127.0.0.1` in `dir`; the CA's file, or
/// `None` without the `openssl` command.
fn make_certificates(dir: &Path, run_as: &RunAs) -> Result<Option<PathBuf>, String> {
    if Command::new("openssl").arg("version").output().is_err() {
        eprintln!("pg_support: no openssl command: the test server runs without TLS");
        return Ok(None);
    }
    std::fs::create_dir(dir).map_err(|error| error.to_string())?;
    std::fs::write(
        dir.join("server.ext"),
        "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=critical,CA:FALSE\n\
         keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n",
    )
    .map_err(|error| error.to_string())?;
    let ec = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
    ];
    let mut ca = Command::new("openssl");
    ca.args([
        "req",
        "-new",
        "-x509",
        "-days",
        "2",
        "-subj",
        "/CN=Ledgerlink test CA",
    ]);
    ca.args(ec).args(["-keyout", "ca.key", "-out", "ca.crt"]);
    run(ca.current_dir(dir), "openssl (CA)")?;
    let mut request = Command::new("openssl");
    request
        .args(["req", "-new", "-subj", "/CN=localhost"])
        .args(ec);
    request.args(["-keyout", "server.key", "-out", "server.csr"]);
    run(request.current_dir(dir), "openssl (request)")?;
    let mut sign = Command::new("openssl");
    sign.args([
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.crt",
        "-CAkey",
        "ca.key",
    ]);
    sign.args(["-CAcreateserial", "-days", "2", "-out", "server.crt"]);
    sign.args(["-extfile", "server.ext"]);
    run(sign.current_dir(dir), "openssl (sign)")?;
    let key = dir.join("server.key");
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600))
        .map_err(|error| error.to_string())?;
    for path in [dir, &key, &dir.join("server.crt")] {
        run_as.give(path)?;
    }
    Ok(Some(dir.join("ca.crt")))
}

/// A port nobody listens on now (bound, read, released).
pub(super) fn free_port() -> Result<u16, String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")
        .map_err(|error| format!("cannot find a free port: {error}"))?;
    listener
        .local_addr()
        .map(|address| address.port())
        .map_err(|error| error.to_string())
}

/// postgresql.conf additions and pg_hba.conf.
fn configure(server: &PgServer) -> Result<(), String> {
    let (data, port) = (&server.data, server.port);
    let mut settings = format!(
        "\n# pg_support\nlisten_addresses = '127.0.0.1'\nport = {port}\n\
         unix_socket_directories = '{}'\nfsync = on\nmax_connections = 60\n\
         shared_buffers = 16MB\npassword_encryption = 'scram-sha-256'\n",
        server.socket_dir.display()
    );
    let mut hba = "local all all trust\n".to_string();
    if server.has_tls() {
        let tls_dir = server.root.join("tls");
        let _ = write!(
            settings,
            "ssl = on\nssl_cert_file = '{}'\nssl_key_file = '{}'\n",
            tls_dir.join("server.crt").display(),
            tls_dir.join("server.key").display()
        );
        let _ = writeln!(hba, "hostssl all {TLS_USER} 127.0.0.1/32 scram-sha-256");
    }
    let _ = writeln!(hba, "hostnossl all {TLS_USER} 127.0.0.1/32 reject");
    hba.push_str("host all all 127.0.0.1/32 scram-sha-256\n");
    let conf = data.join("postgresql.conf");
    let mut text = std::fs::read_to_string(&conf).map_err(|error| error.to_string())?;
    text.push_str(&settings);
    std::fs::write(&conf, text).map_err(|error| error.to_string())?;
    std::fs::write(data.join("pg_hba.conf"), hba).map_err(|error| error.to_string())
}

/// The roles and the database, as the superuser over the socket.
fn create_roles(server: &PgServer) -> Result<(), String> {
    let mut admin = postgres::Config::new()
        .host_path(&server.socket_dir)
        .port(server.port)
        .user("postgres")
        .dbname("postgres")
        .connect(postgres::NoTls)
        .map_err(|error| format!("cannot connect as the superuser: {error}"))?;
    let statements = [
        format!(
            "CREATE ROLE {USER} LOGIN PASSWORD '{PASSWORD}' NOSUPERUSER NOCREATEDB NOCREATEROLE"
        ),
        format!(
            "CREATE ROLE {TLS_USER} LOGIN PASSWORD '{PASSWORD}' NOSUPERUSER NOCREATEDB \
             NOCREATEROLE"
        ),
        format!("CREATE DATABASE {DATABASE} OWNER {USER}"),
    ];
    for statement in statements {
        admin
            .batch_execute(&statement)
            .map_err(|error| format!("{statement}: {error}"))?;
    }
    Ok(())
}

/// A shell in its own session that waits for this process to end, then stops the server
/// (immediate mode) and removes `root`.
fn watchdog(server: &PgServer, run_as: &RunAs) -> Result<(), String> {
    let script = r#"pid=$1; root=$2; data=$3; shift 3
while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done
if [ -f "$data/postmaster.pid" ]; then "$@" -D "$data" stop -m immediate -w -t 30; fi
rm -rf "$root""#;
    let mut command = Command::new("sh");
    command
        .args(["-c", script, "pg_support-watchdog"])
        .arg(std::process::id().to_string())
        .arg(&server.root)
        .arg(&server.data)
        .args(run_as.prefix())
        .arg(server.bin.join("pg_ctl"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    // SAFETY: setsid is async-signal-safe and touches no memory of this process.
    unsafe {
        use std::os::unix::process::CommandExt;
        command.pre_exec(|| {
            libc::setsid();
            Ok(())
        });
    }
    command
        .spawn()
        .map(drop)
        .map_err(|error| format!("cannot start the watchdog: {error}"))
}
