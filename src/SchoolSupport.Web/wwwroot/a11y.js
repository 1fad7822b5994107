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
