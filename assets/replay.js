// `hashshiftReplay(context, ops, text)` plays a chart's drawing, recorded by the chart recorder
// (src/charts/recorder.rs), on a 2-D context: one call from wasm per painting instead of one per
// canvas call, and one string for all its text. `ops` holds operations, each an opcode and its
// operands (the `Op` codes of recorder.rs); text operands are a start and a length, in UTF-16
// units, into `text`. Trunk inlines this script into the page (index.html), so that it is
// defined before the wasm starts; the Monte Carlo worker never draws.

globalThis.hashshiftReplay = (() => {
  const ALIGN = ['start', 'center', 'end'];
  const BASELINE = ['top', 'middle', 'bottom'];

  const rgba = (o, i) => `rgba(${o[i]},${o[i + 1]},${o[i + 2]},${o[i + 3]})`;

  return function replay(c, o, text) {
    for (let i = 0; i < o.length; ) {
      switch (o[i]) {
        case 0: // fill colour: r g b a
          c.fillStyle = rgba(o, i + 1);
          i += 5;
          break;
        case 1: // a new path of lines: r g b a width
          c.strokeStyle = rgba(o, i + 1);
          c.lineWidth = o[i + 5];
          c.beginPath();
          i += 6;
          break;
        case 2: // move to: x y
          c.moveTo(o[i + 1], o[i + 2]);
          i += 3;
          break;
        case 3: // line to: x y
          c.lineTo(o[i + 1], o[i + 2]);
          i += 3;
          break;
        case 4: // rectangle in the path: x y w h
          c.rect(o[i + 1], o[i + 2], o[i + 3], o[i + 4]);
          i += 5;
          break;
        case 5: // filled rectangle: x y w h
          c.fillRect(o[i + 1], o[i + 2], o[i + 3], o[i + 4]);
          i += 5;
          break;
        case 6: // stroke the path
          c.stroke();
          i += 1;
          break;
        case 7: // circle in the path: x y r
          c.arc(o[i + 1], o[i + 2], o[i + 3], 0, 2 * Math.PI);
          i += 4;
          break;
        case 8: // a new path to fill
          c.beginPath();
          i += 1;
          break;
        case 9: // fill the path
          c.fill();
          i += 1;
          break;
        case 10: // close and fill the path
          c.closePath();
          c.fill();
          i += 1;
          break;
        case 11: // font: start length
          c.font = text.slice(o[i + 1], o[i + 1] + o[i + 2]);
          i += 3;
          break;
        case 12: // text alignment and baseline: ALIGN and BASELINE indices
          c.textAlign = ALIGN[o[i + 1]];
          c.textBaseline = BASELINE[o[i + 2]];
          i += 3;
          break;
        case 13: // text: x y degrees start length
          if (o[i + 3] === 0) {
            c.fillText(text.slice(o[i + 4], o[i + 4] + o[i + 5]), o[i + 1], o[i + 2]);
          } else {
            c.save();
            c.translate(o[i + 1], o[i + 2]);
            c.rotate((o[i + 3] * Math.PI) / 180);
            c.fillText(text.slice(o[i + 4], o[i + 4] + o[i + 5]), 0, 0);
            c.restore();
          }
          i += 6;
          break;
        case 14: { // stamp the canvas: drawings so far
          const at = String(performance.now());
          c.canvas.setAttribute('data-draws', o[i + 1]);
          if (o[i + 1] === 1) c.canvas.setAttribute('data-first-drawn-at', at);
          c.canvas.setAttribute('data-drawn-at', at);
          i += 2;
          break;
        }
        default:
          throw new Error(`HashShift: unknown drawing operation ${o[i]}`);
      }
    }
  };
})();
