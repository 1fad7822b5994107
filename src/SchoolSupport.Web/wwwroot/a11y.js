// Keyboard help that works the same on static and interactive pages (no inline script: the CSP refuses them).
// The skip link moves focus to the page's content; Blazor would otherwise take "#main-content" for a navigation to "/".
document.addEventListener('click', event => {
    const link = event.target instanceof Element ? event.target.closest('a.skip-link') : null;
    if (!link) return;
    event.preventDefault();
    event.stopPropagation();
    const main = document.getElementById('main-content');
    if (!main) return;
    main.focus();
    main.scrollIntoView();
}, true);

// A dialog gives the focus back to what opened it when it closes: the element focused last outside any dialog is
// remembered, and when the focus falls to <body> after a dialog leaves the page, it returns there.
(() => {
    let opener = null;
    document.addEventListener('focusin', event => {
        const target = event.target;
        if (target instanceof HTMLElement && target !== document.body && !target.closest('[role=dialog], .mud-overlay, .mud-popover')) opener = target;
    }, true);
    new MutationObserver(records => {
        const dialogLeft = records.some(r => [...r.removedNodes].some(n => n instanceof Element && (n.matches('[role=dialog], .mud-dialog-container') || n.querySelector('[role=dialog]'))));
        if (!dialogLeft || !opener || !opener.isConnected) return;
        setTimeout(() => {
            const active = document.activeElement;
            if ((!active || active === document.body) && opener?.isConnected) opener.focus();
        }, 0);
    }).observe(document.body, { childList: true, subtree: true });
})();

// Issue #18: on a page rendered without a circuit the menu button has no server to answer its click; it hides and shows
// the menu here instead (the page's next load shows it again). On interactive pages the circuit handles the click.
document.addEventListener('click', event => {
    const button = event.target instanceof Element ? event.target.closest('[data-drawer-toggle]') : null;
    if (!button || !document.querySelector('[data-circuit=static]')) return;
    const layout = button.closest('.mud-layout');
    if (!layout) return;
    const closed = layout.classList.toggle('static-menu-closed');
    button.setAttribute('aria-expanded', closed ? 'false' : 'true');
});

// Called once when a circuit starts (FocusTitleOnStart.razor): the page's title takes the focus if it fell to <body>.
window.a11yFocusTitle = () => {
    const focusTitle = () => {
        const active = document.activeElement;
        if (active && active !== document.body) return;
        const title = document.querySelector('h1');
        if (!(title instanceof HTMLElement)) return;
        if (!title.hasAttribute('tabindex')) title.setAttribute('tabindex', '-1');
        title.focus();
    };
    focusTitle();
    // A page that loads its data in the circuit replaces its «Загрузка…» title by the real one: the focus, on the removed title,
    // falls to <body>. The new title takes it, until the user presses a key or the mouse, or for ten seconds.
    const observer = new MutationObserver(focusTitle);
    observer.observe(document.body, { childList: true, subtree: true });
    const stop = () => {
        observer.disconnect();
        document.removeEventListener('keydown', stop, true);
        document.removeEventListener('mousedown', stop, true);
    };
    document.addEventListener('keydown', stop, true);
    document.addEventListener('mousedown', stop, true);
    setTimeout(stop, 10000);
};
