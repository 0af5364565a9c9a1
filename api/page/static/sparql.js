"use strict";
// The SPARQL editor: highlighting, example queries, running a query and its downloads.
const PREFIXES = `PREFIX ckg: <https://w3id.org/commitment-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
`;
const EXAMPLES = {
  "Commitments by actor": `SELECT ?actor (COUNT(?c) AS ?commitments) WHERE {
  ?c a ckg:Commitment ; ckg:hasActor ?a . ?a rdfs:label ?actor .
} GROUP BY ?actor ORDER BY DESC(?commitments)`,
  "Refusals": `SELECT ?actor ?asset ?sentence WHERE {
  ?c ckg:status ckg:Refused ; ckg:hasActor/rdfs:label ?actor ;
     ckg:hasAsset/rdfs:label ?asset ; prov:wasDerivedFrom/ckg:text ?sentence .
} LIMIT 100`,
  "Conditional commitments": `SELECT ?actor ?asset ?condition WHERE {
  ?c ckg:conditionedOn/rdfs:label ?condition ; ckg:hasActor/rdfs:label ?actor ;
     ckg:hasAsset/rdfs:label ?asset .
} LIMIT 100`,
  "What depends on whom": `SELECT ?actor ?asset ?condition ?otherActor ?otherAsset WHERE {
  ?c ckg:conditionedOn ?k ; ckg:hasActor/rdfs:label ?actor ; ckg:hasAsset/rdfs:label ?asset .
  ?k rdfs:label ?condition ; ckg:dependsOn ?d .
  ?d ckg:hasActor/rdfs:label ?otherActor ; ckg:hasAsset/rdfs:label ?otherAsset .
} LIMIT 100`,
  "Describe a commitment (graph)": `CONSTRUCT { ?c ?p ?o } WHERE {
  { SELECT ?c WHERE { ?c a ckg:Commitment } LIMIT 1 } ?c ?p ?o .
}`,
};
const TABLE_FORMATS = ["json", "xml", "csv", "tsv"];
const GRAPH_FORMATS = ["turtle", "ntriples", "nquads", "trig", "rdfxml", "jsonld"];
const KEYWORDS = new Set(("select construct describe ask where prefix base distinct reduced from named " +
  "graph optional union filter minus bind values as group by order having limit offset asc desc " +
  "count sum min max avg sample exists not in a service insert delete data with using").split(" "));
const TOKEN = /(#[^\n]*)|(<[^\s<>]*>)|([?$][A-Za-z_][\w]*)|("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|([A-Za-z_][\w-]*)/g;

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

function highlight(text) {
  let out = "", last = 0;
  for (const m of text.matchAll(TOKEN)) {
    out += escapeHtml(text.slice(last, m.index));
    const [whole, comment, iri, variable, string, word] = m;
    let kind = comment ? "comment" : iri ? "iri" : variable ? "var" : string ? "str" : "";
    if (word && KEYWORDS.has(word.toLowerCase())) kind = "kw";
    out += kind ? `<span class="${kind}">${escapeHtml(whole)}</span>` : escapeHtml(whole);
    last = m.index + whole.length;
  }
  return out + escapeHtml(text.slice(last)) + "\n";
}

async function sparql(query, accept = "application/sparql-results+json") {
  const answer = await fetch("/sparql", {
    method: "POST",
    headers: { "Content-Type": "application/sparql-query", Accept: accept },
    body: query,
  });
  if (!answer.ok) {
    let message = `${answer.status}`;
    try { message = (await answer.json()).message || message; } catch (e) { /* not JSON */ }
    throw new Error(message);
  }
  return answer;
}

async function select(query) {
  return (await (await sparql(PREFIXES + query)).json()).results.bindings;
}

function queryForm(query) {
  return /^\s*(?:(?:PREFIX|BASE)\s[^\n]*\n\s*)*(CONSTRUCT|DESCRIBE)/i.test(query.replace(/#[^\n]*/g, ""))
    ? "graph" : "table";
}

function renderTable(data) {
  const box = document.getElementById("results");
  if (data.boolean !== undefined) { box.innerHTML = `<table class="results"><tr><td>${data.boolean}</td></tr></table>`; return; }
  const vars = data.head.vars;
  const rows = data.results.bindings.map((row) =>
    "<tr>" + vars.map((v) => `<td>${row[v] ? escapeHtml(row[v].value) : ""}</td>`).join("") + "</tr>").join("");
  box.innerHTML = `<table class="results"><thead><tr>${vars.map((v) => `<th>${escapeHtml(v)}</th>`).join("")}` +
    `</tr></thead><tbody>${rows}</tbody></table><p>${data.results.bindings.length} rows</p>`;
}

function renderDownloads(query, form) {
  const formats = form === "graph" ? GRAPH_FORMATS : TABLE_FORMATS;
  document.getElementById("downloads").innerHTML = "Download: " + formats.map((f) =>
    `<a download href="/sparql?${new URLSearchParams({ query, format: f })}">${f}</a>`).join("");
}

async function runQuery() {
  const query = document.getElementById("sparql").value;
  const status = document.getElementById("query-status");
  const form = queryForm(query);
  status.textContent = "running…";
  status.className = "";
  try {
    const answer = await sparql(query, form === "graph" ? "text/turtle" : "application/sparql-results+json");
    if (form === "graph") {
      document.getElementById("results").innerHTML = `<pre>${escapeHtml(await answer.text())}</pre>`;
    } else {
      renderTable(await answer.json());
    }
    renderDownloads(query, form);
    status.textContent = "done";
  } catch (error) {
    status.textContent = error.message;
    status.className = "error";
  }
}

function setUpEditor() {
  const area = document.getElementById("sparql");
  const shown = document.getElementById("highlight");
  const sync = () => { shown.innerHTML = highlight(area.value); shown.scrollTop = area.scrollTop; };
  area.addEventListener("input", sync);
  area.addEventListener("scroll", () => { shown.scrollTop = area.scrollTop; });
  const examples = document.getElementById("examples");
  for (const name of Object.keys(EXAMPLES)) examples.add(new Option(name, name));
  examples.addEventListener("change", () => { area.value = PREFIXES + EXAMPLES[examples.value]; sync(); });
  area.value = PREFIXES + EXAMPLES[examples.value];
  sync();
  document.getElementById("run").addEventListener("click", runQuery);
}
