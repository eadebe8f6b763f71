// The SignalR link to /hubs/workout: keypoints go up in small batches, the server's counts come back. The session id
// (and the client clock origin its timestamps use) live in sessionStorage, so a reconnect or a reload resumes the
// count.
const STORE = 'posegen.workout.session';
const MAX_BUFFER = 300;

export class WorkoutLink {
  constructor({ onState, onConnection }) {
    this.onState = onState;
    this.onConnection = onConnection;
    this.buffer = [];
    this.sending = false;
    this.session = null;
    // signalR is the global of @microsoft/signalr's browser build, loaded by the page before this module.
    this.connection = new window.signalR.HubConnectionBuilder()
      .withUrl('/hubs/workout')
      .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000, 10000, 20000, 30000])
      .build();
    this.connection.onreconnecting(() => onConnection('reconnecting'));
    this.connection.onreconnected(async () => {
      onConnection('connected');
      if (this.session) await this.resume(this.session.id);
    });
    this.connection.onclose(() => onConnection('closed'));
  }

  static stored() {
    try {
      return JSON.parse(sessionStorage.getItem(STORE) ?? 'null');
    } catch {
      return null;
    }
  }

  get connected() {
    return this.connection.state === 'Connected';
  }

  async connect() {
    if (this.connection.state === 'Disconnected') await this.connection.start();
  }

  // Resumes the stored session when it is for the same exercise (or pose and view) and model and the server still has
  // it. practice = { pose, view } starts practising a library pose (or, for pose 'analysis:<id>', the pose of a saved
  // analysis) instead of counting an exercise.
  async begin(exercise, model, practice = null) {
    await this.connect();
    const stored = WorkoutLink.stored();
    const key = practice ? `practice:${practice.pose}:${practice.view}` : exercise;
    if (stored && stored.exercise === key && stored.model === model && (await this.resume(stored.id))) return true;
    const state = practice
      ? practice.pose.startsWith('analysis:')
        ? await this.connection.invoke('StartPracticeAnalysis', practice.pose.slice('analysis:'.length), model)
        : await this.connection.invoke('StartPractice', practice.pose, practice.view, model)
      : await this.connection.invoke('Start', exercise, model);
    this.session = { id: state.sessionId, exercise: key, model, origin: Date.now() };
    sessionStorage.setItem(STORE, JSON.stringify(this.session));
    this.onState(state);
    return false;
  }

  async resume(id) {
    const state = await this.connection.invoke('Resume', id);
    if (!state) {
      sessionStorage.removeItem(STORE);
      return false;
    }
    this.session = WorkoutLink.stored() ?? this.session;
    this.onState(state);
    return true;
  }

  // Seconds since the session started, on the clock its first frame used (kept across reloads).
  now() {
    return this.session ? (Date.now() - this.session.origin) / 1000 : 0;
  }

  push(frame) {
    this.buffer.push(frame);
    if (this.buffer.length > MAX_BUFFER) this.buffer.splice(0, this.buffer.length - MAX_BUFFER);
  }

  async flush() {
    if (this.sending || !this.session || !this.connected || this.buffer.length === 0) return;
    this.sending = true;
    const batch = this.buffer.splice(0, this.buffer.length);
    try {
      this.onState(await this.connection.invoke('Frames', this.session.id, batch));
    } catch (error) {
      // Not delivered: keep the frames for the next try unless the server refused them (a HubException's message).
      if (!this.connected) this.buffer.unshift(...batch);
      else throw error;
    } finally {
      this.sending = false;
    }
  }

  async stop() {
    if (!this.session) return null;
    await this.flush();
    const id = await this.connection.invoke('Stop', this.session.id);
    this.session = null;
    sessionStorage.removeItem(STORE);
    return id;
  }
}
