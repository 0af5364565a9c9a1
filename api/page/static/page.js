"use strict";
// The preview box, and starting every part of the page.
let lastText = "";

async function preview() {
  const status = document.getElementById("preview-status");
  lastText = document.getElementById("news").value;
  status.textContent = "reading…";
  status.className = "";
  const answer = await fetch("/page/preview", {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text: lastText }),
  });
  const body = await answer.json();
  if (!answer.ok) { status.textContent = body.message || String(answer.status); status.className = "error"; return; }
  showCommitments(body.commitments);
  status.textContent = `${body.commitments.length} commitments (not stored)`;
  document.getElementById("store").disabled = !document.getElementById("token").value;
}

function showCommitments(found) {
  const cells = (c) => [c.actor, (c.assets || []).join(", "), c.recipient, c.status, c.sentence]
    .map((v) => `<td>${escapeHtml(v ?? "")}</td>`).join("");
  document.getElementById("extracted").innerHTML = `<table><thead><tr><th>actor</th><th>assets</th>` +
    `<th>recipient</th><th>status</th><th>sentence</th></tr></thead><tbody>` +
    found.map((c) => `<tr class="${c.status === "Refused" ? "refused" : ""}">${cells(c)}</tr>`).join("") + "</tbody></table>";
}

async function store() {
  const status = document.getElementById("preview-status");
  const id = "pasted-" + Date.now();
  const answer = await fetch("/documents", {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: "Bearer " + document.getElementById("token").value },
    body: JSON.stringify({ id, text: lastText }),
  });
  const body = await answer.json();
  status.textContent = answer.ok ? `stored as ${body.graph} (${body.triples} triples)` : body.message || String(answer.status);
  status.className = answer.ok ? "" : "error";
}

document.addEventListener("DOMContentLoaded", () => {
  setUpEditor();
  setUpView();
  const fail = (error) => { const s = document.getElementById("preview-status"); s.textContent = error.message; s.className = "error"; };
  document.getElementById("extract").addEventListener("click", () => preview().catch(fail));
  document.getElementById("store").addEventListener("click", () => store().catch(fail));
  document.getElementById("token").addEventListener("input", (e) => {
    document.getElementById("store").disabled = !e.target.value || !lastText;
  });
});
