/**
 * The OpenAPI extension by which a route that takes JSON or a multipart form gives the form's schema: Nest's
 * explorer would give the JSON body's schema to every content type. openapi.ts moves it beside the JSON one.
 */
export const MULTIPART_BODY_EXTENSION = 'x-multipart-body';
