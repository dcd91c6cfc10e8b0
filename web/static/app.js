// klaim search page: progressive enhancement of the server-rendered page.
// Without this script every link and the form work as plain HTML. With it,
// searches, facets, claims and speakers load from the JSON API in place.
// Every text goes into the page as a text node, never parsed as markup.
"use strict";
(function () {
  var STANCES = ["claim", "deny", "admit", "apologize"];
  var LABELS = {
    claim: "claims · mengklaim", deny: "denies · membantah",
    admit: "admits · mengakui", apologize: "apologizes · minta maaf"
  };
  var FACETS = [["stance", "Stance · Sikap"], ["lang", "Language · Bahasa"], ["year", "Year · Tahun"],
    ["speaker", "Speaker · Pembicara"], ["site", "Site · Situs"]];
  var PARAMS = ["q", "lang", "stance", "from", "to", "speaker", "entity", "site"];
  var RELATIONS = {works_for: "works for · bekerja di", parent_of: "parent of · induk dari"};
  var LANGS = {id: "Indonesian · Indonesia", en: "English · Inggris"};

  // el builds an element: el("a", {href: "/x"}, "text", child...).
  function el(tag, attrs) {
    var n = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] !== undefined && attrs[k] !== null && attrs[k] !== false) n.setAttribute(k, attrs[k]);
    });
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === undefined || c === null || c === "") continue;
      n.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    }
    return n;
  }

  // webURL keeps http(s) links only: a javascript: or file: URL never becomes a link.
  function webURL(u) {
    try {
      var p = new URL(u, location.href);
      return p.protocol === "http:" || p.protocol === "https:" ? p.href : "";
    } catch (e) { return ""; }
  }

  function badge(stance) {
    return el("span", {"class": "badge badge-" + (STANCES.indexOf(stance) >= 0 ? stance : "claim")}, LABELS[stance] || stance);
  }

  function entityLink(ref) {
    return el("a", {href: "/entity/" + encodeURIComponent(ref.id), "data-entity": ref.id}, ref.name);
  }

  function statement(s) {
    var sp = s.speaker || {}, art = s.article || {};
    var role = [sp.role, sp.org && sp.org.name].filter(Boolean).join(", ");
    var href = webURL(art.url);
    var date = s.said_at || art.published;
    return el("li", {"class": "st"},
      el("div", {"class": "st-head"}, date ? el("time", {"class": "when"}, date) : null, entityLink(sp), role ? el("span", {"class": "role"}, role) : null, badge(s.stance)),
      el("blockquote", {lang: art.lang || null}, s.quote),
      el("p", {"class": "claim"}, el("span", {"class": "k"}, "Claim · Klaim:"), " ",
        el("a", {href: "/claim/" + encodeURIComponent(s.claim.id), "data-claim": s.claim.id}, s.claim.text)),
      el("p", {"class": "source"},
        href ? el("a", {href: href, rel: "noopener noreferrer nofollow"}, art.title) : el("span", {title: art.url}, art.title),
        art.site ? " · " + art.site : null, date ? el("span", {}, " · ", el("time", {}, date)) : null,
        " · ", el("a", {"class": "context", href: "/article/" + encodeURIComponent(art.id) + "?st=" + encodeURIComponent(s.id) + "#evidence"}, "in context · konteks")));
  }

  function formParams() {
    var p = new URLSearchParams();
    new FormData(document.getElementById("search")).forEach(function (v, k) { if (v) p.set(k, v); });
    return p;
  }

  function setForm(p) {
    var f = document.getElementById("search");
    PARAMS.forEach(function (k) { if (f.elements[k]) f.elements[k].value = p.get(k) || ""; });
  }

  function problemText(body, status) {
    return (body && (body.detail || body.title)) || ("HTTP " + status);
  }

  function getJSON(url) {
    return fetch(url, {headers: {Accept: "application/json"}}).then(function (r) {
      return r.json().catch(function () { return null; }).then(function (body) {
        if (!r.ok) throw new Error(problemText(body, r.status));
        return body;
      });
    });
  }

  function showError(box, err) {
    box.replaceChildren(el("p", {"class": "error", role: "alert"}, err.message));
  }

  function facetList(params, facets) {
    var aside = el("aside", {"class": "facets", "aria-label": "Filters · Saring"});
    FACETS.forEach(function (f) {
      var name = f[0], buckets = (facets || {})[name];
      buckets = (buckets || []).filter(function (b) { return b.value; });
      if (!buckets.length) return;
      var ul = el("ul");
      buckets.forEach(function (b) {
        var next = new URLSearchParams(params), active = false;
        next.delete("cursor");
        if (name === "year" && /^\d{4}$/.test(b.value)) {
          active = params.get("from") === b.value + "-01-01" && params.get("to") === b.value + "-12-31";
          next.set("from", b.value + "-01-01");
          next.set("to", b.value + "-12-31");
        } else if (name === "stance" || name === "lang" || name === "speaker") {
          active = params.get(name) === b.value;
          next.set(name, b.value);
        } else {
          next = null;
        }
        var label = (name === "stance" ? LABELS[b.value] : name === "lang" ? LANGS[b.value] : "") || b.value;
        ul.appendChild(el("li", {}, next ? el("a", {href: "/?" + next, "data-facet": "", "aria-current": active ? "true" : null}, label) : label,
          " ", el("span", {"class": "count"}, b.count)));
      });
      aside.appendChild(el("section", {"class": "facet"}, el("h2", {}, f[1]), ul));
    });
    return aside;
  }

  // search runs the query in params; with append it adds the next page to the list.
  function search(params, push, append) {
    var box = document.getElementById("results");
    box.setAttribute("aria-busy", "true");
    return getJSON("/api/v1/search?" + params).then(function (res) {
      var more = res.meta.next_cursor ? (function () {
        var n = new URLSearchParams(params);
        n.set("cursor", res.meta.next_cursor);
        return el("p", {}, el("a", {"class": "more", href: "/?" + n, "data-more": n.toString(), rel: "next"}, "More results · Hasil berikutnya"));
      })() : null;
      if (append) {
        var list = box.querySelector("ol.statements");
        res.data.forEach(function (s) { list.appendChild(statement(s)); });
        var old = box.querySelector("a.more");
        if (old) old.parentNode.remove();
        if (more) list.parentNode.appendChild(more);
        return;
      }
      var hits = el("section", {"class": "hits", "aria-label": "Results · Hasil"},
        el("p", {"class": "total"}, res.meta.total + " statements · pernyataan"));
      if (res.data.length) {
        var ol = el("ol", {"class": "statements"});
        res.data.forEach(function (s) { ol.appendChild(statement(s)); });
        hits.appendChild(ol);
      } else {
        hits.appendChild(el("p", {}, "Nothing found. Try fewer words or other filters. · Tidak ditemukan. Coba kata lain."));
      }
      if (more) hits.appendChild(more);
      box.replaceChildren(el("div", {"class": "layout"}, facetList(params, res.meta.facets), hits));
      if (push) history.pushState(null, "", "/?" + params);
    }).catch(function (err) { showError(box, err); }).finally(function () { box.removeAttribute("aria-busy"); });
  }

  function detailPanel() {
    var d = document.getElementById("detail");
    if (!d) {
      d = el("section", {id: "detail", "class": "detail", tabindex: "-1", "aria-live": "polite"});
      document.getElementById("main").appendChild(d);
    }
    return d;
  }

  function openDetail(children) {
    var d = detailPanel();
    var close = el("button", {type: "button", "class": "close"}, "Close · Tutup");
    close.addEventListener("click", function () { d.hidden = true; });
    d.replaceChildren.apply(d, [close].concat(children));
    d.hidden = false;
    d.focus();
    d.scrollIntoView({block: "start"});
  }

  function counts(map) {
    var ul = el("ul", {"class": "counts"});
    STANCES.forEach(function (st) { ul.appendChild(el("li", {}, badge(st), " ", el("span", {"class": "count"}, (map || {})[st] || 0))); });
    return ul;
  }

  function who(label, refs) {
    if (!refs || !refs.length) return [];
    var dd = el("dd");
    refs.forEach(function (r, i) { if (i) dd.appendChild(document.createTextNode(", ")); dd.appendChild(entityLink(r)); });
    return [el("dt", {}, label), dd];
  }

  function showClaim(id) {
    return getJSON("/api/v1/claims/" + encodeURIComponent(id)).then(function (c) {
      var dl = el("dl", {"class": "who"});
      [].concat(who("Claimed by · Diklaim oleh", c.claimed_by), who("Denied by · Dibantah oleh", c.denied_by),
        who("Admitted by · Diakui oleh", c.admitted_by), who("Apologized · Minta maaf", c.apologized_by))
        .forEach(function (n) { dl.appendChild(n); });
      var ol = el("ol", {"class": "statements timeline"});
      c.timeline.forEach(function (s) { ol.appendChild(statement(s)); });
      openDetail([el("p", {"class": "k"}, "Claim · Klaim"), el("h2", {}, c.text), counts(c.counts), dl,
        el("h3", {}, "Timeline · Linimasa"), ol,
        el("p", {}, el("a", {href: "/claim/" + encodeURIComponent(c.id)}, "Open as page · Buka sebagai halaman"))]);
    }).catch(function (err) { openDetail([el("p", {"class": "error", role: "alert"}, err.message)]); });
  }

  function showEntity(id) {
    var base = "/api/v1/entities/" + encodeURIComponent(id);
    return Promise.all([getJSON(base), getJSON(base + "/statements?limit=100")]).then(function (r) {
      var e = r[0], sts = r[1];
      var parts = [el("p", {"class": "k"}, e.kind), el("h2", {}, e.name)];
      if (e.aliases.length) parts.push(el("p", {}, el("span", {"class": "k"}, "Also known as · Juga dikenal sebagai: "), e.aliases.join(", ")));
      parts.push(counts(e.statement_counts));
      if (e.relations.length) {
        var rl = el("ul", {"class": "relations"});
        e.relations.forEach(function (rel) {
          rl.appendChild(el("li", {}, entityLink(rel.from), " ", el("span", {"class": "rel"}, (RELATIONS[rel.type] || rel.type.replace(/_/g, " ")) + (rel.role ? " (" + rel.role + ")" : "")), " ", entityLink(rel.to)));
        });
        parts.push(el("h3", {}, "Relations · Hubungan"), rl);
      }
      var ol = el("ol", {"class": "statements"});
      sts.data.forEach(function (s) { ol.appendChild(statement(s)); });
      parts.push(el("h3", {}, "Statements · Pernyataan (" + sts.meta.total + ")"), ol,
        el("p", {}, el("a", {href: "/entity/" + encodeURIComponent(e.id)}, "Open as page · Buka sebagai halaman")));
      openDetail(parts);
    }).catch(function (err) { openDetail([el("p", {"class": "error", role: "alert"}, err.message)]); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("search");
    if (!form || !window.fetch) return; // a claim or entity page, or an old browser: plain links do
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      search(formParams(), true);
    });
    document.addEventListener("click", function (ev) {
      if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
      var a = ev.target.closest && ev.target.closest("a");
      if (!a) return;
      if (a.hasAttribute("data-claim")) { ev.preventDefault(); showClaim(a.getAttribute("data-claim")); }
      else if (a.hasAttribute("data-entity")) { ev.preventDefault(); showEntity(a.getAttribute("data-entity")); }
      else if (a.hasAttribute("data-facet")) {
        ev.preventDefault();
        var p = new URL(a.href).searchParams;
        setForm(p);
        search(p, true);
      } else if (a.hasAttribute("data-more")) {
        ev.preventDefault();
        search(new URLSearchParams(a.getAttribute("data-more")), false, true);
      }
    });
    window.addEventListener("popstate", function () {
      var p = new URLSearchParams(location.search);
      setForm(p);
      if (PARAMS.some(function (k) { return p.get(k); })) search(p, false);
      else location.reload();
    });
  });
})();
