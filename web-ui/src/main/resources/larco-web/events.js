// Events tab: event displays (three wire planes) of a few of this node's own test events, from
// GET /api/events. Each plane is drawn with wire number on x and time tick on y, origin lower left.
window.LArCo = window.LArCo || {};

(function (ns) {
  'use strict';

  const { el, decimal } = ns.dom;

  const PLANE_NAMES = ['U induction plane', 'V induction plane', 'Collection plane'];
  const SCALE_PX = 3;
  const MARGIN = { left: 44, right: 64, top: 10, bottom: 36 };
  const COLOUR_BAR_PX = 12;
  const AXIS_COLOUR = '#1b1f24';

  function isInduction(plane, planeCount) {
    return plane < planeCount - 1;
  }

  /** Returns [min, max] of a plane's values, symmetric around zero for induction planes. */
  function valueRange(values, induction) {
    let min = 0;
    let max = 0;
    for (const v of values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    if (induction) {
      const bound = Math.max(Math.abs(min), Math.abs(max)) || 1;
      return [-bound, bound];
    }
    return [0, max > 0 ? max : 1];
  }

  function colourOf(value, range, induction) {
    return induction
      ? ns.colormap.diverging(value / range[1])
      : ns.colormap.sequential(value / range[1]);
  }

  /** Paints the plane at one pixel per (wire, tick) with time tick 0 on the bottom row. */
  function planeImage(values, wires, ticks, range, induction) {
    const image = document.createElement('canvas');
    image.width = wires;
    image.height = ticks;
    const context = image.getContext('2d');
    const data = context.createImageData(wires, ticks);
    for (let wire = 0; wire < wires; wire++) {
      for (let tick = 0; tick < ticks; tick++) {
        const rgb = colourOf(values[wire * ticks + tick] || 0, range, induction);
        const offset = ((ticks - 1 - tick) * wires + wire) * 4;
        data.data[offset] = rgb[0];
        data.data[offset + 1] = rgb[1];
        data.data[offset + 2] = rgb[2];
        data.data[offset + 3] = 255;
      }
    }
    context.putImageData(data, 0, 0);
    return image;
  }

  function axisTicks(count) {
    const step = count > 32 ? 16 : 8;
    const ticks = [];
    for (let i = 0; i < count; i += step) {
      ticks.push(i);
    }
    return ticks;
  }

  function drawAxes(context, wires, ticks) {
    const plotWidth = wires * SCALE_PX;
    const plotHeight = ticks * SCALE_PX;
    const bottom = MARGIN.top + plotHeight;
    context.strokeStyle = AXIS_COLOUR;
    context.fillStyle = AXIS_COLOUR;
    context.font = '11px sans-serif';
    context.strokeRect(MARGIN.left - 0.5, MARGIN.top - 0.5, plotWidth + 1, plotHeight + 1);

    context.textAlign = 'center';
    context.textBaseline = 'top';
    for (const wire of axisTicks(wires)) {
      const x = MARGIN.left + (wire + 0.5) * SCALE_PX;
      context.fillRect(x, bottom, 1, 4);
      context.fillText(String(wire), x, bottom + 5);
    }
    context.fillText('wire pixel', MARGIN.left + plotWidth / 2, bottom + 20);

    context.textAlign = 'right';
    context.textBaseline = 'middle';
    for (const tick of axisTicks(ticks)) {
      const y = bottom - (tick + 0.5) * SCALE_PX;
      context.fillRect(MARGIN.left - 4, y, 4, 1);
      context.fillText(String(tick), MARGIN.left - 6, y);
    }
    context.save();
    context.translate(12, MARGIN.top + plotHeight / 2);
    context.rotate(-Math.PI / 2);
    context.textAlign = 'center';
    context.fillText('time tick', 0, 0);
    context.restore();
  }

  function drawColourBar(context, left, plotHeight, range, induction) {
    for (let row = 0; row < plotHeight; row++) {
      const fraction = 1 - row / (plotHeight - 1);
      const value = range[0] + fraction * (range[1] - range[0]);
      context.fillStyle = ns.colormap.css(colourOf(value, range, induction));
      context.fillRect(left, MARGIN.top + row, COLOUR_BAR_PX, 1);
    }
    context.strokeStyle = AXIS_COLOUR;
    context.strokeRect(left - 0.5, MARGIN.top - 0.5, COLOUR_BAR_PX + 1, plotHeight + 1);
    context.fillStyle = AXIS_COLOUR;
    context.textAlign = 'left';
    context.textBaseline = 'middle';
    const labelX = left + COLOUR_BAR_PX + 4;
    context.fillText(range[1].toPrecision(3), labelX, MARGIN.top + 4);
    if (induction) {
      context.fillText('0', labelX, MARGIN.top + plotHeight / 2);
    }
    context.fillText(range[0].toPrecision(3), labelX, MARGIN.top + plotHeight - 4);
  }

  function renderPlane(event, plane) {
    const wires = event.height;
    const ticks = event.width;
    const values = event.pixels[plane] || [];
    const planeCount = event.planes || event.pixels.length;
    const induction = isInduction(plane, planeCount);
    const range = valueRange(values, induction);
    const name = planeCount === 3 ? PLANE_NAMES[plane] : 'Plane ' + plane;

    const canvas = el('canvas', {
      width: MARGIN.left + wires * SCALE_PX + MARGIN.right,
      height: MARGIN.top + ticks * SCALE_PX + MARGIN.bottom,
      role: 'img',
      'aria-label': name + ' of event ' + event.index + ': ' + wires + ' wires by ' + ticks +
        ' time ticks, charge from ' + range[0].toPrecision(3) + ' to ' + range[1].toPrecision(3) +
        (induction ? ' on a diverging scale centred at zero' : ' on a sequential scale'),
    });
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.imageSmoothingEnabled = false;
    context.drawImage(planeImage(values, wires, ticks, range, induction), MARGIN.left, MARGIN.top, wires * SCALE_PX, ticks * SCALE_PX);
    drawAxes(context, wires, ticks);
    drawColourBar(context, MARGIN.left + wires * SCALE_PX + 10, ticks * SCALE_PX, range, induction);

    return el('figure', { class: 'plane' }, [el('figcaption', { text: name }), canvas]);
  }

  function probabilityList(event, classes) {
    const probabilities = event.probabilities || [];
    return el('ul', { class: 'probabilities', 'aria-label': 'Predicted class probabilities' }, classes.map((name, i) =>
      el('li', { text: name + ': ' + decimal(probabilities[i]) })));
  }

  function renderEvent(event, classes) {
    const correct = event.trueClass === event.predictedClass;
    const facts = el('dl', { class: 'event-facts' }, [
      el('div', {}, [el('dt', { text: 'True class' }), el('dd', { class: 'true-class', text: event.trueClass })]),
      el('div', {}, [el('dt', { text: 'Predicted class' }), el('dd', { class: 'predicted-class', text: event.predictedClass })]),
      el('div', {}, [el('dt', { text: 'Result' }), el('dd', { class: correct ? 'correct' : 'wrong', text: correct ? 'correct' : 'misidentified' })]),
      el('div', {}, [el('dt', { text: 'Energy' }), el('dd', { text: decimal(event.energyMev, 0) + ' MeV' })]),
    ]);
    const planes = el('div', { class: 'planes' });
    for (let plane = 0; plane < (event.pixels || []).length; plane++) {
      planes.append(renderPlane(event, plane));
    }
    return el('article', { class: 'event', 'aria-labelledby': 'event-' + event.index }, [
      el('h3', { id: 'event-' + event.index, text: 'Event ' + event.index }),
      facts,
      probabilityList(event, classes),
      planes,
    ]);
  }

  function render(data) {
    const events = data.events || [];
    const container = document.getElementById('events');
    if (events.length === 0) {
      container.replaceChildren(el('p', { class: 'muted', text: 'No events on this node.' }));
      return;
    }
    container.replaceChildren(...events.map((event) => renderEvent(event, data.classes || [])));
  }

  ns.events = { render, valueRange };
})(window.LArCo);
