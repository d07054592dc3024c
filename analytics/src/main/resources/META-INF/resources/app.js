// The hivemind dashboard: one page, no build step. The API key lives in this tab's sessionStorage
// and travels only in the Authorization header (EventSource cannot send one, so the live stream is
// read with fetch). Every figure is rendered with textContent: nothing from the wire becomes markup.
import { barChart, lineChart } from './charts.js';

const KEY_STORE = 'hivemind.api-key';
const STREAM_BACKOFF_MAX_MS = 30_000;
const OPERATOR_STATE_EVERY_MS = 1_000;
const OPERATOR_DETAIL_EVERY_MS = 5_000;

const state = {
  key: null,
  me: null, // {user_id, role}
  endpoints: null, // {gateway, query, learner}
  stream: null, // AbortController of the live stream
  timers: [],
  fleet: null,
  performance: null,
  replayPoll: null,
};

const $ = (id) => document.getElementById(id);

/** h('td', {class: 'num'}, 'text', child…): an element built from data, never from markup. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined && value !== false) el.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

// ------------------------------------------------------------------ formatting

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const count = new Intl.NumberFormat('en-US');
const usdAxis = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact' });
const fmtPnl = (v) => (typeof v === 'number' ? usd.format(v) : '—');
const fmtCount = (v) => (typeof v === 'number' ? count.format(v) : '—');
const fmtRate = (v) => (typeof v === 'number' ? `${(v * 100).toFixed(1)} %` : '—');
const withheldText = (k) => `withheld (fewer than ${k ?? 'k'} users)`;
const fmtTime = (iso) => {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
};
const ago = (iso) => {
  const s = Math.round((Date.now() - new Date(iso).getTime()) / 1000);
  if (!Number.isFinite(s)) return '';
  if (s < 90) return `${s} s ago`;
  if (s < 5400) return `${Math.round(s / 60)} min ago`;
  return `${Math.round(s / 3600)} h ago`;
};

function setFigure(id, text, { withheld = false, cls = null } = {}) {
  const el = $(id);
  el.textContent = text;
  el.className = ['value', withheld ? 'withheld' : null, cls].filter(Boolean).join(' ');
}

function toast(text) {
  const el = $('toast');
  el.textContent = text;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => (el.textContent = ''), 6000);
}

// ------------------------------------------------------------------ calling the services

class Refused extends Error {}

/** A call with the key in the Authorization header; the answer's status and JSON (or text). */
async function call(base, path, { method = 'GET', body = null, accept = 'application/json' } = {}) {
  const headers = { Authorization: `Bearer ${state.key}`, Accept: accept };
  if (body !== null) headers['Content-Type'] = 'application/json';
  const res = await fetch(base + path, {
    method,
    headers,
    body: body === null ? null : JSON.stringify(body),
    cache: 'no-store',
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
  });
  const type = res.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await res.json().catch(() => null) : await res.text();
  if (res.status === 401) throw new Refused('the key was refused (401)');
  return { status: res.status, ok: res.ok, data, headers: res.headers };
}

const analytics = (path, opts) => call('', path, opts);
const gateway = (path, opts) => call(state.endpoints.gateway, path, opts);
const query = (path, opts) => call(state.endpoints.query, path, opts);
const learner = (path, opts) => call(state.endpoints.learner, path, opts);

/** What a failed answer says, for a person: a problem's detail or title, else the status. */
function problem(answer) {
  const d = answer.data;
  if (d && typeof d === 'object') {
    const violations = (d.violations || []).map((v) => `${v.field}: ${v.message}`).join('; ');
    return [d.title || d.detail, violations].filter(Boolean).join(': ') || `HTTP ${answer.status}`;
  }
  return `HTTP ${answer.status}`;
}

/** The other services' addresses, as the analytics service is configured to give them. */
async function discoverEndpoints() {
  const answer = await analytics('/api/analytics/endpoints');
  if (answer.ok && answer.data && answer.data.gateway) return answer.data;
  throw new Error(`the analytics service did not say where the other services are: ${problem(answer)}`);
}

// ------------------------------------------------------------------ signing in and out

const isAdmin = () => state.me && String(state.me.role).toLowerCase() === 'admin';
const isAnalyst = () => isAdmin() || (state.me && String(state.me.role).toLowerCase() === 'analyst');

