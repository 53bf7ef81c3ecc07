// Scores tab: vote and test scores per learner and round, and the shared model's accuracy,
// from GET /api/scores.
window.LArCo = window.LArCo || {};

(function (ns) {
  'use strict';

  const { el, decimal } = ns.dom;

  function uniqueSorted(values) {
    return Array.from(new Set(values)).sort((a, b) => a - b);
  }

  function seriesByLearner(points, rounds, learners, field) {
    return learners.map((learner) => ({
      label: learner,
      values: rounds.map((round) => {
        const point = points.find((p) => p.round === round && p.learner === learner);
        return point && point[field] !== null && point[field] !== undefined ? point[field] : null;
      }),
    }));
  }

  function renderTable(points, accuracy, rounds, learners) {
    const headRow = el('tr', {}, [el('th', { scope: 'col', text: 'Round' }), el('th', { scope: 'col', class: 'num', text: 'Shared accuracy' })]
      .concat(learners.flatMap((learner) => [
        el('th', { scope: 'col', class: 'num' }, [learner, el('br'), 'vote score']),
        el('th', { scope: 'col', class: 'num' }, [learner, el('br'), 'test score']),
      ])));
    const body = el('tbody');
    for (const round of rounds) {
      const shared = accuracy.find((a) => a.round === round);
      const cells = [
        el('th', { scope: 'row', class: 'num', text: String(round) }),
        el('td', { class: 'num', text: shared ? decimal(shared.accuracy) : 'n/a' }),
      ];
      for (const learner of learners) {
        const point = points.find((p) => p.round === round && p.learner === learner);
        cells.push(el('td', { class: 'num', text: point ? decimal(point.voteScore) : 'n/a' }));
        cells.push(el('td', { class: 'num', text: point ? decimal(point.testScore) : 'n/a' }));
      }
      body.append(el('tr', {}, cells));
    }
    if (rounds.length === 0) {
      body.append(el('tr', {}, el('td', { colspan: 2 + 2 * learners.length, class: 'empty', text: 'No scores yet.' })));
    }
    const caption = el('caption', { text: 'Scores by round; n/a where this node does not know the value' });
    return el('table', { class: 'scores' }, [caption, el('thead', {}, headRow), body]);
  }

  function render(data) {
    const points = data.points || [];
    const accuracy = data.sharedAccuracy || [];
    const rounds = uniqueSorted(points.map((p) => p.round).concat(accuracy.map((a) => a.round)));
    const learners = Array.from(new Set(points.map((p) => p.learner))).sort();
    const scoreAxes = { x: 'round', y: 'score', integerX: true };

    ns.charts.lineChart('accuracy-chart', rounds, [{
      label: 'shared accuracy',
      values: rounds.map((round) => {
        const entry = accuracy.find((a) => a.round === round);
        return entry ? entry.accuracy : null;
      }),
    }], { x: 'round', y: 'accuracy', integerX: true });
    ns.charts.lineChart('vote-score-chart', rounds, seriesByLearner(points, rounds, learners, 'voteScore'), scoreAxes);
    ns.charts.lineChart('test-score-chart', rounds, seriesByLearner(points, rounds, learners, 'testScore'), scoreAxes);
    ns.dom.replace('scores-table', renderTable(points, accuracy, rounds, learners));
  }

  ns.scores = { render };
})(window.LArCo);
