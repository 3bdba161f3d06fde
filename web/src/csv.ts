/** CSV text of a table of values (RFC 4180 quoting). */
export function toCsv(header: string[], rows: (string | number | boolean | null)[][]): string {
  const field = (value: string | number | boolean | null) => {
    const text = value === null ? "" : String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [header, ...rows].map((row) => row.map(field).join(",")).join("\n") + "\n";
}
