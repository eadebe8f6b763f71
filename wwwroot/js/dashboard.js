// The dashboard's chart: good reps per day, one stacked bar per exercise (the table under it has the same numbers).
const data = document.getElementById('dash-data');
const canvas = document.getElementById('dash-chart');
if (data && canvas && window.Chart) {
  const { days, series } = JSON.parse(data.textContent);
  const colours = ['#0a58ca', '#8a5300', '#198754', '#6f42c1', '#d63384', '#495057'];
  new window.Chart(canvas, {
    type: 'bar',
    data: {
      labels: days.map((d) =>
        new Date(`${d}T12:00:00Z`).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric' })),
      datasets: series.map((s, i) => ({ label: s.name, data: s.values, backgroundColor: colours[i % colours.length] })),
    },
    // No animation: the figures are there at once (and a screenshot or a reduced-motion reader sees the final bars).
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
    },
  });
  canvas.dataset.drawn = 'true';
}
