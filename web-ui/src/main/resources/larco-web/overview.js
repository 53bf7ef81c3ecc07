// Overview tab: members, validators and experiments from GET /api/status.
window.LArCo = window.LArCo || {};

(function (ns) {
  'use strict';

  const { el, table, hex } = ns.dom;

  function memberState(member) {
    return member.active
      ? el('span', { class: 'badge badge-active', text: 'active' })
      : el('span', { class: 'badge badge-inactive', text: 'inactive' });
  }

  // Block heights start at 1, so the ledger's 0 means no transaction from this member yet.
  function lastSeen(member) {
    return member.lastSeenHeight ? String(member.lastSeenHeight) : 'never';
  }

  /** Builds the members table; names and endpoints are shown as text whatever they contain. */
  function renderMembers(members) {
    const sorted = (members || []).slice().sort((a, b) => (a.index || 0) - (b.index || 0));
    return table('Members in join order', [
      { label: '#', numeric: true, cell: (m) => String(m.index) },
      { label: 'Name', cell: (m) => el('span', { class: 'member-name', text: m.name }) },
      { label: 'State', cell: memberState },
      { label: 'Endpoint', cell: (m) => el('span', { class: 'endpoint', text: m.endpoint || '' }) },
      { label: 'Last seen at height', numeric: true, cell: lastSeen },
      { label: 'Missed duties', numeric: true, cell: (m) => String(m.missedDuties) },
      { label: 'Public key', cell: (m) => hex(m.pubKey) },
    ], sorted, { className: 'members', empty: 'No members.' });
  }

  function renderValidators(validators) {
    return table('Validators of the chain', [
      { label: 'Address', cell: (v) => hex(v.address) },
      { label: 'Voting power', numeric: true, cell: (v) => String(v.power) },
    ], validators || [], { empty: 'No validators reported.' });
  }

  function experimentKind(experiment) {
    return experiment.competition ? 'competition entry (task ' + (experiment.task || 'unnamed') + ')' : 'shared model';
  }

  function experimentState(experiment) {
    return experiment.finished
      ? el('span', { class: 'badge badge-neutral', text: 'finished' })
      : el('span', { class: 'badge badge-active', text: 'running' });
  }

  function renderExperiments(experiments) {
    return table('Experiments on the chain', [
      { label: 'Id', numeric: true, cell: (e) => String(e.id) },
      { label: 'Name', cell: (e) => e.name },
      { label: 'Kind', cell: experimentKind },
      { label: 'State', cell: experimentState },
      { label: 'Current round', numeric: true, cell: (e) => e.currentRound + ' of ' + e.maxRounds },
      { label: 'Accepted rounds', numeric: true, cell: (e) => String(e.acceptedRounds) },
      { label: 'Vote threshold', numeric: true, cell: (e) => e.thresholdNum + '/' + e.thresholdDen },
      { label: 'Head weights', cell: (e) => hex(e.head) },
    ], experiments || [], { empty: 'No experiments.' });
  }

  /** Fills the header summary and the overview tab from a /api/status response. */
  function render(status) {
    const node = status.node || {};
    document.getElementById('node-name').textContent = node.name || '';
    document.getElementById('chain-id').textContent = status.chainId || '-';
    document.getElementById('chain-mode').textContent = status.mode || '-';
    document.getElementById('app-hash').replaceChildren(hex(status.appHash));
    document.getElementById('node-key').replaceChildren(hex(node.pubKey));
    ns.overview.showHeight(status.height);

    ns.dom.replace('members', renderMembers(status.members));
    ns.dom.replace('validators', renderValidators(status.validators));
    ns.dom.replace('experiments', renderExperiments(status.experiments));
  }

  /** Shows a chain height unless a higher one is already shown (stream and fetch may race). */
  function showHeight(height) {
    const target = document.getElementById('chain-height');
    const shown = Number(target.dataset.height || -1);
    if (typeof height !== 'number' || height < shown) {
      return;
    }
    target.dataset.height = String(height);
    target.textContent = String(height);
  }

  ns.overview = { render, renderMembers, renderValidators, renderExperiments, showHeight };
})(window.LArCo);
