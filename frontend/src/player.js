// HLS playback for the embed page and the dashboard's preview: hls.js where Media Source Extensions
// exist, the browser's own HLS (Safari, iOS) elsewhere; an optional quality menu.
import Hls from 'hls.js';
import mux from 'mux-embed';

/**
 * Plays {@code options.src} in a new <video> inside {@code root}.
 * @param {HTMLElement} root
 * Captions come from the master playlist's SUBTITLES group (hls.js) or the browser's own HLS.
 * @param {{src: string, poster?: string, autoplay?: boolean, muted?: boolean, qualityMenu?: boolean,
 *          startAt?: number}} options  startAt: seconds to start from (a link to a moment)
 * @returns {{video: HTMLVideoElement, hls: Hls|null}}
 */
export function mount(root, options) {
  root.classList.add('vx-player');
  const video = document.createElement('video');
  video.controls = true;
  video.playsInline = true;
  video.preload = 'metadata';
  if (options.poster) video.poster = options.poster;
  if (options.muted) video.muted = true;
  video.style.width = '100%';
  video.style.height = '100%';
  video.style.background = '#000';
  root.append(video);

  let hls = null;
  if (Hls.isSupported()) {
    hls = new Hls({ capLevelToPlayerSize: true, startPosition: options.startAt > 0 ? options.startAt : -1 });
    hls.loadSource(options.src);
    hls.attachMedia(video);
    if (options.qualityMenu) {
      hls.on(Hls.Events.MANIFEST_PARSED, (_event, data) => addQualityMenu(root, hls, data.levels));
    }
    // Dubbed languages (the master's AUDIO group): a menu once there is more than the original.
    hls.on(Hls.Events.AUDIO_TRACKS_UPDATED, (_event, data) => addAudioMenu(root, data.audioTracks.map((track, index) => ({
      name: track.name || track.lang || `Track ${index + 1}`, lang: track.lang, selected: index === hls.audioTrack,
    })), (index) => { hls.audioTrack = index; }));
    hls.on(Hls.Events.ERROR, (_event, data) => {
      if (data.fatal) root.dataset.error = data.details;
    });
  } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
    video.src = options.src;
    // Safari lists the AUDIO group in video.audioTracks (one enabled at a time).
    if (video.audioTracks) {
      video.addEventListener('loadedmetadata', () => {
        const tracks = Array.from(video.audioTracks);
        addAudioMenu(root, tracks.map((track, index) => ({ name: track.label || track.language || `Track ${index + 1}`,
          lang: track.language, selected: track.enabled })), (index) => {
          tracks.forEach((track, i) => { track.enabled = i === index; });
        });
      }, { once: true });
    }
    if (options.startAt > 0) {
      video.addEventListener('loadedmetadata', () => { video.currentTime = options.startAt; }, { once: true });
    }
  } else {
    root.dataset.error = 'This browser cannot play HLS video.';
  }
  if (options.autoplay) {
    video.muted = true;
    video.play().catch(() => {});
  }
  if (options.analytics) monitor(video, hls, options.analytics);
  root.__vidcastxPlayer = { video, hls };
  return root.__vidcastxPlayer;
}

/**
 * Reports the view to this Vidcastx server with the unmodified Mux Data SDK (mux-embed): its beacons
 * go to the page's own host (plain HTTP for localhost:PORT, HTTPS elsewhere), the same origin that
 * served the embed page, so the page's CSP (connect-src 'self') allows them.
 * @param {{envKey: string, videoId: string, videoTitle?: string, playerName?: string}} analytics
 */
function monitor(video, hls, analytics) {
  mux.monitor(video, {
    beaconCollectionDomain: location.host,
    hlsjs: hls || undefined,
    Hls: hls ? Hls : undefined,
    data: {
      env_key: analytics.envKey,
      video_id: analytics.videoId,
      video_title: analytics.videoTitle,
      player_name: analytics.playerName || 'vidcastx',
      player_init_time: Date.now(),
    },
  });
}

/**
 * A native <select> (keyboard and screen readers for free) naming each audio language; replaced when
 * the list changes, absent while there is only one.
 * @param {{name: string, lang?: string, selected: boolean}[]} tracks
 * @param {(index: number) => void} choose
 */
function addAudioMenu(root, tracks, choose) {
  root.querySelector('.vx-audio')?.remove();
  if (tracks.length < 2) return;
  const select = document.createElement('select');
  select.className = 'vx-audio';
  select.setAttribute('aria-label', 'Audio language');
  tracks.forEach((track, index) => {
    const option = new Option(track.name, String(index), false, track.selected);
    if (track.lang) option.lang = track.lang;
    select.append(option);
  });
  select.addEventListener('change', () => choose(Number(select.value)));
  root.append(select);
}

function addQualityMenu(root, hls, levels) {
  const select = document.createElement('select');
  select.className = 'vx-quality';
  select.setAttribute('aria-label', 'Quality');
  select.append(new Option('Auto', '-1'));
  levels
    .map((level, index) => ({ level, index }))
    .sort((a, b) => b.level.height - a.level.height)
    .forEach(({ level, index }) => select.append(new Option(`${Math.min(level.height, level.width)}p`, String(index))));
  select.addEventListener('change', () => {
    hls.currentLevel = Number(select.value);
  });
  root.append(select);
}
