/** The built-in Armenia example built and reported in English, as the app and the CLI do. */
import exampleJson from '../../src/example/armenia-2022-example.json';
import enReport from '../../locales/en/report.json';
import { buildArmeniaExample } from '../../src/example/buildArmeniaExample';
import { exampleDataSchema } from '../../src/example/exampleDataSchema';
import { buildReport } from '../../src/report/buildReport';
import { reportTFromStrings } from '../../src/report/reportText';
import { builtinMmdma } from './builtinFrameworks';
import { createUuidV7 } from '../../src/core/ids/uuidv7';

export function seededIds(seed = 1): () => string {
  let n = seed;
  let ms = Date.UTC(2022, 9, 7);
  return () => {
    ms += 1;
    return createUuidV7(ms, (count) => Uint8Array.from({ length: count }, () => (n = (n * 1103515245 + 12345) % 2147483648) & 255));
  };
}

export function armeniaExampleRecords() {
  const { index } = builtinMmdma();
  return { index, records: buildArmeniaExample(exampleDataSchema.parse(exampleJson), index, seededIds()) };
}

export function armeniaExampleReport() {
  const { index, records } = armeniaExampleRecords();
  const built = buildReport(records, index, { lang: 'en', t: reportTFromStrings(enReport) });
  return { index, records, ...built };
}
