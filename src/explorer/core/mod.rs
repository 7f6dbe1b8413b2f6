//! The explorer's state machine: the state, one action per gesture, the pure `update` and the
//! effects it asks of the shell, and the address bar kept in step with the state.

pub mod state;
pub mod url_sync;
pub mod view_keys;
