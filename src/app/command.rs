//! The commands without data: each owns its label, help text and keyboard shortcuts, so the
//! buttons, their tooltips, the help overlay and the keyboard cannot drift apart (rerun's
//! `UICommand`). Every match on [`Command`] is exhaustive: a new command does not compile until
//! it has a label, a help text, its keys and a place in [`crate::app::App::apply`].

use egui::{Key, KeyboardShortcut, Modifiers};

use super::action::Action;

/// A request without data, from a button or the keyboard.
#[must_use]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    /// Accept the pair shown in the review screen.
    AcceptCurrent,
    /// Reject the pair shown in the review screen.
    RejectCurrent,
    /// Mark the current pair as unsure and move on.
    UnsureCurrent,
    /// Leave the current pair open and move on.
    SkipCurrent,
    /// Show the next pair of the queue.
    NextPair,
    /// Show the previous pair of the queue.
    PreviousPair,
    /// Undo the reviewer's last decision (a bulk accept counts as one).
    Undo,
    /// Redo the reviewer's last undone decision.
    Redo,
    /// Put the keyboard focus in the search box.
    FocusSearch,
    /// Make everything larger.
    ZoomIn,
    /// Make everything smaller.
    ZoomOut,
    /// Show or hide the keyboard help.
    ToggleHelp,
}

impl Command {
    /// Every command, in the order the keyboard is checked (and the help overlay lists them):
    /// more specific shortcuts (Ctrl+Shift+Z) before the ones they contain (Ctrl+Z).
    pub const ALL: [Command; 12] = [
        Command::Redo,
        Command::Undo,
        Command::FocusSearch,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ToggleHelp,
        Command::AcceptCurrent,
        Command::RejectCurrent,
        Command::UnsureCurrent,
        Command::SkipCurrent,
        Command::NextPair,
        Command::PreviousPair,
    ];

    /// The keyboard shortcuts of the command; the first one is the one shown on buttons.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        match self {
            Command::AcceptCurrent => const { &[key(Key::Y), key(Key::Enter), ctrl(Key::Enter)] },
            Command::RejectCurrent => const { &[key(Key::N)] },
            Command::UnsureCurrent => const { &[key(Key::U)] },
            Command::SkipCurrent => const { &[key(Key::S)] },
            Command::NextPair => {
                const { &[key(Key::J), key(Key::ArrowDown), key(Key::ArrowRight)] }
            }
            Command::PreviousPair => {
                const { &[key(Key::K), key(Key::ArrowUp), key(Key::ArrowLeft)] }
            }
            Command::Undo => const { &[ctrl(Key::Z)] },
            Command::Redo => const { &[ctrl_shift(Key::Z), ctrl(Key::Y)] },
            Command::FocusSearch => const { &[ctrl(Key::F)] },
            Command::ZoomIn => const { &[ctrl(Key::Plus), ctrl(Key::Equals)] },
            Command::ZoomOut => const { &[ctrl(Key::Minus)] },
            Command::ToggleHelp => const { &[key(Key::F1), key(Key::Questionmark)] },
        }
    }

    /// True for commands that act on the review queue (they only work on the review screen).
    pub fn is_review_command(self) -> bool {
        match self {
            Command::AcceptCurrent
            | Command::RejectCurrent
            | Command::UnsureCurrent
            | Command::SkipCurrent
            | Command::NextPair
            | Command::PreviousPair => true,
            Command::Undo
            | Command::Redo
            | Command::FocusSearch
            | Command::ZoomIn
            | Command::ZoomOut
            | Command::ToggleHelp => false,
        }
    }

    /// The text on the command's button or menu entry (also its accessible name).
    pub fn label(self) -> &'static str {
        match self {
            Command::AcceptCurrent => "Accept",
            Command::RejectCurrent => "Reject",
            Command::UnsureCurrent => "Unsure",
            Command::SkipCurrent => "Skip",
            Command::NextPair => "Next",
            Command::PreviousPair => "Previous",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::FocusSearch => "Search",
            Command::ZoomIn => "Zoom in",
            Command::ZoomOut => "Zoom out",
            Command::ToggleHelp => "Keyboard help",
        }
    }

    /// What the command does, for its tooltip and the help overlay.
    pub fn description(self) -> &'static str {
        match self {
            Command::AcceptCurrent => {
                "Accept the pair shown: the two records are the same customer"
            }
            Command::RejectCurrent => "Reject the pair shown: they are different customers",
            Command::UnsureCurrent => "Mark the pair as unsure and move on; it stays open",
            Command::SkipCurrent => "Leave the pair open and move on",
            Command::NextPair => "Show the next pair of the queue",
            Command::PreviousPair => "Show the previous pair of the queue",
            Command::Undo => "Undo the last decision (a bulk accept is one step)",
            Command::Redo => "Redo the last undone decision",
            Command::FocusSearch => "Search the lists",
            Command::ZoomIn => "Make everything larger",
            Command::ZoomOut => "Make everything smaller",
            Command::ToggleHelp => "Show or hide this list of keys",
        }
    }

    /// The shortcuts as text (`Y / Enter`), formatted for this platform.
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        let names: Vec<String> = self
            .shortcuts()
            .iter()
            .map(|shortcut| ctx.format_shortcut(shortcut))
            .collect();
        names.join(" / ")
    }

    /// The tooltip of the command's button: what it does and its keys.
    pub fn tooltip(self, ctx: &egui::Context) -> String {
        format!("{} ({})", self.description(), self.shortcut_text(ctx))
    }

    /// A button for the command, with its tooltip; returns the action when clicked.
    pub fn button(self, ui: &mut egui::Ui, enabled: bool) -> Option<Action> {
        let tooltip = self.tooltip(ui.ctx());
        let response = ui
            .add_enabled(enabled, egui::Button::new(self.label()))
            .on_hover_text(tooltip);
        response.clicked().then_some(Action::Command(self))
    }

    /// The command a key press asks for: the first in [`Command::ALL`] with a matching
    /// shortcut. While a text field has the keyboard focus (`typing`), keys without a modifier
    /// (Y, N, J ...) are the field's.
    fn for_key(key: Key, modifiers: Modifiers, typing: bool) -> Option<Command> {
        Command::ALL.into_iter().find(|command| {
            command.shortcuts().iter().any(|shortcut| {
                !(typing && shortcut.conflicts_with_text_editing())
                    && shortcut.logical_key == key
                    && modifiers.matches_logically(shortcut.modifiers)
            })
        })
    }
}

