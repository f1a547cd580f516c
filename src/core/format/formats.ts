/**
 * The formats claims can be exported in: what each is called and how its file is named. The
 * writers are in `make-export.ts`, so the app's page can offer the formats without loading them
 * (they run in the export worker and `claimtrail convert`).
 */

import { exportFileName } from './export';

/** What the page knows of an export format. */
interface ExportFormat {
  label: string;
  prefix: string;
  extension: string;
  type: string;
  /** Said when there is nothing to export in this format. */
  none: string;
}

const NO_CLAIM = 'No claim to export.';

/** The export formats, by name. Formats other than claimtrail hold less: the README says what each loses. */
export const EXPORT_FORMATS = {
  claimtrail: {
    label: 'claimtrail (JSON)',
    prefix: 'claimtrail-',
    extension: '.json',
    type: 'application/json',
    none: 'Nothing to export yet: no article has claims.',
  },
  w3c: {
    label: 'W3C Web Annotation (JSON-LD)',
    prefix: 'claimtrail-w3c-',
    extension: '.jsonld',
    type: 'application/ld+json',
    none: NO_CLAIM,
  },
  hypothesis: {
    label: 'Hypothesis (JSON)',
    prefix: 'claimtrail-hypothesis-',
    extension: '.json',
    type: 'application/json',
    none: NO_CLAIM,
  },
  brat: {
    label: 'brat standoff (zip)',
    prefix: 'claimtrail-brat-',
    extension: '.zip',
    type: 'application/zip',
    none: NO_CLAIM,
  },
  csv: {
    label: 'CSV (spreadsheet)',
    prefix: 'claimtrail-',
    extension: '.csv',
    type: 'text/csv;charset=utf-8',
    none: NO_CLAIM,
  },
  claimreview: {
    label: 'schema.org ClaimReview (JSON-LD)',
    prefix: 'claimtrail-claimreview-',
    extension: '.jsonld',
    type: 'application/ld+json',
    none: 'No claim to publish as a ClaimReview: label a claim disputed or sourced and give it a note.',
  },
} satisfies Record<string, ExportFormat>;

/** The name of an export format. */
export type ExportFormatName = keyof typeof EXPORT_FORMATS;

/** The download name of an export in `format` made at `date`, e.g. claimtrail-w3c-20261123-170000.jsonld. */
export function exportNameOf(format: ExportFormatName, date: Date): string {
  const { prefix, extension } = EXPORT_FORMATS[format];
  return exportFileName(date)
    .replace('claimtrail-', prefix)
    .replace(/\.json$/, extension);
}
