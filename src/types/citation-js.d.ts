/** The parts of citation-js the catalogue uses; the packages ship no types. */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: readonly Record<string, unknown>[]);
    data: Record<string, unknown>[];
    format(format: 'ris' | 'data', options?: Record<string, unknown>): unknown;
  }
}
declare module '@citation-js/plugin-ris';
declare module '@citation-js/name' {
  export interface Name {
    given?: string;
    family?: string;
    literal?: string;
    'non-dropping-particle'?: string;
    'dropping-particle'?: string;
    suffix?: string;
  }
  export function parse(name: string): Name;
}
