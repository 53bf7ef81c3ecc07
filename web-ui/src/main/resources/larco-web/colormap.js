// Colour maps for the event displays and the confusion matrix.
window.LArCo = window.LArCo || {};

(function (ns) {
  'use strict';

  // Anchor colours sampled at equal steps along the viridis map (matplotlib, public domain).
  const VIRIDIS = [
    [68, 1, 84], [72, 40, 120], [62, 74, 137], [49, 104, 142], [38, 130, 142],
    [31, 158, 137], [53, 183, 121], [109, 205, 89], [180, 222, 44], [253, 231, 37],
  ];

  // Diverging blue-white-red anchors (ColorBrewer RdBu, reversed so negative is blue).
  const BLUE_WHITE_RED = [
    [5, 48, 97], [33, 102, 172], [67, 147, 195], [146, 197, 222], [209, 229, 240],
    [247, 247, 247],
    [253, 219, 199], [244, 165, 130], [214, 96, 77], [178, 24, 43], [103, 0, 31],
  ];

  function interpolate(anchors, t) {
    const clamped = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
    const position = clamped * (anchors.length - 1);
    const lower = Math.floor(position);
    const upper = Math.min(anchors.length - 1, lower + 1);
    const fraction = position - lower;
    return anchors[lower].map((channel, i) => Math.round(channel + (anchors[upper][i] - channel) * fraction));
  }

  /** Maps t in [0, 1] to an [r, g, b] colour of the sequential viridis map. */
  function sequential(t) {
    return interpolate(VIRIDIS, t);
  }

  /** Maps t in [-1, 1] to an [r, g, b] colour of the diverging map, white at zero. */
  function diverging(t) {
    return interpolate(BLUE_WHITE_RED, (t + 1) / 2);
  }

  /** Relative luminance of an sRGB colour, as defined by WCAG 2. */
  function luminance(rgb) {
    const linear = rgb.map((channel) => {
      const c = channel / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
  }

  /** Returns black or white, whichever has the higher contrast on the background `rgb`. */
  function textColourOn(rgb) {
    const l = luminance(rgb);
    const onBlack = (l + 0.05) / 0.05;
    const onWhite = 1.05 / (l + 0.05);
    return onBlack >= onWhite ? '#000000' : '#ffffff';
  }

  function css(rgb) {
    return 'rgb(' + rgb[0] + ', ' + rgb[1] + ', ' + rgb[2] + ')';
  }

  ns.colormap = { sequential, diverging, luminance, textColourOn, css };
})(window.LArCo);
