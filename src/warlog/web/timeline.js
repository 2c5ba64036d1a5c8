// The timeline: events per day or week (bars, from /api/timeline) with the official
// tallies reports quote drawn over it (from /api/tally): a dashed line at the day a
// figure was stated, the period it covers, the figure and what is on record.
import { svg } from "./dom.js";

const DAY = 86400000;
const H = 190, TOP = 46, BOTTOM = 22, LEFT = 34, RIGHT = 12;

const parse = (iso) => Date.parse(`${iso}T00:00:00Z`);
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

export function drawTimeline(node, data, claims, range) {
  const width = Math.max(node.clientWidth || 800, 300);
  const stepDays = data.step === "week" ? 7 : 1;
  // The period drawn: the events' (or the filter's dates); tallies stated outside it
  // are left out rather than stretching the axis.
  const days = data.buckets.map((b) => parse(b.start));
  if (range.since) days.push(parse(range.since));
  if (range.until) days.push(parse(range.until));
  if (!days.length) days.push(...claims.map((c) => parse(c.claim.as_of)));
  const root = svg("svg", { viewBox: `0 0 ${width} ${H}`, role: "img", "aria-label": "events over time" });
  if (!days.length) {
    root.append(svg("text", { x: LEFT, y: H / 2 }, "no dated events in the filter"));
    node.replaceChildren(root);
    return 0;
  }
  // At least four weeks wide, so a single day is a bar, not the whole chart.
  let first = Math.min(...days), last = Math.max(...days) + stepDays * DAY;
  const missing = 28 * DAY - (last - first);
  if (missing > 0) {
    first -= Math.floor(missing / 2 / DAY) * DAY;
    last += Math.ceil(missing / 2 / DAY) * DAY;
  }
  claims = claims.filter((c) => parse(c.claim.as_of) >= first && parse(c.claim.as_of) <= last);
  const x = (ms) => LEFT + ((ms - first) / Math.max(last - first, DAY)) * (width - LEFT - RIGHT);
  const top = Math.max(1, ...data.buckets.map((b) => b.count));
  const y = (n) => H - BOTTOM - (n / top) * (H - TOP - BOTTOM);
  root.append(axis(first, last, x, top, y, width));
  const bars = svg("g", { class: "bars" });
  const barWidth = Math.max(1.5, x(first + stepDays * DAY) - x(first) - 1);
  for (const b of data.buckets) {
    const rect = svg("rect", { class: "bar", x: x(parse(b.start)), y: y(b.count), width: barWidth,
                               height: H - BOTTOM - y(b.count), dataset: { count: b.count, start: b.start } });
    rect.append(svg("title", {}, `${b.start}: ${b.count} event${b.count === 1 ? "" : "s"}, ${b.killed_low} killed (at least)`));
    bars.append(rect);
  }
  root.append(bars);
  const rowEnds = [];
  for (const c of claims) root.append(claimMark(c, x, rowEnds, width));
  node.replaceChildren(root);
  return claims.length;
}

function axis(first, last, x, top, y, width) {
  const g = svg("g", { class: "axis" });
  g.append(svg("line", { x1: LEFT, x2: width - RIGHT, y1: H - BOTTOM, y2: H - BOTTOM }));
  const ticks = 6;
  for (let i = 0; i <= ticks; i++) {
    const ms = first + ((last - first) * i) / ticks;
    const anchor = i === 0 ? "start" : (i === ticks ? "end" : "middle");
    g.append(svg("text", { x: x(ms), y: H - 6, "text-anchor": anchor }, iso(ms)));
  }
  g.append(svg("text", { x: 4, y: y(top) + 4 }, String(top)));
  g.append(svg("text", { x: 4, y: H - BOTTOM }, "0"));
  return g;
}

// Labels go in the first of three rows where they do not run into the previous one;
// when none is free the label is left out and the line keeps its tooltip.
function claimMark(check, x, rowEnds, width) {
  const c = check.claim;
  const g = svg("g", { class: "claim", dataset: { value: c.value, kind: c.kind } });
  const at = x(parse(c.as_of));
  const noun = { attack_count: "attacks", killed_count: "killed", injured_count: "injured" }[c.kind];
  const onRecord = c.kind === "attack_count" ? check.on_record.events
    : (c.kind === "killed_count" ? check.on_record.killed.low : check.on_record.injured.low);
  const label = `${c.value} ${noun}${c.since ? " since " + c.since : ""}${c.said_by ? " (" + c.said_by + ")" : ""} · on record ${onRecord}`;
  const short = `${c.value} ${noun} · on record ${onRecord}`;
  const textWidth = short.length * 5.6;
  const toLeft = at + textWidth > width - RIGHT;
  const [from, to] = toLeft ? [at - textWidth - 3, at] : [at, at + textWidth + 3];
  let row = rowEnds.findIndex((end) => end < from);
  if (row < 0 && rowEnds.length < 3) row = rowEnds.push(-Infinity) - 1;
  const y = 10 + Math.max(row, 0) * 12;
  g.append(svg("line", { x1: at, x2: at, y1: y + 2, y2: H - BOTTOM }));
  if (c.since) g.append(svg("line", { x1: x(parse(c.since)), x2: at, y1: y + 2, y2: y + 2 }));
  if (row >= 0) {
    rowEnds[row] = to;
    g.append(svg("text", { x: toLeft ? at - 3 : at + 3, y, "text-anchor": toLeft ? "end" : "start" }, short));
  }
  g.append(svg("title", {}, `official tally stated ${c.as_of}: ${label}`));
  return g;
}
