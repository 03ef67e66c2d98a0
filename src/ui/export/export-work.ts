// The heavy half of the export menu (Figure 1 in SVG/PNG, page captures, metrics tables): loaded on
// first use, so none of it is in the page's initial JavaScript.
export { figure1Runs, figure1Svg } from './figure1';
export { metricsRows, runHistories, toCsv, toJson, toJsonText } from './metrics-table';
export { regionToPngBlob, svgStringToPngBlob } from './png-export';
export { svgElementToString } from './svg-export';
