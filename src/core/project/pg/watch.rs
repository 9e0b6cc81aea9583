//! Watching a project on a server from a window: a connection of its own that listens for the
//! other reviewers' changes (`LISTEN`; every write notifies on commit) and tells who else has
//! the project open. It runs on a thread; the window asks it each frame whether anything
//! changed, and a callback wakes the window when something does. A lost connection is made
//! again every second, and reported meanwhile.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use postgres::Client;
use postgres::fallible_iterator::FallibleIterator;

use super::connect;
use super::location::PgLocation;
use super::schema::{channel, quoted_schema};

/// What the watching thread shares with the window.
#[derive(Debug, Default)]
struct Shared {
    changed: AtomicBool,
    connected: AtomicBool,
    stop: AtomicBool,
    others: Mutex<Vec<String>>,
}

/// A running watcher; it stops when dropped.
#[derive(Debug)]
pub struct Watcher {
    shared: Arc<Shared>,
}

/// How often the list of reviewers present is read again.
const PRESENCE_EVERY: Duration = Duration::from_secs(2);

impl Watcher {
    /// Start watching the project at `location` as `reviewer`; `wake` is called (from the
    /// watching thread) whenever something changed.
    pub fn start(location: &PgLocation, reviewer: &str, wake: Box<dyn Fn() + Send>) -> Watcher {
        let shared = Arc::new(Shared::default());
        let thread_shared = Arc::clone(&shared);
        let location = location.clone();
        let reviewer = reviewer.to_string();
        let spawned = std::thread::Builder::new()
            .name("ledgerlink-watch".into())
            .spawn(move || run(&location, &reviewer, &thread_shared, wake.as_ref()));
        if spawned.is_err() {
            shared.connected.store(false, Ordering::SeqCst);
        }
        Watcher { shared }
    }

    /// True (once) when another reviewer changed the project since the last call.
    pub fn take_changed(&self) -> bool {
        self.shared.changed.swap(false, Ordering::SeqCst)
    }

    /// True while the watching connection is up.
    pub fn is_connected(&self) -> bool {
        self.shared.connected.load(Ordering::SeqCst)
    }

    /// The other reviewers who have the project open in a window, by name.
    pub fn others(&self) -> Vec<String> {
        self.shared
            .others
            .lock()
            .map(|others| others.clone())
            .unwrap_or_default()
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
    }
}

fn run(location: &PgLocation, reviewer: &str, shared: &Shared, wake: &dyn Fn()) {
    while !shared.stop.load(Ordering::SeqCst) {
        if let Ok(mut client) = join(location, reviewer) {
            shared.connected.store(true, Ordering::SeqCst);
            // Whatever happened while the connection was down is caught up with now.
            shared.changed.store(true, Ordering::SeqCst);
            wake();
            listen(&mut client, shared, wake);
        }
        if shared.connected.swap(false, Ordering::SeqCst) {
            wake();
        }
        std::thread::sleep(Duration::from_secs(1));
    }
}

/// Connect, say who is here, and listen.
fn join(location: &PgLocation, reviewer: &str) -> Result<Client, Box<dyn std::error::Error>> {
    let mut client = connect(location, "ledgerlink-window")?;
    client.batch_execute(&format!(
        "SET search_path TO {}; LISTEN \"{}\"",
        quoted_schema(location.project()),
        channel(location.project())
    ))?;
    // A reviewer who may only read the project is not listed as present, but still hears.
    let _ = client.execute(
        "INSERT INTO presence (pid, reviewer, since) VALUES (pg_backend_pid(), $1, now()::text)
         ON CONFLICT (pid) DO UPDATE SET reviewer = excluded.reviewer, since = excluded.since",
        &[&reviewer],
    );
    Ok(client)
}

/// Wait for notifications until the connection fails or the watcher stops.
fn listen(client: &mut Client, shared: &Shared, wake: &dyn Fn()) {
    let mut presence_read = Instant::now() - PRESENCE_EVERY;
    while !shared.stop.load(Ordering::SeqCst) {
        if presence_read.elapsed() >= PRESENCE_EVERY {
            match others(client) {
                Ok(names) => {
                    if let Ok(mut others) = shared.others.lock()
                        && *others != names
                    {
                        *others = names;
                        wake();
                    }
                }
                Err(_) => return,
            }
            presence_read = Instant::now();
        }
        // Wait for the first notification (up to a quarter second, to look at presence and
        // the stop flag in between), then take those already arrived without waiting again.
        let any = {
            let mut notifications = client.notifications();
            let first = notifications
                .timeout_iter(Duration::from_millis(250))
                .next()
                .map(|notification| notification.is_some());
            match first {
                Ok(true) => {
                    let mut pending = notifications.iter();
                    while let Ok(Some(_)) = pending.next() {}
                    true
                }
                Ok(false) => false,
                Err(_) => return,
            }
        };
        if any {
            shared.changed.store(true, Ordering::SeqCst);
            wake();
        }
        if client.is_closed() {
            return;
        }
    }
}

/// The other reviewers present, by name; rows of connections that are gone are cleared.
fn others(client: &mut Client) -> Result<Vec<String>, postgres::Error> {
    // Only a reviewer who may write clears the rows of windows that are gone.
    let _ = client.execute(
        "DELETE FROM presence WHERE pid NOT IN (SELECT pid FROM pg_stat_activity)",
        &[],
    );
    let rows = client.query(
        "SELECT DISTINCT reviewer FROM presence WHERE pid <> pg_backend_pid() ORDER BY reviewer",
        &[],
    )?;
    Ok(rows.iter().map(|row| row.get(0)).collect())
}
