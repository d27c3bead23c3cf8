import { FINAL_STATES, INITIAL_STATE } from './application-workflow.js';
import type { Workflow } from './workflow.js';

/** The workflow as a Mermaid state diagram; docs/workflow.md embeds it and a test keeps it current. */
export function workflowDiagram(workflow: Workflow): string {
  const lines = ['stateDiagram-v2', `    [*] --> ${INITIAL_STATE}`];
  const merged = new Map<string, string[]>();
  for (const { from, to, action } of workflow.edges()) {
    const key = `${from} --> ${to}`;
    merged.set(key, [...(merged.get(key) ?? []), action]);
  }
  for (const [edge, actions] of merged) lines.push(`    ${edge}: ${actions.join(', ')}`);
  for (const state of FINAL_STATES) lines.push(`    ${state} --> [*]`);
  return lines.join('\n') + '\n';
}
