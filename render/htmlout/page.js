// The script of timeline's HTML page. It reads the chart options and the
// compact event data from the JSON element #tl-data (written by htmlout),
// takes every text from the server-rendered table and source list, draws
// the charts with ECharts, and filters the charts and the table together.
// Every text that goes into HTML goes through echarts.format.encodeHTML.
(function () {
  'use strict';
  performance.mark('tl-script');
  var D = JSON.parse(document.getElementById('tl-data').textContent);
  var EV = D.ev, N = EV.length / 5, K = D.sub, LANES = D.lanes;
  var FIRST_SCATTER = 1 + LANES;
  // The table's rows, once the parser has reached the end of the table:
  // the script runs before it, so that the charts draw while the table
  // loads.
  var rows = [];
  var hasCharts = typeof echarts !== 'undefined';
  var enc = hasCharts ? echarts.format.encodeHTML : function (s) { return s; };

  // Labels of fractional years: "1997", "Oct 1997", "8 Oct 1997".
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  var yearStart = {};
  function yms(y) {
    var v = yearStart[y];
    if (v === undefined) {
      var d = new Date(0);
      d.setUTCFullYear(y, 0, 1);
      v = yearStart[y] = d.getTime();
    }
    return v;
  }
  function yearLabel(v) {
    var y = Math.floor(v + 1e-7), f = v - y;
    if (f < 1e-6) return String(y);
    var d = new Date(yms(y) + f * (yms(y + 1) - yms(y)) + 43200000);
    return (d.getUTCDate() > 1 ? d.getUTCDate() + ' ' : '') + MONTHS[d.getUTCMonth()] + ' ' + y;
  }

  // Decode the events.
  var base = D.axis[0];
  var x0 = new Float64Array(N), x1 = new Float64Array(N), xm = new Float64Array(N), ym = new Float64Array(N);
  var yv = new Float64Array(N), lane = new Int32Array(N), flags = new Int32Array(N), era = new Int32Array(N);
  // Sub-row 0 is the lane's middle; the next ones go below, above, below.
  var SUB = [0, 1, -1, 2], STEP = Math.min(0.25, 0.85 / K);
  var scatterOf = {};
  D.scatter.forEach(function (s, j) { scatterOf[s[0] * 16 + s[1] * 2 + s[2]] = FIRST_SCATTER + j; });
  var series = new Int32Array(N);
  for (var i = 0; i < N; i++) {
    var s = base + EV[5 * i] / 1e4, e = s + EV[5 * i + 1] / 1e4, ls = EV[5 * i + 2], f = EV[5 * i + 3];
    x0[i] = s; x1[i] = e; ym[i] = xm[i] = (s + e) / 2;
    lane[i] = ls >> 3;
    yv[i] = lane[i] + SUB[ls & 7] * STEP;
    flags[i] = f;
    era[i] = EV[5 * i + 4];
    series[i] = scatterOf[lane[i] * 16 + (f & 7) * 2 + (f & 96 ? 1 : 0)];
  }
  var shapeOf = function (i) { return (flags[i] >> 3) & 3; };

  // The filter state: era (0 for all), search words, source number.
  var state = { era: 0, words: [], src: 0 };
  var vis = new Uint8Array(N).fill(1);
  var texts = null, sources = null;

  function cellText(r, k) { return r.cells[k] ? r.cells[k].textContent : ''; }

  function buildTexts() {
    texts = new Array(N);
    for (var i = 0; i < N; i++) {
      var c = rows[i].cells, t = '';
      for (var k = 0; k < 6 && k < c.length; k++) t += c[k].textContent + '\n';
      texts[i] = t.toLowerCase();
    }
  }
  function buildSources() {
    sources = new Array(N);
    for (var i = 0; i < N; i++) {
      var c = rows[i].cells[6], l = [];
      if (c) for (var a = c.getElementsByTagName('a'), k = 0; k < a.length; k++) l.push(+a[k].textContent);
      sources[i] = l;
    }
  }
  function match(i) {
    if (state.era && era[i] !== state.era) return false;
    if (state.src && sources[i].indexOf(state.src) < 0) return false;
    for (var w = 0; w < state.words.length; w++) if (texts[i].indexOf(state.words[w]) < 0) return false;
    return true;
  }

  // Chart data for the events that vis keeps. Bars go into one path per
  // lane and style (0: a range, 1: a span, 2: an approximate or uncertain
  // span), so that ten thousand of them cost no more than a few.
  var bars = [], marks = [];
  function chartSeries() {
    var bg = [];
    for (var l = 0; l < LANES; l += 2) bg.push([D.axis[0], D.axis[1], l, l, 1]);
    D.eras.forEach(function (e, k) { bg.push([e.s, e.e, 0, k, 0]); });
    var out = [{ id: 'bg', data: bg }];
    var per = [];
    for (var j = 0; j < D.chart.series.length; j++) per.push([]);
    marks = per;
    bars = [];
    for (var b = 0; b < 3 * LANES; b++) bars.push([]);
    for (var i = 0; i < N; i++) {
      if (!vis[i]) continue;
      per[series[i]].push([xm[i], yv[i], i]);
      var sh = shapeOf(i);
      if (sh !== 0) bars[3 * lane[i] + (sh === 1 ? 0 : flags[i] & 96 ? 2 : 1)].push(i);
    }
    for (l = 0; l < LANES; l++) {
      for (var st = 0; st < 3; st++) if (bars[3 * l + st].length) per[1 + l].push([D.axis[0], D.axis[1], l, st]);
    }
    for (j = 1; j < D.chart.series.length; j++) out.push({ id: D.chart.series[j].id, data: per[j] });
    return out;
  }

  var first = Math.floor(base / D.bucket) * D.bucket;
  var nb = Math.max(1, Math.ceil((D.axis[1] - first) / D.bucket));
  function bucketLabel(k) {
    var y = first + k * D.bucket;
    if (D.bucket === 1) return String(y);
    if (D.bucket === 10 || D.bucket === 100) return y + 's';
    return y + '–' + (y + D.bucket - 1);
  }
  function countSeries() {
    var c = [];
    for (var l = 0; l < LANES; l++) c.push(new Array(nb).fill(0));
    for (var i = 0; i < N; i++) {
      if (!vis[i]) continue;
      var k = Math.min(nb - 1, Math.max(0, Math.floor((ym[i] - first) / D.bucket)));
      c[lane[i]][k]++;
    }
    return c.map(function (d) { return { data: d }; });
  }

  function eventOf(p) {
    // By series and data index: in large mode ECharts gives no value.
    var d = p && p.seriesIndex > LANES && marks[p.seriesIndex] && marks[p.seriesIndex][p.dataIndex];
    return d ? d[2] : -1;
  }
  function clip(s, n) { s = s.replace(/\s+/g, ' ').trim(); return s.length > n ? s.slice(0, n - 1) + '…' : s; }
  function tooltip(p) {
    var i = eventOf(p);
    if (i < 0 || !rows[i]) return '';
    var r = rows[i], meta = [cellText(r, 0), cellText(r, 4), cellText(r, 3)].filter(Boolean);
    var h = '<b>' + enc(clip(cellText(r, 1), 200)) + '</b><br><span class="m">' + enc(meta.join(' · ')) + '</span>';
    var sum = cellText(r, 2);
    if (sum) h += '<br>' + enc(clip(sum, 320));
    h += '<br>' + enc(cellText(r, 5));
    var a = r.cells[6] ? r.cells[6].getElementsByTagName('a') : [];
    if (a.length) {
      h += '<br><span class="m">Sources:</span>';
      for (var k = 0; k < a.length && k < 6; k++) {
        var li = document.getElementById('src-' + a[k].textContent);
        var cite = li && li.querySelector('.cite') ? li.querySelector('.cite').textContent : '';
        h += '<br>[' + enc(a[k].textContent) + '] ' + enc(clip(cite, 120));
      }
      if (a.length > 6) h += '<br>…';
    }
    return h;
  }

  // The background: a stripe for every other lane (kind 1) and the era
  // bands with their labels above the plot (kind 0).
  function renderBackground(params, api) {
    var cs = params.coordSys, box = { x: cs.x, y: cs.y, width: cs.width, height: cs.height };
    var a = api.coord([api.value(0), 0])[0], b = api.coord([api.value(1), 0])[0];
    if (api.value(4) === 1) {
      var l = api.value(2), t = api.coord([0, l - 0.5])[1], u = api.coord([0, l + 0.5])[1];
      var s = echarts.graphic.clipRectByRect({ x: a, y: Math.min(t, u), width: b - a, height: Math.abs(u - t) }, box);
      return s && { type: 'rect', silent: true, shape: s, style: { fill: 'rgba(0,0,0,0.045)' } };
    }
    var e = D.eras[api.value(3)];
    var r = echarts.graphic.clipRectByRect({ x: a, y: cs.y, width: b - a, height: cs.height }, box);
    if (!r) return null;
    return {
      type: 'group', silent: true, children: [
        { type: 'rect', shape: r, style: { fill: e.c, opacity: 0.6 } },
        { type: 'rect', shape: { x: r.x, y: cs.y - 20, width: r.width, height: 18 }, style: { fill: e.c } },
        {
          type: 'text', x: r.x + 4, y: cs.y - 11,
          style: { text: e.l, width: Math.max(r.width - 8, 1), overflow: 'truncate', ellipsis: '…', fill: '#222', font: '12px system-ui, sans-serif', verticalAlign: 'middle' }
        }
      ]
    };
  }
  var BAR_HEIGHT = [12, 5, 5], BAR_OPACITY = [0.22, 0.85, 0.45];
  function renderBar(params, api) {
    var cs = params.coordSys, box = { x: cs.x, y: cs.y, width: cs.width, height: cs.height };
    var st = api.value(3), list = bars[3 * api.value(2) + st], h = BAR_HEIGHT[st], d = [];
    for (var k = 0; k < list.length; k++) {
      var i = list[k], a = api.coord([x0[i], yv[i]]), b = api.coord([x1[i], yv[i]]);
      var r = echarts.graphic.clipRectByRect({ x: a[0], y: a[1] - h / 2, width: Math.max(b[0] - a[0], 1.5), height: h }, box);
      if (r) d.push('M' + r.x.toFixed(1) + ' ' + r.y.toFixed(1) + 'h' + r.width.toFixed(1) + 'v' + h + 'h' + (-r.width).toFixed(1) + 'z');
    }
    if (!d.length) return null;
    return { type: 'path', silent: true, shape: { pathData: d.join('') }, style: { fill: api.visual('color'), opacity: BAR_OPACITY[st] } };
  }

  var chart = null, counts = null;
  var pending = 2; // the timeline and the table
  function ready() {
    if (--pending === 0) {
      window.__timelineReadyAt = performance.now();
      window.__timelineReady = true;
      document.documentElement.setAttribute('data-ready', '');
    }
  }
  function onceFinished(c) {
    var seen = false;
    c.on('finished', function () { if (!seen) { seen = true; ready(); } });
  }

  function drawCharts() {
    var o = D.chart;
    o.tooltip.formatter = tooltip;
    o.tooltip.confine = true;
    o.tooltip.className = 'tl-tip';
    o.tooltip.transitionDuration = 0;
    var lanes = o.legend.data || [];
    o.xAxis[0].axisLabel.formatter = yearLabel;
    o.yAxis[0].axisLabel.formatter = function (v) { return Math.abs(v - Math.round(v)) < 1e-6 && lanes[Math.round(v)] || ''; };
    o.dataZoom[1].labelFormatter = yearLabel;
    o.series[0].renderItem = renderBackground;
    o.series[0].encode = { x: [0, 1], y: 2 };
    o.series[0].z = 0;
    for (var l = 1; l <= LANES; l++) {
      o.series[l].renderItem = renderBar;
      o.series[l].encode = { x: [0, 1], y: 2 };
      o.series[l].silent = true;
    }
    var data = chartSeries();
    for (var j = 0; j < o.series.length; j++) {
      o.series[j].data = data[j].data;
    }
    performance.mark('tl-data');
    chart = echarts.init(document.getElementById('chart'), null, { renderer: 'canvas' });
    performance.mark('tl-init');
    onceFinished(chart);
    // The counts chart is below the fold: draw it once the timeline is.
    // (ECharts can finish within setOption, so listen before it.)
    chart.on('finished', function () {
      if (!counts) setTimeout(drawCounts, 0);
    });
    chart.setOption(o);
    performance.mark('tl-option');
    // A click goes to the row of the nearest mark within 9 pixels, found
    // here: ECharts' large mode reports no clicks on its marks.
    var hiddenLane = {};
    chart.on('legendselectchanged', function (e) {
      (o.legend.data || []).forEach(function (name, l) { hiddenLane[l] = e.selected[name] === false; });
    });
    chart.getZr().on('click', function (e) {
      var at = [e.offsetX, e.offsetY];
      if (!chart.containPixel({ gridIndex: 0 }, at)) return;
      var p = chart.convertFromPixel({ gridIndex: 0 }, at);
      var a = chart.convertToPixel({ gridIndex: 0 }, [0, 0]), b = chart.convertToPixel({ gridIndex: 0 }, [1, 1]);
      var sx = b[0] - a[0], sy = b[1] - a[1], best = -1, bd = 81;
      for (var i = 0; i < N; i++) {
        if (!vis[i] || hiddenLane[lane[i]]) continue;
        var dx = (xm[i] - p[0]) * sx, dy = (yv[i] - p[1]) * sy, d = dx * dx + dy * dy;
        if (d < bd) { bd = d; best = i; }
      }
      if (best >= 0) goTo(best);
    });

    var t = 0;
    window.addEventListener('resize', function () {
      if (t) return;
      t = requestAnimationFrame(function () { t = 0; chart.resize(); if (counts) counts.resize(); });
    });
  }

  function drawCounts() {
    if (counts) return;
    var c = D.counts, labels = [];
    for (var k = 0; k < nb; k++) labels.push(bucketLabel(k));
    c.xAxis[0].data = labels;
    var cs = countSeries();
    c.series.forEach(function (s, k) { s.data = cs[k].data; });
    c.tooltip.confine = true;
    c.tooltip.className = 'tl-tip';
    c.tooltip.transitionDuration = 0;
    c.tooltip.formatter = function (ps) {
      if (!ps.length) return '';
      var h = '<b>' + enc(ps[0].name) + '</b>', total = 0;
      ps.forEach(function (p) { if (p.value) { total += p.value; h += '<br>' + p.marker + enc(p.seriesName) + ': ' + p.value; } });
      return h + '<br>Total: ' + total;
    };
    counts = echarts.init(document.getElementById('counts'), null, { renderer: 'canvas' });
    counts.setOption(c);
    counts.on('click', function (p) {
      var k = p.dataIndex, y = first + k * D.bucket;
      chart.dispatchAction({ type: 'dataZoom', startValue: y, endValue: y + D.bucket });
      document.getElementById('chart-h').scrollIntoView({ block: 'start' });
    });
  }

  var hit = null;
  function goTo(i) {
    var r = rows[i];
    if (!r) return;
    if (hit) hit.classList.remove('hit');
    hit = r;
    r.classList.add('hit');
    r.tabIndex = -1;
    r.scrollIntoView({ block: 'center' });
    r.focus({ preventScroll: true });
    try { history.replaceState(null, '', '#' + encodeURIComponent(r.id)); } catch (err) { /* file: URLs may refuse */ }
  }

  var shown = document.getElementById('shown');
  function apply() {
    if (rows.length < N) return; // the table is still loading; tableReady applies the filter
    if (state.words.length && !texts) buildTexts();
    if (state.src && !sources) buildSources();
    var count = 0;
    for (var i = 0; i < N; i++) {
      var ok = match(i) ? 1 : 0;
      if (ok !== vis[i]) { rows[i].hidden = !ok; vis[i] = ok; }
      count += ok;
    }
    var parts = [];
    if (state.era) parts.push('era ' + eraButtons[state.era].firstChild.nextSibling.textContent.trim());
    if (state.words.length) parts.push('“' + state.words.join(' ') + '”');
    if (state.src) parts.push('citing source ' + state.src);
    shown.textContent = 'Showing ' + count + ' of ' + N + ' events' + (parts.length ? ': ' + parts.join(', ') : '');
    clearButton.hidden = !parts.length;
    if (chart) {
      chart.setOption({ series: chartSeries() });
      if (counts) counts.setOption({ series: countSeries() });
    }
  }

  // Controls.
  var nav = document.getElementById('controls');
  var eraButtons = {};
  nav.querySelectorAll('button[data-era]').forEach(function (b) {
    eraButtons[+b.getAttribute('data-era')] = b;
    b.addEventListener('click', function () {
      state.era = +b.getAttribute('data-era');
      for (var k in eraButtons) eraButtons[k].setAttribute('aria-pressed', String(+k === state.era));
      apply();
    });
  });
  var clearButton = document.createElement('button');
  clearButton.type = 'button';
  clearButton.textContent = 'Clear filters';
  clearButton.hidden = true;
  clearButton.addEventListener('click', function () {
    q.value = '';
    state.words = [];
    state.src = 0;
    eraButtons[0].click();
    eraButtons[0].focus();
  });
  shown.parentNode.insertBefore(clearButton, shown.nextSibling);
  var q = document.getElementById('q'), timer = 0;
  q.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      state.words = q.value.toLowerCase().split(/\s+/).filter(Boolean);
      apply();
    }, N > 2000 ? 200 : 60);
  });
  nav.hidden = false;
  var setSticky = function () { document.documentElement.style.setProperty('--sticky', nav.offsetHeight + 'px'); };
  window.addEventListener('resize', setSticky);

  // The rest needs the table and the source list.
  function tableReady() {
    rows = N ? document.getElementById('events').querySelectorAll('tbody tr') : [];
    document.querySelectorAll('button.only').forEach(function (b) {
      b.hidden = false;
      b.addEventListener('click', function () {
        state.src = +b.getAttribute('data-src');
        apply();
        document.getElementById('events-h').scrollIntoView({ block: 'start' });
      });
    });
    setSticky();
    if (state.era || state.words.length) apply();
    else shown.textContent = 'Showing ' + N + ' of ' + N + ' events';
    ready();
  }

  if (hasCharts) {
    drawCharts();
  } else {
    pending = 1;
    document.getElementById('chart').textContent = 'The charts could not be drawn: ECharts did not load. The table below lists every event.';
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', tableReady);
  else tableReady();
})();
