import { authorization } from './client.js';
import { ApiProblem } from './problem.js';

/**
 * Sends the letter with XMLHttpRequest rather than fetch: only XHR reports upload progress, and a PDF over
 * a slow line can take minutes.
 */
export function uploadLetter<T>(applicationId: string, file: File, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', `/applications/${encodeURIComponent(applicationId)}/letter`);
    for (const [name, value] of Object.entries(authorization())) request.setRequestHeader(name, value);
    request.setRequestHeader('Accept', 'application/json');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body = (() => {
        try {
          return JSON.parse(request.responseText) as Record<string, unknown>;
        } catch {
          return {};
        }
      })();
      if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        resolve(body as T);
      } else {
        reject(ApiProblem.fromBody(request.status, body));
      }
    };
    request.onerror = () => reject(ApiProblem.offline());
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}
