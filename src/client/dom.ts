/**
 * The browser scripts' DOM helpers: items are copies of the page's own `<template>` elements,
 * filled with text (never HTML), their optional parts removed when a paper lacks them.
 */
import type { Part } from '../lib/search-text';

export const $ = <T extends Element = HTMLElement>(selector: string): T | null => document.querySelector<T>(selector);

/** A copy of a template's element (`#id`, or the template itself). */
export const clone = (template: string | HTMLTemplateElement | null): HTMLElement =>
  ((typeof template === 'string' ? $<HTMLTemplateElement>(`#${template}`) : template)?.content.firstElementChild?.cloneNode(true) ??
    document.createElement('li')) as HTMLElement;

/** A copy of a template whose first link goes to `href` and reads `parts`. */
export function linked(template: string, href: string, parts: Part[]): HTMLElement {
  const li = clone(template);
  optional(li.querySelector('a'), href, (link) => fill(Object.assign(link, { href }), parts));
  return li;
}

/** Shows or hides the element a selector finds. */
export const show = (selector: string, visible: boolean): void => void $(selector)?.toggleAttribute('hidden', !visible);

/** Sets a part that only some items have (`set(el, value)`), or removes it when the value is empty. */
export const optional = <E extends Element, V>(el: E | null, value: V | undefined, set: (el: E, value: V) => unknown): unknown =>
  el && value !== undefined && value !== '' ? set(el, value) : el?.remove();

/** Fills an element with text parts, the marked ones in <mark>. */
export function fill(el: Element | null, parts: Part[]): void {
  el?.replaceChildren(...parts.map((p) => (p.mark ? Object.assign(document.createElement('mark'), { textContent: p.text }) : p.text)));
}

/** Sets an element's text, when the element exists. */
export const setText = (el: Element | null, value: string): unknown => el && (el.textContent = value);
