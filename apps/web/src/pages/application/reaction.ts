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
        // Someone else acted first: the form was about a state that is gone.
        await reload();
        notify(t('conflict.reloaded'), 'warning');
        const banner = document.getElementById('conflict-banner');
        if (banner) banner.textContent = `${t('conflict.reloaded')} ${problem.detail}`;
        return;
      }
      showProblem(form, problem);
    },
  };
}
