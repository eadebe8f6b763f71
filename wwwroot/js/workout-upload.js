// Workout page, video analysis: upload a clip to /api/v1/workouts/analyze, poll the job with a progress bar, then show
// the counts, the reps with their form issues, and a chart of the counter's signal with the counted reps marked.
// Chart.js comes from wwwroot/lib as a UMD script (window.Chart), loaded before this module.
import { postForm } from './api.js';
import { showStatus as show, problemText } from './status.js';
import { mib, tooLarge } from './upload.js';

const POLL_MS = 500;

const form = document.getElementById('video-form');
const input = document.getElementById('video-input');
const submit = document.getElementById('video-submit');
const status = document.getElementById('video-status');
const progress = document.getElementById('video-progress');
const bar = progress.querySelector('.progress-bar');
const result = document.getElementById('video-result');
const canvas = document.getElementById('video-chart');
const maxBytes = Number(form.dataset.maxBytes);
let chart = null;

const showStatus = (kind, text) => show(status, kind, text);

function setProgress(fraction) {
  const percent = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
  progress.hidden = false;
  progress.setAttribute('aria-valuenow', String(percent));
  bar.style.width = `${percent}%`;
  bar.textContent = `${percent}%`;
}

// What went wrong, by status: the server's problem detail with a hint of what to do about it.
async function uploadError(response) {
  const detail = await problemText(response);
  switch (response.status) {
    case 413: return `The clip is too large (the limit is ${mib(maxBytes)}): ${detail}`;
    case 415: return `This file is not a video the server can read; use mp4, webm or mov. ${detail}`;
    case 400: return `The upload was refused: ${detail}`;
    case 422: return `The video could not be analysed: ${detail}`;
    default: return `The upload failed (HTTP ${response.status}): ${detail}`;
  }
}

async function analyze() {
  const file = input.files[0];
  if (!file) {
    showStatus('warning', 'Choose a video clip first.');
    return;
  }
  const refused = tooLarge([file], maxBytes, 'clip');
  if (refused) {
    showStatus('danger', refused);
    return;
  }
  const data = new FormData();
  data.append('video', file);
  data.append('exercise', form.elements.exercise.value);
  result.hidden = true;
  submit.disabled = true;
  form.setAttribute('aria-busy', 'true');
  showStatus('info', `Uploading ${file.name}…`);
  setProgress(0);
  try {
    const response = await postForm('/api/v1/workouts/analyze', data);
    if (!response.ok) {
      progress.hidden = true;
      showStatus('danger', await uploadError(response));
      return;
    }
    const { id } = await response.json();
    await poll(id);
  } catch (error) {
    progress.hidden = true;
    showStatus('danger', `The request failed: ${error.message}. Check your connection and try again.`);
  } finally {
    submit.disabled = false;
    form.removeAttribute('aria-busy');
  }
}

