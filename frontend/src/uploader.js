// The dashboard's upload area: drag-and-drop and a file picker, one tus-js-client upload per file,
// each with a progress bar, speed, time left, Pause, Resume and Cancel. Unfinished uploads are
// remembered (tus fingerprints in localStorage), so after a reload choosing the same file resumes it.
import * as tus from 'tus-js-client';

const PREVIOUS_KEY = 'vidcastx.unfinished-uploads';

function formatBytes(bytes) {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  // Binary units, as file managers count them: a "50 GB" limit shows as 50 GB.
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value >= 100 || unit === 0 ? 0 : 1)} ${units[unit]}`;
}

function formatDuration(seconds) {
  if (!Number.isFinite(seconds) || seconds < 0) return '';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function rememberUnfinished(name, size) {
  const list = JSON.parse(localStorage.getItem(PREVIOUS_KEY) || '[]').filter((f) => f.name !== name || f.size !== size);
  list.push({ name, size, at: Date.now() });
  localStorage.setItem(PREVIOUS_KEY, JSON.stringify(list.slice(-20)));
}

function forgetUnfinished(name, size) {
  const list = JSON.parse(localStorage.getItem(PREVIOUS_KEY) || '[]').filter((f) => f.name !== name || f.size !== size);
  localStorage.setItem(PREVIOUS_KEY, JSON.stringify(list));
}

/** The words of a 402 quota_exceeded answer (the same the dashboard shows above the upload area). */
function quotaMessage(body) {
  try {
    return JSON.parse(body).error.messages.join(' ');
  } catch (e) {
    return 'A hard limit of your plan is used up: upgrade it in Settings › Billing.';
  }
}

/** Human-readable reason from a tus-js-client error (the server's text body where there is one). */
function explain(error) {
  const response = error.originalResponse;
  if (response) {
    const status = response.getStatus();
    const body = (response.getBody() || '').trim();
    if (status === 413) return body || 'The file is larger than your organization allows.';
    if (status === 402) return quotaMessage(body);
    if (status === 401) return 'Your session has ended: sign in again to upload.';
    if (body) return body;
    return `The server refused the upload (HTTP ${status}).`;
  }
  return 'The connection was lost. Resume when you are back online.';
}

/**
 * Mounts the upload area into {@code root}.
 * @param {HTMLElement} root the Vaadin component's element (has $server)
 * @param {{endpoint: string, maxSize: number, chunkSize?: number}} options
 */
export function mountUploader(root, options) {
  if (root.__vidcastxUploader) return root.__vidcastxUploader;
  root.classList.add('vx-uploader');
  const zone = element('div', 'vx-drop-zone');
  const input = element('input');
  input.type = 'file';
  input.multiple = true;
  input.accept = 'video/*,audio/*,.mkv,.mov,.mp4,.webm,.avi,.m4a,.mp3,.wav';
  input.className = 'vx-file-input';
  const pick = element('button', 'vx-pick', 'Choose files');
  pick.type = 'button';
  pick.addEventListener('click', () => input.click());
  zone.append(element('div', 'vx-drop-title', 'Drag and drop videos here'), element('div', 'vx-drop-or', 'or'), pick, input);
  const hint = element('div', 'vx-hint', `Up to ${formatBytes(options.maxSize)} per file. Uploads resume if the connection drops.`);
  const list = element('div', 'vx-upload-list');
  root.append(zone, hint, list);

  const previous = JSON.parse(localStorage.getItem(PREVIOUS_KEY) || '[]');
  if (previous.length > 0) {
    const note = element('div', 'vx-previous');
    note.textContent = `Unfinished: ${previous.map((f) => f.name).join(', ')}. Choose the same file again to resume where it stopped.`;
    root.insertBefore(note, list);
  }

  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('vx-dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('vx-dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('vx-dragging');
    [...event.dataTransfer.files].forEach(start);
  });
  input.addEventListener('change', () => {
    [...input.files].forEach(start);
    input.value = '';
  });

  function start(file) {
    const row = element('div', 'vx-upload');
    const name = element('div', 'vx-upload-name', file.name);
    const bar = element('progress', 'vx-upload-bar');
    bar.max = 100;
    bar.value = 0;
    const status = element('div', 'vx-upload-status', `Waiting · ${formatBytes(file.size)}`);
    const pause = element('button', 'vx-pause', 'Pause');
    const cancel = element('button', 'vx-cancel', 'Cancel');
    pause.type = cancel.type = 'button';
    const actions = element('div', 'vx-upload-actions');
    actions.append(pause, cancel);
    row.append(name, bar, status, actions);
    list.prepend(row);

    if (file.size > options.maxSize) {
      row.classList.add('vx-error');
      status.textContent = `Too large: ${formatBytes(file.size)}; the limit is ${formatBytes(options.maxSize)}.`;
      actions.remove();
      return;
    }

    let samples = [];
    let paused = false;
    const upload = new tus.Upload(file, {
      endpoint: options.endpoint,
      chunkSize: options.chunkSize || Infinity,
      retryDelays: [0, 1000, 3000, 5000, 10000],
      metadata: { filename: file.name, filetype: file.type || 'application/octet-stream' },
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onProgress(sent, total) {
        const now = performance.now();
        samples.push([now, sent]);
        samples = samples.filter(([t]) => now - t < 5000);
        const [t0, b0] = samples[0];
        const speed = now > t0 ? ((sent - b0) * 1000) / (now - t0) : 0;
        const percent = total ? (sent / total) * 100 : 0;
        bar.value = percent;
        row.dataset.progress = percent.toFixed(1);
        status.textContent = `${percent.toFixed(0)}% · ${formatBytes(sent)} of ${formatBytes(total)}` +
          (speed > 0 ? ` · ${formatBytes(speed)}/s · ${formatDuration((total - sent) / speed)} left` : '');
      },
      onSuccess() {
        bar.value = 100;
        row.dataset.progress = '100';
        row.classList.add('vx-done');
        status.textContent = `Upload complete · ${formatBytes(file.size)} · processing`;
        actions.remove();
        forgetUnfinished(file.name, file.size);
        if (root.$server) root.$server.uploadFinished(file.name);
      },
      onError(error) {
        row.classList.add('vx-error');
        status.textContent = explain(error);
        pause.textContent = 'Retry';
        paused = true;
      },
    });

    pause.addEventListener('click', () => {
      if (paused) {
        paused = false;
        row.classList.remove('vx-error');
        pause.textContent = 'Pause';
        status.textContent = 'Resuming…';
        upload.start();
      } else {
        paused = true;
        pause.textContent = 'Resume';
        upload.abort().then(() => {
          status.textContent = `Paused at ${bar.value.toFixed(0)}%`;
        });
      }
    });
    cancel.addEventListener('click', () => {
      upload.abort(true).catch(() => {});
      forgetUnfinished(file.name, file.size);
      row.classList.add('vx-cancelled');
      status.textContent = 'Cancelled';
      actions.remove();
    });

    rememberUnfinished(file.name, file.size);
    upload.findPreviousUploads().then((previousUploads) => {
      if (previousUploads.length > 0) {
        upload.resumeFromPreviousUpload(previousUploads[0]);
        status.textContent = 'Resuming the earlier upload of this file…';
      }
      upload.start();
    });
  }

  root.__vidcastxUploader = { start };
  return root.__vidcastxUploader;
}
