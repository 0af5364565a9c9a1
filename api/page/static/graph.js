"use strict";
// The commitments view: a bounded, layered SVG graph of one actor's or one document's commitments.
const MAX_DRAWN = 150;
const COLUMNS = { actor: 0, commitment: 1, asset: 2, recipient: 3, condition: 4 };
const COL_WIDTH = 240, ROW = 26, BOX_W = 170, BOX_H = 20;
const VIEW_PREFIXES = "PREFIX dcterms: <http://purl.org/dc/terms/>\n";

function selection() {
  const actor = document.getElementById("actor").value;
  const doc = document.getElementById("document").value;
  if (actor) return `?c a ckg:Commitment ; ckg:hasActor <${actor}> .`;
  if (doc) return `?c a ckg:Commitment ; prov:wasDerivedFrom/dcterms:isPartOf <${doc}> .`;
  return null;
}

async function fillPickers() {
  const ids = await select("SELECT DISTINCT ?a WHERE { ?a a ckg:Actor } LIMIT 2000");
  const named = await labels(ids.map((row) => row.a.value));
  const actors = [...named].sort((x, y) => x[1].localeCompare(y[1]));
  const docs = await select(VIEW_PREFIXES + `SELECT ?d ?id WHERE {
    ?d a ckg:Document . OPTIONAL { ?d dcterms:identifier ?id } } ORDER BY ?id LIMIT 2000`);
  const actorBox = document.getElementById("actor");
  for (const [iri, label] of actors) actorBox.add(new Option(label, iri));
  const docBox = document.getElementById("document");
  for (const row of docs) docBox.add(new Option(row.id ? row.id.value : row.d.value, row.d.value));
}

// Labels looked up apart: an actor is labelled in every document graph that names it, so joining
// its label inside a bigger query multiplies the rows.
async function labels(iris) {
  const found = new Map();
  for (let start = 0; start < iris.length; start += 200) {
    const values = iris.slice(start, start + 200).map((iri) => `<${iri}>`).join(" ");
    for (const row of await select(`SELECT DISTINCT ?a ?label WHERE { VALUES ?a { ${values} } ?a rdfs:label ?label }`)) {
      if (!found.has(row.a.value)) found.set(row.a.value, row.label.value);
    }
  }
  return found;
}

async function loadView() {
  const pattern = selection();
  const status = document.getElementById("view-status");
  document.getElementById("detail").innerHTML = "";
  if (!pattern) { document.getElementById("graph").innerHTML = ""; status.textContent = ""; return; }
  status.textContent = "loading…";
  const started = performance.now();
  const chosen = `{ SELECT DISTINCT ?c WHERE { ${pattern} } ORDER BY ?c LIMIT ${MAX_DRAWN} }`;
  const [counted, rows, deps] = await Promise.all([
    select(VIEW_PREFIXES + `SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ${pattern} }`),
    select(VIEW_PREFIXES + `SELECT ?c ?p ?o ?label WHERE { ${chosen}
      VALUES ?p { ckg:hasActor ckg:hasAsset ckg:hasRecipient ckg:conditionedOn ckg:status ckg:negated }
      ?c ?p ?o . OPTIONAL { FILTER(?p IN (ckg:hasAsset, ckg:conditionedOn)) ?o rdfs:label ?label } }`),
    select(VIEW_PREFIXES + `SELECT ?k ?d WHERE { ${chosen} ?c ckg:conditionedOn ?k . ?k ckg:dependsOn ?d }`),
  ]);
  const total = Number(counted[0].n.value);
  const commitments = collect(rows);
  const people = commitments.flatMap((c) => [c.actor, ...c.recipients]).filter(Boolean);
  const named = await labels([...new Set(people.map((n) => n.iri))]);
  for (const node of people) node.label = named.get(node.iri) || node.label;
  drawGraph(commitments, deps);
  const shown = Math.min(total, MAX_DRAWN);
  status.textContent = (total > shown ? `showing ${shown} of ${total.toLocaleString("en")} commitments`
    : `${total} commitments`) + ` · drawn in ${Math.round(performance.now() - started)} ms`;
  document.getElementById("graph").dataset.drawnMs = String(performance.now() - started);
}

function collect(rows) {
  const commitments = new Map();
  const short = (iri) => iri.slice(iri.lastIndexOf("#") + 1);
  for (const row of rows) {
    const iri = row.c.value;
    if (!commitments.has(iri)) commitments.set(iri, { iri, actor: null, assets: [], recipients: [], conditions: [], status: "", negated: false });
    const c = commitments.get(iri);
    const node = { iri: row.o.value, label: row.label ? row.label.value : short(row.o.value) };
    switch (short(row.p.value)) {
      case "hasActor": c.actor = node; break;
      case "hasAsset": c.assets.push(node); break;
      case "hasRecipient": c.recipients.push(node); break;
      case "conditionedOn": c.conditions.push(node); break;
      case "status": c.status = short(row.o.value); break;
      case "negated": c.negated = row.o.value === "true" || row.o.value === "1"; break;
    }
  }
  return [...commitments.values()];
}

