// Renders a table string with a few inline tags (<code>, <em>, <strong>, <sup>) as React elements, so a
// translation can put the markup where its own word order wants it. No other HTML is interpreted.
import { Fragment, type ReactNode } from 'react';

const TAG = /<(code|em|strong|sup)>(.*?)<\/\1>/g;

export function rich(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(TAG)) {
    const at = match.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    const [, tag, inner] = match;
    const key = `${at}`;
    if (tag === 'code') out.push(<code key={key}>{inner}</code>);
    else if (tag === 'em') out.push(<em key={key}>{inner}</em>);
    else if (tag === 'strong') out.push(<strong key={key}>{inner}</strong>);
    else out.push(<sup key={key}>{inner}</sup>);
    last = at + match[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function Rich({ text }: { text: string }) {
  return <Fragment>{rich(text)}</Fragment>;
}
