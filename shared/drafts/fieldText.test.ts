import { describe, expect, it } from 'vitest';
import { reconcileFieldText, type FieldTextSources, type FieldTextState } from './fieldText';

function sources(patch: Partial<FieldTextSources> & { key: string; stored: string }): FieldTextSources {
  return {
    unsaved: () => undefined,
    journaled: () => undefined,
    ownEcho: () => false,
    normalise: (t) => t.trim(),
    ...patch,
  };
}

const typed = (key: string, text: string, seen = ''): FieldTextState => ({ key, text, seen, restored: false });

describe('reconcileFieldText', () => {
  it('shows the stored text of the row the field comes to, never the text typed on the row before', () => {
    const onItem1 = typed('item1', '更换分类垃圾桶');
    const next = reconcileFieldText(onItem1, sources({ key: 'item2', stored: '' }));
    expect(next).toEqual({ key: 'item2', text: '', seen: '', restored: false });
  });

  it('coming back to a row whose save is still running shows that unsaved text, not the stale stored one', () => {
    const s = sources({ key: 'item1', stored: '', unsaved: (k) => (k === 'item1' ? '更换垃圾桶' : undefined) });
    expect(reconcileFieldText(typed('item2', ''), s).text).toBe('更换垃圾桶');
  });

  it('restores the journaled text of a window closed mid-typing and marks it to be saved', () => {
    const s = sources({ key: 'item1', stored: '更换', journaled: () => '更换垃圾桶' });
    expect(reconcileFieldText(null, s)).toEqual({ key: 'item1', text: '更换垃圾桶', seen: '更换', restored: true });
    // A journal equal to what is stored is stale: nothing to restore.
    const same = sources({ key: 'item1', stored: '更换', journaled: () => '更换 ' });
    expect(reconcileFieldText(null, same).restored).toBe(false);
  });

  it('keeps the typed text when the echo of its own save arrives (trimmed, or late and older)', () => {
    const state = typed('item1', '更换垃圾桶 ', '');
    const echo = reconcileFieldText(state, sources({ key: 'item1', stored: '更换垃圾桶' }));
    expect(echo).toMatchObject({ text: '更换垃圾桶 ', seen: '更换垃圾桶' });
    const late = reconcileFieldText(
      typed('item1', '更换垃圾桶，下周完成', '更换垃圾桶，下周完成'),
      sources({ key: 'item1', stored: '更换垃圾桶', ownEcho: (_k, v) => v === '更换垃圾桶' }),
    );
    expect(late.text).toBe('更换垃圾桶，下周完成');
  });

  it('keeps the typed text while some of it is unsaved, whatever is stored meanwhile', () => {
    const s = sources({ key: 'item1', stored: '别处的改动', unsaved: () => '正在输入' });
    expect(reconcileFieldText(typed('item1', '正在输入'), s).text).toBe('正在输入');
  });

  it('takes a change stored from elsewhere when everything typed here is saved', () => {
    const state = typed('item1', '旧决议', '旧决议');
    expect(reconcileFieldText(state, sources({ key: 'item1', stored: '新决议' })).text).toBe('新决议');
  });

  it('returns the same state object when nothing changed, so React does not render again', () => {
    const state = typed('item1', 'x', 'x');
    expect(reconcileFieldText(state, sources({ key: 'item1', stored: 'x' }))).toBe(state);
  });
});
