// Sets x reps with a rest between sets, kept in the page: the server counts good reps, this only watches that count and
// the clock. Nothing here changes what counts as a rep.
export class SetPlan {
  constructor({ sets, reps, restSeconds }) {
    this.sets = sets;
    this.reps = reps;
    this.restSeconds = restSeconds;
    this.restUntil = null;
    this.doneSets = 0;
  }

  // Reads the plan from the page's inputs; null when a number is missing or outside its input's range.
  static fromInputs(setsInput, repsInput, restInput) {
    const read = (input) => {
      const value = Number(input.value);
      return Number.isInteger(value) && value >= Number(input.min) && value <= Number(input.max) ? value : null;
    };
    const [sets, reps, restSeconds] = [setsInput, repsInput, restInput].map(read);
    return sets && reps && restSeconds !== null ? new SetPlan({ sets, reps, restSeconds }) : null;
  }

  // Folds in the latest good-rep count at time nowS (seconds); answers what to show and, once per change, what to say.
  update(goodReps, nowS) {
    let say = null;
    const finished = Math.min(this.sets, Math.floor(goodReps / this.reps));
    if (finished > this.doneSets) {
      this.doneSets = finished;
      if (finished >= this.sets) {
        this.restUntil = null;
        say = `All ${this.sets} sets done. Well done: stop to save.`;
      } else {
        this.restUntil = nowS + this.restSeconds;
        say = `Set ${finished} of ${this.sets} done. Rest ${this.restSeconds} seconds.`;
      }
    }
    let restLeft = this.restUntil === null ? 0 : Math.max(0, Math.ceil(this.restUntil - nowS));
    if (this.restUntil !== null && restLeft === 0) {
      this.restUntil = null;
      say = `Go: set ${this.doneSets + 1} of ${this.sets}.`;
    }
    const inSet = Math.min(this.reps, goodReps - this.doneSets * this.reps);
    return { set: Math.min(this.sets, this.doneSets + 1), done: this.doneSets >= this.sets, inSet, restLeft, say };
  }
}

export const clock = (seconds) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
