// The live Workout page: camera -> MoveNet in the browser -> keypoints to the server's rep counter -> counts back.
import { PoseTracker } from './workout-pose.js';
import { drawGhost, drawSkeleton } from './workout-overlay.js';
import { WorkoutLink } from './workout-hub.js';
import { showStatus } from './status.js';
import { SetPlan, clock } from './workout-sets.js';

const $ = (id) => document.getElementById(id);
const video = $('workout-video');
const overlay = $('workout-overlay');
const status = $('workout-status');
const startButton = $('workout-start');
const stopButton = $('workout-stop');
const speech = $('workout-speech');
const PHASES = {
  SettingUp: 'Getting ready', AtStart: 'Ready', TowardPeak: 'Into the rep', AtPeak: 'Turning point',
  Returning: 'Coming back', Holding: 'Holding', OutOfForm: 'Check your form',
};

let tracker = null;
let trackerModel = null;
let stream = null;
let running = false;
let paused = false;
let lastCounts = { good: 0, improper: 0 };
let lastExercise = null;
let ghost = null;
let lastCorrection = null;
let plan = null;
const fpsTimes = [];
const practising = () => $('workout-exercise').value === 'practice';

const link = new WorkoutLink({
  onState: showState,
  onConnection: (state) => {
    if (state === 'reconnecting') {
      showStatus(status, 'warning', 'Lost the connection to the server: reconnecting. Your count is kept.');
    } else if (state === 'connected') {
      showStatus(status, 'success', 'Reconnected: counting continues.');
    } else if (running) {
      stopLoop();
      showStatus(status, 'danger',
        'The connection to the server is gone. Check your network and press Start to carry on with the same count.');
    }
  },
});

function say(text) {
  if (!speech.checked || !('speechSynthesis' in window)) return;
  speechSynthesis.cancel();
  speechSynthesis.speak(new SpeechSynthesisUtterance(text));
}

function showPractice(practice) {
  $('practice-panel').hidden = !practice;
  if (!practice) return;
  ghost = practice.ghost ?? ghost;
  const score = $('practice-score');
  score.textContent = practice.score == null ? '–' : practice.score.toFixed(0);
  score.dataset.score = practice.score ?? '';
  $('practice-best').textContent = practice.bestScore.toFixed(0);
  $('practice-correction').textContent = practice.score == null
    ? 'Step back until your whole body is in view.'
    : practice.correction ?? (practice.score >= 80 ? 'That is the pose: hold it.' : 'Nearly: match the outline.');
  if (practice.correction && practice.correction !== lastCorrection) say(practice.correction);
  lastCorrection = practice.correction;
}

function showState(state) {
  showPractice(state.practice);
  $('practice-held').textContent = state.holdSeconds.toFixed(0);
  $('good-reps').textContent = state.goodReps;
  $('improper-reps').textContent = state.improperReps;
  $('hold-seconds').textContent = state.holdSeconds.toFixed(0);
  $('phase').textContent = PHASES[state.phase] ?? state.phase;
  // Large over the video: the match while practising a pose, else the good reps (or seconds held for a plank).
  $('big-count').textContent = state.practice ? (state.practice.score == null ? '' : state.practice.score.toFixed(0))
    : state.exercise === 'plank' ? `${state.holdSeconds.toFixed(0)} s` : String(state.goodReps);
  $('big-phase').textContent = state.visible ? (PHASES[state.phase] ?? state.phase) : 'Step into view';
  $('cues').replaceChildren(
    ...state.cues.map((cue) => Object.assign(document.createElement('li'), { textContent: cue })));
  $('workout-counts').dataset.frames = state.frames;
  if (lastExercise === 'auto' && state.exercise !== 'auto') {
    showStatus(status, 'success', `Recognised: ${state.exerciseName}. Counting.`);
    say(state.exerciseName);
  }
  lastExercise = state.exercise;
  if (state.goodReps > lastCounts.good) say(String(state.goodReps));
  else if (state.improperReps > lastCounts.improper) {
    say(`Not counted: ${state.lastRep?.issues?.[0] ?? 'check your form'}`);
    if (state.lastRep?.explanation) {
      $('cues').append(Object.assign(document.createElement('li'), { textContent: state.lastRep.explanation }));
    }
  }
  lastCounts = { good: state.goodReps, improper: state.improperReps };
  tickPlan();
}

