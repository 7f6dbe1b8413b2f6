//! The explorer's state machine, compiled and tested natively: the [`State`], one [`Action`]
//! per gesture, a pure [`update`] that returns the [`Effect`]s for the shell to run, the view
//! keys read from the URL, the rules for typed text and what typing leaves in the controls, the
//! preset picker's browsing, the stories, and the address bar kept in step with the state. Nothing here
//! imports the view models ([`crate::explorer::view`]).

pub mod action;
pub mod drafts;
pub mod export;
pub mod preset_picker;
pub mod state;
pub mod story;
pub mod typing;
pub mod url_sync;
pub mod view_keys;

pub use action::{start, update, Action, Effect, UrlWrite};
pub use export::Export;
pub use state::{CopyWhat, McResult, McRun, Notice, State, Swept, MAP_CELLS};
pub use state::{McWorker, WorkerEvent, WORKER_LOAD_MS};
pub use view_keys::{PageWarning, Theme, View, ViewWarning};
