//! Telling the app's other open tabs what this tab stored.
//!
//! Why: each tab holds the data in memory; without a word from the tab that
//! wrote, another tab would show old figures until reloaded. A
//! `BroadcastChannel` reaches every tab of this site in this browser
//! profile, and never the tab that sent the message.
//!
//! Guarantees: failing to broadcast (an old browser) never fails a write;
//! the other tabs then show the change on their next start.

use wasm_bindgen::prelude::*;
use web_sys::{BroadcastChannel, MessageEvent};

const CHANNEL: &str = "maltavla";

/// The channel between this tab and the others.
pub struct Tabs {
    channel: Option<BroadcastChannel>,
    _listener: Option<Closure<dyn FnMut(MessageEvent)>>,
}

impl Tabs {
    /// Joins the channel; `on_change` gets the ids another tab stored.
    pub fn join(on_change: impl Fn(Vec<String>) + 'static) -> Tabs {
        let Ok(channel) = BroadcastChannel::new(CHANNEL) else {
            return Tabs {
                channel: None,
                _listener: None,
            };
        };
        let listener = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let ids: Vec<String> = e
                .data()
                .as_string()
                .map(|s| {
                    s.split('\n')
                        .filter(|id| !id.is_empty())
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default();
            if !ids.is_empty() {
                on_change(ids);
            }
        });
        channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        Tabs {
            channel: Some(channel),
            _listener: Some(listener),
        }
    }

    /// Tells the other tabs which records were stored (ids never contain a
    /// line break, so one string carries the list).
    pub fn announce(&self, ids: &[String]) {
        if let Some(channel) = &self.channel {
            let _ = channel.post_message(&JsValue::from_str(&ids.join("\n")));
        }
    }
}
