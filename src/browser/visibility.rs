//! Whether an element is near the screen, and whether the page is being
//! printed: so that what nobody can see yet is drawn only when someone
//! could (a chart thousands of pixels below the screen).
//!
//! Guarantees: nothing here panics; where the browser has no
//! `IntersectionObserver`, an element counts as near the screen (drawn as
//! if this module did not exist). Dropping a watch stops it.

use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, Event, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit,
};

/// Watches whether an element is within a margin of the screen.
pub struct NearScreen {
    observer: Option<IntersectionObserver>,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl NearScreen {
    /// Calls `on_change` with whether `element` is within `margin` of the
    /// screen (a CSS margin such as `"100% 0px"`: a screen's height above
    /// and below) once the browser has looked, and again whenever that
    /// changes. Without `IntersectionObserver`, once with `true`.
    pub fn watch(
        element: &Element,
        margin: &str,
        on_change: impl Fn(bool) + 'static,
    ) -> NearScreen {
        let on_change = Rc::new(on_change);
        let report = Rc::clone(&on_change);
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            // The last entry is the element's newest state.
            if let Some(entry) = entries
                .iter()
                .last()
                .and_then(|e| e.dyn_into::<IntersectionObserverEntry>().ok())
            {
                report(entry.is_intersecting());
            }
        });
        let options = IntersectionObserverInit::new();
        options.set_root_margin(margin);
        let observer =
            IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options)
                .ok();
        match &observer {
            Some(observer) => observer.observe(element),
            None => on_change(true),
        }
        NearScreen {
            observer,
            _callback: callback,
        }
    }
}

impl Drop for NearScreen {
    fn drop(&mut self) {
        if let Some(observer) = &self.observer {
            observer.disconnect();
        }
    }
}

/// A listener on the window, by the name of its event.
type Listener = (&'static str, Closure<dyn FnMut(Event)>);

/// Watches the page being printed: `beforeprint` and `afterprint`.
pub struct Printing {
    listeners: Vec<Listener>,
}

impl Printing {
    /// Calls `on_change(true)` before the page is printed (in time for
    /// what it changes to be printed) and `on_change(false)` after.
    pub fn watch(on_change: impl Fn(bool) + 'static) -> Printing {
        let on_change = Rc::new(on_change);
        let mut listeners = Vec::new();
        if let Some(window) = web_sys::window() {
            for (name, printing) in [("beforeprint", true), ("afterprint", false)] {
                let report = Rc::clone(&on_change);
                let listener = Closure::<dyn FnMut(Event)>::new(move |_: Event| report(printing));
                if window
                    .add_event_listener_with_callback(name, listener.as_ref().unchecked_ref())
                    .is_ok()
                {
                    listeners.push((name, listener));
                }
            }
        }
        Printing { listeners }
    }
}

impl Drop for Printing {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            for (name, listener) in &self.listeners {
                let _ = window
                    .remove_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
            }
        }
    }
}
