// Rounds tab: the round table and the learner x round vote grid from GET /api/rounds.
window.LArCo = window.LArCo || {};

(function (ns) {
  'use strict';

  const { el, srOnly, table, hex, decimal } = ns.dom;

  const CLOSED = new Set(['ACCEPTED', 'REJECTED', 'MISSED']);

  const STATUS_TEXT = {
    AWAITING_PROPOSAL: 'awaiting proposal',
    VOTING: 'voting',
    ACCEPTED: 'accepted',
    REJECTED: 'rejected',
    MISSED: 'missed (no proposal)',
  };

  function statusBadge(status) {
    const text = STATUS_TEXT[status] || String(status).toLowerCase();
    return el('span', { class: 'status status-' + String(status).toLowerCase(), text: text });
  }

  function height(value) {
    return value === null || value === undefined || value === 0 ? '-' : String(value);
  }

  function renderRoundTable(rounds) {
    return table('Rounds, newest first', [
      { label: 'Round', numeric: true, cell: (r) => String(r.round) },
      { label: 'Proposer', cell: (r) => r.proposer },
      { label: 'Status', cell: (r) => statusBadge(r.status) },
      { label: 'Approvals', numeric: true, cell: (r) => r.approvals + ' of ' + r.eligible },
      { label: 'Proposal', cell: (r) => hex(r.proposal) },
      { label: 'Opened at', numeric: true, cell: (r) => height(r.openedHeight) },
      { label: 'Proposed at', numeric: true, cell: (r) => height(r.proposedHeight) },
      { label: 'Closed at', numeric: true, cell: (r) => height(r.closedHeight) },
    ], rounds.slice().sort((a, b) => b.round - a.round), { empty: 'No rounds yet.' });
  }

  /** Returns {kind, symbol, text, title} for one learner in one round. */
  function voteCell(round, learner) {
    if (round.proposer === learner) {
      return { kind: 'proposer', symbol: '\u2605', text: 'proposer' };
    }
    const vote = (round.votes || []).find((v) => v.voter === learner);
    if (vote) {
      const title = 'vote score ' + decimal(vote.voteScore) + (vote.reason ? '; ' + vote.reason : '') +
        '; height ' + vote.height;
      return vote.approve
        ? { kind: 'approve', symbol: '\u2713', text: 'approve', title: title }
        : { kind: 'reject', symbol: '\u2717', text: 'reject', title: title };
    }
    if (round.status === 'MISSED') {
      return { kind: 'none', symbol: '\u25cb', text: 'no proposal' };
    }
    if (CLOSED.has(round.status)) {
      return { kind: 'absent', symbol: '\u2013', text: 'absent' };
    }
    return { kind: 'pending', symbol: '\u2026', text: 'pending' };
  }

  function learnersOf(data) {
    const learners = (data.learners || []).slice();
    for (const round of data.rounds || []) {
      for (const name of [round.proposer].concat((round.votes || []).map((v) => v.voter))) {
        if (name && !learners.includes(name)) {
          learners.push(name);
        }
      }
    }
    return learners;
  }

  /** Builds the learner x round grid; each cell carries a symbol and its meaning as text. */
  function renderVoteGrid(data) {
    const rounds = (data.rounds || []).slice().sort((a, b) => a.round - b.round);
    const learners = learnersOf(data);
    const headRow = el('tr', {}, [el('th', { scope: 'col', text: 'Learner' })].concat(rounds.map((r) =>
      el('th', { scope: 'col', class: 'num' }, ['Round ' + r.round, el('br'), statusBadge(r.status)]))));
    const body = el('tbody');
    for (const learner of learners) {
      const cells = [el('th', { scope: 'row', class: 'learner', text: learner })];
      for (const round of rounds) {
        const vote = voteCell(round, learner);
        cells.push(el('td', { class: 'vote-cell vote-' + vote.kind, title: vote.title || vote.text, 'data-kind': vote.kind }, [
          el('span', { 'aria-hidden': 'true', class: 'vote vote-' + vote.kind, text: vote.symbol }),
          srOnly(vote.text),
        ]));
      }
      body.append(el('tr', {}, cells));
    }
    const caption = el('caption', { text: 'Votes: rows are learners, columns are rounds' });
    if (rounds.length === 0 || learners.length === 0) {
      return el('p', { class: 'muted', text: 'No rounds yet.' });
    }
    return el('table', { class: 'vote-grid' }, [caption, el('thead', {}, headRow), body]);
  }

  function render(data) {
    ns.dom.replace('vote-grid', renderVoteGrid(data));
    ns.dom.replace('rounds-table', renderRoundTable(data.rounds || []));
  }

  ns.rounds = { render, renderVoteGrid, renderRoundTable, voteCell };
})(window.LArCo);