const fn key(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

const fn ctrl(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn ctrl_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

/// The commands pressed this frame, one per key press (and key repeat), in the order pressed;
/// the presses are consumed. Two presses of one key in one frame (a slow frame, a fast typist)
/// are two commands: egui's `consume_shortcut` would report them as one.
pub fn pressed_commands(ctx: &egui::Context) -> Vec<Command> {
    let typing = ctx.egui_wants_keyboard_input();
    ctx.input_mut(|input| {
        let mut pressed = Vec::new();
        input.events.retain(|event| {
            let egui::Event::Key {
                key,
                modifiers,
                pressed: true,
                ..
            } = event
            else {
                return true;
            };
            match Command::for_key(*key, *modifiers, typing) {
                Some(command) => {
                    pressed.push(command);
                    false
                }
                None => true,
            }
        });
        pressed
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_a_label_a_description_and_a_key() {
        for command in Command::ALL {
            assert!(!command.label().is_empty(), "{command:?}");
            assert!(!command.description().is_empty(), "{command:?}");
            assert!(!command.shortcuts().is_empty(), "{command:?}");
        }
    }

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen = Vec::new();
        for command in Command::ALL {
            for shortcut in command.shortcuts() {
                assert!(!seen.contains(shortcut), "{shortcut:?} used twice");
                seen.push(*shortcut);
            }
        }
    }

    #[test]
    fn ctrl_shift_z_is_redo_and_ctrl_z_undo() {
        let shift = Modifiers::COMMAND.plus(Modifiers::SHIFT);
        assert_eq!(Command::for_key(Key::Z, shift, false), Some(Command::Redo));
        let ctrl = Modifiers::COMMAND;
        assert_eq!(Command::for_key(Key::Z, ctrl, false), Some(Command::Undo));
        assert_eq!(Command::for_key(Key::Y, ctrl, false), Some(Command::Redo));
        assert_eq!(Command::for_key(Key::Y, ctrl, true), Some(Command::Redo));
    }

    #[test]
    fn single_keys_belong_to_a_focused_text_field() {
        let none = Modifiers::NONE;
        assert_eq!(
            Command::for_key(Key::Y, none, false),
            Some(Command::AcceptCurrent)
        );
        assert_eq!(Command::for_key(Key::Y, none, true), None);
        assert_eq!(Command::for_key(Key::Q, none, false), None);
    }

    #[test]
    fn each_press_in_one_frame_is_one_command() {
        let ctx = egui::Context::default();
        let press = |key| egui::Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::NONE,
        };
        let input = egui::RawInput {
            events: vec![press(Key::U), press(Key::U), press(Key::Y), press(Key::U)],
            ..Default::default()
        };
        let mut pressed = Vec::new();
        let mut output = ctx.run_ui(input, |ui| pressed = pressed_commands(ui.ctx()));
        output.textures_delta.clear();
        assert_eq!(
            pressed,
            [
                Command::UnsureCurrent,
                Command::UnsureCurrent,
                Command::AcceptCurrent,
                Command::UnsureCurrent
            ]
        );
    }
}
