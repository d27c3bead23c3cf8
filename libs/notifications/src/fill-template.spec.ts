import { describe, expect, it } from '@jest/globals';
import { escapeHtml, fillTemplate, placeholdersIn, strayBracesIn } from './fill-template.js';

describe('fillTemplate', () => {
  it('puts each value in place of its placeholder, spaces inside the braces allowed', () => {
    expect(
      fillTemplate('[{{reference}}] {{ governmentName }}, again {{reference}}', 'text', {
        reference: 'NEAR-2026-0007',
        governmentName: 'Qinghai',
      }),
    ).toBe('[NEAR-2026-0007] Qinghai, again NEAR-2026-0007');
  });

  it('escapes the five HTML special characters in HTML only', () => {
    const values = { name: `<script>alert("x")</script> & 'y'` };
    expect(fillTemplate('<p>{{name}}</p>', 'html', values)).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>',
    );
    expect(fillTemplate('{{name}}', 'text', values)).toBe(values.name);
  });

  it('keeps the lines of a multi-line value in HTML as <br>', () => {
    expect(fillTemplate('<p>{{message}}</p>', 'html', { message: 'First line\r\nsecond <line>\nthird' })).toBe(
      '<p>First line<br>\nsecond &lt;line&gt;<br>\nthird</p>',
    );
  });

  it('turns the line breaks of a value into spaces in a subject, so no header can be injected', () => {
    expect(fillTemplate('[{{reference}}] {{name}}', 'subject', { reference: 'R-1', name: 'Qinghai\r\nBcc: all@example.org\n' })).toBe(
      '[R-1] Qinghai Bcc: all@example.org ',
    );
  });

  it('leaves plain text as written, line breaks included', () => {
    expect(fillTemplate('Message:\n{{message}}', 'text', { message: 'a\nb <c>' })).toBe('Message:\na\nb <c>');
  });

  it('does not expand placeholders found inside a value', () => {
    expect(fillTemplate('{{a}} {{b}}', 'text', { a: '{{b}}', b: 'B' })).toBe('{{b}} B');
  });

  it('refuses to render a placeholder that has no text', () => {
    expect(() => fillTemplate('{{reference}} {{missing}}', 'text', { reference: 'R-1' })).toThrow('{{missing}}');
    expect(() => fillTemplate('{{reference}}', 'text', { reference: null })).toThrow('got null');
  });

  it('drops a paragraph that is a placeholder alone when its value is empty or absent, and keeps it otherwise', () => {
    const text = 'Decision: {{outcome}}\n\n{{thanks}}\n\nYours faithfully,';
    expect(fillTemplate(text, 'text', { outcome: 'approved', thanks: '' })).toBe('Decision: approved\n\nYours faithfully,');
    expect(fillTemplate(text, 'text', { outcome: 'approved' })).toBe('Decision: approved\n\nYours faithfully,');
    expect(fillTemplate(text, 'text', { outcome: 'approved', thanks: 'Thank you.' })).toBe(
      'Decision: approved\n\nThank you.\n\nYours faithfully,',
    );
    const html = '<p>{{outcome}}</p>\n<p>{{thanks}}</p>\n<p>Yours faithfully,</p>';
    expect(fillTemplate(html, 'html', { outcome: 'approved', thanks: '' })).toBe('<p>approved</p>\n<p>Yours faithfully,</p>');
    // Only a paragraph of its own: within a sentence, an absent value is still an error.
    expect(() => fillTemplate('Thanks: {{thanks}}\n\n', 'text', {})).toThrow('{{thanks}}');
  });
});

describe('placeholdersIn and strayBracesIn', () => {
  it('lists the distinct fields a template uses', () => {
    expect(placeholdersIn('{{reference}} {{ governmentName }} {{reference}}')).toEqual(['reference', 'governmentName']);
  });

  it('finds braces that do not form a placeholder', () => {
    expect(strayBracesIn('Dear {{governmentName}}, {{reference} is yours')).toContain('{{reference}');
    expect(strayBracesIn('{{governmentName}} and {{reference}}')).toBeUndefined();
    expect(strayBracesIn('{{government-name}}')).toBeDefined();
  });
});

describe('escapeHtml', () => {
  it('leaves text without special characters alone', () => {
    expect(escapeHtml('동북아시아지역자치단체연합 (NEAR)')).toBe('동북아시아지역자치단체연합 (NEAR)');
  });
});