function cameraProblem(error) {
  switch (error?.name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'Camera access was denied. Allow the camera for this site in the browser (the icon in the address bar) '
        + 'and press Start again.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No camera was found. Connect a camera, or upload a video of your workout below.';
    case 'NotReadableError':
      return 'The camera is in use by another program. Close it and press Start again.';
    default:
      return `The camera could not start: ${error?.message ?? error}`;
  }
}

async function openCamera() {
  if (!navigator.mediaDevices?.getUserMedia) {
    throw Object.assign(new Error('This page needs HTTPS (or localhost) for the camera.'), { name: 'SecurityError' });
  }
  stream = await navigator.mediaDevices.getUserMedia({
    video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } },
    audio: false,
  });
  video.srcObject = stream;
  await video.play();
}

const nextFrame = () => new Promise((resolve) => (video.requestVideoFrameCallback
  ? video.requestVideoFrameCallback(() => resolve())
  : requestAnimationFrame(() => resolve())));

function tickFps(inferenceMs) {
  const now = performance.now();
  fpsTimes.push(now);
  while (fpsTimes.length && now - fpsTimes[0] > 2000) fpsTimes.shift();
  const fps = fpsTimes.length > 1 ? ((fpsTimes.length - 1) * 1000) / (now - fpsTimes[0]) : 0;
  const el = $('fps');
  el.textContent = fps.toFixed(1);
  el.dataset.fps = fps.toFixed(2);
  el.dataset.inferenceMs = inferenceMs.toFixed(1);
  el.dataset.inferences = String(Number(el.dataset.inferences ?? 0) + 1);
}

async function loop() {
  while (running) {
    await nextFrame();
    if (!running || paused || video.videoWidth === 0) continue;
    const started = performance.now();
    const points = await tracker.estimate(video);
    tickFps(performance.now() - started);
    drawSkeleton(overlay, points, video.videoWidth, video.videoHeight);
    if (practising()) drawGhost(overlay, ghost);
    link.push({
      t: link.now(),
      w: video.videoWidth,
      h: video.videoHeight,
      k: Array.from(points, (v) => Math.round(v * 1000) / 1000),
    });
  }
}

function stopLoop() {
  running = false;
  clearInterval(stopLoop.timers?.[0]);
  clearInterval(stopLoop.timers?.[1]);
  stream?.getTracks().forEach((track) => track.stop());
  stream = null;
  startButton.disabled = false;
  stopButton.disabled = true;
}

// Sets, reps and rest for exercises counted in reps (not for holds or pose practice): progress, and a rest countdown
// over the video between sets. Called on every answer from the server and by the clock.
function tickPlan() {
  if (!plan) return;
  const now = plan.update(lastCounts.good, link.now());
  $('set-progress').textContent = now.done
    ? `All ${plan.sets} done`
    : `${now.set} of ${plan.sets} · ${now.inSet}/${plan.reps}`;
  $('rest-timer').hidden = now.restLeft === 0;
  $('rest-timer').textContent = now.restLeft ? `Rest ${clock(now.restLeft)}` : '';
  if (now.say) {
    showStatus(status, 'success', now.say);
    say(now.say);
  }
}

