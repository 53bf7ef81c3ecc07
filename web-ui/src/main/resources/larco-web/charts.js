// Line charts drawn with uPlot. Every chart on the page also has a table with the same numbers.
window.LArCo = window.LArCo || {};

(function (ns) {
  'use strict';

  // Okabe-Ito colours (distinguishable with the common colour-vision deficiencies), each paired
  // with its own dash pattern so that series differ by more than colour.
  const COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000'];
  const DASHES = [[], [8, 4], [2, 3], [10, 3, 2, 3], [4, 4], [1, 2], [12, 6]];
  const WIDTH_PX = 560;
  const HEIGHT_PX = 260;

  // Round numbers are whole: ticks only at integer steps.
  const INTEGER_AXIS = { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000], values: (u, ticks) => ticks.map(String) };

  const charts = new Map();

  function seriesStyle(index) {
    return {
      stroke: COLOURS[index % COLOURS.length],
      dash: DASHES[index % DASHES.length],
      width: 2,
      points: { show: true, size: 6 },
      spanGaps: true,
    };
  }

  function chartWidth(container) {
    const available = container.clientWidth;
    return available > 200 ? Math.min(available, WIDTH_PX) : WIDTH_PX;
  }

  /**
   * Draws (or redraws) a line chart into the element `containerId`.
   * `x` is the shared x values; `series` is [{label, values, style?}] aligned with `x`; `axes` is
   * {x, y (labels), xRange?, yRange?, integerX?}.
   */
  function lineChart(containerId, x, series, axes) {
    const container = document.getElementById(containerId);
    const previous = charts.get(containerId);
    if (previous) {
      previous.destroy();
      charts.delete(containerId);
    }
    container.replaceChildren();

    if (typeof window.uPlot !== 'function') {
      container.append(ns.dom.el('p', { class: 'muted', text: 'Chart library not loaded; see the table below.' }));
      return;
    }

    if (x.length === 0) {
      container.append(ns.dom.el('p', { class: 'muted', text: 'No data yet.' }));
      return;
    }

    const options = {
      width: chartWidth(container),
      height: HEIGHT_PX,
      scales: {
        x: { time: false, range: axes.xRange || null },
        y: { range: axes.yRange || null },
      },
      axes: [
        Object.assign({ label: axes.x, stroke: '#1b1f24', grid: { stroke: '#e1e4e8' } }, axes.integerX ? INTEGER_AXIS : {}),
        { label: axes.y, stroke: '#1b1f24', grid: { stroke: '#e1e4e8' } },
      ],
      series: [{ label: axes.x }].concat(series.map((s, i) => Object.assign(
        { label: s.label }, seriesStyle(i), s.style || {}))),
      legend: { live: true },
    };
    const data = [x].concat(series.map((s) => s.values));
    const chart = new window.uPlot(options, data, container);
    charts.set(containerId, chart);
  }

  ns.charts = { lineChart, COLOURS };
})(window.LArCo);
