//! Publishing a school's Plus schedule to its teachers: the share link (with a copy
//! button), its length against the email-safe limit, and the schedule file for people the
//! link cannot reach. The board page embeds it; teachers open either on `/schedule`.

use crate::domain::plus::share::{self, Shared};
use crate::ui::platform::browser;
use leptos::prelude::*;

/// What happened last, said in the live region.
#[derive(Clone, Debug, PartialEq)]
enum Said {
    Nothing,
    Ok(String),
    Problem(String),
}

#[component]
pub fn Publish(
    /// The schedule to publish; `None` while there is nothing to publish.
    #[prop(into)]
    shared: Signal<Option<Shared>>,
) -> impl IntoView {
    let origin = browser::origin();
    let link = Memo::new(move |_| shared.with(|s| s.as_ref().map(|s| share::link(&origin, s))));
    let has_link = move || link.with(Option::is_some);
    let size = Memo::new(move |_| {
        link.with(|l| l.as_ref().map(|l| share::link_size_note(l.chars().count())))
    });
    let said = RwSignal::new(Said::Nothing);
    // A new schedule makes an earlier "copied" untrue.
    Effect::new(move |prev: Option<()>| {
        link.track();
        if prev.is_some() {
            said.set(Said::Nothing);
        }
    });
    let copy = move |_| {
        let Some(url) = link.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            match browser::copy_text(&url).await {
                Ok(()) => said.set(Said::Ok(
                    "Link copied. Paste it into an email or a message to your teachers.".into(),
                )),
                Err(()) => {
                    browser::select_input("publish-link");
                    said.set(Said::Ok(
                        "This browser did not let Readyboard copy. The link is selected: press Ctrl+C (\u{2318}C on a Mac) to copy it."
                            .into(),
                    ));
                }
            }
        });
    };
    let download = move |_| {
        let result = shared.with_untracked(|s| {
            let s = s.as_ref().ok_or("There is no schedule to publish yet.")?;
            let name = share::file_name(s);
            browser::download(&name, "application/json", &share::to_file(s)).map(|()| name)
        });
        said.set(match result {
            Ok(name) => Said::Ok(format!(
                "Downloaded \u{201c}{name}\u{201d}. Teachers open it with \u{201c}Open a schedule file\u{201d} on the My schedule page."
            )),
            Err(e) => Said::Problem(e),
        });
    };
    view! {
        <div class="publish" role="group" aria-labelledby="publish-link-title">
            <h3 id="publish-link-title">"The link and the file"</h3>
            <Show when=has_link fallback=|| view! {
                <p>"There is no schedule to publish yet."</p>
            }>
                <p>"Send teachers this link. It opens their own sessions and PD days, read-only, on a phone or a computer. "
                   "The whole schedule travels inside the link: nothing is uploaded anywhere. "
                   "Publish again after you change the board; teachers then need the new link or file."</p>
                <label for="publish-link">"Share link"</label>
                <div class="copy-row">
                    <input id="publish-link" type="text" readonly spellcheck="false" autocomplete="off"
                        aria-describedby="publish-size"
                        prop:value=move || link.get().unwrap_or_default()
                        on:focus=move |_| browser::select_input("publish-link")/>
                    <button type="button" class="primary" on:click=copy>"Copy link"</button>
                </div>
                <p id="publish-size" class=move || match size.get() {
                    Some((false, _)) => "link-size too-long",
                    _ => "link-size",
                }>
                    {move || size.get().map(|(fits, text)| view! {
                        <strong>{if fits { "Fits in an email. " } else { "Too long for some email apps. " }}</strong>
                        {text}
                    })}
                </p>
                <p>"For teachers who can\u{2019}t open a long link, send the schedule as a file instead."</p>
                <button type="button" on:click=download>"Download schedule file"</button>
            </Show>
            <p class="publish-status" role="status" aria-live="polite">
                {move || match said.get() {
                    Said::Ok(t) => Some(view! { <span class="ok">{t}</span> }.into_any()),
                    Said::Problem(t) => Some(view! { <span class="field-error">{t}</span> }.into_any()),
                    Said::Nothing => None,
                }}
            </p>
        </div>
    }
}
