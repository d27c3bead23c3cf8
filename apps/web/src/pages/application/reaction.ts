import { ApiProblem } from '../../api/problem.js';
import { t } from '../../i18n/i18n.js';
import { notify } from '../../ui/notice.js';
import { showProblem } from '../../ui/problems.js';

/** What a section of the application page does after its request: reload and say what happened. */
export interface Reaction {
  done(message: string): Promise<void>;
  failed(form: HTMLElement, problem: unknown): Promise<void>;
}

export function reaction(reload: () => Promise<void>): Reaction {
  return {
    async done(message) {
      await reload();
      notify(message);
    },
    async failed(form, problem) {
      if (problem instanceof ApiProblem && problem.isConflict) {
        // Someone else acted first: the form was about a state that is gone. Said once, in the page's own banner
        // (an alert), and not with the API's words, which ask for the reload that has just happened.
        await reload();
        const banner = document.getElementById('conflict-banner');
        if (banner) banner.textContent = t('conflict.reloaded');
        else notify(t('conflict.reloaded'), 'warning');
        return;
      }
      showProblem(form, problem);
    },
  };
}
