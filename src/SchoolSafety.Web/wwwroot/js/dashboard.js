// Draws the dashboard charts from the JSON the page carries (no inline script: the page's data sits in
// <script type="application/json"> elements, the labels come from the server's resources).
(function () {
    if (typeof Chart === 'undefined') return;
    function data(id) {
        var el = document.getElementById(id);
        return el ? JSON.parse(el.textContent) : null;
    }
    var colours = { blue: '#0d6efd', green: '#198754', red: '#dc3545', orange: '#fd7e14', grey: '#6c757d' };
    var common = { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'bottom' } } };

    var weekly = data('chart-weekly-data');
    if (weekly) {
        new Chart(document.getElementById('chart-completion'), {
            type: 'line',
            data: { labels: weekly.labels, datasets: [{ label: weekly.completionLabel, data: weekly.completion, borderColor: colours.blue, backgroundColor: colours.blue, tension: 0.2 }] },
            options: Object.assign({}, common, { scales: { y: { min: 0, max: 100, ticks: { callback: function (v) { return v + '%'; } } } } })
        });
        new Chart(document.getElementById('chart-tickets'), {
            type: 'bar',
            data: { labels: weekly.labels, datasets: [
                { label: weekly.openedLabel, data: weekly.opened, backgroundColor: colours.orange },
                { label: weekly.closedLabel, data: weekly.closed, backgroundColor: colours.green }] },
            options: Object.assign({}, common, { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } })
        });
    }
    var townships = data('chart-townships-data');
    if (townships) {
        new Chart(document.getElementById('chart-townships'), {
            type: 'bar',
            data: { labels: townships.labels, datasets: [
                { label: townships.openLabel, data: townships.open, backgroundColor: colours.orange },
                { label: townships.overdueLabel, data: townships.overdue, backgroundColor: colours.red },
                { label: townships.guardsShortLabel, data: townships.guardsShort, backgroundColor: colours.grey }] },
            options: Object.assign({}, common, { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } })
        });
    }
})();
