import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The parts of a V8 .cpuprofile (node --cpu-prof) that the summary reads. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** Sampled time in the window that was not idle. */
  busyMs: number;
  idleMs: number;
  /** Self time by where the code comes from: a package, node's internals, the app's own libs, GC. */
  selfByOrigin: { origin: string; ms: number; share: number }[];
  /** Time with the origin anywhere on the stack (a package's callees count for it): what it costs with what it calls. */
  inclusiveByOrigin: { origin: string; ms: number; share: number }[];
  /** The functions with the most self time. */
  functions: { function: string; origin: string; where: string; ms: number; share: number }[];
}

function originOf(url: string, functionName: string): string {
  if (!url) {
    if (functionName === '(garbage collector)') return '(garbage collector)';
    if (functionName === '(idle)') return '(idle)';
    if (functionName === '(program)') return '(program: V8 and native code)';
    return `(native) ${functionName || 'anonymous'}`;
  }
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [first, second] = url.slice(modules + '/node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  if (url.startsWith('node:')) return 'node (core modules)';
  const app = /\/dist\/(?:apps|bench\/snapshot)\/[^/]+\/((?:apps|libs)\/[^/]+)\//.exec(url);
  if (app) return `app: ${app[1]}`;
  return url;
}

/** Under nearly every sample: naming them as inclusive time says nothing. */
const ALWAYS_ON_STACK = new Set(['(native) (root)', '(native) runMicrotasks', 'node (core modules)']);

const share = (ms: number, total: number) => Math.round((ms / total) * 1000) / 10;

/** Summarises the samples of a CPU profile that fall within [startUs, endUs] on the monotonic clock. */
export function summariseProfile(profile: CpuProfile, window?: { startUs: number; endUs: number }, top = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const origins = new Map<number, string>();
  const originOfNode = (id: number) => {
    let origin = origins.get(id);
    if (origin === undefined) {
      const { url, functionName } = byId.get(id)!.callFrame;
      origin = originOf(url, functionName);
      origins.set(id, origin);
    }
    return origin;
  };
  const stackOrigins = new Map<number, Set<string>>();
  const originsOnStack = (id: number): Set<string> => {
    let set = stackOrigins.get(id);
    if (!set) {
      const up = parent.get(id);
      set = new Set(up === undefined ? [] : originsOnStack(up));
      set.add(originOfNode(id));
      stackOrigins.set(id, set);
    }
    return set;
  };

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const functions = new Map<string, { function: string; origin: string; where: string; ms: number }>();
  let busy = 0;
  let idle = 0;
  let time = profile.startTime;
  for (let i = 0; i < profile.samples.length; i += 1) {
    time += profile.timeDeltas[i];
    if (window && (time < window.startUs || time > window.endUs)) continue;
    const ms = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i]) / 1000;
    const id = profile.samples[i];
    const origin = originOfNode(id);
    if (origin === '(idle)') {
      idle += ms;
      continue;
    }
    busy += ms;
    self.set(origin, (self.get(origin) ?? 0) + ms);
    for (const each of originsOnStack(id)) if (!ALWAYS_ON_STACK.has(each)) inclusive.set(each, (inclusive.get(each) ?? 0) + ms);
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const where = url ? `${url.replace(/^.*\/(node_modules|dist\/bench\/snapshot|dist)\//, '')}:${lineNumber + 1}` : '';
    const key = `${functionName}@${where}`;
    const entry = functions.get(key) ?? { function: functionName || '(anonymous)', origin, where, ms: 0 };
    entry.ms += ms;
    functions.set(key, entry);
  }
  const sorted = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([origin, ms]) => ({ origin, ms: Math.round(ms), share: share(ms, busy) }));
  return {
    busyMs: Math.round(busy),
    idleMs: Math.round(idle),
    selfByOrigin: sorted(self),
    inclusiveByOrigin: sorted(inclusive),
    functions: [...functions.values()]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top)
      .map((entry) => ({ ...entry, ms: Math.round(entry.ms), share: share(entry.ms, busy) })),
  };
}

/** The one .cpuprofile node wrote into `directory`. */
export function readProfile(directory: string): CpuProfile {
  const file = readdirSync(directory).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`No .cpuprofile in ${directory}`);
  return JSON.parse(readFileSync(join(directory, file), 'utf8')) as CpuProfile;
}
