// Chart islands: a <canvas data-chart="bar|line"> with its data in the next <script type="application/json">.
// Charts are created whenever htmx loads content and destroyed before htmx removes their element.
(function () {
    const palette = { accent: "#1db954", second: "#4cc9f0", grid: "rgba(255,255,255,0.07)", text: "#9aa3b2" };

    function create(canvas) {
        if (canvas.chart) return;
        const source = canvas.nextElementSibling;
        if (!source || source.type !== "application/json") return;
        const data = JSON.parse(source.textContent);
        // One series ({label, labels, values}) or several ({labels, datasets: [{label, values}]}).
        const series = data.datasets || [{ label: data.label, values: data.values }];
        const colours = [palette.accent, palette.second];
        canvas.chart = new Chart(canvas, {
            type: canvas.dataset.chart || "bar",
            data: {
                labels: data.labels,
                datasets: series.map(function (s, i) {
                    return { label: s.label, data: s.values, backgroundColor: colours[i % 2], borderColor: colours[i % 2], borderRadius: 3 };
                })
            },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: { duration: 600 },
                plugins: { legend: { display: series.length > 1, labels: { color: palette.text } } },
                scales: {
                    x: { ticks: { color: palette.text, maxRotation: 0, autoSkip: true }, grid: { display: false } },
                    y: { ticks: { color: palette.text }, grid: { color: palette.grid }, beginAtZero: true }
                }
            }
        });
    }

    htmx.onLoad(function (root) {
        (root.matches && root.matches("canvas[data-chart]") ? [root] : root.querySelectorAll("canvas[data-chart]")).forEach(create);
    });

    document.addEventListener("htmx:beforeCleanupElement", function (event) {
        event.target.querySelectorAll && event.target.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
            if (canvas.chart) { canvas.chart.destroy(); canvas.chart = null; }
        });
    });
})();
