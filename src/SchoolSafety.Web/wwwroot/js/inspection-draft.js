// Keeps a checklist safe on a phone with a weak connection (issue 10):
// - every answer is copied to this device (localStorage) as it is given;
// - "save" or "submit" pressed while offline is kept on the device and sent by itself when the connection is back
//   (the page stays, so chosen photos stay in their fields too);
// - answers not yet saved come back if the page is reloaded, unless the school's record changed since (row version);
// - after a save the page returns to the item the officer was at.
(function () {
  'use strict';
  var form = document.getElementById('inspection-form');
  if (!form || !window.localStorage) return;
  var key = 'schoolsafety:inspection-draft:' + form.getAttribute('action');
  var status = document.getElementById('draft-status');
  var version = form.elements.RowVersion ? form.elements.RowVersion.value : '';

  function show(text) {
    if (!status) return;
    status.textContent = text || '';
    status.hidden = !text;
  }
  function read() {
    try { return JSON.parse(localStorage.getItem(key) || 'null'); } catch (e) { return null; }
  }
  function fields() {
    return Array.prototype.filter.call(form.elements, function (e) {
      return e.name && e.name !== 'RowVersion' && e.name !== '__RequestVerificationToken' && e.name !== 'command'
        && e.type !== 'file' && e.type !== 'hidden' && e.type !== 'submit';
    });
  }
  function write(extra) {
    var values = {};
    fields().forEach(function (e) {
      if (e.type === 'radio' || e.type === 'checkbox') { if (e.checked) values[e.name] = e.value; }
      else values[e.name] = e.value;
    });
    var draft = { version: version, values: values, place: lastPlace, pending: null, sent: false, savedAt: new Date().toISOString() };
    Object.keys(extra || {}).forEach(function (k) { draft[k] = extra[k]; });
    try { localStorage.setItem(key, JSON.stringify(draft)); } catch (e) { /* storage full or off: the server copy still counts */ }
  }
  function restore(draft) {
    fields().forEach(function (e) {
      if (!Object.prototype.hasOwnProperty.call(draft.values, e.name)) return;
      var value = draft.values[e.name];
      if (e.type === 'radio' || e.type === 'checkbox') {
        var on = e.value === value;
        if (e.checked !== on) { e.checked = on; if (on) e.dispatchEvent(new Event('change', { bubbles: true })); }
      } else if (e.value !== value) {
        e.value = value;
        e.dispatchEvent(new Event('change', { bubbles: true }));
      }
    });
  }
  function send(command) {
    var button = form.querySelector('button[name=command][value="' + command + '"]');
    if (!button) return;
    show(form.dataset.draftSending);
    // The officer answered the confirmation (confirm.js) when pressing the button offline: not asked twice.
    button.setAttribute('data-confirmed', '');
    if (form.requestSubmit) form.requestSubmit(button); else button.click();
  }

  var lastPlace = null;
  var restoring = false;
  function remember(e) {
    if (restoring) return;
    var card = e.target.closest && e.target.closest('.inspection-item');
    if (card) lastPlace = card.dataset.item;
    write({});
  }
  form.addEventListener('input', remember);
  form.addEventListener('change', remember);

  form.addEventListener('submit', function (e) {
    var command = e.submitter && e.submitter.name === 'command' ? e.submitter.value : 'save';
    if (!navigator.onLine) {
      e.preventDefault();
      write({ pending: command });
      show(form.dataset.draftOffline);
      return;
    }
    write({ sent: true });
  });
  window.addEventListener('online', function () {
    var draft = read();
    if (draft && draft.pending) send(draft.pending);
  });
  window.addEventListener('offline', function () { show(form.dataset.draftOffline); });

  var draft = read();
  if (!draft) return;
  if (draft.sent || draft.version !== version) {
    // The server answered this form (or its record changed since): its copy is the one to show.
    localStorage.removeItem(key);
    var errors = document.querySelector('.validation-summary-errors, .field-validation-error:not(:empty)');
    if (draft.sent && !errors && draft.place) {
      var card = form.querySelector('.inspection-item[data-item="' + draft.place + '"]');
      if (card) card.scrollIntoView({ block: 'center' });
    }
    return;
  }
  lastPlace = draft.place;
  restoring = true;
  restore(draft);
  restoring = false;
  if (draft.pending && navigator.onLine) send(draft.pending);
  else show(draft.pending ? form.dataset.draftOffline : form.dataset.draftRestored);
})();
