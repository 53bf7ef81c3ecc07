// DOM helpers for the status page. Data from the node (and so from other parties) only ever
// reaches the page as text nodes or attribute values, never as HTML.
window.LArCo = window.LArCo || {};

(function (ns) {
  'use strict';

  /**
   * Creates an element. `attrs` keys: `class`, `text` (textContent), `hidden` (boolean), and any
   * other attribute set with setAttribute. `children` are nodes or strings (added as text).
   */
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) {
        continue;
      }
      if (key === 'class') {
        node.className = value;
      } else if (key === 'text') {
        node.textContent = String(value);
      } else if (key === 'hidden') {
        node.hidden = true;
      } else {
        node.setAttribute(key, String(value));
      }
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    if (children === undefined || children === null) {
      return;
    }
    const list = Array.isArray(children) ? children : [children];
    for (const child of list) {
      if (child === undefined || child === null) {
        continue;
      }
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }

  /** Text shown to screen readers only, beside a symbol that is hidden from them. */
  function srOnly(text) {
    return el('span', { class: 'sr-only', text: text });
  }

  /**
   * Builds a table. `columns` are {label, cell(row) -> Node|string, numeric?}; the first column is
   * a row header when `rowHeader` is true.
   */
  function table(caption, columns, rows, options) {
    const opts = options || {};
    const head = el('thead', {}, el('tr', {}, columns.map((column) =>
      el('th', { scope: 'col', class: column.numeric ? 'num' : null, text: column.label }))));
    const body = el('tbody');
    for (const row of rows) {
      const cells = columns.map((column, index) => {
        const isHeader = opts.rowHeader && index === 0;
        const cell = el(isHeader ? 'th' : 'td', {
          scope: isHeader ? 'row' : null,
          class: column.numeric ? 'num' : null,
        });
        append(cell, column.cell(row));
        return cell;
      });
      body.append(el('tr', {}, cells));
    }
    if (rows.length === 0) {
      body.append(el('tr', {}, el('td', { colspan: columns.length, class: 'empty', text: opts.empty || 'None yet.' })));
    }
    return el('table', { class: opts.className || null }, [el('caption', { text: caption }), head, body]);
  }

  /** Shows a hex string shortened to its first 12 characters, with the full value as a tooltip. */
  function hex(value) {
    if (!value) {
      return el('span', { class: 'muted', text: 'none' });
    }
    const text = String(value);
    const shown = text.length > 12 ? text.slice(0, 12) + '\u2026' : text;
    return el('code', { class: 'hex', title: text, text: shown });
  }

  /** Formats a score or fraction with three decimals; null and undefined become "n/a". */
  function decimal(value, digits) {
    if (value === null || value === undefined || Number.isNaN(Number(value))) {
      return 'n/a';
    }
    return Number(value).toFixed(digits === undefined ? 3 : digits);
  }

  function replace(containerId, node) {
    const container = document.getElementById(containerId);
    container.replaceChildren(node);
  }

  ns.dom = { el, append, srOnly, table, hex, decimal, replace };
})(window.LArCo);
