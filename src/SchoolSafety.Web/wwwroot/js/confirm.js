// Confirmation before an action that cannot easily be undone (closing a ticket, disabling an account, …).
// A form or its submit button carries data-confirm="question"; the text comes from the resources, rendered by
// the view. No inline handlers: the Content-Security-Policy forbids them, so one listener serves every page.
(function () {
  'use strict';
  function question(form, submitter) {
    if (submitter && submitter.hasAttribute('data-confirm')) return submitter.getAttribute('data-confirm');
    return form.getAttribute('data-confirm');
  }
  // Capture phase: the question comes before any other submit handler of the page (e.g. the offline draft).
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (!(form instanceof HTMLFormElement)) return;
    var submitter = e.submitter;
    // A submit sent again by a script after the user already said yes (an offline draft going out) asks nothing.
    if (submitter && submitter.hasAttribute('data-confirmed')) {
      submitter.removeAttribute('data-confirmed');
      return;
    }
    var text = question(form, submitter);
    if (!text) return;
    if (!window.confirm(text)) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  }, true);
})();
