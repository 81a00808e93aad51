import { describe, expect, it } from 'vitest';
import { ourModuleSideEffects } from '../../../scripts/moduleSideEffects.mjs';

// What the start-up bundle may leave out: a wrong answer either drops an i18n registration or a
// stylesheet (screens then show keys or lose their layout) or keeps whole libraries at start-up.
describe('ourModuleSideEffects', () => {
  const root = '/home/u/yishi';
  it('lets the bundler drop unused domain modules and components', () => {
    expect(ourModuleSideEffects(`${root}/shared/evidence/attachment.ts`)).toBe(false);
    expect(ourModuleSideEffects(`${root}/renderer/features/followup/Evidence.tsx`)).toBe(false);
    expect(ourModuleSideEffects(`${root}/renderer/features/roster/import/ImportDialog.tsx?v=1`)).toBe(false);
    expect(ourModuleSideEffects(`${root}/renderer/features/filing/useFilingExport.ts`)).toBe(false);
    expect(ourModuleSideEffects(`${root}/renderer/features/backups/useRestore.tsx`)).toBe(false);
  });
  it('keeps what registers itself on import', () => {
    expect(ourModuleSideEffects(`${root}/renderer/features/followup/messages.ts`)).toBeUndefined();
    expect(ourModuleSideEffects(`${root}/renderer/features/followup/publicityMessages.ts`)).toBeUndefined();
    expect(ourModuleSideEffects(`${root}/renderer/features/followup/followup.css`)).toBeUndefined();
    expect(ourModuleSideEffects(`${root}/renderer/main.tsx`)).toBeUndefined();
    expect(ourModuleSideEffects(`${root}/renderer/features/meetings/user.ts`)).toBeUndefined();
    expect(ourModuleSideEffects(`${root}/renderer/features/roster/index.ts`)).toBeUndefined();
  });
  it('leaves libraries to their package.json and works with Windows paths', () => {
    expect(ourModuleSideEffects(`${root}/node_modules/antd/es/image/index.js`)).toBeUndefined();
    expect(ourModuleSideEffects(`${root}/node_modules/some-lib/shared/x.ts`)).toBeUndefined();
    // antd's components declare nothing: the bundler may drop the parts no screen uses.
    expect(ourModuleSideEffects(`${root}/node_modules/@rc-component/form/es/index.js`)).toBe(false);
    expect(ourModuleSideEffects('C:\\yishi\\node_modules\\@rc-component\\menu\\es\\Menu.js')).toBe(false);
    expect(ourModuleSideEffects('C:\\yishi\\shared\\dates.ts')).toBe(false);
    expect(ourModuleSideEffects(`${root}/shared/dates.test.ts`)).toBeUndefined();
  });
});
