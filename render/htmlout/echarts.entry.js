// The custom ECharts build embedded in timeline's HTML pages: only the
// parts the page uses. build-assets.sh bundles it with esbuild into
// assets/echarts.min.js as an IIFE that defines the global `echarts`.
import * as echarts from 'echarts/core';
import { BarChart, CustomChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  DataZoomInsideComponent,
  DataZoomSliderComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import LRU from 'zrender/lib/core/LRU.js';

echarts.use([
  BarChart, CustomChart, ScatterChart,
  AriaComponent, DataZoomInsideComponent, DataZoomSliderComponent,
  GridComponent, LegendComponent, TooltipComponent,
  CanvasRenderer, SVGRenderer, // SVG: the page's Save image
]);

export * from 'echarts/core';

// zrender's LRU cache (of text widths, among others) keeps its entries in
// a plain object keyed by the text, so that measuring a label
// "__proto__" finds Object.prototype and links it into the cache's list,
// giving every object of the page "prev" and "next" properties. Give
// every cache an object without a prototype before its first use (the
// constructor and clear() leave it empty).

['put', 'get'].forEach(function (m) {
  var f = LRU.prototype[m];
  LRU.prototype[m] = function () {
    if (Object.getPrototypeOf(this._map) !== null) this._map = Object.create(null);
    return f.apply(this, arguments);
  };
});
