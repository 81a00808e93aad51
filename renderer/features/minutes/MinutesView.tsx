import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MAX_NESTING,
  asNode,
  childNodes,
  mentionName,
  tiptapPlainText,
  type TiptapNode,
} from '../../../shared/meeting/minutesDoc';
import './minutes.css';
import './messages';

/**
 * Read-only minutes of a past meeting (finalised, signed, amended): the stored Tiptap JSON drawn as
 * plain elements, with no editor. Opening a long signed meeting then costs a render, not an editor
 * mount (ProseMirror parsing and measuring 50,000 characters), and the editor's code is not loaded
 * at all. It uses the editor's own classes, so it looks as it did while typed. React escapes all
 * text and only known nodes become elements, so a crafted document cannot inject markup.
 */

function marked(node: TiptapNode, key: number): ReactNode {
  let out: ReactNode = node.text ?? '';
  for (const mark of node.marks) {
    if (mark.type === 'bold') out = <strong>{out}</strong>;
    else if (mark.type === 'italic') out = <em>{out}</em>;
    else if (mark.type === 'underline') out = <u>{out}</u>;
    else if (mark.type === 'strike') out = <s>{out}</s>;
    else if (mark.type === 'code') out = <code>{out}</code>;
    // link, highlight, textStyle: the words are what matters here too.
  }
  return <span key={key}>{out}</span>;
}

function inline(node: TiptapNode, key: number): ReactNode {
  if (node.type === 'text') return node.marks.length > 0 ? marked(node, key) : node.text;
  if (node.type === 'hardBreak') return <br key={key} />;
  if (node.type === 'mention')
    return (
      <span key={key} className="yishi-mention">
        {mentionName(node)}
      </span>
    );
  return tiptapPlainText(node);
}

/** A text block's content; an empty one keeps its line, as the editor shows it. */
function inlines(node: TiptapNode): ReactNode {
  const kids = childNodes(node);
  return kids.length > 0 ? kids.map(inline) : <br />;
}

function block(node: TiptapNode, key: number, depth: number): ReactNode {
  if (depth > MAX_NESTING) return null;
  const inner = () => childNodes(node).map((c, i) => block(c, i, depth + 1));
  switch (node.type) {
    case 'paragraph':
      return <p key={key}>{inlines(node)}</p>;
    case 'heading': {
      const level = Number(node.attrs.level);
      const Tag = `h${Number.isInteger(level) ? Math.min(Math.max(level, 1), 6) : 2}` as 'h2';
      return <Tag key={key}>{inlines(node)}</Tag>;
    }
    case 'bulletList':
      return <ul key={key}>{inner()}</ul>;
    case 'orderedList': {
      const start = Number(node.attrs.start);
      return (
        <ol key={key} start={Number.isInteger(start) && start >= 0 ? start : 1}>
          {inner()}
        </ol>
      );
    }
    case 'listItem':
      return <li key={key}>{inner()}</li>;
    case 'blockquote':
      return <blockquote key={key}>{inner()}</blockquote>;
    case 'codeBlock':
      return (
        <pre key={key}>
          <code>{tiptapPlainText(node)}</code>
        </pre>
      );
    case 'horizontalRule':
      return <hr key={key} />;
    case 'text':
    case 'mention':
    case 'hardBreak':
      return <p key={key}>{inline(node, 0)}</p>;
    default: {
      // An unknown node: its blocks if it has any, else its text.
      const kids = childNodes(node);
      if (kids.some((k) => k.content.length > 0)) return <div key={key}>{inner()}</div>;
      const text = tiptapPlainText(node);
      return text ? <p key={key}>{text}</p> : null;
    }
  }
}

export function MinutesView({ doc }: { doc: unknown }) {
  const { t } = useTranslation('minutes');
  const root = asNode(doc);
  if (!root || tiptapPlainText(root).trim() === '') return <p className="yishi-minutes-empty">{t('empty')}</p>;
  const blocks = root.type === 'doc' ? childNodes(root).map((c, i) => block(c, i, 1)) : block(root, 0, 1);
  return (
    <div className="yishi-minutes is-readonly">
      <div className="yishi-minutes-body">
        <div className="yishi-minutes-content" role="document" aria-label={t('editorLabel')}>
          {blocks}
        </div>
      </div>
    </div>
  );
}
