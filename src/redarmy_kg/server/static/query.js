// The query page: a textarea, example picker, and a results table. Talks to /sparql only.
"use strict";

(function () {
  const editor = document.getElementById("query");
  const picker = document.getElementById("example");
  const runButton = document.getElementById("run");
  const status = document.getElementById("status");
  const results = document.getElementById("results");
  // IRIs under the dataset's base are served by this server under the same path.
  const BASE = results.dataset.base || "https://w3id.org/redarmy-kg/";
  const examples = JSON.parse(document.getElementById("examples-data").textContent || "[]");

  picker.addEventListener("change", function () {
    if (picker.value !== "") editor.value = examples[Number(picker.value)];
  });
  editor.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); run(); }
    if (event.key === "Tab") {
      event.preventDefault();
      const start = editor.selectionStart;
      editor.setRangeText("  ", start, editor.selectionEnd, "end");
    }
  });
  runButton.addEventListener("click", run);

  function link(iri) {
    const a = document.createElement("a");
    a.textContent = iri;
    a.href = iri.startsWith(BASE + "id/") ? "/" + iri.slice(BASE.length).split("#")[0] : iri;
    return a;
  }

  function cell(term) {
    const td = document.createElement("td");
    if (!term) return td;
    if (term.type === "uri") td.appendChild(link(term.value));
    else if (term.type === "bnode") td.textContent = "_:" + term.value;
    else td.textContent = term.value + (term["xml:lang"] ? "@" + term["xml:lang"] : "");
    return td;
  }

  function showTable(data) {
    const vars = data.head.vars || [];
    const table = document.createElement("table");
    const head = table.createTHead().insertRow();
    vars.forEach(function (name) {
      const th = document.createElement("th");
      th.textContent = "?" + name;
      head.appendChild(th);
    });
    const body = table.createTBody();
    data.results.bindings.forEach(function (binding) {
      const row = body.insertRow();
      vars.forEach(function (name) { row.appendChild(cell(binding[name])); });
    });
    results.replaceChildren(table);
    return data.results.bindings.length;
  }

  async function run() {
    runButton.disabled = true;
    status.textContent = "Running…";
    results.replaceChildren();
    const started = performance.now();
    try {
      const response = await fetch("/sparql", {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "Accept": "application/sparql-results+json, text/turtle;q=0.9",
        },
        body: new URLSearchParams({ query: editor.value }),
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      const type = response.headers.get("Content-Type") || "";
      if (!response.ok) {
        const problem = await response.json().catch(function () { return null; });
        const message = problem && problem.error ? problem.error.message : response.statusText;
        const p = document.createElement("p");
        p.className = "error";
        p.textContent = "Error " + response.status + ": " + message;
        results.replaceChildren(p);
        status.textContent = "";
        return;
      }
      if (type.includes("json")) {
        const data = await response.json();
        if ("boolean" in data) {
          results.textContent = data.boolean ? "true" : "false";
          status.textContent = "Answered in " + seconds + " s";
        } else {
          const n = showTable(data);
          status.textContent = n + " result" + (n === 1 ? "" : "s") + " in " + seconds + " s";
        }
      } else {
        const pre = document.createElement("pre");
        pre.textContent = await response.text();
        results.replaceChildren(pre);
        status.textContent = "Graph returned in " + seconds + " s";
      }
    } catch (error) {
      status.textContent = "";
      results.textContent = "Request failed: " + error;
    } finally {
      runButton.disabled = false;
    }
  }
})();
