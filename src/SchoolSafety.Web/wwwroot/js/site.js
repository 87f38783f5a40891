// Behaviour every page may use, kept out of the views: the Content-Security-Policy allows no inline script or handlers.
(function () {
    'use strict';
    // <select data-autosubmit> submits its form when the choice changes (e.g. the year of the responsibility letters).
    document.addEventListener('change', function (e) {
        var el = e.target;
        if (el instanceof HTMLElement && el.hasAttribute('data-autosubmit') && el.form) el.form.submit();
    });
})();
