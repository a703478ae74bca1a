import { useRef, useState, type ComponentProps } from 'react';
import type { ExtraProps } from 'react-markdown';
import { CheckIcon, CopyIcon } from '../common/icons';

type Props = ComponentProps<'pre'> & ExtraProps;

export function CodeBlock({ node, children, ...rest }: Props) {
  const ref = useRef<HTMLPreElement>(null);
  const [copied, setCopied] = useState(false);
  const code = node?.children.find((c) => c.type === 'element' && c.tagName === 'code');
  const className = code && code.type === 'element' ? code.properties.className : undefined;
  const language = Array.isArray(className) ? className.map(String).find((c) => c.startsWith('language-'))?.slice(9) : undefined;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(ref.current?.textContent ?? '');
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // Clipboard may be denied; nothing useful to tell beyond the button not confirming.
    }
  };

  return (
    <div className="code-block">
      <div className="code-header">
        <span className="code-lang">{language ?? 'code'}</span>
        <button type="button" className="code-copy" onClick={copy} aria-label={copied ? 'Copied' : 'Copy code'}>
          {copied ? <CheckIcon /> : <CopyIcon />}
          <span aria-hidden="true">{copied ? 'Copied' : 'Copy'}</span>
        </button>
      </div>
      <pre ref={ref} {...rest}>
        {children}
      </pre>
    </div>
  );
}
