// Writes docs/workflow.md from the workflow table: `npm run docs:workflow`.
import { writeFileSync } from 'node:fs';
import { APPLICATION_ACTIONS, ACTION_NAMES, FINAL_STATES, Workflow, workflowDiagram } from '@near/admission';

const rows = ACTION_NAMES.map((name) => {
  const action = APPLICATION_ACTIONS[name];
  const notifications = action.notifications.map((rule) => `${rule.event} → ${rule.to.join(', ')}`).join('; ') || '—';
  return `| \`${name}\` | ${action.from.join(', ')} | ${action.to.join(' or ')} | ${action.roles.join(', ')}${action.ownGovernmentOnly ? ' (own)' : ''} | ${action.guards.join(', ') || '—'} | ${notifications} | ${action.summary} |`;
});

writeFileSync(
  'docs/workflow.md',
  `# The admission workflow

Generated from \`libs/admission/src/workflow/application-workflow.ts\` by \`npm run docs:workflow\`; a test fails when
this file is stale. Final states: ${FINAL_STATES.join(', ')}.

\`\`\`mermaid
${workflowDiagram(new Workflow())}\`\`\`

| action | from | to | who | guards | notifies | meaning |
|---|---|---|---|---|---|---|
${rows.join('\n')}
`,
);
