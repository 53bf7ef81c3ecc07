// Competitions tab: one leaderboard per task of the competition experiments in GET /api/status,
// each from GET /api/leaderboard?task=TASK.
window.LArCo = window.LArCo || {};

(function (ns) {
  'use strict';

  const { el, table, hex, decimal } = ns.dom;

  // The node rejects other task names with HTTP 400, so the page does not request them.
  const TASK_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

  const EMPTY_TEXT = 'No competition entries yet: a member enters its model with ' +
    'POST /api/admin/experiments and "competition": true.';

  /** Returns the distinct tasks of the competition experiments, in order of first appearance. */
  function tasksOf(experiments) {
    const tasks = [];
    for (const experiment of experiments || []) {
      const task = experiment.competition ? String(experiment.task || '') : null;
      if (task !== null && !tasks.includes(task)) {
        tasks.push(task);
      }
    }
    return tasks;
  }

  /** Builds the ranked table of one leaderboard, whose entries the node sends best first. */
  function renderLeaderboard(task, entries) {
    const ranked = (entries || []).map((entry, index) => Object.assign({ rank: index + 1 }, entry));
    return table('Leaderboard of task ' + task + ', best first', [
      { label: 'Rank', numeric: true, cell: (e) => String(e.rank) },
      { label: 'Entrant', cell: (e) => el('span', { class: 'entrant', text: e.entrant }) },
      { label: 'Experiment', numeric: true, cell: (e) => String(e.experiment) },
      { label: 'Median score', numeric: true, cell: (e) => decimal(e.medianScore) },
      { label: 'Scores', numeric: true, cell: (e) => String(e.scores) },
      { label: 'Weights', cell: (e) => hex(e.weightsHash) },
    ], ranked, { className: 'leaderboard', empty: 'No scored entries for this task yet.' });
  }

  /** Builds one task's block: a heading, then its table or the reason it could not be loaded. */
  function renderTask(result, index) {
    const headingId = 'competition-task-' + index;
    const content = result.error
      ? el('p', { class: 'load-error', role: 'alert', text: result.error })
      : renderLeaderboard(result.task, result.entries);
    return el('section', { class: 'competition', 'aria-labelledby': headingId, 'data-task': result.task }, [
      el('h3', { id: headingId, text: 'Task ' + result.task }),
      el('div', { class: 'table-wrap' }, content),
    ]);
  }

  /**
   * Shows the leaderboards. Each of `results` is {task, entries} or {task, error}, in task order.
   * An empty list shows how a member enters a competition.
   */
  function render(results) {
    if (results.length === 0) {
      ns.dom.replace('competitions', el('p', { class: 'muted empty-competitions', text: EMPTY_TEXT }));
      return;
    }
    const container = document.getElementById('competitions');
    container.replaceChildren(...results.map(renderTask));
  }

  /** Fetches the leaderboard of each task with `fetchJson`; a failure affects only its own task. */
  async function load(experiments, fetchJson) {
    const results = await Promise.all(tasksOf(experiments).map(async (task) => {
      if (!TASK_PATTERN.test(task)) {
        return { task: task, error: 'Invalid task name "' + task + '": expected 1 to 64 of A-Z a-z 0-9 _ . -' };
      }
      try {
        const board = await fetchJson('api/leaderboard?task=' + encodeURIComponent(task));
        return { task: task, entries: board.entries || [] };
      } catch (error) {
        return { task: task, error: 'Leaderboard of task ' + task + ' not loaded: ' + error.message };
      }
    }));
    render(results);
  }

  ns.competitions = { load, render, renderLeaderboard, tasksOf };
})(window.LArCo);
