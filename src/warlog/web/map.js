// The map: Natural Earth country shapes (world-atlas, served by warlog) under the
// events, clustered by the server on a pixel grid for the current zoom and view.
import { el, svg, words, bounds } from "./dom.js";

const PALETTE = ["#d7263d", "#1b998b", "#f46036", "#2e294e", "#c5d86d", "#8e44ad",
                 "#e09f3e", "#3a86ff", "#6a994e", "#ff006e", "#5c677d", "#9c6644"];
const KNOWN = ["air_drone_strike", "shelling_artillery_missile_attack", "armed_clash",
               "remote_explosive_landmine_ied", "attack", "suicide_bomb", "grenade",
               "abduction_forced_disappearance", "sexual_violence", "chemical_weapon"];

// How sure the place is: a facility point is drawn solid, a country centroid as a
// faint dashed ring, so the eye does not read a centroid as a spot.
export const PRECISION_STYLE = {
  facility: { weight: 3, fillOpacity: 0.85, dashArray: null },
  town: { weight: 2, fillOpacity: 0.65, dashArray: null },
  admin1: { weight: 2, fillOpacity: 0.3, dashArray: "5 3" },
  region: { weight: 2, fillOpacity: 0.12, dashArray: "2 4" },
  country: { weight: 2, fillOpacity: 0.12, dashArray: "2 4" },
};

export function colour(subType) {
  const i = KNOWN.indexOf(subType);
  if (i >= 0) return PALETTE[i % PALETTE.length];
  let h = 0;
  for (const c of String(subType)) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length];
}

export function radius(event) {
  const people = (event.killed_low || 0) + (event.injured_low || 0);
  return Math.min(6 + 2.2 * Math.sqrt(people), 34);
}

export function createMap(node, { onEvent, onMove }) {
  const map = L.map(node, { worldCopyJump: false, minZoom: 1, maxZoom: 14, zoomSnap: 1,
                            attributionControl: true, preferCanvas: false })
    .setView([25, 20], 2);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth via world-atlas · Leaflet");
  const events = L.layerGroup().addTo(map);
  map.on("moveend", () => onMove());
  return { map, events, onEvent, selected: null };
}

export async function drawBasemap(handle) {
  const topo = await (await fetch("/static/vendor/world-atlas/countries-50m.json")).json();
  const land = topojson.feature(topo, topo.objects.countries);
  L.geoJSON(land, { interactive: false,
                    style: { color: "#9aa5b1", weight: 0.6, fillColor: "#f2efe6", fillOpacity: 1 } })
    .addTo(handle.map);
}

export function viewBox(map) {
  const b = map.getBounds().pad(0.1);
  const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
  const west = b.getWest(), east = b.getEast();
  if (east - west >= 360) return null;      // the whole world is in view
  const wrap = (lon) => ((((lon + 180) % 360) + 360) % 360) - 180;
  return [wrap(west), clamp(b.getSouth(), -90, 90), wrap(east), clamp(b.getNorth(), -90, 90)]
    .map((v) => v.toFixed(4)).join(",");
}

export function drawClusters(handle, data) {
  handle.events.clearLayers();
  for (const c of data.clusters) {
    if (c.event) handle.events.addLayer(eventMarker(handle, c));
    else handle.events.addLayer(clusterMarker(handle, c));
  }
}

function eventMarker(handle, c) {
  const e = c.event;
  const style = PRECISION_STYLE[e.precision] || PRECISION_STYLE.country;
  const chosen = e.id === handle.selected;
  const marker = L.circleMarker([c.lat, c.lon], {
    radius: radius(e), color: chosen ? "#111" : colour(e.sub_type), fillColor: colour(e.sub_type),
    className: `ev-marker precision-${e.precision || "unknown"}${chosen ? " selected" : ""}`,
    ...style, ...(chosen ? { weight: 4 } : {}),
  });
  const tip = el("div", {},
    el("strong", {}, words(e.sub_type)), " · ", e.date || "date ?", el("br"),
    `${e.place || "?"}${e.country ? ", " + e.country : ""} (${e.precision || "?"} precision)`, el("br"),
    `killed ${bounds(e.killed_low, e.killed_high)} · injured ${bounds(e.injured_low, e.injured_high)}`,
    ` · ${e.sources} source${e.sources === 1 ? "" : "s"}`);
  marker.bindTooltip(tip);
  marker.on("click", () => handle.onEvent(e.id));
  marker.on("add", () => {
    const path = marker.getElement();
    if (path) { path.dataset.id = e.id; path.dataset.count = "1"; }
  });
  return marker;
}

function clusterMarker(handle, c) {
  const size = Math.round(24 + 6 * Math.log10(c.count));   // 24 px for 2, 52 px for 50,000
  const icon = el("div", { class: "cluster-icon", dataset: { count: String(c.count) } }, String(c.count));
  icon.style.width = icon.style.height = `${size}px`;
  const marker = L.marker([c.lat, c.lon], {
    icon: L.divIcon({ html: icon, className: "ev-cluster", iconSize: [size, size] }),
    title: `${c.count} events`, keyboard: true,
  });
  marker.on("click", () => {
    const [s, w, n, e] = c.bounds;
    const samePoint = s === n && w === e;
    if (c.events && (samePoint || handle.map.getZoom() >= 10)) {
      L.popup({ maxWidth: 320 }).setLatLng([c.lat, c.lon]).setContent(memberList(handle, c.events)).openOn(handle.map);
    } else if (samePoint) {
      handle.map.setView([s, w], Math.min(handle.map.getZoom() + 3, 14));
    } else {
      handle.map.fitBounds([[s, w], [n, e]], { padding: [30, 30], maxZoom: 14 });
    }
  });
  return marker;
}

// Events at one point (several reports of one town) cannot be told apart by zooming:
// the cluster lists them instead.
function memberList(handle, events) {
  return el("ol", { class: "cluster-list" }, events.map((e) => el("li", {},
    el("button", { type: "button", dataset: { id: e.id }, onclick: () => { handle.map.closePopup(); handle.onEvent(e.id); } },
      `${e.date || "date ?"} · ${words(e.sub_type)} · ${e.place || "?"}`,
      e.killed_low ? ` · killed ${bounds(e.killed_low, e.killed_high)}` : ""))));
}

export function drawLegend(node, subTypes) {
  node.replaceChildren(el("strong", {}, "type"), el("br"));
  for (const { value } of subTypes.slice(0, 8)) {
    const swatch = el("span", { class: "swatch" });
    swatch.style.background = colour(value);
    node.append(swatch, words(value), el("br"));
  }
  node.append(el("strong", {}, "place"), el("br"));
  for (const [name, label] of [["town", "facility or town"], ["admin1", "province"], ["country", "country or region"]]) {
    node.append(precisionSample(PRECISION_STYLE[name]), label, el("br"));
  }
  node.append(el("span", {}, "size: killed + injured"));
}

function precisionSample(style) {
  const sample = svg("svg", { width: 14, height: 14, class: "sample" },
    svg("circle", { cx: 7, cy: 7, r: 5, fill: "#5c677d", "fill-opacity": style.fillOpacity,
                    stroke: "#5c677d", "stroke-width": Math.min(style.weight, 2),
                    "stroke-dasharray": style.dashArray ? "2 2" : "none" }));
  return sample;
}
