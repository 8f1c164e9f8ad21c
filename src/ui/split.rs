//! Parts of the app that a first visit does not download: each area of
//! pages but the board, and the example data.
//!
//! In the shipped build (feature `split`, built by `scripts/build-wasm`) the
//! body of a function declared with [`later_part!`] is a part of the wasm of
//! its own, fetched the first time the function is called and kept after
//! that. The service worker precaches every part after the first visit, so
//! offline a part is missing only until then, or in a tab left open across a
//! new version: the call then returns [`PartMissing`] (and the next call
//! tries again) instead of stopping the app, as `#[leptos::lazy]` would.
//! Without the feature (tests, clippy, debug builds) the body is an
//! ordinary async function.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;

use crate::ui::state::tr;

/// A part of the app could not be fetched (no network, or a tab older than
/// the version the host now serves).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartMissing;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for PartMissing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        PartMissing
    }
}

/// Declares `async fn name(args) -> Result<T, PartMissing>` from a body that
/// gives a `T`, and `async fn fetch() -> Result<(), E>` (`E` converts into
/// [`PartMissing`]), which only fetches the part. With feature `split` the
/// body is a part of the wasm named after the function
/// (`split_<name>.wasm`); once fetched, a call is ready at its first poll
/// (see [`ready_now`]).
macro_rules! later_part {
    (fetch = $fetch:ident; $(#[$meta:meta])* $vis:vis async fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $out:ty $body:block) => {
        $(#[$meta])*
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split(
            $name,
            wasm_split_path = ::leptos::wasm_split,
            fallible,
            preload(#[allow(dead_code)] $fetch),
            return_wrapper(let future = _; { future.await } -> ::std::result::Result<$out, $crate::ui::split::PartMissing>)
        )]
        $vis fn $name($($arg: $ty),*) -> ::std::pin::Pin<::std::boxed::Box<
            dyn ::std::future::Future<Output = ::std::result::Result<$out, $crate::ui::split::PartMissing>>
                + ::std::marker::Send
                + ::std::marker::Sync,
        >> {
            // The browser has one thread: the wrapper only tells Rust so.
            ::std::boxed::Box::pin(::send_wrapper::SendWrapper::new(async move {
                ::std::result::Result::Ok($body)
            }))
        }

        $(#[$meta])*
        #[cfg(not(feature = "split"))]
        $vis async fn $name($($arg: $ty),*) -> ::std::result::Result<$out, $crate::ui::split::PartMissing> {
            ::std::result::Result::Ok($body)
        }

        #[cfg(not(feature = "split"))]
        #[allow(dead_code, clippy::unused_async)]
        $vis async fn $fetch() -> ::std::result::Result<(), $crate::ui::split::PartMissing> {
            ::std::result::Result::Ok(())
        }
    };
}
pub(crate) use later_part;

/// The output of a future that is ready at its first poll, else `None` (and
/// the future is dropped). Views must be built where the page's reactive
/// owner is current, not in a task that runs later: a part already fetched
/// gives its page here, synchronously, as the board's own code would.
pub fn ready_now<F: Future>(future: F) -> Option<F::Output> {
    let mut future = pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(out) => Some(out),
        Poll::Pending => None,
    }
}

/// What a page shows when its part could not be fetched: why, in words, and
/// a button that tries again.
#[component]
pub fn PartMissingNotice(retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="part-missing" data-testid="part-missing">
            <p role="alert">{tr(|t| t.offline.part_missing)}</p>
            <button type="button" on:click=move |_| retry.run(())>{tr(|t| t.offline.part_retry)}</button>
        </div>
    }
}
