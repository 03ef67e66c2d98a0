// Exports of the live experiment: images of the page, Figure 1 in the paper's style, and the metrics.
export { downloadBlob, downloadText, exportFileName, slug } from './download';
export { ExportMenu, type ExportMenuProps } from './export-menu';
export {
  type Figure1Options,
  type Figure1Run,
  figure1Layout,
  figure1Runs,
  figure1Svg,
  renderFigure1,
} from './figure1';
export {
  METRICS_SCHEMA,
  type MetricsDocument,
  type MetricsRow,
  metricsRows,
  parseCsv,
  runHistories,
  toCsv,
  toJson,
  toJsonText,
  validateMetricsCsv,
  validateMetricsDocument,
} from './metrics-table';
export { regionToCanvas, regionToPngBlob, svgStringToPngBlob } from './png-export';
export { svgElementToString } from './svg-export';
