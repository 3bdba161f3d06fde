import qrcode from "qrcode-generator";

/** The short URL as a QR code, in SVG (sharp at any size, small to download), labelled for screen readers. */
export function qrSvg(text: string): string {
  const qr = qrcode(0, "M");
  qr.addData(text);
  qr.make();
  const svg = qr.createSvgTag({ cellSize: 6, margin: 4, scalable: true });
  const label = text.replace(/[<>&"]/g, "");
  return svg.replace("<svg ", `<svg role="img" aria-label="QR code for ${label}" `);
}
