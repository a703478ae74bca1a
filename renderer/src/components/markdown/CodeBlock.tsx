import { useRef, type ComponentProps } from 'react';
import type { ExtraProps } from 'react-markdown';
import { CheckIcon, CopyIcon } from '../common/icons';
import { useCopy } from '../common/useCopy';

type Props = ComponentProps<'pre'> & ExtraProps;

export function CodeBlock({ node, children, ...rest }: Props) {
  const ref = useRef<HTMLPreElement>(null);
  const [copied, copy] = useCopy();
  const code = node?.children.find((c) => c.type === 'element' && c.tagName === 'code');
  const className = code && code.type === 'element' ? code.properties.className : undefined;
  const language = Array.isArray(className) ? className.map(String).find((c) => c.startsWith('language-'))?.slice(9) : undefined;

  // A refused clipboard has nothing useful to say beyond the button not confirming.
  const onCopy = () => void copy(ref.current?.textContent ?? '').catch(() => undefined);

  return (
    <div className="code-block">
      <div className="code-header">
        <span className="code-lang">{language ?? 'code'}</span>
        <button type="button" className="code-copy" onClick={onCopy} aria-label={copied ? 'Copied' : 'Copy code'}>
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
