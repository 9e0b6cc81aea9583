//! Long work (reading lists, matching) on a named background thread, with progress and Cancel,
//! so that the window stays responsive.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

/// Progress shared between the worker and the window.
#[derive(Debug, Default)]
pub struct Progress {
    stage: Mutex<String>,
    done: AtomicU64,
    total: AtomicU64,
    cancelled: AtomicBool,
}

impl Progress {
    /// Name the current stage ("Reading the CRM list") and reset the counters.
    pub fn stage(&self, stage: &str, total: u64) {
        if let Ok(mut current) = self.stage.lock() {
            *current = stage.to_string();
        }
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
    }

    /// Count finished units of the current stage.
    pub fn advance(&self, units: u64) {
        self.done.fetch_add(units, Ordering::Relaxed);
    }

    /// The current stage's name.
    pub fn stage_name(&self) -> String {
        self.stage
            .lock()
            .map(|stage| stage.clone())
            .unwrap_or_default()
    }

    /// Fraction done of the current stage, or `None` when the stage has no known size.
    pub fn fraction(&self) -> Option<f32> {
        let total = self.total.load(Ordering::Relaxed);
        let done = self.done.load(Ordering::Relaxed).min(total);
        (total > 0).then(|| done as f32 / total as f32)
    }

    /// Ask the worker to stop.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// True once Cancel was pressed; the worker checks it between steps.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }
}

/// What a finished job gave.
#[derive(Debug)]
pub enum JobEnd<T> {
    /// The work finished.
    Done(T),
    /// The work failed; the message names the file, sheet and row where it applies.
    Failed(String),
}

/// Work running on a background thread.
#[derive(Debug)]
pub struct Job<T> {
    /// What the work is, for the progress line ("Matching").
    pub title: String,
    progress: Arc<Progress>,
    receiver: mpsc::Receiver<Result<T, String>>,
    started: Instant,
}

impl<T: Send + 'static> Job<T> {
    /// Start `work` on a thread named `ledgerlink-<name>`; `ctx` is repainted when it ends.
    pub fn spawn<F>(
        name: &str,
        title: &str,
        ctx: &egui::Context,
        work: F,
    ) -> Result<Job<T>, std::io::Error>
    where
        F: FnOnce(&Progress) -> Result<T, String> + Send + 'static,
    {
        let progress = Arc::new(Progress::default());
        let (sender, receiver) = mpsc::channel();
        let worker_progress = Arc::clone(&progress);
        let ctx = ctx.clone();
        std::thread::Builder::new()
            .name(format!("ledgerlink-{name}"))
            .spawn(move || {
                let result = work(&worker_progress);
                // The window may have cancelled and dropped the receiver: nothing to tell then.
                let _ = sender.send(result);
                ctx.request_repaint();
            })?;
        Ok(Job {
            title: title.to_string(),
            progress,
            receiver,
            started: Instant::now(),
        })
    }

    /// The result once the work has ended, `None` while it runs.
    pub fn poll(&self) -> Option<JobEnd<T>> {
        match self.receiver.try_recv() {
            Ok(Ok(value)) => Some(JobEnd::Done(value)),
            Ok(Err(message)) => Some(JobEnd::Failed(message)),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => Some(JobEnd::Failed(format!(
                "{} stopped unexpectedly",
                self.title
            ))),
        }
    }

    /// Wait for the end (tests and scripted runs), at most `limit`.
    pub fn wait(&self, limit: Duration) -> Option<JobEnd<T>> {
        match self.receiver.recv_timeout(limit) {
            Ok(Ok(value)) => Some(JobEnd::Done(value)),
            Ok(Err(message)) => Some(JobEnd::Failed(message)),
            Err(mpsc::RecvTimeoutError::Timeout) => None,
            Err(mpsc::RecvTimeoutError::Disconnected) => Some(JobEnd::Failed(format!(
                "{} stopped unexpectedly",
                self.title
            ))),
        }
    }
}

impl<T> Job<T> {
    /// Ask the worker to stop; its result will be dropped.
    pub fn cancel(&self) {
        self.progress.cancel();
    }

    /// The shared progress.
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// How long the work has run.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }
}

/// The progress line with a bar and Cancel; returns true when Cancel was clicked.
pub fn progress_ui<T>(ui: &mut egui::Ui, job: &Job<T>) -> bool {
    let mut cancel = false;
    ui.horizontal(|ui| {
        ui.spinner();
        let stage = job.progress().stage_name();
        let seconds = job.elapsed().as_secs_f32();
        let text = if stage.is_empty() {
            format!("{} ({seconds:.0} s)", job.title)
        } else {
            format!("{}: {stage} ({seconds:.0} s)", job.title)
        };
        let bar = match job.progress().fraction() {
            Some(fraction) => egui::ProgressBar::new(fraction).show_percentage(),
            None => egui::ProgressBar::new(0.0).animate(true),
        };
        ui.add(bar.desired_width(260.0).text(text));
        cancel = ui
            .button("Cancel")
            .on_hover_text("Stop this work; nothing is changed")
            .clicked();
    });
    cancel
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_reports_its_result_and_runs_on_a_named_thread() {
        let ctx = egui::Context::default();
        let job = Job::spawn("test", "Testing", &ctx, |progress| {
            progress.stage("counting", 2);
            progress.advance(2);
            Ok(std::thread::current().name().map(str::to_string))
        })
        .unwrap();
        match job.wait(Duration::from_secs(10)) {
            Some(JobEnd::Done(name)) => assert_eq!(name.as_deref(), Some("ledgerlink-test")),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn a_failing_job_gives_its_message() {
        let ctx = egui::Context::default();
        let job: Job<()> = Job::spawn("fail", "Failing", &ctx, |_| {
            Err("crm.csv, row 4: bad".to_string())
        })
        .unwrap();
        match job.wait(Duration::from_secs(10)) {
            Some(JobEnd::Failed(message)) => assert!(message.contains("row 4")),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn progress_counts_and_cancels() {
        let progress = Progress::default();
        assert_eq!(progress.fraction(), None);
        progress.stage("matching", 4);
        progress.advance(1);
        assert_eq!(progress.fraction(), Some(0.25));
        assert!(!progress.is_cancelled());
        progress.cancel();
        assert!(progress.is_cancelled());
    }
}
