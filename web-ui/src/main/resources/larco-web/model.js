// Model tab: confusion matrix (counts, efficiency, purity) and one-versus-rest ROC curves of the
// shared model on this node's test set, from GET /api/model.
window.LArCo = window.LArCo || {};

(function (ns) {
  'use strict';

  const { el, table, decimal } = ns.dom;

  let lastModel = null;

  function confusionMode() {
    const checked = document.querySelector('input[name="confusion-mode"]:checked');
    return checked ? checked.value : 'counts';
  }

  /** Returns the cell value to show and its shade in [0, 1] for the chosen normalisation. */
  function cellValue(confusion, row, column, mode) {
    const count = confusion[row][column];
    const rowSum = confusion[row].reduce((sum, c) => sum + c, 0);
    const columnSum = confusion.reduce((sum, r) => sum + r[column], 0);
    if (mode === 'efficiency') {
      const fraction = rowSum > 0 ? count / rowSum : 0;
      return { text: rowSum > 0 ? decimal(fraction, 2) : 'n/a', shade: fraction };
    }
    if (mode === 'purity') {
      const fraction = columnSum > 0 ? count / columnSum : 0;
      return { text: columnSum > 0 ? decimal(fraction, 2) : 'n/a', shade: fraction };
    }
    return { text: String(count), shade: rowSum > 0 ? count / rowSum : 0 };
  }

  function shadedCell(value) {
    // A light-to-dark blue ramp; the text colour is picked for contrast on each shade.
    const light = [247, 251, 255];
    const dark = [8, 48, 107];
    const rgb = light.map((channel, i) => Math.round(channel + (dark[i] - channel) * value.shade));
    const cell = el('td', { class: 'num confusion-cell', text: value.text });
    cell.style.backgroundColor = ns.colormap.css(rgb);
    cell.style.color = ns.colormap.textColourOn(rgb);
    return cell;
  }

  function renderConfusion(model, mode) {
    const classes = model.classes || [];
    const confusion = model.confusion || [];
    const headRow = el('tr', {}, [el('th', { scope: 'col', text: 'True \u2193 / predicted \u2192' })]
      .concat(classes.map((name) => el('th', { scope: 'col', class: 'num', text: name })))
      .concat([el('th', { scope: 'col', class: 'num', text: 'Events' }), el('th', { scope: 'col', class: 'num', text: 'Efficiency' })]));
    const body = el('tbody');
    classes.forEach((name, row) => {
      const cells = [el('th', { scope: 'row', text: name })];
      classes.forEach((_, column) => cells.push(shadedCell(cellValue(confusion, row, column, mode))));
      const rowSum = (confusion[row] || []).reduce((sum, c) => sum + c, 0);
      cells.push(el('td', { class: 'num', text: String(rowSum) }));
      cells.push(el('td', { class: 'num', text: decimal((model.efficiency || [])[row]) }));
      body.append(el('tr', {}, cells));
    });
    const purityRow = [el('th', { scope: 'row', text: 'Purity' })]
      .concat(classes.map((_, column) => el('td', { class: 'num', text: decimal((model.purity || [])[column]) })))
      .concat([el('td'), el('td')]);
    body.append(el('tr', { class: 'purity-row' }, purityRow));
    const caption = el('caption', {
      text: 'Confusion matrix on ' + model.testEvents + ' test events: rows are true classes, columns predicted classes',
    });
    return el('table', { class: 'confusion' }, [caption, el('thead', {}, headRow), body]);
  }

  /**
   * Lays the per-class ROC points on one sorted x axis for uPlot: each class has values only at
   * its own points (null elsewhere, joined with spanGaps), so every curve is drawn exactly.
   */
  function rocSeries(roc) {
    const rows = [];
    roc.forEach((curve, index) => {
      for (const [fpr, tpr] of curve.points || []) {
        rows.push({ x: fpr, index: index, y: tpr });
      }
    });
    rows.push({ x: 0, index: roc.length, y: 0 }, { x: 1, index: roc.length, y: 1 });
    rows.sort((a, b) => a.x - b.x || a.index - b.index || a.y - b.y);
    const x = rows.map((row) => row.x);
    const series = roc.map((curve, index) => ({
      label: curve['class'] + ' (AUC ' + decimal(curve.auc) + ')',
      values: rows.map((row) => (row.index === index ? row.y : null)),
    }));
    series.push({
      label: 'random',
      values: rows.map((row) => (row.index === roc.length ? row.y : null)),
      style: { stroke: '#57606a', dash: [2, 4], width: 1, points: { show: false } },
    });
    return { x, series };
  }

  function renderAucTable(roc) {
    return table('Area under each ROC curve', [
      { label: 'Class (one versus rest)', cell: (c) => c['class'] },
      { label: 'AUC', numeric: true, cell: (c) => decimal(c.auc) },
      { label: 'Curve points', numeric: true, cell: (c) => String((c.points || []).length) },
    ], roc, { rowHeader: true, empty: 'No ROC curves.' });
  }

  function render(model) {
    lastModel = model;
    const summary = document.getElementById('model-summary');
    if (!model || !model.classes || model.classes.length === 0) {
      summary.textContent = 'No model has been evaluated on this node yet.';
      document.getElementById('confusion').replaceChildren();
      document.getElementById('roc-chart').replaceChildren();
      document.getElementById('roc-table').replaceChildren();
      return;
    }
    const when = model.round === null || model.round === undefined ? 'Shared model' : 'Shared model after round ' + model.round;
    summary.textContent = when + ': accuracy ' + decimal(model.accuracy) + ' on ' + model.testEvents + ' test events of this node.';
    ns.dom.replace('confusion', renderConfusion(model, confusionMode()));

    const roc = model.roc || [];
    const layout = rocSeries(roc);
    ns.charts.lineChart('roc-chart', layout.x, layout.series, {
      x: 'false positive rate', y: 'true positive rate', xRange: [0, 1], yRange: [0, 1],
    });
    ns.dom.replace('roc-table', renderAucTable(roc));
  }

  function init() {
    for (const input of document.querySelectorAll('input[name="confusion-mode"]')) {
      input.addEventListener('change', () => {
        if (lastModel && lastModel.classes) {
          ns.dom.replace('confusion', renderConfusion(lastModel, confusionMode()));
        }
      });
    }
  }

  ns.model = { render, init, rocSeries };
})(window.LArCo);
