// The event panel: the merged event, then every source — who said what, its counts,
// and its report text with the evidence sentences highlighted (built from text nodes
// and <mark> elements at the evidence offsets, never from markup).
import { el, bounds, words, safeHref, getJSON } from "./dom.js";

export async function showEvent(node, id, { onClose }) {
  const event = await getJSON(`/api/events/${encodeURIComponent(id)}`);
  const sources = await Promise.all(event.sources.map(async (s) =>
    ({ source: s, doc: await getJSON(`/api/documents/${encodeURIComponent(s.document.id)}`) })));
  node.replaceChildren(
    el("button", { class: "close", type: "button", "aria-label": "close", onclick: onClose }, "×"),
    el("h3", {}, `${words(event.sub_type)} · ${event.time?.start || "date ?"}`),
    el("span", { class: `grade ${event.grade}` }, event.grade.replace("_", " ")),
    facts(event),
    el("h4", {}, `${sources.length} source${sources.length === 1 ? "" : "s"}`),
    ...sources.map(({ source, doc }) => sourceBox(source, doc)),
  );
  node.hidden = false;
  node.dataset.event = id;
  for (const box of node.querySelectorAll(".report-text")) {
    const mark = box.querySelector("mark.evidence");
    if (mark) box.scrollTop = Math.max(0, mark.offsetTop - 24);
  }
}

function facts(e) {
  const loc = e.location;
  const rows = [
    ["where", loc ? `${loc.name}${loc.admin1 ? ", " + loc.admin1 : ""}${loc.country ? ", " + loc.country : ""} (${loc.precision || "?"})` : "unknown"],
    ["when", e.time ? `${e.time.start || "?"}${e.time.end && e.time.end !== e.time.start ? " – " + e.time.end : ""} (${e.time.precision})` : "?"],
    ["attacker", e.attacker?.text || "?"],
    ["target", e.target?.text || "?"],
    ["weapon", `${words(e.weapon)} (${e.outcome})`],
    ["killed", counts(e.killed)],
    ["injured", counts(e.injured)],
    ["claimed by", (e.claimed_by || []).join("; ") || "—"],
    ["denied by", (e.denied_by || []).join("; ") || "—"],
  ];
  return el("dl", {}, rows.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
}

function counts(list) {
  if (!list || !list.length) return "not reported";
  return list.map((c) => `${c.best ?? bounds(c.low, c.high)} ${words(c.group)}`).join(", ");
}

function sourceBox(s, doc) {
  const href = safeHref(s.document.url);
  const title = s.document.title || s.document.path || s.document.id;
  const reading = s.reading || {};
  return el("article", { class: "source", dataset: { document: s.document.id } },
    el("h4", {}, href ? el("a", { href, rel: "noopener noreferrer", target: "_blank" }, title) : title),
    el("div", { class: "meta" }, `${s.document.outlet || "outlet ?"} · published ${s.document.published || "?"}`),
    el("dl", {},
      el("dt", {}, "said by"), el("dd", {}, (s.said_by || []).join("; ") || "—"),
      el("dt", {}, "killed"), el("dd", {}, counts(s.killed)),
      el("dt", {}, "injured"), el("dd", {}, counts(s.injured)),
      el("dt", {}, "its reading"), el("dd", {}, `${words(reading.sub_type)}, ${words(reading.weapon)}, ${reading.attacker?.text || "?"} → ${reading.target?.text || "?"}${reading.location ? " at " + reading.location.text : ""}`)),
    highlighted(doc.text, s.evidence || []));
}

export function highlighted(text, evidence) {
  const spans = evidence.map((e) => [e.start, e.end]).sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const [start, end] of spans) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  const box = el("div", { class: "report-text" });
  let at = 0;
  for (const [start, end] of merged) {
    if (start > at) box.append(document.createTextNode(text.slice(at, start)));
    box.append(el("mark", { class: "evidence" }, text.slice(start, end)));
    at = end;
  }
  box.append(document.createTextNode(text.slice(at)));
  return box;
}
