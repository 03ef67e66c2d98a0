// An exported SVG is a document others open in a browser, where an SVG file can run script. Ours draws
// only shapes and text (labels come from links, but as text nodes, which the serializer escapes); this
// removes anything active all the same, so that no future chart, extension or injected node can put
// script into a file: <script>, <foreignObject> (HTML inside SVG), <iframe>/<embed>/<object>, event
// handler attributes (on…), and links to anything but the file's own fragments (#id).

const ACTIVE_ELEMENTS = ['script', 'foreignObject', 'iframe', 'embed', 'object', 'handler', 'listener'];

/** Removes everything that could run in a viewer, in place. */
export function makeSvgInert(svg: Element): void {
  for (const tag of ACTIVE_ELEMENTS) {
    for (const el of Array.from(svg.getElementsByTagName(tag))) el.remove();
  }
  for (const el of [svg, ...Array.from(svg.querySelectorAll('*'))]) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.localName.toLowerCase();
      const isLink = name === 'href' || name === 'src' || name === 'action' || name === 'formaction';
      if (name.startsWith('on') || (isLink && !attr.value.trim().startsWith('#'))) {
        el.removeAttributeNode(attr);
      }
    }
  }
}
