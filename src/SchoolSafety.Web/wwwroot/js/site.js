// Behaviour every page may use, kept out of the views: the Content-Security-Policy allows no inline script or handlers.
(function () {
    'use strict';
    // <select data-autosubmit> submits its form when the choice changes (e.g. the year of the responsibility letters).
    document.addEventListener('change', function (e) {
        var el = e.target;
        if (el instanceof HTMLElement && el.hasAttribute('data-autosubmit') && el.form) el.form.submit();
    });
})();

// Printing a list: the filter form is hidden on paper, so a line under it says which filters the list was printed with.
// The labels and chosen values are the page's own (from the resources); the words "Filters" and "All" come from data-
// attributes on <main>.
(function () {
  'use strict';
  var main = document.getElementById('main');
  if (!main || !main.hasAttribute('data-print-filters')) return;
  function labelOf(form, el) {
    var label = el.id ? form.querySelector('label[for="' + el.id + '"]') : null;
    return label ? label.textContent.trim() : (el.getAttribute('aria-label') || el.getAttribute('placeholder') || '');
  }
  // Chinese punctuation is full width; an ASCII colon or semicolon (English) is followed by a space.
  function spaced(mark) { return /^[\x00-\x7f]+$/.test(mark) ? mark + ' ' : mark; }
  var colon = spaced(main.getAttribute('data-print-colon') || ':');
  var separator = spaced(main.getAttribute('data-print-separator') || ';');
  document.querySelectorAll('form[role="search"]').forEach(function (form) {
    var parts = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.type === 'hidden' || el.type === 'submit' || el.type === 'button' || !el.name) return;
      if (el.type === 'checkbox' || el.type === 'radio') {
        if (el.checked) parts.push(labelOf(form, el));
        return;
      }
      if (el.tagName === 'SELECT') {
        var option = el.options[el.selectedIndex];
        if (option && option.value) parts.push(labelOf(form, el) + colon + option.textContent.trim());
        return;
      }
      if (el.value) parts.push(labelOf(form, el) + colon + el.value);
    });
    var line = document.createElement('p');
    line.className = 'print-filters d-none d-print-block';
    line.textContent = main.getAttribute('data-print-filters') + colon + (parts.length ? parts.join(separator) : main.getAttribute('data-print-no-filters'));
    form.parentNode.insertBefore(line, form.nextSibling);
  });
})();
