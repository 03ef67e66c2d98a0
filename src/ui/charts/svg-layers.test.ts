import { describe, expect, it } from 'vitest';
import { type AnySelection, keepAttr, keepText } from './svg-layers';

/** An element that counts its attribute and text writes (Chromium re-resolves style on each). */
class FakeElement {
  attrs = new Map<string, string>();
  writes = 0;
  text = '';
  getAttribute(name: string) {
    return this.attrs.get(name) ?? null;
  }
  hasAttribute(name: string) {
    return this.attrs.has(name);
  }
  setAttribute(name: string, value: string) {
    this.writes++;
    this.attrs.set(name, value);
  }
  removeAttribute(name: string) {
    this.writes++;
    this.attrs.delete(name);
  }
  get textContent() {
    return this.text;
  }
  set textContent(value: string) {
    this.writes++;
    this.text = value;
  }
}

/** The little of a d3 selection keepAttr uses: each(callback) with `this`, datum, index, group. */
function selectionOf(nodes: FakeElement[], data: number[]): AnySelection {
  return {
    each(callback: (this: FakeElement, d: number, i: number, group: FakeElement[]) => void) {
      for (const [i, node] of nodes.entries()) callback.call(node, data[i] as number, i, nodes);
      return this;
    },
  } as unknown as AnySelection;
}

describe('keepAttr / keepText (charts write only what changed)', () => {
  it('sets a changed value, leaves an equal one alone, removes on null, with d3 callback arguments', () => {
    const nodes = [new FakeElement(), new FakeElement()];
    const sel = selectionOf(nodes, [3, 4]);
    keepAttr(sel, 'x', (d: number, i: number) => d * 10 + i);
    expect(nodes.map((n) => n.getAttribute('x'))).toEqual(['30', '41']);
    expect(nodes.map((n) => n.writes)).toEqual([1, 1]);
    keepAttr(sel, 'x', (d: number, i: number) => d * 10 + i); // the same values again: no writes
    keepAttr(sel, 'fill', 'red');
    keepAttr(sel, 'fill', 'red');
    expect(nodes.map((n) => n.writes)).toEqual([2, 2]);
    keepAttr(sel, 'x', (d: number) => (d === 3 ? 31 : 41));
    expect(nodes.map((n) => n.writes)).toEqual([3, 2]);
    keepAttr(sel, 'fill', null);
    keepAttr(sel, 'fill', null);
    expect(nodes.every((n) => !n.hasAttribute('fill'))).toBe(true);
    expect(nodes.map((n) => n.writes)).toEqual([4, 3]);
  });

  it('replaces a text only when it differs', () => {
    const nodes = [new FakeElement()];
    const sel = selectionOf(nodes, [7]);
    keepText(sel, (d: number) => `step ${d}`);
    keepText(sel, (d: number) => `step ${d}`);
    expect(nodes[0]?.text).toBe('step 7');
    expect(nodes[0]?.writes).toBe(1);
    keepText(sel, 'other');
    expect(nodes[0]?.writes).toBe(2);
  });
});