async function start() {
  startButton.disabled = true;
  $('workout-saved').hidden = true;
  const exercise = $('workout-exercise').value;
  const model = $('workout-model').value;
  const practice = practising() ? { pose: $('practice-pose').value, view: $('practice-view').value } : null;
  const countsReps = !practice && $('workout-exercise').selectedOptions[0]?.dataset.kind !== 'Hold';
  plan = countsReps ? SetPlan.fromInputs($('plan-sets'), $('plan-reps'), $('plan-rest')) : null;
  $('set-progress').textContent = plan ? `1 of ${plan.sets} · 0/${plan.reps}` : '–';
  $('rest-timer').hidden = true;
  ghost = null;
  try {
    showStatus(status, 'info', 'Starting the camera…');
    await openCamera();
  } catch (error) {
    startButton.disabled = false;
    showStatus(status, 'danger', cameraProblem(error));
    return;
  }
  try {
    showStatus(status, 'info', `Loading the ${model} model…`);
    if (trackerModel !== model) {
      await tracker?.release();
      tracker = await PoseTracker.create(model);
      trackerModel = model;
    }
    $('backend').textContent = tracker.backend;
    const resumed = await link.begin(exercise, model, practice);
    showStatus(status, 'success', resumed ? 'Resumed your session: the count carries on.'
      : practice ? 'Match the blue outline: the timer runs while your match stays at 80 or more.'
      : exercise === 'auto' ? 'Start your exercise: it is recognised after a few reps.'
      : 'Counting: start whenever you are ready.');
  } catch (error) {
    stopLoop();
    showStatus(status, 'danger', `Could not start: ${error?.message ?? error}`);
    return;
  }
  running = true;
  paused = document.hidden;
  stopButton.disabled = false;
  const timer = setInterval(() => {
    const s = Math.floor(link.now());
    $('timer').textContent = clock(s);
    tickPlan();
  }, 500);
  const sender = setInterval(
    () => link.flush().catch((error) => showStatus(status, 'danger', error?.message ?? String(error))), 250);
  stopLoop.timers = [timer, sender];
  loop().catch((error) => {
    stopLoop();
    showStatus(status, 'danger', `Pose detection stopped: ${error?.message ?? error}`);
  });
}

async function stop() {
  stopButton.disabled = true;
  stopLoop();
  try {
    const id = await link.stop();
    if (id) {
      const saved = $('workout-saved');
      saved.querySelector('a').href = `/History/Details/${id}`;
      saved.hidden = false;
      showStatus(status, 'success', 'Session saved to your history.');
    } else showStatus(status, 'info', 'Nothing was recorded, so nothing was saved.');
  } catch (error) {
    showStatus(status, 'danger', `Could not save the session: ${error?.message ?? error}`);
  }
  drawSkeleton(overlay, null, overlay.width, overlay.height);
}

document.addEventListener('visibilitychange', () => {
  if (!running) return;
  paused = document.hidden;
  if (paused) {
    showStatus(status, 'warning', 'Paused: the tab is in the background. Counting carries on when you come back.');
  } else {
    showStatus(status, 'success', 'Counting again.');
  }
});

speech.checked = localStorage.getItem('posegen.workout.speech') === 'on';
speech.addEventListener('change', () => localStorage.setItem('posegen.workout.speech', speech.checked ? 'on' : 'off'));
// A library pose shows its mannequin from the chosen side; a saved analysis shows its own photo (and has no side to
// pick).
function showPracticeChoice() {
  $('practice-choice').hidden = !practising();
  const chosen = $('practice-pose').selectedOptions[0];
  const analysis = chosen?.value.startsWith('analysis:');
  $('practice-view-choice').hidden = analysis;
  $('practice-target').src = !practising() ? ''
    : analysis ? chosen.dataset.picture ?? ''
    : `/api/v1/poses/library/${encodeURIComponent(chosen.value)}/mannequin.svg?view=${$('practice-view').value}`;
}
$('workout-exercise').addEventListener('change', showPracticeChoice);
$('practice-pose').addEventListener('change', showPracticeChoice);
$('practice-view').addEventListener('change', showPracticeChoice);
showPracticeChoice();
// Coming back to the page (back button, restored from the cache), the browser keeps the chosen option: match it again.
window.addEventListener('pageshow', showPracticeChoice);
startButton.addEventListener('click', start);
stopButton.addEventListener('click', stop);
if (WorkoutLink.stored()) {
  showStatus(status, 'info', 'You have a session in progress: press Start to carry on with its count.');
}
