// Shows the reason field for 不适用 and the hazard fields for 发现隐患; fills the default deadline when a grade is chosen.
(function () {
  document.querySelectorAll('.inspection-item').forEach(function (card) {
    function update() {
      var checked = card.querySelector('.outcome input:checked');
      var value = checked ? checked.value : '';
      card.dataset.outcome = value;
    }
    card.querySelectorAll('.outcome input').forEach(function (r) { r.addEventListener('change', update); });
    var grade = card.querySelector('select.grade');
    var deadline = card.querySelector('input.deadline');
    if (grade && deadline) {
      grade.addEventListener('change', function () {
        card.dataset.grade = grade.value;
        var d = grade.value === 'Major' ? grade.dataset.major : grade.value === 'General' ? grade.dataset.general : '';
        if (d && (!deadline.value || deadline.dataset.auto === '1')) { deadline.value = d; deadline.dataset.auto = '1'; }
      });
      deadline.addEventListener('input', function () { deadline.dataset.auto = '0'; });
    }
    update();
  });
})();
// A message under an item is about the answer given before; once the answer changes it no longer applies.
document.querySelectorAll('.inspection-item').forEach(function (card) {
  card.addEventListener('change', function () {
    card.querySelectorAll('.field-validation-error').forEach(function (m) { m.textContent = ''; });
  });
});
