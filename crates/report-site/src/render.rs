//! Yew's server renderer, run to its end on this thread: the report page as the browser's first
//! render draws it ([`report_app_html`]), and markup of the site's own pages
//! ([`static_html`], never hydrated).

use report_app::components::app::{App, AppProps};
use yew::{BaseComponent, LocalServerRenderer};

/// The app's HTML for `content` as the browser's first render draws it (with Yew's markers for
/// hydration).
pub fn report_app_html(content: Result<&'static report_core::Content, &'static str>) -> String {
    let renderer = LocalServerRenderer::<App>::with_props(AppProps {
        content,
        recent: Ok(Default::default()),
        restored: None,
    })
    .hydratable(true);
    block_on(renderer.render())
}

/// The HTML of component `C` with `props`, for a page no app hydrates (no Yew markers).
pub fn static_html<C>(props: C::Properties) -> String
where
    C: BaseComponent,
{
    block_on(
        LocalServerRenderer::<C>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

/// Runs a future to its end on this thread. The server renderer never waits on anything
/// outside itself (no suspense), so polling until it is ready is enough.
fn block_on<F: std::future::Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
        std::thread::yield_now();
    }
}
