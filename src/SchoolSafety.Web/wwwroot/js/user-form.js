// Show the school picker for school roles and the jurisdiction picker for bureau roles.
(function () {
  var role = document.getElementById('role-select');
  if (!role) return;
  var schoolRoles = ['SafetyOfficer', 'SchoolLeader'];
  function update() {
    var isSchool = schoolRoles.indexOf(role.value) >= 0;
    var chosen = role.value !== '';
    document.getElementById('school-field').hidden = chosen && !isSchool;
    document.getElementById('jurisdiction-field').hidden = chosen && isSchool;
  }
  role.addEventListener('change', update);
  update();
})();
