// The part of jsdom (a devDependency without bundled types) the audit command uses to draw charts for --html.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string);
    readonly window: Window & typeof globalThis;
  }
}
