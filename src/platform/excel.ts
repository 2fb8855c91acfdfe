type ExcelJS = typeof import('exceljs');

/** exceljs costs ~0.35 s and ~28 MB to load: it is loaded on the first import or export, not at start-up. */
export async function loadExcel(): Promise<ExcelJS> {
  return ((await import('exceljs')) as { default: ExcelJS }).default;
}