async function poll(id) {
  for (;;) {
    const response = await fetch(`/api/v1/workouts/analyses/${id}`, { credentials: 'same-origin' });
    if (!response.ok) {
      progress.hidden = true;
      showStatus('danger', `Could not read the analysis: ${await problemText(response)}`);
      return;
    }
    const job = await response.json();
    setProgress(job.progress);
    if (job.status === 'done') {
      progress.hidden = true;
      status.hidden = true;
      render(id, job.result);
      return;
    }
    if (job.status === 'failed') {
      progress.hidden = true;
      showStatus('danger', `The analysis failed: ${job.error ?? 'unknown error'}`);
      return;
    }
    showStatus('info', job.status === 'queued' ? 'Waiting for the analyser…'
      : job.stage === 'turned'
        ? 'The exercise could not be read as filmed: reading the clip again turned a quarter, in case it is sideways…'
        : 'Finding keypoints and counting reps…');
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function render(id, r) {
  document.getElementById('video-reps').textContent = String(r.reps);
  document.getElementById('video-improper').textContent = String(r.improperReps);
  document.getElementById('video-duration').textContent = `${r.durationS.toFixed(1)} s`;
  const list = document.getElementById('video-rep-list');
  const recognised = document.getElementById('video-recognised');
  recognised.hidden = !r.recognition;
  if (r.recognition) {
    recognised.textContent = r.recognition.exercise
      ? `Recognised: ${r.exercise} (confidence ${Math.round(r.recognition.confidence * 100)}%).`
      : 'No repeated exercise was recognised in this clip, so nothing was counted.';
  }
  list.replaceChildren(...r.repDetails.map((rep) => {
    const item = document.createElement('li');
    const verdict = rep.explanation ?? (rep.issues.length > 0 ? `improper: ${rep.issues.join(', ')}` : 'good');
    item.textContent = `${rep.startS.toFixed(1)}–${rep.endS.toFixed(1)} s: ${verdict}`;
    item.className = rep.issues.length > 0 ? 'text-warning-emphasis' : '';
    return item;
  }));
  if (r.repDetails.length === 0) {
    const item = document.createElement('li');
    item.textContent = 'No complete rep was found in this clip.';
    list.replaceChildren(item);
  }
  const uncounted = (r.cycles ?? []).filter((c) => c.verdict === 'not counted');
  document.getElementById('video-uncounted').hidden = uncounted.length === 0;
  document.getElementById('video-uncounted-list').replaceChildren(...uncounted.map((c) => {
    const item = document.createElement('li');
    item.textContent = `${c.startS.toFixed(1)}–${c.endS.toFixed(1)} s: ${c.explanation}`;
    return item;
  }));
  const crosscheck = document.getElementById('video-crosscheck');
  crosscheck.hidden = !r.repetition?.note;
  crosscheck.textContent = r.repetition?.note ?? '';
  document.getElementById('video-history').href = `/History/Details/${id}`;
  result.hidden = false;
  drawChart(r);
}

// The signal value nearest to time t (the rep markers sit on the curve).
function valueAt(signal, t) {
  let best = null;
  let gap = Infinity;
  signal.timesS.forEach((time, i) => {
    if (signal.values[i] !== null && Math.abs(time - t) < gap) {
      gap = Math.abs(time - t);
      best = signal.values[i];
    }
  });
  return best;
}

function drawChart(r) {
  const { signal } = r;
  const curve = signal.timesS.map((x, i) => ({ x, y: signal.values[i] }));
  const marks = (good) => r.repDetails
    .filter((rep) => (rep.issues.length === 0) === good)
    .map((rep) => ({ x: rep.peakS, y: valueAt(signal, rep.peakS) }));
  chart?.destroy();
  chart = new window.Chart(canvas, {
    type: 'line',
    data: {
      datasets: [
        {
          label: `Signal (${signal.unit})`,
          data: curve,
          borderColor: '#0d6efd',
          pointRadius: 0,
          borderWidth: 1.5,
          spanGaps: false,
        },
        {
          type: 'scatter',
          label: 'Good rep',
          data: marks(true),
          backgroundColor: '#198754',
          pointRadius: 7,
          pointStyle: 'triangle',
        },
        {
          type: 'scatter',
          label: 'Improper rep',
          data: marks(false),
          backgroundColor: '#fd7e14',
          pointRadius: 7,
          pointStyle: 'rectRot',
        },
        {
          type: 'scatter',
          label: 'Not counted',
          data: (r.cycles ?? [])
            .filter((c) => c.verdict === 'not counted')
            .map((c) => ({ x: c.peakS, y: valueAt(signal, c.peakS) })),
          backgroundColor: '#6c757d',
          borderColor: '#6c757d',
          borderWidth: 2,
          pointRadius: 7,
          pointStyle: 'crossRot',
        },
      ],
    },
    options: {
      animation: false,
      parsing: true,
      scales: {
        x: { type: 'linear', title: { display: true, text: 'time (s)' } },
        y: { title: { display: true, text: signal.unit } },
      },
    },
  });
  canvas.dataset.points = String(curve.length);
  canvas.dataset.reps = String(r.repDetails.length);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  analyze();
});
