import type { Step } from './raw-transition.js';

export interface MixStep {
  step: Step;
  applicationId: string;
  /** The client's place in its cycle, counted from its first step. */
  place: number;
}

/**
 * The mix's cycle, client `i` on application `owned[i]`: request-information, respond, then the start-review of a
 * fresh application, and again. Each application's place carries over from run to run (the warm-up may leave it
 * waiting for its answer). For `rawLoad`'s `next`, with a client per owned application.
 */
export function mixCycle(owned: readonly string[], fresh: readonly string[]): (client: number) => MixStep {
  const places = owned.map(() => 0);
  let freshTaken = 0;
  return (client) => {
    const place = places[client]++;
    if (place % 3 === 2 && freshTaken < fresh.length) return { step: 'start-review', applicationId: fresh[freshTaken++], place };
    return { step: place % 3 === 0 ? 'request-information' : 'respond', applicationId: owned[client], place };
  };
}
