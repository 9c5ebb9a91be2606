// The documents table of svtext's report: sort, filter, page, and open a
// document's text with its hits and quotes marked. Plain JavaScript, no
// libraries; the data is the JSON in #doc-data.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('doc-data').textContent);
  var rows = data.rows, themes = data.themes, texts = data.texts;
  // a row: [id, title, date, language, words, lix, [hits per theme], text index or -1]
  var PAGE = 50;
  var state = { col: null, dir: 1, filter: '', lang: '', theme: '', hasText: false, page: 0 };
  var table = document.getElementById('doc-table');
  var tbody = table.tBodies[0];
  var collator = new Intl.Collator('sv');
  var fmt = new Intl.NumberFormat('en');
  var shown = rows;

  function value(row, col) {
    if (col.charAt(0) === 't') { return row[6][Number(col.slice(1))]; }
    return row[Number(col)];
  }

  function compare(a, b) {
    var x = value(a, state.col), y = value(b, state.col);
    if (x === null || x === undefined) { return (y === null || y === undefined) ? 0 : 1; }
    if (y === null || y === undefined) { return -1; }
    var c = (typeof x === 'number') ? x - y : collator.compare(String(x), String(y));
    return c * state.dir || collator.compare(a[0], b[0]);
  }

  function matching() {
    var words = state.filter.toLowerCase().split(/\s+/).filter(Boolean);
    var theme = state.theme === '' ? -1 : Number(state.theme);
    return rows.filter(function (r) {
      if (state.lang && (r[3] || 'unknown') !== state.lang) { return false; }
      if (state.hasText && r[7] < 0) { return false; }
      if (theme >= 0 && !(r[6][theme] > 0)) { return false; }
      if (!words.length) { return true; }
      var hay = (r[1] + ' ' + r[0]).toLowerCase();
      return words.every(function (w) { return hay.indexOf(w) >= 0; });
    });
  }

  function cell(tr, text, cls) {
    var td = document.createElement('td');
    td.textContent = text;
    if (cls) { td.className = cls; }
    tr.appendChild(td);
  }

  function render() {
    shown = matching();
    if (state.col !== null) { shown.sort(compare); }
    var pages = Math.max(1, Math.ceil(shown.length / PAGE));
    state.page = Math.min(state.page, pages - 1);
    var start = state.page * PAGE;
    var frag = document.createDocumentFragment();
    shown.slice(start, start + PAGE).forEach(function (r) {
      var tr = document.createElement('tr');
      tr.dataset.id = r[0];
      if (r[7] < 0) { tr.className = 'no-text'; }
      cell(tr, r[1], 'title');
      cell(tr, r[2] || '–', 'date');
      cell(tr, r[3] || '–');
      cell(tr, fmt.format(r[4]), 'n');
      cell(tr, r[5] === null ? '–' : r[5].toFixed(1), 'n');
      r[6].forEach(function (n) { cell(tr, String(n), n ? 'n' : 'n zero'); });
      tr.addEventListener('click', function () { openDoc(r); });
      frag.appendChild(tr);
    });
    tbody.replaceChildren(frag);
    document.getElementById('doc-count').textContent =
      fmt.format(shown.length) + ' of ' + fmt.format(rows.length) + ' documents match';
    document.getElementById('doc-page').textContent = 'page ' + (state.page + 1) + ' of ' + pages;
    document.getElementById('doc-prev').disabled = state.page === 0;
    document.getElementById('doc-next').disabled = state.page >= pages - 1;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      th.classList.toggle('sorted-asc', th.dataset.col === state.col && state.dir > 0);
      th.classList.toggle('sorted-desc', th.dataset.col === state.col && state.dir < 0);
    });
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    th.addEventListener('click', function () {
      var col = th.dataset.col;
      // text columns start ascending, numbers descending (largest first)
      var numeric = col.charAt(0) === 't' || col === '4' || col === '5';
      if (state.col === col) { state.dir = -state.dir; } else { state.col = col; state.dir = numeric ? -1 : 1; }
      state.page = 0;
      render();
    });
  });
  document.getElementById('doc-filter').addEventListener('input', function (e) {
    state.filter = e.target.value; state.page = 0; render();
  });
  var langSelect = document.getElementById('doc-lang');
  Array.from(new Set(rows.map(function (r) { return r[3] || 'unknown'; }))).sort().forEach(function (l) {
    var o = document.createElement('option'); o.value = l; o.textContent = l; langSelect.appendChild(o);
  });
  langSelect.addEventListener('change', function (e) { state.lang = e.target.value; state.page = 0; render(); });
  document.getElementById('doc-theme').addEventListener('change', function (e) {
    state.theme = e.target.value; state.page = 0; render();
  });
  document.getElementById('doc-has-text').addEventListener('change', function (e) {
    state.hasText = e.target.checked; state.page = 0; render();
  });
  document.getElementById('doc-prev').addEventListener('click', function () { state.page -= 1; render(); });
  document.getElementById('doc-next').addEventListener('click', function () { state.page += 1; render(); });

  // The text as pieces: each piece lies wholly inside or outside every hit and quote.
  function highlighted(t) {
    var chars = Array.from(t.text);
    var cuts = [0, chars.length];
    t.hits.concat(t.quotes).forEach(function (s) { cuts.push(s[0], s[1]); });
    cuts = Array.from(new Set(cuts)).sort(function (a, b) { return a - b; });
    var frag = document.createDocumentFragment();
    for (var i = 0; i + 1 < cuts.length; i++) {
      var s = cuts[i], e = cuts[i + 1];
      var node = document.createTextNode(chars.slice(s, e).join(''));
      var hits = t.hits.filter(function (h) { return h[0] <= s && h[1] >= e; });
      if (hits.length) {
        var mark = document.createElement('mark');
        mark.style.borderColor = themes[hits[0][2]].color;
        mark.title = hits.map(function (h) { return themes[h[2]].label; }).join(', ');
        mark.appendChild(node);
        node = mark;
      }
      var quote = t.quotes.find(function (q) { return q[0] <= s && q[1] >= e; });
      if (quote) {
        var span = document.createElement('span');
        span.className = 'q';
        span.title = 'Quote: ' + quote[2];
        span.appendChild(node);
        node = span;
      }
      frag.appendChild(node);
    }
    return frag;
  }

  function legend(t) {
    var p = document.getElementById('doc-legend');
    p.replaceChildren();
    var used = new Set(t ? t.hits.map(function (h) { return h[2]; }) : []);
    themes.forEach(function (th, i) {
      if (!used.has(i)) { return; }
      var s = document.createElement('span');
      s.innerHTML = '<span class="swatch"></span>';
      s.firstChild.style.background = th.color;
      s.appendChild(document.createTextNode(th.label));
      p.appendChild(s);
    });
    if (t && t.quotes.length) {
      var q = document.createElement('span');
      q.innerHTML = '<span class="q">quoted speech</span> (hover over it for the speaker)';
      p.appendChild(q);
    }
  }

  var dialog = document.getElementById('doc-view');
  function openDoc(r) {
    var t = r[7] >= 0 ? texts[r[7]] : null;
    document.getElementById('doc-title').textContent = r[1];
    var counts = r[6].map(function (n, i) { return n ? themes[i].label + ' ' + n : null; }).filter(Boolean);
    document.getElementById('doc-meta').textContent = [
      'id ' + r[0], r[2] || 'no date', 'language ' + (r[3] || 'unknown'),
      fmt.format(r[4]) + ' words', 'LIX ' + (r[5] === null ? '–' : r[5].toFixed(1)),
      counts.length ? 'hits: ' + counts.join(', ') : 'no theme hits'
    ].join(' · ');
    legend(t);
    var box = document.getElementById('doc-text');
    if (t) {
      box.replaceChildren(highlighted(t));
      if (t.cut) { box.appendChild(document.createTextNode('\n\n[… the text goes on in corpus.jsonl]')); }
    } else {
      box.textContent = 'The text of this document is not in the report (see the note above the table); find id "' + r[0] + '" in corpus.jsonl.';
    }
    if (dialog.showModal) { dialog.showModal(); } else { dialog.setAttribute('open', ''); }
    box.scrollTop = 0;
  }
  document.getElementById('doc-close').addEventListener('click', function () { dialog.close(); });
  dialog.addEventListener('click', function (e) { if (e.target === dialog) { dialog.close(); } });

  render();
}());
