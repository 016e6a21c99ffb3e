// Entry point of Vidcastx's own browser code. Views load it once and call window.Vidcastx.*.
export { mountUploader } from './uploader.js';

/**
 * Copies text to the clipboard, falling back to a hidden textarea where the async Clipboard API is
 * unavailable (plain-http deployments on a LAN are not a "secure context").
 * @returns {Promise<boolean>} whether the text was copied
 */
export async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return true;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } finally {
    area.remove();
  }
}

export const version = '0.1.0';
