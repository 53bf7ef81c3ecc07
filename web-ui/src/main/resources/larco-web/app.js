// Starts the status page: tab switching, data loading from the node's JSON API, and live updates
// from the server-sent event stream at api/stream.
window.LArCo = window.LArCo || {};

(function (ns) {
  'use strict';

  const STATUS_REFRESH_MIN_MS = 1000;
  const EXPERIMENT_REFRESH_MIN_MS = 2000;
  const MODEL_REFRESH_MIN_MS = 3000;
  const EVENT_DISPLAY_COUNT = 4;

  // modelHead: head weights hash that the shown model view was computed for.
  // competitionKey: ids and tasks of the competition experiments when leaderboards were last loaded.
  const state = { experiment: null, experiments: [], modelHead: null, competitionKey: null };

  // ---- data loading ----

  async function fetchJson(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (!response.ok) {
      const error = new Error('GET ' + path + ' failed: HTTP ' + response.status);
      error.status = response.status;
      throw error;
    }
    return response.json();
  }

  function showError(message) {
    const box = document.getElementById('load-error');
    box.textContent = message;
    box.hidden = false;
  }

  function clearError() {
    const box = document.getElementById('load-error');
    box.hidden = true;
    box.textContent = '';
  }

  /**
   * Wraps a loader so that calls made while it runs coalesce into one more run, at most one run
   * every `minIntervalMs`. Live events can arrive every block, faster than a fetch returns.
   */
  function coalesced(loader, minIntervalMs) {
    let running = false;
    let again = false;
    let lastStart = 0;
    async function run() {
      if (running) {
        again = true;
        return;
      }
      running = true;
      const wait = lastStart + minIntervalMs - Date.now();
      if (wait > 0) {
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
      lastStart = Date.now();
      try {
        await loader();
        clearError();
      } catch (error) {
        showError(error.message);
      } finally {
        running = false;
      }
      if (again) {
        again = false;
        run();
      }
    }
    return run;
  }

  function fillExperimentSelect(experiments) {
    const select = document.getElementById('experiment-select');
    const ids = experiments.map((e) => String(e.id));
    const known = Array.from(select.options).map((o) => o.value);
    if (ids.join(',') !== known.join(',')) {
      select.replaceChildren(...experiments.map((e) =>
        ns.dom.el('option', { value: e.id, text: e.id + ': ' + e.name })));
    }
    if (state.experiment === null && experiments.length > 0) {
      const firstShared = experiments.find((e) => !e.competition) || experiments[0];
      state.experiment = firstShared.id;
    }
    if (state.experiment !== null) {
      select.value = String(state.experiment);
    }
  }

  async function loadStatus() {
    const status = await fetchJson('api/status');
    state.experiments = status.experiments || [];
    ns.overview.render(status);
    const hadExperiment = state.experiment !== null;
    fillExperimentSelect(state.experiments);
    if (!hadExperiment && state.experiment !== null) {
      refreshExperiment();
    }
    refreshModelIfHeadMoved();
    refreshCompetitionsIfEntriesChanged();
  }

  /** Loads the leaderboards again when a competition experiment appears, so a new entry shows. */
  function refreshCompetitionsIfEntriesChanged() {
    const key = JSON.stringify(state.experiments.filter((e) => e.competition).map((e) => [e.id, e.task]));
    if (key !== state.competitionKey) {
      state.competitionKey = key;
      refreshCompetitions();
    }
  }

  function isCompetition(experimentId) {
    const experiment = state.experiments.find((e) => String(e.id) === String(experimentId));
    return Boolean(experiment && experiment.competition);
  }

  /**
   * Fetches the model and event views again while they lag behind the selected experiment's head,
   * because the node evaluates a new head some time after the round that accepted it closes.
   */
  function refreshModelIfHeadMoved() {
    const selected = state.experiments.find((e) => String(e.id) === String(state.experiment));
    if (selected && !selected.competition && selected.head && selected.head !== state.modelHead) {
      refreshModel();
      refreshEvents();
    }
  }

  async function loadExperiment() {
    if (state.experiment === null) {
      return;
    }
    const id = encodeURIComponent(state.experiment);
    const [rounds, scores] = await Promise.all([
      fetchJson('api/rounds?experiment=' + id),
      fetchJson('api/scores?experiment=' + id),
    ]);
    ns.rounds.render(rounds);
    ns.scores.render(scores);
  }

  async function loadModel() {
    try {
      const model = await fetchJson('api/model');
      state.modelHead = model.head || null;
      ns.model.render(model);
    } catch (error) {
      if (error.status === 404) {
        ns.model.render(null);
        return;
      }
      throw error;
    }
  }

  async function loadEvents() {
    ns.events.render(await fetchJson('api/events?limit=' + EVENT_DISPLAY_COUNT));
  }

  async function loadCompetitions() {
    await ns.competitions.load(state.experiments, fetchJson);
  }

  const refreshStatus = coalesced(loadStatus, STATUS_REFRESH_MIN_MS);
  const refreshExperiment = coalesced(loadExperiment, EXPERIMENT_REFRESH_MIN_MS);
  const refreshModel = coalesced(loadModel, MODEL_REFRESH_MIN_MS);
  const refreshEvents = coalesced(loadEvents, MODEL_REFRESH_MIN_MS);
  const refreshCompetitions = coalesced(loadCompetitions, EXPERIMENT_REFRESH_MIN_MS);

  // ---- live updates ----

  function setLiveState(text) {
    document.getElementById('live-state').textContent = text;
  }

  function parseData(message) {
    try {
      return JSON.parse(message.data);
    } catch (error) {
      return null;
    }
  }

  function connectStream() {
    if (typeof window.EventSource !== 'function') {
      setLiveState('not supported by this browser');
      return;
    }
    const stream = new EventSource('api/stream');
    stream.addEventListener('open', () => setLiveState('connected'));
    stream.addEventListener('error', () => setLiveState('reconnecting'));
    stream.addEventListener('block', (message) => {
      const data = parseData(message);
      if (data && typeof data.height === 'number') {
        ns.overview.showHeight(data.height);
      }
      refreshStatus();
      // Votes arrive without a round event (the status stays VOTING), so the open tab polls.
      if (isTabSelected('tab-rounds') || isTabSelected('tab-scores')) {
        refreshExperiment();
      }
      if (isTabSelected('tab-competitions')) {
        refreshCompetitions();
      }
    });
    stream.addEventListener('round', (message) => {
      const data = parseData(message);
      refreshStatus();
      if (data && String(data.experiment) === String(state.experiment)) {
        refreshExperiment();
      }
      if (data && isCompetition(data.experiment)) {
        refreshCompetitions();
      }
      if (data && data.status === 'ACCEPTED') {
        refreshModel();
        refreshEvents();
      }
    });
  }

  // ---- tabs (WAI-ARIA tabs pattern: arrow keys, Home and End move between tabs) ----

  function isTabSelected(tabId) {
    return document.getElementById(tabId).getAttribute('aria-selected') === 'true';
  }

  function tabs() {
    return Array.from(document.querySelectorAll('[role="tab"]'));
  }

  function selectTab(tab, moveFocus) {
    for (const other of tabs()) {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      other.tabIndex = selected ? 0 : -1;
      document.getElementById(other.getAttribute('aria-controls')).hidden = !selected;
    }
    if (moveFocus) {
      tab.focus();
    }
    history.replaceState(null, '', '#' + tab.id.replace(/^tab-/, ''));
    if (tab.id === 'tab-rounds' || tab.id === 'tab-scores') {
      refreshExperiment();
    }
    if (tab.id === 'tab-competitions' && state.competitionKey !== null) {
      refreshCompetitions();
    }
  }

  function onTabKey(event) {
    const list = tabs();
    const index = list.indexOf(event.currentTarget);
    const targets = {
      ArrowRight: list[(index + 1) % list.length],
      ArrowLeft: list[(index - 1 + list.length) % list.length],
      Home: list[0],
      End: list[list.length - 1],
    };
    const target = targets[event.key];
    if (target) {
      event.preventDefault();
      selectTab(target, true);
    }
  }

  function initTabs() {
    for (const tab of tabs()) {
      tab.addEventListener('click', () => selectTab(tab, false));
      tab.addEventListener('keydown', onTabKey);
    }
    const fromHash = document.getElementById('tab-' + location.hash.replace(/^#/, ''));
    if (fromHash && fromHash.getAttribute('role') === 'tab') {
      selectTab(fromHash, false);
    }
  }

  function initExperimentSelect() {
    document.getElementById('experiment-select').addEventListener('change', (event) => {
      state.experiment = event.target.value;
      refreshExperiment();
    });
  }

  function start() {
    initTabs();
    initExperimentSelect();
    ns.model.init();
    refreshStatus();
    refreshModel();
    refreshEvents();
    connectStream();
  }

  ns.app = { start, state };

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})(window.LArCo);