async function signIn(key) {
  state.key = key;
  const answer = await analytics('/api/analytics/me');
  if (!answer.ok) throw new Error(`the analytics service answered ${problem(answer)}`);
  state.me = answer.data;
  state.endpoints = await discoverEndpoints();
  sessionStorage.setItem(KEY_STORE, key);
  $('who').textContent = `${state.me.user_id} (${String(state.me.role).toLowerCase()})`;
  for (const link of document.querySelectorAll('#nav a[data-role]')) {
    const allowed = link.dataset.role === 'admin' ? isAdmin() : isAnalyst();
    link.parentElement.hidden = !allowed;
  }
  $('nav').hidden = false;
  $('session').hidden = false;
  openStream();
  loadFleet();
  loadMe();
  route();
}

function signOut(message = '') {
  sessionStorage.removeItem(KEY_STORE);
  state.key = null;
  state.me = null;
  if (state.stream) state.stream.abort();
  state.stream = null;
  stopTimers();
  $('nav').hidden = true;
  $('session').hidden = true;
  $('api-key').value = '';
  $('sign-in-error').textContent = message;
  if (location.hash) history.replaceState(null, '', location.pathname);
  show('sign-in');
}

/** Any call that meets a 401 ends the session: the key was revoked or mistyped. */
function guard(promise) {
  return promise.catch((e) => {
    if (e instanceof Refused) signOut('The key was refused: sign in again.');
    else console.warn('dashboard:', e.message); // never the key: it is in no message
  });
}

// ------------------------------------------------------------------ views and routing

const VIEWS = ['sign-in', 'fleet', 'me', 'operator', 'replays'];

function show(view) {
  for (const v of VIEWS) $(`view-${v}`).hidden = v !== view;
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.dataset.view === view) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const heading = $(`view-${view}`).querySelector('h2');
  document.title = `${heading.textContent} · hivemind`;
  heading.focus({ preventScroll: true });
}

function route() {
  if (!state.key) return show('sign-in');
  let view = (location.hash || '#fleet').slice(1);
  if (!VIEWS.includes(view) || view === 'sign-in') view = 'fleet';
  if (view === 'operator' && !isAdmin()) view = 'fleet';
  if (view === 'replays' && !isAnalyst()) view = 'fleet';
  stopTimers();
  show(view);
  if (view === 'operator') startOperator();
  if (view === 'replays') guard(loadReplays());
  if (view === 'me') loadMe();
}

function every(ms, task) {
  const run = () => guard(task());
  run();
  state.timers.push(setInterval(run, ms));
}

function stopTimers() {
  state.timers.forEach(clearInterval);
  state.timers = [];
}

// ------------------------------------------------------------------ the live stream

function setLive(mode, text) {
  const el = $('live');
  el.textContent = text;
  el.className = `live ${mode}`;
}

