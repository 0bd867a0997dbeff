/** Small specs for CLI tests; each triggers known spectral:oas findings. */
export const MINIMAL_OAS3 = `openapi: 3.0.3
info:
  title: Minimal
  version: 1.0.0
paths: {}
`;

/** Clean under spectral:oas: every recommended rule is satisfied. */
export const CLEAN_OAS3 = `openapi: 3.0.3
info:
  title: Clean
  version: 1.0.0
  description: A clean API.
  contact:
    name: API team
    email: api@example.com
servers:
  - url: https://api.example.com
tags:
  - name: pets
    description: Pets.
paths:
  /pets:
    get:
      operationId: listPets
      summary: List pets
      description: Lists pets.
      tags: [pets]
      responses:
        '200':
          description: The pets.
`;
