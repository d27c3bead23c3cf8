import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { workflowDiagram } from './workflow-diagram.js';
import { Workflow } from './workflow.js';

describe('the workflow diagram in docs/workflow.md', () => {
  it('is the one generated from the workflow table (run `npm run docs:workflow` after changing the table)', () => {
    const document = readFileSync('docs/workflow.md', 'utf8');
    const committed = /```mermaid\n([\s\S]*?)```/.exec(document)?.[1];
    expect(committed).toBe(workflowDiagram(new Workflow()));
  });
});
