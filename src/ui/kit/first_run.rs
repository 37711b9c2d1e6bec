//! The first-run choice: explore the demo, or start an empty district.

use crate::domain::text::MAX_NAME_CHARS;
use crate::ui::kit::use_store;
use leptos::prelude::*;

#[component]
pub fn FirstRun() -> impl IntoView {
    let store = use_store();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    // The demo's code is fetched the first time it is asked for: say so meanwhile.
    let opening = RwSignal::new(false);
    let demo_failed = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match store.start_district(&name.get_untracked()) {
            Ok(()) => error.set(None),
            Err(e) => {
                error.set(Some(e));
                crate::ui::platform::browser::focus_id("new-district-name");
            }
        }
    };
    view! {
        <section class="first-run" aria-labelledby="first-run-title">
            <h2 id="first-run-title">"Get started"</h2>
            <p>"Readyboard keeps everything in this browser. Try it with a realistic demo district, or set up your own."</p>
            <div class="choices">
                <div class="choice">
                    <h3>"Explore a demo"</h3>
                    <p>"Benson School District: 21 elementary, middle and high schools with enrollment and reading and math results. Four schools are clearly the lowest-performing."</p>
                    <button type="button" class="primary" aria-disabled=move || opening.get().to_string()
                        on:click=move |_| if !opening.get_untracked() {
                            opening.set(true);
                            demo_failed.set(false);
                            crate::ui::kit::demo::start_demo(store, move || {
                                opening.set(false);
                                demo_failed.set(true);
                            });
                        }>
                        "Explore the Benson demo district"
                    </button>
                    <p role="status" class="small">{move || opening.get().then_some("Opening the demo\u{2026}")}</p>
                    {move || demo_failed.get().then(|| view! { <p role="alert" class="field-error">{crate::ui::kit::demo::DEMO_FAILED}</p> })}
                </div>
                <form class="choice" on:submit=submit novalidate>
                    <h3>"Your own district"</h3>
                    <label for="new-district-name">"District name"</label>
                    <input id="new-district-name" type="text" autocomplete="organization"
                        maxlength=MAX_NAME_CHARS.to_string()
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby=move || error.with(Option::is_some).then_some("new-district-error")/>
                    {move || error.get().map(|e| view! { <p id="new-district-error" class="field-error">{e}</p> })}
                    <button type="submit" class="primary">"Start my district"</button>
                </form>
            </div>
        </section>
    }
}
