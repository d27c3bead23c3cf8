import { authorization } from './client.js';
import { ApiProblem } from './problem.js';

/** Replaces an application's letter, with its upload progress. */
export function uploadLetter<T>(applicationId: string, file: File, onProgress: (fraction: number) => void): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  return sendForm('PUT', `/applications/${encodeURIComponent(applicationId)}/letter`, form, onProgress);
}

/** Attaches a supporting document (a PDF with its title) to an application, with its upload progress. */
export function uploadAttachment<T>(applicationId: string, title: string, file: File, onProgress: (fraction: number) => void): Promise<T> {
  const form = new FormData();
  form.append('title', title);
  form.append('file', file, file.name);
  return sendForm('POST', `/applications/${encodeURIComponent(applicationId)}/attachments`, form, onProgress);
}

/**
 * Sends a multipart form with XMLHttpRequest rather than fetch: only XHR reports upload progress, and a PDF
 * over a slow line can take minutes.
 */
export function sendForm<T>(
  method: string,
  path: string,
  form: FormData,
  onProgress: (fraction: number) => void,
  headers: Record<string, string> = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(method, path);
    for (const [name, value] of Object.entries({ ...authorization(), ...headers })) request.setRequestHeader(name, value);
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
    request.send(form);
  });
}
