pub mod encoding;
pub mod export;
pub mod roster_csv;

pub mod plan;
pub mod rank;
pub mod readiness_plan;
pub mod state;

// Property tests use proptest, a host-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use plan::{
    check_pin, consequence, lowest_performing_count, moves, override_text, pin_school,
    pins_dropped, plan, plan_under, year_once_ready, Consequence, DroppedPin, Move, OnceReady,
    PinCheck, Placement, Plan, Why,
};
pub use rank::{rank, Assessed, Rankings, Standing};
pub use readiness_plan::{Progress, ReadinessPlan};
pub use state::{Adoption, PhaseIn, Pin, Scenario, Settings};
