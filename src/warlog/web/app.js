// The dashboard: filters kept in the page's URL drive the map, the timeline and the
// list together; a click on an event opens its panel. Everything comes from this
// server's /api and /static: no other address is ever asked.
import { el, bounds, words, plural, getJSON } from "./dom.js";
import { createMap, drawBasemap, drawClusters, drawLegend, viewBox } from "./map.js";
import { drawTimeline } from "./timeline.js";
import { showEvent } from "./panel.js";

const FILTERS = ["since", "until", "country", "weapon", "sub_type", "actor"];
const form = document.getElementById("filters");
const statusLine = document.getElementById("status");
const panel = document.getElementById("panel");
let handle = null;
let generation = 0;
let fittedFor = null;     // the filters the map was last fitted to
let fitting = false;      // moves made by fitting are not the user's: no extra request
// Following along: the content mark of the data shown, and the events new since the page
// opened (marked in the list, counted in the notice until it is clicked).
const FOLLOW_MS = 3000;
const news = document.getElementById("news");
let mark = null;
const fresh = new Set();

function state() {
  const params = new URLSearchParams(location.search);
  const out = {};
  for (const name of [...FILTERS, "step", "event"]) {
    const value = params.get(name);
    if (value) out[name] = value;
  }
  return out;
}

function filterQuery(s, extra = {}) {
  const q = new URLSearchParams();
  for (const name of FILTERS) if (s[name]) q.set(name, s[name]);
  for (const [k, v] of Object.entries(extra)) if (v !== null && v !== undefined) q.set(k, v);
  return q.toString();
}

function setURL(next, push = true) {
  const q = new URLSearchParams();
  for (const name of [...FILTERS, "step", "event"]) if (next[name]) q.set(name, next[name]);
  const url = `${location.pathname}${q.toString() ? "?" + q : ""}`;
  if (url !== `${location.pathname}${location.search}`) {
    history[push ? "pushState" : "replaceState"](null, "", url);
  }
}

function formToState() {
  const data = new FormData(form);
  const out = {};
  for (const name of [...FILTERS, "step"]) {
    const value = String(data.get(name) || "").trim();
    if (value && !(name === "step" && value === "auto")) out[name] = value;
  }
  return out;
}

function stateToForm(s) {
  for (const name of [...FILTERS, "step"]) {
    const input = form.elements.namedItem(name);
    if (input) input.value = s[name] || (name === "step" ? "auto" : "");
  }
}

function say(text, error = false) {
  statusLine.textContent = text;
  statusLine.classList.toggle("error", error);
}

// A new filter fits the map to its events (once); pans and zooms keep the user's view.
async function fitToFilter(s) {
  const key = filterQuery(s);
  if (key === fittedFor) return;
  const { extent } = await getJSON(`/api/map?${filterQuery(s, { zoom: 0 })}`);
  fittedFor = key;
  if (!extent) return;
  const [south, west, north, east] = extent;
  fitting = true;
  try {
    handle.map.fitBounds([[south, west], [north, east]], { animate: false, maxZoom: 6, padding: [40, 40] });
  } finally {
    fitting = false;
  }
}

async function refreshMap(s, run) {
  await fitToFilter(s);
  if (run !== generation) return;
  const view = viewBox(handle.map);
  const data = await getJSON(`/api/map?${filterQuery(s, { zoom: handle.map.getZoom(), view })}`);
  if (run !== generation) return;
  handle.selected = s.event || null;
  drawClusters(handle, data);
  const parts = [`${plural(data.total, "event")} in the filter`, `${data.on_map} on the map`];
  if (data.unlocated) parts.push(`${data.unlocated} without coordinates`);
  if (data.outside_view) parts.push(`${data.outside_view} outside the view`);
  say(parts.join(" · "));
  statusLine.dataset.total = data.total;
  statusLine.dataset.onMap = data.on_map;
  statusLine.dataset.unlocated = data.unlocated;
  statusLine.dataset.outside = data.outside_view;
}

async function refreshTimeline(s, run) {
  const step = s.step || "auto";
  const [data, tally] = await Promise.all([
    getJSON(`/api/timeline?${filterQuery(s, { step })}`),
    getJSON(`/api/tally?${new URLSearchParams(Object.entries({ since: s.since, until: s.until }).filter(([, v]) => v))}`),
  ]);
  if (run !== generation) return;
  const claims = tally.claims.filter((c) => c.claim.as_of);
  const drawn = drawTimeline(document.getElementById("timeline"), data, claims, s);
  const total = document.getElementById("timeline-total");
  total.textContent = `${plural(data.total, "event")}${data.undated ? `, ${data.undated} undated (not drawn)` : ""} · ${plural(drawn, "official tally", "official tallies")} in this period`;
  total.dataset.total = data.total;
  total.dataset.undated = data.undated;
}

const PAGE = 100;