/** GET /api/analytics/stream read with fetch (the key in a header), reconnecting with backoff. */
function openStream() {
  if (state.stream) state.stream.abort();
  const control = new AbortController();
  state.stream = control;
  (async () => {
    let backoff = 1000;
    while (!control.signal.aborted) {
      try {
        const res = await fetch('/api/analytics/stream', {
          headers: { Authorization: `Bearer ${state.key}`, Accept: 'text/event-stream' },
          cache: 'no-store',
          signal: control.signal,
        });
        if (res.status === 401) return signOut('The key was refused: sign in again.');
        if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}`);
        setLive('on', 'live');
        backoff = 1000;
        await readEvents(res.body, dispatch);
      } catch (e) {
        if (control.signal.aborted) return;
      }
      const wait = backoff + Math.random() * 250;
      setLive('off', `reconnecting in ${Math.ceil(wait / 1000)} s`);
      await new Promise((resolve) => setTimeout(resolve, wait));
      backoff = Math.min(backoff * 2, STREAM_BACKOFF_MAX_MS);
      if (!control.signal.aborted) {
        loadFleet(); // what the stream missed while it was down
        loadMe();
      }
    }
  })();
}

/** Server-sent events from a byte stream: calls onEvent(name, data) per event. */
async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let name = 'message';
  let data = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + (buffer.startsWith('\r\n', end) ? 2 : 1));
      if (line === '') {
        if (data.length) onEvent(name, data.join('\n'));
        name = 'message';
        data = [];
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let text = colon < 0 ? '' : line.slice(colon + 1);
        if (text.startsWith(' ')) text = text.slice(1);
        if (field === 'event') name = text;
        else if (field === 'data') data.push(text);
      }
    }
  }
}

function dispatch(name, text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return;
  }
  if (name === 'fleet') renderFleet(data);
  else if (name === 'me') {
    renderPerformance(data);
    guard(loadStanding());
  } else if (name === 'badge') {
    toast(`New badge: ${data.badge}`);
    guard(loadStanding());
  }
}

// ------------------------------------------------------------------ fleet

function loadFleet() {
  guard(
    analytics('/api/analytics/fleet').then((a) => {
      if (a.ok) renderFleet(a.data);
    }),
  );
}

function renderFleet(fleet) {
  state.fleet = fleet;
  const k = fleet.k;
  const g = fleet.growth || {};
  $('fleet-as-of').textContent = fmtTime(fleet.as_of);
  // a figure computed from fewer than k users comes as null with a <name>_withheld reason
  const growth = (id, name) => {
    if (typeof g[name] === 'number') setFigure(id, fmtCount(g[name]));
    else setFigure(id, withheldText(k), { withheld: true });
  };
  growth('fleet-experiences', 'experiences');
  growth('fleet-users', 'users');
  growth('fleet-active-bots', 'active_bots');
  growth('fleet-patterns', 'distinct_patterns');

  // hourly when most hours have k users; else daily, whose buckets pool more users
  const hourly = fleet.hourly || [];
  const daily = (fleet.daily || []).map((d) => ({ ...d, start: d.date }));
  const shown = (xs) => xs.filter((b) => !b.withheld).length;
  const useDaily = shown(hourly) * 2 < hourly.length && shown(daily) > 0;
  const series = useDaily ? daily : hourly;
  const per = useDaily ? 'day' : 'hour';
  $('fleet-pnl-caption').textContent = `Fleet P&L per ${per} (USD)`;
  $('fleet-win-caption').textContent = `Fleet win rate per ${per} (%)`;

  const latest = daily.length ? daily[daily.length - 1] : null;
  $('fleet-day-label-trades').textContent = latest ? `Trades on ${latest.date}` : 'Trades today';
  $('fleet-day-label-pnl').textContent = latest ? `P&L on ${latest.date}` : 'P&L today';
  if (!latest) {
    setFigure('fleet-trades', fmtCount(0));
    setFigure('fleet-pnl', fmtPnl(0));
  } else if (latest.withheld) {
    setFigure('fleet-trades', withheldText(k), { withheld: true });
    setFigure('fleet-pnl', withheldText(k), { withheld: true });
  } else {
    setFigure('fleet-trades', fmtCount(latest.trades));
    setFigure('fleet-pnl', fmtPnl(latest.pnl));
  }

  barChart(
    $('fleet-pnl-chart'),
    series.map((b) => ({ x: new Date(b.start), y: b.withheld ? null : b.pnl })),
    { label: `Fleet P&L per ${per}`, yFormat: (v) => usd.format(v), axisFormat: (v) => usdAxis.format(v), withheld: withheldText(k) },
  );
  lineChart(
    $('fleet-win-chart'),
    series.map((b) => ({ x: new Date(b.start), y: b.withheld ? null : b.win_rate * 100 })),
    { label: `Fleet win rate per ${per}`, yFormat: (v) => `${v.toFixed(0)} %`, yMin: 0, yMax: 100, withheld: withheldText(k) },
  );
  renderHeatmap(fleet.heatmap || [], k);
  renderLeaderboard(fleet.leaderboard);
}

/** A light tint from red (0 %) through white (50 %) to green (100 %): dark text stays legible. */
function tint(rate) {
  const t = Math.max(0, Math.min(1, rate));
  const mix = (a, b, f) => Math.round(a + (b - a) * f);
  const [from, to, f] = t < 0.5 ? [[244, 199, 195], [255, 255, 255], t * 2] : [[255, 255, 255], [183, 225, 193], (t - 0.5) * 2];
  return `rgb(${mix(from[0], to[0], f)}, ${mix(from[1], to[1], f)}, ${mix(from[2], to[2], f)})`;
}

function renderHeatmap(cells, k) {
  const box = $('fleet-heatmap');
  box.replaceChildren();
  if (!cells.length) {
    box.append(h('p', { class: 'empty' }, 'No trades yet.'));
    return;
  }
  const symbols = [...new Set(cells.map((c) => c.symbol))].sort();
  const byKey = new Map(cells.map((c) => [`${c.symbol}@${c.hour}`, c]));
  const hours = [...Array(24).keys()];
  const table = h(
    'table',
    { class: 'heatmap' },
    h('caption', {}, 'Win rate of the fleet\u2019s trades by symbol (rows) and entry hour in New York, the exchange\u2019s time (columns)'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Symbol'), hours.map((hr) => h('th', { scope: 'col' }, String(hr).padStart(2, '0'))))),
    h(
      'tbody',
      {},
      symbols.map((symbol) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, symbol),
          hours.map((hr) => {
            const c = byKey.get(`${symbol}@${hr}`);
            if (!c) return h('td', { title: `${symbol} ${hr}:00 — no trades` }, h('span', { 'aria-label': 'no trades' }, ''));
            if (c.withheld) {
              const text = withheldText(k);
              return h('td', { class: 'withheld', title: `${symbol} ${hr}:00 — ${text}`, 'aria-label': text }, 'w');
            }
            const title = `${symbol} ${hr}:00 — ${fmtRate(c.win_rate)} of ${c.trades} trades, ${fmtPnl(c.pnl)}`;
            return h('td', { style: `background:${tint(c.win_rate)}`, title }, `${Math.round(c.win_rate * 100)}`);
          }),
        ),
      ),
    ),
  );
  box.append(
    table,
    h(
      'div',
      { class: 'legend' },
      h('span', {}, h('span', { class: 'swatch', style: `background:${tint(0)}` }), '0 % won'),
      h('span', {}, h('span', { class: 'swatch', style: `background:${tint(0.5)}` }), '50 %'),
      h('span', {}, h('span', { class: 'swatch', style: `background:${tint(1)}` }), '100 % won'),
      h('span', {}, h('span', { class: 'swatch', style: 'background:#d9dde2' }), `w: ${withheldText(k)}`),
    ),
  );
}

function renderLeaderboard(board) {
  const box = $('leaderboard');
  box.replaceChildren();
  if (!board) {
    box.append(h('p', { class: 'empty' }, 'No leaderboard yet.'));
    return;
  }
  if (board.withheld) {
    $('leaderboard-note').textContent = '';
    box.append(h('p', { class: 'withheld', 'data-figure': 'leaderboard-withheld' }, `withheld: ${board.reason || withheldText(board.k)}`));
    return;
  }
  const by = board.by === 'win_rate' ? 'win rate' : 'P&L';
  $('leaderboard-note').textContent = `Ranked by ${by}; users with at least ${board.min_trades} trades, under anonymous handles.`;
  box.append(
    h(
      'table',
      { id: 'leaderboard-table' },
      h('caption', {}, `Top performers by ${by}`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', class: 'num' }, 'Rank'), h('th', { scope: 'col' }, 'Handle'), h('th', { scope: 'col', class: 'num' }, 'Trades'), h('th', { scope: 'col', class: 'num' }, 'Win rate'), h('th', { scope: 'col', class: 'num' }, 'P&L'))),
      h(
        'tbody',
        {},
        (board.performers || []).map((p) =>
          h('tr', {}, h('td', { class: 'num' }, p.rank), h('td', { class: 'handle' }, p.handle), h('td', { class: 'num' }, fmtCount(p.trades)), h('td', { class: 'num' }, fmtRate(p.win_rate)), h('td', { class: 'num' }, fmtPnl(p.pnl))),
        ),
      ),
    ),
  );
}

// ------------------------------------------------------------------ me

function loadMe() {
  if (!state.me) return;
  const user = encodeURIComponent(state.me.user_id);
  guard(
    analytics(`/api/users/${user}/performance`).then((a) => {
      if (a.ok) renderPerformance(a.data);
    }),
  );
  guard(loadStanding());
}

let standingPending = null;
/** Rank and badges, at most one request of each in flight however many events arrive. */
function loadStanding() {
  if (standingPending) return standingPending;
  const user = encodeURIComponent(state.me.user_id);
  standingPending = Promise.all([
    analytics(`/api/users/${user}/rank`).then((a) => a.ok && renderRank(a.data)),
    analytics(`/api/users/${user}/badges`).then((a) => a.ok && renderBadges(a.data)),
  ]).finally(() => (standingPending = null));
  return standingPending;
}

function renderPerformance(p) {
  if (!state.me || p.user_id !== state.me.user_id) return;
  state.performance = p;
  setFigure('me-pnl', fmtPnl(p.pnl));
  setFigure('me-win-rate', p.trades ? fmtRate(p.win_rate) : 'no trades yet');
  setFigure('me-trades', fmtCount(p.trades));
  setFigure('me-streak', fmtCount(p.win_streak));

  const series = (p.daily || []).length >= 3 ? p.daily.map((d) => ({ at: d.date, pnl: d.pnl })) : (p.hourly || []).map((b) => ({ at: b.start, pnl: b.pnl }));
  let sum = 0;
  lineChart(
    $('me-pnl-chart'),
    series.map((s) => ({ x: new Date(s.at), y: (sum += s.pnl) })),
    { label: 'My cumulative P&L', yFormat: (v) => usd.format(v), axisFormat: (v) => usdAxis.format(v) },
  );
  $('me-pnl-chart').closest('figure').querySelector('figcaption').textContent = (p.daily || []).length >= 3 ? 'My P&L by day, cumulative (USD)' : 'My P&L by hour, cumulative (USD)';

  const box = $('me-community');
  box.replaceChildren();
  const c = p.community || { withheld: true, reason: 'not known' };
  if (c.withheld) {
    box.append(h('p', { class: 'withheld', 'data-figure': 'community-withheld' }, `Community figures withheld: ${c.reason}`));
    return;
  }
  box.append(
    h(
      'table',
      { class: 'compare' },
      h('caption', {}, `Community: ${fmtCount(c.users)} users, ${fmtCount(c.trades)} trades`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''), h('th', { scope: 'col', class: 'num' }, 'Me'), h('th', { scope: 'col', class: 'num' }, 'Community average'))),
      h(
        'tbody',
        {},
        h('tr', {}, h('th', { scope: 'row' }, 'Win rate'), h('td', { class: 'num' }, fmtRate(p.win_rate)), h('td', { class: 'num', 'data-figure': 'community-win-rate' }, fmtRate(c.win_rate))),
        h('tr', {}, h('th', { scope: 'row' }, 'P&L per trade'), h('td', { class: 'num' }, p.trades ? fmtPnl(p.pnl / p.trades) : 'no trades yet'), h('td', { class: 'num', 'data-figure': 'community-avg-pnl' }, fmtPnl(c.avg_pnl))),
      ),
    ),
  );
}

function renderRank(r) {
  const rank = (x) => (x ? `#${x.rank} of ${x.of}` : 'unranked');
  setFigure('me-rank-pnl', rank(r.by_pnl), { withheld: !r.by_pnl });
  setFigure('me-rank-win-rate', rank(r.by_win_rate), { withheld: !r.by_win_rate });
  $('me-unranked').textContent = r.unranked_reason ? `Unranked: ${r.unranked_reason}` : `Ranked among users with at least ${r.min_trades} trades.`;
}

function renderBadges(b) {
  const earned = $('me-badges');
  earned.replaceChildren(
    ...(b.badges || []).map((x) => h('li', { class: 'badge', 'data-badge': x.badge }, h('strong', {}, x.badge), h('span', {}, x.description), h('br'), h('small', {}, `earned ${fmtTime(x.earned_at)}`))),
  );
  if (!earned.children.length) earned.append(h('li', { class: 'empty' }, 'No badges yet.'));
  $('me-available').replaceChildren(...(b.available || []).map((x) => h('li', {}, h('strong', {}, x.badge), h('span', {}, x.description))));
}

// ------------------------------------------------------------------ operator

function startOperator() {
  every(OPERATOR_STATE_EVERY_MS, loadControlState);
  every(OPERATOR_DETAIL_EVERY_MS, loadOperatorDetail);
}

async function loadControlState() {
  const a = await gateway('/api/control/state');
  if (!a.ok) {
    setFigure('op-trading', `unknown (${problem(a)})`, { withheld: true });
    return;
  }
  const fleet = a.data.fleet || {};
  setFigure('op-trading', fleet.trading_state || 'unknown', { cls: fleet.trading_state });
  setFigure('op-learning', fleet.learning || 'unknown');
  const rows = (a.data.settings || []).map((s) =>
    h('tr', {}, h('td', {}, s.scope), h('td', {}, s.aspect), h('td', { class: 'setting-value' }, settingValue(s)), h('td', {}, fmtTime(s.updated_at)), h('td', {}, s.updated_by), h('td', {}, s.reason)),
  );
  $('op-settings').replaceChildren(
    rows.length
      ? h('table', { id: 'settings-table' }, h('caption', {}, `As of ${fmtTime(a.data.as_of)}`), head('Scope', 'Aspect', 'Setting', 'Since', 'By', 'Reason'), h('tbody', {}, rows))
      : h('p', { class: 'empty' }, 'No settings: every scope trades as scheduled.'),
  );
}

function head(...names) {
  return h('thead', {}, h('tr', {}, names.map((n) => h('th', { scope: 'col' }, n))));
}

function settingValue(s) {
  if (s.state) return s.state;
  if (s.enabled !== undefined) return s.enabled ? 'enabled' : 'disabled';
  if (s.aspect === 'schedule' || s.trading_hours !== undefined) {
    const t = s.trading_hours;
    const hours = t ? `${t.open}–${t.close} ${t.time_zone} ${t.weekdays.map((d) => d.slice(0, 3)).join(',')}` : 'all hours';
    const windows = (s.maintenance_windows || []).length;
    return windows ? `${hours}; ${windows} maintenance window(s)` : hours;
  }
  return s.aspect;
}

async function loadOperatorDetail() {
  const [audit, schedules, stats, learning, lag, models] = await Promise.allSettled([
    gateway('/api/audit?limit=20'),
    gateway('/api/schedule/get'),
    analytics('/api/bots/stats'),
    learner('/api/learning'),
    learnerLag(),
    analytics('/api/ml/models'),
  ]);
  for (const r of [audit, schedules, stats, learning, models]) {
    if (r.status === 'rejected' && r.reason instanceof Refused) throw r.reason;
  }
  const unavailable = (r) => h('p', { class: 'withheld' }, `unavailable (${r.status === 'rejected' ? r.reason.message : problem(r.value)})`);
  const ok = (r) => r.status === 'fulfilled' && r.value.ok;

  $('op-audit').replaceChildren(
    ok(audit)
      ? h(
          'table',
          { id: 'audit-table' },
          head('Issued', 'Command', 'Scope', 'By', 'Reason'),
          h('tbody', {}, audit.value.data.commands.map((c) => h('tr', {}, h('td', {}, fmtTime(c.issued_at)), h('td', {}, c.command), h('td', {}, c.scope), h('td', {}, c.actor), h('td', {}, c.reason)))),
        )
      : unavailable(audit),
  );

  if (ok(schedules)) {
    const list = schedules.value.data.schedules || [];
    $('op-schedules').replaceChildren(
      list.length
        ? h('table', {}, head('Scope', 'Schedule', 'Set by'), h('tbody', {}, list.map((s) => h('tr', {}, h('td', {}, s.scope), h('td', {}, settingValue(s)), h('td', {}, s.updated_by)))))
        : h('p', { class: 'empty' }, 'No schedules set: trading is open at all hours.'),
    );
  } else $('op-schedules').replaceChildren(unavailable(schedules));

  if (ok(stats)) {
    const missed = (stats.value.data.users || []).filter((u) => u.last_heartbeat && !u.active);
    $('op-missed').replaceChildren(
      missed.length
        ? h('table', { id: 'missed-table' }, head('User', 'Last heartbeat', ''), h('tbody', {}, missed.map((u) => h('tr', {}, h('td', {}, u.user_id), h('td', {}, fmtTime(u.last_heartbeat)), h('td', {}, ago(u.last_heartbeat))))))
        : h('p', { class: 'empty' }, 'Every bot that sent heartbeats is sending them.'),
    );
  } else $('op-missed').replaceChildren(unavailable(stats));

  $('op-models').replaceChildren(ok(models) ? renderModels(models.value.data) : unavailable(models));

  if (ok(learning)) setFigure('op-learner', `${learning.value.data.learning}, streams ${learning.value.data.streams}`);
  else setFigure('op-learner', 'unreachable', { withheld: true });
  const lagValue = lag.status === 'fulfilled' ? lag.value : null;
  setFigure('op-lag', lagValue === null ? 'unknown' : fmtCount(lagValue), { withheld: lagValue === null });
}

/** Each model's score against outcomes (ADR 22), and where the challenger's training is. */
function renderModels(m) {
  const c = m.challenger || {};
  const training = c.training
    ? `Challenger ${c.version || '(no version yet)'}: ${fmtCount(c.learned)} experiences learned, ${c.published >= 0 ? fmtCount(c.published) : 'none'} in the version published.`
    : 'The challenger is not trained on this instance.';
  const fixed = (v, digits) => (typeof v === 'number' ? v.toFixed(digits) : '—');
  const scores = m.scores || [];
  return h(
    'div',
    {},
    h('p', { id: 'models-training' }, training),
    scores.length
      ? h(
          'table',
          { id: 'models-table' },
          head('Model', 'Trades', 'Brier', 'Log loss', 'ECE', 'Mean predicted', 'Won'),
          h('tbody', {}, scores.map((s) => h('tr', {}, h('td', {}, s.model), h('td', {}, fmtCount(s.trades)), h('td', {}, fixed(s.brier, 4)), h('td', {}, fixed(s.log_loss, 4)), h('td', {}, fixed(s.ece, 3)), h('td', {}, fmtRate(s.mean_predicted)), h('td', {}, fmtRate(s.win_rate))))),
        )
      : h('p', { class: 'empty' }, 'No trade scored yet: scores come once a trade bots asked about (POST win_probability with its signal_id) has its outcome.'),
  );
}

/**
 * The learner's consumer lag, from its Prometheus metrics (the sum over its partitions of the
 * records it has yet to read); null when they do not say: unknown is never shown as 0.
 */
async function learnerLag() {
  const res = await fetch(`${state.endpoints.learner}/q/metrics`, { cache: 'no-store', credentials: 'omit' });
  if (!res.ok) return null;
  const text = await res.text();
  // one gauge per partition of each input topic; Micrometer may list a topic twice ('.' and '_')
  const lags = new Map();
  for (const line of text.split('\n')) {
    const m = line.match(/^kafka_consumer_fetch_manager_records_lag\{(.*)\} (\S+)$/);
    if (!m || m[1].includes('restore-consumer')) continue;
    const topic = (m[1].match(/topic="([^"]*)"/) || [])[1];
    const partition = (m[1].match(/partition="([^"]*)"/) || [])[1];
    const value = Number(m[2]);
    if (topic === undefined || partition === undefined || !Number.isFinite(value)) continue;
    const key = `${topic.replace(/\./g, '_')}#${partition}`;
    lags.set(key, Math.max(lags.get(key) ?? 0, value));
  }
  if (!lags.size) return null;
  let sum = 0;
  for (const v of lags.values()) sum += v;
  return sum;
}

const ACTIONS = { HALTED: 'Halt trading (no entries, no exits)', REDUCING: 'Pause trading (exits only)', ACTIVE: 'Resume trading' };

function askToConfirm(button) {
  const scope = $('command-scope').value.trim();
  const reason = $('command-reason').value.trim();
  const missing = [!scope && 'a scope', !reason && 'a reason'].filter(Boolean);
  if (missing.length) {
    $('command-error').textContent = `Give ${missing.join(' and ')} first.`;
    (reason ? $('command-scope') : $('command-reason')).focus();
    return;
  }
  $('command-error').textContent = '';
  const target = button.dataset.state;
  $('confirm-title').textContent = ACTIONS[target];
  $('confirm-text').textContent = `${ACTIONS[target]} for ${scope}. Reason: “${reason}”.`;
  const ok = $('confirm-ok');
  ok.textContent = `Confirm: ${target === 'ACTIVE' ? 'resume' : target === 'HALTED' ? 'halt' : 'pause'} ${scope}`;
  ok.className = target === 'ACTIVE' ? 'ok' : target === 'HALTED' ? 'danger' : 'warn';
  const dialog = $('confirm');
  dialog.returnValue = '';
  dialog.onclose = () => {
    button.focus();
    if (dialog.returnValue === 'confirm') guard(sendCommand(scope, target, reason));
  };
  dialog.showModal();
  $('confirm-cancel').focus();
}

async function sendCommand(scope, target, reason) {
  const result = $('command-result');
  result.textContent = 'Sending…';
  const buttons = document.querySelectorAll('#command-form button.big');
  buttons.forEach((b) => (b.disabled = true));
  try {
    const a = await gateway('/api/control/trading', { method: 'POST', body: { scope, state: target, reason } });
    if (a.ok) {
      result.textContent = `${a.data.command} on ${a.data.scope} applied at ${fmtTime(a.data.issued_at)} (command ${a.data.command_id}).`;
      $('command-reason').value = '';
      await loadControlState();
    } else {
      result.textContent = `Refused: ${problem(a)}`;
    }
  } finally {
    buttons.forEach((b) => (b.disabled = false));
  }
}

// ------------------------------------------------------------------ replays

async function loadReplays() {
  const a = await query('/api/replay/historical?limit=20');
  const box = $('replay-runs');
  if (!a.ok) {
    box.replaceChildren(h('p', { class: 'withheld' }, `unavailable (${problem(a)})`));
    return;
  }
  const runs = a.data || [];
  box.replaceChildren(
    runs.length
      ? h(
          'table',
          { id: 'runs-table' },
          head('Created', 'Status', 'Records', 'Best setting', 'Report'),
          h(
            'tbody',
            {},
            runs.map((r) => {
              const best = (r.headlines || []).slice().sort((x, y) => y.pnl - x.pnl)[0];
              const open = r.links && r.links.report_html ? h('button', { type: 'button', class: 'quiet open-report', 'data-report': r.links.report_html }, 'Open report') : h('span', {}, '—');
              return h('tr', {}, h('td', {}, fmtTime(r.created)), h('td', { class: 'run-status' }, String(r.status).toLowerCase()), h('td', { class: 'num' }, fmtCount(r.records)), h('td', {}, best ? `threshold ${best.threshold}: ${fmtPnl(best.pnl)}, ${fmtRate(best.win_rate)} of ${best.trades}` : r.error || '—'), h('td', {}, open));
            }),
          ),
        )
      : h('p', { class: 'empty' }, 'No replays yet.'),
  );
  const busy = runs.some((r) => ['queued', 'running'].includes(String(r.status).toLowerCase()));
  clearTimeout(state.replayPoll);
  if (busy && !$('view-replays').hidden) state.replayPoll = setTimeout(() => guard(loadReplays()), 2000);
}

let reportUrl = null;
/** report.html needs the key in a header, so it is fetched here and shown from memory. */
async function openReport(path) {
  const a = await query(path, { accept: 'text/html' });
  if (!a.ok || typeof a.data !== 'string') {
    toast(`The report could not be read: ${problem(a)}`);
    return;
  }
  if (reportUrl) URL.revokeObjectURL(reportUrl);
  reportUrl = URL.createObjectURL(new Blob([a.data], { type: 'text/html' }));
  $('report-tab').href = reportUrl;
  const frame = $('report-frame');
  frame.srcdoc = a.data; // sandbox="": the report renders (inline SVG) but runs nothing
  $('report-card').hidden = false;
  $('report-title').focus();
}

async function runReplay(event) {
  event.preventDefault();
  const now = Date.now();
  const body = { from: new Date(now - 24 * 3600 * 1000).toISOString(), to: new Date(now + 60 * 1000).toISOString(), thresholds: [0.5, 0.6] };
  const a = await query('/api/replay/simulate', { method: 'POST', body });
  $('replay-result').textContent = a.ok ? 'Replay queued.' : `Refused: ${problem(a)}`;
  await loadReplays();
}

// ------------------------------------------------------------------ wiring

function init() {
  $('sign-in-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const key = $('api-key').value.trim();
    if (!key) return;
    $('sign-in').disabled = true;
    $('sign-in-error').textContent = '';
    try {
      await signIn(key);
    } catch (e) {
      signOut(e instanceof Refused ? 'That key was refused.' : `Could not sign in: ${e.message}`);
    } finally {
      $('sign-in').disabled = false;
    }
  });
  $('sign-out').addEventListener('click', () => signOut('Signed out.'));
  for (const button of document.querySelectorAll('#command-form button.big')) {
    button.addEventListener('click', () => askToConfirm(button));
  }
  $('command-form').addEventListener('submit', (e) => e.preventDefault());
  $('replay-form').addEventListener('submit', (e) => guard(runReplay(e)));
  $('replay-runs').addEventListener('click', (e) => {
    const button = e.target.closest('button.open-report');
    if (button) guard(openReport(button.dataset.report));
  });
  window.addEventListener('hashchange', route);

  const saved = sessionStorage.getItem(KEY_STORE);
  if (saved) {
    signIn(saved).catch((e) => signOut(e instanceof Refused ? 'The key was refused: sign in again.' : `Could not sign in: ${e.message}`));
  } else {
    show('sign-in');
  }
}

init();
