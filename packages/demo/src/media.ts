import { escapeHtml } from './html.js';

/**
 * Placeholder photos. The seed names its photos only by their captions, so the demo draws each
 * as a calm panel carrying the caption, at the 3:2 size the fixtures declare.
 */
export function placeholderSvg(caption: string, width = 1200, height = 800): string {
  const text = escapeHtml(caption);
  // Long captions get a smaller size so they fit the width (about 0.5em per character).
  const fontSize = Math.min(44, Math.floor((width * 0.9) / (caption.length * 0.5)));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${text}">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#8c1c13"/><stop offset="1" stop-color="#3d0c08"/></linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#g)"/>
  <text x="50%" y="50%" text-anchor="middle" dominant-baseline="middle" fill="#fff" font-family="Be Vietnam Pro, Noto Sans, Arial, sans-serif" font-size="${fontSize}">${text}</text>
</svg>`;
}
