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
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart, CustomChart, ScatterChart,
  AriaComponent, DataZoomInsideComponent, DataZoomSliderComponent,
  GridComponent, LegendComponent, TooltipComponent,
  CanvasRenderer,
]);

export * from 'echarts/core';