async function refreshList(s, run, offset = 0) {
  const data = await getJSON(`/api/events?${filterQuery(s, { limit: PAGE, offset })}`);
  if (run !== generation) return;
  const list = document.getElementById("list");
  const items = data.events.map((e) => listItem(e, s.event));
  if (offset === 0) list.replaceChildren(...items);
  else { list.querySelector("li.more")?.remove(); list.append(...items); }
  const shown = offset + data.events.length;
  if (shown < data.total) {
    list.append(el("li", { class: "more" }, el("button", { type: "button", onclick: () => refreshList(s, run, shown).catch((e) => say(String(e.message || e), true)) },
      `show ${Math.min(PAGE, data.total - shown)} more`)));
  }
  document.getElementById("list-title").textContent =
    data.total > shown ? `Events (first ${shown} of ${data.total})` : `Events (${data.total})`;
}

function listItem(e, selected) {
  const item = plainItem(e, selected);
  if (fresh.has(e.id)) item.classList.add("new");
  return item;
}

function plainItem(e, selected) {
  const place = e.location ? `${e.location.name}${e.location.country ? ", " + e.location.country : ""}` : "place ?";
  const killed = e.killed.length ? ` · killed ${e.killed.map((c) => c.best ?? bounds(c.low, c.high)).join("+")}` : "";
  return el("li", {}, el("button", { type: "button", dataset: { id: e.id }, "aria-current": e.id === selected ? "true" : "false",
                                     onclick: () => select(e.id) },
    el("div", {}, `${e.time?.start || "date ?"} · ${words(e.sub_type)}`),
    el("div", { class: "meta" }, `${place} · ${e.attacker?.text || "?"}${killed} · ${e.sources.length} source${e.sources.length === 1 ? "" : "s"} · ${e.grade.replace("_", " ")}`)));
}

async function refreshPanel(s) {
  if (!s.event) { panel.hidden = true; panel.replaceChildren(); delete panel.dataset.event; return; }
  if (panel.dataset.event === s.event && !panel.hidden) return;
  await showEvent(panel, s.event, { onClose: () => select(null) });
}

async function refresh() {
  const run = ++generation;
  const s = state();
  stateToForm(s);
  document.body.dataset.ready = "false";
  try {
    await Promise.all([refreshMap(s, run), refreshTimeline(s, run), refreshList(s, run), refreshPanel(s)]);
    if (run === generation) document.body.dataset.ready = "true";
  } catch (err) {
    say(String(err.message || err), true);
    document.body.dataset.ready = "error";
  }
}

// Opening or closing an event changes only the panel, the list's mark and the map's
// outline: the list keeps the pages already shown.
async function select(id) {
  const s = state();
  if (id) s.event = id; else delete s.event;
  setURL(s);
  for (const button of document.querySelectorAll("#list button[data-id]")) {
    button.setAttribute("aria-current", button.dataset.id === id ? "true" : "false");
  }
  try {
    const shown = refreshPanel(s).then(() => { if (id) document.getElementById("side").scrollTop = 0; });
    await Promise.all([shown, refreshMap(s, generation)]);
  } catch (err) {
    say(String(err.message || err), true);
  }
}

function showNews() {
  news.hidden = fresh.size === 0;
  news.dataset.count = fresh.size;
  document.getElementById("news-button").textContent = `${fresh.size} new`;
}

function clearNews() {
  fresh.clear();
  for (const item of document.querySelectorAll("#list li.new")) item.classList.remove("new");
  showNews();
}

// Ask the API what changed since the data shown; redraw map, list and timeline when
// something did. Paused while the tab is hidden.
async function follow() {
  try {
    if (!document.hidden) {
      const data = await getJSON(`/api/changes?${filterQuery(state(), { mark })}`);
      const changed = data.changed;
      mark = data.mark;
      if (changed) {
        for (const id of data.new) fresh.add(id);
        await refresh();
        showNews();
      }
    }
  } catch (err) {
    say(String(err.message || err), true);
  } finally {
    setTimeout(follow, FOLLOW_MS);
  }
}

async function fillMenus() {
  const f = await getJSON("/api/facets");
  const options = (name, items) => {
    const select = form.elements.namedItem(name);
    select.append(...items.map((i) => el("option", { value: i.value }, `${words(i.value)} (${i.count})`)));
  };
  options("country", f.countries);
  options("weapon", f.weapons);
  options("sub_type", f.sub_types);
  document.getElementById("actors").append(...f.actors.map((a) => el("option", { value: a.value })));
  drawLegend(document.getElementById("legend"), f.sub_types);
}

async function start() {
  handle = createMap(document.getElementById("map"), {
    onEvent: (id) => select(id),
    onMove: () => {
      if (fitting) return;
      const run = generation;
      refreshMap(state(), run).catch((e) => say(String(e.message || e), true));
    },
  });
  form.addEventListener("change", () => {
    const next = { ...formToState() };
    const current = state();
    if (current.event) next.event = current.event;
    setURL(next);
    refresh();
  });
  form.addEventListener("submit", (e) => e.preventDefault());
  document.getElementById("reset").addEventListener("click", () => { setURL({}); refresh(); });
  window.addEventListener("popstate", () => refresh());
  document.getElementById("news-button").addEventListener("click", clearNews);
  try {
    const [, , now] = await Promise.all([drawBasemap(handle), fillMenus(), getJSON("/api/changes")]);
    mark = now.mark;
  } catch (err) {
    say(String(err.message || err), true);
  }
  await refresh();
  setTimeout(follow, FOLLOW_MS);
}

start();