function svgElement(name, attributes, parent) {
  const element = document.createElementNS("http://www.w3.org/2000/svg", name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  if (parent) parent.appendChild(element);
  return element;
}

function drawGraph(commitments, deps) {
  const nodes = new Map();
  const rows = [0, 0, 0, 0, 0];
  const place = (kind, iri, label, extra = "") => {
    const key = kind + " " + iri;
    if (!nodes.has(key)) {
      const column = COLUMNS[kind];
      nodes.set(key, { kind, iri, label, extra, x: 10 + column * COL_WIDTH, y: 10 + rows[column]++ * ROW });
    }
    return nodes.get(key);
  };
  const edges = [];
  for (const c of commitments) {
    const refused = c.negated || c.status === "Refused";
    const node = place("commitment", c.iri, `${c.status || "commitment"}: ${c.assets.map((a) => a.label).join(", ")}`,
      refused ? "refused" : "");
    node.data = c;
    if (c.actor) edges.push([place("actor", c.actor.iri, c.actor.label), node, refused ? "refused" : ""]);
    for (const a of c.assets) edges.push([node, place("asset", a.iri, a.label), refused ? "refused" : ""]);
    for (const r of c.recipients) edges.push([node, place("recipient", r.iri, r.label), ""]);
    for (const k of c.conditions) edges.push([node, place("condition", k.iri, k.label), ""]);
  }
  for (const row of deps) {
    const from = nodes.get("condition " + row.k.value), to = nodes.get("commitment " + row.d.value);
    if (from && to) edges.push([from, to, "depends"]);
  }
  const height = Math.max(1, ...rows) * ROW + 20;
  const svg = svgElement("svg", { width: 10 + 5 * COL_WIDTH, height, role: "img" });
  for (const [from, to, kind] of edges) {
    const x1 = from.x + (kind === "depends" ? 0 : BOX_W), y1 = from.y + BOX_H / 2;
    const x2 = kind === "depends" ? to.x + BOX_W : to.x, y2 = to.y + BOX_H / 2;
    const pull = kind === "depends" ? -80 : (x2 - x1) / 2;
    const path = `M${x1},${y1} C${x1 + pull},${y1} ${x2 - pull},${y2} ${x2},${y2}`;
    svgElement("path", { d: path, class: `edge ${kind}` }, svg);
    if (kind === "refused" && to.kind === "commitment") {
      svgElement("text", { x: x2 - 48, y: y2 - 2, class: "edge-label" }, svg).textContent = "refused";
    }
  }
  for (const node of nodes.values()) {
    const group = svgElement("g", { class: `node ${node.kind} ${node.extra}`.trim(), transform: `translate(${node.x},${node.y})` }, svg);
    svgElement("rect", { width: BOX_W, height: BOX_H, rx: 4 }, group);
    const text = svgElement("text", { x: 5, y: 14 }, group);
    text.textContent = node.label.length > 27 ? node.label.slice(0, 26) + "…" : node.label;
    svgElement("title", {}, group).textContent = node.label;
    if (node.kind === "commitment") {
      group.dataset.iri = node.iri;
      group.addEventListener("click", () => {
        svg.querySelectorAll(".selected").forEach((g) => g.classList.remove("selected"));
        group.classList.add("selected");
        showDetail(node.data);
      });
    }
  }
  const box = document.getElementById("graph");
  box.innerHTML = "";
  box.appendChild(svg);
}

async function showDetail(c) {
  const detail = document.getElementById("detail");
  detail.textContent = "loading…";
  const [statement] = await select(VIEW_PREFIXES + `SELECT ?text ?begin ?end ?content WHERE {
    <${c.iri}> prov:wasDerivedFrom ?s . ?s ckg:text ?text .
    OPTIONAL { ?s ckg:beginIndex ?begin ; ckg:endIndex ?end }
    OPTIONAL { ?s dcterms:isPartOf/ckg:content ?content } } LIMIT 1`);
  const sources = await select(`SELECT ?x ?label (COUNT(?step) AS ?depth) WHERE {
    <${c.iri}> prov:wasDerivedFrom/ckg:attributedTo ?first .
    ?first ckg:cites* ?step . ?step ckg:cites* ?x . OPTIONAL { ?x rdfs:label ?label } }
    GROUP BY ?x ?label ORDER BY ?depth`);
  let text = statement ? escapeHtml(statement.text.value) : "(no statement)";
  if (statement && statement.content && statement.begin) {
    const content = statement.content.value;
    const begin = Number(statement.begin.value), end = Number(statement.end.value);
    text = escapeHtml(content.slice(0, begin)) + `<mark id="sentence">${escapeHtml(content.slice(begin, end))}</mark>` +
      escapeHtml(content.slice(end));
  }
  const chain = sources.map((s) => escapeHtml(s.label ? s.label.value : s.x.value)).join(", citing ") || "none recorded";
  const list = (nodes) => nodes.map((n) => escapeHtml(n.label)).join(", ") || "none";
  detail.innerHTML = `<h3>${escapeHtml(c.actor ? c.actor.label : "?")}: ${list(c.assets)}</h3>
    <p>Status: <b>${escapeHtml(c.status || "unknown")}</b>${c.negated ? " (refused)" : ""} ·
    Recipient: ${list(c.recipients)} · Conditions: ${list(c.conditions)}</p>
    <p>Attribution: ${chain}</p><div id="document-text">${text}</div>`;
  const mark = document.getElementById("sentence");
  if (mark) mark.scrollIntoView({ block: "center" });
}

function setUpView() {
  const actor = document.getElementById("actor"), doc = document.getElementById("document");
  actor.addEventListener("change", () => { if (actor.value) doc.value = ""; loadView().catch(viewError); });
  doc.addEventListener("change", () => { if (doc.value) actor.value = ""; loadView().catch(viewError); });
  fillPickers().catch(viewError);
}

function viewError(error) {
  const status = document.getElementById("view-status");
  status.textContent = error.message;
  status.className = "error";
}
