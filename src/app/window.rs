//! The real window: eframe's entry point, the window icon, and the scripted runs
//! (`--smoke-test` closes the window after a few frames, `--bench-frames` also prints frame
//! times).

use super::action::{Action, Command, Screen};
use super::{App, AppOptions, setup_context};

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        if self.options.report_frame_times {
            self.bench_frame(ui.ctx(), frame.info().cpu_usage);
        }
        self.frame_ui(ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if self.options.report_frame_times {
            print_frame_report(&self.frame_seconds);
        }
    }
}

impl App {
    pub(super) fn count_frame(&mut self, ctx: &egui::Context) {
        if self.running.is_some() {
            // Scripted runs count the frames drawn once the startup work is done.
            if self.options.exit_after_frames.is_some() {
                ctx.request_repaint();
            }
            if self.frames > 0 {
                return;
            }
        }
        self.frames += 1;
        if let Some(limit) = self.options.exit_after_frames {
            if self.frames >= limit {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            } else {
                ctx.request_repaint();
            }
        }
    }

    /// `--bench-frames`: the time to the first frame and to the first review frame, the CPU
    /// time of review-screen frames, and a step along the queue every tenth frame.
    pub(super) fn bench_frame(&mut self, ctx: &egui::Context, cpu_seconds: Option<f32>) {
        let since_launch = self.options.launched.map(|launched| launched.elapsed());
        if self.frames == 0
            && let Some(elapsed) = since_launch
        {
            println!("first_frame_ms={:.0}", elapsed.as_secs_f64() * 1000.0);
        }
        if self.screen != Screen::Review || self.workspace.is_none() {
            return;
        }
        if self.frame_seconds.is_empty()
            && let Some(elapsed) = since_launch
        {
            println!(
                "first_review_frame_ms={:.0}",
                elapsed.as_secs_f64() * 1000.0
            );
        }
        if let Some(seconds) = cpu_seconds {
            self.frame_seconds.push(seconds);
        }
        if self.frame_seconds.len() % 10 == 9 {
            self.apply(ctx, Action::Command(Command::NextPair));
        }
    }
}

fn print_frame_report(seconds: &[f32]) {
    let mut sorted: Vec<f32> = seconds.to_vec();
    sorted.sort_by(f32::total_cmp);
    let Some(worst) = sorted.last() else {
        println!("frames=0");
        return;
    };
    let mean = sorted.iter().sum::<f32>() / sorted.len() as f32;
    let median = sorted[sorted.len() / 2];
    let p95 = sorted[sorted.len() * 95 / 100];
    println!(
        "frames={} mean_ms={:.2} median_ms={:.2} p95_ms={:.2} max_ms={:.2}",
        sorted.len(),
        mean * 1000.0,
        median * 1000.0,
        p95 * 1000.0,
        worst * 1000.0
    );
}

/// Open the workshop window and run until it is closed.
pub fn run(options: AppOptions) -> Result<(), eframe::Error> {
    let mut native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Ledgerlink")
            .with_app_id("ledgerlink")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([900.0, 600.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    // The window and taskbar icon: the picture the desktop entry shows (assets/icon/).
    match eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon/ledgerlink-128.png"))
    {
        Ok(icon) => native.viewport = native.viewport.with_icon(icon),
        Err(error) => eprintln!("ledgerlink: the window icon could not be read: {error}"),
    }
    eframe::run_native(
        "Ledgerlink",
        native,
        Box::new(move |creation| {
            setup_context(&creation.egui_ctx);
            Ok(Box::new(App::new(options)))
        }),
    )
}
