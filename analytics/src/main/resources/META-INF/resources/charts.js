// Small inline-SVG charts (as the replay's report.html draws them): a time axis in UTC, a value axis
// with its unit, and withheld buckets drawn as grey bands, never as zero.
const NS = 'http://www.w3.org/2000/svg';
const W = 640;
const H = 240;
const PAD = { left: 72, right: 12, top: 12, bottom: 32 };

function s(tag, attrs = {}, text = null) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== null) el.textContent = text;
  return el;
}

/** Nice round ticks covering [min, max]. */
function ticks(min, max, n = 4) {
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const raw = (max - min) / n;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((m) => m >= raw);
  const out = [];
  for (let v = Math.floor(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Number(v.toFixed(10)));
  if (out[out.length - 1] < max) out.push(out[out.length - 1] + step);
  return out;
}

const hhmm = (d) => d.toISOString().slice(11, 16);
const dayLabel = (d) => d.toISOString().slice(5, 10);

function frame(el, points, opts) {
  el.replaceChildren();
  const known = points.filter((p) => p.y !== null && Number.isFinite(p.y));
  if (!points.length) {
    const p = document.createElement('p');
    p.className = 'empty';
    p.textContent = 'No trades yet.';
    el.append(p);
    return null;
  }
  const ys = known.map((p) => p.y);
  let lo = opts.yMin ?? Math.min(0, ...ys);
  let hi = opts.yMax ?? Math.max(0, ...ys);
  const yt = ticks(lo, hi);
  lo = Math.min(lo, yt[0]);
  hi = Math.max(hi, yt[yt.length - 1]);
  const n = points.length;
  const slot = (W - PAD.left - PAD.right) / n;
  const x = (i) => PAD.left + slot * (i + 0.5);
  const y = (v) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - (v - lo) / (hi - lo || 1));
  const last = known.length ? known[known.length - 1] : null;
  const summary = `${opts.label}: ${n} buckets from ${points[0].x.toISOString()} to ${points[n - 1].x.toISOString()}` + (last ? `, latest ${opts.yFormat(last.y)}` : '') + (known.length < n ? `, ${n - known.length} ${opts.withheld || 'withheld'}` : '');
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': summary });
  svg.append(s('title', {}, summary));
  for (const v of yt) {
    svg.append(s('line', { class: 'grid', x1: PAD.left, x2: W - PAD.right, y1: y(v), y2: y(v) }));
    svg.append(s('text', { x: PAD.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, (opts.axisFormat || opts.yFormat)(v)));
  }
  const spansDays = points[n - 1].x - points[0].x > 36 * 3600 * 1000;
  const every = Math.max(1, Math.ceil(n / 8));
  points.forEach((p, i) => {
    if (i % every === 0) svg.append(s('text', { x: x(i), y: H - PAD.bottom + 16, 'text-anchor': 'middle' }, spansDays ? dayLabel(p.x) : hhmm(p.x)));
    if (p.y === null) svg.append(s('rect', { class: 'gap', x: x(i) - slot / 2, y: PAD.top, width: slot, height: H - PAD.top - PAD.bottom }, null));
  });
  svg.append(s('text', { x: W - PAD.right, y: H - 2, 'text-anchor': 'end' }, 'UTC'));
  svg.append(s('line', { class: 'axis', x1: PAD.left, x2: W - PAD.right, y1: y(Math.max(lo, Math.min(hi, 0))), y2: y(Math.max(lo, Math.min(hi, 0))) }));
  el.append(svg);
  return { svg, x, y, slot, zero: y(Math.max(lo, Math.min(hi, 0))) };
}

export function barChart(el, points, opts) {
  const f = frame(el, points, opts);
  if (!f) return;
  points.forEach((p, i) => {
    if (p.y === null) return;
    const top = Math.min(f.y(p.y), f.zero);
    const height = Math.max(1, Math.abs(f.y(p.y) - f.zero));
    const bar = s('rect', { x: f.x(i) - f.slot * 0.35, y: top, width: f.slot * 0.7, height, fill: p.y >= 0 ? '#1d6b32' : '#a4161a' });
    bar.append(s('title', {}, `${p.x.toISOString()}: ${opts.yFormat(p.y)}`));
    f.svg.append(bar);
  });
}

export function lineChart(el, points, opts) {
  const f = frame(el, points, opts);
  if (!f) return;
  let path = '';
  points.forEach((p, i) => {
    if (p.y === null) {
      path += ' '; // a withheld bucket breaks the line
      return;
    }
    path += `${path === '' || path.endsWith(' ') ? 'M' : 'L'}${f.x(i).toFixed(1)},${f.y(p.y).toFixed(1)}`;
    const dot = s('circle', { class: 'dot', cx: f.x(i), cy: f.y(p.y), r: 3 });
    dot.append(s('title', {}, `${p.x.toISOString()}: ${opts.yFormat(p.y)}`));
    f.svg.append(dot);
  });
  f.svg.insertBefore(s('path', { class: 'line', d: path.trim() }), f.svg.querySelector('circle'));
}
