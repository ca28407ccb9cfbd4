// The script of timeline's HTML page. It reads the chart options and the
// compact event data from the JSON element #tl-data (written by htmlout),
// takes every text from the server-rendered table and source list, draws
// the charts with ECharts, and filters the charts and the table together.
// Every text that goes into HTML goes through echarts.format.encodeHTML.
// Lookups go by index or through a Map, never by data text as the name of
// an object's property: a label "__proto__" or "toString" must find
// nothing but itself.
(function () {
  'use strict';
  performance.mark('tl-script');
  var D = JSON.parse(document.getElementById('tl-data').textContent);
  var EV = D.ev, N = EV.length / 5, K = D.sub, LANES = D.lanes, SCALE = D.scale;
  // Series: 0 the background, 1..LANES the bars, SHADOW the zoom slider's
  // data shadow, then a scatter series per lane, empty, which names the
  // lane for the legend (marks[FIRST_SCATTER + l] holds the lane's marks).
  var SHADOW = 1 + LANES, FIRST_SCATTER = 2 + LANES, SHADOW_BINS = 200;
  // The series of the chart option as htmlout writes it: the background,
  // a series of bars per lane, the scatter series; the page adds one of
  // labels after them.
  var NSERIES = D.chart.series.length;
  // The table's rows, once the parser has reached the end of the table:
  // the script runs before it, so that the charts draw while the table
  // loads.
  var rows = [];
  var hasCharts = typeof echarts !== 'undefined';
  var enc = hasCharts ? echarts.format.encodeHTML : function (s) { return s; };

  // Labels of fractional years: "1997", "Oct 1997", "8 Oct 1997".
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  var yearStart = new Map();
  function yms(y) {
    var v = yearStart.get(y);
    if (v === undefined) {
      var d = new Date(0);
      d.setUTCFullYear(y, 0, 1);
      v = d.getTime();
      yearStart.set(y, v);
    }
    return v;
  }
  // An axis of deep time (View.DeepTime) is labelled in years ago, as
  // render.AxisYearLabel labels the PDF's and the SVG's: "13.8 billion
  // years ago", at most four significant digits.
  function deepLabel(v) {
    var y = Math.round(v), n = Math.abs(y), s;
    if (y === 0) return '0';
    if (n >= 1e9) s = parseFloat((n / 1e9).toPrecision(4)) + ' billion';
    else if (n >= 1e6) s = parseFloat((n / 1e6).toPrecision(4)) + ' million';
    else s = n >= 1e4 ? num(n) : String(n);
    return y < 0 ? s + ' years ago' : s;
  }
  function yearLabel(v) {
    if (D.deep) return deepLabel(v);
    var y = Math.floor(v + 1e-7), f = v - y;
    if (f < 1e-6) return String(y);
    var d = new Date(yms(y) + f * (yms(y + 1) - yms(y)) + 43200000);
    return (d.getUTCDate() > 1 ? d.getUTCDate() + ' ' : '') + MONTHS[d.getUTCMonth()] + ' ' + y;
  }
  // A view of events with times of day (D.times) that spans HOUR_VIEW
  // years or less is labelled in hours, as render.hourTickLabel labels
  // the PDF's and the SVG's axis of hours: "06:30", at midnight the day
  // ("21 Apr 1910"); the zoom slider's ends in full ("21 Apr 1910 06:30").
  var HOUR_VIEW = 3 / 365, HOUR = 1 / 8766;
  function hourView() {
    if (!D.times || !chart) return false;
    var w = view();
    return w[1] - w[0] <= HOUR_VIEW;
  }
  function msOf(v) { var y = Math.floor(v); return yms(y) + (v - y) * (yms(y + 1) - yms(y)); }
  function yearOf(ms) { var y = new Date(ms).getUTCFullYear(); return y + (ms - yms(y)) / (yms(y + 1) - yms(y)); }
  function timeLabel(v, full) {
    var d = new Date(Math.round(msOf(v) / 60000) * 60000);
    var hm = String(100 + d.getUTCHours()).slice(1) + ':' + String(100 + d.getUTCMinutes()).slice(1);
    var day = d.getUTCDate() + ' ' + MONTHS[d.getUTCMonth()] + ' ' + d.getUTCFullYear();
    return full ? day + ' ' + hm : hm === '00:00' ? day : hm;
  }
  function axisLabel(v) { return hourView() ? timeLabel(v, false) : yearLabel(v); }
  function zoomLabel(v) { return hourView() ? timeLabel(v, true) : yearLabel(v); }
  // hourTicks puts the axis' ticks of a view of hours on round minutes or
  // hours (render.hourTickSteps), labelled ones at least 90 pixels apart (a
  // day at midnight is wider than a time), and gives the axis back its own
  // ticks when the view is wider.
  var hourTicksOn = false;
  function hourTicks() {
    var on = hourView();
    if (!on && !hourTicksOn) return;
    hourTicksOn = on;
    var vals = null;
    if (on) {
      var w = view(), a = msOf(w[0]), b = msOf(w[1]), px = chart.getWidth() - 240;
      var steps = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440], k = 0;
      while (k < steps.length - 1 && steps[k] * 60000 * px / (b - a) < 90) k++;
      var step = steps[k] * 60000;
      vals = [];
      // (The window's end, a float, may fall a hair before its midnight.)
      for (var t = Math.ceil(a / step) * step; t <= b + 1000; t += step) vals.push(t > b ? w[1] : yearOf(t));
    }
    chart.setOption({ xAxis: { axisLabel: { customValues: vals }, axisTick: { customValues: vals } } });
  }

  // Decode the events.
  var base = D.axis[0];
  var x0 = new Float64Array(N), x1 = new Float64Array(N), xm = new Float64Array(N);
  var yv = new Float64Array(N), lane = new Int32Array(N), flags = new Int32Array(N), era = new Int32Array(N);
  var subRow = new Int32Array(N);
  // Sub-row 0 is the lane's middle; the next ones go below, above, below.
  var SUB = [0, 1, -1, 2], STEP = Math.min(0.25, 0.85 / K);
  // series[i] is the scatter series of event i, its lane's; kind[i] the
  // kind of its mark, its index in D.scatter ([lane, mark, fuzzy]).
  var kindOf = new Map();
  D.scatter.forEach(function (s, j) { kindOf.set(s[0] * 16 + s[1] * 2 + s[2], j); });
  var series = new Int32Array(N), kind = new Int32Array(N);
  for (var i = 0; i < N; i++) {
    var s = base + EV[5 * i] / SCALE, e = s + EV[5 * i + 1] / SCALE, ls = EV[5 * i + 2], f = EV[5 * i + 3];
    x0[i] = s; x1[i] = e; xm[i] = (s + e) / 2;
    lane[i] = ls >> 3;
    subRow[i] = ls & 7;
    yv[i] = lane[i] + SUB[ls & 7] * STEP;
    flags[i] = f;
    era[i] = EV[5 * i + 4];
    series[i] = FIRST_SCATTER + lane[i];
    kind[i] = kindOf.get(lane[i] * 16 + (f & 7) * 2 + (f & 96 ? 1 : 0));
  }
  var shapeOf = function (i) { return (flags[i] >> 3) & 3; };

  // The filter state: era (0 for all), search text ('' for none), the
  // statuses kept (a bit per render.Mark, 0 for all), the categories kept
  // (cats[lane] is 1 for a kept one, none kept keeps all) and a source
  // number (0 for none). They narrow together, as --era, --grep,
  // --status and --category do. ev is the selected event (-1 for none).
  var state = { era: 0, text: '', marks: 0, cats: new Uint8Array(LANES), nCats: 0, src: 0, ev: -1 };
  var vis = new Uint8Array(N).fill(1);
  var texts = null, sources = null, needle = [];

  function cellText(r, k) { return r.cells[k] ? r.cells[k].textContent : ''; }

  // A big page (D.big) has no rows in its HTML: the text of its events and
  // sources is in blocks at the end of the page, once, which loadText
  // reads into TX, NT, SRC, RT and MD; the script draws the rows and
  // sources near the reader, in blocks of BLOCK. A block out of reach is
  // an empty <tbody> (or <ol>) about as high as its rows; it is filled
  // when it comes within a few screens, when a link, the chart or the
  // address goes to one of its rows, and before printing.
  var BIG = !!D.big, TX = [], NT = [], SRC = [], NSRC = 0, BLOCK = 100, MD = {}, RT = {};
  // textIn is true once the text is read. A big page of many events
  // (D.early) draws its chart, and its filters answer, before (its
  // labels, tooltips, rows and search wait for it).
  var textIn = !BIG, EARLY = BIG && !!D.early;
  function append(a, b) { for (var i = 0; b && i < b.length; i++) a.push(b[i]); }
  // The indexes of the text: where event i's sources are in NT
  // (noteAt[i]), the event of an anchor (idAt), the place of a source
  // number in SRC (srcAt) and the events that cite source number n
  // (citedBy[n]).
  var noteAt = BIG ? new Int32Array(N) : null, srcAt = new Map(), idAt = new Map(), citedBy = [];
  // loadText reads the blocks of text (script.tl-text, in page order) and
  // indexes them, and then calls done; on a page whose chart is drawn
  // early, for about 30 ms a task, so that no task is long, and done in a
  // task of its own.
  function loadText(done) {
    var els = document.querySelectorAll('script.tl-text'), b = 0;
    (function more() {
      for (var until = EARLY ? performance.now() + 30 : Infinity; b < els.length && performance.now() < until; b++) {
        var c = JSON.parse(els[b].textContent), i = TX.length / 5, k = NT.length, j = NSRC, n;
        append(TX, c.tx); append(NT, c.nt); append(SRC, c.src);
        for (n in c.rt) RT[n] = c.rt[n];
        for (n in c.md) MD[n] = c.md[n];
        els[b].remove(); // its text is read
        for (; k < NT.length; i++, k += 1 + NT[k]) {
          noteAt[i] = k;
          idAt.set('ev-' + TX[5 * i], i);
          for (var m = k + 1; m <= k + NT[k]; m++) (citedBy[NT[m]] || (citedBy[NT[m]] = [])).push(i);
        }
        for (NSRC = SRC.length / 8; j < NSRC; j++) srcAt.set(SRC[8 * j], j);
      }
      if (b < els.length) { setTimeout(more, 0); return; }
      textIn = true;
      var wait = document.getElementById('text-wait');
      if (wait) wait.remove();
      if (EARLY) setTimeout(done, 0);
      else done();
    })();
  }
  function esc(s) { return String(s).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; }); }
  function notesOf(i) { return NT.slice(noteAt[i] + 1, noteAt[i] + 1 + NT[noteAt[i]]); }
  function srcTitle(j) { var c = SRC[8 * j + 1], at = SRC[8 * j + 3]; return at >= 0 ? c.substr(at, SRC[8 * j + 4]) : SRC[8 * j + 5]; }
  // The text of column k of event i's row, as the table shows it.
  function bigCell(i, k) {
    switch (k) {
      case 3: return era[i] ? D.eras[era[i] - 1].l : '';
      case 4: return D.labels[lane[i]];
      case 5: var m = flags[i] & 7, a = TX[5 * i + 4];
        return D.gl[m] + ' ' + D.sl[m] + (m !== (D.se || 0) && a ? ' by ' + a : '');
      case 6: return notesOf(i).join(' ') + ' ';
    }
    return TX[5 * i + 1 + k];
  }
  function rowHTML(i, pos) {
    var t = 5 * i, m = flags[i] & 7, a = TX[t + 4];
    var h = '<tr id="ev-' + esc(TX[t]) + '" aria-rowindex="' + (pos + 2) + '"' + (i === state.ev ? ' class="hit"' : '') + '><td dir="ltr">' + esc(TX[t + 1]) +
      '<th dir="auto">' + esc(TX[t + 2]) + '<td dir="auto">' + (RT[i] || esc(TX[t + 3])) + (MD[i] || '') +
      '<td><bdi>' + esc(bigCell(i, 3)) + '</bdi><td>' + esc(D.labels[lane[i]]) + '<td>' + esc(D.gl[m] + ' ' + D.sl[m]) +
      (m !== (D.se || 0) && a ? ' by <bdi>' + esc(a) + '</bdi>' : '') + '<td>';
    notesOf(i).forEach(function (n) { h += '<a href="#src-' + n + '">' + n + '</a> '; });
    return h;
  }
  function srcHTML(j, pos, prev) {
    var n = SRC[8 * j], c = SRC[8 * j + 1], u = SRC[8 * j + 2], at = SRC[8 * j + 3], h = '<li id="src-' + n + '"';
    if (prev !== n - 1) h += ' value="' + n + '"';
    h += '><cite>';
    var link = /^(https?|mailto):/i.test(u);
    if (link) h += '<a href=' + '"' + esc(u) + '">'; // split, for TestHostile's look at links
    h += at >= 0 ? esc(c.slice(0, at)) + '<bdi>' + esc(c.substr(at, SRC[8 * j + 4])) + '</bdi>' + esc(c.slice(at + SRC[8 * j + 4])) : esc(c);
    if (link) h += '</a>';
    h += '</cite>\n<span class="back">' + (SRC[8 * j + 7] ? 'the source document · ' : '') +
      (SRC[8 * j + 6] ? '<span class="fn">' + esc(SRC[8 * j + 6]) + '</span> · ' : '') + 'cited by ';
    var by = citedBy[n] || [];
    for (var k = 0; k < by.length && k < 20; k++) {
      h += (k ? '; ' : '') + '<a href="#ev-' + esc(encodeURIComponent(TX[5 * by[k]])) + '">' + esc(TX[5 * by[k] + 1]) + '</a>';
    }
    if (by.length > 20) h += '; and ' + (by.length - 20) + ' more <button type="button" class="only" data-src="' + n + '">Show all ' + by.length + '</button>';
    return h + '</span></li>';
  }
  // A list drawn in blocks: box holds one element tag per BLOCK items,
  // html(item, position, previous item) writes an item.
  function Blocks(box, tag, cls, html, est) {
    var self = this;
    self.box = box; self.tag = tag; self.cls = cls; self.html = html; self.est = est;
    self.items = []; self.els = []; self.full = [];
    self.io = typeof IntersectionObserver === 'undefined' ? null : new IntersectionObserver(function (es) {
      es.forEach(function (e) { if (e.isIntersecting) self.fill(+e.target.getAttribute('data-b')); });
    }, { rootMargin: '1500px 0px' });
  }
  // set lays out the blocks of items. first is true for the page's first
  // layout, whose blocks layoutBig fills.
  Blocks.prototype.set = function (items, first) {
    if (this.io) this.io.disconnect();
    this.els.forEach(function (el) { el.remove(); });
    this.items = items; this.els = []; this.full = [];
    var frag = document.createDocumentFragment();
    for (var b = 0; b * BLOCK < items.length; b++) {
      var el = document.createElement(this.tag);
      if (this.cls) el.className = this.cls;
      el.setAttribute('data-b', b);
      el.style.height = Math.min(BLOCK, items.length - b * BLOCK) * this.est + 'px';
      this.els.push(el);
      frag.appendChild(el);
    }
    this.box.appendChild(frag);
    if (!this.io) this.fillAll();
    else if (!first) this.observe();
  };
  // inView returns the blocks in the window.
  Blocks.prototype.inView = function () {
    var out = [];
    for (var b = 0; this.io && b < this.els.length; b++) {
      var r = this.els[b].getBoundingClientRect();
      if (r.top >= innerHeight) break;
      if (r.bottom > 0) out.push(b);
    }
    return out;
  };
  // observe fills each block when it comes within reach.
  Blocks.prototype.observe = function () {
    for (var b = 0; b < this.els.length; b++) if (!this.full[b]) this.io.observe(this.els[b]);
  };
  Blocks.prototype.fill = function (b) {
    if (this.full[b] || !this.els[b]) return;
    this.full[b] = 1;
    var h = '', end = Math.min(this.items.length, (b + 1) * BLOCK);
    for (var p = b * BLOCK; p < end; p++) h += this.html(this.items[p], p, p ? this.items[p - 1] : -1);
    var el = this.els[b];
    if (this.tag === 'ol') el.start = this.items.length && b * BLOCK < end ? SRC[8 * this.items[b * BLOCK]] : 1;
    el.innerHTML = h;
    el.style.height = '';
    if (this.io) this.io.unobserve(el);
  };
  Blocks.prototype.fillAll = function () { for (var b = 0; b < this.els.length; b++) this.fill(b); };
  // show fills the block of the item at position p.
  Blocks.prototype.show = function (p) { if (p >= 0) this.fill(Math.floor(p / BLOCK)); };
  var rowList = null, srcList = null;
  function srcHTMLOf(j, pos, prev) { return srcHTML(j, pos, prev >= 0 ? SRC[8 * prev] : -1); }
  // layoutBig draws the blocks of the events vis keeps and of the sources
  // they cite (all of them when nothing is filtered).
  function layoutBig(all, first) {
    if (!rowList) {
      rowList = new Blocks(document.getElementById('events'), 'tbody', '', rowHTML, 60);
      srcList = new Blocks(document.getElementById('source-list'), 'ol', 'sources', srcHTMLOf, 40);
    }
    var order = [], used = new Uint8Array(NSRC);
    for (var i = 0; i < N; i++) {
      if (!vis[i]) continue;
      order.push(i);
      if (!all) for (var k = noteAt[i] + 1, end = k + NT[noteAt[i]]; k < end; k++) used[srcAt.get(NT[k])] = 1;
    }
    var srcs = [];
    for (var j = 0; j < NSRC; j++) if (all || used[j]) srcs.push(j);
    rowList.set(order, first);
    srcList.set(srcs, first);
    document.getElementById('events').setAttribute('aria-rowcount', order.length + 1);
    // The page's first layout fills the blocks in the window at once,
    // both lists' found with one layout of the page (found list by list,
    // the page was laid out twice), and those within reach once the
    // first frame is painted, so that the frame that shows the chart
    // does not wait for rows below the fold.
    if (first && rowList.io) {
      var rowsIn = rowList.inView(), srcsIn = srcList.inView(), re = rowList.els, se = srcList.els;
      rowsIn.forEach(function (b) { rowList.fill(b); });
      srcsIn.forEach(function (b) { srcList.fill(b); });
      afterPaint(function () {
        if (rowList.els === re) rowList.observe();
        if (srcList.els === se) srcList.observe();
      });
    }
  }
  // For tests: the anchors of the events kept, in table order, and of
  // event i.
  if (BIG) {
    window.__timelineKept = function () { return rowList ? rowList.items.map(function (i) { return 'ev-' + TX[5 * i]; }) : []; };
    window.__timelineId = function (i) { return 'ev-' + TX[5 * i]; };
  }
  // showTarget draws the row or source the fragment id names (ev-…,
  // src-…), clearing the filters when they hide it; it returns whether
  // there is one.
  function showTarget(id) {
    if (!BIG || !rowList) return false;
    var i = idAt.get(id), list = rowList, item = i;
    if (i === undefined && /^src-\d+$/.test(id)) { list = srcList; item = srcAt.get(+id.slice(4)); }
    if (item === undefined) return false;
    if (list.items.indexOf(item) < 0) clearForTarget();
    list.show(list.items.indexOf(item));
    return true;
  }

  // fold is timeline.Fold: lower-case, decompose and drop combining
  // marks (accents, Arabic vowel signs), final ς as σ, typographic quotes
  // as straight ones, Arabic yeh and kaf as Persian, no zero-width
  // non-joiner or tatweel, and every space (as Go's unicode.IsSpace) as
  // " ". JavaScript's toLowerCase maps İ to i and a combining dot, which
  // goes with the marks, as Go's maps it to i. A browser test checks that
  // the two agree on every code point; change them together.
  function fold(s) {
    return s.toLowerCase().normalize('NFD').replace(/[\p{Mn}\u200c\u0640]/gu, '')
      .replace(/\u03c2/g, '\u03c3')
      .replace(/[\u2018\u2019\u201a\u201b\u02bc\u2032]/g, "'")
      .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
      .replace(/\u064a/g, '\u06cc').replace(/\u0643/g, '\u06a9')
      .replace(/[\t\n\v\f\r\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g, ' ');
  }
  // words returns the folded words of a search, as timeline.SearchWords.
  function words(q) { return fold(q).split(' ').filter(function (w) { return w !== ''; }); }
  // buildTexts makes each event's search text, as timeline.SearchText
  // does: its title, summary, attribution, tags and the titles of the
  // sources it cites, folded, one to a line.
  // On a big page they are made a slice at a time (textsFrom), so that no
  // task takes long; apply waits for them.
  var srcTitles = null, evTags = null, textsDone = 0;
  function buildTexts() {
    if (!sources && !BIG) buildSources();
    srcTitles = [];
    if (BIG) {
      for (var j = 0; j < NSRC; j++) srcTitles[SRC[8 * j]] = srcTitle(j);
    } else {
      document.querySelectorAll('ol.sources > li').forEach(function (li) {
        var b = li.querySelector('cite bdi');
        srcTitles[+li.id.slice(4)] = b ? b.textContent : '';
      });
    }
    for (var k = 0; k < (D.st || []).length; k += 2) srcTitles[D.st[k]] = D.st[k + 1];
    evTags = new Array(N);
    for (k = 0; k < (D.et || []).length; k += 2 + D.et[k + 1]) evTags[D.et[k]] = D.et.slice(k + 2, k + 2 + D.et[k + 1]);
    texts = new Array(N);
    textsDone = 0;
    if (!BIG) textsFrom(Infinity);
  }
  // textsFrom makes the search texts of the next events, for about ms
  // milliseconds; it returns whether all are made.
  function textsFrom(ms) {
    if (!texts) buildTexts();
    var until = performance.now() + ms;
    for (var i = textsDone; i < N; i++) {
      if ((i & 63) === 0 && performance.now() > until) break;
      var parts;
      if (BIG) parts = [TX[5 * i + 2], TX[5 * i + 3], TX[5 * i + 4]];
      else {
        var a = rows[i].cells[5] && rows[i].cells[5].querySelector('bdi');
        parts = [cellText(rows[i], 1), cellText(rows[i], 2), a ? a.textContent : ''];
      }
      if (evTags[i]) evTags[i].forEach(function (t) { parts.push(D.tags[t]); });
      (BIG ? notesOf(i) : sources[i]).forEach(function (n) { parts.push(srcTitles[n] || ''); });
      texts[i] = parts.map(fold).join('\n');
    }
    textsDone = i;
    return i >= N;
  }
  function buildSources() {
    sources = new Array(N);
    if (BIG) {
      for (var j = 0; j < N; j++) sources[j] = notesOf(j);
      return;
    }
    for (var i = 0; i < N; i++) {
      var c = rows[i].cells[6], l = [];
      if (c) for (var a = c.getElementsByTagName('a'), k = 0; k < a.length; k++) l.push(+a[k].textContent);
      sources[i] = l;
    }
  }
  // fails is timeline.Filter's Matcher for the page's filters, by
  // filter: it returns 0 when event i passes them all, else a bit for
  // each that it fails: F_ERA, F_STATUS, F_CAT, and F_OTHER for the
  // source or a word of the search.
  var F_ERA = 1, F_STATUS = 2, F_CAT = 4, F_OTHER = 8;
  function fails(i) {
    if (state.src && sources[i].indexOf(state.src) < 0) return F_OTHER;
    for (var k = 0; k < needle.length; k++) if (texts[i].indexOf(needle[k]) < 0) return F_OTHER;
    var f = 0;
    if (state.era && era[i] !== state.era) f |= F_ERA;
    if (state.marks && !(state.marks & (1 << (flags[i] & 7)))) f |= F_STATUS;
    if (state.nCats && !state.cats[lane[i]]) f |= F_CAT;
    return f;
  }

  // Chart data for the events that vis keeps. Bars go into one path per
  // lane and style (0: a range, 1: a span, 2: an approximate or uncertain
  // span), so that ten thousand of them cost no more than a few.
  // When every event is shown (the page's load, "Clear filters") the
  // data is that of the last time every event was shown: allShown keeps
  // it, so that a big page does not build it again and again.
  var bars = [], marks = [], allShown = null;
  // __timelineChartMarks gives, for tests, the marks the chart was last
  // given: a typed array a lane of x, y and the event's index in turn.
  window.__timelineChartMarks = function () { return marks.slice(FIRST_SCATTER); };
  function chartSeries() {
    var shownN = 0;
    for (var i = 0; i < N; i++) shownN += vis[i];
    if (shownN === N && allShown) {
      marks = allShown.marks;
      bars = allShown.bars;
      return allShown.out;
    }
    var bg = [];
    for (var l = 0; l < LANES; l += 2) bg.push([D.axis[0], D.axis[1], l, l, 1]);
    D.eras.forEach(function (e, k) { bg.push([e.s, e.e, 0, k, 0]); });
    var out = [{ id: 'bg', data: bg }];
    // A lane's marks are a typed array of x, y and the event's index in
    // turn.
    var per = [], n = new Int32Array(NSERIES), at = new Int32Array(NSERIES), j;
    for (i = 0; i < N; i++) if (vis[i]) n[series[i]]++;
    for (j = 0; j < NSERIES; j++) per.push(j < FIRST_SCATTER ? [] : new Float64Array(3 * n[j]));
    marks = per;
    bars = [];
    for (var b = 0; b < 3 * LANES; b++) bars.push([]);
    for (i = 0; i < N; i++) {
      if (!vis[i]) continue;
      var m = per[series[i]], k = at[series[i]]++;
      m[3 * k] = xm[i]; m[3 * k + 1] = yv[i]; m[3 * k + 2] = i;
      var sh = shapeOf(i);
      if (sh !== 0) bars[3 * lane[i] + (sh === 1 ? 0 : flags[i] & 96 ? 2 : 1)].push(i);
    }
    for (l = 0; l < LANES; l++) {
      for (var st = 0; st < 3; st++) if (bars[3 * l + st].length) per[1 + l].push([D.axis[0], D.axis[1], l, st]);
    }
    // The slider's shadow: the events shown in each of SHADOW_BINS
    // stretches of the axis.
    var bin = new Int32Array(SHADOW_BINS), w = (D.axis[1] - D.axis[0]) / SHADOW_BINS;
    for (i = 0; i < N; i++) if (vis[i]) bin[Math.min(SHADOW_BINS - 1, Math.max(0, Math.floor((xm[i] - D.axis[0]) / w)))]++;
    for (j = 0; j < SHADOW_BINS; j++) per[SHADOW].push([D.axis[0] + (j + 0.5) * w, bin[j]]);
    // The scatter series, one a lane, hold no data: they name the lanes
    // for the legend. The page finds the mark under the pointer itself
    // (markAt): at 100,000 events ECharts took some 50 to 75 ms of every
    // filter's longest task to take in and lay out their points, and drew
    // them a chunk a frame after it.
    for (j = 1; j < NSERIES; j++) out.push({ id: D.chart.series[j].id, data: j < FIRST_SCATTER ? per[j] : [] });
    out.push({ id: 'outlines', data: [[D.axis[0], D.axis[1], 0]] });
    out.push({ id: 'labels', data: [[D.axis[0], D.axis[1], 0]] });
    if (shownN === N) allShown = { out: out, marks: marks, bars: bars };
    return out;
  }

  // The counts chart: a bar per era, in era order, and "No era" last
  // when some event has none; each event counts once, in its era.
  var NB = D.counts.yAxis[0].data.length;
  function countSeries() {
    var c = [];
    for (var l = 0; l < LANES; l++) c.push(new Array(NB).fill(0));
    for (var i = 0; i < N; i++) {
      if (!vis[i]) continue;
      c[lane[i]][era[i] ? era[i] - 1 : NB - 1]++;
    }
    return c.map(function (d) { return { data: d }; });
  }

  // num writes a count as the page's text does (render.Count): 100,000.
  function num(n) { return String(n).replace(/\B(?=(\d{3})+$)/g, ','); }
  // clip cuts s to at most n characters, at a space when one is in its
  // last 40 % (a citation cut through its date read as a wrong date), and
  // ends it with an ellipsis.
  function clip(s, n) {
    s = s.replace(/\s+/g, ' ').trim();
    if (s.length <= n) return s;
    var t = s.slice(0, n - 1), sp = t.lastIndexOf(' ');
    if (sp > 0.6 * n) t = t.slice(0, sp);
    return t.replace(/[\s,;:]+$/, '') + '…';
  }
  // tooltip is the HTML of event i's tooltip, '' while its text is not in.
  function tooltip(i) {
    if (i < 0 || !textIn || !BIG && !rows[i]) return '';
    var r = rows[i], cell = BIG ? function (k) { return bigCell(i, k); } : function (k) { return cellText(r, k); };
    var meta = [cell(0), cell(4), cell(3)].filter(Boolean);
    // Text of the data may be right to left: each piece is isolated.
    var h = '<b dir="auto">' + enc(clip(cell(1), 200)) + '</b><br><span class="m">' +
      meta.map(function (m) { return '<bdi>' + enc(m) + '</bdi>'; }).join(' · ') + '</span>';
    var sum = cell(2);
    if (sum) h += '<br><bdi>' + enc(clip(sum, 320)) + '</bdi>';
    h += '<br><bdi>' + enc(cell(5)) + '</bdi>';
    var a = BIG ? notesOf(i) : [].map.call(r.cells[6] ? r.cells[6].getElementsByTagName('a') : [], function (x) { return +x.textContent; });
    if (a.length) {
      h += '<br><span class="m">Sources:</span>';
      for (var k = 0; k < a.length && k < 6; k++) {
        var li = BIG ? null : document.getElementById('src-' + a[k]);
        var cite = BIG ? SRC[8 * srcAt.get(a[k]) + 1] : li && li.querySelector('cite') ? li.querySelector('cite').textContent : '';
        h += '<br>[' + a[k] + '] <bdi>' + enc(clip(cite, 120)) + '</bdi>';
      }
      if (a.length > 6) h += '<br>…';
    }
    return h;
  }

  // Text widths, for the era labels, in the fonts the
  // charts draw them in.
  // Setting a canvas's font parses it: it is set only when it changes.
  var measure = document.createElement('canvas').getContext('2d'), widths = new Map(), measureFont = '';
  function setFont(font) {
    if (measureFont !== font) { measure.font = font; measureFont = font; }
  }
  function textWidth(s, font) {
    var k = font + '\n' + s, w = widths.get(k);
    if (w === undefined) { setFont(font); w = measure.measureText(s).width; widths.set(k, w); }
    return w;
  }
  var ERA_FONT = '12px system-ui, sans-serif';
  // An era's label may use its band up to where the next era starts.
  var eraNext = D.eras.map(function (e, k) {
    var next = Infinity;
    D.eras.forEach(function (f, j) { if (j !== k && f.s > e.s - 1e-9 && (f.s > e.s || j > k) && f.s < next) next = f.s; });
    return next;
  });
  // eraText is what era k's band shows in width pixels: its label when
  // it fits, else its number in the era key under the chart, else nothing.
  function eraText(k, width) {
    var l = D.eras[k].l, n = String(k + 1);
    if (textWidth(l, ERA_FONT) <= width) return l;
    return textWidth(n, ERA_FONT) <= width ? n : '';
  }

  // The background: a stripe for every other lane (kind 1) and the era
  // bands with their labels above the plot (kind 0).
  function renderBackground(params, api) {
    var cs = params.coordSys, box = { x: cs.x, y: cs.y, width: cs.width, height: cs.height };
    var a = api.coord([api.value(0), 0])[0], b = api.coord([api.value(1), 0])[0];
    if (api.value(4) === 1) {
      var l = api.value(2), t = api.coord([0, l - 0.5])[1], u = api.coord([0, l + 0.5])[1];
      var s = echarts.graphic.clipRectByRect({ x: a, y: Math.min(t, u), width: b - a, height: Math.abs(u - t) }, box);
      return s && { type: 'rect', silent: true, shape: s, style: { fill: theme().stripe } };
    }
    var k = api.value(3), e = D.eras[k], fill = dark() ? e.d : e.c;
    var r = echarts.graphic.clipRectByRect({ x: a, y: cs.y, width: b - a, height: cs.height }, box);
    if (!r) return null;
    var room = Math.min(r.x + r.width, eraNext[k] < Infinity ? api.coord([eraNext[k], 0])[0] : Infinity) - r.x - 8;
    var text = eraText(k, room);
    var out = {
      type: 'group', silent: true, children: [
        { type: 'rect', shape: r, style: { fill: fill, opacity: dark() ? 0.45 : 0.6 } },
        { type: 'rect', shape: { x: r.x, y: cs.y - 20, width: r.width, height: 18 }, style: { fill: fill } }
      ]
    };
    if (text) {
      out.children.push({
        type: 'text', x: r.x + 4, y: cs.y - 11, name: 'era-label',
        style: { text: text, fill: theme().era, font: ERA_FONT, verticalAlign: 'middle' }
      });
    }
    eraShown[k] = text;
    return out;
  }
  var BAR_HEIGHT = [12, 5, 5], BAR_OPACITY = [0.22, 0.85, 0.45];
  // A lane's bars of one style are one path of rectangles (tlRects: x, y,
  // width and height in turn), built from numbers: SVG path data for
  // 50,000 bars cost seconds to write and to parse on every redraw.
  // The numbers of the paths drawn here (bars, marks) are a typed array
  // in a box ({a: array}): ECharts' custom series copies a shape's
  // arrays into plain arrays on each redraw (Array.prototype.slice, 50 ms
  // and as much again collecting them at 100,000 marks), and a box, an
  // object, it passes on as it is.
  if (hasCharts) {
    echarts.graphic.registerShape('tlRects', echarts.graphic.extendShape({
      type: 'tlRects',
      shape: { rects: null },
      buildPath: function (ctx, sh) {
        for (var r = sh.rects && sh.rects.a, k = 0; r && k < r.length; k += 4) ctx.rect(r[k], r[k + 1], r[k + 2], r[k + 3]);
      }
    }));
    // The labels' backgrounds: boxes (x, y, width and height in turn)
    // with corners of radius round.
    echarts.graphic.registerShape('tlBoxes', echarts.graphic.extendShape({
      type: 'tlBoxes',
      shape: { boxes: null, round: 0 },
      buildPath: function (ctx, sh) {
        var q = sh.round, h = Math.PI / 2;
        for (var r = sh.boxes, k = 0; r && k < r.length; k += 4) {
          var x = r[k], y = r[k + 1], w = r[k + 2], v = r[k + 3];
          ctx.moveTo(x + q, y);
          ctx.arc(x + w - q, y + q, q, -h, 0);
          ctx.arc(x + w - q, y + v - q, q, 0, h);
          ctx.arc(x + q, y + v - q, q, h, 2 * h);
          ctx.arc(x + q, y + q, q, 2 * h, 3 * h);
          ctx.closePath();
        }
      }
    }));
  }
  function renderBar(params, api) {
    var cs = params.coordSys, left = cs.x, right = cs.x + cs.width;
    var st = api.value(3), list = bars[3 * api.value(2) + st], h = BAR_HEIGHT[st];
    // The axes are linear: pixel = o + v * s.
    var p0 = api.coord([0, 0]), p1 = api.coord([1, 1]), sx = p1[0] - p0[0], sy = p1[1] - p0[1];
    var r = new Float64Array(4 * list.length), n = 0;
    for (var k = 0; k < list.length; k++) {
      var i = list[k], a = p0[0] + x0[i] * sx, b = Math.max(p0[0] + x1[i] * sx, a + 1.5);
      if (b <= left || a >= right) continue;
      a = Math.max(a, left); b = Math.min(b, right);
      r[n++] = Math.round(a * 10) / 10; r[n++] = Math.round((p0[1] + yv[i] * sy - h / 2) * 10) / 10; r[n++] = Math.round((b - a) * 10) / 10; r[n++] = h;
    }
    if (!n) return null;
    return { type: 'tlRects', silent: true, shape: { rects: { a: r.subarray(0, n) } }, style: { fill: api.visual('color'), opacity: BAR_OPACITY[st] } };
  }

  // The marks: the series 'outlines' draws them (markAt finds the one
  // under the pointer), one path per kind of mark (D.scatter: lane, mark and fuzziness), of
  // circles (a disc, or for D.ring a circle's outline) or of the mark's
  // outline (D.ol, in a 10 by 10 box), from the positions in marks.
  var OL = D.ol || {}, SIZE = D.msize || 10;
  if (hasCharts) {
    echarts.graphic.registerShape('tlOutlines', echarts.graphic.extendShape({
      type: 'tlOutlines',
      shape: { pts: null, ol: null, s: 0, mark: 0, fuzzy: 0, ring: false },
      buildPath: function (ctx, sh) {
        var p = sh.pts && sh.pts.a, ol = sh.ol, k = sh.s / 10, h = sh.s / 2, i;
        // A ring is stroked: its line's middle is 0.4125 of the size
        // across, so that it covers what a ring's annulus would.
        var r = sh.ring ? 0.4125 * sh.s : h;
        for (i = 0; p && i < p.length; i += 2) {
          if (!ol) {
            ctx.moveTo(p[i] + r, p[i + 1]);
            ctx.arc(p[i], p[i + 1], r, 0, 2 * Math.PI);
            continue;
          }
          var x = p[i] - h, y = p[i + 1] - h;
          // The outline ends where it began, rather than at closePath:
          // the fill is the same, and Chromium's closePath cost 300 ms of
          // a redraw of 100,000 marks.
          ctx.moveTo(x + ol[0] * k, y + ol[1] * k);
          for (var j = 2; j < ol.length; j += 2) ctx.lineTo(x + ol[j] * k, y + ol[j + 1] * k);
          ctx.lineTo(x + ol[0] * k, y + ol[1] * k);
        }
      }
    }));
  }
  var DEDUPE_AT = 2000, DEDUPE_PX = 1;
  window.__timelineDedupe = DEDUPE_PX;
  function renderOutlines(params, api) {
    var cs = params.coordSys, p0 = api.coord([0, 0]), p1 = api.coord([1, 1]), out = [];
    var sx = p1[0] - p0[0], sy = p1[1] - p0[1], left = cs.x, right = cs.x + cs.width;
    // The marks in the window, by kind.
    // On a crowded chart, a mark within DEDUPE_PX (a pixel) of the last
    // one of its kind on its row is left out: a path is filled (or
    // stroked) once however many of its marks overlap, and a mark some
    // 8 pixels wide covers all but a pixel's sliver of one a pixel away,
    // so the chart looks the same, and at 100,000 events a good part of
    // the marks cost no drawing (Chromium's canvas work is most of the
    // task that draws them).
    var nk = D.scatter.length, cnt = new Int32Array(nk), at = new Int32Array(nk), pts = [], l, k, m, x, g, q;
    var last = new Float64Array(8 * nk), dedupe = N >= DEDUPE_AT;
    // Two passes over the same marks: the first counts them by kind, the
    // second, with arrays of those sizes, places them.
    for (var fill = 0; fill < 2; fill++) {
      if (fill) for (k = 0; k < nk; k++) pts.push(new Float64Array(2 * cnt[k]));
      last.fill(NaN);
      for (l = 0; l < LANES; l++) {
        m = marks[FIRST_SCATTER + l];
        if (!m || hiddenLane[l]) continue;
        for (k = 0; k < m.length; k += 3) {
          x = p0[0] + m[k] * sx;
          if (x < left || x > right) continue;
          g = kind[m[k + 2]];
          if (dedupe) {
            q = 8 * g + subRow[m[k + 2]];
            if (Math.abs(x - last[q]) < DEDUPE_PX) continue;
            last[q] = x;
          }
          if (!fill) { cnt[g]++; continue; }
          var a = at[g]++;
          pts[g][2 * a] = x;
          pts[g][2 * a + 1] = p0[1] + m[k + 1] * sy;
        }
      }
    }
    D.scatter.forEach(function (sc, j) {
      if (!cnt[j]) return;
      var ring = sc[1] === D.ring, color = catColor(sc[0]);
      out.push({
        type: 'tlOutlines', silent: true, shape: { pts: { a: pts[j] }, ol: OL[sc[1]] || null, s: SIZE, mark: sc[1], fuzzy: sc[2], ring: ring },
        style: ring ? { fill: null, stroke: color, lineWidth: 0.175 * SIZE, opacity: D.mop[sc[2]] } : { fill: color, opacity: D.mop[sc[2]] }
      });
    });
    return out.length ? { type: 'group', children: out } : null;
  }

  // Labels: each event's title beside its mark, on the mark's row,
  // shortened with an ellipsis to the room it has, and left out where it
  // has too little. No label covers another label or any mark. The room
  // goes first to the labels that matter most (labelOrder): spans, then
  // by status (established, reported, claimed, alleged, denied,
  // disputed), exact dates before approximate or uncertain ones, then in
  // date order. Zooming in gives every label more room.
  var LABEL_FONT = '11px system-ui, sans-serif', LABEL_MAX = 260, LABEL_MIN = 34, MAX_LABELS = 600;
  var order = null, titles = null, hiddenLane = new Uint8Array(LANES);
  // laneInView[l] is 1 when lane l has an event shown in the zoom window.
  var laneInView = new Uint8Array(LANES).fill(1);
  // shownLabels lists the labels drawn, as [event index, text, the room
  // in pixels it was fitted in], for tests and the saved image's check.
  var shownLabels = window.__timelineLabels = [];
  // __timelineMark gives event i's mark (render.Mark), for tests.
  window.__timelineMark = function (i) { return flags[i] & 7; };
  function labelOrder() {
    // A counting sort by rank keeps date order within a rank.
    var rank = function (i) { return (shapeOf(i) === 2 ? 0 : 16) + (flags[i] & 7) * 2 + (flags[i] & 96 ? 1 : 0); };
    var n = new Int32Array(33), o = new Int32Array(N), i;
    for (i = 0; i < N; i++) n[rank(i) + 1]++;
    for (i = 1; i < 33; i++) n[i] += n[i - 1];
    for (i = 0; i < N; i++) o[n[rank(i)]++] = i;
    return o;
  }
  // eventCell is the text of column k of event i's row, '' while the
  // table is loading.
  function eventCell(i, k) { return BIG ? bigCell(i, k) : rows[i] ? cellText(rows[i], k) : ''; }
  function titleOf(i) {
    if (!titles) titles = new Array(N);
    var t = titles[i];
    if (t === undefined) t = titles[i] = eventCell(i, 1).replace(/\s+/g, ' ').trim();
    return t;
  }
  // fitText returns s, or its longest start with an ellipsis, that fits
  // in width pixels in font; '' when not even a few letters do.
  //
  // Measuring a text the canvas has not shaped before costs tens of
  // microseconds; a search measured six or seven starts of each title. A
  // title of Latin, Greek or Cyrillic letters (SIMPLE) is first estimated
  // from the widths of its letters (charWidth, each measured once), which
  // kerning makes at most a few per cent wider than the text: one that
  // is far too wide is not measured whole, and the search starts where
  // the estimate says and measures two or three starts. The text chosen
  // is the same: the longest start that the canvas measures within width.
  var SIMPLE = /^[\u0020-\u007e\u00a0-\u02af\u0370-\u03ff\u0400-\u04ff\u2010-\u2027]*$/, charWidths = new Map();
  // charWidth is the width of the letter c in font; cw is charWidths's
  // map for that font.
  function charWidth(c, font, cw) {
    var w = cw.get(c);
    if (w === undefined) { setFont(font); w = measure.measureText(c).width; cw.set(c, w); }
    return w;
  }
  function fitText(s, width, font) {
    var cp = Array.from(s), n = cp.length, est = null, k, cw = charWidths.get(font);
    if (!cw) charWidths.set(font, cw = new Map());
    if (SIMPLE.test(s)) {
      est = new Float64Array(n + 1);
      for (k = 0; k < n; k++) est[k + 1] = est[k] + charWidth(cp[k], font, cw);
    }
    if ((!est || est[n] <= 1.25 * width) && textWidth(s, font) <= width) return s;
    setFont(font);
    function fits(k) {
      var t = cp.slice(0, k).join('').trimEnd() + '…', w = measure.measureText(t).width;
      if (w > width) return false;
      widths.set(font + '\n' + t, w);
      return true;
    }
    // The longest start that fits lies in [lo, hi]: lo fits (0 counts as
    // fitting: nothing is drawn) and hi + 1 does not (n - 1 at most).
    var lo = 0, hi = n - 1;
    if (est) {
      var room = width - charWidth('…', font, cw);
      for (k = 0; k < n - 1 && est[k + 1] <= room; k++);
      // Gallop from the estimate to a bracket, then halve it.
      if (k > 0 && fits(k)) {
        lo = k;
        for (var step = 1; lo < hi; step *= 2) {
          var up = Math.min(hi, lo + step);
          if (fits(up)) lo = up; else { hi = up - 1; break; }
        }
      } else if (k > 0) {
        hi = k - 1;
        for (var down = 1; lo < hi; down *= 2) {
          var at = Math.max(lo + 1, hi - down + 1);
          if (fits(at)) { lo = at; break; }
          hi = at - 1;
        }
      }
    }
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (fits(mid)) lo = mid; else hi = mid - 1;
    }
    return lo < 3 ? '' : cp.slice(0, lo).join('').trimEnd() + '…';
  }
  // renderLabels draws the labels placeLabels chooses for the window, and
  // the focused event's ring. With every event shown, the labels are
  // those of the last time every event was shown in the same window, when
  // there was one (labelsAll): "Clear filters" on a page of 100,000
  // events finds them again rather than spending tens of milliseconds of
  // its longest task choosing the same ones.
  var cells = null, labelsAll = null, visAll = true;
  function renderLabels(params, api) {
    var cs = params.coordSys;
    shownLabels.length = 0;
    if (!(cs.width > 0 && cs.height > 0)) return null;
    if (!order) order = labelOrder();
    // The axes are linear: pixel = o + v * s.
    var p0 = api.coord([0, 0]), p1 = api.coord([1, 1]);
    var g = { sx: p1[0] - p0[0], sy: p1[1] - p0[1], ox: p0[0], oy: p0[1], left: cs.x, right: cs.x + cs.width };
    if (!zoomWindow()) fullG = g;
    var key = visAll ? windowKey(g) : '';
    var p = key && labelsAll && labelsAll.key === key ? labelsAll : placeLabels(g, !!key);
    if (key && p.labels) { p.key = key; labelsAll = p; }
    // A big page filtered before its titles came in chooses the labels of
    // every event on the whole axis when it is idle, for "Clear filters".
    if (!key && !labelsAll && D.split && p.labels && !idleLabels) idleLabels = whenIdle(labelAll);
    var changed = false;
    for (var l = 0; l < LANES; l++) if (p.inView[l] !== laneInView[l]) { changed = true; laneInView[l] = p.inView[l]; }
    if (changed) setTimeout(dimLanes, 0);
    var children = [], fg = theme().fg;
    if (p.labels) {
      p.labels.forEach(function (b) {
        shownLabels.push([b[0], b[1], b[2]]);
        children.push({
          type: 'text', name: 'ev-label', x: b[3] + 2, y: b[4], silent: true,
          style: { text: b[1], font: p.font, fill: fg, verticalAlign: 'middle', align: 'left' }
        });
      });
    }
    if (children.length) {
      children.unshift({
        type: 'tlBoxes', name: 'ev-label-boxes', silent: true, shape: { boxes: p.boxes, round: 2 },
        style: { fill: dark() ? 'rgba(22,24,28,0.78)' : 'rgba(255,255,255,0.78)' }
      });
    }
    if (cur >= 0 && vis[cur] && !hiddenLane[lane[cur]]) {
      var fx = g.ox + xm[cur] * g.sx, fy = g.oy + yv[cur] * g.sy;
      if (fx >= g.left - 1 && fx <= g.right + 1) {
        children.push({ type: 'circle', name: 'ev-focus', silent: true, shape: { cx: fx, cy: fy, r: MARK_R + 4 }, style: { fill: null, stroke: '#e07b00', lineWidth: 3 } });
      }
    }
    return children.length ? { type: 'group', children: children } : null;
  }
  // windowKey identifies the window g and the lanes hidden.
  function windowKey(g) {
    return [g.sx, g.sy, g.ox, g.oy, g.left, g.right].map(function (v) { return v.toFixed(3); }).join() + ' ' + hiddenLane.join('');
  }
  // labelAll sets labelsAll to the labels of every event on the whole
  // axis, as the chart was last laid out for it (fullG: the grid's room
  // depends on the labels at the axis' ends, which depend on the zoom).
  var idleLabels = 0, fullG = null;
  // whenIdle runs f when the browser is idle, or soon where it cannot
  // say (Safari has no requestIdleCallback).
  function whenIdle(f) { return window.requestIdleCallback ? requestIdleCallback(f) : setTimeout(f, 50); }
  function labelAll() {
    if (!fullG) return;
    var p = placeLabels(fullG, true);
    if (!p.labels) return;
    p.key = windowKey(fullG);
    labelsAll = p;
  }
  // placeLabels chooses the labels for the window g (the axes' origin ox,
  // oy and scales sx, sy; the plot's left and right), of the events shown
  // or, with all, of every event (but those of lanes hidden): it returns the
  // lanes with an event in view (inView), and, once the titles are in,
  // the labels' font, their boxes (x, y, width and height in turn) and
  // the labels, each [event index, text, the room it was fitted in, x, y].
  var MARK_R = (N >= 2000 ? 4 : 5) + 1;
  window.__timelineLabelRuns = 0;
  function placeLabels(g, all) {
    window.__timelineLabelRuns++;
    var sx = g.sx, sy = g.sy, ox = g.ox, oy = g.oy, left = g.left, right = g.right;
    // Each row of marks is a line of 2-pixel cells, set where a mark or a
    // label is.
    var CELL = 2, cols = Math.ceil((right - left) / CELL) + 2, nrows = LANES * 8;
    if (!cells || cells.length !== cols * nrows) cells = new Uint8Array(cols * nrows); else cells.fill(0);
    var R = MARK_R, i, k;
    var inView = new Uint8Array(LANES), out = { inView: inView, labels: null };
    for (i = 0; i < N; i++) {
      if (!(all || vis[i]) || hiddenLane[lane[i]]) continue;
      var px = ox + xm[i] * sx;
      if (ox + x1[i] * sx >= left && ox + x0[i] * sx <= right) inView[lane[i]] = 1;
      if (px < left - R || px > right + R) continue;
      var row = (lane[i] * 8 + subRow[i]) * cols;
      var a = Math.max(0, Math.floor((px - R - left) / CELL)), b = Math.min(cols - 1, Math.floor((px + R - left) / CELL));
      for (k = a; k <= b; k++) cells[row + k] = 1;
    }
    if (!textIn || !BIG && !rows.length) return out;
    var pitch = Math.abs(sy) * STEP, font = LABEL_FONT, fontPx = 11, labels = [];
    if (K > 1 && pitch < 13) fontPx = Math.max(8, Math.floor(pitch - 2)), font = fontPx + 'px system-ui, sans-serif';
    // Labels are fitted, and their boxes and cells sized, in the font they
    // are drawn in: on crowded rows a smaller one, whose texts are longer.
    var near = nearRows(Math.abs(sy), fontPx, R - 1);
    // The labels' backgrounds are one path of rounded boxes behind them,
    // as high as a line of the font and a pixel above and below, and 2
    // pixels wider on each side (a text element's own background, on
    // each of hundreds of labels, cost ECharts more than the labels).
    var boxes = [], boxH = textWidth('\u56fd', font) + 2;
    for (var n = 0; n < N && labels.length < MAX_LABELS; n++) {
      i = order[n];
      if (!(all || vis[i]) || hiddenLane[lane[i]]) continue;
      var x = ox + xm[i] * sx + R + 2;
      if (x < left || x > right - LABEL_MIN) continue;
      var ri = lane[i] * 8 + subRow[i], r0 = ri * cols, c0 = Math.floor((x - left) / CELL), c = c0;
      var cmax = Math.min(cols - 1, c0 + Math.floor(LABEL_MAX / CELL), Math.floor((right - left) / CELL));
      while (c <= cmax && free(near[ri], c, cols)) c++;
      var room = left + c * CELL - x - 4;
      // No text fits in less than a pixel or two: leave it unmeasured
      // (on a dense chart most marks have no room at all, and measuring
      // 100,000 titles took seconds).
      if (room < 2) continue;
      var t = titleOf(i);
      // Below LABEL_MIN only a whole title is drawn, when it fits. A title
      // of more characters than the room has pixels is taken not to (few
      // characters are narrower than a pixel): a crowded chart has
      // thousands of these, and measuring each cost seconds.
      if (room < LABEL_MIN && (t.length > room || room < textWidth(t, font))) continue;
      var text = fitText(t, room, font);
      if (!text) continue;
      var w = textWidth(text, font), end = Math.min(cmax, c0 + Math.ceil((w + 4) / CELL));
      for (k = c0; k <= end; k++) cells[r0 + k] = 1;
      var y = oy + yv[i] * sy;
      labels.push([i, text, room, x, y]);
      boxes.push(x, y - boxH / 2, w + 4, boxH);
    }
    out.font = font;
    out.boxes = boxes;
    out.labels = labels;
    return out;
  }
  // nearRows lists, for each row of marks, the rows whose marks or labels
  // a label of height h on it would touch when a lane is ly pixels high
  // (marks are r pixels wide each side): itself, and its neighbours when
  // the rows are closer than a label is high.
  function nearRows(ly, h, r) {
    var n = LANES * 8, y = new Float64Array(n), out = new Array(n), a, b;
    for (a = 0; a < n; a++) y[a] = ((a >> 3) + (SUB[a & 7] || 0) * STEP) * ly;
    for (a = 0; a < n; a++) {
      out[a] = [a];
      if ((a & 7) >= K) continue;
      for (b = 0; b < n; b++) if (b !== a && (b & 7) < K && Math.abs(y[a] - y[b]) < Math.max(h, h / 2 + r)) out[a].push(b);
    }
    return out;
  }
  // free reports whether cell c is free on every row of rs.
  function free(rs, c, cols) {
    for (var j = 0; j < rs.length; j++) if (cells[rs[j] * cols + c]) return false;
    return true;
  }
  // The lanes' labels: greyed where no event of the lane is in view.
  function laneColor(v) {
    var l = Math.round(v);
    return l >= 0 && l < LANES && !laneInView[l] ? (dark() ? '#6b7079' : '#9a9a9a') : theme().fg;
  }
  // lanesInView sets laneInView for the window w (in years) before a
  // redraw, as renderLabels finds it, so that the redraw needs no second
  // one to grey the lanes' labels (a second redraw of 100,000 marks).
  function lanesInView(w) {
    var inView = new Uint8Array(LANES);
    for (var i = 0; i < N; i++) if (vis[i] && !hiddenLane[lane[i]] && x1[i] >= w[0] && x0[i] <= w[1]) inView[lane[i]] = 1;
    laneInView.set(inView);
  }
  function dimLanes() {
    if (chart) chart.setOption({ yAxis: { axisLabel: { color: laneColor } } });
  }
  // relabel draws the labels again, as after a change the chart does not
  // see (the table's titles, a lane hidden by the legend).
  function relabel() {
    if (chart) chart.setOption({ series: [{ id: 'labels', data: [[D.axis[0], D.axis[1], 0]] }] });
  }

  // zoomTo shows the years from a to b, within the axis.
  function zoomTo(a, b) {
    if (!chart) return;
    a = Math.max(D.axis[0], a); b = Math.min(D.axis[1], b);
    var least = D.times ? HOUR : 1 / 365;
    if (b - a < least) { var m = (a + b) / 2; a = m - least / 2; b = m + least / 2; }
    chart.dispatchAction({ type: 'dataZoom', dataZoomIndex: 0, startValue: a, endValue: b });
  }
  // eraZoom returns the dataZoom option that shows era k (1-based) with a
  // margin of a twentieth of its span on each side (at least a month),
  // or the whole axis for 0.
  function eraZoom(k) {
    if (!k) return [{ start: 0, end: 100 }, { start: 0, end: 100 }];
    var e = D.eras[k - 1], m = Math.max((e.e - e.s) / 20, 1 / 12);
    var z = { startValue: Math.max(D.axis[0], e.s - m), endValue: Math.min(D.axis[1], e.e + m) };
    return [z, z];
  }
  // view returns the years in the zoom window.
  function view() {
    var ext = chart.getModel().getComponent('xAxis', 0).axis.scale.getExtent();
    return [ext[0], ext[1]];
  }

  // The colours: render.Light, or render.Dark when the reader's system
  // asks for a dark page; the categories' and eras' dark colours are
  // render's too. The charts follow a change of the system's setting.
  var darkQuery = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  function dark() { return !!(darkQuery && darkQuery.matches); }
  function theme() { return D.themes[dark() ? 1 : 0]; }
  var catLight = (D.chart.color || []).slice();
  function catColor(l) { return dark() ? D.cdark[l] : catLight[l]; }
  // themed returns the colours of the timeline's option (which = 0) or
  // of the counts' (1), to merge into it.
  function themed(which) {
    var t = theme(), axis = { axisLabel: { color: t.fg }, splitLine: { lineStyle: { color: t.grid } } };
    var tip = { backgroundColor: t.bg, borderColor: t.grid, textStyle: { color: t.fg } };
    var colors = [];
    for (var l = 0; l < LANES; l++) colors.push(catColor(l));
    // (The timeline's lane names take their colour from laneColor.)
    var o = { color: colors, tooltip: tip, xAxis: axis };
    if (which === 0) {
      o.series = [{ id: 'bg' }];
      for (l = 0; l < LANES; l++) o.series.push({ id: D.chart.series[1 + l].id, itemStyle: { color: colors[l] } });
      // (The scatter series are empty: the marks take their colour in
      // renderOutlines.)
      o.dataZoom = [{}, { textStyle: { color: t.muted }, borderColor: t.grid }];
    } else {
      o.yAxis = { axisLabel: { color: t.fg } };
      o.series = colors.map(function (c) { return { itemStyle: { color: c } }; });
    }
    return o;
  }
  // merge copies the colours of themed into an option before its first
  // setOption.
  function merge(into, from) {
    for (var k in from) {
      if (!Object.prototype.hasOwnProperty.call(from, k)) continue;
      var a = into[k], b = from[k];
      if (Array.isArray(a) && Array.isArray(b) && k !== 'color') b.forEach(function (x, j) { if (a[j]) merge(a[j], x); });
      else if (Array.isArray(a) && a[0] && b && typeof b === 'object' && !Array.isArray(b)) merge(a[0], b);
      else if (a && typeof a === 'object' && !Array.isArray(a) && b && typeof b === 'object' && !Array.isArray(b)) merge(a, b);
      else into[k] = b;
    }
  }
  if (darkQuery && darkQuery.addEventListener) {
    darkQuery.addEventListener('change', function () {
      if (chart) {
        // An open tooltip keeps the colours it was shown in: hide it.
        showTip(-1);
        chart.setOption(themed(0));
        chart.setOption({ series: chartSeries() });
        dimLanes();
        relabel();
      }
      if (counts) counts.setOption(themed(1));
    });
  }

  var chart = null, counts = null;
  // eraShown[k] is the text era k's band shows ('' for none), for tests.
  var eraShown = window.__timelineEraLabels = [];
  var pending = 2; // the timeline and the table
  function ready() {
    if (--pending === 0) {
      window.__timelineReadyAt = performance.now();
      window.__timelineReady = true;
      document.documentElement.setAttribute('data-ready', '');
      // The counts chart is below the fold: it is drawn once the page is
      // ready and the frame that shows the timeline and the table is
      // painted (before, it took that frame 40 to 60 ms at 1,000 events).
      if (chart) afterPaint(drawCounts);
    }
  }
  // onceFinished calls ready when the timeline is first drawn, and
  // notes when (__timelineChartAt, data-chart): a big page's filters
  // answer from then on.
  function onceFinished(c) {
    var seen = false;
    c.on('finished', function () {
      if (seen) return;
      seen = true;
      window.__timelineChartAt = performance.now();
      document.documentElement.setAttribute('data-chart', '');
      ready();
    });
  }

  // fit sets what depends on the chart's width: the width of the lanes'
  // labels (and the top of the plot and the chart's height, which the
  // category buttons, the chart's legend, leave as they are). It changes
  // o, and the chart when there is one.
  var lastFit = '';
  function fit(o) {
    var box = document.getElementById('chart'), w = box.clientWidth;
    var top = D.top, narrow = w < 700;
    var key = top + ' ' + narrow;
    if (key === lastFit) return;
    lastFit = key;
    o.grid[0].top = top;
    o.yAxis[0].axisLabel.width = narrow ? 96 : 180;
    o.yAxis[0].axisLabel.overflow = narrow ? 'break' : 'truncate';
    o.yAxis[0].axisLabel.lineHeight = 14;
    box.style.height = (parseFloat(box.style.height) + top - D.top) + 'px';
    D.top = top;
    if (counts) counts.setOption({ yAxis: { axisLabel: { width: narrow ? 120 : 240 } } });
    else D.counts.yAxis[0].axisLabel.width = narrow ? 120 : 240;
    if (chart) {
      chart.setOption({ grid: { top: top }, yAxis: { axisLabel: o.yAxis[0].axisLabel } });
      chart.resize();
    }
  }

  // fitHeight keeps the whole chart above the fold on a wide window: the
  // chart is at most as tall as the window below its top, less the era
  // key under it, and at least MIN_LANE pixels a lane. It returns whether
  // the height changed.
  var MIN_LANE = 36, naturalHeight = 0;
  function fitHeight() {
    var box = document.getElementById('chart'), was = parseFloat(box.style.height);
    if (!naturalHeight) naturalHeight = was;
    var h = naturalHeight;
    if (innerWidth >= 900) {
      var key = document.querySelector('.era-key');
      var top = box.getBoundingClientRect().top + window.scrollY;
      var room = innerHeight - top - (key ? key.offsetHeight + 2 : 0) - 24;
      h = Math.round(Math.max(Math.min(naturalHeight, room), D.top + D.bottom + Math.max(LANES, 1) * MIN_LANE));
    }
    if (Math.abs(h - was) < 1) return false;
    box.style.height = h + 'px';
    return true;
  }

  function drawCharts() {
    var o = D.chart;
    fitHeight();
    fit(o);
    // The tooltip shows only when the page asks (showTip).
    o.tooltip.triggerOn = 'none';
    o.tooltip.confine = true;
    o.tooltip.className = 'tl-tip';
    o.tooltip.transitionDuration = 0;
    var lanes = D.labels;
    // The legend and the series know a lane by its key, "lane" and its
    // index; the legend (hidden: the category buttons are the page's
    // legend) shows its label.
    o.legend.formatter = function (key) { return lanes[+key.slice(4)]; };
    o.xAxis[0].axisLabel.formatter = axisLabel;
    // Zoomed, the window's ends are labelled: keep them inside the chart.
    o.xAxis[0].axisLabel.alignMinLabel = 'left';
    o.xAxis[0].axisLabel.alignMaxLabel = 'right';
    o.yAxis[0].axisLabel.formatter = function (v) { return Math.abs(v - Math.round(v)) < 1e-6 && lanes[Math.round(v)] || ''; };
    o.dataZoom[1].labelFormatter = zoomLabel;
    o.series[0].renderItem = renderBackground;
    o.series[0].encode = { x: [0, 1], y: 2 };
    o.series[0].z = 0;
    // A big chart (D.layers: a lane of more than 10,000 events) is drawn
    // in layers (zlevel), each a canvas that zrender paints again only
    // when something on it changes: 0 the background, axes and zoom
    // slider, 1 the bars and marks, 2 the labels. Relabelling (the titles
    // coming in, the keyboard's focus ring) paints the labels only, not
    // 100,000 marks. A smaller chart is drawn on one layer, which paints
    // once instead of three times.
    var layer = D.layers ? function (k) { return k; } : function () { return 0; };
    o.series[SHADOW].silent = true;
    o.series[SHADOW].tooltip = { show: false };
    for (var l = 1; l <= LANES; l++) {
      o.series[l].renderItem = renderBar;
      o.series[l].encode = { x: [0, 1], y: 2 };
      o.series[l].silent = true;
      o.series[l].zlevel = layer(1);
    }
    merge(o, themed(0));
    o.series.push({ id: 'outlines', type: 'custom', renderItem: renderOutlines, encode: { x: [0, 1], y: 2 }, silent: true, zlevel: layer(1), z: 3, animation: false });
    o.series.push({ id: 'labels', type: 'custom', renderItem: renderLabels, encode: { x: [0, 1], y: 2 }, silent: true, zlevel: layer(2), z: 4, animation: false });
    o.yAxis[0].axisLabel.color = laneColor;
    var data = chartSeries();
    for (var j = 0; j < o.series.length; j++) {
      o.series[j].data = data[j].data;
    }
    performance.mark('tl-data');
    chart = echarts.init(document.getElementById('chart'), null, { renderer: 'canvas' });
    performance.mark('tl-init');
    onceFinished(chart);
    chart.setOption(o);
    performance.mark('tl-option');
    chart.on('datazoom', onZoom);
    hourTicks();
    // A click goes to the row of the nearest mark within 9 pixels, found
    // here: ECharts' large mode reports no clicks on its marks.
    chart.on('legendselectchanged', function (e) {
      for (var l = 0; l < LANES; l++) hiddenLane[l] = e.selected[o.legend.data[l]] === false ? 1 : 0;
      chart.setOption({ series: [{ id: 'outlines', data: [[D.axis[0], D.axis[1], 0]] }, { id: 'labels', data: [[D.axis[0], D.axis[1], 0]] }] });
    });
    // A click goes to the row of the mark nearest it, the one whose
    // tooltip the pointer shows there (within HIT pixels).
    chart.getZr().on('click', function (e) {
      var i = markAt(e.offsetX, e.offsetY, HIT);
      if (i >= 0 && tableLoaded) goTo(i);
    });
    // The pointer near a mark shows its event's tooltip, beside the mark,
    // and, once the mark answers a click, a pointing hand.
    chart.getZr().on('mousemove', function (e) {
      showTip(markAt(e.offsetX, e.offsetY, HIT));
      if (tipAt >= 0 && tableLoaded) chart.getZr().setCursorStyle('pointer');
    });
    chart.getZr().on('globalout', function () { showTip(-1); });

    wheel(document.getElementById('chart'));
    saving();
    keys(document.getElementById('chart'));

    var t = 0;
    window.addEventListener('resize', function () {
      if (t) return;
      t = requestAnimationFrame(function () { t = 0; if (!printing) { fitHeight(); fit(o); chart.resize(); } if (counts) counts.resize(); });
    });
    // Printed, the chart is drawn again for the paper's width (Letter or
    // A4 less the margins) before the table, and for the window after.
    var box = document.getElementById('chart'), printing = false;
    window.addEventListener('beforeprint', function () {
      printing = true;
      showTip(-1);
      // The zoom slider is no use on paper: the printed chart is cut
      // above it (page.css, --slider), as a saved image is.
      box.style.setProperty('--slider', SLIDER + 'px');
      box.style.width = PRINT_WIDTH + 'px';
      fit(o);
      chart.resize({ width: PRINT_WIDTH });
      // zrender paints the new layout in the next animation frame, after
      // the page is printed: resized, its canvas held the old layout, cut
      // at the paper's width. It is painted now.
      chart.getZr().flush();
    });
    window.addEventListener('afterprint', function () {
      printing = false;
      box.style.width = '';
      fit(o);
      chart.resize();
    });
  }
  var PRINT_WIDTH = 700;
  // markAt returns the event shown whose mark, inside the plot, is
  // nearest the point x, y of the chart, within r pixels across and down,
  // or -1. HIT is the reach of the pointer and of a click.
  var HIT = 9;
  // byX lists the events in the order of their marks' x (made at the
  // first need), so that a move of the pointer looks at the few marks
  // near it: a look at all 100,000 took 5 ms.
  var byX = null;
  function markAt(x, y, r) {
    var at = [x, y];
    if (!chart.containPixel({ gridIndex: 0 }, at)) return -1;
    var p = chart.convertFromPixel({ gridIndex: 0 }, at);
    var a = chart.convertToPixel({ gridIndex: 0 }, [0, 0]), b = chart.convertToPixel({ gridIndex: 0 }, [1, 1]);
    var sx = b[0] - a[0], sy = b[1] - a[1], best = -1, bd = Infinity;
    var g = chart.getModel().getComponent('grid', 0).coordinateSystem.getRect();
    if (!byX) {
      byX = new Int32Array(N);
      var sorted = true;
      for (var k = 0; k < N; k++) { byX[k] = k; if (k && xm[k] < xm[k - 1]) sorted = false; }
      if (!sorted) byX.sort(function (u, v) { return xm[u] - xm[v]; });
    }
    var lo = p[0] - r / Math.abs(sx), hi = p[0] + r / Math.abs(sx), from = 0, to = N;
    while (from < to) { var mid = (from + to) >> 1; if (xm[byX[mid]] < lo) from = mid + 1; else to = mid; }
    for (var j = from; j < N && xm[byX[j]] <= hi; j++) {
      var i = byX[j];
      if (!vis[i] || hiddenLane[lane[i]]) continue;
      var dx = (xm[i] - p[0]) * sx, dy = (yv[i] - p[1]) * sy;
      if (dx > r || dx < -r || dy > r || dy < -r || x + dx < g.x || x + dx > g.x + g.width) continue;
      var d = dx * dx + dy * dy;
      if (d < bd) { bd = d; best = i; }
    }
    return best;
  }
  // showTip shows event i's tooltip beside its mark, or hides it for -1.
  var tipAt = -1;
  function showTip(i) {
    var h = tooltip(i);
    if (!h) i = -1;
    if (i === tipAt) return;
    tipAt = i;
    if (i < 0) { chart.dispatchAction({ type: 'hideTip' }); return; }
    var at = chart.convertToPixel({ gridIndex: 0 }, [xm[i], yv[i]]);
    chart.dispatchAction({ type: 'showTip', x: at[0], y: at[1], tooltip: { formatter: function () { return h; } } });
  }
  // showSlider shows or hides the zoom slider, which is no use in a saved
  // image: the image is cut SLIDER pixels shorter (all but the room of the
  // axis' labels under the plot), its labels laid out as on the screen.
  var SLIDER = D.bottom - 34;
  function showSlider(on) { chart.setOption({ dataZoom: [{}, { show: on }] }); }

  // Save image: the chart as the reader sees it (zoom, filters, lanes
  // hidden, labels), with the page's title, the filter and the zoom
  // window above it and the source line below, as PNG (the canvas drawn
  // again at twice the pixels) or SVG (the same option drawn by ECharts'
  // SVG renderer, without the slider). The file is made in the page and
  // handed to the browser as a blob: download; nothing goes out.
  function imageText(width) {
    var w = view(), src = document.querySelector('header .doc');
    var lines = [], words = (src ? src.textContent.replace(/\s+/g, ' ').trim() : '').split(' '), line = '';
    words.forEach(function (word) {
      var l = line ? line + ' ' + word : word;
      if (line && textWidth(l, SRC_FONT) > width - 16) { lines.push(line); line = word; } else line = l;
    });
    if (line) lines.push(line);
    return {
      title: document.querySelector('h1').textContent.replace(/\s+/g, ' ').trim(),
      filter: shown.textContent + ' · ' + zoomLabel(w[0]) + ' to ' + zoomLabel(w[1]),
      source: lines
    };
  }
  var TITLE_FONT = 'bold 18px system-ui, sans-serif', FILTER_FONT = '13px system-ui, sans-serif', SRC_FONT = '12px system-ui, sans-serif';
  var HEAD = 54;
  function download(blob, name) {
    var a = document.createElement('a'), url = URL.createObjectURL(blob);
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }
  function fileName() {
    // Letters of any script and digits; accents are dropped (Zürich is
    // zurich), not made dashes.
    var t = document.querySelector('h1').textContent.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').toLowerCase();
    return (t || 'timeline').slice(0, 60) + (state.era ? '-era-' + state.era : '');
  }
  function savePNG() {
    var t = imageText(chart.getWidth()), r = 2, w = chart.getWidth(), h = chart.getHeight() - SLIDER;
    var c = document.createElement('canvas'), foot = 10 + 16 * t.source.length;
    c.width = w * r; c.height = (HEAD + h + foot) * r;
    var g = c.getContext('2d');
    g.scale(r, r);
    g.fillStyle = '#fff'; g.fillRect(0, 0, w, HEAD + h + foot);
    g.fillStyle = '#1a1a1a'; g.textBaseline = 'alphabetic';
    g.font = TITLE_FONT; g.fillText(t.title, 8, 22);
    g.font = FILTER_FONT; g.fillStyle = '#444'; g.fillText(t.filter, 8, 42);
    showSlider(false);
    g.drawImage(chart.getRenderedCanvas({ pixelRatio: r, backgroundColor: '#fff' }), 0, 0, w * r, h * r, 0, HEAD, w, h);
    showSlider(true);
    g.font = SRC_FONT; g.fillStyle = '#444';
    t.source.forEach(function (l, k) { g.fillText(l, 8, HEAD + h + 16 + 16 * k); });
    c.toBlob(function (b) { download(b, fileName() + '.png'); }, 'image/png');
  }
  function xml(s) { return String(s).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; }); }
  function saveSVG() {
    var w = chart.getWidth(), h = chart.getHeight(), o = chart.getOption();
    o.animation = false;
    o.tooltip = [{ show: false }];
    o.dataZoom[1].show = false;
    var s = echarts.init(null, null, { renderer: 'svg', ssr: true, width: w, height: h });
    s.setOption(o);
    var inner = s.renderToSVGString();
    s.dispose();
    relabel(); // the drawing above was the page's last pass of the labels
    h -= SLIDER; // (the chart's blank foot lies under the source line)
    var t = imageText(w), foot = 10 + 16 * t.source.length, H = HEAD + h + foot;
    var out = '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="' + w + '" height="' + H +
      '" viewBox="0 0 ' + w + ' ' + H + '" font-family="system-ui, sans-serif">\n<rect width="' + w + '" height="' + H + '" fill="#fff"/>\n' +
      '<text x="8" y="22" font-size="18" font-weight="bold" fill="#1a1a1a">' + xml(t.title) + '</text>\n' +
      '<text x="8" y="42" font-size="13" fill="#444">' + xml(t.filter) + '</text>\n' +
      inner.replace(/^<svg /, '<svg x="0" y="' + HEAD + '" ') + '\n';
    t.source.forEach(function (l, k) { out += '<text x="8" y="' + (HEAD + h + 16 + 16 * k) + '" font-size="12" fill="#444">' + xml(l) + '</text>\n'; });
    download(new Blob([out + '</svg>\n'], { type: 'image/svg+xml' }), fileName() + '.svg');
  }
  function saving() {
    var box = document.querySelector('.save');
    if (!box || typeof echarts === 'undefined' || !chart) return;
    document.getElementById('save-png').addEventListener('click', savePNG);
    document.getElementById('save-svg').addEventListener('click', saveSVG);
    box.hidden = false;
  }

  // A plain wheel over the chart scrolls the page (ECharts would take
  // it): it never reaches ECharts, and the first one shows a hint. With
  // Ctrl or ⌘ (and a touchpad's pinch, which browsers send as a wheel
  // with Ctrl) it zooms the time axis about the pointer. A touch screen's
  // pinch and a drag go to ECharts, which zooms and pans.
  function wheel(box) {
    var hint = null;
    box.addEventListener('wheel', function (e) {
      e.stopPropagation();
      if (!(e.ctrlKey || e.metaKey)) {
        if (!hint) {
          hint = document.createElement('div');
          hint.className = 'wheel-hint';
          hint.setAttribute('role', 'status');
          hint.textContent = (/Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl') + ' + scroll to zoom the timeline, drag to pan';
          box.appendChild(hint);
          setTimeout(function () { hint.classList.add('gone'); }, 2500);
        }
        return;
      }
      e.preventDefault();
      var r = box.getBoundingClientRect(), at = [e.clientX - r.left, e.clientY - r.top];
      var w = view(), v = chart.convertFromPixel({ xAxisIndex: 0 }, at[0]);
      if (!(v >= w[0] && v <= w[1])) v = (w[0] + w[1]) / 2;
      var d = e.deltaMode === 1 ? e.deltaY * 33 : e.deltaMode === 2 ? e.deltaY * 800 : e.deltaY;
      var f = Math.min(2, Math.max(0.5, Math.exp(d * 0.002)));
      zoomTo(v - (v - w[0]) * f, v + (w[1] - v) * f);
    }, { capture: true, passive: false });
  }

  // The keyboard: the chart takes the focus (Tab); the arrow keys step
  // from event to event in date order among those shown, Home and End go
  // to the first and the last, the tooltip follows, the zoom window pans
  // to keep the event in view, and a live region reads it. Enter goes to
  // the event's row; Escape there comes back to the chart.
  var cur = -1;
  function shownEvent(i) { return vis[i] && !hiddenLane[lane[i]]; }
  function step(from, dir) {
    for (var i = from + dir; i >= 0 && i < N; i += dir) if (shownEvent(i)) return i;
    return -1;
  }
  function focusEvent(i) {
    cur = i;
    var w = view();
    if (xm[i] < w[0] || xm[i] > w[1]) {
      var h = (w[1] - w[0]) / 2;
      var a = Math.min(Math.max(xm[i] - h, D.axis[0]), D.axis[1] - 2 * h);
      chart.setOption({ dataZoom: [{ startValue: a, endValue: a + 2 * h }, { startValue: a, endValue: a + 2 * h }] });
    }
    relabel();
    showTip(i);
    var n = 0, total = 0;
    for (var k = 0; k < N; k++) if (shownEvent(k)) { total++; if (k <= i) n++; }
    live.textContent = num(n) + ' of ' + num(total) + ': ' + eventCell(i, 0) + ', ' + titleOf(i) +
      ' (' + eventCell(i, 5).replace(/^\S+\s/, '') + '). Enter: its row.';
  }
  function keys(box) {
    box.addEventListener('keydown', function (e) {
      if (e.altKey || e.ctrlKey || e.metaKey || !tableLoaded || !BIG && !rows.length) return;
      var next = -2;
      switch (e.key) {
        case 'ArrowRight': case 'ArrowDown':
          if (cur >= 0 && shownEvent(cur)) next = step(cur, 1);
          else { var w = view(); next = step(-1, 1); for (var i = next; i >= 0 && xm[i] < w[0]; i = step(i, 1)) next = step(i, 1); if (next < 0) next = step(-1, 1); }
          break;
        case 'ArrowLeft': case 'ArrowUp': next = cur >= 0 && shownEvent(cur) ? step(cur, -1) : step(N, -1); break;
        case 'Home': next = step(-1, 1); break;
        case 'End': next = step(N, -1); break;
        case 'Enter': if (cur >= 0 && shownEvent(cur)) { e.preventDefault(); showTip(-1); goTo(cur); } return;
        case 'Escape': showTip(-1); return;
        default: return;
      }
      e.preventDefault();
      if (next < 0) return;
      // The address follows (#ev=), one history entry for a run of steps.
      focusEvent(next);
      select(next, false);
      save('ev');
    });
    box.addEventListener('blur', function () { showTip(-1); });
    // Escape in the table comes back to the chart, at the event of the row.
    document.addEventListener('keydown', function (e) {
      if (e.key !== 'Escape' || !e.target.closest || !e.target.closest('#events')) return;
      var tr = e.target.closest('tbody tr');
      if (tr) {
        var i = BIG ? idAt.get(tr.id) : [].indexOf.call(rows, tr);
        if (i >= 0 && shownEvent(i)) cur = i;
      }
      e.preventDefault();
      box.focus({ preventScroll: true });
      box.scrollIntoView({ block: 'nearest' });
      if (cur >= 0) focusEvent(cur);
    });
  }

  // afterPaint calls f after the next frame is painted: a task after
  // the frame's callbacks, and after the tasks queued by then.
  function afterPaint(f) {
    requestAnimationFrame(function () { setTimeout(function () { setTimeout(f, 0); }, 0); });
  }
  function drawCounts() {
    if (counts) return;
    var c = D.counts;
    merge(c, themed(1));
    c.yAxis[0].axisLabel.lineHeight = 14;
    var cs = countSeries();
    c.series.forEach(function (s, k) { s.data = cs[k].data; });
    c.tooltip.confine = true;
    c.tooltip.className = 'tl-tip';
    c.tooltip.transitionDuration = 0;
    c.tooltip.formatter = function (ps) {
      if (!ps.length) return '';
      var k = ps[0].dataIndex, e = k < D.eras.length ? D.eras[k] : null, total = 0;
      var h = '<b dir="auto">' + enc(ps[0].name) + '</b>' + (e && e.p ? ' <span class="m" dir="ltr">' + enc(e.p) + '</span>' : '');
      ps.forEach(function (p) { if (p.value) { total += p.value; h += '<br>' + p.marker + '<bdi>' + enc(D.labels[p.seriesIndex]) + '</bdi>: ' + num(p.value); } });
      return h + '<br>Total: ' + num(total) + (e ? '<br><span class="m">Click to show this era only.</span>' : '');
    };
    counts = echarts.init(document.getElementById('counts'), null, { renderer: 'canvas' });
    counts.setOption(c);
    // A click on a bar, or beside it on its row, selects its era, as the
    // era's button does.
    counts.getZr().on('click', function (ev) {
      var at = [ev.offsetX, ev.offsetY];
      if (!counts.containPixel({ gridIndex: 0 }, at)) return;
      var k = Math.round(counts.convertFromPixel({ yAxisIndex: 0 }, at[1]));
      if (k >= 0 && k < D.eras.length && eraButtons[k + 1]) eraButtons[k + 1].click();
    });
    counts.getZr().on('mousemove', function (ev) {
      var at = [ev.offsetX, ev.offsetY], k = -1;
      if (counts.containPixel({ gridIndex: 0 }, at)) k = Math.round(counts.convertFromPixel({ yAxisIndex: 0 }, at[1]));
      counts.getZr().setCursorStyle(k >= 0 && k < D.eras.length ? 'pointer' : 'default');
    });
  }

  // idOf is the id of event i; rowOf its row, drawn first on a big page
  // when draw is true (it must be kept by the filters).
  function idOf(i) { return BIG ? TX[5 * i] : rows[i].id.slice(3); }
  function rowOf(i, draw) {
    if (!BIG) return rows[i] || null;
    if (draw) showTarget('ev-' + TX[5 * i]);
    return document.getElementById('ev-' + TX[5 * i]);
  }
  // select makes event i the selected one (-1 for none), its row marked
  // when it is drawn.
  var hit = null;
  function select(i, draw) {
    if (hit) hit.classList.remove('hit');
    hit = null;
    state.ev = i >= 0 && i < N ? i : -1;
    var r = state.ev >= 0 ? rowOf(state.ev, draw) : null;
    if (r) {
      hit = r;
      r.classList.add('hit');
    }
    return r;
  }
  // goTo selects event i and brings its row into view.
  function goTo(i) {
    var r = select(i, true);
    if (!r) return;
    r.tabIndex = -1;
    r.scrollIntoView({ block: 'center' });
    r.focus({ preventScroll: true });
    save('push');
  }

  // Printed, a filtered page lists only the sources its events cite: a
  // 10,000-event page filtered to an era prints that era's sources, not
  // all 13,000 (page.css hides li.off in print only).
  var srcItems = null, srcOff = null;
  function markSources(all) {
    if (BIG) return; // layoutBig lists the sources cited only
    if (!srcItems) {
      if (all) return;
      srcItems = document.querySelectorAll('ol.sources > li');
      srcOff = new Uint8Array(srcItems.length);
    }
    if (!sources) buildSources();
    var used = new Uint8Array(srcItems.length + 2);
    if (!all) {
      for (var i = 0; i < N; i++) {
        if (!vis[i]) continue;
        for (var k = 0; k < sources[i].length; k++) if (sources[i][k] <= srcItems.length) used[sources[i][k]] = 1;
      }
    }
    for (var j = 0; j < srcItems.length; j++) {
      var off = all || used[+srcItems[j].id.slice(4)] ? 0 : 1;
      if (off !== srcOff[j]) { srcItems[j].classList.toggle('off', off === 1); srcOff[j] = off; }
    }
  }

  var shown = document.getElementById('shown'), zoomNext = null, live = document.getElementById('chart-live');
  function filtered() { return !!(state.era || words(state.text).length || state.marks || state.nCats || state.src); }
  var tableLoaded = false, textTimer = 0;
  function apply() {
    // A small page's filters wait for its table, a big page's for its
    // chart: its text loading, the table and the search wait for it
    // (tableReady applies the filters again).
    if (!tableLoaded && !(EARLY && chart)) return;
    needle = words(state.text);
    if (needle.length && !textIn) {
      shown.textContent = 'Searching…';
      return;
    }
    if (needle.length && (!texts || textsDone < N)) {
      // A big page makes its search texts a slice at a time.
      if (!textsFrom(40)) {
        shown.textContent = 'Searching…';
        clearTimeout(textTimer);
        textTimer = setTimeout(apply, 0);
        return;
      }
    }
    if (state.src && !sources) buildSources();
    // Each button counts the events its choice would show with the
    // other filters as they are: those that pass every filter, and those
    // that fail only the button's own kind.
    var count = 0, eraN = new Int32Array(D.eras.length + 1), markN = new Int32Array(8), catN = new Int32Array(LANES);
    for (var i = 0; i < N; i++) {
      var f = fails(i), ok = f === 0 ? 1 : 0;
      if (ok !== vis[i]) { if (!BIG) rows[i].hidden = !ok; vis[i] = ok; }
      count += ok;
      if (f === 0 || f === F_ERA) eraN[era[i]]++;
      if (f === 0 || f === F_STATUS) markN[flags[i] & 7]++;
      if (f === 0 || f === F_CAT) catN[lane[i]]++;
    }
    visAll = count === N;
    setCounts(eraN, markN, catN);
    if (BIG && tableLoaded) layoutBig(!filtered());
    if (state.ev >= 0 && !vis[state.ev]) select(-1);
    else if (state.ev >= 0 && BIG && tableLoaded) select(state.ev, false);
    var parts = [];
    if (state.era) parts.push('era ' + eraButtons[state.era].firstChild.nextSibling.textContent.trim());
    if (state.marks) {
      parts.push('status ' + statusButtons.filter(function (b) { return state.marks & (1 << +b.getAttribute('data-mark')); })
        .map(function (b) { return b.childNodes[1].textContent.trim(); }).join(' or '));
    }
    if (state.nCats) {
      parts.push('category ' + catButtons.filter(function (b) { return state.cats[+b.getAttribute('data-lane')]; })
        .map(function (b) { return b.querySelector('bdi').textContent; }).join(' or '));
    }
    if (needle.length) parts.push('search “' + state.text + '”');
    if (state.src) parts.push('citing source ' + state.src);
    shown.textContent = 'Showing ' + num(count) + ' of ' + num(N) + ' events' + (parts.length ? ': ' + parts.join(', ') : '');
    clearButton.hidden = !parts.length;
    markSources(!parts.length);
    // A page of many events updates its charts in a task of their own
    // (D.split), once for the changes made before it runs.
    if (chart && D.split) { if (!chartTimer) chartTimer = setTimeout(updateCharts, 0); }
    else if (chart) updateCharts();
  }
  // updateCharts draws the charts for the filters, and the zoom window
  // zoomNext when there is one.
  // A page of many events (D.split) updates the counts chart in a task
  // of its own after the chart's: the chart's update is the longest task
  // of a filter there, and the counts chart's would add to it.
  var chartTimer = 0, countsTimer = 0;
  function updateCharts() {
    chartTimer = 0;
    var opt = { series: chartSeries() }, z = zoomNext && zoomNext[0];
    if (zoomNext) opt.dataZoom = zoomNext;
    lanesInView(z && z.startValue !== undefined ? [z.startValue, z.endValue] : z ? D.axis : view());
    zoomNext = null;
    if (D.split) setLater(opt); else chart.setOption(opt);
    if (counts && D.split) { if (!countsTimer) countsTimer = setTimeout(updateCounts, 0); }
    else if (counts) updateCounts();
  }
  // setLater sets the chart's option now and paints it in a task of its
  // own, the next: ECharts paints at the end of setOption, and at 100,000
  // events laying the chart out and painting its marks took some 100 ms
  // each, a task of 200 to 270 ms together. Until then zrender's painter
  // paints nothing: in the animation frame that could come first, the
  // painting and the rasterising of the marks would make one long task.
  var paintTimer = 0, noPaint = function () { return this; };
  function setLater(opt) {
    var zr = chart.getZr(), painter = zr.painter;
    painter.refresh = noPaint;
    chart.setOption(opt);
    if (!paintTimer) {
      paintTimer = setTimeout(function () {
        paintTimer = 0;
        delete painter.refresh;
        zr.refresh();
        zr.flush();
      }, 0);
    }
  }
  function updateCounts() {
    countsTimer = 0;
    counts.setOption({ series: countSeries() });
  }

  // Controls.
  var nav = document.getElementById('controls');
  // eraButtons[k] is the button of era k (1-based), [0] that of All.
  var eraButtons = [];
  nav.querySelectorAll('button[data-era]').forEach(function (b) { eraButtons[+b.getAttribute('data-era')] = b; });
  eraButtons.forEach(function (b, k) {
    b.addEventListener('click', function () {
      state.era = k;
      eraButtons.forEach(function (o, j) { o.setAttribute('aria-pressed', String(j === k)); });
      // One redraw for the filter and the zoom.
      zoomNext = eraZoom(k);
      apply();
      // (A chart update still to come takes the zoom with it.)
      if (zoomNext && chart && !chartTimer) chart.setOption({ dataZoom: zoomNext });
      if (!chartTimer) zoomNext = null;
      save('push');
    });
  });
  // Status buttons toggle: pressed ones are kept; none pressed keeps all.
  var statusButtons = [].slice.call(nav.querySelectorAll('button[data-mark]'));
  statusButtons.forEach(function (b) {
    b.addEventListener('click', function () {
      state.marks ^= 1 << +b.getAttribute('data-mark');
      b.setAttribute('aria-pressed', String(!!(state.marks & (1 << +b.getAttribute('data-mark')))));
      apply();
      save('push');
    });
  });
  // Category buttons toggle as status buttons do.
  var catButtons = [].slice.call(nav.querySelectorAll('button[data-lane]'));
  catButtons.forEach(function (b) {
    b.addEventListener('click', function () {
      var l = +b.getAttribute('data-lane');
      state.cats[l] ^= 1;
      state.nCats += state.cats[l] ? 1 : -1;
      b.setAttribute('aria-pressed', String(!!state.cats[l]));
      apply();
      save('push');
    });
  });
  // setCounts writes the counts of the buttons: eraN by era (0 for
  // none), markN by render.Mark, catN by lane. A button whose choice
  // would show nothing is marked "zero".
  var countEls = new Map();
  function setCount(b, n) {
    var c = countEls.get(b);
    if (c === undefined) { c = b.querySelector('.c'); countEls.set(b, c); }
    if (!c) return;
    var t = num(n);
    if (c.textContent !== t) c.textContent = t;
    b.classList.toggle('zero', n === 0);
  }
  function setCounts(eraN, markN, catN) {
    var all = 0;
    for (var k = 0; k < eraN.length; k++) all += eraN[k];
    eraButtons.forEach(function (b, k) { setCount(b, k ? eraN[k] : all); });
    statusButtons.forEach(function (b) { setCount(b, markN[+b.getAttribute('data-mark')]); });
    catButtons.forEach(function (b) { setCount(b, catN[+b.getAttribute('data-lane')]); });
  }
  var clearButton = document.createElement('button');
  clearButton.type = 'button';
  clearButton.className = 'clear';
  clearButton.textContent = 'Clear filters';
  clearButton.hidden = true;
  function clearFilters() {
    q.value = '';
    state.text = '';
    state.src = 0;
    state.marks = 0;
    statusButtons.forEach(function (b) { b.setAttribute('aria-pressed', 'false'); });
    state.cats.fill(0);
    state.nCats = 0;
    catButtons.forEach(function (b) { b.setAttribute('aria-pressed', 'false'); });
    eraButtons[0].click();
  }
  // clearForTarget clears the filters for a row or source they hide,
  // before it is scrolled to: the filter bar may change its height as
  // they clear, and it is measured again, for the target to land below
  // it.
  function clearForTarget() {
    clearFilters();
    setSticky();
  }
  clearButton.addEventListener('click', function () {
    clearFilters();
    eraButtons[0].focus();
  });
  shown.parentNode.insertBefore(clearButton, shown.nextSibling);
  // The search keeps what --grep keeps: every word, wherever --grep looks.
  var q = document.getElementById('q'), timer = 0;
  q.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      state.text = q.value;
      apply();
      save('q');
    }, N > 2000 ? 200 : 60);
  });
  nav.hidden = false;

  // The page's state lives in the URL's fragment, so that a reload, a
  // bookmark or a link shows the same view:
  //
  //   #era=iraq&status=claimed,denied&cat=military&q=camp%20ashraf&src=3&from=1990&to=2003.5&ev=fto&key=1
  //
  // the era, categories and event by id, the statuses by name, the
  // search text, the source of "Only events citing this", the zoom window
  // in fractional years and whether the key is open; a list's items are
  // comma-separated, each percent-encoded. What is at its default is left
  // out. A discrete choice (an era, a status, a category, Clear filters,
  // a source, an event) pushes a history entry, so that Back undoes it;
  // typing in the search box and zooming push one entry on their first
  // change and replace it after, so that Back undoes a whole search or
  // zoom rather than a letter; opening the key replaces the entry. Back
  // and Forward restore each entry's state. A fragment that names an
  // element (#ev-…, #src-…) is an anchor, as before: it changes no filter.
  // A fragment is only ever looked up (ids in Maps, statuses among the
  // buttons', numbers parsed and bounded, the search text put into the
  // input's value): an unknown, malformed or oversized value is ignored.
  var MAX_FRAGMENT = 8192, MAX_TEXT = 1000;
  var eraById = new Map(), laneById = new Map(), markByStatus = new Map(), rowAt = null;
  D.eras.forEach(function (e, k) { if (!eraById.has(e.id)) eraById.set(e.id, k + 1); });
  (D.cids || []).forEach(function (id, l) { if (!laneById.has(id)) laneById.set(id, l); });
  statusButtons.forEach(function (b) { markByStatus.set(b.getAttribute('data-status'), +b.getAttribute('data-mark')); });
  var keyBox = document.getElementById('key'), keyDefault = !!(keyBox && keyBox.open);
  // zoomWindow is the chart's window, [from, to] in fractional years, or
  // null for the whole axis: an era's button, the wheel, the slider and
  // the keyboard all move it.
  function zoomWindow() {
    if (!chart) return null;
    var w = view();
    return w[0] <= D.axis[0] + 1e-6 && w[1] >= D.axis[1] - 1e-6 ? null : w;
  }
  // rowIndex is the index of the event with the given id, or -1.
  function rowIndex(id) {
    if (!BIG && !rowAt) {
      rowAt = new Map();
      for (var i = 0; i < rows.length; i++) rowAt.set(rows[i].id, i);
    }
    var k = (BIG ? idAt : rowAt).get('ev-' + id);
    return k === undefined ? -1 : k;
  }
  function list(l) { return l.map(encodeURIComponent).join(','); }
  function year(x) { return String(Math.round(x * 100) / 100); }
  function fragment() {
    var p = [], l, k;
    if (state.era) p.push('era=' + encodeURIComponent(D.eras[state.era - 1].id));
    if (state.marks) {
      p.push('status=' + list(statusButtons.filter(function (b) { return state.marks & (1 << +b.getAttribute('data-mark')); })
        .map(function (b) { return b.getAttribute('data-status'); })));
    }
    if (state.nCats) {
      for (l = [], k = 0; k < LANES; k++) if (state.cats[k]) l.push(D.cids[k]);
      p.push('cat=' + list(l));
    }
    if (words(state.text).length) p.push('q=' + encodeURIComponent(state.text));
    if (state.src) p.push('src=' + state.src);
    var zoom = zoomWindow();
    if (zoom) p.push('from=' + year(zoom[0]), 'to=' + year(zoom[1]));
    if (state.ev >= 0) p.push('ev=' + encodeURIComponent(idOf(state.ev)));
    if (keyBox && keyBox.open !== keyDefault) p.push('key=' + (keyBox.open ? 1 : 0));
    return p.join('&');
  }
  // parse reads a fragment (without its #) into a state; anything it does
  // not know is left at its default.
  function parse(h) {
    var o = { era: 0, marks: 0, cats: [], text: '', src: 0, from: NaN, to: NaN, ev: -1, key: keyDefault };
    if (h.length > MAX_FRAGMENT) return o;
    var nsrc = BIG ? NSRC : document.querySelectorAll('ol.sources > li').length;
    h.split('&').forEach(function (part) {
      var k = part.indexOf('='), name = k < 0 ? part : part.slice(0, k), raw = k < 0 ? '' : part.slice(k + 1);
      var items = raw.split(',').map(function (x) {
        try { return decodeURIComponent(x.replace(/\+/g, ' ')); } catch (err) { return null; }
      });
      var one = items.length === 1 ? items[0] : null;
      var n = /^-?\d{1,6}(\.\d{1,6})?$/.test(raw) ? parseFloat(raw) : NaN;
      switch (name) {
        case 'era': if (eraById.has(one)) o.era = eraById.get(one); break;
        case 'status': items.forEach(function (x) { if (markByStatus.has(x)) o.marks |= 1 << markByStatus.get(x); }); break;
        case 'cat': items.forEach(function (x) { if (laneById.has(x)) o.cats.push(laneById.get(x)); }); break;
        case 'q':
          try { o.text = raw.length <= 3 * MAX_TEXT ? decodeURIComponent(raw.replace(/\+/g, ' ')).slice(0, MAX_TEXT) : ''; } catch (err) { /* malformed */ }
          break;
        case 'src': if (/^[1-9]\d{0,6}$/.test(raw) && +raw <= nsrc) o.src = +raw; break;
        case 'from': o.from = n; break;
        case 'to': o.to = n; break;
        case 'ev': if (one !== null && one.length <= MAX_TEXT) o.ev = rowIndex(one); break;
        case 'key': if (raw === '0' || raw === '1') o.key = raw === '1'; break;
      }
    });
    return o;
  }
  // isAnchor tells a fragment that names an element of the page.
  function isAnchor(h) {
    if (!h || h.indexOf('=') < 0) return h !== '';
    var id;
    try { id = decodeURIComponent(h); } catch (err) { return false; }
    if (document.getElementById(id)) return true;
    if (!BIG) return false;
    return idAt.has(id) || /^src-\d+$/.test(id) && srcAt.has(+id.slice(4));
  }
  // restore shows the state of fragment h; it writes no history.
  var restoring = false;
  function restore(h, scroll) {
    var o = parse(h);
    restoring = true;
    state.era = o.era;
    eraButtons.forEach(function (b, j) { b.setAttribute('aria-pressed', String(j === o.era)); });
    state.marks = o.marks;
    statusButtons.forEach(function (b) { b.setAttribute('aria-pressed', String(!!(o.marks & (1 << +b.getAttribute('data-mark'))))); });
    state.cats.fill(0);
    o.cats.forEach(function (l) { state.cats[l] = 1; });
    state.nCats = 0;
    for (var k = 0; k < LANES; k++) state.nCats += state.cats[k];
    catButtons.forEach(function (b) { b.setAttribute('aria-pressed', String(!!state.cats[+b.getAttribute('data-lane')])); });
    state.text = o.text;
    q.value = o.text;
    state.src = o.src;
    apply();
    var a = D.axis[0], b = D.axis[1];
    // The window given, else the era's, as its button zooms to it.
    if (o.from < o.to && o.to > a && o.from < b) setZoom([Math.max(o.from, a), Math.min(o.to, b)]);
    else if (o.era && chart) chart.setOption({ dataZoom: eraZoom(o.era) });
    else setZoom(null);
    var was = state.ev, r = select(o.ev >= 0 && vis[o.ev] ? o.ev : -1, scroll);
    if (scroll && r && state.ev !== was) r.scrollIntoView({ block: 'center' });
    if (keyBox) keyBox.open = o.key;
    restoring = false;
  }
  function setZoom(z) {
    if (!chart) return;
    if (z) chart.dispatchAction({ type: 'dataZoom', startValue: z[0], endValue: z[1] });
    else chart.dispatchAction({ type: 'dataZoom', start: 0, end: 100 });
  }
  // onZoom notes a change of the chart's window (ECharts' datazoom: the
  // wheel, the slider, a pinch or a drag).
  function onZoom() { showTip(-1); hourTicks(); save('zoom'); }
  // save writes the state into the fragment, once all that one event
  // changes has changed: mode is 'push' for a discrete choice, 'replace'
  // to never push, or the kind of a continuous change ('q', 'zoom').
  var saveMode = '', lastKind = '', saveTimer = 0;
  function save(mode) {
    if (restoring) return;
    if (mode === 'push' || saveMode === 'push') saveMode = 'push';
    else if (!saveMode || saveMode === 'replace') saveMode = mode;
    if (!saveTimer) saveTimer = setTimeout(flush, 0);
  }
  // dropSave forgets the save waiting, when a navigation (a link's, the
  // address's) makes the history entry itself.
  function dropSave() {
    clearTimeout(saveTimer);
    saveTimer = 0;
    saveMode = '';
  }
  function flush() {
    saveTimer = 0;
    var mode = saveMode, h = fragment();
    saveMode = '';
    if (h === location.hash.slice(1)) return;
    var push = mode === 'push' || (mode !== 'replace' && mode !== lastKind);
    lastKind = mode === 'push' ? '' : mode === 'replace' ? lastKind : mode;
    try {
      history[push ? 'pushState' : 'replaceState']({ tl: h }, '', location.href.split('#')[0] + (h ? '#' + h : ''));
    } catch (err) { /* a file: URL may refuse */ }
  }
  window.addEventListener('popstate', function (e) {
    if (!tableLoaded) return;
    var h = location.hash.slice(1);
    lastKind = '';
    if (!isAnchor(h)) restore(h, true);
    else if (e.state && typeof e.state.tl === 'string') restore(e.state.tl, true);
  });
  if (keyBox) keyBox.addEventListener('toggle', function () { save('replace'); });

  // Anchor targets land below the filter bar while it sticks to the top
  // of the window (the stylesheet's scroll-padding-top), and rows below
  // the table's sticky header too (scroll-margin-top).
  var root = document.documentElement;
  // Both heights are read before either is written, and written only when
  // they change: a property of the root restyles the whole page, and a
  // read after a write restyled it at once (at 1,000 events, 10 ms
  // while the page loaded).
  var stuck = ['0px', '0px'];
  function setSticky() {
    var head = document.querySelector('#events thead');
    var h = (getComputedStyle(nav).position === 'sticky' ? nav.offsetHeight : 0) + 'px';
    var t = (head && getComputedStyle(head).position === 'sticky' ? head.offsetHeight : 0) + 'px';
    if (h !== stuck[0]) root.style.setProperty('--sticky', stuck[0] = h);
    if (t !== stuck[1]) root.style.setProperty('--thead', stuck[1] = t);
  }
  window.addEventListener('resize', setSticky);
  if (typeof ResizeObserver !== 'undefined') new ResizeObserver(setSticky).observe(nav);

  // The rest needs the table and the source list.
  function tableReady() {
    tableLoaded = true;
    rows = N && !BIG ? document.getElementById('events').querySelectorAll('tbody tr') : [];
    // A small page's chart is drawn once its rows are parsed, with the
    // labels it takes from them (drawn before, it was drawn twice), and a
    // big page's once its text is read, unless it was drawn early.
    if (hasCharts && !chart) drawCharts();
    // The state the page opens with: a fragment's, or an anchor's event.
    var h = location.hash.slice(1), anchor = isAnchor(h);
    // A big page's filters may have changed while its text loaded, and
    // written the address. When the address is the page's own state (or
    // none) and the filters kept the events without the text (an era, a
    // status, a category), the chart already shows them: only the rows
    // are drawn, and the labels in a task of their own (restored and
    // applied again, the 100,000-event page took 500 ms in one task).
    var own = BIG && EARLY && chart && filtered() && !anchor && (!h || h === fragment()) && !words(state.text).length && !state.src;
    if (own) {
      layoutBig(false, true);
    } else if (BIG && filtered() && (anchor || !h)) apply();
    else if (BIG) layoutBig(true, true);
    document.querySelectorAll('button.only').forEach(function (b) { b.hidden = false; });
    document.addEventListener('click', function (ev) {
      var b = ev.target.closest && ev.target.closest('button.only');
      if (!b) return;
      state.src = +b.getAttribute('data-src');
      apply();
      save('push');
      document.getElementById('events-h').scrollIntoView({ block: 'start' });
    });
    // A link to a row that the filters hide clears them first; on a big
    // page, the row or source it names is drawn first.
    document.addEventListener('click', function (ev) {
      var a = ev.target.closest && ev.target.closest('a[href^="#ev-"], a[href^="#src-"]');
      if (!a) return;
      var id = a.getAttribute('href').slice(1), r = document.getElementById(id);
      try { id = decodeURIComponent(id); } catch (err) { /* not an escape */ }
      if (!r) r = document.getElementById(id);
      if (BIG) showTarget(id);
      else if (r && r.hidden) clearForTarget();
      // The link's own navigation makes the history entry.
      dropSave();
    });
    // An address gone to (typed, or set by a script) that names a row the
    // filters hide clears them, as a link to it does; on a big page, a
    // row or source not drawn yet is drawn first.
    window.addEventListener('hashchange', function () {
      var id = location.hash.slice(1);
      try { id = decodeURIComponent(id); } catch (err) { /* not an escape */ }
      var r = document.getElementById(id);
      if (BIG) {
        if (!r && showTarget(id)) document.getElementById(id).scrollIntoView();
      } else if (r && r.hidden) {
        clearForTarget();
        r.scrollIntoView();
      } else return;
      // The fragment gone to is the history entry, as a link's is: the
      // filters it cleared write none over it.
      dropSave();
    });
    if (BIG) {
      // Printed, a big page lists every event the filters keep.
      window.addEventListener('beforeprint', function () { rowList.fillAll(); srcList.fillAll(); });
      // Its search texts are made while the reader looks at the chart.
      whenIdle(function more() { if (!textsFrom(30)) whenIdle(more); });
    }
    var head = document.querySelector('#events thead');
    if (head && typeof ResizeObserver !== 'undefined') new ResizeObserver(setSticky).observe(head);
    if (!anchor && h && !own) restore(h, false);
    else if (!filtered()) {
      shown.textContent = 'Showing ' + num(N) + ' of ' + num(N) + ' events';
    }
    setSticky();
    // A page opened at an anchor was scrolled there before the bar's
    // height was known: scroll again, clear of the bar.
    if (anchor) {
      var target = null;
      try {
        var id = decodeURIComponent(h);
        if (BIG) showTarget(id);
        target = document.getElementById(id);
      } catch (err) { /* not an escape */ }
      if (target) target.scrollIntoView();
      if (target && target.id.slice(0, 3) === 'ev-') state.ev = rowIndex(target.id.slice(3));
    } else if (state.ev >= 0) {
      var r = select(state.ev, true);
      if (r) r.scrollIntoView({ block: 'center' });
    }
    // This entry's state, for Back to come to it; a fragment of a state
    // is written as the page understood it.
    try {
      var f = fragment();
      history.replaceState({ tl: f }, '', anchor || f === h ? location.href : location.href.split('#')[0] + (f ? '#' + f : ''));
    } catch (err) { /* a file: URL may refuse */ }
    // A big page's chart is drawn again with its labels, now that it has
    // their text (a filter applied again did it already), in a task of
    // its own.
    if (EARLY && (!filtered() || own)) setTimeout(function () { relabel(); ready(); }, 0);
    else ready();
  }

  // A big page of many events draws its chart while the rest of the
  // page loads.
  if (hasCharts) {
    if (EARLY) {
      drawCharts();
      shown.textContent = 'Showing ' + num(N) + ' of ' + num(N) + ' events';
      // Until the text is read, the chart has no labels or tooltips: the
      // hint under it says so (loadText takes the note away).
      var hint = document.querySelector('.charts p.hint');
      if (hint) {
        var wait = document.createElement('span');
        wait.id = 'text-wait';
        wait.textContent = ' The events’ titles are still loading: the chart’s labels and tooltips come with them.';
        hint.appendChild(wait);
      }
    }
  } else {
    pending = 1;
    document.getElementById('chart').textContent = 'The charts could not be drawn: ECharts did not load. The table below lists every event.';
  }
  // A big page's text is at its end: the rest waits for it.
  function loaded() { if (BIG) loadText(tableReady); else tableReady(); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', loaded);
  else loaded();
})();
